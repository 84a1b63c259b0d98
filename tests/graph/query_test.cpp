#include "evgraph/query.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "fixture.h"

using namespace evgraph;

namespace {

// Column `name` of every row.
std::vector<std::string> column(const QueryResult& result, const std::string& name) {
  const auto it = std::find(result.columns.begin(), result.columns.end(), name);
  REQUIRE_MESSAGE(it != result.columns.end(), name);
  const std::size_t i = static_cast<std::size_t>(it - result.columns.begin());
  std::vector<std::string> values;
  for (const auto& row : result.rows) values.push_back(row.at(i));
  return values;
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("responses lists actor-level responds_to relations in date order") {
  const Store store = testing::small_store();
  const Queries queries(store);
  auto all = queries.responses();
  REQUIRE(all.ok());
  CHECK(column(*all, "from") == Strings{"LabCo", "ChipCo"});
  CHECK(column(*all, "to") == Strings{"ChipCo", "LabCo"});
  CHECK(column(*all, "date") == Strings{"2025-05", "2025-05-03"});
  CHECK(column(*all, "source") == Strings{"doc-b", "doc-a"});
  CHECK(column(*all, "evidence")[1] == "In response to LabCo, ChipCo said LabCo tells tall tales.");

  auto from = queries.responses("the chipmaker");  // alias, any case
  REQUIRE(from.ok());
  CHECK(column(*from, "to") == Strings{"LabCo"});
  auto to = queries.responses("", "LAB CO");
  REQUIRE(to.ok());
  CHECK(column(*to, "from") == Strings{"ChipCo"});
  auto none = queries.responses("Ana Lee");
  REQUIRE(none.ok());
  CHECK(none->rows.empty());
}

TEST_CASE("unknown and suppressed actors are reported by name") {
  const Store store = testing::small_store();
  const Queries queries(store);
  auto unknown = queries.said("Nobody Inc");
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.error().message.find("no actor named 'Nobody Inc'") != std::string::npos);
  CHECK_FALSE(queries.thread("Ghost Corp").ok());
}

TEST_CASE("thread follows responses both ways and terminates on a cycle") {
  const Store store = testing::small_store();
  const Queries queries(store);
  auto thread = queries.thread("chipco");
  REQUIRE(thread.ok());
  CHECK(column(*thread, "from") == Strings{"LabCo", "ChipCo"});
  CHECK(thread->dot.find("\"chipco\" -> \"labco\"") != std::string::npos);
  CHECK(thread->dot.find("\"labco\" -> \"chipco\"") != std::string::npos);

  // A longer chain with a cycle: A -> B -> C -> A, and D -> A.
  Store chain;
  for (const char* id : {"a", "b", "c", "d", "e"}) chain.actors.push_back(Actor{id, id, "person", {}});
  auto respond = [&](const char* from, const char* to, const char* when) {
    chain.relations.push_back(Relation{std::string("r-") + from + to, "responds_to", from, to,
                                       PartialDate::parse(when), {}});
  };
  respond("b", "c", "2025-01-02");
  respond("a", "b", "2025-01-01");
  respond("c", "a", "2025-01-03");
  respond("d", "a", "2024-12-31");
  respond("e", "d", "2024");  // reaches a through d
  const Queries chain_queries(chain);
  auto from_b = chain_queries.thread("b");
  REQUIRE(from_b.ok());
  CHECK(column(*from_b, "from_id") == Strings{"e", "d", "a", "b", "c"});
  auto from_e = chain_queries.thread("e");
  REQUIRE(from_e.ok());
  CHECK(column(*from_e, "from_id") == Strings{"e", "d", "a", "b", "c"});
  CHECK(chain_queries.thread("d")->rows.size() == 5);
}

TEST_CASE("said lists statements by an actor in date order") {
  const Store store = testing::small_store();
  const Queries queries(store);
  auto said = queries.said("LABCO");
  REQUIRE(said.ok());
  CHECK(column(*said, "date") == Strings{"2025-04-30", "2025-05"});
  CHECK(column(*said, "text") == Strings{"Export limits protect national security.", "We stand by our account."});
  CHECK(column(*said, "cue") == Strings{"said", "replied"});
  CHECK(said->dot.find("\"labco\" -> \"s-labco-reply\"") != std::string::npos);
}

TEST_CASE("between overlaps partial dates with the range") {
  const Store store = testing::small_store();
  const Queries queries(store);
  auto early_may = queries.between(PartialDate::day(2025, 5, 1), PartialDate::day(2025, 5, 10));
  REQUIRE(early_may.ok());
  // The year-only and month-only events overlap; the suppressed 2025-05-10 event does not count.
  CHECK(column(*early_may, "event_id") == Strings{"e-chipco-oppose", "e-labco-respond", "e-chipco-criticize"});
  CHECK(column(*early_may, "actor") == Strings{"ChipCo", "LabCo", "ChipCo"});
  auto april = queries.between(PartialDate::month(2025, 4), PartialDate::month(2025, 4));
  REQUIRE(april.ok());
  CHECK(column(*april, "event_id") == Strings{"e-chipco-oppose", "e-labco-support"});
  auto later = queries.between(PartialDate::day(2025, 5, 16), PartialDate::year(2026));
  REQUIRE(later.ok());
  CHECK(column(*later, "event_id") == Strings{"e-chipco-oppose", "e-labco-respond"});  // May overlaps
  CHECK_FALSE(queries.between(PartialDate::year(2026), PartialDate::year(2025)).ok());
}

TEST_CASE("stance splits supporters and opponents of a rule, with evidence") {
  const Store store = testing::small_store();
  const Queries queries(store);
  auto stance = queries.stance("the rule");
  REQUIRE(stance.ok());
  CHECK(column(*stance, "actor") == Strings{"LabCo", "Commerce Department", "ChipCo"});
  CHECK(column(*stance, "stance") == Strings{"supports", "supports", "opposes"});
  CHECK(column(*stance, "via") == Strings{"event support", "relation supports", "event oppose"});
  CHECK(column(*stance, "evidence")[2] == "ChipCo has long opposed the rule.");
  CHECK(stance->dot.find("\"chipco\" -> \"export-rule\"") != std::string::npos);

  // A relation repeating an event's evidence is not a second opinion.
  Store twice = store;
  twice.relations.push_back(Relation{"r-chipco-opposes-rule", "opposes", "chipco", "export-rule",
                                     PartialDate::year(2025),
                                     {testing::evidence("doc-a", 200, 240, "ChipCo has long opposed the rule.")}});
  const Queries twice_queries(twice);
  CHECK(twice_queries.stance("Export Rule")->rows.size() == 3);
}

TEST_CASE("path finds the shortest chain of relations, in either direction") {
  const Store store = testing::small_store();
  const Queries queries(store);
  auto path = queries.path("Ana Lee", "LabCo");
  REQUIRE(path.ok());
  CHECK(column(*path, "from") == Strings{"Ana Lee", "Commerce Department", "LabCo"});
  CHECK(column(*path, "type") == Strings{"criticizes", "supports", "support"});
  CHECK(column(*path, "to") == Strings{"Commerce Department", "Export Rule", "Export Rule"});
  CHECK(path->note.empty());

  auto direct = queries.path("chipco", "labco");
  REQUIRE(direct.ok());
  CHECK(direct->rows.size() == 1);

  Store islands = store;
  islands.actors.push_back(Actor{"loner", "Loner", "person", {}});
  const Queries island_queries(islands);
  auto none = island_queries.path("Loner", "ChipCo");
  REQUIRE(none.ok());
  CHECK(none->rows.empty());
  CHECK(none->note == "no path between Loner and ChipCo");
}

TEST_CASE("actors ranks by activity") {
  const Store store = testing::small_store();
  const Queries queries(store);
  auto top = queries.actors(2);
  REQUIRE(top.ok());
  CHECK(column(*top, "actor_id") == Strings{"labco", "chipco"});
  CHECK(column(*top, "events") == Strings{"3", "3"});
  CHECK(column(*top, "statements") == Strings{"2", "1"});
}

TEST_CASE("table output is aligned and hides id columns; JSON keeps them") {
  const Store store = testing::small_store();
  const Queries queries(store);
  auto result = queries.responses();
  REQUIRE(result.ok());
  const std::string table = format_table(*result);
  CHECK(table ==
        "FROM    TO      DATE        EVIDENCE                                                   SOURCE\n"
        "LabCo   ChipCo  2025-05     LabCo replied to ChipCo.                                   doc-b\n"
        "ChipCo  LabCo   2025-05-03  In response to LabCo, ChipCo said LabCo tells tall tales.  doc-a\n");
  const auto json = nlohmann::json::parse(format_json(*result));
  REQUIRE(json.size() == 2);
  CHECK(json[0]["from"] == "LabCo");
  CHECK(json[0]["from_id"] == "labco");
  CHECK(json[1]["relation_id"] == "r-chipco-responds-labco");
  CHECK(format_query(*result, QueryFormat::dot) == result->dot);
  CHECK(parse_query_format("json") == QueryFormat::json);
  CHECK_FALSE(parse_query_format("xml"));
}
