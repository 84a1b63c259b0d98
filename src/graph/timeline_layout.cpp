#include "evgraph/timeline_layout.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

namespace evgraph {

namespace greg = boost::gregorian;

namespace {

// Page geometry (pixels). Chosen so that 11px labels stay readable.
constexpr double kMargin = 16;
constexpr double kLaneLabelWidth = 150;
constexpr double kLaneTop = 14;       // marker row below the lane's top edge
constexpr double kLabelTop = 26;      // first label row below the lane's top edge
constexpr double kLanePadBottom = 10;
constexpr double kMinLaneHeight = 48;
constexpr double kLabelGap = 3;       // free space kept around every label box
constexpr double kFont = 11;
constexpr double kLineHeight = 13;
constexpr double kUndatedWidth = 260;
constexpr double kLegendRow = 20;
constexpr double kMarkerRow = 14;     // a marker that would cover another drops this far
constexpr double kMarkerReach = 8;    // half a marker's width plus a little air
constexpr int kMaxMarkerRows = 4;     // beyond this, dense days may overlap rather than grow

const char* const kMonthShort[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

std::size_t code_points(std::string_view text) {
  std::size_t n = 0;
  for (unsigned char c : text)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

std::string humanize_action(std::string_view action) {
  std::string out(action);
  std::replace(out.begin(), out.end(), '_', ' ');
  return out;
}

}  // namespace

bool Box::intersects(const Box& o) const {
  return x < o.right() && o.x < right() && y < o.bottom() && o.y < bottom();
}

long day_number(const greg::date& d) { return (d - greg::date(1970, 1, 1)).days(); }
greg::date date_of_day(long day) { return greg::date(1970, 1, 1) + greg::days(day); }

const char* to_string(TickUnit unit) {
  switch (unit) {
    case TickUnit::day: return "day";
    case TickUnit::two_days: return "two_days";
    case TickUnit::week: return "week";
    case TickUnit::month: return "month";
    case TickUnit::quarter: return "quarter";
    case TickUnit::year: return "year";
    case TickUnit::two_years: return "two_years";
    case TickUnit::five_years: return "five_years";
    case TickUnit::decade: return "decade";
  }
  return "day";
}

double estimate_text_width(std::string_view text, double font_size) {
  // Average advance of a proportional sans-serif font is about 0.56 em;
  // wide glyphs (capitals, W, M) are balanced by narrow ones (i, l, spaces).
  return static_cast<double>(code_points(text)) * font_size * 0.56;
}

std::string shorten_text(std::string_view text, std::size_t max_chars) {
  // Collapse runs of whitespace first: article text keeps newlines.
  std::string flat;
  bool space = false;
  for (char c : text) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = !flat.empty();
      continue;
    }
    if (space) flat += ' ';
    space = false;
    flat += c;
  }
  if (code_points(flat) <= max_chars) return flat;
  // Byte offset of the code point max_chars - 1 (room for the ellipsis).
  std::size_t count = 0, cut = flat.size();
  for (std::size_t i = 0; i < flat.size(); ++i) {
    if ((static_cast<unsigned char>(flat[i]) & 0xC0) != 0x80) {
      if (count == max_chars - 1) {
        cut = i;
        break;
      }
      ++count;
    }
  }
  std::size_t space_at = flat.rfind(' ', cut);
  if (space_at != std::string::npos && space_at > cut / 2) cut = space_at;
  std::string out = flat.substr(0, cut);
  while (!out.empty() && (out.back() == ' ' || out.back() == ',' || out.back() == '.')) out.pop_back();
  return out + "\u2026";
}

std::string format_date_label(const PartialDate& date) {
  switch (date.precision()) {
    case DatePrecision::year: return fmt::format("{}", date.year());
    case DatePrecision::month: return fmt::format("{} {}", kMonthShort[date.month() - 1], date.year());
    case DatePrecision::day: return fmt::format("{} {} {}", date.day(), kMonthShort[date.month() - 1], date.year());
  }
  return date.iso();
}

// ---------------------------------------------------------------- time scale

TimeScale TimeScale::build(std::vector<std::pair<long, long>> intervals, double x0, double plot_width,
                           double break_width, long min_gap_days) {
  TimeScale scale;
  scale.x0_ = scale.x1_ = x0;
  if (intervals.empty()) return scale;
  std::sort(intervals.begin(), intervals.end());
  long span = 0;
  {
    long hi = intervals.front().second;
    for (auto& [a, b] : intervals) hi = std::max(hi, b);
    span = hi - intervals.front().first;
  }
  // A stretch is "long" when it is over a month and over a tenth of the story.
  if (min_gap_days < 0) min_gap_days = std::max<long>(30, span / 10);

  struct Range {
    long first, end;
  };
  std::vector<Range> ranges;
  for (auto& [a, b] : intervals) {
    if (!ranges.empty() && a - ranges.back().end <= min_gap_days) {
      ranges.back().end = std::max(ranges.back().end, b);
    } else {
      ranges.push_back({a, b});
    }
  }
  // Pad every cluster so markers at its ends do not sit on a break.
  long days = 0;
  for (Range& r : ranges) {
    long pad = std::max<long>(1, (r.end - r.first) / 50);
    r.first -= pad;
    r.end += pad;
    days += r.end - r.first;
  }
  std::vector<int> counts(ranges.size(), 0);
  for (auto& [a, b] : intervals) {
    for (std::size_t i = 0; i < ranges.size(); ++i)
      if (a >= ranges[i].first && a < ranges[i].end) {
        ++counts[i];
        break;
      }
  }
  double breaks = static_cast<double>(ranges.size() - 1) * break_width;
  double available = std::max(1.0, plot_width - breaks);
  double x = x0;
  for (std::size_t i = 0; i < ranges.size(); ++i) {
    if (i > 0) {
      scale.breaks_.push_back({ranges[i - 1].end, ranges[i].first - 1, x, x + break_width});
      x += break_width;
    }
    double length = static_cast<double>(ranges[i].end - ranges[i].first);
    double share = 0.5 * length / static_cast<double>(days) +
                   0.5 * static_cast<double>(counts[i]) / static_cast<double>(intervals.size());
    double width = available * share;
    scale.clusters_.push_back({ranges[i].first, ranges[i].end, x, width / length, counts[i]});
    x += width;
  }
  scale.x1_ = x;
  return scale;
}

double TimeScale::px_per_day(long day) const {
  if (clusters_.empty()) return 1;
  for (const Cluster& c : clusters_)
    if (day >= c.first_day && day < c.end_day) return c.px_per_day;
  return clusters_.front().px_per_day;
}

double TimeScale::x(long day) const {
  if (clusters_.empty()) return x0_;
  for (std::size_t i = 0; i < clusters_.size(); ++i) {
    const Cluster& c = clusters_[i];
    if (day < c.first_day) {
      // Inside the break before this cluster (or before the first one).
      return i == 0 ? c.x0 : (breaks_[i - 1].x0 + breaks_[i - 1].x1) / 2;
    }
    if (day <= c.end_day) return c.x0 + static_cast<double>(day - c.first_day) * c.px_per_day;
  }
  return x1_;
}

namespace {

long unit_days(TickUnit unit) {
  switch (unit) {
    case TickUnit::day: return 1;
    case TickUnit::two_days: return 2;
    case TickUnit::week: return 7;
    case TickUnit::month: return 31;  // the shortest gap that matters is 28, but labels are wider than day ones
    case TickUnit::quarter: return 91;
    case TickUnit::year: return 365;
    case TickUnit::two_years: return 730;
    case TickUnit::five_years: return 1826;
    case TickUnit::decade: return 3652;
  }
  return 1;
}

// First tick at or after `d` for `unit`.
greg::date align_up(greg::date d, TickUnit unit) {
  auto years = [&](int step) {
    int y = d.year();
    if (d.month() != 1 || d.day() != 1) ++y;
    while (y % step != 0) ++y;
    return greg::date(y, 1, 1);
  };
  switch (unit) {
    case TickUnit::day: return d;
    case TickUnit::two_days: return day_number(d) % 2 == 0 ? d : d + greg::days(1);
    case TickUnit::week: {
      int dow = d.day_of_week().as_number();  // 0 = Sunday
      int to_monday = (8 - dow) % 7;
      return d + greg::days(to_monday);
    }
    case TickUnit::month:
    case TickUnit::quarter: {
      int y = d.year(), m = d.month();
      if (d.day() != 1) {
        if (++m > 12) m = 1, ++y;
      }
      if (unit == TickUnit::quarter) {
        while ((m - 1) % 3 != 0) {
          if (++m > 12) m = 1, ++y;
        }
      }
      return greg::date(y, m, 1);
    }
    case TickUnit::year: return years(1);
    case TickUnit::two_years: return years(2);
    case TickUnit::five_years: return years(5);
    case TickUnit::decade: return years(10);
  }
  return d;
}

greg::date next_tick(greg::date d, TickUnit unit) {
  switch (unit) {
    case TickUnit::day: return d + greg::days(1);
    case TickUnit::two_days: return d + greg::days(2);
    case TickUnit::week: return d + greg::days(7);
    case TickUnit::month: return d + greg::months(1);
    case TickUnit::quarter: return d + greg::months(3);
    case TickUnit::year: return d + greg::years(1);
    case TickUnit::two_years: return d + greg::years(2);
    case TickUnit::five_years: return d + greg::years(5);
    case TickUnit::decade: return d + greg::years(10);
  }
  return d + greg::days(1);
}

std::string tick_label(greg::date d, TickUnit unit, bool with_year) {
  int y = d.year(), m = d.month(), day = d.day();
  switch (unit) {
    case TickUnit::day:
    case TickUnit::two_days:
    case TickUnit::week:
      return with_year || (m == 1 && day == 1) ? fmt::format("{} {} {}", day, kMonthShort[m - 1], y)
                                               : fmt::format("{} {}", day, kMonthShort[m - 1]);
    case TickUnit::month:
    case TickUnit::quarter:
      return with_year || m == 1 ? fmt::format("{} {}", kMonthShort[m - 1], y) : std::string(kMonthShort[m - 1]);
    default: return fmt::format("{}", y);
  }
}

}  // namespace

TickUnit TimeScale::tick_unit(double px_per_day, double min_spacing) {
  for (TickUnit unit : {TickUnit::day, TickUnit::two_days, TickUnit::week, TickUnit::month, TickUnit::quarter,
                        TickUnit::year, TickUnit::two_years, TickUnit::five_years}) {
    if (static_cast<double>(unit_days(unit)) * px_per_day >= min_spacing) return unit;
  }
  return TickUnit::decade;
}

std::vector<Tick> TimeScale::ticks(double min_spacing) const {
  std::vector<Tick> out;
  double last_right = -1e300;
  for (std::size_t ci = 0; ci < clusters_.size(); ++ci) {
    const Cluster& c = clusters_[ci];
    TickUnit unit = tick_unit(c.px_per_day, min_spacing);
    std::vector<Tick> mine;
    greg::date last = date_of_day(c.end_day - 1);
    bool first = true;
    for (greg::date d = align_up(date_of_day(c.first_day), unit); d <= last; d = next_tick(d, unit)) {
      long day = day_number(d);
      mine.push_back({day, x(day), tick_label(d, unit, first)});
      first = false;
    }
    if (mine.empty()) {
      // A short cluster between breaks still needs one date to read.
      long day = (c.first_day + c.end_day) / 2;
      mine.push_back({day, x(day), tick_label(date_of_day(day), TickUnit::day, true)});
    }
    // The next break's label sits on the tick row too.
    double limit = 1e300;
    if (ci < breaks_.size()) {
      const AxisBreak& b = breaks_[ci];
      double w = estimate_text_width(format_gap(b.last_empty_day - b.first_empty_day + 1), 9);
      limit = (b.x0 + b.x1) / 2 - w / 2 - 6;
    }
    for (Tick& t : mine) {
      double w = estimate_text_width(t.label, kFont);
      if (t.x - w / 2 < last_right + 8 || t.x + w / 2 > limit) continue;  // would collide
      last_right = t.x + w / 2;
      out.push_back(std::move(t));
    }
    if (ci < breaks_.size()) {
      const AxisBreak& b = breaks_[ci];
      last_right = (b.x0 + b.x1) / 2 + estimate_text_width(format_gap(b.last_empty_day - b.first_empty_day + 1), 9) / 2;
    }
  }
  return out;
}

std::string format_gap(long days) {
  if (days >= 730) return fmt::format("{} yr", days / 365);
  if (days >= 60) return fmt::format("{} mo", days / 30);
  return fmt::format("{} d", days);
}

// ---------------------------------------------------------------- layout

namespace {

struct Placed {
  Box box;
};

// Places label boxes below a marker row without overlaps. Labels arrive in x
// order; each tries a few rightward shifts and takes the one that keeps it
// highest (shifts cost a little, so an unshifted label wins ties).
class LabelPlacer {
 public:
  explicit LabelPlacer(double base_y) : base_y_(base_y) {}

  Box place(double desired_x, double w, double h, double max_x) {
    // Boxes entirely left of every future candidate can be forgotten.
    active_.erase(std::remove_if(active_.begin(), active_.end(),
                                 [&](const Box& b) { return b.right() + kLabelGap <= desired_x; }),
                  active_.end());
    static constexpr double kShifts[] = {0, 0.5, 1.0, 1.5, 2.5};
    Box best;
    double best_cost = 1e300;
    for (double factor : kShifts) {
      double shift = factor * std::min(w, 160.0);
      double x = desired_x + shift;
      if (factor > 0 && x + w > max_x) break;
      double y = lowest_free_y(x, w, h);
      double cost = (y - base_y_) + shift * 0.35;
      if (cost < best_cost - 1e-9) {
        best_cost = cost;
        best = Box{x, y, w, h};
      }
    }
    active_.push_back(best);
    return best;
  }

 private:
  double lowest_free_y(double x, double w, double h) {
    intervals_.clear();
    for (const Box& b : active_) {
      if (b.x < x + w + kLabelGap && x < b.right() + kLabelGap)
        intervals_.emplace_back(b.y - kLabelGap, b.bottom() + kLabelGap);
    }
    std::sort(intervals_.begin(), intervals_.end());
    double y = base_y_;
    for (auto& [top, bottom] : intervals_) {
      if (top >= y + h) break;
      if (bottom > y) y = bottom;
    }
    return y;
  }

  double base_y_;
  std::vector<Box> active_;
  std::vector<std::pair<double, double>> intervals_;
};

struct SourceKey {
  std::size_t source = 0;
  std::uint64_t start = 0;
};

}  // namespace

TimelineLayout layout_timeline(const Store& store, const TimelineOptions& options) {
  TimelineLayout layout;

  // --- which actor ids count as "the same actor" for the --actor filter
  const Actor* focus = nullptr;
  bool filtered = !options.actor.empty();
  if (filtered) {
    focus = store.find_actor(options.actor);
    if (focus && focus->suppressed) focus = nullptr;
    if (!focus) focus = store.find_actor_by_name(options.actor);
  }
  auto live_actor = [&](const std::string& id) -> std::string {
    if (id.empty()) return id;
    const Actor* a = store.find_actor(id);
    return a && a->suppressed ? std::string() : id;
  };

  std::unordered_map<std::string, std::size_t> source_index;
  for (std::size_t i = 0; i < store.sources.size(); ++i) source_index.emplace(store.sources[i].id, i);
  auto key_of = [&](const Evidence* e) {
    if (!e) return SourceKey{store.sources.size(), 0};
    auto it = source_index.find(e->source);
    return SourceKey{it == source_index.end() ? store.sources.size() : it->second, e->start};
  };

  // --- collect items: events (with their statement) and statements no event shows
  struct Pending {
    TimelineItem item;
    SourceKey key;
    std::size_t store_index;
  };
  std::vector<Pending> pending;
  std::unordered_set<std::string> shown_statements;
  for (std::size_t i = 0; i < store.events.size(); ++i) {
    const Event& e = store.events[i];
    if (e.suppressed) continue;
    TimelineItem item;
    item.kind = ItemKind::event;
    item.id = e.id;
    item.actor = live_actor(e.actor);
    item.action = e.action.empty() ? "other" : e.action;
    item.target = live_actor(e.target);
    item.date = e.date;
    const Statement* s = e.statement.empty() ? nullptr : store.find_statement(e.statement);
    if (s && !s->suppressed) {
      item.statement = s->id;
      if (!item.date) item.date = s->date;
      if (item.actor.empty()) item.actor = live_actor(s->speaker);
      shown_statements.insert(s->id);
    }
    if (filtered && (!focus || (item.actor != focus->id && item.target != focus->id))) continue;
    pending.push_back({std::move(item), key_of(e.sources.empty() ? nullptr : &e.sources.front()), i});
  }
  for (std::size_t i = 0; i < store.statements.size(); ++i) {
    const Statement& s = store.statements[i];
    if (s.suppressed || shown_statements.count(s.id)) continue;
    TimelineItem item;
    item.kind = ItemKind::statement;
    item.id = s.id;
    item.statement = s.id;
    item.actor = live_actor(s.speaker);
    item.action = "say";
    item.date = s.date;
    if (filtered && (!focus || item.actor != focus->id)) continue;
    pending.push_back({std::move(item), key_of(&s.evidence), store.events.size() + i});
  }

  // Date order; on the same date, the order the sources tell it.
  std::sort(pending.begin(), pending.end(), [](const Pending& a, const Pending& b) {
    auto rank = [](const Pending& p) {
      bool dated = p.item.date.has_value();
      long day = dated ? day_number(p.item.date->first_day()) : 0;
      int precision = dated ? static_cast<int>(p.item.date->precision()) : 0;
      return std::make_tuple(!dated, day, precision, p.key.source, p.key.start, p.store_index);
    };
    return rank(a) < rank(b);
  });
  for (std::size_t i = 0; i < pending.size(); ++i) {
    pending[i].item.order = static_cast<int>(i);
    layout.items.push_back(std::move(pending[i].item));
  }
  std::vector<TimelineItem>& items = layout.items;

  // --- lanes: the most active actors, then "others"
  std::map<std::string, int> activity;
  for (const TimelineItem& it : items)
    if (!it.actor.empty()) ++activity[it.actor];
  std::vector<std::pair<std::string, int>> ranked(activity.begin(), activity.end());
  auto actor_name = [&](const std::string& id) {
    const Actor* a = store.find_actor(id);
    return a ? a->name : id;
  };
  std::sort(ranked.begin(), ranked.end(), [&](const auto& a, const auto& b) {
    if (a.second != b.second) return a.second > b.second;
    std::string na = actor_name(a.first), nb = actor_name(b.first);
    return std::tie(na, a.first) < std::tie(nb, b.first);
  });
  std::size_t max_lanes = static_cast<std::size_t>(std::max(1, options.max_lanes));
  std::unordered_map<std::string, int> lane_of;
  for (std::size_t i = 0; i < ranked.size() && i < max_lanes; ++i) {
    lane_of.emplace(ranked[i].first, static_cast<int>(i));
    layout.lanes.push_back({actor_name(ranked[i].first), {ranked[i].first}});
  }
  int others = -1;
  for (TimelineItem& it : items) {
    auto found = lane_of.find(it.actor);
    if (found != lane_of.end()) {
      it.lane = found->second;
      continue;
    }
    if (others < 0) {
      others = static_cast<int>(layout.lanes.size());
      layout.lanes.push_back({"others", {}});
    }
    it.lane = others;
    auto& ids = layout.lanes[others].actors;
    if (std::find(ids.begin(), ids.end(), it.actor) == ids.end()) ids.push_back(it.actor);
  }
  if (others >= 0) std::sort(layout.lanes[others].actors.begin(), layout.lanes[others].actors.end());
  for (TimelineItem& it : items) ++layout.lanes[it.lane].count;

  // --- header: title and legend
  double y = kMargin;
  if (!options.title.empty()) {
    layout.title_y = y + 14;
    y += 28;
  }
  std::set<std::string> present;
  for (const TimelineItem& it : items) present.insert(it.action);
  std::vector<std::string> actions;
  for (const char* a : kActions)
    if (present.count(a)) actions.push_back(a);
  for (const std::string& a : present)  // actions outside the list, sorted
    if (std::find(actions.begin(), actions.end(), a) == actions.end()) actions.push_back(a);

  // --- time scale over dated items; wider when there is more to show
  std::size_t dated = 0;
  std::vector<std::pair<long, long>> intervals;
  for (const TimelineItem& it : items) {
    if (!it.date) continue;
    ++dated;
    intervals.emplace_back(day_number(it.date->first_day()), day_number(it.date->last_day()) + 1);
  }
  double plot_x0 = kMargin + kLaneLabelWidth;
  double plot_width = dated == 0 ? 0 : std::clamp(7.0 * static_cast<double>(dated), 1000.0, 16000.0);
  layout.scale = TimeScale::build(intervals, plot_x0, plot_width);
  layout.plot_x0 = plot_x0;
  layout.plot_x1 = layout.scale.x1();
  {
    double widest = -1;
    for (const TimeScale::Cluster& c : layout.scale.clusters()) {
      double w = static_cast<double>(c.end_day - c.first_day) * c.px_per_day;
      if (w > widest) widest = w, layout.tick_unit = TimeScale::tick_unit(c.px_per_day);
    }
  }
  layout.ticks = layout.scale.ticks();

  // Legend wraps to the width the timeline will at least have.
  double legend_limit = std::max(900.0, layout.plot_x1);
  double lx = kMargin + 6;
  double ly = y + 8;
  for (const std::string& a : actions) {
    double w = 16 + estimate_text_width(humanize_action(a), kFont) + 18;
    if (lx + w > legend_limit && lx > kMargin + 6) {
      lx = kMargin + 6;
      ly += kLegendRow;
    }
    layout.legend.push_back({a, lx, ly});
    lx += w;
  }
  y = (actions.empty() ? y : ly + 12) + 30;  // room for the tick labels
  layout.axis_y = y;
  layout.lanes_y0 = y + 6;

  // --- item geometry and labels (lane-relative y first)
  // Same-day items in one lane share the day cell in source order.
  std::map<std::pair<int, long>, std::pair<int, int>> same_day;  // (lane, day) -> (count, next)
  for (const TimelineItem& it : items)
    if (it.date && it.date->precision() == DatePrecision::day)
      ++same_day[{it.lane, day_number(it.date->first_day())}].first;

  for (TimelineItem& it : items) {
    // Label text.
    std::string actor = it.actor.empty() ? std::string() : actor_name(it.actor);
    bool in_own_lane = layout.lanes[it.lane].actors.size() == 1 && layout.lanes[it.lane].actors[0] == it.actor &&
                       it.lane != others;
    std::string date_text = it.date ? format_date_label(*it.date) : "undated";
    if (!it.statement.empty()) {
      const Statement* s = store.find_statement(it.statement);
      it.card = true;
      std::string head = actor.empty() ? std::string("unattributed") : actor;
      if (it.kind == ItemKind::event && it.action != "say") head += " \u00b7 " + humanize_action(it.action);
      it.label_lines.push_back(shorten_text(head + " \u00b7 " + date_text, 48));
      // Quote on up to two lines of ~36 characters.
      std::string quote = shorten_text(s ? s->text : std::string(), 70);
      std::string line1 = shorten_text(quote, 38);
      if (line1 == quote) {
        it.label_lines.push_back("\u201c" + quote + "\u201d");
      } else {
        std::string first = line1.substr(0, line1.size() - std::string("\u2026").size());
        std::string rest = quote.substr(std::min(quote.size(), first.size()));
        while (!rest.empty() && rest.front() == ' ') rest.erase(rest.begin());
        it.label_lines.push_back("\u201c" + first);
        it.label_lines.push_back(shorten_text(rest, 37) + "\u201d");
      }
    } else {
      std::string text = humanize_action(it.action);
      if (!it.target.empty()) text += " \u2192 " + actor_name(it.target);
      if (!in_own_lane && !actor.empty()) text = actor + ": " + text;
      it.label_lines.push_back(shorten_text(text, 44));
    }
    double w = 0;
    for (std::size_t i = 0; i < it.label_lines.size(); ++i)
      w = std::max(w, estimate_text_width(it.label_lines[i], kFont) + (it.card ? 12 : 8));
    double h = it.card ? 8 + kLineHeight * static_cast<double>(it.label_lines.size()) : 16;
    it.label = Box{0, 0, w, h};

    // Marker position.
    it.y = kLaneTop;
    if (!it.date) {
      it.undated = true;
      continue;
    }
    long first = day_number(it.date->first_day());
    if (it.date->precision() == DatePrecision::day) {
      auto& [count, next] = same_day[{it.lane, first}];
      double cell = layout.scale.x(first);
      it.x = cell + layout.scale.px_per_day(first) * (static_cast<double>(next) + 0.5) / static_cast<double>(count);
      ++next;
      it.x_end = it.x;
    } else {
      it.span = true;
      it.x = layout.scale.x(first);
      it.x_end = layout.scale.x(day_number(it.date->last_day()) + 1);
    }
  }

  // Place dated markers and labels lane by lane, in x order (items are already in date order).
  std::vector<double> lane_height(layout.lanes.size(), kMinLaneHeight);
  double max_label_right = layout.plot_x1;
  for (std::size_t lane = 0; lane < layout.lanes.size(); ++lane) {
    std::vector<std::size_t> mine;
    for (std::size_t i = 0; i < items.size(); ++i)
      if (items[i].lane == static_cast<int>(lane) && !items[i].undated) mine.push_back(i);
    std::stable_sort(mine.begin(), mine.end(), [&](std::size_t a, std::size_t b) { return items[a].x < items[b].x; });

    // Markers that would cover each other (neighbouring days, a month span
    // starting beside a day) take the first marker row where they fit, so
    // every marker stays visible and clickable.
    std::vector<double> row_right;  // right edge of what each marker row holds so far
    for (std::size_t i : mine) {
      TimelineItem& it = items[i];
      double left = it.x - kMarkerReach, right = it.x_end + kMarkerReach;
      std::size_t row = 0;
      while (row < row_right.size() && row_right[row] > left) ++row;
      if (row == row_right.size()) {
        if (row_right.size() < static_cast<std::size_t>(kMaxMarkerRows)) {
          row_right.push_back(right);
        } else {
          row = static_cast<std::size_t>(std::min_element(row_right.begin(), row_right.end()) - row_right.begin());
          row_right[row] = std::max(row_right[row], right);
        }
      } else {
        row_right[row] = right;
      }
      it.y = kLaneTop + kMarkerRow * static_cast<double>(row);
    }
    double label_top = kLabelTop + kMarkerRow * static_cast<double>(row_right.empty() ? 0 : row_right.size() - 1);

    LabelPlacer placer(label_top);
    for (std::size_t i : mine) {
      TimelineItem& it = items[i];
      double desired = it.x - 5;
      Box b = placer.place(desired, it.label.w, it.label.h, layout.plot_x1 + 200);
      it.leader = b.x > desired + 0.5 || b.y > label_top + 0.5 || it.y > kLaneTop + 0.5;
      it.label = b;
      lane_height[lane] = std::max(lane_height[lane], b.bottom() + kLanePadBottom);
      max_label_right = std::max(max_label_right, b.right());
    }
  }

  // Undated column: right of everything dated, items stacked in source order.
  bool any_undated = std::any_of(items.begin(), items.end(), [](const TimelineItem& it) { return it.undated; });
  layout.undated_x0 = layout.undated_x1 = max_label_right + (any_undated ? 24 : 0);
  if (any_undated) {
    layout.undated_x1 = layout.undated_x0 + kUndatedWidth;
    std::vector<double> next_y(layout.lanes.size(), 6);
    for (TimelineItem& it : items) {
      if (!it.undated) continue;
      double& ny = next_y[it.lane];
      it.x = it.x_end = layout.undated_x0 + 14;
      it.y = ny + std::min(it.label.h, 16.0) / 2;
      it.label = Box{it.x + 10, ny, std::min(it.label.w, kUndatedWidth - 30), it.label.h};
      ny += it.label.h + 2 * kLabelGap;
      lane_height[it.lane] = std::max(lane_height[it.lane], ny + kLanePadBottom);
    }
  }

  // Lane-relative to absolute.
  double lane_y = layout.lanes_y0;
  for (std::size_t lane = 0; lane < layout.lanes.size(); ++lane) {
    layout.lanes[lane].y = lane_y;
    layout.lanes[lane].h = lane_height[lane];
    lane_y += lane_height[lane];
  }
  for (TimelineItem& it : items) {
    double top = layout.lanes[it.lane].y;
    it.y += top;
    it.label.y += top;
  }
  layout.lanes_y1 = lane_y;
  layout.width = std::max({layout.undated_x1, max_label_right, legend_limit}) + kMargin;
  layout.height = lane_y + kMargin;

  // --- response arrows
  std::unordered_map<std::string, int> item_of;  // event or statement id -> item
  for (std::size_t i = 0; i < items.size(); ++i) {
    item_of.emplace(items[i].id, static_cast<int>(i));
    if (!items[i].statement.empty()) item_of.emplace(items[i].statement, static_cast<int>(i));
  }
  auto item_day = [&](int i) -> std::optional<long> {
    if (!items[i].date) return std::nullopt;
    return day_number(items[i].date->first_day());
  };
  // The item of `actor` nearest to `day` (latest one when no day is known).
  // `direction` < 0 prefers items on or before `day` (an answered item comes
  // first), > 0 items on or after it (a response comes later).
  auto nearest_of_actor = [&](const std::string& actor, std::optional<long> day, int exclude, int direction) {
    int best = -1;
    long best_distance = 0;
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (items[i].actor != actor || static_cast<int>(i) == exclude) continue;
      auto d = item_day(static_cast<int>(i));
      long distance = 1L << 40;
      if (!day) {
        if (d) distance = -*d;
      } else if (d) {
        distance = std::labs(*d - *day);
        if ((direction < 0 && *d > *day) || (direction > 0 && *d < *day)) distance += 1L << 30;
      }
      if (best < 0 || distance < best_distance) best = static_cast<int>(i), best_distance = distance;
    }
    return best;
  };
  for (const Relation& r : store.relations) {
    if (r.suppressed || r.type != "responds_to") continue;
    auto direct = [&](const std::string& id) {
      auto it = item_of.find(id);
      return it == item_of.end() ? -1 : it->second;
    };
    bool from_actor = store.find_actor(r.from) != nullptr;
    bool to_actor = store.find_actor(r.to) != nullptr;
    int from = from_actor ? -1 : direct(r.from);
    int to = to_actor ? -1 : direct(r.to);
    std::optional<long> when;
    if (r.date) when = day_number(r.date->first_day());
    if (from_actor) from = nearest_of_actor(r.from, when ? when : (to >= 0 ? item_day(to) : std::nullopt), to, +1);
    if (to_actor) to = nearest_of_actor(r.to, when ? when : (from >= 0 ? item_day(from) : std::nullopt), from, -1);
    if (from < 0 || to < 0 || from == to) continue;
    layout.arrows.push_back({from, to, r.id});
  }
  return layout;
}

}  // namespace evgraph
