// The event graph: a Boost.Graph adjacency_list built from a Store.
//
// Vertices are actors, rules (actors of kind "rule"), statements and events;
// edges are typed: said (actor -> statement), performed (actor -> event),
// targets (event -> actor), quotes (event -> statement) and every relation
// type of the store (responds_to, criticizes, supports, ...) from -> to.
// Suppressed facts, and edges whose ends are missing or suppressed, are left out.
#pragma once

#include <boost/graph/adjacency_list.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "evgraph/date.h"
#include "evgraph/store.h"

namespace evgraph {

enum class VertexKind { actor, rule, statement, event };
const char* to_string(VertexKind kind);

struct VertexProps {
  VertexKind kind = VertexKind::actor;
  std::string id;                   // store id
  std::string label;                // short human-readable text
  std::optional<PartialDate> date;  // statements and events; precision is kept
  std::string action;               // events: the action; actors: the actor kind
  std::string actor;                // events: actor id; statements: speaker id; actors: own id
  std::vector<std::string> sources; // ids of the source documents
  std::string text;                 // statements: the whole quotation; events: the quoted statement's
};

struct EdgeProps {
  std::string type;  // said, performed, targets, quotes, or a relation type
  std::optional<PartialDate> date;
  std::vector<Evidence> evidence;
  std::string relation;  // Relation::id for relation edges, else empty
};

// Directed, with in-edge access (bidirectionalS) so queries can walk back to
// who responded to a vertex.
using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, VertexProps, EdgeProps>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;
using Edge = boost::graph_traits<Graph>::edge_descriptor;

class EventGraph {
 public:
  // Vertices are added in store order: actors, statements, events; edges in
  // store order too, so the same store gives the same graph.
  static EventGraph build(const Store& store);

  const Graph& graph() const { return graph_; }
  std::optional<Vertex> find(std::string_view id) const;
  const VertexProps& operator[](Vertex v) const { return graph_[v]; }
  const EdgeProps& operator[](Edge e) const { return graph_[e]; }
  std::size_t vertex_count() const { return boost::num_vertices(graph_); }
  std::size_t edge_count() const { return boost::num_edges(graph_); }

 private:
  Graph graph_;
  std::unordered_map<std::string, Vertex> index_;
};

// One actor-level link: a relation whose ends are mapped to actors (a
// statement to its speaker, an event to its actor). `from_item`/`to_item` keep
// the original ends.
struct ActorLink {
  std::string from;  // actor id
  std::string to;    // actor id
  std::string type;  // relation type
  std::optional<PartialDate> date;  // the relation's date, else the date of its `from` item
  std::string evidence;             // text of the first evidence, may be empty
  std::string source;               // source id of the first evidence, may be empty
  std::string relation;             // Relation::id
  std::string from_item;
  std::string to_item;
};

// Links for relations of the given types (all types when `types` is empty),
// sorted by date (undated last), then from, to and relation id. Links equal in
// ends, type, date, evidence and source are listed once (the first relation id).
std::vector<ActorLink> actor_links(const EventGraph& graph, const std::vector<std::string>& types = {});

// A single-line excerpt of at most `max_chars` code points (>= 1), ending in "…" when cut.
std::string shorten(std::string_view text, std::size_t max_chars);

}  // namespace evgraph
