#include "evgraph/extract_resources.h"

#include <algorithm>
#include <functional>
#include <stdexcept>

#include <fmt/format.h>

#include "evgraph/sentences.h"
#include "evgraph/store.h"

namespace evgraph {

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

Phrase make_phrase(std::string_view text) {
  Phrase phrase;
  std::string current;
  for (char c : text) {
    if (c == ' ' || c == '\t') {
      if (!current.empty()) phrase.push_back(ascii_lower(current));
      current.clear();
    } else {
      current.push_back(c);
    }
  }
  if (!current.empty()) phrase.push_back(ascii_lower(current));
  return phrase;
}

namespace {

// Whether the lowercase form of `word` is in `set`, without allocating for
// words of usual length.
bool contains_lowercase(const WordSet& set, std::string_view word) {
  char buffer[32];
  if (word.size() > sizeof buffer) return set.count(ascii_lower(word)) > 0;
  for (std::size_t i = 0; i < word.size(); ++i) {
    const char c = word[i];
    buffer[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return set.find(std::string_view(buffer, word.size())) != set.end();
}

}  // namespace

bool ExtractResources::is_non_name(std::string_view word) const { return contains_lowercase(non_names, word); }
bool ExtractResources::is_demonym(std::string_view word) const {
  if (contains_lowercase(demonyms, word)) return true;
  // "Cuban-Americans", "Chinese-American": every part a nationality word.
  if (word.find('-') == std::string_view::npos) return false;
  std::size_t start = 0;
  while (start <= word.size()) {
    const std::size_t dash = std::min(word.find('-', start), word.size());
    if (dash == start || !contains_lowercase(demonyms, word.substr(start, dash - start))) return false;
    start = dash + 1;
  }
  return true;
}

namespace {

std::string trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> parts;
  std::size_t pos = 0;
  while (true) {
    std::size_t next = s.find(sep, pos);
    parts.push_back(trim(s.substr(pos, next == std::string_view::npos ? std::string_view::npos : next - pos)));
    if (next == std::string_view::npos) break;
    pos = next + 1;
  }
  return parts;
}

struct FileReader {
  const Resources& resources;
  std::string path;
  std::vector<ResourceLine> lines;

  FileReader(const Resources& r, std::string p) : resources(r), path(std::move(p)) {
    auto content = resources.read(path);
    if (!content) throw std::runtime_error(fmt::format("{}: error: missing resource file", resources.origin(path)));
    lines = resource_lines(*content);
  }
  [[noreturn]] void fail(const ResourceLine& line, std::string_view message) const {
    throw std::runtime_error(fmt::format("{}:{}: error: {}", resources.origin(path), line.number, message));
  }
};

bool known_kind(std::string_view kind) {
  for (const char* k : kActorKinds)
    if (kind == k) return true;
  return false;
}

bool known_action(std::string_view action) {
  for (const char* a : kActions)
    if (action == a) return true;
  return false;
}

// "key: a, b, c" lines.
void read_keyed_lists(const FileReader& file,
                      const std::function<void(const ResourceLine&, const std::string&, const std::string&)>& add) {
  for (const ResourceLine& line : file.lines) {
    const std::size_t colon = line.text.find(':');
    if (colon == std::string::npos) file.fail(line, "expected 'key: phrase, phrase, ...'");
    const std::string key = trim(std::string_view(line.text).substr(0, colon));
    for (const std::string& item : split(std::string_view(line.text).substr(colon + 1), ','))
      if (!item.empty()) add(line, key, item);
  }
}

}  // namespace

ExtractResources ExtractResources::load(const Resources& resources) {
  ExtractResources lex;
  const std::string dir = "en/extract/";
  // One entry per line, matched case-insensitively.
  auto read_lowercase_set = [&](const std::string& file, auto& set) {
    FileReader f(resources, dir + file);
    for (const auto& line : f.lines) set.insert(ascii_lower(line.text));
  };
  read_lowercase_set("abbreviations.txt", lex.abbreviations);
  read_lowercase_set("non_names.txt", lex.non_names);
  read_lowercase_set("demonyms.txt", lex.demonyms);
  {
    FileReader f(resources, dir + "places.txt");
    for (const auto& line : f.lines) lex.places.insert(line.text);
  }
  {
    FileReader f(resources, dir + "gazetteer.txt");
    for (const auto& line : f.lines) {
      auto parts = split(line.text, '|');
      if (parts.size() != 3 || parts[0].empty()) f.fail(line, "expected 'Name | kind | alias; alias'");
      if (!known_kind(parts[1])) f.fail(line, fmt::format("unknown actor kind '{}'", parts[1]));
      GazetteerEntry entry{parts[0], parts[1], {}};
      for (const std::string& alias : split(parts[2], ';'))
        if (!alias.empty()) entry.aliases.push_back(alias);
      const std::size_t index = lex.gazetteer.size();
      lex.gazetteer_alias.emplace(entry.name, index);
      for (const std::string& alias : entry.aliases) lex.gazetteer_alias.emplace(alias, index);
      lex.gazetteer.push_back(std::move(entry));
    }
  }
  {
    FileReader f(resources, dir + "name_heads.txt");
    for (const auto& line : f.lines) {
      auto parts = split(line.text, '|');
      if (parts.size() != 2 || parts[0].empty()) f.fail(line, "expected 'Word | kind'");
      if (!known_kind(parts[1])) f.fail(line, fmt::format("unknown actor kind '{}'", parts[1]));
      lex.name_heads[ascii_lower(parts[0])] = parts[1];
    }
  }
  {
    FileReader f(resources, dir + "titles.txt");
    for (const auto& line : f.lines) lex.titles.add(make_phrase(line.text));
  }
  {
    FileReader f(resources, dir + "descriptions.txt");
    for (const auto& line : f.lines) {
      auto parts = split(line.text, '|');
      if (parts.size() < 2 || parts.size() > 3 || parts[0].empty())
        f.fail(line, "expected 'head | kind' or 'head | kind | name words'");
      if (!known_kind(parts[1])) f.fail(line, fmt::format("unknown actor kind '{}'", parts[1]));
      const std::string head = ascii_lower(parts[0]);
      lex.descriptions[head] = parts[1];
      if (const std::size_t space = head.find(' ');
          space != std::string::npos && head.find(' ', space + 1) == std::string::npos)
        lex.description_second_words.insert(head.substr(space + 1));
      if (parts.size() == 3)
        for (const std::string& word : split(parts[2], ' '))
          if (!word.empty()) lex.description_name_words[head].insert(ascii_lower(word));
    }
  }
  {
    FileReader f(resources, dir + "policy_phrases.txt");
    for (const auto& line : f.lines) {
      auto parts = split(line.text, '|');
      if (parts.size() != 2 || parts[0].empty() || parts[1].empty()) f.fail(line, "expected 'phrase | canonical name'");
      lex.policy_phrases.add(make_phrase(parts[0]));
      lex.policy_canonical.push_back(parts[1]);
    }
  }
  {
    FileReader f(resources, dir + "spokespeople.txt");
    for (const auto& line : f.lines) lex.spokespeople.add(make_phrase(line.text));
  }
  {
    FileReader f(resources, dir + "speech_verbs.txt");
    read_keyed_lists(f, [&](const ResourceLine& line, const std::string& key, const std::string& item) {
      if (key == "verb") lex.speech_verbs.add(make_phrase(item));
      else if (key == "noun") lex.speech_nouns.add(make_phrase(item));
      else f.fail(line, fmt::format("unknown class '{}' (expected verb or noun)", key));
    });
  }
  {
    FileReader f(resources, dir + "triggers.txt");
    read_keyed_lists(f, [&](const ResourceLine& line, const std::string& key, const std::string& item) {
      if (!known_action(key)) f.fail(line, fmt::format("unknown action '{}'", key));
      lex.triggers.add(make_phrase(item));
      lex.trigger_actions.push_back(key);
    });
  }
  {
    FileReader f(resources, dir + "response_cues.txt");
    for (const auto& line : f.lines) lex.response_cues.add(make_phrase(line.text));
  }
  read_lowercase_set("position_nouns.txt", lex.position_nouns);
  {
    FileReader f(resources, dir + "act_nouns.txt");
    for (const auto& line : f.lines) {
      auto parts = split(line.text, '|');
      if (parts.size() < 2 || parts.size() > 3 || parts[0].empty())
        f.fail(line, "expected 'noun | action ...' or 'noun | action ... | trigger word ...'");
      auto& act = lex.act_nouns[ascii_lower(parts[0])];
      for (const std::string& action : split(parts[1], ' ')) {
        if (action.empty()) continue;
        if (!known_action(action)) f.fail(line, fmt::format("unknown action '{}'", action));
        act.actions.insert(action);
      }
      if (act.actions.empty()) f.fail(line, "expected at least one action after '|'");
      if (parts.size() == 3)
        for (const std::string& word : split(parts[2], ' '))
          if (!word.empty()) act.trigger_words.insert(ascii_lower(word));
    }
  }
  read_lowercase_set("group_nouns.txt", lex.group_nouns);
  read_lowercase_set("critic_groups.txt", lex.critic_groups);
  read_lowercase_set("place_nouns.txt", lex.place_nouns);
  read_lowercase_set("name_particles.txt", lex.name_particles);
  {
    FileReader f(resources, dir + "money_verbs.txt");
    read_keyed_lists(f, [&](const ResourceLine& line, const std::string& key, const std::string& item) {
      if (key == "invest") lex.invest_verbs.insert(ascii_lower(item));
      else if (key == "fund") lex.fund_verbs.insert(ascii_lower(item));
      else if (key == "currency") lex.currency_words.insert(ascii_lower(item));
      else f.fail(line, fmt::format("unknown class '{}' (expected invest, fund or currency)", key));
    });
  }
  {
    FileReader f(resources, dir + "evaluations.txt");
    for (const auto& line : f.lines) {
      auto parts = split(line.text, '|');
      if (parts.size() != 2 || parts[0].empty() || (parts[1] != "criticize" && parts[1] != "support"))
        f.fail(line, "expected 'word | criticize' or 'word | support'");
      lex.evaluations[ascii_lower(parts[0])] = parts[1];
    }
  }
  read_lowercase_set("occasion_heads.txt", lex.occasion_heads);
  for (const auto& [surface, index] : lex.gazetteer_alias) {
    std::vector<std::string> texts;
    for (const Token& t : tokenize(surface, lex)) texts.push_back(t.text);
    if (texts.empty()) continue;
    lex.gazetteer_phrases.add(std::move(texts));
    lex.gazetteer_phrase_entry.push_back(index);
  }
  return lex;
}

}  // namespace evgraph
