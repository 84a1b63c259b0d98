#include "evgraph/synthetic_store.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace evgraph {

namespace {

// SplitMix64: tiny, fast, and its output is fixed by the seed everywhere.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(next() % n); }
  bool chance(unsigned percent) { return below(100) < percent; }

 private:
  std::uint64_t state_;
};

constexpr const char* kWords[] = {"policy", "chips", "export", "rules", "market", "growth", "security", "research",
                                  "models", "trade", "partners", "costs", "jobs", "future", "limits", "access"};
constexpr const char* kSyntheticActions[] = {"say", "criticize", "support", "oppose", "respond", "urge", "warn",
                                    "announce", "invest", "launch", "release", "deny"};
constexpr const char* kKinds[] = {"organization", "person", "government", "organization", "person", "media"};

}  // namespace

Store make_synthetic_store(const SyntheticOptions& options) {
  Random random(options.seed);
  Store store;
  const std::size_t source_count = options.sources ? options.sources : std::max<std::size_t>(1, options.events / 10);
  for (std::size_t i = 0; i < source_count; ++i) {
    Source s;
    s.id = fmt::format("doc-{:05}", i);
    s.title = fmt::format("Synthetic report {}", i);
    s.outlet = fmt::format("Outlet {}", i % 7);
    s.url = fmt::format("https://example.org/report/{}", i);
    s.path = fmt::format("synthetic/{}.txt", s.id);
    store.sources.push_back(std::move(s));
  }
  const std::size_t actor_count = std::max<std::size_t>(2, options.actors);
  for (std::size_t i = 0; i < actor_count; ++i) {
    Actor a;
    a.id = fmt::format("actor-{:03}", i);
    a.name = fmt::format("Actor {}", i);
    a.kind = i % 9 == 8 ? "rule" : kKinds[i % std::size(kKinds)];
    a.aliases = {fmt::format("A{}", i)};
    store.actors.push_back(std::move(a));
  }

  // Days within the span, skewed so some months are busy and others empty.
  const boost::gregorian::date first(options.first_year, 1, 1);
  const int span_days = 365 * std::max(1, options.years);
  std::vector<int> busy_months;
  for (int m = 0; m < options.years * 12; ++m)
    if (random.chance(45)) busy_months.push_back(m);
  if (busy_months.empty()) busy_months.push_back(0);

  std::vector<std::size_t> order(options.events);
  for (std::size_t i = 0; i < options.events; ++i) {
    const int month = busy_months[random.below(busy_months.size())];
    const int day = std::min(span_days - 1, month * 30 + static_cast<int>(random.below(30)));
    const boost::gregorian::date d = first + boost::gregorian::days(day);
    const unsigned precision_roll = static_cast<unsigned>(random.below(100));
    PartialDate date = precision_roll < 3    ? PartialDate::year(d.year())
                       : precision_roll < 12 ? PartialDate::month(d.year(), d.month())
                                             : PartialDate::day(d.year(), d.month(), d.day());
    // Popular actors act more often: square the uniform draw.
    const std::size_t pick = random.below(actor_count * actor_count);
    const std::size_t actor = static_cast<std::size_t>(std::sqrt(static_cast<double>(pick)));
    const std::size_t actor_index = actor_count - 1 - std::min(actor, actor_count - 1);
    std::size_t target_index = random.below(actor_count);
    if (target_index == actor_index) target_index = (target_index + 1) % actor_count;
    const char* action = kSyntheticActions[random.below(std::size(kSyntheticActions))];
    const std::size_t source = random.below(source_count);

    Event e;
    e.id = fmt::format("e-{:06}", i);
    e.date = date;
    e.actor = store.actors[actor_index].id;
    e.action = action;
    if (random.chance(70)) e.target = store.actors[target_index].id;
    Evidence evidence{store.sources[source].id, 100 * i, 100 * i + 40, {}};
    if (std::string_view(action) == "say" || random.chance(30)) {
      Statement s;
      s.id = fmt::format("s-{:06}", i);
      s.speaker = e.actor;
      s.text = fmt::format("The {} on {} is {} for {}", kWords[random.below(16)], kWords[random.below(16)],
                           random.chance(50) ? "bad" : "good", kWords[random.below(16)]);
      if (random.chance(2)) s.text += " </script><script>alert(1)</script> & \"more\"";
      s.cue = "said";
      s.date = date;
      s.evidence = evidence;
      s.evidence.text = s.text;
      e.statement = s.id;
      store.statements.push_back(std::move(s));
    }
    evidence.text = fmt::format("{} {} {}", store.actors[actor_index].name, action,
                                e.target.empty() ? std::string() : store.actors[target_index].name);
    e.sources.push_back(std::move(evidence));
    store.events.push_back(std::move(e));
  }

  // Responses: some events answer an earlier event by someone else.
  std::vector<std::size_t> by_date(store.events.size());
  for (std::size_t i = 0; i < by_date.size(); ++i) by_date[i] = i;
  std::stable_sort(by_date.begin(), by_date.end(),
                   [&](std::size_t a, std::size_t b) { return *store.events[a].date < *store.events[b].date; });
  for (std::size_t k = 1; k < by_date.size(); ++k) {
    if (!random.chance(20)) continue;
    const Event& later = store.events[by_date[k]];
    const std::size_t back = 1 + random.below(std::min<std::size_t>(k, 50));
    const Event& earlier = store.events[by_date[k - back]];
    if (earlier.actor == later.actor) continue;
    Relation r;
    r.id = fmt::format("r-{:06}", store.relations.size());
    r.type = "responds_to";
    r.from = later.id;
    r.to = earlier.id;
    r.date = later.date;
    r.evidence = later.sources;
    store.relations.push_back(std::move(r));
  }
  return store;
}

}  // namespace evgraph
