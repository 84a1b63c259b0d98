#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>

#include "evgraph/span_capture.h"

using evgraph::pcre2_translation;
using evgraph::SpanCapture;

namespace {

// What the tagger got from RE2 before: the groups of the full match of [from, to),
// RE2 seeing one byte either side. Empty vector when RE2 finds no such match.
std::vector<std::string> re2_groups(const std::string& pattern, bool case_sensitive, std::string_view text, std::size_t from,
                                    std::size_t to) {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingLatin1);
  options.set_case_sensitive(case_sensitive);
  RE2 re(pattern, options);
  REQUIRE(re.ok());
  std::vector<re2::StringPiece> groups(re.NumberOfCapturingGroups() + 1);
  const std::size_t begin = from > 0 ? from - 1 : 0, end = std::min(text.size(), to + 1);
  const re2::StringPiece context(text.data() + begin, end - begin);
  if (!re.Match(context, from - begin, to - begin, RE2::ANCHOR_BOTH, groups.data(), static_cast<int>(groups.size())))
    return {};
  std::vector<std::string> out;
  for (const auto& g : groups) out.push_back(g.data() ? std::string(g.data(), g.size()) : "<unset>");
  return out;
}

std::vector<std::string> pcre2_groups(const std::string& pattern, bool case_sensitive, std::string_view text, std::size_t from,
                                      std::size_t to, std::size_t group_count) {
  const SpanCapture capture(pattern, case_sensitive);
  REQUIRE(capture.ok());
  std::vector<std::string_view> groups(group_count + 1);
  const SpanCapture::Result result = capture.match(text, from, to, groups);
  REQUIRE(result != SpanCapture::Result::undecided);
  if (result == SpanCapture::Result::no_match) return {};
  std::vector<std::string> out;
  for (const auto& g : groups) out.push_back(g.data() ? std::string(g) : "<unset>");
  return out;
}

struct Case {
  const char* pattern;
  bool case_sensitive;
  const char* text;
  std::size_t from, to;
};

}  // namespace

TEST_CASE("the translation keeps RE2's meaning of \\s and refuses what PCRE2 reads otherwise") {
  CHECK(pcre2_translation(R"(a\s{1,3}b)") == R"(a[\t\n\f\r ]{1,3}b)");
  CHECK(pcre2_translation(R"([\s-]+)") == "[\\t\\n\\f\\r -]+");
  CHECK(pcre2_translation(R"(\d+\.\d)") == R"(\d+\.\d)");  // escapes pass through
  CHECK(pcre2_translation(R"([.$^]x)") == R"([.$^]x)");     // in a class they are literals
  CHECK(pcre2_translation(R"([]s]\s)") == R"([]s][\t\n\f\r ])");  // a leading ] is a member
  CHECK(pcre2_translation("a.b").empty());
  CHECK(pcre2_translation("^May").empty());
  CHECK(pcre2_translation("May$").empty());
  CHECK(pcre2_translation(R"(\S+)").empty());
  CHECK_FALSE(SpanCapture("a.b", false).ok());
  CHECK_FALSE(SpanCapture("d\xc3\xa9" "cembre", false).ok());  // RE2 folds Latin-1 letters, PCRE2 only ASCII
  CHECK(SpanCapture("d\xc3\xa9" "cembre", true).ok());
  CHECK(SpanCapture(R"((?P<x>a)b)", false).ok());
}

TEST_CASE("groups on a known span are the ones RE2 gives") {
  const std::string month = R"(\b(?:(?P<weekday>monday|friday),?\s+)?(?P<month>may|june)\s*(?P<day>[0-9]{1,2})(?:st|nd|rd|th)?\b)";
  const std::string number = R"(\b(?:(?P<mod>about|nearly)\s+)?(?P<num>[0-9]+|two|twenty(?:[- ]two)?)[\s-]+(?P<unit>years?|days?)\b)";
  const std::string ext = R"(\bsince\s+(?P<ext>(?P<year>(?:19|20)[0-9]{2}))\b)";
  const Case cases[] = {
      {month.c_str(), false, "On Friday, May 3 they met.", 3, 16},
      {month.c_str(), false, "On May 3rd they met.", 3, 10},
      {month.c_str(), false, "June 15", 0, 7},          // the span reaches the text's end
      {month.c_str(), false, "xJune 15", 1, 8},         // no word boundary before: no match
      {month.c_str(), false, "June 150", 0, 7},         // \b after the span sees the 0: no match
      {month.c_str(), false, "MAY\t\t4 and", 0, 6},     // case folded, tabs are \s
      {month.c_str(), false, "May\v4 and", 0, 5},       // a vertical tab is not RE2's \s
      {month.c_str(), true, "May 4 and", 0, 5},         // case-sensitive: "may" is not "May"
      {number.c_str(), false, "for about twenty-two years now", 4, 26},
      {number.c_str(), false, "for twenty two days", 4, 19},
      {number.c_str(), false, "for 12-day talks", 4, 10},
      {number.c_str(), false, "nearly 2 years", 0, 14},
      {number.c_str(), false, "nearly 2 years", 7, 14},  // the optional part left out: mod unset
      {ext.c_str(), false, "Since 1998, rates rose", 0, 10},
  };
  for (const Case& c : cases) {
    CAPTURE(c.pattern);
    CAPTURE(c.text);
    RE2 re(c.pattern);
    const auto expected = re2_groups(c.pattern, c.case_sensitive, c.text, c.from, c.to);
    const auto got = pcre2_groups(c.pattern, c.case_sensitive, c.text, c.from, c.to, re.NumberOfCapturingGroups());
    CHECK(got == expected);
  }
  // The cases above must exercise both outcomes to mean anything.
  CHECK_FALSE(re2_groups(month, false, "On May 3rd they met.", 3, 10).empty());
  CHECK(re2_groups(month, false, "June 150", 0, 7).empty());
  CHECK(re2_groups(month, false, "May\v4 and", 0, 5).empty());  // PCRE2's own \s would match
  CHECK(re2_groups(number, false, "nearly 2 years", 7, 14)[1] == "<unset>");
}
