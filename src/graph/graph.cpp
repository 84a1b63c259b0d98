#include "evgraph/graph.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <tuple>

namespace evgraph {

const char* to_string(VertexKind kind) {
  switch (kind) {
    case VertexKind::actor: return "actor";
    case VertexKind::rule: return "rule";
    case VertexKind::statement: return "statement";
    case VertexKind::event: return "event";
  }
  return "actor";
}

std::string shorten(std::string_view text, std::size_t max_chars) {
  // Collapse whitespace runs into one space, then cut at a code point boundary.
  std::string flat;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      if (!flat.empty() && flat.back() != ' ') flat += ' ';
    } else {
      flat += c;
    }
  }
  while (!flat.empty() && flat.back() == ' ') flat.pop_back();
  std::size_t chars = 0, cut = flat.size();
  for (std::size_t i = 0; i < flat.size(); ++i) {
    if ((static_cast<unsigned char>(flat[i]) & 0xC0) == 0x80) continue;  // continuation byte
    if (chars + 1 == max_chars) cut = i;                                  // room for the ellipsis
    if (++chars > max_chars) return flat.substr(0, cut) + "\xE2\x80\xA6";  // …
  }
  return flat;
}

namespace {

std::vector<std::string> source_ids(const std::vector<Evidence>& evidence) {
  std::vector<std::string> ids;
  for (const Evidence& e : evidence)
    if (std::find(ids.begin(), ids.end(), e.source) == ids.end()) ids.push_back(e.source);
  return ids;
}

class Builder {
 public:
  explicit Builder(const Store& store) : store_(store) {}


  void add_vertices(Graph& g, std::unordered_map<std::string, Vertex>& index) {
    auto add = [&](VertexProps props) {
      if (index.count(props.id)) return;  // duplicate ids are the loader's to report
      const std::string id = props.id;
      index.emplace(id, boost::add_vertex(std::move(props), g));
    };
    for (const Actor& a : store_.actors) {
      if (a.suppressed) continue;
      VertexProps p;
      p.kind = a.kind == "rule" ? VertexKind::rule : VertexKind::actor;
      p.id = a.id;
      p.label = a.name;
      p.action = a.kind;
      p.actor = a.id;
      add(std::move(p));
    }
    for (const Statement& s : store_.statements) {
      if (s.suppressed) continue;
      VertexProps p;
      p.kind = VertexKind::statement;
      p.id = s.id;
      p.label = "\xE2\x80\x9C" + shorten(s.text, 80) + "\xE2\x80\x9D";  // “…”
      p.date = s.date;
      p.action = "say";
      p.actor = s.speaker;
      p.text = s.text;
      if (!s.evidence.source.empty()) p.sources.push_back(s.evidence.source);
      add(std::move(p));
    }
    for (const Event& e : store_.events) {
      if (e.suppressed) continue;
      VertexProps p;
      p.kind = VertexKind::event;
      p.id = e.id;
      const Actor* actor = store_.find_actor(e.actor);
      const Actor* target = store_.find_actor(e.target);
      p.label = fmt::format("{} {}{}", actor ? actor->name : std::string("someone"), e.action,
                            target ? " " + target->name : std::string());
      p.date = e.date;
      p.action = e.action;
      p.actor = e.actor;
      p.sources = source_ids(e.sources);
      if (const Statement* s = store_.find_statement(e.statement); s && !s->suppressed) p.text = s->text;
      add(std::move(p));
    }
  }

 private:
  const Store& store_;
};

}  // namespace

EventGraph EventGraph::build(const Store& store) {
  EventGraph result;
  Graph& g = result.graph_;
  Builder(store).add_vertices(g, result.index_);

  auto link = [&](const std::string& from, const std::string& to, EdgeProps props) {
    if (from.empty() || to.empty()) return;
    auto a = result.index_.find(from);
    auto b = result.index_.find(to);
    if (a == result.index_.end() || b == result.index_.end()) return;  // suppressed or dangling
    boost::add_edge(a->second, b->second, std::move(props), g);
  };
  for (const Statement& s : store.statements) {
    if (s.suppressed) continue;
    EdgeProps p{"said", s.date, {s.evidence}, {}};
    link(s.speaker, s.id, std::move(p));
  }
  for (const Event& e : store.events) {
    if (e.suppressed) continue;
    link(e.actor, e.id, EdgeProps{"performed", e.date, e.sources, {}});
    link(e.id, e.target, EdgeProps{"targets", e.date, e.sources, {}});
    link(e.id, e.statement, EdgeProps{"quotes", e.date, {}, {}});
  }
  for (const Relation& r : store.relations) {
    if (r.suppressed) continue;
    link(r.from, r.to, EdgeProps{r.type, r.date, r.evidence, r.id});
  }
  return result;
}

std::optional<Vertex> EventGraph::find(std::string_view id) const {
  auto it = index_.find(std::string(id));
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

std::vector<ActorLink> actor_links(const EventGraph& graph, const std::vector<std::string>& types) {
  const Graph& g = graph.graph();
  std::vector<ActorLink> links;
  for (auto [it, end] = boost::edges(g); it != end; ++it) {
    const EdgeProps& e = g[*it];
    if (e.relation.empty()) continue;
    if (!types.empty() && std::find(types.begin(), types.end(), e.type) == types.end()) continue;
    const VertexProps& from = g[boost::source(*it, g)];
    const VertexProps& to = g[boost::target(*it, g)];
    // Only ends that resolve to a known, unsuppressed actor.
    if (from.actor.empty() || to.actor.empty() || !graph.find(from.actor) || !graph.find(to.actor)) continue;
    ActorLink link;
    link.from = from.actor;
    link.to = to.actor;
    link.type = e.type;
    link.date = e.date ? e.date : from.date;
    if (!e.evidence.empty()) {
      link.evidence = e.evidence.front().text;
      link.source = e.evidence.front().source;
    }
    link.relation = e.relation;
    link.from_item = from.id;
    link.to_item = to.id;
    links.push_back(std::move(link));
  }
  std::sort(links.begin(), links.end(), [](const ActorLink& a, const ActorLink& b) {
    if (a.date.has_value() != b.date.has_value()) return a.date.has_value();
    if (a.date && *a.date != *b.date) return *a.date < *b.date;
    return std::tie(a.from, a.to, a.relation, a.type) < std::tie(b.from, b.to, b.relation, b.type);
  });
  // The same statement often backs two relations (event -> event and
  // statement -> statement); at actor level they say the same thing once.
  std::set<std::tuple<std::string, std::string, std::string, std::string, std::string, std::string>> seen;
  std::erase_if(links, [&](const ActorLink& l) {
    return !seen.emplace(l.from, l.to, l.type, l.date ? l.date->iso() : std::string(), l.evidence, l.source).second;
  });
  return links;
}

}  // namespace evgraph
