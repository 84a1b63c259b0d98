// `evgraph render` and `evgraph query` on tests/fixtures/small_store.yaml:
// exit codes, stdout vs -o, errors on stderr, deterministic output.
#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace fs = std::filesystem;

namespace {

struct Run {
  int exit_code = -1;
  std::string out;
  std::string err;
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

fs::path work_dir() {
  const fs::path dir = fs::temp_directory_path() / ("evgraph-graph-cli-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  return dir;
}

// Runs `evgraph ARGS` (ARGS already shell-quoted) from the repository root.
Run evgraph(const std::string& args) {
  const fs::path dir = work_dir();
  const std::string command = "cd '" EVGRAPH_SOURCE_DIR "' && '" EVGRAPH_BINARY "' " + args + " >'" +
                              (dir / "out.txt").string() + "' 2>'" + (dir / "err.txt").string() + "'";
  const int status = std::system(command.c_str());
  Run r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = slurp(dir / "out.txt");
  r.err = slurp(dir / "err.txt");
  return r;
}

const std::string kStore = "tests/fixtures/small_store.yaml";

}  // namespace

TEST_CASE("query responses prints an aligned table, and JSON on request") {
  const Run table = evgraph("query responses --store " + kStore);
  CHECK(table.exit_code == 0);
  CHECK(table.err.empty());
  CHECK(table.out.rfind("FROM    TO      DATE        EVIDENCE", 0) == 0);
  CHECK(table.out.find("ChipCo  LabCo   2025-05-03") != std::string::npos);
  const Run json = evgraph("query responses --from 'the chipmaker' --format json --store " + kStore);
  CHECK(json.exit_code == 0);
  CHECK(json.out.find("\"to_id\": \"labco\"") != std::string::npos);
  CHECK(json.out.find("\"from\": \"LabCo\"") == std::string::npos);
}

TEST_CASE("every query runs on the fixture") {
  CHECK(evgraph("query thread CHIPCO --store " + kStore).out.find("LabCo   ChipCo  2025-05") != std::string::npos);
  CHECK(evgraph("query said labco --store " + kStore).out.find("We stand by our account.") != std::string::npos);
  CHECK(evgraph("query between 2025-05 2025-05 --store " + kStore).out.find("criticize") != std::string::npos);
  CHECK(evgraph("query stance 'the rule' --store " + kStore).out.find("opposes") != std::string::npos);
  CHECK(evgraph("query path 'Ana Lee' LabCo --store " + kStore).out.find("Commerce Department") != std::string::npos);
  CHECK(evgraph("query actors --top 2 --ids --store " + kStore).out == "labco\nchipco\n");
  const Run dot = evgraph("query thread chipco --format dot --store " + kStore);
  CHECK(dot.out.rfind("digraph \"responses\" {", 0) == 0);
}

TEST_CASE("query errors: unknown actor and bad date are usage errors, an invalid store is a finding") {
  const Run unknown = evgraph("query said 'Nobody Inc' --store " + kStore);
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.out.empty());
  CHECK(unknown.err.find("no actor named 'Nobody Inc'") != std::string::npos);
  const Run date = evgraph("query between 2025-02-30 2025 --store " + kStore);
  CHECK(date.exit_code == 2);
  CHECK(date.err.find("2025-02-30") != std::string::npos);
  const Run missing = evgraph("query responses --store does-not-exist.yaml");
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("does-not-exist.yaml") != std::string::npos);

  const fs::path bad = work_dir() / "bad.yaml";
  std::ofstream(bad) << "version: 1\nactors:\n  - id: a\n    nme: x\n";
  const Run invalid = evgraph("query responses --store '" + bad.string() + "'");
  CHECK(invalid.exit_code == 1);
  CHECK(invalid.err.find("bad.yaml:4:5: error: unknown key 'nme'") != std::string::npos);
}

TEST_CASE("render writes every format to stdout or atomically to -o, byte-identical across runs") {
  for (const char* format : {"dot", "svg", "responses-dot", "responses-svg", "graphml", "timelinejs", "jsonl",
                             "timeline-svg", "html"}) {
    CAPTURE(format);
    const Run a = evgraph("render " + kStore + " --format " + format);
    const Run b = evgraph("render " + kStore + " --format " + format);
    CHECK(a.exit_code == 0);
    CHECK(a.err.empty());
    CHECK_FALSE(a.out.empty());
    CHECK(a.out == b.out);
  }
  const fs::path out = work_dir() / "events.dot";
  const Run written = evgraph("render " + kStore + " --format dot -o '" + out.string() + "'");
  CHECK(written.exit_code == 0);
  CHECK(written.out.empty());
  CHECK(slurp(out) == slurp(fs::path(EVGRAPH_SOURCE_DIR) / "tests/golden/small_store.dot"));
}

TEST_CASE("render errors") {
  CHECK(evgraph("render " + kStore + " --format pdf").exit_code == 2);
  const Run actor = evgraph("render " + kStore + " --actor nobody");
  CHECK(actor.exit_code == 2);
  CHECK(actor.err.find("no actor named 'nobody'") != std::string::npos);
  CHECK(evgraph("render does-not-exist.yaml --format dot").exit_code == 2);
  const Run dir = evgraph("render " + kStore + " --format dot -o /nonexistent-dir/x.dot");
  CHECK(dir.exit_code == 2);
  CHECK_FALSE(dir.err.empty());
  const Run filtered = evgraph("render " + kStore + " --format dot --actor 'Ana Lee'");
  CHECK(filtered.exit_code == 0);
  CHECK(filtered.out.find("\"ana-lee\" -> \"commerce-department\"") != std::string::npos);
  CHECK(filtered.out.find("\"labco\"") == std::string::npos);
}
