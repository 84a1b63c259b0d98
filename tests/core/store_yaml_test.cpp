#include "evgraph/store_yaml.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include <fmt/format.h>

#include "evgraph/atomic_file.h"

using namespace evgraph;

namespace {

// Every diagnostic's "file:line:col: severity: message", one per line.
std::string problems(std::string_view yaml, const StoreLimits& limits = {}) {
  Diagnostics diags;
  const auto store = parse_store(yaml, "events.yaml", diags, limits);
  CHECK(store.has_value() == !diags.has_errors());
  std::string out;
  for (const Diagnostic& d : diags.items()) out += d.header() + "\n";
  return out;
}

// A small valid store in the writer's own layout.
const char* const kValid =
    "# evgraph store v1 — edit by hand freely; run `evgraph validate` to check.\n"
    "version: 1\n"
    "sources:\n"
    "  - id: doc-1\n"
    "    title: \"Chipmaker rebukes lab\"\n"
    "    outlet: Daily Wire Service\n"
    "    url: https://example.com/a?b=c&d=e\n"
    "    published: 2025-05-03\n"
    "    path: ../shared/corpus/doc-1.txt\n"
    "    origin: extracted\n"
    "actors:\n"
    "  - id: acme\n"
    "    name: Acme\n"
    "    kind: organization\n"
    "    aliases: [ACME, the company]\n"
    "    origin: extracted\n"
    "  - id: globex\n"
    "    name: Globex\n"
    "    kind: organization\n"
    "    origin: curated\n"
    "statements:\n"
    "  - id: s-1\n"
    "    speaker: acme\n"
    "    text: \"They are \\\"wrong\\\".\"\n"
    "    cue: said\n"
    "    date: 2025-05-03\n"
    "    source: doc-1\n"
    "    span: [10, 30]\n"
    "    origin: extracted\n"
    "events:\n"
    "  - id: e-1\n"
    "    date: 2025-05-03\n"
    "    conflicting_dates: [2025-05-01]\n"
    "    actor: acme\n"
    "    action: criticize\n"
    "    target: globex\n"
    "    statement: s-1\n"
    "    sources:\n"
    "      - {source: doc-1, span: [0, 40], text: \"Acme criticized Globex.\"}\n"
    "    origin: extracted\n"
    "  - id: e-2\n"
    "    actor: globex\n"
    "    action: respond\n"
    "    origin: curated\n"
    "    suppressed: true\n"
    "relations:\n"
    "  - id: r-1\n"
    "    type: responds_to\n"
    "    from: globex\n"
    "    to: acme\n"
    "    date: 2025-05\n"
    "    evidence:\n"
    "      - {source: doc-1, span: [50, 60]}\n"
    "    origin: extracted\n";

// kValid with the first occurrence of `from` replaced by `to`.
std::string valid_with(std::string_view from, std::string_view to) {
  std::string text = kValid;
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  return text;
}

std::filesystem::path temp_dir() {
  auto dir = std::filesystem::temp_directory_path() / ("evgraph-store-test-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  return dir;
}

}  // namespace

TEST_CASE("a valid store loads with every field") {
  Diagnostics diags;
  const auto store = parse_store(kValid, "events.yaml", diags);
  REQUIRE(store);
  CHECK(diags.empty());
  REQUIRE(store->sources.size() == 1);
  CHECK(store->sources[0].url == "https://example.com/a?b=c&d=e");
  CHECK(store->sources[0].published->iso() == "2025-05-03");
  REQUIRE(store->actors.size() == 2);
  CHECK(store->actors[0].aliases == std::vector<std::string>{"ACME", "the company"});
  CHECK(store->actors[1].origin == Origin::curated);
  REQUIRE(store->statements.size() == 1);
  CHECK(store->statements[0].text == "They are \"wrong\".");
  CHECK(store->statements[0].evidence == Evidence{"doc-1", 10, 30, "They are \"wrong\"."});
  REQUIRE(store->events.size() == 2);
  CHECK(store->events[0].conflicting_dates == std::vector<std::string>{"2025-05-01"});
  CHECK(store->events[0].sources[0] == Evidence{"doc-1", 0, 40, "Acme criticized Globex."});
  CHECK(store->events[1].suppressed);
  CHECK_FALSE(store->events[1].date);
  REQUIRE(store->relations.size() == 1);
  CHECK(store->relations[0].date->precision() == DatePrecision::month);
}

TEST_CASE("load then save of a file the writer wrote is byte-identical") {
  Diagnostics diags;
  const auto store = parse_store(kValid, "events.yaml", diags);
  REQUIRE(store);
  CHECK(format_store(*store) == kValid);
}

TEST_CASE("an empty store is written with empty sections and reads back") {
  const std::string text = format_store(Store{});
  CHECK(text ==
        "# evgraph store v1 — edit by hand freely; run `evgraph validate` to check.\n"
        "version: 1\nsources: []\nactors: []\nstatements: []\nevents: []\nrelations: []\n");
  Diagnostics diags;
  CHECK(parse_store(text, "events.yaml", diags));
}

TEST_CASE("hostile strings round-trip exactly through the writer and the reader") {
  const std::vector<std::string> hostile = {
      "plain",
      "",
      "with \"double\" and 'single' quotes",
      "back\\slash \\n not a newline",
      "line one\nline two\r\nline three",
      "tab\there",
      std::string("nul\0byte", 8),
      "\x01\x02\x1b[31mred\x7f",
      "- leading dash",
      "-",
      ": colon first",
      "key: value",
      "trailing colon:",
      "# not a comment",
      "a #hash",
      "[not, a, list]",
      "{not: a map}",
      "&anchor *alias !tag %percent @at `tick",
      "? question",
      "|literal",
      ">folded",
      "null",
      "~",
      "true",
      "No",
      "123",
      "-1.5e3",
      "0x1F",
      "002_123",
      ".inf",
      "2025-05-03",
      "  leading and trailing spaces  ",
      "\"]; evil [",
      "</text><script>alert(1)</script>",
      "caf\xC3\xA9 \xE2\x80\x9C" "curly\xE2\x80\x9D \xE2\x80\x94 dash \xF0\x9F\x98\x80",
      "line\xE2\x80\xA8separator\xC2\x85nel\xEF\xBB\xBF" "bom",
      "...",
      "---",
      "a, b",
      std::string(300, 'x'),
  };
  Store store;
  store.sources.push_back({"doc", "", "", "", "", std::nullopt, Origin::extracted, false});
  for (std::size_t i = 0; i < hostile.size(); ++i) {
    const std::string& s = hostile[i];
    const std::string n = std::to_string(i);
    store.actors.push_back({"a" + n, s.empty() ? "x" : s, "person", {s, "b" + s}, Origin::curated, false});
    Statement st;
    st.id = "s" + n;
    st.speaker = "a" + n;
    st.text = s;
    st.cue = s;
    st.evidence = {"doc", 0, 1, s};
    store.statements.push_back(st);
    Event e;
    e.id = "e" + n;
    e.action = "say";
    e.sources = {{"doc", 1, 2, s}};
    store.events.push_back(e);
  }
  store.sources[0].title = hostile[4];
  store.sources[0].url = "https://example.com/x?q=a b&c=#frag";
  const std::string text = format_store(store);
  Diagnostics diags;
  const auto back = parse_store(text, "events.yaml", diags);
  for (const Diagnostic& d : diags.items()) INFO(d.format());
  REQUIRE(back);
  for (std::size_t i = 0; i < hostile.size(); ++i) {
    CAPTURE(hostile[i]);
    CHECK(back->actors[i].name == store.actors[i].name);
    CHECK(back->actors[i].aliases == store.actors[i].aliases);
    CHECK(back->statements[i].text == hostile[i]);
    CHECK(back->statements[i].cue == hostile[i]);
    CHECK(back->events[i].sources[0].text == hostile[i]);
  }
  CHECK(back->sources[0].title == hostile[4]);
  CHECK(back->sources[0].url == store.sources[0].url);
  CHECK(format_store(*back) == text);
  // Escaped text never spans lines: one key per line, whatever the article said.
  CHECK(text.find("line two") == text.find("line one\\nline two") + 10);
}

TEST_CASE("invalid UTF-8 inside a string is written as U+FFFD, so the file stays valid") {
  Store store;
  store.sources.push_back({"doc", "bad \xFF byte", "", "", "", std::nullopt, Origin::extracted, false});
  Diagnostics diags;
  const auto back = parse_store(format_store(store), "events.yaml", diags);
  REQUIRE(back);
  CHECK(back->sources[0].title == "bad \xEF\xBF\xBD byte");
}

TEST_CASE("yaml syntax errors name the line and column") {
  CHECK(problems("version: 1\nactors: [a, b\nevents: []\n") ==
        "events.yaml:3:7: error: yaml syntax error: end of sequence flow not found\n");
  CHECK(problems("version: 1\n  bad indent: x\n") == "events.yaml:2:13: error: yaml syntax error: illegal map value\n");
}

TEST_CASE("unknown keys are reported in every section") {
  CHECK(problems(valid_with("    date: 2025-05-03\n    conflicting", "    datee: 2025-05-03\n    conflicting")) ==
        "events.yaml:32:5: error: unknown key 'datee' in event\n");
  CHECK(problems(valid_with("version: 1\n", "version: 1\nactorz: []\n")) ==
        "events.yaml:3:1: error: unknown key 'actorz' in store\n");
  CHECK(problems(valid_with("{source: doc-1, span: [50, 60]}", "{source: doc-1, span: [50, 60], page: 3}")) ==
        "events.yaml:53:41: error: unknown key 'page' in evidence\n");
  CHECK(problems(valid_with("    cue: said\n", "    cue: said\n    cue: told\n")) ==
        "events.yaml:26:5: error: duplicate key 'cue' in statement\n");
}

TEST_CASE("wrong types are reported with what was found") {
  CHECK(problems(valid_with("aliases: [ACME, the company]", "aliases: {ACME: 1}")) ==
        "events.yaml:15:14: error: 'aliases' must be a list, found a mapping\n");
  CHECK(problems(valid_with("span: [10, 30]", "span: [ten, 30]")) ==
        "events.yaml:28:12: error: invalid span value 'ten': expected a non-negative integer\n");
  CHECK(problems(valid_with("span: [10, 30]", "span: [-1, 30]")) ==
        "events.yaml:28:12: error: invalid span value '-1': expected a non-negative integer\n");
  CHECK(problems(valid_with("span: [10, 30]", "span: 10")) ==
        "events.yaml:28:11: error: 'span' must be a list of two integers [start, end]\n");
  CHECK(problems(valid_with("    name: Acme\n", "    name: [Acme]\n")) ==
        "events.yaml:13:11: error: 'name' must be a string, found a list\n");
  CHECK(problems("version: 1\nevents: {}\n") == "events.yaml:2:9: error: 'events' must be a list, found a mapping\n");
  CHECK(problems("version: 1\nactors:\n  - just a string\n") ==
        "events.yaml:3:5: error: each item of 'actors' must be a mapping, found a string\n");
  CHECK(problems(valid_with("    suppressed: true\n", "    suppressed: maybe\n")) ==
        "events.yaml:45:17: error: 'suppressed' must be true or false\n");
  CHECK(problems(valid_with("    origin: curated\n", "    origin: manual\n")) ==
        "events.yaml:20:13: error: unknown origin 'manual' (expected extracted or curated)\n");
  CHECK(problems("- a\n- b\n") == "events.yaml:1:1: error: a store must be a mapping, found a list\n");
  CHECK(problems(valid_with("version: 1", "version: 2")) ==
        "events.yaml:2:10: error: unsupported store version '2' (expected 1)\n");
}

TEST_CASE("missing required keys are reported at the entity") {
  CHECK(problems(valid_with("    name: Acme\n", "")) == "events.yaml:12:5: error: missing required key 'name' in actor\n");
  CHECK(problems(valid_with("  - id: globex\n", "  - origin: extracted\n")) ==
        "events.yaml:17:5: error: missing required key 'id' in actor\n"
        "events.yaml:20:5: error: duplicate key 'origin' in actor\n"
        "events.yaml:36:13: error: unknown actor 'globex' referenced by event 'e-1'\n"
        "events.yaml:42:12: error: unknown actor 'globex' referenced by event 'e-2'\n"
        "events.yaml:49:11: error: unknown actor, statement or event 'globex' referenced by relation 'r-1'\n");
  CHECK(problems("actors: []\n") == "events.yaml:1:1: error: missing required key 'version' in store\n");
  CHECK(problems(valid_with("  - id: e-2\n", "  - id: \"\"\n")) == "events.yaml:41:9: error: 'id' must not be empty\n");
}

TEST_CASE("unknown actor kinds, actions and relation types") {
  CHECK(problems(valid_with("kind: organization", "kind: company")) ==
        "events.yaml:14:11: error: unknown actor kind 'company'\n");
  CHECK(problems(valid_with("action: criticize", "action: criticise")) ==
        "events.yaml:35:13: error: unknown action 'criticise'\n");
  CHECK(problems(valid_with("type: responds_to", "type: likes")) ==
        "events.yaml:48:11: error: unknown relation type 'likes'\n");
}

TEST_CASE("invalid and impossible dates") {
  CHECK(problems(valid_with("published: 2025-05-03", "published: 2025-02-30")) ==
        "events.yaml:8:16: error: invalid date '2025-02-30': day is out of range for month\n");
  CHECK(problems(valid_with("published: 2025-05-03", "published: 10000-01-01")) ==
        "events.yaml:8:16: error: invalid date '10000-01-01': expected YYYY, YYYY-MM or YYYY-MM-DD\n");
  CHECK(problems(valid_with("published: 2025-05-03", "published: May 2025")) ==
        "events.yaml:8:16: error: invalid date 'May 2025': expected YYYY, YYYY-MM or YYYY-MM-DD\n");
  CHECK(problems(valid_with("[2025-05-01]", "[2025-13-01]")) ==
        "events.yaml:33:25: error: invalid date '2025-13-01': month is out of range\n");
  CHECK(problems(valid_with("date: 2025-05\n", "date: 1399\n")) ==
        "events.yaml:51:11: error: invalid date '1399': year is outside 1400..9999\n");
}

TEST_CASE("a duplicate id is reported at the second occurrence with a note at the first") {
  CHECK(problems(valid_with("statements:\n", "  - id: acme\n    name: Acme again\n    kind: person\nstatements:\n")) ==
        "events.yaml:21:9: error: duplicate id 'acme' (first defined at 12:9)\n"
        "events.yaml:12:9: note: 'acme' first defined here\n");
  // Source ids live apart from actor/statement/event/relation ids: a file may be named like an actor.
  CHECK(problems(valid_with("  - id: doc-1\n", "  - id: acme\n")).find("duplicate") == std::string::npos);
}

TEST_CASE("dangling references name the missing id and the referring fact") {
  CHECK(problems(valid_with("    actor: acme\n", "    actor: acmee\n")) ==
        "events.yaml:34:12: error: unknown actor 'acmee' referenced by event 'e-1'\n");
  CHECK(problems(valid_with("    speaker: acme\n", "    speaker: s-1\n")) ==
        "events.yaml:23:14: error: 's-1' referenced by statement 's-1' is a statement, not an actor\n");
  CHECK(problems(valid_with("    statement: s-1\n", "    statement: s-2\n")) ==
        "events.yaml:37:16: error: unknown statement 's-2' referenced by event 'e-1'\n");
  CHECK(problems(valid_with("{source: doc-1, span: [0, 40]", "{source: doc-2, span: [0, 40]")) ==
        "events.yaml:39:18: error: unknown source 'doc-2' referenced by event 'e-1'\n");
  CHECK(problems(valid_with("    to: acme\n", "    to: r-1\n")) ==
        "events.yaml:50:9: error: 'r-1' referenced by relation 'r-1' is a relation, not an actor, statement or "
        "event\n");
}

TEST_CASE("a span whose start is after its end") {
  CHECK(problems(valid_with("span: [10, 30]", "span: [456, 123]")) ==
        "events.yaml:28:11: error: span start 456 is after end 123\n");
}

TEST_CASE("every error is reported, in file order") {
  std::string text = valid_with("kind: organization", "kind: company");
  text.replace(text.find("action: criticize"), 17, "action: criticise");
  text.replace(text.find("    actor: acme\n"), 16, "    actor: acmee\n");
  text.replace(text.find("published: 2025-05-03"), 21, "published: 2025-02-30");
  CHECK(problems(text) ==
        "events.yaml:8:16: error: invalid date '2025-02-30': day is out of range for month\n"
        "events.yaml:14:11: error: unknown actor kind 'company'\n"
        "events.yaml:34:12: error: unknown actor 'acmee' referenced by event 'e-1'\n"
        "events.yaml:35:13: error: unknown action 'criticise'\n");
}

TEST_CASE("diagnostics show the source line and a caret") {
  Diagnostics diags;
  parse_store(valid_with("kind: organization", "kind: company"), "events.yaml", diags);
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].format() ==
        "events.yaml:14:11: error: unknown actor kind 'company'\n"
        "    kind: company\n"
        "          ^\n");
}

TEST_CASE("hostile YAML: deep nesting stops at the depth limit without recursing") {
  const std::string flow = "version: 1\nactors: " + std::string(10000, '[') + std::string(10000, ']') + "\n";
  CHECK(problems(flow) == "events.yaml:2:72: error: nesting is deeper than 64 levels\n");
  std::string block = "version: 1\nx:\n";
  for (int i = 0; i < 100; ++i) block += std::string(2 * i + 2, ' ') + "- \n";
  CHECK(problems(block).find("error: nesting is deeper than 64 levels") != std::string::npos);
  StoreLimits shallow;
  shallow.max_depth = 4;
  CHECK(problems(kValid, shallow) == "events.yaml:39:9: error: nesting is deeper than 4 levels\n");
}

TEST_CASE("hostile YAML: anchors and aliases are refused, so alias bombs cost nothing") {
  std::string bomb = "version: 1\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
  for (char c = 'b'; c <= 'i'; ++c) {
    bomb += fmt::format("{}: &{} [", c, c);
    for (int i = 0; i < 9; ++i) bomb += fmt::format("{}*{}", i ? "," : "", static_cast<char>(c - 1));
    bomb += "]\n";
  }
  const std::string found = problems(bomb);
  CHECK(found.find("events.yaml:2:4: error: anchors are not allowed in a store ('&a')\n") != std::string::npos);
  CHECK(found.find("events.yaml:3:8: error: aliases are not allowed in a store\n") != std::string::npos);
  CHECK(problems("version: 1\nactors: &x []\n") == "events.yaml:2:9: error: anchors are not allowed in a store ('&x')\n");
}

TEST_CASE("hostile YAML: size and node limits") {
  StoreLimits small;
  small.max_bytes = 100;
  CHECK(problems(kValid, small) == "events.yaml: error: store is 1178 bytes, larger than the limit of 100 bytes\n");
  StoreLimits few;
  few.max_nodes = 10;
  CHECK(problems(kValid, few) == "events.yaml:6:5: error: store has more than 10 YAML nodes\n");
}

TEST_CASE("empty, binary and multi-document files") {
  CHECK(problems("") == "events.yaml: error: empty store (expected a mapping starting with 'version: 1')\n");
  CHECK(problems("# only a comment\n") ==
        "events.yaml: error: empty store (expected a mapping starting with 'version: 1')\n");
  CHECK(problems(std::string("version: 1\nactors: [\0]\n", 22)) ==
        "events.yaml:2:10: error: control character U+0000 is not allowed (write it as an escape in a double-quoted "
        "string)\n");
  CHECK(problems("version: 1\n# caf\xC3\n") == "events.yaml:2:6: error: invalid UTF-8 at byte 16\n");
  CHECK(problems("version: 1\n---\nversion: 1\n") == "events.yaml:2:1: error: a store holds a single YAML document\n");
}

TEST_CASE("too many errors stop at a ceiling") {
  std::string text = "version: 1\nactors:\n";
  for (int i = 0; i < 1500; ++i) text += "  - bad\n";
  Diagnostics diags;
  CHECK_FALSE(parse_store(text, "events.yaml", diags));
  CHECK(diags.error_count() == 1000);
  CHECK(diags.items().back().header() == "events.yaml: note: stopped after 1000 errors");
}

TEST_CASE("a hand-written store in block style with quoted dates reads (the graph fixture)") {
  Diagnostics diags;
  const auto store = load_store(EVGRAPH_SOURCE_DIR "/tests/fixtures/small_store.yaml", diags);
  for (const Diagnostic& d : diags.items()) INFO(d.format());
  REQUIRE(store);
  CHECK(store->actors.size() == 6);
  CHECK(store->events[3].conflicting_dates == std::vector<std::string>{"2025-05-16"});
}

TEST_CASE("save_store writes atomically and load_store reads it back") {
  const auto dir = temp_dir();
  Diagnostics diags;
  const auto store = parse_store(kValid, "events.yaml", diags);
  REQUIRE(store);
  CHECK(save_store(*store, dir / "events.yaml") == "");
  std::ifstream in(dir / "events.yaml", std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  CHECK(bytes.str() == kValid);
  CHECK(load_store(dir / "events.yaml", diags));
  CHECK(save_store(*store, dir) != "");  // a directory is not overwritten
  Diagnostics missing;
  CHECK_FALSE(load_store(dir / "nope.yaml", missing));
  REQUIRE(missing.items().size() == 1);
  CHECK(missing.items()[0].line == 0);
  CHECK(missing.items()[0].message.rfind("cannot open", 0) == 0);
  std::filesystem::remove_all(dir);
}

TEST_CASE("the stream writer, fed a store's facts one by one, writes format_store's bytes") {
  Diagnostics diags;
  const auto store = parse_store(kValid, "events.yaml", diags);
  REQUIRE(store);
  std::ostringstream out;
  StoreStreamWriter writer(out, store->version);
  for (const Source& s : store->sources) writer.source(s);
  for (const Actor& a : store->actors) writer.actor(a);
  for (const Statement& s : store->statements) writer.statement(s);
  for (const Event& e : store->events) writer.event(e);
  for (const Relation& r : store->relations) writer.relation(r);
  writer.finish();
  CHECK(out.str() == kValid);
}

TEST_CASE("the stream writer writes sections left empty as [], before, between and after facts") {
  Store only_events;
  only_events.events.push_back({});
  only_events.events.back().id = "e-1";
  only_events.events.back().action = "say";
  std::ostringstream out;
  StoreStreamWriter writer(out);
  writer.event(only_events.events.back());
  writer.finish();
  CHECK(out.str() == format_store(only_events));
  CHECK(out.str().find("sources: []\nactors: []\nstatements: []\nevents:\n") != std::string::npos);
  CHECK(out.str().ends_with("origin: extracted\nrelations: []\n"));

  std::ostringstream empty;
  StoreStreamWriter nothing(empty);
  nothing.finish();
  CHECK(empty.str() == format_store(Store{}));
}

TEST_CASE("the stream writer refuses a fact of an earlier section") {
  std::ostringstream out;
  StoreStreamWriter writer(out);
  Actor a;
  a.id = "acme";
  writer.actor(a);
  Source s;
  s.id = "doc-1";
  CHECK_THROWS_AS(writer.source(s), std::logic_error);
  writer.actor(a);  // the same section again is fine
}
