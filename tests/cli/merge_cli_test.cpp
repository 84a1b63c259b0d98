// `evgraph merge` end to end: the bytes it writes, and how it writes them.
//
// The fixtures (tests/fixtures/merge) are small random extractions made to
// collide: documents extracted twice differently, actors referenced without
// being listed, repeated quotes, out-of-range quote indices, statement, event
// and relation ids that hash alike, and a previous store with curated and
// suppressed facts of every kind and alias merges. The golden stores were
// written by the merge as it was before it streamed (built a Store, then wrote
// it; commit 148df11), so they pin the streaming merge to those bytes.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "cli_runner.h"

namespace fs = std::filesystem;
using evgraph::test::CliRun;
using evgraph::test::file_bytes;
using evgraph::test::run_program;
using evgraph::test::scratch_dir;
using evgraph::test::write_bytes;

namespace {

const fs::path kFixtures = fs::path(EVGRAPH_SOURCE_DIR) / "tests/fixtures/merge";
const fs::path kGolden = fs::path(EVGRAPH_SOURCE_DIR) / "tests/golden";

CliRun merge(std::vector<std::string> args, const fs::path& cwd) {
  args.insert(args.begin(), {EVGRAPH_BINARY, "-q", "merge"});
  return run_program(std::move(args), cwd);
}

// Compares `actual` with tests/golden/<name>; EVGRAPH_UPDATE_GOLDEN=1 rewrites the file instead
// (only for a deliberate change of what merge writes: these pin the bytes across rewrites).
void check_golden(const std::string& name, const std::string& actual) {
  if (const char* update = std::getenv("EVGRAPH_UPDATE_GOLDEN"); update && std::string(update) == "1") {
    write_bytes(kGolden / name, actual);
    MESSAGE("updated " << (kGolden / name).string());
    return;
  }
  REQUIRE_MESSAGE(fs::exists(kGolden / name), "run with EVGRAPH_UPDATE_GOLDEN=1 to create " << name);
  CHECK(actual == file_bytes(kGolden / name));
}

}  // namespace

TEST_CASE("merge writes the bytes the merge wrote before it streamed, with and without a curated store") {
  const fs::path dir = scratch_dir("merge-golden");
  const std::string a = (kFixtures / "shard-a.jsonl").string(), b = (kFixtures / "shard-b.jsonl").string();
  CliRun to_file = merge({a, b, "-o", "events.yaml"}, dir);
  REQUIRE_MESSAGE(to_file.exit_code == 0, to_file.err);
  check_golden("merge_shards.yaml", file_bytes(dir / "events.yaml"));
  CliRun to_stdout = merge({b, a}, dir);
  REQUIRE(to_stdout.exit_code == 0);
  CHECK(to_stdout.out == file_bytes(dir / "events.yaml"));

  // --update without -o writes back to the previous store, atomically.
  write_bytes(dir / "curated.yaml", file_bytes(kFixtures / "curated.yaml"));
  CliRun update = merge({b, "--update", "curated.yaml"}, dir);
  REQUIRE_MESSAGE(update.exit_code == 0, update.err);
  CHECK(update.out.empty());
  check_golden("merge_update.yaml", file_bytes(dir / "curated.yaml"));
  for (const auto& entry : fs::directory_iterator(dir))  // no temporary left behind
    CHECK(entry.path().filename().string().rfind(".", 0) != 0);
  fs::remove_all(dir);
}

TEST_CASE("merge to a directory or a missing folder is an I/O error and leaves the store as it was") {
  const fs::path dir = scratch_dir("merge-outputs");
  fs::create_directories(dir / "a-directory");
  const std::string curated = file_bytes(kFixtures / "curated.yaml");
  write_bytes(dir / "events.yaml", curated);
  const std::string shard = (kFixtures / "shard-b.jsonl").string();
  CliRun into_dir = merge({shard, "--update", "events.yaml", "-o", "a-directory"}, dir);
  CHECK(into_dir.exit_code == 2);
  // After the shards' warnings (documents extracted twice differently).
  CHECK(into_dir.err.ends_with("\nevgraph merge: error: a-directory: is a directory\n"));
  CliRun missing = merge({shard, "-o", "no/such/dir/events.yaml"}, dir);
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.ends_with("\nevgraph merge: error: no/such/dir/events.yaml: cannot write: No such file or directory\n"));
  CHECK(file_bytes(dir / "events.yaml") == curated);
  fs::remove_all(dir);
}
