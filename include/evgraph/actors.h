// Actor mentions: names found from capitalization and cues, definite
// descriptions ("the company"), speaker pronouns and spokespeople.
//
//   std::vector<Mention> mentions = find_mentions(text, quotes, lexicons);
//
// Names: maximal capitalized sequences (with "of/for/and/&" inside organization
// names, version numbers inside product names), trimmed of function words,
// titles and demonyms; gazetteer entries win over the generic rule. Kind cues:
// the gazetteer; the last word (Inc, Ministry, Rule, ...); a title before the
// name or in apposition ("X, the CEO of Y", "Y's CEO X"); digits (products).
// Mentions in headings and lone sentence-initial words are `weak`: they only
// attach to actors named elsewhere (see coreference.h).
#pragma once

#include <string>
#include <vector>

#include "evgraph/extract_resources.h"
#include "evgraph/sentences.h"

namespace evgraph {

enum class MentionType { name, description, pronoun, spokesperson, policy };

struct QuoteSpan;

struct Mention {
  std::size_t start = 0;  // normalized offsets
  std::size_t end = 0;
  int first_token = 0;  // [first_token, last_token)
  int last_token = 0;
  MentionType type = MentionType::name;
  std::string text;       // normalized surface form
  std::string kind;       // guessed kind, empty when unknown
  std::string canonical;  // canonical name when known (gazetteer, policy phrase)
  int sentence = -1;
  bool possessive = false;  // followed by "'s"
  bool in_quote = false;
  bool weak = false;         // only attaches to an actor named elsewhere
  bool person_cue = false;   // a title or apposition marks a person
  bool plural = false;       // descriptions: "the rules"
  bool emphasis = false;     // a lone all-capitals word ("WORKING"): weak unless it recurs
  int spokes_for = -1;       // spokesperson mentions: index of the organization's name mention
  bool described = false;    // spokesperson mentions: "an agency spokesperson" (kind from the noun)
  bool possessed = false;    // "Ireland's data protection regulator": a body named by place and role
  int actor = -1;            // set by coreference
};

// All mentions of the text, sorted by start. `quotes` marks which are inside quotations.
std::vector<Mention> find_mentions(const TextAnalysis& text, const std::vector<QuoteSpan>& quotes,
                                   const ExtractResources& lex);

// Longest phrase of `phrases` matching at `at`; returns its length, 0 if none.
int match_any(const std::vector<Token>& tokens, int at, int limit, const PhraseSet& phrases);
// Longest event trigger of the lexicon matching at `at`; returns its length,
// 0 if none, and sets `action` when given.
int match_trigger(const std::vector<Token>& tokens, int at, int limit, const ExtractResources& lex,
                  std::string* action = nullptr);

}  // namespace evgraph
