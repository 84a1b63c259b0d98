#include "evgraph/graphviz_render.h"

#include <doctest/doctest.h>

#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>
#include <cstdlib>
#include <sstream>
#include <thread>

#include "evgraph/atomic_file.h"
#include "evgraph/dot_writer.h"
#include "fixture.h"

using namespace evgraph;

namespace {

std::size_t count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

// Throws (failing the check) unless `xml` is well-formed.
bool well_formed(const std::string& xml) {
  std::istringstream in(xml);
  boost::property_tree::ptree tree;
  try {
    boost::property_tree::read_xml(in, tree);
  } catch (const boost::property_tree::xml_parser_error& e) {
    MESSAGE("not well-formed: " << e.what());
    return false;
  }
  return tree.count("svg") == 1;
}

}  // namespace

TEST_CASE("the event graph renders to well-formed SVG with one group per node") {
  const EventGraph graph = EventGraph::build(testing::small_store());
  auto svg = render_graphviz(write_event_dot(graph));
  REQUIRE_MESSAGE(svg.ok(), svg.error().message);
  CHECK(well_formed(*svg));
  // 14 vertices and 5 date labels (2025, 2025-04-30, 2025-05, 2025-05-03, 2025-05-15).
  CHECK(count(*svg, "<g id=\"node") == 14 + 5);
  CHECK(count(*svg, "<g id=\"edge") == 20);  // the invisible date chain is not drawn
  CHECK(svg->find("ChipCo") != std::string::npos);
  CHECK(svg->find("&quot;tall tales&quot;") != std::string::npos);
}

TEST_CASE("rendering is deterministic") {
  const std::string dot = write_event_dot(EventGraph::build(testing::small_store()));
  auto first = render_graphviz(dot);
  auto second = render_graphviz(dot);
  REQUIRE(first.ok());
  REQUIRE(second.ok());
  CHECK(*first == *second);
}

TEST_CASE("the responses graph SVG matches the golden file") {
  const EventGraph graph = EventGraph::build(testing::small_store());
  auto svg = render_graphviz(write_links_dot(graph, actor_links(graph, {"responds_to"})));
  REQUIRE(svg.ok());
  const std::string path = testing::source_path("tests/golden/small_store_responses.svg");
  if (const char* update = std::getenv("EVGRAPH_UPDATE_GOLDEN"); update && std::string(update) == "1") {
    REQUIRE(write_file_atomically(path, *svg) == "");
    return;
  }
  std::string error;
  const auto expected = read_file(path, &error);
  REQUIRE_MESSAGE(expected, error << " (run with EVGRAPH_UPDATE_GOLDEN=1 to create it)");
  CHECK(*svg == *expected);
}

TEST_CASE("the responses graph renders") {
  const EventGraph graph = EventGraph::build(testing::small_store());
  auto svg = render_graphviz(write_links_dot(graph, actor_links(graph, {"responds_to"})));
  REQUIRE(svg.ok());
  CHECK(well_formed(*svg));
  CHECK(count(*svg, "<g id=\"node") == 2);
  CHECK(count(*svg, "<g id=\"edge") == 2);
}

TEST_CASE("Graphviz errors come back as messages, and later calls still work") {
  auto bad = render_graphviz("digraph { a -> ; }");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().file == "graphviz");
  CHECK(bad.error().message.find("syntax error") != std::string::npos);

  auto engine = render_graphviz("digraph { a -> b }", "no-such-engine");
  REQUIRE_FALSE(engine.ok());
  CHECK_FALSE(engine.error().message.empty());

  auto good = render_graphviz("digraph { a -> b }");
  REQUIRE_MESSAGE(good.ok(), good.error().message);
  CHECK(count(*good, "<g id=\"node") == 2);
}

TEST_CASE("concurrent renders are serialised and agree") {
  const std::string dot = write_event_dot(EventGraph::build(testing::small_store()));
  std::string a, b;
  std::thread t1([&] { a = *render_graphviz(dot); });
  std::thread t2([&] { b = *render_graphviz(dot); });
  t1.join();
  t2.join();
  CHECK_FALSE(a.empty());
  CHECK(a == b);
}
