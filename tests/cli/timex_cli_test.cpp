// `evgraph timex`: JSONL and TimeML output, DCT sources, exit codes.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "cli_runner.h"

namespace fs = std::filesystem;

namespace {

using TimexRun = evgraph::test::CliRun;

const fs::path kFixtures = fs::path(EVGRAPH_SOURCE_DIR) / "tests/fixtures/timex";

TimexRun run_timex(const std::string& args) { return evgraph::test::run_cli_shell(args, fs::temp_directory_path()); }

}  // namespace

TEST_CASE("evgraph timex: JSONL with byte offsets, the sidecar DCT and its source") {
  const TimexRun r = run_timex("timex " + (kFixtures / "article.txt").string());
  REQUIRE(r.exit_code == 0);
  CHECK(r.err == "article: dct 2024-03-04 (meta)\n");
  std::istringstream lines(r.out);
  std::string line;
  std::vector<nlohmann::json> rows;
  while (std::getline(lines, line)) rows.push_back(nlohmann::json::parse(line));
  REQUIRE(rows.size() == 4);
  CHECK(rows[0]["doc"] == "article");
  CHECK(rows[0]["text"] == "March 2, 2024");
  CHECK(rows[0]["start"] == 7);
  CHECK(rows[0]["end"] == 20);
  CHECK(rows[0]["value"] == "2024-03-02");
  CHECK(rows[1]["text"] == "Tuesday");
  CHECK(rows[1]["value"] == "2024-02-27");
  CHECK(rows[2]["text"] == "last week");
  CHECK(rows[2]["value"] == "2024-W09");
  CHECK(rows[3]["type"] == "DURATION");
  CHECK(rows[3]["value"] == "P2Y");
  CHECK(rows[3]["dct_source"] == "meta");
}

TEST_CASE("evgraph timex: --dct overrides the sidecar; TimeML escapes the text") {
  const TimexRun r = run_timex("--quiet timex --format timeml --dct 2024-03-08 " + (kFixtures / "article.txt").string());
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK(r.out.find("<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2024-03-08\"") != std::string::npos);
  CHECK(r.out.find("<TEXT>PARIS, <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2024-03-02\">March 2, 2024</TIMEX3> - The board "
                   "met on <TIMEX3 tid=\"t2\" type=\"DATE\" value=\"2024-03-05\">Tuesday</TIMEX3> &amp; said sales "
                   "&lt;rose&gt; 5% ") != std::string::npos);
  CHECK(r.out.find("</TEXT>\n</TimeML>\n") != std::string::npos);
}

TEST_CASE("evgraph timex: no DCT leaves relative values underspecified") {
  const TimexRun r = run_timex("timex " + (kFixtures / "undated.txt").string());
  REQUIRE(r.exit_code == 0);
  CHECK(r.err == "undated: dct unknown (none)\n");
  CHECK(r.out.find("\"text\":\"yesterday\",\"type\":\"DATE\",\"value\":\"XXXX-XX-XX\"") != std::string::npos);
}

TEST_CASE("evgraph timex: usage errors exit 2") {
  CHECK(run_timex("timex --dct 2024-02-30 " + (kFixtures / "undated.txt").string()).exit_code == 2);
  CHECK(run_timex("timex --format xml " + (kFixtures / "undated.txt").string()).exit_code == 2);
  CHECK(run_timex("timex /no/such/file.txt").exit_code == 2);
}

TEST_CASE("evgraph timex: the compiled rules are cached on disk and give the same output") {
  const fs::path cache = evgraph::test::scratch_dir("hyperscan-cache");
  const std::string article = (kFixtures / "article.txt").string();
  auto run_with_cache = [&](const std::string& dir) {
    return evgraph::test::run_program(
        {"/bin/sh", "-c", "EVGRAPH_CACHE_DIR='" + dir + "' exec '" EVGRAPH_BINARY "' timex '" + article + "'"},
        fs::temp_directory_path());
  };
  const TimexRun first = run_with_cache(cache.string());
  REQUIRE(first.exit_code == 0);
  std::size_t entries = 0;
  for (const auto& entry : fs::directory_iterator(cache)) entries += entry.path().extension() == ".hsdb";
  CHECK(entries == 2);  // one database for the rules, one for the vetoes
  const TimexRun second = run_with_cache(cache.string());  // loads the entry
  CHECK(second.exit_code == 0);
  CHECK(second.out == first.out);
  const TimexRun uncached = run_with_cache("");  // set but empty: compile, write nothing
  CHECK(uncached.out == first.out);
  fs::remove_all(cache);
}
