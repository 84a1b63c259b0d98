#include <doctest/doctest.h>

#include "extract_test_util.h"

using namespace evgraph;
using namespace evgraph::test;

TEST_CASE("criticizing another party is responding to it; criticizing a rule is not") {
  const Extraction x = extract_text(
      "Velda Energy rebuked Harlow Motors after the carmaker praised the Clean Freight Act. "
      "Orbis Foods criticized the Clean Freight Act.");
  CHECK(has_response(x, "Velda Energy", "Harlow Motors"));
  CHECK_FALSE(has_response(x, "Orbis Foods", "Clean Freight Act"));
}

TEST_CASE("explicit cues: fired back, in response to, stands by") {
  const Extraction x = extract_text(
      "Velda Energy criticized Harlow Motors on Monday. Harlow Motors fired back hours later.\n"
      "In response to Orbis Foods, Nadia Kerr said the figures were wrong.\n"
      "Orbis Foods attacked Tolland Bank. A spokesperson for the Tolland Bank said: "
      "\"Tolland Bank stands by its decision and its staff.\"");
  CHECK(has_response(x, "Velda Energy", "Harlow Motors"));
  CHECK(has_response(x, "Harlow Motors", "Velda Energy"));
  CHECK(has_response(x, "Nadia Kerr", "Orbis Foods"));
  CHECK(has_response(x, "Tolland Bank", "Orbis Foods"));
}

TEST_CASE("a negated reply is no response; a statement-level edge links two known quotes") {
  const Extraction x = extract_text(
      "\"Harlow Motors is hiding its losses from everyone,\" Velda Energy said.\n"
      "Harlow Motors did not respond to Velda Energy on Monday.\n"
      "On Tuesday Harlow Motors hit back: \"Velda Energy should read our annual report first.\"");
  REQUIRE(has_response(x, "Harlow Motors", "Velda Energy"));
  for (const ExtractedResponse& r : x.responses) {
    if (r.from != id_of(x, "Harlow Motors")) continue;
    CHECK(r.from_quote >= 0);
    CHECK(r.to_quote >= 0);
    CHECK(r.evidence.text.find("hit back") != std::string::npos);
  }
}

TEST_CASE("contrast: while A argues, B stresses -> B responds to A") {
  const Extraction x = extract_text(
      "While Velda Energy argues for the levy, Harlow Motors says it will raise prices.");
  CHECK(has_response(x, "Harlow Motors", "Velda Energy"));
}

TEST_CASE("an explicit response takes the date of the responder's event in its sentence") {
  Result<Document> doc = make_document("dated", "Orla Foods criticized Brindle Farms. Brindle Farms hit back at Orla Foods on March 4, 2025.");
  REQUIRE(doc.ok());
  const Extraction x = shared_extractor().extract(*doc);
  bool found = false;
  for (const ExtractedResponse& r : x.responses)
    if (r.from == id_of(x, "Brindle Farms") && r.to == id_of(x, "Orla Foods")) {
      found = true;
      REQUIRE(r.date);
      CHECK(r.date->iso() == "2025-03-04");
    }
  CHECK(found);
}

TEST_CASE("a reply with no one named answers whoever last acted on the responder") {
  const Extraction x = extract_text(
      "The Southern Rowing League suspended Tarn Harbour coach Mira Solvik for a month on Monday. "
      "Solvik hit back within hours.");
  CHECK(has_response(x, "Mira Solvik", "Southern Rowing League"));
  CHECK(find_event(x, "Mira Solvik", "respond", "Southern Rowing League"));
}

TEST_CASE("a denial answers the latest critic of the denier") {
  const Extraction x = extract_text(
      "Orla Foods criticized Brindle Farms for the late labels. Brindle Farms denied any delay.");
  CHECK(has_response(x, "Brindle Farms", "Orla Foods"));
  // A denial with no critic before it answers no one.
  const Extraction alone = extract_text("Brindle Farms denied any delay. Orla Foods criticized Brindle Farms.");
  CHECK_FALSE(has_response(alone, "Brindle Farms", "Orla Foods"));
}

TEST_CASE("a lawsuit is answered: 'Responding to the lawsuit' replies to whoever sued") {
  const Extraction x = extract_text(
      "The Tolland Energy Alliance sued the Corran Water Agency on Wednesday. The Orla Trust praised the agency. "
      "Responding to the lawsuit, an agency spokesperson said the Corran Water Agency was confident.");
  CHECK(has_response(x, "Tolland Energy Alliance", "Corran Water Agency"));
  CHECK(has_response(x, "Corran Water Agency", "Tolland Energy Alliance"));
  CHECK_FALSE(has_response(x, "Corran Water Agency", "Orla Trust"));
}

TEST_CASE("an appeal answers whoever acted on the appellant; singular 'the accusation' is denied too") {
  const Extraction x = extract_text(
      "The Corran Data Commission fined Brindle Apps 12 million euros on 3 June 2025. "
      "Brindle Apps said it would appeal.\n"
      "Priya Chandran blamed Meridale Health for the impasse. Meridale Health rejected the accusation.");
  CHECK(has_response(x, "Brindle Apps", "Corran Data Commission"));
  CHECK(find_event(x, "Meridale Health", "deny", "Priya Chandran"));
  CHECK(has_response(x, "Meridale Health", "Priya Chandran"));
  const ExtractedActor* health = actor_named(x, "Meridale Health");
  REQUIRE(health);
  CHECK(health->kind == "organization");
}

TEST_CASE("appealing the ruling answers whoever ruled, not the court appealed to") {
  const Extraction x = extract_text(
      "Judge Maria Caldwell blocked the Online Safety Act on Monday. "
      "Attorney General Gentner Drummond said he would appeal the ruling to the Tenth Circuit.");
  CHECK(has_response(x, "Gentner Drummond", "Maria Caldwell"));
  CHECK_FALSE(has_response(x, "Gentner Drummond", "Tenth Circuit"));
}

TEST_CASE("criticism from a source, a relative 'who', and a reply that is only referred back to") {
  const Extraction x = extract_text(
      "Orla Foods fined Brindle Apps. \"We disagree with the fine and with the way it was described,\" "
      "Brindle Apps executive Lukas Menzel said. Menzel's response drew criticism from parents' groups, "
      "who accused Brindle Apps of downplaying the problem.");
  const ExtractedActor* parents = actor_named(x, "Parents' groups");
  REQUIRE(parents);
  CHECK(parents->kind == "group");
  CHECK(find_event(x, "Parents' groups", "criticize", "Lukas Menzel"));
  CHECK(find_event(x, "Parents' groups", "criticize", "Brindle Apps"));
  CHECK(has_response(x, "Parents' groups", "Lukas Menzel"));
  // "Menzel's response drew ..." is no new reply to the groups named after it.
  CHECK_FALSE(has_response(x, "Lukas Menzel", "Parents' groups"));
  CHECK_FALSE(find_event(x, "Lukas Menzel", "respond", "Parents' groups"));
}
