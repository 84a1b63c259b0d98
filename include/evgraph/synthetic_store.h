// Deterministic synthetic stores for benchmarks and stress tests: many
// actors, events spread over years with long quiet stretches, some month- and
// year-only dates, quotes (a few with hostile markup) and response chains.
#pragma once

#include <cstddef>
#include <cstdint>

#include "evgraph/store.h"

namespace evgraph {

struct SyntheticOptions {
  std::size_t events = 1000;
  std::size_t actors = 40;
  std::size_t sources = 0;  // 0: one per 10 events
  std::uint64_t seed = 1;
  int first_year = 2021;
  int years = 4;
};

// Same options -> the same store, on every platform (no std distributions).
Store make_synthetic_store(const SyntheticOptions& options = {});

}  // namespace evgraph
