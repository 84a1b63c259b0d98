// Stores built in code for the timeline tests (no YAML loader needed).
#pragma once

#include <cstdint>
#include <string>

#include "evgraph/store.h"

namespace evgraph::timeline_test {

inline Evidence evidence(const std::string& source, std::uint64_t start, const std::string& text = "") {
  return Evidence{source, start, start + text.size(), text};
}

inline Actor actor(const std::string& id, const std::string& name, const std::string& kind = "organization") {
  Actor a;
  a.id = id;
  a.name = name;
  a.kind = kind;
  return a;
}

inline Event event(const std::string& id, const std::string& date, const std::string& actor_id,
                   const std::string& action, const std::string& target = "", const std::string& source = "src-a",
                   std::uint64_t start = 0) {
  Event e;
  e.id = id;
  if (!date.empty()) e.date = PartialDate::parse(date);
  e.actor = actor_id;
  e.action = action;
  e.target = target;
  e.sources.push_back(evidence(source, start));
  return e;
}

inline Statement statement(const std::string& id, const std::string& date, const std::string& speaker,
                           const std::string& text, const std::string& source = "src-a", std::uint64_t start = 0) {
  Statement s;
  s.id = id;
  if (!date.empty()) s.date = PartialDate::parse(date);
  s.speaker = speaker;
  s.text = text;
  s.cue = "said";
  s.evidence = evidence(source, start, text);
  return s;
}

inline Relation responds(const std::string& id, const std::string& from, const std::string& to) {
  Relation r;
  r.id = id;
  r.type = "responds_to";
  r.from = from;
  r.to = to;
  return r;
}

// A small invented story: a regulator, two companies and a lobby group over a
// few weeks, one event two years earlier (a compressed break), a month-only
// and a year-only date, an undated event, responses and a suppressed event.
inline Store small_store() {
  Store s;
  s.sources.push_back({"src-a", "Regulator proposes chip export rules", "Example Wire", "https://example.org/a",
                       "a.txt", PartialDate::day(2025, 3, 3)});
  s.sources.push_back({"src-b", "Industry pushes back", "Sample Times", "https://example.org/b", "b.txt",
                       PartialDate::day(2025, 3, 20)});
  s.actors = {actor("agency", "Trade Agency", "government"), actor("acme", "Acme Chips"),
              actor("globex", "Globex"), actor("lobby", "Chip Council", "group")};
  s.statements = {
      statement("s-1", "2025-03-03", "agency", "These rules protect national security without hurting trade.",
                "src-a", 100),
      statement("s-2", "2025-03-05", "acme", "The proposal would cut us off from half of our customers.", "src-a",
                400),
      statement("s-3", "2025-03-20", "globex", "We will comply.", "src-b", 50),
  };
  s.events = {
      event("e-1", "2025-03-03", "agency", "announce", "", "src-a", 10),
      event("e-2", "2025-03-05", "acme", "criticize", "agency", "src-a", 380),
      event("e-3", "2025-03-20", "lobby", "lobby", "agency", "src-b", 20),
      event("e-4", "2025-03", "globex", "invest", "", "src-b", 300),
      event("e-5", "2023", "acme", "launch", "", "src-b", 500),
      event("e-6", "", "lobby", "warn", "acme", "src-b", 700),
      event("e-7", "2025-03-22", "agency", "deny", "", "src-b", 800),
      event("e-hidden", "2025-03-10", "acme", "sue", "agency", "src-b", 900),
  };
  s.events[1].statement = "s-2";
  s.events[7].suppressed = true;
  s.relations = {responds("r-1", "e-2", "e-1"), responds("r-2", "s-3", "s-2"), responds("r-3", "lobby", "agency")};
  return s;
}

// Deterministic pseudo-random numbers (no <random> distributions, whose output differs by library).
struct Lcg {
  std::uint64_t state;
  std::uint32_t next() {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::uint32_t>(state >> 33);
  }
  std::uint32_t below(std::uint32_t n) { return next() % n; }
};

// `count` items by `actors` actors spread over `days` consecutive days from
// `first` (every third one a quoted statement), one source, growing offsets.
inline Store dense_store(int count, int days, int actors, const std::string& first = "2025-06-02",
                         std::uint64_t seed = 7) {
  static const char* const kActionsUsed[] = {"announce", "criticize", "support", "oppose", "respond",
                                             "warn",     "invest",    "sue",     "deny",   "urge"};
  static const char* const kWords[] = {"policy", "market", "growth", "risk", "plan",  "rules",    "future",
                                       "jobs",   "prices", "supply", "we",   "will", "continue", "today"};
  Store s;
  s.sources.push_back({"src-a", "Synthetic story", "Test Outlet", "https://example.org/s", "s.txt", std::nullopt});
  for (int a = 0; a < actors; ++a) s.actors.push_back(actor("actor-" + std::to_string(a), "Actor " + std::to_string(a)));
  Lcg rng{seed};
  PartialDate start = *PartialDate::parse(first);
  for (int i = 0; i < count; ++i) {
    auto day = start.first_day() + boost::gregorian::days(static_cast<long>(rng.below(static_cast<std::uint32_t>(days))));
    std::string date = PartialDate::from(day, DatePrecision::day).iso();
    std::string who = "actor-" + std::to_string(rng.below(static_cast<std::uint32_t>(actors)));
    std::uint64_t offset = static_cast<std::uint64_t>(i) * 100;
    if (i % 3 == 0) {
      std::string text;
      int words = 3 + static_cast<int>(rng.below(20));
      for (int w = 0; w < words; ++w) text += std::string(w ? " " : "") + kWords[rng.below(14)];
      s.statements.push_back(statement("s-" + std::to_string(i), date, who, text, "src-a", offset));
    } else {
      std::string target = rng.below(2) ? "actor-" + std::to_string(rng.below(static_cast<std::uint32_t>(actors))) : "";
      s.events.push_back(event("e-" + std::to_string(i), date, who, kActionsUsed[rng.below(10)], target, "src-a", offset));
    }
  }
  return s;
}

}  // namespace evgraph::timeline_test
