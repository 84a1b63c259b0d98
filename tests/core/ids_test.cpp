#include <doctest/doctest.h>

#include "evgraph/ids.h"

TEST_CASE("slugs are lowercase ASCII words joined by dashes") {
  CHECK(evgraph::slugify("Jensen Huang") == "jensen-huang");
  CHECK(evgraph::slugify("U.S. Department of Commerce") == "us-department-of-commerce");
  CHECK(evgraph::slugify("  AI  Diffusion Rule ") == "ai-diffusion-rule");
  CHECK(evgraph::slugify("!!!") == "x");
}

TEST_CASE("content ids are stable and separate their parts") {
  const std::string a = evgraph::content_id("e", {"nvidia", "criticize", "anthropic"});
  CHECK(a == evgraph::content_id("e", {"nvidia", "criticize", "anthropic"}));
  CHECK(a.rfind("e-", 0) == 0);
  CHECK(a.size() == 14);
  CHECK(a != evgraph::content_id("e", {"nvidia", "criticize", "anthropics"}));
  CHECK(evgraph::content_id("x", {"ab", "c"}) != evgraph::content_id("x", {"a", "bc"}));
}
