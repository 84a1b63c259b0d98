// Loading the temporal tagger's language data (resources/<lang>/timex/):
//   pattern_<name>.txt  regex alternatives usable in rules as %name
//   norm_<name>.txt     word -> value tables for captured groups named <name>
//   rules_<kind>.txt    rules (regex + TIMEX3 type + value template); rules_negative.txt vetoes
//   tense_cues.txt      words that mark a sentence's tense (for choosing a year or weekday)
// Every problem is reported as "file:line: error: message".
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "evgraph/resources.h"
#include "evgraph/timex.h"
#include "evgraph/word_hash.h"

namespace evgraph {

struct TimexRule {
  std::string name;
  bool negative = false;          // a veto: candidates overlapping its matches are dropped
  TimexType type = TimexType::date;
  std::string pattern;            // with %macros expanded
  std::string scan;               // optional cheaper pattern for Hyperscan, ending wherever `pattern` can; expanded
  std::string value;              // value template (see rules_date.txt)
  std::string range_max;          // template, may be empty
  std::string mod;                // template, may be empty
  int priority = 0;
  bool case_sensitive = false;
  std::string origin;             // "file:line" of the rule's first line, for messages
};

enum class Tense { unknown, past, present, future };

struct TenseCues {
  std::unordered_map<std::string, Tense> words;  // lowercase word -> tense
  std::unordered_map<std::string, Tense> auxiliaries;  // "will", "was": they outrank other cues
  std::unordered_set<std::string> steady;  // cues an auxiliary does not override ("were planning to")
  std::unordered_set<std::string> perfect;  // "had": with it, a limit ("by", "until") lies behind
  std::vector<std::pair<std::string, Tense>> suffixes;  // "*ed past"
  std::vector<std::string> suffix_exceptions;           // words that end like a cue but are not ("need")
  std::vector<std::string> determiners;  // after these a suffix cue is an adjective ("the proposed merger")
  // Phrases right before an expression that decide its tense alone ("payable Dec. 7",
  // "until Tuesday"): lowercase words joined by one space.
  std::unordered_map<std::string, Tense, WordHash, std::equal_to<>> governors;
  std::unordered_set<std::string, WordHash, std::equal_to<>> nearest_governors;  // "by": ahead for weekdays, the nearest month
  std::size_t governor_words = 0;  // the longest governor, in words
};

struct TimexResources {
  std::vector<TimexRule> rules;
  // table name (file stem without "norm_") -> lowercase key -> value
  std::map<std::string, std::unordered_map<std::string, std::string>, std::less<>> norms;
  TenseCues tense;
};

// Reads every en/timex/ file of `resources`. Throws std::runtime_error naming file and line.
TimexResources load_timex_resources(const Resources& resources, std::string_view language = "en");

}  // namespace evgraph
