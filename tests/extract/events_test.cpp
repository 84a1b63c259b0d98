#include <doctest/doctest.h>

#include "evgraph/events.h"
#include "evgraph/extract_resources.h"
#include "extract_test_util.h"

using namespace evgraph;
using namespace evgraph::test;

TEST_CASE("the trigger lexicon maps verbs and nouns to actions") {
  const ExtractResources lex = ExtractResources::load(Resources::builtin());
  auto action_of = [&](const std::string& phrase) {
    for (std::size_t i = 0; i < lex.triggers.size(); ++i)
      if (lex.triggers[i] == make_phrase(phrase)) return lex.trigger_actions[i];
    return std::string();
  };
  CHECK(action_of("rebuked") == "criticize");
  CHECK(action_of("critique") == "criticize");
  CHECK(action_of("called for") == "urge");
  CHECK(action_of("come into effect") == "take_effect");
  CHECK(action_of("invested") == "invest");
  CHECK(action_of("sued") == "sue");
  CHECK(action_of("lobbying") == "lobby");
  CHECK(action_of("denied") == "deny");
}

TEST_CASE("events get actor, target, calendar date and evidence") {
  const std::string text =
      "On March 4, 2025, Velda Energy sued Harlow Motors over a patent. "
      "Harlow Motors denied the claims. The Clean Freight Act will take effect on June 1, 2026.";
  const Extraction x = extract_text(text);
  const ExtractedEvent* sue = find_event(x, "Velda Energy", "sue", "Harlow Motors");
  REQUIRE(sue);
  REQUIRE(sue->date);
  CHECK(sue->date->iso() == "2025-03-04");
  CHECK(text.substr(sue->evidence.start, sue->evidence.end - sue->evidence.start) == sue->evidence.text);
  CHECK(sue->evidence.text.find("sued Harlow Motors") != std::string::npos);
  const ExtractedEvent* effect = find_event(x, "Clean Freight Act", "take_effect", "");
  REQUIRE(effect);
  REQUIRE(effect->date);
  CHECK(effect->date->iso() == "2026-06-01");
}

TEST_CASE("possessors act, passive agents act, negated triggers do nothing") {
  const Extraction x = extract_text(
      "Velda Energy's fierce criticism of Harlow Motors surprised investors. "
      "A tariff proposed by the Ministry of Trade worried Orbis Foods. "
      "Harlow Motors did not respond to Velda Energy.");
  CHECK(find_event(x, "Velda Energy", "criticize", "Harlow Motors"));
  CHECK_FALSE(find_event(x, "Harlow Motors", "respond", "Velda Energy"));
}

TEST_CASE("vague or weekday dates without a known creation time give no event date") {
  const Extraction x = extract_text("Velda Energy on Thursday criticized Harlow Motors. It happened recently.");
  const ExtractedEvent* e = find_event(x, "Velda Energy", "criticize", "Harlow Motors");
  REQUIRE(e);
  CHECK_FALSE(e->date);
}

TEST_CASE("calendar_date accepts only calendar TIMEX3 values") {
  CHECK(calendar_date("2025")->iso() == "2025");
  CHECK(calendar_date("2025-05")->iso() == "2025-05");
  CHECK(calendar_date("2025-05-15")->iso() == "2025-05-15");
  CHECK_FALSE(calendar_date("XXXX-05-15"));
  CHECK_FALSE(calendar_date("PRESENT_REF"));
  CHECK_FALSE(calendar_date("2025-W18"));
  CHECK_FALSE(calendar_date("2025-02-30"));
}

TEST_CASE("a one-word name opening a sentence acts when a reporting or event verb follows") {
  const Extraction x = extract_text(
      "Corvane criticized Meridia Labs on March 3, 2025.\n\n"
      "Halvorsen on Tuesday announced a 2 billion euro investment in Meridia Labs.\n\n"
      "Analysts said the deal was risky.\n\n"
      "Talmont and Brisk opposed the Harbour Act.\n\n"
      "Quell, Osterby and Vantry urged the Transport Ministry to delay the Harbour Act.");
  CHECK(find_event(x, "Corvane", "criticize", "Meridia Labs"));
  CHECK(has_response(x, "Corvane", "Meridia Labs"));
  CHECK(find_event(x, "Halvorsen", "invest", "Meridia Labs"));
  CHECK_FALSE(actor_named(x, "Analysts"));  // a group noun, not a name
  // Coordinated subjects each act.
  CHECK(find_event(x, "Talmont", "oppose", "Harbour Act"));
  CHECK(find_event(x, "Brisk", "oppose", "Harbour Act"));
  for (const char* name : {"Quell", "Osterby", "Vantry"}) {
    CAPTURE(name);
    CHECK(find_event(x, name, "urge", "Transport Ministry"));
  }
}

TEST_CASE("a capitalized head noun alone is the body named with it; amounts are not names") {
  const Extraction x = extract_text(
      "The Maritime Commission proposed a levy on Monday. Ostmark Shipping said the Commission ignored "
      "the industry. Ostmark Shipping 2.4 billion euros in revenue was at stake, a Dovrell spokesperson said.");
  const ExtractedActor* commission = actor_named(x, "Maritime Commission");
  REQUIRE(commission);
  CHECK(actor_named(x, "Commission") == commission);
  CHECK_FALSE(actor_named(x, "Ostmark Shipping 2.4"));
  CHECK(actor_named(x, "Dovrell"));
}

TEST_CASE("deadlines and relative periods are not an event's date; a rule's deadline is") {
  const Extraction x = extract_text(
      "Senator Ada Quist on March 3, 2025 urged the Fisheries Board to wait until August 2025. "
      "The Coastal Trust this year opposed the Net Limits Act. "
      "The Net Limits Act will take effect by June 1, 2026.");
  const ExtractedEvent* urge = find_event(x, "Ada Quist", "urge", "Fisheries Board");
  REQUIRE(urge);
  REQUIRE(urge->date);
  CHECK(urge->date->iso() == "2025-03-03");
  const ExtractedEvent* oppose = find_event(x, "Coastal Trust", "oppose", "Net Limits Act");
  REQUIRE(oppose);
  CHECK_FALSE(oppose->date);
  const ExtractedEvent* effect = find_event(x, "Net Limits Act", "take_effect", "");
  REQUIRE(effect);
  REQUIRE(effect->date);
  CHECK(effect->date->iso() == "2026-06-01");
}

TEST_CASE("a name spelled out before its acronym is one actor, with the acronym as alias") {
  const Extraction x = extract_text(
      "The National Association of Harbor and Dock Operators (NAHDO) opposed the levy. "
      "NAHDO said in a statement that the levy would \"drive cargo to other ports within a year.\"");
  const ExtractedActor* a = actor_named(x, "National Association of Harbor and Dock Operators");
  REQUIRE(a);
  CHECK(actor_named(x, "NAHDO") == a);
  const ExtractedQuote* q = quote_starting(x, "drive cargo");
  REQUIRE(q);
  CHECK(q->speaker == a->id);
}

TEST_CASE("participle cues speak for the subject; reported dates stay with what was reported") {
  const Extraction x = extract_text(
      "The Ports Authority of Ardmore and Linwell (PAAL) fined Brannock Freight, which runs the terminal. "
      "Brannock Freight disputed the authority's findings. Transport Minister Ilse Varga backed the regulator, "
      "telling reporters that \"safety comes before every schedule in this port.\" "
      "Councillor Tom Ashby accused the authority of delay, saying the first complaints came in March 2024.");
  const ExtractedActor* authority = actor_named(x, "Ports Authority of Ardmore and Linwell");
  REQUIRE(authority);
  CHECK(authority->kind == "government");
  CHECK(actor_named(x, "PAAL") == authority);
  const ExtractedActor* brannock = actor_named(x, "Brannock Freight");
  REQUIRE(brannock);
  CHECK(brannock->kind == "organization");  // ", which runs": not a person
  CHECK(find_event(x, "Brannock Freight", "deny", "Ports Authority of Ardmore and Linwell"));
  CHECK(has_response(x, "Brannock Freight", "Ports Authority of Ardmore and Linwell"));
  const ExtractedQuote* q = quote_starting(x, "safety comes before");
  REQUIRE(q);
  CHECK(q->speaker == id_of(x, "Ilse Varga"));
  const ExtractedEvent* accused = find_event(x, "Tom Ashby", "criticize", "Ports Authority of Ardmore and Linwell");
  REQUIRE(accused);
  CHECK_FALSE(accused->date);
}

TEST_CASE("deeper prepositional objects are not targets of stances; owners and topics are") {
  const Extraction x = extract_text(
      "Borrow Labs has been a vocal advocate for stricter limits on the export of turbines to Norland. "
      "The Quay Union rejected an offer from Halyard Shipping. "
      "Gale Motors has been vocal in its opposition to the Port Levy, which takes effect on June 1, 2026. "
      "Rika Moss warns that delays due to the Port Levy could hurt exporters.");
  CHECK_FALSE(find_event(x, "Borrow Labs", "support", "Norland"));
  CHECK(find_event(x, "Quay Union", "oppose", "Halyard Shipping"));
  const ExtractedEvent* opposition = find_event(x, "Gale Motors", "oppose", "Port Levy");
  REQUIRE(opposition);
  CHECK_FALSE(opposition->date);  // the date belongs to the relative clause
  CHECK(find_event(x, "Rika Moss", "warn", "Port Levy"));
}

TEST_CASE("rejecting allegations is a denial aimed at whoever made them") {
  const Extraction x = extract_text(
      "The Maritime Safety Board accused Velo Freight of falsifying inspection logs. "
      "Velo Freight rejected the allegations on Tuesday.");
  CHECK(find_event(x, "Velo Freight", "deny", "Maritime Safety Board"));
  CHECK_FALSE(find_event(x, "Velo Freight", "oppose", "Maritime Safety Board"));
}

TEST_CASE("discrete occurrences outside the action list are 'other' events; 'as' takes a role, not a target") {
  const Extraction x = extract_text(
      "Velda Energy acquired Harlow Motors in March 2024. Harlow Motors registered as a Limited Liability "
      "Partnership.");
  CHECK(find_event(x, "Velda Energy", "other", "Harlow Motors"));
  bool registered = false;
  for (const ExtractedEvent& e : x.events)
    if (e.action == "other" && e.actor == id_of(x, "Harlow Motors")) registered = e.target.empty();
  CHECK(registered);
}

TEST_CASE("a trigger in a conditional clause reports nothing") {
  const Extraction x = extract_text(
      "Fares rise in May if the Transit Board backs the Fare Plan. Orbis Foods criticized Velda Energy.");
  for (const ExtractedEvent& e : x.events) CHECK(e.actor != id_of(x, "Transit Board"));
  CHECK(find_event(x, "Orbis Foods", "criticize", "Velda Energy"));
}
