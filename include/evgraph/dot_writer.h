// DOT text of the event graph and of the actor-level responses graph.
//
// Time reads left to right: rankdir=LR, newrank=true and one rank=same
// subgraph per date, with a date label node per rank chained in date order by
// invisible edges. Output is deterministic: nodes and edges are sorted.
// Every string is quoted and escaped, so article text can never end a
// statement or inject attributes.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "evgraph/graph.h"

namespace evgraph {

// `text` as a DOT quoted string: `"` and `\` escaped, newlines as \n, other
// control characters as spaces, invalid UTF-8 replaced by U+FFFD.
std::string dot_quote(std::string_view text);
// As dot_quote, and `&` written as `&amp;` because Graphviz decodes HTML
// entities in labels (so "AT&T" stays "AT&T" and "&lt;" is not turned into "<").
std::string dot_label(std::string_view text);

struct DotOptions {
  std::string graph_name = "events";
  bool actor_clusters = false;  // one cluster per actor holding its statements and events
  // When set, only vertices for which it returns true (and edges between them).
  std::function<bool(const VertexProps&)> include;
};

std::string write_event_dot(const EventGraph& graph, const DotOptions& options = {});

// Actors joined by the given links (e.g. actor_links(graph, {"responds_to"})),
// each edge labelled with its date; actors without links are left out.
std::string write_links_dot(const EventGraph& graph, const std::vector<ActorLink>& links,
                            std::string_view graph_name = "responses");

}  // namespace evgraph
