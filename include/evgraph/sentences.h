// Tokens, sentences and paragraphs of an article, with offsets.
//
// Matching runs on the normalized text (curly quotes, dashes and ellipses folded
// to ASCII, see utf8.h); every offset here is into that normalized text, and
// `original_span()` maps a range back to UTF-8 byte offsets of the file.
//
//   TextAnalysis text(doc.text, lexicons);
//   for (const Sentence& s : text.sentences()) ... text.tokens()[s.first_token] ...
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "evgraph/extract_resources.h"
#include "evgraph/extraction.h"
#include "evgraph/utf8.h"

namespace evgraph {

struct Token {
  std::size_t start = 0;  // normalized offsets, end exclusive
  std::size_t end = 0;
  std::string text;
  std::string lower;
  bool word = false;         // letters/digits (vs punctuation)
  bool capitalized = false;  // starts with an ASCII capital, or has an inner capital ("iPhone")
  bool all_caps = false;     // two or more letters, all capitals ("CORVANE", "NATO")
  bool has_digit = false;
  int sentence = -1;
  int paragraph = -1;
};

struct Sentence {
  std::size_t start = 0;  // normalized offsets
  std::size_t end = 0;
  int first_token = 0;  // [first_token, last_token)
  int last_token = 0;
  int paragraph = -1;
};

struct Paragraph {
  std::size_t start = 0;  // one line of the file, normalized offsets
  std::size_t end = 0;
  int first_token = 0;
  int last_token = 0;
  bool heading = false;  // a short line without final punctuation, mostly capitalized words
};

// Splits `text` (any string, typically normalized) into tokens. Used for
// articles and for lexicon phrases alike, so both tokenize the same way.
// `dash_break`, when given, marks normalized offsets of '-' that were em or en dashes:
// words are not joined across them ("Brask—to" is two words, "Cold‑War‑era" one).
std::vector<Token> tokenize(std::string_view text, const ExtractResources& lex,
                            const std::vector<char>* dash_break = nullptr);

class TextAnalysis {
 public:
  TextAnalysis(std::string_view original, const ExtractResources& lex);

  std::string_view original() const { return original_; }
  const std::string& text() const { return normalized_.text(); }
  const NormalizedText& normalized() const { return normalized_; }
  const std::vector<Token>& tokens() const { return tokens_; }
  const std::vector<Sentence>& sentences() const { return sentences_; }
  const std::vector<Paragraph>& paragraphs() const { return paragraphs_; }

  // The original bytes and offsets of normalized [start, end).
  Span original_span(std::size_t start, std::size_t end) const;
  // Only the offsets of original_span(): no copy of the text, for comparisons.
  std::pair<std::size_t, std::size_t> original_range(std::size_t start, std::size_t end) const {
    return normalized_.original_span(start, end);
  }
  // The original offset of normalized `offset` (original_span's start).
  std::size_t original_offset(std::size_t offset) const { return normalized_.original_offset(offset); }
  // Index of the token starting at or after normalized `offset` (tokens().size() if none).
  int token_at_or_after(std::size_t offset) const;
  // Index of the sentence containing normalized `offset`, or -1.
  int sentence_at(std::size_t offset) const;

 private:
  std::string_view original_;
  NormalizedText normalized_;
  std::vector<Token> tokens_;
  std::vector<Sentence> sentences_;
  std::vector<Paragraph> paragraphs_;
};

}  // namespace evgraph
