// libFuzzer target: the whole text extractor (timex, actors, quotes, events,
// responses) over arbitrary bytes. Invalid documents must be refused, valid
// ones extracted with every offset inside the text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "evgraph/extractor.h"
#include "evgraph/ingest.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const evgraph::Extractor extractor(evgraph::Resources::builtin());
  evgraph::Result<evgraph::Document> doc =
      evgraph::make_document("fuzz", std::string(reinterpret_cast<const char*>(data), size));
  if (!doc) return 0;
  const evgraph::Extraction x = extractor.extract(*doc);
  auto inside = [&](std::size_t start, std::size_t end) {
    if (start > end || end > size) std::abort();
  };
  for (const auto& t : x.timexes) inside(t.start, t.end);
  for (const auto& q : x.quotes) inside(q.span.start, q.span.end);
  for (const auto& e : x.events) inside(e.evidence.start, e.evidence.end);
  for (const auto& r : x.responses) inside(r.evidence.start, r.evidence.end);
  return 0;
}
