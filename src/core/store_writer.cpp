// Writing events.yaml: a fixed layout, keys in a fixed order, optional fields
// left out when empty, so the same Store always gives the same bytes.
//
// Our own small emitter rather than YAML::Emitter: the layout (block lists of
// mappings, flow lists for short values, one flow mapping per evidence item)
// is part of the file format people edit by hand. Free text (titles, quotes,
// evidence) is always double-quoted with every special character escaped;
// other strings are written plain only when they are unambiguous.
#include <algorithm>
#include <cstring>
#include <ostream>
#include <stdexcept>

#include <fmt/format.h>

#include "evgraph/atomic_file.h"
#include "evgraph/store_yaml.h"

namespace evgraph {

namespace {

constexpr const char* kHeader = "# evgraph store v1 — edit by hand freely; run `evgraph validate` to check.\n";

// Length of the valid UTF-8 sequence starting at s[i], or 0 when invalid.
std::size_t utf8_length(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  std::size_t n = 0;
  std::uint32_t cp = 0;
  if (c < 0x80) return 1;
  if ((c & 0xE0) == 0xC0) n = 2, cp = c & 0x1F;
  else if ((c & 0xF0) == 0xE0) n = 3, cp = c & 0x0F;
  else if ((c & 0xF8) == 0xF0) n = 4, cp = c & 0x07;
  else return 0;
  if (i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    const auto cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (cc & 0x3F);
  }
  static constexpr std::uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

// A YAML double-quoted scalar that reads back as exactly `s`. Invalid UTF-8
// bytes cannot be represented in YAML; each becomes U+FFFD.
std::string double_quoted(std::string_view s) {
  std::string out = "\"";
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    switch (c) {
      case '"': out += "\\\""; ++i; continue;
      case '\\': out += "\\\\"; ++i; continue;
      case '\n': out += "\\n"; ++i; continue;
      case '\t': out += "\\t"; ++i; continue;
      case '\r': out += "\\r"; ++i; continue;
      default: break;
    }
    if (c < 0x20 || c == 0x7f) {
      out += fmt::format("\\x{:02X}", c);
      ++i;
      continue;
    }
    const std::size_t n = utf8_length(s, i);
    if (n == 0) {
      out += "\\uFFFD";
      ++i;
      continue;
    }
    const std::string_view ch = s.substr(i, n);
    // Unicode line breaks (NEL, LS, PS) and the BOM would be folded or dropped if written raw.
    if (ch == "\xC2\x85") out += "\\u0085";
    else if (ch == "\xE2\x80\xA8") out += "\\u2028";
    else if (ch == "\xE2\x80\xA9") out += "\\u2029";
    else if (ch == "\xEF\xBB\xBF") out += "\\uFEFF";
    else out += ch;
    i += n;
  }
  out += '"';
  return out;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

// Words other YAML readers would turn into null or a boolean.
bool reserved_word(std::string_view s) {
  static const char* const kWords[] = {"null", "true", "false", "yes", "no", "on", "off", "y", "n"};
  return std::any_of(std::begin(kWords), std::end(kWords), [&](const char* w) { return iequals(s, w); });
}

// Numbers other YAML readers would not read as strings: [-+]digits[.digits][e[-+]digits], .5 ...
bool looks_numeric(std::string_view s) {
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  bool digits = false;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, digits = true;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, digits = true;
  }
  if (digits && i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (i == s.size() || !std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
  }
  if (digits && i == s.size()) return true;
  // YAML 1.1 readers also take digit groups with underscores ("1_000") as integers.
  return std::isdigit(static_cast<unsigned char>(s.front())) &&
         std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) || c == '_'; });
}

// Whether `s` can be written as a plain (unquoted) scalar and read back unchanged.
// Deliberately narrow: printable ASCII from a safe set, no ": " or " #", no
// leading indicator, no trailing space. In flow lists ("[a, b]") also no ,[]{}:#.
bool plain_ok(std::string_view s, bool in_flow) {
  if (s.empty() || s.size() > 200 || reserved_word(s) || looks_numeric(s)) return false;
  const auto first = static_cast<unsigned char>(s.front());
  if (!(std::isalnum(first) || first == '_' || first == '.' || first == '/')) return false;
  if (s.back() == ' ' || s.back() == ':') return false;
  if (s.find(": ") != std::string_view::npos || s.find(" #") != std::string_view::npos) return false;
  static constexpr std::string_view kBlockSafe = " _.-/:'()+&@=?%~!#;,";
  static constexpr std::string_view kFlowUnsafe = ",:#?";
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c)) continue;
    if (kBlockSafe.find(ch) == std::string_view::npos) return false;
    if (in_flow && kFlowUnsafe.find(ch) != std::string_view::npos) return false;
  }
  return true;
}

std::string scalar(std::string_view s, bool in_flow = false) { return plain_ok(s, in_flow) ? std::string(s) : double_quoted(s); }

// The sections of the file, in their order.
enum class Section { none, sources, actors, statements, events, relations, done };

const char* section_name(Section section) {
  switch (section) {
    case Section::sources: return "sources";
    case Section::actors: return "actors";
    case Section::statements: return "statements";
    case Section::events: return "events";
    case Section::relations: return "relations";
    default: return "";
  }
}

class Writer {
 public:
  Writer() = default;
  // Streams to `sink` in blocks, so a large store is never held twice as text.
  explicit Writer(std::ostream& sink) : sink_(&sink) {}
  std::string finish() {
    if (sink_) flush();
    return std::move(out_);
  }
  void flush() {
    if (sink_) sink_->write(out_.data(), static_cast<std::streamsize>(out_.size()));
    out_.clear();
  }

  void header(int version) {
    out_ += kHeader;
    out_ += fmt::format("version: {}\n", version);
  }

  // Starts one list item of `section`: "name:" before its first item, and
  // "name: []" for each section before it that had none.
  void item(Section section) {
    enter(section);
    if (items_++ == 0) {
      out_ += section_name(section);
      out_ += ":\n";
    }
    first_key_ = true;
  }
  void end_item() {
    if (sink_ && out_.size() >= kFlushBytes) flush();
  }
  // Closes every section before `section` (Section::done: all of them).
  void enter(Section section) {
    if (section < section_) throw std::logic_error("store writer: sections out of order");
    while (section_ < section) {
      if (section_ != Section::none && items_ == 0) out_ += fmt::format("{}: []\n", section_name(section_));
      section_ = static_cast<Section>(static_cast<int>(section_) + 1);
      items_ = 0;
    }
  }

  // One "key: value" line of the current list item; the first key carries the "- ".
  void field(std::string_view key, std::string_view rendered) {
    out_ += first_key_ ? "  - " : "    ";
    first_key_ = false;
    out_ += key;
    out_ += ": ";
    out_ += rendered;
    out_ += '\n';
  }
  // "key:" alone; the value follows on the next lines.
  void key_line(std::string_view key) {
    out_ += first_key_ ? "  - " : "    ";
    first_key_ = false;
    out_ += key;
    out_ += ":\n";
  }
  void text(std::string_view key, std::string_view value) {
    if (!value.empty()) field(key, scalar(value));
  }
  void free_text(std::string_view key, std::string_view value) { field(key, double_quoted(value)); }
  void date(std::string_view key, const std::optional<PartialDate>& value) {
    if (value) field(key, value->iso());
  }
  void list(std::string_view key, const std::vector<std::string>& values) {
    if (values.empty()) return;
    std::string rendered = "[";
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (i) rendered += ", ";
      rendered += scalar(values[i], /*in_flow=*/true);
    }
    field(key, rendered + "]");
  }
  void span(std::uint64_t start, std::uint64_t end) { field("span", fmt::format("[{}, {}]", start, end)); }
  void evidence(std::string_view key, const std::vector<Evidence>& items) {
    if (items.empty()) return;
    key_line(key);
    for (const Evidence& e : items) {
      out_ += fmt::format("      - {{source: {}, span: [{}, {}]", scalar(e.source, /*in_flow=*/true), e.start, e.end);
      if (!e.text.empty()) out_ += ", text: " + double_quoted(e.text);
      out_ += "}\n";
    }
  }
  void provenance(Origin origin, bool suppressed) {
    field("origin", to_string(origin));
    if (suppressed) field("suppressed", "true");
  }

 private:
  static constexpr std::size_t kFlushBytes = 1u << 16;
  std::ostream* sink_ = nullptr;
  std::string out_;
  bool first_key_ = true;
  Section section_ = Section::none;
  std::size_t items_ = 0;  // in the current section
};

void put(Writer& w, const Source& s) {
  w.item(Section::sources);
  w.text("id", s.id);
  if (!s.title.empty()) w.free_text("title", s.title);
  w.text("outlet", s.outlet);
  w.text("url", s.url);
  w.date("published", s.published);
  w.text("path", s.path);
  w.provenance(s.origin, s.suppressed);
  w.end_item();
}

void put(Writer& w, const Actor& a) {
  w.item(Section::actors);
  w.text("id", a.id);
  w.text("name", a.name);
  w.text("kind", a.kind);
  w.list("aliases", a.aliases);
  w.provenance(a.origin, a.suppressed);
  w.end_item();
}

void put(Writer& w, const Statement& s) {
  w.item(Section::statements);
  w.text("id", s.id);
  w.text("speaker", s.speaker);
  w.free_text("text", s.text);
  w.text("cue", s.cue);
  w.date("date", s.date);
  w.text("source", s.evidence.source);
  w.span(s.evidence.start, s.evidence.end);
  w.provenance(s.origin, s.suppressed);
  w.end_item();
}

void put(Writer& w, const Event& e) {
  w.item(Section::events);
  w.text("id", e.id);
  w.date("date", e.date);
  w.list("conflicting_dates", e.conflicting_dates);
  w.text("actor", e.actor);
  w.text("action", e.action);
  w.text("target", e.target);
  w.text("statement", e.statement);
  w.evidence("sources", e.sources);
  w.provenance(e.origin, e.suppressed);
  w.end_item();
}

void put(Writer& w, const Relation& r) {
  w.item(Section::relations);
  w.text("id", r.id);
  w.text("type", r.type);
  w.text("from", r.from);
  w.text("to", r.to);
  w.date("date", r.date);
  w.evidence("evidence", r.evidence);
  w.provenance(r.origin, r.suppressed);
  w.end_item();
}

void write_all(const Store& store, Writer& w) {
  w.header(store.version);
  for (const Source& s : store.sources) put(w, s);
  for (const Actor& a : store.actors) put(w, a);
  for (const Statement& s : store.statements) put(w, s);
  for (const Event& e : store.events) put(w, e);
  for (const Relation& r : store.relations) put(w, r);
  w.enter(Section::done);
}

}  // namespace

std::string format_store(const Store& store) {
  Writer w;
  write_all(store, w);
  return w.finish();
}

void write_store(const Store& store, std::ostream& out) {
  Writer w(out);
  write_all(store, w);
  w.finish();
}

class StoreStreamWriter::Impl {
 public:
  explicit Impl(std::ostream& out) : writer(out) {}
  Writer writer;
};

StoreStreamWriter::StoreStreamWriter(std::ostream& out, int version) : impl_(std::make_unique<Impl>(out)) {
  impl_->writer.header(version);
}
StoreStreamWriter::~StoreStreamWriter() = default;
void StoreStreamWriter::source(const Source& s) { put(impl_->writer, s); }
void StoreStreamWriter::actor(const Actor& a) { put(impl_->writer, a); }
void StoreStreamWriter::statement(const Statement& s) { put(impl_->writer, s); }
void StoreStreamWriter::event(const Event& e) { put(impl_->writer, e); }
void StoreStreamWriter::relation(const Relation& r) { put(impl_->writer, r); }
void StoreStreamWriter::finish() {
  impl_->writer.enter(Section::done);
  impl_->writer.finish();
}

std::string save_store(const Store& store, const std::filesystem::path& path) {
  AtomicOutputFile file(path);
  if (!file.ok()) return file.error();
  write_store(store, file.stream());
  return file.commit();
}

}  // namespace evgraph
