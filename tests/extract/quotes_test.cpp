#include <doctest/doctest.h>

#include "extract_test_util.h"

using namespace evgraph;
using namespace evgraph::test;

TEST_CASE("cue after the quote: X said / said X / X wrote in the post") {
  const Extraction x = extract_text(
      "\"The merger will cut prices for everyone,\" Ana Ruiz said.\n"
      "\"We see no evidence of that at all,\" said Piet Molen, an economist.\n"
      "\xE2\x80\x9CSafety is not negotiable for our pilots,\xE2\x80\x9D Skyward Air wrote in the post.");
  const ExtractedQuote* a = quote_starting(x, "The merger will cut");
  const ExtractedQuote* b = quote_starting(x, "We see no evidence");
  const ExtractedQuote* c = quote_starting(x, "Safety is not negotiable");
  REQUIRE(a);
  REQUIRE(b);
  REQUIRE(c);
  CHECK(a->speaker == id_of(x, "Ana Ruiz"));
  CHECK(a->cue == "Ana Ruiz said");
  CHECK(b->speaker == id_of(x, "Piet Molen"));
  CHECK(c->speaker == id_of(x, "Skyward Air"));
}

TEST_CASE("cue before the quote: told X:, X's response was ...:, according to X") {
  const Extraction x = extract_text(
      "Harlow Motors criticized the plan. Harlow Motors' rival Velda Energy kept silent.\n"
      "Velda Energy's response was blunt: \"Harlow Motors has misread the market for years.\"\n"
      "Its founder told CNBC: \"We will keep building batteries in this country.\"\n"
      "According to Mira Holm, \"the market has already moved on from diesel.\"");
  const ExtractedQuote* a = quote_starting(x, "Harlow Motors has misread");
  REQUIRE(a);
  CHECK(a->speaker == id_of(x, "Velda Energy"));
  const ExtractedQuote* c = quote_starting(x, "the market has already");
  REQUIRE(c);
  CHECK(c->speaker == id_of(x, "Mira Holm"));
}

TEST_CASE("partial quotes inside a sentence take the subject or possessor of the speech word") {
  const Extraction x = extract_text(
      "In response, Velda Energy accused the regulator of trying to \"protect a failing monopoly at any cost,\" "
      "according to the filing. Omar Tal's accusation that rivals \"copied our designs without asking first\" "
      "drew a lawsuit.");
  const ExtractedQuote* a = quote_starting(x, "protect a failing monopoly");
  REQUIRE(a);
  CHECK(a->speaker == id_of(x, "Velda Energy"));
  const ExtractedQuote* b = quote_starting(x, "copied our designs");
  REQUIRE(b);
  CHECK(b->speaker == id_of(x, "Omar Tal"));
}

TEST_CASE("scare quotes and quoted titles are not statements") {
  const Extraction x = extract_text(
      "Critics called the plan \"reckless\" and \"a gift to insiders\". In her essay "
      "\"Why Cities Need Better Buses Now,\" Dana Fell argued for change.");
  CHECK(x.quotes.empty());
}

TEST_CASE("a quotation running over paragraphs is one quote; a byline line attributes a block quote") {
  const Extraction x = extract_text(
      "Nils Berg, the union leader, spoke at length.\n"
      "\"We asked for talks in January and got nothing back.\n"
      "\"We asked again in March and they laughed at us,\" Berg said.\n"
      "\"Ports are the arteries of this economy and they are clogged.\"\n"
      "Ines Varga, port director");
  REQUIRE(x.quotes.size() == 2);
  CHECK(x.quotes[0].span.text.find("laughed at us") != std::string::npos);
  CHECK(x.quotes[0].speaker == id_of(x, "Nils Berg"));
  CHECK(x.quotes[1].speaker == id_of(x, "Ines Varga"));
}

TEST_CASE("quote offsets point at the quoted bytes without the marks") {
  const std::string text = "\xE2\x80\x9CWe will appeal this ruling today,\xE2\x80\x9D said Ada Quist.";
  const Extraction x = extract_text(text);
  REQUIRE(x.quotes.size() == 1);
  const Span& s = x.quotes[0].span;
  CHECK(text.substr(s.start, s.end - s.start) == "We will appeal this ruling today,");
}

TEST_CASE("a quotation opening the next sentence, with no one else named, goes on with the same speaker") {
  const Extraction x = extract_text(
      "\"Corvane has offered our members a pay cut dressed up as a raise,\" she said, according to Mira Solvik's aides. "
      "Mira Solvik spoke later. \"Corvane has offered nothing new to anyone here,\" Solvik said. "
      "\"We will not accept it from them.\"\n"
      "\"The offer stands and it is generous,\" Ode Brask said. Corvane Labs agreed. \"This quote has no speaker at all.\"");
  const ExtractedQuote* next = quote_starting(x, "We will not accept");
  REQUIRE(next);
  CHECK(next->speaker == id_of(x, "Mira Solvik"));
  // Someone else named in between: no continuation.
  const ExtractedQuote* orphan = quote_starting(x, "This quote has no speaker");
  REQUIRE(orphan);
  CHECK(orphan->speaker.empty());
}

TEST_CASE("a named spokesperson's words are the organization's statement") {
  const Extraction x = extract_text(
      "The banking union Verdi Finance criticised the approval. "
      "\"Shareholders win, employees and customers lose,\" union spokesman Klaus Meyer said.");
  const ExtractedQuote* q = quote_starting(x, "Shareholders win");
  REQUIRE(q);
  CHECK(q->speaker == id_of(x, "Verdi Finance"));
  CHECK(actor_named(x, "Klaus Meyer"));  // still an actor of the story
}
