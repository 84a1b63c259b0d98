// Speed of the events.yaml store and of the reduce step on a synthetic corpus.
//
//   bench_store [DOCS]     (default 2000 documents, 10 events and 5 quotes each)
//
// Prints the time to merge (build_store), write (format_store) and read
// (parse_store) the result, and checks that read -> write is byte-identical.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>

#include <fmt/format.h>

#include "evgraph/merge.h"
#include "evgraph/store_yaml.h"

using namespace evgraph;

namespace {

Extraction synthetic_document(int n) {
  static const char* const kActions[] = {"criticize", "support", "say", "urge", "warn", "announce"};
  Extraction x;
  x.doc = fmt::format("doc-{:05d}", n);
  x.path = "corpus/" + x.doc + ".txt";
  x.meta.title = fmt::format("Story \"{}\": what happened", n);
  x.meta.published = PartialDate::day(2025, 1 + n % 12, 1 + n % 28);
  for (int a = 0; a < 6; ++a) {
    const int id = (n * 7 + a * 13) % 300;
    x.actors.push_back({fmt::format("actor-{}", id), fmt::format("Actor {}", id), "organization",
                        {fmt::format("ACTOR {}", id)}, {}});
  }
  for (int q = 0; q < 5; ++q) {
    const std::size_t start = 1000 + q * 200;
    const std::string text = fmt::format("Quote {} of document {}, with \"nested\" quotes\nand a newline.", q, n);
    x.quotes.push_back({{start, start + text.size(), text}, x.actors[q % 6].id, "said", x.meta.published});
  }
  for (int e = 0; e < 10; ++e) {
    ExtractedEvent ev;
    ev.actor = x.actors[e % 6].id;
    ev.target = x.actors[(e + 1) % 6].id;
    ev.action = kActions[e % 6];
    ev.date = PartialDate::day(2025, 1 + (n + e) % 12, 1 + (n * 3 + e) % 28);
    ev.quote = e < 5 ? e : -1;
    ev.evidence = {static_cast<std::size_t>(e * 90), static_cast<std::size_t>(e * 90 + 40), "an evidence sentence"};
    x.events.push_back(ev);
  }
  ExtractedResponse r;
  r.from = x.actors[0].id;
  r.to = x.actors[1].id;
  r.from_quote = 0;
  r.to_quote = 1;
  r.evidence = {5000, 5040, "responded"};
  x.responses.push_back(r);
  return x;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  const int docs = argc > 1 ? std::atoi(argv[1]) : 2000;
  std::vector<Extraction> extractions;
  for (int n = 0; n < docs; ++n) extractions.push_back(synthetic_document(n));

  auto start = std::chrono::steady_clock::now();
  const Store store = build_store(extractions);
  const double merge_s = seconds_since(start);

  start = std::chrono::steady_clock::now();
  const std::string text = format_store(store);
  const double write_s = seconds_since(start);

  start = std::chrono::steady_clock::now();
  Diagnostics diags;
  const auto back = parse_store(text, "bench.yaml", diags);
  const double read_s = seconds_since(start);
  if (!back) {
    diags.print(std::cerr);
    return 1;
  }

  start = std::chrono::steady_clock::now();
  const Store updated = build_store(extractions, &*back);
  const double update_s = seconds_since(start);

  const bool identical = format_store(*back) == text && format_store(updated) == text;
  fmt::print("{} documents -> {} actors, {} statements, {} events, {} relations; {:.1f} MB of YAML\n", docs,
             store.actors.size(), store.statements.size(), store.events.size(), store.relations.size(),
             text.size() / 1e6);
  fmt::print("merge {:.3f} s, write {:.3f} s, read+validate {:.3f} s ({:.1f} MB/s), update {:.3f} s; "
             "read->write byte-identical: {}\n",
             merge_s, write_s, read_s, text.size() / 1e6 / read_s, update_s, identical ? "yes" : "NO");
  return identical ? 0 : 1;
}
