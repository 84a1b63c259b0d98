#include "evgraph/phrase_set.h"

#include "evgraph/sentences.h"

namespace evgraph {

int match_phrase(const std::vector<Token>& tokens, int at, int limit, const Phrase& phrase) {
  const int n = static_cast<int>(phrase.size());
  if (n == 0 || at + n > limit) return 0;
  for (int k = 0; k < n; ++k)
    if (tokens[at + k].lower != phrase[k]) return 0;
  return n;
}

PhraseSet::PhraseSet(std::vector<Phrase> phrases) {
  for (Phrase& p : phrases) add(std::move(p));
}

void PhraseSet::add(Phrase phrase) {
  if (!phrase.empty()) by_first_word_[phrase.front()].push_back(phrases_.size());
  phrases_.push_back(std::move(phrase));
}

const std::vector<std::size_t>& PhraseSet::starting_with(const std::string& word) const {
  static const std::vector<std::size_t> kNone;
  auto it = by_first_word_.find(word);
  return it == by_first_word_.end() ? kNone : it->second;
}

int PhraseSet::longest(const std::vector<Token>& tokens, int at, int limit, std::size_t* index) const {
  if (at < 0 || at >= limit) return 0;
  int best = 0;
  for (std::size_t i : starting_with(tokens[at].lower)) {
    // Strictly longer, so the first of equally long phrases keeps the index.
    if (const int length = match_phrase(tokens, at, limit, phrases_[i]); length > best) {
      best = length;
      if (index) *index = i;
    }
  }
  return best;
}

}  // namespace evgraph
