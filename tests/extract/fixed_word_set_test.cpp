#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include "evgraph/fixed_word_set.h"

using namespace evgraph;

TEST_CASE("FixedWordSet answers as std::set<std::string> does") {
  const FixedWordSet set = {"the", "of", ",", "n't", "inc.", "inc", "", "semiconductor", "the", "a"};
  const std::set<std::string> reference = {"the", "of", ",", "n't", "inc.", "inc", "", "semiconductor", "a"};
  CHECK(set.size() == reference.size());
  CHECK(std::vector<std::string>(set.begin(), set.end()) == std::vector<std::string>(reference.begin(), reference.end()));
  for (const char* word : {"the", "of", ",", "n't", "inc.", "inc", "", "semiconductor", "a", "The", "th", "thee", "ine",
                           "inc,", "semiconductors", ".", "an", "tHe", "of "})
    CHECK_MESSAGE(set.count(word) == reference.count(word), word);
  CHECK(set.contains(std::string("of")));
  CHECK_FALSE(set.contains(std::string_view("often", 2).substr(0, 1)));
}

TEST_CASE("FixedWordSet keeps words that share length, first, second and last byte apart") {
  // Same fingerprint: the probe has to walk past the first slot.
  const FixedWordSet set = {"abxd", "abyd", "abzd", "x"};
  CHECK(set.contains("abxd"));
  CHECK(set.contains("abyd"));
  CHECK(set.contains("abzd"));
  CHECK_FALSE(set.contains("abwd"));
  CHECK(set.contains("x"));
  const FixedWordSet empty = {};
  CHECK(empty.empty());
  CHECK_FALSE(empty.contains(""));
  CHECK_FALSE(empty.contains("x"));
}

TEST_CASE("FixedWordSet handles more words than its initial table") {
  std::vector<std::string> words;
  for (int i = 0; i < 300; ++i) words.push_back("w" + std::to_string(i));
  // Built through the initializer list, as the lexicon constants are.
  const FixedWordSet set = {words[0], words[1], words[2], words[3], words[4], words[5], words[6], words[7], words[8],
                            words[9], words[10], words[11], words[12], words[13], words[14], words[15], words[16]};
  for (int i = 0; i < 300; ++i) CHECK(set.contains(words[i]) == (i < 17));
}

TEST_CASE("FixedWordSet::index_of gives positions in sorted order, for parallel tables") {
  const FixedWordSet set(std::vector<std::string>{"will", "had", "the", "had", "a"});
  REQUIRE(set.size() == 4);
  const std::vector<std::string> sorted(set.begin(), set.end());
  for (std::size_t i = 0; i < sorted.size(); ++i) CHECK(set.index_of(sorted[i]) == static_cast<int>(i));
  CHECK(set.index_of("a") == 0);
  CHECK(set.index_of("will") == 3);
  CHECK(set.index_of("wil") == -1);
  CHECK(set.index_of("") == -1);
}
