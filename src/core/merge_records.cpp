// The merge's compact form of each document (see merge_records.h).
#include "evgraph/merge_records.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <stdexcept>

namespace evgraph {

namespace {

void put_date(std::string& out, const std::optional<PartialDate>& date) {
  if (!date) {
    put_varint(out, 0);
    return;
  }
  const auto ymd = static_cast<std::uint64_t>(date->year()) * 512 + static_cast<std::uint64_t>(date->month()) * 32 +
                   static_cast<std::uint64_t>(date->day());
  put_varint(out, 1 + static_cast<std::uint64_t>(date->precision()) + 3 * ymd);
}

std::optional<PartialDate> read_date(VarintReader& in) {
  std::uint64_t v = in.next();
  if (v == 0) return std::nullopt;
  v -= 1;
  const auto precision = static_cast<DatePrecision>(v % 3);
  v /= 3;
  const auto day = static_cast<unsigned short>(v % 32), month = static_cast<unsigned short>(v / 32 % 16);
  const auto year = static_cast<unsigned short>(v / 512);
  return PartialDate::from(boost::gregorian::date(year, month, day), precision);
}

QuoteRec read_quote(VarintReader& in, const unsigned char* base) {
  QuoteRec q;
  q.span = read_span(in, base);
  q.speaker = in.next();
  q.cue = static_cast<Sym>(in.next());
  q.date = read_date(in);
  return q;
}

ResponseRec read_response(VarintReader& in, const unsigned char* base) {
  ResponseRec r;
  r.span = read_span(in, base);
  r.from = in.next();
  r.to = in.next();
  r.from_quote = unzigzag(in.next());
  r.to_quote = unzigzag(in.next());
  r.date = read_date(in);
  return r;
}

void read_header(VarintReader& in, DocView& out) {
  out.title = static_cast<Sym>(in.next());
  out.outlet = static_cast<Sym>(in.next());
  out.url = static_cast<Sym>(in.next());
  out.path = static_cast<Sym>(in.next());
  out.published = read_date(in);
}

}  // namespace

SpanRec read_span(VarintReader& in, const unsigned char* base) {
  SpanRec s;
  s.at = static_cast<std::uint32_t>(in.position() - base);
  s.start = in.next();
  s.end = s.start + in.next();  // wraps back for end < start, as it was written
  s.text = static_cast<Sym>(in.next());
  return s;
}

EventRec read_event(VarintReader& in, const unsigned char* base) {
  EventRec e;
  e.span = read_span(in, base);
  e.actor = in.next();
  e.action = static_cast<Sym>(in.next());
  e.target = in.next();
  e.quote = unzigzag(in.next());
  e.date = read_date(in);
  return e;
}

StoreMerger::Added DocumentRecords::add(const Extraction& x, std::uint64_t key, std::uint64_t* kept_key) {
  const Sym id = pool.intern(x.doc);
  if (id < doc_of_sym_.size() && doc_of_sym_[id] != kNoDoc) {
    DocRec& doc = docs[doc_of_sym_[id]];
    if (kept_key) *kept_key = doc.key;
    if (key == doc.key) return StoreMerger::Added::same;
    if (key > doc.key) return StoreMerger::Added::ignored;
    count_entries(doc, -1);
    doc.key = key;
    doc.position = encode(x);  // the replaced record's bytes stay in the arena: a rare case
    return StoreMerger::Added::replaced;
  }
  if (doc_of_sym_.size() <= id) doc_of_sym_.resize(id + 1, kNoDoc);
  doc_of_sym_[id] = static_cast<std::uint32_t>(docs.size());
  docs.push_back({key, encode(x), id});
  return StoreMerger::Added::added;
}

std::optional<std::uint32_t> DocumentRecords::doc_of(std::string_view id) const {
  const auto sym = pool.find(id);
  if (!sym || *sym >= doc_of_sym_.size() || doc_of_sym_[*sym] == kNoDoc) return std::nullopt;
  return doc_of_sym_[*sym];
}

std::pair<Sym, Sym> DocumentRecords::pair_syms(std::uint32_t pair) const {
  Sym ids[2];
  std::memcpy(ids, pairs_[pair].data(), sizeof ids);
  return {ids[0], ids[1]};
}

void DocumentRecords::decode_header(std::uint32_t doc, DocView& out) const {
  VarintReader in(record(doc));
  read_header(in, out);
}

void DocumentRecords::decode(std::uint32_t doc, DocView& out) const {
  const unsigned char* base = record(doc);
  VarintReader in(base);
  read_header(in, out);
  out.entries.resize(in.next());
  std::uint32_t entry = 0;
  for (std::uint32_t& e : out.entries) e = entry += static_cast<std::uint32_t>(in.next());
  out.quotes.resize(in.next());
  for (QuoteRec& q : out.quotes) q = read_quote(in, base);
  out.events.resize(in.next());
  for (EventRec& e : out.events) e = read_event(in, base);
  out.responses.resize(in.next());
  for (ResponseRec& r : out.responses) r = read_response(in, base);
}

void DocumentRecords::count_entries(const DocRec& doc, int delta) {
  VarintReader in(bytes_.at(doc.position));
  DocView header;
  read_header(in, header);
  std::uint32_t entry = 0;
  for (std::uint64_t n = in.next(); n > 0; --n) {
    entry += static_cast<std::uint32_t>(in.next());
    entry_counts_[entry] = static_cast<std::uint32_t>(static_cast<std::int64_t>(entry_counts_[entry]) + delta);
  }
}

void DocumentRecords::drain_entries(const std::function<void(const Entry&, std::uint32_t count)>& fn) {
  Entry e;
  for (Sym entry = 1; entry < entries_.size(); ++entry) {
    if (entry_counts_[entry] == 0) continue;
    const std::string_view bytes = entries_[entry];
    VarintReader in(reinterpret_cast<const unsigned char*>(bytes.data()));
    e.pair = static_cast<std::uint32_t>(in.next());
    e.kind = static_cast<Sym>(in.next());
    e.aliases.resize(in.next());
    for (Sym& alias : e.aliases) alias = static_cast<Sym>(in.next());
    fn(e, entry_counts_[entry]);
  }
  entries_ = StringPool();
  entry_counts_ = {};
}

std::uint32_t DocumentRecords::pair_of(Sym id, Sym name) {
  const Sym both[2] = {id, name};
  return pairs_.intern(std::string_view(reinterpret_cast<const char*>(both), sizeof both));
}

DocumentRecords::ActorRef DocumentRecords::ref(std::string_view actor_id) {
  if (actor_id.empty()) return 0;
  const Sym id = pool.intern(actor_id);
  auto it = std::lower_bound(listed_.begin(), listed_.end(), id, [](const auto& l, Sym s) { return l.first < s; });
  if (it != listed_.end() && it->first == id) return static_cast<ActorRef>(it->second) << 1 | 1;
  return static_cast<ActorRef>(pair_of(id, id)) << 1;
}

void DocumentRecords::put_span(const Span& s) {
  put_varint(out_, s.start);
  put_varint(out_, s.end - s.start);
  put_varint(out_, pool.intern(s.text));
}

std::uint64_t DocumentRecords::encode(const Extraction& x) {
  out_.clear();
  put_varint(out_, pool.intern(x.meta.title));
  put_varint(out_, pool.intern(x.meta.outlet));
  put_varint(out_, pool.intern(x.meta.url));
  put_varint(out_, pool.intern(x.path));
  put_date(out_, x.meta.published);
  listed_.clear();
  entry_ids_.clear();
  for (const ExtractedActor& a : x.actors) {
    const Sym id = pool.intern(a.id);
    const std::uint32_t pair = pair_of(id, pool.intern(a.name));
    entry_.clear();
    put_varint(entry_, pair);
    put_varint(entry_, pool.intern(a.kind));
    put_varint(entry_, a.aliases.size());
    for (const std::string& alias : a.aliases) put_varint(entry_, pool.intern(alias));
    const Sym entry = entries_.intern(entry_);
    if (entry_counts_.size() <= entry) entry_counts_.resize(entry + 1, 0);
    ++entry_counts_[entry];
    entry_ids_.push_back(entry);
    listed_.emplace_back(id, pair);
  }
  // By id, the first actor of each id kept, for ref()'s look-ups.
  std::stable_sort(listed_.begin(), listed_.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  listed_.erase(std::unique(listed_.begin(), listed_.end(), [](const auto& x, const auto& y) { return x.first == y.first; }),
                listed_.end());
  std::sort(entry_ids_.begin(), entry_ids_.end());
  put_varint(out_, entry_ids_.size());
  std::uint32_t previous = 0;
  for (std::uint32_t e : entry_ids_) put_varint(out_, e - std::exchange(previous, e));
  put_varint(out_, x.quotes.size());
  for (const ExtractedQuote& q : x.quotes) {
    put_span(q.span);
    put_varint(out_, ref(q.speaker));
    put_varint(out_, pool.intern(q.cue));
    put_date(out_, q.date);
  }
  put_varint(out_, x.events.size());
  for (const ExtractedEvent& e : x.events) {
    put_span(e.evidence);
    put_varint(out_, ref(e.actor));
    put_varint(out_, pool.intern(e.action));
    put_varint(out_, ref(e.target));
    put_varint(out_, zigzag(e.quote));
    put_date(out_, e.date);
  }
  put_varint(out_, x.responses.size());
  for (const ExtractedResponse& r : x.responses) {
    put_span(r.evidence);
    put_varint(out_, ref(r.from));
    put_varint(out_, ref(r.to));
    put_varint(out_, zigzag(r.from_quote));
    put_varint(out_, zigzag(r.to_quote));
    put_date(out_, r.date);
  }
  if (out_.size() > std::numeric_limits<std::uint32_t>::max())
    throw std::length_error("merge: one document's record exceeds 4 GB");
  return bytes_.store(out_);
}

}  // namespace evgraph
