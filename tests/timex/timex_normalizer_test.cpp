#include <doctest/doctest.h>

#include <boost/date_time/gregorian/gregorian.hpp>

#include "evgraph/timex_normalizer.h"

namespace {

using boost::gregorian::date;
using evgraph::TimexContext;
using evgraph::TimexType;

const evgraph::TimexResources& resources() {
  static const evgraph::TimexResources instance = evgraph::load_timex_resources(evgraph::Resources::builtin());
  return instance;
}

std::string eval(const char* filled, std::optional<date> dct, evgraph::Tense tense = evgraph::Tense::unknown,
                 TimexType type = TimexType::date) {
  TimexContext context;
  context.dct = dct;
  context.tense = tense;
  auto v = evgraph::TimexNormalizer(resources()).evaluate(filled, type, context);
  return v ? *v : "<none>";
}

}  // namespace

TEST_CASE("timex normalizer: dates print at their granularity") {
  const date d(2025, 5, 3);
  CHECK(evgraph::format_timex_date(d, "D") == "2025-05-03");
  CHECK(evgraph::format_timex_date(d, "W") == "2025-W18");
  CHECK(evgraph::format_timex_date(d, "WE") == "2025-W18-WE");
  CHECK(evgraph::format_timex_date(d, "M") == "2025-05");
  CHECK(evgraph::format_timex_date(d, "Q") == "2025-Q2");
  CHECK(evgraph::format_timex_date(d, "H") == "2025-H1");
  CHECK(evgraph::format_timex_date(d, "S") == "2025-SP");
  CHECK(evgraph::format_timex_date(d, "Y") == "2025");
  CHECK(evgraph::format_timex_date(d, "DE") == "202");
  CHECK(evgraph::format_timex_date(d, "CE") == "20");
  // ISO weeks belong to the year of their Thursday.
  CHECK(evgraph::format_timex_date(date(2021, 1, 2), "W") == "2020-W53");
  CHECK(evgraph::format_timex_date(date(2024, 12, 30), "W") == "2025-W01");
  CHECK(evgraph::format_timex_date(date(2025, 1, 15), "S") == "2024-WI");
  // Two-digit months and days keep their zero; four-digit years at the edges of Boost's range.
  CHECK(evgraph::format_timex_date(date(2025, 12, 31), "D") == "2025-12-31");
  CHECK(evgraph::format_timex_date(date(1400, 1, 9), "D") == "1400-01-09");
  CHECK(evgraph::format_timex_date(date(9999, 10, 1), "M") == "9999-10");
  CHECK(evgraph::format_timex_date(date(1400, 1, 9), "Y") == "1400");
}

TEST_CASE("timex normalizer: resolved values parse back into anchors") {
  auto a = evgraph::parse_timex_anchor("2025-W18");
  REQUIRE(a);
  CHECK(a->date == date(2025, 4, 28));
  CHECK(a->granularity == "W");
  CHECK(evgraph::parse_timex_anchor("2024-Q3")->date == date(2024, 7, 1));
  CHECK(evgraph::parse_timex_anchor("2024-05-03T15:00")->granularity == "D");
  CHECK(evgraph::parse_timex_anchor("1998")->granularity == "Y");
  CHECK_FALSE(evgraph::parse_timex_anchor("XXXX-06"));
  CHECK_FALSE(evgraph::parse_timex_anchor("PAST_REF"));
  CHECK_FALSE(evgraph::parse_timex_anchor("P2Y"));
  CHECK_FALSE(evgraph::parse_timex_anchor("2025-13"));
}

TEST_CASE("timex normalizer: groups go through the norm tables") {
  const evgraph::TimexNormalizer norm(resources());
  TimexContext context;
  CHECK(norm.slot("month", "Sept.", context) == "09");
  CHECK(norm.slot("month", "DECEMBER", context) == "12");
  CHECK(norm.slot("month", "7", context) == "07");
  CHECK(norm.slot("day", "3rd", context) == "03");
  CHECK(norm.slot("day", "twenty-first", context) == "21");
  CHECK(norm.slot("num", "twenty-four", context) == "24");
  CHECK(norm.slot("num", "twenty four", context) == "24");
  CHECK(norm.slot("num2", "several", context) == "X");
  CHECK(norm.slot("num", "1.5", context) == "1.5");
  CHECK(norm.slot("num", "2 1/2", context) == "2.5");
  CHECK(norm.slot("num", "3 3/4", context) == "3.75");
  CHECK(norm.slot("num", "3 5/4", context) == std::nullopt);
  CHECK(norm.slot("weekday", "Mondays", context) == "1");
  CHECK(norm.slot("unit", "centuries", context) == "CE");
  CHECK(norm.slot("season", "autumn", context) == "FA");
  CHECK(norm.slot("year", "'98", context) == "1998");
  CHECK(norm.slot("year", "'05", context) == "2005");
  context.dct = date(2025, 5, 9);
  CHECK(norm.slot("year", "40", context) == "1940");
  CHECK(norm.slot("year", "27", context) == "2027");
  CHECK_FALSE(norm.slot("month", "Smarch", context));
  CHECK(norm.slot("mod", "unheard-of", context) == "");
}

TEST_CASE("timex normalizer: value functions") {
  const date dct(2025, 5, 9);  // a Friday
  CHECK(eval("@dct(D,-1)", dct) == "2025-05-08");
  CHECK(eval("@dct(W,-1)", dct) == "2025-W18");
  CHECK(eval("@dct(M,1)", dct) == "2025-06");
  CHECK(eval("@dct(Q,-1)", dct) == "2025-Q1");
  CHECK(eval("@dct(Y,--2)", dct) == "2027");  // "-{num}" with a negative num
  CHECK(eval("@dct(DE,-1)", dct) == "201");
  CHECK(eval("@dct(Y,-X)", dct) == "PAST_REF");
  CHECK(eval("@dct(Y,X)", dct) == "FUTURE_REF");
  CHECK(eval("@dct(D,0)TMO", dct) == "2025-05-09TMO");
  CHECK(eval("@dct(W,0)", std::nullopt) == "XXXX-WXX");
  CHECK(eval("@dct(D,-1)", std::nullopt) == "XXXX-XX-XX");
  CHECK(eval("@weekday(2,0)", dct, evgraph::Tense::past) == "2025-05-06");
  CHECK(eval("@weekday(2,0)", dct, evgraph::Tense::future) == "2025-05-13");
  CHECK(eval("@weekday(5,0)", dct, evgraph::Tense::past) == "2025-05-09");
  CHECK(eval("@weekday(5,-1)", dct) == "2025-05-02");
  CHECK(eval("@weekday(5,1)", dct) == "2025-05-16");
  CHECK(eval("@weekday(3,0)", std::nullopt) == "XXXX-WXX-3");
  CHECK(eval("@season(FA,-1)", dct) == "2024-FA");
  CHECK(eval("@season(SP,1)", dct) == "2026-SP");
  CHECK(eval("@season(SU,1)", dct) == "2025-SU");
  CHECK(eval("@monthshift(05,-1)", dct) == "2024-05");
  CHECK(eval("@monthshift(01,-1)", dct) == "2025-01");
  CHECK(eval("@monthshift(03,1)", dct) == "2026-03");
  CHECK(eval("@dur(2,Y)", dct, {}, TimexType::duration) == "P2Y");
  CHECK(eval("@dur(X,M)", dct, {}, TimexType::duration) == "PXM");
  CHECK(eval("@dur(0.5,H)", dct, {}, TimexType::duration) == "PT30M");
  CHECK(eval("@dur(1.5,Y)", dct, {}, TimexType::duration) == "P1Y6M");
  CHECK(eval("@dur(0.5,Y)", dct, {}, TimexType::duration) == "P6M");
  CHECK(eval("@dur(2.5,MIN)", dct, {}, TimexType::duration) == "PT2M30S");
  CHECK(eval("@dur(0.25,H)", dct, {}, TimexType::duration) == "PT15M");
  CHECK(eval("@dur(1.3,Y)", dct, {}, TimexType::duration) == "P1.3Y");  // no whole months: kept
  CHECK(eval("@dur(3,DE)", dct, {}, TimexType::duration) == "P30Y");
  CHECK(eval("@dur(45,MIN)", dct, {}, TimexType::duration) == "PT45M");
  // Amounts that are no number, or one out of range, or followed by more text: no duration.
  CHECK(eval("@dur(few,Y)", dct, {}, TimexType::duration) == "<none>");
  CHECK(eval("@dur(1e400,Y)", dct, {}, TimexType::duration) == "<none>");
  CHECK(eval("@dur(2x,Y)", dct, {}, TimexType::duration) == "<none>");
  CHECK(eval("@dur(,Y)", dct, {}, TimexType::duration) == "<none>");
  CHECK(eval("@dur(2.50,Y)", dct, {}, TimexType::duration) == "P2Y6M");
  CHECK(eval("@time(3,,p)", dct, {}, TimexType::time) == "2025-05-09T15:00");
  CHECK(eval("@time(12,05,a)", dct, {}, TimexType::time) == "2025-05-09T00:05");
  CHECK(eval("@time(9,30,)", std::nullopt, {}, TimexType::time) == "XXXX-XX-XXT09:30");
  CHECK(eval("@century(21)", dct) == "20");
  CHECK(eval("@decade(1990)", dct) == "199");
  CHECK(eval("@decade(90)", dct) == "199");
  CHECK(eval("@decade(10)", dct) == "201");
  CHECK(eval("@nosuchfunction(1)", dct) == "<none>");
  CHECK(eval("@dct(D,1", dct) == "<none>");
}

TEST_CASE("timex normalizer: holidays, fixed and moveable") {
  const date dct(2025, 5, 9);
  CHECK(eval("@holiday(12-25)", dct, evgraph::Tense::future) == "2025-12-25");
  CHECK(eval("@holiday(11-4-4,2024)", dct) == "2024-11-28");
  CHECK(eval("@holiday(05-1-L,2025)", dct) == "2025-05-26");
  CHECK(eval("@holiday(05-1-L,,-1)", dct) == "2024-05-27");
  CHECK(eval("@holiday(05-1-L,,1)", dct) == "2025-05-26");
  CHECK(eval("@holiday(11-4-4)", dct, evgraph::Tense::past) == "2024-11-28");
  CHECK(eval("@holiday(13-1-1,2025)", dct) == "<none>");
  CHECK(eval("@holiday(02-30,2025)", dct) == "<none>");
}

TEST_CASE("timex normalizer: yearless dates take the year from tense, context or nothing") {
  const date dct(2025, 5, 9);
  CHECK(eval("XXXX-08", dct, evgraph::Tense::past) == "2024-08");
  CHECK(eval("XXXX-06", dct, evgraph::Tense::past) == "2025-06");  // the next two months: a plan reported
  CHECK(eval("XXXX-Q3", dct, evgraph::Tense::past) == "2024-Q3");  // a quarter not begun has no results yet
  CHECK(eval("XXXX-06", dct, evgraph::Tense::future) == "2025-06");
  CHECK(eval("XXXX-03-02", dct, evgraph::Tense::future) == "2026-03-02");
  CHECK(eval("XXXX-04", dct, evgraph::Tense::past) == "2025-04");
  CHECK(eval("XXXX-12", dct) == "2024-12");  // no tense: the nearest December
  CHECK(eval("XXXX-08", dct) == "2025-08");
  CHECK(eval("XXXX-Q3", date(2025, 11, 2), evgraph::Tense::future) == "2025-Q3");
  CHECK(eval("XXXX-06", std::nullopt) == "XXXX-06");
  TimexContext context;
  context.dct = dct;
  context.narrative_year = 2019;
  CHECK(evgraph::TimexNormalizer(resources()).evaluate("XXXX-06", TimexType::date, context) == "2019-06");
  // Sets and fully unknown values are left alone.
  CHECK(eval("XXXX-WXX-1", dct, {}, TimexType::set) == "XXXX-WXX-1");
  CHECK(eval("XXXX-XX-XXTMO", dct, {}, TimexType::set) == "XXXX-XX-XXTMO");
}
