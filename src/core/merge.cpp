// The reduce step: per-document extractions + the previous store -> one store (see merge.h).
//
// add() keeps each document as a few dozen bytes (merge_records.h: strings
// interned, numbers as varints, the actor list folded into counted entries).
// The merge then produces the store's facts one at a time in file order,
// reading the documents' records again where it needs them, so write()
// streams the YAML without ever holding a Store, and finish() collects the
// same facts into one.
#include "evgraph/merge.h"

#include <algorithm>
#include <cctype>
#include <limits>
#include <map>
#include <numeric>
#include <ostream>
#include <set>
#include <stdexcept>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "evgraph/chunked_vector.h"
#include "evgraph/ids.h"
#include "evgraph/merge_records.h"
#include "evgraph/store_yaml.h"

namespace evgraph {

namespace {

std::string casefold(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

template <std::size_t N>
bool one_of(std::string_view value, const char* const (&options)[N]) {
  return std::find(std::begin(options), std::end(options), value) != std::end(options);
}

// Relation type derived from an event's action, or "" when the action gives none.
std::string relation_for_action(std::string_view action) {
  if (action == "criticize") return "criticizes";
  if (action == "support") return "supports";
  if (action == "oppose") return "opposes";
  if (action == "urge") return "urges";
  if (action == "warn") return "warns";
  return {};
}

// What the previous store says about ids: which are the user's (curated or
// suppressed, kept as they are), and which names and aliases map to which actor.
class Previous {
 public:
  explicit Previous(const Store* store) {
    if (!store) return;
    store_ = store;
    auto by_id = [](const auto& a, const auto& b) { return a->id < b->id; };
    std::vector<const Actor*> actors;
    for (const Actor& a : store->actors) actors.push_back(&a);
    std::sort(actors.begin(), actors.end(), by_id);
    for (const Actor* a : actors) {
      if (a->suppressed) continue;
      live_actor_ids_.insert(a->id);
      const bool curated = a->origin == Origin::curated;
      if (curated) curated_actor_ids_.insert(a->id);
      auto& names = curated ? curated_names_ : extracted_names_;
      for (const std::string* name : all_names(*a)) {
        names.emplace(casefold(*name), a->id);  // first (smallest id) wins
        names.emplace("\x01" + slugify(*name), a->id);
      }
    }
    for (const Actor& a : store->actors) actor_names_.emplace(a.id, a.name);
    for (const Source& s : store->sources)
      if (s.suppressed) suppressed_sources_.insert(s.id);
    collect_kept(store->sources, kept_sources_);
    collect_kept(store->actors, kept_actors_);
    collect_kept(store->statements, kept_statements_);
    collect_kept(store->events, kept_events_);
    collect_kept(store->relations, kept_relations_);
  }

  const Store* store() const { return store_; }

  // The actor an extracted actor (id, name) stands for, honouring the user's alias merges.
  std::string resolve_actor(const std::string& id, std::string_view name) const {
    if (id.empty()) return id;
    if (curated_actor_ids_.count(id)) return id;
    if (auto hit = lookup(curated_names_, id, name)) return *hit;
    if (live_actor_ids_.count(id)) return id;
    if (auto hit = lookup(extracted_names_, id, name)) return *hit;
    return id;
  }
  // Same, for an id found in an old fact: its name comes from the previous store.
  std::string resolve_actor(const std::string& id) const {
    auto it = actor_names_.find(id);
    return resolve_actor(id, it == actor_names_.end() ? std::string_view(id) : std::string_view(it->second));
  }

  bool source_suppressed(const std::string& id) const { return suppressed_sources_.count(id) > 0; }
  // Ids whose previous fact is curated or suppressed: that fact wins over anything extracted.
  bool kept_source(const std::string& id) const { return kept_sources_.count(id) > 0; }
  bool kept_actor(const std::string& id) const { return kept_actors_.count(id) > 0; }
  bool kept_statement(const std::string& id) const { return kept_statements_.count(id) > 0; }
  bool kept_event(const std::string& id) const { return kept_events_.count(id) > 0; }
  bool kept_relation(const std::string& id) const { return kept_relations_.count(id) > 0; }

 private:
  static std::vector<const std::string*> all_names(const Actor& a) {
    std::vector<const std::string*> names{&a.id, &a.name};
    for (const std::string& alias : a.aliases) names.push_back(&alias);
    return names;
  }
  static std::optional<std::string> lookup(const std::map<std::string, std::string>& names, const std::string& id,
                                           std::string_view name) {
    if (auto it = names.find(casefold(name)); it != names.end()) return it->second;
    if (auto it = names.find("\x01" + id); it != names.end()) return it->second;
    return std::nullopt;
  }
  template <class T>
  static void collect_kept(const std::vector<T>& items, std::set<std::string>& ids) {
    for (const T& item : items)
      if (item.origin == Origin::curated || item.suppressed) ids.insert(item.id);
  }

  const Store* store_ = nullptr;
  std::set<std::string> live_actor_ids_, curated_actor_ids_, suppressed_sources_;
  std::map<std::string, std::string> curated_names_, extracted_names_;  // casefolded name or \x01slug -> actor id
  std::map<std::string, std::string> actor_names_;
  std::set<std::string> kept_sources_, kept_actors_, kept_statements_, kept_events_, kept_relations_;
};

// ---- actors ----------------------------------------------------------------

struct ActorVotes {
  std::map<std::string, int> names;
  std::map<std::string, int> kinds;
  std::set<std::string> aliases;
};

template <class Better>
std::string winner(const std::map<std::string, int>& votes, Better&& better_tie) {
  std::string best;
  int best_count = -1;
  for (const auto& [value, count] : votes)
    if (count > best_count || (count == best_count && better_tie(value, best))) best = value, best_count = count;
  return best;
}

Actor vote_actor(const std::string& id, const ActorVotes& votes) {
  Actor a;
  a.id = id;
  // Ties: the longer (fuller) name, then byte order (map order keeps the first).
  a.name = winner(votes.names, [](const std::string& x, const std::string& y) { return x.size() > y.size(); });
  if (a.name.empty()) a.name = id;
  std::map<std::string, int> valid_kinds;
  for (const auto& [kind, count] : votes.kinds)
    if (one_of(kind, kActorKinds)) valid_kinds[kind] += count;
  a.kind = winner(valid_kinds, [](const std::string&, const std::string&) { return false; });
  if (a.kind.empty()) a.kind = "organization";
  for (const std::string& alias : votes.aliases)
    if (alias != a.name && !alias.empty()) a.aliases.push_back(alias);
  a.origin = Origin::extracted;
  return a;
}

// The last whitespace-separated word of a name ("Ode Brask" -> "brask"), casefolded.
std::string last_word(std::string_view name) {
  const std::size_t space = name.find_last_of(' ');
  return casefold(space == std::string_view::npos ? name : name.substr(space + 1));
}

// Across documents, a short form one article uses alone ("Brask", "Corvane")
// is the fuller actor another article names, when that is unambiguous: the
// short name is an alias of exactly one other actor, or, for a one-word
// person name, the surname of exactly one multi-word person. Returns
// short id -> full id; targets are never themselves redirected.
std::map<std::string, std::string> short_name_redirects(const std::map<std::string, ActorVotes>& votes) {
  std::map<std::string, std::vector<std::string>> by_alias, by_surname;  // casefolded form -> actor ids
  std::map<std::string, std::string> names, kinds;
  for (const auto& [id, v] : votes) {
    const Actor a = vote_actor(id, v);
    names[id] = a.name;
    kinds[id] = a.kind;
    std::set<std::string> forms;
    for (const std::string& alias : a.aliases) forms.insert(casefold(alias));
    for (const std::string& form : forms) by_alias[form].push_back(id);
    if (a.kind == "person" && a.name.find(' ') != std::string::npos) by_surname[last_word(a.name)].push_back(id);
  }
  std::map<std::string, std::string> redirects;
  for (const auto& [id, name] : names) {
    auto unique_other = [&, id = id](const std::map<std::string, std::vector<std::string>>& index,
                                     const std::string& key) -> std::string {
      auto it = index.find(key);
      if (it == index.end()) return {};
      std::vector<std::string> others;
      for (const std::string& other : it->second)
        if (other != id) others.push_back(other);
      return others.size() == 1 ? others.front() : std::string();
    };
    std::string target = unique_other(by_alias, casefold(name));
    if (!target.empty() && kinds[target] != kinds[id]) target.clear();
    if (target.empty() && kinds[id] == "person" && name.find(' ') == std::string::npos)
      target = unique_other(by_surname, casefold(name));
    if (!target.empty() && names[target].size() > name.size()) redirects.emplace(id, target);
  }
  // A target that is itself short for something else would chain: leave those pairs apart.
  for (auto it = redirects.begin(); it != redirects.end();)
    it = redirects.count(it->second) ? redirects.erase(it) : std::next(it);
  return redirects;
}

constexpr Sym kNoSym = std::numeric_limits<Sym>::max();

// ---- evidence ----------------------------------------------------------------

// Evidence by reference: a span in a document's record, or (doc == kOld) an
// entry of the previous store's evidence, interned.
struct EvRef {
  std::uint32_t doc = 0, at = 0;
};
constexpr std::uint32_t kOld = DocumentRecords::kNoDoc;

struct OldEvidence {
  Sym source = 0, text = 0;
  std::uint64_t start = 0, end = 0;
};

// What evidence is compared and written by.
struct EvView {
  std::string_view source;
  std::uint64_t start = 0, end = 0;
  std::string_view text;
  friend bool operator==(const EvView&, const EvView&) = default;
};
bool view_less(const EvView& a, const EvView& b) {
  return std::tie(a.source, a.start, a.end, a.text) < std::tie(b.source, b.start, b.end, b.text);
}

struct EvItem {
  EvView view;
  EvRef ref;
};
bool item_less(const EvItem& a, const EvItem& b) { return view_less(a.view, b.view); }

// A freshly extracted event report by reference: its evidence (the rest of
// the mention follows it in the record) and where its quote's span starts
// (0: no quote), as there are as many of these as event mentions.
struct FreshReport {
  EvRef evidence;
  std::uint32_t quote_at = 0;
};

// Old extracted evidence that survives: whatever does not come from a re-extracted document.
template <class Reextracted>
std::vector<Evidence> surviving(const std::vector<Evidence>& evidence, const Reextracted& reextracted) {
  std::vector<Evidence> out;
  for (const Evidence& e : evidence)
    if (!reextracted(e.source)) out.push_back(e);
  return out;
}

// ---- events ----------------------------------------------------------------

// One report of an event: a freshly extracted mention, or what is left of an old extracted event.
struct Report {
  std::optional<PartialDate> date;
  std::vector<PartialDate> other_dates;  // an old event's conflicting dates
  std::vector<EvItem> evidence;
  std::string statement;
};

struct UnionFind {
  std::vector<std::size_t> parent;
  explicit UnionFind(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  std::size_t find(std::size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void unite(std::size_t a, std::size_t b) {
    a = find(a), b = find(b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  }
};

// Groups reports of one (actor, action, target) into events. Dated reports
// whose dates are compatible are linked (so a month-precision report can join
// two day-precision ones, which then conflict); undated reports join the
// largest dated group, or form one undated event when nothing is dated.
std::vector<std::vector<const Report*>> cluster_reports(std::vector<Report>& reports) {
  // A total order, so the result does not depend on the order of the documents.
  std::sort(reports.begin(), reports.end(), [](const Report& a, const Report& b) {
    if (std::lexicographical_compare(a.evidence.begin(), a.evidence.end(), b.evidence.begin(), b.evidence.end(),
                                     item_less))
      return true;
    if (std::lexicographical_compare(b.evidence.begin(), b.evidence.end(), a.evidence.begin(), a.evidence.end(),
                                     item_less))
      return false;
    return std::tie(a.date, a.statement, a.other_dates) < std::tie(b.date, b.statement, b.other_dates);
  });
  UnionFind sets(reports.size());
  // Linking distinct dates rather than reports keeps this quadratic in the
  // number of different dates only, however many reports share one.
  std::map<PartialDate, std::vector<std::size_t>> by_date;
  std::vector<std::size_t> dated, undated;
  for (std::size_t i = 0; i < reports.size(); ++i) {
    (reports[i].date ? dated : undated).push_back(i);
    if (reports[i].date) by_date[*reports[i].date].push_back(i);
  }
  for (const auto& [when, members] : by_date)
    for (std::size_t i : members) sets.unite(members.front(), i);
  for (auto x = by_date.begin(); x != by_date.end(); ++x)
    for (auto y = std::next(x); y != by_date.end(); ++y)
      if (x->first.compatible(y->first)) sets.unite(x->second.front(), y->second.front());
  if (!undated.empty()) {
    std::map<std::size_t, std::size_t> sizes;
    for (std::size_t i : dated) ++sizes[sets.find(i)];
    std::size_t target = undated.front();
    std::size_t best = 0;
    for (const auto& [root, size] : sizes)  // roots ascend, so ties go to the earliest report
      if (size > best) target = root, best = size;
    for (std::size_t i : undated) sets.unite(i, target);
  }
  std::map<std::size_t, std::vector<const Report*>> groups;
  for (std::size_t i = 0; i < reports.size(); ++i) groups[sets.find(i)].push_back(&reports[i]);
  std::vector<std::vector<const Report*>> out;
  for (auto& [root, members] : groups) out.push_back(std::move(members));
  return out;
}

// Sorted by value, each once; references kept.
void sort_unique(std::vector<EvItem>& items) {
  std::sort(items.begin(), items.end(), item_less);
  items.erase(std::unique(items.begin(), items.end(), [](const EvItem& a, const EvItem& b) { return a.view == b.view; }),
              items.end());
}

// An event, its strings interned and its evidence by reference.
struct CEvent {
  Sym id = 0, actor = 0, action = 0, target = 0, statement = 0;
  std::optional<PartialDate> date;
  std::vector<Sym> conflicting_dates;
  std::vector<EvRef> sources;
  Origin origin = Origin::extracted;
  bool suppressed = false;
};

struct CRelation {
  Sym id = 0, type = 0, from = 0, to = 0;
  std::optional<PartialDate> date;
  std::vector<EvRef> evidence;
  Origin origin = Origin::extracted;
  bool suppressed = false;
};

struct Triple {  // (actor, action, target) of an event group, (type, from, to) of a relation
  Sym a = 0, b = 0, c = 0;
  friend bool operator==(const Triple&, const Triple&) = default;
};
struct TripleHash {
  std::size_t operator()(const Triple& t) const {
    return std::hash<std::uint64_t>{}((static_cast<std::uint64_t>(t.a) << 32 | t.b) * 0x9e3779b97f4a7c15ull ^ t.c);
  }
};

struct RelationParts {
  std::optional<PartialDate> date;  // the earliest reported
  std::vector<EvRef> evidence;
};

// ---- the merge -------------------------------------------------------------

// Where the merged facts go, one at a time and in the file's order.
class FactSink {
 public:
  virtual ~FactSink() = default;
  virtual void source(const Source& s) = 0;
  virtual void actor(const Actor& a) = 0;
  virtual void statement(const Statement& s) = 0;
  virtual void event(const Event& e) = 0;
  virtual void relation(const Relation& r) = 0;
};

class StoreSink : public FactSink {
 public:
  explicit StoreSink(Store& store) : store_(store) {}
  void source(const Source& s) override { store_.sources.push_back(s); }
  void actor(const Actor& a) override { store_.actors.push_back(a); }
  void statement(const Statement& s) override { store_.statements.push_back(s); }
  void event(const Event& e) override { store_.events.push_back(e); }
  void relation(const Relation& r) override { store_.relations.push_back(r); }

 private:
  Store& store_;
};

class YamlSink : public FactSink {
 public:
  explicit YamlSink(StoreStreamWriter& writer) : writer_(writer) {}
  void source(const Source& s) override { writer_.source(s); }
  void actor(const Actor& a) override { writer_.actor(a); }
  void statement(const Statement& s) override { writer_.statement(s); }
  void event(const Event& e) override { writer_.event(e); }
  void relation(const Relation& r) override { writer_.relation(r); }

 private:
  StoreStreamWriter& writer_;
};

// One merge of the documents (consumed) and the previous store into facts.
// The steps, in order: actor votes; one pass over the documents for statement
// ids, event reports and responses; the previous store's facts; events
// clustered group by group; relations; actors; then the facts written in
// file order, statements read from the documents once more.
class MergeRun {
 public:
  MergeRun(DocumentRecords& docs, const Store* previous)
      : d_(docs), pool_(docs.pool), previous_(previous), prev_(previous) {}

  MergeSummary run(FactSink& sink) {
    order_documents();
    vote_actors();
    scan_documents();
    old_statements();
    old_events();
    cluster_events();
    add_event_relations();
    old_relations();
    finish_relations();
    collect_actors();
    MergeSummary summary;
    summary.sources = write_sources(sink);
    for (const auto& [id, a] : actors_) sink.actor(a);
    summary.actors = actors_.size();
    summary.statements = write_statements(sink);
    summary.events = write_events(sink);
    summary.relations = write_relations(sink);
    return summary;
  }

 private:
  std::string str(Sym sym) const { return pool_.str(sym); }
  // The hash in the id of the statement a quote becomes: its document, where it starts, its words.
  std::uint64_t statement_hash(std::string_view doc_id, const SpanRec& quote) const {
    return content_hash({doc_id, std::to_string(quote.start), pool_[quote.text]});
  }
  bool reextracted(std::string_view doc_id) const { return d_.doc_of(doc_id).has_value(); }

  void order_documents() {
    order_.resize(d_.docs.size());
    std::iota(order_.begin(), order_.end(), 0u);
    std::sort(order_.begin(), order_.end(),
              [&](std::uint32_t a, std::uint32_t b) { return pool_[d_.docs[a].id] < pool_[d_.docs[b].id]; });
    live_.assign(d_.docs.size(), true);
    if (previous_)
      for (std::uint32_t i = 0; i < d_.docs.size(); ++i) live_[i] = !prev_.source_suppressed(str(d_.docs[i].id));
  }

  // The final id of a pair's actor before short-name redirects, honouring the user's alias merges.
  Sym resolve(std::uint32_t pair) {
    const auto [id, name] = d_.pair_syms(pair);
    if (!previous_) return id;
    if (resolved_.size() <= pair) resolved_.resize(d_.pair_count(), kNoSym);
    if (resolved_[pair] == kNoSym) resolved_[pair] = pool_.intern(prev_.resolve_actor(str(id), pool_[name]));
    return resolved_[pair];
  }
  Sym actor_of(std::uint64_t ref) {
    if (ref == 0) return 0;
    const Sym id = resolve(static_cast<std::uint32_t>(ref >> 1));
    if (ref & 1)
      if (auto it = redirects_.find(id); it != redirects_.end()) return it->second;
    return id;
  }

  // Actors of the new extraction, mapped through the user's alias merges: the
  // counted entries of every live document (a short name joins a fuller
  // actor of any other document).
  void vote_actors() {
    for (std::uint32_t i = 0; i < d_.docs.size(); ++i)
      if (!live_[i]) d_.uncount(i);
    d_.drain_entries([&](const DocumentRecords::Entry& entry, std::uint32_t count) {
      const auto [local, name_sym] = d_.pair_syms(entry.pair);
      const Sym resolved = resolve(entry.pair);
      const std::string id = str(resolved);
      if (prev_.kept_actor(id)) return;
      ActorVotes& v = votes_[id];
      const std::string name = str(name_sym);
      // A name mapped onto another actor by an alias is an alias there, not a vote for its name.
      if (resolved == local) v.names[name] += static_cast<int>(count);
      else v.names.try_emplace(name, 0);
      v.kinds[str(entry.kind)] += static_cast<int>(count);
      v.aliases.insert(name);
      for (const Sym alias : entry.aliases) v.aliases.insert(str(alias));
    });
    const std::map<std::string, std::string> redirects = short_name_redirects(votes_);
    for (const auto& [short_id, full_id] : redirects) {
      ActorVotes& full = votes_[full_id];
      const ActorVotes& short_form = votes_[short_id];
      for (const auto& [name, count] : short_form.names) full.names.try_emplace(name, 0);
      full.aliases.insert(short_form.aliases.begin(), short_form.aliases.end());
      votes_.erase(short_id);
      // Redirect targets are never redirected themselves, so one look-up is enough.
      redirects_.emplace(pool_.intern(short_id), pool_.intern(full_id));
    }
    if (previous_)  // names and aliases of old extracted actors stay: the user may have added some
      for (const Actor& a : previous_->actors)
        if (!prev_.kept_actor(a.id) && votes_.count(a.id)) {
          votes_[a.id].names.try_emplace(a.name, 0);
          votes_[a.id].aliases.insert(a.name);
          votes_[a.id].aliases.insert(a.aliases.begin(), a.aliases.end());
        }
    if (previous_)
      for (const Actor& a : previous_->actors) previous_actor_ids_.insert(pool_.intern(a.id));
  }

  std::uint32_t group_of(const Triple& key) {
    auto [it, added] = group_index_.try_emplace(key, static_cast<std::uint32_t>(groups_.size()));
    if (added) groups_.push_back(key);
    return it->second;
  }

  void add_relation(Sym type, Sym from, Sym to, const std::optional<PartialDate>& date, const EvRef* evidence,
                    std::size_t count) {
    if (from == 0 || to == 0 || from == to) return;
    RelationParts& parts = relation_parts_[{type, from, to}];
    if (date && (!parts.date || *date < *parts.date)) parts.date = date;
    parts.evidence.insert(parts.evidence.end(), evidence, evidence + count);
  }

  // One pass over the live documents in id order: statement ids (to find the
  // rare id two quotes share), event reports by group, responses.
  void scan_documents() {
    struct Mention {
      std::uint32_t group;
      FreshReport report;
    };
    struct Speaker {  // of a statement, when it may be an old actor nothing else refers to
      std::uint64_t hash;
      std::uint32_t ordinal;
      Sym actor;
    };
    ChunkedVector<Mention> mentions;
    std::vector<std::pair<std::uint64_t, std::uint32_t>> quotes;  // statement hash, ordinal
    std::vector<Speaker> speakers;
    std::vector<std::uint64_t> quote_hashes;
    DocView doc;
    const Sym other = pool_.intern("other"), responds_to = pool_.intern("responds_to");
    std::uint32_t ordinal = 0;
    for (const std::uint32_t i : order_) {
      if (!live_[i]) continue;
      d_.decode(i, doc);
      const std::string doc_id = str(d_.docs[i].id);
      quote_hashes.clear();
      for (const QuoteRec& q : doc.quotes) {
        const std::uint64_t hash = statement_hash(doc_id, q.span);
        quote_hashes.push_back(hash);
        quotes.emplace_back(hash, ordinal);
        if (previous_) {
          const Sym speaker = actor_of(q.speaker);
          if (previous_actor_ids_.count(speaker) && !votes_.count(str(speaker)) && !prev_.kept_actor(str(speaker)) &&
              !prev_.kept_statement(content_id_of("s", hash)))
            speakers.push_back({hash, ordinal, speaker});
        }
        ++ordinal;
      }
      for (const EventRec& e : doc.events) {
        const Sym action = one_of(pool_[e.action], kActions) ? e.action : other;
        const bool quoted = e.quote >= 0 && static_cast<std::size_t>(e.quote) < doc.quotes.size();
        const std::uint32_t quote_at = quoted ? doc.quotes[static_cast<std::size_t>(e.quote)].span.at : 0;
        mentions.push_back({group_of({actor_of(e.actor), action, actor_of(e.target)}), {{i, e.span.at}, quote_at}});
      }
      for (const ResponseRec& r : doc.responses) {
        const EvRef evidence{i, r.span.at};
        add_relation(responds_to, actor_of(r.from), actor_of(r.to), r.date, &evidence, 1);
        const auto n = static_cast<std::int64_t>(quote_hashes.size());
        if (r.from_quote >= 0 && r.to_quote >= 0 && r.from_quote < n && r.to_quote < n)
          add_relation(responds_to, pool_.intern(content_id_of("s", quote_hashes[static_cast<std::size_t>(r.from_quote)])),
                       pool_.intern(content_id_of("s", quote_hashes[static_cast<std::size_t>(r.to_quote)])), r.date,
                       &evidence, 1);
      }
    }
    // Quotes whose ids coincide are one statement: the first, in document order.
    std::sort(quotes.begin(), quotes.end());
    for (std::size_t i = 0; i < quotes.size(); ++i) {
      if (i > 0 && quotes[i].first == quotes[i - 1].first) continue;
      if (i + 1 < quotes.size() && quotes[i + 1].first == quotes[i].first)
        first_quote_of_.emplace(quotes[i].first, quotes[i].second);
      fresh_statements_.push_back(quotes[i].first);
    }
    quotes = {};
    for (const Speaker& s : speakers)
      if (first_of(s.hash, s.ordinal)) referenced_.insert(s.actor);
    // Mentions by group, for clustering one group at a time.
    group_start_.assign(groups_.size() + 1, 0);
    for (std::size_t m = 0; m < mentions.size(); ++m) ++group_start_[mentions[m].group + 1];
    std::partial_sum(group_start_.begin(), group_start_.end(), group_start_.begin());
    std::vector<std::uint32_t> next(group_start_.begin(), group_start_.end() - 1);
    fresh_reports_.resize(mentions.size());
    for (std::size_t m = 0; m < mentions.size(); ++m) fresh_reports_[next[mentions[m].group]++] = mentions[m].report;
  }

  // Whether the quote at `ordinal` (of the scan's order) is the statement of its id.
  bool first_of(std::uint64_t hash, std::uint32_t ordinal) const {
    auto it = first_quote_of_.find(hash);
    return it == first_quote_of_.end() || it->second == ordinal;
  }

  bool statement_exists(std::string_view id) const {
    if (auto hash = parse_content_id("s", id))
      if (std::binary_search(fresh_statements_.begin(), fresh_statements_.end(), *hash)) return true;
    return old_statement_ids_.count(std::string(id)) > 0;
  }
  bool event_exists(std::string_view id) const {
    auto sym = pool_.find(id);
    return sym && event_index_.count(*sym);
  }

  void old_statements() {
    if (!previous_) return;
    for (const Statement& s : previous_->statements) {
      if (prev_.kept_statement(s.id)) {
        if (old_statement_ids_.insert(s.id).second) old_statements_.push_back(s);
      } else if (!s.suppressed && !reextracted(s.evidence.source)) {
        const auto hash = parse_content_id("s", s.id);
        if (hash && std::binary_search(fresh_statements_.begin(), fresh_statements_.end(), *hash)) continue;
        if (!old_statement_ids_.insert(s.id).second) continue;
        Statement kept = s;
        kept.speaker = prev_.resolve_actor(s.speaker);
        old_statements_.push_back(std::move(kept));
      }
    }
    std::sort(old_statements_.begin(), old_statements_.end(), statement_less);
    for (const Statement& s : old_statements_) referenced_.insert(pool_.intern(s.speaker));
  }
  static bool statement_less(const Statement& a, const Statement& b) {
    return std::tie(a.evidence.source, a.evidence.start, a.id) < std::tie(b.evidence.source, b.evidence.start, b.id);
  }

  EvRef old_evidence(const Evidence& e) {
    old_evidence_.push_back({pool_.intern(e.source), pool_.intern(e.text), e.start, e.end});
    return {kOld, static_cast<std::uint32_t>(old_evidence_.size() - 1)};
  }
  EvView view(EvRef ref) const {
    if (ref.doc == kOld) {
      const OldEvidence& e = old_evidence_[ref.at];
      return {pool_[e.source], e.start, e.end, pool_[e.text]};
    }
    const unsigned char* base = d_.record(ref.doc);
    VarintReader in(base + ref.at);
    const SpanRec s = read_span(in, base);
    return {pool_[d_.docs[ref.doc].id], s.start, s.end, pool_[s.text]};
  }
  std::vector<EvRef> sorted_unique(const std::vector<EvRef>& refs) const {
    std::vector<EvItem> items;
    items.reserve(refs.size());
    for (const EvRef& r : refs) items.push_back({view(r), r});
    sort_unique(items);
    std::vector<EvRef> out;
    out.reserve(items.size());
    for (const EvItem& item : items) out.push_back(item.ref);
    return out;
  }

  void add_event(CEvent e) {
    if (event_index_.try_emplace(e.id, static_cast<std::uint32_t>(events_.size())).second)
      events_.push_back(std::move(e));
  }

  void old_events() {
    if (!previous_) return;
    for (const Event& e : previous_->events) {
      if (prev_.kept_event(e.id)) {
        CEvent kept;
        kept.id = pool_.intern(e.id);
        kept.date = e.date;
        for (const std::string& iso : e.conflicting_dates) kept.conflicting_dates.push_back(pool_.intern(iso));
        kept.actor = pool_.intern(e.actor);
        kept.action = pool_.intern(e.action);
        kept.target = pool_.intern(e.target);
        kept.statement = pool_.intern(e.statement);
        for (const Evidence& ev : e.sources) kept.sources.push_back(old_evidence(ev));
        kept.origin = e.origin;
        kept.suppressed = e.suppressed;
        add_event(std::move(kept));
        continue;
      }
      const std::vector<Evidence> evidence = surviving(e.sources, [&](const std::string& id) { return reextracted(id); });
      if (evidence.empty() && !e.sources.empty()) continue;  // every report was re-extracted
      Report r;
      r.date = e.date;
      for (const std::string& iso : e.conflicting_dates)
        if (auto d = PartialDate::parse(iso)) r.other_dates.push_back(*d);
      r.statement = e.statement;
      for (const Evidence& ev : evidence) {
        const EvRef ref = old_evidence(ev);
        r.evidence.push_back({view(ref), ref});
      }
      const Triple key{pool_.intern(prev_.resolve_actor(e.actor)), pool_.intern(e.action),
                       pool_.intern(prev_.resolve_actor(e.target))};
      old_reports_[group_of(key)].push_back(std::move(r));
    }
    group_start_.resize(groups_.size() + 1, group_start_.back());  // groups only old events have
  }

  // The statement id of the quote whose span starts at `at` in a document's record.
  std::string quote_id(std::uint32_t doc, std::uint32_t at) const {
    const unsigned char* base = d_.record(doc);
    VarintReader in(base + at);
    const SpanRec quote = read_span(in, base);
    return content_id_of("s", statement_hash(pool_[d_.docs[doc].id], quote));
  }

  CEvent merge_reports(const Triple& key, const std::vector<const Report*>& members) {
    CEvent e;
    e.actor = key.a, e.action = key.b, e.target = key.c;
    // The event's date: the finest precision, then the most reported, then the earliest.
    std::map<PartialDate, int> counts;
    for (const Report* r : members)
      if (r->date) ++counts[*r->date];
    std::optional<PartialDate> best;
    int best_count = 0;
    for (const auto& [date, count] : counts) {
      if (!best || date.precision() > best->precision() ||
          (date.precision() == best->precision() && count > best_count))
        best = date, best_count = count;
    }
    e.date = best;
    std::set<PartialDate> conflicts;
    for (const Report* r : members) {
      if (r->date && best && !r->date->compatible(*best)) conflicts.insert(*r->date);
      for (const PartialDate& d : r->other_dates)
        if (best && !d.compatible(*best)) conflicts.insert(d);
    }
    for (const PartialDate& d : conflicts) e.conflicting_dates.push_back(pool_.intern(d.iso()));
    std::vector<EvItem> sources;
    const std::string* statement = nullptr;
    for (const Report* r : members) {
      sources.insert(sources.end(), r->evidence.begin(), r->evidence.end());
      if (!statement && !r->statement.empty()) statement = &r->statement;
    }
    if (statement) e.statement = pool_.intern(*statement);
    sort_unique(sources);
    for (const EvItem& item : sources) e.sources.push_back(item.ref);
    e.id = pool_.intern(
        content_id("e", {pool_[e.actor], pool_[e.action], pool_[e.target], e.date ? e.date->iso() : std::string()}));
    return e;
  }

  // Events: each group's reports (old and fresh) clustered by date, one group
  // at a time in key order, only that group's reports expanded.
  void cluster_events() {
    std::vector<std::uint32_t> keys(groups_.size());
    std::iota(keys.begin(), keys.end(), 0u);
    std::sort(keys.begin(), keys.end(), [&](std::uint32_t x, std::uint32_t y) {
      const Triple &a = groups_[x], &b = groups_[y];
      return std::make_tuple(pool_[a.a], pool_[a.b], pool_[a.c]) < std::make_tuple(pool_[b.a], pool_[b.b], pool_[b.c]);
    });
    for (const std::uint32_t g : keys) {
      std::vector<Report> group;
      if (auto it = old_reports_.find(g); it != old_reports_.end()) group = std::move(it->second);
      for (std::uint32_t m = group_start_[g]; m < group_start_[g + 1]; ++m) {
        const FreshReport& fresh = fresh_reports_[m];
        const unsigned char* base = d_.record(fresh.evidence.doc);
        VarintReader in(base + fresh.evidence.at);
        Report r;
        r.date = read_event(in, base).date;
        r.evidence.push_back({view(fresh.evidence), fresh.evidence});
        if (fresh.quote_at) r.statement = quote_id(fresh.evidence.doc, fresh.quote_at);
        group.push_back(std::move(r));
      }
      for (const auto& members : cluster_reports(group)) {
        CEvent e = merge_reports(groups_[g], members);
        if (prev_.kept_event(str(e.id))) continue;
        auto it = event_index_.find(e.id);
        if (it == event_index_.end()) {
          add_event(std::move(e));
        } else if (CEvent& first = events_[it->second]; first.origin == Origin::extracted && !first.suppressed) {
          // A hash collision between two extracted events: keep one, lose no evidence.
          first.sources.insert(first.sources.end(), e.sources.begin(), e.sources.end());
          first.sources = sorted_unique(first.sources);
        }
      }
    }
    old_reports_.clear();
    fresh_reports_ = {};
    group_start_ = {};
    group_index_ = {};
    groups_ = {};
  }

  void add_event_relations() {
    for (const CEvent& e : events_) {
      const std::string type = relation_for_action(pool_[e.action]);
      if (!type.empty() && !e.suppressed)
        add_relation(pool_.intern(type), e.actor, e.target, e.date, e.sources.data(), e.sources.size());
    }
  }

  void old_relations() {
    if (!previous_) return;
    for (const Relation& r : previous_->relations) {
      if (prev_.kept_relation(r.id)) {
        CRelation kept;
        kept.id = pool_.intern(r.id);
        kept.type = pool_.intern(r.type);
        kept.from = pool_.intern(r.from);
        kept.to = pool_.intern(r.to);
        kept.date = r.date;
        for (const Evidence& ev : r.evidence) kept.evidence.push_back(old_evidence(ev));
        kept.origin = r.origin;
        kept.suppressed = r.suppressed;
        if (relation_ids_.insert(kept.id).second) relations_.push_back(std::move(kept));
        continue;
      }
      const std::vector<Evidence> evidence = surviving(r.evidence, [&](const std::string& id) { return reextracted(id); });
      if (evidence.empty() && !r.evidence.empty()) continue;
      auto endpoint = [&](const std::string& id) {
        return statement_exists(id) || event_exists(id) ? id : prev_.resolve_actor(id);
      };
      std::vector<EvRef> refs;
      for (const Evidence& ev : evidence) refs.push_back(old_evidence(ev));
      add_relation(pool_.intern(r.type), pool_.intern(endpoint(r.from)), pool_.intern(endpoint(r.to)), r.date,
                   refs.data(), refs.size());
    }
  }

  void finish_relations() {
    std::vector<Triple> keys;
    keys.reserve(relation_parts_.size());
    for (const auto& [key, parts] : relation_parts_) keys.push_back(key);
    std::sort(keys.begin(), keys.end(), [&](const Triple& a, const Triple& b) {
      return std::make_tuple(pool_[a.a], pool_[a.b], pool_[a.c]) < std::make_tuple(pool_[b.a], pool_[b.b], pool_[b.c]);
    });
    for (const Triple& key : keys) {
      auto node = relation_parts_.extract(key);
      CRelation r;
      r.type = key.a, r.from = key.b, r.to = key.c;
      r.id = pool_.intern(content_id("r", {pool_[r.type], pool_[r.from], pool_[r.to]}));
      if (prev_.kept_relation(str(r.id))) continue;
      if (!relation_ids_.insert(r.id).second) continue;
      r.date = node.mapped().date;
      r.evidence = sorted_unique(node.mapped().evidence);
      relations_.push_back(std::move(r));
    }
    relation_parts_ = {};
  }

  // Actors: the merged new ones, the user's, and old extracted ones something still refers to.
  void collect_actors() {
    for (const auto& [id, v] : votes_) actors_.emplace(id, vote_actor(id, v));
    votes_.clear();
    if (previous_) {
      for (const Actor& a : previous_->actors)
        if (prev_.kept_actor(a.id)) actors_.emplace(a.id, a);
      for (const CEvent& e : events_) referenced_.insert({e.actor, e.target});
      for (const CRelation& r : relations_) referenced_.insert({r.from, r.to});
      for (const Actor& a : previous_->actors)
        if (auto sym = pool_.find(a.id); sym && referenced_.count(*sym)) actors_.emplace(a.id, a);
    }
    for (const auto& [id, a] : actors_) actor_ids_.insert(pool_.intern(id));
  }

  // Extracted facts must not point at nothing (an extractor slip, or a fact
  // the user deleted): such references are dropped. Curated facts are left as they are.
  std::string known_actor(Sym id) const { return id == 0 || actor_ids_.count(id) ? str(id) : std::string(); }
  std::string known_actor(const std::string& id) const {
    if (id.empty()) return id;
    auto sym = pool_.find(id);
    return sym && actor_ids_.count(*sym) ? id : std::string();
  }

  std::size_t write_sources(FactSink& sink) {
    std::vector<const Source*> old;
    if (previous_) {
      std::set<std::string_view> seen;
      for (const Source& s : previous_->sources)
        if ((!reextracted(s.id) || prev_.kept_source(s.id)) && seen.insert(s.id).second) old.push_back(&s);
      std::sort(old.begin(), old.end(), [](const Source* a, const Source* b) { return a->id < b->id; });
    }
    std::size_t written = 0, next_old = 0;
    // Old sources up to `id` (all of them for nullptr); one with the very id
    // is dropped: the document's source comes first.
    auto write_old_until = [&](const std::string* id) {
      for (; next_old < old.size() && (!id || old[next_old]->id <= *id); ++next_old)
        if (!id || old[next_old]->id != *id) sink.source(*old[next_old]), ++written;
    };
    DocView doc;
    for (const std::uint32_t i : order_) {
      if (!live_[i]) continue;
      const std::string id = str(d_.docs[i].id);
      if (prev_.kept_source(id)) continue;
      write_old_until(&id);
      d_.decode_header(i, doc);
      Source s;
      s.id = id;
      s.title = str(doc.title);
      s.outlet = str(doc.outlet);
      s.url = str(doc.url);
      s.published = doc.published;
      s.path = str(doc.path);
      sink.source(s);
      ++written;
    }
    write_old_until(nullptr);
    return written;
  }

  // Statements: each live document's quotes, sorted by position, between the
  // old statements kept (already sorted the same way).
  std::size_t write_statements(FactSink& sink) {
    std::size_t written = 0, next_old = 0;
    auto write_old_before = [&](const Statement* fresh) {
      for (; next_old < old_statements_.size() && (!fresh || statement_less(old_statements_[next_old], *fresh));
           ++next_old, ++written) {
        Statement s = old_statements_[next_old];
        if (s.origin == Origin::extracted) s.speaker = known_actor(s.speaker);
        sink.statement(s);
      }
    };
    DocView doc;
    std::vector<std::pair<Statement, std::uint32_t>> fresh;  // with its quote's index
    std::uint32_t ordinal = 0;
    for (const std::uint32_t i : order_) {
      if (!live_[i]) continue;
      d_.decode(i, doc);
      const std::string doc_id = str(d_.docs[i].id);
      fresh.clear();
      for (std::uint32_t k = 0; k < doc.quotes.size(); ++k, ++ordinal) {
        const QuoteRec& q = doc.quotes[k];
        const std::uint64_t hash = statement_hash(doc_id, q.span);
        Statement s;
        s.id = content_id_of("s", hash);
        if (prev_.kept_statement(s.id) || !first_of(hash, ordinal)) continue;
        s.evidence = {doc_id, q.span.start, q.span.end, std::string()};
        fresh.emplace_back(std::move(s), k);
      }
      std::sort(fresh.begin(), fresh.end(), [](const auto& a, const auto& b) { return statement_less(a.first, b.first); });
      for (auto& [s, k] : fresh) {
        write_old_before(&s);
        const QuoteRec& q = doc.quotes[k];
        s.speaker = known_actor(actor_of(q.speaker));
        s.text = str(q.span.text);
        s.cue = str(q.cue);
        s.date = q.date;
        s.evidence.text = s.text;
        sink.statement(s);
        ++written;
      }
    }
    write_old_before(nullptr);
    return written;
  }

  std::size_t write_events(FactSink& sink) {
    std::vector<std::uint32_t> order(events_.size());
    std::iota(order.begin(), order.end(), 0u);
    std::sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) {
      const CEvent &a = events_[x], &b = events_[y];
      if (a.date.has_value() != b.date.has_value()) return a.date.has_value();  // undated last
      if (a.date && *a.date != *b.date) return *a.date < *b.date;
      return pool_[a.id] < pool_[b.id];
    });
    for (const std::uint32_t i : order) {
      const CEvent& c = events_[i];
      Event e;
      e.id = str(c.id);
      e.date = c.date;
      for (const Sym iso : c.conflicting_dates) e.conflicting_dates.push_back(str(iso));
      e.actor = str(c.actor);
      e.action = str(c.action);
      e.target = str(c.target);
      e.statement = str(c.statement);
      e.origin = c.origin;
      e.suppressed = c.suppressed;
      if (e.origin == Origin::extracted) {
        e.actor = known_actor(c.actor);
        e.target = known_actor(c.target);
        if (!e.statement.empty() && !statement_exists(e.statement)) e.statement.clear();
      }
      for (const EvRef& ref : c.sources) e.sources.push_back(evidence(ref));
      sink.event(e);
    }
    return events_.size();
  }

  Evidence evidence(EvRef ref) const {
    const EvView v = view(ref);
    return {std::string(v.source), v.start, v.end, std::string(v.text)};
  }

  std::size_t write_relations(FactSink& sink) {
    std::vector<std::uint32_t> order(relations_.size());
    std::iota(order.begin(), order.end(), 0u);
    std::sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) {
      const CRelation &a = relations_[x], &b = relations_[y];
      return std::make_tuple(pool_[a.type], pool_[a.from], pool_[a.to], pool_[a.id]) <
             std::make_tuple(pool_[b.type], pool_[b.from], pool_[b.to], pool_[b.id]);
    });
    auto exists = [&](Sym id) {
      return actor_ids_.count(id) || statement_exists(pool_[id]) || event_index_.count(id);
    };
    std::size_t written = 0;
    for (const std::uint32_t i : order) {
      const CRelation& c = relations_[i];
      if (c.origin == Origin::extracted && (!exists(c.from) || !exists(c.to))) continue;
      Relation r;
      r.id = str(c.id);
      r.type = str(c.type);
      r.from = str(c.from);
      r.to = str(c.to);
      r.date = c.date;
      for (const EvRef& ref : c.evidence) r.evidence.push_back(evidence(ref));
      r.origin = c.origin;
      r.suppressed = c.suppressed;
      sink.relation(r);
      ++written;
    }
    return written;
  }

  DocumentRecords& d_;
  StringPool& pool_;
  const Store* previous_;
  const Previous prev_;
  std::vector<std::uint32_t> order_;  // documents by id
  std::vector<bool> live_;            // by document: its source is not suppressed
  std::vector<Sym> resolved_;         // by pair, kNoSym until resolved
  std::unordered_map<Sym, Sym> redirects_;  // short-name actor -> fuller one
  std::map<std::string, ActorVotes> votes_;
  std::unordered_set<Sym> previous_actor_ids_, referenced_;
  // Statements: the sorted ids (hashes) of the live documents' quotes; for an
  // id several quotes share, the ordinal of the first.
  std::vector<std::uint64_t> fresh_statements_;
  std::unordered_map<std::uint64_t, std::uint32_t> first_quote_of_;
  std::vector<Statement> old_statements_;
  std::set<std::string> old_statement_ids_;
  // Events: groups of reports by (actor, action, target); the fresh ones by
  // reference, grouped (group_start_), the old ones expanded.
  std::vector<Triple> groups_;
  std::unordered_map<Triple, std::uint32_t, TripleHash> group_index_;
  std::vector<std::uint32_t> group_start_;
  std::vector<FreshReport> fresh_reports_;
  std::unordered_map<std::uint32_t, std::vector<Report>> old_reports_;
  std::vector<OldEvidence> old_evidence_;
  std::vector<CEvent> events_;
  std::unordered_map<Sym, std::uint32_t> event_index_;
  std::unordered_map<Triple, RelationParts, TripleHash> relation_parts_;
  std::vector<CRelation> relations_;
  std::unordered_set<Sym> relation_ids_;
  std::map<std::string, Actor> actors_;
  std::unordered_set<Sym> actor_ids_;
};

}  // namespace

struct StoreMerger::Impl {
  DocumentRecords docs;
};

StoreMerger::StoreMerger() : impl_(std::make_unique<Impl>()) {}
StoreMerger::~StoreMerger() = default;

StoreMerger::Added StoreMerger::add(const Extraction& x, std::uint64_t key, std::uint64_t* kept_key) {
  return impl_->docs.add(x, key, kept_key);
}

std::size_t StoreMerger::documents() const { return impl_->docs.docs.size(); }

Store StoreMerger::finish(const Store* previous) {
  Store out;
  StoreSink sink(out);
  {
    auto impl = std::exchange(impl_, std::make_unique<Impl>());
    MergeRun(impl->docs, previous).run(sink);
  }
  return out;
}

MergeSummary StoreMerger::write(std::ostream& out, const Store* previous) {
  StoreStreamWriter writer(out);
  YamlSink sink(writer);
  auto impl = std::exchange(impl_, std::make_unique<Impl>());
  const MergeSummary summary = MergeRun(impl->docs, previous).run(sink);
  impl.reset();
  writer.finish();
  return summary;
}

Store build_store(const std::vector<Extraction>& docs, const Store* previous) {
  StoreMerger merger;
  for (const Extraction& doc : docs) merger.add(doc);
  return merger.finish(previous);
}

}  // namespace evgraph
