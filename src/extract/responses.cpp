#include "evgraph/responses.h"

#include <algorithm>
#include <map>
#include <set>

#include "evgraph/fixed_word_set.h"

namespace evgraph {

namespace {

const FixedWordSet kNegations = {"not", "n't", "never", "declined", "refused", "no"};
const FixedWordSet kClauseBreaks = {";", ":", "\"", "that", "which", "who", "but", "while"};

bool is_party(const std::string& kind) { return kind != "rule" && kind != "product"; }

}  // namespace

std::vector<FoundResponse> find_responses(const TextAnalysis& text, const std::vector<Mention>& mentions,
                                          const std::vector<ActorCluster>& actors,
                                          const std::vector<QuoteSpeaker>& quotes,
                                          const std::vector<FoundEvent>& events, const ExtractResources& lex) {
  const auto& tokens = text.tokens();
  std::vector<FoundResponse> found;

  auto quote_at = [&](std::size_t offset) -> const QuoteSpeaker* {
    for (const QuoteSpeaker& q : quotes)
      if (offset >= q.start && offset < q.end) return &q;
    return nullptr;
  };
  // The responder's own quotation near a sentence, and the latest quotation of the other side before it.
  auto quote_near = [&](int actor, const Sentence& s) {
    for (const QuoteSpeaker& q : quotes)
      if (q.actor == actor && q.end >= s.start && q.start <= s.end + 1) return q.quote;
    return -1;
  };
  auto quote_before = [&](int actor, std::size_t offset) {
    int best = -1;
    for (const QuoteSpeaker& q : quotes)
      if (q.actor == actor && q.end <= offset) best = q.quote;
    return best;
  };

  // Adversarial acts: a lawsuit answers the sued party's position and is answered in turn.
  auto critical = [](const FoundEvent& e) {
    return e.action == "criticize" || e.action == "oppose" || e.action == "sue";
  };
  // The latest critic of `actor` before `offset`, or -1.
  auto last_critic = [&](int actor, std::size_t offset) {
    int critic = -1;
    for (const FoundEvent& e : events)
      if (critical(e) && e.target == actor && e.actor >= 0 && e.actor != actor && e.evidence_start < offset)
        critic = e.actor;
    return critic;
  };

  // Structural edges: criticism, opposition or a reply aimed at another party, and a
  // denial, which answers whoever criticized the denier ("Pellion denied any delay").
  for (const FoundEvent& e : events) {
    int to = -1;
    if (critical(e) || e.action == "respond") to = e.target;
    else if (e.action == "deny" && e.actor >= 0) to = e.target >= 0 ? e.target : last_critic(e.actor, e.evidence_start);
    else continue;
    if (to < 0 || e.actor < 0 || e.actor == to || !is_party(actors[to].kind)) continue;
    FoundResponse r;
    r.from = e.actor;
    r.to = to;
    r.sentence = e.sentence;
    r.evidence_start = e.evidence_start;
    r.evidence_end = e.evidence_end;
    r.date = e.date;
    found.push_back(r);
  }

  // Explicit cues.
  for (int si = 0; si < static_cast<int>(text.sentences().size()); ++si) {
    const Sentence& s = text.sentences()[si];
    for (int t = s.first_token; t < s.last_token; ++t) {
      const int len = match_any(tokens, t, s.last_token, lex.response_cues);
      if (!len) continue;
      const bool possessed_noun = t >= 1 && tokens[t - 1].lower == "'s";
      // "X's response was merciless:" reports a reply; "X's response drew criticism" refers
      // back to one already told.
      if (possessed_noun && t + len < s.last_token) {
        static const FixedWordSet reporting = {"was", "is", "came", "comes", "to", ":", ",", "--"};
        if (!reporting.count(tokens[t + len].lower)) continue;
      }
      bool negated = false;
      for (int k = std::max(s.first_token, t - 3); k < t; ++k) negated = negated || kNegations.count(tokens[k].lower);
      if (negated) continue;
      int from = -1;
      const QuoteSpeaker* q = quote_at(tokens[t].start);
      if (q) {
        from = q->actor;
      } else {
        // Possessor ("X's response"), else the subject before, else the first actor after ("In response, X ...").
        if (t >= 2 && tokens[t - 1].lower == "'s")
          for (const Mention& m : mentions)
            if (m.last_token == t - 1 && m.actor >= 0) from = m.actor;
        if (from < 0) from = sentence_subject(text, mentions, si, t);
        if (from < 0)
          for (const Mention& m : mentions)
            if (m.sentence == si && m.first_token >= t + len && m.actor >= 0 && !m.in_quote &&
                !after_preposition(text, m)) {
              from = m.actor;
              break;
            }
      }
      if (from < 0 || !is_party(actors[from].kind)) continue;
      // "would appeal the ruling", "responding to the lawsuit": whoever ruled or sued. A
      // defense ("defended the decision") answers the critics, not the decision's owner.
      const bool defense = tokens[t].lower.starts_with("defend") || tokens[t].lower == "stands" ||
                           tokens[t].lower == "stood";
      int to = q || defense ? -1 : act_owner(text, lex, actors, events, t + len, si, from);
      if (!q && to < 0 && t + len < s.last_token && tokens[t + len].lower == "to")
        to = act_owner(text, lex, actors, events, t + len + 1, si, from);
      // The first other actor named after the cue in this sentence ("responded to X", "defended X").
      const Mention* named_next = nullptr;
      for (const Mention& m : mentions) {
        if (m.sentence > si) break;
        if (m.sentence == si && m.first_token >= t + len && m.actor >= 0 && m.actor != from && !m.in_quote) {
          named_next = &m;
          break;
        }
      }
      const int gap = named_next ? named_next->first_token - (t + len) : 0;
      // Named right after the cue: "responded to X", "in response to X's post". A possessed
      // noun takes its addressee with "to" ("X's response to Y"), not after a verb ("X's
      // response drew criticism from Y").
      if (!q && to < 0 && !defense && named_next &&
          (!possessed_noun || (t + len < s.last_token && tokens[t + len].lower == "to"))) {
        bool broken = false;
        for (int k = t + len; k < named_next->first_token; ++k) broken = broken || kClauseBreaks.count(tokens[k].lower);
        if (!broken && gap <= 4 && is_party(actors[named_next->actor].kind)) to = named_next->actor;
      }
      const std::size_t here = tokens[t].start;
      // "defended Arden": an answer to Arden's critics, not to Arden; none known, no edge.
      if (!q && defense && to < 0) {
        const int defended = named_next && gap <= 1 && is_party(actors[named_next->actor].kind) ? named_next->actor : -1;
        if (defended >= 0) {
          to = last_critic(defended, here);
          if (to < 0 || to == from) continue;
        }
      }
      // A defense answers the last critic; a rebuttal continues the responder's own criticism.
      if (to < 0) to = last_critic(from, here);
      if (to < 0)
        for (const FoundEvent& e : events)
          if (critical(e) && e.actor == from && e.target >= 0 &&
              e.target != from && e.evidence_start <= here && is_party(actors[e.target].kind))
            to = e.target;
      // "The federation suspended Castell ... Castell hit back": whoever last acted on the responder.
      if (to < 0)
        for (const FoundEvent& e : events)
          if (e.target == from && e.actor >= 0 && e.actor != from && e.evidence_start < here &&
              si - e.sentence <= 3 && is_party(actors[e.actor].kind))
            to = e.actor;
      if (to < 0) {
        for (const QuoteSpeaker& other : quotes)
          if (other.end <= here && other.actor >= 0 && other.actor != from) to = other.actor;
      }
      if (to < 0 || to == from) continue;
      FoundResponse r;
      r.from = from;
      r.to = to;
      r.sentence = si;
      r.explicit_cue = true;
      r.evidence_start = q ? std::min(s.start, q->start) : s.start;
      r.evidence_end = q ? std::min(s.end, q->end) : s.end;
      r.from_quote = quote_near(from, s);
      r.to_quote = quote_before(to, s.start);
      found.push_back(r);
      t += len - 1;
    }
  }

  // Contrast: "While A argues ..., B stresses ..." -- B answers A's position.
  for (int si = 0; si < static_cast<int>(text.sentences().size()); ++si) {
    const Sentence& s = text.sentences()[si];
    if (tokens[s.first_token].lower != "while" && tokens[s.first_token].lower != "whereas") continue;
    auto speaker_followed_by_speech = [&](int from_token, int* after) -> int {
      for (const Mention& m : mentions) {
        if (m.sentence != si || m.first_token < from_token || m.actor < 0 || m.in_quote) continue;
        if (after_preposition(text, m) || m.possessive) continue;
        for (int k = m.last_token; k < std::min(s.last_token, m.last_token + 3); ++k)
          if (match_any(tokens, k, s.last_token, lex.speech_verbs)) {
            *after = k;
            return m.actor;
          }
        return -1;  // the first subject is not speaking
      }
      return -1;
    };
    int verb = -1;
    const int a = speaker_followed_by_speech(s.first_token + 1, &verb);
    if (a < 0 || !is_party(actors[a].kind)) continue;
    int comma = verb;
    while (comma < s.last_token && tokens[comma].text != ",") ++comma;
    if (comma >= s.last_token) continue;
    int verb_b = -1;
    const int b = speaker_followed_by_speech(comma + 1, &verb_b);
    if (b < 0 || b == a || !is_party(actors[b].kind)) continue;
    FoundResponse r;
    r.from = b;
    r.to = a;
    r.sentence = si;
    r.explicit_cue = true;
    r.evidence_start = s.start;
    r.evidence_end = s.end;
    r.from_quote = quote_near(b, s);
    r.to_quote = quote_before(a, s.start);
    found.push_back(r);
  }

  // An explicit response takes the date of the responder's event in the same sentence
  // ("X hit back at Y on Tuesday").
  for (FoundResponse& r : found)
    if (!r.date)
      for (const FoundEvent& e : events)
        if (!e.untargeted && e.sentence == r.sentence && e.actor == r.from && e.date) {
          r.date = e.date;
          break;
        }

  // One edge per (from, to): the first in the text, with quotes filled in from later ones.
  std::sort(found.begin(), found.end(), [](const FoundResponse& a, const FoundResponse& b) {
    return a.evidence_start < b.evidence_start;
  });
  std::vector<FoundResponse> unique;
  std::map<std::pair<int, int>, std::size_t> seen;
  for (const FoundResponse& r : found) {
    auto key = std::make_pair(r.from, r.to);
    auto it = seen.find(key);
    if (it == seen.end()) {
      seen[key] = unique.size();
      unique.push_back(r);
      continue;
    }
    FoundResponse& kept = unique[it->second];
    if (kept.from_quote < 0 && r.from_quote >= 0) kept.from_quote = r.from_quote, kept.to_quote = r.to_quote;
    if (!kept.date && r.date) kept.date = r.date;
  }
  return unique;
}

}  // namespace evgraph
