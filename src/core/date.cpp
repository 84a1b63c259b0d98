#include "evgraph/date.h"

#include <charconv>
#include <fmt/format.h>

namespace evgraph {

namespace greg = boost::gregorian;

const char* to_string(DatePrecision precision) {
  switch (precision) {
    case DatePrecision::year: return "year";
    case DatePrecision::month: return "month";
    case DatePrecision::day: return "day";
  }
  return "day";
}

PartialDate PartialDate::year(int y) { return from(greg::date(y, 1, 1), DatePrecision::year); }
PartialDate PartialDate::month(int y, int m) { return from(greg::date(y, m, 1), DatePrecision::month); }
PartialDate PartialDate::day(int y, int m, int d) { return from(greg::date(y, m, d), DatePrecision::day); }

PartialDate PartialDate::from(greg::date d, DatePrecision precision) {
  PartialDate p;
  switch (precision) {
    case DatePrecision::year: p.first_ = greg::date(d.year(), 1, 1); break;
    case DatePrecision::month: p.first_ = greg::date(d.year(), d.month(), 1); break;
    case DatePrecision::day: p.first_ = d; break;
  }
  p.precision_ = precision;
  return p;
}

namespace {
bool parse_digits(std::string_view s, std::size_t count, int& out) {
  if (s.size() != count) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  std::from_chars(s.data(), s.data() + s.size(), out);
  return true;
}
}  // namespace

std::optional<PartialDate> PartialDate::parse(std::string_view iso, std::string* error) {
  auto fail = [&](std::string_view why) -> std::optional<PartialDate> {
    if (error) *error = fmt::format("invalid date '{}': {}", iso, why);
    return std::nullopt;
  };
  int y = 0, m = 1, d = 1;
  if (iso.size() != 4 && iso.size() != 7 && iso.size() != 10)
    return fail("expected YYYY, YYYY-MM or YYYY-MM-DD");
  if (!parse_digits(iso.substr(0, 4), 4, y)) return fail("expected YYYY, YYYY-MM or YYYY-MM-DD");
  DatePrecision precision = DatePrecision::year;
  if (iso.size() >= 7) {
    if (iso[4] != '-' || !parse_digits(iso.substr(5, 2), 2, m)) return fail("expected YYYY, YYYY-MM or YYYY-MM-DD");
    precision = DatePrecision::month;
  }
  if (iso.size() == 10) {
    if (iso[7] != '-' || !parse_digits(iso.substr(8, 2), 2, d)) return fail("expected YYYY, YYYY-MM or YYYY-MM-DD");
    precision = DatePrecision::day;
  }
  // Boost.DateTime's gregorian calendar covers 1400..9999.
  if (y < 1400 || y > 9999) return fail("year is outside 1400..9999");
  if (m < 1 || m > 12) return fail("month is out of range");
  if (d < 1 || d > greg::gregorian_calendar::end_of_month_day(y, m)) return fail("day is out of range for month");
  return from(greg::date(y, m, d), precision);
}

greg::date PartialDate::last_day() const {
  switch (precision_) {
    case DatePrecision::year: return greg::date(first_.year(), 12, 31);
    case DatePrecision::month: return first_.end_of_month();
    case DatePrecision::day: return first_;
  }
  return first_;
}

bool PartialDate::contains(const PartialDate& other) const {
  return first_ <= other.first_day() && other.last_day() <= last_day();
}

bool PartialDate::compatible(const PartialDate& other) const { return contains(other) || other.contains(*this); }

std::string PartialDate::iso() const {
  switch (precision_) {
    case DatePrecision::year: return fmt::format("{:04}", static_cast<int>(first_.year()));
    case DatePrecision::month:
      return fmt::format("{:04}-{:02}", static_cast<int>(first_.year()), static_cast<int>(first_.month()));
    case DatePrecision::day:
      return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(first_.year()), static_cast<int>(first_.month()),
                         static_cast<int>(first_.day()));
  }
  return {};
}

std::strong_ordering operator<=>(const PartialDate& a, const PartialDate& b) {
  if (a.first_ != b.first_) return a.first_ < b.first_ ? std::strong_ordering::less : std::strong_ordering::greater;
  return static_cast<int>(a.precision_) <=> static_cast<int>(b.precision_);
}

}  // namespace evgraph
