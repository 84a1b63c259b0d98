#include "evgraph/corpus_reader.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <simdjson.h>

#include "evgraph/atomic_file.h"

namespace evgraph {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kStdinName = "<stdin>";

Diagnostic make_error(std::string file, int line, std::string message) {
  Diagnostic d;
  d.file = std::move(file);
  d.line = line;
  d.message = std::move(message);
  return d;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Reads an optional string member; a present non-string value is an error.
bool optional_string(const nlohmann::json& object, const char* key, std::string& out, std::string& why) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return true;
  if (!it->is_string()) {
    why = fmt::format("'{}' must be a string", key);
    return false;
  }
  out = it->get<std::string>();
  return true;
}

}  // namespace

bool is_sidecar_path(const fs::path& path) { return ends_with(path.filename().string(), ".meta.yaml"); }

namespace {

// What both parsers read from a line; the checks and messages after reading are shared.
struct JsonlFields {
  std::string_view doc;
  std::string title, url, outlet, published;
};

Result<Document> document_from_fields(JsonlFields& f, std::string_view source, int line, const DocumentLimits& limits,
                                      std::string&& text) {
  auto fail = [&](std::string message) { return make_error(std::string(source), line, std::move(message)); };
  std::string why;
  DocumentMeta meta;
  meta.title = std::move(f.title);
  meta.url = std::move(f.url);
  meta.outlet = std::move(f.outlet);
  if (!f.published.empty()) {
    // Accept a full timestamp ("2025-05-03T10:00:00Z") by keeping its date part, as sidecars do.
    if (f.published.size() > 10 && (f.published[10] == 'T' || f.published[10] == ' ')) f.published.resize(10);
    meta.published = PartialDate::parse(f.published, &why);
    if (!meta.published) return fail(fmt::format("'published': {}", why));
  }
  const bool has_meta = !meta.title.empty() || !meta.url.empty() || !meta.outlet.empty() || meta.published;
  Result<Document> doc = make_document(std::string(f.doc), std::move(text), std::move(meta), limits);
  if (!doc) return fail(doc.error().message);
  doc->has_meta = has_meta;
  return doc;
}

Result<Document> parse_with_nlohmann(std::string_view json, std::string_view source, int line,
                                     const DocumentLimits& limits);

}  // namespace

// simdjson reads the lines (nlohmann's char-by-char lexer was a fifth of the time of
// `timex` over JSON Lines); a line it rejects is parsed again by nlohmann, whose error
// messages and columns the diagnostics have always used.
Result<Document> parse_jsonl_document(std::string_view json, std::string_view source, int line,
                                      const DocumentLimits& limits) {
  auto fail = [&](std::string message) { return make_error(std::string(source), line, std::move(message)); };
  thread_local simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(json.data(), json.size(), true).get(root) != simdjson::SUCCESS)
    return parse_with_nlohmann(json, source, line, limits);
  simdjson::dom::object object;
  if (root.get_object().get(object) != simdjson::SUCCESS) return fail("expected a JSON object {\"doc\", \"text\", ...}");
  // Of repeated keys the last counts, as with nlohmann. (A default element is no value:
  // absent keys stay empty optionals.)
  std::optional<simdjson::dom::element> doc, text, title, url, outlet, published;
  for (const simdjson::dom::key_value_pair field : object) {
    if (field.key == "doc") doc = field.value;
    else if (field.key == "text") text = field.value;
    else if (field.key == "title") title = field.value;
    else if (field.key == "url") url = field.value;
    else if (field.key == "outlet") outlet = field.value;
    else if (field.key == "published") published = field.value;
  }
  std::string_view doc_id, body;
  if (!doc || doc->get_string().get(doc_id) != simdjson::SUCCESS || doc_id.empty())
    return fail("'doc' must be a non-empty string (the document id)");
  if (!text || text->get_string().get(body) != simdjson::SUCCESS) return fail("'text' must be a string");
  JsonlFields fields;
  fields.doc = doc_id;
  const std::pair<const char*, std::pair<std::optional<simdjson::dom::element>*, std::string*>> optional[] = {
      {"title", {&title, &fields.title}}, {"url", {&url, &fields.url}},
      {"outlet", {&outlet, &fields.outlet}}, {"published", {&published, &fields.published}}};
  for (const auto& [key, slot] : optional) {
    const std::optional<simdjson::dom::element>& value = *slot.first;
    if (!value || value->is_null()) continue;
    std::string_view s;
    if (value->get_string().get(s) != simdjson::SUCCESS) return fail(fmt::format("'{}' must be a string", key));
    slot.second->assign(s);
  }
  return document_from_fields(fields, source, line, limits, std::string(body));
}

namespace {

Result<Document> parse_with_nlohmann(std::string_view json, std::string_view source, int line,
                                     const DocumentLimits& limits) {
  auto fail = [&](std::string message) { return make_error(std::string(source), line, std::move(message)); };
  nlohmann::json object;
  try {
    object = nlohmann::json::parse(json.begin(), json.end());
  } catch (const nlohmann::json::parse_error& e) {
    // e.what() is "[json.exception.parse_error.101] parse error at line 1, column 7: ..."; keep the useful part.
    // The column goes in the diagnostic header, so drop the prefix that repeats it.
    std::string what = e.what();
    const auto column = what.find("column ");
    const auto colon = what.find(": ", column == std::string::npos ? 0 : column);
    if (colon != std::string::npos) what = what.substr(colon + 2);
    Diagnostic d = fail(what);
    if (e.byte > 0) d.column = static_cast<int>(std::min<std::size_t>(e.byte, json.size() + 1));
    if (json.size() <= 200) d.source_line = std::string(json);
    return d;
  } catch (const nlohmann::json::exception& e) {
    // Not a syntax error but still no document: a number too large for any type ("1E400").
    return fail(fmt::format("unreadable JSON: {}", e.what()));
  }
  if (!object.is_object()) return fail("expected a JSON object {\"doc\", \"text\", ...}");
  std::string why;
  auto doc_it = object.find("doc");
  if (doc_it == object.end() || !doc_it->is_string() || doc_it->get_ref<const std::string&>().empty()) {
    return fail("'doc' must be a non-empty string (the document id)");
  }
  auto text_it = object.find("text");
  if (text_it == object.end() || !text_it->is_string()) return fail("'text' must be a string");
  JsonlFields fields;
  if (!optional_string(object, "title", fields.title, why) || !optional_string(object, "url", fields.url, why) ||
      !optional_string(object, "outlet", fields.outlet, why) || !optional_string(object, "published", fields.published, why)) {
    return fail(why);
  }
  fields.doc = doc_it->get_ref<const std::string&>();
  return document_from_fields(fields, source, line, limits, std::move(text_it->get_ref<std::string&>()));
}

}  // namespace

BoundedLineReader::BoundedLineReader(std::istream& in, std::size_t max_bytes)
    : in_(in), max_bytes_(max_bytes), buffer_(1u << 16) {}

bool BoundedLineReader::fill() {
  if (eof_) return false;
  if (begin_ > 0) {
    std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  if (end_ == buffer_.size()) buffer_.resize(buffer_.size() * 2);
  in_.read(buffer_.data() + end_, static_cast<std::streamsize>(buffer_.size() - end_));
  const auto got = static_cast<std::size_t>(in_.gcount());
  end_ += got;
  if (got == 0) eof_ = true;
  return got > 0;
}

BoundedLineReader::Status BoundedLineReader::next(std::string& out) {
  out.clear();
  bool too_long = false;
  std::size_t scanned = begin_;  // where to resume looking for '\n'
  for (;;) {
    const char* start = buffer_.data() + scanned;
    const void* newline = std::memchr(start, '\n', end_ - scanned);
    if (newline != nullptr || (eof_ && end_ > begin_) || (eof_ && too_long)) {
      const std::size_t stop = newline ? static_cast<std::size_t>(static_cast<const char*>(newline) - buffer_.data()) : end_;
      ++line_number_;
      if (!too_long && stop - begin_ > max_bytes_) too_long = true;
      if (!too_long) {
        out.assign(buffer_.data() + begin_, stop - begin_);
        if (!out.empty() && out.back() == '\r') out.pop_back();
      }
      begin_ = newline ? stop + 1 : stop;
      return too_long ? Status::too_long : Status::line;
    }
    if (eof_) return Status::end;
    if (end_ - begin_ > max_bytes_) {
      // Drop what we have of an over-long line; keep scanning for its end.
      too_long = true;
      begin_ = end_;
    }
    scanned = end_ - begin_;  // offsets shift when fill() compacts the buffer
    fill();
    scanned += begin_;
  }
}

CorpusReader::CorpusReader(CorpusOptions options, std::istream* jsonl_stream)
    : options_(std::move(options)), jsonl_stream_(jsonl_stream ? jsonl_stream : &std::cin) {
  total_bytes_ = 0;
  for (const std::string& input : options_.inputs) expand_input(input, {}, 0);
  if (options_.stdin_jsonl) {
    lines_ = std::make_unique<BoundedLineReader>(*jsonl_stream_, options_.max_line_bytes);
    struct stat st {};
    if (jsonl_stream_ == &std::cin && fstat(STDIN_FILENO, &st) == 0 && S_ISREG(st.st_mode)) {
      *total_bytes_ += static_cast<std::uint64_t>(st.st_size);
    } else {
      total_bytes_.reset();
    }
  }
}

CorpusReader::~CorpusReader() = default;

std::optional<std::uint64_t> CorpusReader::total_documents() const {
  if (options_.stdin_jsonl) return std::nullopt;
  return file_count_;
}

void CorpusReader::add_error(std::string file, int line, std::string message) {
  entries_.push_back({{}, make_error(std::move(file), line, std::move(message))});
}

void CorpusReader::expand_input(const std::string& input, const std::string& origin_file, int origin_line) {
  // Errors about a listed path name the list file and line; others name the path.
  auto error = [&](std::string message) {
    if (origin_file.empty()) add_error(input, 0, std::move(message));
    else add_error(origin_file, origin_line, fmt::format("'{}': {}", input, message));
  };
  if (input.size() > 1 && input[0] == '@' && origin_file.empty()) {
    const std::string list_path = input.substr(1);
    std::ifstream list(list_path);
    if (!list) {
      add_error(list_path, 0, fmt::format("cannot open list file: {}", std::strerror(errno)));
      return;
    }
    std::string line;
    int number = 0;
    while (std::getline(list, line)) {
      ++number;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      const auto first = line.find_first_not_of(" \t");
      if (first == std::string::npos || line[first] == '#') continue;
      const auto last = line.find_last_not_of(" \t");
      expand_input(line.substr(first, last - first + 1), list_path, number);
    }
    return;
  }
  std::error_code ec;
  const fs::path path(input);
  const fs::file_status status = fs::status(path, ec);
  if (ec || !fs::exists(status)) {
    error("no such file or directory");
  } else if (fs::is_directory(status)) {
    expand_directory(path);
  } else if (!is_sidecar_path(path)) {
    entries_.push_back({path, std::nullopt});
    ++file_count_;
    const auto size = fs::file_size(path, ec);
    if (!ec && total_bytes_) *total_bytes_ += size;
  }
}

void CorpusReader::expand_directory(const fs::path& dir) {
  std::vector<std::pair<std::string, std::uint64_t>> files;  // sorted by their path text for a stable order
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    add_error(dir.string(), 0, fmt::format("cannot read directory: {}", ec.message()));
    return;
  }
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) {
      add_error(dir.string(), 0, fmt::format("cannot read directory: {}", ec.message()));
      return;
    }
    const std::string name = it->path().filename().string();
    if (!name.empty() && name[0] == '.') {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file(ec) || !ends_with(name, options_.extension) || is_sidecar_path(it->path())) continue;
    const auto size = it->file_size(ec);
    files.emplace_back(it->path().string(), ec ? 0 : size);
  }
  std::sort(files.begin(), files.end());
  for (auto& [path, size] : files) {
    entries_.push_back({fs::path(std::move(path)), std::nullopt});
    ++file_count_;
    if (total_bytes_) *total_bytes_ += size;
  }
}

std::optional<Result<Document>> CorpusReader::next() {
  if (!entries_.empty()) {
    Entry entry = std::move(entries_.front());
    entries_.pop_front();
    if (entry.error) return Result<Document>(std::move(*entry.error));
    return load_document(entry.path, options_.limits);
  }
  if (!lines_) return std::nullopt;
  std::string line;
  for (;;) {
    switch (lines_->next(line)) {
      case BoundedLineReader::Status::end:
        lines_.reset();
        return std::nullopt;
      case BoundedLineReader::Status::too_long:
        return Result<Document>(make_error(std::string(kStdinName), lines_->line_number(),
                                           fmt::format("line longer than {} bytes", options_.max_line_bytes)));
      case BoundedLineReader::Status::line:
        if (line.find_first_not_of(" \t") == std::string::npos) continue;  // blank lines separate nothing
        return parse_jsonl_document(line, kStdinName, lines_->line_number(), options_.limits);
    }
  }
}

}  // namespace evgraph
