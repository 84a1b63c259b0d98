// "Who responded to whom": directed responds_to edges between actors.
//
// Structural: an actor criticizing or opposing another actor (not a rule or a
// product) responds to it. Explicit cues (response_cues.txt: "in response",
// "responded", "rebuked", "hit back", "stands by", ...), also inside a quotation
// for its speaker: the responder is the quote's speaker, the possessor ("X's
// response") or the clause subject; the one responded to is the actor named after
// the cue, else the last actor who criticized the responder (a defense), else the
// last actor the responder criticized, else the last other speaker. Negated cues
// ("did not respond") are skipped. Contrast: "While A argues ..., B stresses
// ..." gives B -> A. One edge per (from, to) pair; the
// statement-level edge is kept when both sides have a known quotation.
#pragma once

#include <vector>

#include "evgraph/events.h"

namespace evgraph {

struct FoundResponse {
  int from = -1;  // actor indices
  int to = -1;
  int from_quote = -1;  // indices into the attributed quotes, or -1
  int to_quote = -1;
  std::size_t evidence_start = 0;  // normalized offsets
  std::size_t evidence_end = 0;
  int sentence = -1;
  std::optional<PartialDate> date;
  bool explicit_cue = false;  // from a cue rather than a criticism
};

struct QuoteSpeaker {
  int quote = -1;
  int actor = -1;
  std::size_t start = 0, end = 0;  // normalized span of the quoted text
};

std::vector<FoundResponse> find_responses(const TextAnalysis& text, const std::vector<Mention>& mentions,
                                          const std::vector<ActorCluster>& actors,
                                          const std::vector<QuoteSpeaker>& quotes,
                                          const std::vector<FoundEvent>& events, const ExtractResources& lex);

}  // namespace evgraph
