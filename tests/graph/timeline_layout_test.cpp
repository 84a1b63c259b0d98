#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "evgraph/timeline_layout.h"
#include "timeline_fixtures.h"

using namespace evgraph;
using namespace evgraph::timeline_test;

namespace {

long day_of(const std::string& iso) { return day_number(PartialDate::parse(iso)->first_day()); }

const TimelineItem* find_item(const TimelineLayout& layout, const std::string& id) {
  for (const TimelineItem& it : layout.items)
    if (it.id == id || it.statement == id) return &it;
  return nullptr;
}

// Every pair of label boxes, reported by index when two overlap.
void check_no_label_overlap(const TimelineLayout& layout) {
  const auto& items = layout.items;
  int overlaps = 0;
  for (std::size_t i = 0; i < items.size(); ++i)
    for (std::size_t j = i + 1; j < items.size(); ++j)
      if (items[i].label.intersects(items[j].label)) {
        if (++overlaps <= 3) MESSAGE("labels overlap: " << items[i].id << " and " << items[j].id);
      }
  CHECK(overlaps == 0);
}

void check_x_monotone_in_date(const TimelineLayout& layout) {
  // The rightmost marker of a day lies left of the leftmost marker of any later day.
  std::map<long, std::pair<double, double>> range;  // day -> (min x, max x)
  for (const TimelineItem& it : layout.items) {
    if (!it.date) continue;
    long d = day_number(it.date->first_day());
    auto [pos, inserted] = range.try_emplace(d, it.x, it.x);
    if (!inserted) pos->second = {std::min(pos->second.first, it.x), std::max(pos->second.second, it.x)};
  }
  double previous_max = -1e300;
  for (auto& [day, xs] : range) {
    CHECK(xs.first > previous_max);
    previous_max = xs.second;
  }
}

}  // namespace

TEST_CASE("boxes intersect only when their interiors overlap") {
  Box a{0, 0, 10, 10};
  CHECK(a.intersects(Box{5, 5, 10, 10}));
  CHECK_FALSE(a.intersects(Box{10, 0, 5, 5}));  // touching edge
  CHECK_FALSE(a.intersects(Box{0, 11, 5, 5}));
}

TEST_CASE("text is shortened at a word boundary with an ellipsis") {
  CHECK(shorten_text("short", 10) == "short");
  CHECK(shorten_text("one two three four five", 12) == "one two\u2026");
  CHECK(shorten_text("  spaced\n\nout  ", 20) == "spaced out");
  CHECK(format_date_label(*PartialDate::parse("2025-03-05")) == "5 Mar 2025");
  CHECK(format_date_label(*PartialDate::parse("2025-03")) == "Mar 2025");
  CHECK(format_date_label(*PartialDate::parse("2025")) == "2025");
}

TEST_CASE("the time scale is proportional inside a cluster and breaks long gaps") {
  std::vector<std::pair<long, long>> intervals = {{day_of("2025-01-01"), day_of("2025-01-02")},
                                                  {day_of("2025-01-11"), day_of("2025-01-12")},
                                                  {day_of("2030-01-01"), day_of("2030-01-02")}};
  TimeScale scale = TimeScale::build(intervals, 100, 1000);
  REQUIRE(scale.clusters().size() == 2);
  REQUIRE(scale.breaks().size() == 1);
  double ppd = scale.px_per_day(day_of("2025-01-01"));
  CHECK(scale.x(day_of("2025-01-11")) - scale.x(day_of("2025-01-01")) == doctest::Approx(10 * ppd));
  // The five empty years cost one break (plus each cluster's padding), not five years of pixels.
  const auto& c = scale.clusters();
  double padding = static_cast<double>(c[0].end_day - day_of("2025-01-12")) * c[0].px_per_day +
                   static_cast<double>(day_of("2030-01-01") - c[1].first_day) * c[1].px_per_day;
  CHECK(scale.x(day_of("2030-01-01")) - scale.x(day_of("2025-01-12")) == doctest::Approx(36 + padding));
  // Both clusters get room: the lone item in 2030 is not squeezed to a sliver.
  CHECK(c[1].px_per_day * static_cast<double>(c[1].end_day - c[1].first_day) > 100);
  CHECK(scale.x1() == doctest::Approx(1100));
  const AxisBreak& b = scale.breaks()[0];
  CHECK(b.x0 > scale.x(day_of("2025-01-11")));
  CHECK(b.x1 < scale.x(day_of("2030-01-01")));
}

TEST_CASE("ticks adapt from days to years") {
  auto unit_for = [](const std::string& a, const std::string& b) {
    TimeScale scale = TimeScale::build({{day_of(a), day_of(a) + 1}, {day_of(b), day_of(b) + 1}}, 0, 1000, 36, 100000);
    return TimeScale::tick_unit(scale.px_per_day(day_of(a)));
  };
  CHECK(unit_for("2025-03-01", "2025-03-08") == TickUnit::day);
  CHECK(unit_for("2025-03-01", "2025-04-20") == TickUnit::week);
  CHECK(unit_for("2025-01-01", "2025-12-01") == TickUnit::month);
  CHECK(unit_for("2015-01-01", "2025-12-01") == TickUnit::year);
  CHECK(unit_for("1900-01-01", "2025-12-01") == TickUnit::decade);

  TimeScale months = TimeScale::build({{day_of("2025-01-01"), day_of("2025-12-31")}}, 0, 1000);
  std::vector<Tick> ticks = months.ticks();
  REQUIRE(ticks.size() >= 10);
  CHECK(ticks.front().label == "Jan 2025");
  CHECK(ticks[1].label == "Feb");
  for (std::size_t i = 1; i < ticks.size(); ++i) CHECK(ticks[i].x > ticks[i - 1].x);
}

TEST_CASE("small store: lanes, spans, undated column, suppressed facts, arrows") {
  Store store = small_store();
  TimelineLayout layout = layout_timeline(store);

  CHECK(find_item(layout, "e-hidden") == nullptr);  // suppressed
  // s-2 is shown on its event's card, not twice.
  CHECK(std::count_if(layout.items.begin(), layout.items.end(),
                      [](const TimelineItem& it) { return it.statement == "s-2"; }) == 1);
  REQUIRE(layout.lanes.size() == 4);
  CHECK(std::none_of(layout.lanes.begin(), layout.lanes.end(), [](auto& l) { return l.name == "others"; }));

  const TimelineItem* month = find_item(layout, "e-4");
  REQUIRE(month);
  CHECK(month->span);
  CHECK(month->x == doctest::Approx(layout.scale.x(day_of("2025-03-01"))));
  CHECK(month->x_end == doctest::Approx(layout.scale.x(day_of("2025-04-01"))));
  const TimelineItem* year = find_item(layout, "e-5");
  REQUIRE(year);
  CHECK(year->span);
  CHECK(year->x_end - year->x == doctest::Approx(365 * layout.scale.px_per_day(day_of("2023-01-01"))));
  CHECK(layout.scale.breaks().size() == 1);  // 2023 .. 2025

  const TimelineItem* undated = find_item(layout, "e-6");
  REQUIRE(undated);
  CHECK(undated->undated);
  CHECK(undated->x > layout.undated_x0);
  for (const TimelineItem& it : layout.items)
    if (!it.undated) CHECK(it.label.right() <= layout.undated_x0);

  // e-2 responds to e-1: the arrow goes from the responding item to the answered one.
  auto index_of = [&](const std::string& id) {
    for (std::size_t i = 0; i < layout.items.size(); ++i)
      if (layout.items[i].id == id || layout.items[i].statement == id) return static_cast<int>(i);
    return -1;
  };
  auto has_arrow = [&](int from, int to) {
    return std::any_of(layout.arrows.begin(), layout.arrows.end(),
                       [&](const TimelineArrow& a) { return a.from == from && a.to == to; });
  };
  CHECK(has_arrow(index_of("e-2"), index_of("e-1")));
  CHECK(has_arrow(index_of("s-3"), index_of("s-2")));
  // Actor-level (lobby responds to agency, no date): the lobby's latest item
  // answers the agency's item nearest before it, not one after it.
  CHECK(has_arrow(index_of("e-3"), index_of("e-1")));
  CHECK(layout.arrows.size() == 3);

  check_no_label_overlap(layout);
  check_x_monotone_in_date(layout);
}

TEST_CASE("the most active actors get lanes, the rest share 'others'") {
  Store store = small_store();
  TimelineOptions options;
  options.max_lanes = 2;
  TimelineLayout layout = layout_timeline(store, options);
  REQUIRE(layout.lanes.size() == 3);
  CHECK(layout.lanes[2].name == "others");
  CHECK(layout.lanes[0].count >= layout.lanes[1].count);
  int total = 0;
  for (const TimelineLane& lane : layout.lanes) total += lane.count;
  CHECK(total == static_cast<int>(layout.items.size()));
  // Lanes are stacked without overlapping.
  for (std::size_t i = 1; i < layout.lanes.size(); ++i)
    CHECK(layout.lanes[i].y == doctest::Approx(layout.lanes[i - 1].y + layout.lanes[i - 1].h));
}

TEST_CASE("--actor keeps only items involving that actor, matched by name") {
  Store store = small_store();
  TimelineOptions options;
  options.actor = "ACME CHIPS";
  TimelineLayout layout = layout_timeline(store, options);
  REQUIRE(!layout.items.empty());
  for (const TimelineItem& it : layout.items) CHECK((it.actor == "acme" || it.target == "acme"));
  options.actor = "nobody";
  CHECK(layout_timeline(store, options).items.empty());
}

TEST_CASE("items on the same day keep source order") {
  Store store;
  store.sources.push_back({"src-a", "A", "", "", "", std::nullopt});
  store.actors.push_back(actor("x", "X"));
  // Store order differs from source order on purpose.
  store.events = {event("late", "2025-05-01", "x", "deny", "", "src-a", 900),
                  event("early", "2025-05-01", "x", "announce", "", "src-a", 10),
                  event("middle", "2025-05-01", "x", "warn", "", "src-a", 400)};
  TimelineLayout layout = layout_timeline(store);
  REQUIRE(layout.items.size() == 3);
  CHECK(layout.items[0].id == "early");
  CHECK(layout.items[1].id == "middle");
  CHECK(layout.items[2].id == "late");
  CHECK(layout.items[0].x < layout.items[1].x);
  CHECK(layout.items[1].x < layout.items[2].x);
}

TEST_CASE("markers that would cover each other take separate rows") {
  Store store;
  store.sources.push_back({"src-a", "A", "", "", "", std::nullopt});
  store.actors.push_back(actor("x", "X"));
  // 30 April beside a month-only "May" whose span starts the next day, and
  // a year-only date whose span runs under both.
  store.events = {event("year", "2025", "x", "oppose", "", "src-a", 5),
                  event("day", "2025-04-30", "x", "support", "", "src-a", 10),
                  event("month", "2025-05", "x", "respond", "", "src-a", 20),
                  event("later", "2025-09-01", "x", "warn", "", "src-a", 30)};
  TimelineLayout layout = layout_timeline(store);
  REQUIRE(layout.items.size() == 4);
  int covered = 0;
  for (const TimelineItem& a : layout.items)
    for (const TimelineItem& b : layout.items)
      if (&a != &b && a.lane == b.lane && std::abs(a.y - b.y) < 12 && b.x >= a.x - 12 && b.x <= a.x_end + 12) {
        ++covered;
        MESSAGE(b.id << " marker lies on " << a.id);
      }
  CHECK(covered == 0);
  check_no_label_overlap(layout);
  // Labels start below the lowest marker row of their lane.
  double lowest_marker = 0;
  for (const TimelineItem& it : layout.items) lowest_marker = std::max(lowest_marker, it.y);
  for (const TimelineItem& it : layout.items) CHECK(it.label.y > lowest_marker);
}

TEST_CASE("dense fixture: hundreds of items on three days, no label overlaps") {
  Store store = dense_store(300, 3, 4);
  TimelineLayout layout = layout_timeline(store);
  CHECK(layout.items.size() == 300);
  check_no_label_overlap(layout);
  check_x_monotone_in_date(layout);
  // Labels stay near the marker they belong to (legible, not flung across the page).
  for (const TimelineItem& it : layout.items) CHECK(it.label.x - it.x < 500);
}

TEST_CASE("a thousand items over a year stay legible") {
  Store store = dense_store(1000, 365, 12, "2024-01-01");
  TimelineLayout layout = layout_timeline(store);
  CHECK(layout.items.size() == 1000);
  check_no_label_overlap(layout);
  check_x_monotone_in_date(layout);
  CHECK(layout.lanes.size() == 9);  // 8 lanes + others
  CHECK(layout.width < 17000);
  MESSAGE("1000 items: " << layout.width << " x " << layout.height << " px, ticks by " << std::string(to_string(layout.tick_unit)));
}

TEST_CASE("an empty store lays out without items") {
  Store store;
  TimelineLayout layout = layout_timeline(store);
  CHECK(layout.items.empty());
  CHECK(layout.width > 0);
}
