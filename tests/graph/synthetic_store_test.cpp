#include "evgraph/synthetic_store.h"

#include <doctest/doctest.h>

#include "evgraph/graph.h"

using namespace evgraph;

TEST_CASE("synthetic stores are deterministic and well-linked") {
  SyntheticOptions options;
  options.events = 500;
  const Store a = make_synthetic_store(options);
  const Store b = make_synthetic_store(options);
  REQUIRE(a.events.size() == 500);
  CHECK(a.actors.size() == 40);
  CHECK_FALSE(a.statements.empty());
  CHECK_FALSE(a.relations.empty());
  for (std::size_t i = 0; i < a.events.size(); ++i) {
    CHECK(a.events[i].date == b.events[i].date);
    CHECK(a.events[i].actor == b.events[i].actor);
  }
  CHECK(a.relations.size() == b.relations.size());
  bool month = false, year = false;
  for (const Event& e : a.events) {
    month |= e.date->precision() == DatePrecision::month;
    year |= e.date->precision() == DatePrecision::year;
  }
  CHECK(month);
  CHECK(year);
  // Every reference resolves, so the graph keeps every relation.
  const EventGraph graph = EventGraph::build(a);
  CHECK(graph.vertex_count() == a.actors.size() + a.statements.size() + a.events.size());
  options.seed = 2;
  const Store other = make_synthetic_store(options);
  std::size_t same = 0;
  for (std::size_t i = 0; i < 50; ++i) same += other.events[i].date == a.events[i].date ? 1 : 0;
  CHECK(same < 50);
}
