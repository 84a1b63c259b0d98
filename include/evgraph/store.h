// The evgraph store: everything known about a story, as saved in events.yaml.
//
// A store has five sections. Ids are stable and content-derived (see ids.h),
// so extracting the same articles again reproduces them. Every fact records
// whether it was extracted or curated by hand; curated facts and suppressions
// survive re-extraction (see merge.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "evgraph/date.h"

namespace evgraph {

enum class Origin { extracted, curated };
const char* to_string(Origin origin);

// Actor kinds used by the extractor and the gold corpus.
//   person, organization, government, rule, product, group, media
inline constexpr const char* kActorKinds[] = {"person", "organization", "government", "rule",
                                              "product", "group", "media"};

// Actions (event types); "other" for anything else.
inline constexpr const char* kActions[] = {
    "say",    "criticize", "support",     "oppose", "respond", "urge",    "warn",   "announce",
    "invest", "fund",      "lobby",       "launch", "release", "sue",     "deny",   "take_effect",
    "other"};

// Relation types (typed edges between actors, statements and events).
inline constexpr const char* kRelationTypes[] = {"responds_to", "criticizes", "supports", "opposes",
                                                 "urges", "warns", "mentions"};

// Where a fact was found: a source document and a byte span [start, end) of its original bytes.
struct Evidence {
  std::string source;  // Source::id
  std::uint64_t start = 0;
  std::uint64_t end = 0;
  std::string text;  // the bytes text[start, end), for people reading the file
  friend bool operator==(const Evidence&, const Evidence&) = default;
};

struct Source {
  std::string id;  // document id (file stem)
  std::string title;
  std::string outlet;
  std::string url;
  std::string path;
  std::optional<PartialDate> published;
  Origin origin = Origin::extracted;
  bool suppressed = false;
};

struct Actor {
  std::string id;    // slug of the canonical name, e.g. "ode-brask"
  std::string name;  // canonical name
  std::string kind;  // one of kActorKinds
  std::vector<std::string> aliases;  // other surface forms, e.g. "CORVANE", "the chipmaker"
  Origin origin = Origin::extracted;
  bool suppressed = false;
};

struct Statement {
  std::string id;       // "s-" + hash(source, start, text)
  std::string speaker;  // Actor::id, empty when unattributed
  std::string text;     // the quotation, without the quote marks
  std::string cue;      // attribution expression as written ("said", "told CNBC"), may be empty
  std::optional<PartialDate> date;
  Evidence evidence;  // source + span of the quotation
  Origin origin = Origin::extracted;
  bool suppressed = false;
};

struct Event {
  std::string id;  // "e-" + hash(actor, action, target, date)
  std::optional<PartialDate> date;
  std::vector<std::string> conflicting_dates;  // other dates reported for the same event (ISO)
  std::string actor;      // Actor::id, may be empty
  std::string action;     // one of kActions
  std::string target;     // Actor::id, may be empty
  std::string statement;  // Statement::id, may be empty
  std::vector<Evidence> sources;  // one per reporting document (at least one)
  Origin origin = Origin::extracted;
  bool suppressed = false;
};

struct Relation {
  std::string id;    // "r-" + hash(type, from, to)
  std::string type;  // one of kRelationTypes
  std::string from;  // id of an actor, statement or event
  std::string to;    // id of an actor, statement or event
  std::optional<PartialDate> date;
  std::vector<Evidence> evidence;
  Origin origin = Origin::extracted;
  bool suppressed = false;
};

struct Store {
  int version = 1;
  std::vector<Source> sources;
  std::vector<Actor> actors;
  std::vector<Statement> statements;
  std::vector<Event> events;
  std::vector<Relation> relations;

  const Source* find_source(std::string_view id) const;
  const Actor* find_actor(std::string_view id) const;
  const Statement* find_statement(std::string_view id) const;
  const Event* find_event(std::string_view id) const;
  // Actor whose id, name or alias equals `name` ignoring case; nullptr if none.
  const Actor* find_actor_by_name(std::string_view name) const;
  // A display name for any id (actor name, "statement by X", "event action"), or the id itself.
  std::string display_name(std::string_view id) const;
};

}  // namespace evgraph
