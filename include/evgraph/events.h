// Events: who did what to whom, when.
//
// A trigger lexicon (triggers.txt) maps verbs and nouns to actions. Outside
// quotations, each trigger gives an event whose actor is the possessor
// ("X's opposition") or the nearest subject-like mention before it in the
// sentence (not an object of a preposition), and whose target is the first actor
// after it in the same clause. A rule entering into force (take_effect) takes the
// rule named in the sentence, or the last rule named before. Passive launches
// and releases ("was released") take the product as target and the last
// organization subject as the implied actor. The date is the calendar timex
// (YYYY, YYYY-MM, YYYY-MM-DD) of the same sentence nearest to the trigger;
// vague or relative values are ignored, and so are weekday/today-style dates
// unless the creation time is known (`dct_known`: metadata or --dct). Negated triggers ("did not respond")
// give no event; actions aimed at someone (criticize, support, urge, ...) need a
// target. One event per actor, action and target.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "evgraph/actors.h"
#include "evgraph/coreference.h"
#include "evgraph/date.h"
#include "evgraph/quotes.h"
#include "evgraph/timex.h"

namespace evgraph {

struct FoundEvent {
  int actor = -1;  // index into actors
  std::string action;
  int target = -1;
  int sentence = -1;
  int trigger_token = -1;
  std::size_t evidence_start = 0;  // normalized offsets
  std::size_t evidence_end = 0;
  std::optional<PartialDate> date;
  // An act whose action needs a target and has none ("Orvell filed a lawsuit on Tuesday"):
  // not reported, but it owns the act a later "the lawsuit" refers to.
  bool untargeted = false;
};

// Calendar date of a TIMEX3 value ("2025", "2025-05", "2025-05-03"); nullopt for anything else.
std::optional<PartialDate> calendar_date(const std::string& timex_value);

// When the noun phrase at token `from` names an act ("the lawsuit", "this ruling"; see
// act_nouns.txt): the actor of the latest such event up to `sentence` other than
// `exclude_actor`. Otherwise -1.
int act_owner(const TextAnalysis& text, const ExtractResources& lex, const std::vector<ActorCluster>& actors,
              const std::vector<FoundEvent>& events, int from, int sentence, int exclude_actor);

std::vector<FoundEvent> find_events(const TextAnalysis& text, const std::vector<QuoteSpan>& statements,
                                    const std::vector<Mention>& mentions,
                                    const std::vector<ActorCluster>& actors, const std::vector<Timex>& timexes,
                                    const ExtractResources& lex, bool dct_known);

// Calls inside a speaker's quotation: "BIS should invest in detection" said by X is X
// urging BIS. `quote_speakers[i]` is the speaking actor of `quotes[i]` (-1 when unknown).
std::vector<FoundEvent> find_quoted_calls(const TextAnalysis& text, const std::vector<QuoteSpan>& quotes,
                                          const std::vector<int>& quote_speakers,
                                          const std::vector<Mention>& mentions,
                                          const std::vector<ActorCluster>& actors);

}  // namespace evgraph
