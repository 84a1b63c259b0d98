// Loading a store for a subcommand: a missing or unreadable file is an I/O
// error (exit 2), an invalid one a validation finding (exit 1); diagnostics go
// to stderr either way.
#pragma once

#include <filesystem>
#include <iostream>
#include <optional>
#include <string>

#include <fmt/format.h>

#include "commands.h"
#include "evgraph/atomic_file.h"
#include "evgraph/store_yaml.h"

namespace evgraph::cli {

// Returns the store, or nullopt with `exit_code` set and the reason printed.
inline std::optional<Store> load_store_or_report(const std::string& path_text, std::string_view command,
                                                 int& exit_code) {
  namespace fs = std::filesystem;
  const fs::path path = path_text;
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (ec || !fs::exists(status) || fs::is_directory(status)) {
    std::cerr << fmt::format("evgraph {}: error: cannot read store '{}': {}\n", command, path_text,
                             fs::is_directory(status) ? "is a directory" : "no such file");
    exit_code = kExitError;
    return std::nullopt;
  }
  Diagnostics diags;
  std::optional<Store> store = load_store(path, diags);
  diags.print(std::cerr);
  if (!store) {
    std::cerr << fmt::format("evgraph {}: error: '{}' is not a valid store ({} error{})\n", command, path_text,
                             diags.error_count(), diags.error_count() == 1 ? "" : "s");
    exit_code = kExitFindings;
  }
  return store;
}

// Writes `text` to `output` atomically, or to stdout when `output` is empty.
inline int write_output(const std::string& output, std::string_view text, std::string_view command) {
  if (output.empty()) {
    std::cout << text;
    std::cout.flush();
    return std::cout ? kExitOk : kExitError;
  }
  if (std::string error = write_file_atomically(output, text); !error.empty()) {
    std::cerr << fmt::format("evgraph {}: error: {}\n", command, error);
    return kExitError;
  }
  return kExitOk;
}

}  // namespace evgraph::cli
