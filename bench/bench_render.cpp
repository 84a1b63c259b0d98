// Rendering a 10,000-event synthetic store to the SVG timeline: median wall
// time of several runs and the process's peak resident set size.
//   bench_render [EVENTS] [RUNS]     (defaults: 10000 events, 5 runs)
// Targets (issue 5): median < 1 s, peak RSS < 200 MB.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "evgraph/synthetic_store.h"
#include "evgraph/timeline_svg.h"

namespace {

double peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // Linux reports kilobytes
}

}  // namespace

int main(int argc, char** argv) {
  evgraph::SyntheticOptions options;
  options.events = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 10000;
  const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;

  const auto built_at = std::chrono::steady_clock::now();
  const evgraph::Store store = evgraph::make_synthetic_store(options);
  const double build_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - built_at).count();

  evgraph::TimelineOptions timeline;
  timeline.title = "synthetic";
  std::vector<double> seconds;
  std::size_t bytes = 0;
  for (int i = 0; i < runs; ++i) {
    const auto start = std::chrono::steady_clock::now();
    const std::string svg = evgraph::render_timeline_svg(store, timeline);
    seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    bytes = svg.size();
  }
  std::sort(seconds.begin(), seconds.end());
  const double median = seconds[seconds.size() / 2];
  const double rss = peak_rss_mb();
  std::printf("bench_render: %zu events, %zu statements, %zu relations (store built in %.3f s)\n",
              store.events.size(), store.statements.size(), store.relations.size(), build_seconds);
  std::printf("timeline-svg: median %.3f s over %d runs (min %.3f, max %.3f), %zu bytes of SVG\n", median, runs,
              seconds.front(), seconds.back(), bytes);
  std::printf("peak RSS: %.1f MB\n", rss);
  const bool ok = median < 1.0 && rss < 200.0;
  std::printf("targets (< 1 s, < 200 MB): %s\n", ok ? "met" : "MISSED");
  return ok ? 0 : 1;
}
