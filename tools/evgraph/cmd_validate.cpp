// evgraph validate (placeholder until implemented).
#include <iostream>

#include "commands.h"

namespace evgraph::cli {

Command add_validate_command(CLI::App& app) {
  CLI::App* sub = app.add_subcommand("validate", "(not implemented yet)");
  return {sub, [] {
            std::cerr << "evgraph validate: not implemented yet\n";
            return kExitError;
          }};
}

}  // namespace evgraph::cli
