#include <doctest/doctest.h>

#include "evgraph/ids.h"

TEST_CASE("slugs are lowercase ASCII words joined by dashes") {
  CHECK(evgraph::slugify("Tomas Okafor") == "tomas-okafor");
  CHECK(evgraph::slugify("U.S. Department of Commerce") == "us-department-of-commerce");
  CHECK(evgraph::slugify("  Open  Harbor Rule ") == "open-harbor-rule");
  CHECK(evgraph::slugify("!!!") == "x");
}

TEST_CASE("content ids are stable and separate their parts") {
  const std::string a = evgraph::content_id("e", {"corvana", "criticize", "meridian"});
  CHECK(a == evgraph::content_id("e", {"corvana", "criticize", "meridian"}));
  CHECK(a.rfind("e-", 0) == 0);
  CHECK(a.size() == 14);
  CHECK(a != evgraph::content_id("e", {"corvana", "criticize", "meridians"}));
  CHECK(evgraph::content_id("x", {"ab", "c"}) != evgraph::content_id("x", {"a", "bc"}));
}

TEST_CASE("a content id's hash round-trips, and only content_id's exact form parses") {
  const std::uint64_t hash = evgraph::content_hash({"a", "100", "Globex is wrong."});
  CHECK(hash < (std::uint64_t{1} << 48));
  const std::string id = evgraph::content_id("s", {"a", "100", "Globex is wrong."});
  CHECK(evgraph::content_id_of("s", hash) == id);
  CHECK(evgraph::parse_content_id("s", id) == hash);
  CHECK(evgraph::content_id_of("e", 0x2a) == "e-00000000002a");
  CHECK(evgraph::parse_content_id("e", "e-00000000002a") == 0x2a);
  CHECK_FALSE(evgraph::parse_content_id("s", "e-00000000002a"));  // another prefix
  CHECK_FALSE(evgraph::parse_content_id("e", "e-00000000002A"));  // uppercase: not content_id's
  CHECK_FALSE(evgraph::parse_content_id("e", "e-00000000002"));   // too short
  CHECK_FALSE(evgraph::parse_content_id("e", "e-00000000002ab"));
  CHECK_FALSE(evgraph::parse_content_id("e", "e_00000000002a"));
  CHECK_FALSE(evgraph::parse_content_id("e", "my-own-event"));
}
