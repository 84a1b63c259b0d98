// The reduce step: per-document extractions + the previous store -> one Store (see merge.h).
#include "evgraph/merge.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <numeric>
#include <set>
#include <tuple>
#include <unordered_map>

#include "evgraph/ids.h"

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

bool evidence_less(const Evidence& a, const Evidence& b) {
  return std::tie(a.source, a.start, a.end, a.text) < std::tie(b.source, b.start, b.end, b.text);
}

void sort_unique(std::vector<Evidence>& items) {
  std::sort(items.begin(), items.end(), evidence_less);
  items.erase(std::unique(items.begin(), items.end()), items.end());
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

// ---- events ----------------------------------------------------------------

// One report of an event: a freshly extracted mention, or what is left of an old extracted event.
struct Report {
  std::optional<PartialDate> date;
  std::vector<PartialDate> other_dates;  // an old event's conflicting dates
  std::vector<Evidence> evidence;
  std::string statement;
};

using EventKey = std::tuple<std::string, std::string, std::string>;  // actor, action, target

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
                                     evidence_less))
      return true;
    if (std::lexicographical_compare(b.evidence.begin(), b.evidence.end(), a.evidence.begin(), a.evidence.end(),
                                     evidence_less))
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

Event merge_reports(const EventKey& key, const std::vector<const Report*>& members) {
  Event e;
  std::tie(e.actor, e.action, e.target) = key;
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
  for (const PartialDate& d : conflicts) e.conflicting_dates.push_back(d.iso());
  for (const Report* r : members) {
    e.sources.insert(e.sources.end(), r->evidence.begin(), r->evidence.end());
    if (e.statement.empty()) e.statement = r->statement;
  }
  sort_unique(e.sources);
  e.id = content_id("e", {e.actor, e.action, e.target, e.date ? e.date->iso() : std::string()});
  e.origin = Origin::extracted;
  return e;
}

// ---- relations -------------------------------------------------------------

using RelationKey = std::tuple<std::string, std::string, std::string>;  // type, from, to

struct RelationParts {
  std::optional<PartialDate> date;  // the earliest reported
  std::vector<Evidence> evidence;
};

void add_relation(std::map<RelationKey, RelationParts>& relations, const std::string& type, const std::string& from,
                  const std::string& to, const std::optional<PartialDate>& date, const std::vector<Evidence>& evidence) {
  if (from.empty() || to.empty() || from == to) return;
  RelationParts& parts = relations[{type, from, to}];
  if (date && (!parts.date || *date < *parts.date)) parts.date = date;
  parts.evidence.insert(parts.evidence.end(), evidence.begin(), evidence.end());
}

// ---- compact documents -------------------------------------------------------

using Sym = std::uint32_t;  // an interned string; 0 is ""

// Every string once, in large blocks: names, ids, actions and kinds repeat in
// nearly every document, and a std::string each would cost more than the text.
class StringPool {
 public:
  StringPool() { intern(""); }

  Sym intern(std::string_view s) {
    if (auto it = index_.find(s); it != index_.end()) return it->second;
    const std::string_view stored = store(s);
    const auto sym = static_cast<Sym>(views_.size());
    views_.push_back(stored);
    index_.emplace(stored, sym);
    return sym;
  }
  std::string_view operator[](Sym sym) const { return views_[sym]; }
  std::string str(Sym sym) const { return std::string(views_[sym]); }

 private:
  static constexpr std::size_t kBlock = 1u << 20;

  std::string_view store(std::string_view s) {
    if (s.empty()) return {};
    if (s.size() > kBlock / 4) {  // a long string gets a block of its own
      big_.push_back(std::make_unique<char[]>(s.size()));
      std::memcpy(big_.back().get(), s.data(), s.size());
      return {big_.back().get(), s.size()};
    }
    if (blocks_.empty() || used_ + s.size() > kBlock) {
      blocks_.push_back(std::make_unique<char[]>(kBlock));
      used_ = 0;
    }
    char* at = blocks_.back().get() + used_;
    std::memcpy(at, s.data(), s.size());
    used_ += s.size();
    return {at, s.size()};
  }

  std::vector<std::unique_ptr<char[]>> blocks_, big_;
  std::size_t used_ = 0;
  std::vector<std::string_view> views_;
  std::unordered_map<std::string_view, Sym> index_;
};

// What build_store reads of an Extraction, with strings interned.
struct SpanRec {
  std::uint64_t start = 0, end = 0;
  Sym text = 0;
};
struct ActorRec {
  Sym id = 0, name = 0, kind = 0;
  std::uint32_t aliases_begin = 0, aliases_end = 0;  // into DocRec::aliases
};
struct QuoteRec {
  SpanRec span;
  Sym speaker = 0, cue = 0;
  std::optional<PartialDate> date;
};
struct EventRec {
  SpanRec evidence;
  Sym actor = 0, action = 0, target = 0;
  int quote = -1;
  std::optional<PartialDate> date;
};
struct ResponseRec {
  SpanRec evidence;
  Sym from = 0, to = 0;
  int from_quote = -1, to_quote = -1;
  std::optional<PartialDate> date;
};
// A freshly extracted report, its strings left in the pool until its group
// is merged: there are as many as event mentions, so they must be small.
struct FreshReport {
  std::optional<PartialDate> date;
  Sym doc = 0, text = 0, statement = 0;
  std::uint64_t start = 0, end = 0;
};
struct ReportGroup {
  std::vector<FreshReport> fresh;
  std::vector<Report> old;  // what is left of the previous store's events
};

struct DocRec {
  std::uint64_t key = 0;
  Sym title = 0, outlet = 0, url = 0, path = 0;
  std::optional<PartialDate> published;
  std::vector<ActorRec> actors;
  std::vector<Sym> aliases;
  std::vector<QuoteRec> quotes;
  std::vector<EventRec> events;
  std::vector<ResponseRec> responses;
};

// Old extracted evidence that survives: whatever does not come from a re-extracted document.
template <class Reextracted>
std::vector<Evidence> surviving(const std::vector<Evidence>& evidence, const Reextracted& reextracted) {
  std::vector<Evidence> out;
  for (const Evidence& e : evidence)
    if (!reextracted(e.source)) out.push_back(e);
  return out;
}

}  // namespace

struct StoreMerger::Impl {
  StringPool pool;
  std::map<std::string_view, DocRec, std::less<>> docs;  // keys point into the pool

  DocRec compact(const Extraction& x, std::uint64_t key) {
    DocRec d;
    d.key = key;
    d.title = pool.intern(x.meta.title);
    d.outlet = pool.intern(x.meta.outlet);
    d.url = pool.intern(x.meta.url);
    d.path = pool.intern(x.path);
    d.published = x.meta.published;
    auto span = [&](const Span& s) { return SpanRec{s.start, s.end, pool.intern(s.text)}; };
    std::size_t alias_count = 0;
    for (const ExtractedActor& a : x.actors) alias_count += a.aliases.size();
    d.actors.reserve(x.actors.size());
    d.aliases.reserve(alias_count);
    for (const ExtractedActor& a : x.actors) {
      ActorRec r{pool.intern(a.id), pool.intern(a.name), pool.intern(a.kind), 0, 0};
      r.aliases_begin = static_cast<std::uint32_t>(d.aliases.size());
      for (const std::string& alias : a.aliases) d.aliases.push_back(pool.intern(alias));
      r.aliases_end = static_cast<std::uint32_t>(d.aliases.size());
      d.actors.push_back(r);
    }
    d.quotes.reserve(x.quotes.size());
    for (const ExtractedQuote& q : x.quotes)
      d.quotes.push_back({span(q.span), pool.intern(q.speaker), pool.intern(q.cue), q.date});
    d.events.reserve(x.events.size());
    for (const ExtractedEvent& e : x.events)
      d.events.push_back(
          {span(e.evidence), pool.intern(e.actor), pool.intern(e.action), pool.intern(e.target), e.quote, e.date});
    d.responses.reserve(x.responses.size());
    for (const ExtractedResponse& r : x.responses)
      d.responses.push_back({span(r.evidence), pool.intern(r.from), pool.intern(r.to), r.from_quote, r.to_quote, r.date});
    return d;
  }

  Store finish(const Store* previous);
};

StoreMerger::StoreMerger() : impl_(std::make_unique<Impl>()) {}
StoreMerger::~StoreMerger() = default;

StoreMerger::Added StoreMerger::add(const Extraction& x, std::uint64_t key, std::uint64_t* kept_key) {
  auto it = impl_->docs.find(std::string_view(x.doc));
  if (it == impl_->docs.end()) {
    impl_->docs.emplace(impl_->pool[impl_->pool.intern(x.doc)], impl_->compact(x, key));
    return Added::added;
  }
  if (kept_key) *kept_key = it->second.key;
  if (key == it->second.key) return Added::same;
  if (key > it->second.key) return Added::ignored;
  it->second = impl_->compact(x, key);  // strings of the replaced one stay in the pool: a rare case
  return Added::replaced;
}

std::size_t StoreMerger::documents() const { return impl_->docs.size(); }

Store StoreMerger::finish(const Store* previous) {
  Store out = impl_->finish(previous);
  impl_ = std::make_unique<Impl>();
  return out;
}

Store build_store(const std::vector<Extraction>& docs, const Store* previous) {
  StoreMerger merger;
  for (const Extraction& doc : docs) merger.add(doc);
  return merger.finish(previous);
}

Store StoreMerger::Impl::finish(const Store* previous) {
  const Previous prev(previous);
  Store out;
  std::vector<std::string> doc_ids;  // every document added, sorted (docs is freed half-way)
  doc_ids.reserve(docs.size());
  for (const auto& [id, rec] : docs) doc_ids.emplace_back(id);
  auto reextracted = [&](const std::string& id) { return std::binary_search(doc_ids.begin(), doc_ids.end(), id); };

  struct LiveDoc {
    std::string id;
    DocRec* rec;
  };
  std::vector<LiveDoc> live_docs;  // in document id order
  for (auto& [id, rec] : docs)
    if (!prev.source_suppressed(std::string(id))) live_docs.push_back({std::string(id), &rec});

  // Actors of the new extraction, mapped through the user's alias merges. All
  // documents first: a short name joins a fuller actor of any other document.
  std::map<std::string, ActorVotes> votes;
  // Per document: local id -> final id before short-name redirects, sorted by
  // local id (the first entry of an id wins).
  std::vector<std::vector<std::pair<Sym, Sym>>> actor_maps(live_docs.size());
  for (std::size_t d = 0; d < live_docs.size(); ++d) {
    DocRec& doc = *live_docs[d].rec;
    auto& map = actor_maps[d];
    for (const ActorRec& a : doc.actors) {
      const std::string local = pool.str(a.id);
      const std::string name = pool.str(a.name);
      const std::string id = prev.resolve_actor(local, name);
      map.emplace_back(a.id, pool.intern(id));
      if (prev.kept_actor(id)) continue;
      ActorVotes& v = votes[id];
      // A name mapped onto another actor by an alias is an alias there, not a vote for its name.
      if (id == local) ++v.names[name];
      else v.names.try_emplace(name, 0);
      ++v.kinds[pool.str(a.kind)];
      v.aliases.insert(name);
      for (std::uint32_t i = a.aliases_begin; i < a.aliases_end; ++i) v.aliases.insert(pool.str(doc.aliases[i]));
    }
    std::stable_sort(map.begin(), map.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    map.erase(std::unique(map.begin(), map.end(), [](const auto& x, const auto& y) { return x.first == y.first; }),
              map.end());
    map.shrink_to_fit();
    doc.actors = {};
    doc.aliases = {};
  }
  const std::map<std::string, std::string> redirects = short_name_redirects(votes);
  for (const auto& [short_id, full_id] : redirects) {
    ActorVotes& full = votes[full_id];
    const ActorVotes& short_form = votes[short_id];
    for (const auto& [name, count] : short_form.names) full.names.try_emplace(name, 0);
    full.aliases.insert(short_form.aliases.begin(), short_form.aliases.end());
    votes.erase(short_id);
  }
  // Redirect targets are never redirected themselves, so one look-up is enough.
  auto actor_in_doc = [&](std::size_t d, Sym sym) -> std::string {
    if (sym == 0) return {};
    const auto& map = actor_maps[d];
    auto it = std::lower_bound(map.begin(), map.end(), sym, [](const auto& x, Sym s) { return x.first < s; });
    if (it == map.end() || it->first != sym) {
      const std::string id = pool.str(sym);
      return prev.resolve_actor(id, id);
    }
    std::string id = pool.str(it->second);
    if (auto r = redirects.find(id); r != redirects.end()) return r->second;
    return id;
  };
  if (previous)  // names and aliases of old extracted actors stay: the user may have added some
    for (const Actor& a : previous->actors)
      if (!prev.kept_actor(a.id) && votes.count(a.id)) {
        votes[a.id].names.try_emplace(a.name, 0);
        votes[a.id].aliases.insert(a.name);
        votes[a.id].aliases.insert(a.aliases.begin(), a.aliases.end());
      }

  // Then, document by document (each record freed once read): its source,
  // statements, event reports and responses.
  std::map<std::string, Source> sources;
  std::map<std::string, Statement> statements;
  // Events: reports grouped by (actor, action, target), then clustered by date.
  std::map<EventKey, ReportGroup> reports;
  // Relations: responses, statement-level responses, and edges implied by events.
  std::map<RelationKey, RelationParts> relations;
  std::vector<std::string> quote_ids;
  for (std::size_t d = 0; d < live_docs.size(); ++d) {
    const std::string& doc_id = live_docs[d].id;
    const Sym doc_sym = pool.intern(doc_id);
    DocRec& doc = *live_docs[d].rec;
    if (!prev.kept_source(doc_id)) {
      Source s;
      s.id = doc_id;
      s.title = pool.str(doc.title);
      s.outlet = pool.str(doc.outlet);
      s.url = pool.str(doc.url);
      s.published = doc.published;
      s.path = pool.str(doc.path);
      sources.emplace(s.id, std::move(s));
    }
    quote_ids.clear();
    for (const QuoteRec& q : doc.quotes) {
      Statement s;
      s.id = content_id("s", {doc_id, std::to_string(q.span.start), pool[q.span.text]});
      quote_ids.push_back(s.id);
      if (prev.kept_statement(s.id)) continue;
      s.speaker = actor_in_doc(d, q.speaker);
      s.text = pool.str(q.span.text);
      s.cue = pool.str(q.cue);
      s.date = q.date;
      s.evidence = {doc_id, q.span.start, q.span.end, s.text};
      statements.emplace(s.id, std::move(s));
    }
    for (const EventRec& ev : doc.events) {
      const std::string_view raw_action = pool[ev.action];
      const std::string action = one_of(raw_action, kActions) ? std::string(raw_action) : "other";
      FreshReport r{ev.date, doc_sym, ev.evidence.text, 0, ev.evidence.start, ev.evidence.end};
      if (ev.quote >= 0 && static_cast<std::size_t>(ev.quote) < quote_ids.size())
        r.statement = pool.intern(quote_ids[ev.quote]);
      reports[{actor_in_doc(d, ev.actor), action, actor_in_doc(d, ev.target)}].fresh.push_back(r);
    }
    for (const ResponseRec& resp : doc.responses) {
      const std::vector<Evidence> evidence{{doc_id, resp.evidence.start, resp.evidence.end, pool.str(resp.evidence.text)}};
      add_relation(relations, "responds_to", actor_in_doc(d, resp.from), actor_in_doc(d, resp.to), resp.date, evidence);
      if (resp.from_quote >= 0 && resp.to_quote >= 0 && static_cast<std::size_t>(resp.from_quote) < quote_ids.size() &&
          static_cast<std::size_t>(resp.to_quote) < quote_ids.size())
        add_relation(relations, "responds_to", quote_ids[resp.from_quote], quote_ids[resp.to_quote], resp.date,
                     evidence);
    }
    doc = DocRec();
    actor_maps[d] = {};
  }
  actor_maps = {};
  live_docs = {};
  docs = {};

  if (previous)
    for (const Source& s : previous->sources)
      if (!reextracted(s.id) || prev.kept_source(s.id)) sources.emplace(s.id, s);
  if (previous)
    for (const Statement& s : previous->statements) {
      if (prev.kept_statement(s.id)) {
        statements.emplace(s.id, s);
      } else if (!s.suppressed && !reextracted(s.evidence.source)) {
        Statement kept = s;
        kept.speaker = prev.resolve_actor(s.speaker);
        statements.emplace(kept.id, std::move(kept));
      }
    }

  std::map<std::string, Event> events;
  if (previous)
    for (const Event& e : previous->events) {
      if (prev.kept_event(e.id)) {
        events.emplace(e.id, e);
        continue;
      }
      Report r;
      r.evidence = surviving(e.sources, reextracted);
      if (r.evidence.empty() && !e.sources.empty()) continue;  // every report was re-extracted
      r.date = e.date;
      for (const std::string& iso : e.conflicting_dates)
        if (auto d = PartialDate::parse(iso)) r.other_dates.push_back(*d);
      r.statement = e.statement;
      reports[{prev.resolve_actor(e.actor), e.action, prev.resolve_actor(e.target)}].old.push_back(std::move(r));
    }
  while (!reports.empty()) {  // each group expanded only while it is merged
    auto node = reports.extract(reports.begin());
    std::vector<Report> group = std::move(node.mapped().old);
    group.reserve(group.size() + node.mapped().fresh.size());
    for (const FreshReport& f : node.mapped().fresh) {
      Report r;
      r.date = f.date;
      r.evidence.push_back({pool.str(f.doc), f.start, f.end, pool.str(f.text)});
      r.statement = pool.str(f.statement);
      group.push_back(std::move(r));
    }
    node.mapped().fresh = {};
    for (const auto& members : cluster_reports(group)) {
      Event e = merge_reports(node.key(), members);
      if (prev.kept_event(e.id)) continue;
      auto it = events.find(e.id);
      if (it == events.end()) {
        events.emplace(e.id, std::move(e));
      } else if (it->second.origin == Origin::extracted && !it->second.suppressed) {
        // A hash collision between two extracted events: keep one, lose no evidence.
        it->second.sources.insert(it->second.sources.end(), e.sources.begin(), e.sources.end());
        sort_unique(it->second.sources);
      }
    }
  }
  pool = StringPool();

  for (const auto& [id, e] : events) {
    const std::string type = relation_for_action(e.action);
    if (!type.empty() && !e.suppressed) add_relation(relations, type, e.actor, e.target, e.date, e.sources);
  }
  std::map<std::string, Relation> relation_by_id;
  if (previous)
    for (const Relation& r : previous->relations) {
      if (prev.kept_relation(r.id)) {
        relation_by_id.emplace(r.id, r);
        continue;
      }
      const std::vector<Evidence> evidence = surviving(r.evidence, reextracted);
      if (evidence.empty() && !r.evidence.empty()) continue;
      auto endpoint = [&](const std::string& id) {
        return statements.count(id) || events.count(id) ? id : prev.resolve_actor(id);
      };
      add_relation(relations, r.type, endpoint(r.from), endpoint(r.to), r.date, evidence);
    }
  while (!relations.empty()) {
    auto node = relations.extract(relations.begin());
    RelationParts& parts = node.mapped();
    Relation r;
    std::tie(r.type, r.from, r.to) = node.key();
    r.id = content_id("r", {r.type, r.from, r.to});
    if (prev.kept_relation(r.id)) continue;
    r.date = parts.date;
    r.evidence = std::move(parts.evidence);
    sort_unique(r.evidence);
    relation_by_id.emplace(r.id, std::move(r));
  }

  // Actors: the merged new ones, the user's, and old extracted ones something still refers to.
  std::map<std::string, Actor> actors;
  for (const auto& [id, v] : votes) actors.emplace(id, vote_actor(id, v));
  if (previous) {
    for (const Actor& a : previous->actors)
      if (prev.kept_actor(a.id)) actors.emplace(a.id, a);
    std::set<std::string> referenced;
    for (const auto& [id, s] : statements) referenced.insert(s.speaker);
    for (const auto& [id, e] : events) referenced.insert({e.actor, e.target});
    for (const auto& [id, r] : relation_by_id) referenced.insert({r.from, r.to});
    for (const Actor& a : previous->actors)
      if (referenced.count(a.id)) actors.emplace(a.id, a);
  }

  // Extracted facts must not point at nothing (an extractor slip, or a fact
  // the user deleted): drop such references. Curated facts are left as they are.
  auto known_actor = [&](std::string& id) {
    if (!id.empty() && !actors.count(id)) id.clear();
  };
  for (auto& [id, s] : statements)
    if (s.origin == Origin::extracted) known_actor(s.speaker);
  for (auto& [id, e] : events) {
    if (e.origin != Origin::extracted) continue;
    known_actor(e.actor);
    known_actor(e.target);
    if (!e.statement.empty() && !statements.count(e.statement)) e.statement.clear();
  }
  for (auto it = relation_by_id.begin(); it != relation_by_id.end();) {
    const Relation& r = it->second;
    auto exists = [&](const std::string& id) { return actors.count(id) || statements.count(id) || events.count(id); };
    if (r.origin == Origin::extracted && (!exists(r.from) || !exists(r.to))) it = relation_by_id.erase(it);
    else ++it;
  }

  // Deterministic order.
  // Each map node is freed as its fact moves into the store.
  auto drain = [](auto& from, auto& to) {
    to.reserve(from.size());
    while (!from.empty()) to.push_back(std::move(from.extract(from.begin()).mapped()));
  };
  drain(sources, out.sources);
  drain(actors, out.actors);
  drain(statements, out.statements);
  std::sort(out.statements.begin(), out.statements.end(), [](const Statement& a, const Statement& b) {
    return std::tie(a.evidence.source, a.evidence.start, a.id) < std::tie(b.evidence.source, b.evidence.start, b.id);
  });
  drain(events, out.events);
  std::sort(out.events.begin(), out.events.end(), [](const Event& a, const Event& b) {
    if (a.date.has_value() != b.date.has_value()) return a.date.has_value();  // undated last
    if (a.date && *a.date != *b.date) return *a.date < *b.date;
    return a.id < b.id;
  });
  drain(relation_by_id, out.relations);
  std::sort(out.relations.begin(), out.relations.end(), [](const Relation& a, const Relation& b) {
    return std::tie(a.type, a.from, a.to, a.id) < std::tie(b.type, b.from, b.to, b.id);
  });
  return out;
}

}  // namespace evgraph
