#include "evgraph/timeline_html.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "evgraph/resources.h"
#include "evgraph/timeline_layout.h"

namespace evgraph {

namespace {

// JSON that can sit inside <script>: "<", ">" and "&" only occur inside JSON
// strings, where their \u escapes mean the same thing, so "</script>" in an
// article can never close the element.
std::string script_safe_json(const nlohmann::json& value) {
  std::string raw = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string out;
  out.reserve(raw.size() + 64);
  for (char c : raw) {
    switch (c) {
      case '<': out += "\\u003c"; break;
      case '>': out += "\\u003e"; break;
      case '&': out += "\\u0026"; break;
      default: out += c;
    }
  }
  return out;
}

std::string builtin_web_file(std::string_view path) {
  auto content = Resources::builtin().read(path);
  return content ? *content : std::string();
}

nlohmann::json source_json(const Store& store, const Evidence& evidence) {
  nlohmann::json s;
  s["id"] = evidence.source;
  const Source* source = store.find_source(evidence.source);
  s["title"] = source && !source->title.empty() ? source->title : evidence.source;
  s["outlet"] = source ? source->outlet : std::string();
  s["url"] = source ? source->url : std::string();
  s["published"] = source && source->published ? source->published->iso() : std::string();
  s["excerpt"] = shorten_text(evidence.text, 300);
  return s;
}

std::string humanize(std::string_view action) {
  std::string out(action);
  for (char& c : out)
    if (c == '_') c = ' ';
  return out;
}

}  // namespace

std::string render_timeline_html(const Store& store, const TimelineOptions& options) {
  TimelineOptions svg_options = options;
  svg_options.interactive = true;
  std::string title = options.title.empty() ? std::string("evgraph timeline") : options.title;
  svg_options.title.clear();  // the page has its own heading
  TimelineLayout layout = layout_timeline(store, svg_options);

  // Data for the details panel, indexed like the SVG's data-item attributes.
  nlohmann::json items = nlohmann::json::array();
  std::vector<std::vector<int>> responds_to(layout.items.size()), responded_by(layout.items.size());
  for (const TimelineArrow& a : layout.arrows) {
    responds_to[a.from].push_back(a.to);
    responded_by[a.to].push_back(a.from);
  }
  for (std::size_t i = 0; i < layout.items.size(); ++i) {
    const TimelineItem& it = layout.items[i];
    nlohmann::json j;
    j["id"] = it.id;
    j["kind"] = it.kind == ItemKind::event ? "event" : "statement";
    j["date"] = it.date ? it.date->iso() : std::string();
    j["date_label"] = it.date ? format_date_label(*it.date) : std::string("undated");
    j["precision"] = it.date ? to_string(it.date->precision()) : "none";
    j["actor"] = it.actor;
    j["actor_name"] = it.actor.empty() ? std::string() : store.display_name(it.actor);
    j["action"] = it.action;
    j["target_name"] = it.target.empty() ? std::string() : store.display_name(it.target);
    const Statement* s = it.statement.empty() ? nullptr : store.find_statement(it.statement);
    j["quote"] = s ? s->text : std::string();
    j["cue"] = s ? s->cue : std::string();
    nlohmann::json sources = nlohmann::json::array();
    std::set<std::string> seen;
    auto add = [&](const Evidence& e) {
      if (e.source.empty() || !seen.insert(e.source).second) return;
      sources.push_back(source_json(store, e));
    };
    if (it.kind == ItemKind::event) {
      if (const Event* e = store.find_event(it.id)) {
        for (const Evidence& ev : e->sources) add(ev);
        j["conflicting_dates"] = e->conflicting_dates;
      }
    }
    if (s) add(s->evidence);
    j["sources"] = std::move(sources);
    j["responds_to"] = responds_to[i];
    j["responded_by"] = responded_by[i];
    items.push_back(std::move(j));
  }
  nlohmann::json data;
  data["title"] = title;
  data["items"] = std::move(items);

  // Filter choices with counts, in a stable order: lanes' order for actors, kActions for actions.
  std::map<std::string, int> actor_count, action_count;
  for (const TimelineItem& it : layout.items) {
    ++actor_count[it.actor];
    ++action_count[it.action];
  }
  std::vector<std::pair<std::string, int>> actors(actor_count.begin(), actor_count.end());
  std::stable_sort(actors.begin(), actors.end(), [](const auto& a, const auto& b) { return a.second > b.second; });

  std::string out;
  auto emit = [&]<typename... Args>(fmt::format_string<Args...> format, Args&&... args) {
    fmt::format_to(std::back_inserter(out), format, std::forward<Args>(args)...);
  };
  emit("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
       "<meta name=\"generator\" content=\"evgraph\">\n<title>{}</title>\n<style>\n{}</style>\n</head>\n<body>\n",
       xml_escape(title), builtin_web_file("web/timeline.css"));

  std::string range;
  std::optional<PartialDate> first, last;
  for (const TimelineItem& it : layout.items) {
    if (!it.date) continue;
    if (!first || *it.date < *first) first = it.date;
    if (!last || *last < *it.date) last = it.date;
  }
  if (first) range = fmt::format(" \u00b7 {} \u2013 {}", format_date_label(*first), format_date_label(*last));
  emit("<header>\n<h1>{}</h1>\n<p class=\"summary\">{} item{} \u00b7 {} actor{}{} \u00b7 {} response{}</p>\n"
       "</header>\n",
       xml_escape(title), layout.items.size(), layout.items.size() == 1 ? "" : "s", actor_count.size(),
       actor_count.size() == 1 ? "" : "s", xml_escape(range), layout.arrows.size(),
       layout.arrows.size() == 1 ? "" : "s");

  emit("<div class=\"page\">\n<aside id=\"filters\" aria-label=\"Filters\">\n");
  emit("<fieldset id=\"actor-filter\">\n<legend>Actors</legend>\n");
  for (const auto& [id, count] : actors) {
    std::string name = id.empty() ? std::string("unattributed") : store.display_name(id);
    emit("<label><input type=\"checkbox\" value=\"{}\" checked> <span class=\"name\">{}</span>"
         "<span class=\"count\">{}</span></label>\n",
         xml_escape(id), xml_escape(name), count);
  }
  emit("</fieldset>\n<fieldset id=\"action-filter\">\n<legend>Actions</legend>\n");
  for (const LegendEntry& e : layout.legend) {
    ActionStyle style = action_style(e.action);
    emit("<label><input type=\"checkbox\" value=\"{}\" checked> <svg class=\"swatch\" viewBox=\"0 0 14 14\" "
         "aria-hidden=\"true\"><rect x=\"1\" y=\"1\" width=\"12\" height=\"12\" rx=\"3\" fill=\"{}\"/></svg>"
         "<span class=\"name\">{}</span><span class=\"count\">{}</span></label>\n",
         xml_escape(e.action), style.color, xml_escape(humanize(e.action)), action_count[e.action]);
  }
  emit("</fieldset>\n<button type=\"button\" id=\"show-all\">Show all</button>"
       "<button type=\"button\" id=\"show-none\">No actors</button>\n"
       "<p id=\"visible-count\" aria-live=\"polite\"></p>\n"
       "<p class=\"meta\" style=\"font-size:12px;color:#666\">Tab to a marker and press Enter for details; "
       "Escape closes them.</p>\n</aside>\n");
  emit("<main>\n<div id=\"timeline-scroll\">\n{}</div>\n</main>\n</div>\n",
       render_layout_svg(store, layout, svg_options));
  emit("<section id=\"details\" aria-live=\"polite\" aria-label=\"Details\" hidden></section>\n"
       "<div id=\"tooltip\" role=\"tooltip\" hidden></div>\n");
  emit("<script type=\"application/json\" id=\"timeline-data\">{}</script>\n", script_safe_json(data));
  emit("<script>\n{}</script>\n</body>\n</html>\n", builtin_web_file("web/timeline.js"));
  return out;
}

}  // namespace evgraph
