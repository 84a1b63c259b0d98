// The extractor's language data, loaded once from resources/en/extract/*.txt
// (see resources/en/extract/README.txt for the file formats).
//
//   ExtractResources lex = ExtractResources::load(Resources::builtin());
//   if (lex.is_title("CEO")) ...
//
// Loading throws std::runtime_error naming "file:line" when a file is malformed.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "evgraph/phrase_set.h"
#include "evgraph/resources.h"
#include "evgraph/word_hash.h"

namespace evgraph {

struct GazetteerEntry {
  std::string name;
  std::string kind;
  std::vector<std::string> aliases;
};

// Hash lookups by std::string or std::string_view (WordHash, word_hash.h): word lists
// are looked up several times per token, where tree lookups and lowercase copies added up.
using WordSet = std::unordered_set<std::string, WordHash, std::equal_to<>>;
using WordMap = std::unordered_map<std::string, std::string, WordHash, std::equal_to<>>;

struct ExtractResources {
  WordSet abbreviations;  // "dr.", "u.s." (lowercase)
  WordSet non_names;      // lowercase
  WordSet demonyms;       // lowercase
  WordSet places;         // exact names of pure locations
  std::vector<GazetteerEntry> gazetteer;
  std::map<std::string, std::size_t> gazetteer_alias;  // exact surface -> index into gazetteer
  WordMap name_heads;                                  // lowercase last word -> kind
  PhraseSet titles;
  WordMap descriptions;  // lowercase head -> kind
  // Second words of two-word heads ("controls" of "new controls"): only after
  // these is a word pair worth looking up.
  WordSet description_second_words;
  // lowercase head -> words that mark a name as one ("union" -> federation, guild ...)
  std::map<std::string, std::set<std::string>> description_name_words;
  PhraseSet policy_phrases;
  std::vector<std::string> policy_canonical;  // canonical name of each policy phrase
  PhraseSet spokespeople;
  PhraseSet speech_verbs;
  PhraseSet speech_nouns;
  PhraseSet triggers;
  std::vector<std::string> trigger_actions;  // parallel to `triggers`
  PhraseSet response_cues;
  WordSet position_nouns;  // lowercase
  WordSet critic_groups;   // lowercase: "critics", "opponents"
  WordSet place_nouns;     // lowercase: "valley", "province"
  WordSet name_particles;  // lowercase, matched case-sensitively: "de", "van", "bin"
  WordSet invest_verbs;    // money_verbs.txt: "build", "added" before an amount invest
  WordSet fund_verbs;      // ... "provide", "granted" before an amount fund
  WordSet currency_words;  // ... "$", "euros", "yuan" start an amount
  WordMap evaluations;     // lowercase word -> criticize | support
  struct ActNoun {
    std::set<std::string> actions;        // events of these actions ...
    std::set<std::string> trigger_words;  // ... whose trigger starts with one of these (empty: any)
  };
  std::map<std::string, ActNoun> act_nouns;  // lowercase noun -> what kind of act it names
  WordSet group_nouns;     // lowercase: "officials", "analysts"
  WordSet occasion_heads;  // lowercase: "cup", "summit" (names of occasions, not actors)
  // Gazetteer aliases and names as token texts (case-sensitive), for matching in
  // text, and the gazetteer entry of each.
  PhraseSet gazetteer_phrases{PhraseCase::exact};
  std::vector<std::size_t> gazetteer_phrase_entry;

  static ExtractResources load(const Resources& resources);

  bool is_non_name(std::string_view word) const;
  bool is_demonym(std::string_view word) const;
};

// Lowercase ASCII copy (non-ASCII bytes unchanged).
std::string ascii_lower(std::string_view s);
// Splits a phrase into lowercase whitespace-separated tokens.
Phrase make_phrase(std::string_view text);

}  // namespace evgraph
