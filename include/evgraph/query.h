// Questions asked of a store: who responded to whom, response threads, what
// an actor said, what happened between two dates, who supports or opposes a
// rule, and the shortest chain of relations between two actors.
//
// Every query returns rows of named text columns (printed as an aligned table
// or as JSON objects) and the DOT text of the matching subgraph. Actor names
// are matched through ids, names and aliases, ignoring case.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "evgraph/date.h"
#include "evgraph/diagnostics.h"
#include "evgraph/graph.h"
#include "evgraph/store.h"

namespace evgraph {

struct QueryResult {
  // Columns whose name ends in "_id" are kept for scripts: JSON only, not in the table.
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
  std::string dot;   // the matching subgraph
  std::string note;  // e.g. "no path between A and B"; empty when nothing to say
};

enum class QueryFormat { table, json, dot };
std::optional<QueryFormat> parse_query_format(std::string_view name);

// Aligned columns with an upper-case header; long cells are shortened.
std::string format_table(const QueryResult& result);
// An array of objects keyed by column name, in column order.
std::string format_json(const QueryResult& result);
std::string format_query(const QueryResult& result, QueryFormat format);

class Queries {
 public:
  explicit Queries(const Store& store);

  // Actor-level responds_to relations; `from`/`to` are actor names, empty for any.
  Result<QueryResult> responses(std::string_view from = {}, std::string_view to = {}) const;
  // Responses reachable from `actor` (it responded, then they responded, ...) and
  // those reaching it, in date order. Cycles are visited once.
  Result<QueryResult> thread(std::string_view actor) const;
  // Statements by `actor`, in date order (undated last).
  Result<QueryResult> said(std::string_view actor) const;
  // Events whose date period overlaps [first day of `from`, last day of `to`].
  Result<QueryResult> between(const PartialDate& from, const PartialDate& to) const;
  // Who supports and who opposes `rule`: events (support / oppose / criticize
  // targeting it) and relations (supports / opposes / criticizes) ending at it.
  Result<QueryResult> stance(std::string_view rule) const;
  // Shortest chain of relations (and targeted events) between two actors, in
  // either direction, found with Boost.Graph breadth_first_search.
  Result<QueryResult> path(std::string_view from, std::string_view to) const;
  // Actors by activity (events performed or targeted + statements), most active first.
  Result<QueryResult> actors(std::size_t top = 0) const;

  const EventGraph& graph() const { return graph_; }

 private:
  Result<const Actor*> resolve(std::string_view name) const;
  QueryResult link_rows(const std::vector<ActorLink>& links) const;
  std::string name_of(std::string_view id) const;

  const Store& store_;
  EventGraph graph_;
};

}  // namespace evgraph
