// Hostile and broken input, end to end: each case checks the exact message,
// the exit code, that no partial output appears, and that an existing store is
// left byte for byte as it was.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "cli_runner.h"

namespace fs = std::filesystem;
using evgraph::test::CliRun;
using evgraph::test::file_bytes;
using evgraph::test::run_cli;
using evgraph::test::scratch_dir;
using evgraph::test::write_bytes;

namespace {

const std::string kFixtureStore = EVGRAPH_SOURCE_DIR "/tests/fixtures/small_store.yaml";

// A store with text that tries to break out of every output format, and a
// responds_to cycle (acme -> globex -> acme).
const char* kHostileStore = R"(version: 1
sources:
  - id: doc
    path: doc.txt
    origin: extracted
actors:
  - id: acme
    name: "Acme \"]; evil [ </text><script>alert(1)</script>"
    kind: organization
    origin: extracted
  - id: globex
    name: Globex
    kind: organization
    origin: extracted
statements:
  - id: s-1
    speaker: acme
    text: "It said \"]; evil [ and </text><script>alert(1)</script> then \u0001\u0007 bell"
    date: 2025-05-03
    source: doc
    span: [0, 10]
    origin: extracted
events:
  - id: e-1
    date: 2025-05-03
    actor: acme
    action: criticize
    target: globex
    statement: s-1
    sources:
      - {source: doc, span: [0, 10], text: "</script><script>alert(1)</script>"}
    origin: extracted
  - id: e-2
    date: 2025-05-04
    actor: globex
    action: respond
    target: acme
    sources:
      - {source: doc, span: [11, 20], text: "hit back"}
    origin: extracted
relations:
  - id: r-1
    type: responds_to
    from: acme
    to: globex
    evidence:
      - {source: doc, span: [0, 10], text: "first"}
    origin: extracted
  - id: r-2
    type: responds_to
    from: globex
    to: acme
    evidence:
      - {source: doc, span: [11, 20], text: "second"}
    origin: extracted
)";

struct BadArticle {
  const char* name;
  std::string bytes;
  const char* message;  // after "NAME: error: "
};

std::vector<BadArticle> bad_articles() {
  std::string binary;
  for (int i = 0; i < 256; ++i) binary.push_back(static_cast<char>(255 - i));
  return {
      {"empty.txt", "", "empty document"},
      {"binary.txt", binary, "invalid UTF-8 at byte 0"},
      {"latin1.txt", "Caf\xe9 owners protested on Monday.", "invalid UTF-8 at byte 3"},
      {"nul.txt", std::string("Before\0after.", 13), "NUL byte at byte 6 (binary data?)"},
  };
}

}  // namespace

TEST_CASE("bad articles: exact error, exit 2, no output file, the existing store unchanged") {
  const fs::path dir = scratch_dir("bad-articles");
  const std::string store_before = file_bytes(kFixtureStore);
  write_bytes(dir / "events.yaml", store_before);
  for (const BadArticle& bad : bad_articles()) {
    CAPTURE(bad.name);
    write_bytes(dir / bad.name, bad.bytes);
    const std::string expected = std::string(bad.name) + ": error: " + bad.message + "\n";
    CliRun to_new = run_cli({"extract", bad.name, "-o", "new.yaml"}, dir);
    CHECK(to_new.exit_code == 2);
    CHECK(to_new.err == expected);
    CHECK_FALSE(fs::exists(dir / "new.yaml"));
    CliRun update = run_cli({"extract", bad.name, "--update", "events.yaml"}, dir);
    CHECK(update.exit_code == 2);
    CHECK(update.err == expected);
    CHECK(file_bytes(dir / "events.yaml") == store_before);
    // JSON Lines: the bad document is reported and left out; nothing else is lost.
    CliRun json = run_cli({"extract", "--format", "json", bad.name}, dir);
    CHECK(json.exit_code == 2);
    CHECK(json.err == expected);
    CHECK(json.out.empty());
  }
  fs::remove_all(dir);
}

TEST_CASE("a 50 MB single-line article is refused before it is read, with the limit named") {
  const fs::path dir = scratch_dir("huge-article");
  write_bytes(dir / "huge.txt", std::string(50u << 20, 'x'));
  CliRun r = run_cli({"extract", "huge.txt", "-o", "out.yaml"}, dir);
  CHECK(r.exit_code == 2);
  CHECK(r.err == "huge.txt: error: document is 52428800 bytes, over the limit of 16777216 (--max-doc-bytes)\n");
  CHECK_FALSE(fs::exists(dir / "out.yaml"));
  // The limit is the user's to raise or lower.
  write_bytes(dir / "small.txt", "Acme Corp. criticized Globex Inc. on Monday.");
  CliRun lowered = run_cli({"extract", "small.txt", "--max-doc-bytes", "10", "--format", "json"}, dir);
  CHECK(lowered.exit_code == 2);
  CHECK(lowered.err == "small.txt: error: document is 44 bytes, over the limit of 10 (--max-doc-bytes)\n");
  // The same ceiling holds for documents streamed as JSON Lines.
  CliRun streamed = run_cli({"extract", "--stdin-jsonl", "--max-doc-bytes", "10", "--format", "json"}, dir,
                            "{\"doc\": \"s\", \"text\": \"Acme Corp. criticized Globex Inc.\"}\n");
  CHECK(streamed.exit_code == 2);
  CHECK(streamed.err.find("<stdin>:1: error: ") == 0);
  CHECK(streamed.err.find("over the limit of 10 (--max-doc-bytes)") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("an article made of quotation marks is refused with the quote ceiling named") {
  const fs::path dir = scratch_dir("quote-flood");
  std::string flood;
  for (int i = 0; i < 6000; ++i) flood += "\"x\" ";
  write_bytes(dir / "flood.txt", flood);
  CliRun r = run_cli({"extract", "flood.txt", "-o", "out.yaml"}, dir);
  CHECK(r.exit_code == 2);
  CHECK(r.err == "flood.txt: error: document has 6000 quotation mark pairs, over the limit of 5000 (--max-quotes)\n");
  CHECK_FALSE(fs::exists(dir / "out.yaml"));
  CliRun raised = run_cli({"extract", "flood.txt", "--max-quotes", "6000", "--format", "json", "-o", "out.jsonl"}, dir);
  CHECK(raised.exit_code == 0);
  CHECK(fs::exists(dir / "out.jsonl"));
  fs::remove_all(dir);
}

TEST_CASE("hostile stores: deep nesting, alias bombs, wrong types and impossible dates are reported") {
  const fs::path dir = scratch_dir("bad-stores");
  struct Case {
    const char* name;
    std::string yaml;
    const char* first_error;
  };
  const std::vector<Case> cases = {
      {"deep.yaml", "version: 1\nactors:\n  - " + std::string(10000, '[') + std::string(10000, ']') + "\n",
       "deep.yaml:3:67: error: nesting is deeper than 64 levels\n"},
      {"bomb.yaml",
       "version: 1\nactors:\n  - &a {id: a, name: A, kind: person, origin: extracted}\n  - *a\n  - *a\n",
       "bomb.yaml:3:5: error: anchors are not allowed in a store ('&a')\n"},
      {"types.yaml", "version: 1\nactors:\n  - id: a\n    name: A\n    kind: [x]\n    origin: extracted\n",
       "types.yaml:5:11: error: 'kind' must be a string, found a list\n"},
      {"date.yaml",
       "version: 1\nactors:\n  - id: a\n    name: A\n    kind: person\n    origin: extracted\nevents:\n  - id: e\n"
       "    date: 2025-02-30\n    actor: a\n    action: say\n    sources:\n"
       "      - {source: a, span: [0, 1], text: x}\n    origin: extracted\n",
       "date.yaml:9:11: error: invalid date '2025-02-30': day is out of range for month\n"},
      {"year.yaml",
       "version: 1\nactors:\n  - id: a\n    name: A\n    kind: person\n    origin: extracted\nevents:\n  - id: e\n"
       "    date: 10000-01-01\n    actor: a\n    action: say\n    sources:\n"
       "      - {source: a, span: [0, 1], text: x}\n    origin: extracted\n",
       "year.yaml:9:11: error: invalid date '10000-01-01': expected YYYY, YYYY-MM or YYYY-MM-DD\n"},
      {"dangling.yaml",
       "version: 1\nrelations:\n  - id: r\n    type: responds_to\n    from: nobody\n    to: noone\n"
       "    evidence: []\n    origin: extracted\n",
       "dangling.yaml:5:11: error: unknown actor, statement or event 'nobody' referenced by relation 'r'\n"},
      {"duplicate.yaml",
       "version: 1\nactors:\n  - id: a\n    name: A\n    kind: person\n    origin: extracted\n"
       "  - id: a\n    name: B\n    kind: person\n    origin: extracted\n",
       "duplicate.yaml:7:9: error: duplicate id 'a' (first defined at 3:9)\n"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    write_bytes(dir / c.name, c.yaml);
    CliRun v = run_cli({"validate", c.name}, dir);
    CHECK(v.exit_code == 1);
    CHECK(v.err.rfind(c.first_error, 0) == 0);
    // Commands that read a store refuse it the same way and write nothing.
    CliRun r = run_cli({"render", c.name, "--format", "svg", "-o", "out.svg"}, dir);
    CHECK(r.exit_code == 1);
    CHECK(r.err.rfind(c.first_error, 0) == 0);
    CHECK_FALSE(fs::exists(dir / "out.svg"));
    CHECK(file_bytes(dir / c.name) == c.yaml);
  }
  fs::remove_all(dir);
}

TEST_CASE("a responds_to cycle is data: queries and layouts finish") {
  const fs::path dir = scratch_dir("cycle");
  write_bytes(dir / "events.yaml", kHostileStore);
  CliRun thread = run_cli({"query", "thread", "Globex"}, dir);
  CHECK(thread.exit_code == 0);
  CHECK(thread.out.find("Globex") != std::string::npos);
  CliRun path = run_cli({"query", "path", "Globex", "acme"}, dir);
  CHECK(path.exit_code == 0);
  for (const char* format : {"dot", "svg", "responses-svg", "timeline-svg", "html"}) {
    CAPTURE(format);
    CHECK(run_cli({"render", "--format", format}, dir).exit_code == 0);
  }
  fs::remove_all(dir);
}

TEST_CASE("text that tries to break out of DOT, SVG, HTML, JSON and YAML stays text") {
  const fs::path dir = scratch_dir("escaping");
  write_bytes(dir / "events.yaml", kHostileStore);
  auto render = [&](const char* format) {
    CliRun r = run_cli({"render", "--format", format}, dir);
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    return r.out;
  };
  const std::string dot = render("dot");
  CHECK(dot.find("\\\"]; evil [") != std::string::npos);  // the quote is escaped inside the label
  CHECK(dot.find("\"]; evil [") == dot.find("\\\"]; evil [") + 1);
  CHECK(dot.find('\x01') == std::string::npos);
  for (const char* format : {"svg", "timeline-svg"}) {
    CAPTURE(format);
    const std::string svg = render(format);
    CHECK(svg.find("<script>") == std::string::npos);
    CHECK(svg.find("</text><script>") == std::string::npos);
    CHECK(svg.find("&lt;/text&gt;&lt;script&gt;") != std::string::npos);
    CHECK(svg.find('\x07') == std::string::npos);
  }
  const std::string html = render("html");
  CHECK(html.find("</script><script>alert(1)") == std::string::npos);
  const std::string jsonl = render("jsonl");
  CHECK(jsonl.find("\\u0001") != std::string::npos);  // kept, as a JSON escape
  CHECK(jsonl.find('\x01') == std::string::npos);
  const std::string timelinejs = render("timelinejs");  // HTML inside JSON: escaped twice
  CHECK(timelinejs.find("\\u0026lt;/text\\u0026gt;") != std::string::npos);  // &lt;/text&gt;, JSON-safe
  CHECK(timelinejs.find("</script>") == std::string::npos);
  CHECK(timelinejs.find('\x01') == std::string::npos);
  // YAML: the store written back by a refresh still holds the same text and validates.
  write_bytes(dir / "other.txt", "Globex hit back at Acme Corp. on Monday.");
  CliRun refresh = run_cli({"extract", "other.txt", "--update", "events.yaml"}, dir);
  REQUIRE_MESSAGE(refresh.exit_code == 0, refresh.err);
  CHECK(run_cli({"validate"}, dir).exit_code == 0);
  CHECK(file_bytes(dir / "events.yaml").find("</text><script>alert(1)</script>") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("outputs that are directories or cannot be created are I/O errors and write nothing") {
  const fs::path dir = scratch_dir("bad-outputs");
  fs::create_directories(dir / "a-directory");
  write_bytes(dir / "events.yaml", file_bytes(kFixtureStore));
  CliRun into_dir = run_cli({"render", "--format", "svg", "-o", "a-directory"}, dir);
  CHECK(into_dir.exit_code == 2);
  CHECK(into_dir.err == "evgraph render: error: a-directory: is a directory\n");
  CliRun missing = run_cli({"render", "--format", "dot", "-o", "no/such/dir/out.dot"}, dir);
  CHECK(missing.exit_code == 2);
  CHECK(missing.err == "evgraph render: error: no/such/dir/out.dot: cannot write: No such file or directory\n");
  write_bytes(dir / "a.txt", "Acme Corp. criticized Globex Inc. on Monday.");
  CliRun store_into_dir = run_cli({"extract", "a.txt", "-o", "a-directory"}, dir);
  CHECK(store_into_dir.exit_code == 2);
  CHECK(store_into_dir.err == "evgraph extract: error: a-directory: is a directory\n");
  CliRun json_missing = run_cli({"extract", "a.txt", "--format", "json", "-o", "no/such/out.jsonl"}, dir);
  CHECK(json_missing.exit_code == 2);
  CHECK(json_missing.err == "evgraph extract: error: no/such/out.jsonl: cannot write: No such file or directory\n");
  CHECK(file_bytes(dir / "events.yaml") == file_bytes(kFixtureStore));
  fs::remove_all(dir);
}
