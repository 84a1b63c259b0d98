#include "evgraph/dot_writer.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "evgraph/utf8.h"

namespace evgraph {

namespace {

std::string valid_utf8(std::string_view text) {
  std::string out;
  while (auto bad = find_invalid_utf8(text)) {
    out.append(text.substr(0, *bad));
    out += "\xEF\xBF\xBD";  // U+FFFD
    text.remove_prefix(*bad + 1);
  }
  out.append(text);
  return out;
}

std::string quote(std::string_view raw, bool label) {
  const std::string text = valid_utf8(raw);
  std::string out = "\"";
  for (char c : text) {
    const unsigned char u = static_cast<unsigned char>(c);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '&': out += label ? "&amp;" : "&"; break;
      default:
        if (u < 0x20 || u == 0x7F) {
          if (c != '\r') out += ' ';
        } else {
          out += c;
        }
    }
  }
  out += '"';
  return out;
}

const char* fill_for(const VertexProps& v) {
  switch (v.kind) {
    case VertexKind::actor: return "#dbe9f6";
    case VertexKind::rule: return "#fff2cc";
    case VertexKind::statement: return "#f3f3f3";
    case VertexKind::event: break;
  }
  if (v.action == "criticize" || v.action == "oppose" || v.action == "sue" || v.action == "deny" ||
      v.action == "warn")
    return "#f8d7d3";
  if (v.action == "support" || v.action == "invest" || v.action == "fund") return "#d9f0d3";
  if (v.action == "take_effect" || v.action == "announce" || v.action == "launch" || v.action == "release")
    return "#fde9c9";
  return "#ffffff";
}

const char* shape_for(VertexKind kind) {
  switch (kind) {
    case VertexKind::actor: return "box";
    case VertexKind::rule: return "folder";
    case VertexKind::statement: return "note";
    case VertexKind::event: return "ellipse";
  }
  return "box";
}

std::string edge_style(std::string_view type) {
  if (type == "responds_to") return "color=\"#c0392b\", penwidth=2";
  if (type == "criticizes" || type == "opposes") return "color=\"#c0392b\", style=dashed";
  if (type == "supports") return "color=\"#2e7d32\", style=dashed";
  if (type == "urges" || type == "warns") return "color=\"#b7791f\", style=dashed";
  if (type == "said" || type == "performed" || type == "quotes") return "color=\"#888888\"";
  return "color=\"#555555\"";
}

std::string node_line(const VertexProps& v, std::string_view indent) {
  std::string label = v.label;
  if (v.date) label += "\n" + v.date->iso();
  // The tooltip carries what the label had to cut: the whole quotation.
  const std::string tooltip = v.text.empty() ? v.id : shorten(v.text, 400);
  return fmt::format("{}{} [label={}, shape={}, style=filled, fillcolor=\"{}\", tooltip={}];\n", indent,
                     dot_quote(v.id), dot_label(label), shape_for(v.kind), fill_for(v), dot_label(tooltip));
}

bool vertex_less(const VertexProps& a, const VertexProps& b) {
  if (a.kind != b.kind) return a.kind < b.kind;
  return a.id < b.id;
}

}  // namespace

std::string dot_quote(std::string_view text) { return quote(text, false); }
std::string dot_label(std::string_view text) { return quote(text, true); }

std::string write_event_dot(const EventGraph& graph, const DotOptions& options) {
  const Graph& g = graph.graph();
  std::vector<Vertex> vertices;
  for (auto [it, end] = boost::vertices(g); it != end; ++it)
    if (!options.include || options.include(g[*it])) vertices.push_back(*it);
  std::sort(vertices.begin(), vertices.end(), [&](Vertex a, Vertex b) { return vertex_less(g[a], g[b]); });
  std::set<Vertex> kept(vertices.begin(), vertices.end());

  std::string out = fmt::format("digraph {} {{\n", dot_quote(options.graph_name));
  out +=
      "  graph [newrank=true, rankdir=LR, nodesep=0.3, ranksep=0.5, fontname=\"Helvetica\"];\n"
      "  node [fontname=\"Helvetica\", fontsize=10];\n"
      "  edge [fontname=\"Helvetica\", fontsize=8];\n";

  // Nodes, inside their actor's cluster when asked.
  std::map<std::string, std::vector<Vertex>> by_cluster;  // "" = no cluster
  for (Vertex v : vertices) {
    const VertexProps& p = g[v];
    std::string cluster;
    if (options.actor_clusters && !p.actor.empty() && graph.find(p.actor) && kept.count(*graph.find(p.actor)))
      cluster = p.actor;
    by_cluster[cluster].push_back(v);
  }
  for (const auto& [cluster, members] : by_cluster) {
    if (cluster.empty()) {
      for (Vertex v : members) out += node_line(g[v], "  ");
      continue;
    }
    const VertexProps& owner = g[*graph.find(cluster)];
    out += fmt::format("  subgraph {} {{\n    label={};\n    style=rounded;\n    color=\"#bbbbbb\";\n",
                       dot_quote("cluster_" + cluster), dot_label(owner.label));
    for (Vertex v : members) out += node_line(g[v], "    ");
    out += "  }\n";
  }

  // One rank per date, left to right.
  std::map<PartialDate, std::vector<Vertex>> by_date;
  for (Vertex v : vertices)
    if (g[v].date) by_date[*g[v].date].push_back(v);
  std::string previous;
  for (const auto& [date, members] : by_date) {
    const std::string anchor = "date:" + date.iso();
    out += fmt::format("  subgraph {} {{\n    rank=same;\n", dot_quote("rank_" + date.iso()));
    out += fmt::format("    {} [label={}, shape=plaintext, fontcolor=\"#666666\"];\n", dot_quote(anchor),
                       dot_label(date.iso()));
    for (Vertex v : members) out += fmt::format("    {};\n", dot_quote(g[v].id));
    out += "  }\n";
    if (!previous.empty())
      out += fmt::format("  {} -> {} [style=invis, weight=10];\n", dot_quote(previous), dot_quote(anchor));
    previous = anchor;
  }

  // Edges, sorted by (from, to, type, relation).
  // Edges that point back in time (a response to an earlier event) or from an
  // event to its target actor must not constrain ranks: they would form
  // cycles with the date chain and Graphviz would break the chain instead.
  std::vector<std::tuple<std::string, std::string, std::string, std::string, std::string, bool>> edges;
  for (auto [it, end] = boost::edges(g); it != end; ++it) {
    const Vertex a = boost::source(*it, g), b = boost::target(*it, g);
    if (!kept.count(a) || !kept.count(b)) continue;
    const EdgeProps& e = g[*it];
    std::string label = e.relation.empty() ? std::string() : e.type;
    const bool backwards = g[a].date && g[b].date && *g[b].date < *g[a].date;
    const bool loose = backwards || e.type == "targets" || (g[a].date && !g[b].date);
    edges.emplace_back(g[a].id, g[b].id, e.type, e.relation, label, loose);
  }
  std::sort(edges.begin(), edges.end());
  for (const auto& [from, to, type, relation, label, loose] : edges) {
    out += fmt::format("  {} -> {} [{}", dot_quote(from), dot_quote(to), edge_style(type));
    if (!label.empty()) out += fmt::format(", label={}", dot_label(label));
    if (loose) out += ", constraint=false";
    out += "];\n";
  }
  out += "}\n";
  return out;
}

std::string write_links_dot(const EventGraph& graph, const std::vector<ActorLink>& links,
                            std::string_view graph_name) {
  std::set<std::string> actors;
  for (const ActorLink& l : links) {
    actors.insert(l.from);
    actors.insert(l.to);
  }
  std::string out = fmt::format("digraph {} {{\n", dot_quote(graph_name));
  out +=
      "  graph [rankdir=LR, nodesep=0.4, ranksep=0.8, fontname=\"Helvetica\"];\n"
      "  node [fontname=\"Helvetica\", fontsize=11, shape=box, style=\"rounded,filled\", "
      "fillcolor=\"#dbe9f6\"];\n"
      "  edge [fontname=\"Helvetica\", fontsize=9];\n";
  for (const std::string& id : actors) {
    const auto v = graph.find(id);
    const VertexProps* p = v ? &graph[*v] : nullptr;
    const bool rule = p && p->kind == VertexKind::rule;
    out += fmt::format("  {} [label={}{}];\n", dot_quote(id), dot_label(p ? p->label : id),
                       rule ? ", shape=folder, fillcolor=\"#fff2cc\"" : "");
  }
  std::vector<const ActorLink*> sorted;
  for (const ActorLink& l : links) sorted.push_back(&l);
  std::sort(sorted.begin(), sorted.end(), [](const ActorLink* a, const ActorLink* b) {
    return std::tie(a->from, a->to, a->type, a->relation) < std::tie(b->from, b->to, b->type, b->relation);
  });
  for (const ActorLink* l : sorted) {
    std::string label = l->type == "responds_to" ? std::string() : l->type;
    if (l->date) label += (label.empty() ? "" : "\n") + l->date->iso();
    std::string tooltip = l->evidence.empty() ? l->relation : l->evidence;
    out += fmt::format("  {} -> {} [{}, label={}, tooltip={}];\n", dot_quote(l->from), dot_quote(l->to),
                       edge_style(l->type), dot_label(label), dot_label(shorten(tooltip, 200)));
  }
  out += "}\n";
  return out;
}

}  // namespace evgraph
