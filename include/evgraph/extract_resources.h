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

#include "evgraph/resources.h"

namespace evgraph {

// A phrase as lowercase tokens ("come into effect" -> {"come","into","effect"}).
using Phrase = std::vector<std::string>;

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
  std::vector<Phrase> titles;
  std::map<std::string, std::string> descriptions;  // lowercase head -> kind
  // lowercase head -> words that mark a name as one ("union" -> federation, guild ...)
  std::map<std::string, std::set<std::string>> description_name_words;
  std::vector<std::pair<Phrase, std::string>> policy_phrases;  // phrase -> canonical name
  std::vector<Phrase> spokespeople;
  std::vector<Phrase> speech_verbs;
  std::vector<Phrase> speech_nouns;
  std::vector<std::pair<Phrase, std::string>> triggers;  // phrase -> action
  // Indices into `triggers` by first word, in lexicon order: each token looks
  // at the few phrases that can start with it instead of all of them (match_trigger).
  std::unordered_map<std::string, std::vector<std::size_t>> triggers_by_first_word;
  std::vector<Phrase> response_cues;
  std::set<std::string> position_nouns;  // lowercase
  std::set<std::string> critic_groups;   // lowercase: "critics", "opponents"
  std::set<std::string> place_nouns;     // lowercase: "valley", "province"
  std::map<std::string, std::string> evaluations;  // lowercase word -> criticize | support
  struct ActNoun {
    std::set<std::string> actions;        // events of these actions ...
    std::set<std::string> trigger_words;  // ... whose trigger starts with one of these (empty: any)
  };
  std::map<std::string, ActNoun> act_nouns;  // lowercase noun -> what kind of act it names
  std::set<std::string> group_nouns;     // lowercase: "officials", "analysts"
  std::set<std::string> occasion_heads;  // lowercase: "cup", "summit" (names of occasions, not actors)
  // Gazetteer aliases and names as token texts (case-sensitive), for matching in text.
  std::vector<std::pair<std::vector<std::string>, std::size_t>> gazetteer_tokens;

  static ExtractResources load(const Resources& resources);

  bool is_non_name(std::string_view word) const;
  bool is_demonym(std::string_view word) const;
};

// Lowercase ASCII copy (non-ASCII bytes unchanged).
std::string ascii_lower(std::string_view s);
// Splits a phrase into lowercase whitespace-separated tokens.
Phrase make_phrase(std::string_view text);

}  // namespace evgraph
