// `evgraph render` and `evgraph query` on tests/fixtures/small_store.yaml:
// exit codes, stdout vs -o, errors on stderr, deterministic output.
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "cli_runner.h"

namespace fs = std::filesystem;

namespace {

using Run = evgraph::test::CliRun;
using evgraph::test::file_bytes;

fs::path work_dir() {
  const fs::path dir = fs::temp_directory_path() / ("evgraph-graph-cli-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  return dir;
}

// Runs `evgraph ARGS` (ARGS already shell-quoted) from the repository root.
Run run_evgraph(const std::string& args) { return evgraph::test::run_cli_shell(args, EVGRAPH_SOURCE_DIR); }

const std::string kStore = "tests/fixtures/small_store.yaml";

}  // namespace

TEST_CASE("query responses prints an aligned table, and JSON on request") {
  const Run table = run_evgraph("query responses --store " + kStore);
  CHECK(table.exit_code == 0);
  CHECK(table.err.empty());
  CHECK(table.out.rfind("FROM    TO      DATE        EVIDENCE", 0) == 0);
  CHECK(table.out.find("ChipCo  LabCo   2025-05-03") != std::string::npos);
  const Run json = run_evgraph("query responses --from 'the chipmaker' --format json --store " + kStore);
  CHECK(json.exit_code == 0);
  CHECK(json.out.find("\"to_id\": \"labco\"") != std::string::npos);
  CHECK(json.out.find("\"from\": \"LabCo\"") == std::string::npos);
}

TEST_CASE("every query runs on the fixture") {
  CHECK(run_evgraph("query thread CHIPCO --store " + kStore).out.find("LabCo   ChipCo  2025-05") != std::string::npos);
  CHECK(run_evgraph("query said labco --store " + kStore).out.find("We stand by our account.") != std::string::npos);
  CHECK(run_evgraph("query between 2025-05 2025-05 --store " + kStore).out.find("criticize") != std::string::npos);
  CHECK(run_evgraph("query stance 'the rule' --store " + kStore).out.find("opposes") != std::string::npos);
  CHECK(run_evgraph("query path 'Ana Lee' LabCo --store " + kStore).out.find("Commerce Department") != std::string::npos);
  CHECK(run_evgraph("query actors --top 2 --ids --store " + kStore).out == "labco\nchipco\n");
  const Run dot = run_evgraph("query thread chipco --format dot --store " + kStore);
  CHECK(dot.out.rfind("digraph \"responses\" {", 0) == 0);
}

TEST_CASE("query errors: unknown actor and bad date are usage errors, an invalid store is a finding") {
  const Run unknown = run_evgraph("query said 'Nobody Inc' --store " + kStore);
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.out.empty());
  CHECK(unknown.err.find("no actor named 'Nobody Inc'") != std::string::npos);
  const Run date = run_evgraph("query between 2025-02-30 2025 --store " + kStore);
  CHECK(date.exit_code == 2);
  CHECK(date.err.find("2025-02-30") != std::string::npos);
  const Run missing = run_evgraph("query responses --store does-not-exist.yaml");
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("does-not-exist.yaml") != std::string::npos);

  const fs::path bad = work_dir() / "bad.yaml";
  std::ofstream(bad) << "version: 1\nactors:\n  - id: a\n    nme: x\n";
  const Run invalid = run_evgraph("query responses --store '" + bad.string() + "'");
  CHECK(invalid.exit_code == 1);
  CHECK(invalid.err.find("bad.yaml:4:5: error: unknown key 'nme'") != std::string::npos);
}

TEST_CASE("render writes every format to stdout or atomically to -o, byte-identical across runs") {
  for (const char* format : {"dot", "svg", "responses-dot", "responses-svg", "graphml", "timelinejs", "jsonl",
                             "timeline-svg", "html"}) {
    CAPTURE(format);
    const Run a = run_evgraph("render " + kStore + " --format " + format);
    const Run b = run_evgraph("render " + kStore + " --format " + format);
    CHECK(a.exit_code == 0);
    CHECK(a.err.empty());
    CHECK_FALSE(a.out.empty());
    CHECK(a.out == b.out);
  }
  const fs::path out = work_dir() / "events.dot";
  const Run written = run_evgraph("render " + kStore + " --format dot -o '" + out.string() + "'");
  CHECK(written.exit_code == 0);
  CHECK(written.out.empty());
  CHECK(file_bytes(out) == file_bytes(fs::path(EVGRAPH_SOURCE_DIR) / "tests/golden/small_store.dot"));
}

TEST_CASE("render errors") {
  CHECK(run_evgraph("render " + kStore + " --format pdf").exit_code == 2);
  const Run actor = run_evgraph("render " + kStore + " --actor nobody");
  CHECK(actor.exit_code == 2);
  CHECK(actor.err.find("no actor named 'nobody'") != std::string::npos);
  CHECK(run_evgraph("render does-not-exist.yaml --format dot").exit_code == 2);
  const Run dir = run_evgraph("render " + kStore + " --format dot -o /nonexistent-dir/x.dot");
  CHECK(dir.exit_code == 2);
  CHECK_FALSE(dir.err.empty());
  const Run filtered = run_evgraph("render " + kStore + " --format dot --actor 'Ana Lee'");
  CHECK(filtered.exit_code == 0);
  CHECK(filtered.out.find("\"ana-lee\" -> \"commerce-department\"") != std::string::npos);
  CHECK(filtered.out.find("\"labco\"") == std::string::npos);
}
