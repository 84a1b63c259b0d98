// evgraph timex (placeholder until implemented).
#include <iostream>

#include "commands.h"

namespace evgraph::cli {

Command add_timex_command(CLI::App& app) {
  CLI::App* sub = app.add_subcommand("timex", "(not implemented yet)");
  return {sub, [] {
            std::cerr << "evgraph timex: not implemented yet\n";
            return kExitError;
          }};
}

}  // namespace evgraph::cli
