#include <doctest/doctest.h>

#include "evgraph/extract_resources.h"
#include "evgraph/sentences.h"

using namespace evgraph;

namespace {
const ExtractResources& lex() {
  static const ExtractResources r = ExtractResources::load(Resources::builtin());
  return r;
}
}  // namespace

TEST_CASE("tokens keep initials, split possessives and respect dash kinds") {
  // U+2011 (non-breaking hyphen) joins a compound; U+2014 (em dash) separates words.
  TextAnalysis text("The U.S. firm\xE2\x80\x99s Biden\xE2\x80\x91" "era plan\xE2\x80\x94then more.", lex());
  std::vector<std::string> words;
  for (const Token& t : text.tokens()) words.push_back(t.text);
  CHECK(words == std::vector<std::string>{"The", "U.S.", "firm", "'s", "Biden-era", "plan", "-", "then", "more", "."});
  // Offsets map back to the original bytes, curly apostrophe included.
  const Token& possessive = text.tokens()[3];
  CHECK(text.original_span(possessive.start, possessive.end).text == "\xE2\x80\x99s");
}

TEST_CASE("sentences end at terminal punctuation but not after abbreviations") {
  TextAnalysis text("Dr. Ada Stone spoke. She left at noon.\nA new line starts here", lex());
  REQUIRE(text.sentences().size() == 3);
  CHECK(text.text().substr(text.sentences()[0].start, text.sentences()[0].end - text.sentences()[0].start) ==
        "Dr. Ada Stone spoke.");
  CHECK(text.sentences()[2].paragraph == 1);
}

TEST_CASE("a closing quotation mark stays with its sentence") {
  TextAnalysis text("He said \"we won.\" Then he left.", lex());
  REQUIRE(text.sentences().size() == 2);
  CHECK(text.text().substr(text.sentences()[0].start, text.sentences()[0].end - text.sentences()[0].start) ==
        "He said \"we won.\"");
}

TEST_CASE("short capitalized lines without final punctuation are headings") {
  TextAnalysis text("Key Takeaways From The Summit\nThe summit ended on a Monday.", lex());
  REQUIRE(text.paragraphs().size() == 2);
  CHECK(text.paragraphs()[0].heading);
  CHECK_FALSE(text.paragraphs()[1].heading);
}
