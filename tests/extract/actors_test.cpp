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

TEST_CASE("a name before a lowercase title and a person's name is the employer") {
  const Extraction x = extract_text(
      "The league fined Tarn Harbour president Mira Solvik on Monday. Corvane Labs chief executive Ode Brask resigned.");
  const ExtractedActor* club = actor_named(x, "Tarn Harbour");
  REQUIRE(club);
  CHECK(club->kind == "organization");
  const ExtractedActor* coach = actor_named(x, "Mira Solvik");
  REQUIRE(coach);
  CHECK(coach->kind == "person");
  const ExtractedActor* labs = actor_named(x, "Corvane Labs");
  REQUIRE(labs);
  CHECK(labs->kind == "organization");
}

TEST_CASE("capitals after a copula, words after a label colon and names cut into a timex are not actors") {
  const Extraction x = extract_text(
      "Spoiler: the tariffs are WORKING. Analysts agree the tariffs are WORKING.\n"
      "- Model A: Trained 9-12 months ago, at a low cost.\n"
      "- Model B: Trained in November 2024, and still behind.");
  CHECK_FALSE(actor_named(x, "WORKING"));
  CHECK_FALSE(actor_named(x, "Trained"));
  CHECK_FALSE(actor_named(x, "Trained 9-12"));
}

TEST_CASE("first names shaped like adverbs or participles stay in the name at a sentence start") {
  const Extraction x = extract_text(
      "Emily Varga, a research fellow, spoke first. Notably Orla Foods agreed. Ahmed Salim said nothing.");
  CHECK(actor_named(x, "Emily Varga"));
  CHECK(actor_named(x, "Ahmed Salim"));
  CHECK(actor_named(x, "Orla Foods"));
  CHECK_FALSE(actor_named(x, "Notably Orla Foods"));
}

TEST_CASE("unnamed groups acting as subjects are group actors; a named body after 'at' acts instead") {
  const Extraction x = extract_text(
      "Environmental groups praised Orla Foods. Fishing industry groups in both countries warned that "
      "prices could rise. Critics argue the plan is wrong. Analysts at Brenna Securities warned of delays.");
  for (const char* name : {"Environmental groups", "Fishing industry groups", "Critics"}) {
    const ExtractedActor* g = actor_named(x, name);
    REQUIRE_MESSAGE(g, name);
    CHECK(g->kind == "group");
  }
  CHECK_FALSE(actor_named(x, "Analysts"));
  CHECK(find_event(x, "Fishing industry groups", "warn", ""));
  CHECK(find_event(x, "Environmental groups", "support", "Orla Foods"));
}

TEST_CASE("compass words stay in headed names; standards and accords are rules; administrators are titles") {
  const Extraction x = extract_text(
      "The ministers met under the 2023 North Atlantic Fisheries Accord. "
      "EPA Administrator Carla Denholm said the Methane Emissions Standard will take effect on January 1, 2026.");
  const ExtractedActor* accord = actor_named(x, "North Atlantic Fisheries Accord");
  REQUIRE(accord);
  CHECK(accord->kind == "rule");
  const ExtractedActor* standard = actor_named(x, "Methane Emissions Standard");
  REQUIRE(standard);
  CHECK(standard->kind == "rule");
  CHECK(actor_named(x, "Carla Denholm"));
  CHECK_FALSE(actor_named(x, "Administrator Carla Denholm"));
}

TEST_CASE("capitals right after a noun saying what they name are a name, not emphasis") {
  const Extraction x = extract_text("The consumer group BEUC welcomed the decision.");
  CHECK(actor_named(x, "BEUC"));
}

TEST_CASE("regions named with a compass word and categories after 'as a' are not actors") {
  const Extraction x = extract_text(
      "Models carry obvious West Coast American biases, said Ode Brask. "
      "Orla Foods registered as a Public Benefit Corporation in 2021.");
  CHECK_FALSE(actor_named(x, "Coast"));
  CHECK_FALSE(actor_named(x, "West Coast"));
  CHECK_FALSE(actor_named(x, "Benefit Corporation"));
  CHECK_FALSE(actor_named(x, "Public Benefit Corporation"));
  CHECK(actor_named(x, "Orla Foods"));
}

TEST_CASE("ordinals stay in headed names; 'the X Y' is no person; a capital after 'in' is a place") {
  const Extraction x = extract_text(
      "The ruling cited the First Amendment and went to the Tenth Circuit. "
      "Lumentra launched the Arc Fold at an event in Berlin. Germany welcomed it.");
  const ExtractedActor* amendment = actor_named(x, "First Amendment");
  REQUIRE(amendment);
  CHECK(amendment->kind == "rule");
  const ExtractedActor* circuit = actor_named(x, "Tenth Circuit");
  REQUIRE(circuit);
  CHECK(circuit->kind != "person");
  const ExtractedActor* phone = actor_named(x, "Arc Fold");
  REQUIRE(phone);
  CHECK(phone->kind != "person");
  const ExtractedActor* germany = actor_named(x, "Germany");
  REQUIRE(germany);
  CHECK_FALSE(has_alias(*germany, "Berlin"));
}

TEST_CASE("a name before a geographic noun is a place; Minerals and Oil are company heads") {
  const Extraction x = extract_text(
      "Greystone Minerals will open a copper mine in the Ardel valley. The company said Ardel would benefit.");
  const ExtractedActor* miner = actor_named(x, "Greystone Minerals");
  REQUIRE(miner);
  CHECK(miner->kind == "organization");
  CHECK(has_alias(*miner, "The company"));
  const ExtractedActor* ardel = actor_named(x, "Ardel");
  if (ardel) CHECK_FALSE(has_alias(*ardel, "The company"));
}

TEST_CASE("'Parents for Choice' is one name; 'X Airways and Y Air' are two") {
  const Extraction x = extract_text(
      "But Parents for Choice, a campaign group, criticized the ministry. "
      "The regulator would seek to block the merger of Skylane Airways and Norvik Air. "
      "The Department of Health and Human Services agreed.");
  CHECK(actor_named(x, "Parents for Choice"));
  CHECK_FALSE(actor_named(x, "Choice"));
  CHECK(actor_named(x, "Skylane Airways"));
  CHECK(actor_named(x, "Norvik Air"));
  CHECK(actor_named(x, "Department of Health and Human Services"));
}

TEST_CASE("every country is a government; demonyms, capitals, dates and name particles") {
  const Extraction x = extract_text(
      "NAIROBI, Kenya (AP) _ Kenyan officials met Tanzanian envoys in Dar es Salaam on Aug. 7. "
      "President Daniel arap Moi condemned the attack. Kenya said it would cooperate.");
  const ExtractedActor* kenya = actor_named(x, "Kenya");
  REQUIRE(kenya);
  CHECK(kenya->kind == "government");
  CHECK(actor_named(x, "Daniel arap Moi"));
  for (const char* not_actor : {"NAIROBI", "Kenyan", "Tanzanian", "Dar", "Salaam", "Dar es Salaam", "Aug. 7", "Daniel", "Moi"})
    CHECK_MESSAGE(!actor_named(x, not_actor), not_actor);
}

TEST_CASE("a two-word description head is one description") {
  const Extraction x = extract_text(
      "The Commerce Department issued the Chip Security Rule on Monday. Chipmakers warned that the new "
      "controls would cost them billions.");
  const ExtractedActor* rule = actor_named(x, "Chip Security Rule");
  REQUIRE(rule);
  CHECK(has_alias(*rule, "the new controls"));
}

TEST_CASE("datelines, streets, 'New' before a name, places met only after 'in', police titles") {
  const Extraction x = extract_text(
      "NEW YORK _ A woman was killed on Vermont St. near Williams Avenue, said Detective Joseph Pentangelo "
      "of the Police Department. The New York Stock Exchange closed early. Relatives in Leominster mourned.");
  for (const char* not_actor : {"NEW YORK", "Vermont St.", "Williams Avenue", "York Stock Exchange", "Leominster",
                                "Detective Joseph Pentangelo"})
    CHECK_MESSAGE(!actor_named(x, not_actor), not_actor);
  CHECK(actor_named(x, "Joseph Pentangelo"));
  CHECK(actor_named(x, "New York Stock Exchange"));
  // A word met as a subject too is kept: "Leominster voted" names the town's government.
  const Extraction y = extract_text("Relatives in Leominster mourned. Leominster voted to close the plant.");
  CHECK(actor_named(y, "Leominster"));
}

TEST_CASE("'X and Y Service' is one body; hyphenated demonyms and straits are no actors") {
  const Extraction x = extract_text(
      "The Immigration and Naturalization Service (INS) said Cuban-Americans crossed the Florida Straits.");
  CHECK(actor_named(x, "Immigration and Naturalization Service"));
  CHECK(id_of(x, "INS") == id_of(x, "Immigration and Naturalization Service"));
  for (const char* not_actor : {"Immigration", "Naturalization Service", "Cuban-Americans", "Florida Straits"})
    CHECK_MESSAGE(!actor_named(x, not_actor), not_actor);
}

TEST_CASE("groups may open with a quantifier and a national or party adjective") {
  const Extraction x = extract_text(
      "Some Republican lawmakers criticized Orla Foods. Retailers warned of shortages.");
  const ExtractedActor* lawmakers = actor_named(x, "Republican lawmakers");
  REQUIRE(lawmakers);
  CHECK(lawmakers->kind == "group");
  const ExtractedActor* retailers = actor_named(x, "Retailers");
  REQUIRE(retailers);
  CHECK(retailers->kind == "group");
  CHECK(find_event(x, "Republican lawmakers", "criticize", "Orla Foods"));
}

TEST_CASE("name particles join the words around them") {
  const Extraction x = extract_text("Officials said Pieter van der Berg met Karel de Vries in Leiden.");
  CHECK(actor_named(x, "Pieter van der Berg"));
  CHECK(actor_named(x, "Karel de Vries"));
  CHECK_FALSE(actor_named(x, "Vries"));
}

TEST_CASE("a department inside a title is no actor; the employer after 'at' is") {
  const Extraction x = extract_text(
      "Bob Stone, Director of Communications at Orvell, agreed. "
      "Dr. Ines Kalla, Senior Director of AI Products at Kestrel, said the model was ready.");
  CHECK_FALSE(actor_named(x, "Communications"));
  CHECK_FALSE(actor_named(x, "Products"));
  CHECK_FALSE(actor_named(x, "AI Products"));
  CHECK(actor_named(x, "Orvell"));
  CHECK(actor_named(x, "Kestrel"));
}

TEST_CASE("country-led names, names after a role noun, and adjectives like 'Olympic'") {
  const Extraction x = extract_text(
      "The national federation, UK Athletics, said it respected the decision. "
      "Environmental group Green Future said the plan was wrong. "
      "Olympic sprint champion Keisha Arden denied cheating. U.S. Commerce Secretary Daniel Ruiz agreed.");
  const ExtractedActor* federation = actor_named(x, "UK Athletics");
  REQUIRE(federation);
  CHECK(has_alias(*federation, "The national federation"));
  CHECK(actor_named(x, "Green Future"));
  CHECK_FALSE(actor_named(x, "Olympic"));
  CHECK(actor_named(x, "Keisha Arden"));
  CHECK(actor_named(x, "U.S."));  // a title after the country: the country stays itself
  CHECK(actor_named(x, "Daniel Ruiz"));
}

TEST_CASE("airports, savings banks and finance houses are organizations; MP is a title") {
  const Extraction x = extract_text(
      "Ravenshaw Airport unveiled plans for a runway. Local MP David Okafor called on the airport to publish "
      "its data. Westfield Savings and Verdi Finance declined to comment.");
  const ExtractedActor* airport = actor_named(x, "Ravenshaw Airport");
  REQUIRE(airport);
  CHECK(airport->kind == "organization");
  CHECK(has_alias(*airport, "the airport"));
  const ExtractedActor* okafor = actor_named(x, "David Okafor");
  REQUIRE(okafor);
  CHECK(okafor->kind == "person");
  for (const char* name : {"Westfield Savings", "Verdi Finance"}) {
    const ExtractedActor* a = actor_named(x, name);
    REQUIRE_MESSAGE(a, name);
    CHECK(a->kind == "organization");
  }
  CHECK(find_event(x, "David Okafor", "urge", "Ravenshaw Airport"));
}
