// evgraph validate [STORE]: checks an events.yaml and prints every problem found.
#include <filesystem>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "commands.h"
#include "evgraph/store_yaml.h"

namespace evgraph::cli {

namespace {
struct ValidateOptions {
  std::string store = "events.yaml";
};
}  // namespace

Command add_validate_command(CLI::App& app) {
  auto options = std::make_shared<ValidateOptions>();
  CLI::App* sub = app.add_subcommand(
      "validate",
      "Check an events.yaml store: prints every error as FILE:LINE:COL: error: MESSAGE (exit 0 valid, 1 invalid)");
  sub->add_option("store", options->store, "Store to check")->capture_default_str();
  return {sub, [options] {
            namespace fs = std::filesystem;
            const fs::path path = options->store;
            std::error_code ec;
            // A store that cannot be read at all is an I/O error (2), not a validation finding (1).
            const fs::file_status status = fs::status(path, ec);
            if (ec || !fs::exists(status)) {
              std::cerr << fmt::format("{}: error: cannot open: no such file\n", path.string());
              return kExitError;
            }
            if (fs::is_directory(status)) {
              std::cerr << fmt::format("{}: error: is a directory\n", path.string());
              return kExitError;
            }
            Diagnostics diags;
            const std::optional<Store> store = load_store(path, diags);
            diags.print(std::cerr);
            if (!store) {
              const bool unreadable = diags.error_count() == 1 && diags.items().front().line == 0 &&
                                      diags.items().front().message.rfind("cannot ", 0) == 0;
              if (!global_options().quiet)
                std::cerr << fmt::format("{}: {} error{}\n", path.string(), diags.error_count(),
                                         diags.error_count() == 1 ? "" : "s");
              return unreadable ? kExitError : kExitFindings;
            }
            if (!global_options().quiet)
              std::cout << fmt::format("{}: valid ({} sources, {} actors, {} statements, {} events, {} relations)\n",
                                       path.string(), store->sources.size(), store->actors.size(),
                                       store->statements.size(), store->events.size(), store->relations.size());
            return kExitOk;
          }};
}

}  // namespace evgraph::cli
