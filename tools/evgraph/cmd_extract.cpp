// evgraph extract (placeholder until implemented).
#include <iostream>

#include "commands.h"

namespace evgraph::cli {

Command add_extract_command(CLI::App& app) {
  CLI::App* sub = app.add_subcommand("extract", "(not implemented yet)");
  return {sub, [] {
            std::cerr << "evgraph extract: not implemented yet\n";
            return kExitError;
          }};
}

}  // namespace evgraph::cli
