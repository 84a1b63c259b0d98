// A streaming source of documents for batch extraction.
//
//   CorpusOptions options;
//   options.inputs = {"articles/", "extra.txt", "@more.list"};
//   CorpusReader reader(options);
//   while (auto item = reader.next()) {
//     if (*item) use(item->value()); else diags.add(item->error());
//   }
//
// Input forms, read in the order given:
//   FILE        one article (a sidecar FILE.meta.yaml is read with it; sidecars
//               given as inputs, e.g. by a shell glob, are skipped)
//   DIRECTORY   every *.txt below it, recursively, in sorted path order
//               (hidden files and folders are skipped)
//   @LISTFILE   one path per line (FILE or DIRECTORY; blank lines and lines
//               starting with '#' are ignored); relative paths are taken as given
//   stdin JSONL (options.stdin_jsonl, read after the other inputs): one object
//               per line: {"doc": ID, "text": TEXT, "published"?: DATE,
//               "url"?: URL, "title"?: TITLE, "outlet"?: NAME}; other keys are ignored.
//
// Only the list of paths is held in memory, never more than one document's
// text: documents are read when next() is called. A bad input (missing file,
// invalid UTF-8, malformed JSON line) is yielded as an error and reading goes on.
#pragma once

#include <cstdint>
#include <deque>
#include <filesystem>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "evgraph/diagnostics.h"
#include "evgraph/ingest.h"

namespace evgraph {

struct CorpusOptions {
  std::vector<std::string> inputs;   // files, directories, @listfiles
  bool stdin_jsonl = false;          // also read JSON Lines documents from `jsonl_stream`
  std::string extension = ".txt";    // articles looked for inside directories
  std::size_t max_line_bytes = 64u << 20;  // a longer JSONL line is an error (bounds memory)
  DocumentLimits limits;                    // per document, files and JSONL alike
};

// Parses one JSON Lines document record. `source` and `line` name it in errors
// ("<stdin>:LINE: error: ..."). Exposed for tests and fuzzing.
Result<Document> parse_jsonl_document(std::string_view json, std::string_view source, int line,
                                      const DocumentLimits& limits = {});

// Reads lines of at most `max_bytes` bytes (without the newline) from a stream,
// in blocks; a longer line is reported and skipped without being held in memory.
class BoundedLineReader {
 public:
  BoundedLineReader(std::istream& in, std::size_t max_bytes);
  enum class Status { line, too_long, end };
  // On `line`, `out` holds the line (a trailing '\r' removed).
  Status next(std::string& out);
  int line_number() const { return line_number_; }  // of the line just returned

 private:
  bool fill();
  std::istream& in_;
  std::size_t max_bytes_;
  std::vector<char> buffer_;
  std::size_t begin_ = 0, end_ = 0;
  int line_number_ = 0;
  bool eof_ = false;
};

class CorpusReader {
 public:
  // `jsonl_stream` is read when options.stdin_jsonl is set (std::cin by default).
  explicit CorpusReader(CorpusOptions options, std::istream* jsonl_stream = nullptr);
  ~CorpusReader();
  CorpusReader(const CorpusReader&) = delete;
  CorpusReader& operator=(const CorpusReader&) = delete;

  // The next document or the error that stopped it from being read;
  // nullopt at the end of the corpus.
  std::optional<Result<Document>> next();

  // Known sizes for progress: the sum of the input files' sizes (plus stdin's
  // when it is a regular file), or nullopt when not known in advance.
  std::optional<std::uint64_t> total_bytes() const { return total_bytes_; }
  // The number of file documents (nullopt when reading JSON Lines, whose count is unknown).
  std::optional<std::uint64_t> total_documents() const;

 private:
  struct Entry {
    std::filesystem::path path;               // a file to load, or
    std::optional<Diagnostic> error;          // a problem found while listing inputs
  };
  void expand_input(const std::string& input, const std::string& origin_file, int origin_line);
  void expand_directory(const std::filesystem::path& dir);
  void add_error(std::string file, int line, std::string message);

  CorpusOptions options_;
  std::istream* jsonl_stream_ = nullptr;
  std::deque<Entry> entries_;
  std::size_t file_count_ = 0;
  std::optional<std::uint64_t> total_bytes_;
  std::unique_ptr<BoundedLineReader> lines_;
};

// True for "a.meta.yaml": sidecars are metadata, never articles.
bool is_sidecar_path(const std::filesystem::path& path);

}  // namespace evgraph
