// What `evgraph merge` keeps of each document it is given (StoreMerger::add):
// its id, its key and one record of varint bytes, every string a symbol of
// one pool. The actor list is not in the record: it is folded into counted
// entries (one per distinct (id, name, kind, aliases) as listed) as it
// arrives, and the record keeps only the entries' numbers, to take them out
// again when the document is replaced or its source turns out suppressed.
// A reference to an actor (a quote's speaker, an event's actor...) names the
// (id, name) pair it resolves through: see DocumentRecords::ActorRef.
//
// Record layout (all varints):
//   title outlet url path published
//   n_entries, entry numbers ascending as deltas
//   n_quotes,    per quote:    span speaker cue date
//   n_events,    per event:    span actor action target quote date
//   n_responses, per response: span from to from_quote to_quote date
// where a span is start, end - start, text; quote indices are zigzag; dates
// are 0 (none) or 1 + precision + 3 * (year * 512 + month * 32 + day).
// Positions inside a record are 32-bit: a record is smaller than the JSON
// line it came from.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "evgraph/byte_arena.h"
#include "evgraph/chunked_vector.h"
#include "evgraph/merge.h"
#include "evgraph/string_pool.h"
#include "evgraph/varint.h"

namespace evgraph {

using Sym = StringPool::Sym;

// One document: where its record is, and the key that chose it.
struct DocRec {
  std::uint64_t key = 0;       // the caller's key (a digest of its line): the smallest wins
  std::uint64_t position = 0;  // of its record in the arena
  Sym id = 0;
};

// A record decoded. `at` is where the span starts in its record, so that
// evidence can be held as (document, at) and read back when it is written.
struct SpanRec {
  std::uint64_t start = 0, end = 0;
  Sym text = 0;
  std::uint32_t at = 0;
};
struct QuoteRec {
  SpanRec span;
  std::uint64_t speaker = 0;  // an ActorRef
  Sym cue = 0;
  std::optional<PartialDate> date;
};
struct EventRec {
  SpanRec span;
  std::uint64_t actor = 0, target = 0;  // ActorRefs
  Sym action = 0;
  std::int64_t quote = -1;
  std::optional<PartialDate> date;
};
struct ResponseRec {
  SpanRec span;
  std::uint64_t from = 0, to = 0;  // ActorRefs
  std::int64_t from_quote = -1, to_quote = -1;
  std::optional<PartialDate> date;
};
struct DocView {
  Sym title = 0, outlet = 0, url = 0, path = 0;
  std::optional<PartialDate> published;
  std::vector<std::uint32_t> entries;
  std::vector<QuoteRec> quotes;
  std::vector<EventRec> events;
  std::vector<ResponseRec> responses;
};

// Reads what starts at `in` (a position `base` + SpanRec::at of some record).
SpanRec read_span(VarintReader& in, const unsigned char* base);
EventRec read_event(VarintReader& in, const unsigned char* base);

class DocumentRecords {
 public:
  // An actor reference: 0 for none, else pair << 1 | listed. The pair is the
  // id with the name of the document's first actor of that id (listed = 1),
  // or the id twice when the document lists no actor of that id (listed = 0).
  using ActorRef = std::uint64_t;
  static constexpr std::uint32_t kNoDoc = 0xffffffffu;

  StringPool pool;             // every string
  ChunkedVector<DocRec> docs;  // in the order first added

  // StoreMerger::add's rule: of different extractions of one id the smallest key is kept.
  StoreMerger::Added add(const Extraction& x, std::uint64_t key, std::uint64_t* kept_key);

  // Index in docs of the document with this id, if one was added.
  std::optional<std::uint32_t> doc_of(std::string_view id) const;
  const unsigned char* record(std::uint32_t doc) const { return bytes_.at(docs[doc].position); }
  void decode(std::uint32_t doc, DocView& out) const;
  void decode_header(std::uint32_t doc, DocView& out) const;  // the source fields only

  std::size_t pair_count() const { return pairs_.size(); }
  std::pair<Sym, Sym> pair_syms(std::uint32_t pair) const;  // (id, name)

  // An actor as documents list it, and how many kept documents list it so.
  struct Entry {
    std::uint32_t pair = 0;
    Sym kind = 0;
    std::vector<Sym> aliases;
  };
  // Takes a document's entries out of the counts (its source is suppressed).
  void uncount(std::uint32_t doc) { count_entries(docs[doc], -1); }
  // Every entry some document lists, with its count; then frees them.
  void drain_entries(const std::function<void(const Entry&, std::uint32_t count)>& fn);

 private:
  std::uint32_t pair_of(Sym id, Sym name);
  ActorRef ref(std::string_view actor_id);
  void put_span(const Span& s);
  std::uint64_t encode(const Extraction& x);
  void count_entries(const DocRec& doc, int delta);

  StringPool pairs_;    // (id, name) symbol pairs, 8 bytes each
  StringPool entries_;  // Entry as varints: pair, kind, n, aliases
  std::vector<std::uint32_t> entry_counts_;
  ByteArena bytes_;
  std::vector<std::uint32_t> doc_of_sym_;  // by pool symbol: its index in docs, or kNoDoc
  // Scratch for encode().
  std::string out_, entry_;
  std::vector<std::pair<Sym, std::uint32_t>> listed_;  // the document's actor ids (first of each) and pairs, by id
  std::vector<std::uint32_t> entry_ids_;
};

}  // namespace evgraph
