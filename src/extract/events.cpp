#include "evgraph/events.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>
#include <tuple>

#include "evgraph/fixed_word_set.h"

namespace evgraph {

std::optional<PartialDate> calendar_date(const std::string& value) {
  const bool shape = (value.size() == 4 || value.size() == 7 || value.size() == 10) &&
                     std::all_of(value.begin(), value.end(), [](char c) { return (c >= '0' && c <= '9') || c == '-'; });
  if (!shape) return std::nullopt;
  return PartialDate::parse(value);
}

namespace {

const FixedWordSet kClauseBreaks = {",",     ";",       ":",        "(",     ")",     "that",  "which",
                                             "who",   "but",     "while",    "whereas", "because", "although",
                                             "after", "before",  "-",        "could", "would", "will",  "may",
                                             "might", "should",  "can",      "must",  "is",    "are",   "was",
                                             "were",  "has",     "have",     "had",   "if",    "unless", "when"};
const FixedWordSet kModals = {"could", "would", "will", "may", "might", "should", "can", "must"};
const FixedWordSet kNegations = {"not", "n't", "never", "no", "declined", "refused", "without"};
// Conjunctions that make a clause hypothetical: "if the board approves" reports nothing.
const FixedWordSet kConditionals = {"if", "unless"};
// Actions that are aimed at someone or something: without a target they are not events.
const FixedWordSet kNeedsTarget = {"criticize", "support", "oppose", "respond", "urge",
                                            "invest",    "launch",  "release", "lobby",  "sue", "announce"};
const FixedWordSet kPositionActions = {"criticize", "oppose", "support", "deny", "respond"};
const FixedWordSet kStatementActions = {"say", "urge", "warn", "lobby", "support", "announce", "criticize"};
// Timexes that only make sense against a known creation time ("on Thursday", "today").
bool deictic_timex(const std::string& text) {
  static const FixedWordSet words = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                              "sunday", "today", "yesterday", "tomorrow", "tonight"};
  const std::string lower = ascii_lower(text);
  for (const auto& w : words)
    if (lower.find(w) != std::string::npos) return true;
  return false;
}
// Words that make a following date a bound or deadline rather than the event's own time.
// "shipping from 20 October": a start of something ongoing, not the event's time either.
const FixedWordSet kBoundWords = {"until", "till", "by", "before", "after", "since", "through", "ahead", "from"};

// "WASHINGTON, March 12 (Newswire) - ...": the dateline says when the story was filed, not
// when its events happened. True for a timex in a capitalized dateline before a dash.
bool in_dateline(const TextAnalysis& text, const Sentence& s, const Timex& t) {
  const auto& tokens = text.tokens();
  if (s.first_token >= s.last_token || !tokens[s.first_token].all_caps || tokens[s.first_token].text.size() < 2)
    return false;
  for (int k = s.first_token; k < std::min(s.last_token, s.first_token + 12); ++k) {
    if (text.original_offset(tokens[k].start) < t.end) continue;
    const std::string& w = tokens[k].text;
    if (w == "-" || w == "--" || w == "_") return true;  // dashes are folded to ASCII
    if (w != "(" && w != ")" && !tokens[k].capitalized) return false;
  }
  return false;
}

// True when the timex follows "until", "by", "after the", ... in its sentence.
bool introduced_as_bound(const TextAnalysis& text, const Sentence& s, const Timex& t) {
  const auto& tokens = text.tokens();
  for (int k = s.first_token; k < s.last_token; ++k) {
    if (text.original_offset(tokens[k].start) != t.start) continue;
    int before = k - 1;
    if (before >= s.first_token && (tokens[before].lower == "the" || tokens[before].lower == "of")) --before;
    return before >= s.first_token && kBoundWords.count(tokens[before].lower) > 0;
  }
  return false;
}

// Relative periods ("this year", "last month", "two years ago"): the gold standard
// of news timelines leaves them undated rather than guessing from the article date.
bool relative_period(const std::string& text) {
  static const FixedWordSet words = {"this", "last", "next", "ago", "earlier", "later",
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

const FixedWordSet kPassiveAux = {"was", "were", "been", "be", "is", "are", "being"};

bool usable_as_actor(const Mention& m) { return m.actor >= 0 && !m.in_quote; }

// "Velta 3" is named after "Velta", and after "Velta Labs" (the rest of the maker's name
// is a corporate head).
bool named_after(const std::string& product, const std::string& maker, const ExtractResources& lex) {
  const std::size_t space = maker.find(' ');
  const std::string first = maker.substr(0, space);
  if (product.size() <= first.size() + 1 || product.compare(0, first.size(), first) != 0 || product[first.size()] != ' ')
    return false;
  if (space == std::string::npos) return true;
  if (product.compare(0, maker.size(), maker) == 0) return true;
  for (std::size_t at = space + 1; at < maker.size();) {
    std::size_t next = maker.find(' ', at);
    if (next == std::string::npos) next = maker.size();
    if (!lex.name_heads.count(ascii_lower(maker.substr(at, next - at)))) return false;
    at = next + 1;
  }
  return true;
}

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

  // Possessor right before the trigger ("Corvane's vocal opposition").
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

  // The mention modifies a common noun after it ("U.S. drugmakers", "Corvane engineers"):
  // the noun phrase, not the name, is what acts. Or it stands in parentheses.
  bool modifies_noun(const Mention& m) const {
    if (m.type != MentionType::name || m.possessive) return false;
    const int next = m.last_token;
    // "WASHINGTON, March 12 (Newswire) -", "the series (Lark, Wren, Finch) surpassed": a
    // parenthesized name is an aside, not the subject.
    for (int k = m.first_token - 1; k >= std::max(0, m.first_token - 12); --k) {
      if (tokens[k].text == ")") break;
      if (tokens[k].text != "(") continue;
      for (int j = next; j < std::min<int>(tokens.size(), next + 12); ++j) {
        if (tokens[j].text == "(") break;
        if (tokens[j].text == ")") return true;
      }
      break;
    }
    if (next >= static_cast<int>(tokens.size()) || !tokens[next].word || tokens[next].capitalized ||
        mention_of_token[next] >= 0)
      return false;
    const std::string& w = tokens[next].lower;
    if (lex.group_nouns.count(w) || lex.descriptions.count(w)) return true;
    return w.size() > 3 && w.back() == 's' && lex.descriptions.count(std::string_view(w).substr(0, w.size() - 1));
  }

  // `allow_products`: products do things too ("the series surpassed its rivals").
  int subject(int trigger, const Sentence& s, bool allow_rules, bool allow_products = false) const {
    const int sentence = tokens[s.first_token].sentence;
    return nearest_subject(text, mentions, trigger, sentence, [&](const Mention& m) {
      if (!usable_as_actor(m) || follows_verb(m) || modifies_noun(m)) return false;
      const std::string& k = kind(m.actor);
      return allow_rules || (k != "rule" && (k != "product" || allow_products));
    });
  }

  // "Corvane raised $900 million, including $200 million from Tolland Capital": money
  // from X to whoever raised it in this sentence (an event of theirs already found) is
  // an investment by X.
  void money_from(const Sentence& s, int si, std::vector<FoundEvent>& events) const {
    static const FixedWordSet magnitudes = {"million", "billion", "trillion", "m", "bn"};
    int raiser = -1;
    for (const FoundEvent& e : events)
      if (e.sentence == si && e.actor >= 0 && !e.untargeted &&
          (e.action == "other" || e.action == "fund" || e.action == "invest") &&
          raiser < 0)
        raiser = e.actor;
    if (raiser < 0) return;
    for (int k = s.first_token + 1; k + 1 < s.last_token; ++k) {
      if (tokens[k].lower != "from" || !magnitudes.count(tokens[k - 1].lower) || quoted[k]) continue;
      const int m = mention_of_token[k + 1];
      if (m < 0 || mentions[m].first_token != k + 1 || !usable_as_actor(mentions[m])) continue;
      const int investor = mentions[m].actor;
      if (investor == raiser || kind(investor) == "rule" || kind(investor) == "product") continue;
      FoundEvent e;
      e.action = "invest";
      e.actor = investor;
      e.target = raiser;
      e.sentence = si;
      e.trigger_token = k;
      int first = k - 1;
      while (first > s.first_token && (tokens[first - 1].has_digit || tokens[first - 1].text == "$")) --first;
      e.evidence_start = tokens[first].start;
      e.evidence_end = mentions[m].end;
      events.push_back(e);
    }
  }

  // "criticism from parents' groups, who accused the company": the name before ", who".
  int relative_antecedent(int trigger, const Sentence& s) const {
    int k = trigger - 1;
    while (k > s.first_token && (tokens[k].lower == "also" || tokens[k].lower == "have" || tokens[k].lower == "had" ||
                                 tokens[k].lower == "has"))
      --k;
    if (k - 2 < s.first_token || tokens[k].lower != "who" || tokens[k - 1].text != ",") return -1;
    const int m = mention_of_token[k - 2];
    return m >= 0 && mentions[m].last_token == k - 1 && usable_as_actor(mentions[m]) ? m : -1;
  }

  // "A federal judge on Monday blocked the act. U.S. District Judge Maria Caldwell granted ...":
  // an indefinite subject with a title is the person named with that title next, in this
  // sentence or the following one.
  int introduced_person(int trigger, const Sentence& s, int si) const {
    int title = -1;
    for (int k = trigger - 1; k >= s.first_token && title < 0; --k) {
      if (tokens[k].text == "," || tokens[k].text == ";") break;
      if (match_any(tokens, k, k + 1, lex.titles) != 1) continue;
      for (int j = k - 1; j >= std::max(s.first_token, k - 3); --j)
        if (tokens[j].lower == "a" || tokens[j].lower == "an") title = k;
    }
    if (title < 0) return -1;
    for (auto it = mentions_after(trigger); it != mentions.end() && it->sentence <= si + 1; ++it)
      if (usable_as_actor(*it) && kind(it->actor) == "person" && tokens[it->first_token - 1].lower == tokens[title].lower)
        return static_cast<int>(it - mentions.begin());
    return -1;
  }

  // Mentions are in text order: the first one starting after token `token`.
  std::vector<Mention>::const_iterator mentions_after(int token) const {
    return std::upper_bound(mentions.begin(), mentions.end(), token,
                            [](int tk, const Mention& m) { return tk < m.first_token; });
  }

  // After "a"/"an" and up to three modifiers, a rule or product noun ("a rule", "a new
  // chip"): the first rule or product named from there to the end of the next sentence.
  int introduced(int from, int sentence) const {
    if (from >= static_cast<int>(tokens.size()) || (tokens[from].lower != "a" && tokens[from].lower != "an"))
      return -1;
    std::string kind_wanted;
    for (int k = from + 1; k < std::min<int>(tokens.size(), from + 5) && kind_wanted.empty(); ++k) {
      if (!tokens[k].word) return -1;
      auto d = lex.descriptions.find(tokens[k].lower);
      if (d != lex.descriptions.end() && (d->second == "rule" || d->second == "product")) kind_wanted = d->second;
    }
    if (kind_wanted.empty()) return -1;
    for (auto it = mentions_after(from); it != mentions.end() && it->sentence <= sentence + 1; ++it)
      if (it->actor >= 0 && !it->in_quote && it->type != MentionType::description && kind(it->actor) == kind_wanted)
        return it->actor;
    return -1;
  }

  // The subject of the latest speech verb in the two sentences before `sentence`
  // (an actor other than `except` and not a rule), or -1.
  int recent_speaker(int sentence, int except) const {
    for (int si = sentence - 1; si >= std::max(0, sentence - 2); --si) {
      const Sentence& s = text.sentences()[si];
      for (int k = s.last_token - 1; k >= s.first_token; --k) {
        if (quoted[k] || !match_any(tokens, k, s.last_token, lex.speech_verbs)) continue;
        const int m = subject(k, s, false);
        if (m >= 0 && mentions[m].actor != except) return mentions[m].actor;
      }
    }
    return -1;
  }

  // The organization that owns a product somewhere in the text: "Corvane's Velta 3",
  // "Corvane's flagship model, Velta 3". -1 when none.
  int product_owner(int product) const {
    for (const Mention& m : mentions) {
      if (m.actor != product) continue;
      for (int k = m.first_token - 1; k >= std::max(0, m.first_token - 6); --k) {
        if (tokens[k].lower != "'s") continue;
        const int owner = k > 0 ? mention_of_token[k - 1] : -1;
        if (owner >= 0 && mentions[owner].actor >= 0 && mentions[owner].actor != product &&
            kind(mentions[owner].actor) == "organization")
          return mentions[owner].actor;
        break;
      }
    }
    return -1;
  }

  // "Three of the largest U.S. drugmakers filed a lawsuit ... Halvern, Orlin and Maystone
  // argue ...": a counted plural description as subject is the list of bodies that opens
  // the next sentence. Returns their mentions, empty when the pattern does not hold.
  std::vector<int> listed_next(int trigger, const Sentence& s, int si) const {
    static const FixedWordSet counts = {"two",  "three", "four",    "five", "six", "seven", "eight",
                                                 "nine", "ten",   "several", "both", "some", "many"};
    std::vector<int> out;
    int head = trigger - 1;
    while (head > s.first_token && (tokens[head].lower == "have" || tokens[head].lower == "has" ||
                                    tokens[head].lower == "also" || tokens[head].lower == "jointly"))
      --head;
    const std::string& w = tokens[head].lower;
    if (head <= s.first_token || w.size() < 5 || w.back() != 's' || mention_of_token[head] >= 0) return out;
    auto d = lex.descriptions.find(std::string_view(w).substr(0, w.size() - 1));
    if (d == lex.descriptions.end() || d->second != "organization") return out;
    bool counted = false;
    for (int k = head - 1; k >= std::max(s.first_token, head - 6) && !counted; --k) {
      if (!tokens[k].word && !tokens[k].has_digit) break;
      counted = counts.count(tokens[k].lower) || (tokens[k].has_digit && tokens[k].text.size() <= 2);
    }
    if (!counted || si + 1 >= static_cast<int>(text.sentences().size())) return out;
    const Sentence& next = text.sentences()[si + 1];
    for (auto it = mentions_after(next.first_token - 1); it != mentions.end() && it->sentence == si + 1; ++it) {
      const int m = static_cast<int>(it - mentions.begin());
      const int expected = out.empty() ? next.first_token : mentions[out.back()].last_token;
      int gap = it->first_token - expected;
      bool joined = out.empty() ? gap <= 1 : false;
      if (!out.empty())
        for (int k = expected; k < it->first_token; ++k)
          joined = (tokens[k].text == "," || tokens[k].lower == "and") && gap <= 2;
      if (!joined || !usable_as_actor(*it) || kind(it->actor) != "organization") break;
      out.push_back(m);
    }
    if (out.size() < 2) out.clear();
    return out;
  }

  // Partners the subject joined before acting: "X has joined forces with Y and Z to urge":
  // Y and Z act too.
  std::vector<int> companions(int subject_mention, int trigger) const {
    static const FixedWordSet joining = {"joined", "joins", "join", "joining", "teamed", "teams",
                                                  "partnered", "allied", "sided"};
    std::vector<int> out;
    int with = -1;
    for (int k = mentions[subject_mention].last_token; k < trigger; ++k)
      if (tokens[k].lower == "with") with = k;
    if (with < 0) return out;
    bool joined = false;
    for (int k = mentions[subject_mention].last_token; k < with && !joined; ++k) joined = joining.count(tokens[k].lower);
    if (!joined) return out;
    for (int k = with + 1; k < trigger; ++k) {
      const int m = mention_of_token[k];
      if (m < 0) {
        if (tokens[k].lower == "and" || tokens[k].text == "," || tokens[k].lower == "the") continue;
        break;
      }
      if (!usable_as_actor(mentions[m])) break;
      const std::string& kd = kind(mentions[m].actor);
      if (kd == "rule" || kd == "product") break;
      out.push_back(m);
      k = mentions[m].last_token - 1;
    }
    return out;
  }

  // Names coordinated with a subject: "Apple and Samsung", "Yale and the
  // Urban Institute", "Google, Meta and OpenAI" (returned nearest first).
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
    // "warned that a long strike could cut Kestrel's output": inside the reported clause
    // a modal does not end the topic.
    const bool reported_clause = about_topic && from < limit && tokens[from].lower == "that";
    for (int k = from; k < limit; ++k) {
      if (kClauseBreaks.count(tokens[k].lower) && k > from && !(reported_clause && kModals.count(tokens[k].lower)))
        break;
      const int m = mention_of_token[k];
      if (m < 0 || mentions[m].actor < 0 || mentions[m].actor == exclude_actor) continue;
      if (mentions[m].in_quote) continue;
      if (mentions[m].possessive) {
        // "challenging the government's plan to cap what Medicare pays": a possessor whose
        // noun is no actor stands for its own position; later names are inside that noun phrase.
        const int noun = mentions[m].last_token + 1;
        bool owns_plain_noun = noun < limit && tokens[noun].word && !tokens[noun].capitalized;
        for (int j = noun; j < std::min(limit, noun + 3) && owns_plain_noun; ++j)
          owns_plain_noun = mention_of_token[j] < 0 || mentions[mention_of_token[j]].actor < 0;
        if (owns_plain_noun && possessor < 0 && lex.position_nouns.count(tokens[noun].lower)) return m;
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
      return person_after_title(m, limit);
    }
    return possessor;
  }

  // "invested $2 billion in Amberline", "will provide $30 million in grants to Amberline".
  int recipient(int from, const Sentence& s, int exclude_actor) const {
    for (int k = from; k + 1 < std::min(s.last_token, from + 12); ++k) {
      if (kClauseBreaks.count(tokens[k].lower) && k > from) break;
      const std::string& w = tokens[k].lower;
      if (w != "in" && w != "into" && w != "to" && w != "for") continue;
      int at = k + 1;
      if (at < s.last_token && tokens[at].lower == "the") ++at;
      const int m = at < s.last_token ? mention_of_token[at] : -1;
      if (m >= 0 && mentions[m].first_token == at && usable_as_actor(mentions[m]) &&
          mentions[m].actor != exclude_actor && kind(mentions[m].actor) != "rule" &&
          kind(mentions[m].actor) != "product")
        return m;
    }
    return -1;
  }

  // "suspended Rivermouth Athletic president Dario Castell": the person is the object,
  // the organization before the title only says whose president he is.
  int person_after_title(int m, int limit) const {
    const int after = mentions[m].last_token;
    const int title_len = match_any(tokens, after, limit, lex.titles);
    if (title_len == 0 || after + title_len >= limit) return m;
    const int next = mention_of_token[after + title_len];
    if (next >= 0 && mentions[next].first_token == after + title_len && mentions[next].actor >= 0 &&
        kind(mentions[next].actor) == "person")
      return next;
    return m;
  }
};

}  // namespace

int act_owner(const TextAnalysis& text, const ExtractResources& lex, const std::vector<ActorCluster>& actors,
              const std::vector<FoundEvent>& events, int from, int sentence, int exclude_actor) {
  const auto& tokens = text.tokens();
  const Sentence& s = text.sentences()[sentence];
  int k = from;
  if (k < s.last_token && (tokens[k].lower == "the" || tokens[k].lower == "this" || tokens[k].lower == "that" ||
                           tokens[k].lower == "its" || tokens[k].lower == "their"))
    ++k;
  const ExtractResources::ActNoun* act = nullptr;
  for (int modifiers = 0; k < s.last_token && modifiers <= 2 && !act; ++k, ++modifiers) {
    if (!tokens[k].word) return -1;
    auto it = lex.act_nouns.find(tokens[k].lower);
    if (it != lex.act_nouns.end()) act = &it->second;
  }
  if (!act) return -1;
  // The noun names the kind of act, so the act may lie further back than a stance.
  constexpr int kActReach = 12;
  for (auto it = events.rbegin(); it != events.rend(); ++it) {
    if (it->sentence > sentence) continue;
    if (sentence - it->sentence > kActReach) break;
    // A stance named by a noun with nothing to aim at ("led the opposition") is no act to
    // refer back to; "voted to reject a proposal" is.
    const std::string& trigger_word = tokens[it->trigger_token].lower;
    if (it->untargeted && (it->action == "oppose" || it->action == "support" || it->action == "criticize") &&
        (trigger_word.ends_with("ion") || trigger_word.ends_with("ment") || trigger_word.ends_with("ism")))
      continue;
    if (act->actions.count(it->action) &&
        (act->trigger_words.empty() || act->trigger_words.count(tokens[it->trigger_token].lower)) &&
        it->actor >= 0 && it->actor != exclude_actor && actors[it->actor].kind != "rule" &&
        actors[it->actor].kind != "product") {
      // An act done jointly ("A, B and C sued"): the first named stands for them.
      auto first = it;
      for (auto prev = std::next(it); prev != events.rend() && prev->trigger_token == it->trigger_token &&
                                      prev->action == it->action && prev->actor != exclude_actor;
           ++prev)
        first = prev;
      return first->actor;
    }
  }
  return -1;
}

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
    const auto [original_start, original_end] = text.original_range(s.start, s.end);
    std::vector<const Timex*> dated;
    std::vector<const Timex*> bounds;  // "until August", "by 2030": a deadline, not when it happened
    for (const Timex& t : timexes)
      if (t.start >= original_start && t.end <= original_end && calendar_date(t.value) &&
          (!deictic_timex(t.text) || dct_known) && !relative_period(t.text) && !in_dateline(text, s, t))
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
      // A capitalized trigger opening a line may be a dropped name candidate ("Trained in 2024").
      if (covering >= 0 && mentions[covering].type != MentionType::description && mentions[covering].actor >= 0) continue;
      // Longest trigger phrase starting here.
      std::string action;
      int len = match_trigger(tokens, t, s.last_token, lex, &action);
      // "Critics argue ...": what a group of critics says is criticism.
      bool critics_speak = false;
      if (!len) {
        const int speech = match_any(tokens, t, s.last_token, lex.speech_verbs);
        const int speaker = speech ? f.subject(t, s, false) : -1;
        if (speaker >= 0 && f.kind(mentions[speaker].actor) == "group" &&
            lex.critic_groups.count(tokens[mentions[speaker].last_token - 1].lower)) {
          len = speech;
          action = "criticize";
          critics_speak = true;
        }
      }
      // Money verbs: "would build a $12 billion plant", "added another $5 billion" invest;
      // "will provide $300 million in grants" funds.
      if (!len) {
        const std::string& w = tokens[t].lower;
        const char* money_action = lex.invest_verbs.count(w) ? "invest" : lex.fund_verbs.count(w) ? "fund" : nullptr;
        for (int k = t + 1; money_action && k < std::min(s.last_token, t + 4); ++k)
          if (tokens[k].text == "$" || lex.currency_words.count(tokens[k].lower)) {
            action = money_action;
            len = 1;
            break;
          }
      }
      // "called the decision 'disappointing'", "described the plan as reckless".
      int evaluated_until = -1;
      if (!len) {
        static const FixedWordSet naming = {"called", "calls", "calling", "described", "describes",
                                                     "branded", "brands", "labeled", "labelled", "dubbed"};
        if (naming.count(tokens[t].lower))
          for (int k = t + 1; k < std::min(s.last_token, t + 9) && evaluated_until < 0; ++k) {
            if (tokens[k].text == ";" || tokens[k].text == "." || tokens[k].lower == "that") break;
            auto it = lex.evaluations.find(tokens[k].lower);
            if (it != lex.evaluations.end()) {
              action = it->second;
              len = 1;
              evaluated_until = k;
            }
          }
      }
      if (!len) continue;
      bool negated = false;
      for (int k = std::max(s.first_token, t - 3); k < t; ++k) negated = negated || kNegations.count(tokens[k].lower);
      if (negated) continue;
      bool hypothetical = false;
      for (int k = t - 1; k >= s.first_token && tokens[k].text != "," && tokens[k].text != ";"; --k)
        hypothetical = hypothetical || kConditionals.count(tokens[k].lower);
      if (hypothetical) continue;
      // "the proposed raise", "the announcement", "Hughes's previously announced plan": a
      // modifier or a noun phrase, not a reported act.
      if (tokens[t].lower.ends_with("ed") || tokens[t].lower.ends_with("ment")) {
        int before = t - 1;
        if (before > s.first_token && tokens[before].lower.size() > 4 && tokens[before].lower.ends_with("ly")) --before;
        if (before >= s.first_token && (tokens[before].lower == "the" || tokens[before].lower == "a" ||
                                        tokens[before].lower == "'s" || tokens[before].lower == "its" ||
                                        tokens[before].lower == "their"))
          continue;
      }
      FoundEvent e;
      e.action = action;
      e.sentence = si;
      e.trigger_token = t;
      int actor_mention = -1, target_mention = -1;
      std::vector<int> listed;  // bodies a counted description stands for, after the first
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
        // "X's response drew criticism from Y": a possessed noun's object comes with a
        // preposition ("X's response to Y", "X's opposition against Y"), not after a verb.
        static const FixedWordSet noun_objects = {"to", "against", "of", "on", "for", "toward", "towards", "at"};
        const bool bare_noun = actor_mention >= 0 && !noun_objects.count(tokens[t + len - 1].lower) &&
                               (t + len >= s.last_token || !noun_objects.count(tokens[t + len].lower));
        if (actor_mention < 0) actor_mention = f.relative_antecedent(t, s);
        if (actor_mention < 0) actor_mention = f.subject(t, s, false, action == "other");
        if (actor_mention < 0) actor_mention = f.introduced_person(t, s, si);
        if (actor_mention < 0) {
          listed = f.listed_next(t, s, si);
          if (!listed.empty()) actor_mention = listed.front();
        }
        // "the model was released", "Velta 3: Trained in 2024" (a spec line).
        // A capitalized participle after the colon opens a sentence of its own.
        const bool after_colon = t > 0 && tokens[t - 1].text == ":";
        const bool passive = (after_colon || (t > s.first_token && kPassiveAux.count(tokens[t - 1].lower))) &&
                             (action == "launch" || action == "release" ||
                              (action == "other" && tokens[t].lower.ends_with("ed")));
        if (passive) {
          // The product before is the target; the agent is implied: the maker the product is
          // named after ("Velta" for "Velta 3"), else the organization last the subject.
          int before = -1;
          if (after_colon) {
            const int m = t >= 2 ? f.mention_of_token[t - 2] : -1;
            if (m >= 0 && mentions[m].last_token == t - 1 && usable_as_actor(mentions[m])) before = m;
          } else {
            before = f.subject(t, s, true, true);
          }
          if (before >= 0 && actors[mentions[before].actor].kind == "product") {
            target_mention = before;
            actor_mention = -1;
            e.actor = last_org_subject;
            const std::string& product = actors[mentions[before].actor].name;
            for (std::size_t a = 0; a < actors.size(); ++a)
              if (actors[a].kind == "organization" && named_after(product, actors[a].name, lex))
                e.actor = static_cast<int>(a);
            const int owner = f.product_owner(mentions[before].actor);
            if (owner >= 0) e.actor = owner;
          }
        }
        // Passive with an agent: "a fare increase proposed by the authority".
        bool agent_named = false;
        if (t + len + 1 < s.last_token && tokens[t + len].lower == "by" && tokens[t].lower.ends_with("ed")) {
          const int agent = f.object(t + len + 1, s, -1);
          agent_named = agent >= 0;
          // "founded by former OpenAI researchers": the agent is the researchers, whom no actor names.
          const int after_agent = agent >= 0 ? mentions[agent].last_token : -1;
          if (after_agent >= 0 && after_agent < s.last_token && lex.group_nouns.count(tokens[after_agent].lower))
            continue;
          if (agent >= 0 && mentions[agent].first_token <= t + len + 2) {
            // The patient is the noun phrase right before the participle, if it is an actor.
            target_mention = actor_mention >= 0 && mentions[actor_mention].last_token >= t - 1 ? actor_mention : -1;
            actor_mention = agent;
            if (target_mention >= 0 && mentions[target_mention].actor == mentions[agent].actor) target_mention = -1;
          }
        }
        // "Arden was banned", "the decision was condemned": the subject suffered the act and
        // nobody is named as having done it. With an act noun the sufferer's owner is the target
        // ("The decision was condemned by X"); without an agent there is no event.
        if (!(passive && target_mention >= 0) && !agent_named && t > s.first_token &&
            kPassiveAux.count(tokens[t - 1].lower) &&
            tokens[t].lower.ends_with("ed"))
          continue;
        if (agent_named && target_mention < 0 && kPositionActions.count(action)) {
          const int patient = act_owner(text, lex, actors, events, s.first_token, si, mentions[actor_mention].actor);
          if (patient >= 0) e.target = patient;
        }
        // "Menzel's response drew criticism from parents' groups": the noun's source acts on
        // the subject. Only nouns: "opposed from the start" is no source.
        if (t + len + 1 < s.last_token && tokens[t + len].lower == "from" && !tokens[t].lower.ends_with("ed") &&
            !tokens[t].lower.ends_with("ing")) {
          const int source = f.mention_of_token[t + len + 1];
          if (source >= 0 && mentions[source].first_token == t + len + 1 && usable_as_actor(mentions[source])) {
            // The subject, or its possessor ("Menzel's response drew ...").
            int subject = f.subject(t, s, true);
            for (int k = s.first_token; k < t && subject < 0; ++k) {
              const int m = f.mention_of_token[k];
              if (m >= 0 && usable_as_actor(mentions[m]) && mentions[m].possessive) subject = m;
            }
            target_mention = subject >= 0 && mentions[subject].actor != mentions[source].actor ? subject : -1;
            actor_mention = source;
          }
        }
        if (actor_mention >= 0) e.actor = mentions[actor_mention].actor;
        // "registered as a charity": what follows "as" is a role, not a target.
        const bool complement = tokens[t + len - 1].lower == "as";
        // "welcomed the lawsuit", "criticized the decision": aimed at whoever sued or decided.
        if (target_mention < 0 && e.target < 0 && kPositionActions.count(action))
          e.target = act_owner(text, lex, actors, events, t + len, si, e.actor);
        if (target_mention < 0 && e.target < 0 && !complement && !critics_speak && !bare_noun)
          target_mention = f.object(t + len, s, e.actor, action == "warn" || action == "say");
        // Money goes "in"/"into" a recipient, grants go "to" one.
        if (target_mention < 0 && e.target < 0 && (action == "invest" || action == "fund"))
          target_mention = f.recipient(t + len, s, e.actor);
        // Aimed at whoever last stated or called for something: a statement close by (three
        // sentences on, "the plan" is anyone's), else whoever claimed or argued something there.
        auto stance_target = [&] {
          for (auto it = events.rbegin(); it != events.rend() && si - it->sentence <= 2; ++it)
            if (kStatementActions.count(it->action) && !it->untargeted && it->actor >= 0 && it->actor != e.actor &&
                actors[it->actor].kind != "rule")
              return it->actor;
          return f.recent_speaker(si, e.actor);
        };
        if (target_mention < 0 && e.target < 0 && critics_speak) e.target = stance_target();
        if (target_mention < 0 && e.target < 0 && kPositionActions.count(action)) {
          // "criticized the rhetoric"; from inside the trigger too: "rejected the allegations"
          // names the position itself. Punctuation does not count: "the 'arms race mentality'".
          for (int k = t + 1, words = 0; k < s.last_token && words < len + 3; ++k) {
            if (tokens[k].word) ++words;
            if (!lex.position_nouns.count(tokens[k].lower)) continue;
            e.target = stance_target();
            break;
          }
        }
        if (target_mention >= 0) e.target = mentions[target_mention].actor;
        // "finalized a rule ... The Methane Emissions Standard will take effect": a new rule or
        // product introduced indefinitely is the one named next.
        if (e.target < 0 && (action == "announce" || action == "launch" || action == "release"))
          e.target = f.introduced(t + len, si);
        // "Corvane's finances held up -- Tolland Capital invested $2 billion": an
        // investment with no recipient named goes to the party named last before it.
        if (e.target < 0 && action == "invest" && actor_mention >= 0) {
          for (int k = mentions[actor_mention].first_token - 1; k >= s.first_token && e.target < 0; --k) {
            const int m = f.mention_of_token[k];
            if (m >= 0 && usable_as_actor(mentions[m]) && mentions[m].actor != e.actor &&
                mentions[m].type != MentionType::pronoun && f.kind(mentions[m].actor) != "rule" &&
                f.kind(mentions[m].actor) != "product")
              e.target = mentions[m].actor;
          }
          // "Tolland invested $2 billion, and Norvik added another $1 billion": a co-investor
          // named last stands for the recipient they share.
          for (auto it = events.rbegin(); it != events.rend() && e.target >= 0 && si - it->sentence <= 2; ++it)
            if (it->action == "invest" && it->actor == e.target && it->target >= 0 && it->target != e.actor) {
              e.target = it->target;
              break;
            }
        }
        if (e.target < 0 && action == "invest" && sentence_org_subject >= 0 && sentence_org_subject != e.actor)
          e.target = sentence_org_subject;
      }
      if (e.actor < 0) continue;
      // "urged both sides to return to talks", "accused referees of bias": the act is
      // plain even when its addressee names no actor.
      auto addressed_act = [&](const char* marker, bool marker_then_verb) {
        for (int k = t + len + 1; k < std::min(s.last_token, t + len + 7); ++k) {
          if (kClauseBreaks.count(tokens[k].lower) || f.quoted[k]) return false;
          if (tokens[k].lower == marker)
            return !marker_then_verb || (k + 1 < s.last_token && tokens[k + 1].word && !tokens[k + 1].capitalized &&
                                         tokens[k + 1].lower != "the");
        }
        return false;
      };
      // "introduced a bill", "announced on Friday that ...": making something public is an
      // act even when what is announced names no actor (not the noun "announcement").
      const bool announced = action == "announce" && len == 1 && tokens[t].lower.ends_with("ed") &&
                             t + 1 < s.last_token && (t == 0 || !kPassiveAux.count(tokens[t - 1].lower));
      const bool plain_act = announced || (action == "urge" && addressed_act("to", true)) ||
                             (action == "criticize" && tokens[t].lower.starts_with("accus") && addressed_act("of", false));
      e.untargeted = e.target < 0 && kNeedsTarget.count(action) && !plain_act;
      // Evidence: from the actor (or trigger) to the target (or trigger) in this sentence.
      std::size_t ev_start = tokens[t].start, ev_end = tokens[t + len - 1].end;
      if (actor_mention >= 0 && mentions[actor_mention].sentence == si) {
        ev_start = std::min(ev_start, mentions[actor_mention].start);
        ev_end = std::max(ev_end, mentions[actor_mention].end);  // a passive's agent comes after
      }
      if (target_mention >= 0 && mentions[target_mention].sentence == si)
        ev_end = std::max(ev_end, mentions[target_mention].end);
      // Date: the calendar timex nearest to the trigger (a rule's deadline is its date).
      const std::size_t trigger_original = text.original_offset(tokens[t].start);
      const Timex* best = nullptr;
      std::vector<const Timex*> candidates = dated;
      if (action == "take_effect") candidates.insert(candidates.end(), bounds.begin(), bounds.end());
      // A date inside reported speech after the trigger ("accused X, saying the warnings
      // came in March") dates what was reported, not the event.
      auto reported_after_trigger = [&](const Timex* tx) {
        if (tx->start <= trigger_original) return false;
        for (int k = t + len; k < s.last_token; ++k) {
          if (text.original_offset(tokens[k].start) >= tx->start) break;
          if (match_any(tokens, k, s.last_token, lex.speech_verbs)) return true;
          // "accused Vestmark of allowing ... in 2024": the date is the alleged act's.
          if ((tokens[k].lower == "of" || tokens[k].lower == "for") && k + 1 < s.last_token &&
              tokens[k + 1].lower.ends_with("ing"))
            return true;
          // "... restrictions, which take effect on May 15": a relative clause has its own time.
          if (action != "take_effect" && (tokens[k].lower == "which" || tokens[k].lower == "who")) return true;
          // "..., escalating a fight that has simmered since 2022": a participle clause after a
          // comma, or a relative "that" after a noun, has its own time.
          if (tokens[k].text == "," && k + 1 < s.last_token && tokens[k + 1].lower.ends_with("ing")) return true;
          static const FixedWordSet relative_verbs = {"has", "had", "have", "was", "were", "is", "are"};
          if (action != "take_effect" && tokens[k].lower == "that" && k > t + len && k + 1 < s.last_token &&
              relative_verbs.count(tokens[k + 1].lower))
            return true;
        }
        return false;
      };
      // "Governor Stitt, who signed the law in April, called ...": a relative clause before the
      // trigger has its own time.
      auto in_relative_clause_before = [&](const Timex* tx) {
        if (tx->start >= trigger_original) return false;
        int k = -1;
        for (int j = s.first_token; j < t && k < 0; ++j)
          if (text.original_offset(tokens[j].start) >= tx->start) k = j;
        if (k < 0) return false;
        bool closed = false;
        for (int j = k; j < t && !closed; ++j) closed = tokens[j].text == ",";
        if (!closed) return false;
        for (int j = k - 1; j > s.first_token; --j) {
          if (tokens[j].text == ",") return false;
          if ((tokens[j].lower == "who" || tokens[j].lower == "which") && tokens[j - 1].text == ",") return true;
        }
        return false;
      };
      for (const Timex* tx : candidates) {
        if (reported_after_trigger(tx) || in_relative_clause_before(tx)) continue;
        auto dist = [&](const Timex* x) {
          return x->start > trigger_original ? x->start - trigger_original : trigger_original - x->start;
        };
        if (!best || dist(tx) < dist(best)) best = tx;
      }
      if (best) {
        e.date = calendar_date(best->value);
        // Include the date in the evidence when it is close by.
        const auto [ev_original_start, ev_original_end] = text.original_range(ev_start, ev_end);
        for (int k = s.first_token; k < s.last_token; ++k) {
          const auto [tk_start, tk_end] = text.original_range(tokens[k].start, tokens[k].end);
          if (best->start >= ev_original_end && best->start - ev_original_end < 40 && tk_end == best->end)
            ev_end = std::max(ev_end, tokens[k].end);
          if (best->end <= ev_original_start && ev_original_start - best->end < 40 && tk_start == best->start)
            ev_start = std::min(ev_start, tokens[k].start);
        }
      }
      e.evidence_start = ev_start;
      if (evaluated_until >= 0) ev_end = std::max(ev_end, tokens[evaluated_until].end);
      e.evidence_end = ev_end;
      events.push_back(e);
      for (std::size_t k = 1; k < listed.size(); ++k) {
        FoundEvent joint = e;
        joint.actor = mentions[listed[k]].actor;
        if (joint.actor != joint.target && joint.actor != e.actor) events.push_back(joint);
      }
      if (actor_mention >= 0 && mentions[actor_mention].actor == e.actor)
        for (int co : f.companions(actor_mention, t)) {
          FoundEvent joint = e;
          joint.actor = mentions[co].actor;
          if (joint.actor != joint.target && joint.actor != e.actor) events.push_back(joint);
        }
      if (actor_mention >= 0 && mentions[actor_mention].actor == e.actor)
        for (int co : f.coordinated(actor_mention)) {
          FoundEvent joint = e;
          joint.actor = mentions[co].actor;
          joint.evidence_start = std::min(joint.evidence_start, mentions[co].start);
          if (joint.actor != joint.target) events.push_back(joint);
        }
      t += len - 1;
    }
    f.money_from(s, si, events);
    if (sentence_org_subject >= 0 && actors[sentence_org_subject].kind == "organization")
      last_org_subject = sentence_org_subject;
  }
  // One event per (actor, action, target); a later mention may supply the date.
  std::vector<FoundEvent> unique;
  std::map<std::tuple<int, std::string, int>, std::size_t> seen;
  // Sentence of the latest statement with a topic, per actor.
  std::map<int, int> last_topical_say;
  for (const FoundEvent& e : events) {
    if (e.actor == e.target) continue;
    if (e.action == "say" && e.target >= 0) last_topical_say[e.actor] = e.sentence;
    // "Solvik underscores the limits of the Freight Act ... She emphasizes ...": the
    // same statement going on, not a second one.
    if (e.action == "say" && e.target < 0) {
      auto it = last_topical_say.find(e.actor);
      if (it != last_topical_say.end() && e.sentence - it->second <= 2) continue;
    }
    // Distinct 'other' acts of one actor ("registered as", "secured") are distinct events.
    const std::string act = e.action == "other" ? e.action + " " + tokens[e.trigger_token].lower : e.action;
    auto key = std::make_tuple(e.actor, act, e.target);
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

std::vector<FoundEvent> find_quoted_calls(const TextAnalysis& text, const std::vector<QuoteSpan>& quotes,
                                          const std::vector<int>& quote_speakers,
                                          const std::vector<Mention>& mentions,
                                          const std::vector<ActorCluster>& actors) {
  // "X should", "X must", "X needs to", "X has to", "X ought to": a call on X.
  static const FixedWordSet obligation = {"should", "must"};
  static const FixedWordSet obligation_to = {"needs", "need", "has", "have", "ought"};
  const auto& tokens = text.tokens();
  std::vector<FoundEvent> out;
  for (std::size_t q = 0; q < quotes.size(); ++q) {
    const int speaker = quote_speakers[q];
    if (speaker < 0) continue;
    for (const Mention& m : mentions) {
      if (m.start < quotes[q].start || m.end > quotes[q].end || m.actor < 0 || m.actor == speaker ||
          m.possessive || m.type == MentionType::pronoun)
        continue;
      const std::string& kind = actors[m.actor].kind;
      if (kind == "rule" || kind == "product") continue;
      const int k = m.last_token;
      if (k + 1 >= static_cast<int>(tokens.size()) || tokens[k].end > quotes[q].end) continue;
      const bool call = obligation.count(tokens[k].lower) ||
                        (obligation_to.count(tokens[k].lower) && tokens[k + 1].lower == "to");
      // "X should not", "X must never": a warning off, still a call on X.
      if (!call || !tokens[k + 1].word) continue;
      FoundEvent e;
      e.action = "urge";
      e.actor = speaker;
      e.target = m.actor;
      e.sentence = m.sentence;
      e.trigger_token = k;
      e.evidence_start = m.start;
      int last = k + 1;
      while (last + 1 < static_cast<int>(tokens.size()) && tokens[last + 1].end <= quotes[q].end &&
             tokens[last + 1].sentence == m.sentence && tokens[last + 1].text != "," && last - k < 10)
        ++last;
      e.evidence_end = tokens[last].end;
      out.push_back(e);
    }
  }
  return out;
}

}  // namespace evgraph
