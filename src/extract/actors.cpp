#include "evgraph/actors.h"

#include <algorithm>
#include <set>

#include "evgraph/fixed_word_set.h"
#include "evgraph/quotes.h"

namespace evgraph {

int match_any(const std::vector<Token>& tokens, int at, int limit, const PhraseSet& phrases) {
  return phrases.longest(tokens, at, limit);
}

int match_trigger(const std::vector<Token>& tokens, int at, int limit, const ExtractResources& lex,
                  std::string* action) {
  std::size_t index = 0;
  const int length = lex.triggers.longest(tokens, at, limit, &index);
  if (length && action) *action = lex.trigger_actions[index];
  return length;
}

namespace {

const FixedWordSet kConnectors = {"of", "for", "and", "&", "de", "on"};
const FixedWordSet kDeterminers = {"the", "this", "these"};
// Quantifiers that may open a group's noun phrase: "Some Republican lawmakers said".
const FixedWordSet kGroupQuantifiers = {"some", "many", "several", "most", "other", "few", "numerous"};
const FixedWordSet kProductNouns = {"model",  "models",   "chip",     "chips",  "series", "app",
                                             "chatbot", "vaccine", "drug",     "phone",  "processor",
                                             "processors", "platform", "software", "device", "car"};
const FixedWordSet kPolicyModifiers = {"ai", "chip", "chips", "trade", "technology", "tech", "semiconductor"};
const FixedWordSet kAuxiliaries = {"is",  "was",  "are",   "were",   "has",  "have", "had",   "will",
                                            "would", "could", "can", "may",   "might", "should", "must", "did",
                                            "does", "said", "says", "also",  "then",  "now",   "itself", "still",
                                            "had", "of",   "in",   "to",    "for",   "and",   "but",   "on",
                                            "with", "as",  "by",   "from",  "at",    "that",  "which", "who",
                                            "recently", "publicly", "already", "however"};

const FixedWordSet kCompassWords = {"north", "south", "east", "west", "northern", "southern", "eastern",
                                              "western", "northeast", "northwest", "southeast", "southwest", "central"};
const FixedWordSet kOrdinalWords = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh",
                                              "eighth", "ninth", "tenth", "eleventh", "twelfth"};
const FixedWordSet kCopulas = {"is", "are", "was", "were", "be", "been", "being", "am"};
const FixedWordSet kWeekdays = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
const FixedWordSet kParentheticals = {"however", "meanwhile", "though", "too", "instead", "nonetheless",
                                      "nevertheless", "moreover", "separately", "also"};
// Words that may stand between a subject and its verb: "Boeing has also publicly criticized".
const FixedWordSet kSubjectVerbGap = {"has", "have", "had", "will", "would", "is", "was", "are", "were",
                                               "also", "then", "now", "yesterday", "today", "again", "later",
                                               "earlier", "quickly", "swiftly", "publicly", "formally", "officially",
                                               "previously", "recently", "already", "has been", "had been"};
// Legal-form suffixes that close a company name.
const FixedWordSet kCorporateSuffixes = {"co", "co.", "inc", "inc.", "corp", "corp.", "ltd", "ltd.", "llc",
                                                  "plc", "ag", "sa", "gmbh", "nv", "bv", "spa", "lp", "llp"};
// A magnitude after a number: "Google 2.4 billion" is a name and an amount.
const FixedWordSet kMagnitudes = {"million", "billion", "trillion", "thousand", "hundred", "percent", "%",
                                           "bn", "m", "mn"};

bool is_year(const Token& t) {
  return t.text.size() == 4 && std::all_of(t.text.begin(), t.text.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
         (t.text[0] == '1' || t.text[0] == '2');
}

// Length of the leading capitalized parts of a hyphenated token ("Amazon-backed" -> 6), or the whole length.
std::size_t capitalized_prefix(const std::string& text) {
  std::size_t pos = 0;
  std::size_t keep = 0;
  while (pos <= text.size()) {
    std::size_t dash = text.find('-', pos);
    if (dash == std::string::npos) dash = text.size();
    if (dash == pos) break;
    const char first = text[pos];
    const bool part_ok = (first >= 'A' && first <= 'Z') || (first >= '0' && first <= '9');
    if (!part_ok) break;
    keep = dash;
    if (dash == text.size()) break;
    pos = dash + 1;
  }
  return keep;
}

struct Builder {
  const TextAnalysis& text;
  const std::vector<Token>& tokens;
  const ExtractResources& lex;
  const std::vector<QuoteSpan>& quotes;
  std::vector<Mention> mentions;
  std::vector<char> covered;

  bool in_quote(std::size_t offset) const {
    for (const QuoteSpan& q : quotes)
      if (offset >= q.start && offset < q.end) return true;
    return false;
  }

  Mention make(int first, int last, MentionType type, std::size_t end_offset = 0) {
    Mention m;
    m.first_token = first;
    m.last_token = last;
    m.start = tokens[first].start;
    m.end = end_offset ? end_offset : tokens[last - 1].end;
    m.text = text.text().substr(m.start, m.end - m.start);
    m.type = type;
    m.sentence = tokens[first].sentence;
    m.in_quote = in_quote(m.start);
    m.possessive = last < static_cast<int>(tokens.size()) && tokens[last].lower == "'s" && m.end == tokens[last - 1].end;
    // "General Motors' offer": the bare apostrophe after a final s.
    if (!m.possessive && last < static_cast<int>(tokens.size()) && tokens[last].text == "'" &&
        tokens[last].start == m.end && !m.text.empty() && (m.text.back() == 's' || m.text.back() == 'S') &&
        (last + 1 >= static_cast<int>(tokens.size()) || tokens[last + 1].start > tokens[last].end))
      m.possessive = true;
    const Paragraph& p = text.paragraphs()[tokens[first].paragraph];
    m.weak = p.heading;
    return m;
  }

  void cover(int first, int last) {
    for (int t = first; t < last; ++t) covered[t] = 1;
  }

  // Gazetteer alias matching at `at` (case-sensitive token texts); returns {length, entry}.
  std::pair<int, std::size_t> gazetteer_at(int at, int limit) const {
    std::size_t k = 0;
    const int n = lex.gazetteer_phrases.longest(tokens, at, limit, &k);
    return {n, n ? lex.gazetteer_phrase_entry[k] : 0};
  }

  void policies(const Sentence& s) {
    for (int t = s.first_token; t < s.last_token; ++t) {
      for (std::size_t index : lex.policy_phrases.starting_with(tokens[t].lower)) {  // in lexicon order
        const int len = match_phrase(tokens, t, s.last_token, lex.policy_phrases[index]);
        if (!len) continue;
        // Part of a capitalized name ("Export Control Framework") or a title: not the generic phrase.
        if (t + len < s.last_token && tokens[t + len].capitalized && tokens[t + len].word) continue;
        bool all_capitalized = true;
        for (int k = t; k < t + len; ++k) all_capitalized = all_capitalized && tokens[k].capitalized;
        if (all_capitalized && !opens_sentence(t, s)) continue;
        int start = t;
        while (start - 1 >= s.first_token) {
          const Token& prev = tokens[start - 1];
          if (!prev.word) break;
          const bool modifier = kPolicyModifiers.count(prev.lower) > 0 ||
                                (prev.capitalized && !lex.is_non_name(prev.text) && !lex.is_demonym(prev.text)) ||
                                (prev.all_caps);
          if (!modifier) break;
          --start;
        }
        Mention m = make(start, t + len, MentionType::policy);
        m.kind = "rule";
        m.canonical = lex.policy_canonical[index];
        cover(start, t + len);
        mentions.push_back(std::move(m));
        t += len - 1;
        break;
      }
    }
  }

  // "The caps are due to take effect", "the new levies will come into force": what takes
  // effect is a rule, though no lexicon names it. Descriptions ("the rules") resolve elsewhere.
  void effective_subjects(const Sentence& s) {
    static const FixedWordSet gap = {"is",  "are", "was",       "were",      "will",   "would",   "shall",
                                              "to",  "due", "set",       "expected",  "scheduled", "slated", "poised",
                                              "now", "finally", "also", "then",      "be",     "about",   "likely"};
    for (int t = s.first_token + 1; t < s.last_token; ++t) {
      std::string action;
      const int len = match_trigger(tokens, t, s.last_token, lex, &action);
      if (!len || action != "take_effect") continue;
      int head = t - 1;
      while (head > s.first_token && gap.count(tokens[head].lower)) --head;
      if (head == t - 1 || covered[head] || !tokens[head].word || tokens[head].capitalized ||
          lex.descriptions.count(tokens[head].lower) || lex.is_non_name(tokens[head].text) ||
          lex.group_nouns.count(tokens[head].lower))
        continue;
      int det = -1;
      for (int k = head - 1; k >= std::max(s.first_token, head - 3) && det < 0; --k) {
        if (tokens[k].lower == "the" || tokens[k].lower == "these" || tokens[k].lower == "its" ||
            tokens[k].lower == "their") {
          det = k;
          break;
        }
        if (!tokens[k].word || covered[k] || tokens[k].capitalized || kAuxiliaries.count(tokens[k].lower)) break;
      }
      if (det < 0) continue;
      Mention m = make(det, head + 1, MentionType::policy);
      if (m.in_quote) continue;
      m.kind = "rule";
      for (int k = det + 1; k <= head; ++k) m.canonical += (k > det + 1 ? " " : "") + tokens[k].text;
      cover(det, head + 1);
      mentions.push_back(std::move(m));
    }
  }

  bool title_before(int first, int sentence_first) const {
    // "Y's CEO X" / "its chief executive X" / "Senator X": a title right before the name.
    for (int start = std::max(sentence_first, first - 3); start < first; ++start)
      if (match_any(tokens, start, first, lex.titles) == first - start) return true;
    return false;
  }

  bool apposition_title(int last, int sentence_last) const {
    // "X, the CEO of Y" / "X, a senior researcher at Y" / "X, CEO of Y".
    if (last >= sentence_last || tokens[last].text != ",") return false;
    for (int t = last + 1; t < std::min(sentence_last, last + 7); ++t) {
      if (!tokens[t].word && tokens[t].lower != "'s") return false;
      if (match_any(tokens, t, sentence_last, lex.titles)) return true;
    }
    return false;
  }

  // "The Dutch transport minister, Karel de Vries, said": a title, then the name in apposition.
  bool title_apposition_before(int first, int sentence_first) const {
    return first - 2 >= sentence_first && tokens[first - 1].text == "," && title_before(first - 1, sentence_first);
  }

  // "The employers' association, Harbour Operators Europe, said": the description before
  // the name in apposition says what kind of body it is (empty when none does).
  std::string described_before(int first, int sentence_first) const {
    if (first - 2 < sentence_first || tokens[first - 1].text != ",") return {};
    auto d = lex.descriptions.find(tokens[first - 2].lower);
    if (d == lex.descriptions.end()) return {};
    for (int k = first - 3; k >= std::max(sentence_first, first - 6); --k)
      if (kDeterminers.count(tokens[k].lower) || tokens[k].lower == "a" || tokens[k].lower == "an") return d->second;
    return {};
  }

  // "Rivermouth Athletic president Dario Castell", "Pellion chief executive Sofia Marren":
  // a name right before a lowercase title and a person's name is the employer.
  bool employer_before_title(int last, int sentence_last) const {
    if (last >= sentence_last || tokens[last].capitalized) return false;
    const int title_len = match_any(tokens, last, sentence_last, lex.titles);
    const int after = last + title_len;
    return title_len > 0 && after < sentence_last && tokens[after].capitalized && tokens[after].word &&
           !lex.is_non_name(tokens[after].text);
  }

  std::string kind_from_shape(int first, int last) const {
    // "Ministry of Transport": the head is the word before the first connector.
    int head_index = last - 1;
    for (int t = first + 1; t < last; ++t)
      if (kConnectors.count(tokens[t].lower)) {
        head_index = t - 1;
        break;
      }
    const std::string head = tokens[head_index].lower;
    auto h = lex.name_heads.find(head);
    if (h != lex.name_heads.end() && last - first > 1) return h->second;
    if (h != lex.name_heads.end() && tokens[last - 1].all_caps == false && (h->second == "organization"))
      return h->second;
    bool digits = false;
    for (int t = first; t < last; ++t) digits = digits || tokens[t].has_digit;
    if (digits) return "product";
    if (last < static_cast<int>(tokens.size()) && kProductNouns.count(tokens[last].lower)) return "product";
    // "the heart drug Cardiolex", "the model Aurora": a product named after its noun.
    if (first > 0 && kProductNouns.count(tokens[first - 1].lower)) return "product";
    // "Veritas Pharma, which makes ...": "which", not "who".
    const bool which_follows = last + 1 < static_cast<int>(tokens.size()) && tokens[last].text == "," &&
                               tokens[last + 1].lower == "which";
    // "the United Auto Workers union", "the Acme group": the noun after the name says what it is.
    if (last < static_cast<int>(tokens.size()) && !tokens[last].capitalized) {
      auto d = lex.descriptions.find(tokens[last].lower);
      if (d != lex.descriptions.end() && d->second != "rule") return d->second;
    }
    // "analysts at Wells Fargo": people are rarely "at" someone.
    const bool after_at = first > 0 && tokens[first - 1].lower == "at";
    if (which_follows) return "organization";
    // "the Arc Fold", "the Tenth Circuit": people rarely take an article.
    const bool after_the = first > 0 && tokens[first - 1].lower == "the";
    if (last - first >= 2 && last - first <= 3 && !after_at && !after_the) {
      bool person_shape = true;
      for (int t = first; t < last; ++t) {
        const Token& tok = tokens[t];
        person_shape = person_shape && tok.word && !tok.all_caps && !tok.has_digit && tok.capitalized &&
                       tok.text.find('-') == std::string::npos && !lex.is_non_name(tok.text);
      }
      if (person_shape) return "person";
    }
    return "";
  }

  // True when the token (or, for a cut hyphenated token, its kept prefix) is a function word or demonym.
  bool filler(int t, std::size_t end_offset = 0) const {
    std::string w = tokens[t].text;
    if (end_offset > tokens[t].start && end_offset < tokens[t].end) w = w.substr(0, end_offset - tokens[t].start);
    auto one = [&](const std::string& part) {
      return lex.is_non_name(part) || lex.is_demonym(part) || kConnectors.count(ascii_lower(part));
    };
    if (w.find('/') != std::string::npos) {  // "November/December"
      std::size_t pos = 0;
      while (true) {
        const std::size_t slash = w.find('/', pos);
        if (!one(w.substr(pos, slash == std::string::npos ? std::string::npos : slash - pos))) return false;
        if (slash == std::string::npos) return true;
        pos = slash + 1;
      }
    }
    return one(w);
  }

  // "Maintaining", "Notably", "Reported": a verb or adverb form. Short words and the
  // shapes of common first names ("Emily", "Ashley", "Ahmed", "Mohammed") are not.
  static bool verb_or_adverb_shape(const std::string& w) {
    if (w.size() < 6) return false;
    if (w.ends_with("ing")) return true;
    if (w.ends_with("ly")) return !w.ends_with("ley");
    if (w.ends_with("ed")) return !w.ends_with("mmed") && !w.ends_with("hmed");
    return false;
  }

  // "central", "public", "political": adjectives listed among the non-names, which may
  // still qualify a noun.
  static bool adjective_shape(const std::string& w) {
    return w.size() >= 6 && (w.ends_with("al") || w.ends_with("ic"));
  }

  bool opens_sentence(int t, const Sentence& s) const {
    // First word of the sentence, or first word inside an opening quotation mark.
    int k = t - 1;
    // Punctuation, bullets and list numbers ("3Experts", "- Aurora") do not count as words.
    auto is_number = [&](const Token& tk) { return tk.word && tk.has_digit && !tk.capitalized && tk.lower == tk.text &&
                                                   std::all_of(tk.text.begin(), tk.text.end(), [](char c) { return c >= '0' && c <= '9'; }); };
    while (k >= s.first_token && (!tokens[k].word || is_number(tokens[k])) && tokens[k].text != "\"" &&
           tokens[k].text != "," && tokens[k].text != ":")
      --k;
    if (k < s.first_token) return true;
    if (tokens[k].text == ":") return true;  // "Aurora 3.5: Trained in ..."
    // An opening mark is attached to the word after it, not to the one before.
    const bool opening = tokens[k].end == tokens[k + 1].start && (k == 0 || tokens[k - 1].end < tokens[k].start);
    return tokens[k].text == "\"" && opening;
  }

  // The verb of a clause right after `last`, past a time adverbial, auxiliaries
  // and adverbs: "said", "on Tuesday announced", "has also criticized".
  bool verb_follows(int last, int limit) const {
    int k = last;
    for (int steps = 0; k < limit && steps < 4; ++steps) {
      const std::string& w = tokens[k].lower;
      if (w == "on" && k + 1 < limit && kWeekdays.count(tokens[k + 1].lower)) {
        k += 2;
        continue;
      }
      // "Some lawmakers, however, have introduced": a parenthetical adverb between commas.
      if (w == "," && k + 3 < limit && tokens[k + 2].text == "," && kParentheticals.count(tokens[k + 1].lower)) {
        k += 3;
        continue;
      }
      if (w == "," && steps == 0) break;
      // Triggers may start with an auxiliary: "would contest", "will challenge".
      if (kSubjectVerbGap.count(w) && match_trigger(tokens, k, limit, lex) > 1) return true;
      if (kSubjectVerbGap.count(w) || (w.size() > 5 && w.ends_with("ly"))) {
        ++k;
        continue;
      }
      break;
    }
    if (k >= limit) return false;
    if (match_any(tokens, k, limit, lex.speech_verbs) > 0) return true;
    return match_trigger(tokens, k, limit, lex) > 0 && !tokens[k].lower.ends_with("ion") &&
           !tokens[k].lower.ends_with("ment");
  }

  // A lone sentence-initial word that acts as a name: the subject of a
  // reporting or event verb ("Boeing said"), a possessor ("Boeing's chief"),
  // or joined to another name ("Apple and Samsung opposed").
  bool initial_word_is_name(int first, int last, const Sentence& s) const {
    const std::string& w = tokens[first].lower;
    if (lex.group_nouns.count(w) || lex.is_non_name(tokens[first].text) || lex.is_demonym(tokens[first].text) ||
        w.ends_with("ing") || w.ends_with("ly"))
      return false;
    if (last < s.last_token && tokens[last].lower == "'s") return true;
    if (last + 1 < s.last_token && tokens[last].lower == "and" && tokens[last + 1].capitalized &&
        !lex.is_non_name(tokens[last + 1].text))
      return true;
    // "Google, Meta and OpenAI urged": a list of names.
    if (last + 2 < s.last_token && tokens[last].text == "," && tokens[last + 1].capitalized &&
        !lex.is_non_name(tokens[last + 1].text))
      for (int k = last + 2; k < std::min(s.last_token, last + 8); ++k) {
        if (tokens[k].lower == "and") return k + 1 < s.last_token && tokens[k + 1].capitalized;
        if (!tokens[k].capitalized && tokens[k].text != ",") break;
      }
    return verb_follows(last, s.last_token);
  }

  void emit_gazetteer(int first, int len, std::size_t index) {
    Mention m = make(first, first + len, MentionType::name);
    m.kind = lex.gazetteer[index].kind;
    m.canonical = lex.gazetteer[index].name;
    cover(first, first + len);
    // "a launch event in Berlin": a capital standing for its government is a place after "in".
    const Token& word = tokens[first];
    const bool city_alias = len == 1 && !word.all_caps && m.text != m.canonical;
    if (city_alias && first > 0 && tokens[first - 1].lower == "in") return;
    mentions.push_back(std::move(m));
  }

  // "Pharmaceutical Research and Manufacturers of America (PhRMA)": a long name
  // spelled out before its acronym is one name, whatever words it contains.
  // Returns the end token of the name, or 0.
  int spelled_out_before_acronym(int first, const Sentence& s) const {
    std::string initials;
    int j = first;
    int lowercase_words = 0;  // "Medicines and Healthcare products Regulatory Agency (MHRA)"
    while (j < s.last_token && j - first < 12) {
      const Token& t = tokens[j];
      if (covered[j]) return 0;
      if (t.word && t.capitalized) {
        initials += t.text[0];
      } else if (t.word && !t.has_digit && !kConnectors.count(t.lower) && t.lower != "the" && lowercase_words < 2 &&
                 j + 1 < s.last_token && tokens[j + 1].capitalized) {
        ++lowercase_words;
      } else if (!(t.word && kConnectors.count(t.lower)) && t.lower != "the" && t.text != "&") {
        break;
      }
      ++j;
    }
    if (initials.size() < 3 || j + 2 >= s.last_token || tokens[j].text != "(" || tokens[j + 2].text != ")") return 0;
    std::string capitals;
    for (char ch : tokens[j + 1].text)
      if (ch >= 'A' && ch <= 'Z') capitals += ch;
    return capitals == initials && !kConnectors.count(tokens[j - 1].lower) ? j : 0;
  }

  void names(const Sentence& s) {
    int i = s.first_token;
    while (i < s.last_token) {
      const Token& tok = tokens[i];
      if (covered[i] || !tok.word || !tok.capitalized) {
        ++i;
        continue;
      }
      {
        const int start = tok.lower == "the" && i + 1 < s.last_token ? i + 1 : i;
        if (const int end = spelled_out_before_acronym(start, s); end && !lex.is_non_name(tokens[start].text)) {
          Mention m = make(start, end, MentionType::name);
          auto head = lex.name_heads.find(tokens[end - 1].lower);  // "... Regulatory Agency"
          m.kind = head != lex.name_heads.end() ? head->second : kind_from_shape(start, end);
          if (m.kind.empty() || m.kind == "person") m.kind = "organization";
          cover(start, end);
          mentions.push_back(std::move(m));
          i = end;
          continue;
        }
      }
      auto [glen, gindex] = gazetteer_at(i, s.last_token);
      // The capitalized sequence starting here.
      int j = i;
      std::size_t end_offset = 0;
      while (j < s.last_token) {
        const Token& t = tokens[j];
        if (covered[j]) break;
        // "Maintaining America": a known name starts inside; but "Bank of Lisbon",
        // "University of California" keep a place after a head and a connector.
        const bool after_head_connector = j >= 2 && kConnectors.count(tokens[j - 1].lower) &&
                                          lex.name_heads.count(tokens[j - 2].lower);
        if (j > i && glen == 0 && gazetteer_at(j, s.last_token).first > 0 &&
            !lex.name_heads.count(tokens[j - 1].lower) && !after_head_connector)
          break;
        const bool amount = t.has_digit && j + 1 < s.last_token && kMagnitudes.count(tokens[j + 1].lower);
        if (t.word && (t.capitalized || (t.has_digit && j > i && !is_year(t) && !amount))) {
          if (t.text.find('-') != std::string::npos) {
            const std::size_t keep = capitalized_prefix(t.text);
            if (keep < t.text.size()) {
              if (keep > 0) {
                end_offset = t.start + keep;
                ++j;
              }
              break;
            }
          }
          ++j;
          continue;
        }
        // Name particles between capitalized words: "Dar es Salaam", "Karel de Vries",
        // "Jan van der Berg".
        if (t.word && lex.name_particles.count(t.text) && j > i && tokens[j - 1].capitalized) {
          int next = j + 1;
          while (next < s.last_token && tokens[next].word && lex.name_particles.count(tokens[next].text)) ++next;
          if (next < s.last_token && next - j <= 2 && tokens[next].capitalized && tokens[next].word && !covered[next]) {
            j = next;
            continue;
          }
        }
        // "Bureau of Industry and Security", "Center for Security and Emerging Technology":
        // connectors only after a name head, "and" only after such a connector.
        if ((t.word || t.text == "&") && kConnectors.count(t.lower) && j > i && j + 1 < s.last_token) {
          int k = j + 1;
          if (tokens[k].lower == "the" && k + 1 < s.last_token) ++k;
          const Token& next = tokens[k];
          bool head_before = false;
          for (int h = i; h < j; ++h) head_before = head_before || lex.name_heads.count(tokens[h].lower);
          // A corporate suffix ends a name: "Ford Motor Co and Stellantis" are two.
          if (kCorporateSuffixes.count(tokens[j - 1].lower)) head_before = false;
          // "Parents for Choice", "Lawyers for Justice": a plural word naming members, then "for".
          bool members_for = t.lower == "for" && tokens[j - 1].lower.size() > 3 && tokens[j - 1].lower.ends_with("s") &&
                             !lex.is_non_name(tokens[j - 1].text);
          for (int h = i; h < j - 1 && members_for; ++h) members_for = lex.is_non_name(tokens[h].text);  // "But"
          // "Skylane Airways and Norvik Air": a head ends a name without connectors, so "and"
          // starts another ("Department of Health and Human Services" stays one).
          bool connector_before = false;
          for (int h = i; h < j; ++h) connector_before = connector_before || kConnectors.count(tokens[h].lower);
          if (t.lower == "and" && !connector_before && lex.name_heads.count(tokens[j - 1].lower)) head_before = false;
          // "Immigration and Naturalization Service": a public body's head closes the run after "and".
          bool body_after = false;
          if (t.lower == "and" && !head_before && j - i <= 2 && k == j + 1)  // "and the X Agency" is another
            for (int h = k; h < std::min(s.last_token, k + 3) && tokens[h].capitalized && !covered[h]; ++h) {
              auto head = lex.name_heads.find(tokens[h].lower);
              if (head != lex.name_heads.end() && head->second == "government" && h > k) body_after = true;
            }
          const bool ok_connector = t.lower == "&" || members_for || body_after ||
                                    (t.lower == "and" ? head_before && j - i >= 2 : head_before);
          if (next.word && next.capitalized && !covered[k] && !lex.is_non_name(next.text) && ok_connector &&
              t.lower != "on" && next.text.find('-') == std::string::npos) {
            j = k;
            continue;
          }
        }
        break;
      }
      if (j == i) {
        ++i;
        continue;
      }
      int first = i, last = j;
      const int sequence_end = j;
      // "UK Athletics", "China Daily": a country opening a short name of plain capitalized
      // words (no title: "U.S. Commerce Secretary X") is part of an organization's name.
      bool country_led = glen > 0 && glen < last - first && last - first - glen <= 2 && !end_offset &&
                         lex.gazetteer[gindex].kind == "government" && first == i;
      for (int k = first + glen; k < last && country_led; ++k)
        country_led = tokens[k].word && tokens[k].capitalized && !tokens[k].all_caps &&
                      !lex.is_non_name(tokens[k].text) && !lex.is_demonym(tokens[k].text) &&
                      !match_any(tokens, k, last, lex.titles) && !lex.descriptions.count(tokens[k].lower) &&
                      gazetteer_at(k, last).first == 0;
      if (country_led && last < s.last_token && tokens[last].capitalized) country_led = false;
      // Gazetteer entries win unless the capitalized sequence is a longer name with a kind head.
      if (!country_led && glen > 0 &&
          (glen >= last - first || !lex.name_heads.count(tokens[last - 1].lower) || end_offset)) {
        emit_gazetteer(first, glen, gindex);
        i = first + glen;
        continue;
      }
      // "Director of AI Products at Kestrel": a department inside a title; the employer follows "at".
      if (first >= 2 && tokens[first - 1].lower == "of" && last + 1 < s.last_token && tokens[last].lower == "at" &&
          tokens[last + 1].capitalized && !end_offset) {
        if (title_before(first - 1, s.first_token)) {
          cover(first, last);
          i = sequence_end;
          continue;
        }
      }
      // "registered as a Public Benefit Corporation": after "as a", a category, not an actor.
      if (first >= 2 && (tokens[first - 1].lower == "a" || tokens[first - 1].lower == "an") &&
          tokens[first - 2].lower == "as") {
        cover(first, last);
        i = sequence_end;
        continue;
      }
      // Trim titles, function words and demonyms at the start, function words at the end.
      // Acronyms such as "AI" stay inside a name that ends with a kind head ("AI Safety Rule").
      const bool headed = lex.name_heads.count(tokens[last - 1].lower) > 0 && last - first > 1;
      bool person_cue = false, title_of = false;
      // A title inside the sequence before a person-shaped name: "Finance Minister Ilse Brandvik",
      // "FTC Chair Renata Solis". The remainder must not end with a kind head ("General Motors").
      for (int k = last - 2; k > first; --k) {
        const int title_len = match_any(tokens, k, last, lex.titles);
        if (title_len == 0 || k + title_len >= last || !tokens[k].capitalized) continue;
        const int rest = last - (k + title_len);
        if (rest <= 3 && !lex.name_heads.count(tokens[last - 1].lower) &&
            !kConnectors.count(tokens[k + title_len].lower)) {
          first = k + title_len;
          person_cue = true;
        }
        break;
      }
      while (first < last) {
        const int title_len = match_any(tokens, first, last, lex.titles);
        if (title_len > 0 && title_len < last - first && lex.name_heads.count(tokens[last - 1].lower) &&
            !kConnectors.count(tokens[first + title_len].lower))
          break;  // "General Motors", "Chief Justice Court": the title word belongs to the name
        if (title_len > 0) {
          if (title_len == last - first) {
            first = last;  // only a title ("Senior Director")
            break;
          }
          first += title_len;
          if (kConnectors.count(tokens[first].lower)) title_of = true;  // "CEO of X": X is the employer
          else person_cue = true;
          continue;
        }
        const Token& t = tokens[first];
        if (headed && (t.all_caps || lex.is_demonym(t.text))) break;  // "AI Safety Rule", "European Medicines Agency"
        if (headed && kCompassWords.count(t.lower)) break;               // "North Atlantic Fisheries Accord"
        if (headed && kOrdinalWords.count(t.lower)) break;               // "First Amendment", "Second Circuit"
        // "New York", "New Delhi", "New York Stock Exchange": "New" before a name is part of it,
        // unless it opens a sentence before a plural ("New Rules Take Effect").
        if (t.lower == "new" && first + 1 < last && !(opens_sentence(first, s) && !headed &&
                                                      tokens[first + 1].lower.ends_with("s")))
          break;
        if (filler(first, first + 1 == last ? end_offset : 0)) {
          ++first;
          continue;
        }
        // A role noun before a name ("Developer Stonegate Homes", "Carmaker Kestrel Motors");
        // words that also end names ("Bank of ...", "Union Pacific") stay.
        if (first == i && last - first > 1 && opens_sentence(first, s) && lex.descriptions.count(t.lower) &&
            !lex.name_heads.count(t.lower) && tokens[first + 1].capitalized) {
          ++first;
          continue;
        }
        // A sentence-initial verb or adverb form before a name ("Maintaining", "Notably").
        if (first == i && last - first > 1 && opens_sentence(first, s) && verb_or_adverb_shape(t.lower)) {
          ++first;
          continue;
        }
        break;
      }
      // "Environmental group Green Future": after a role noun the whole sequence is the name.
      const bool introduced_by_role = first > s.first_token && !tokens[first - 1].capitalized &&
                                      lex.descriptions.count(tokens[first - 1].lower) && last - first >= 2;
      while (last > first && filler(last - 1, last == sequence_end ? end_offset : 0)) {
        if (introduced_by_role && !kWeekdays.count(tokens[last - 1].lower) &&
            !kConnectors.count(tokens[last - 1].lower) && tokens[last - 1].word)
          break;
        --last;
        end_offset = 0;
      }
      if (last != sequence_end) end_offset = 0;
      // "West Coast (American)", "North Sea": a compass word and one more word name a region.
      if (first == i + 1 && last - first == 1 && kCompassWords.count(tokens[i].lower) &&
          !lex.name_heads.count(tokens[first].lower)) {
        cover(i, sequence_end);
        i = sequence_end;
        continue;
      }
      bool has_letters = false;
      for (int t = first; t < last; ++t) has_letters = has_letters || (tokens[t].capitalized && !tokens[t].has_digit) ||
                                                      (tokens[t].capitalized && t == first);
      if (first >= last || !has_letters || tokens[first].text[0] < 'A' ||
          (tokens[first].text[0] > 'Z' && tokens[first].text[0] < 'a')) {
        i = sequence_end;
        continue;
      }
      if (first != i) {
        auto [g2, gi2] = gazetteer_at(first, s.last_token);
        if (g2 > 0 && first + g2 >= last) {
          emit_gazetteer(first, g2, gi2);
          i = first + g2;
          continue;
        }
      }
      Mention m = make(first, last, MentionType::name, end_offset);
      // A dateline opening the text: "NEW YORK (AP) _", "NAIROBI, Kenya".
      bool dateline = first == 0 && last < s.last_token &&
                      (tokens[last].text == "," || tokens[last].text == "(" || tokens[last].text == "_" ||
                       tokens[last].text == "-" || tokens[last].text == "--");
      for (int k = first; k < last && dateline; ++k) dateline = tokens[k].all_caps;
      // "the Ardel valley": a name before a geographic noun is a place.
      const bool place_noun_follows = (last < s.last_token && !end_offset && lex.place_nouns.count(tokens[last].lower)) ||
                                      (last - first >= 2 && lex.place_nouns.count(tokens[last - 1].lower) &&
                                       !lex.name_heads.count(tokens[last - 1].lower));
      if (lex.places.count(m.text) || place_noun_follows || dateline ||
          (last - first >= 2 && lex.occasion_heads.count(tokens[last - 1].lower))) {
        cover(first, last);
        i = sequence_end;
        continue;
      }
      if (opens_sentence(first, s) && last - first == 1 && !initial_word_is_name(first, last, s)) m.weak = true;
      // A lone capitalized word after "a"/"an" is a common noun ("like a Pro"); a lone
      // all-capitals word is emphasis ("a BOLD move") unless it recurs (see coreference).
      if (last - first == 1 && first > s.first_token &&
          (tokens[first - 1].lower == "a" || tokens[first - 1].lower == "an") &&
          !match_any(tokens, last, s.last_token, lex.spokespeople))
        m.weak = true;
      // ... but "(PAAL)" after a name introduces an acronym.
      // ... and so does a noun saying what it is ("the consumer group BEUC").
      if (last - first == 1 && tokens[first].all_caps && tokens[first].text.size() >= 4 &&
          !(first > s.first_token && tokens[first - 1].text == "(") &&
          !(first > s.first_token && lex.descriptions.count(tokens[first - 1].lower)))
        m.emphasis = true;
      // "the rules are WORKING": capitals after a copula are emphasis however often they recur.
      if (m.emphasis && first > s.first_token && kCopulas.count(tokens[first - 1].lower)) m.weak = true;
      if (title_of) m.weak = true;

      if (apposition_title(last, s.last_token)) m.weak = false;  // "Ines Varga, port director" under a quote
      m.person_cue = person_cue || title_before(first, s.first_token) || apposition_title(last, s.last_token) ||
                     title_apposition_before(first, s.first_token);
      m.kind = m.person_cue ? "person" : kind_from_shape(first, last);
      if (!m.person_cue) {
        const std::string described = described_before(first, s.first_token);
        if (described == "organization" || described == "government" || described == "media") m.kind = described;
      }
      if (!m.person_cue && (m.kind.empty() || m.kind == "person") && employer_before_title(last, s.last_token))
        m.kind = "organization";
      // "the Marlow administration", "the Keane government": a government named after its leader.
      if (last < s.last_token && !end_offset &&
          (tokens[last].lower == "administration" || tokens[last].lower == "government") && !covered[last]) {
        m = make(first, last + 1, MentionType::name);
        m.kind = "government";
        ++last;
      }
      cover(first, last);
      mentions.push_back(std::move(m));
      i = std::max(sequence_end, last);
    }
  }

  bool plausible_description_end(int after, int limit) const {
    if (after >= limit) return true;
    const Token& t = tokens[after];
    if (!t.word) return true;
    if (kAuxiliaries.count(t.lower) || lex.is_non_name(t.text)) return true;
    const std::string& w = t.lower;
    return w.size() > 3 && (w.ends_with("s") || w.ends_with("ed"));
  }

  void descriptions(const Sentence& s) {
    for (int t = s.first_token; t < s.last_token; ++t) {
      const Token& head = tokens[t];
      if (!head.word || covered[t]) continue;
      // "new controls" style two-word heads are listed as phrases.
      std::string head_key = head.lower;
      int head_first = t;
      if (t > s.first_token && lex.description_second_words.count(head.lower) &&
          lex.descriptions.count(tokens[t - 1].lower + " " + head.lower)) {
        head_key = tokens[t - 1].lower + " " + head.lower;
        head_first = t - 1;
      }
      auto d = lex.descriptions.find(head_key);
      // "the secretary", "the transport minister": a title alone refers back to whoever holds it.
      const bool title = d == lex.descriptions.end() && head.lower.size() > 3 && !head.capitalized &&
                         match_any(tokens, t, t + 1, lex.titles) == 1 && !lex.group_nouns.count(head.lower) &&
                         !head.lower.ends_with("s");
      if (d == lex.descriptions.end() && !title) continue;
      if (!plausible_description_end(t + 1, s.last_token)) continue;
      if (title && t + 1 < s.last_token && tokens[t + 1].capitalized) continue;  // "the secretary Ann Lee"
      int det = -1;
      int possessor_end = -1;  // "Denver's city council": the "'s" that opens it
      for (int k = head_first - 1; k >= std::max(s.first_token, head_first - 5); --k) {
        const Token& tk = tokens[k];
        if (kDeterminers.count(tk.lower)) {
          det = k;
          break;
        }
        if (tk.lower == "'s" && d != lex.descriptions.end() && d->second == "government" && !title &&
            head.lower != "government" && head.lower != "administration" && k > s.first_token && covered[k - 1]) {
          possessor_end = k;
          break;
        }
        // A plural possessor qualifies the head: "the employers' association".
        if (tk.text == "'" && k - 1 > s.first_token && tokens[k - 1].lower.ends_with("s") &&
            tokens[k - 1].end == tk.start && !tokens[k - 1].capitalized)
          continue;
        // Modifiers are content words: a function word or another head ends the phrase.
        // Adjectives among the non-names still qualify a head: "the central bank", "the public broadcaster".
        if (!tk.word || (lex.is_non_name(tk.text) && !tk.capitalized && !adjective_shape(tk.lower)) ||
            lex.descriptions.count(tk.lower))
          break;
      }
      if (possessor_end >= 0) {
        // A place's body named by its role: a name of its own ("Denver city council"), which
        // a fuller name further on may turn out to be (see coreference).
        // The owner: a government or unknown name, or a place ("Denver's"), never a company's.
        std::string owner_text;
        for (const Mention& o : mentions)
          if (o.last_token == possessor_end && o.type == MentionType::name)
            owner_text = o.kind == "government" || o.kind.empty() ? o.text : "-";
        int first_word = possessor_end + 1;
        if (owner_text.empty() && tokens[possessor_end - 1].capitalized && tokens[possessor_end - 1].word) {
          owner_text = tokens[possessor_end - 1].text;
          first_word = possessor_end - 1;  // a place has no mention of its own: "Denver's city council"
        }
        if (owner_text.empty() || owner_text == "-") continue;
        Mention m = make(first_word, t + 1, MentionType::name);
        if (m.in_quote) continue;
        m.kind = "government";
        m.possessed = true;
        m.canonical = owner_text;
        for (int k = possessor_end + 1; k <= t; ++k) m.canonical += " " + tokens[k].text;
        cover(first_word, t + 1);
        mentions.push_back(std::move(m));
        continue;
      }
      if (det < 0) continue;
      Mention m = make(det, t + 1, MentionType::description);
      if (m.in_quote) continue;
      m.kind = title ? "person" : d->second;
      m.plural = head.lower.ends_with("s") && m.kind == "rule";
      mentions.push_back(std::move(m));
    }
  }

  // Unnamed groups acting as subjects: "Critics argue", "Environmental groups praised",
  // "Fishing industry groups in both countries warned". Not "Analysts at Halvard Capital
  // warned": there the named body acts.
  void groups(const Sentence& s) {
    for (int t = s.first_token; t < s.last_token; ++t) {
      if (covered[t] || !lex.group_nouns.count(tokens[t].lower)) continue;
      int first = t;
      while (first - 1 >= s.first_token && t - first < 3) {
        // "parents' groups": a plural possessor modifies the head.
        if (tokens[first - 1].text == "'" && first - 2 >= s.first_token && tokens[first - 2].lower.ends_with("s") &&
            tokens[first - 1].start == tokens[first - 2].end) {
          first -= 2;
          continue;
        }
        const Token& prev = tokens[first - 1];
        if (!prev.word || covered[first - 1] || prev.has_digit || kDeterminers.count(prev.lower) ||
            kAuxiliaries.count(prev.lower) || lex.group_nouns.count(prev.lower))
          break;
        if (lex.is_non_name(prev.text) && !adjective_shape(prev.lower)) break;
        // A capitalized modifier is a name ("Corvane engineers"), unless it opens the sentence
        // or names a nation or party ("Republican lawmakers").
        if (prev.capitalized && !opens_sentence(first - 1, s) && !lex.is_demonym(prev.text)) break;
        if (kGroupQuantifiers.count(prev.lower)) break;
        --first;
      }
      // At the start of a clause ("Critics argue", ", and environmental groups said"), or
      // the source of a criticism ("drew criticism from parents' groups, who accused ...").
      const bool source = first > s.first_token && tokens[first - 1].lower == "from";
      if (first > s.first_token && tokens[first - 1].word && !kDeterminers.count(tokens[first - 1].lower) &&
          !kGroupQuantifiers.count(tokens[first - 1].lower) && tokens[first - 1].lower != "and" && !source)
        continue;
      int verb = t + 1;
      if (source && verb + 1 < s.last_token && tokens[verb].text == "," && tokens[verb + 1].lower == "who")
        verb += 2;
      else if (source)
        continue;
      // A short prepositional phrase without names: "in both countries".
      if (verb < s.last_token && (tokens[verb].lower == "in" || tokens[verb].lower == "across" ||
                                  tokens[verb].lower == "from" || tokens[verb].lower == "at")) {
        int k = verb + 1;
        while (k < s.last_token && k - verb <= 4 && tokens[k].word && !tokens[k].capitalized && !covered[k] &&
               !verb_follows(k, s.last_token))
          ++k;
        if (k - verb > 4 || k >= s.last_token || tokens[k].capitalized || covered[k]) continue;
        verb = k;
      }
      if (!verb_follows(verb, s.last_token)) continue;
      Mention m = make(first, t + 1, MentionType::name);
      if (m.in_quote) continue;
      m.kind = "group";
      m.canonical = m.text;
      m.canonical[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(m.canonical[0])));
      cover(first, t + 1);
      mentions.push_back(std::move(m));
    }
  }

  void pronouns(const Sentence& s) {
    for (int t = s.first_token; t < s.last_token; ++t) {
      const std::string& w = tokens[t].lower;
      const bool personal = w == "he" || w == "she";
      // "it"/"they" only as the subject of a reporting or event verb ("they warned"):
      // elsewhere they are mostly things ("it is unclear").
      const bool collective = (w == "it" || w == "they") && verb_follows(t + 1, s.last_token);
      if (!personal && !collective) continue;
      Mention m = make(t, t + 1, MentionType::pronoun);
      if (m.in_quote) continue;
      m.kind = personal ? "person" : "organization";
      mentions.push_back(std::move(m));
    }
  }

  void spokespeople(const Sentence& s) {
    for (int t = s.first_token; t < s.last_token; ++t) {
      const int len = match_any(tokens, t, s.last_token, lex.spokespeople);
      if (!len) continue;
      int first = t, last = t + len;
      std::string described_kind;
      if (first > s.first_token && !covered[first - 1]) {
        auto described = lex.descriptions.find(tokens[first - 1].lower);
        if (described != lex.descriptions.end()) {
          --first;  // "a company spokesperson", "an agency spokeswoman"
          described_kind = described->second;
        }
      }
      if (first > s.first_token) {
        const std::string& prev = tokens[first - 1].lower;
        if (prev == "a" || prev == "an" || prev == "the" || prev == "its" || prev == "their" || prev == "one")
          --first;
      }
      Mention m = make(first, last, MentionType::spokesperson);
      if (m.in_quote) continue;
      m.kind = "organization";
      if (!described_kind.empty() && described_kind != "rule" && described_kind != "product") {
        m.kind = described_kind;
        m.described = true;
      }
      // "X spokesperson", "X's spokesperson": the name right before.
      // "spokesperson for X", "Representatives of X": the name right after.
      for (std::size_t k = 0; k < mentions.size(); ++k) {
        const Mention& other = mentions[k];
        if (other.type != MentionType::name && other.type != MentionType::policy) continue;
        const bool before = other.last_token == t || (other.possessive && other.last_token + 1 == t);
        const int gap = last + 1 < s.last_token && tokens[last + 1].lower == "the" ? 2 : 1;
        const bool after = last + gap < s.last_token && other.first_token == last + gap &&
                           (tokens[last].lower == "for" || tokens[last].lower == "of" || tokens[last].lower == "from" ||
                            tokens[last].lower == "at");
        if (before || after) m.spokes_for = static_cast<int>(k);
      }
      mentions.push_back(std::move(m));
      t = last - 1;
    }
  }
};

}  // namespace

std::vector<Mention> find_mentions(const TextAnalysis& text, const std::vector<QuoteSpan>& quotes,
                                   const ExtractResources& lex) {
  Builder b{text, text.tokens(), lex, quotes, {}, std::vector<char>(text.tokens().size(), 0)};
  for (const Sentence& s : text.sentences()) b.policies(s);
  for (const Sentence& s : text.sentences()) b.groups(s);
  for (const Sentence& s : text.sentences()) b.names(s);
  for (const Sentence& s : text.sentences()) b.effective_subjects(s);
  for (const Sentence& s : text.sentences()) b.descriptions(s);
  for (const Sentence& s : text.sentences()) b.pronouns(s);
  // Spokespeople link to name mentions by index, so sort names first.
  std::stable_sort(b.mentions.begin(), b.mentions.end(),
                   [](const Mention& a, const Mention& c) { return a.start < c.start; });
  for (const Sentence& s : text.sentences()) b.spokespeople(s);
  // Sorting again would invalidate spokes_for indices: remap them.
  std::vector<int> order(b.mentions.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = static_cast<int>(k);
  std::stable_sort(order.begin(), order.end(),
                   [&](int a, int c) { return b.mentions[a].start < b.mentions[c].start; });
  std::vector<int> new_index(order.size());
  for (std::size_t k = 0; k < order.size(); ++k) new_index[order[k]] = static_cast<int>(k);
  std::vector<Mention> sorted;
  sorted.reserve(order.size());
  for (int k : order) {
    Mention m = std::move(b.mentions[k]);
    if (m.spokes_for >= 0) m.spokes_for = new_index[m.spokes_for];
    sorted.push_back(std::move(m));
  }
  return sorted;
}

}  // namespace evgraph
