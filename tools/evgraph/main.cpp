// evgraph: timelines and event graphs from news articles. A thin driver over the library.
#include <iostream>
#include <vector>

#include "commands.h"
#include "evgraph/version.h"

namespace evgraph::cli {
GlobalOptions& global_options() {
  static GlobalOptions options;
  return options;
}
}  // namespace evgraph::cli

int main(int argc, char** argv) {
  using namespace evgraph::cli;
  CLI::App app{"evgraph " EVGRAPH_VERSION
               ": builds timelines and event graphs (who said what, when, and who responded to whom) "
               "from news articles",
               "evgraph"};
  app.set_version_flag("--version", "evgraph " EVGRAPH_VERSION);
  app.require_subcommand(1);
  app.fallthrough();
  GlobalOptions& globals = global_options();
  app.add_option("--resources", globals.resources_dir, "Directory overriding the built-in language resources")
      ->check(CLI::ExistingDirectory);
  app.add_flag("-q,--quiet", globals.quiet, "No progress output");

  std::vector<Command> commands = {
      add_extract_command(app), add_merge_command(app), add_validate_command(app),
      add_render_command(app),  add_query_command(app), add_timex_command(app),
  };
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kExitOk : kExitError;
  }
  for (const Command& command : commands) {
    if (command.app->parsed()) {
      try {
        return command.run();
      } catch (const std::exception& e) {
        std::cerr << "evgraph: error: " << e.what() << "\n";
        return kExitError;
      }
    }
  }
  return kExitError;
}
