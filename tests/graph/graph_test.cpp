#include "evgraph/graph.h"

#include <doctest/doctest.h>

#include <map>

#include "fixture.h"

using namespace evgraph;

namespace {
std::map<std::string, int> edge_types(const EventGraph& graph) {
  std::map<std::string, int> counts;
  for (auto [it, end] = boost::edges(graph.graph()); it != end; ++it) ++counts[graph[*it].type];
  return counts;
}
bool has_edge(const EventGraph& graph, const char* from, const char* to, const char* type) {
  const auto a = graph.find(from), b = graph.find(to);
  if (!a || !b) return false;
  for (auto [it, end] = boost::out_edges(*a, graph.graph()); it != end; ++it)
    if (boost::target(*it, graph.graph()) == *b && graph[*it].type == type) return true;
  return false;
}
}  // namespace

TEST_CASE("the event graph has one vertex per unsuppressed actor, statement and event") {
  const Store store = testing::small_store();
  const EventGraph graph = EventGraph::build(store);
  CHECK(graph.vertex_count() == 5 + 4 + 5);
  CHECK_FALSE(graph.find("ghost-corp"));
  CHECK_FALSE(graph.find("e-commerce-announce"));
  REQUIRE(graph.find("export-rule"));
  CHECK(graph[*graph.find("export-rule")].kind == VertexKind::rule);
  CHECK(graph[*graph.find("chipco")].kind == VertexKind::actor);
  CHECK(graph[*graph.find("s-labco-reply")].kind == VertexKind::statement);
  const VertexProps& event = graph[*graph.find("e-chipco-criticize")];
  CHECK(event.kind == VertexKind::event);
  CHECK(event.label == "ChipCo criticize LabCo");
  CHECK(event.action == "criticize");
  CHECK(event.sources == std::vector<std::string>{"doc-a"});
}

TEST_CASE("vertex dates keep their precision") {
  const EventGraph graph = EventGraph::build(testing::small_store());
  const auto& month = graph[*graph.find("e-labco-respond")].date;
  REQUIRE(month);
  CHECK(month->precision() == DatePrecision::month);
  CHECK(month->iso() == "2025-05");
  const auto& year = graph[*graph.find("e-chipco-oppose")].date;
  REQUIRE(year);
  CHECK(year->precision() == DatePrecision::year);
  CHECK(year->first_day() == boost::gregorian::date(2025, 1, 1));
  CHECK_FALSE(graph[*graph.find("chipco")].date);
}

TEST_CASE("edges are typed and suppressed relations are skipped") {
  const EventGraph graph = EventGraph::build(testing::small_store());
  const auto counts = edge_types(graph);
  CHECK(counts.at("said") == 4);
  CHECK(counts.at("performed") == 5);
  CHECK(counts.at("targets") == 4);
  CHECK(counts.at("quotes") == 3);
  CHECK(counts.at("responds_to") == 2);
  CHECK(counts.at("supports") == 1);
  CHECK(counts.at("criticizes") == 1);
  CHECK(graph.edge_count() == 20);
  CHECK(has_edge(graph, "chipco", "s-chipco-tales", "said"));
  CHECK(has_edge(graph, "e-chipco-criticize", "e-labco-support", "responds_to"));
  CHECK(has_edge(graph, "e-labco-support", "export-rule", "targets"));
  CHECK_FALSE(has_edge(graph, "commerce-department", "chipco", "responds_to"));
}

TEST_CASE("edges to a suppressed or missing vertex are left out") {
  Store store = testing::small_store();
  store.actors[0].suppressed = true;  // chipco
  store.relations.push_back(Relation{"r-dangling", "responds_to", "labco", "nobody", std::nullopt, {}});
  const EventGraph graph = EventGraph::build(store);
  CHECK_FALSE(graph.find("chipco"));
  CHECK_FALSE(has_edge(graph, "e-labco-respond", "chipco", "targets"));
  CHECK(edge_types(graph).at("said") == 3);
  CHECK(edge_types(graph).at("responds_to") == 2);  // the event/statement ends still exist
}

TEST_CASE("actor links map statement and event ends to actors, in date order") {
  const EventGraph graph = EventGraph::build(testing::small_store());
  const auto links = actor_links(graph, {"responds_to"});
  REQUIRE(links.size() == 2);
  CHECK(links[0].from == "labco");  // 2025-05 sorts before 2025-05-03
  CHECK(links[0].to == "chipco");
  CHECK(links[1].from == "chipco");
  CHECK(links[1].to == "labco");
  CHECK(links[1].date->iso() == "2025-05-03");
  CHECK(links[1].source == "doc-a");
  CHECK(links[1].from_item == "e-chipco-criticize");
  CHECK(actor_links(graph).size() == 4);
}

TEST_CASE("actor links backed by the same evidence are listed once") {
  Store store = testing::small_store();
  Relation twin = store.relations[0];  // chipco -> labco, from the event
  twin.id = "r-twin";
  twin.from = "s-chipco-tales";  // same actors through the statement
  twin.to = "s-labco-limits";
  store.relations.push_back(twin);
  const EventGraph graph = EventGraph::build(store);
  const auto links = actor_links(graph, {"responds_to"});
  CHECK(links.size() == 2);
  twin.id = "r-other-evidence";
  twin.evidence[0].text = "Different words.";
  store.relations.push_back(twin);
  CHECK(actor_links(EventGraph::build(store), {"responds_to"}).size() == 3);
}

TEST_CASE("shorten keeps whole code points and collapses whitespace") {
  CHECK(shorten("a  b\nc", 10) == "a b c");
  CHECK(shorten("abcdef", 3) == "ab\xE2\x80\xA6");
  CHECK(shorten("\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9", 3) == "\xC3\xA9\xC3\xA9\xE2\x80\xA6");
}
