#include "evgraph/exports.h"

#include <doctest/doctest.h>

#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "evgraph/json_text.h"
#include "fixture.h"

using namespace evgraph;
using nlohmann::json;

namespace {
const json* slide(const json& timeline, const std::string& id) {
  for (const json& e : timeline["events"])
    if (e["unique_id"] == id) return &e;
  return nullptr;
}
}  // namespace

TEST_CASE("TimelineJS JSON has a title slide and one slide per dated event") {
  const Store store = testing::small_store();
  const json timeline = json::parse(render_timelinejs(store, "Chip fight"));
  CHECK(timeline["title"]["text"]["headline"] == "Chip fight");
  // 5 unsuppressed events, plus the statement no event quotes (Commerce's).
  REQUIRE(timeline["events"].size() == 6);
  for (const json& e : timeline["events"]) {
    CHECK(e.contains("start_date"));
    CHECK(e["start_date"].contains("year"));
    CHECK(e["text"].contains("headline"));
    CHECK(e["text"].contains("text"));
    CHECK(e.contains("unique_id"));
  }
  CHECK(slide(timeline, "e-commerce-announce") == nullptr);

  const json* day = slide(timeline, "e-chipco-criticize");
  REQUIRE(day);
  CHECK((*day)["start_date"] == json{{"year", 2025}, {"month", 5}, {"day", 3}});
  CHECK_FALSE(day->contains("display_date"));
  CHECK((*day)["group"] == "ChipCo");
  CHECK((*day)["text"]["headline"] == "ChipCo criticize LabCo");
  CHECK((*day)["text"]["text"].get<std::string>().find("&quot;tall tales&quot;") != std::string::npos);
  CHECK((*day)["text"]["text"].get<std::string>().find("<a href=\"https://example.com/chipco-labco\">") !=
        std::string::npos);

  const json* month = slide(timeline, "e-labco-respond");
  REQUIRE(month);
  CHECK((*month)["start_date"] == json{{"year", 2025}, {"month", 5}});
  CHECK((*month)["display_date"] == "May 2025");
  const json* year = slide(timeline, "e-chipco-oppose");
  REQUIRE(year);
  CHECK((*year)["start_date"] == json{{"year", 2025}});
  CHECK((*year)["display_date"] == "2025");

  const json* quote = slide(timeline, "s-commerce-schedule");
  REQUIRE(quote);
  CHECK((*quote)["group"] == "Commerce Department");
}

TEST_CASE("JSON output cannot close a script element") {
  Store store = testing::small_store();
  const std::string hostile = "</script><script>alert(1)</script> & \xE2\x80\xA8";
  store.statements[1].text = hostile;
  store.actors[0].name = hostile;
  for (const std::string& text : {render_timelinejs(store), render_jsonl(store)}) {
    CHECK(text.find("</script>") == std::string::npos);
    CHECK(text.find("<script>") == std::string::npos);
    CHECK(text.find("\xE2\x80\xA8") == std::string::npos);
  }
  // The value survives: JSON Lines keep the raw text, TimelineJS the HTML-escaped one.
  const std::string jsonl = render_jsonl(store);
  bool found = false;
  std::istringstream lines(jsonl);
  for (std::string line; std::getline(lines, line);) {
    const json e = json::parse(line);
    if (e["id"] == "e-chipco-criticize") {
      CHECK(e["statement"]["text"] == hostile);
      CHECK(e["actor_name"] == hostile);
      found = true;
    }
  }
  CHECK(found);
  const json timeline = json::parse(render_timelinejs(store));
  CHECK((*slide(timeline, "e-chipco-criticize"))["text"]["text"].get<std::string>().find(
            "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp;") != std::string::npos);
  CHECK(json_text(json::parse(R"({"a":"<&>"})")) == R"({"a":"\u003c\u0026\u003e"})");
}

TEST_CASE("JSON Lines: one event per line in date order") {
  const std::string jsonl = render_jsonl(testing::small_store());
  std::istringstream lines(jsonl);
  std::vector<std::string> ids;
  for (std::string line; std::getline(lines, line);) {
    const json e = json::parse(line);
    ids.push_back(e["id"]);
    if (e["id"] == "e-rule-effect") {
      CHECK(e["conflicting_dates"] == json::array({"2025-05-16"}));
      CHECK(e["precision"] == "day");
      CHECK(e["statement"].is_null());
      CHECK(e["sources"][0]["start"] == 0);
      CHECK(e["sources"][0]["end"] == 30);
    }
  }
  CHECK(ids == std::vector<std::string>{"e-chipco-oppose", "e-labco-support", "e-labco-respond",
                                        "e-chipco-criticize", "e-rule-effect"});
}

TEST_CASE("GraphML parses and has every vertex and edge") {
  const Store store = testing::small_store();
  const EventGraph graph = EventGraph::build(store);
  const std::string graphml = render_graphml(graph);
  std::istringstream in(graphml);
  boost::property_tree::ptree tree;
  REQUIRE_NOTHROW(boost::property_tree::read_xml(in, tree));
  const auto& g = tree.get_child("graphml.graph");
  std::size_t nodes = 0, edges = 0;
  for (const auto& [name, child] : g) {
    nodes += name == "node";
    edges += name == "edge";
  }
  CHECK(nodes == graph.vertex_count());
  CHECK(edges == graph.edge_count());
  CHECK(graphml.find("<data key=\"key") != std::string::npos);
  CHECK(graphml.find("ChipCo criticize LabCo") != std::string::npos);
  CHECK(render_graphml(EventGraph::build(store)) == graphml);
}

TEST_CASE("GraphML escapes markup in labels") {
  Store store = testing::small_store();
  store.actors[0].name = "<b>&\"x\"</b>";
  const std::string graphml = render_graphml(EventGraph::build(store));
  CHECK(graphml.find("<b>") == std::string::npos);
  std::istringstream in(graphml);
  boost::property_tree::ptree tree;
  CHECK_NOTHROW(boost::property_tree::read_xml(in, tree));
}

