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
#include <vector>

#include "evgraph/phrase_set.h"
#include "evgraph/resources.h"

namespace evgraph {

struct GazetteerEntry {
  std::string name;
  std::string kind;
  std::vector<std::string> aliases;
};

struct ExtractResources {
  std::set<std::string> abbreviations;  // "dr.", "u.s." (lowercase)
  std::set<std::string> non_names;      // lowercase
  std::set<std::string> demonyms;       // lowercase
  std::set<std::string> places;         // exact names of pure locations
  std::vector<GazetteerEntry> gazetteer;
  std::map<std::string, std::size_t> gazetteer_alias;  // exact surface -> index into gazetteer
  std::map<std::string, std::string> name_heads;       // lowercase last word -> kind
  PhraseSet titles;
  std::map<std::string, std::string> descriptions;  // lowercase head -> kind
  // lowercase head -> words that mark a name as one ("union" -> federation, guild ...)
  std::map<std::string, std::set<std::string>> description_name_words;
  std::vector<std::pair<Phrase, std::string>> policy_phrases;  // phrase -> canonical name
  PhraseSet spokespeople;
  PhraseSet speech_verbs;
  PhraseSet speech_nouns;
  PhraseSet triggers;
  std::vector<std::string> trigger_actions;  // parallel to `triggers`
  PhraseSet response_cues;
  std::set<std::string> position_nouns;  // lowercase
  std::set<std::string> group_nouns;     // lowercase: "officials", "analysts"
  std::set<std::string> occasion_heads;  // lowercase: "cup", "summit" (names of occasions, not actors)
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
