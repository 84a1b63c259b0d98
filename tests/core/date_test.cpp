#include <doctest/doctest.h>

#include "evgraph/date.h"

using evgraph::DatePrecision;
using evgraph::PartialDate;

TEST_CASE("partial dates parse at their own precision") {
  auto year = PartialDate::parse("2025");
  REQUIRE(year);
  CHECK(year->precision() == DatePrecision::year);
  CHECK(year->iso() == "2025");
  CHECK(year->last_day() == boost::gregorian::date(2025, 12, 31));

  auto month = PartialDate::parse("2024-02");
  REQUIRE(month);
  CHECK(month->precision() == DatePrecision::month);
  CHECK(month->last_day() == boost::gregorian::date(2024, 2, 29));

  auto day = PartialDate::parse("2025-05-03");
  REQUIRE(day);
  CHECK(day->iso() == "2025-05-03");
  CHECK(day->day() == 3);
}

TEST_CASE("impossible and malformed dates are rejected with a reason") {
  std::string why;
  CHECK_FALSE(PartialDate::parse("2025-02-30", &why));
  CHECK(why == "invalid date '2025-02-30': day is out of range for month");
  CHECK_FALSE(PartialDate::parse("2025-13", &why));
  CHECK(why == "invalid date '2025-13': month is out of range");
  CHECK_FALSE(PartialDate::parse("10000-01-01", &why));
  CHECK(why == "invalid date '10000-01-01': expected YYYY, YYYY-MM or YYYY-MM-DD");
  CHECK_FALSE(PartialDate::parse("0999", &why));
  CHECK(why == "invalid date '0999': year is outside 1400..9999");
  CHECK_FALSE(PartialDate::parse("May 2025", &why));
  CHECK_FALSE(PartialDate::parse("2025/05/03"));
  CHECK_FALSE(PartialDate::parse(""));
  CHECK(PartialDate::parse("2024-02-29"));
}

TEST_CASE("ordering puts coarser dates before finer ones of the same start") {
  auto month = *PartialDate::parse("2025-05");
  auto first = *PartialDate::parse("2025-05-01");
  auto third = *PartialDate::parse("2025-05-03");
  auto year = *PartialDate::parse("2025");
  CHECK(year < month);
  CHECK(month < first);
  CHECK(first < third);
  CHECK(year.contains(third));
  CHECK(month.compatible(third));
  CHECK(third.compatible(month));
  CHECK_FALSE(third.compatible(first));
  CHECK_FALSE(PartialDate::parse("2025-06")->compatible(third));
}
