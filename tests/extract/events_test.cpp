#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <stdexcept>

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
  REQUIRE(actor_named(x, "Analysts"));  // a group noun: an unnamed group, not an organization
  CHECK(actor_named(x, "Analysts")->kind == "group");
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

TEST_CASE("the object of 'suspended CLUB president PERSON' is the person") {
  const Extraction x = extract_text(
      "The Southern Rowing League suspended Tarn Harbour coach Mira Solvik for a month on Monday.");
  CHECK(find_event(x, "Southern Rowing League", "other", "Mira Solvik"));
  CHECK_FALSE(find_event(x, "Southern Rowing League", "other", "Tarn Harbour"));
}

TEST_CASE("a warning is about what its reported clause names, past modals") {
  const Extraction x = extract_text(
      "Analysts at Brenna Securities warned that a long strike could cut Tolland Motors's quarterly output.");
  CHECK(find_event(x, "Brenna Securities", "warn", "Tolland Motors"));
}

TEST_CASE("adjectives qualify a description: 'the central bank' is the bank named before") {
  const Extraction x = extract_text(
      "The National Bank of Ostrava raised rates. The International Monetary Fund backed the central bank.");
  CHECK(find_event(x, "International Monetary Fund", "support", "National Bank of Ostrava"));
  const ExtractedActor* bank = actor_named(x, "National Bank of Ostrava");
  REQUIRE(bank);
  CHECK(has_alias(*bank, "the central bank"));
}

TEST_CASE("an investment with no recipient named goes to the party named last before it") {
  const Extraction x = extract_text(
      "Although Orla Foods had a bad year, Brindle Farms's balance sheet held up, and Corvane Capital invested $2 billion.");
  CHECK(find_event(x, "Corvane Capital", "invest", "Brindle Farms"));
}

TEST_CASE("criticizing a stance with no one named targets whoever argued it just before") {
  const Extraction x = extract_text(
      "Velda Energy contends that the levy is too high. However, this call has met resistance. "
      "Alvin Grayson, a senior researcher at the Corran Policy Institute, criticized the 'arms race mentality' in the sector.");
  CHECK(find_event(x, "Alvin Grayson", "criticize", "Velda Energy"));
  // Three sentences on, the stance is anyone's.
  const Extraction far = extract_text(
      "Velda Energy contends that the levy is too high. Prices rose. Wages fell. "
      "Alvin Grayson criticized the 'arms race mentality' in the sector.");
  CHECK_FALSE(find_event(far, "Alvin Grayson", "criticize", "Velda Energy"));
}

TEST_CASE("raising money is an occurrence; raising concerns is a warning") {
  const Extraction x = extract_text(
      "Corvane Labs raised $300 million from investors in March 2025. "
      "Orla Foods raised concerns about Brindle Farms on Tuesday.");
  CHECK(find_event(x, "Corvane Labs", "other", ""));
  CHECK(find_event(x, "Orla Foods", "warn", "Brindle Farms"));
}

TEST_CASE("a passive agent that is a group of people names no actor") {
  const Extraction x = extract_text(
      "Velda Energy was praised last year. The company founded by former Orbis Foods researchers grew fast.");
  for (const ExtractedEvent& e : x.events) CHECK(e.actor != id_of(x, "Orbis Foods"));
}

TEST_CASE("a topicless statement right after a topical one by the same speaker is the same statement") {
  const Extraction x = extract_text(
      "Mira Solvik, a research fellow at the Corran Policy Institute, underscores the limits of the Clean Freight Act. "
      "She emphasizes the need for precise definitions.");
  CHECK(find_event(x, "Mira Solvik", "say", "Clean Freight Act"));
  CHECK_FALSE(find_event(x, "Mira Solvik", "say", ""));
}

TEST_CASE("a date inside 'accused X of doing ...' dates the alleged act, not the accusation") {
  const Extraction x = extract_text(
      "Orla Foods accused Brindle Farms of selling mislabelled grain in 2024.", "accusation");
  const ExtractedEvent* e = find_event(x, "Orla Foods", "criticize", "Brindle Farms");
  REQUIRE(e);
  CHECK_FALSE(e->date);
}

TEST_CASE("a rule introduced with 'a' is the one named next") {
  const Extraction x = extract_text(
      "The Corran Water Agency on Tuesday finalized a rule on river discharges. "
      "The Clean Rivers Standard will take effect on March 1, 2026.");
  CHECK(find_event(x, "Corran Water Agency", "announce", "Clean Rivers Standard"));
  // Two sentences on, the rule named is another matter.
  const Extraction far = extract_text(
      "The Corran Water Agency finalized a rule on river discharges. Farmers protested. "
      "The Clean Rivers Standard was debated.");
  CHECK_FALSE(find_event(far, "Corran Water Agency", "announce", "Clean Rivers Standard"));
}

TEST_CASE("welcoming the lawsuit or the decision supports whoever sued or decided") {
  const Extraction x = extract_text(
      "The Corran Data Commission fined Brindle Apps on Monday. Brindle Apps rejected the allegations. "
      "Prices fell. Shares fell. The consumer group BEUC welcomed the decision.\n"
      "The Tolland Trade Commission sued Orbica Inc. on Tuesday. Orbica rejected the allegations. "
      "The Coalition for Open Stores welcomed the lawsuit.");
  CHECK(find_event(x, "BEUC", "support", "Corran Data Commission"));
  CHECK(find_event(x, "Coalition for Open Stores", "support", "Tolland Trade Commission"));
  CHECK_FALSE(find_event(x, "Coalition for Open Stores", "support", "Orbica"));
}

TEST_CASE("act_nouns.txt: an unknown action is an error naming file and line") {
  namespace fs = std::filesystem;
  const fs::path root = fs::temp_directory_path() / ("evgraph_act_nouns_" + std::to_string(::getpid()));
  fs::create_directories(root / "en/extract");
  std::ofstream(root / "en/extract/act_nouns.txt") << "# header\nlawsuit | sue\nfine | punish\n";
  std::string error;
  try {
    ExtractResources::load(Resources::with_override(root));
  } catch (const std::runtime_error& e) {
    error = e.what();
  }
  fs::remove_all(root);
  CHECK(error.find("act_nouns.txt:3") != std::string::npos);
  CHECK(error.find("unknown action 'punish'") != std::string::npos);
}

TEST_CASE("what critics say is criticism of whoever last stated or called for something") {
  const Extraction x = extract_text(
      "Velda Energy is lobbying for a tax on imports, claiming that jobs are at risk. "
      "Critics argue this 'protectionism' is a self-serving tactic that would hurt Orla Foods.");
  CHECK(find_event(x, "Critics", "criticize", "Velda Energy"));
  CHECK(has_response(x, "Critics", "Velda Energy"));
  // Not the company named inside what they say.
  CHECK_FALSE(find_event(x, "Critics", "criticize", "Orla Foods"));
  // Other groups speaking are not criticizing.
  const Extraction y = extract_text(
      "Velda Energy is lobbying for a tax on imports. Analysts argue this is a sensible plan.");
  CHECK_FALSE(find_event(y, "Analysts", "criticize", "Velda Energy"));
}

TEST_CASE("money from X to whoever raised it in the sentence is an investment by X") {
  const Extraction x = extract_text(
      "Corvane Labs secured $900 million in funding, including $200 million from Tolland Capital.");
  CHECK(find_event(x, "Tolland Capital", "invest", "Corvane Labs"));
  // No one raising money: revenue from a customer is no investment.
  const Extraction y = extract_text("Corvane Labs reported $200 million from Tolland Capital as revenue.");
  CHECK_FALSE(find_event(y, "Tolland Capital", "invest", "Corvane Labs"));
}

TEST_CASE("'from DATE' starts something else; 'the ruling' is a court's, not a signing") {
  const Extraction x = extract_text(
      "Lumentra launched the Arc Fold on Wednesday, shipping from 20 October 2025.", "launch");
  const ExtractedEvent* launch = find_event(x, "Lumentra", "launch", "Arc Fold");
  REQUIRE(launch);
  CHECK_FALSE(launch->date);
  const Extraction y = extract_text(
      "Judge Maria Caldwell blocked the Online Safety Act. Governor Kevin Stitt signed the Online Safety Act in April. "
      "NetChoice welcomed the ruling.");
  CHECK(find_event(y, "NetChoice", "support", "Maria Caldwell"));
  CHECK_FALSE(find_event(y, "NetChoice", "support", "Kevin Stitt"));
}

TEST_CASE("an indefinite titled subject is the person named with that title next") {
  const Extraction x = extract_text(
      "A federal judge on Monday blocked the Online Safety Act. "
      "U.S. District Judge Maria Caldwell granted the injunction.");
  CHECK(find_event(x, "Maria Caldwell", "other", "Online Safety Act"));
  // A different title names someone else.
  const Extraction y = extract_text(
      "A federal judge on Monday blocked the Online Safety Act. Senator Ode Brask objected.");
  CHECK_FALSE(find_event(y, "Ode Brask", "other", "Online Safety Act"));
}

TEST_CASE("calling something by an evaluative word is a stance on it; a relative clause keeps its own date") {
  const Extraction x = extract_text(
      "Judge Maria Caldwell blocked the Online Safety Act. Governor Kevin Stitt, who signed the act in April 2025, "
      "called the decision \"disappointing\". The Clean Air Task Force called the Methane Standard a landmark.");
  const ExtractedEvent* e = find_event(x, "Kevin Stitt", "criticize", "Maria Caldwell");
  REQUIRE(e);
  CHECK_FALSE(e->date);
  CHECK(e->evidence.text.find("disappointing") != std::string::npos);
  CHECK(find_event(x, "Clean Air Task Force", "support", "Methane Standard"));
  // "called for" stays a call, not a naming.
  const Extraction y = extract_text("Orla Foods called for a ban that critics say is wrong.");
  for (const ExtractedEvent& ev : y.events) CHECK(ev.action != "criticize");
}

TEST_CASE("challenging a permit opposes whoever granted it; rejecting an account denies its teller; a defense is no reply to its owner") {
  const Extraction x = extract_text(
      "The Tavrin Mining Ministry approved a permit on 5 May 2025 for Greystone Minerals. "
      "Minister Lena Varos defended the decision on Thursday. "
      "The Ardel River Coalition said it would challenge the permit in court. "
      "Greystone Minerals welcomed the approval. The inherent challenges of mining remain.\n"
      "Amir Dalani accused Ostrava of lying. Irina Volkova rejected that account.");
  CHECK(find_event(x, "Ardel River Coalition", "oppose", "Tavrin Mining Ministry"));
  CHECK(find_event(x, "Greystone Minerals", "support", "Tavrin Mining Ministry"));
  CHECK(find_event(x, "Irina Volkova", "deny", "Amir Dalani"));
  CHECK_FALSE(has_response(x, "Lena Varos", "Tavrin Mining Ministry"));
  for (const ExtractedEvent& e : x.events) CHECK(e.evidence.text.find("inherent challenges") == std::string::npos);
}

TEST_CASE("seeking to block opposes; 'they would contest the decision' opposes whoever decided") {
  const Extraction x = extract_text(
      "The Competition Authority of Varnia said it would seek to block the merger of Skylane Airways and Norvik Air. "
      "Skylane Airways and Norvik Air said they would contest the decision.");
  CHECK(find_event(x, "Competition Authority of Varnia", "oppose", "Skylane Airways"));
  CHECK(find_event(x, "Skylane Airways", "oppose", "Competition Authority of Varnia"));
  CHECK(find_event(x, "Norvik Air", "oppose", "Competition Authority of Varnia"));
}

TEST_CASE("a lawsuit filed with no one named still owns a later 'the lawsuit'") {
  const Extraction x = extract_text(
      "Orvell Corp filed a lawsuit on Tuesday. Health Secretary Diane Oyelaran dismissed the lawsuit as a stunt.");
  // The filing names no defendant, so it is not reported as an event of its own ...
  for (const ExtractedEvent& e : x.events) CHECK(e.action != "sue");
  // ... but the denial answers whoever filed it.
  CHECK(find_event(x, "Diane Oyelaran", "deny", "Orvell Corp"));
}

TEST_CASE("strikes are acts, and calling one irresponsible criticizes the strikers") {
  const Extraction x = extract_text(
      "Workers at the plant went on strike on Friday. The owner, Tamsen Group, called the strike \"irresponsible\".");
  CHECK(find_event(x, "Workers", "other", ""));
  CHECK(find_event(x, "Tamsen Group", "criticize", "Workers"));
}

TEST_CASE("a name modifying a noun, or in parentheses, is not the subject") {
  const Extraction x = extract_text(
      "WASHINGTON, March 12 (Newswire) - Three large U.S. drugmakers filed a lawsuit against Medicare on Tuesday.");
  for (const ExtractedEvent& e : x.events) {
    CHECK(e.actor != id_of(x, "U.S."));
    CHECK(e.actor != id_of(x, "Newswire"));
  }
}

TEST_CASE("an unnamed rule that takes effect is an actor of its own") {
  const Extraction x = extract_text("The caps are due to take effect on January 1, 2026.");
  const ExtractedEvent* effect = find_event(x, "The caps", "take_effect", "");
  REQUIRE(effect);
  REQUIRE(effect->date);
  CHECK(effect->date->iso() == "2026-01-01");
  const ExtractedActor* caps = actor_named(x, "The caps");
  REQUIRE(caps);
  CHECK(caps->kind == "rule");
  // "the rules" is a description of a named rule, not a new one.
  const Extraction y = extract_text("Officials said the rules will take effect soon.");
  CHECK_FALSE(actor_named(y, "the rules"));
}

TEST_CASE("urging someone to act and accusing someone of something need no named target") {
  const Extraction x = extract_text(
      "Senator Ellen Park urged both sides to return to talks. "
      "Governor Ray Holt accused the industry of putting profits first. "
      "Mara Quist urged restraint.");
  CHECK(find_event(x, "Ellen Park", "urge", ""));
  CHECK(find_event(x, "Ray Holt", "criticize", ""));
  CHECK_FALSE(find_event(x, "Mara Quist", "urge", ""));  // no addressee, no act to report
}

TEST_CASE("distinct 'other' acts of one actor stay distinct, with distinct ids") {
  const Extraction x = extract_text(
      "Corvane registered as a charity. Later, Corvane secured $900 million in funding.");
  int others = 0;
  std::set<std::string> ids;
  for (const ExtractedEvent& e : x.events)
    if (e.action == "other" && e.actor == id_of(x, "Corvane")) ++others, ids.insert(e.id);
  CHECK(others == 2);
  CHECK(ids.size() == 2);
}

TEST_CASE("names listed in parentheses are asides; products may do 'other' things") {
  const Extraction x = extract_text(
      "In 2024, the Velta 3 series (Lark, Wren, Finch) surpassed rival models in benchmark tests.");
  for (const char* aside : {"Lark", "Wren", "Finch"})
    for (const ExtractedEvent& e : x.events) CHECK(e.actor != id_of(x, aside));
}

TEST_CASE("money verbs before an amount invest or fund; a co-investor stands for the shared recipient") {
  const Extraction x = extract_text(
      "Amberline raised money in 2023. Tolland Capital invested $2 billion in Amberline, and Norvik Partners "
      "added another $1 billion. The Harlow Trust will provide $30 million in grants to Amberline.");
  CHECK(find_event(x, "Tolland Capital", "invest", "Amberline"));
  CHECK(find_event(x, "Norvik Partners", "invest", "Amberline"));
  CHECK_FALSE(find_event(x, "Norvik Partners", "invest", "Tolland Capital"));
  CHECK(find_event(x, "Harlow Trust", "fund", "Amberline"));
  // No amount, no investment: "added" alone is a speech verb or anything else.
  const Extraction y = extract_text("Tolland Capital added that Amberline was doing well.");
  CHECK_FALSE(find_event(y, "Tolland Capital", "invest", "Amberline"));
}

TEST_CASE("a call on someone inside a speaker's quotation is the speaker urging them") {
  const Extraction x = extract_text(
      "Marta Ruiz said: \"The Harbour Authority should release the full report now.\"\n\n"
      "\"Kestrel Motors must pay for this,\" said Ana Lind. \"We should wait,\" said Ola Berg.");
  const ExtractedEvent* call = find_event(x, "Marta Ruiz", "urge", "Harbour Authority");
  REQUIRE(call);
  CHECK(call->evidence.text == "Harbour Authority should release the full report now.");
  CHECK(find_event(x, "Ana Lind", "urge", "Kestrel Motors"));
  for (const ExtractedEvent& e : x.events) CHECK(e.actor != id_of(x, "Ola Berg"));  // "we" is no one named
}

TEST_CASE("partners the subject joined before acting act too") {
  const Extraction x = extract_text(
      "Orvell Corp has joined forces with Kestrel Motors and Tamsen Group to urge the Harbour Authority to act.");
  CHECK(find_event(x, "Orvell Corp", "urge", "Harbour Authority"));
  CHECK(find_event(x, "Kestrel Motors", "urge", "Harbour Authority"));
  CHECK(find_event(x, "Tamsen Group", "urge", "Harbour Authority"));
  // Meeting someone is no joining: "met with X to discuss" leaves X out.
  const Extraction y = extract_text("Orvell Corp met with Kestrel Motors to urge the Harbour Authority to act.");
  CHECK_FALSE(find_event(y, "Kestrel Motors", "urge", "Harbour Authority"));
}

TEST_CASE("a product trained or released in the passive is the target; its maker acts") {
  const Extraction x = extract_text(
      "Ilse Brandt compared Corvane's flagship model, Velta 3, to Orbis Labs' Wren.\n"
      "- Velta 3: Trained in November 2024, still lagging.\n\n"
      "Harlow Systems shipped tools. Harlow Systems' rival Kestrel Labs said its Kestrel 2 was trained in 2023.");
  const ExtractedEvent* trained = find_event(x, "Corvane", "other", "Velta 3");
  REQUIRE(trained);  // the owner named with a possessive, though another company was the last subject
  REQUIRE(trained->date);
  CHECK(trained->date->iso() == "2024-11");
  CHECK(find_event(x, "Kestrel Labs", "other", "Kestrel 2"));  // the maker the product is named after
}

TEST_CASE("a company's collapse is an act of the company") {
  const Extraction x = extract_text("Orvell Corp's collapse was lamentable, investors said.");
  CHECK(find_event(x, "Orvell Corp", "other", ""));
}

TEST_CASE("passives: no agent, no event; an agent condemning 'the decision' targets who decided") {
  const Extraction x = extract_text(
      "Keisha Arden was banned for four years. Ardal's government on Wednesday scrapped a planned subsidy.\n\n"
      "The decision was condemned by Equinox Energy. Its chief executive called the move \"a betrayal\".");
  for (const ExtractedEvent& e : x.events) CHECK(e.actor != id_of(x, "Keisha Arden"));  // she did not ban herself
  const ExtractedEvent* condemned = find_event(x, "Equinox Energy", "criticize", "Ardal");
  REQUIRE(condemned);
  CHECK(condemned->evidence.text == "condemned by Equinox Energy");
}

TEST_CASE("defending someone supports them and answers their critics, not them") {
  const Extraction x = extract_text(
      "Orvell Corp criticized Mara Quist. Several former teammates defended Mara Quist on social media.");
  CHECK(find_event(x, "former teammates", "support", "Mara Quist"));
  bool answers_critic = false;
  for (const ExtractedResponse& r : x.responses) {
    CHECK_FALSE((r.from == id_of(x, "former teammates") && r.to == id_of(x, "Mara Quist")));
    answers_critic = answers_critic || (r.from == id_of(x, "former teammates") && r.to == id_of(x, "Orvell Corp"));
  }
  CHECK(answers_critic);
}

TEST_CASE("announcing is an act even when what is announced names no actor") {
  const Extraction x = extract_text(
      "Some Republican lawmakers, however, have introduced a bill to delay the caps. "
      "Orvell Corp announced on Friday that it would close two plants. The announcement surprised analysts.");
  CHECK(find_event(x, "Republican lawmakers", "announce", ""));
  CHECK(find_event(x, "Orvell Corp", "announce", ""));
  int announcements = 0;
  for (const ExtractedEvent& e : x.events) announcements += e.action == "announce";
  CHECK(announcements == 2);  // the noun "announcement" reports nothing new
}

TEST_CASE("a counted plural description is the list of bodies the next sentence opens with") {
  const Extraction x = extract_text(
      "WASHINGTON, March 12 (Newswire) - Three of the largest U.S. drugmakers filed a lawsuit on Tuesday "
      "challenging the government's plan to cap what Medicare pays, escalating a fight that has simmered "
      "since 2022.\n\nHalvern Pharmaceuticals, Orlin Biotech and Maystone Labs argue in the complaint that "
      "the caps are unlawful.\n\nThe health secretary dismissed the lawsuit.\n\n"
      "The Coalition for Fair Prices, a group representing pensioners and people with chronic illnesses, "
      "called the suit \"a cynical attempt to protect profits.\"");
  for (const char* maker : {"Halvern Pharmaceuticals", "Orlin Biotech", "Maystone Labs"}) {
    const ExtractedEvent* sue = find_event(x, maker, "sue", "U.S.");  // the government's plan, not Medicare
    REQUIRE_MESSAGE(sue, maker);
    CHECK_FALSE(sue->date);  // neither the dateline's day nor the fight's 2022
  }
  // "the suit" is the first-named plaintiff's, for a critic named after a long apposition.
  CHECK(find_event(x, "Coalition for Fair Prices", "criticize", "Halvern Pharmaceuticals"));
}

TEST_CASE("a participle after a possessive modifies a noun; it reports no act") {
  const Extraction x = extract_text(
      "Hughes Aircraft's previously announced plan was dropped. Orvell Corp's proposed merger worried analysts.");
  for (const ExtractedEvent& e : x.events) CHECK(e.action != "announce");
}
