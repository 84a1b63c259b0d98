#include "evgraph/merge_records.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <limits>

using namespace evgraph;

namespace {

PartialDate date(const char* iso) { return *PartialDate::parse(iso); }

Extraction sample() {
  Extraction x;
  x.doc = "doc-1";
  x.path = "articles/doc-1.txt";
  x.meta.title = "Acme rebukes Globex";
  x.meta.url = "https://example.com/1";
  x.meta.published = date("2025-05-04");
  x.actors = {{"acme", "Acme", "organization", {"ACME", "the company"}, {}},
              {"globex", "Globex", "organization", {}, {}},
              {"acme", "Acme Corp", "group", {}, {}}};  // a second actor of one id: the first names references
  x.quotes = {{{100, 116, "Globex is wrong."}, "acme", "said", date("2025-05")},
              {{7, 3, "backwards"}, "", "", std::nullopt}};  // end before start survives as written
  ExtractedEvent e;
  e.actor = "acme";
  e.action = "criticize";
  e.target = "nobody";  // not listed: an unlisted reference
  e.quote = -7;
  e.date = date("2025");
  e.evidence = {80, 102, "Acme criticized Globex"};
  x.events = {e};
  ExtractedResponse r;
  r.from = "globex";
  r.to = "acme";
  r.from_quote = 1;
  r.to_quote = std::numeric_limits<int>::max();
  r.evidence = {std::numeric_limits<std::uint64_t>::max() - 4, std::numeric_limits<std::uint64_t>::max(), "far"};
  x.responses = {r};
  return x;
}

}  // namespace

TEST_CASE("a document's record reads back every field the merge uses") {
  DocumentRecords records;
  CHECK(records.add(sample(), 5, nullptr) == StoreMerger::Added::added);
  REQUIRE(records.docs.size() == 1);
  REQUIRE(records.doc_of("doc-1") == 0u);
  CHECK_FALSE(records.doc_of("doc-2"));
  DocView doc;
  records.decode(0, doc);
  const StringPool& pool = records.pool;
  CHECK(pool[doc.title] == "Acme rebukes Globex");
  CHECK(pool[doc.outlet] == "");
  CHECK(pool[doc.url] == "https://example.com/1");
  CHECK(pool[doc.path] == "articles/doc-1.txt");
  CHECK(doc.published == date("2025-05-04"));
  CHECK(doc.entries.size() == 3);

  REQUIRE(doc.quotes.size() == 2);
  CHECK(doc.quotes[0].span.start == 100);
  CHECK(doc.quotes[0].span.end == 116);
  CHECK(pool[doc.quotes[0].span.text] == "Globex is wrong.");
  CHECK(pool[doc.quotes[0].cue] == "said");
  CHECK(doc.quotes[0].date == date("2025-05"));
  CHECK(doc.quotes[0].date->precision() == DatePrecision::month);
  CHECK(doc.quotes[1].span.start == 7);
  CHECK(doc.quotes[1].span.end == 3);
  CHECK(doc.quotes[1].speaker == 0);  // no speaker
  CHECK_FALSE(doc.quotes[1].date);

  // References: a listed actor names the first actor of its id; an unlisted one its id twice.
  const std::uint64_t acme = doc.quotes[0].speaker;
  CHECK((acme & 1) == 1);
  CHECK(records.pair_syms(static_cast<std::uint32_t>(acme >> 1)) ==
        std::pair<Sym, Sym>{*pool.find("acme"), *pool.find("Acme")});
  REQUIRE(doc.events.size() == 1);
  CHECK(doc.events[0].actor == acme);
  const std::uint64_t nobody = doc.events[0].target;
  CHECK((nobody & 1) == 0);
  CHECK(records.pair_syms(static_cast<std::uint32_t>(nobody >> 1)) ==
        std::pair<Sym, Sym>{*pool.find("nobody"), *pool.find("nobody")});
  CHECK(pool[doc.events[0].action] == "criticize");
  CHECK(doc.events[0].quote == -7);
  CHECK(doc.events[0].date == date("2025"));

  REQUIRE(doc.responses.size() == 1);
  const ResponseRec& r = doc.responses[0];
  CHECK(r.span.start == std::numeric_limits<std::uint64_t>::max() - 4);
  CHECK(r.span.end == std::numeric_limits<std::uint64_t>::max());
  CHECK(r.from_quote == 1);
  CHECK(r.to_quote == std::numeric_limits<int>::max());
  CHECK(r.to == acme);

  // A span read back from where the record says it starts.
  VarintReader in(records.record(0) + doc.events[0].span.at);
  const EventRec again = read_event(in, records.record(0));
  CHECK(again.span.start == 80);
  CHECK(pool[again.span.text] == "Acme criticized Globex");
  CHECK(again.quote == -7);
  DocView header;
  records.decode_header(0, header);
  CHECK(header.title == doc.title);
  CHECK(header.published == doc.published);
}

TEST_CASE("actor lists are counted entries; a replaced or uncounted document takes its own out") {
  DocumentRecords records;
  Extraction first = sample();
  Extraction second = sample();
  second.doc = "doc-2";
  second.actors.pop_back();
  Extraction variant = sample();
  variant.actors = {{"acme", "Acme Inc", "organization", {}, {}}};
  records.add(first, 5, nullptr);
  records.add(second, 5, nullptr);
  std::uint64_t kept = 0;
  CHECK(records.add(variant, 9, &kept) == StoreMerger::Added::ignored);
  CHECK(kept == 5);
  CHECK(records.add(first, 5, nullptr) == StoreMerger::Added::same);
  CHECK(records.add(variant, 2, &kept) == StoreMerger::Added::replaced);  // doc-1 is now the variant
  records.uncount(1);                                                     // and doc-2's source is suppressed
  std::vector<std::pair<std::string, std::uint32_t>> counted;
  records.drain_entries([&](const DocumentRecords::Entry& e, std::uint32_t count) {
    counted.emplace_back(std::string(records.pool[records.pair_syms(e.pair).second]), count);
  });
  CHECK(counted == std::vector<std::pair<std::string, std::uint32_t>>{{"Acme Inc", 1}});
}
