#include <doctest/doctest.h>

#include <set>
#include <string>
#include <unordered_set>

#include "evgraph/extract_resources.h"
#include "evgraph/word_hash.h"

using namespace evgraph;

TEST_CASE("word_hash: a string and its view hash alike, and short words rarely collide") {
  std::set<std::size_t> hashes;
  std::size_t words = 0;
  // Every length 0..24 and bytes that differ only in one position each: the two
  // overlapping loads and the 8-byte blocks must all count.
  for (std::size_t n = 0; n <= 24; ++n) {
    const std::string base(n, 'a');
    CHECK(word_hash(base) == word_hash(std::string_view(base)));
    hashes.insert(word_hash(base));
    ++words;
    for (std::size_t i = 0; i < n; ++i) {
      std::string w = base;
      w[i] = 'b';
      hashes.insert(word_hash(w));
      ++words;
    }
  }
  CHECK(hashes.size() == words);
  CHECK(word_hash("ab") != word_hash("ba"));
  CHECK(word_hash("abc") != word_hash(std::string_view("abc\0", 4)));
}

TEST_CASE("WordSet finds std::string keys by std::string_view") {
  WordSet set = {"dr.", "u.s.", "officials", "a", ""};
  const std::string text = "the u.s. officials";
  CHECK(set.find(std::string_view(text).substr(4, 4)) != set.end());
  CHECK(set.find(std::string_view(text).substr(9)) != set.end());
  CHECK(set.find(std::string_view(text).substr(0, 3)) == set.end());
  CHECK(set.count(std::string("")) == 1);
}
