// Reading articles: UTF-8 text files with an optional sidecar <name>.meta.yaml
//
//   title: "..."
//   outlet: "..."
//   url: "https://..."
//   published: 2025-05-03        # YYYY, YYYY-MM or YYYY-MM-DD
//
// The document id is the file name without its extension.
#pragma once

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

// Reads `path` and its sidecar. Errors: unreadable file, invalid UTF-8
// ("file: error: invalid UTF-8 at byte 123"), malformed sidecar.
Result<Document> load_document(const std::filesystem::path& path);

// Builds a document from text already in memory (stdin, JSONL); validates UTF-8.
Result<Document> make_document(std::string id, std::string text, DocumentMeta meta = {});

// The sidecar path for an article: a.txt -> a.meta.yaml.
std::filesystem::path sidecar_path(const std::filesystem::path& article);

}  // namespace evgraph
