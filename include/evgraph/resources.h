// Language resources (lexicons, patterns, normalization tables) live as text
// files under resources/<lang>/. They are compiled into the binary at build
// time; a directory given with --resources overrides files of the same path.
//
//   Resources res = Resources::with_override(dir);   // or Resources::builtin()
//   auto months = res.read("en/timex/months.txt");
//   for (auto& line : resource_lines(*months)) ...
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace evgraph {

namespace detail {
struct EmbeddedResource {
  const char* path;  // relative to resources/, e.g. "en/timex/months.txt"; nullptr ends the table
  const char* data;
  std::size_t size;
};
extern const EmbeddedResource kEmbeddedResources[];
}  // namespace detail

class Resources {
 public:
  static const Resources& builtin();
  static Resources with_override(std::filesystem::path dir);

  // The file's content: the override directory's copy if it has one, else the built-in one.
  std::optional<std::string> read(std::string_view relative_path) const;
  // Sorted relative paths of all files under `folder` (e.g. "en/timex/"), built-in and overriding.
  std::vector<std::string> list(std::string_view folder) const;
  // Where a file comes from, for error messages: "<builtin>/en/x.txt" or the override path.
  std::string origin(std::string_view relative_path) const;

 private:
  std::optional<std::filesystem::path> override_dir_;
};

// One meaningful line of a resource file: '#' at the start of a line or after
// whitespace starts a comment, blank lines are skipped,
// surrounding whitespace is trimmed. `number` is the 1-based line in the file.
struct ResourceLine {
  int number = 0;
  std::string text;
};
std::vector<ResourceLine> resource_lines(std::string_view content);

}  // namespace evgraph
