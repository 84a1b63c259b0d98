#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>
#include <vector>

#include "evgraph/extraction_json.h"
#include "extract_test_util.h"

using namespace evgraph;
using namespace evgraph::test;

TEST_CASE("the JSON line follows the contract and reads back") {
  const Extraction x = extract_text(
      "On March 4, 2025, Velda Energy sued Harlow Motors. \"We will fight this in every court,\" "
      "Harlow Motors said. Harlow Motors fired back.", "doc-a");
  const std::string line = to_json_line(x);
  CHECK(line.find('\n') == std::string::npos);
  const auto j = nlohmann::json::parse(line);
  CHECK(j["doc"] == "doc-a");
  CHECK(j["dct_source"].is_string());
  for (const char* key : {"timexes", "actors", "quotes", "events", "responses"}) CHECK(j[key].is_array());
  REQUIRE_FALSE(j["events"].empty());
  const auto& e = j["events"][0];
  for (const char* key : {"id", "date", "actor", "action", "target", "evidence"}) CHECK(e.contains(key));
  CHECK(e["evidence"]["end"].get<std::size_t>() > e["evidence"]["start"].get<std::size_t>());

  Result<Extraction> back = extraction_from_json(line, "shard.jsonl", 7);
  REQUIRE(back.ok());
  CHECK(back->doc == x.doc);
  CHECK(back->actors.size() == x.actors.size());
  CHECK(back->quotes.size() == x.quotes.size());
  REQUIRE(back->events.size() == x.events.size());
  CHECK(back->events[0].evidence == x.events[0].evidence);
  CHECK(back->events[0].date == x.events[0].date);
  CHECK(back->responses.size() == x.responses.size());
  CHECK(to_json_line(*back) == line);  // lossless for what the extractor writes
}

TEST_CASE("bad JSON lines are reported with file and line") {
  Result<Extraction> broken = extraction_from_json("{\"doc\": ", "shard.jsonl", 3);
  REQUIRE_FALSE(broken.ok());
  CHECK(broken.error().file == "shard.jsonl");
  CHECK(broken.error().line == 3);
  Result<Extraction> missing = extraction_from_json("{\"doc\": \"a\", \"dct\": null, \"dct_source\": \"none\"}", "s", 1);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().message.find("timexes") != std::string::npos);
  Result<Extraction> bad_date = extraction_from_json(
      R"({"doc":"a","dct":null,"dct_source":"none","timexes":[],"actors":[],"quotes":[],)"
      R"("events":[{"id":"e","date":"2025-02-30","actor":null,"action":"say","target":null,)"
      R"("evidence":{"start":0,"end":1,"text":"x"}}],"responses":[]})", "s", 1);
  REQUIRE_FALSE(bad_date.ok());
  CHECK(bad_date.error().message.find("events[0]") != std::string::npos);
}

TEST_CASE("extraction is deterministic and the extractor is safe to share across threads") {
  const std::string text = "Velda Energy rebuked Harlow Motors. \"We reject every word of it,\" Harlow Motors said.";
  const std::string first = to_json_line(extract_text(text));
  std::vector<std::string> outputs(4);
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back([&, i] {
      Result<Document> doc = make_document("fixture", text);
      if (doc.ok()) outputs[i] = to_json_line(shared_extractor().extract(*doc));
    });
  for (auto& t : threads) t.join();
  for (const auto& o : outputs) CHECK(o == first);
}

TEST_CASE("a shard line with a number out of range is reported, not thrown") {
  Result<Extraction> huge = extraction_from_json("{\"doc\": \"a\", \"n\": 1E400}", "shard.jsonl", 9);
  REQUIRE_FALSE(huge.ok());
  CHECK(huge.error().line == 9);
  CHECK(huge.error().message.find("unreadable JSON") == 0);
}

namespace {

std::string tree_dump(const Extraction& x) {
  return to_json(x).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

TEST_CASE("to_json_line writes what dumping to_json gives, on extracted articles") {
  int documents = 0;
  for (const auto& entry : std::filesystem::directory_iterator("tests/corpus/articles")) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const Extraction x = extract_text(text, entry.path().stem().string());
    CHECK(to_json_line(x) == tree_dump(x));
    ++documents;
  }
  CHECK(documents >= 6);
}

TEST_CASE("to_json_line escapes strings as nlohmann does, optional fields included") {
  Extraction x;
  x.doc = "d\"oc\\1";
  x.path = "dir/a\tb.txt";
  x.dct.dct = boost::gregorian::date(2025, 3, 4);
  x.dct.source = DctSource::meta;
  x.meta.title = std::string("nul\0and\x01\x1f\x7f", 11) + " \b\f\r\n end";
  x.meta.url = "https://example.org/?q=\"x\"";
  x.meta.published = PartialDate::month(2025, 3);
  Timex t;
  t.start = 3;
  t.end = 12;
  t.text = "next week";
  t.value = "2025-W11";
  t.range_max = "P24M";
  t.mod = "APPROX";
  x.timexes = {t, Timex{}};
  // Valid UTF-8 is kept; invalid bytes, surrogates, overlong and cut sequences are replaced.
  ExtractedActor a{"caf\xc3\xa9", "Caf\xc3\xa9 \xe2\x80\x9cM\xc3\xbcller\xe2\x80\x9d \xf0\x9f\x98\x80", "person",
                   {"bad \xff byte", "cut \xe2\x80", "surrogate \xed\xa0\x80", "overlong \xc0\xaf", "4-byte \xf4\x90\x80\x80"},
                   {Span{1, 2, "x"}, Span{5, 9, "\xe2\x80\x94"}}};
  x.actors = {a, ExtractedActor{}};
  x.quotes = {ExtractedQuote{Span{0, 4, "\"q\""}, "caf\xc3\xa9", "said", PartialDate::day(2025, 1, 2)},
              ExtractedQuote{}};
  ExtractedEvent e;
  e.id = "e1";
  e.action = "sue";
  e.actor = "caf\xc3\xa9";
  e.quote = 0;
  e.date = PartialDate::year(2024);
  e.evidence = Span{0, 3, "a\\b"};
  x.events = {e, ExtractedEvent{}};
  x.responses = {ExtractedResponse{"a", "b", 0, 1, PartialDate::year(2025), Span{2, 3, "r"}}, ExtractedResponse{}};
  CHECK(to_json_line(x) == tree_dump(x));
  CHECK(to_json_line(Extraction{}) == tree_dump(Extraction{}));
  x.meta = DocumentMeta{};
  x.dct = DctInfo{};
  CHECK(to_json_line(x) == tree_dump(x));
}
