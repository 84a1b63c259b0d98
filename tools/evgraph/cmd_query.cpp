// evgraph query (placeholder until implemented).
#include <iostream>

#include "commands.h"

namespace evgraph::cli {

Command add_query_command(CLI::App& app) {
  CLI::App* sub = app.add_subcommand("query", "(not implemented yet)");
  return {sub, [] {
            std::cerr << "evgraph query: not implemented yet\n";
            return kExitError;
          }};
}

}  // namespace evgraph::cli
