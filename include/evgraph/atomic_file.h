// Writing files so that a crash or kill leaves either the old or the new
// version, never a mix: write a temporary file in the same directory, flush,
// fsync, then rename over the target.
#pragma once

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>

namespace evgraph {

// Returns an empty string on success, else a message naming the path and the reason.
std::string write_file_atomically(const std::filesystem::path& path, std::string_view contents);

// The streaming form, for outputs too large to hold in memory:
//   AtomicOutputFile file("out.jsonl");
//   if (!file.ok()) fail(file.error());
//   file.stream() << ...;
//   if (std::string error = file.commit(); !error.empty()) fail(error);
// Destroyed without commit(), it removes the temporary and leaves the target as it was.
class AtomicOutputFile {
 public:
  explicit AtomicOutputFile(std::filesystem::path path);
  ~AtomicOutputFile();
  AtomicOutputFile(const AtomicOutputFile&) = delete;
  AtomicOutputFile& operator=(const AtomicOutputFile&) = delete;

  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  std::ostream& stream() { return out_; }
  // Flushes, syncs and renames over the target; empty on success.
  std::string commit();

 private:
  std::filesystem::path path_;
  std::filesystem::path temp_;
  std::ofstream out_;
  std::string error_;
  bool committed_ = false;
};

// Reads a whole file; on failure returns nullopt and sets `error`.
std::optional<std::string> read_file(const std::filesystem::path& path, std::string* error);

}  // namespace evgraph
