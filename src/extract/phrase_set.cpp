#include "evgraph/phrase_set.h"

#include <cstdint>

#include "evgraph/sentences.h"

namespace evgraph {

int match_phrase(const std::vector<Token>& tokens, int at, int limit, const Phrase& phrase) {
  const int n = static_cast<int>(phrase.size());
  if (n == 0 || at + n > limit) return 0;
  for (int k = 0; k < n; ++k)
    if (tokens[at + k].lower != phrase[k]) return 0;
  return n;
}

namespace {

inline std::size_t shape_of(const std::string& word) {
  std::uint64_t h = word.size();
  if (!word.empty()) {
    h = h << 24 | static_cast<unsigned char>(word.front()) << 16 | static_cast<unsigned char>(word.back());
    if (word.size() > 1) h |= static_cast<std::uint64_t>(static_cast<unsigned char>(word[1])) << 8;
  }
  return (h * 0x9E3779B97F4A7C15ull) >> (64 - 13);  // 13 bits: the bitset's 8192
}

}  // namespace

PhraseSet::PhraseSet(std::vector<Phrase> phrases, PhraseCase match_case) : case_(match_case) {
  for (Phrase& p : phrases) add(std::move(p));
}

void PhraseSet::add(Phrase phrase) {
  if (!phrase.empty()) {
    first_shapes_.set(shape_of(phrase.front()));
    by_first_word_[phrase.front()].push_back(phrases_.size());
  }
  phrases_.push_back(std::move(phrase));
}

bool PhraseSet::may_start(const std::string& word) const { return first_shapes_.test(shape_of(word)); }

const std::vector<std::size_t>& PhraseSet::starting_with(const std::string& word) const {
  static const std::vector<std::size_t> kNone;
  if (!may_start(word)) return kNone;
  auto it = by_first_word_.find(word);
  return it == by_first_word_.end() ? kNone : it->second;
}

int PhraseSet::longest(const std::vector<Token>& tokens, int at, int limit, std::size_t* index) const {
  if (at < 0 || at >= limit) return 0;
  const std::string& word = case_ == PhraseCase::exact ? tokens[at].text : tokens[at].lower;
  // Called for most tokens, with few matches: the fingerprint test is kept inline here,
  // and the rest out of line, so that a miss does not pay for the loop's registers.
  if (!first_shapes_.test(shape_of(word))) return 0;
  return longest_indexed(tokens, at, limit, word, index);
}

int PhraseSet::longest_indexed(const std::vector<Token>& tokens, int at, int limit, const std::string& word,
                               std::size_t* index) const {
  const bool exact = case_ == PhraseCase::exact;
  const auto candidates = by_first_word_.find(word);
  if (candidates == by_first_word_.end()) return 0;
  int best = 0;
  for (std::size_t i : candidates->second) {
    const Phrase& phrase = phrases_[i];
    const int n = static_cast<int>(phrase.size());
    // Strictly longer, so the first of equally long phrases keeps the index.
    if (n <= best || at + n > limit) continue;
    int k = 1;  // the first word matched through the index
    while (k < n && (exact ? tokens[at + k].text : tokens[at + k].lower) == phrase[k]) ++k;
    if (k == n) {
      best = n;
      if (index) *index = i;
    }
  }
  return best;
}

}  // namespace evgraph
