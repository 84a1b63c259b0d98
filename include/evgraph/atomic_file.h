// Writing files so that a crash or kill leaves either the old or the new
// version, never a mix: write a temporary file in the same directory, flush,
// fsync, then rename over the target.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace evgraph {

// Returns an empty string on success, else a message naming the path and the reason.
std::string write_file_atomically(const std::filesystem::path& path, std::string_view contents);

// Reads a whole file; on failure returns nullopt and sets `error`.
std::optional<std::string> read_file(const std::filesystem::path& path, std::string* error);

}  // namespace evgraph
