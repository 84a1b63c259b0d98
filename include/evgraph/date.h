// Calendar dates that keep their precision: "2025" (year), "2025-05" (month)
// or "2025-05-03" (day). Backed by Boost.DateTime, so impossible dates such as
// 2025-02-30 and years outside 1400..9999 are rejected.
#pragma once

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace evgraph {

enum class DatePrecision { year = 0, month = 1, day = 2 };

const char* to_string(DatePrecision precision);

class PartialDate {
 public:
  PartialDate() = default;
  static PartialDate year(int y);
  static PartialDate month(int y, int m);
  static PartialDate day(int y, int m, int d);
  static PartialDate from(boost::gregorian::date d, DatePrecision precision);

  // Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD". On failure returns nullopt and,
  // if `error` is given, a short lowercase reason ("invalid date '2025-02-30': day is out of range for month").
  static std::optional<PartialDate> parse(std::string_view iso, std::string* error = nullptr);

  DatePrecision precision() const { return precision_; }
  int year() const { return first_.year(); }
  int month() const { return first_.month(); }  // 1 when precision is year
  int day() const { return first_.day(); }      // 1 when precision is coarser than day
  boost::gregorian::date first_day() const { return first_; }
  boost::gregorian::date last_day() const;
  bool contains(const PartialDate& other) const;  // other lies inside this period
  bool compatible(const PartialDate& other) const;  // one contains the other

  std::string iso() const;  // in its own precision

  // Orders by first day, then coarser before finer (2025-05 < 2025-05-01).
  friend std::strong_ordering operator<=>(const PartialDate& a, const PartialDate& b);
  friend bool operator==(const PartialDate& a, const PartialDate& b) = default;

 private:
  boost::gregorian::date first_{1970, 1, 1};
  DatePrecision precision_ = DatePrecision::day;
};

}  // namespace evgraph
