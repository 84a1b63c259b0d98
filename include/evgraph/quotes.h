// Quotations and who said them.
//
// Step 1, find_quote_spans(): pairs of quotation marks (straight and curly,
// folded to '"'; curly marks tell opening from closing), per paragraph, with
// quotes that continue over several paragraphs ("... no closing mark, next
// paragraph opens again"). Single-quoted phrases are not statements.
// Step 2, attribute_quotes(): a quote of fewer than five words (scare quote) or
// a quoted title is dropped; the speaker comes from cues after the quote
// ('," X said', '" said X', '," he said'), before it ('X said:', 'X told CNBC:',
// "X's response was merciless:", 'according to X'), a speech verb or noun in
// the same sentence for partial quotes ("X accused Y of trying to "..."",
// "X's accusation that ..."), a byline line under a block quote, or a later
// "The above passage is from X" sentence. Speech words: speech_verbs.txt.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "evgraph/actors.h"
#include "evgraph/extract_resources.h"
#include "evgraph/sentences.h"

namespace evgraph {

struct QuoteSpan {
  std::size_t open = 0;   // normalized offset of the opening mark
  std::size_t close = 0;  // normalized offset of the closing mark (or end of the last paragraph)
  std::size_t start = 0;  // quoted text [start, end), without the marks
  std::size_t end = 0;
};

std::vector<QuoteSpan> find_quote_spans(const TextAnalysis& text);

struct AttributedQuote {
  QuoteSpan span;
  int speaker_mention = -1;  // index into mentions, -1 when unattributed
  std::size_t cue_start = 0;  // normalized cue span (empty when none)
  std::size_t cue_end = 0;
  int words = 0;
};

// Statements among `spans` with their speaker mentions. Mentions must already
// be resolved to actors (coreference) so pronouns and spokespeople count.
std::vector<AttributedQuote> attribute_quotes(const TextAnalysis& text, const std::vector<QuoteSpan>& spans,
                                              const std::vector<Mention>& mentions, const ExtractResources& lex);

// A statement rather than a scare quote or a quoted title: five words or more, not title case.
bool is_statement_span(const TextAnalysis& text, const QuoteSpan& span);

// The clause subject before token `before` in `sentence`: the nearest usable
// mention that is not possessive nor the object of a preposition; a name in
// apposition ("Y, a group that includes X,") yields to the name it describes. -1 if none.
int nearest_subject(const TextAnalysis& text, const std::vector<Mention>& mentions, int before, int sentence,
                    const std::function<bool(const Mention&)>& usable);

// True for a name after "experts from", "analysts at": the people act for it.
bool affiliation(const TextAnalysis& text, const Mention& m);

// Number of whitespace-separated words in normalized [start, end).
int count_words(const std::string& text, std::size_t start, std::size_t end);

}  // namespace evgraph
