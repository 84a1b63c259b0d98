#include "evgraph/query.h"

#include <fmt/format.h>

#include <algorithm>
#include <boost/graph/breadth_first_search.hpp>
#include <map>
#include <set>
#include <tuple>

#include "evgraph/dot_writer.h"
#include "evgraph/json_text.h"

namespace evgraph {

namespace {

constexpr std::size_t kMaxCellChars = 60;

std::size_t code_points(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool hidden_column(std::string_view name) { return name.size() > 3 && name.substr(name.size() - 3) == "_id"; }

std::string upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string date_text(const std::optional<PartialDate>& date) { return date ? date->iso() : std::string(); }

Diagnostic usage_error(std::string message) {
  Diagnostic d;
  d.message = std::move(message);
  return d;
}

bool date_less(const std::optional<PartialDate>& a, const std::optional<PartialDate>& b) {
  if (a.has_value() != b.has_value()) return a.has_value();  // undated last
  return a && *a < *b;
}

}  // namespace

std::optional<QueryFormat> parse_query_format(std::string_view name) {
  if (name == "table") return QueryFormat::table;
  if (name == "json") return QueryFormat::json;
  if (name == "dot") return QueryFormat::dot;
  return std::nullopt;
}

std::string format_table(const QueryResult& result) {
  std::vector<std::size_t> shown;
  for (std::size_t i = 0; i < result.columns.size(); ++i)
    if (!hidden_column(result.columns[i])) shown.push_back(i);
  std::vector<std::vector<std::string>> cells;
  std::vector<std::string> header;
  for (std::size_t i : shown) header.push_back(upper(result.columns[i]));
  cells.push_back(header);
  for (const auto& row : result.rows) {
    std::vector<std::string> line;
    for (std::size_t i : shown) line.push_back(i < row.size() ? shorten(row[i], kMaxCellChars) : std::string());
    cells.push_back(std::move(line));
  }
  std::vector<std::size_t> width(shown.size(), 0);
  for (const auto& line : cells)
    for (std::size_t c = 0; c < line.size(); ++c) width[c] = std::max(width[c], code_points(line[c]));
  std::string out;
  for (const auto& line : cells) {
    std::string text;
    for (std::size_t c = 0; c < line.size(); ++c) {
      text += line[c];
      if (c + 1 < line.size()) text += std::string(width[c] - code_points(line[c]) + 2, ' ');
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out += text + "\n";
  }
  return out;
}

std::string format_json(const QueryResult& result) {
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  for (const auto& row : result.rows) {
    nlohmann::ordered_json object = nlohmann::ordered_json::object();
    for (std::size_t i = 0; i < result.columns.size(); ++i)
      object[result.columns[i]] = i < row.size() ? row[i] : std::string();
    rows.push_back(std::move(object));
  }
  return json_text(rows, 2) + "\n";
}

std::string format_query(const QueryResult& result, QueryFormat format) {
  switch (format) {
    case QueryFormat::table: return format_table(result);
    case QueryFormat::json: return format_json(result);
    case QueryFormat::dot: return result.dot;
  }
  return format_table(result);
}

Queries::Queries(const Store& store) : store_(store), graph_(EventGraph::build(store)) {}

Result<const Actor*> Queries::resolve(std::string_view name) const {
  if (const Actor* a = store_.find_actor_by_name(name)) return a;
  return usage_error(fmt::format("no actor named '{}' (ids, names and aliases are matched, ignoring case)", name));
}

std::string Queries::name_of(std::string_view id) const { return store_.display_name(id); }

QueryResult Queries::link_rows(const std::vector<ActorLink>& links) const {
  QueryResult result;
  result.columns = {"from", "to", "date", "evidence", "source", "from_id", "to_id", "relation_id"};
  for (const ActorLink& l : links)
    result.rows.push_back({name_of(l.from), name_of(l.to), date_text(l.date), l.evidence, l.source, l.from, l.to,
                           l.relation});
  result.dot = write_links_dot(graph_, links);
  return result;
}

Result<QueryResult> Queries::responses(std::string_view from, std::string_view to) const {
  const Actor* from_actor = nullptr;
  const Actor* to_actor = nullptr;
  if (!from.empty()) {
    auto r = resolve(from);
    if (!r) return r.error();
    from_actor = *r;
  }
  if (!to.empty()) {
    auto r = resolve(to);
    if (!r) return r.error();
    to_actor = *r;
  }
  std::vector<ActorLink> links;
  for (ActorLink& l : actor_links(graph_, {"responds_to"})) {
    if (from_actor && l.from != from_actor->id) continue;
    if (to_actor && l.to != to_actor->id) continue;
    links.push_back(std::move(l));
  }
  return link_rows(links);
}

Result<QueryResult> Queries::thread(std::string_view actor) const {
  auto r = resolve(actor);
  if (!r) return r.error();
  const std::vector<ActorLink> all = actor_links(graph_, {"responds_to"});
  std::set<std::size_t> chosen;
  // Walk forward (whom the actor answered, whom they answered, ...) and
  // backward (who answered the actor, who answered them, ...). Each actor is
  // expanded once per direction, so cycles terminate.
  for (const bool forward : {true, false}) {
    std::set<std::string> seen{(*r)->id};
    std::vector<std::string> work{(*r)->id};
    while (!work.empty()) {
      const std::string current = work.back();
      work.pop_back();
      for (std::size_t i = 0; i < all.size(); ++i) {
        const std::string& here = forward ? all[i].from : all[i].to;
        const std::string& next = forward ? all[i].to : all[i].from;
        if (here != current) continue;
        chosen.insert(i);
        if (seen.insert(next).second) work.push_back(next);
      }
    }
  }
  std::vector<ActorLink> links;
  for (std::size_t i : chosen) links.push_back(all[i]);  // `all` is in date order already
  return link_rows(links);
}

Result<QueryResult> Queries::said(std::string_view actor) const {
  auto r = resolve(actor);
  if (!r) return r.error();
  const std::string id = (*r)->id;
  std::vector<const Statement*> statements;
  for (const Statement& s : store_.statements)
    if (!s.suppressed && s.speaker == id) statements.push_back(&s);
  std::stable_sort(statements.begin(), statements.end(),
                   [](const Statement* a, const Statement* b) { return date_less(a->date, b->date); });
  QueryResult result;
  result.columns = {"date", "speaker", "text", "cue", "source", "statement_id"};
  std::set<std::string> ids{id};
  for (const Statement* s : statements) {
    result.rows.push_back({date_text(s->date), (*r)->name, s->text, s->cue, s->evidence.source, s->id});
    ids.insert(s->id);
  }
  DotOptions options;
  options.graph_name = "said";
  options.include = [&](const VertexProps& v) { return ids.count(v.id) > 0; };
  result.dot = write_event_dot(graph_, options);
  return result;
}

Result<QueryResult> Queries::between(const PartialDate& from, const PartialDate& to) const {
  const auto start = from.first_day();
  const auto end = to.last_day();
  if (end < start) return usage_error(fmt::format("'{}' is after '{}'", from.iso(), to.iso()));
  std::vector<const Event*> events;
  for (const Event& e : store_.events)
    if (!e.suppressed && e.date && e.date->first_day() <= end && e.date->last_day() >= start) events.push_back(&e);
  std::stable_sort(events.begin(), events.end(),
                   [](const Event* a, const Event* b) { return date_less(a->date, b->date); });
  QueryResult result;
  result.columns = {"date", "actor", "action", "target", "statement", "source", "event_id"};
  std::set<std::string> ids;
  for (const Event* e : events) {
    const Statement* s = store_.find_statement(e->statement);
    result.rows.push_back({date_text(e->date), e->actor.empty() ? std::string() : name_of(e->actor), e->action,
                           e->target.empty() ? std::string() : name_of(e->target), s ? s->text : std::string(),
                           e->sources.empty() ? std::string() : e->sources.front().source, e->id});
    for (const std::string* id : {&e->id, &e->actor, &e->target, &e->statement})
      if (!id->empty()) ids.insert(*id);
  }
  DotOptions options;
  options.graph_name = "between";
  options.include = [&](const VertexProps& v) { return ids.count(v.id) > 0; };
  result.dot = write_event_dot(graph_, options);
  return result;
}

Result<QueryResult> Queries::stance(std::string_view rule) const {
  auto r = resolve(rule);
  if (!r) return r.error();
  const std::string id = (*r)->id;
  struct Row {
    bool supports;
    ActorLink link;
    std::string via;
  };
  std::vector<Row> rows;
  for (const Event& e : store_.events) {
    if (e.suppressed || e.target != id || e.actor.empty() || !graph_.find(e.actor)) continue;
    bool supports;
    if (e.action == "support")
      supports = true;
    else if (e.action == "oppose" || e.action == "criticize")
      supports = false;
    else
      continue;
    ActorLink link{e.actor, id, supports ? "supports" : "opposes", e.date, {}, {}, e.id, e.id, id};
    if (!e.sources.empty()) {
      link.evidence = e.sources.front().text;
      link.source = e.sources.front().source;
    }
    rows.push_back({supports, std::move(link), "event " + e.action});
  }
  for (ActorLink& l : actor_links(graph_, {"supports", "opposes", "criticizes"})) {
    if (l.to != id || l.from == id) continue;
    const bool supports = l.type == "supports";
    const std::string via = "relation " + l.type;
    l.type = supports ? "supports" : "opposes";
    rows.push_back({supports, std::move(l), via});
  }
  std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    if (a.supports != b.supports) return a.supports;
    if (a.link.date != b.link.date) return date_less(a.link.date, b.link.date);
    return std::tie(a.link.from, a.link.relation) < std::tie(b.link.from, b.link.relation);
  });
  // An extracted event and the relation derived from it carry the same
  // evidence; say it once (the event, which sorts first among equals).
  std::set<std::tuple<std::string, bool, std::string, std::string, std::string>> seen;
  std::erase_if(rows, [&](const Row& row) {
    return !seen.emplace(row.link.from, row.supports, date_text(row.link.date), row.link.evidence, row.link.source)
                .second;
  });
  QueryResult result;
  result.columns = {"actor", "stance", "via", "date", "evidence", "source", "actor_id", "evidence_id"};
  std::vector<ActorLink> links;
  for (const Row& row : rows) {
    result.rows.push_back({name_of(row.link.from), row.supports ? "supports" : "opposes", row.via,
                           date_text(row.link.date), row.link.evidence, row.link.source, row.link.from,
                           row.link.relation});
    links.push_back(row.link);
  }
  result.dot = write_links_dot(graph_, links, "stance");
  return result;
}

namespace {

struct HopEdge {
  std::size_t link = 0;
};
using ActorGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property, HopEdge>;

// Records, for every vertex reached, the tree edge it was reached by.
class PredecessorRecorder : public boost::default_bfs_visitor {
 public:
  explicit PredecessorRecorder(std::vector<std::optional<ActorGraph::edge_descriptor>>& predecessor)
      : predecessor_(&predecessor) {}
  void tree_edge(ActorGraph::edge_descriptor e, const ActorGraph& g) const {
    (*predecessor_)[boost::target(e, g)] = e;
  }

 private:
  std::vector<std::optional<ActorGraph::edge_descriptor>>* predecessor_;
};

}  // namespace

Result<QueryResult> Queries::path(std::string_view from, std::string_view to) const {
  auto a = resolve(from);
  if (!a) return a.error();
  auto b = resolve(to);
  if (!b) return b.error();

  // Every relation between actors, plus events aimed at another actor.
  std::vector<ActorLink> links = actor_links(graph_);
  for (const Event& e : store_.events) {
    if (e.suppressed || e.actor.empty() || e.target.empty() || e.actor == e.target) continue;
    if (!graph_.find(e.actor) || !graph_.find(e.target)) continue;
    ActorLink link{e.actor, e.target, e.action, e.date, {}, {}, e.id, e.id, e.target};
    if (!e.sources.empty()) {
      link.evidence = e.sources.front().text;
      link.source = e.sources.front().source;
    }
    links.push_back(std::move(link));
  }

  std::map<std::string, std::size_t> index;
  std::vector<std::string> ids;
  auto vertex_of = [&](const std::string& id) {
    auto [it, added] = index.emplace(id, ids.size());
    if (added) ids.push_back(id);
    return it->second;
  };
  ActorGraph g;
  vertex_of((*a)->id);
  vertex_of((*b)->id);
  for (std::size_t i = 0; i < links.size(); ++i) {
    const std::size_t u = vertex_of(links[i].from), v = vertex_of(links[i].to);
    while (boost::num_vertices(g) < ids.size()) boost::add_vertex(g);
    boost::add_edge(u, v, HopEdge{i}, g);
  }
  while (boost::num_vertices(g) < ids.size()) boost::add_vertex(g);

  std::vector<std::optional<ActorGraph::edge_descriptor>> predecessor(boost::num_vertices(g));
  const std::size_t start = index.at((*a)->id), goal = index.at((*b)->id);
  boost::breadth_first_search(g, boost::vertex(start, g), boost::visitor(PredecessorRecorder(predecessor)));

  std::vector<ActorLink> hops;
  std::size_t at = goal;
  while (at != start && predecessor[at]) {
    const auto e = *predecessor[at];
    hops.push_back(links[g[e].link]);
    at = boost::source(e, g) == at ? boost::target(e, g) : boost::source(e, g);
  }
  std::reverse(hops.begin(), hops.end());

  QueryResult result;
  result.columns = {"hop", "from", "type", "to", "date", "evidence", "source", "from_id", "to_id", "evidence_id"};
  if (start != goal && at != start) {
    hops.clear();
    result.note = fmt::format("no path between {} and {}", (*a)->name, (*b)->name);
  }
  for (std::size_t i = 0; i < hops.size(); ++i) {
    const ActorLink& l = hops[i];
    result.rows.push_back({std::to_string(i + 1), name_of(l.from), l.type, name_of(l.to), date_text(l.date),
                           l.evidence, l.source, l.from, l.to, l.relation});
  }
  result.dot = write_links_dot(graph_, hops, "path");
  return result;
}

Result<QueryResult> Queries::actors(std::size_t top) const {
  std::map<std::string, std::pair<std::size_t, std::size_t>> counts;  // id -> (events, statements)
  for (const Event& e : store_.events) {
    if (e.suppressed) continue;
    if (!e.actor.empty()) ++counts[e.actor].first;
    if (!e.target.empty() && e.target != e.actor) ++counts[e.target].first;
  }
  for (const Statement& s : store_.statements)
    if (!s.suppressed && !s.speaker.empty()) ++counts[s.speaker].second;
  std::vector<const Actor*> actors;
  for (const Actor& a : store_.actors)
    if (!a.suppressed) actors.push_back(&a);
  auto activity = [&](const Actor* a) {
    auto it = counts.find(a->id);
    return it == counts.end() ? std::size_t{0} : it->second.first + it->second.second;
  };
  std::stable_sort(actors.begin(), actors.end(), [&](const Actor* x, const Actor* y) {
    const std::size_t ax = activity(x), ay = activity(y);
    if (ax != ay) return ax > ay;
    return x->id < y->id;
  });
  if (top > 0 && actors.size() > top) actors.resize(top);
  QueryResult result;
  result.columns = {"actor", "kind", "events", "statements", "aliases", "actor_id"};
  std::set<std::string> ids;
  for (const Actor* a : actors) {
    const auto c = counts[a->id];
    std::string aliases;
    for (const std::string& alias : a->aliases) aliases += (aliases.empty() ? "" : ", ") + alias;
    result.rows.push_back({a->name, a->kind, std::to_string(c.first), std::to_string(c.second), aliases, a->id});
    ids.insert(a->id);
  }
  DotOptions options;
  options.graph_name = "actors";
  options.include = [&](const VertexProps& v) { return ids.count(v.id) > 0; };
  result.dot = write_event_dot(graph_, options);
  return result;
}

}  // namespace evgraph
