// `evgraph validate`: exit codes, messages on stderr, and the store left untouched.
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <string>

#include "cli_runner.h"

namespace fs = std::filesystem;

namespace {

using Run = evgraph::test::CliRun;
using evgraph::test::file_bytes;

fs::path validate_dir() {
  const fs::path dir = fs::temp_directory_path() / ("evgraph-validate-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  return dir;
}

// Runs `evgraph validate ARGS` in `dir` (arguments are simple words here, no quoting needed).
Run validate(const fs::path& dir, const std::string& args) {
  return evgraph::test::run_cli_shell("validate " + args, dir);
}

void write(const fs::path& p, const std::string& text) { evgraph::test::write_bytes(p, text); }

}  // namespace

TEST_CASE("evgraph validate: a valid store exits 0") {
  const fs::path dir = validate_dir();
  write(dir / "events.yaml", "version: 1\nactors:\n  - id: acme\n    name: Acme\n    kind: organization\n");
  const Run r = validate(dir, "");
  CHECK(r.exit_code == 0);
  CHECK(r.err == "");
  CHECK(r.out == "events.yaml: valid (0 sources, 1 actors, 0 statements, 0 events, 0 relations)\n");
  fs::remove_all(dir);
}

TEST_CASE("evgraph validate: every error goes to stderr with line, column and caret; exit 1; file unchanged") {
  const fs::path dir = validate_dir();
  const std::string text =
      "version: 1\n"
      "actors:\n"
      "  - id: acme\n"
      "    name: Acme\n"
      "    kind: company\n"
      "events:\n"
      "  - id: e-1\n"
      "    datee: 2025-05-03\n"
      "    actor: acmee\n"
      "    action: criticize\n";
  write(dir / "store.yaml", text);
  const Run r = validate(dir, "store.yaml");
  CHECK(r.exit_code == 1);
  CHECK(r.out == "");
  CHECK(r.err ==
        "store.yaml:5:11: error: unknown actor kind 'company'\n"
        "    kind: company\n"
        "          ^\n"
        "store.yaml:8:5: error: unknown key 'datee' in event\n"
        "    datee: 2025-05-03\n"
        "    ^\n"
        "store.yaml:9:12: error: unknown actor 'acmee' referenced by event 'e-1'\n"
        "    actor: acmee\n"
        "           ^\n"
        "store.yaml: 3 errors\n");
  CHECK(file_bytes(dir / "store.yaml") == text);
  fs::remove_all(dir);
}

TEST_CASE("evgraph validate: hostile input is refused with a clear message") {
  const fs::path dir = validate_dir();
  write(dir / "deep.yaml", "version: 1\nactors: " + std::string(10000, '[') + std::string(10000, ']') + "\n");
  Run r = validate(dir, "deep.yaml");
  CHECK(r.exit_code == 1);
  CHECK(r.err.rfind("deep.yaml:2:72: error: nesting is deeper than 64 levels\n", 0) == 0);
  write(dir / "empty.yaml", "");
  r = validate(dir, "empty.yaml");
  CHECK(r.exit_code == 1);
  CHECK(r.err == "empty.yaml: error: empty store (expected a mapping starting with 'version: 1')\nempty.yaml: 1 error\n");
  fs::remove_all(dir);
}

TEST_CASE("evgraph validate: a missing file or a directory is an I/O error (exit 2)") {
  const fs::path dir = validate_dir();
  Run r = validate(dir, "nope.yaml");
  CHECK(r.exit_code == 2);
  CHECK(r.err == "nope.yaml: error: cannot open: no such file\n");
  fs::create_directories(dir / "sub");
  r = validate(dir, "sub");
  CHECK(r.exit_code == 2);
  CHECK(r.err == "sub: error: is a directory\n");
  fs::remove_all(dir);
}
