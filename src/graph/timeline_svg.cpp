#include "evgraph/timeline_svg.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iterator>

#include "evgraph/timeline_layout.h"

namespace evgraph {

namespace {

// Fixed one-decimal numbers so output is byte-identical everywhere.
std::string num(double v) {
  if (std::fabs(v) < 0.05) v = 0;  // no "-0.0"
  return fmt::format("{:.1f}", v);
}

struct StyleEntry {
  const char* action;
  ActionStyle style;
};
// Related actions share a hue family; shapes tell apart what colour alone cannot.
constexpr StyleEntry kStyles[] = {
    {"say", {"circle", "#1f77b4"}},          {"criticize", {"triangle_down", "#d62728"}},
    {"support", {"triangle_up", "#2ca02c"}}, {"oppose", {"square", "#8c1c13"}},
    {"respond", {"diamond", "#9467bd"}},     {"urge", {"pentagon", "#e377c2"}},
    {"warn", {"triangle_up", "#ff7f0e"}},    {"announce", {"square", "#17becf"}},
    {"invest", {"hexagon", "#bcbd22"}},      {"fund", {"hexagon", "#8c564b"}},
    {"lobby", {"pentagon", "#6b4f9e"}},      {"launch", {"star", "#0b7a75"}},
    {"release", {"star", "#1f4e9c"}},        {"sue", {"square", "#333333"}},
    {"deny", {"cross", "#c0392b"}},          {"take_effect", {"diamond", "#4d4d4d"}},
    {"other", {"circle", "#8a8a8a"}},
};

std::string shape_svg(const ActionStyle& style, double cx, double cy, double r, const std::string& extra) {
  std::string shape = style.shape;
  std::string attrs = fmt::format(" class=\"mk-shape\" fill=\"{}\" stroke=\"#ffffff\" stroke-width=\"1.2\"{}",
                                  style.color, extra);
  auto poly = [&](std::initializer_list<std::pair<double, double>> pts) {
    std::string p;
    for (auto& [dx, dy] : pts) {
      if (!p.empty()) p += ' ';
      p += num(cx + dx * r) + "," + num(cy + dy * r);
    }
    return fmt::format("<polygon points=\"{}\"{}/>", p, attrs);
  };
  auto regular = [&](int n, double start_deg, double inner) {
    std::string p;
    int steps = inner > 0 ? 2 * n : n;
    for (int i = 0; i < steps; ++i) {
      double radius = (inner > 0 && i % 2 == 1) ? inner * r : r;
      double a = (start_deg + 360.0 * i / steps) * M_PI / 180.0;
      if (!p.empty()) p += ' ';
      p += num(cx + radius * std::cos(a)) + "," + num(cy + radius * std::sin(a));
    }
    return fmt::format("<polygon points=\"{}\"{}/>", p, attrs);
  };
  if (shape == "square") return poly({{-0.85, -0.85}, {0.85, -0.85}, {0.85, 0.85}, {-0.85, 0.85}});
  if (shape == "diamond") return poly({{0, -1.15}, {1.15, 0}, {0, 1.15}, {-1.15, 0}});
  if (shape == "triangle_up") return poly({{0, -1.15}, {1.1, 0.85}, {-1.1, 0.85}});
  if (shape == "triangle_down") return poly({{0, 1.15}, {1.1, -0.85}, {-1.1, -0.85}});
  if (shape == "hexagon") return regular(6, 0, 0);
  if (shape == "pentagon") return regular(5, -90, 0);
  if (shape == "star") return regular(5, -90, 0.5);
  if (shape == "cross")
    return poly({{-1, -0.6}, {-0.6, -1}, {0, -0.4}, {0.6, -1}, {1, -0.6}, {0.4, 0}, {1, 0.6}, {0.6, 1}, {0, 0.4},
                 {-0.6, 1}, {-1, 0.6}, {-0.4, 0}});
  return fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"{}\"{}/>", num(cx), num(cy), num(r), attrs);
}

std::string humanize(std::string_view action) {
  std::string out(action);
  for (char& c : out)
    if (c == '_') c = ' ';
  return out;
}

std::string gap_text(long days) {
  if (days >= 730) return fmt::format("{} years", days / 365);
  if (days >= 60) return fmt::format("{} months", days / 30);
  return fmt::format("{} days", days);
}

// The full text of an item for its tooltip.
std::string item_title(const Store& store, const TimelineItem& it) {
  std::string out = it.date ? format_date_label(*it.date) : std::string("undated");
  out += " \u2014 ";
  out += it.actor.empty() ? std::string("unattributed") : store.display_name(it.actor);
  out += " " + humanize(it.action);
  if (!it.target.empty()) out += " \u2192 " + store.display_name(it.target);
  if (!it.statement.empty()) {
    if (const Statement* s = store.find_statement(it.statement)) out += ": \u201c" + s->text + "\u201d";
  }
  return out;
}

constexpr const char* kSvgStyle =
    "text{font-family:'DejaVu Sans','Helvetica Neue',Arial,sans-serif;fill:#222}"
    ".title{font-size:18px;font-weight:700}"
    ".legend,.tick,.label{font-size:11px}"
    ".tick{fill:#555}"
    ".lane-name{font-size:12px;font-weight:700}"
    ".lane-count{font-size:10px;fill:#777}"
    ".card-head{font-size:11px;font-weight:700}"
    ".break-label{font-size:9px;fill:#888}"
    ".undated-head{font-size:11px;font-weight:700;fill:#555}";

}  // namespace

ActionStyle action_style(std::string_view action) {
  for (const StyleEntry& e : kStyles)
    if (action == e.action) return e.style;
  return kStyles[std::size(kStyles) - 1].style;
}

std::string render_layout_svg(const Store& store, const TimelineLayout& layout, const TimelineOptions& options) {
  std::string out;
  out.reserve(4096 + layout.items.size() * 700);
  auto emit = [&]<typename... Args>(fmt::format_string<Args...> format, Args&&... args) {
    fmt::format_to(std::back_inserter(out), format, std::forward<Args>(args)...);
  };

  emit("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" "
       "class=\"evgraph-timeline\" role=\"img\" aria-label=\"{2}\">\n",
       num(layout.width), num(layout.height), xml_escape(options.title.empty() ? "timeline" : options.title));
  emit("<style>{}</style>\n", kSvgStyle);
  emit("<defs><marker id=\"arrowhead\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" "
       "markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#6a3fa0\"/></marker>"
       "<pattern id=\"break-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
       "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#f1f1f1\"/>"
       "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#d6d6d6\" stroke-width=\"2\"/></pattern></defs>\n");
  emit("<rect x=\"0\" y=\"0\" width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>\n", num(layout.width), num(layout.height));
  if (!options.title.empty())
    emit("<text class=\"title\" x=\"16.0\" y=\"{}\">{}</text>\n", num(layout.title_y), xml_escape(options.title));

  // Legend.
  emit("<g class=\"legend\">\n");
  for (const LegendEntry& e : layout.legend) {
    emit("<g class=\"legend-entry\" data-action=\"{}\">{}<text x=\"{}\" y=\"{}\">{}</text></g>\n",
         xml_escape(e.action), shape_svg(action_style(e.action), e.x, e.y, 5.5, ""), num(e.x + 10),
         num(e.y + 4), xml_escape(humanize(e.action)));
  }
  emit("</g>\n");

  // Lanes (alternating backgrounds) with their names.
  emit("<g class=\"lanes\">\n");
  double right = layout.width - 16;
  for (std::size_t i = 0; i < layout.lanes.size(); ++i) {
    const TimelineLane& lane = layout.lanes[i];
    emit("<rect x=\"16.0\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"/>\n", num(lane.y), num(right - 16),
         num(lane.h), i % 2 == 0 ? "#f5f7fa" : "#ffffff");
    emit("<text class=\"lane-name\" x=\"22.0\" y=\"{}\">{}</text>\n", num(lane.y + 18),
         xml_escape(shorten_text(lane.name, 20)));
    emit("<text class=\"lane-count\" x=\"22.0\" y=\"{}\">{} item{}</text>\n", num(lane.y + 32), lane.count,
         lane.count == 1 ? "" : "s");
  }
  emit("<line x1=\"16.0\" y1=\"{0}\" x2=\"{1}\" y2=\"{0}\" stroke=\"#c9ced6\"/>\n", num(layout.lanes_y1), num(right));
  emit("</g>\n");

  // Axis: grid lines, tick labels, breaks.
  emit("<g class=\"axis\">\n");
  if (!layout.scale.empty()) {
    emit("<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"#555555\" stroke-width=\"1.2\"/>\n",
         num(layout.plot_x0), num(layout.axis_y), num(layout.plot_x1));
  }
  for (const Tick& t : layout.ticks) {
    emit("<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#dde1e7\"/>", num(t.x), num(layout.axis_y),
         num(layout.lanes_y1));
    emit("<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#555555\"/>", num(t.x), num(layout.axis_y - 4),
         num(layout.axis_y));
    emit("<text class=\"tick\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n", num(t.x), num(layout.axis_y - 8),
         xml_escape(t.label));
  }
  for (const AxisBreak& b : layout.scale.breaks()) {
    double mid = (b.x0 + b.x1) / 2;
    long days = b.last_empty_day - b.first_empty_day + 1;
    emit("<g class=\"axis-break\"><title>{} without events</title>", xml_escape(gap_text(days)));
    emit("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"url(#break-hatch)\"/>", num(b.x0 + 6),
         num(layout.axis_y), num(b.x1 - b.x0 - 12), num(layout.lanes_y1 - layout.axis_y));
    emit("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"12\" fill=\"#ffffff\"/>", num(b.x0 + 2),
         num(layout.axis_y - 6), num(b.x1 - b.x0 - 4));
    for (double dx : {-4.0, 4.0})
      emit("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#555555\" stroke-width=\"1.5\"/>", num(mid + dx - 3),
           num(layout.axis_y + 7), num(mid + dx + 3), num(layout.axis_y - 7));
    emit("<text class=\"break-label\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text></g>\n", num(mid),
         num(layout.axis_y - 9), xml_escape(format_gap(days)));
  }
  if (layout.undated_x1 > layout.undated_x0) {
    emit("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#fbf8ef\" opacity=\"0.8\"/>",
         num(layout.undated_x0), num(layout.lanes_y0), num(layout.undated_x1 - layout.undated_x0),
         num(layout.lanes_y1 - layout.lanes_y0));
    emit("<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#b9b29a\" stroke-dasharray=\"4 3\"/>",
         num(layout.undated_x0), num(layout.axis_y - 16), num(layout.lanes_y1));
    emit("<text class=\"undated-head\" x=\"{}\" y=\"{}\">undated</text>\n", num(layout.undated_x0 + 8),
         num(layout.axis_y - 8));
  }
  emit("</g>\n");

  // Response arrows, under the markers.
  emit("<g class=\"arrows\" fill=\"none\">\n");
  for (const TimelineArrow& a : layout.arrows) {
    const TimelineItem& f = layout.items[a.from];
    const TimelineItem& t = layout.items[a.to];
    double dy = t.y - f.y;
    double bend = std::abs(dy) < 1 ? -28 : 0;  // same lane: arc above the markers
    double c1x = f.x + (t.x - f.x) * 0.25, c2x = f.x + (t.x - f.x) * 0.75;
    double c1y = f.y + dy * 0.1 + bend, c2y = f.y + dy * 0.9 + bend;
    // Stop at the answered marker's edge so the arrowhead stays visible.
    double ex = t.x, ey = t.y;
    double vx = t.x - c2x, vy = t.y - c2y, len = std::hypot(vx, vy);
    if (len > 1e-6) ex -= vx / len * 8, ey -= vy / len * 8;
    emit("<path class=\"arrow\" data-from=\"{}\" data-to=\"{}\" d=\"M{},{} C{},{} {},{} {},{}\" stroke=\"#6a3fa0\" "
         "stroke-width=\"1.4\" stroke-opacity=\"0.75\" marker-end=\"url(#arrowhead)\"><title>{} responds to {}</title>"
         "</path>\n",
         a.from, a.to, num(f.x), num(f.y), num(c1x), num(c1y), num(c2x), num(c2y), num(ex), num(ey),
         xml_escape(f.actor.empty() ? "unattributed" : store.display_name(f.actor)),
         xml_escape(t.actor.empty() ? "unattributed" : store.display_name(t.actor)));
  }
  emit("</g>\n");

  // Items: leader, span bar, marker, label.
  emit("<g class=\"items\">\n");
  for (std::size_t i = 0; i < layout.items.size(); ++i) {
    const TimelineItem& it = layout.items[i];
    ActionStyle style = action_style(it.action);
    std::string title = item_title(store, it);
    if (options.interactive) {
      emit("<g class=\"item\" id=\"item-{}\" data-item=\"{}\" data-actor=\"{}\" data-action=\"{}\" tabindex=\"0\" "
           "role=\"button\" aria-label=\"{}\">",
           i, i, xml_escape(it.actor), xml_escape(it.action), xml_escape(shorten_text(title, 200)));
    } else {
      emit("<g class=\"item\" data-id=\"{}\">", xml_escape(it.id));
    }
    emit("<title>{}</title>", xml_escape(title));
    const Box& b = it.label;
    if (it.leader) {
      double lx = std::clamp(it.x, b.x + 2, b.right() - 2);
      emit("<path d=\"M{},{} L{},{} L{},{}\" fill=\"none\" stroke=\"#9aa3ad\" stroke-width=\"0.8\"/>", num(it.x),
           num(it.y), num(it.x), num(std::min(b.y, it.y + 10)), num(lx), num(b.y));
    }
    if (it.span) {
      emit("<rect class=\"span\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"8\" rx=\"4\" fill=\"{}\" "
           "fill-opacity=\"0.28\" stroke=\"{}\" stroke-opacity=\"0.6\"/>",
           num(it.x), num(it.y - 4), num(std::max(2.0, it.x_end - it.x)), style.color, style.color);
    }
    emit("{}", shape_svg(style, it.x, it.y, 6, ""));
    if (it.card) {
      emit("<rect class=\"card\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"3\" fill=\"#ffffff\" "
           "stroke=\"{}\" stroke-width=\"1\"/>",
           num(b.x), num(b.y), num(b.w), num(b.h), style.color);
      emit("<rect x=\"{}\" y=\"{}\" width=\"3\" height=\"{}\" fill=\"{}\"/>", num(b.x), num(b.y), num(b.h),
           style.color);
      for (std::size_t l = 0; l < it.label_lines.size(); ++l) {
        emit("<text class=\"{}\" x=\"{}\" y=\"{}\">{}</text>", l == 0 ? "card-head" : "label", num(b.x + 7),
             num(b.y + 13 + 13 * static_cast<double>(l)), xml_escape(it.label_lines[l]));
      }
    } else {
      emit("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"2\" fill=\"#ffffff\" fill-opacity=\"0.85\"/>",
           num(b.x), num(b.y), num(b.w), num(b.h));
      emit("<text class=\"label\" x=\"{}\" y=\"{}\">{}</text>", num(b.x + 4), num(b.y + 12),
           xml_escape(it.label_lines.empty() ? std::string() : it.label_lines[0]));
    }
    emit("</g>\n");
  }
  emit("</g>\n");
  if (layout.items.empty()) {
    emit("<text class=\"label\" x=\"22.0\" y=\"{}\">no events to show</text>\n", num(layout.axis_y + 24));
  }
  emit("</svg>\n");
  return out;
}

std::string render_timeline_svg(const Store& store, const TimelineOptions& options) {
  TimelineLayout layout = layout_timeline(store, options);
  return render_layout_svg(store, layout, options);
}

}  // namespace evgraph
