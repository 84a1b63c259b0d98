// evgraph render (placeholder until implemented).
#include <iostream>

#include "commands.h"

namespace evgraph::cli {

Command add_render_command(CLI::App& app) {
  CLI::App* sub = app.add_subcommand("render", "(not implemented yet)");
  return {sub, [] {
            std::cerr << "evgraph render: not implemented yet\n";
            return kExitError;
          }};
}

}  // namespace evgraph::cli
