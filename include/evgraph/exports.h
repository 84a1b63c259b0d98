// Exports for other tools: TimelineJS JSON (Knight Lab), JSON Lines of
// events, and GraphML (Gephi, yEd) written by Boost.Graph's write_graphml.
// All are deterministic; JSON is written with json_text() so it is safe to
// embed in HTML, and TimelineJS text fields (rendered as HTML by TimelineJS)
// are HTML-escaped as well.
#pragma once

#include <string>
#include <string_view>

#include "evgraph/graph.h"
#include "evgraph/store.h"

namespace evgraph {

// {"title": {...}, "events": [...]}: one slide per dated event, and per dated
// statement no event refers to. start_date holds only the known parts
// (year; year+month; year+month+day); partial dates also get display_date.
// group = actor name; unique_id = store id.
std::string render_timelinejs(const Store& store, std::string_view title = "evgraph timeline");

// One JSON object per line for every unsuppressed event, in date order
// (undated last, store order among equals).
std::string render_jsonl(const Store& store);

// GraphML of the event graph: vertex keys kind, id, label, date, precision,
// action, actor, sources; edge keys type, date, evidence, relation.
std::string render_graphml(const EventGraph& graph);


}  // namespace evgraph
