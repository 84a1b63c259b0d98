// Choosing a document's creation time (DCT). Order: --dct, the sidecar's `published`
// (a full date), then inference from the text: a dateline (a full date near the top),
// a /YYYY/MM/DD/ date in the sidecar URL or a URL in the text, the latest full explicit
// date; else none. A partial `published` (2025-05) is used as its first day only when
// nothing better is found.

#include <re2/re2.h>

#include "evgraph/timex.h"

namespace evgraph {
namespace {

namespace bg = boost::gregorian;

std::optional<bg::date> full_date(std::string_view value) {
  if (value.size() != 10) return std::nullopt;
  if (auto d = PartialDate::parse(value); d && d->precision() == DatePrecision::day) return d->first_day();
  return std::nullopt;
}

std::optional<bg::date> date_in_url(std::string_view text) {
  static const RE2 url_date(R"((?:https?://|www\.)[^\s)\]"]*?/((?:19|20)\d\d)[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?:[/_.-]|$))");
  re2::StringPiece input(text.data(), text.size());
  std::string y, m, d;
  if (RE2::FindAndConsume(&input, url_date, &y, &m, &d)) return full_date(y + "-" + m + "-" + d);
  return std::nullopt;
}

const TimexTagger& builtin_tagger() {
  static const TimexTagger tagger(Resources::builtin());
  return tagger;
}

}  // namespace

DctInfo resolve_dct(const Document& doc, std::optional<bg::date> cli, const Resources& resources) {
  if (auto known = known_dct(doc, cli)) return *known;
  if (&resources == &Resources::builtin()) return resolve_dct(doc, cli, builtin_tagger());
  return resolve_dct(doc, cli, TimexTagger(resources));
}

std::optional<DctInfo> known_dct(const Document& doc, std::optional<bg::date> cli) {
  if (cli) return DctInfo{cli, DctSource::cli};
  if (doc.meta.published && doc.meta.published->precision() == DatePrecision::day)
    return DctInfo{doc.meta.published->first_day(), DctSource::meta};
  return std::nullopt;
}

DctInfo resolve_dct(const Document& doc, std::optional<bg::date> cli, const TimexTagger& tagger) {
  if (auto known = known_dct(doc, cli)) return *known;
  return infer_dct(doc, tagger.tag(doc.text, std::nullopt));
}

DctInfo infer_dct(const Document& doc, const std::vector<Timex>& timexes) {
  // A dateline: a full date within the first few lines.
  std::size_t head = 0;
  for (int newlines = 0; head < doc.text.size() && head < 400 && newlines < 3; ++head)
    if (doc.text[head] == '\n') ++newlines;
  for (const Timex& t : timexes) {
    if (t.start >= head) break;
    if (auto d = full_date(t.value)) return {d, DctSource::inferred};
  }
  if (auto d = date_in_url(doc.meta.url)) return {d, DctSource::inferred};
  if (auto d = date_in_url(doc.text)) return {d, DctSource::inferred};
  std::optional<bg::date> latest;
  for (const Timex& t : timexes)
    if (auto d = full_date(t.value); d && (!latest || *d > *latest)) latest = d;
  if (latest) return {latest, DctSource::inferred};
  if (doc.meta.published) return {doc.meta.published->first_day(), DctSource::meta};
  return {std::nullopt, DctSource::none};
}

}  // namespace evgraph
