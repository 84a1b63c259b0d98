#include <doctest/doctest.h>

#include "extract_test_util.h"

using namespace evgraph;
using namespace evgraph::test;

TEST_CASE("organization suffixes, rule cues and the gazetteer give kinds") {
  const Extraction x = extract_text(
      "Officials at the Ministry of Transport met Brightwell Logistics Inc. on the new Clean Freight Act. "
      "Reuters reported that Germany objected.");
  REQUIRE(actor_named(x, "Ministry of Transport"));
  CHECK(actor_named(x, "Ministry of Transport")->kind == "government");
  REQUIRE(actor_named(x, "Brightwell Logistics Inc."));
  CHECK(actor_named(x, "Brightwell Logistics Inc.")->kind == "organization");
  REQUIRE(actor_named(x, "Clean Freight Act"));
  CHECK(actor_named(x, "Clean Freight Act")->kind == "rule");
  REQUIRE(actor_named(x, "Reuters"));
  CHECK(actor_named(x, "Reuters")->kind == "media");
  REQUIRE(actor_named(x, "Germany"));
  CHECK(actor_named(x, "Germany")->kind == "government");
}

TEST_CASE("titles and appositions mark people; the title is not part of the name") {
  const Extraction x = extract_text(
      "Senator Maria Lopez met Tom Okafor, the CEO of Brightwell, in the capital. "
      "Brightwell's chief executive Tom Okafor later spoke to Finance Minister Ilse Brandvik.");
  REQUIRE(actor_named(x, "Maria Lopez"));
  CHECK(actor_named(x, "Maria Lopez")->kind == "person");
  REQUIRE(actor_named(x, "Tom Okafor"));
  CHECK(actor_named(x, "Tom Okafor")->kind == "person");
  REQUIRE(actor_named(x, "Ilse Brandvik"));
  CHECK(actor_named(x, "Ilse Brandvik")->kind == "person");
  CHECK_FALSE(actor_named(x, "Senator Maria Lopez"));
  REQUIRE(actor_named(x, "Brightwell"));
  CHECK(actor_named(x, "Brightwell")->kind == "organization");
}

TEST_CASE("places, demonyms, function words and headings are not actors") {
  const Extraction x = extract_text(
      "Strategic Outlook\n"
      "However, Chinese and American buyers in Southeast Asia waited. In March, Halvor Shipping said demand fell.");
  CHECK_FALSE(actor_named(x, "Southeast Asia"));
  CHECK_FALSE(actor_named(x, "Chinese"));
  CHECK_FALSE(actor_named(x, "However"));
  CHECK_FALSE(actor_named(x, "Strategic Outlook"));
  CHECK_FALSE(actor_named(x, "March"));
  CHECK(actor_named(x, "Halvor Shipping"));
}

TEST_CASE("mentions carry byte offsets into the original text") {
  const std::string text = "\xE2\x80\x9CWe are ready,\xE2\x80\x9D said Nora Vik of Polar Grid.";
  const Extraction x = extract_text(text);
  const ExtractedActor* a = actor_named(x, "Polar Grid");
  REQUIRE(a);
  REQUIRE_FALSE(a->mentions.empty());
  const Span& m = a->mentions.front();
  CHECK(text.substr(m.start, m.end - m.start) == "Polar Grid");
}

TEST_CASE("generic policy phrases name a rule") {
  const Extraction x = extract_text("The group called for tighter U.S. export controls on chips.");
  const ExtractedActor* rule = actor_named(x, "export controls");
  REQUIRE(rule);
  CHECK(rule->kind == "rule");
  CHECK(has_alias(*rule, "U.S. export controls"));
}

TEST_CASE("occasions, abbreviated months and known NGOs are told apart from people") {
  const Extraction x = extract_text(
      "ZURICH, Oct 9, 2024 - The Halden Football League rejected claims about the Nordic Cup. "
      "Human Rights Watch criticized the Halden Football League on Monday.");
  CHECK_FALSE(actor_named(x, "Nordic Cup"));
  CHECK_FALSE(actor_named(x, "Oct 9"));
  const ExtractedActor* hrw = actor_named(x, "Human Rights Watch");
  REQUIRE(hrw);
  CHECK(hrw->kind == "organization");
}

TEST_CASE("a role noun opening a sentence is not part of the name that follows") {
  const Extraction x = extract_text("Developer Stonegate Homes welcomed the Harbor Act. Bank of Lisbon said it agreed.");
  const ExtractedActor* stonegate = actor_named(x, "Stonegate Homes");
  REQUIRE(stonegate);
  CHECK(stonegate->kind == "organization");
  CHECK(actor_named(x, "Bank of Lisbon"));
}

TEST_CASE("a two-word description head is one description") {
  const Extraction x = extract_text(
      "The Commerce Department issued the Chip Security Rule on Monday. Chipmakers warned that the new "
      "controls would cost them billions.");
  const ExtractedActor* rule = actor_named(x, "Chip Security Rule");
  REQUIRE(rule);
  CHECK(has_alias(*rule, "the new controls"));
}
