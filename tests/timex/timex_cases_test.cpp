// Table-driven checks of the temporal tagger: each row is a sentence, its DCT, the
// expression that must be found (exact extent) and its TIMEX3 type and value.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include <boost/date_time/gregorian/gregorian.hpp>

#include "evgraph/timex.h"

namespace {

using evgraph::Timex;
using evgraph::TimexTagger;

const TimexTagger& tagger() {
  static const TimexTagger instance(evgraph::Resources::builtin());
  return instance;
}

std::optional<boost::gregorian::date> parse_dct(const char* dct) {
  if (!dct || !*dct) return std::nullopt;
  return boost::gregorian::from_simple_string(dct);
}

struct Positive {
  const char* dct;  // "" = no DCT
  const char* sentence;
  const char* text;  // expected extent
  const char* type;
  const char* value;
};

// DCT 2025-05-09 is a Friday in ISO week 2025-W19.
const Positive kPositives[] = {
    // explicit dates
    {"2025-05-09", "On May 3, 2025, CORVANA issued a critique.", "May 3, 2025", "DATE", "2025-05-03"},
    {"2025-05-09", "It was signed 3 May 2025 in Paris.", "3 May 2025", "DATE", "2025-05-03"},
    {"2025-05-09", "Filed on 2025-05-03 with the agency.", "2025-05-03", "DATE", "2025-05-03"},
    {"2025-05-09", "The form is dated 5/3/2025.", "5/3/2025", "DATE", "2025-05-03"},
    {"2025-05-09", "The form is dated 12/31/98.", "12/31/98", "DATE", "1998-12-31"},
    {"2025-05-09", "It met on May 3rd.", "May 3rd", "DATE", "2025-05-03"},
    {"2025-05-09", "It met on May 3rd, 2024.", "May 3rd, 2024", "DATE", "2024-05-03"},
    {"2025-05-09", "Sales ended Sept. 30, 1998.", "Sept. 30, 1998", "DATE", "1998-09-30"},
    {"2025-05-09", "Sales ended Sept. 30.", "Sept. 30", "DATE", "2024-09-30"},
    {"2025-05-09", "The deal closed Jan. 14, 2025.", "Jan. 14, 2025", "DATE", "2025-01-14"},
    {"2025-05-09", "The deal closes Aug. 7 2025.", "Aug. 7 2025", "DATE", "2025-08-07"},
    {"2025-05-09", "Published Tuesday, May 6, 2025.", "Tuesday, May 6, 2025", "DATE", "2025-05-06"},
    {"2025-05-09", "Published on the 6th of May, 2025.", "the 6th of May, 2025", "DATE", "2025-05-06"},
    {"2025-05-09", "It starts on 2025/06/01.", "2025/06/01", "DATE", "2025-06-01"},
    {"2025-05-09", "The rule takes effect on May 15.", "May 15", "DATE", "2025-05-15"},
    {"2025-05-09", "The rule takes effect on May 15th.", "May 15th", "DATE", "2025-05-15"},
    {"2025-05-09", "The vote will be held on June 2.", "June 2", "DATE", "2025-06-02"},
    // The nearest cue decides, not an auxiliary further away in the sentence.
    {"2025-05-09", "The envoy said Tuesday that the bloc would retaliate.", "Tuesday", "DATE", "2025-05-06"},
    {"2025-05-07", "The minister will meet them on Friday in Geneva.", "Friday", "DATE", "2025-05-09"},
    {"2025-05-09", "The vote was held on December 2.", "December 2", "DATE", "2024-12-02"},
    // Deadlines and effective dates lie ahead even when the sentence is in the past tense.
    {"2025-05-09", "It declared a dividend payable June 2 to holders of record May 20.", "June 2", "DATE", "2025-06-02"},
    {"2025-10-27", "It declared a dividend payable Dec. 7 to holders of record Nov. 22.", "Dec. 7", "DATE", "2025-12-07"},
    {"2025-10-27", "It declared a dividend payable Dec. 7 to holders of record Nov. 22.", "Nov. 22", "DATE", "2025-11-22"},
    {"2025-10-27", "The firm said the pact became binding, effective Feb. 1.", "Feb. 1", "DATE", "2026-02-01"},
    {"2025-01-07", "A court ordered that he stay until Feb. 10.", "Feb. 10", "DATE", "2025-02-10"},
    {"2025-03-22", "The talks were supposed to conclude by May.", "May", "DATE", "2025-05"},
    {"2025-05-07", "Officials postponed the vote until Tuesday.", "Tuesday", "DATE", "2025-05-13"},
    {"2025-05-09", "Sales had risen 5% by March.", "March", "DATE", "2025-03"},
    {"2025-10-26", "The pact runs until February.", "February", "DATE", "2026-02"},
    {"2025-05-09", "The bid was extended to June 6.", "June 6", "DATE", "2025-06-06"},
    {"2025-05-09", "Prices have risen since March 3.", "March 3", "DATE", "2025-03-03"},
    {"2000-04-03", "The group might come to the U.S. as soon as Tuesday, reports said.", "Tuesday", "DATE", "2000-04-04"},
    // A cue before the expression outweighs a nearer one after it, from the next clause.
    {"2000-01-07", "Protesters planned a large demonstration on Saturday and were planning to drive around.", "Saturday", "DATE", "2000-01-08"},
    // "next to" is a preposition, no cue of the future.
    {"1998-08-08", "Hundreds were wounded in the blasts next to the embassies on Friday.", "Friday", "DATE", "1998-08-07"},
    // In a past-tense sentence the next month or two is still ahead; older months were last year.
    {"1990-08-16", "Saudi Arabia told oil companies of a cutback in September.", "September", "DATE", "1990-09"},
    {"2000-01-07", "He said he subpoenaed the boy to testify on Feb. 10.", "Feb. 10", "DATE", "2000-02-10"},
    {"2000-01-07", "He said the boy arrived on Aug. 10.", "Aug. 10", "DATE", "1999-08-10"},
    // An -ed word after a determiner is an adjective, no past tense.
    {"1989-10-26", "The split would be paid on a still unspecified date in January.", "January", "DATE", "1990-01"},
    {"1989-10-27", "The thrift announced the plan Aug. 21.", "Aug. 21", "DATE", "1989-08-21"},
    // A governor only counts right before the expression.
    {"2025-05-09", "The vote was won by the mayor on December 2.", "December 2", "DATE", "2024-12-02"},
    {"2025-05-09", "The vote will be held on March 2.", "March 2", "DATE", "2026-03-02"},
    {"2025-05-09", "They met on 14 February.", "14 February", "DATE", "2025-02-14"},
    {"2025-05-09", "The summit will be held on June 24 and 25.", "June 24", "DATE", "2025-06-24"},
    {"2025-05-09", "The summit will be held on June 24 and 25.", "25", "DATE", "2025-06-25"},
    {"2025-05-09", "Prices rose on April 30.", "April 30", "DATE", "2025-04-30"},
    {"2025-05-09", "Profits fell on Oct. 23.", "Oct. 23", "DATE", "2024-10-23"},
    {"2025-05-09", "The law was passed on October fourth.", "October fourth", "DATE", "2024-10-04"},
    {"", "The rule takes effect on May 15.", "May 15", "DATE", "XXXX-05-15"},
    {"", "On May 3, 2025, CORVANA issued a critique.", "May 3, 2025", "DATE", "2025-05-03"},
    {"2025-05-09", "Stores will close on Christmas Day.", "Christmas Day", "DATE", "2025-12-25"},
    {"2025-05-09", "Stores closed on Christmas 2024.", "Christmas 2024", "DATE", "2024-12-25"},
    {"2000-01-07", "The boy was found on Thanksgiving Day clinging to a tube.", "Thanksgiving Day", "DATE", "1999-11-25"},
    {"2000-02-10", "He was found in the Atlantic last Thanksgiving.", "last Thanksgiving", "DATE", "1999-11-25"},
    {"2025-05-09", "Stores will close on Thanksgiving 2024.", "Thanksgiving 2024", "DATE", "2024-11-28"},
    {"2025-05-09", "The pool opens next Memorial Day.", "next Memorial Day", "DATE", "2025-05-26"},
    {"2025-05-09", "The pool opened last Labor Day.", "last Labor Day", "DATE", "2024-09-02"},
    {"", "The pool opens on Labor Day.", "Labor Day", "DATE", "XXXX-09"},
    {"2025-05-09", "The parade will be on New Year's Day.", "New Year's Day", "DATE", "2026-01-01"},
    // months and years
    {"2025-05-09", "The plan was unveiled in November 2025.", "November 2025", "DATE", "2025-11"},
    {"2025-05-09", "It was trained in December 2024.", "December 2024", "DATE", "2024-12"},
    {"2025-05-09", "The plan was unveiled in Jan. 2025.", "Jan. 2025", "DATE", "2025-01"},
    {"2025-05-09", "The plan was unveiled in November, 2024.", "November, 2024", "DATE", "2024-11"},
    {"2025-05-09", "The plan was unveiled in September.", "September", "DATE", "2024-09"},
    {"2025-05-09", "The plan will be unveiled in June.", "June", "DATE", "2025-06"},
    {"2025-05-09", "The board met in February.", "February", "DATE", "2025-02"},
    {"2025-05-09", "The board meets in September.", "September", "DATE", "2025-09"},
    {"2025-05-09", "In 2024 the firm grew and in June it hired.", "June", "DATE", "2024-06"},
    // ... unless the tense contradicts the year mentioned.
    {"1999-02-27", "Invited to join NATO in July 1997, Poland will officially join on March 12.", "March 12", "DATE", "1999-03-12"},
    {"", "The plan was unveiled in June.", "June", "DATE", "XXXX-06"},
    {"", "In 2024 the firm grew and in June it hired.", "June", "DATE", "2024-06"},
    {"2025-05-09", "Shipments began in early March.", "early March", "DATE", "2025-03"},
    {"2025-05-09", "Shipments began in late November.", "late November", "DATE", "2024-11"},
    {"2025-05-09", "Shipments begin in mid-July.", "mid-July", "DATE", "2025-07"},
    {"2025-05-09", "It happened at the end of April.", "the end of April", "DATE", "2025-04"},
    {"2025-05-09", "Sales grew in 2024.", "2024", "DATE", "2024"},
    {"2025-05-09", "Founded in 1998, the firm grew.", "1998", "DATE", "1998"},
    {"2025-05-09", "Since 2021 the firm has grown.", "2021", "DATE", "2021"},
    {"2025-05-09", "Costs peaked in mid-2024.", "mid-2024", "DATE", "2024"},
    {"2025-05-09", "Costs peaked in early 2024.", "early 2024", "DATE", "2024"},
    {"2025-05-09", "Costs peak in late 2026.", "late 2026", "DATE", "2026"},
    {"2025-05-09", "Costs peaked at the end of 2023.", "the end of 2023", "DATE", "2023"},
    {"2025-05-09", "Costs peaked at the beginning of 2023.", "the beginning of 2023", "DATE", "2023"},
    {"2025-05-09", "Revenue in fiscal 2025 rose.", "fiscal 2025", "DATE", "2025"},
    {"2025-05-09", "Revenue in fiscal year 2024 rose.", "fiscal year 2024", "DATE", "2024"},
    {"2025-05-09", "Revenue in FY2024 rose.", "FY2024", "DATE", "2024"},
    {"2025-05-09", "It grew in the 1990s.", "the 1990s", "DATE", "199"},
    {"2025-05-09", "It grew in the '90s.", "the '90s", "DATE", "199"},
    {"2025-05-09", "It grew in the 2010s.", "the 2010s", "DATE", "201"},
    {"2025-05-09", "It grew in the nineties.", "the nineties", "DATE", "199"},
    {"2025-05-09", "It grew in the early 1980s.", "the early 1980s", "DATE", "198"},
    {"2025-05-09", "It changed in the 20th century.", "the 20th century", "DATE", "19"},
    {"2025-05-09", "It is the 21st century.", "the 21st century", "DATE", "20"},
    {"2025-05-09", "Things changed in the twentieth century.", "the twentieth century", "DATE", "19"},
    // quarters, halves, seasons
    {"2025-05-09", "Revenue rose in Q3 2024.", "Q3 2024", "DATE", "2024-Q3"},
    {"2025-05-09", "Revenue rose in 2024 Q3.", "2024 Q3", "DATE", "2024-Q3"},
    {"2025-05-09", "Revenue rose in the third quarter of 2024.", "the third quarter of 2024", "DATE", "2024-Q3"},
    {"2025-05-09", "Revenue rose in the fourth quarter of fiscal 2024.", "the fourth quarter of fiscal 2024", "DATE", "2024-Q4"},
    {"2025-05-09", "Revenue rose in the first quarter.", "the first quarter", "DATE", "2025-Q1"},
    {"2025-05-09", "Revenue rose in the fourth quarter.", "the fourth quarter", "DATE", "2024-Q4"},
    {"2025-05-09", "Third-quarter profit rose.", "Third-quarter", "DATE", "2024-Q3"},
    {"2025-11-09", "Third-quarter profit rose.", "Third-quarter", "DATE", "2025-Q3"},
    {"2025-05-09", "It reported first-quarter results.", "first-quarter", "DATE", "2025-Q1"},
    {"2025-05-09", "Revenue will rise in Q4.", "Q4", "DATE", "2025-Q4"},
    {"2025-05-09", "Sales fell in the second half of 2024.", "the second half of 2024", "DATE", "2024-H2"},
    {"2025-05-09", "Sales fell in the first half of 2024.", "the first half of 2024", "DATE", "2024-H1"},
    {"2025-05-09", "Earnings will be lower for the last half of 2024.", "the last half of 2024", "DATE", "2024-H2"},
    {"2025-05-09", "The plant opens in 2027 or later.", "2027 or later", "DATE", "2027"},
    {"2025-05-09", "Net rose from $5 million in the 2024 period.", "the 2024 period", "DATE", "2024"},
    {"2025-05-09", "The ratio should be in place by year's end.", "year's end", "DATE", "2025"},
    {"2025-05-09", "The deal should close by year end.", "year end", "DATE", "2025"},
    {"2025-05-09", "Sales will rise in H2 2025.", "H2 2025", "DATE", "2025-H2"},
    {"2025-05-09", "Sales fell in the spring of 2024.", "the spring of 2024", "DATE", "2024-SP"},
    {"2025-05-09", "Sales fell in summer 2023.", "summer 2023", "DATE", "2023-SU"},
    {"2025-05-09", "The model ships next spring.", "next spring", "DATE", "2026-SP"},
    {"2025-05-09", "The model shipped last fall.", "last fall", "DATE", "2024-FA"},
    {"2025-05-09", "The model ships this summer.", "this summer", "DATE", "2025-SU"},
    {"2025-05-09", "The model shipped last winter.", "last winter", "DATE", "2024-WI"},
    {"2025-05-09", "Sales dipped in the winter.", "the winter", "DATE", "2024-WI"},
    {"2025-05-09", "It was adopted in the fall of 2019.", "the fall of 2019", "DATE", "2019-FA"},
    // relative to the DCT
    {"2025-05-09", "Shares fell today.", "today", "DATE", "2025-05-09"},
    {"2025-05-09", "Shares fell yesterday.", "yesterday", "DATE", "2025-05-08"},
    {"2025-05-09", "Shares may fall tomorrow.", "tomorrow", "DATE", "2025-05-10"},
    {"2025-05-09", "Shares fell late yesterday.", "late yesterday", "DATE", "2025-05-08"},
    {"2025-05-09", "Shares fell the day before yesterday.", "the day before yesterday", "DATE", "2025-05-07"},
    {"2025-05-09", "The vote was on May 3, and the deal closed the day after.", "the day after", "DATE", "2025-05-04"},
    {"2025-05-09", "It said last week that prices rose.", "last week", "DATE", "2025-W18"},
    {"2025-05-09", "It will say next week that prices rose.", "next week", "DATE", "2025-W20"},
    {"2025-05-09", "Okafor published an essay this week.", "this week", "DATE", "2025-W19"},
    {"2025-05-09", "Prices rose this month.", "this month", "DATE", "2025-05"},
    {"2025-05-09", "Prices rose last month.", "last month", "DATE", "2025-04"},
    {"2025-05-09", "Prices rise next month.", "next month", "DATE", "2025-06"},
    {"2025-05-09", "Prices rose last year.", "last year", "DATE", "2024"},
    {"2025-05-09", "Prices rose this year.", "this year", "DATE", "2025"},
    {"2025-05-09", "Prices rise next year.", "next year", "DATE", "2026"},
    {"2025-01-02", "Prices rose last year.", "last year", "DATE", "2024"},
    {"2025-05-09", "Prices rose earlier this year.", "earlier this year", "DATE", "2025"},
    {"2025-05-09", "Prices will rise early next year.", "early next year", "DATE", "2026"},
    {"2025-05-09", "Prices rose earlier this month.", "earlier this month", "DATE", "2025-05"},
    {"2025-05-09", "Prices rose last quarter.", "last quarter", "DATE", "2025-Q1"},
    {"2025-05-09", "Prices rise next quarter.", "next quarter", "DATE", "2025-Q3"},
    {"2025-05-09", "Prices rose in the current quarter.", "the current quarter", "DATE", "2025-Q2"},
    {"2025-05-09", "It happened last weekend.", "last weekend", "DATE", "2025-W18-WE"},
    {"2025-05-09", "It happens this weekend.", "this weekend", "DATE", "2025-W19-WE"},
    {"2025-05-09", "It happened two years ago.", "two years ago", "DATE", "2023"},
    {"2025-05-09", "It happened 3 months ago.", "3 months ago", "DATE", "2025-02"},
    {"2025-05-09", "It happened three days ago.", "three days ago", "DATE", "2025-05-06"},
    {"2025-05-09", "It happened two weeks ago.", "two weeks ago", "DATE", "2025-W17"},
    {"2025-05-09", "It happened a year ago.", "a year ago", "DATE", "2024"},
    {"2025-05-09", "It happened a decade ago.", "a decade ago", "DATE", "201"},
    {"2025-05-09", "Claude 3.5 Sonnet: Trained 9-12 months ago.", "9-12 months ago", "DATE", "2024-08"},
    {"2025-05-09", "It will happen two years from now.", "two years from now", "DATE", "2027"},
    {"2025-05-09", "It happened at the end of last year.", "the end of last year", "DATE", "2024"},
    {"2025-05-09", "It happened last decade.", "last decade", "DATE", "201"},
    {"2025-05-09", "It happened last May.", "last May", "DATE", "2024-05"},
    {"2025-05-09", "It happens next March.", "next March", "DATE", "2026-03"},
    {"2025-05-09", "It happened last January.", "last January", "DATE", "2025-01"},
    // relative to the last mentioned date
    {"2025-05-09", "On March 3, 2025 it filed; the following day it withdrew.", "the following day", "DATE", "2025-03-04"},
    {"2025-05-09", "On March 3, 2025 it filed; the next day it withdrew.", "the next day", "DATE", "2025-03-04"},
    {"2025-05-09", "On March 3, 2025 it filed; the previous day it met.", "the previous day", "DATE", "2025-03-02"},
    {"2025-05-09", "In 2020 it filed; the following year it withdrew.", "the following year", "DATE", "2021"},
    // Days and weeks before "later"/"earlier" are the span between two events (TimeBank's DURATION).
    {"2025-05-09", "On March 3, 2025 it filed; two days later it withdrew.", "two days", "DURATION", "P2D"},
    {"2025-05-09", "On March 3, 2025 it filed; a week earlier it met.", "a week", "DURATION", "P1W"},
    {"2025-05-09", "A few days later the bank failed.", "A few days", "DURATION", "PXD"},
    {"2025-05-09", "In March 2024 it filed; two months later it withdrew.", "two months later", "DATE", "2024-05"},
    {"2025-05-09", "Profit rose in the third quarter of 2024 from a year earlier.", "a year earlier", "DATE", "2023-Q3"},
    {"2025-05-09", "Profit rose in the third quarter of 2024 from the year-earlier quarter.", "the year-earlier quarter", "DATE", "2023-Q3"},
    {"2025-05-09", "Profit rose in the third quarter of 2024; the quarter was strong.", "the quarter", "DATE", "2024-Q3"},
    {"2025-05-09", "The latest quarter was strong.", "The latest quarter", "DATE", "2025-Q1"},
    // "a year earlier" shifts the reported period, not the day the report was made ...
    {"2025-10-30", "Third-quarter profit rose, the firm said yesterday, to $5 million from $3 million a year earlier.",
     "a year earlier", "DATE", "2024-Q3"},
    // "the 2024 period": the period under discussion (a quarter here) in that year.
    {"2025-10-30", "Third-quarter net fell to $5 million from $7 million in the 2024 period.", "the 2024 period", "DATE",
     "2024-Q3"},
    {"2025-10-30", "Net rose from the 2024 period.", "the 2024 period", "DATE", "2024"},
    {"2025-10-30", "Sales matched those of the 2024 quarter.", "the 2024 quarter", "DATE", "2024-QX"},
    {"2025-10-30", "Net for the year-earlier nine months included a gain.", "the year-earlier nine months", "DURATION", "P9M"},
    // The end day of the quarter just named leaves the quarter under discussion; the end day
    // of a span of months is the point compared.
    {"2025-10-30", "Net rose in the quarter ended Sept. 30 from $3 million a year earlier.", "a year earlier", "DATE", "2024-Q3"},
    {"2025-10-30", "For the six months ended Aug. 9, net rose from $3 million a year earlier.", "a year earlier", "DATE",
     "2024-08-09"},
    // The same period a year before, in its longer wordings.
    {"2025-10-30", "Third-quarter sales rose from the corresponding period last year.", "the corresponding period last year",
     "DATE", "2024-Q3"},
    {"2025-10-30", "Third-quarter net fell. For the quarter a year ago, it earned $3 million.", "the quarter a year ago", "DATE",
     "2024-Q3"},
    {"2025-10-30", "Third-quarter sales fell; last year's quarter had a gain.", "last year's quarter", "DATE", "2024-Q3"},
    {"2025-10-30", "Third-quarter net rose from the comparable year-ago quarter.", "the comparable year-ago quarter", "DATE",
     "2024-Q3"},
    // "the latest quarter" is over: a quarter named in an outlook is not it.
    {"2025-11-02", "It expects a fourth-quarter charge. Earnings fell in the latest quarter.", "the latest quarter", "DATE",
     "2025-Q3"},
    {"2025-10-30", "The drop will mean lower earnings for the fiscal year.", "the fiscal year", "DATE", "2025"},
    {"2025-10-30", "Shares closed Friday 2% below the previous Friday.", "the previous Friday", "DATE", "2025-10-17"},
    {"2025-10-30", "Sales should recover in the first two quarters of 2026.", "the first two quarters of 2026", "DATE", "2026-H1"},
    // After "the nine months" the compared span is the year so far, a year before.
    {"2025-10-30", "Third-quarter profit rose. For the nine months, net rose 5% from a year earlier.", "a year earlier",
     "DATE", "2024"},
    // ... while "a month earlier" than a named day keeps the day.
    {"2025-10-30", "The firm said on Friday that the deal had closed a month earlier.", "a month earlier", "DATE", "2025-09-24"},
    // "the quarter" sets the period under discussion for what follows.
    {"2025-10-30", "Sales should grow next year. The quarter was weak, and profit fell from the year-earlier quarter.",
     "the year-earlier quarter", "DATE", "2024-Q3"},
    // weekdays
    {"2025-05-09", "Corvana said on Tuesday that it disagreed.", "Tuesday", "DATE", "2025-05-06"},
    {"2025-05-09", "The company reported results Friday.", "Friday", "DATE", "2025-05-09"},
    {"2025-05-09", "The company will report results on Monday.", "Monday", "DATE", "2025-05-12"},
    {"2025-05-09", "The company reported results last Friday.", "last Friday", "DATE", "2025-05-02"},
    {"2025-05-09", "The company reports results next Tuesday.", "next Tuesday", "DATE", "2025-05-13"},
    {"2025-05-09", "The firm announced the deal Wednesday.", "Wednesday", "DATE", "2025-05-07"},
    {"2025-05-09", "Talks are scheduled for Thursday.", "Thursday", "DATE", "2025-05-15"},
    // A plan looks ahead even after a past auxiliary, unless a past perfect makes it a former plan.
    {"2025-05-07", "Protesters were planning to march on Monday.", "Monday", "DATE", "2025-05-12"},
    {"2025-05-07", "Officials did not plan to act on Thursday.", "Thursday", "DATE", "2025-05-08"},
    {"2025-05-07", "The offer had been scheduled to expire on Friday.", "Friday", "DATE", "2025-05-02"},
    // A past perfect near "by" or "until" puts the limit behind; one in another clause does not.
    {"2025-05-08", "Ten members had filed reports by Wednesday.", "Wednesday", "DATE", "2025-05-07"},
    {"2025-05-09", "Until Thursday, they had not named a suspect.", "Thursday", "DATE", "2025-05-08"},
    {"2025-10-30", "The sale, which had been expected for weeks, is part of a plan to pay down the loan by February.",
     "February", "DATE", "2026-02"},
    // "through" is a limit like "until".
    {"2025-10-30", "Lenders extended the credit line through January.", "January", "DATE", "2026-01"},
    {"2025-10-30", "Under a plan approved in 2017, the firm had bought 400,000 shares through Sept. 29.", "Sept. 29", "DATE",
     "2025-09-29"},
    {"", "Corvana said on Tuesday that it disagreed.", "Tuesday", "DATE", "XXXX-WXX-2"},
    {"2025-05-09", "Officials met over the weekend.", "the weekend", "DATE", "2025-W18-WE"},
    // vague references
    {"2025-05-09", "It is now clear.", "now", "DATE", "PRESENT_REF"},
    {"2025-05-09", "Currently, the chips are banned.", "Currently", "DATE", "PRESENT_REF"},
    {"2025-05-09", "The chips are currently banned.", "currently", "DATE", "PRESENT_REF"},
    {"2025-05-09", "Its current capabilities are large.", "current", "DATE", "PRESENT_REF"},
    {"2025-05-09", "Nowadays chips are scarce.", "Nowadays", "DATE", "PRESENT_REF"},
    {"2025-05-09", "The firm recently raised money.", "recently", "DATE", "PAST_REF"},
    {"2025-05-09", "The recent emergence of rivals matters.", "recent", "DATE", "PAST_REF"},
    // "recent years", "the coming months": unspecified spans up to or from the DCT (TIDES, TimeBank).
    {"2025-05-09", "Prices rose in recent years.", "recent years", "DURATION", "PXY"},
    {"2025-05-09", "Funds shrank in recent weeks.", "recent weeks", "DURATION", "PXW"},
    {"2025-05-09", "Over the years the plant grew.", "the years", "DURATION", "PXY"},
    {"2025-05-09", "Few lives are saved in the early years.", "the early years", "DURATION", "PXY"},
    {"2025-05-09", "Managers face pressure in the weeks ahead.", "the weeks ahead", "DURATION", "PXW"},
    {"2025-05-09", "In the past, chips were cheap.", "the past", "DATE", "PAST_REF"},
    {"2025-05-09", "Rules will change in the future.", "the future", "DATE", "FUTURE_REF"},
    {"2025-05-09", "Strikes could go on well into the future if he does not stop.", "the future", "DATE", "FUTURE_REF"},
    {"2025-05-09", "Prices will fall soon.", "soon", "DATE", "FUTURE_REF"},
    {"2025-05-09", "Analysts say the port will one day be a hub.", "one day", "DATE", "FUTURE_REF"},
    {"2025-05-09", "The strike lasted one day.", "one day", "DURATION", "P1D"},
    {"2025-05-09", "Prices fall in the short term.", "the short term", "DATE", "FUTURE_REF"},
    {"2025-05-09", "Prices fall in the long term.", "the long term", "DATE", "FUTURE_REF"},
    {"2025-05-09", "Prices fall in the near future.", "the near future", "DATE", "FUTURE_REF"},
    {"2025-05-09", "Prices fall in the coming months.", "the coming months", "DURATION", "PXM"},
    // durations
    {"2025-05-09", "A 12-24 month window remains.", "12-24 month", "DURATION", "P12M"},
    {"2025-05-09", "It wants 12 to 24 months.", "12 to 24 months", "DURATION", "P12M"},
    {"2025-05-09", "They hold a two-year lead.", "two-year", "DURATION", "P2Y"},
    {"2025-05-09", "He led it for three decades.", "three decades", "DURATION", "P30Y"},
    {"2025-05-09", "It lasted two weeks.", "two weeks", "DURATION", "P2W"},
    {"2025-05-09", "It lasted 14 days.", "14 days", "DURATION", "P14D"},
    {"2025-05-09", "It lasted five hours.", "five hours", "DURATION", "PT5H"},
    {"2025-05-09", "It lasted 30 minutes.", "30 minutes", "DURATION", "PT30M"},
    {"2025-05-09", "It lasted 45 seconds.", "45 seconds", "DURATION", "PT45S"},
    {"2025-05-09", "It lasted a week.", "a week", "DURATION", "P1W"},
    {"2025-05-09", "It lasted an hour.", "an hour", "DURATION", "PT1H"},
    {"2025-05-09", "It lasted twenty-four hours.", "twenty-four hours", "DURATION", "PT24H"},
    {"2025-05-09", "It lasted twenty four years.", "twenty four years", "DURATION", "P24Y"},
    {"2025-05-09", "It lasted several years.", "several years", "DURATION", "PXY"},
    {"2025-05-09", "It lasted a few days.", "a few days", "DURATION", "PXD"},
    {"2025-05-09", "It lasted for years.", "years", "DURATION", "PXY"},
    {"2025-05-09", "It lasted for decades.", "decades", "DURATION", "PXDE"},
    {"2025-05-09", "Sales rose over the past two months.", "the past two months", "DURATION", "P2M"},
    {"2025-05-09", "Sales rose in the first nine months.", "the first nine months", "DURATION", "P9M"},
    {"2025-05-09", "Sales rose in the nine months.", "the nine months", "DURATION", "P9M"},
    {"2025-05-09", "Sales rise over the next 18 months.", "the next 18 months", "DURATION", "P18M"},
    {"2025-05-09", "Sales rose over the past year.", "the past year", "DURATION", "P1Y"},
    {"2025-05-09", "It took a year and a half.", "a year and a half", "DURATION", "P1Y6M"},
    {"2025-05-09", "Growth will slow over the next two years or so.", "the next two years or so", "DURATION", "P2Y"},
    {"2025-05-09", "The boy will stay for two more weeks.", "two more weeks", "DURATION", "P2W"},
    {"2025-05-09", "Over the next couple of years we expect growth.", "the next couple of years", "DURATION", "P2Y"},
    {"2025-05-09", "The loan may be extended for an additional year.", "an additional year", "DURATION", "P1Y"},
    {"2025-05-09", "The economy should slow in coming months.", "coming months", "DURATION", "PXM"},
    {"2025-05-09", "Results should improve in coming quarters.", "coming quarters", "DATE", "FUTURE_REF"},
    {"2025-11-02", "Sales in the latest period were $1.7 billion.", "the latest period", "DATE", "2025-Q3"},
    {"2025-05-09", "They met a week or so ago.", "a week or so ago", "DATE", "2025-W18"},
    {"2025-05-09", "Prices should stay firm for the next year or so.", "the next year or so", "DATE", "2026"},
    {"2025-05-09", "It took a minute and a half.", "a minute and a half", "DURATION", "PT1M30S"},
    {"2025-05-09", "He served 2 1/2 years in prison.", "2 1/2 years", "DURATION", "P2Y6M"},
    {"2025-05-09", "The search lasted 5 1/2 hours.", "5 1/2 hours", "DURATION", "PT5H30M"},
    {"2025-05-09", "The talks lasted 1 1/2 days.", "1 1/2 days", "DURATION", "P1DT12H"},
    {"2025-05-09", "The talks lasted half a day.", "half a day", "DURATION", "PT12H"},
    {"2025-05-09", "It took half an hour.", "half an hour", "DURATION", "PT30M"},
    {"2025-05-09", "Training took 7-10 months.", "7-10 months", "DURATION", "P7M"},
    {"2025-05-09", "It took about two weeks.", "about two weeks", "DURATION", "P2W"},
    {"2025-05-09", "It signed a 10-year lease.", "10-year", "DURATION", "P10Y"},
    {"2025-05-09", "It signed a 30-day contract.", "30-day", "DURATION", "P30D"},
    {"2025-05-09", "The decades-long rivalry ended.", "decades-long", "DURATION", "PXDE"},
    {"2025-05-09", "It lasted between 12 and 24 months.", "12 and 24 months", "DURATION", "P12M"},
    {"2025-05-09", "It lasted two days.", "two days", "DURATION", "P2D"},
    {"2025-05-09", "It lasted six months.", "six months", "DURATION", "P6M"},
    {"2025-05-09", "It lasted two quarters.", "two quarters", "DURATION", "P2Q"},
    {"2025-05-09", "It lasted a decade.", "a decade", "DURATION", "P10Y"},
    {"2025-05-09", "It lasted a century.", "a century", "DURATION", "P100Y"},
    // sets
    {"2025-05-09", "The newsletter is delivered weekly.", "weekly", "SET", "P1W"},
    {"2025-05-09", "Prices are updated daily.", "daily", "SET", "P1D"},
    {"2025-05-09", "Reports are filed monthly.", "monthly", "SET", "P1M"},
    {"2025-05-09", "Reports are filed annually.", "annually", "SET", "P1Y"},
    {"2025-05-09", "Reports are filed quarterly.", "quarterly", "SET", "P3M"},
    {"2025-05-09", "Reports are filed every week.", "every week", "SET", "P1W"},
    {"2025-05-09", "Reports are filed each year.", "each year", "SET", "P1Y"},
    {"2025-05-09", "Marchers parade through the town each July.", "each July", "SET", "XXXX-07"},
    {"2025-05-09", "The lake freezes every winter.", "every winter", "SET", "XXXX-WI"},
    {"2025-05-09", "Reports are filed every two years.", "every two years", "SET", "P2Y"},
    {"2025-05-09", "The board meets every Monday.", "every Monday", "SET", "XXXX-WXX-1"},
    {"2025-05-09", "The board meets on Mondays.", "Mondays", "SET", "XXXX-WXX-1"},
    {"2025-05-09", "The board meets twice a year.", "twice a year", "SET", "P1Y"},
    {"2025-05-09", "It costs $5 a month.", "a month", "SET", "P1M"},
    {"2025-05-09", "He runs every morning.", "every morning", "SET", "XXXX-XX-XXTMO"},
    // times
    {"2025-05-09", "Trading halted at 3 p.m. ET.", "3 p.m. ET", "TIME", "2025-05-09T15:00"},
    {"2025-05-09", "Trading halted at 10:30 a.m.", "10:30 a.m", "TIME", "2025-05-09T10:30"},
    {"2025-05-09", "Trading halted at 9am.", "9am", "TIME", "2025-05-09T09:00"},
    {"2025-05-09", "Trading halted at 12 p.m. on Friday.", "12 p.m.", "TIME", "2025-05-09T12:00"},
    {"2025-05-09", "Trading halted at 12:15 a.m. sharp.", "12:15 a.m.", "TIME", "2025-05-09T00:15"},
    {"2025-05-09", "Trading halted at 14:30 GMT.", "14:30 GMT", "TIME", "2025-05-09T14:30"},
    {"2025-05-09", "Trading halted at noon.", "noon", "TIME", "2025-05-09T12:00"},
    {"2025-05-09", "Trading halted at midnight.", "midnight", "TIME", "2025-05-09T24:00"},
    {"2025-05-09", "Trading halted this morning.", "this morning", "TIME", "2025-05-09TMO"},
    {"2025-05-09", "Trading halts tonight.", "tonight", "TIME", "2025-05-09TNI"},
    {"2025-05-09", "Trading halted last night.", "last night", "TIME", "2025-05-08TNI"},
    {"2025-05-09", "Trading halted yesterday afternoon.", "yesterday afternoon", "TIME", "2025-05-08TAF"},
    {"2025-05-09", "Trading resumes tomorrow morning.", "tomorrow morning", "TIME", "2025-05-10TMO"},
    {"2025-05-09", "Trading halted Wednesday night.", "Wednesday night", "DATE", "2025-05-07"},
    {"2025-05-09", "Trading halted at 10 p.m. Wednesday.", "10 p.m. Wednesday", "TIME", "2025-05-07T22:00"},
    {"2025-05-09", "Trading will resume at noon Monday.", "noon Monday", "TIME", "2025-05-12T12:00"},
    {"1989-11-02", "It extended the offer until 5 p.m. EST Nov. 9.", "5 p.m. EST Nov. 9", "TIME", "1989-11-09T17:00"},
    {"2025-05-09", "The polls closed at 8 p.m., March 3.", "8 p.m., March 3", "TIME", "2025-03-03T20:00"},
    {"2025-05-09", "It fell nearly two years ago.", "nearly two years ago", "DATE", "2023"},
    {"2025-05-09", "It fell in January this year.", "January this year", "DATE", "2025-01"},
    {"2025-05-09", "It fell in July last year.", "July last year", "DATE", "2024-07"},
    {"2025-05-09", "Sales rose early Tuesday.", "early Tuesday", "DATE", "2025-05-06"},
    {"2025-05-09", "Earlier Tuesday, the minister resigned.", "Tuesday", "DATE", "2025-05-06"},
    {"2025-05-09", "Later Thursday the talks resumed.", "Thursday", "DATE", "2025-05-08"},
    {"2025-05-09", "Trading halted at five o'clock.", "five o'clock", "TIME", "2025-05-09T05:00"},
    {"2025-05-09", "On March 3, 2025 trading halted at 4 p.m. Officials left.", "4 p.m", "TIME", "2025-03-03T16:00"},
    {"2025-10-30", "Kellogg forecast an earnings increase for the full year.", "the full year", "DATE", "2025"},
    {"2025-10-30", "Earnings will fall in the current fiscal year.", "the current fiscal year", "DATE", "2025"},
    {"2025-10-30", "It rained for the whole year.", "the whole year", "DURATION", "P1Y"},
    {"2025-10-30", "It earned $2 million for the year ended March 31.", "the year", "DURATION", "P1Y"},
    // "the year" after a preposition is the year under discussion.
    {"2025-10-30", "For the year, unit volume was flat.", "the year", "DATE", "2025"},
    {"2025-10-30", "The shares rose to a high for the year of $40 in June.", "the year", "DATE", "2025"},
    {"2025-10-30", "In 2023 sales fell for the year as a whole.", "the year", "DATE", "2023"},
    {"2025-10-30", "Rain delayed planting earlier in the year.", "the year", "DATE", "2025"},
    {"2025-10-30", "It expects a loss for the fiscal year ending June 30.", "the fiscal year", "DURATION", "P1Y"},
    {"2025-10-30", "Sales were $37 million in 1988, a small share of imports that year.", "that year", "DATE", "1988"},
    {"2025-10-30", "She fled in June 1998 and returned later that year.", "later that year", "DATE", "1998"},
    // years said in words (broadcast transcripts)
    {"2025-05-09", "The bombing came in nineteen ninety-six.", "nineteen ninety-six", "DATE", "1996"},
    {"2025-05-09", "Then came January nineteen ninety-seven.", "January nineteen ninety-seven", "DATE", "1997-01"},
    {"2025-05-09", "Prices last fell in the winter of nineteen ninety-four.", "the winter of nineteen ninety-four", "DATE", "1994-WI"},
    {"2025-05-09", "He left in nineteen eighteen.", "nineteen eighteen", "DATE", "1918"},
    {"1998-03-03", "The plan must be ready by the year two thousand.", "the year two thousand", "DATE", "2000"},
    // quarters without an article, or with a year or "year-ago" inside
    {"2025-05-09", "It expects a loss for its fourth quarter.", "fourth quarter", "DATE", "2025-Q4"},
    {"2025-11-02", "Third quarter profit rose 5%.", "Third quarter", "DATE", "2025-Q3"},
    {"2025-11-02", "Profit rose from the 2024 third quarter.", "the 2024 third quarter", "DATE", "2024-Q3"},
    {"2025-11-02", "Profit rose from the year-ago third quarter.", "the year-ago third quarter", "DATE", "2024-Q3"},
    // typographic characters and upper case
    {"2025-05-09", "Marlow\u2011era rules ended in May\u00a02025.", "May\u00a02025", "DATE", "2025-05"},
    {"2025-05-09", "Sales rose \u201cthis week\u201d again.", "this week", "DATE", "2025-W19"},
    {"2025-05-09", "It ran 2023\u20132024 in total.", "2023", "DATE", "2023"},
    {"2025-05-09", "IT HAPPENED ON MAY 3, 2025.", "MAY 3, 2025", "DATE", "2025-05-03"},
    {"2025-05-09", "It lasted 12\u201324 months.", "12\u201324 months", "DURATION", "P12M"},
};

// Text in which `text` must NOT be (part of) a temporal expression.
struct Negative {
  const char* sentence;
  const char* text;
};

const Negative kNegatives[] = {
    {"They want the boy back as soon as possible.", "soon"},
    {"He was killed soon after being captured.", "soon"},
    {"It has nineteen employees.", "nineteen"},
    {"He scored two thousand points.", "two thousand"},
    {"The index shed 47.3 points to close at 2082.1 on the day.", "2082"},
    {"The deal is worth $5.5 billion.", "5.5"},
    {"The deal is worth $2025 million.", "2025"},
    {"The deal is worth US$2,000 per unit.", "2,000"},
    {"Revenue rose 47% in a day of trading.", "47%"},
    {"Revenue rose 2024 percent.", "2024"},
    {"Margins widened 20 percentage points.", "20"},
    {"Claude 3.5 Sonnet is a model.", "3.5"},
    {"GPT 4.1 is a model.", "4.1"},
    {"The H20 chip is restricted.", "H20"},
    {"The B200 chip is restricted.", "B200"},
    {"Version 2.3.1 fixed it.", "2.3.1"},
    {"Windows 2000 is old software.", "2000"},
    {"The Model 2024 car sold well.", "2024"},
    {"See https://www.example.org/tech/2025/05/03/corvana-mocks/ for more.", "2025/05/03"},
    {"See https://example.com/2024/01/15/story for more.", "2024"},
    {"See www.example.com/news/2023-06-01/x for more.", "2023-06-01"},
    {"Regulators may act soon.", "may"},
    {"You may recall the case.", "may"},
    {"Prices may 10 times over.", "may 10"},
    {"Thousands will march on the capital.", "march"},
    {"They marched to the square.", "marched"},
    {"Theresa May spoke to reporters.", "May"},
    {"He was a second-rate player.", "second"},
    {"The quarter-to-quarter comparison improved.", "quarter"},
    {"Now, he says, the plan is dead.", "Now"},
    {"His car was seen in the weeks before the shooting.", "weeks"},
    {"A trickle of cash soon became a flood.", "soon"},
    {"He was soon released from the hospital.", "soon"},
    {"Year-over-year growth slowed.", "Year"},
    {"She came in second place.", "second"},
    {"It is the third time he tried.", "third"},
    {"The first step is hard.", "first"},
    {"He was the fourth person to speak.", "fourth"},
    {"He bought a quarter of the shares.", "quarter"},
    {"He bought three-quarters of the shares.", "three-quarters"},
    {"A 6-year-old boy was found.", "6-year"},
    {"The 30-year-old engineer left.", "30-year"},
    {"China Daily Brief reported the story.", "Daily"},
    {"The Daily Mail reported the story.", "Daily"},
    {"The company paid its quarterly dividend.", "quarterly"},
    {"The annual meeting was long.", "annual"},
    {"The former CEO resigned.", "former"},
    {"The company immediately responded.", "immediately"},
    {"The long-term benefit is clear.", "long-term"},
    {"They already knew.", "already"},
    {"It still works.", "still"},
    {"The ongoing dispute continued.", "ongoing"},
    {"They will try once again.", "once again"},
    {"They always win.", "always"},
    {"They often win.", "often"},
    {"The score was 3-1.", "3-1"},
    {"Call 555-2024 for details.", "2024"},
    {"Buy 1998 shares of stock.", "1998"},
    {"The group has 2000 employees.", "2000"},
    {"It weighs 1500 tons.", "1500"},
    {"Room 1204 is on the left.", "1204"},
    {"He scored 12 points.", "12"},
    {"The ratio is 3:1 overall.", "3:1"},
    {"The time was real-time.", "real-time"},
    {"Its timing was bad.", "timing"},
    {"Give it time to work.", "time"},
    {"The Arab Spring began.", "Spring"},
    {"I am fine, said Sam.", "am"},
    {"The futures market rose.", "futures"},
    {"The company is confident about future earnings.", "future"},
    {"Prices fall in the long run.", "the long run"},
    {"Nobody forgot what happened that day.", "that day"},
    {"He was last seen Nov. 3, the day before authorities issued a warrant.", "the day before"},
    {"Troops stay for the foreseeable future.", "future"},
    {"Buy 3 Mar bars.", "Mar"},
    {"Jan Smith said hello.", "Jan"},
    {"The Long-Term Benefit Trust holds shares.", "Long-Term"},
};

// Whether `needle` occurs inside any tagged expression of `sentence`.
bool tagged_inside(const char* sentence, const char* needle) {
  const std::string text = sentence;
  const std::size_t at = text.find(needle);
  REQUIRE_MESSAGE(at != std::string::npos, "test error: '" << needle << "' not in '" << sentence << "'");
  const std::size_t end = at + std::string(needle).size();
  for (const Timex& t : tagger().tag(text, boost::gregorian::date(2025, 5, 9)))
    if (t.start < end && at < t.end) return true;
  return false;
}

}  // namespace

TEST_CASE("timex: positive expressions have the expected extent, type and value") {
  CHECK(std::size(kPositives) >= 200);
  for (const Positive& row : kPositives) {
    const std::string sentence = row.sentence, dct = row.dct, expected = row.text;
    CAPTURE(sentence);
    CAPTURE(dct);
    CAPTURE(expected);
    const std::vector<Timex> found = tagger().tag(row.sentence, parse_dct(row.dct));
    const Timex* match = nullptr;
    std::string got;
    for (const Timex& t : found) {
      got += "[" + t.text + "|" + evgraph::to_string(t.type) + "|" + t.value + "] ";
      if (t.text == row.text) match = &t;
    }
    CAPTURE(got);
    REQUIRE_MESSAGE(match, "expected '" << row.text << "'");
    CHECK(std::string(evgraph::to_string(match->type)) == std::string(row.type));
    CHECK(match->value == std::string(row.value));
    CHECK(std::string(row.sentence).substr(match->start, match->end - match->start) == row.text);
  }
}

TEST_CASE("timex: negatives are never tagged") {
  CHECK(std::size(kNegatives) >= 50);
  for (const Negative& row : kNegatives) {
    const std::string sentence = row.sentence;
    CAPTURE(sentence);
    CHECK_FALSE(tagged_inside(row.sentence, row.text));
  }
}

TEST_CASE("impossible or out-of-range calendar values are not emitted") {
  auto values = [](const char* dct, const char* sentence) {
    std::vector<std::string> out;
    for (const Timex& t : tagger().tag(sentence, parse_dct(dct))) out.push_back(t.value);
    return out;
  };
  for (const std::string& v : values("2025-05-01", "The memo is dated February 30, 2025 and 2025-13-01."))
    CHECK_MESSAGE((v != "2025-02-30" && v != "2025-13-01"), v);
  // Arithmetic near the end of Boost.DateTime's range never yields a five-digit year.
  for (const std::string& v : values("9999-12-31", "It starts on March 3 and ends next year."))
    CHECK_MESSAGE(v.find("10000") == std::string::npos, v);
  // Old years are still years.
  const auto old = values("2025-05-01", "The town was founded in 1850.");
  CHECK(std::find(old.begin(), old.end(), "1850") != old.end());
}
