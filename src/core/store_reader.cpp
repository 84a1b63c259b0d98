// Reading events.yaml: bytes -> YAML events -> a small located tree -> a validated Store.
//
// yaml-cpp's event parser (not YAML::Load) is used so that hostile input is
// refused while it streams: nesting depth and node count are checked as each
// collection opens, and anchors/aliases are rejected instead of expanded, so
// "billion laughs" files cost nothing. Every problem becomes a diagnostic with
// the 1-based line and column of the offending node.
#include <algorithm>
#include <charconv>
#include <map>
#include <set>
#include <sstream>
#include <system_error>

#include <fmt/format.h>
#include <yaml-cpp/anchor.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include "evgraph/atomic_file.h"
#include "evgraph/store_yaml.h"
#include "evgraph/utf8.h"

namespace evgraph {

namespace {

// Stop after this many errors: one per line of a huge broken file helps nobody.
constexpr std::size_t kMaxReportedErrors = 1000;
// Longer source lines are not echoed under the message.
constexpr std::size_t kMaxEchoedLine = 512;

struct MappingEntry;

struct Node {
  enum class Kind { null, scalar, sequence, mapping };
  Kind kind = Kind::null;
  int line = 0;  // 1-based; 0 when unknown
  int column = 0;
  std::string value;  // scalars
  std::vector<Node> items;  // sequences
  std::vector<MappingEntry> entries;  // mappings (a struct, not std::pair: pair needs a complete Node)
};

struct MappingEntry {
  Node key;
  Node value;
};

const char* describe(Node::Kind kind) {
  switch (kind) {
    case Node::Kind::null: return "nothing";
    case Node::Kind::scalar: return "a string";
    case Node::Kind::sequence: return "a list";
    case Node::Kind::mapping: return "a mapping";
  }
  return "nothing";
}

// Collects diagnostics; an error and its note stay together when sorted by position.
class Reporter {
 public:
  Reporter(std::string_view file, std::string_view text) : file_(file), text_(text) {
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n') line_starts_.push_back(i + 1);
  }

  void error(int line, int column, std::string message) { add(make(Severity::error, line, column, std::move(message)), {}); }
  void error(const Node& at, std::string message) { error(at.line, at.column, std::move(message)); }
  void error_with_note(const Node& at, std::string message, const Node& note_at, std::string note) {
    add(make(Severity::error, at.line, at.column, std::move(message)),
        make(Severity::note, note_at.line, note_at.column, std::move(note)));
  }
  bool too_many() const { return errors_ >= kMaxReportedErrors; }
  bool has_errors() const { return errors_ > 0; }

  void flush(Diagnostics& diags) {
    std::stable_sort(groups_.begin(), groups_.end(), [](const auto& a, const auto& b) {
      return std::pair(a.front().line, a.front().column) < std::pair(b.front().line, b.front().column);
    });
    for (auto& group : groups_)
      for (Diagnostic& d : group) diags.add(std::move(d));
    if (errors_ >= kMaxReportedErrors)
      diags.add({file_, 0, 0, Severity::note,
                 fmt::format("stopped after {} errors", kMaxReportedErrors), {}});
    groups_.clear();
  }

 private:
  Diagnostic make(Severity severity, int line, int column, std::string message) const {
    return {file_, line, column, severity, std::move(message), line_text(line, column)};
  }
  void add(Diagnostic d, std::optional<Diagnostic> note) {
    if (too_many()) return;
    ++errors_;
    std::vector<Diagnostic> group{std::move(d)};
    if (note) group.push_back(std::move(*note));
    groups_.push_back(std::move(group));
  }
  std::string line_text(int line, int column) const {
    if (line < 1 || static_cast<std::size_t>(line) > line_starts_.size()) return {};
    const std::size_t start = line_starts_[line - 1];
    std::size_t end = text_.find('\n', start);
    if (end == std::string_view::npos) end = text_.size();
    if (end > start && text_[end - 1] == '\r') --end;
    if (end - start > kMaxEchoedLine || static_cast<std::size_t>(column) > kMaxEchoedLine) return {};
    return std::string(text_.substr(start, end - start));
  }

  std::string file_;
  std::string_view text_;
  std::vector<std::size_t> line_starts_;
  std::vector<std::vector<Diagnostic>> groups_;
  std::size_t errors_ = 0;
};

// Thrown from the event handler to stop parsing at once (limits exceeded, second document).
struct ParseAbort {
  int line = 0;
  int column = 0;
  std::string message;
};

int line_of(const YAML::Mark& mark) { return mark.is_null() ? 0 : mark.line + 1; }
int column_of(const YAML::Mark& mark) { return mark.is_null() ? 0 : mark.column + 1; }

// Builds the located tree from parser events, enforcing the limits as it goes.
class TreeBuilder final : public YAML::EventHandler {
 public:
  TreeBuilder(const StoreLimits& limits, Reporter& reporter) : limits_(limits), reporter_(reporter) {}

  std::optional<Node> take_root() { return std::move(root_); }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    refuse_anchor(mark, anchor);
    add(leaf(Node::Kind::null, mark));
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    reporter_.error(line_of(mark), column_of(mark), "aliases are not allowed in a store");
    add(leaf(Node::Kind::null, mark));
  }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor, const std::string& value) override {
    refuse_anchor(mark, anchor);
    Node node = leaf(Node::Kind::scalar, mark);
    node.value = value;
    add(std::move(node));
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor, YAML::EmitterStyle::value) override {
    open(Node::Kind::sequence, mark, anchor);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor, YAML::EmitterStyle::value) override {
    open(Node::Kind::mapping, mark, anchor);
  }
  void OnMapEnd() override { close(); }
  void OnAnchor(const YAML::Mark&, const std::string& name) override { anchor_name_ = name; }

 private:
  struct Frame {
    Node node;
    std::optional<Node> pending_key;
  };

  Node leaf(Node::Kind kind, const YAML::Mark& mark) {
    if (++nodes_ > limits_.max_nodes)
      throw ParseAbort{line_of(mark), column_of(mark),
                       fmt::format("store has more than {} YAML nodes", limits_.max_nodes)};
    Node node;
    node.kind = kind;
    node.line = line_of(mark);
    node.column = column_of(mark);
    return node;
  }
  void refuse_anchor(const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (anchor == YAML::NullAnchor) return;
    reporter_.error(line_of(mark), column_of(mark),
                    anchor_name_.empty() ? std::string("anchors are not allowed in a store")
                                         : fmt::format("anchors are not allowed in a store ('&{}')", anchor_name_));
    anchor_name_.clear();
  }
  void open(Node::Kind kind, const YAML::Mark& mark, YAML::anchor_t anchor) {
    // Checked before yaml-cpp recurses any deeper, so hostile nesting stops here.
    if (static_cast<int>(stack_.size()) >= limits_.max_depth)
      throw ParseAbort{line_of(mark), column_of(mark),
                       fmt::format("nesting is deeper than {} levels", limits_.max_depth)};
    refuse_anchor(mark, anchor);
    stack_.push_back({leaf(kind, mark), std::nullopt});
  }
  void close() {
    Frame frame = std::move(stack_.back());
    stack_.pop_back();
    add(std::move(frame.node));
  }
  void add(Node node) {
    if (stack_.empty()) {
      root_ = std::move(node);
      return;
    }
    Frame& parent = stack_.back();
    if (parent.node.kind == Node::Kind::sequence) {
      parent.node.items.push_back(std::move(node));
    } else if (!parent.pending_key) {
      parent.pending_key = std::move(node);
    } else {
      parent.node.entries.push_back(MappingEntry{std::move(*parent.pending_key), std::move(node)});
      parent.pending_key.reset();
    }
  }

  const StoreLimits& limits_;
  Reporter& reporter_;
  std::vector<Frame> stack_;
  std::optional<Node> root_;
  std::size_t nodes_ = 0;
  std::string anchor_name_;
};

// Stops at the first event of a second document.
class SecondDocumentDetector final : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark& mark) override {
    throw ParseAbort{line_of(mark), column_of(mark), "a store holds a single YAML document"};
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

template <std::size_t N>
bool one_of(std::string_view value, const char* const (&options)[N]) {
  return std::find(std::begin(options), std::end(options), value) != std::end(options);
}

// The mapping of one entity: checks its keys and hands out their values.
class Fields {
 public:
  Fields(Reporter& reporter, const Node& map, std::string_view what, std::initializer_list<std::string_view> allowed)
      : reporter_(reporter), map_(map), what_(what) {
    for (const auto& [key, value] : map.entries) {
      if (key.kind != Node::Kind::scalar) {
        reporter.error(key, fmt::format("keys must be strings, found {}", describe(key.kind)));
        continue;
      }
      if (std::find(allowed.begin(), allowed.end(), key.value) == allowed.end()) {
        reporter.error(key, fmt::format("unknown key '{}' in {}", key.value, what));
        continue;
      }
      auto [it, inserted] = values_.emplace(key.value, &value);
      if (!inserted) reporter.error(key, fmt::format("duplicate key '{}' in {}", key.value, what));
    }
  }

  const Node* get(const std::string& key) const {
    auto it = values_.find(key);
    return it == values_.end() ? nullptr : it->second;
  }
  const Node* require(const std::string& key) const {
    const Node* value = get(key);
    if (!value) reporter_.error(map_, fmt::format("missing required key '{}' in {}", key, what_));
    return value;
  }

 private:
  Reporter& reporter_;
  const Node& map_;
  std::string what_;
  std::map<std::string, const Node*> values_;
};

enum class Namespace { source, node };  // source ids vs actor/statement/event/relation ids

// A reference to check once every id is known.
struct Reference {
  const Node* at = nullptr;
  std::string id;
  std::string expected;  // "actor", "statement", "source", or "node" (actor, statement or event)
  std::string referrer;  // "event 'e-1'"
};

class StoreReader {
 public:
  StoreReader(Reporter& reporter) : r_(reporter) {}

  Store read(const Node& root) {
    Store store;
    if (root.kind == Node::Kind::null) {
      r_.error(root, "empty store (expected a mapping starting with 'version: 1')");
      return store;
    }
    if (root.kind != Node::Kind::mapping) {
      r_.error(root, fmt::format("a store must be a mapping, found {}", describe(root.kind)));
      return store;
    }
    Fields f(r_, root, "store", {"version", "sources", "actors", "statements", "events", "relations"});
    if (const Node* v = f.require("version")) {
      if (v->kind != Node::Kind::scalar || v->value != "1")
        r_.error(*v, fmt::format("unsupported store version '{}' (expected 1)",
                                 v->kind == Node::Kind::scalar ? v->value : describe(v->kind)));
    }
    for_each_item(f.get("sources"), "sources", [&](const Node& n) { read_source(n, store); });
    for_each_item(f.get("actors"), "actors", [&](const Node& n) { read_actor(n, store); });
    for_each_item(f.get("statements"), "statements", [&](const Node& n) { read_statement(n, store); });
    for_each_item(f.get("events"), "events", [&](const Node& n) { read_event(n, store); });
    for_each_item(f.get("relations"), "relations", [&](const Node& n) { read_relation(n, store); });
    check_references();
    return store;
  }

 private:
  template <class Fn>
  void for_each_item(const Node* section, std::string_view name, Fn&& fn) {
    if (!section || section->kind == Node::Kind::null) return;
    if (section->kind != Node::Kind::sequence) {
      r_.error(*section, fmt::format("'{}' must be a list, found {}", name, describe(section->kind)));
      return;
    }
    for (const Node& item : section->items) {
      if (r_.too_many()) return;
      if (item.kind != Node::Kind::mapping) {
        r_.error(item, fmt::format("each item of '{}' must be a mapping, found {}", name, describe(item.kind)));
        continue;
      }
      fn(item);
    }
  }

  // Strings: a scalar; null counts as absent. `required` strings must not be empty.
  void read_string(const Node* v, std::string_view key, std::string& out, bool required = false) {
    if (!v) return;
    if (v->kind == Node::Kind::scalar) {
      out = v->value;
    } else if (v->kind != Node::Kind::null) {
      r_.error(*v, fmt::format("'{}' must be a string, found {}", key, describe(v->kind)));
      return;
    }
    if (required && out.empty()) r_.error(*v, fmt::format("'{}' must not be empty", key));
  }

  void read_date(const Node* v, std::string_view key, std::optional<PartialDate>& out) {
    if (!v || v->kind == Node::Kind::null) return;
    if (v->kind != Node::Kind::scalar) {
      r_.error(*v, fmt::format("'{}' must be a date (YYYY, YYYY-MM or YYYY-MM-DD), found {}", key, describe(v->kind)));
      return;
    }
    std::string why;
    out = PartialDate::parse(v->value, &why);
    if (!out) r_.error(*v, why);
  }

  // A list of strings; each item is checked by `check` (may be empty).
  template <class Check>
  void read_string_list(const Node* v, std::string_view key, std::vector<std::string>& out, Check&& check) {
    if (!v || v->kind == Node::Kind::null) return;
    if (v->kind != Node::Kind::sequence) {
      r_.error(*v, fmt::format("'{}' must be a list, found {}", key, describe(v->kind)));
      return;
    }
    for (const Node& item : v->items) {
      if (item.kind != Node::Kind::scalar) {
        r_.error(item, fmt::format("each item of '{}' must be a string, found {}", key, describe(item.kind)));
        continue;
      }
      if (check(item)) out.push_back(item.value);
    }
  }

  bool read_offset(const Node& v, std::uint64_t& out) {
    const std::string& s = v.value;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    if (v.kind != Node::Kind::scalar || s.empty() || ec != std::errc() || end != s.data() + s.size()) {
      r_.error(v, fmt::format("invalid span value '{}': expected a non-negative integer",
                              v.kind == Node::Kind::scalar ? s : describe(v.kind)));
      return false;
    }
    return true;
  }

  void read_span(const Node* v, std::uint64_t& start, std::uint64_t& end) {
    if (!v) return;
    if (v->kind != Node::Kind::sequence || v->items.size() != 2) {
      r_.error(*v, "'span' must be a list of two integers [start, end]");
      return;
    }
    const bool ok = read_offset(v->items[0], start) & read_offset(v->items[1], end);
    if (ok && start > end) r_.error(*v, fmt::format("span start {} is after end {}", start, end));
  }

  void read_origin(const Node* v, Origin& out) {
    // A fact written by hand without an origin is the user's: curated.
    out = Origin::curated;
    if (!v) return;
    if (v->kind == Node::Kind::scalar && v->value == "extracted") out = Origin::extracted;
    else if (v->kind == Node::Kind::scalar && v->value == "curated") out = Origin::curated;
    else
      r_.error(*v, fmt::format("unknown origin '{}' (expected extracted or curated)",
                               v->kind == Node::Kind::scalar ? v->value : describe(v->kind)));
  }

  void read_bool(const Node* v, std::string_view key, bool& out) {
    if (!v) return;
    static const char* const kTrue[] = {"true", "True", "TRUE"};
    static const char* const kFalse[] = {"false", "False", "FALSE"};
    if (v->kind == Node::Kind::scalar && one_of(v->value, kTrue)) out = true;
    else if (v->kind == Node::Kind::scalar && one_of(v->value, kFalse)) out = false;
    else r_.error(*v, fmt::format("'{}' must be true or false", key));
  }

  void read_evidence_list(const Node* v, std::string_view key, std::vector<Evidence>& out, const std::string& referrer) {
    if (!v || v->kind == Node::Kind::null) return;
    if (v->kind != Node::Kind::sequence) {
      r_.error(*v, fmt::format("'{}' must be a list, found {}", key, describe(v->kind)));
      return;
    }
    for (const Node& item : v->items) {
      if (item.kind != Node::Kind::mapping) {
        r_.error(item, fmt::format("each item of '{}' must be a mapping, found {}", key, describe(item.kind)));
        continue;
      }
      Fields f(r_, item, "evidence", {"source", "span", "text"});
      Evidence e;
      const Node* source = f.require("source");
      read_string(source, "source", e.source, true);
      read_span(f.require("span"), e.start, e.end);
      read_string(f.get("text"), "text", e.text);
      if (!e.source.empty()) refs_.push_back({source, e.source, "source", referrer});
      out.push_back(std::move(e));
    }
  }

  // Reads `id`, registers it, and returns it (empty when missing).
  std::string read_id(const Fields& f, Namespace ns, const char* kind) {
    const Node* v = f.require("id");
    std::string id;
    read_string(v, "id", id, true);
    if (id.empty()) return id;
    auto& ids = ns == Namespace::source ? source_ids_ : node_ids_;
    auto [it, inserted] = ids.emplace(id, std::pair<const Node*, std::string>(v, kind));
    if (!inserted) {
      const Node& first = *it->second.first;
      r_.error_with_note(*v, fmt::format("duplicate id '{}' (first defined at {}:{})", id, first.line, first.column),
                         first, fmt::format("'{}' first defined here", id));
    }
    return id;
  }

  void reference(const Fields& f, const char* key, std::string& out, const char* expected, const std::string& referrer,
                 bool required = false) {
    const Node* v = required ? f.require(key) : f.get(key);
    read_string(v, key, out, required);
    if (!out.empty()) refs_.push_back({v, out, expected, referrer});
  }

  static std::string referrer(const char* kind, const std::string& id) {
    return id.empty() ? std::string(kind) : fmt::format("{} '{}'", kind, id);
  }

  void read_source(const Node& n, Store& store) {
    Fields f(r_, n, "source", {"id", "title", "outlet", "url", "published", "path", "origin", "suppressed"});
    Source s;
    s.id = read_id(f, Namespace::source, "source");
    read_string(f.get("title"), "title", s.title);
    read_string(f.get("outlet"), "outlet", s.outlet);
    read_string(f.get("url"), "url", s.url);
    read_date(f.get("published"), "published", s.published);
    read_string(f.get("path"), "path", s.path);
    read_origin(f.get("origin"), s.origin);
    read_bool(f.get("suppressed"), "suppressed", s.suppressed);
    store.sources.push_back(std::move(s));
  }

  void read_actor(const Node& n, Store& store) {
    Fields f(r_, n, "actor", {"id", "name", "kind", "aliases", "origin", "suppressed"});
    Actor a;
    a.id = read_id(f, Namespace::node, "actor");
    read_string(f.require("name"), "name", a.name, true);
    const Node* kind = f.require("kind");
    read_string(kind, "kind", a.kind, true);
    if (kind && !a.kind.empty() && !one_of(a.kind, kActorKinds))
      r_.error(*kind, fmt::format("unknown actor kind '{}'", a.kind));
    read_string_list(f.get("aliases"), "aliases", a.aliases, [](const Node&) { return true; });
    read_origin(f.get("origin"), a.origin);
    read_bool(f.get("suppressed"), "suppressed", a.suppressed);
    store.actors.push_back(std::move(a));
  }

  void read_statement(const Node& n, Store& store) {
    Fields f(r_, n, "statement",
             {"id", "speaker", "text", "cue", "date", "source", "span", "origin", "suppressed"});
    Statement s;
    s.id = read_id(f, Namespace::node, "statement");
    const std::string who = referrer("statement", s.id);
    reference(f, "speaker", s.speaker, "actor", who);
    read_string(f.require("text"), "text", s.text);
    read_string(f.get("cue"), "cue", s.cue);
    read_date(f.get("date"), "date", s.date);
    reference(f, "source", s.evidence.source, "source", who, true);
    read_span(f.require("span"), s.evidence.start, s.evidence.end);
    s.evidence.text = s.text;
    read_origin(f.get("origin"), s.origin);
    read_bool(f.get("suppressed"), "suppressed", s.suppressed);
    store.statements.push_back(std::move(s));
  }

  void read_event(const Node& n, Store& store) {
    Fields f(r_, n, "event",
             {"id", "date", "conflicting_dates", "actor", "action", "target", "statement", "sources", "origin",
              "suppressed"});
    Event e;
    e.id = read_id(f, Namespace::node, "event");
    const std::string who = referrer("event", e.id);
    read_date(f.get("date"), "date", e.date);
    read_string_list(f.get("conflicting_dates"), "conflicting_dates", e.conflicting_dates, [&](const Node& item) {
      std::string why;
      if (PartialDate::parse(item.value, &why)) return true;
      r_.error(item, why);
      return false;
    });
    reference(f, "actor", e.actor, "actor", who);
    const Node* action = f.require("action");
    read_string(action, "action", e.action, true);
    if (action && !e.action.empty() && !one_of(e.action, kActions))
      r_.error(*action, fmt::format("unknown action '{}'", e.action));
    reference(f, "target", e.target, "actor", who);
    reference(f, "statement", e.statement, "statement", who);
    read_evidence_list(f.get("sources"), "sources", e.sources, who);
    read_origin(f.get("origin"), e.origin);
    read_bool(f.get("suppressed"), "suppressed", e.suppressed);
    store.events.push_back(std::move(e));
  }

  void read_relation(const Node& n, Store& store) {
    Fields f(r_, n, "relation", {"id", "type", "from", "to", "date", "evidence", "origin", "suppressed"});
    Relation rel;
    rel.id = read_id(f, Namespace::node, "relation");
    const std::string who = referrer("relation", rel.id);
    const Node* type = f.require("type");
    read_string(type, "type", rel.type, true);
    if (type && !rel.type.empty() && !one_of(rel.type, kRelationTypes))
      r_.error(*type, fmt::format("unknown relation type '{}'", rel.type));
    reference(f, "from", rel.from, "node", who, true);
    reference(f, "to", rel.to, "node", who, true);
    read_date(f.get("date"), "date", rel.date);
    read_evidence_list(f.get("evidence"), "evidence", rel.evidence, who);
    read_origin(f.get("origin"), rel.origin);
    read_bool(f.get("suppressed"), "suppressed", rel.suppressed);
    store.relations.push_back(std::move(rel));
  }

  void check_references() {
    for (const Reference& ref : refs_) {
      if (ref.expected == "source") {
        if (!source_ids_.count(ref.id))
          r_.error(*ref.at, fmt::format("unknown source '{}' referenced by {}", ref.id, ref.referrer));
        continue;
      }
      auto it = node_ids_.find(ref.id);
      const bool is_node = ref.expected == "node";
      const std::string wanted = is_node ? "actor, statement or event" : ref.expected;
      if (it == node_ids_.end()) {
        r_.error(*ref.at, fmt::format("unknown {} '{}' referenced by {}", wanted, ref.id, ref.referrer));
        continue;
      }
      const std::string& found = it->second.second;
      const bool fits = is_node ? found != "relation" : found == ref.expected;
      if (!fits)
        r_.error(*ref.at, fmt::format("'{}' referenced by {} is a {}, not an {}", ref.id, ref.referrer, found,
                                      is_node ? std::string("actor, statement or event") : wanted));
    }
  }

  Reporter& r_;
  std::map<std::string, std::pair<const Node*, std::string>> source_ids_;
  std::map<std::string, std::pair<const Node*, std::string>> node_ids_;  // id -> (where, kind)
  std::vector<Reference> refs_;
};

// The first byte YAML does not allow raw in a stream (C0 controls other than tab and line breaks, DEL).
std::optional<std::size_t> find_control_character(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) return i;
  }
  return std::nullopt;
}

}  // namespace

std::optional<Store> parse_store(std::string_view yaml, std::string_view file_name, Diagnostics& diags,
                                 const StoreLimits& limits) {
  Reporter reporter(file_name, yaml);
  auto finish = [&](std::optional<Store> store) -> std::optional<Store> {
    const bool failed = reporter.has_errors();
    reporter.flush(diags);
    if (failed) return std::nullopt;
    return store;
  };

  if (yaml.size() > limits.max_bytes) {
    reporter.error(0, 0, fmt::format("store is {} bytes, larger than the limit of {} bytes", yaml.size(),
                                     limits.max_bytes));
    return finish(std::nullopt);
  }
  if (const auto bad = find_invalid_utf8(yaml)) {
    const LineColumn at = locate(yaml, *bad);
    reporter.error(at.line, at.column, fmt::format("invalid UTF-8 at byte {}", *bad));
    return finish(std::nullopt);
  }
  if (const auto bad = find_control_character(yaml)) {
    const LineColumn at = locate(yaml, *bad);
    reporter.error(at.line, at.column,
                   fmt::format("control character U+{:04X} is not allowed (write it as an escape in a "
                               "double-quoted string)",
                               static_cast<unsigned char>(yaml[*bad])));
    return finish(std::nullopt);
  }

  std::optional<Node> root;
  try {
    std::istringstream in{std::string(yaml)};
    YAML::Parser parser(in);
    TreeBuilder builder(limits, reporter);
    if (parser.HandleNextDocument(builder)) {
      root = builder.take_root();
      SecondDocumentDetector detector;
      parser.HandleNextDocument(detector);
    }
  } catch (const ParseAbort& abort) {
    reporter.error(abort.line, abort.column, abort.message);
    return finish(std::nullopt);
  } catch (const YAML::Exception& e) {
    reporter.error(line_of(e.mark), column_of(e.mark), fmt::format("yaml syntax error: {}", e.msg));
    return finish(std::nullopt);
  } catch (const std::exception& e) {
    reporter.error(0, 0, fmt::format("cannot parse store: {}", e.what()));
    return finish(std::nullopt);
  }
  if (!root) {
    reporter.error(0, 0, "empty store (expected a mapping starting with 'version: 1')");
    return finish(std::nullopt);
  }
  StoreReader reader(reporter);
  return finish(reader.read(*root));
}

std::optional<Store> load_store(const std::filesystem::path& path, Diagnostics& diags, const StoreLimits& limits) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > limits.max_bytes) {
    diags.error(path.string(), 0, 0,
                fmt::format("store is {} bytes, larger than the limit of {} bytes", size, limits.max_bytes));
    return std::nullopt;
  }
  std::string why;
  const std::optional<std::string> text = read_file(path, &why);
  if (!text) {
    // read_file names the path itself; the diagnostic already does.
    const std::string prefix = path.string() + ": ";
    if (why.rfind(prefix, 0) == 0) why.erase(0, prefix.size());
    diags.error(path.string(), 0, 0, why);
    return std::nullopt;
  }
  return parse_store(*text, path.string(), diags, limits);
}

}  // namespace evgraph
