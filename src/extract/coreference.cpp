#include "evgraph/coreference.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <unordered_map>

#include "evgraph/fixed_word_set.h"

namespace evgraph {

namespace {

const FixedWordSet kGenericHeads = {"company", "firm", "group", "organization", "organisation",
                                             "corporation", "startup", "start-up"};

const FixedWordSet kPrepositions = {"of",   "for",  "at",      "in",   "from",  "with",      "to",
                                             "by",   "on",   "about",   "against", "like", "including", "than",
                                             "into", "over", "toward",  "towards", "between", "among", "as",
                                             "via",  "through", "behind", "beyond", "under", "amid", "without"};

std::vector<std::string> words_of(const std::string& name) {
  std::vector<std::string> words;
  std::string current;
  for (char c : name) {
    if (c == ' ') {
      if (!current.empty()) words.push_back(current);
      current.clear();
    } else {
      current.push_back(c);
    }
  }
  if (!current.empty()) words.push_back(current);
  return words;
}

// The number of words_of(name), without building them.
std::size_t word_count(const std::string& name) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < name.size(); ++i)
    if (name[i] != ' ' && (i == 0 || name[i - 1] == ' ')) ++count;
  return count;
}

bool is_all_caps_word(const std::string& w) {
  int letters = 0;
  for (char c : w) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++letters;
  }
  return letters >= 2;
}

std::string initials(const std::string& name) {
  std::string out;
  for (const std::string& w : words_of(name))
    if (!w.empty() && w[0] >= 'A' && w[0] <= 'Z') out.push_back(w[0]);
  return out;
}

// Modifiers that say nothing about which body is meant ("the federal agency").
const FixedWordSet kPlainModifiers = {"new",      "federal", "national", "local", "state",  "regional",
                                               "top",      "main",    "former",   "current", "country's", "city's",
                                               "state's", "nation's", "powerful", "independent", "influential"};
const FixedWordSet kLocatives = {"in", "to", "into", "at", "across", "near", "from", "off", "throughout"};

// True when a (lowercase) word of a name is one descriptions.txt lists for a role noun
// ("the union" -> "Federation").
bool role_hint(const ExtractResources& lex, const std::string& head, const std::string& word) {
  const auto hinted = lex.description_name_words.find(head);
  return hinted != lex.description_name_words.end() && hinted->second.count(word);
}

// ... or the role noun itself: the name marks the body the noun describes.
bool marks_role(const ExtractResources& lex, const std::string& head, const std::string& word) {
  return word == head || role_hint(lex, head, word);
}

bool compatible_kind(const std::string& wanted, const std::string& actual) {
  if (wanted == actual) return true;
  // An outlet is mostly a source ("told Reuters"), not "the company" of the story.
  if (wanted == "organization") return actual.empty();
  if (wanted == "media") return actual == "organization" || actual.empty();
  return false;
}

struct Clusters {
  std::vector<ActorCluster> actors;
  std::unordered_map<std::string, int> by_key;  // looked up, never iterated
  std::vector<std::vector<std::string>> surfaces;
  std::vector<std::map<std::string, int>> kind_votes;

  int add(const std::string& key, const std::string& name) {
    auto it = by_key.find(key);
    if (it != by_key.end()) return it->second;
    const int index = static_cast<int>(actors.size());
    actors.push_back({name, "", {}});
    surfaces.emplace_back();
    kind_votes.emplace_back();
    by_key[key] = index;
    return index;
  }
};

// Legal-form suffixes that do not change who is meant ("Orbica Inc." = "Orbica").
const FixedWordSet kLegalSuffixes = {"inc", "inc.", "corp", "corp.", "ltd", "ltd.", "llc",
                                              "plc", "co.", "ag", "gmbh", "s.a.", "sa"};

std::string key_of(const Mention& m, const ExtractResources& lex) {
  if (!m.canonical.empty()) return (m.type == MentionType::policy ? "policy:" : "gaz:") + ascii_lower(m.canonical);
  std::string key = ascii_lower(m.text);
  // A capitalized policy phrase ("Export Controls") is the generic rule.
  const Phrase words = make_phrase(key);
  for (std::size_t i = 0; i < lex.policy_phrases.size(); ++i)
    if (lex.policy_phrases[i] == words) return "policy:" + ascii_lower(lex.policy_canonical[i]);
  const std::size_t space = key.rfind(' ');
  if (space != std::string::npos && kLegalSuffixes.count(key.substr(space + 1))) key.resize(space);
  return key;
}

}  // namespace

bool after_preposition(const TextAnalysis& text, const Mention& m) {
  const auto& tokens = text.tokens();
  int k = m.first_token - 1;
  if (k >= 0 && tokens[k].lower == "the") --k;
  if (k >= 0 && kPrepositions.count(tokens[k].lower) && tokens[k].sentence == m.sentence) return true;
  // "with Google and OpenAI": a conjunct of a prepositional object (up to four words back).
  if (k >= 0 && (tokens[k].lower == "and" || tokens[k].lower == "or")) {
    for (int j = k - 1; j >= std::max(0, k - 5) && tokens[j].sentence == m.sentence; --j) {
      if (!tokens[j].word) return false;
      if (kPrepositions.count(tokens[j].lower)) return true;
    }
  }
  return false;
}

int sentence_subject(const TextAnalysis& text, const std::vector<Mention>& mentions, int sentence, int before) {
  for (const Mention& m : mentions) {
    if (m.sentence != sentence || m.first_token >= before) continue;
    if (m.actor < 0 || m.in_quote) continue;
    if (after_preposition(text, m) && !m.possessive) continue;
    return m.actor;
  }
  return -1;
}

std::vector<ActorCluster> resolve_actors(const TextAnalysis& text, std::vector<Mention>& mentions,
                                         const ExtractResources& lex) {
  Clusters c;
  // Words of each mention's text, split on first use (descriptions look back at many).
  std::vector<std::vector<std::string>> text_words(mentions.size());
  std::vector<char> text_words_known(mentions.size(), 0);
  auto words_of_mention = [&](std::size_t i) -> const std::vector<std::string>& {
    if (!text_words_known[i]) text_words[i] = words_of(mentions[i].text), text_words_known[i] = 1;
    return text_words[i];
  };
  // Cluster keys, computed once per mention: several passes look them up.
  std::vector<std::string> keys(mentions.size());
  std::vector<char> key_known(mentions.size(), 0);
  auto key = [&](const Mention& m) -> const std::string& {
    const std::size_t i = static_cast<std::size_t>(&m - mentions.data());
    if (!key_known[i]) keys[i] = key_of(m, lex), key_known[i] = 1;
    return keys[i];
  };
  // 0. Emphasis in capitals ("a BOLD move") names an actor only when it recurs.
  {
    std::unordered_map<std::string, int> counts;
    for (const Mention& m : mentions)
      if (m.type == MentionType::name) ++counts[key(m)];
    for (Mention& m : mentions)
      if (m.emphasis && m.canonical.empty() && counts[key(m)] < 2) m.weak = true;
  }
  // 1. Strong names and policy phrases make actors; case variants share a key.
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    Mention& m = mentions[i];
    if (m.type != MentionType::name && m.type != MentionType::policy) continue;
    if (m.weak) continue;
    const int a = c.add(key(m), m.canonical.empty() ? m.text : m.canonical);
    m.actor = a;
    c.surfaces[a].push_back(m.text);
    if (!m.kind.empty()) c.kind_votes[a][m.kind] += m.person_cue ? 3 : 1;
  }
  auto kind_of = [&](int a) -> const std::string& {  // a reference: called in pairwise loops
    static const std::string kNone;
    const std::string* best = &kNone;
    int votes = 0;
    for (const auto& [k, v] : c.kind_votes[a])
      if (v > votes) best = &k, votes = v;
    return *best;
  };

  // Alias merging: `from` joins `into`.
  std::vector<int> parent(c.actors.size());
  for (std::size_t a = 0; a < parent.size(); ++a) parent[a] = static_cast<int>(a);
  auto find = [&](int a) {
    while (parent[a] != a) a = parent[a];
    return a;
  };
  auto merge = [&](int from, int into) {
    from = find(from);
    into = find(into);
    if (from == into) return;
    parent[from] = into;
    for (const auto& [k, v] : c.kind_votes[from]) c.kind_votes[into][k] += v;
  };

  const int n = static_cast<int>(c.actors.size());
  // The words of each actor's name, split once for the pairwise passes below.
  std::vector<std::vector<std::string>> name_words(n);
  for (int a = 0; a < n; ++a) name_words[a] = words_of(c.actors[a].name);
  // 2. A lone first name or surname joins the one multi-word person it belongs to.
  auto person_for_word = [&](const std::string& word, int self) {
    int found = -1;
    for (int b = 0; b < n; ++b) {
      if (b == self || find(b) != b) continue;
      if (kind_of(b) != "person") continue;
      const auto& w = name_words[b];
      if (w.size() < 2) continue;
      if (ascii_lower(w.front()) == word || ascii_lower(w.back()) == word) {
        if (found >= 0 && find(found) != find(b)) return -2;  // ambiguous
        found = b;
      }
    }
    return found;
  };
  for (int a = 0; a < n; ++a) {
    const auto& w = name_words[a];
    if (w.size() != 1) continue;
    const std::string k = kind_of(a);
    if (!k.empty() && k != "person") continue;
    const int p = person_for_word(ascii_lower(w[0]), a);
    if (p >= 0) merge(a, p);
  }
  // 2b. A lone word that starts exactly one multi-word organization name joins it
  // ("Kestrel" -> "Kestrel Motors"); gazetteer names and products stay apart.
  for (int a = 0; a < n; ++a) {
    const auto& w = name_words[a];
    if (w.size() != 1 || c.by_key.count("gaz:" + ascii_lower(c.actors[a].name))) continue;
    const std::string k = kind_of(a);
    if (!k.empty() && k != "organization") continue;
    int found = -1;
    for (int b = 0; b < n; ++b) {
      if (b == a || find(b) != b) continue;
      const auto& wb = name_words[b];
      const std::string kb = kind_of(b);
      if (wb.size() < 2 || wb.front() != w[0] || (kb != "organization" && !kb.empty())) continue;
      found = found == -1 ? b : -2;
    }
    if (found >= 0) merge(a, found);
  }
  // 2c. A capitalized head noun alone ("the Commission", "the Ministry") joins the
  // one multi-word body whose name ends with it ("European Commission").
  for (int a = 0; a < n; ++a) {
    const auto& w = name_words[a];
    if (w.size() != 1 || !lex.descriptions.count(ascii_lower(w[0]))) continue;
    const std::string k = kind_of(a);
    if (k == "person" || k == "rule" || k == "product") continue;
    int found = -1;
    for (int b = 0; b < n; ++b) {
      if (b == a || find(b) != b) continue;
      const auto& wb = name_words[b];
      const std::string kb = kind_of(b);
      if (wb.size() < 2 || ascii_lower(wb.back()) != ascii_lower(w[0]) || kb == "person" || kb == "rule" ||
          kb == "product")
        continue;
      found = found == -1 ? b : -2;
    }
    if (found >= 0) merge(a, found);
  }
  // 2d. A name that is the part before "of" of exactly one longer body's name joins it
  // ("Serum Institute" -> "Serum Institute of Varnia").
  for (int a = 0; a < n; ++a) {
    const auto& w = name_words[a];
    const std::string k = kind_of(a);
    if (w.size() < 2 || k == "person" || k == "rule" || k == "product") continue;
    int found = -1;
    for (int b = 0; b < n; ++b) {
      if (b == a || find(b) != b) continue;
      const auto& wb = name_words[b];
      const std::string kb = kind_of(b);
      if (wb.size() <= w.size() + 1 || kb == "person" || kb == "rule" || kb == "product") continue;
      const std::string next = ascii_lower(wb[w.size()]);
      if ((next != "of" && next != "for") || !std::equal(w.begin(), w.end(), wb.begin())) continue;
      found = found == -1 ? b : -2;
    }
    if (found >= 0) merge(a, found);
  }
  // 2e. "Ireland's data protection regulator fined X ... The Data Protection Commission said":
  // a body named by place and role is the body named next whose name has the role's head
  // (or a word the lexicon lists for it), within three sentences.
  for (const Mention& m : mentions) {
    if (!m.possessed || m.actor < 0) continue;
    const auto mw = words_of(m.text);
    const std::string head = mw.empty() ? std::string() : ascii_lower(mw.back());
    bool named_later = false;
    for (const Mention& later : mentions) {
      if (later.start <= m.start || later.possessed || later.actor < 0 || later.type != MentionType::name) continue;
      if (later.sentence - m.sentence > 3) break;
      const std::string k = kind_of(later.actor);
      if (!k.empty() && k != "government") continue;
      bool named_so = false;
      for (const std::string& w : name_words[later.actor]) named_so = named_so || marks_role(lex, head, ascii_lower(w));
      if (!named_so || name_words[later.actor].size() < 2) continue;
      merge(m.actor, later.actor);
      named_later = true;
      break;
    }
    // Otherwise "Vestmark's foreign ministry" speaks for Vestmark, when Vestmark is an actor.
    if (!named_later)
      for (const Mention& owner : mentions)
        if (owner.last_token == m.first_token - 1 && owner.actor >= 0 && owner.type == MentionType::name &&
            (kind_of(owner.actor) == "government" || kind_of(owner.actor).empty()))
          merge(m.actor, owner.actor);
  }
  // 3. Acronyms: "Name (ACR)" in the text, or initials that spell the acronym.
  const auto& tokens = text.tokens();
  for (const Mention& m : mentions) {
    if (m.actor < 0 || m.last_token + 2 >= static_cast<int>(tokens.size())) continue;
    if (tokens[m.last_token].text != "(" || tokens[m.last_token + 2].text != ")") continue;
    for (const Mention& other : mentions)
      if (other.actor >= 0 && other.first_token == m.last_token + 1) merge(other.actor, m.actor);
  }
  for (int a = 0; a < n; ++a) {
    const std::string& name = c.actors[a].name;
    if (name.find(' ') != std::string::npos || !is_all_caps_word(name)) continue;
    int found = -1;
    for (int b = 0; b < n; ++b) {
      if (b == a || name_words[b].size() < 2) continue;
      if (initials(c.actors[b].name) == name) found = found == -1 ? b : -2;
    }
    if (found >= 0) merge(a, found);
  }
  // 4. Rules whose distinctive words agree ("Clean Freight Rule", "Freight Framework").
  auto distinctive = [&](int a) {
    std::set<std::string> words;
    for (const std::string& w : name_words[a]) {
      const std::string lw = ascii_lower(w);
      if (lex.is_non_name(lw) || lex.name_heads.count(lw) || lex.is_demonym(lw)) continue;
      words.insert(lw);
    }
    return words;
  };
  for (int a = 0; a < n; ++a) {
    if (kind_of(a) != "rule" || c.actors[a].name.find(' ') == std::string::npos) continue;
    const auto wa = distinctive(a);
    if (wa.empty()) continue;
    for (int b = a + 1; b < n; ++b) {
      if (kind_of(b) != "rule" || c.actors[b].name.find(' ') == std::string::npos) continue;
      const auto wb = distinctive(b);
      if (wb.empty()) continue;
      const auto& small = wa.size() <= wb.size() ? wa : wb;
      const auto& large = wa.size() <= wb.size() ? wb : wa;
      if (std::includes(large.begin(), large.end(), small.begin(), small.end())) merge(a, b);
    }
  }
  for (Mention& m : mentions)
    if (m.actor >= 0) m.actor = find(m.actor);

  // 5. Weak mentions attach by key, gazetteer or name part; otherwise they are dropped.
  for (Mention& m : mentions) {
    if (!m.weak || (m.type != MentionType::name && m.type != MentionType::policy)) continue;
    auto it = c.by_key.find(key(m));
    if (it != c.by_key.end()) {
      m.actor = find(it->second);
      continue;
    }
    const auto w = words_of(m.text);
    if (w.size() == 1) {
      const int p = person_for_word(ascii_lower(w[0]), -1);
      if (p >= 0) m.actor = find(p);
    }
  }

  // 6. Descriptions, pronouns and spokespeople, in text order.
  int last_person = -1, last_person_sentence = -100;  // a known person
  int last_lone = -1, last_lone_sentence = -100;      // a lone word of unknown kind (a surname?)
  std::vector<int> subjects;                          // subject actor of each finished sentence
  int last_spokes_org = -1, last_spokes_sentence = -100;
  int last_org_subject = -1;
  int current_sentence = -1;
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    Mention& m = mentions[i];
    if (m.sentence != current_sentence) {
      // The previous sentence's organization subject is the default speaker for bare spokespeople.
      if (current_sentence >= 0) {
        const int subj = sentence_subject(text, mentions, current_sentence, 1 << 30);
        if (subj >= 0 && compatible_kind("organization", kind_of(subj))) last_org_subject = subj;
        if (subj >= 0) subjects.push_back(subj);
      }
      current_sentence = m.sentence;
    }
    if (m.type == MentionType::description) {
      const auto& description_words = words_of_mention(i);
      const std::string head = description_words.empty() ? std::string() : ascii_lower(description_words.back());
      const int subject = sentence_subject(text, mentions, m.sentence, m.first_token);
      // Opening its sentence ("The company said", "But the startup"), not deep in it
      // ("... do not represent the platform's views").
      const bool is_subject = subject < 0 && m.first_token - text.sentences()[m.sentence].first_token <= 2;
      int chosen = -1;
      // Apposition: "Corvane, the robotics startup, ..." describes the name before the comma.
      const auto& tokens = text.tokens();
      if (m.first_token >= 2 && tokens[m.first_token - 1].text == ",")
        for (int k = static_cast<int>(i) - 1; k >= 0; --k)
          if (mentions[k].last_token == m.first_token - 1 && mentions[k].actor >= 0 &&
              compatible_kind(m.kind, kind_of(mentions[k].actor))) {
            chosen = mentions[k].actor;
            break;
          }
      // "The employers' association, Harbour Operators Europe, said": the name that follows.
      if (chosen < 0 && m.last_token + 1 < static_cast<int>(tokens.size()) && tokens[m.last_token].text == "," &&
          i + 1 < mentions.size()) {
        const Mention& next = mentions[i + 1];
        if (next.first_token == m.last_token + 1 && next.type == MentionType::name && next.actor >= 0 &&
            compatible_kind(m.kind, kind_of(next.actor)) && next.last_token < static_cast<int>(tokens.size()) &&
            tokens[next.last_token].text == ",")
          chosen = next.actor;
      }
      // "the union" after "the United Auto Workers union" or "the Metalworkers
      // Federation", "the bank" after "the National Bank of X": the latest actor
      // whose name has the head noun or a word the lexicon lists for it.
      if (chosen < 0) {
        // Generic heads ("company", "firm", "group") in a name say little: "the company" is the topic.
        auto marks_name = [&](const std::string& word) {
          const std::string w = ascii_lower(word);
          return (w == head && !kGenericHeads.count(head)) || role_hint(lex, head, w);
        };
        for (int k = static_cast<int>(i) - 1; k >= 0 && chosen < 0 && !head.empty(); --k) {
          const Mention& prev = mentions[k];
          if (prev.actor < 0 || prev.type != MentionType::name || prev.first_token >= m.first_token) continue;
          if (!compatible_kind(m.kind, kind_of(prev.actor))) continue;
          const auto& pw = words_of_mention(static_cast<std::size_t>(k));
          const bool named_so = pw.size() >= 2 && std::any_of(pw.begin(), pw.end(), marks_name);
          const bool followed_by_head =
              prev.last_token < static_cast<int>(tokens.size()) && tokens[prev.last_token].lower == head;
          if (named_so || followed_by_head) chosen = prev.actor;
        }
      }
      // "the secretary": only the person introduced with that title ("Health Secretary
      // Ann Lee", "Ann Lee, the health secretary,"), never just the latest person.
      if (m.kind == "person") {
        const std::string& title = head;
        auto titled = [&](const Mention& prev) {
          for (int k = prev.first_token - 1; k >= std::max(0, prev.first_token - 3); --k)
            if (tokens[k].lower == title) return true;
          if (prev.last_token >= static_cast<int>(tokens.size()) || tokens[prev.last_token].text != ",") return false;
          for (int k = prev.last_token + 1; k < std::min<int>(tokens.size(), prev.last_token + 6); ++k) {
            if (tokens[k].lower == title) return true;
            if (!tokens[k].word) break;
          }
          return false;
        };
        for (int k = static_cast<int>(i) - 1; k >= 0 && chosen < 0; --k) {
          const Mention& prev = mentions[k];
          if (prev.actor >= 0 && prev.type == MentionType::name && prev.first_token < m.first_token &&
              kind_of(prev.actor) == "person" && titled(prev))
            chosen = prev.actor;
        }
        m.actor = chosen;
        continue;
      }
      // "A spokeswoman for the association said": the body the subject speaks for.
      const bool speaks_for = i > 0 && mentions[i - 1].type == MentionType::spokesperson &&
                              m.first_token >= 1 && mentions[i - 1].last_token == m.first_token - 1 &&
                              (tokens[m.first_token - 1].lower == "for" || tokens[m.first_token - 1].lower == "of" ||
                               tokens[m.first_token - 1].lower == "at");
      // A description opening a sentence continues the topic: the last compatible subject.
      if (chosen < 0 && is_subject)
        for (auto it = subjects.rbegin(); it != subjects.rend() && it - subjects.rbegin() < 3; ++it)
          if (compatible_kind(m.kind, kind_of(*it))) {
            chosen = *it;
            break;
          }
      // "the health ministry", "the competition regulator": a body with a domain word is only
      // one whose name has that word or the head's; not just the latest government.
      std::string domain;
      if (m.kind == "government")
        for (std::size_t w = 1; w + 1 < description_words.size(); ++w)
          if (!kPlainModifiers.count(ascii_lower(description_words[w])) &&
              std::islower(static_cast<unsigned char>(description_words[w][0])))
            domain = ascii_lower(description_words[w]);
      auto has_domain = [&](int actor) {
        if (domain.empty()) return true;
        for (const std::string& w : name_words[find(actor)]) {
          const std::string lw = ascii_lower(w);
          if (lw == domain || marks_role(lex, head, lw)) return true;
        }
        return false;
      };
      for (int k = static_cast<int>(i) - 1; k >= 0 && chosen < 0; --k) {
        const Mention& prev = mentions[k];
        if (prev.actor < 0 || prev.in_quote) continue;
        if (prev.first_token >= m.first_token) continue;  // nested inside the description
        if (!has_domain(prev.actor)) continue;
        if (prev.type == MentionType::pronoun || prev.type == MentionType::spokesperson) continue;
        if (!compatible_kind(m.kind, kind_of(prev.actor))) continue;
        // "shift investment to Britain": a country named as a place is not "the government".
        if (m.kind == "government" && prev.first_token > 0 && kLocatives.count(tokens[prev.first_token - 1].lower))
          continue;
        // "Orvell's chief executive said the company ...": the employer of the subject is no subject.
        if (!is_subject && prev.actor == subject && !speaks_for && !(prev.possessive && prev.sentence == m.sentence))
          continue;
        chosen = prev.actor;
      }
      m.actor = chosen;
    } else if (m.type == MentionType::pronoun && m.kind != "person") {
      // "it"/"they": the subject of this sentence ("X announced that it would"), else of the
      // previous one ("OpenAI is pushing ... they warned"), if that is a body, not a person.
      auto body = [&](int a) {
        const std::string k = a >= 0 ? kind_of(a) : "none";
        return k == "organization" || k == "government" || k == "group" || k.empty();
      };
      const int here = sentence_subject(text, mentions, m.sentence, m.first_token);
      if (body(here)) m.actor = here;
      else if (!subjects.empty() && body(subjects.back()) && here < 0) m.actor = subjects.back();
    } else if (m.type == MentionType::pronoun) {
      // A known person named in the last few sentences wins over a lone word of unknown kind.
      if (last_person >= 0 && m.sentence - last_person_sentence <= 3) m.actor = last_person;
      else if (last_lone >= 0 && m.sentence - last_lone_sentence <= 3) m.actor = last_lone;
      else m.actor = last_person;
      // A speaker referred to as "he"/"she" is a person ("Brask said ... He urged").
      if (m.actor >= 0 && kind_of(m.actor).empty()) c.kind_votes[m.actor]["person"] += 1;
    } else if (m.type == MentionType::spokesperson) {
      if (m.spokes_for >= 0 && mentions[m.spokes_for].actor >= 0) {
        m.actor = mentions[m.spokes_for].actor;
        last_spokes_org = m.actor;
        last_spokes_sentence = m.sentence;
      } else if (m.described) {
        // "an agency spokesperson": the latest body of that kind.
        for (int k = static_cast<int>(i) - 1; k >= 0 && m.actor < 0; --k) {
          const Mention& prev = mentions[k];
          if (prev.actor >= 0 && !prev.in_quote && prev.type != MentionType::pronoun &&
              prev.type != MentionType::spokesperson && compatible_kind(m.kind, kind_of(prev.actor)))
            m.actor = prev.actor;
        }
        if (m.actor < 0) m.actor = last_org_subject;
      } else if (last_spokes_org >= 0 && m.sentence - last_spokes_sentence <= 2) {
        m.actor = last_spokes_org;
      } else {
        m.actor = last_org_subject;
      }
    } else if (m.actor >= 0 && !m.in_quote && m.type == MentionType::name) {
      // Persons, and lone capitalized words of unknown kind (often a surname: "Brask said").
      const std::string k = kind_of(m.actor);
      const bool lone_word = m.first_token + 1 == m.last_token && !text.tokens()[m.first_token].all_caps &&
                             m.canonical.empty();
      if (k == "person") last_person = m.actor, last_person_sentence = m.sentence;
      else if (k.empty() && lone_word && !m.possessive) last_lone = m.actor, last_lone_sentence = m.sentence;
    }
  }

  // 7. Canonical names and kinds; only actors with a name mention are kept, and not a
  // lone unknown word met only as a place ("in Miami", "near Leominster").
  std::vector<char> place_only(n, 1);
  {
    static const FixedWordSet locative = {"in", "near", "outside", "across"};
    const auto& tokens = text.tokens();
    for (const Mention& m : mentions) {
      if (m.actor < 0) continue;
      const int a = find(m.actor);
      const bool lone_place = m.type == MentionType::name && m.canonical.empty() && m.last_token - m.first_token == 1 &&
                              !m.person_cue && m.first_token > 0 && locative.count(tokens[m.first_token - 1].lower);
      if (!lone_place) place_only[a] = 0;
    }
  }
  std::vector<int> remap(n, -1);
  std::vector<ActorCluster> out;
  for (int a = 0; a < n; ++a) {
    if (find(a) != a) continue;
    const std::string& k = kind_of(a);
    if (place_only[a] && (k.empty() || k == "organization")) continue;
    remap[a] = static_cast<int>(out.size());
    ActorCluster cluster;
    cluster.kind = kind_of(a);
    if (cluster.kind.empty()) cluster.kind = "organization";
    out.push_back(std::move(cluster));
  }
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    Mention& m = mentions[i];
    if (m.actor < 0) continue;
    m.actor = remap[find(m.actor)];
    if (m.actor >= 0) out[m.actor].mentions.push_back(static_cast<int>(i));
  }
  for (int a = 0; a < n; ++a) {
    if (remap[a] < 0) continue;
    ActorCluster& cluster = out[remap[a]];
    // Gazetteer and policy names are canonical; otherwise the longest name form,
    // preferring mixed case over all capitals (Corvane over CORVANE).
    std::string best;
    std::string by_role;  // "Denver city council": only when no proper name turns up
    bool best_canonical = false;
    for (int mi : cluster.mentions) {
      const Mention& m = mentions[mi];
      if (m.type != MentionType::name && m.type != MentionType::policy) continue;
      if (m.possessed) {
        if (by_role.empty()) by_role = m.canonical;
        continue;
      }
      if (!m.canonical.empty()) {
        if (!best_canonical) best = m.canonical;
        best_canonical = true;
        continue;
      }
      if (best_canonical) continue;
      const std::size_t words = word_count(m.text), best_words = word_count(best);
      auto caps_penalty = [](const std::string& s) { return is_all_caps_word(s) && s.size() > 4 ? 1 : 0; };
      if (best.empty() || words > best_words ||
          (words == best_words && caps_penalty(m.text) < caps_penalty(best)))
        best = m.text;
    }
    cluster.name = best.empty() ? by_role : best;
  }
  // Drop actors left without a name (only descriptions pointed at them).
  std::vector<int> final_index(out.size(), -1);
  std::vector<ActorCluster> kept;
  for (std::size_t a = 0; a < out.size(); ++a) {
    if (out[a].name.empty()) continue;
    final_index[a] = static_cast<int>(kept.size());
    kept.push_back(std::move(out[a]));
  }
  for (Mention& m : mentions)
    if (m.actor >= 0) m.actor = final_index[m.actor];
  return kept;
}

}  // namespace evgraph
