#include "evgraph/dot_writer.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "evgraph/atomic_file.h"
#include "evgraph/graphviz_render.h"
#include "fixture.h"

using namespace evgraph;

namespace {

// Compares `actual` with tests/golden/<name>; EVGRAPH_UPDATE_GOLDEN=1 rewrites the file instead.
void check_golden(const std::string& name, const std::string& actual) {
  const std::string path = testing::source_path("tests/golden/" + name);
  if (const char* update = std::getenv("EVGRAPH_UPDATE_GOLDEN"); update && std::string(update) == "1") {
    REQUIRE(write_file_atomically(path, actual) == "");
    MESSAGE("updated " << path);
    return;
  }
  std::string error;
  const auto expected = read_file(path, &error);
  REQUIRE_MESSAGE(expected, error << " (run with EVGRAPH_UPDATE_GOLDEN=1 to create it)");
  CHECK(actual == *expected);
}

Store hostile_store(const std::string& text) {
  Store store;
  store.actors.push_back(Actor{"x\"y", text, "person", {}});
  Statement s;
  s.id = "s-1";
  s.speaker = "x\"y";
  s.text = text;
  s.date = PartialDate::day(2025, 5, 3);
  store.statements.push_back(s);
  return store;
}

}  // namespace

TEST_CASE("event graph DOT matches the golden file") {
  const EventGraph graph = EventGraph::build(testing::small_store());
  check_golden("small_store.dot", write_event_dot(graph));
  DotOptions clusters;
  clusters.actor_clusters = true;
  check_golden("small_store_clusters.dot", write_event_dot(graph, clusters));
}

TEST_CASE("responses DOT matches the golden file") {
  const EventGraph graph = EventGraph::build(testing::small_store());
  check_golden("small_store_responses.dot", write_links_dot(graph, actor_links(graph, {"responds_to"})));
}

TEST_CASE("time reads left to right: newrank, one rank per date, dates chained in order") {
  const std::string dot = write_event_dot(EventGraph::build(testing::small_store()));
  CHECK(dot.find("newrank=true") != std::string::npos);
  CHECK(dot.find("rankdir=LR") != std::string::npos);
  // Dates: 2025, 2025-04-30, 2025-05, 2025-05-03, 2025-05-15.
  const char* chain[] = {"\"date:2025\" -> \"date:2025-04-30\"", "\"date:2025-04-30\" -> \"date:2025-05\"",
                         "\"date:2025-05\" -> \"date:2025-05-03\"", "\"date:2025-05-03\" -> \"date:2025-05-15\""};
  for (const char* link : chain) CHECK_MESSAGE(dot.find(link) != std::string::npos, link);
  std::size_t ranks = 0;
  for (std::size_t at = dot.find("rank=same"); at != std::string::npos; at = dot.find("rank=same", at + 1)) ++ranks;
  CHECK(ranks == 5);
  const auto rank = dot.find("subgraph \"rank_2025-05-03\"");
  REQUIRE(rank != std::string::npos);
  const auto rank_end = dot.find('}', rank);
  const std::string body = dot.substr(rank, rank_end - rank);
  CHECK(body.find("\"e-chipco-criticize\";") != std::string::npos);
  CHECK(body.find("\"s-chipco-tales\";") != std::string::npos);
}

TEST_CASE("the same store gives the same DOT whatever the input order") {
  Store store = testing::small_store();
  const std::string first = write_event_dot(EventGraph::build(store));
  std::reverse(store.actors.begin(), store.actors.end());
  std::reverse(store.events.begin(), store.events.end());
  std::reverse(store.relations.begin(), store.relations.end());
  CHECK(write_event_dot(EventGraph::build(store)) == first);
}

TEST_CASE("dot_quote escapes quotes, backslashes, newlines and control characters") {
  CHECK(dot_quote("plain") == "\"plain\"");
  CHECK(dot_quote("say \"hi\"") == "\"say \\\"hi\\\"\"");
  CHECK(dot_quote("a\\b") == "\"a\\\\b\"");
  CHECK(dot_quote("a\\") == "\"a\\\\\"");  // a trailing backslash cannot eat the closing quote
  CHECK(dot_quote("one\ntwo\r\n") == "\"one\\ntwo\\n\"");
  CHECK(dot_quote("tab\there\x01") == "\"tab here \"");
  CHECK(dot_quote("bad \xFF byte") == "\"bad \xEF\xBF\xBD byte\"");
  CHECK(dot_label("AT&T") == "\"AT&amp;T\"");
  CHECK(dot_quote("AT&T") == "\"AT&T\"");
}

TEST_CASE("hostile labels cannot break out of the DOT text") {
  const std::string hostile = "Evil \"] ; x [label=pwned] \\ \n<script>alert(1)</script> ]; x [ \\\"";
  const Store store = hostile_store(hostile);
  const std::string dot = write_event_dot(EventGraph::build(store));
  CHECK(dot.find("[label=pwned]") != std::string::npos);  // only ever inside a quoted string
  CHECK(dot.find("\n x [") == std::string::npos);
  // Graphviz parses it as exactly the nodes we wrote (2 + one date label) and keeps the text.
  auto svg = render_graphviz(dot);
  REQUIRE_MESSAGE(svg.ok(), svg.error().message);
  std::size_t nodes = 0;
  for (auto at = svg->find("<g id=\"node"); at != std::string::npos; at = svg->find("<g id=\"node", at + 1)) ++nodes;
  CHECK(nodes == 3);
  CHECK(svg->find("<script>") == std::string::npos);
  CHECK(svg->find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(svg->find("[label=pwned]") != std::string::npos);
}

TEST_CASE("filters keep only the chosen vertices and the edges between them") {
  const EventGraph graph = EventGraph::build(testing::small_store());
  DotOptions options;
  options.include = [](const VertexProps& v) { return v.id == "chipco" || v.id == "s-chipco-tales"; };
  const std::string dot = write_event_dot(graph, options);
  CHECK(dot.find("\"chipco\" -> \"s-chipco-tales\"") != std::string::npos);
  CHECK(dot.find("labco") == std::string::npos);
}
