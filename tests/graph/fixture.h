// The store of tests/fixtures/small_store.yaml, built in C++ so the graph
// tests do not depend on the YAML loader (fixture_test.cpp checks the two agree).
//
// ChipCo and LabCo answer each other (a responds_to cycle), LabCo supports
// and ChipCo opposes the Export Rule, Commerce supports it, Ana Lee
// criticizes Commerce; one actor, one event and one relation are suppressed.
#pragma once

#include <string>

#include "evgraph/store.h"

namespace evgraph::testing {

inline PartialDate date(const char* iso) { return *PartialDate::parse(iso); }

inline Evidence evidence(const char* source, std::uint64_t start, std::uint64_t end, const char* text) {
  return Evidence{source, start, end, text};
}

inline Store small_store() {
  Store s;
  auto source = [&](const char* id, const char* title, const char* outlet, const char* url, const char* published,
                    const char* path) {
    Source src;
    src.id = id;
    src.title = title;
    src.outlet = outlet;
    src.url = url;
    src.published = date(published);
    src.path = path;
    src.origin = Origin::curated;
    s.sources.push_back(src);
  };
  source("doc-a", "ChipCo hits back at LabCo", "Tech Daily", "https://example.com/chipco-labco", "2025-05-04",
         "fixtures/doc-a.txt");
  source("doc-b", "LabCo stands by its account", "Wire Service", "https://example.com/labco-reply", "2025-05",
         "fixtures/doc-b.txt");
  source("doc-c", "Export rule takes effect", "Policy Weekly", "https://example.com/export-rule", "2025-05-16",
         "fixtures/doc-c.txt");

  auto actor = [&](const char* id, const char* name, const char* kind, std::vector<std::string> aliases,
                   bool suppressed = false) {
    s.actors.push_back(Actor{id, name, kind, std::move(aliases), Origin::curated, suppressed});
  };
  actor("chipco", "ChipCo", "organization", {"CHIPCO", "the chipmaker"});
  actor("labco", "LabCo", "organization", {"Lab Co"});
  actor("commerce-department", "Commerce Department", "government", {"Commerce"});
  actor("export-rule", "Export Rule", "rule", {"the rule"});
  actor("ana-lee", "Ana Lee", "person", {});
  actor("ghost-corp", "Ghost Corp", "organization", {}, true);

  auto statement = [&](const char* id, const char* speaker, const char* text, const char* cue, const char* when,
                       const char* source_id, std::uint64_t start, std::uint64_t end) {
    Statement st;
    st.id = id;
    st.speaker = speaker;
    st.text = text;
    st.cue = cue;
    st.date = date(when);
    st.evidence = evidence(source_id, start, end, text);
    st.origin = Origin::curated;
    s.statements.push_back(st);
  };
  statement("s-labco-limits", "labco", "Export limits protect national security.", "said", "2025-04-30", "doc-a",
            10, 50);
  statement("s-chipco-tales", "chipco", "LabCo tells \"tall tales\" about smuggling.", "said in a statement",
            "2025-05-03", "doc-a", 120, 162);
  statement("s-labco-reply", "labco", "We stand by our account.", "replied", "2025-05", "doc-b", 40, 64);
  statement("s-commerce-schedule", "commerce-department", "The rule takes effect on schedule.", "said",
            "2025-05-15", "doc-c", 5, 39);

  auto event = [&](const char* id, const char* when, const char* actor_id, const char* action, const char* target,
                   const char* statement_id, Evidence ev, bool suppressed = false) {
    Event e;
    e.id = id;
    e.date = date(when);
    e.actor = actor_id;
    e.action = action;
    e.target = target;
    e.statement = statement_id;
    e.sources = {std::move(ev)};
    e.origin = Origin::curated;
    e.suppressed = suppressed;
    s.events.push_back(e);
  };
  event("e-labco-support", "2025-04-30", "labco", "support", "export-rule", "s-labco-limits",
        evidence("doc-a", 10, 50, "Export limits protect national security."));
  event("e-chipco-criticize", "2025-05-03", "chipco", "criticize", "labco", "s-chipco-tales",
        evidence("doc-a", 120, 162, "LabCo tells \"tall tales\" about smuggling."));
  event("e-labco-respond", "2025-05", "labco", "respond", "chipco", "s-labco-reply",
        evidence("doc-b", 40, 64, "We stand by our account."));
  event("e-rule-effect", "2025-05-15", "export-rule", "take_effect", "", "",
        evidence("doc-c", 0, 30, "The rule took effect on May 15."));
  s.events.back().conflicting_dates = {"2025-05-16"};
  event("e-chipco-oppose", "2025", "chipco", "oppose", "export-rule", "",
        evidence("doc-a", 200, 240, "ChipCo has long opposed the rule."));
  event("e-commerce-announce", "2025-05-10", "commerce-department", "announce", "", "",
        evidence("doc-c", 60, 90, "Commerce announced something."), true);

  auto relation = [&](const char* id, const char* type, const char* from, const char* to, const char* when,
                      Evidence ev, bool suppressed = false) {
    s.relations.push_back(Relation{id, type, from, to, date(when), {std::move(ev)}, Origin::curated, suppressed});
  };
  relation("r-chipco-responds-labco", "responds_to", "e-chipco-criticize", "e-labco-support", "2025-05-03",
           evidence("doc-a", 100, 162, "In response to LabCo, ChipCo said LabCo tells tall tales."));
  relation("r-labco-responds-chipco", "responds_to", "s-labco-reply", "s-chipco-tales", "2025-05",
           evidence("doc-b", 0, 64, "LabCo replied to ChipCo."));
  relation("r-commerce-supports-rule", "supports", "commerce-department", "export-rule", "2025-05-15",
           evidence("doc-c", 5, 39, "The rule takes effect on schedule."));
  relation("r-ana-criticizes-commerce", "criticizes", "ana-lee", "commerce-department", "2025-05-20",
           evidence("doc-c", 300, 340, "Ana Lee criticized the department."));
  relation("r-suppressed", "responds_to", "commerce-department", "chipco", "2025-05-12",
           evidence("doc-c", 400, 420, "Commerce answered ChipCo."), true);
  return s;
}

inline std::string source_path(const std::string& relative) { return std::string(EVGRAPH_SOURCE_DIR) + "/" + relative; }

}  // namespace evgraph::testing
