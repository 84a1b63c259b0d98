#include "evgraph/span_capture.h"

#include <algorithm>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

namespace evgraph {

std::string pcre2_translation(const std::string& pattern) {
  std::string out;
  bool in_class = false;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\' && i + 1 < pattern.size()) {
      const char next = pattern[++i];
      if (next == 's') out += in_class ? "\\t\\n\\f\\r " : "[\\t\\n\\f\\r ]";
      else if (next == 'S') return {};
      else out += c, out += next;
      continue;
    }
    if (c == '[' && !in_class) {
      in_class = true;
      out += c;
      if (i + 1 < pattern.size() && pattern[i + 1] == '^') out += pattern[++i];
      if (i + 1 < pattern.size() && pattern[i + 1] == ']') out += pattern[++i];  // "[]...]": ] is a member
      continue;
    }
    if (c == ']' && in_class) in_class = false;
    // PCRE2's $ also matches before a final newline; . and ^ are left out for simplicity.
    if (!in_class && (c == '$' || c == '^' || c == '.')) return {};
    out += c;
  }
  return out;
}

void SpanCapture::Free::operator()(pcre2_real_code_8* code) const { pcre2_code_free(code); }

namespace {

pcre2_code* compile_jit(const std::string& pattern, bool case_sensitive) {
  int error = 0;
  PCRE2_SIZE offset = 0;
  // DOTALL for the "." of the lookahead added below, which must accept any byte.
  const uint32_t options = PCRE2_ANCHORED | PCRE2_DOTALL | (case_sensitive ? 0u : PCRE2_CASELESS);
  pcre2_code* code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(), options, &error, &offset, nullptr);
  if (code && pcre2_jit_compile(code, PCRE2_JIT_COMPLETE) != 0) {
    pcre2_code_free(code);
    return nullptr;
  }
  return code;
}

struct MatchDataFree {
  void operator()(pcre2_match_data* data) const { pcre2_match_data_free(data); }
};

}  // namespace

SpanCapture::SpanCapture(const std::string& pattern, bool case_sensitive) {
  // RE2's Latin-1 mode folds the case of bytes past ASCII too; PCRE2's tables do not.
  if (!case_sensitive && std::any_of(pattern.begin(), pattern.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }))
    return;
  const std::string translated = pcre2_translation(pattern);
  if (translated.empty()) return;
  before_last_byte_.reset(compile_jit("(?:" + translated + ")(?=.\\z)", case_sensitive));
  at_end_.reset(compile_jit("(?:" + translated + ")\\z", case_sensitive));
  if (!before_last_byte_ || !at_end_) before_last_byte_.reset(), at_end_.reset();
}

SpanCapture::~SpanCapture() = default;
SpanCapture::SpanCapture(SpanCapture&&) noexcept = default;
SpanCapture& SpanCapture::operator=(SpanCapture&&) noexcept = default;

SpanCapture::Result SpanCapture::match(std::string_view text, std::size_t from, std::size_t to,
                                       std::span<std::string_view> groups) const {
  if (!ok()) return Result::undecided;
  // Room for any rule's groups; grown once per thread for a larger one.
  thread_local std::unique_ptr<pcre2_match_data, MatchDataFree> data;
  thread_local std::size_t data_pairs = 0;
  if (data_pairs < groups.size()) {
    data_pairs = std::max<std::size_t>(groups.size(), 32);
    data.reset(pcre2_match_data_create(static_cast<uint32_t>(data_pairs), nullptr));
  }
  const bool at_end = to == text.size();
  // The subject starts at the text's start so that \b at `from` sees the byte before.
  const int found = pcre2_jit_match(at_end ? at_end_.get() : before_last_byte_.get(),
                                    reinterpret_cast<PCRE2_SPTR>(text.data()), at_end ? to : to + 1, from, 0, data.get(), nullptr);
  if (found == PCRE2_ERROR_NOMATCH) return Result::no_match;
  if (found <= 0) return Result::undecided;
  const PCRE2_SIZE* ovector = pcre2_get_ovector_pointer(data.get());
  std::fill(groups.begin(), groups.end(), std::string_view());
  const std::size_t set = std::min<std::size_t>(static_cast<std::size_t>(found), groups.size());
  for (std::size_t g = 0; g < set; ++g)
    if (ovector[2 * g] != PCRE2_UNSET) groups[g] = text.substr(ovector[2 * g], ovector[2 * g + 1] - ovector[2 * g]);
  return Result::match;
}

}  // namespace evgraph
