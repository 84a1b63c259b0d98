// tests/fixtures/small_store.yaml and the C++ fixture must describe the same store.
#include <doctest/doctest.h>

#include <sstream>

#include "evgraph/store_yaml.h"
#include "fixture.h"

using namespace evgraph;

TEST_CASE("the YAML fixture loads and matches the C++ fixture") {
  Diagnostics diags;
  const auto loaded = load_store(testing::source_path("tests/fixtures/small_store.yaml"), diags);
  std::ostringstream messages;
  diags.print(messages);
  REQUIRE_MESSAGE(loaded, messages.str());
  const Store expected = testing::small_store();
  REQUIRE(loaded->sources.size() == expected.sources.size());
  REQUIRE(loaded->actors.size() == expected.actors.size());
  REQUIRE(loaded->statements.size() == expected.statements.size());
  REQUIRE(loaded->events.size() == expected.events.size());
  REQUIRE(loaded->relations.size() == expected.relations.size());
  for (std::size_t i = 0; i < expected.actors.size(); ++i) {
    CHECK(loaded->actors[i].id == expected.actors[i].id);
    CHECK(loaded->actors[i].name == expected.actors[i].name);
    CHECK(loaded->actors[i].kind == expected.actors[i].kind);
    CHECK(loaded->actors[i].aliases == expected.actors[i].aliases);
    CHECK(loaded->actors[i].suppressed == expected.actors[i].suppressed);
  }
  for (std::size_t i = 0; i < expected.statements.size(); ++i) {
    CHECK(loaded->statements[i].id == expected.statements[i].id);
    CHECK(loaded->statements[i].text == expected.statements[i].text);
    CHECK(loaded->statements[i].date == expected.statements[i].date);
    CHECK(loaded->statements[i].evidence.source == expected.statements[i].evidence.source);
  }
  for (std::size_t i = 0; i < expected.events.size(); ++i) {
    const Event& a = loaded->events[i];
    const Event& b = expected.events[i];
    CHECK(a.id == b.id);
    CHECK(a.date == b.date);
    CHECK(a.actor == b.actor);
    CHECK(a.action == b.action);
    CHECK(a.target == b.target);
    CHECK(a.statement == b.statement);
    CHECK(a.sources == b.sources);
    CHECK(a.conflicting_dates == b.conflicting_dates);
    CHECK(a.suppressed == b.suppressed);
  }
  for (std::size_t i = 0; i < expected.relations.size(); ++i) {
    const Relation& a = loaded->relations[i];
    const Relation& b = expected.relations[i];
    CHECK(a.id == b.id);
    CHECK(a.type == b.type);
    CHECK(a.from == b.from);
    CHECK(a.to == b.to);
    CHECK(a.date == b.date);
    CHECK(a.evidence == b.evidence);
    CHECK(a.suppressed == b.suppressed);
  }
}
