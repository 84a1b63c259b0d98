// The tagger: Hyperscan finds where every rule's matches end, all rules at once (start-of-
// match tracking would make the scan several times slower), with one database for the
// rules and one for the vetoes (two scans cost less than one of the combined database,
// and a text without candidates needs no veto scan); RE2 finds
// each match's leftmost start in a short window before its end; overlaps are resolved
// longest-first; PCRE2's JIT (span_capture.h, else RE2), anchored on each winner's span,
// extracts its named groups; then values are normalized left to right so each
// expression can use the dates mentioned before it.
#include "evgraph/timex.h"
#include "evgraph/date.h"
#include "evgraph/fixed_word_set.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>

#include <boost/container/small_vector.hpp>
#include <fmt/format.h>
#include <hs/hs.h>
#include <re2/re2.h>

#include "evgraph/hyperscan_cache.h"
#include "evgraph/span_capture.h"
#include "evgraph/timex_normalizer.h"
#include "evgraph/timex_resources.h"
#include "evgraph/utf8.h"

namespace evgraph {

const char* to_string(TimexType type) {
  switch (type) {
    case TimexType::date: return "DATE";
    case TimexType::time: return "TIME";
    case TimexType::duration: return "DURATION";
    case TimexType::set: return "SET";
  }
  return "DATE";
}

const char* to_string(DctSource source) {
  switch (source) {
    case DctSource::meta: return "meta";
    case DctSource::cli: return "cli";
    case DctSource::inferred: return "inferred";
    case DctSource::none: return "none";
  }
  return "none";
}

namespace {

struct CompiledRule {
  const TimexRule* rule = nullptr;
  std::unique_ptr<RE2> re;    // the rule, for groups on a known span when span_groups cannot
  SpanCapture span_groups;    // the rule, for groups on a known span (see span_capture.h)
  std::unique_ptr<RE2> tail;  // the rule anchored at the end of the text, without groups: finds starts
  std::vector<std::string> group_names;  // index 0 (whole match) unused
  int ext_group = -1;
  std::vector<int> slot_groups;  // the named groups that feed the value (all but `ext`)
  // A rule written `\b(?P<name>...)\b` (a year, a month, "now"): its one group is the
  // whole match, so no RE2 capture is needed to fill it.
  bool group_is_match = false;
  bool explicit_year = false;  // the value comes with a year from the text
  // From the value template, once rather than per expression:
  bool yearless = false;     // the year comes from the context
  bool needs_tense = false;  // the sentence's tense can decide the value
  bool relative_to_mention = false;  // relative to the last mention, which it does not move
  bool moves_period = false;  // a date that becomes the period under discussion
};

// A Hyperscan match packed so that sorting plain integers orders it by rule, then by
// end descending: a fraction of the cost of sorting structs. Texts are under 4 GB
// (hs_scan takes an unsigned length).
struct RawMatch {
  std::uint64_t key;
  RawMatch(unsigned rule, std::size_t to) : key(std::uint64_t{rule} << 32 | (0xFFFFFFFFu - static_cast<std::uint32_t>(to))) {}
  unsigned rule() const { return static_cast<unsigned>(key >> 32); }
  std::size_t to() const { return 0xFFFFFFFFu - static_cast<std::uint32_t>(key); }
  bool operator<(const RawMatch& other) const { return key < other.key; }
};

// How far before a match's end its start is searched: rules match short phrases,
// vetoes may cover long URLs.
constexpr std::size_t kMaxMatchBytes = 128;
constexpr std::size_t kMaxVetoBytes = 2048;

struct Candidate {
  unsigned rule;
  std::size_t from, to;          // whole match
  std::size_t start, end;        // extent (the `ext` group or the whole match)
  // name -> matched text; rules have few groups, so they stay inline
  boost::container::small_vector<std::pair<const std::string*, std::string_view>, 4> groups;
  bool captured = false;
};

// The expressions found in a text, before normalization: what does not depend on the DCT.
struct Matches {
  Matches() = default;
  Matches(Matches&&) = default;  // `accepted` points into the moved buffer: still valid
  Matches(const Matches&) = delete;
  std::vector<Candidate> candidates;
  std::vector<const Candidate*> accepted;  // into `candidates`, by start; extents do not overlap
};

// Per byte: 0 outside words, else the byte lowercased. Words are ASCII letters and
// digits (std::isalnum in the "C" locale) and the apostrophe. One lookup per byte
// keeps the tense reader's walk over whole sentences cheap.
constexpr std::array<char, 256> kWordLower = [] {
  std::array<char, 256> table{};
  for (int c = '0'; c <= '9'; ++c) table[c] = static_cast<char>(c);
  for (int c = 'a'; c <= 'z'; ++c) table[c] = table[c - 'a' + 'A'] = static_cast<char>(c);
  table['\''] = '\'';
  return table;
}();

bool is_word_byte(char c) { return kWordLower[static_cast<unsigned char>(c)] != 0; }

// <cctype>'s answers in the "C" locale, inline.
bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }

// Start of the sentence containing `pos`: after ". ", "? ", "! " or a blank line.
std::size_t sentence_start(std::string_view text, std::size_t pos) {
  const std::size_t limit = pos > 400 ? pos - 400 : 0;
  for (std::size_t i = pos; i > limit; --i) {
    const char c = text[i - 1];
    if (c != ' ' && c != '\n') continue;  // most bytes: nothing more to test
    if (c == '\n' && i >= 2 && text[i - 2] == '\n') return i;
    if ((c == ' ' || c == '\n') && i >= 2 && (text[i - 2] == '.' || text[i - 2] == '?' || text[i - 2] == '!')) {
      // "Jan. 5" and "U.S. officials" are not sentence ends: need a lowercase-free short word before.
      std::size_t w = i - 2;
      std::size_t b = w;
      while (b > 0 && is_ascii_letter(text[b - 1])) --b;
      if (w - b <= 3 && b < w && is_ascii_upper(text[b])) continue;
      return i;
    }
  }
  return limit;
}

// The start of the `n`th word before `pos` (not before `from`), and the end of the `n`th word after it.
std::size_t words_before(std::string_view text, std::size_t from, std::size_t pos, int n) {
  for (; n > 0 && pos > from; --n) {
    while (pos > from && !is_word_byte(text[pos - 1])) --pos;
    while (pos > from && is_word_byte(text[pos - 1])) --pos;
  }
  return pos;
}

std::size_t words_after(std::string_view text, std::size_t pos, std::size_t to, int n) {
  for (; n > 0 && pos < to; --n) {
    while (pos < to && !is_word_byte(text[pos])) ++pos;
    while (pos < to && is_word_byte(text[pos])) ++pos;
  }
  return pos;
}

// Calls visit(word, begin, end) for each word of [from, to), lowercased (ASCII) into a
// buffer so that words of usual length cost no allocation; stops when visit returns false.
template <typename Visit>
void for_each_lower_word(std::string_view text, std::size_t from, std::size_t to, Visit&& visit) {
  char buffer[64];
  std::string long_word;
  for (std::size_t i = from; i < to;) {
    if (!is_word_byte(text[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < to && is_word_byte(text[j])) ++j;
    const std::size_t n = j - i;
    char* lower = buffer;
    if (n > sizeof buffer) {
      long_word.resize(n);
      lower = long_word.data();
    }
    for (std::size_t k = 0; k < n; ++k) lower[k] = kWordLower[static_cast<unsigned char>(text[i + k])];
    if (!visit(std::string_view(lower, n), i, j)) return;
    i = j;
  }
}

std::size_t sentence_end(std::string_view text, std::size_t pos) {
  const std::size_t limit = std::min(text.size(), pos + 400);
  for (std::size_t i = pos; i < limit; ++i) {
    const char c = text[i];
    if (c != '\n' && c != '.' && c != '?' && c != '!') continue;
    if (c == '\n' && i + 1 < text.size() && text[i + 1] == '\n') return i;
    if ((c == '.' || c == '?' || c == '!') && (i + 1 == text.size() || text[i + 1] == ' ' || text[i + 1] == '\n')) {
      std::size_t b = i;
      while (b > 0 && is_ascii_letter(text[b - 1])) --b;
      if (i - b <= 3 && b < i && is_ascii_upper(text[b])) continue;
      return i;
    }
  }
  return limit;
}

// Whether `pattern` is `\b(?P<name>body)\b` with `body` a regex of its own: the group
// then closes at the pattern's end, and spans every match exactly.
bool group_spans_match(const std::string& pattern, const std::string& name, const RE2::Options& options) {
  const std::string head = "\\b(?P<" + name + ">", tail = ")\\b";
  if (!pattern.starts_with(head) || !pattern.ends_with(tail) || pattern.size() < head.size() + tail.size()) return false;
  RE2::Options body_options = options;
  body_options.set_never_capture(true);
  return RE2(pattern.substr(head.size(), pattern.size() - head.size() - tail.size()), body_options).ok();
}

// The expression Hyperscan scans for a rule. A leading word boundary is dropped:
// matches of the rest end wherever the rule's matches end (and a few places more,
// which RE2 then rejects), and Hyperscan runs about 9% faster without it.
std::string hyperscan_expression(const std::string& pattern) {
  return pattern.starts_with("\\b") ? pattern.substr(2) : pattern;
}

// Compiling the rules takes seconds; every tagger in the process with the same rules
// (each Extractor, each test case) shares each database, and later runs load them from
// the disk cache (hyperscan_cache.h). Keyed by the ids, flags and patterns.
std::shared_ptr<const hs_database_t> compiled_database(const std::vector<const char*>& expressions,
                                                       const std::vector<unsigned>& flags, const std::vector<unsigned>& ids,
                                                       const std::vector<TimexRule>& rules) {
  std::string key;
  for (std::size_t i = 0; i < expressions.size(); ++i) {
    key += std::to_string(ids[i]);
    key += ':';
    key += std::to_string(flags[i]);
    key += ':';
    key += expressions[i];
    key += '\0';
  }
  static std::mutex cache_mutex;
  static std::map<std::string, std::shared_ptr<const hs_database_t>> cache;  // kept for the process: tests build many taggers in turn
  std::lock_guard lock(cache_mutex);
  if (auto found = cache.find(key); found != cache.end())
    return found->second;
  const std::optional<std::filesystem::path> disk_cache = hyperscan_cache_dir();
  hs_database_t* database = disk_cache ? load_cached_database(*disk_cache, key) : nullptr;
  if (!database) {
    hs_compile_error_t* error = nullptr;
    if (hs_compile_multi(expressions.data(), flags.data(), ids.data(), static_cast<unsigned>(expressions.size()),
                         HS_MODE_BLOCK, nullptr, &database, &error) != HS_SUCCESS) {
      std::string message = error ? error->message : "unknown error";
      std::string where = "<timex rules>";
      if (error && error->expression >= 0)
        where = fmt::format("{}: rule '{}'", rules[ids[error->expression]].origin, rules[ids[error->expression]].name);
      hs_free_compile_error(error);
      throw std::runtime_error(fmt::format("{}: error: hyperscan cannot compile the pattern: {}", where, message));
    }
    if (disk_cache) store_cached_database(*disk_cache, key, database);
  }
  std::shared_ptr<const hs_database_t> shared(database, [](const hs_database_t* d) { hs_free_database(const_cast<hs_database_t*>(d)); });
  cache[key] = shared;
  return shared;
}

}  // namespace

struct TimexTagger::Impl {
  TimexResources resources;
  std::vector<CompiledRule> rules;
  // Shared by every tagger with the same rules; null when there are no such rules.
  std::shared_ptr<const hs_database_t> positive_database, veto_database;
  hs_scratch_t* prototype = nullptr;  // large enough for both databases
  mutable std::mutex pool_mutex;
  mutable std::vector<hs_scratch_t*> pool;
  // The tense cues by lowercase word, so that tense_near (which reads whole sentences)
  // looks each word up once instead of in four tables.
  struct TenseWord {
    std::optional<Tense> auxiliary, cue;
    bool suffix_exception = false, determiner = false;
    bool steady = false, perfect = false;  // see TenseCues
  };
  FixedWordSet tense_words = {};
  std::vector<TenseWord> tense_info;  // parallel to tense_words, in its sorted order

  ~Impl() {
    for (hs_scratch_t* s : pool) hs_free_scratch(s);
    if (prototype) hs_free_scratch(prototype);
  }

  hs_scratch_t* acquire() const {
    {
      std::lock_guard lock(pool_mutex);
      if (!pool.empty()) {
        hs_scratch_t* s = pool.back();
        pool.pop_back();
        return s;
      }
    }
    hs_scratch_t* s = nullptr;
    if (hs_clone_scratch(prototype, &s) != HS_SUCCESS) throw std::runtime_error("hyperscan: cannot allocate scratch");
    return s;
  }
  void release(hs_scratch_t* s) const {
    std::lock_guard lock(pool_mutex);
    pool.push_back(s);
  }

  Tense tense_near(std::string_view text, std::size_t start, std::size_t end, bool* nearest) const;
  // Hyperscan's pass: every rule's and veto's match ends, appended to `raw`.
  void scan(const std::string& text, std::vector<RawMatch>& raw) const;
  Matches find(const NormalizedText& normalized) const;
  std::vector<Timex> normalize(const Matches& matches, const NormalizedText& normalized, std::string_view original,
                               std::optional<boost::gregorian::date> dct) const;
};

TimexTagger::TimexTagger(const Resources& resources) : impl_(std::make_unique<Impl>()) {
  impl_->resources = load_timex_resources(resources);
  {
    const TenseCues& cues = impl_->resources.tense;
    std::vector<std::string> words(cues.suffix_exceptions.begin(), cues.suffix_exceptions.end());
    words.insert(words.end(), cues.determiners.begin(), cues.determiners.end());
    for (const auto& [word, tense] : cues.words) words.push_back(word);
    for (const auto& [word, tense] : cues.auxiliaries) words.push_back(word);
    words.insert(words.end(), cues.steady.begin(), cues.steady.end());
    words.insert(words.end(), cues.perfect.begin(), cues.perfect.end());
    impl_->tense_words = FixedWordSet(std::move(words));
    impl_->tense_info.assign(impl_->tense_words.size(), {});
    auto info = [&](const std::string& word) -> Impl::TenseWord& { return impl_->tense_info[impl_->tense_words.index_of(word)]; };
    for (const std::string& word : cues.suffix_exceptions) info(word).suffix_exception = true;
    for (const std::string& word : cues.determiners) info(word).determiner = true;
    for (const auto& [word, tense] : cues.words) info(word).cue = tense;
    for (const auto& [word, tense] : cues.auxiliaries) info(word).auxiliary = tense;
    for (const std::string& word : cues.steady) info(word).steady = true;
    for (const std::string& word : cues.perfect) info(word).perfect = true;
  }
  const auto& rules = impl_->resources.rules;
  std::vector<std::string> scans[2];        // [0] rules, [1] vetoes
  std::vector<const char*> expressions[2];  // pointers into scans, for hs_compile_multi
  std::vector<unsigned> flags[2], ids[2];
  impl_->rules.reserve(rules.size());
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const TimexRule& rule = rules[i];
    RE2::Options options;
    options.set_encoding(RE2::Options::EncodingLatin1);
    options.set_case_sensitive(rule.case_sensitive);
    options.set_log_errors(false);
    CompiledRule compiled;
    compiled.rule = &rule;
    compiled.re = std::make_unique<RE2>(rule.pattern, options);
    if (!compiled.re->ok())
      throw std::runtime_error(fmt::format("{}: error: rule '{}': invalid regex: {}", rule.origin, rule.name, compiled.re->error()));
    RE2::Options tail_options = options;
    tail_options.set_never_capture(true);
    compiled.tail = std::make_unique<RE2>("(?:" + rule.pattern + ")$", tail_options);
    compiled.group_names.resize(compiled.re->NumberOfCapturingGroups() + 1);
    for (const auto& [index, name] : compiled.re->CapturingGroupNames()) {
      compiled.group_names[index] = name;
      if (name == "ext") compiled.ext_group = index;
      else compiled.slot_groups.push_back(index);
    }
    compiled.group_is_match = compiled.ext_group < 0 && compiled.slot_groups.size() == 1 &&
                              group_spans_match(rule.pattern, compiled.group_names[compiled.slot_groups[0]], options);
    if (!rule.negative && !compiled.group_is_match && compiled.group_names.size() > 1)
      compiled.span_groups = SpanCapture(rule.pattern, rule.case_sensitive);
    compiled.explicit_year = rule.value.find("{year}") != std::string::npos;
    const std::string& v = rule.value;
    compiled.yearless = v.starts_with("XXXX") || v.starts_with("@holiday({holiday})");
    compiled.needs_tense = compiled.yearless || v.find("XXXX") != std::string::npos || v.find("@weekday") != std::string::npos ||
                           v.find("@time") != std::string::npos || v.find("@weekend") != std::string::npos;
    // "a year earlier" stays a side remark; "the quarter" (@refexact) names the period under discussion.
    compiled.relative_to_mention = v.starts_with("@ref") && !v.starts_with("@refexact");
    compiled.moves_period = !v.starts_with("@dct(D") && !v.starts_with("@weekday") && !v.starts_with("@time");
    impl_->rules.push_back(std::move(compiled));
    const int kind = rule.negative ? 1 : 0;
    // Hyperscan only finds where matches may end; RE2 checks the rule itself there.
    scans[kind].push_back(hyperscan_expression(rule.scan.empty() ? rule.pattern : rule.scan));
    flags[kind].push_back(rule.case_sensitive ? 0u : HS_FLAG_CASELESS);
    ids[kind].push_back(static_cast<unsigned>(i));  // the rule's index: matches need no remapping
  }
  std::shared_ptr<const hs_database_t>* databases[2] = {&impl_->positive_database, &impl_->veto_database};
  for (int kind = 0; kind < 2; ++kind) {
    for (const std::string& scan : scans[kind]) expressions[kind].push_back(scan.c_str());
    if (expressions[kind].empty()) continue;
    *databases[kind] = compiled_database(expressions[kind], flags[kind], ids[kind], rules);
    if (hs_alloc_scratch(const_cast<hs_database_t*>(databases[kind]->get()), &impl_->prototype) != HS_SUCCESS)
      throw std::runtime_error("hyperscan: cannot allocate scratch");
  }
}

TimexTagger::~TimexTagger() = default;
TimexTagger::TimexTagger(TimexTagger&&) noexcept = default;
TimexTagger& TimexTagger::operator=(TimexTagger&&) noexcept = default;

namespace {

// True for a value whose calendar part cannot be a date: more than four year
// digits, a month past 12, or a day that does not exist (checked with Boost.DateTime).
bool impossible_calendar_value(const std::string& value) {
  std::size_t digits = 0;
  while (digits < value.size() && value[digits] >= '0' && value[digits] <= '9') ++digits;
  if (digits == 0) return false;  // XXXX-06, PRESENT_REF, ...
  if (digits > 4) return true;
  const std::string calendar = value.substr(0, value.find('T'));
  const bool plain = calendar.size() == 4 || calendar.size() == 7 || calendar.size() == 10;
  if (!plain || calendar.find_first_not_of("0123456789-") != std::string::npos) return false;  // 2025-W18, 2024-Q3
  if (calendar.size() == 4) return false;  // any year, even before Boost.DateTime's 1400
  const int month = std::atoi(calendar.substr(5, 2).c_str());
  if (month < 1 || month > 12) return true;
  return calendar.size() == 10 && !PartialDate::parse(calendar);
}

// True if `text` ends with one of `words` (lowercase) and spaces.
bool ends_with_word(std::string_view text, std::initializer_list<std::string_view> words) {
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  for (std::string_view w : words) {
    if (text.size() < w.size()) continue;
    const std::string_view tail = text.substr(text.size() - w.size());
    const bool same = std::equal(tail.begin(), tail.end(), w.begin(), [](char a, char b) {
      return std::tolower(static_cast<unsigned char>(a)) == b;
    });
    if (same && (text.size() == w.size() || !is_word_byte(text[text.size() - w.size() - 1]))) return true;
  }
  return false;
}

// "the nine months", "the first six months": a span of months a report covers.
bool is_reported_months(const Timex& timex) {
  const std::string& v = timex.value;
  if (v.size() < 3 || v.front() != 'P' || v.back() != 'M' || v.find('T') != std::string::npos) return false;
  if (v.find_first_not_of("0123456789", 1) != v.size() - 1) return false;
  return timex.text.size() > 4 && (timex.text.starts_with("the ") || timex.text.starts_with("The "));
}

}  // namespace

std::vector<Timex> TimexTagger::tag(std::string_view text, std::optional<boost::gregorian::date> dct) const {
  const NormalizedText normalized(text);
  return impl_->normalize(impl_->find(normalized), normalized, text, dct);
}

std::vector<Timex> TimexTagger::tag(const NormalizedText& normalized, std::string_view text,
                                    std::optional<boost::gregorian::date> dct) const {
  return impl_->normalize(impl_->find(normalized), normalized, text, dct);
}

DatedTimexes TimexTagger::tag_document(const Document& doc, std::optional<boost::gregorian::date> cli,
                                       const NormalizedText* normalized) const {
  std::optional<NormalizedText> own;
  if (!normalized) normalized = &own.emplace(doc.text);
  const Matches matches = impl_->find(*normalized);
  DatedTimexes out;
  if (auto known = known_dct(doc, cli)) {
    out.dct = *known;
    out.timexes = impl_->normalize(matches, *normalized, doc.text, out.dct.dct);
    return out;
  }
  // Inferring the DCT reads the expressions normalized without one; the matches stay the same.
  out.timexes = impl_->normalize(matches, *normalized, doc.text, std::nullopt);
  out.dct = infer_dct(doc, out.timexes);
  if (out.dct.dct) out.timexes = impl_->normalize(matches, *normalized, doc.text, out.dct.dct);
  return out;
}

// The cue nearest to the expression decides. A verb right after an auxiliary
// takes the auxiliary's tense ("will be held" is future, "had announced" past),
// so "said Friday that it would ..." is past while "will meet Friday" is future.
Tense TimexTagger::Impl::tense_near(std::string_view text, std::size_t start, std::size_t end, bool* nearest) const {
  constexpr int kAuxiliaryReach = 2;  // a cue at most this many words after an auxiliary takes its tense ("will be held")
  // A cue after the expression often belongs to the next clause ("planned a rally Saturday
  // and were planning ..."): it counts as this many times farther than one before.
  constexpr std::size_t kAfterWeight = 10;
  constexpr int kPerfectReach = 5;  // words either side in which "had" turns "by Friday" to the past
  const std::size_t from = sentence_start(text, start), to = sentence_end(text, end);
  const TenseCues& cues = resources.tense;
  if (cues.governor_words > 0) {
    // The words right before the expression, nearest first: "of record", "payable".
    std::string phrase;  // lowercase; grows leftwards, a word at a time
    std::size_t i = start;
    for (std::size_t n = 0; n < cues.governor_words; ++n) {
      while (i > from && text[i - 1] == ' ') --i;
      std::size_t b = i;
      while (b > from && is_word_byte(text[b - 1])) --b;
      if (b == i) break;
      if (n > 0) phrase.insert(phrase.begin(), ' ');
      phrase.insert(0, text.substr(b, i - b));
      for (std::size_t k = 0; k < i - b; ++k) phrase[k] = kWordLower[static_cast<unsigned char>(phrase[k])];
      if (auto it = cues.governors.find(phrase); it != cues.governors.end()) {
        *nearest = cues.nearest_governors.count(phrase) > 0;
        // "had filed reports by Wednesday": a past perfect close by puts the limit behind.
        bool perfect_near = false;
        if (*nearest && !cues.perfect.empty())
          for_each_lower_word(text, words_before(text, from, start, kPerfectReach),
                              words_after(text, end, to, kPerfectReach),
                              [&](std::string_view word, std::size_t, std::size_t) {
                                const int index = tense_words.index_of(word);
                                perfect_near = index >= 0 && tense_info[index].perfect;
                                return !perfect_near;
                              });
        if (perfect_near) {
          *nearest = false;
          return Tense::past;
        }
        return it->second;
      }
      i = b;
    }
  }
  Tense best = Tense::unknown;
  std::size_t best_distance = SIZE_MAX;
  Tense auxiliary = Tense::unknown;  // the last auxiliary's tense, unknown when none is near
  bool perfect_auxiliary = false;
  int words_since_auxiliary = 0;
  bool after_determiner = false;  // the previous word was "the", "a", "its" ...
  for_each_lower_word(text, from, to, [&](std::string_view word, std::size_t i, std::size_t j) {
    // Past the expression distances only grow: once they reach the best, nothing later wins.
    if (i >= end && kAfterWeight * (i - end) >= best_distance) return false;
    const int index = tense_words.index_of(word);
    const TenseWord* info = index >= 0 ? &tense_info[index] : nullptr;
    Tense tense = Tense::unknown;  // cues are past, present or future: unknown is "no cue"
    if (info && info->auxiliary) {
      tense = *info->auxiliary;
      auxiliary = tense;
      perfect_auxiliary = info->perfect;
      words_since_auxiliary = 0;
    } else {
      if (after_determiner) {
        // "the plan", "a proposed merger": a noun or an adjective, no verb
      } else if (info && info->cue) {
        tense = *info->cue;
      } else if (word.size() >= 4 && !(info && info->suffix_exception)) {
        for (const auto& [suffix, t] : cues.suffixes)
          if (word.ends_with(suffix)) tense = t;
      }
      // "were planning to" looks ahead; "had been scheduled to" was a plan in the past.
      if (tense != Tense::unknown && auxiliary != Tense::unknown && words_since_auxiliary < kAuxiliaryReach &&
          (!(info && info->steady) || perfect_auxiliary))
        tense = auxiliary;
      if (++words_since_auxiliary > kAuxiliaryReach) auxiliary = Tense::unknown;
    }
    after_determiner = info && info->determiner;
    if (tense != Tense::unknown && (j <= start || i >= end)) {
      const std::size_t distance = j <= start ? start - j : kAfterWeight * (i - end);
      if (distance < best_distance) best_distance = distance, best = tense;
    }
    return true;
  });
  return best;
}

void TimexTagger::Impl::scan(const std::string& text, std::vector<RawMatch>& raw) const {
  hs_scratch_t* scratch = acquire();
  auto on_match = [](unsigned id, unsigned long long, unsigned long long to, unsigned, void* context) -> int {
    static_cast<std::vector<RawMatch>*>(context)->emplace_back(id, static_cast<std::size_t>(to));
    return 0;
  };
  hs_error_t status = hs_scan(positive_database.get(), text.data(), static_cast<unsigned>(text.size()), 0, scratch, on_match, &raw);
  // Vetoes only remove candidates: without a rule match there is nothing to veto.
  if (status == HS_SUCCESS && veto_database && !raw.empty())
    status = hs_scan(veto_database.get(), text.data(), static_cast<unsigned>(text.size()), 0, scratch, on_match, &raw);
  release(scratch);
  if (status != HS_SUCCESS) throw std::runtime_error(fmt::format("hyperscan: scan failed ({})", status));
}

std::size_t TimexTagger::scan_only(const NormalizedText& normalized) const {
  if (!impl_->positive_database) return 0;
  thread_local std::vector<RawMatch> raw;
  raw.clear();
  impl_->scan(normalized.text(), raw);
  return raw.size();
}

Matches TimexTagger::Impl::find(const NormalizedText& normalized) const {
  const std::string& text = normalized.text();
  Matches found;
  // Buffers kept per thread: most documents are short, and allocating these afresh
  // for each was a tenth of the tagger's malloc calls.
  thread_local std::vector<RawMatch> raw;
  thread_local std::vector<std::pair<std::size_t, std::size_t>> vetoes;  // (from, to)
  thread_local std::vector<std::pair<std::size_t, std::size_t>> taken;   // accepted extents, by start
  thread_local std::vector<re2::StringPiece> re2_groups;
  thread_local std::vector<std::string_view> groups;
  thread_local std::vector<Candidate*> accepted;
  thread_local std::vector<Candidate*> by_rank;  // candidates, longest extent first
  raw.clear(), vetoes.clear(), taken.clear(), accepted.clear();
  if (!positive_database) return found;  // resources without rules (only vetoes, or none)
  scan(text, raw);

  // Per rule, from the last end backwards: the leftmost start of the match ending there.
  // Ends inside a span already found for the same rule are its shorter prefixes: skipped.
  std::sort(raw.begin(), raw.end());
  std::vector<Candidate>& candidates = found.candidates;
  // At most one per match end. Reserving spares most texts a series of reallocations,
  // each moving every candidate (2% of the tagger); capped, as a candidate is many
  // times the size of a match end.
  candidates.reserve(std::min<std::size_t>(raw.size(), 1024));
  // Fills c.groups (and the extent, for rules with an `ext` group). False if RE2 disagrees.
  auto capture = [&](Candidate& c) {
    const CompiledRule& rule = rules[c.rule];
    // Without named groups the span is all a match gives, and this rule found it already.
    if (rule.ext_group < 0 && rule.slot_groups.empty()) return c.captured = true;
    if (rule.group_is_match) {
      c.groups.emplace_back(&rule.group_names[rule.slot_groups[0]], std::string_view(text).substr(c.from, c.to - c.from));
      return c.captured = true;
    }
    groups.assign(rule.group_names.size(), std::string_view());
    switch (rule.span_groups.match(text, c.from, c.to, groups)) {
      case SpanCapture::Result::match: break;
      case SpanCapture::Result::no_match: return false;
      case SpanCapture::Result::undecided: {
        re2_groups.assign(rule.group_names.size(), re2::StringPiece());
        // The span and one byte either side, all that \b, ^ and $ look at: RE2 sizes its
        // work by the text it is given, and with the whole document it would run its DFA
        // over the span first before capturing.
        const std::size_t context_start = c.from > 0 ? c.from - 1 : 0, context_end = std::min(text.size(), c.to + 1);
        const re2::StringPiece context(text.data() + context_start, context_end - context_start);
        if (!rule.re->Match(context, c.from - context_start, c.to - context_start, RE2::ANCHOR_BOTH, re2_groups.data(),
                            static_cast<int>(re2_groups.size())))
          return false;
        for (std::size_t g = 0; g < groups.size(); ++g)
          if (re2_groups[g].data()) groups[g] = std::string_view(re2_groups[g].data(), re2_groups[g].size());
      }
    }
    if (rule.ext_group > 0 && groups[rule.ext_group].data()) {
      c.start = static_cast<std::size_t>(groups[rule.ext_group].data() - text.data());
      c.end = c.start + groups[rule.ext_group].size();
    }
    c.groups.reserve(rule.slot_groups.size());
    for (const int g : rule.slot_groups)
      c.groups.emplace_back(&rule.group_names[g], groups[g]);
    c.captured = true;
    return true;
  };
  // "at 5 p.m. Officials said": the period ends the sentence too, and TimeBank leaves it out.
  auto trim_sentence_period = [&](Candidate& c) {
    if (c.end - c.start > 2 && text[c.end - 2] == 'm' && text[c.end - 1] == '.' &&
        (c.end == text.size() || text[c.end] == '\n' ||
         (text[c.end] == ' ' && c.end + 1 < text.size() && is_ascii_upper(text[c.end + 1]))))
      --c.end;
  };
  std::size_t span_start = SIZE_MAX;  // start of the last span found for this rule
  for (std::size_t i = 0; i < raw.size(); ++i) {
    // A new rule starts afresh: its last end may not be a match at all (scan patterns
    // find more ends than their rule), and then no span of its own skips anything yet.
    if (i == 0 || raw[i].rule() != raw[i - 1].rule()) span_start = SIZE_MAX;
    if (raw[i].to() > span_start) continue;
    const CompiledRule& rule = rules[raw[i].rule()];
    const std::size_t to = raw[i].to();
    re2::StringPiece whole;
    // The text ends at `to` for this search, so the pattern's "$" pins the match's end there.
    // A short window first; only long matches (vetoes over URLs) need the wide one.
    const re2::StringPiece upto(text.data(), to);
    const std::size_t window = to > kMaxMatchBytes ? to - kMaxMatchBytes : 0;
    if (!rule.tail->Match(upto, window, to, RE2::UNANCHORED, &whole, 1) &&
        (window == 0 || !rule.rule->negative ||
         !rule.tail->Match(upto, to > kMaxVetoBytes ? to - kMaxVetoBytes : 0, to, RE2::UNANCHORED, &whole, 1)))
      continue;
    const std::size_t from = static_cast<std::size_t>(whole.data() - text.data());
    span_start = from;
    if (rule.rule->negative) {
      vetoes.emplace_back(from, to);
      continue;
    }
    Candidate c{raw[i].rule(), from, to, from, to, {}};
    // Groups cost more than finding the span: only rules whose extent is a group need them
    // now; the others get them after overlap resolution, if they win.
    if (rule.ext_group > 0 && !capture(c)) continue;
    trim_sentence_period(c);
    candidates.push_back(std::move(c));
  }

  // Vetoes, then longest extent first (rule priority, then leftmost, then rule order).
  std::sort(vetoes.begin(), vetoes.end());
  auto vetoed = [&](const Candidate& c) {
    auto it = std::lower_bound(vetoes.begin(), vetoes.end(), std::pair{c.end, std::size_t{0}});
    for (auto k = it; k != vetoes.begin();) {
      --k;
      if (k->second > c.start) return true;
      if (c.start >= k->first + kMaxVetoBytes) break;  // no earlier veto can reach this far
    }
    return false;
  };
  // Sorted by pointer: a candidate is too large to move around cheaply.
  by_rank.clear();
  for (Candidate& c : candidates) by_rank.push_back(&c);
  std::sort(by_rank.begin(), by_rank.end(), [&](const Candidate* a, const Candidate* b) {
    const std::size_t la = a->end - a->start, lb = b->end - b->start;
    if (la != lb) return la > lb;
    const int pa = rules[a->rule].rule->priority, pb = rules[b->rule].rule->priority;
    if (pa != pb) return pa > pb;
    if (a->start != b->start) return a->start < b->start;
    return a->rule < b->rule;
  });
  for (Candidate* ranked : by_rank) {
    Candidate& c = *ranked;
    if (c.end <= c.start || vetoed(c)) continue;
    auto next = std::lower_bound(taken.begin(), taken.end(), std::pair{c.start, std::size_t{0}});
    if (next != taken.end() && next->first < c.end) continue;
    if (next != taken.begin() && std::prev(next)->second > c.start) continue;
    taken.emplace(next, c.start, c.end);
    accepted.push_back(&c);
  }
  std::erase_if(accepted, [&](Candidate* c) { return !c->captured && !capture(*c); });
  std::sort(accepted.begin(), accepted.end(), [](const Candidate* a, const Candidate* b) { return a->start < b->start; });
  found.accepted.assign(accepted.begin(), accepted.end());
  return found;
}

std::vector<Timex> TimexTagger::Impl::normalize(const Matches& matches, const NormalizedText& normalized,
                                                std::string_view original, std::optional<boost::gregorian::date> dct) const {
  const std::string& text = normalized.text();
  // Normalize left to right, tracking the last date mentioned and the last explicit year.
  const TimexNormalizer normalizer(resources);
  std::vector<Timex> out;
  out.reserve(matches.accepted.size());
  std::optional<TimexAnchor> reference;
  std::optional<TimexAnchor> period_reference;  // the last date not given as "yesterday", "Friday", ...
  std::size_t period_reference_end = 0;         // where it was mentioned
  constexpr std::size_t kPeriodEndReach = 24;   // "the fiscal first quarter ended Sept. 30"
  std::optional<std::pair<std::size_t, int>> last_year;  // (end offset, year)
  for (const Candidate* c : matches.accepted) {
    const CompiledRule& rule = rules[c->rule];
    TimexContext context;
    context.dct = dct;
    context.reference = reference;
    context.period_reference = period_reference;
    if (rule.needs_tense) context.tense = tense_near(text, c->start, c->end, &context.nearest);
    if (last_year && rule.yearless) {
      const std::size_t here = sentence_start(text, c->start);
      const std::size_t previous = here > 0 ? sentence_start(text, here - 1) : 0;
      if (last_year->first >= (dct ? here : previous)) context.narrative_year = last_year->second;
    }
    auto fill = [&](const std::string& tmpl) -> std::optional<std::string> {
      std::string filled;
      for (std::size_t i = 0; i < tmpl.size(); ++i) {
        if (tmpl[i] != '{') {
          filled += tmpl[i];
          continue;
        }
        const std::size_t close = tmpl.find('}', i);
        if (close == std::string::npos) return std::nullopt;
        const std::string name = tmpl.substr(i + 1, close - i - 1);
        std::string value;
        for (const auto& [group, matched] : c->groups) {
          if (*group != name) continue;
          auto normalized_slot = normalizer.slot(name, matched, context);
          if (!normalized_slot) return std::nullopt;
          value = *normalized_slot;
        }
        filled += value;
        i = close;
      }
      return filled;
    };
    auto value_template = fill(rule.rule->value);
    if (!value_template) continue;
    auto value = normalizer.evaluate(*value_template, rule.rule->type, context);
    if (!value || value->empty()) continue;
    Timex timex;
    auto [start, end] = normalized.original_span(c->start, c->end);
    timex.start = start;
    timex.end = end;
    timex.text = std::string(original.substr(start, end - start));
    timex.type = rule.rule->type;
    timex.value = *value;
    if (!rule.rule->range_max.empty())
      if (auto t = fill(rule.rule->range_max))
        if (auto v = normalizer.evaluate(*t, rule.rule->type, context)) timex.range_max = *v;
    if (!rule.rule->mod.empty())
      if (auto t = fill(rule.rule->mod)) timex.mod = *t;
    if ((timex.type == TimexType::date || timex.type == TimexType::time) && impossible_calendar_value(timex.value))
      continue;  // "February 30, 2025", or a year past 9999 after arithmetic: not a date
    if (timex.type == TimexType::date || timex.type == TimexType::time) {
      // Expressions relative to the last mention do not move it.
      if (auto anchor = parse_timex_anchor(timex.value); anchor && !rule.relative_to_mention) {
        reference = anchor;
        // The end day of the period just named ("the quarter ended Sept. 30") leaves that period
        // under discussion.
        const bool period_end = period_reference && (period_reference->granularity == "Q" || period_reference->granularity == "H") &&
                                c->start < period_reference_end + kPeriodEndReach &&
                                ends_with_word(std::string_view(text).substr(0, c->start), {"ended", "ending"});
        if (rule.moves_period && !period_end) {
          period_reference = anchor;
          period_reference_end = c->end;
        }
        if (rule.explicit_year) last_year = std::pair{c->end, anchor->date.year()};
      }
    } else if (timex.type == TimexType::duration && (dct || period_reference) && is_reported_months(timex)) {
      // "For the nine months, net rose from a year earlier": the span of the year so far,
      // compared with the same span a year before, is a year.
      period_reference = TimexAnchor{dct ? *dct : period_reference->date, "Y"};
      period_reference_end = c->end;
    }
    out.push_back(std::move(timex));
  }
  return out;
}

}  // namespace evgraph
