// Turning matched temporal expressions into TIMEX3 values: normalizing captured
// groups through the norm_*.txt tables, then evaluating the rule's value template
// (@dct, @ref, @weekday, @dur, ... as documented in resources/en/timex/rules_date.txt)
// against the DCT, the last date mentioned in the text, and the sentence's tense.
//
//   TimexNormalizer norm(resources);
//   norm.slot("month", "Sept.", ctx)          -> "09"
//   norm.evaluate("@dct(W,-1)", ctx)          -> "2025-W17"   (ctx.dct = 2025-05-03)
//   norm.evaluate("XXXX-06", ctx)             -> "2025-06"    (year from context/tense)
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include "evgraph/timex_resources.h"

namespace evgraph {

// A point the text has mentioned, at the precision it was mentioned:
// granularity is one of D W WE M Q H S Y DE CE.
struct TimexAnchor {
  boost::gregorian::date date;
  std::string granularity;
};

struct TimexContext {
  std::optional<boost::gregorian::date> dct;
  Tense tense = Tense::unknown;
  bool nearest = false;  // a governor like "by June" decided: the nearest June, ties ahead
  std::optional<TimexAnchor> reference;  // the last date mentioned before this expression
  // The last date mentioned that is not the day something was said or done ("yesterday",
  // "Friday"): "profit rose from $99 million a year earlier" compares the reported period.
  std::optional<TimexAnchor> period_reference;
  std::optional<int> narrative_year;     // an explicit year in the same or previous sentence
};

class TimexNormalizer {
 public:
  explicit TimexNormalizer(const TimexResources& resources) : resources_(&resources) {}

  // The normalized value of captured group `name` (a trailing digit is ignored: num2 -> num),
  // or nullopt when the text has no normalization (the candidate is then dropped).
  std::optional<std::string> slot(std::string_view name, std::string_view text, const TimexContext& context) const;

  // Evaluates a template whose {slots} are already filled. nullopt when it is malformed.
  std::optional<std::string> evaluate(std::string_view filled, TimexType type, const TimexContext& context) const;

 private:
  const TimexResources* resources_;
};

// The anchor a resolved value denotes ("2025-W18" -> Monday of week 18, "W"), or nullopt
// for values without a year (XXXX-06, PAST_REF, P2Y).
std::optional<TimexAnchor> parse_timex_anchor(std::string_view value);

// A date at a granularity: "2025-05-03", "2025-W18", "2025-05", "2025-Q2", "2025-H1",
// "2025", "202" (decade), "20" (century), "2025-W18-WE".
std::string format_timex_date(boost::gregorian::date date, std::string_view granularity);

}  // namespace evgraph
