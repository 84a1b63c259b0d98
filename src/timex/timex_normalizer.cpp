#include "evgraph/timex_normalizer.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <vector>

#include <boost/container/small_vector.hpp>
#include <boost/date_time/gregorian/gregorian.hpp>
#include <fmt/format.h>

namespace evgraph {
namespace {

namespace bg = boost::gregorian;

// ASCII only, as the "C" locale has it, inline: the <cctype> calls were a tenth of slot().
bool is_ascii_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Lowercase, with whitespace runs as one space and none at either end.
std::string lowercase(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (is_ascii_space(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += ascii_lower(c);
  }
  return out;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<int> to_int(std::string_view s) {
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  int value = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || ptr != s.data() + s.size()) return std::nullopt;
  return value;
}

std::optional<double> to_number(std::string_view s) {
  if (auto i = to_int(s)) return *i;
  // std::stod without its exceptions (a throw cost ~16k instructions, for every
  // "few" or "several"): the same strtod call and the same two failure checks.
  const std::string copy(s);
  char* end = nullptr;
  const int saved_errno = errno;
  errno = 0;
  const double d = std::strtod(copy.c_str(), &end);
  const bool out_of_range = errno == ERANGE;
  errno = saved_errno;
  if (end == copy.c_str() || out_of_range) return std::nullopt;
  if (static_cast<std::size_t>(end - copy.c_str()) == s.size()) return d;
  return std::nullopt;
}

// Appends `value` zero-padded to `width` digits, as fmt's "{:0Nd}" would: the
// normalizer's most frequent formats, without parsing a format string each time.
void append_padded(std::string& out, int value, int width) {
  if (value < 0) {
    out += fmt::format("{:0{}d}", value, width);
    return;
  }
  char digits[12];
  const char* end = std::to_chars(digits, digits + sizeof digits, value).ptr;
  for (int n = static_cast<int>(end - digits); n < width; ++n) out += '0';
  out.append(digits, static_cast<std::size_t>(end - digits));
}

std::string padded(int value, int width) {
  std::string out;
  append_padded(out, value, width);
  return out;
}

std::string pad2(int v) { return padded(v, 2); }

// Coarseness of a granularity: smaller is finer.
int rank(std::string_view g) {
  if (g == "D") return 0;
  if (g == "W" || g == "WE") return 1;
  if (g == "M") return 2;
  if (g == "S") return 3;
  if (g == "Q") return 4;
  if (g == "H") return 5;
  if (g == "Y") return 6;
  if (g == "DE") return 7;
  if (g == "CE") return 8;
  return 9;
}

bool valid_year(int y) { return y >= 1400 && y <= 9999; }

// The first day of the period of `granularity` containing `d`.
bg::date period_start(bg::date d, std::string_view g) {
  const int y = d.year(), m = d.month();
  if (g == "W" || g == "WE") return d - bg::days((d.day_of_week().as_number() + 6) % 7);
  if (g == "M" || g == "S") return bg::date(y, m, 1);
  if (g == "Q") return bg::date(y, (m - 1) / 3 * 3 + 1, 1);
  if (g == "H") return bg::date(y, m <= 6 ? 1 : 7, 1);
  if (g == "Y") return bg::date(y, 1, 1);
  if (g == "DE") return bg::date(y / 10 * 10, 1, 1);
  if (g == "CE") return bg::date(y / 100 * 100, 1, 1);
  return d;
}

std::optional<bg::date> shift(bg::date d, std::string_view unit, int n) {
  try {
    bg::date start = period_start(d, unit);
    bg::date out = start;
    if (unit == "D") out = d + bg::days(n);
    else if (unit == "W" || unit == "WE") out = start + bg::weeks(n);
    // Months keep the day ("a month after March 3" is April 3); the period is the same either way.
    else if (unit == "M" || unit == "S") out = d + bg::months(n);
    else if (unit == "Q") out = d + bg::months(3 * n);
    else if (unit == "H") out = d + bg::months(6 * n);
    else if (unit == "Y") out = d + bg::years(n);
    else if (unit == "DE") out = start + bg::years(10 * n);
    else if (unit == "CE") out = start + bg::years(100 * n);
    else return std::nullopt;
    if (!valid_year(out.year())) return std::nullopt;
    return out;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

std::string season_of(bg::date d, int* year) {
  const int m = d.month();
  *year = d.year();
  if (m >= 3 && m <= 5) return "SP";
  if (m >= 6 && m <= 8) return "SU";
  if (m >= 9 && m <= 11) return "FA";
  if (m <= 2) *year -= 1;
  return "WI";
}

int season_start_month(std::string_view code) {
  if (code == "SP") return 3;
  if (code == "SU") return 6;
  if (code == "FA") return 9;
  if (code == "WI") return 12;
  return 0;
}

std::string underspecified(std::string_view unit) {
  if (unit == "D") return "XXXX-XX-XX";
  if (unit == "W") return "XXXX-WXX";
  if (unit == "WE") return "XXXX-WXX-WE";
  if (unit == "M") return "XXXX-XX";
  if (unit == "Q") return "XXXX-QX";
  if (unit == "H") return "XXXX-HX";
  if (unit == "DE") return "XXX";
  if (unit == "CE") return "XX";
  return "XXXX";
}

// "--1" can appear when a template says "-{num}" and num is itself negative.
std::string fold_signs(std::string s) {
  if (s.starts_with("--")) return s.substr(2);
  if (s.starts_with("-+") || s.starts_with("+-")) return "-" + s.substr(2);
  return s;
}

// A function's arguments, blanks dropped and signs folded. Functions take a handful
// of short arguments: they stay inline, with no allocation.
using Args = boost::container::small_vector<std::string, 6>;

Args split_args(std::string_view args) {
  Args out(1);
  for (char c : args) {
    if (c == ',') out.emplace_back();
    else if (!is_ascii_space(c)) out.back() += c;
  }
  for (std::string& arg : out) arg = fold_signs(std::move(arg));
  return out;
}

// Weekday `wd` (1 = Monday) near the DCT: n < 0 the one before, n > 0 the one after,
// n == 0 chosen by the tense (past: on or before the DCT).
std::string weekday_date(int wd, int n, const TimexContext& context) {
  if (!context.dct) return fmt::format("XXXX-WXX-{}", wd);
  const bg::date dct = *context.dct;
  const int today = (dct.day_of_week().as_number() + 6) % 7 + 1;
  const int back = (today - wd + 7) % 7, forward = (wd - today + 7) % 7;
  int offset = 0;
  if (n < 0) offset = -(back == 0 ? 7 : back);
  else if (n > 0) offset = forward == 0 ? 7 : forward;
  else if (context.tense == Tense::past) offset = -back;
  else if (context.tense == Tense::future) offset = forward;
  else offset = back <= 5 ? -back : forward;  // news mostly reports the days just past
  return format_timex_date(dct + bg::days(offset), "D");
}

std::optional<std::string> duration(std::string_view amount, std::string_view unit) {
  static const std::pair<std::string_view, std::string_view> kUnits[] = {
      {"Y", "Y"}, {"M", "M"}, {"W", "W"}, {"D", "D"}, {"Q", "Q"}, {"WE", "WE"}, {"DE", "DE"}, {"CE", "CE"}};
  const bool clock = unit == "H" || unit == "MIN" || unit == "S";
  if (amount == "X") {
    if (clock) return fmt::format("PTX{}", unit == "MIN" ? "M" : unit);
    return fmt::format("PX{}", unit);
  }
  auto number = to_number(amount);
  if (!number || *number < 0) return std::nullopt;
  double n = *number;
  std::string_view u = unit;
  // A fraction goes to the next smaller unit, as TimeBank writes it: 2 1/2 years -> P2Y6M,
  // a minute and a half -> PT1M30S, half an hour -> PT30M.
  if (n != std::floor(n)) {
    struct Split { std::string_view unit; double factor; std::string_view whole, part; };
    static constexpr Split kSplits[] = {{"Y", 12, "P{}Y", "{}M"}, {"D", 24, "P{}DT", "{}H"},
                                        {"H", 60, "PT{}H", "{}M"}, {"MIN", 60, "PT{}M", "{}S"}};
    for (const Split& split : kSplits) {
      const double whole = std::floor(n), part = (n - whole) * split.factor;
      if (u != split.unit || part != std::floor(part)) continue;
      std::string out = fmt::format(fmt::runtime(split.whole), static_cast<long long>(whole));
      if (whole == 0) {  // "P0Y6M" -> "P6M", "P0DT12H" -> "PT12H"
        out = out.substr(0, out.find('0'));
        if (split.unit == "D") out += 'T';
      }
      return out + fmt::format(fmt::runtime(split.part), static_cast<long long>(part));
    }
    if (u == "DE") n *= 10, u = "Y";
    else if (u == "CE") n *= 100, u = "Y";
  }
  if (u == "DE") n *= 10, u = "Y";
  if (u == "CE") n *= 100, u = "Y";
  std::string count = n == std::floor(n) ? fmt::format("{}", static_cast<long long>(n)) : fmt::format("{}", n);
  if (u == "H") return "PT" + count + "H";
  if (u == "MIN") return "PT" + count + "M";
  if (u == "S") return "PT" + count + "S";
  for (auto [name, code] : kUnits)
    if (u == name) return "P" + count + std::string(code);
  return std::nullopt;
}

// Months covered by a yearless value's remainder ("-06", "-06-15", "-Q3", "-H2", "-SU").
std::optional<std::pair<int, int>> months_of(std::string_view rest) {
  if (rest.size() >= 3 && rest[0] == '-' && std::isdigit(static_cast<unsigned char>(rest[1]))) {
    auto m = to_int(rest.substr(1, 2));
    if (m && *m >= 1 && *m <= 12) return std::pair{*m, *m};
    return std::nullopt;
  }
  if (rest.size() == 3 && rest[1] == 'Q' && rest[2] >= '1' && rest[2] <= '4') {
    int q = rest[2] - '0';
    return std::pair{3 * q - 2, 3 * q};
  }
  if (rest.size() == 3 && rest[1] == 'H' && (rest[2] == '1' || rest[2] == '2')) return rest[2] == '1' ? std::pair{1, 6} : std::pair{7, 12};
  if (rest.size() == 3) {
    int s = season_start_month(rest.substr(1));
    if (s == 12) return std::pair{12, 12};
    if (s) return std::pair{s, s + 2};
  }
  return std::nullopt;
}

// The year of a yearless value whose remainder is `head` ("-06", "-Q3", "-SU"): a year
// mentioned just before, else the DCT's year moved by the tense; nullopt without either.
std::optional<int> year_of_yearless(std::string_view head, const TimexContext& context) {
  const auto months = months_of(head);
  std::optional<int> year;
  // A year just mentioned sets the scene, unless the tense contradicts it: "invited in
  // July 1997, will join on March 12" is not 1997.
  const bool contradicted = context.narrative_year && context.dct &&
                            ((context.tense == Tense::future && *context.narrative_year < context.dct->year()) ||
                             (context.tense == Tense::past && *context.narrative_year > context.dct->year()));
  if (context.narrative_year && !contradicted) {
    year = context.narrative_year;
  } else if (context.dct && months) {
    const int y = context.dct->year(), m = context.dct->month();
    year = y;
    // A past-tense sentence about the next month or two mostly reports a plan ("told
    // them of a cutback in September" in August); news gives the year of older months.
    // A quarter or season not yet begun cannot have results to report: last year's.
    const int past_reach = std::isdigit(static_cast<unsigned char>(head[1])) ? 2 : 0;
    if (context.nearest && context.tense == Tense::future) {
      // "by March", "until March": the nearest March; half a year off is ahead.
      if (months->first - m > 6) year = y - 1;
      else if (m - months->second >= 6) year = y + 1;
    } else if (context.tense == Tense::past && months->first - m > past_reach) year = y - 1;
    // Reports about a period follow it: "expects to report third-quarter results" in
    // November is this year's third quarter, so only a period well before the DCT moves ahead.
    else if (context.tense == Tense::future && m - months->second > (head[1] == 'Q' || head[1] == 'H' ? 3 : 0))
      year = y + 1;
    else if (context.tense == Tense::unknown || context.tense == Tense::present) {
      // No tense: the occurrence nearest the DCT (news mostly reports the last few months).
      if (months->first - m > 6) year = y - 1;
      else if (m - months->second > 6) year = y + 1;
    }
  }
  return year;
}

// A holiday's date in `year`: code "MM-DD", or "MM-W-N" for the Nth weekday W (1 = Monday)
// of month MM, N = L for the last ("11-4-4": Thanksgiving, the fourth Thursday of November).
std::optional<bg::date> holiday_date(const std::vector<std::string>& code, int year) {
  try {
    auto month = to_int(code[0]);
    if (!month || *month < 1 || *month > 12 || !valid_year(year)) return std::nullopt;
    if (code.size() == 2) {
      auto day = to_int(code[1]);
      if (!day) return std::nullopt;
      return bg::date(year, *month, *day);
    }
    auto wd = to_int(code[1]);
    if (code.size() != 3 || !wd || *wd < 1 || *wd > 7) return std::nullopt;
    const bg::greg_weekday weekday(*wd % 7);
    if (code[2] == "L") return bg::last_day_of_the_week_in_month(weekday, *month).get_date(year);
    auto n = to_int(code[2]);
    if (!n || *n < 1 || *n > 5) return std::nullopt;
    using nth = bg::nth_day_of_the_week_in_month;
    return nth(static_cast<nth::week_num>(*n), weekday, *month).get_date(year);
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace

std::string format_timex_date(bg::date d, std::string_view g) {
  const int y = d.year();
  if (g == "D" || g == "M") {
    std::string out;
    append_padded(out, y, 4);
    out += '-';
    append_padded(out, static_cast<int>(d.month()), 2);
    if (g == "D") {
      out += '-';
      append_padded(out, static_cast<int>(d.day()), 2);
    }
    return out;
  }
  if (g == "W" || g == "WE") {
    const int week = d.week_number();
    int iso_year = y;
    if (week >= 52 && d.month() == 1) --iso_year;
    if (week == 1 && d.month() == 12) ++iso_year;
    return fmt::format("{:04d}-W{:02d}{}", iso_year, week, g == "WE" ? "-WE" : "");
  }
  if (g == "Q") return fmt::format("{:04d}-Q{}", y, (d.month() - 1) / 3 + 1);
  if (g == "H") return fmt::format("{:04d}-H{}", y, d.month() <= 6 ? 1 : 2);
  if (g == "S") {
    int season_year = 0;
    std::string code = season_of(d, &season_year);
    return fmt::format("{:04d}-{}", season_year, code);
  }
  if (g == "DE") return fmt::format("{:03d}", y / 10);
  if (g == "CE") return fmt::format("{:02d}", y / 100);
  return padded(y, 4);
}

std::optional<TimexAnchor> parse_timex_anchor(std::string_view v) {
  if (v.size() < 4 || !all_digits(v.substr(0, 4))) return std::nullopt;
  const int y = *to_int(v.substr(0, 4));
  if (!valid_year(y)) return std::nullopt;
  try {
    if (v.size() == 4) return TimexAnchor{bg::date(y, 1, 1), "Y"};
    std::string_view rest = v.substr(4);
    if (rest.size() >= 3 && rest[0] == '-' && all_digits(rest.substr(1, 2))) {
      const int m = *to_int(rest.substr(1, 2));
      if (m < 1 || m > 12) return std::nullopt;
      if (rest.size() >= 6 && rest[3] == '-' && all_digits(rest.substr(4, 2))) {
        const int d = *to_int(rest.substr(4, 2));
        return TimexAnchor{bg::date(y, m, d), "D"};
      }
      return TimexAnchor{bg::date(y, m, 1), "M"};
    }
    if (rest.starts_with("-W") && rest.size() >= 4 && all_digits(rest.substr(2, 2))) {
      const int week = *to_int(rest.substr(2, 2));
      // Monday of ISO week 1 is the Monday on or before January 4.
      bg::date jan4(y, 1, 4);
      bg::date monday = jan4 - bg::days((jan4.day_of_week().as_number() + 6) % 7) + bg::weeks(week - 1);
      return TimexAnchor{monday, rest.ends_with("-WE") ? "WE" : "W"};
    }
    if (auto months = months_of(rest)) {
      std::string g = rest[1] == 'Q' ? "Q" : rest[1] == 'H' ? "H" : "S";
      return TimexAnchor{bg::date(y, months->first, 1), g};
    }
  } catch (const std::exception&) {
  }
  return std::nullopt;
}

std::optional<std::string> TimexNormalizer::slot(std::string_view name, std::string_view text,
                                                 const TimexContext& context) const {
  while (!name.empty() && std::isdigit(static_cast<unsigned char>(name.back()))) name.remove_suffix(1);
  std::string key = lowercase(text);
  if (key.empty()) return std::string();
  if (name != "mod" && key.size() > 1 && key.back() == '.') key.pop_back();
  auto lookup = [&](std::string_view table) -> std::optional<std::string> {
    auto t = resources_->norms.find(table);
    if (t == resources_->norms.end()) return std::nullopt;
    auto it = t->second.find(key);
    if (it != t->second.end()) return it->second;
    return std::nullopt;
  };
  if (name == "year") {
    if (!key.empty() && key.front() == '\'') key.erase(0, 1);
    if (!all_digits(key)) return std::nullopt;
    if (key.size() == 4) return key;
    if (key.size() != 2) return std::nullopt;
    const int yy = *to_int(key);
    // Two-digit years: the century that puts the year nearest the DCT (or 19xx for 30-99).
    int pivot = context.dct ? static_cast<int>(context.dct->year()) : 2000;
    int candidate = pivot / 100 * 100 + yy;
    if (candidate > pivot + 10) candidate -= 100;
    else if (candidate < pivot - 90) candidate += 100;
    if (!context.dct) candidate = yy >= 30 ? 1900 + yy : 2000 + yy;
    return padded(candidate, 4);
  }
  if (name == "day" || name == "month" || name == "hour" || name == "minute") {
    std::string digits = key;
    while (!digits.empty() && std::isalpha(static_cast<unsigned char>(digits.back()))) digits.pop_back();
    if (all_digits(digits)) return pad2(*to_int(digits));
    if (name == "hour") {
      if (auto n = slot("num", text, context); n && all_digits(*n)) return pad2(*to_int(*n));
      return std::nullopt;
    }
    return lookup(name);
  }
  if (name == "ordinal") {
    std::string digits = key;
    while (!digits.empty() && std::isalpha(static_cast<unsigned char>(digits.back()))) digits.pop_back();
    if (all_digits(digits)) return digits;
    return lookup(name);
  }
  if (name == "num") {
    if (to_number(key)) return key;
    // "2 1/2": a whole number and a fraction.
    if (const std::size_t space = key.find(' '), slash = key.find('/');
        space != std::string::npos && slash != std::string::npos && slash > space) {
      auto whole = to_int(key.substr(0, space));
      auto above = to_int(key.substr(space + 1, slash - space - 1));
      auto below = to_int(key.substr(slash + 1));
      if (whole && above && below && *below > 0 && *above < *below)
        return fmt::format("{}", *whole + static_cast<double>(*above) / *below);
    }
    if (auto v = lookup("num")) return v;
    // Compounds: "twenty-four", "twenty four".
    int total = 0;
    std::string word;
    std::string spaced = key;
    std::replace(spaced.begin(), spaced.end(), '-', ' ');
    spaced += ' ';
    for (char c : spaced) {
      if (c != ' ') {
        word += c;
        continue;
      }
      if (word.empty()) continue;
      std::string saved = key;
      key = word;
      auto part = lookup("num");
      key = saved;
      if (!part || !all_digits(*part)) return std::nullopt;
      total += *to_int(*part);
      word.clear();
    }
    return std::to_string(total);
  }
  if (name == "ampm") return std::string(1, key[0]);
  if (name == "decade" || name == "half") {
    std::string digits = key;
    if (!digits.empty() && digits.front() == '\'') digits.erase(0, 1);
    if (all_digits(digits)) return digits;
    return lookup(name);
  }
  if (name == "weekday") {
    if (auto v = lookup(name)) return v;
    if (key.size() > 1 && key.back() == 's') {  // "Mondays"
      key.pop_back();
      return lookup(name);
    }
    return std::nullopt;
  }
  if (name == "mod") {
    if (auto v = lookup(name)) return v;
    if (!key.empty() && key.back() == '-') key.pop_back();
    if (auto v = lookup(name)) return v;
    return std::string();  // an unknown modifier is dropped, not fatal
  }
  if (name == "x" || name == "tz" || name == "ext") return std::string(text);
  return lookup(name);
}

std::optional<std::string> TimexNormalizer::evaluate(std::string_view filled, TimexType type,
                                                     const TimexContext& context) const {
  std::string result;
  if (!filled.empty() && filled.front() == '@') {
    const std::size_t open = filled.find('(');
    const std::size_t close = filled.find(')', open);
    if (open == std::string_view::npos || close == std::string_view::npos) return std::nullopt;
    const std::string_view name = filled.substr(1, open - 1);
    const Args args = split_args(filled.substr(open + 1, close - open - 1));
    const std::string_view suffix = filled.substr(close + 1);
    static const std::string kMissing;
    auto arg = [&](std::size_t i) -> const std::string& { return i < args.size() ? args[i] : kMissing; };
    std::optional<std::string> base;

    auto from_anchor = [&](bg::date anchor, const std::string& unit, const std::string& n_text) -> std::optional<std::string> {
      auto n = to_int(n_text);
      if (!n) {
        if (n_text.empty()) return std::nullopt;
        return n_text.front() == '-' ? "PAST_REF" : "FUTURE_REF";
      }
      auto shifted = shift(anchor, unit, *n);
      if (!shifted) return std::nullopt;
      return format_timex_date(*shifted, unit);
    };

    if (name == "dct") {
      if (rank(arg(0)) > 8) return std::nullopt;
      if (context.dct) base = from_anchor(*context.dct, arg(0), arg(1));
      else base = to_int(arg(1)) ? underspecified(arg(0)) : (arg(1).starts_with("-") ? "PAST_REF" : "FUTURE_REF");
    } else if (name == "ref") {
      const std::string unit = arg(0);
      if (rank(unit) > 8) return std::nullopt;
      if (context.reference && rank(context.reference->granularity) <= rank(unit))
        base = from_anchor(context.reference->date, unit, arg(1));
      else if (context.dct)
        base = from_anchor(*context.dct, unit, arg(1));
      else
        base = underspecified(unit);
    } else if (name == "refexact") {
      // The last mentioned date if it has exactly this granularity, else the DCT shifted by arg 2.
      const std::string unit = arg(0);
      if (rank(unit) > 8) return std::nullopt;
      // "ended": "the latest quarter" is over, so a quarter named in an outlook is not it.
      const auto ended = [&](bg::date d) {
        auto next = shift(d, unit, 1);
        return arg(3) != "ended" || !context.dct || (next && *next <= *context.dct);
      };
      if (context.reference && context.reference->granularity == unit && ended(context.reference->date))
        base = from_anchor(context.reference->date, unit, arg(1));
      else if (context.dct)
        base = from_anchor(*context.dct, unit, arg(2).empty() ? arg(1) : arg(2));
      else
        base = underspecified(unit);
    } else if (name == "refkeep") {
      const std::string unit = arg(0);
      auto n = to_int(arg(1));
      if (rank(unit) > 8) return std::nullopt;
      // "a year earlier" shifts the period under discussion; "a day earlier" the day itself.
      const auto& reference = rank(unit) >= rank("M") && context.period_reference ? context.period_reference : context.reference;
      if (reference && n) {
        const std::string& g = reference->granularity;
        std::string out_g = g;
        if (out_g == "S") out_g = "M";
        auto shifted = shift(reference->date, unit, *n);
        if (!shifted) return std::nullopt;
        base = format_timex_date(*shifted, out_g);
      } else if (context.dct) {
        base = from_anchor(*context.dct, unit, arg(1));
      } else {
        base = n ? underspecified(unit) : (arg(1).starts_with("-") ? "PAST_REF" : "FUTURE_REF");
      }
    } else if (name == "refin") {
      auto year = to_int(arg(0));
      if (!year || !valid_year(*year)) return std::nullopt;
      const auto& reference = context.period_reference ? context.period_reference : context.reference;
      const std::string g = !arg(1).empty() ? arg(1) : reference ? reference->granularity : "Y";
      if (g != "Q" && g != "H") {
        base = padded(*year, 4);
      } else if (reference && (reference->granularity == g || rank(reference->granularity) < rank(g))) {
        const bg::date d = reference->date;
        base = format_timex_date(bg::date(static_cast<unsigned short>(*year), d.month(), 1), g);
      } else {
        base = fmt::format("{:04d}-{}X", *year, g);
      }
    } else if (name == "refweekday") {
      auto wd = to_int(arg(0));
      auto n = to_int(arg(1));
      if (!wd || *wd < 1 || *wd > 7 || !n || *n == 0) return std::nullopt;
      std::optional<bg::date> day;
      if (context.reference && context.reference->granularity == "D") day = context.reference->date;
      else if (context.dct) day = *context.dct;
      if (!day) {
        base = fmt::format("XXXX-WXX-{}", *wd);
      } else {
        const int today = (day->day_of_week().as_number() + 6) % 7 + 1;
        int offset = *n < 0 ? -((today - *wd + 7) % 7) : (*wd - today + 7) % 7;
        if (offset == 0) offset = *n < 0 ? -7 : 7;
        base = format_timex_date(*day + bg::days(offset), "D");
      }
    } else if (name == "weekday") {
      auto wd = to_int(arg(0));
      auto n = to_int(arg(1).empty() ? "0" : arg(1));
      if (!wd || *wd < 1 || *wd > 7 || !n) return std::nullopt;
      base = weekday_date(*wd, *n, context);
    } else if (name == "weekend") {
      if (!context.dct) {
        base = "XXXX-WXX-WE";
      } else {
        const bg::date dct = *context.dct;
        const int today = (dct.day_of_week().as_number() + 6) % 7 + 1;
        const bool past = context.tense == Tense::past && today < 6;
        base = format_timex_date(dct - bg::weeks(past ? 1 : 0), "WE");
      }
    } else if (name == "season") {
      const std::string code = arg(0);
      const int start = season_start_month(code);
      auto n = to_int(arg(1));
      if (!start || !n) return std::nullopt;
      if (!context.dct) {
        base = "XXXX-" + code;
      } else {
        const int y = context.dct->year(), m = context.dct->month();
        int year = y;
        if (*n < 0) year = m >= start + 3 ? y : y - 1;
        else if (*n > 0) year = m < start ? y : y + 1;
        base = fmt::format("{:04d}-{}", year, code);
      }
    } else if (name == "monthshift") {
      auto month = to_int(arg(0));
      auto n = to_int(arg(1));
      if (!month || !n) return std::nullopt;
      if (!context.dct) {
        base = fmt::format("XXXX-{:02d}", *month);
      } else {
        const int y = context.dct->year(), m = context.dct->month();
        int year = y;
        if (*n < 0) year = *month < m ? y : y - 1;
        else if (*n > 0) year = *month > m ? y : y + 1;
        base = fmt::format("{:04d}-{:02d}", year, *month);
      }
    } else if (name == "holiday") {
      // @holiday(CODE) by context, @holiday(CODE,YEAR), or @holiday(CODE,,SHIFT): the last
      // (-1) or next (1) one from the DCT.
      std::vector<std::string> code(1);
      for (char c : arg(0)) {
        if (c == '-') code.emplace_back();
        else code.back() += c;
      }
      if (code.size() < 2 || code[0].size() != 2) return std::nullopt;
      std::optional<int> year = to_int(arg(1));
      const std::optional<int> n = to_int(arg(2));
      if (!year && n && *n != 0 && context.dct) {
        const bg::date dct = *context.dct;
        for (int y = dct.year(), k = 0; k < 2 && !year; ++k, y += *n < 0 ? -1 : 1)
          if (auto d = holiday_date(code, y); d && (*n < 0 ? *d < dct : *d > dct)) year = y;
      }
      if (!year) year = year_of_yearless("-" + code[0], context);
      if (!year && n && context.dct) year = context.dct->year();
      if (!year) {
        base = code.size() == 2 ? "XXXX-" + arg(0) : "XXXX-" + code[0];
      } else {
        auto d = holiday_date(code, *year);
        if (!d) return std::nullopt;
        base = format_timex_date(*d, "D");
      }
    } else if (name == "dur") {
      base = duration(arg(0), arg(1));
    } else if (name == "time") {
      auto hour = to_int(arg(0));
      if (!hour || *hour > 24) return std::nullopt;
      const int minute = arg(1).empty() ? 0 : to_int(arg(1)).value_or(0);
      int h = *hour;
      if (arg(2) == "p" && h < 12) h += 12;
      if (arg(2) == "a" && h == 12) h = 0;
      std::string day;
      if (auto wd = to_int(arg(3)); wd && *wd >= 1 && *wd <= 7)
        day = weekday_date(*wd, 0, context);
      else if (arg(4).size() == 5 && arg(4)[2] == '-')  // "MM-DD" from the text: its year comes last
        day = "XXXX-" + arg(4);
      else if (context.reference && context.reference->granularity == "D")
        day = format_timex_date(context.reference->date, "D");
      else if (context.dct)
        day = format_timex_date(*context.dct, "D");
      else
        day = "XXXX-XX-XX";
      base = fmt::format("{}T{:02d}:{:02d}", day, h, minute);
    } else if (name == "century") {
      auto n = to_int(arg(0));
      if (!n || *n < 1 || *n > 99) return std::nullopt;
      base = fmt::format("{:02d}", *n - 1);
    } else if (name == "decade") {
      std::string d = arg(0);
      if (d.size() == 4 && all_digits(d)) base = d.substr(0, 3);
      else if (d.size() == 2 && all_digits(d)) base = (d[0] <= '2' ? "20" : "19") + d.substr(0, 1);
      else if (d.size() == 1 && all_digits(d)) base = "19" + d;
      else return std::nullopt;
    } else {
      return std::nullopt;
    }
    if (!base) return std::nullopt;
    result = *base + std::string(suffix);
  } else {
    result = std::string(filled);
  }

  // A yearless date takes its year from the text, else from the DCT and the tense.
  if ((type == TimexType::date || type == TimexType::time) && result.starts_with("XXXX-") &&
      !result.starts_with("XXXX-WXX") && !result.starts_with("XXXX-XX")) {
    std::string_view rest = std::string_view(result).substr(4);
    std::string_view head = rest.substr(0, rest.find('T'));
    if (head.size() > 3 && head[3] == '-') head = head.substr(0, 3);  // "-MM-DD" -> "-MM"
    const std::optional<int> year = year_of_yearless(head, context);
    if (year) result = padded(*year, 4) + std::string(rest);
  }
  return result;
}

}  // namespace evgraph
