#include "evgraph/sentences.h"

#include <algorithm>
#include <array>

namespace evgraph {

namespace {

// ASCII letters and digits, and every byte of a multibyte character; one table
// lookup per byte of the text.
constexpr auto kWordBytes = [] {
  std::array<bool, 256> table{};
  for (int b = 0; b < 256; ++b) table[b] = (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || b >= 0x80;
  return table;
}();
bool is_word_byte(char c) { return kWordBytes[static_cast<unsigned char>(c)]; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// "U.S", "e.g": single letters joined by periods (the final period is taken too).
bool is_dotted_initials(std::string_view s) {
  if (s.size() < 3) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const bool letter_slot = i % 2 == 0;
    if (letter_slot ? !(is_upper(s[i]) || is_lower(s[i])) : s[i] != '.') return false;
  }
  return true;
}

// Fills a new (empty) token already in the vector: no temporary Token to build, move and destroy.
void fill_token(Token& t, std::string_view text, std::size_t start, std::size_t end, bool word) {
  t.start = start;
  t.end = end;
  const std::string_view s = text.substr(start, end - start);
  // Appended to the token's empty strings: cheaper than assign and resize.
  t.text.append(s.data(), s.size());
  t.lower.append(s.data(), s.size());
  char* lower = t.lower.data();
  t.word = word;
  // One pass lowercases and counts (tokenizing is 10% of extraction).
  int letters = 0, capitals = 0;
  bool digit = false;
  for (std::size_t k = 0; k < s.size(); ++k) {
    const char c = s[k];
    if (is_upper(c)) ++capitals, ++letters, lower[k] = static_cast<char>(c - 'A' + 'a');
    else if (is_lower(c)) ++letters;
    else if (is_digit(c)) digit = true;
  }
  if (word) {
    t.has_digit = digit;
    t.capitalized = is_upper(t.text[0]) || (capitals > 0 && !is_digit(t.text[0]));
    t.all_caps = letters >= 2 && capitals == letters;
    // A lone symbol from U+2000..U+2BFF (bullets, arrows) is punctuation, not a word.
    if (letters == 0 && !t.has_digit && static_cast<unsigned char>(t.text[0]) == 0xE2 && t.text.size() <= 3)
      t.word = false;
  }
}

}  // namespace

std::vector<Token> tokenize(std::string_view text, const ExtractResources& lex, const std::vector<char>* dash_break) {
  std::vector<Token> tokens;
  // About one token per five bytes of prose: growing the vector moved every token several times.
  tokens.reserve(text.size() / 5 + 1);
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    const char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
      continue;
    }
    if (is_word_byte(c)) {
      std::size_t j = i + 1;
      while (j < n) {
        if (is_word_byte(text[j])) {
          ++j;
          continue;
        }
        const char d = text[j];
        const bool next_word = j + 1 < n && is_word_byte(text[j + 1]);
        const bool hard_dash = d == '-' && dash_break && j < dash_break->size() && (*dash_break)[j];
        if ((d == '-' || d == '.' || d == '&' || d == '/') && next_word && !hard_dash) {
          ++j;
          continue;
        }
        if (d == ',' && next_word && is_digit(text[j - 1]) && is_digit(text[j + 1])) {
          ++j;
          continue;
        }
        if (d == '\'' && next_word) {
          // "Corvane's" -> "Corvane" + "'s"; "didn't" stays one word.
          const bool possessive_s = (text[j + 1] == 's' || text[j + 1] == 'S') && (j + 2 >= n || !is_word_byte(text[j + 2]));
          if (possessive_s) break;
          ++j;
          continue;
        }
        break;
      }
      // Keep the final period of initials ("U.S.") and of listed abbreviations ("Dr.").
      if (j < n && text[j] == '.') {
        std::string_view w = text.substr(i, j - i);
        if (is_dotted_initials(w) || lex.abbreviations.count(ascii_lower(std::string(w) + "."))) ++j;
      }
      // "1Corvane" (a list number glued to a name): the digits are their own token.
      std::size_t digits = i;
      while (digits < j && is_digit(text[digits])) ++digits;
      if (digits > i && digits + 1 < j && is_upper(text[digits]) && is_lower(text[digits + 1])) {
        fill_token(tokens.emplace_back(), text, i, digits, true);
        i = digits;
      }
      fill_token(tokens.emplace_back(), text, i, j, true);
      i = j;
      continue;
    }
    if (c == '\'' && i + 1 < n && (text[i + 1] == 's' || text[i + 1] == 'S') && (i + 2 >= n || !is_word_byte(text[i + 2])) &&
        i > 0 && is_word_byte(text[i - 1])) {
      fill_token(tokens.emplace_back(), text, i, i + 2, false);
      tokens.back().lower = "'s";
      i += 2;
      continue;
    }
    if (c == '.' && i + 2 < n && text[i + 1] == '.' && text[i + 2] == '.') {
      fill_token(tokens.emplace_back(), text, i, i + 3, false);
      i += 3;
      continue;
    }
    // One punctuation character (or one whole non-ASCII symbol that was not folded).
    fill_token(tokens.emplace_back(), text, i, i + 1, false);
    ++i;
  }
  return tokens;
}

TextAnalysis::TextAnalysis(std::string_view original, const ExtractResources& lex)
    : original_(original), normalized_(original) {
  const std::string& text = normalized_.text();
  // Em and en dashes separate words; hyphens (also U+2010/U+2011) join them.
  std::vector<char> dash_break(text.size(), 0);
  for (std::size_t i = text.find('-'); i != std::string::npos; i = text.find('-', i + 1)) {
    const std::size_t o = normalized_.original_offset(i);
    if (o + 3 <= original.size() && static_cast<unsigned char>(original[o]) == 0xE2 &&
        static_cast<unsigned char>(original[o + 1]) == 0x80) {
      const auto third = static_cast<unsigned char>(original[o + 2]);
      dash_break[i] = third >= 0x92 && third <= 0x95;  // figure dash, en dash, em dash, horizontal bar
    }
  }
  tokens_ = tokenize(text, lex, &dash_break);

  // Paragraphs are lines; sentences never cross a line break.
  std::size_t line_start = 0;
  int token = 0;
  const int token_count = static_cast<int>(tokens_.size());
  while (line_start <= text.size()) {
    std::size_t line_end = text.find('\n', line_start);
    if (line_end == std::string::npos) line_end = text.size();
    Paragraph p;
    p.start = line_start;
    p.end = line_end;
    p.first_token = token;
    while (token < token_count && tokens_[token].start < line_end) ++token;
    p.last_token = token;
    if (p.last_token > p.first_token) {
      const int index = static_cast<int>(paragraphs_.size());
      int words = 0, capitals = 0;
      for (int t = p.first_token; t < p.last_token; ++t) {
        tokens_[t].paragraph = index;
        if (tokens_[t].word && !tokens_[t].has_digit) {
          ++words;
          if (tokens_[t].capitalized) ++capitals;
        }
      }
      const Token& last = tokens_[p.last_token - 1];
      const bool final_punct = last.text == "." || last.text == "!" || last.text == "?" || last.text == "\"" ||
                               last.text == ":" || last.text == "..." || last.text == ")" || last.text.back() == '.';
      // The first line without final punctuation is the headline, even in sentence case.
      p.heading = !final_punct && words <= 16 && (capitals * 2 >= words || index == 0);
      paragraphs_.push_back(p);

      // Sentences inside the line.
      int s_first = p.first_token;
      for (int t = p.first_token; t < p.last_token; ++t) {
        const Token& tok = tokens_[t];
        const bool terminal = tok.text == "." || tok.text == "!" || tok.text == "?" || tok.text == "...";
        if (!terminal) continue;
        int end = t + 1;
        while (end < p.last_token && (tokens_[end].text == "\"" || tokens_[end].text == ")" || tokens_[end].text == "'")) {
          // A closing quote right after the terminal belongs to this sentence.
          if (tokens_[end].text == "\"" && end + 1 < p.last_token && tokens_[end + 1].start == tokens_[end].end) break;
          ++end;
        }
        if (end < p.last_token) {
          const Token& next = tokens_[end];
          const bool starts_new = next.capitalized || next.has_digit || next.text == "\"" || next.text == "(" ||
                                  next.text == "[" || next.text == "-";
          if (!starts_new) continue;
          if (tok.text == "..." && !next.capitalized) continue;
        }
        sentences_.push_back({tokens_[s_first].start, tokens_[end - 1].end, s_first, end, index});
        s_first = end;
        t = end - 1;
      }
      if (s_first < p.last_token)
        sentences_.push_back({tokens_[s_first].start, tokens_[p.last_token - 1].end, s_first, p.last_token, index});
    }
    if (line_end == text.size()) break;
    line_start = line_end + 1;
  }
  for (int s = 0; s < static_cast<int>(sentences_.size()); ++s)
    for (int t = sentences_[s].first_token; t < sentences_[s].last_token; ++t) tokens_[t].sentence = s;
}

Span TextAnalysis::original_span(std::size_t start, std::size_t end) const {
  auto [a, b] = normalized_.original_span(start, end);
  return Span{a, b, std::string(original_.substr(a, b - a))};
}

int TextAnalysis::token_at_or_after(std::size_t offset) const {
  auto it = std::lower_bound(tokens_.begin(), tokens_.end(), offset,
                             [](const Token& t, std::size_t off) { return t.start < off; });
  return static_cast<int>(it - tokens_.begin());
}

int TextAnalysis::sentence_at(std::size_t offset) const {
  auto it = std::upper_bound(sentences_.begin(), sentences_.end(), offset,
                             [](std::size_t off, const Sentence& s) { return off < s.start; });
  if (it == sentences_.begin()) return -1;
  --it;
  if (offset > it->end) return -1;
  return static_cast<int>(it - sentences_.begin());
}

}  // namespace evgraph
