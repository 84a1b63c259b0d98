// The temporal tagger: finds temporal expressions in text and normalizes them
// TIMEX3-style against the document creation time (DCT).
//
//   TimexTagger tagger(Resources::builtin());
//   for (const Timex& t : tagger.tag(text, dct)) ...   // t.value == "2025-05-03"
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include "evgraph/ingest.h"
#include "evgraph/resources.h"
#include "evgraph/utf8.h"

namespace evgraph {

enum class TimexType { date, time, duration, set };
const char* to_string(TimexType type);  // "DATE", "TIME", "DURATION", "SET"

struct Timex {
  std::size_t start = 0;  // UTF-8 byte offsets into the original text, end exclusive
  std::size_t end = 0;
  std::string text;
  TimexType type = TimexType::date;
  std::string value;      // TIMEX3 value: 2025, 2025-05, 2025-05-03, 2025-W18, 2024-Q3, P2Y, PRESENT_REF, XXXX-06 ...
  std::string range_max;  // upper bound of a range ("12-24 month" -> value P12M, range_max P24M), else empty
  std::string mod;        // TIMEX3 mod (START, MID, END, APPROX, ...), else empty
};

enum class DctSource { meta, cli, inferred, none };
const char* to_string(DctSource source);  // "meta", "cli", "inferred", "none"

struct DctInfo {
  std::optional<boost::gregorian::date> dct;
  DctSource source = DctSource::none;
};

// The DCT of a document: `cli` if given, else sidecar metadata, else inferred
// from the text (dateline, date inside a URL, latest full explicit date), else none.
DctInfo resolve_dct(const Document& doc, std::optional<boost::gregorian::date> cli,
                    const Resources& resources = Resources::builtin());

class TimexTagger;
// The same with a tagger already built (building one per document costs a regex compile per rule).
DctInfo resolve_dct(const Document& doc, std::optional<boost::gregorian::date> cli, const TimexTagger& tagger);

// The first two steps of resolve_dct: `cli`, else a full `published` date; nullopt when
// the DCT has to be inferred.
std::optional<DctInfo> known_dct(const Document& doc, std::optional<boost::gregorian::date> cli);
// The rest: the DCT inferred from the text and its expressions tagged without a DCT.
DctInfo infer_dct(const Document& doc, const std::vector<Timex>& undated_timexes);

// A document's DCT (as resolve_dct chooses it) and its expressions normalized against it.
struct DatedTimexes {
  DctInfo dct;
  std::vector<Timex> timexes;
};

class TimexTagger {
 public:
  // Loads patterns and normalization tables from `resources` ("en/timex/...").
  // Throws std::runtime_error naming file and line when a resource is malformed.
  explicit TimexTagger(const Resources& resources = Resources::builtin());
  ~TimexTagger();
  TimexTagger(TimexTagger&&) noexcept;
  TimexTagger& operator=(TimexTagger&&) noexcept;

  // Thread-safe; sorted by start, non-overlapping.
  std::vector<Timex> tag(std::string_view text, std::optional<boost::gregorian::date> dct) const;
  // The same for a caller that already has the text normalized (the extractor's
  // TextAnalysis): `normalized` must be NormalizedText(text).
  std::vector<Timex> tag(const NormalizedText& normalized, std::string_view text,
                         std::optional<boost::gregorian::date> dct) const;
  // resolve_dct and tag in one: the text is searched once, also when the DCT has to be
  // inferred (the matches are normalized without a DCT, then against the one inferred).
  // `normalized`, when given, must be NormalizedText(doc.text).
  DatedTimexes tag_document(const Document& doc, std::optional<boost::gregorian::date> cli,
                            const NormalizedText* normalized = nullptr) const;

  // Only the first step of tag(): the Hyperscan scans for the rules and the vetoes.
  // Returns how many match ends they report. For benchmarks: the floor under the
  // tagger's cost that no work after the scan can lower.
  std::size_t scan_only(const NormalizedText& normalized) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace evgraph
