// evgraph render [STORE] --format FORMAT [-o FILE]: graphs, timelines and exports of a store.
#include <iostream>
#include <memory>
#include <set>

#include <fmt/format.h>

#include "commands.h"
#include "evgraph/dot_writer.h"
#include "evgraph/exports.h"
#include "evgraph/graph.h"
#include "evgraph/graphviz_render.h"
#include "evgraph/timeline_html.h"
#include "evgraph/timeline_svg.h"
#include "load_store_or_report.h"

namespace evgraph::cli {

namespace {

struct RenderOptions {
  std::string store = "events.yaml";
  std::string format = "svg";
  std::string output;
  std::string actor;
  std::string title;
  int lanes = 8;
  bool clusters = false;
};

const std::vector<std::string> kFormats = {"dot",       "svg",  "responses-dot", "responses-svg", "graphml",
                                           "timelinejs", "jsonl", "timeline-svg",  "html"};

// The part of the store about one actor: its statements, the events it performs
// or is targeted by, the statements those quote, and relations among them.
Store about_actor(const Store& store, const std::string& id) {
  Store out;
  out.version = store.version;
  out.sources = store.sources;
  out.actors = store.actors;
  std::set<std::string> kept{id};
  for (const Event& e : store.events)
    if (e.actor == id || e.target == id) {
      out.events.push_back(e);
      kept.insert(e.id);
      if (!e.statement.empty()) kept.insert(e.statement);
    }
  for (const Statement& s : store.statements)
    if (s.speaker == id || kept.count(s.id)) {
      out.statements.push_back(s);
      kept.insert(s.id);
    }
  for (const Relation& r : store.relations)
    if (kept.count(r.from) || kept.count(r.to)) out.relations.push_back(r);
  return out;
}

// Returns the text to write, or nullopt after printing an error.
std::optional<std::string> render(const Store& store, const RenderOptions& o, const Actor* actor) {
  const std::string& f = o.format;
  if (f == "timeline-svg" || f == "html") {
    TimelineOptions timeline;
    timeline.max_lanes = o.lanes;
    timeline.actor = actor ? actor->id : std::string();
    timeline.title = o.title;
    if (f == "html") {
      timeline.interactive = true;
      return render_timeline_html(store, timeline);
    }
    return render_timeline_svg(store, timeline);
  }
  if (f == "timelinejs") return render_timelinejs(actor ? about_actor(store, actor->id) : store,
                                                  o.title.empty() ? "evgraph timeline" : o.title);
  if (f == "jsonl") return render_jsonl(actor ? about_actor(store, actor->id) : store);

  const EventGraph graph = EventGraph::build(store);
  if (f == "graphml") return render_graphml(actor ? EventGraph::build(about_actor(store, actor->id)) : graph);

  std::string dot;
  if (f == "responses-dot" || f == "responses-svg") {
    std::vector<ActorLink> links = actor_links(graph, {"responds_to"});
    if (actor)
      std::erase_if(links, [&](const ActorLink& l) { return l.from != actor->id && l.to != actor->id; });
    dot = write_links_dot(graph, links);
  } else {
    DotOptions options;
    options.actor_clusters = o.clusters;
    if (actor) {
      // The actor, everything it said or did, and what those point at.
      std::set<std::string> ids{actor->id};
      const Graph& g = graph.graph();
      for (auto [it, end] = boost::vertices(g); it != end; ++it) {
        if (g[*it].actor != actor->id) continue;
        ids.insert(g[*it].id);
        for (auto [e, e_end] = boost::out_edges(*it, g); e != e_end; ++e) ids.insert(g[boost::target(*e, g)].id);
        for (auto [e, e_end] = boost::in_edges(*it, g); e != e_end; ++e) ids.insert(g[boost::source(*e, g)].id);
      }
      options.include = [ids](const VertexProps& v) { return ids.count(v.id) > 0; };
    }
    dot = write_event_dot(graph, options);
  }
  if (f == "dot" || f == "responses-dot") return dot;
  auto svg = render_graphviz(dot);
  if (!svg) {
    std::cerr << fmt::format("evgraph render: error: {}\n", svg.error().header());
    return std::nullopt;
  }
  return std::move(*svg);
}

}  // namespace

Command add_render_command(CLI::App& app) {
  auto o = std::make_shared<RenderOptions>();
  CLI::App* sub = app.add_subcommand(
      "render", "Render a store as a graph (DOT/SVG), a timeline (SVG/HTML) or an export (GraphML, TimelineJS, JSONL)");
  sub->add_option("store", o->store, "Store to render")->capture_default_str();
  sub->add_option("-f,--format", o->format,
                  "dot|svg: event graph; responses-dot|responses-svg: who responded to whom; timeline-svg|html: "
                  "time-scaled timeline; graphml (Gephi, yEd); timelinejs (Knight Lab TimelineJS); jsonl (events)")
      ->check(CLI::IsMember(kFormats))
      ->capture_default_str();
  sub->add_option("-o,--output", o->output, "Write to FILE (atomically) instead of stdout");
  sub->add_option("--actor", o->actor, "Only what involves this actor (id, name or alias, any case)");
  sub->add_option("--lanes", o->lanes, "Timelines: swimlanes for the most active actors, the rest share 'others'")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  sub->add_option("--title", o->title, "Title of the timeline or TimelineJS title slide");
  sub->add_flag("--clusters", o->clusters, "Event graph: group each actor's statements and events in a cluster");
  return {sub, [o] {
            int code = kExitOk;
            const std::optional<Store> store = load_store_or_report(o->store, "render", code);
            if (!store) return code;
            const Actor* actor = nullptr;
            if (!o->actor.empty()) {
              actor = store->find_actor_by_name(o->actor);
              if (!actor) {
                std::cerr << fmt::format("evgraph render: error: no actor named '{}' in '{}'\n", o->actor, o->store);
                return kExitError;
              }
            }
            const std::optional<std::string> text = render(*store, *o, actor);
            if (!text) return kExitError;
            return write_output(o->output, *text, "render");
          }};
}

}  // namespace evgraph::cli
