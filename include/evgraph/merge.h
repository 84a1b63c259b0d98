// The reduce step: many per-document Extractions (the map step's output) and,
// optionally, the previous store become one Store.
//
//   Store fresh = build_store(extractions);
//   Store updated = build_store(extractions, &previous);   // `extract --update`
//
// Merging across documents:
//   - actors with the same id are one actor: the most frequent name and kind
//     win, every other surface form becomes an alias (sorted);
//   - a short name an article uses alone ("Brask") joins the fuller actor of
//     another article when that is unambiguous: it is an alias of exactly one
//     other actor of the same kind, or a one-word person name that is the
//     surname of exactly one multi-word person;
//   - events with the same actor, action and target whose dates are compatible
//     (one contains the other) or missing are one event with one `sources`
//     entry per report; when a coarse or missing date links reports whose
//     dates disagree, the finest, most reported date wins and the others are
//     kept in `conflicting_dates`;
//   - responses become one actor-level `responds_to` relation per (from, to)
//     with all the evidence, plus statement -> statement edges when both quotes
//     are known; events whose action is criticize/support/oppose/urge/warn and
//     that have a target also give criticizes/supports/opposes/urges/warns edges.
//   Ids are content-derived from the merged facts, so extracting again gives the same ids.
//
// Curation (with `previous`):
//   - facts with `origin: curated` are kept exactly as they are; an extracted
//     fact with the same id is dropped in their favour;
//   - facts with `suppressed: true` stay, suppressed, and are never brought back;
//     a suppressed source also drops everything extracted from that document;
//   - user alias merges hold: an extracted actor whose id or name is listed as a
//     name or alias of an actor of the previous store (curated actors first) is
//     mapped to that actor, and every reference is rewritten;
//   - extracted facts are refreshed per document: those whose evidence comes only
//     from re-extracted documents are replaced, the rest are kept.
//
// Bounded memory (`evgraph merge` of any number of shards): StoreMerger takes
// the extractions one at a time and keeps only what the store needs, compactly:
// every string interned once, each document as one record of a few dozen
// bytes of varints, its actor list folded into counted entries as it arrives;
// mentions, timexes and the JSON itself dropped. Memory grows with the distinct
// documents and strings, not with the input. write() then produces the store's
// YAML fact by fact from that compact form, evidence read back from the
// records, so the merged store is never held whole (1.8 GB of shards, a 266 MB
// store: 114 MB, where building the Store took 833 MB); finish() runs the same
// merge into a Store for callers that want one. The previous store, when given, is used as it is (it is the
// file people edit). build_store() is StoreMerger over a vector.
//
//   StoreMerger merger;
//   while (next extraction x) merger.add(x, digest_of_its_line);
//   merger.write(out, previous);     // or: Store store = merger.finish(previous);
#pragma once

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <vector>

#include "evgraph/extraction.h"
#include "evgraph/store.h"

namespace evgraph {

// Documents with the same id count once: the first one given.
Store build_store(const std::vector<Extraction>& docs, const Store* previous = nullptr);

// How many facts of each kind a merge wrote.
struct MergeSummary {
  std::size_t sources = 0, actors = 0, statements = 0, events = 0, relations = 0;
};

class StoreMerger {
 public:
  enum class Added {
    added,     // a new document id
    same,      // this document with the same key again: nothing changes
    replaced,  // a different extraction with a smaller key replaced the one kept
    ignored,   // a different extraction with a larger key: the one kept stays
  };

  StoreMerger();
  ~StoreMerger();
  StoreMerger(const StoreMerger&) = delete;
  StoreMerger& operator=(const StoreMerger&) = delete;

  // Adds one document. Of different extractions of one document id the one
  // with the smallest `key` is used (e.g. a digest of its JSON line), so the
  // result does not depend on the order they come in; an equal key means the
  // same extraction again. `kept_key`, when given, receives the key of the
  // extraction of this id kept before this call (unchanged when it is new).
  Added add(const Extraction& x, std::uint64_t key = 0, std::uint64_t* kept_key = nullptr);
  std::size_t documents() const;
  // Merges everything added (see the top of this file); the merger is empty afterwards.
  Store finish(const Store* previous = nullptr);
  // The same merge written to `out` as YAML, fact by fact, never held as a
  // Store: the bytes of write_store(finish(previous)) in a fraction of the
  // memory. The merger is empty afterwards; `out`'s state tells of write errors.
  MergeSummary write(std::ostream& out, const Store* previous = nullptr);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace evgraph
