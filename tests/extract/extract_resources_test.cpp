#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "evgraph/extract_resources.h"

using namespace evgraph;

TEST_CASE("word lists are looked up case-insensitively, words of any length") {
  const ExtractResources builtin = ExtractResources::load(Resources::builtin());
  for (const char* word : {"the", "The", "THE", "tHe"}) CHECK_MESSAGE(builtin.is_non_name(word), word);
  CHECK_FALSE(builtin.is_non_name("Boeing"));
  CHECK_FALSE(builtin.is_non_name(""));
  CHECK_FALSE(builtin.is_non_name("th"));
  CHECK_FALSE(builtin.is_non_name("thee"));
  CHECK(builtin.is_demonym("German"));
  CHECK(builtin.is_demonym("GERMAN"));
  CHECK_FALSE(builtin.is_demonym("Germany"));

  ExtractResources lex;
  const std::string long_word(40, 'q');  // longer than the lookup's stack buffer
  lex.non_names.insert(long_word);
  lex.non_names.insert(std::string(32, 'z'));
  lex.demonyms.insert("\xc3\xa9tranger");  // non-ASCII bytes are kept as they are
  CHECK(lex.is_non_name(std::string(40, 'Q')));
  CHECK(lex.is_non_name(std::string(32, 'Z')));
  CHECK_FALSE(lex.is_non_name(std::string(41, 'Q')));
  CHECK_FALSE(lex.is_non_name(std::string(31, 'Z')));
  CHECK(lex.is_demonym("\xc3\xa9TRANGER"));
  CHECK_FALSE(lex.is_demonym("\xc3\x89tranger"));
}

TEST_CASE("word maps take string views") {
  const ExtractResources lex = ExtractResources::load(Resources::builtin());
  const std::string text = "the company said";
  const auto company = lex.descriptions.find(std::string_view(text).substr(4, 7));
  REQUIRE(company != lex.descriptions.end());
  CHECK(company->first == "company");
  CHECK(lex.descriptions.count(std::string_view(text).substr(4, 6)) == 0);
}

TEST_CASE("two-word description heads are found through their second word") {
  const ExtractResources lex = ExtractResources::load(Resources::builtin());
  REQUIRE(lex.descriptions.count("new controls"));
  CHECK(lex.description_second_words.count("controls"));
  for (const auto& [head, kind] : lex.descriptions) {
    const std::size_t space = head.find(' ');
    if (space == std::string::npos) continue;
    CHECK_MESSAGE(lex.description_second_words.count(head.substr(space + 1)), head);
  }
  CHECK_FALSE(lex.description_second_words.count("company"));
}
