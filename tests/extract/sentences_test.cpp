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
  TextAnalysis text("The U.S. firm\xE2\x80\x99s Marlow\xE2\x80\x91" "era plan\xE2\x80\x94then more.", lex());
  std::vector<std::string> words;
  for (const Token& t : text.tokens()) words.push_back(t.text);
  CHECK(words == std::vector<std::string>{"The", "U.S.", "firm", "'s", "Marlow-era", "plan", "-", "then", "more", "."});
  // Offsets map back to the original bytes, curly apostrophe included.
  const Token& possessive = text.tokens()[3];
  CHECK(text.original_span(possessive.start, possessive.end).text == "\xE2\x80\x99s");
  // original_range and original_offset give the same offsets without the text.
  for (const Token& t : text.tokens()) {
    const Span span = text.original_span(t.start, t.end);
    CHECK(text.original_range(t.start, t.end) == std::pair{span.start, span.end});
    CHECK(text.original_offset(t.start) == span.start);
  }
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

TEST_CASE("tokenizing is complete whether tokens are denser or sparser than the reserved estimate") {
  std::string dense;  // one token per byte
  for (int i = 0; i < 500; ++i) dense += i % 2 ? "," : "a";
  const auto many = tokenize(dense, lex());
  REQUIRE(many.size() == dense.size());
  CHECK(many.front().text == "a");
  CHECK(many.back().text == ",");
  CHECK(many.back().end == dense.size());
  const std::string sparse = std::string(40, ' ') + "Telecommunications" + std::string(40, ' ');
  const auto few = tokenize(sparse, lex());
  REQUIRE(few.size() == 1);
  CHECK(few[0].start == 40);
  CHECK(few[0].lower == "telecommunications");
  CHECK(tokenize("", lex()).empty());
}

TEST_CASE("tokens carry their lowercase form and shape flags") {
  const auto tokens = tokenize("iPhone CORVANA A1 M\xc3\xbcller \xc3\x9cnited 2025 x \xe2\x80\xa2 GmbH's", lex());
  REQUIRE(tokens.size() == 10);
  struct Expected {
    const char* lower;
    bool word, capitalized, all_caps, has_digit;
  };
  const Expected expected[] = {
      {"iphone", true, true, false, false},          {"corvana", true, true, true, false},
      {"a1", true, true, false, true},               {"m\xc3\xbcller", true, true, false, false},
      {"\xc3\x9cnited", true, false, false, false},  {"2025", true, false, false, true},
      {"x", true, false, false, false},              {"\xe2\x80\xa2", false, false, false, false},
      {"gmbh", true, true, false, false},            {"'s", false, false, false, false},
  };
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    CAPTURE(tokens[i].text);
    CHECK(tokens[i].lower == expected[i].lower);
    CHECK(tokens[i].word == expected[i].word);
    CHECK(tokens[i].capitalized == expected[i].capitalized);
    CHECK(tokens[i].all_caps == expected[i].all_caps);
    CHECK(tokens[i].has_digit == expected[i].has_digit);
  }
}
