// Time-scaled SVG timelines: x is proportional to date (with visible breaks
// over long empty stretches), one swimlane per actor, markers by action,
// statement cards, and response arrows across lanes.
#pragma once

#include <string>
#include <string_view>

#include "evgraph/store.h"
#include "evgraph/xml_escape.h"

namespace evgraph {

struct TimelineOptions {
  int max_lanes = 8;          // the most active actors get a lane; the rest share "others"
  std::string actor;          // when set, only events/statements involving this actor (id, name or alias)
  std::string title;          // drawn at the top; empty for none
  bool interactive = false;   // add ids/data-* attributes used by the HTML page
};

std::string render_timeline_svg(const Store& store, const TimelineOptions& options = {});


// Marker style of an action, shared by the SVG and the HTML page's legend.
struct ActionStyle {
  const char* shape;  // circle, square, diamond, triangle_up, triangle_down, hexagon, star, cross, pentagon
  const char* color;  // #rrggbb
};
ActionStyle action_style(std::string_view action);

}  // namespace evgraph
