// A one-line progress display for long batch runs, on stderr:
//
//   evgraph: 12,345 docs  210.4 MB  1,520 docs/s  25.9 MB/s  ETA 0:01:12
//
// It is shown only when wanted (not --quiet) and stderr is a terminal, so
// logs and pipes never see it; it refreshes at most ~10 times a second and
// is erased by finish(), leaving the terminal as it was.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>

namespace evgraph {

// True when a progress line should be drawn on file descriptor `fd`:
// not quiet and `fd` is a terminal.
bool progress_wanted(bool quiet, int fd = 2);

struct ProgressSnapshot {
  std::uint64_t documents = 0;
  std::uint64_t bytes = 0;
  double seconds = 0;                          // since the start
  std::optional<std::uint64_t> total_bytes;    // enables the ETA
};

// The line's text, without control characters: "12,345 docs  210.4 MB  ...".
std::string format_progress(const ProgressSnapshot& snapshot);

class ProgressMeter {
 public:
  using Clock = std::chrono::steady_clock;
  // Draws on `out` only when `enabled` (see progress_wanted()).
  ProgressMeter(std::ostream& out, bool enabled, std::optional<std::uint64_t> total_bytes = std::nullopt);
  ~ProgressMeter();  // calls finish()
  ProgressMeter(const ProgressMeter&) = delete;
  ProgressMeter& operator=(const ProgressMeter&) = delete;

  // Records the running totals; redraws if the last draw is >= 100 ms old.
  void update(std::uint64_t documents, std::uint64_t bytes);
  // Erases the line (once); later updates draw nothing.
  void finish();
  bool enabled() const { return enabled_; }

 private:
  std::ostream& out_;
  bool enabled_;
  bool drawn_ = false;
  std::optional<std::uint64_t> total_bytes_;
  Clock::time_point start_;
  Clock::time_point last_draw_;
};

}  // namespace evgraph
