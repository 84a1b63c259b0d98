// Geometry of the time-scaled timeline, separate from SVG text so tests can
// check it: a time scale that is proportional to days inside clusters of
// activity and compresses long empty stretches into fixed-width breaks,
// adaptive ticks, one swimlane per actor, and label boxes placed so that no
// two intersect (stacked below the marker, shifted right with a leader line
// when that saves height).
//
//   TimelineLayout layout = layout_timeline(store, options);
//   for (const TimelineItem& item : layout.items) ... item.x, item.label ...
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "evgraph/date.h"
#include "evgraph/store.h"
#include "evgraph/timeline_svg.h"

namespace evgraph {

struct Box {
  double x = 0, y = 0, w = 0, h = 0;
  double right() const { return x + w; }
  double bottom() const { return y + h; }
  // True when the interiors overlap (touching edges do not count).
  bool intersects(const Box& other) const;
};

// Days are counted from 1970-01-01 so the scale works on plain integers.
long day_number(const boost::gregorian::date& d);
boost::gregorian::date date_of_day(long day);

enum class TickUnit { day, two_days, week, month, quarter, year, two_years, five_years, decade };
const char* to_string(TickUnit unit);

struct Tick {
  long day = 0;  // first day of the unit
  double x = 0;
  std::string label;
};

// A compressed empty stretch between two clusters, drawn as a break mark.
struct AxisBreak {
  long first_empty_day = 0;  // inclusive
  long last_empty_day = 0;   // inclusive
  double x0 = 0, x1 = 0;     // the break occupies [x0, x1]
};

// Maps days to x. Inside a cluster x grows linearly with the day; between
// clusters a fixed-width break stands for any number of empty days.
class TimeScale {
 public:
  struct Cluster {
    long first_day = 0;  // inclusive, padding included
    long end_day = 0;    // exclusive
    double x0 = 0;
    double px_per_day = 1;
    int items = 0;       // intervals that fell in this cluster
  };

  // `intervals` are occupied [first, end) day ranges, one per item. Gaps
  // longer than `min_gap_days` (default: a month and a tenth of the span)
  // become breaks of `break_width`. The clusters share `plot_width` minus
  // the breaks half by days, half by items, so a busy week next to a
  // year-long span still gets room; inside a cluster x is linear in days.
  static TimeScale build(std::vector<std::pair<long, long>> intervals, double x0, double plot_width,
                         double break_width = 36, long min_gap_days = -1);

  // Left edge of `day` (day may also be an exclusive end: the right edge of day-1).
  double x(long day) const;
  // Pixels per day in the cluster holding `day` (the first cluster's when outside all).
  double px_per_day(long day) const;
  double x0() const { return x0_; }
  double x1() const { return x1_; }
  const std::vector<Cluster>& clusters() const { return clusters_; }
  const std::vector<AxisBreak>& breaks() const { return breaks_; }
  bool empty() const { return clusters_.empty(); }

  // The finest unit whose spacing is at least `min_spacing` pixels at `px_per_day`.
  static TickUnit tick_unit(double px_per_day, double min_spacing = 80);
  // Ticks of every cluster, each in its own unit; labels never collide with
  // each other or with a break's label.
  std::vector<Tick> ticks(double min_spacing = 80) const;

 private:
  std::vector<Cluster> clusters_;
  std::vector<AxisBreak> breaks_;
  double x0_ = 0, x1_ = 0;
};

enum class ItemKind { event, statement };

struct TimelineItem {
  ItemKind kind = ItemKind::event;
  std::string id;          // Event::id or Statement::id
  std::string statement;   // quoted statement shown on the card ("" for none)
  std::string actor;       // Actor::id (speaker for statements), may be empty
  std::string action;      // kActions entry; "say" for bare statements
  std::string target;      // Actor::id, may be empty
  std::optional<PartialDate> date;
  int order = 0;           // rank in date + source order
  int lane = 0;
  bool undated = false;
  double x = 0;            // marker centre (the start of the period for spans)
  double x_end = 0;        // end of a month/year span; == x for days
  double y = 0;            // marker centre
  bool span = false;       // month or year precision: drawn as a bar
  bool card = false;       // statement card (speaker + quote) rather than a one-line label
  std::vector<std::string> label_lines;  // plain text, escaped only when written
  Box label;               // label or card box
  bool leader = false;     // label moved away from the marker: draw a connecting line
};

struct TimelineLane {
  std::string name;                // actor name or "others"
  std::vector<std::string> actors;  // actor ids shown in this lane (empty actor id included for others)
  double y = 0, h = 0;
  int count = 0;
};

struct TimelineArrow {
  int from = 0;  // index in items (the responding one)
  int to = 0;    // index in items (the answered one)
  std::string relation;  // Relation::id
};

struct LegendEntry {
  std::string action;
  double x = 0, y = 0;  // marker centre; the name follows to the right
};

struct TimelineLayout {
  double width = 0, height = 0;
  double title_y = 0;               // baseline of the title (0 when none)
  std::vector<LegendEntry> legend;  // actions present, in kActions order
  double plot_x0 = 0, plot_x1 = 0;  // the time axis
  double axis_y = 0;                // the axis line (above the lanes)
  double lanes_y0 = 0, lanes_y1 = 0;
  double undated_x0 = 0, undated_x1 = 0;  // undated column; x0 == x1 when none
  TimeScale scale;
  std::vector<Tick> ticks;
  TickUnit tick_unit = TickUnit::day;  // of the widest cluster
  std::vector<TimelineLane> lanes;
  std::vector<TimelineItem> items;
  std::vector<TimelineArrow> arrows;
};

TimelineLayout layout_timeline(const Store& store, const TimelineOptions& options = {});

// The SVG text of a computed layout (render_timeline_svg = layout_timeline + this).
std::string render_layout_svg(const Store& store, const TimelineLayout& layout, const TimelineOptions& options);

// Width of `text` in pixels at `font_size`, estimated from code points (deterministic, no font access).
double estimate_text_width(std::string_view text, double font_size);
// `text` cut at a word boundary to at most `max_chars` code points, with "…" when cut.
std::string shorten_text(std::string_view text, std::size_t max_chars);
// Human label of a date in its own precision: "3 May 2025", "May 2025", "2025".
std::string format_date_label(const PartialDate& date);
// Short length of an empty stretch for a break label: "12 d", "5 mo", "3 yr".
std::string format_gap(long days);

}  // namespace evgraph
