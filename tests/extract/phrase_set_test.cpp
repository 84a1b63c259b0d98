#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "evgraph/phrase_set.h"
#include "evgraph/sentences.h"

using namespace evgraph;

namespace {

std::vector<Token> tokens_of(const std::string& text) {
  static const ExtractResources lex;  // no abbreviations needed here
  return tokenize(text, lex);
}

int size_of(const std::vector<Token>& tokens) { return static_cast<int>(tokens.size()); }

}  // namespace

TEST_CASE("PhraseSet: the longest phrase starting at the token wins") {
  const PhraseSet set({make_phrase("chief"), make_phrase("chief executive officer"), make_phrase("chief executive")});
  const auto tokens = tokens_of("Chief Executive Officer Tom Okafor said");
  std::size_t index = 99;
  CHECK(set.longest(tokens, 0, size_of(tokens), &index) == 3);
  CHECK(index == 1);
  const auto shorter = tokens_of("the chief executive said");
  CHECK(set.longest(shorter, 1, size_of(shorter), &index) == 2);
  CHECK(index == 2);
  // A limit cuts the match short: only phrases that end by it count.
  CHECK(set.longest(tokens, 0, 2, &index) == 2);
  CHECK(set.longest(tokens, 0, 1, &index) == 1);
  CHECK(index == 0);
}

TEST_CASE("PhraseSet: tokens match by lowercase text, phrases are lowercase") {
  const PhraseSet set({make_phrase("CEO"), make_phrase("Prime Minister")});
  for (const char* text : {"CEO", "ceo", "Ceo", "PRIME MINISTER", "prime minister"}) {
    const auto tokens = tokens_of(text);
    CHECK_MESSAGE(set.longest(tokens, 0, size_of(tokens)) == size_of(tokens), text);
  }
}

TEST_CASE("PhraseSet: no match leaves the index alone") {
  const PhraseSet set({make_phrase("pointed out"), make_phrase("said")});
  const auto tokens = tokens_of("she pointed to the data");
  std::size_t index = 42;
  for (int at = 0; at < size_of(tokens); ++at) CHECK(set.longest(tokens, at, size_of(tokens), &index) == 0);
  CHECK(index == 42);
  CHECK(set.longest(tokens, 1, 1) == 0);            // empty range
  CHECK(set.longest(tokens, 9, size_of(tokens)) == 0);  // past the limit
  CHECK(PhraseSet().longest(tokens, 0, size_of(tokens)) == 0);
}

TEST_CASE("PhraseSet: equally long phrases keep lexicon order") {
  PhraseSet set;
  set.add(make_phrase("come into effect"));
  set.add(make_phrase("said"));
  set.add(Phrase{});  // kept for indices, never matches
  set.add(make_phrase("come into force"));
  set.add(make_phrase("come into effect"));
  CHECK(set.size() == 5);
  CHECK(set.starting_with("come") == std::vector<std::size_t>{0, 3, 4});
  CHECK(set.starting_with("went").empty());
  const auto tokens = tokens_of("rules come into effect today");
  std::size_t index = 99;
  CHECK(set.longest(tokens, 1, size_of(tokens), &index) == 3);
  CHECK(index == 0);
}

TEST_CASE("PhraseSet agrees with a scan of every phrase on the builtin lexicons") {
  const ExtractResources lex = ExtractResources::load(Resources::builtin());
  CHECK(lex.trigger_actions.size() == lex.triggers.size());
  CHECK(lex.policy_canonical.size() == lex.policy_phrases.size());
  const auto tokens = tokens_of(
      "Chief executive Tom Okafor told reporters the rules will come into effect, a company spokesperson "
      "said. In response, Prime Minister Ilse Brandvik pointed out that the White House press secretary "
      "had criticized the plan and called for talks; the agency's spokeswoman declined to comment. "
      "The new export controls, sanctions and tariffs came into force.");
  const int n = size_of(tokens);
  for (const PhraseSet* set : {&lex.titles, &lex.spokespeople, &lex.speech_verbs, &lex.speech_nouns,
                               &lex.response_cues, &lex.triggers, &lex.policy_phrases}) {
    REQUIRE(set->size() > 0);
    int matched = 0;
    for (int at = 0; at < n; ++at)
      for (int limit : {at + 1, at + 2, n}) {
        int scan = 0;
        for (const Phrase& p : *set) scan = std::max(scan, match_phrase(tokens, at, std::min(limit, n), p));
        CHECK(set->longest(tokens, at, std::min(limit, n)) == scan);
        matched += scan > 0;
      }
    CHECK(matched > 0);
  }
}

TEST_CASE("PhraseSet: exact case compares the token text as written") {
  PhraseSet set(PhraseCase::exact);
  set.add({"Bank", "of", "England"});
  set.add({"BoE"});
  const auto tokens = tokens_of("the Bank of England and the bank of england and BOE and BoE");
  const int n = size_of(tokens);
  CHECK(set.longest(tokens, 1, n) == 3);
  CHECK(set.longest(tokens, 6, n) == 0);
  CHECK(set.longest(tokens, 10, n) == 0);
  CHECK(set.longest(tokens, 12, n) == 1);
}

TEST_CASE("PhraseSet: words that share the fingerprint of a first word (length, ends) still differ") {
  const PhraseSet set({make_phrase("telecommunications regulator"), make_phrase("cat")});
  for (const char* text : {"Telecommunications Regulator", "telecxmmunications regulator", "telecommunications",
                           "cot", "car", "cats", "ca"}) {
    const auto tokens = tokens_of(text);
    const int expected = std::string(text) == "Telecommunications Regulator" ? 2 : 0;
    CHECK_MESSAGE(set.longest(tokens, 0, size_of(tokens)) == expected, text);
  }
}

TEST_CASE("the gazetteer matches the longest alias as written, like a longest-first scan") {
  const ExtractResources lex = ExtractResources::load(Resources::builtin());
  REQUIRE(lex.gazetteer_phrases.size() == lex.gazetteer_phrase_entry.size());
  // Gazetteer names and aliases themselves, in running text and in lowercase.
  std::string text;
  for (const GazetteerEntry& entry : lex.gazetteer) text += entry.name + " said " + ascii_lower(entry.name) + ". ";
  const auto tokens = tokens_of(text);
  const int n = size_of(tokens);
  std::vector<std::size_t> order(lex.gazetteer_phrases.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return lex.gazetteer_phrases[a].size() > lex.gazetteer_phrases[b].size(); });
  int matched = 0;
  for (int at = 0; at < n; ++at) {
    int scan = 0;
    std::size_t scan_entry = 0;
    for (std::size_t i : order) {
      const Phrase& p = lex.gazetteer_phrases[i];
      const int len = static_cast<int>(p.size());
      if (at + len > n) continue;
      bool ok = true;
      for (int k = 0; k < len && ok; ++k) ok = tokens[at + k].text == p[k];
      if (ok) {
        scan = len;
        scan_entry = lex.gazetteer_phrase_entry[i];
        break;
      }
    }
    std::size_t index = 0;
    const int len = lex.gazetteer_phrases.longest(tokens, at, n, &index);
    CHECK(len == scan);
    if (len && scan) CHECK(lex.gazetteer_phrase_entry[index] == scan_entry);
    matched += len > 0;
  }
  CHECK(matched >= static_cast<int>(lex.gazetteer.size()));
}
