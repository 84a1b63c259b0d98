#include "evgraph/merge.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <sstream>
#include <tuple>

#include "evgraph/ids.h"
#include "evgraph/store_yaml.h"

using namespace evgraph;

namespace {

PartialDate date(const char* iso) { return *PartialDate::parse(iso); }

Span span(std::size_t start, std::string text) { return {start, start + text.size(), std::move(text)}; }

ExtractedActor actor(std::string id, std::string name, std::string kind, std::vector<std::string> aliases = {}) {
  return {std::move(id), std::move(name), std::move(kind), std::move(aliases), {}};
}

ExtractedEvent event(std::string who, std::string action, std::string target, std::optional<PartialDate> when,
                     std::size_t start, std::string text, int quote = -1) {
  ExtractedEvent e;
  e.actor = std::move(who);
  e.action = std::move(action);
  e.target = std::move(target);
  e.date = when;
  e.evidence = span(start, std::move(text));
  e.quote = quote;
  return e;
}

ExtractedQuote quote(std::size_t start, std::string text, std::string speaker, std::optional<PartialDate> when) {
  return {span(start, std::move(text)), std::move(speaker), "said", when};
}

ExtractedResponse response(std::string from, std::string to, std::size_t start, std::string text, int from_quote = -1,
                           int to_quote = -1) {
  ExtractedResponse r;
  r.from = std::move(from);
  r.to = std::move(to);
  r.from_quote = from_quote;
  r.to_quote = to_quote;
  r.evidence = span(start, std::move(text));
  return r;
}

Extraction document(std::string id, std::optional<PartialDate> published = {}) {
  Extraction x;
  x.doc = id;
  x.path = "articles/" + id + ".txt";
  x.meta.title = "About " + id;
  x.meta.published = published;
  return x;
}

// Two reports of the same story, plus a third article with a conflicting date.
std::vector<Extraction> story() {
  Extraction a = document("a", date("2025-05-04"));
  a.actors = {actor("acme", "Acme", "organization", {"ACME", "the chipmaker"}),
              actor("globex", "Globex", "organization"), actor("jane-roe", "Jane Roe", "person", {"Ms. Roe"})};
  a.quotes = {quote(100, "Globex is wrong.", "acme", date("2025-05-03")),
              quote(300, "We stand by it.", "globex", date("2025-05-03"))};
  a.events = {event("acme", "criticize", "globex", date("2025-05-03"), 80, "Acme criticized Globex", 0),
              event("globex", "respond", "acme", date("2025-05-03"), 280, "Globex responded", 1)};
  a.responses = {response("globex", "acme", 280, "Globex responded to Acme", 1, 0)};

  Extraction b = document("b", date("2025-05-05"));
  b.actors = {actor("acme", "ACME", "organization", {"Acme Corp"}), actor("globex", "Globex", "group"),
              actor("roe", "Roe", "person")};
  b.events = {event("acme", "criticize", "globex", date("2025-05-03"), 10, "ACME attacked Globex"),
              event("roe", "say", "", date("2025-05-04"), 500, "Roe said")};
  b.quotes = {quote(520, "It is a misunderstanding.", "roe", date("2025-05-04"))};
  b.responses = {response("globex", "acme", 40, "Globex hit back at ACME")};

  Extraction c = document("c");
  c.actors = {actor("acme", "Acme", "organization"), actor("globex", "Globex", "organization"),
              actor("monday", "Monday", "person"), actor("john-roe", "John Roe", "person")};
  // A month-only report links the two day-precision reports whose dates disagree.
  c.events = {event("acme", "criticize", "globex", date("2025-05"), 5, "In May, Acme criticized Globex"),
              event("acme", "criticize", "globex", date("2025-05-01"), 60, "Acme criticized Globex on May 1"),
              event("monday", "announce", "", date("2025-05-06"), 90, "Monday announced")};
  return {a, b, c};
}

const Event* find_event(const Store& store, std::string_view actor, std::string_view action) {
  for (const Event& e : store.events)
    if (e.actor == actor && e.action == action) return &e;
  return nullptr;
}

const Relation* find_relation(const Store& store, std::string_view type, std::string_view from, std::string_view to) {
  for (const Relation& r : store.relations)
    if (r.type == type && r.from == from && r.to == to) return &r;
  return nullptr;
}

// The store must be valid as written: no dangling references, no duplicate ids.
void check_valid(const Store& store) {
  Diagnostics diags;
  const auto back = parse_store(format_store(store), "events.yaml", diags);
  for (const Diagnostic& d : diags.items()) INFO(d.format());
  CHECK(back);
  CHECK(diags.empty());
}

// Replaces `from` by `to` inside the entry "  - id: ID" of the store text, as a person would by hand.
std::string edit_entry(std::string text, std::string_view id, std::string_view from, std::string_view to) {
  const std::string head = "  - id: " + std::string(id) + "\n";
  const auto start = text.find(head);
  REQUIRE_MESSAGE(start != std::string::npos, id);
  auto end = text.find("\n  - ", start + 1);
  for (const char* section : {"\nactors:", "\nstatements:", "\nevents:", "\nrelations:"}) {
    const auto at = text.find(section, start);
    if (at != std::string::npos && at < end) end = at;
  }
  const auto at = text.find(from, start);
  REQUIRE_MESSAGE((at != std::string::npos && at < end), from);
  text.replace(at, from.size(), to);
  return text;
}

// The hand edits of the curation tests, on a store of story(): the criticism's date
// fixed and curated, "Roe" merged into "Jane Roe" (an alias there, the other actor
// suppressed), "Monday" and its event suppressed as a false positive, a source renamed.
std::string with_user_edits(std::string edited, const std::string& criticism_id, const std::string& announce_id) {
  edited = edit_entry(edited, criticism_id, "    date: 2025-05-03\n", "    date: 2025-05-02\n");
  edited = edit_entry(edited, criticism_id, "origin: extracted", "origin: curated");
  edited = edit_entry(edited, "jane-roe", "aliases: [Ms. Roe]", "aliases: [Ms. Roe, Roe]");
  edited = edit_entry(edited, "jane-roe", "origin: extracted", "origin: curated");
  edited = edit_entry(edited, "roe", "origin: extracted\n", "origin: extracted\n    suppressed: true\n");
  edited = edit_entry(edited, "monday", "origin: extracted\n", "origin: extracted\n    suppressed: true\n");
  edited = edit_entry(edited, announce_id, "origin: extracted\n", "origin: extracted\n    suppressed: true\n");
  edited = edit_entry(edited, "b", "title: \"About b\"", "title: \"The real headline\"");
  return edit_entry(edited, "b", "origin: extracted", "origin: curated");
}

}  // namespace

TEST_CASE("sources come from the documents, actors merge across documents") {
  const Store store = build_store(story());
  REQUIRE(store.sources.size() == 3);
  CHECK(store.sources[0].id == "a");
  CHECK(store.sources[0].path == "articles/a.txt");
  CHECK(store.sources[0].published->iso() == "2025-05-04");
  CHECK(store.sources[0].origin == Origin::extracted);

  const Actor* acme = store.find_actor("acme");
  REQUIRE(acme);
  CHECK(acme->name == "Acme");  // two documents of three say "Acme"
  CHECK(acme->aliases == std::vector<std::string>{"ACME", "Acme Corp", "the chipmaker"});
  const Actor* globex = store.find_actor("globex");
  REQUIRE(globex);
  CHECK(globex->kind == "organization");  // two votes to one
  CHECK(std::is_sorted(store.actors.begin(), store.actors.end(),
                       [](const Actor& x, const Actor& y) { return x.id < y.id; }));
  check_valid(store);
}

TEST_CASE("statements get content ids and keep their span") {
  const Store store = build_store(story());
  REQUIRE(store.statements.size() == 3);
  const Statement& first = store.statements[0];
  CHECK(first.id == content_id("s", {"a", "100", "Globex is wrong."}));
  CHECK(first.speaker == "acme");
  CHECK(first.evidence == Evidence{"a", 100, 116, "Globex is wrong."});
  CHECK(store.statements[2].evidence.source == "b");
}

TEST_CASE("the same event reported by several documents is one event; conflicting dates are kept") {
  const Store store = build_store(story());
  const Event* e = find_event(store, "acme", "criticize");
  REQUIRE(e);
  CHECK(e->date->iso() == "2025-05-03");  // the most reported day
  CHECK(e->conflicting_dates == std::vector<std::string>{"2025-05-01"});
  REQUIRE(e->sources.size() == 4);
  CHECK(e->sources[0] == Evidence{"a", 80, 102, "Acme criticized Globex"});
  CHECK(e->sources[1].source == "b");
  CHECK(e->sources[2].source == "c");
  CHECK(e->id == content_id("e", {"acme", "criticize", "globex", "2025-05-03"}));
  CHECK(e->statement == store.statements[0].id);
  int criticisms = 0;
  for (const Event& ev : store.events) criticisms += ev.action == "criticize";
  CHECK(criticisms == 1);
  // Events are ordered by date.
  CHECK(std::is_sorted(store.events.begin(), store.events.end(),
                       [](const Event& x, const Event& y) { return *x.date < *y.date; }));
}

TEST_CASE("reports whose dates are incompatible and not linked stay separate events") {
  Extraction a = document("a");
  a.actors = {actor("acme", "Acme", "organization"), actor("globex", "Globex", "organization")};
  a.events = {event("acme", "urge", "globex", date("2025-03-02"), 0, "Acme urged Globex"),
              event("acme", "urge", "globex", date("2025-06-10"), 50, "Acme urged Globex again"),
              event("acme", "urge", "globex", std::nullopt, 90, "Acme has urged Globex"),
              event("acme", "urge", "globex", date("2025-06-10"), 120, "It urged Globex")};
  const Store store = build_store({a});
  REQUIRE(store.events.size() == 2);
  CHECK(store.events[0].date->iso() == "2025-03-02");
  CHECK(store.events[0].sources.size() == 1);
  CHECK(store.events[1].date->iso() == "2025-06-10");
  CHECK(store.events[1].sources.size() == 3);  // the undated report joins the larger group
  CHECK(store.events[1].conflicting_dates.empty());
}

TEST_CASE("responses merge per (from, to) with all evidence; statement edges and event edges too") {
  const Store store = build_store(story());
  const Relation* responds = find_relation(store, "responds_to", "globex", "acme");
  REQUIRE(responds);
  REQUIRE(responds->evidence.size() == 2);
  CHECK(responds->evidence[0].source == "a");
  CHECK(responds->evidence[1].source == "b");
  CHECK(responds->id == content_id("r", {"responds_to", "globex", "acme"}));
  const Relation* quoted = find_relation(store, "responds_to", store.statements[1].id, store.statements[0].id);
  CHECK(quoted);
  const Relation* criticizes = find_relation(store, "criticizes", "acme", "globex");
  REQUIRE(criticizes);
  CHECK(criticizes->evidence.size() == 4);
  CHECK(criticizes->date->iso() == "2025-05-03");
  CHECK(std::is_sorted(store.relations.begin(), store.relations.end(), [](const Relation& x, const Relation& y) {
    return std::tie(x.type, x.from, x.to) < std::tie(y.type, y.from, y.to);
  }));
  check_valid(store);
}

TEST_CASE("the output does not depend on the order of the documents") {
  std::vector<Extraction> docs = story();
  const std::string forward = format_store(build_store(docs));
  std::reverse(docs.begin(), docs.end());
  CHECK(format_store(build_store(docs)) == forward);
}

TEST_CASE("unknown actions become 'other' and references to unknown actors are dropped") {
  Extraction a = document("a");
  a.actors = {actor("acme", "Acme", "organization")};
  a.events = {event("acme", "frobnicate", "nobody", date("2025-05-03"), 0, "Acme frobnicated")};
  a.responses = {response("acme", "nobody", 10, "Acme answered nobody")};
  const Store store = build_store({a});
  REQUIRE(store.events.size() == 1);
  CHECK(store.events[0].action == "other");
  CHECK(store.events[0].target == "");
  CHECK(store.relations.empty());
  check_valid(store);
}

TEST_CASE("a short name one article uses alone joins the unambiguous fuller actor of another") {
  Extraction a = document("a");
  a.actors = {actor("jane-roe", "Jane Roe", "person"), actor("acme-robotics", "Acme Robotics", "organization", {"Acme"})};
  Extraction b = document("b");
  b.actors = {actor("roe", "Roe", "person"), actor("acme", "Acme", "organization")};
  b.quotes = {quote(10, "We will appeal the ruling today.", "roe", std::nullopt)};
  b.events = {event("acme", "launch", "", date("2025-03"), 50, "Acme launched")};
  Store store = build_store({a, b});
  CHECK_FALSE(store.find_actor("roe"));
  CHECK_FALSE(store.find_actor("acme"));
  REQUIRE(store.find_actor("jane-roe"));
  CHECK(store.find_actor("jane-roe")->name == "Jane Roe");
  CHECK(store.find_actor("jane-roe")->aliases == std::vector<std::string>{"Roe"});
  REQUIRE(store.statements.size() == 1);
  CHECK(store.statements[0].speaker == "jane-roe");
  CHECK(find_event(store, "acme-robotics", "launch"));
  // Order does not matter.
  CHECK(format_store(build_store({b, a})) == format_store(store));

  // Two people share the surname: "Roe" stays apart.
  Extraction c = document("c");
  c.actors = {actor("john-roe", "John Roe", "person")};
  store = build_store({a, b, c});
  CHECK(store.find_actor("roe"));
  // A different kind is no match either.
  Extraction d = document("d");
  d.actors = {actor("acme", "Acme", "person")};
  store = build_store({a, d});
  CHECK(store.find_actor("acme"));
}

TEST_CASE("a hand-edited store re-merged with fresh extractions loses nothing the user did") {
  const std::vector<Extraction> docs = story();
  const Store first = build_store(docs);
  const std::string written = format_store(first);
  const Event* criticism = find_event(first, "acme", "criticize");
  const Event* announce = find_event(first, "monday", "announce");
  const Event* roe_says = find_event(first, "roe", "say");
  REQUIRE(criticism);
  REQUIRE(announce);
  REQUIRE(roe_says);

  // The user fixes the criticism's date and marks it curated, merges "Roe" (ambiguous:
  // Jane or John) into "Jane Roe", suppresses the false positive "Monday" and its event,
  // renames a source; and takes one report out of the curated event's evidence.
  std::string edited = with_user_edits(written, criticism->id, announce->id);
  edited = edit_entry(edited, criticism->id, "      - {source: c, span: [60, 91], text: \"Acme criticized Globex on May 1\"}\n", "");

  Diagnostics diags;
  const auto previous = parse_store(edited, "events.yaml", diags);
  for (const Diagnostic& d : diags.items()) INFO(d.format());
  REQUIRE(previous);

  const Store updated = build_store(docs, &*previous);
  check_valid(updated);

  // The curated event is kept as the user wrote it, and extraction does not add it back with the old date.
  const Event* fixed = updated.find_event(criticism->id);
  REQUIRE(fixed);
  CHECK(fixed->origin == Origin::curated);
  CHECK(fixed->date->iso() == "2025-05-02");
  CHECK(fixed->sources.size() == 3);  // the evidence the user removed stays removed
  int criticisms = 0;
  for (const Event& e : updated.events) criticisms += e.action == "criticize";
  CHECK(criticisms == 1);

  // The alias merge holds: Roe's statement and event now belong to Jane Roe.
  const Actor* jane = updated.find_actor("jane-roe");
  REQUIRE(jane);
  CHECK(jane->origin == Origin::curated);
  CHECK(jane->aliases == std::vector<std::string>{"Ms. Roe", "Roe"});
  CHECK(find_event(updated, "jane-roe", "say"));
  CHECK_FALSE(find_event(updated, "roe", "say"));
  for (const Statement& s : updated.statements) CHECK(s.speaker != "roe");
  const Actor* roe = updated.find_actor("roe");
  CHECK((roe == nullptr || roe->suppressed));

  // The deleted false positives stay deleted.
  const Event* gone = updated.find_event(announce->id);
  REQUIRE(gone);
  CHECK(gone->suppressed);
  const Actor* monday = updated.find_actor("monday");
  REQUIRE(monday);
  CHECK(monday->suppressed);

  // The curated source keeps its title.
  CHECK(updated.find_source("b")->title == "The real headline");

  // Extracted facts are still there, refreshed.
  CHECK(find_relation(updated, "responds_to", "globex", "acme"));

  // Updating again changes nothing: the curation is stable.
  CHECK(format_store(build_store(docs, &updated)) == format_store(updated));
}

TEST_CASE("an alias the user adds to an extracted actor maps later mentions to it") {
  Extraction a = document("a");
  a.actors = {actor("tomas-okafor", "Tomas Okafor", "person")};
  a.events = {event("tomas-okafor", "warn", "", date("2025-05-01"), 0, "Tomas Okafor warned")};
  Store previous = build_store({a});
  previous.actors[0].aliases.push_back("Okafor");  // by hand, origin left as extracted

  Extraction b = document("b");
  b.actors = {actor("okafor", "Okafor", "person")};
  b.events = {event("okafor", "urge", "", date("2025-05-02"), 0, "Okafor urged")};
  const Store updated = build_store({b}, &previous);
  CHECK(find_event(updated, "tomas-okafor", "urge"));
  CHECK(find_event(updated, "tomas-okafor", "warn"));  // from document a, not re-extracted
  CHECK_FALSE(updated.find_actor("okafor"));
  REQUIRE(updated.find_actor("tomas-okafor"));
  CHECK(updated.find_actor("tomas-okafor")->name == "Tomas Okafor");
  CHECK(updated.find_actor("tomas-okafor")->aliases == std::vector<std::string>{"Okafor"});
  check_valid(updated);
}

TEST_CASE("updating with some documents keeps what other documents said and replaces the rest") {
  std::vector<Extraction> docs = story();
  const Store previous = build_store(docs);
  // Document c is extracted again and now finds nothing about the criticism.
  Extraction c = docs[2];
  c.events.clear();
  const Store updated = build_store({c}, &previous);
  const Event* e = find_event(updated, "acme", "criticize");
  REQUIRE(e);
  REQUIRE(e->sources.size() == 2);
  CHECK(e->sources[0].source == "a");
  CHECK(e->sources[1].source == "b");
  CHECK(updated.find_source("a"));
  CHECK_FALSE(find_event(updated, "monday", "announce"));
  CHECK(updated.statements.size() == previous.statements.size());
  check_valid(updated);
}

TEST_CASE("a suppressed source drops what was extracted from it") {
  std::vector<Extraction> docs = story();
  Store previous = build_store(docs);
  for (Source& s : previous.sources)
    if (s.id == "b") s.suppressed = true;
  const Store updated = build_store(docs, &previous);
  REQUIRE(updated.find_source("b"));
  CHECK(updated.find_source("b")->suppressed);
  for (const Event& e : updated.events)
    for (const Evidence& ev : e.sources) CHECK(ev.source != "b");
  for (const Statement& s : updated.statements) CHECK(s.evidence.source != "b");
  check_valid(updated);
}

TEST_CASE("StoreMerger gives build_store's result in any order, a repeated document counting once") {
  const std::vector<Extraction> docs = story();
  const std::string expected = format_store(build_store(docs));
  std::vector<std::size_t> order{0, 1, 2};
  do {
    StoreMerger merger;
    for (std::size_t i : order) CHECK(merger.add(docs[i], 7) == StoreMerger::Added::added);
    for (std::size_t i : order) CHECK(merger.add(docs[i], 7) == StoreMerger::Added::same);
    CHECK(merger.documents() == 3);
    CHECK(format_store(merger.finish()) == expected);
    CHECK(merger.documents() == 0);  // finish leaves it empty
  } while (std::next_permutation(order.begin(), order.end()));
}

TEST_CASE("of different extractions of one document id the smallest key is used, whatever comes first") {
  const std::vector<Extraction> docs = story();
  Extraction other = docs[1];
  other.meta.title = "Another title";
  other.events.pop_back();
  const std::string with_original = format_store(build_store(docs));
  const std::string with_other = format_store(build_store({docs[0], other, docs[2]}));
  REQUIRE(with_original != with_other);
  for (const bool other_first : {false, true}) {
    CAPTURE(other_first);
    StoreMerger merger;
    merger.add(docs[0], 1);
    merger.add(docs[2], 1);
    std::uint64_t kept = 0;
    if (other_first) {
      CHECK(merger.add(other, 5) == StoreMerger::Added::added);
      CHECK(merger.add(docs[1], 9, &kept) == StoreMerger::Added::ignored);
      CHECK(kept == 5);
    } else {
      CHECK(merger.add(docs[1], 9) == StoreMerger::Added::added);
      CHECK(merger.add(other, 5, &kept) == StoreMerger::Added::replaced);
      CHECK(kept == 9);
    }
    CHECK(merger.documents() == 3);
    CHECK(format_store(merger.finish()) == with_other);
  }
  // build_store keeps the first of a repeated id.
  CHECK(format_store(build_store({docs[0], docs[1], docs[2], other})) == with_original);
}

TEST_CASE("StoreMerger with a previous store equals build_store with it") {
  const std::vector<Extraction> docs = story();
  const Store previous = build_store({docs[0], docs[2]});
  StoreMerger merger;
  for (const Extraction& x : docs) merger.add(x);
  CHECK(format_store(merger.finish(&previous)) == format_store(build_store(docs, &previous)));
}

TEST_CASE("write_store streams the same text as format_store") {
  std::vector<Extraction> docs;
  for (int copy = 0; copy < 300; ++copy)  // large enough to be written in several blocks
    for (Extraction x : story()) {
      x.doc += std::to_string(copy);
      docs.push_back(std::move(x));
    }
  const Store store = build_store(docs);
  std::ostringstream streamed;
  write_store(store, streamed);
  const std::string text = format_store(store);
  CHECK(text.size() > (1u << 17));
  CHECK(streamed.str() == text);
}

// ---- StoreMerger::write: the same bytes as format_store(finish()), never a Store ----

namespace {

// The documents one merger is given, with their keys, in order.
using Adds = std::vector<std::pair<Extraction, std::uint64_t>>;

Adds with_key(const std::vector<Extraction>& docs, std::uint64_t key = 0) {
  Adds adds;
  for (const Extraction& x : docs) adds.emplace_back(x, key);
  return adds;
}

// Merges `adds` twice, once through finish() and once through write(), and
// returns what write() wrote; the check fails when the two texts differ.
std::string streamed_equals_finished(const Adds& adds, const Store* previous = nullptr) {
  StoreMerger finished, streamed;
  for (const auto& [x, key] : adds) {
    finished.add(x, key);
    streamed.add(x, key);
  }
  const Store store = finished.finish(previous);
  const std::string expected = format_store(store);
  std::ostringstream out;
  const MergeSummary summary = streamed.write(out, previous);
  CHECK(out.str() == expected);
  CHECK(streamed.documents() == 0);  // write leaves it empty, like finish
  CHECK(summary.sources == store.sources.size());
  CHECK(summary.actors == store.actors.size());
  CHECK(summary.statements == store.statements.size());
  CHECK(summary.events == store.events.size());
  CHECK(summary.relations == store.relations.size());
  return out.str();
}

// story() with the edits of the curation test above: a curated event with a
// changed date and evidence, an alias merge with the other actor suppressed, a
// suppressed false positive and its event, a curated source.
Store curated_story_store() {
  const Store first = build_store(story());
  const Event* criticism = find_event(first, "acme", "criticize");
  const Event* announce = find_event(first, "monday", "announce");
  REQUIRE(criticism);
  REQUIRE(announce);
  const std::string edited = with_user_edits(format_store(first), criticism->id, announce->id);
  Diagnostics diags;
  auto previous = parse_store(edited, "events.yaml", diags);
  REQUIRE(previous);
  return std::move(*previous);
}

}  // namespace

TEST_CASE("write streams format_store(finish()) byte for byte: plain merges in any order") {
  std::vector<Extraction> docs = story();
  const std::string forward = streamed_equals_finished(with_key(docs));
  std::reverse(docs.begin(), docs.end());
  CHECK(streamed_equals_finished(with_key(docs)) == forward);
  // A repeated document counts once.
  Adds twice = with_key(docs, 3);
  for (const Extraction& x : docs) twice.emplace_back(x, 3);
  CHECK(streamed_equals_finished(twice) == forward);
  // Unknown actions, unknown actors, out-of-range and negative quote indices.
  Extraction odd = document("odd");
  odd.actors = {actor("acme", "Acme", "organization"), actor("acme", "ACME Corp", "weird-kind")};
  odd.quotes = {quote(5, "Twice.", "acme", std::nullopt), quote(5, "Twice.", "nobody", std::nullopt)};
  odd.events = {event("acme", "frobnicate", "nobody", date("2025-05-03"), 0, "Acme frobnicated", 7),
                event("", "say", "", std::nullopt, 9, "Someone said", -4)};
  odd.responses = {response("acme", "nobody", 10, "Acme answered nobody", 0, 9),
                   response("acme", "acme", 20, "Acme answered itself", 0, 1)};
  streamed_equals_finished(with_key({odd}));
}

TEST_CASE("write of nothing is the empty store, with or without a previous one") {
  CHECK(streamed_equals_finished({}) == format_store(Store{}));
  const Store previous = curated_story_store();
  CHECK(streamed_equals_finished({}, &previous) == format_store(build_store({}, &previous)));
}

TEST_CASE("write with a curated previous store: curated and suppressed facts and alias merges hold") {
  const Store previous = curated_story_store();
  const std::vector<Extraction> docs = story();
  const std::string text = streamed_equals_finished(with_key(docs), &previous);
  CHECK(text == format_store(build_store(docs, &previous)));
  CHECK(text.find("title: \"The real headline\"") != std::string::npos);
  CHECK(text.find("    date: 2025-05-02\n") != std::string::npos);
  // Only some documents re-extracted: the others' facts stay from the previous store.
  streamed_equals_finished(with_key({docs[2]}), &previous);
  Extraction c = docs[2];
  c.events.clear();
  streamed_equals_finished(with_key({c}), &previous);
  // A suppressed source drops what was extracted from it.
  Store suppressed = previous;
  for (Source& s : suppressed.sources)
    if (s.id == "a") s.suppressed = true;
  const std::string without_a = streamed_equals_finished(with_key(docs), &suppressed);
  CHECK(without_a.find("    source: a\n") == std::string::npos);  // its statements (a curated event keeps its evidence)
  // New documents next to old ones.
  Extraction d = document("d", date("2025-05-07"));
  d.actors = {actor("okafor", "Okafor", "person"), actor("globex", "Globex", "organization")};
  d.events = {event("okafor", "warn", "globex", date("2025-05-07"), 0, "Okafor warned Globex")};
  streamed_equals_finished(with_key({d, docs[0]}), &previous);
}

TEST_CASE("write: a document replaced by a smaller key takes its actors' votes out") {
  const std::vector<Extraction> docs = story();
  Extraction replaced_b = docs[1];
  replaced_b.actors = {actor("acme", "Acme Inc", "government", {"The Firm"}), actor("globex", "Globex", "group")};
  replaced_b.meta.title = "Another title";
  Adds adds = {{docs[0], 1}, {docs[1], 9}, {docs[2], 1}, {replaced_b, 5}};
  const std::string text = streamed_equals_finished(adds);
  CHECK(text == format_store(build_store({docs[0], replaced_b, docs[2]})));
  // Nothing of the replaced extraction is left: neither its names nor its title.
  CHECK(text.find("Acme Corp") == std::string::npos);
  CHECK(text.find("Ms. Roe") != std::string::npos);
  CHECK(text.find("The Firm") != std::string::npos);
  CHECK(text.find("About b") == std::string::npos);
  // Replaced twice, and with a previous store.
  adds.emplace_back(docs[1], 2);
  CHECK(streamed_equals_finished(adds) == format_store(build_store(docs)));
  const Store previous = curated_story_store();
  streamed_equals_finished(adds, &previous);
}

TEST_CASE("ids that collide: one statement per id (the first document's), events keep all evidence") {
  // Found by search: these doc ids give one statement id for the same quote,
  // these actors one event id for the same criticism, these two one relation id.
  const char* const docs_sharing_a_statement_id[] = {"d78fd2d151bc3", "dffe0754cc041"};
  const char* const actors_sharing_an_event_id[] = {"a1e99711456d7", "aefcba82a1181"};
  const char* const actors_sharing_a_relation_id[] = {"a0ed19c0cd3af", "ab9273845e1c4"};
  REQUIRE(content_id("s", {docs_sharing_a_statement_id[0], "0", "Same words."}) ==
          content_id("s", {docs_sharing_a_statement_id[1], "0", "Same words."}));
  REQUIRE(content_id("e", {actors_sharing_an_event_id[0], "criticize", "acme", "2025-05-03"}) ==
          content_id("e", {actors_sharing_an_event_id[1], "criticize", "acme", "2025-05-03"}));
  REQUIRE(content_id("r", {"responds_to", actors_sharing_a_relation_id[0], "acme"}) ==
          content_id("r", {"responds_to", actors_sharing_a_relation_id[1], "acme"}));
  std::vector<Extraction> docs;
  for (int i = 0; i < 2; ++i) {
    Extraction x = document(docs_sharing_a_statement_id[i]);
    x.actors = {actor("acme", "Acme", "organization"), actor(actors_sharing_an_event_id[i], "Speaker", "person"),
                actor(actors_sharing_a_relation_id[i], "Responder", "person")};
    x.quotes = {quote(0, "Same words.", actors_sharing_an_event_id[i], std::nullopt)};
    x.events = {event(actors_sharing_an_event_id[i], "criticize", "acme", date("2025-05-03"), 20,
                      "criticized in " + x.doc, 0)};
    x.responses = {response(actors_sharing_a_relation_id[i], "acme", 40, "responded in " + x.doc)};
    docs.push_back(std::move(x));
  }
  const Store store = build_store(docs);
  REQUIRE(store.statements.size() == 1);
  CHECK(store.statements[0].evidence.source == docs_sharing_a_statement_id[0]);
  CHECK(store.statements[0].speaker == actors_sharing_an_event_id[0]);
  REQUIRE(store.events.size() == 1);
  CHECK(store.events[0].actor == actors_sharing_an_event_id[0]);
  CHECK(store.events[0].sources.size() == 2);
  const Relation* responds = find_relation(store, "responds_to", actors_sharing_a_relation_id[0], "acme");
  REQUIRE(responds);
  CHECK(responds->evidence.size() == 1);
  CHECK_FALSE(find_relation(store, "responds_to", actors_sharing_a_relation_id[1], "acme"));
  std::vector<Extraction> reversed(docs.rbegin(), docs.rend());
  CHECK(streamed_equals_finished(with_key(reversed)) == format_store(store));
  // An old statement of a document not re-extracted loses to a fresh one of the same id.
  const Store previous = build_store({docs[1]});
  const std::string updated = streamed_equals_finished(with_key({docs[0]}), &previous);
  CHECK(updated.find("    source: " + std::string(docs_sharing_a_statement_id[1]) + "\n") == std::string::npos);
}

TEST_CASE("write of a store larger than its blocks, and of many documents") {
  std::vector<Extraction> docs;
  for (int copy = 0; copy < 400; ++copy)
    for (Extraction x : story()) {
      x.doc += std::to_string(copy);
      docs.push_back(std::move(x));
    }
  const std::string text = streamed_equals_finished(with_key(docs));
  CHECK(text.size() > (1u << 18));
  const Store previous = build_store({docs.begin(), docs.begin() + 600});
  streamed_equals_finished(with_key({docs.begin() + 300, docs.end()}), &previous);
}
