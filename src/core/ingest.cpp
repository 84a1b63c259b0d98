#include "evgraph/ingest.h"

#include <yaml-cpp/yaml.h>
#include <fmt/format.h>

#include "evgraph/atomic_file.h"
#include "evgraph/utf8.h"

namespace evgraph {

namespace fs = std::filesystem;

fs::path sidecar_path(const fs::path& article) {
  fs::path p = article;
  return p.replace_extension(".meta.yaml");
}

namespace {

Diagnostic file_error(const std::string& file, std::string message) {
  Diagnostic d;
  d.file = file;
  d.message = std::move(message);
  return d;
}

// Reads the sidecar; its problems are reported with line and column.
std::optional<Diagnostic> read_sidecar(const fs::path& path, DocumentMeta& meta) {
  std::string error;
  auto text = read_file(path, &error);
  if (!text) return file_error(path.string(), error);
  auto at = [&](const YAML::Mark& mark, std::string message) {
    Diagnostic d = file_error(path.string(), std::move(message));
    if (mark.line >= 0) {
      d.line = mark.line + 1;
      d.column = mark.column + 1;
      d.source_line = locate(*text, static_cast<std::size_t>(mark.pos)).line_text;
    }
    return d;
  };
  YAML::Node root;
  try {
    root = YAML::Load(*text);
  } catch (const YAML::Exception& e) {
    return at(e.mark, e.msg);
  }
  if (root.IsNull()) return std::nullopt;
  if (!root.IsMap()) return at(root.Mark(), "expected a mapping of title, outlet, url, published");
  for (const auto& entry : root) {
    const std::string key = entry.first.Scalar();
    const YAML::Node& value = entry.second;
    if (!value.IsScalar() && !value.IsNull()) return at(value.Mark(), fmt::format("'{}' must be a string", key));
    const std::string scalar = value.IsNull() ? std::string() : value.Scalar();
    if (key == "title") meta.title = scalar;
    else if (key == "outlet") meta.outlet = scalar;
    else if (key == "url") meta.url = scalar;
    else if (key == "published") {
      if (scalar.empty()) continue;
      // Accept a full timestamp ("2025-05-03T10:00:00Z") by keeping its date part.
      std::string iso = scalar.size() > 10 && (scalar[10] == 'T' || scalar[10] == ' ') ? scalar.substr(0, 10) : scalar;
      std::string why;
      meta.published = PartialDate::parse(iso, &why);
      if (!meta.published) return at(value.Mark(), why);
    } else {
      return at(entry.first.Mark(), fmt::format("unknown key '{}' (expected title, outlet, url, published)", key));
    }
  }
  return std::nullopt;
}

}  // namespace

namespace {

// Straight and typographic double quotation marks (" \u201c \u201d \u201e), the
// upper bound on what the quote finder can open and close.
// Both kinds are found with find (memchr): they are rare, and every document is checked.
std::uint64_t quotation_marks(std::string_view text) {
  std::uint64_t n = 0;
  for (std::size_t i = text.find('"'); i != std::string_view::npos; i = text.find('"', i + 1)) ++n;
  for (std::size_t i = text.find('\xE2'); i != std::string_view::npos; i = text.find('\xE2', i + 1))
    if (i + 2 < text.size() && text[i + 1] == '\x80' &&
        (text[i + 2] == '\x9C' || text[i + 2] == '\x9D' || text[i + 2] == '\x9E'))
      ++n;
  return n;
}

// The content checks shared by files and in-memory documents; nullopt when the text is fine.
std::optional<std::string> content_problem(std::string_view text, const DocumentLimits& limits) {
  if (text.empty()) return std::string("empty document");
  if (text.size() > limits.max_bytes)
    return fmt::format("document is {} bytes, over the limit of {} (--max-doc-bytes)", text.size(), limits.max_bytes);
  if (auto bad = find_invalid_utf8(text)) return fmt::format("invalid UTF-8 at byte {}", *bad);
  if (const std::size_t nul = text.find('\0'); nul != std::string_view::npos)
    return fmt::format("NUL byte at byte {} (binary data?)", nul);
  if (const std::uint64_t pairs = quotation_marks(text) / 2; pairs > limits.max_quotes)
    return fmt::format("document has {} quotation mark pairs, over the limit of {} (--max-quotes)", pairs,
                       limits.max_quotes);
  return std::nullopt;
}

}  // namespace

Result<Document> make_document(std::string id, std::string text, DocumentMeta meta, const DocumentLimits& limits) {
  if (auto problem = content_problem(text, limits)) return file_error(id, *problem);
  Document doc;
  doc.id = std::move(id);
  doc.text = std::move(text);
  doc.meta = std::move(meta);
  return doc;
}

Result<Document> load_document(const fs::path& path, const DocumentLimits& limits) {
  // Refuse an oversized file before reading it into memory.
  std::error_code size_error;
  if (fs::is_regular_file(path, size_error)) {
    const std::uintmax_t size = fs::file_size(path, size_error);
    if (!size_error && size > limits.max_bytes)
      return file_error(path.string(), fmt::format("document is {} bytes, over the limit of {} (--max-doc-bytes)",
                                                   size, limits.max_bytes));
  }
  std::string error;
  auto text = read_file(path, &error);
  if (!text) return file_error(path.string(), error);
  if (auto problem = content_problem(*text, limits)) return file_error(path.string(), *problem);
  Document doc;
  doc.id = path.stem().string();
  doc.path = path.string();
  doc.text = std::move(*text);
  const fs::path meta_path = sidecar_path(path);
  std::error_code ec;
  if (fs::exists(meta_path, ec) && meta_path != path) {
    if (auto problem = read_sidecar(meta_path, doc.meta)) return *problem;
    doc.has_meta = true;
  }
  return doc;
}

}  // namespace evgraph
