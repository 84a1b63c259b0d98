#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "evgraph/timeline_html.h"
#include "evgraph/timeline_layout.h"
#include "evgraph/timeline_svg.h"
#include "timeline_fixtures.h"

using namespace evgraph;
using namespace evgraph::timeline_test;

namespace {

std::size_t count_of(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t pos = haystack.find(needle); pos != std::string::npos; pos = haystack.find(needle, pos + 1)) ++n;
  return n;
}

constexpr const char* kHostile = "Nice </text><script>alert(1)</script> & \"quoted\" 'too' </script><b>";

Store hostile_store() {
  Store store = small_store();
  store.statements[0].text = kHostile;
  store.actors[0].name = "Agency <img src=x onerror=alert(2)>";
  store.sources[0].title = "</script><script>alert(3)</script>";
  store.sources[0].url = "javascript:alert(4)";
  return store;
}

}  // namespace

TEST_CASE("golden SVG of the small fixture") {
  TimelineOptions options;
  options.title = "Chip export rules (fixture)";
  std::string svg = render_timeline_svg(small_store(), options);
  std::filesystem::path golden = std::filesystem::path(EVGRAPH_SOURCE_DIR) / "tests/golden/timeline_small.svg";
  if (const char* update = std::getenv("EVGRAPH_UPDATE_GOLDEN"); update && std::string(update) == "1") {
    std::filesystem::create_directories(golden.parent_path());
    std::ofstream(golden, std::ios::binary) << svg;
    MESSAGE("updated " << golden);
  }
  std::ifstream in(golden, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "missing " << golden << " (run with EVGRAPH_UPDATE_GOLDEN=1)");
  std::stringstream expected;
  expected << in.rdbuf();
  CHECK(svg == expected.str());
}

TEST_CASE("SVG output is deterministic and shows what the issue asks for") {
  Store store = small_store();
  std::string a = render_timeline_svg(store);
  std::string b = render_timeline_svg(store);
  CHECK(a == b);
  CHECK(a.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0) == 0);
  CHECK(a.find("class=\"axis-break\"") != std::string::npos);  // 2023 .. 2025 compressed
  CHECK(a.find("class=\"span\"") != std::string::npos);        // month and year dates
  CHECK(a.find(">undated</text>") != std::string::npos);
  CHECK(count_of(a, "class=\"arrow\"") == 3);
  CHECK(a.find("e-hidden") == std::string::npos);  // suppressed
  CHECK(a.find("Trade Agency") != std::string::npos);
  CHECK(a.find("class=\"legend-entry\" data-action=\"criticize\"") != std::string::npos);
  // No exponent or locale-dependent numbers.
  CHECK(a.find("e+") == std::string::npos);
}

TEST_CASE("hostile article text is escaped in the SVG") {
  std::string svg = render_timeline_svg(hostile_store());
  CHECK(svg.find("<script") == std::string::npos);
  CHECK(svg.find("<img") == std::string::npos);
  CHECK(svg.find("&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(svg.find("&quot;quoted&quot; &#39;too&#39;") != std::string::npos);
  // Control characters that XML forbids are dropped.
  Store store = small_store();
  store.statements[0].text = std::string("bell\x07 here");
  CHECK(render_timeline_svg(store).find('\x07') == std::string::npos);
  CHECK(xml_escape("a<b>&\"'") == "a&lt;b&gt;&amp;&quot;&#39;");
}

TEST_CASE("hostile article text cannot break out of the HTML page") {
  std::string html = render_timeline_html(hostile_store());
  // Only the page's own two script elements exist: the JSON data and the code.
  CHECK(count_of(html, "<script") == 2);
  CHECK(count_of(html, "</script>") == 2);
  CHECK(html.find("<img") == std::string::npos);
  // The JSON block parses back to the original text.
  std::string open = "<script type=\"application/json\" id=\"timeline-data\">";
  std::size_t begin = html.find(open);
  REQUIRE(begin != std::string::npos);
  begin += open.size();
  std::size_t end = html.find("</script>", begin);
  std::string json_text = html.substr(begin, end - begin);
  CHECK(json_text.find('<') == std::string::npos);
  nlohmann::json data = nlohmann::json::parse(json_text);
  bool found = false;
  for (const auto& item : data["items"])
    if (item["quote"] == kHostile) found = true;
  CHECK(found);
}

TEST_CASE("the HTML page is self-contained and interactive") {
  Store store = small_store();
  TimelineOptions options;
  options.title = "Fixture story";
  std::string html = render_timeline_html(store, options);
  CHECK(html == render_timeline_html(store, options));
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  // No network: nothing loaded from elsewhere.
  CHECK(html.find("src=\"http") == std::string::npos);
  CHECK(html.find("<link") == std::string::npos);
  CHECK(html.find("@import") == std::string::npos);
  CHECK(html.find("<h1>Fixture story</h1>") != std::string::npos);
  // Markers are focusable and carry the filter keys; filters exist for actors and actions.
  CHECK(count_of(html, "class=\"item\" id=\"item-") == layout_timeline(store).items.size());
  CHECK(html.find("tabindex=\"0\" role=\"button\"") != std::string::npos);
  CHECK(html.find("id=\"actor-filter\"") != std::string::npos);
  CHECK(html.find("<input type=\"checkbox\" value=\"criticize\" checked>") != std::string::npos);
  CHECK(html.find("<input type=\"checkbox\" value=\"acme\" checked>") != std::string::npos);
  CHECK(html.find("function openDetails") != std::string::npos);  // the script resource is inlined
  CHECK(html.find(".item:focus-visible") != std::string::npos);   // and the style sheet
  CHECK(html.find("https://example.org/a") != std::string::npos);  // source links in the data
}
