#include "evgraph/extractor.h"

#include <algorithm>
#include <map>
#include <set>

#include "evgraph/actors.h"
#include "evgraph/coreference.h"
#include "evgraph/events.h"
#include "evgraph/extract_resources.h"
#include "evgraph/ids.h"
#include "evgraph/quotes.h"
#include "evgraph/responses.h"
#include "evgraph/sentences.h"
#include "evgraph/timex.h"

namespace evgraph {

struct Extractor::Impl {
  Resources resources;
  ExtractResources lex;
  TimexTagger tagger;
  explicit Impl(const Resources& r) : resources(r), lex(ExtractResources::load(r)), tagger(r) {}
};

Extractor::Extractor(const Resources& resources) : impl_(std::make_unique<Impl>(resources)) {}
Extractor::~Extractor() = default;
Extractor::Extractor(Extractor&&) noexcept = default;
Extractor& Extractor::operator=(Extractor&&) noexcept = default;

Extraction Extractor::extract(const Document& doc, const ExtractOptions& options) const {
  const ExtractResources& lex = impl_->lex;
  Extraction x;
  x.doc = doc.id;
  x.meta = doc.meta;
  x.path = doc.path;
  const TextAnalysis text(doc.text, lex);
  DatedTimexes dated = impl_->tagger.tag_document(doc, options.dct, &text.normalized());  // one normalization for both
  x.dct = dated.dct;
  x.timexes = std::move(dated.timexes);
  // Only statements make mentions "quoted"; scare quotes and titles are part of the sentence.
  std::vector<QuoteSpan> spans;
  for (const QuoteSpan& span : find_quote_spans(text))
    if (is_statement_span(text, span)) spans.push_back(span);
  std::vector<Mention> mentions = find_mentions(text, spans, lex);
  // A name that cuts a temporal expression in half ("Trained 9-12" of "Trained 9-12 months
  // ago") is a capitalized word run into a number, and one inside a timex is a date.
  // Timexes are in text order and do not overlap: only the first ending after the name's
  // start can overlap it from the left or contain it.
  std::erase_if(mentions, [&](const Mention& m) {
    if (m.type != MentionType::name) return false;
    const auto [o_start, o_end] = text.original_range(m.start, m.end);
    auto t = std::upper_bound(x.timexes.begin(), x.timexes.end(), o_start,
                              [](std::size_t offset, const Timex& tx) { return offset < tx.end; });
    for (; t != x.timexes.end() && t->start < o_end; ++t)
      if (t->start < o_start || t->end > o_end) return true;  // cut in half
      else if (t->start <= o_start && o_end <= t->end) return true;  // "Aug. 7" is a date, not a product
    return false;
  });
  const std::vector<ActorCluster> actors = resolve_actors(text, mentions, lex);
  const std::vector<AttributedQuote> quotes = attribute_quotes(text, spans, mentions, lex);
  std::vector<FoundEvent> events = find_events(text, spans, mentions, actors, x.timexes, lex,
                                                     x.dct.source == DctSource::meta || x.dct.source == DctSource::cli);

  // Actors in order of first mention, with stable slug ids.
  std::vector<int> order(actors.size());
  for (std::size_t a = 0; a < actors.size(); ++a) order[a] = static_cast<int>(a);
  auto first_offset = [&](int a) { return actors[a].mentions.empty() ? std::size_t(-1) : mentions[actors[a].mentions.front()].start; };
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return first_offset(a) < first_offset(b); });
  std::vector<std::string> ids(actors.size());
  std::set<std::string> used;
  for (int a : order) {
    std::string id = slugify(actors[a].name);
    if (id.empty()) id = "actor";
    std::string unique = id;
    for (int n = 2; used.count(unique); ++n) unique = id + "-" + std::to_string(n);
    used.insert(unique);
    ids[a] = unique;
    ExtractedActor out;
    out.id = unique;
    out.name = actors[a].name;
    out.kind = actors[a].kind;
    std::set<std::string> seen_alias;
    for (int mi : actors[a].mentions) {
      const Mention& m = mentions[mi];
      if (m.type == MentionType::pronoun) continue;
      Span span = text.original_span(m.start, m.end);
      if (span.text != out.name && seen_alias.insert(span.text).second) out.aliases.push_back(span.text);
      out.mentions.push_back(std::move(span));
    }
    x.actors.push_back(std::move(out));
  }
  auto actor_id = [&](int a) { return a >= 0 ? ids[a] : std::string(); };

  std::vector<QuoteSpeaker> quote_speakers;
  for (const AttributedQuote& q : quotes) {
    ExtractedQuote out;
    out.span = text.original_span(q.span.start, q.span.end);
    const int speaker = q.speaker_mention >= 0 ? mentions[q.speaker_mention].actor : -1;
    out.speaker = actor_id(speaker);
    if (q.cue_end > q.cue_start) out.cue = text.original_span(q.cue_start, q.cue_end).text;
    quote_speakers.push_back({static_cast<int>(x.quotes.size()), speaker, q.span.start, q.span.end});
    x.quotes.push_back(std::move(out));
  }

  {
    std::vector<QuoteSpan> quoted;
    std::vector<int> speakers;
    for (const AttributedQuote& q : quotes) {
      quoted.push_back(q.span);
      speakers.push_back(q.speaker_mention >= 0 ? mentions[q.speaker_mention].actor : -1);
    }
    for (const FoundEvent& call : find_quoted_calls(text, quoted, speakers, mentions, actors)) {
      bool known = false;
      for (const FoundEvent& e : events)
        known = known || (!e.untargeted && e.actor == call.actor && e.action == call.action && e.target == call.target);
      if (!known) events.push_back(call);
    }
  }
  std::set<std::string> event_ids;
  for (const FoundEvent& e : events) {
    if (e.untargeted) continue;
    ExtractedEvent out;
    out.date = e.date;
    out.actor = actor_id(e.actor);
    out.action = e.action;
    out.target = actor_id(e.target);
    out.evidence = text.original_span(e.evidence_start, e.evidence_end);
    out.id = content_id("e", {out.actor, out.action, out.target, out.date ? out.date->iso() : std::string()});
    // Two 'other' acts of one actor: the trigger word tells them apart.
    if (!event_ids.insert(out.id).second) {
      out.id = content_id("e", {out.actor, out.action, out.target, out.date ? out.date->iso() : std::string(),
                                text.tokens()[e.trigger_token].lower});
      event_ids.insert(out.id);
    }
    const Sentence& s = text.sentences()[e.sentence];
    for (const QuoteSpeaker& q : quote_speakers)
      if (q.actor == e.actor && q.end >= s.start && q.start <= s.end) out.quote = q.quote;
    x.events.push_back(std::move(out));
  }

  const std::vector<FoundResponse> responses = find_responses(text, mentions, actors, quote_speakers, events, lex);
  // An explicit reply ("fired back", "stands by") is also a respond event, unless the same
  // sentence already reports it as criticism or denial by the same actor.
  for (const FoundResponse& r : responses) {
    if (!r.explicit_cue) continue;
    bool reported = false;
    for (const FoundEvent& e : events)
      reported = reported || (!e.untargeted && e.sentence == r.sentence && e.actor == r.from &&
                              (e.action == "criticize" || e.action == "respond" || e.action == "deny" ||
                               e.action == "oppose"));
    if (reported) continue;
    ExtractedEvent out;
    out.date = r.date;
    out.actor = actor_id(r.from);
    out.action = "respond";
    out.target = actor_id(r.to);
    out.evidence = text.original_span(r.evidence_start, r.evidence_end);
    out.id = content_id("e", {out.actor, out.action, out.target, out.date ? out.date->iso() : std::string()});
    out.quote = r.from_quote;
    bool duplicate = false;
    for (const ExtractedEvent& e : x.events) duplicate = duplicate || e.id == out.id;
    if (!duplicate) x.events.push_back(std::move(out));
  }
  std::stable_sort(x.events.begin(), x.events.end(),
                   [](const ExtractedEvent& a, const ExtractedEvent& b) { return a.evidence.start < b.evidence.start; });

  for (const FoundResponse& r : responses) {
    ExtractedResponse out;
    out.from = actor_id(r.from);
    out.to = actor_id(r.to);
    out.from_quote = r.from_quote;
    out.to_quote = r.to_quote;
    out.date = r.date;
    out.evidence = text.original_span(r.evidence_start, r.evidence_end);
    x.responses.push_back(std::move(out));
  }
  return x;
}

Extraction extract_document(const Document& doc, const ExtractOptions& options) {
  static const Extractor extractor(Resources::builtin());
  return extractor.extract(doc, options);
}

}  // namespace evgraph
