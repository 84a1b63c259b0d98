// The groups of a rule's match on a span already known to match, with PCRE2's JIT.
//
// The tagger finds each match's span with Hyperscan and RE2's DFA, then needs the named
// groups of the winners. RE2 captures with BitState or, for programs over 512
// instructions, its NFA: microseconds a span, most of it cache misses on the program.
// PCRE2's JIT-compiled backtracker does the same anchored match in a fraction of that.
// Both follow Perl's leftmost-first rules, so the groups are the same; the few
// constructs the two read differently are translated, or make ok() false.
#pragma once

#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <string_view>

struct pcre2_real_code_8;

namespace evgraph {

// `pattern` (RE2 syntax) in PCRE2 syntax with the same meaning, or "" when it uses a
// construct this does not translate: \S, and ^ $ . outside a class. PCRE2's \s also
// matches a vertical tab, so \s becomes the class RE2 means.
std::string pcre2_translation(const std::string& pattern);

class SpanCapture {
 public:
  SpanCapture() = default;
  // `pattern` in RE2 syntax, matched on bytes (RE2's Latin-1 mode) with ASCII case folding.
  SpanCapture(const std::string& pattern, bool case_sensitive);
  ~SpanCapture();
  SpanCapture(SpanCapture&&) noexcept;
  SpanCapture& operator=(SpanCapture&&) noexcept;

  // False when the pattern does not translate, ignores case with bytes past ASCII
  // (RE2 folds those as Latin-1), or PCRE2 has no JIT here: capture with RE2.
  bool ok() const { return before_last_byte_ != nullptr; }

  enum class Result { match, no_match, undecided };
  // Matches exactly text[from, to), seeing the bytes around it for \b as RE2 does with
  // the whole text. On `match`, groups[i] is group i's text (data() null when the
  // group took no part); groups.size() is at most the number of groups plus one.
  // `undecided` (a PCRE2 resource limit) leaves the decision to RE2.
  Result match(std::string_view text, std::size_t from, std::size_t to, std::span<std::string_view> groups) const;

 private:
  struct Free {
    void operator()(pcre2_real_code_8* code) const;
  };
  // Anchored at `from`; one ends the match right before the subject's last byte (the
  // text up to `to` plus the byte \b looks at), the other at the subject's end.
  std::unique_ptr<pcre2_real_code_8, Free> before_last_byte_, at_end_;
};

}  // namespace evgraph
