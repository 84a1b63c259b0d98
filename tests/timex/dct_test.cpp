#include <doctest/doctest.h>

#include <boost/date_time/gregorian/gregorian.hpp>

#include "evgraph/timex.h"

namespace {

using boost::gregorian::date;

evgraph::Document doc(std::string text, std::string url = {}, std::optional<evgraph::PartialDate> published = {}) {
  evgraph::DocumentMeta meta;
  meta.url = std::move(url);
  meta.published = published;
  auto d = evgraph::make_document("d", std::move(text), meta);
  REQUIRE(d.ok());
  return *d;
}

}  // namespace

TEST_CASE("dct: --dct wins, then a full published date") {
  auto with_meta = doc("WASHINGTON, March 2, 2024 - text", "", evgraph::PartialDate::day(2025, 5, 3));
  auto r = evgraph::resolve_dct(with_meta, date(2020, 1, 1));
  CHECK(r.source == evgraph::DctSource::cli);
  CHECK(*r.dct == date(2020, 1, 1));
  r = evgraph::resolve_dct(with_meta, std::nullopt);
  CHECK(r.source == evgraph::DctSource::meta);
  CHECK(*r.dct == date(2025, 5, 3));
}

TEST_CASE("dct: inferred from a dateline, a URL, then the latest full date") {
  auto r = evgraph::resolve_dct(doc("WASHINGTON, March 2, 2024 - The agency said on May 5, 2024 that..."), std::nullopt);
  CHECK(r.source == evgraph::DctSource::inferred);
  CHECK(*r.dct == date(2024, 3, 2));

  r = evgraph::resolve_dct(doc("No date up here.\n\n\n\nLater text.", "https://news.example.com/2025/05/03/story/"),
                           std::nullopt);
  CHECK(r.source == evgraph::DctSource::inferred);
  CHECK(*r.dct == date(2025, 5, 3));

  r = evgraph::resolve_dct(doc("No date up here.\n\n\n\nSee https://x.example/2025/04/30/a for the source."), std::nullopt);
  CHECK(*r.dct == date(2025, 4, 30));

  r = evgraph::resolve_dct(
      doc("Intro line.\n\n\n\nIt began on March 3, 2019 and ended on June 9, 2021; talks on May 1, 2020 failed."),
      std::nullopt);
  CHECK(r.source == evgraph::DctSource::inferred);
  CHECK(*r.dct == date(2021, 6, 9));
}

TEST_CASE("dct: a partial published date is a last resort; nothing gives none") {
  auto r = evgraph::resolve_dct(doc("Sales rose in June.", "", evgraph::PartialDate::month(2025, 5)), std::nullopt);
  CHECK(r.source == evgraph::DctSource::meta);
  CHECK(*r.dct == date(2025, 5, 1));
  r = evgraph::resolve_dct(doc("Sales rose in June."), std::nullopt);
  CHECK(r.source == evgraph::DctSource::none);
  CHECK_FALSE(r.dct);
}

TEST_CASE("dct: tag_document gives resolve_dct's DCT and tag's expressions, searching once") {
  const evgraph::TimexTagger tagger;
  const std::vector<evgraph::Document> docs = {
      // dateline, then expressions that need the DCT ("yesterday", "in June", "Friday")
      doc("OSLO, March 2, 2024 - The ferry operator said yesterday it would resume service in June, "
          "after talks on Friday."),
      // no dateline: the latest full date, and a relative date before it
      doc("Last week the council met. On April 9, 2023 it voted; on April 11, 2023 the mayor signed."),
      // nothing to infer from: expressions stay underspecified
      doc("Two years ago the plant closed; next spring it reopens."),
      // a full published date wins over the text
      doc("Since March 2, 2024 nothing moved. Yesterday it did.", "", evgraph::PartialDate::day(2025, 5, 3)),
      // a partial published date is only a fallback
      doc("Yesterday it rained.", "", evgraph::PartialDate::month(2025, 5)),
  };
  for (const auto cli : {std::optional<date>{}, std::optional<date>{date(2021, 7, 1)}}) {
    for (const evgraph::Document& d : docs) {
      CAPTURE(d.text);
      const evgraph::DctInfo expected_dct = evgraph::resolve_dct(d, cli, tagger);
      const std::vector<evgraph::Timex> expected = tagger.tag(d.text, expected_dct.dct);
      const evgraph::DatedTimexes got = tagger.tag_document(d, cli);
      CHECK(got.dct.source == expected_dct.source);
      CHECK(got.dct.dct == expected_dct.dct);
      REQUIRE(got.timexes.size() == expected.size());
      for (std::size_t i = 0; i < expected.size(); ++i) {
        CHECK(got.timexes[i].text == expected[i].text);
        CHECK(got.timexes[i].value == expected[i].value);
        CHECK(got.timexes[i].start == expected[i].start);
      }
    }
  }
  // The inferred DCT reaches the expressions: "yesterday" is the day before the dateline.
  const evgraph::DatedTimexes dated = tagger.tag_document(docs[0], std::nullopt);
  CHECK(dated.dct.source == evgraph::DctSource::inferred);
  bool yesterday = false;
  for (const evgraph::Timex& t : dated.timexes)
    if (t.text == "yesterday") yesterday = t.value == "2024-03-01";
  CHECK(yesterday);
}
