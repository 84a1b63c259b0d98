#include "evgraph/events.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>
#include <tuple>

namespace evgraph {

std::optional<PartialDate> calendar_date(const std::string& value) {
  const bool shape = (value.size() == 4 || value.size() == 7 || value.size() == 10) &&
                     std::all_of(value.begin(), value.end(), [](char c) { return (c >= '0' && c <= '9') || c == '-'; });
  if (!shape) return std::nullopt;
  return PartialDate::parse(value);
}

namespace {

const std::set<std::string> kClauseBreaks = {",",     ";",       ":",        "(",     ")",     "that",  "which",
                                             "who",   "but",     "while",    "whereas", "because", "although",
                                             "after", "before",  "-",        "could", "would", "will",  "may",
                                             "might", "should",  "can",      "must",  "is",    "are",   "was",
                                             "were",  "has",     "have",     "had",   "if",    "unless", "when"};
const std::set<std::string> kNegations = {"not", "n't", "never", "no", "declined", "refused", "without"};
// Conjunctions that make a clause hypothetical: "if the board approves" reports nothing.
const std::set<std::string> kConditionals = {"if", "unless"};
// Actions that are aimed at someone or something: without a target they are not events.
const std::set<std::string> kNeedsTarget = {"criticize", "support", "oppose", "respond", "urge",
                                            "invest",    "launch",  "release", "lobby",  "sue", "announce"};
const std::set<std::string> kPositionActions = {"criticize", "oppose", "support", "deny", "respond"};
const std::set<std::string> kStatementActions = {"say", "urge", "warn", "lobby", "support", "announce", "criticize"};
// Timexes that only make sense against a known creation time ("on Thursday", "today").
bool deictic_timex(const std::string& text) {
  static const std::set<std::string> words = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                              "sunday", "today", "yesterday", "tomorrow", "tonight"};
  std::string lower;
  for (char c : text) lower.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  for (const auto& w : words)
    if (lower.find(w) != std::string::npos) return true;
  return false;
}
// Words that make a following date a bound or deadline rather than the event's own time.
const std::set<std::string> kBoundWords = {"until", "till", "by", "before", "after", "since", "through", "ahead"};

// True when the timex follows "until", "by", "after the", ... in its sentence.
bool introduced_as_bound(const TextAnalysis& text, const Sentence& s, const Timex& t) {
  const auto& tokens = text.tokens();
  for (int k = s.first_token; k < s.last_token; ++k) {
    if (text.original_span(tokens[k].start, tokens[k].end).start != t.start) continue;
    int before = k - 1;
    if (before >= s.first_token && (tokens[before].lower == "the" || tokens[before].lower == "of")) --before;
    return before >= s.first_token && kBoundWords.count(tokens[before].lower) > 0;
  }
  return false;
}

// Relative periods ("this year", "last month", "two years ago"): the gold standard
// of news timelines leaves them undated rather than guessing from the article date.
bool relative_period(const std::string& text) {
  static const std::set<std::string> words = {"this", "last", "next", "ago", "earlier", "later",
                                              "coming", "past", "previous", "following"};
  std::string word;
  auto flush = [&] {
    const bool hit = words.count(word) > 0;
    word.clear();
    return hit;
  };
  for (char ch : text) {
    if (ch == ' ' || ch == '-') {
      if (flush()) return true;
    } else {
      word.push_back(ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch);
    }
  }
  return flush();
}

const std::set<std::string> kPassiveAux = {"was", "were", "been", "be", "is", "are", "being"};

bool usable_as_actor(const Mention& m) { return m.actor >= 0 && !m.in_quote; }

struct EventFinder {
  const TextAnalysis& text;
  const std::vector<Token>& tokens;
  const std::vector<Mention>& mentions;
  const std::vector<ActorCluster>& actors;
  const ExtractResources& lex;
  std::vector<int> mention_of_token;  // first mention covering each token, -1 if none
  std::vector<char> quoted;

  EventFinder(const TextAnalysis& t, const std::vector<Mention>& m, const std::vector<ActorCluster>& a,
              const ExtractResources& l)
      : text(t), tokens(t.tokens()), mentions(m), actors(a), lex(l),
        mention_of_token(t.tokens().size(), -1), quoted(t.tokens().size(), 0) {
    for (std::size_t i = 0; i < mentions.size(); ++i) {
      for (int k = mentions[i].first_token; k < mentions[i].last_token; ++k) {
        if (mention_of_token[k] < 0 || mentions[mention_of_token[k]].type == MentionType::description)
          mention_of_token[k] = static_cast<int>(i);
        if (mentions[i].in_quote) quoted[k] = 1;
      }
    }
  }

  const std::string& kind(int actor) const { return actors[actor].kind; }

  // Possessor right before the trigger ("Nvidia's vocal opposition").
  int possessor(int trigger, const Sentence& s) const {
    for (int k = trigger - 1; k >= std::max(s.first_token, trigger - 4); --k) {
      if (tokens[k].lower == "'s") {
        const int m = k > 0 ? mention_of_token[k - 1] : -1;
        return m >= 0 && usable_as_actor(mentions[m]) ? m : -1;
      }
      if (!tokens[k].word || mention_of_token[k] >= 0) return -1;
    }
    return -1;
  }

  // The clause subject before the trigger (see nearest_subject in quotes.h).
  // The mention follows a verb of the lexicons ("sued Orbica", "urged Kestrel"): an object.
  bool follows_verb(const Mention& m) const {
    const int k = m.first_token - 1;
    if (k < 0) return false;
    for (int len = 1; len <= 3 && k - len + 1 >= 0; ++len) {
      // Ending at k, no phrase can be longer than len: the longest is len exactly when one fits.
      if (match_trigger(tokens, k - len + 1, k + 1, lex) == len) return true;
      if (match_any(tokens, k - len + 1, k + 1, lex.speech_verbs) == len) return true;
    }
    return false;
  }

  int subject(int trigger, const Sentence& s, bool allow_rules) const {
    const int sentence = tokens[s.first_token].sentence;
    return nearest_subject(text, mentions, trigger, sentence, [&](const Mention& m) {
      if (!usable_as_actor(m) || follows_verb(m)) return false;
      const std::string& k = kind(m.actor);
      return allow_rules || (k != "rule" && k != "product");
    });
  }

  // Names coordinated with a subject: "Apple and Samsung", "Stanford and the
  // Brookings Institution", "Google, Meta and OpenAI" (returned nearest first).
  std::vector<int> coordinated(int subject_mention) const {
    std::vector<int> out;
    int k = mentions[subject_mention].first_token - 1;
    bool joined = false;
    while (k > 0) {
      if (tokens[k].lower == "the") {
        --k;
        continue;
      }
      if (tokens[k].lower != "and" && tokens[k].lower != ",") break;
      joined = joined || tokens[k].lower == "and";
      const int m = mention_of_token[k - 1];
      if (m < 0 || mentions[m].last_token != k || !usable_as_actor(mentions[m])) break;
      const std::string& kd = kind(mentions[m].actor);
      if (kd == "rule" || kd == "product") break;
      out.push_back(m);
      k = mentions[m].first_token - 1;
    }
    if (!joined) out.clear();  // "Paris, France": a comma alone is apposition, not a list
    return out;
  }

  // First actor after the trigger in the same clause. A possessor yields to the
  // actor it qualifies ("the U.S. government's framework": the framework), but
  // stands for its own position when nothing else is named ("rejected GM's offer": GM).
  // `about_topic`: warnings and statements are about whatever they name ("warns that
  // hindrances due to export controls ..."), so prepositional objects count.
  int object(int from, const Sentence& s, int exclude_actor, bool about_topic = true) const {
    const int limit = std::min(s.last_token, from + 12);
    int possessor = -1;
    for (int k = from; k < limit; ++k) {
      if (kClauseBreaks.count(tokens[k].lower) && k > from) break;
      const int m = mention_of_token[k];
      if (m < 0 || mentions[m].actor < 0 || mentions[m].actor == exclude_actor) continue;
      if (mentions[m].in_quote) continue;
      if (mentions[m].possessive) {
        if (possessor < 0) possessor = m;
        k = mentions[m].last_token;  // past the name and its "'s"
        continue;
      }
      // "advocate for controls on the export of chips to China": a prepositional object
      // further along is not what the act is aimed at ("calls on X", "support for X" are).
      // Owners stay targets: "an offer from X", "a fare increase proposed by X", "the decision of X".
      int before = mentions[m].first_token - 1;
      if (before > from && (tokens[before].lower == "the" || tokens[before].lower == "a")) --before;
      const std::string& preposition = tokens[before].lower;
      if (!about_topic && before > from && after_preposition(text, mentions[m]) &&
          preposition != "by" &&
          preposition != "from" && preposition != "of") {
        k = mentions[m].last_token - 1;
        continue;
      }
      return m;
    }
    return possessor;
  }
};

}  // namespace

std::vector<FoundEvent> find_events(const TextAnalysis& text, const std::vector<QuoteSpan>& statements,
                                    const std::vector<Mention>& mentions,
                                    const std::vector<ActorCluster>& actors, const std::vector<Timex>& timexes,
                                    const ExtractResources& lex, bool dct_known) {
  EventFinder f(text, mentions, actors, lex);
  const auto& tokens = text.tokens();
  for (const QuoteSpan& q : statements)
    for (int t = text.token_at_or_after(q.start); t < static_cast<int>(tokens.size()) && tokens[t].start < q.end; ++t)
      f.quoted[t] = 1;
  std::vector<FoundEvent> events;
  int last_rule = -1;
  int last_org_subject = -1;
  int mention_cursor = 0;
  for (int si = 0; si < static_cast<int>(text.sentences().size()); ++si) {
    const Sentence& s = text.sentences()[si];
    const Span original = text.original_span(s.start, s.end);
    std::vector<const Timex*> dated;
    std::vector<const Timex*> bounds;  // "until August", "by 2030": a deadline, not when it happened
    for (const Timex& t : timexes)
      if (t.start >= original.start && t.end <= original.end && calendar_date(t.value) &&
          (!deictic_timex(t.text) || dct_known) && !relative_period(t.text))
        (introduced_as_bound(text, s, t) ? bounds : dated).push_back(&t);
    const int sentence_org_subject = sentence_subject(text, mentions, si, s.last_token);
    for (int t = s.first_token; t < s.last_token; ++t) {
      while (mention_cursor < static_cast<int>(mentions.size()) && mentions[mention_cursor].last_token <= t) {
        const Mention& m = mentions[mention_cursor];
        if (m.actor >= 0 && actors[m.actor].kind == "rule" && !m.in_quote) last_rule = m.actor;
        ++mention_cursor;
      }
      if (f.quoted[t]) continue;
      const int covering = f.mention_of_token[t];
      if (covering >= 0 && mentions[covering].type != MentionType::description) continue;
      // Longest trigger phrase starting here.
      std::string action;
      const int len = match_trigger(tokens, t, s.last_token, lex, &action);
      if (!len) continue;
      bool negated = false;
      for (int k = std::max(s.first_token, t - 3); k < t; ++k) negated = negated || kNegations.count(tokens[k].lower);
      if (negated) continue;
      bool hypothetical = false;
      for (int k = t - 1; k >= s.first_token && tokens[k].text != "," && tokens[k].text != ";"; --k)
        hypothetical = hypothetical || kConditionals.count(tokens[k].lower);
      if (hypothetical) continue;
      // "the proposed raise", "the announcement": a modifier or a noun phrase, not a reported act.
      if (t > s.first_token && (tokens[t - 1].lower == "the" || tokens[t - 1].lower == "a") &&
          (tokens[t].lower.ends_with("ed") || tokens[t].lower.ends_with("ment")))
        continue;
      FoundEvent e;
      e.action = action;
      e.sentence = si;
      e.trigger_token = t;
      int actor_mention = -1, target_mention = -1;
      if (action == "take_effect") {
        // The rule named in the sentence (either side), else the last rule named.
        for (const Mention& m : mentions)
          if (m.sentence == si && m.actor >= 0 && actors[m.actor].kind == "rule" && !m.in_quote) {
            e.actor = m.actor;
            if (m.first_token < t) actor_mention = static_cast<int>(&m - mentions.data());
          }
        if (e.actor < 0) e.actor = last_rule;
      } else {
        actor_mention = f.possessor(t, s);
        if (actor_mention < 0) actor_mention = f.subject(t, s, false);
        const bool passive = t > s.first_token && kPassiveAux.count(tokens[t - 1].lower) &&
                             (action == "launch" || action == "release");
        if (passive) {
          // "the model was released": the mention before is the target, the agent is implied.
          const int before = f.subject(t, s, true);
          if (before >= 0 && actors[mentions[before].actor].kind == "product") {
            target_mention = before;
            actor_mention = -1;
            e.actor = last_org_subject;
          }
        }
        // Passive with an agent: "a fare increase proposed by the authority".
        if (t + len + 1 < s.last_token && tokens[t + len].lower == "by" && tokens[t].lower.ends_with("ed")) {
          const int agent = f.object(t + len + 1, s, -1);
          if (agent >= 0 && mentions[agent].first_token <= t + len + 2) {
            // The patient is the noun phrase right before the participle, if it is an actor.
            target_mention = actor_mention >= 0 && mentions[actor_mention].last_token >= t - 1 ? actor_mention : -1;
            actor_mention = agent;
            if (target_mention >= 0 && mentions[target_mention].actor == mentions[agent].actor) target_mention = -1;
          }
        }
        if (actor_mention >= 0) e.actor = mentions[actor_mention].actor;
        // "registered as a charity": what follows "as" is a role, not a target.
        const bool complement = tokens[t + len - 1].lower == "as";
        if (target_mention < 0 && !complement)
          target_mention = f.object(t + len, s, e.actor, action == "warn" || action == "say");
        if (target_mention < 0 && kPositionActions.count(action)) {
          // "criticized the rhetoric": aimed at whoever last stated or called for something.
          // From inside the trigger too: "rejected the allegations" names the position itself.
          for (int k = t + 1; k < std::min(s.last_token, t + len + 4); ++k) {
            if (!lex.position_nouns.count(tokens[k].lower)) continue;
            // Only a statement close by: three sentences on, "the plan" is anyone's.
            for (auto it = events.rbegin(); it != events.rend() && si - it->sentence <= 2; ++it)
              if (kStatementActions.count(it->action) && it->actor >= 0 && it->actor != e.actor &&
                  actors[it->actor].kind != "rule") {
                e.target = it->actor;
                break;
              }
            break;
          }
        }
        if (target_mention >= 0) e.target = mentions[target_mention].actor;
        if (e.target < 0 && action == "invest" && sentence_org_subject >= 0 && sentence_org_subject != e.actor)
          e.target = sentence_org_subject;
      }
      if (e.actor < 0) continue;
      if (e.target < 0 && kNeedsTarget.count(action)) continue;
      // Evidence: from the actor (or trigger) to the target (or trigger) in this sentence.
      std::size_t ev_start = tokens[t].start, ev_end = tokens[t + len - 1].end;
      if (actor_mention >= 0 && mentions[actor_mention].sentence == si)
        ev_start = std::min(ev_start, mentions[actor_mention].start);
      if (target_mention >= 0 && mentions[target_mention].sentence == si)
        ev_end = std::max(ev_end, mentions[target_mention].end);
      // Date: the calendar timex nearest to the trigger (a rule's deadline is its date).
      const std::size_t trigger_original = text.original_span(tokens[t].start, tokens[t].end).start;
      const Timex* best = nullptr;
      std::vector<const Timex*> candidates = dated;
      if (action == "take_effect") candidates.insert(candidates.end(), bounds.begin(), bounds.end());
      // A date inside reported speech after the trigger ("accused X, saying the warnings
      // came in March") dates what was reported, not the event.
      auto reported_after_trigger = [&](const Timex* tx) {
        if (tx->start <= trigger_original) return false;
        for (int k = t + len; k < s.last_token; ++k) {
          if (text.original_span(tokens[k].start, tokens[k].end).start >= tx->start) break;
          if (match_any(tokens, k, s.last_token, lex.speech_verbs)) return true;
          // "... restrictions, which take effect on May 15": a relative clause has its own time.
          if (action != "take_effect" && (tokens[k].lower == "which" || tokens[k].lower == "who")) return true;
        }
        return false;
      };
      for (const Timex* tx : candidates) {
        if (reported_after_trigger(tx)) continue;
        auto dist = [&](const Timex* x) {
          return x->start > trigger_original ? x->start - trigger_original : trigger_original - x->start;
        };
        if (!best || dist(tx) < dist(best)) best = tx;
      }
      if (best) {
        e.date = calendar_date(best->value);
        // Include the date in the evidence when it is close by.
        const Span ev = text.original_span(ev_start, ev_end);
        for (int k = s.first_token; k < s.last_token; ++k) {
          const Span tk = text.original_span(tokens[k].start, tokens[k].end);
          if (best->start >= ev.end && best->start - ev.end < 40 && tk.end == best->end)
            ev_end = std::max(ev_end, tokens[k].end);
          if (best->end <= ev.start && ev.start - best->end < 40 && tk.start == best->start)
            ev_start = std::min(ev_start, tokens[k].start);
        }
      }
      e.evidence_start = ev_start;
      e.evidence_end = ev_end;
      events.push_back(e);
      if (actor_mention >= 0 && mentions[actor_mention].actor == e.actor)
        for (int co : f.coordinated(actor_mention)) {
          FoundEvent joint = e;
          joint.actor = mentions[co].actor;
          joint.evidence_start = std::min(joint.evidence_start, mentions[co].start);
          if (joint.actor != joint.target) events.push_back(joint);
        }
      t += len - 1;
    }
    if (sentence_org_subject >= 0 && actors[sentence_org_subject].kind == "organization")
      last_org_subject = sentence_org_subject;
  }
  // One event per (actor, action, target); a later mention may supply the date.
  std::vector<FoundEvent> unique;
  std::map<std::tuple<int, std::string, int>, std::size_t> seen;
  for (const FoundEvent& e : events) {
    if (e.actor == e.target) continue;
    auto key = std::make_tuple(e.actor, e.action, e.target);
    auto it = seen.find(key);
    if (it == seen.end()) {
      seen[key] = unique.size();
      unique.push_back(e);
    } else if (!unique[it->second].date && e.date) {
      unique[it->second].date = e.date;
    }
  }
  return unique;
}

}  // namespace evgraph
