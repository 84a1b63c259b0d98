// evgraph merge (placeholder until implemented).
#include <iostream>

#include "commands.h"

namespace evgraph::cli {

Command add_merge_command(CLI::App& app) {
  CLI::App* sub = app.add_subcommand("merge", "(not implemented yet)");
  return {sub, [] {
            std::cerr << "evgraph merge: not implemented yet\n";
            return kExitError;
          }};
}

}  // namespace evgraph::cli
