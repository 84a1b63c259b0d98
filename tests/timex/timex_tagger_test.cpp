#include <doctest/doctest.h>

#include <thread>

#include <boost/date_time/gregorian/gregorian.hpp>

#include "evgraph/timex.h"

namespace {

const evgraph::TimexTagger& tagger() {
  static const evgraph::TimexTagger instance(evgraph::Resources::builtin());
  return instance;
}

}  // namespace

TEST_CASE("timex tagger: offsets are UTF-8 bytes of the original text") {
  // "–" (3 bytes) and a no-break space (2 bytes) are folded for matching only.
  const std::string text = "Über–Nachricht: on May\u00a015, 2025 it began.";
  const auto found = tagger().tag(text, std::nullopt);
  REQUIRE(found.size() == 1);
  CHECK(found[0].text == "May\u00a015, 2025");
  CHECK(text.substr(found[0].start, found[0].end - found[0].start) == found[0].text);
  CHECK(found[0].value == "2025-05-15");
}

TEST_CASE("timex tagger: results are sorted, non-overlapping and deterministic") {
  const std::string text =
      "On May 3, 2025, two years after 2023, the firm said last week it would grow every year until mid-2026.";
  const auto a = tagger().tag(text, boost::gregorian::date(2025, 5, 9));
  const auto b = tagger().tag(text, boost::gregorian::date(2025, 5, 9));
  REQUIRE(a.size() == b.size());
  REQUIRE(a.size() >= 5);
  for (std::size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].start == b[i].start);
    CHECK(a[i].value == b[i].value);
    if (i > 0) CHECK(a[i - 1].end <= a[i].start);
  }
  CHECK(a[0].text == "May 3, 2025");  // the longest reading wins over "May 3" and "2025"
}

TEST_CASE("timex tagger: ranges carry range_max and modifiers carry mod") {
  const auto found = tagger().tag("a 12-24 month window in mid-2024", boost::gregorian::date(2025, 5, 9));
  REQUIRE(found.size() == 2);
  CHECK(found[0].value == "P12M");
  CHECK(found[0].range_max == "P24M");
  CHECK(found[1].value == "2024");
  CHECK(found[1].mod == "MID");
  const auto open = tagger().tag("earnings for 1990 and beyond, not 1988 or earlier", boost::gregorian::date(2025, 5, 9));
  REQUIRE(open.size() == 2);
  CHECK(open[0].text == "1990 and beyond");
  CHECK(open[0].mod == "ON_OR_AFTER");
  CHECK(open[1].text == "1988 or earlier");
  CHECK(open[1].mod == "ON_OR_BEFORE");
}

TEST_CASE("timex tagger: empty and temporal-free texts give nothing") {
  CHECK(tagger().tag("", std::nullopt).empty());
  CHECK(tagger().tag("Corvana criticized Meridian's stance on chips.", std::nullopt).empty());
}

TEST_CASE("timex tagger: one tagger serves several threads") {
  const std::string text = "On May 3, 2025 and on Tuesday, sales rose 5% over two years.";
  const auto expected = tagger().tag(text, boost::gregorian::date(2025, 5, 9));
  std::vector<std::thread> threads;
  std::vector<int> ok(4, 0);
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        const auto got = tagger().tag(text, boost::gregorian::date(2025, 5, 9));
        ok[t] += got.size() == expected.size() && got.back().value == expected.back().value;
      }
    });
  for (auto& th : threads) th.join();
  for (int v : ok) CHECK(v == 50);
}

TEST_CASE("timex tagger: type names") {
  CHECK(std::string(evgraph::to_string(evgraph::TimexType::date)) == "DATE");
  CHECK(std::string(evgraph::to_string(evgraph::TimexType::time)) == "TIME");
  CHECK(std::string(evgraph::to_string(evgraph::TimexType::duration)) == "DURATION");
  CHECK(std::string(evgraph::to_string(evgraph::TimexType::set)) == "SET");
  CHECK(std::string(evgraph::to_string(evgraph::DctSource::inferred)) == "inferred");
}

TEST_CASE("timex tagger: scan_only counts the match ends behind the timexes") {
  using evgraph::NormalizedText;
  CHECK(tagger().scan_only(NormalizedText("")) == 0);
  CHECK(tagger().scan_only(NormalizedText("Corvana criticized Meridian's stance on chips.")) == 0);
  // Every expression tagged is a match end the scan reported; a veto ("$4.5 billion") adds its own.
  const std::string dated = "Marlow said on March 4, 2024 that sales rose last week.";
  const std::size_t ends = tagger().scan_only(NormalizedText(dated));
  CHECK(ends >= tagger().tag(dated, std::nullopt).size());
  CHECK(tagger().scan_only(NormalizedText(dated + " The deal is worth $4.5 billion.")) > ends);
}

TEST_CASE("timex tagger: tagging a text normalized by the caller gives the same timexes") {
  const std::string text = "On May\u00a03, 2025 \u201ctwo years after 2023\u201d \u2014 the firm said last week it would grow.";
  const auto dct = boost::gregorian::date(2025, 5, 3);
  for (std::optional<boost::gregorian::date> d : {std::optional<boost::gregorian::date>{}, std::optional{dct}}) {
    const auto direct = tagger().tag(text, d);
    const auto shared = tagger().tag(evgraph::NormalizedText(text), text, d);
    REQUIRE(direct.size() == shared.size());
    CHECK(direct.size() >= 3);
    for (std::size_t i = 0; i < direct.size(); ++i) {
      CHECK(direct[i].start == shared[i].start);
      CHECK(direct[i].end == shared[i].end);
      CHECK(direct[i].text == shared[i].text);
      CHECK(direct[i].value == shared[i].value);
      CHECK(direct[i].type == shared[i].type);
    }
  }
}

TEST_CASE("timex tagger: a group that is the whole match and one inside it both feed the value") {
  // "1997", "June" and "now" are rules of the form \b(?P<name>...)\b, read without an RE2
  // capture; "late Tuesday" has its weekday group inside a longer match.
  const auto found =
      tagger().tag("In 1997 and in June, and late Tuesday, officials spoke now.", boost::gregorian::date(2025, 5, 9));
  REQUIRE(found.size() == 4);
  CHECK(found[0].value == "1997");
  CHECK(found[1].value == "1997-06");
  CHECK(found[2].text == "late Tuesday");
  CHECK(found[2].value == "2025-05-06");
  CHECK(found[3].value == "PRESENT_REF");
}
