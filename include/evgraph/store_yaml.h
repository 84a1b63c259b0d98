// Reading and writing events.yaml.
//
// The loader validates everything and reports every problem, not just the
// first, as "events.yaml:LINE:COL: error: MESSAGE": unknown keys, wrong types,
// invalid or impossible dates, duplicate ids, dangling references.
// The writer is deterministic: load -> save of a valid file is byte-identical.
// Hostile input is refused while it streams (StoreLimits: size, nesting depth,
// node count); anchors and aliases are never needed in a store and are refused,
// so alias bombs cost nothing. A fact without `origin` was written by hand: curated.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "evgraph/diagnostics.h"
#include "evgraph/store.h"

namespace evgraph {

struct StoreLimits {
  std::size_t max_bytes = 256u << 20;  // refuse larger files
  int max_depth = 64;                   // YAML nesting
  std::size_t max_nodes = 4'000'000;    // YAML nodes (scalars, lists, mappings): bounds memory
};

// Parses `yaml` (named `file_name` in diagnostics). Returns the store when
// there are no errors; every problem found is added to `diags`.
std::optional<Store> parse_store(std::string_view yaml, std::string_view file_name, Diagnostics& diags,
                                 const StoreLimits& limits = {});
std::optional<Store> load_store(const std::filesystem::path& path, Diagnostics& diags,
                                const StoreLimits& limits = {});

// Deterministic YAML text of the store (sections and keys in a fixed order).
std::string format_store(const Store& store);
// The same text written to `out` as it is made (a large store's text is never held whole).
void write_store(const Store& store, std::ostream& out);
// The same text again, one fact at a time, for stores too large to hold as a
// Store (StoreMerger::write); write_store() is this over a Store's facts.
//   StoreStreamWriter w(out);   // the header
//   w.source(s); ... w.actor(a); ... w.statement(s); ... w.event(e); ... w.relation(r); ...
//   w.finish();                 // "name: []" for sections left empty, then flushed
// Sections come in that order; a fact of an earlier section after a later one
// throws std::logic_error. Bytes go to `out` in blocks as they are made.
class StoreStreamWriter {
 public:
  explicit StoreStreamWriter(std::ostream& out, int version = 1);
  ~StoreStreamWriter();
  StoreStreamWriter(const StoreStreamWriter&) = delete;
  StoreStreamWriter& operator=(const StoreStreamWriter&) = delete;

  void source(const Source& s);
  void actor(const Actor& a);
  void statement(const Statement& s);
  void event(const Event& e);
  void relation(const Relation& r);
  void finish();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};
// Atomically writes format_store(store) to `path`; returns "" or an error message.
std::string save_store(const Store& store, const std::filesystem::path& path);

}  // namespace evgraph
