#include "evgraph/quotes.h"

#include <algorithm>
#include <cstring>
#include <functional>
#include <set>

#include "evgraph/coreference.h"
#include "evgraph/fixed_word_set.h"

namespace evgraph {

int count_words(const std::string& text, std::size_t start, std::size_t end) {
  int words = 0;
  bool in_word = false;
  for (std::size_t i = start; i < end && i < text.size(); ++i) {
    const bool space = text[i] == ' ' || text[i] == '\n' || text[i] == '\t';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

std::vector<QuoteSpan> find_quote_spans(const TextAnalysis& text) {
  enum class Mark { open, close, straight };
  std::vector<QuoteSpan> spans;
  const std::string& s = text.text();
  const auto& paragraphs = text.paragraphs();
  std::size_t open = std::string::npos;
  for (std::size_t p = 0; p < paragraphs.size(); ++p) {
    const Paragraph& para = paragraphs[p];
    bool first_mark = true;
    // Quotation marks are rare: memchr finds the next one within the paragraph.
    for (std::size_t i = para.start; i < para.end; ++i) {
      const void* mark_at = std::memchr(s.data() + i, '"', para.end - i);
      if (!mark_at) break;
      i = static_cast<std::size_t>(static_cast<const char*>(mark_at) - s.data());
      const std::string original = text.original_span(i, i + 1).text;
      Mark mark = Mark::straight;
      if (original == "\xE2\x80\x9C") mark = Mark::open;        // U+201C
      else if (original == "\xE2\x80\x9D") mark = Mark::close;  // U+201D
      const bool continuation = first_mark && open != std::string::npos && i == para.start;
      first_mark = false;
      if (continuation) continue;  // a quote running on: the new paragraph reopens it
      if (open == std::string::npos) {
        if (mark == Mark::close) continue;  // stray closing mark
        open = i;
        continue;
      }
      if (mark == Mark::open) {  // unbalanced: start again here
        open = i;
        continue;
      }
      spans.push_back({open, i, open + 1, i});
      open = std::string::npos;
    }
    if (open != std::string::npos) {
      // Runs on only if the next paragraph opens with a quotation mark.
      const bool runs_on = p + 1 < paragraphs.size() && paragraphs[p + 1].start < s.size() &&
                           s[paragraphs[p + 1].start] == '"';
      if (!runs_on) {
        spans.push_back({open, para.end, open + 1, para.end});
        open = std::string::npos;
      }
    }
  }
  return spans;
}

namespace {

bool is_title_like(const TextAnalysis& text, const QuoteSpan& q) {
  // "On Tariffs and Their Limits": capitalized content words, no sentence punctuation.
  int content = 0, capitalized = 0;
  for (int t = text.token_at_or_after(q.start); t < static_cast<int>(text.tokens().size()); ++t) {
    const Token& tok = text.tokens()[t];
    if (tok.start >= q.end) break;
    if (!tok.word) {
      if (tok.text == "." || tok.text == "!" || tok.text == "?" || tok.text == ":") return false;
      continue;
    }
    if (tok.text.size() < 4 && !tok.capitalized) continue;
    ++content;
    if (tok.capitalized) ++capitalized;
  }
  return content > 0 && capitalized == content;
}

}  // namespace

bool affiliation(const TextAnalysis& text, const Mention& m) {
  // "Experts from Yale and the Urban Institute have warned": people of X act for X.
  static const FixedWordSet people = {"experts",   "analysts",  "researchers", "economists", "scientists",
                                               "officials", "lawmakers", "executives",  "investors",  "critics",
                                               "economist", "analyst",   "researcher",  "expert",     "staff"};
  const auto& tokens = text.tokens();
  for (int k = m.first_token - 1; k >= std::max(1, m.first_token - 8); --k) {
    if (!tokens[k].word || tokens[k].sentence != m.sentence) return false;
    if (tokens[k].lower == "from" || tokens[k].lower == "at") return people.count(tokens[k - 1].lower) > 0;
  }
  return false;
}

int nearest_subject(const TextAnalysis& text, const std::vector<Mention>& mentions, int before, int sentence,
                    const std::function<bool(const Mention&)>& usable) {
  // The closest usable mention before `before` in the sentence that is not the object of a
  // preposition; an apposition ("Y, a group that includes X,") yields to the name it describes.
  const auto& tokens = text.tokens();
  // "The Coalition, a group representing pensioners and people with chronic illnesses, called":
  // a long apposition right before the verb; the name before it is the subject.
  if (before >= 2 && tokens[before - 1].text == ",") {
    for (int c = before - 2; c >= std::max(0, before - 20) && tokens[c].sentence == sentence; --c) {
      if (tokens[c].text != ",") continue;
      const std::string& opener = c + 1 < before ? tokens[c + 1].lower : std::string();
      if (opener != "a" && opener != "an" && opener != "the" && opener != "which" && opener != "who") break;
      for (std::size_t i = 0; i < mentions.size(); ++i)
        if (mentions[i].last_token == c && mentions[i].sentence == sentence && usable(mentions[i]) &&
            !mentions[i].possessive)
          return static_cast<int>(i);
      break;
    }
  }
  int best = -1;
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    const Mention& m = mentions[i];
    if (m.sentence != sentence || m.last_token > before || !usable(m)) continue;
    if (m.possessive) continue;
    if (after_preposition(text, m) && !affiliation(text, m)) continue;
    if (best >= 0 && mentions[best].last_token > m.first_token) continue;  // nested
    best = static_cast<int>(i);
  }
  if (best >= 0 && mentions[best].last_token < static_cast<int>(tokens.size()) &&
      tokens[mentions[best].last_token].text == ",") {
    // Is `best` inside an apposition opened by a comma right after an earlier mention?
    for (int k = mentions[best].first_token - 1; k >= 0 && tokens[k].sentence == sentence; --k) {
      if (tokens[k].text != ",") continue;
      for (std::size_t i = 0; i < mentions.size(); ++i)
        if (mentions[i].last_token == k && usable(mentions[i]) && !mentions[i].possessive &&
            mentions[i].sentence == sentence)
          return static_cast<int>(i);
      break;
    }
  }
  return best;
}

namespace {

struct Attributor {
  const TextAnalysis& text;
  const std::vector<Token>& tokens;
  const std::vector<Mention>& mentions;
  const ExtractResources& lex;

  bool speaker_like(const Mention& m) const {
    if (m.actor < 0 || m.in_quote) return false;
    if (m.type == MentionType::policy) return false;
    return m.kind != "rule" && m.kind != "product";
  }

  // Speech word (verb or noun) starting at token t: its length, 0 if none.
  int speech_at(int t, int limit, bool* noun = nullptr) const {
    int v = match_any(tokens, t, limit, lex.speech_verbs);
    if (v) {
      if (noun) *noun = false;
      return v;
    }
    int n = match_any(tokens, t, limit, lex.speech_nouns);
    if (n && noun) *noun = true;
    return n;
  }

  // Mention covering token t (speaker-like), or -1.
  int mention_at(int t) const {
    for (std::size_t i = 0; i < mentions.size(); ++i)
      if (mentions[i].first_token <= t && t < mentions[i].last_token && speaker_like(mentions[i]))
        return static_cast<int>(i);
    return -1;
  }

  // Speaker for a speech word at token `w` (noun or verb) in sentence `s`:
  // the possessor right before a noun ("X's response"), "according to X", else the
  // clause subject before the word.
  int speaker_before(int w, bool noun, int sentence) const {
    if (sentence < 0) return -1;
    const Sentence& s = text.sentences()[sentence];
    if (noun) {
      for (int k = w - 1; k >= std::max(s.first_token, w - 4); --k) {
        if (tokens[k].lower == "'s") {
          const int m = mention_at(k - 1);
          if (m >= 0) return m;
          break;
        }
        if (!tokens[k].word) break;
      }
    }
    // "according to X": the speaker follows.
    if (tokens[w].lower == "according") {
      for (int k = w + 2; k < std::min(s.last_token, w + 8); ++k)
        if (int m = mention_at(k); m >= 0) return m;
      return -1;
    }
    // ", telling the BBC that ...", ", calling it ...": a participle after a comma
    // continues the main clause, whose subject speaks (not the object before the comma).
    if (w > s.first_token && tokens[w - 1].text == "," && tokens[w].lower.ends_with("ing")) {
      for (std::size_t i = 0; i < mentions.size(); ++i) {
        const Mention& m = mentions[i];
        if (m.sentence != sentence || m.last_token > w || !speaker_like(m) || m.possessive) continue;
        if (after_preposition(text, m)) continue;
        return static_cast<int>(i);
      }
    }
    return nearest_subject(text, mentions, w, sentence, [&](const Mention& m) { return speaker_like(m); });
  }

  void attribute(AttributedQuote& q) const {
    const int open_tok = text.token_at_or_after(q.span.open);
    const int close_tok = text.token_at_or_after(q.span.close);  // the closing mark (or the next token)
    const int ntok = static_cast<int>(tokens.size());
    const int para = open_tok < ntok ? tokens[open_tok].paragraph : -1;

    // (a) After the quote: '," X said' / '," said X' / '," X, the CEO of Y, said' in the same paragraph.
    {
      int t = close_tok;
      if (t < ntok && tokens[t].text == "\"") ++t;
      const int close_para = close_tok < ntok ? tokens[close_tok].paragraph : -1;
      if (t < ntok && tokens[t].paragraph == close_para && (tokens[t].text == "," || tokens[t].text == "."))
        ++t;  // punctuation outside the marks
      // A quotation that ended its sentence ('... world."  The next sentence') has no cue after it.
      const bool same_sentence = t < ntok && close_tok < ntok && tokens[t].sentence == tokens[close_tok].sentence;
      if (t < ntok && tokens[t].paragraph == close_para && same_sentence) {
        bool noun = false;
        int speaker = -1, verb = -1, verb_len = 0;
        if (int len = speech_at(t, ntok, &noun); len && !noun) {
          // '" said X'
          verb = t, verb_len = len;
          for (int j = t + len; j < std::min(ntok, t + len + 4) && speaker < 0; ++j)
            if (tokens[j].sentence == tokens[t].sentence) speaker = mention_at(j);
        } else {
          // '," X said', '," council member X said', '," X, the CEO of Y, said': the verb within a
          // dozen tokens of the same sentence; the speaker is the last person named before it,
          // else the first actor.
          const int limit = std::min(ntok, t + 14);
          for (int k = t; k < limit && verb < 0; ++k) {
            if (tokens[k].paragraph != close_para || tokens[k].text == "\"" || tokens[k].text == "." ||
                tokens[k].text == ";" || tokens[k].text == ":")
              break;
            if (int len = speech_at(k, ntok, &noun); len && !noun) verb = k, verb_len = len;
          }
          if (verb >= 0) {
            int first = -1, person = -1;
            for (int k = t; k < verb; ++k) {
              const int m = mention_at(k);
              if (m < 0) continue;
              if (first < 0) first = m;
              if (mentions[m].kind == "person") person = m;
            }
            speaker = person >= 0 ? person : first;
          }
        }
        if (speaker >= 0 && verb >= 0) {
          q.speaker_mention = speaker;
          const Mention& m = mentions[speaker];
          q.cue_start = std::min(m.start, tokens[verb].start);
          q.cue_end = std::max(m.end, tokens[verb + verb_len - 1].end);
          return;
        }
      }
    }
    // (b, c) Before the quote in its sentence (or the previous line ending with ':'):
    // the nearest speech verb or noun, and its subject or possessor.
    {
      int sentence = open_tok < ntok ? tokens[open_tok].sentence : -1;
      int end = open_tok;
      if (open_tok > 0 && tokens[open_tok - 1].text == ":" ) {
        sentence = tokens[open_tok - 1].sentence;
        end = open_tok - 1;
      }
      if (sentence >= 0) {
        const Sentence& s = text.sentences()[sentence];
        for (int k = end - 1; k >= s.first_token; --k) {
          if (tokens[k].text == "\"") break;  // another quotation in between
          bool noun = false;
          const int len = speech_at(k, end, &noun);
          if (!len) continue;
          const int speaker = speaker_before(k, noun, sentence);
          if (speaker >= 0) {
            q.speaker_mention = speaker;
            q.cue_start = tokens[k].start;
            // "told CNBC:" up to the colon; a partial quote's cue is the speech word itself.
            q.cue_end = end < open_tok ? tokens[end].end : tokens[k + len - 1].end;
            return;
          }
        }
        // "X's response was merciless:" without a listed word: a colon after a subject.
        if (end < open_tok) {
          const int speaker = speaker_before(end, false, sentence);
          if (speaker >= 0) {
            q.speaker_mention = speaker;
            q.cue_start = mentions[speaker].end;
            q.cue_end = tokens[end].end;
            return;
          }
        }
      }
    }
    // (d) A block quote followed by a byline line ("Jane Doe, CEO of X").
    if (para >= 0 && q.span.open == text.paragraphs()[para].start) {
      const auto& paragraphs = text.paragraphs();
      // The quote's last paragraph.
      int last_para = para;
      while (last_para + 1 < static_cast<int>(paragraphs.size()) && paragraphs[last_para].end < q.span.close) ++last_para;
      if (last_para + 1 < static_cast<int>(paragraphs.size())) {
        const Paragraph& next = paragraphs[last_para + 1];
        if (next.last_token - next.first_token <= 10) {
          const int m = mention_at(next.first_token);
          if (m >= 0 && mentions[m].kind == "person") {
            q.speaker_mention = m;
            return;
          }
        }
      }
    }
  }
};

}  // namespace

bool is_statement_span(const TextAnalysis& text, const QuoteSpan& span) {
  return count_words(text.text(), span.start, span.end) >= 5 && !is_title_like(text, span);
}

std::vector<AttributedQuote> attribute_quotes(const TextAnalysis& text, const std::vector<QuoteSpan>& spans,
                                              const std::vector<Mention>& mentions, const ExtractResources& lex) {
  Attributor a{text, text.tokens(), mentions, lex};
  std::vector<AttributedQuote> out;
  for (const QuoteSpan& span : spans) {
    AttributedQuote q;
    q.span = span;
    q.words = count_words(text.text(), span.start, span.end);
    if (q.words < 5) continue;  // scare quotes and short phrases are not statements
    if (is_title_like(text, span)) continue;
    a.attribute(q);
    out.push_back(q);
  }
  const auto& tokens = text.tokens();
  // '"...," she said. "We will not accept it."': a quotation opening the sentence right after an
  // attributed one, with no one else named in between, goes on with the same speaker.
  for (std::size_t i = 1; i < out.size(); ++i) {
    AttributedQuote& q = out[i];
    const AttributedQuote& p = out[i - 1];
    if (q.speaker_mention >= 0 || p.speaker_mention < 0) continue;
    const Mention& speaker = mentions[p.speaker_mention];
    const int q_sentence = tokens[text.token_at_or_after(q.span.start)].sentence;
    const int p_sentence = std::max(speaker.sentence, tokens[text.token_at_or_after(p.span.start)].sentence);
    if (q_sentence != p_sentence + 1) continue;
    const std::size_t from = text.sentences()[p_sentence].end;
    bool other = false;
    // Mentions are in text order: look only at those between.
    auto it = std::lower_bound(mentions.begin(), mentions.end(), from,
                               [](const Mention& m, std::size_t offset) { return m.start < offset; });
    for (; it != mentions.end() && it->start < q.span.start; ++it)
      other = other || (it->actor >= 0 && it->actor != speaker.actor);
    if (!other) q.speaker_mention = p.speaker_mention;
  }
  // "The above passage is from X's statement": attributes the nearest earlier unattributed quote.
  for (const Sentence& s : text.sentences()) {
    for (int t = s.first_token; t + 2 < s.last_token; ++t) {
      if (tokens[t].lower != "above") continue;
      int from = -1;
      for (int k = t + 1; k < std::min(s.last_token, t + 6); ++k)
        if (tokens[k].lower == "from") from = k;
      if (from < 0) continue;
      int speaker = -1;
      for (int k = from + 1; k < s.last_token && speaker < 0; ++k) speaker = a.mention_at(k);
      if (speaker < 0) continue;
      for (auto it = out.rbegin(); it != out.rend(); ++it) {
        if (it->span.end > s.start) continue;
        if (it->speaker_mention < 0) {
          it->speaker_mention = speaker;
          it->cue_start = s.start;
          it->cue_end = mentions[speaker].end;
        }
        break;
      }
    }
  }
  // "union spokesman Klaus Meyer said": what a spokesperson says is the organization's
  // statement, named spokesperson or not (the corpus convention).
  for (AttributedQuote& q : out) {
    if (q.speaker_mention <= 0) continue;
    const Mention& person = mentions[q.speaker_mention];
    for (std::size_t i = 0; i < mentions.size(); ++i)
      if (mentions[i].type == MentionType::spokesperson && mentions[i].last_token == person.first_token &&
          mentions[i].actor >= 0 && mentions[i].actor != person.actor)
        q.speaker_mention = static_cast<int>(i);
  }
  return out;
}

}  // namespace evgraph
