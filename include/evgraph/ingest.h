// Reading articles: UTF-8 text files with an optional sidecar <name>.meta.yaml
//
//   title: "..."
//   outlet: "..."
//   url: "https://..."
//   published: 2025-05-03        # YYYY, YYYY-MM or YYYY-MM-DD
//
// The document id is the file name without its extension.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "evgraph/date.h"
#include "evgraph/diagnostics.h"

namespace evgraph {

struct DocumentMeta {
  std::string title;
  std::string outlet;
  std::string url;
  std::optional<PartialDate> published;
};

struct Document {
  std::string id;    // file stem, e.g. "002_8357595f4efbd602"
  std::string path;  // as given
  std::string text;  // the original bytes, valid UTF-8
  DocumentMeta meta;
  bool has_meta = false;
};

// Ceilings on what one document may be, so hostile input cannot exhaust memory or time.
struct DocumentLimits {
  std::uint64_t max_bytes = 16u << 20;  // news articles are far smaller; `extract --max-doc-bytes`
  // Quoted passages, counted as pairs of quotation marks before extraction; an
  // article has tens. `extract --max-quotes`.
  std::uint64_t max_quotes = 5000;
};

// Reads `path` and its sidecar. Errors ("file: error: ..."): unreadable file;
// "empty document"; "document is N bytes, over the limit of M (--max-doc-bytes)";
// "document has N quotation mark pairs, over the limit of M (--max-quotes)";
// "invalid UTF-8 at byte N"; "NUL byte at byte N (binary data?)"; malformed sidecar.
Result<Document> load_document(const std::filesystem::path& path, const DocumentLimits& limits = {});

// Builds a document from text already in memory (stdin, JSONL), with the same checks.
Result<Document> make_document(std::string id, std::string text, DocumentMeta meta = {},
                               const DocumentLimits& limits = {});

// The sidecar path for an article: a.txt -> a.meta.yaml.
std::filesystem::path sidecar_path(const std::filesystem::path& article);

}  // namespace evgraph
