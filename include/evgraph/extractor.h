// The extraction pipeline for one document:
//   text analysis (sentences.h) -> timexes (timex.h) -> quotation marks (quotes.h)
//   -> actor mentions (actors.h) -> coreference (coreference.h) -> speakers
//   (quotes.h) -> events (events.h) -> responses (responses.h) -> Extraction.
//
//   Extractor extractor(Resources::builtin());   // loads every lexicon once
//   Extraction x = extractor.extract(doc, {});   // const and thread-safe
//
// All offsets in the Extraction are UTF-8 byte offsets into doc.text, end exclusive.
#pragma once

#include <memory>
#include <optional>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include "evgraph/extraction.h"
#include "evgraph/ingest.h"
#include "evgraph/resources.h"

namespace evgraph {

struct ExtractOptions {
  std::optional<boost::gregorian::date> dct;  // --dct: overrides metadata and inference
};

class Extractor {
 public:
  // Throws std::runtime_error naming the resource file and line when a lexicon is malformed.
  explicit Extractor(const Resources& resources = Resources::builtin());
  ~Extractor();
  Extractor(Extractor&&) noexcept;
  Extractor& operator=(Extractor&&) noexcept;

  // Thread-safe: may be called concurrently on one Extractor.
  Extraction extract(const Document& doc, const ExtractOptions& options = {}) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Convenience: a process-wide Extractor over the built-in resources.
Extraction extract_document(const Document& doc, const ExtractOptions& options = {});

}  // namespace evgraph
