// Alias clustering and coreference: which mentions name the same actor.
//
//   std::vector<ActorCluster> actors = resolve_actors(text, mentions, lexicons);
//   mentions[i].actor is then an index into `actors`, or -1.
//
// Rules, in order: gazetteer names and case variants share a key (CORVANE =
// Corvane); a lone first name or surname joins the one person whose full name
// starts or ends with it (Brask -> Ode Brask); a head noun alone joins the one
// body named with it (Commission -> European Commission); an acronym joins the name whose
// capitalized initials spell it or that it follows in parentheses (NTSB <->
// National Transportation Safety Board); rules whose distinctive words
// agree merge (Clean Freight Rule <-> Freight Framework); weak mentions
// (headings, lone sentence openers) only attach to existing actors. Then
// definite descriptions ("the company") take the most recent actor of their
// kind, skipping the sentence subject when the description is an object;
// "he"/"she" take the most recent person; spokespeople take the organization
// they are named with ("a spokesperson for X", "Representatives for X") or, bare,
// the organization most recently named that way or acting as a subject.
#pragma once

#include <string>
#include <vector>

#include "evgraph/actors.h"

namespace evgraph {

struct ActorCluster {
  std::string name;  // canonical name
  std::string kind;
  std::vector<int> mentions;  // indices into the mention list, in text order
};

std::vector<ActorCluster> resolve_actors(const TextAnalysis& text, std::vector<Mention>& mentions,
                                         const ExtractResources& lex);

// The actor of the sentence subject: the first resolved mention of the sentence
// before token `before` that is not the object of a preposition; -1 if none.
int sentence_subject(const TextAnalysis& text, const std::vector<Mention>& mentions, int sentence, int before);

// True when the mention directly follows a preposition ("of X", "at X").
bool after_preposition(const TextAnalysis& text, const Mention& m);

}  // namespace evgraph
