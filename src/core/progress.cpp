#include "evgraph/progress.h"

#include <unistd.h>

#include <cmath>

#include <fmt/format.h>

namespace evgraph {

namespace {

// 1234567 -> "1,234,567": large counts stay readable at a glance.
std::string with_commas(std::uint64_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string clock_time(double seconds) {
  const auto s = static_cast<std::uint64_t>(std::llround(seconds));
  return fmt::format("{}:{:02}:{:02}", s / 3600, (s / 60) % 60, s % 60);
}

constexpr double kMB = 1e6;
constexpr auto kRedrawInterval = std::chrono::milliseconds(100);

}  // namespace

bool progress_wanted(bool quiet, int fd) { return !quiet && isatty(fd) == 1; }

std::string format_progress(const ProgressSnapshot& s) {
  std::string line = fmt::format("{} docs  {:.1f} MB", with_commas(s.documents), static_cast<double>(s.bytes) / kMB);
  if (s.seconds > 0) {
    const double docs_per_second = static_cast<double>(s.documents) / s.seconds;
    const double bytes_per_second = static_cast<double>(s.bytes) / s.seconds;
    line += fmt::format("  {} docs/s  {:.1f} MB/s", with_commas(static_cast<std::uint64_t>(docs_per_second)),
                        bytes_per_second / kMB);
    if (s.total_bytes && *s.total_bytes >= s.bytes && bytes_per_second > 0) {
      line += "  ETA " + clock_time(static_cast<double>(*s.total_bytes - s.bytes) / bytes_per_second);
    }
  }
  return line;
}

ProgressMeter::ProgressMeter(std::ostream& out, bool enabled, std::optional<std::uint64_t> total_bytes)
    : out_(out), enabled_(enabled), total_bytes_(total_bytes), start_(Clock::now()), last_draw_(start_) {}

ProgressMeter::~ProgressMeter() { finish(); }

void ProgressMeter::update(std::uint64_t documents, std::uint64_t bytes) {
  if (!enabled_) return;
  const auto now = Clock::now();
  if (now - last_draw_ < kRedrawInterval) return;
  last_draw_ = now;
  ProgressSnapshot snapshot;
  snapshot.documents = documents;
  snapshot.bytes = bytes;
  snapshot.seconds = std::chrono::duration<double>(now - start_).count();
  snapshot.total_bytes = total_bytes_;
  // "\r" returns to column 0 and "\x1b[K" erases the rest of the old, possibly longer, line.
  out_ << "\r\x1b[Kevgraph: " << format_progress(snapshot) << std::flush;
  drawn_ = true;
}

void ProgressMeter::finish() {
  if (enabled_ && drawn_) out_ << "\r\x1b[K" << std::flush;
  enabled_ = false;
}

}  // namespace evgraph
