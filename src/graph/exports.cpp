#include "evgraph/exports.h"

#include <fmt/format.h>

#include <algorithm>
#include <boost/graph/graphml.hpp>
#include <boost/property_map/transform_value_property_map.hpp>
#include <set>
#include <sstream>

#include "evgraph/json_text.h"
#include "evgraph/xml_escape.h"

namespace evgraph {

namespace {

using json = nlohmann::ordered_json;

const char* kMonthNames[] = {"January", "February", "March",     "April",   "May",      "June",
                             "July",    "August",   "September", "October", "November", "December"};

json start_date(const PartialDate& date) {
  json out = json::object();
  out["year"] = date.year();
  if (date.precision() >= DatePrecision::month) out["month"] = date.month();
  if (date.precision() == DatePrecision::day) out["day"] = date.day();
  return out;
}

std::string display_date(const PartialDate& date) {
  if (date.precision() == DatePrecision::year) return std::to_string(date.year());
  return fmt::format("{} {}", kMonthNames[date.month() - 1], date.year());
}

bool is_web_url(std::string_view url) { return url.starts_with("https://") || url.starts_with("http://"); }

std::string sources_html(const Store& store, const std::vector<Evidence>& evidence) {
  std::vector<std::string> items;
  std::set<std::string> seen;
  for (const Evidence& e : evidence) {
    if (!seen.insert(e.source).second) continue;
    const Source* s = store.find_source(e.source);
    std::string name = s && !s->title.empty() ? s->title : e.source;
    if (s && !s->outlet.empty()) name += " (" + s->outlet + ")";
    if (s && is_web_url(s->url))
      items.push_back(fmt::format("<a href=\"{}\">{}</a>", xml_escape(s->url), xml_escape(name)));
    else
      items.push_back(xml_escape(name));
  }
  if (items.empty()) return {};
  std::string out = "<p>Sources: ";
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? "; " : "") + items[i];
  return out + "</p>";
}

std::string actor_name(const Store& store, std::string_view id) {
  const Actor* a = store.find_actor(id);
  return a ? a->name : std::string(id);
}

template <class T>
std::vector<const T*> by_date(const std::vector<T>& items) {
  std::vector<const T*> out;
  for (const T& item : items)
    if (!item.suppressed) out.push_back(&item);
  std::stable_sort(out.begin(), out.end(), [](const T* a, const T* b) {
    if (a->date.has_value() != b->date.has_value()) return a->date.has_value();
    return a->date && *a->date < *b->date;
  });
  return out;
}

json evidence_json(const Evidence& e) {
  return json{{"source", e.source}, {"start", e.start}, {"end", e.end}, {"text", e.text}};
}

}  // namespace


std::string render_timelinejs(const Store& store, std::string_view title) {
  json events = json::array();
  std::set<std::string> quoted;  // statements already shown through an event
  std::size_t count = 0;
  for (const Event* e : by_date(store.events)) {
    if (!e->statement.empty()) quoted.insert(e->statement);
    if (!e->date) continue;
    json slide = json::object();
    slide["start_date"] = start_date(*e->date);
    if (e->date->precision() != DatePrecision::day) slide["display_date"] = display_date(*e->date);
    std::string headline = e->actor.empty() ? std::string("Someone") : actor_name(store, e->actor);
    headline += " " + e->action;
    if (!e->target.empty()) headline += " " + actor_name(store, e->target);
    std::string body;
    if (const Statement* s = store.find_statement(e->statement); s && !s->suppressed)
      body += "<blockquote>" + xml_escape(s->text) + "</blockquote>";
    body += sources_html(store, e->sources);
    slide["text"] = json{{"headline", xml_escape(headline)}, {"text", body}};
    if (!e->actor.empty()) slide["group"] = actor_name(store, e->actor);
    slide["unique_id"] = e->id;
    events.push_back(std::move(slide));
    ++count;
  }
  for (const Statement* s : by_date(store.statements)) {
    if (!s->date || quoted.count(s->id)) continue;
    json slide = json::object();
    slide["start_date"] = start_date(*s->date);
    if (s->date->precision() != DatePrecision::day) slide["display_date"] = display_date(*s->date);
    const std::string speaker = s->speaker.empty() ? std::string("Unattributed") : actor_name(store, s->speaker);
    slide["text"] = json{{"headline", xml_escape(speaker + " " + (s->cue.empty() ? "said" : s->cue))},
                         {"text", "<blockquote>" + xml_escape(s->text) + "</blockquote>" +
                                      sources_html(store, {s->evidence})}};
    if (!s->speaker.empty()) slide["group"] = speaker;
    slide["unique_id"] = s->id;
    events.push_back(std::move(slide));
    ++count;
  }
  std::size_t sources = 0;
  for (const Source& s : store.sources) sources += s.suppressed ? 0 : 1;
  json out = json::object();
  out["title"] = json{{"text", json{{"headline", xml_escape(title)},
                                    {"text", fmt::format("{} entries from {} sources", count, sources)}}}};
  out["events"] = std::move(events);
  return json_text(out, 2) + "\n";
}

std::string render_jsonl(const Store& store) {
  std::string out;
  for (const Event* e : by_date(store.events)) {
    json line = json::object();
    line["id"] = e->id;
    line["date"] = e->date ? json(e->date->iso()) : json(nullptr);
    line["precision"] = e->date ? json(to_string(e->date->precision())) : json(nullptr);
    line["actor"] = e->actor;
    line["actor_name"] = e->actor.empty() ? std::string() : actor_name(store, e->actor);
    line["action"] = e->action;
    line["target"] = e->target;
    line["target_name"] = e->target.empty() ? std::string() : actor_name(store, e->target);
    const Statement* s = store.find_statement(e->statement);
    if (s && !s->suppressed)
      line["statement"] = json{{"id", s->id}, {"speaker", s->speaker}, {"text", s->text}, {"cue", s->cue}};
    else
      line["statement"] = nullptr;
    line["conflicting_dates"] = e->conflicting_dates;
    json sources = json::array();
    for (const Evidence& ev : e->sources) sources.push_back(evidence_json(ev));
    line["sources"] = std::move(sources);
    line["origin"] = to_string(e->origin);
    out += json_text(line) + "\n";
  }
  return out;
}

std::string render_graphml(const EventGraph& event_graph) {
  const Graph& g = event_graph.graph();
  boost::dynamic_properties dp(boost::ignore_other_properties);
  auto vertex_text = [&](auto fn) {
    return boost::make_transform_value_property_map(fn, boost::get(boost::vertex_bundle, g));
  };
  auto edge_text = [&](auto fn) {
    return boost::make_transform_value_property_map(fn, boost::get(boost::edge_bundle, g));
  };
  auto date_of = [](const std::optional<PartialDate>& d) { return d ? d->iso() : std::string(); };
  dp.property("kind", vertex_text([](const VertexProps& v) { return std::string(to_string(v.kind)); }));
  dp.property("id", vertex_text([](const VertexProps& v) { return v.id; }));
  dp.property("label", vertex_text([](const VertexProps& v) { return v.label; }));
  dp.property("date", vertex_text([&](const VertexProps& v) { return date_of(v.date); }));
  dp.property("precision", vertex_text([](const VertexProps& v) {
                return v.date ? std::string(to_string(v.date->precision())) : std::string();
              }));
  dp.property("action", vertex_text([](const VertexProps& v) { return v.action; }));
  dp.property("actor", vertex_text([](const VertexProps& v) { return v.actor; }));
  dp.property("sources", vertex_text([](const VertexProps& v) {
                std::string out;
                for (const std::string& s : v.sources) out += (out.empty() ? "" : " ") + s;
                return out;
              }));
  dp.property("type", edge_text([](const EdgeProps& e) { return e.type; }));
  dp.property("edge_date", edge_text([&](const EdgeProps& e) { return date_of(e.date); }));
  dp.property("evidence", edge_text([](const EdgeProps& e) {
                std::string out;
                for (const Evidence& ev : e.evidence)
                  out += fmt::format("{}{}[{},{}): {}", out.empty() ? "" : "\n", ev.source, ev.start, ev.end, ev.text);
                return out;
              }));
  dp.property("relation", edge_text([](const EdgeProps& e) { return e.relation; }));
  std::ostringstream out;
  boost::write_graphml(out, g, boost::get(boost::vertex_index, g), dp, true);
  return out.str();
}

}  // namespace evgraph
