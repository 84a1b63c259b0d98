// Subcommands of the evgraph program. Each cmd_*.cpp registers one subcommand
// on the CLI11 app and returns the function that runs it once parsed.
// Exit codes: 0 ok, 1 findings or validation errors, 2 usage or I/O errors.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <optional>
#include <string>

namespace evgraph::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitError = 2;

struct Command {
  CLI::App* app = nullptr;
  std::function<int()> run;
};

// Options shared by every subcommand (set on the top-level app).
struct GlobalOptions {
  std::string resources_dir;  // --resources DIR: overrides built-in language resources
  bool quiet = false;         // --quiet: no progress output
};
GlobalOptions& global_options();

Command add_extract_command(CLI::App& app);
Command add_merge_command(CLI::App& app);
Command add_validate_command(CLI::App& app);
Command add_render_command(CLI::App& app);
Command add_query_command(CLI::App& app);
Command add_timex_command(CLI::App& app);

}  // namespace evgraph::cli
