// Helpers shared by the extraction tests: run the extractor on a string and
// look facts up by surface names instead of ids.
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "evgraph/extraction.h"
#include "evgraph/extractor.h"
#include "evgraph/ingest.h"

namespace evgraph::test {

inline const Extractor& shared_extractor() {
  static const Extractor extractor(Resources::builtin());
  return extractor;
}

inline Extraction extract_text(const std::string& text, const std::string& id = "fixture") {
  Result<Document> doc = make_document(id, text);
  REQUIRE(doc.ok());
  return shared_extractor().extract(*doc);
}

// The actor whose name or alias equals `name` (exact), or nullptr.
inline const ExtractedActor* actor_named(const Extraction& x, const std::string& name) {
  for (const ExtractedActor& a : x.actors) {
    if (a.name == name) return &a;
    for (const std::string& alias : a.aliases)
      if (alias == name) return &a;
  }
  return nullptr;
}

inline bool has_alias(const ExtractedActor& actor, const std::string& alias) {
  return std::find(actor.aliases.begin(), actor.aliases.end(), alias) != actor.aliases.end();
}

inline std::string id_of(const Extraction& x, const std::string& name) {
  const ExtractedActor* a = actor_named(x, name);
  return a ? a->id : std::string("<no actor '" + name + "'>");
}

// The quote whose text starts with `start`, or nullptr.
inline const ExtractedQuote* quote_starting(const Extraction& x, const std::string& start) {
  for (const ExtractedQuote& q : x.quotes)
    if (q.span.text.rfind(start, 0) == 0) return &q;
  return nullptr;
}

inline const ExtractedEvent* find_event(const Extraction& x, const std::string& actor, const std::string& action,
                                        const std::string& target) {
  const std::string a = id_of(x, actor);
  const std::string t = target.empty() ? std::string() : id_of(x, target);
  for (const ExtractedEvent& e : x.events)
    if (e.actor == a && e.action == action && e.target == t) return &e;
  return nullptr;
}

inline bool has_response(const Extraction& x, const std::string& from, const std::string& to) {
  const std::string f = id_of(x, from), t = id_of(x, to);
  for (const ExtractedResponse& r : x.responses)
    if (r.from == f && r.to == t) return true;
  return false;
}

}  // namespace evgraph::test
