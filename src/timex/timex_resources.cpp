#include "evgraph/timex_resources.h"

#include <algorithm>
#include <cctype>
#include <stdexcept>

#include <fmt/format.h>

namespace evgraph {
namespace {

std::string lowercase(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

[[noreturn]] void fail(const std::string& where, int line, const std::string& message) {
  throw std::runtime_error(fmt::format("{}:{}: error: {}", where, line, message));
}

std::string stem_after(std::string_view path, std::string_view prefix) {
  std::string_view name = path.substr(path.rfind('/') + 1);
  name.remove_prefix(prefix.size());
  name.remove_suffix(4);  // ".txt"
  return std::string(name);
}

// "key words value": the last token is the value.
std::unordered_map<std::string, std::string> parse_norm(const std::string& content, const std::string& where) {
  std::unordered_map<std::string, std::string> table;
  for (const ResourceLine& line : resource_lines(content)) {
    std::size_t split = line.text.find_last_of(" \t");
    if (split == std::string::npos) fail(where, line.number, fmt::format("expected '<key> <value>', got '{}'", line.text));
    std::string key = line.text.substr(0, split);
    while (!key.empty() && std::isspace(static_cast<unsigned char>(key.back()))) key.pop_back();
    table[lowercase(key)] = line.text.substr(split + 1);
  }
  return table;
}

Tense parse_tense(std::string_view word, const std::string& where, int line) {
  if (word == "past") return Tense::past;
  if (word == "present") return Tense::present;
  if (word == "future") return Tense::future;
  fail(where, line, fmt::format("unknown tense '{}' (expected past, present or future)", word));
}

TenseCues parse_tense_cues(const std::string& content, const std::string& where) {
  TenseCues cues;
  for (const ResourceLine& line : resource_lines(content)) {
    std::size_t split = line.text.find_last_of(" \t");
    if (split == std::string::npos) fail(where, line.number, "expected '<word> <tense>'");
    std::string word = lowercase(line.text.substr(0, split));
    while (!word.empty() && std::isspace(static_cast<unsigned char>(word.back()))) word.pop_back();
    std::string tense = line.text.substr(split + 1);
    if (tense == "determiner") {
      cues.determiners.push_back(word);
    } else if (tense == "not") {
      if (word.empty() || word[0] != '!') fail(where, line.number, "exceptions are written '!word not'");
      cues.suffix_exceptions.push_back(word.substr(1));
    } else if (!word.empty() && word[0] == '>') {
      std::string phrase;
      std::size_t words = 0;
      for (std::size_t i = 1; i < word.size();) {
        while (i < word.size() && std::isspace(static_cast<unsigned char>(word[i]))) ++i;
        std::size_t j = i;
        while (j < word.size() && !std::isspace(static_cast<unsigned char>(word[j]))) ++j;
        if (j == i) break;
        if (!phrase.empty()) phrase += ' ';
        phrase += word.substr(i, j - i);
        ++words;
        i = j;
      }
      if (phrase.empty()) fail(where, line.number, "a governor needs a word: '>until future'");
      if (tense == "nearest") {
        cues.governors[phrase] = Tense::future;
        cues.nearest_governors.insert(phrase);
      } else {
        cues.governors[phrase] = parse_tense(tense, where, line.number);
      }
      cues.governor_words = std::max(cues.governor_words, words);
    } else if (!word.empty() && word[0] == '+') {
      cues.auxiliaries[word.substr(1)] = parse_tense(tense, where, line.number);
    } else if (!word.empty() && word[0] == '^') {
      cues.words[word.substr(1)] = parse_tense(tense, where, line.number);
      cues.steady.insert(word.substr(1));
    } else if (!word.empty() && word[0] == '&') {
      cues.perfect.insert(word.substr(1));
      cues.auxiliaries[word.substr(1)] = parse_tense(tense, where, line.number);
    } else if (!word.empty() && word[0] == '*') {
      cues.suffixes.emplace_back(word.substr(1), parse_tense(tense, where, line.number));
    } else {
      cues.words[word] = parse_tense(tense, where, line.number);
    }
  }
  return cues;
}

std::string expand_macros(const std::string& pattern, const std::map<std::string, std::string, std::less<>>& macros,
                          const std::string& where, int line, int depth = 0) {
  if (depth > 8) fail(where, line, "patterns nest too deeply (a pattern uses itself?)");
  std::string out;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '\\' && i + 1 < pattern.size()) {
      out += pattern[i];
      out += pattern[++i];
      continue;
    }
    if (pattern[i] != '%') {
      out += pattern[i];
      continue;
    }
    std::size_t j = i + 1;
    while (j < pattern.size() && (std::isalnum(static_cast<unsigned char>(pattern[j])) || pattern[j] == '_')) ++j;
    std::string name = pattern.substr(i + 1, j - i - 1);
    if (name.empty()) {
      out += '%';
      continue;
    }
    auto it = macros.find(name);
    if (it == macros.end()) fail(where, line, fmt::format("unknown pattern '%{}' (no pattern_{}.txt)", name, name));
    out += "(?:" + expand_macros(it->second, macros, where, line, depth + 1) + ")";
    i = j - 1;
  }
  return out;
}

// Whitespace runs inside an expression are short; bounding them lets Hyperscan start
// from a rule's rarest word instead of every "the" or "in", about 25% faster.
std::string bound_whitespace(std::string pattern) {
  static const std::pair<std::string_view, std::string_view> kBounds[] = {
      {"\\s+", "\\s{1,3}"}, {"\\s*", "\\s{0,3}"}, {"[\\s-]+", "[\\s-]{1,3}"}, {"[\\s-]*", "[\\s-]{0,3}"}};
  for (auto [from, to] : kBounds)
    for (std::size_t at = pattern.find(from); at != std::string::npos; at = pattern.find(from, at + to.size()))
      pattern.replace(at, from.size(), to);
  return pattern;
}

TimexType parse_type(std::string_view word, const std::string& where, int line) {
  if (word == "DATE") return TimexType::date;
  if (word == "TIME") return TimexType::time;
  if (word == "DURATION") return TimexType::duration;
  if (word == "SET") return TimexType::set;
  fail(where, line, fmt::format("unknown type '{}' (expected DATE, TIME, DURATION or SET)", word));
}

void parse_rules(const std::string& content, const std::string& where, bool negative,
                 const std::map<std::string, std::string, std::less<>>& macros, std::vector<TimexRule>& rules) {
  TimexRule* current = nullptr;
  int current_line = 0;
  auto finish = [&] {
    if (!current) return;
    if (current->pattern.empty()) fail(where, current_line, fmt::format("rule '{}' has no 'match'", current->name));
    if (!negative && current->value.empty())
      fail(where, current_line, fmt::format("rule '{}' has no 'value'", current->name));
  };
  for (const ResourceLine& line : resource_lines(content)) {
    std::size_t split = line.text.find_first_of(" \t");
    std::string key = line.text.substr(0, split);
    std::string rest;
    if (split != std::string::npos) {
      rest = line.text.substr(split + 1);
      std::size_t first = rest.find_first_not_of(" \t");
      rest = first == std::string::npos ? std::string() : rest.substr(first);
    }
    if (key == "rule") {
      finish();
      if (rest.empty()) fail(where, line.number, "a rule needs a name");
      for (const TimexRule& r : rules)
        if (r.name == rest) fail(where, line.number, fmt::format("duplicate rule name '{}' (first at {})", rest, r.origin));
      rules.push_back({});
      current = &rules.back();
      current_line = line.number;
      current->name = rest;
      current->negative = negative;
      current->origin = fmt::format("{}:{}", where, line.number);
      continue;
    }
    if (!current) fail(where, line.number, fmt::format("'{}' before the first 'rule'", key));
    if (key == "type") {
      current->type = parse_type(rest, where, line.number);
    } else if (key == "match") {
      current->pattern = bound_whitespace(expand_macros(rest, macros, where, line.number));
    } else if (key == "scan") {
      current->scan = bound_whitespace(expand_macros(rest, macros, where, line.number));
    } else if (key == "value") {
      current->value = rest;
    } else if (key == "range_max") {
      current->range_max = rest;
    } else if (key == "mod") {
      current->mod = rest;
    } else if (key == "priority") {
      try {
        current->priority = std::stoi(rest);
      } catch (const std::exception&) {
        fail(where, line.number, fmt::format("priority must be an integer, got '{}'", rest));
      }
    } else if (key == "case" && rest == "sensitive") {
      current->case_sensitive = true;
    } else {
      fail(where, line.number, fmt::format("unknown key '{}' (expected type, match, scan, value, range_max, mod, priority, case)", key));
    }
  }
  finish();
}

}  // namespace

TimexResources load_timex_resources(const Resources& resources, std::string_view language) {
  TimexResources out;
  const std::string folder = fmt::format("{}/timex/", language);
  std::map<std::string, std::string, std::less<>> macros;
  std::vector<std::string> rule_files;
  for (const std::string& path : resources.list(folder)) {
    std::string_view name = std::string_view(path).substr(path.rfind('/') + 1);
    if (!name.ends_with(".txt")) continue;
    auto content = resources.read(path);
    if (!content) continue;
    const std::string where = resources.origin(path);
    if (name.starts_with("pattern_")) {
      std::string joined;
      for (const ResourceLine& line : resource_lines(*content)) joined += (joined.empty() ? "" : "|") + line.text;
      if (joined.empty()) fail(where, 1, "pattern file has no alternatives");
      macros[stem_after(path, "pattern_")] = joined;
    } else if (name.starts_with("norm_")) {
      out.norms[stem_after(path, "norm_")] = parse_norm(*content, where);
    } else if (name == "tense_cues.txt") {
      out.tense = parse_tense_cues(*content, where);
    } else if (name.starts_with("rules_")) {
      rule_files.push_back(path);
    }
  }
  for (const std::string& path : rule_files) {
    const bool negative = path.ends_with("rules_negative.txt");
    parse_rules(*resources.read(path), resources.origin(path), negative, macros, out.rules);
  }
  if (out.rules.empty()) throw std::runtime_error(fmt::format("{}: error: no rules_*.txt files", folder));
  return out;
}

}  // namespace evgraph
