// One self-contained HTML page (no network): the SVG timeline with details on
// hover/click, filters by actor and action, keyboard accessible.
#pragma once

#include <string>

#include "evgraph/store.h"
#include "evgraph/timeline_svg.h"

namespace evgraph {

std::string render_timeline_html(const Store& store, const TimelineOptions& options = {});

}  // namespace evgraph
