// A lexicon of phrases (lowercase token sequences) indexed by first word, so
// matching at a token looks at the few phrases that can start there instead of
// scanning the whole list.
//
//   PhraseSet titles({make_phrase("chief executive"), make_phrase("ceo")});
//   int n = titles.longest(tokens, at, limit);  // 2 on "Chief Executive Tom"
//
// Phrases keep their lexicon order; indices returned refer to it.
#pragma once

#include <bitset>
#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

#include "evgraph/word_hash.h"

namespace evgraph {

struct Token;

// A phrase as lowercase tokens ("come into effect" -> {"come","into","effect"}).
using Phrase = std::vector<std::string>;

// Length in tokens of `phrase` when it matches at token `at` and ends by `limit`
// (0 if not).
int match_phrase(const std::vector<Token>& tokens, int at, int limit, const Phrase& phrase);

// How a token's words are compared with a set's phrases.
enum class PhraseCase {
  lower,  // the token's lowercase text with lowercase phrases
  exact,  // the token's text as written (gazetteer names)
};

class PhraseSet {
 public:
  explicit PhraseSet(PhraseCase match_case = PhraseCase::lower) : case_(match_case) {}
  explicit PhraseSet(std::vector<Phrase> phrases, PhraseCase match_case = PhraseCase::lower);

  // Appends a phrase (empty phrases are kept for indices but never match).
  void add(Phrase phrase);

  // Length in tokens of the longest phrase matching `tokens` at `at` and
  // ending by `limit`; 0 if none. `index`, when given, is
  // set to that phrase's position; among equally long ones the first wins.
  int longest(const std::vector<Token>& tokens, int at, int limit, std::size_t* index = nullptr) const;

  // Positions of the phrases whose first word is `word`, in lexicon order;
  // empty if none.
  const std::vector<std::size_t>& starting_with(const std::string& word) const;

  const std::vector<Phrase>& phrases() const { return phrases_; }
  std::size_t size() const { return phrases_.size(); }
  const Phrase& operator[](std::size_t i) const { return phrases_[i]; }
  auto begin() const { return phrases_.begin(); }
  auto end() const { return phrases_.end(); }

 private:
  // Whether some phrase may start with `word`, from a cheap fingerprint (length,
  // first two and last byte): most tokens are ruled out before hashing their text.
  bool may_start(const std::string& word) const;
  // longest() past the fingerprint test: the phrases indexed under `word`.
  [[gnu::noinline]] int longest_indexed(const std::vector<Token>& tokens, int at, int limit, const std::string& word,
                                        std::size_t* index) const;

  PhraseCase case_ = PhraseCase::lower;
  std::bitset<8192> first_shapes_;
  std::vector<Phrase> phrases_;
  std::unordered_map<std::string, std::vector<std::size_t>, WordHash, std::equal_to<>> by_first_word_;
};

}  // namespace evgraph
