#include <doctest/doctest.h>

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <sstream>
#include <stdexcept>

#include "evgraph/parallel_pipeline.h"
#include "evgraph/progress.h"

namespace fs = std::filesystem;
using namespace evgraph;

namespace {

// A source of `count` small documents, "d0".."d{count-1}".
DocumentSource numbered_documents(int count, std::atomic<int>* in_flight = nullptr, int* max_in_flight = nullptr) {
  auto next = std::make_shared<int>(0);
  return [=]() -> std::optional<Result<Document>> {
    if (*next >= count) return std::nullopt;
    const int i = (*next)++;
    if (in_flight) {
      const int now = ++*in_flight;
      if (now > *max_in_flight) *max_in_flight = now;  // the source runs serially
    }
    return make_document("d" + std::to_string(i), "text of document " + std::to_string(i));
  };
}

// Work whose cost varies a lot from document to document, so that with
// several workers later documents often finish before earlier ones.
std::string uneven_transform(const Document& doc) {
  std::uint64_t h = 1469598103934665603ull;
  for (char c : doc.id) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  const std::uint64_t rounds = (h % 7 == 0) ? 200000 : (h % 50) * 100;
  std::uint64_t x = h;
  for (std::uint64_t r = 0; r < rounds; ++r) x = x * 6364136223846793005ull + 1442695040888963407ull;
  return doc.id + " " + std::to_string(x % 1000) + "\n";
}

std::string run_with_jobs(int jobs, int count) {
  std::string out;
  Diagnostics diags;
  PipelineOptions options;
  options.jobs = jobs;
  PipelineTotals totals = run_ordered_pipeline(numbered_documents(count), uneven_transform,
                                               [&](std::string& s) { out += s; }, diags, options);
  CHECK(diags.empty());
  CHECK(totals.documents == static_cast<std::uint64_t>(count));
  return out;
}

// Points file descriptor 2 at /dev/null for the scope, so isatty(2) is false
// whatever terminal the tests are started from.
struct StderrToDevNull {
  int saved = ::dup(2);
  StderrToDevNull() {
    const int null_fd = ::open("/dev/null", O_WRONLY);
    ::dup2(null_fd, 2);
    ::close(null_fd);
  }
  ~StderrToDevNull() {
    ::dup2(saved, 2);
    ::close(saved);
  }
};

}  // namespace

TEST_CASE("output is in input order and byte-identical for -j 1, 2, 4 and 8") {
  const std::string one = run_with_jobs(1, 400);
  REQUIRE(one.rfind("d0 ", 0) == 0);
  // Input order: line i starts with "d<i> ".
  std::istringstream lines(one);
  std::string line;
  int i = 0;
  while (std::getline(lines, line)) CHECK(line.rfind("d" + std::to_string(i++) + " ", 0) == 0);
  CHECK(i == 400);
  for (int jobs : {2, 4, 8}) {
    CAPTURE(jobs);
    CHECK(run_with_jobs(jobs, 400) == one);
  }
}

TEST_CASE("documents in flight never exceed jobs x tokens per worker") {
  for (int jobs : {1, 2, 4}) {
    CAPTURE(jobs);
    std::atomic<int> in_flight{0};
    int max_in_flight = 0;
    PipelineOptions options;
    options.jobs = jobs;
    options.tokens_per_worker = 2;
    Diagnostics diags;
    std::uint64_t written = 0;
    run_ordered_pipeline(numbered_documents(300, &in_flight, &max_in_flight), uneven_transform,
                         [&](std::string&) {
                           --in_flight;
                           ++written;
                         },
                         diags, options);
    CHECK(written == 300);
    CHECK(max_in_flight >= 1);
    CHECK(max_in_flight <= static_cast<int>(max_documents_in_flight(options)));
    CHECK(max_documents_in_flight(options) == static_cast<std::size_t>(2 * jobs));
  }
}

TEST_CASE("a failing document is reported in order and the run goes on") {
  auto source = [n = 0]() mutable -> std::optional<Result<Document>> {
    ++n;
    if (n > 5) return std::nullopt;
    if (n == 2) {
      Diagnostic d;
      d.file = "unreadable.txt";
      d.message = "cannot read";
      return Result<Document>(d);
    }
    return make_document("d" + std::to_string(n), "x");
  };
  auto transform = [](const Document& doc) -> std::string {
    if (doc.id == "d4") throw std::runtime_error("boom");
    return doc.id + "\n";
  };
  std::string out;
  Diagnostics diags;
  PipelineOptions options;
  options.jobs = 3;
  PipelineTotals totals = run_ordered_pipeline(source, transform, [&](std::string& s) { out += s; }, diags, options);
  CHECK(out == "d1\nd3\nd5\n");
  CHECK(totals.documents == 3);
  CHECK(totals.failed == 2);
  REQUIRE(diags.items().size() == 2);
  CHECK(diags.items()[0].header() == "unreadable.txt: error: cannot read");
  CHECK(diags.items()[1].header() == "d4: error: cannot process document 'd4': boom");
}

TEST_CASE("a sink failure stops reading and is rethrown") {
  int read = 0;
  auto source = [&]() -> std::optional<Result<Document>> {
    ++read;
    return make_document("d", "endless");
  };
  Diagnostics diags;
  PipelineOptions options;
  options.jobs = 2;
  int written = 0;
  CHECK_THROWS_WITH(run_ordered_pipeline(
                        source, [](const Document&) { return std::string("x"); },
                        [&](std::string&) {
                          if (++written == 10) throw std::runtime_error("disk full");
                        },
                        diags, options),
                    "disk full");
  CHECK(read < 10 + static_cast<int>(max_documents_in_flight(options)) + 2);
}

TEST_CASE("run_streaming writes results in order, counts errors and draws no progress when stderr is not a terminal") {
  fs::path dir = fs::temp_directory_path() / ("evgraph-stream-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  for (int i = 0; i < 30; ++i) std::ofstream(dir / ("doc" + std::to_string(100 + i) + ".txt")) << "article " << i;
  std::ofstream(dir / "doc115.txt", std::ios::binary) << "bad \xFF";

  std::ostringstream captured_stderr;
  std::streambuf* saved = std::cerr.rdbuf(captured_stderr.rdbuf());
  std::ostringstream out;
  Diagnostics diags;
  int code = 0;
  {
    StderrToDevNull not_a_terminal;
    code = run_streaming({dir.string()}, false, 4, /*show_progress=*/true,
                         [](const Document& d) { return d.id + ":" + std::to_string(d.text.size()) + "\n"; }, out,
                         diags);
  }
  std::cerr.rdbuf(saved);
  CHECK(code == 1);
  CHECK(captured_stderr.str().empty());
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].message == "invalid UTF-8 at byte 4");
  std::string expected;
  for (int i = 0; i < 30; ++i) {
    if (i != 15) expected += "doc" + std::to_string(100 + i) + ":" + std::to_string(8 + std::to_string(i).size()) + "\n";
  }
  CHECK(out.str() == expected);
  fs::remove_all(dir);
}

TEST_CASE("the progress meter draws nothing when disabled and erases its line when done") {
  CHECK_FALSE(progress_wanted(true, 0));
  {
    StderrToDevNull not_a_terminal;
    CHECK_FALSE(progress_wanted(false, 2));
  }
  std::ostringstream silent;
  {
    ProgressMeter meter(silent, false, 1000);
    meter.update(1, 10);
    usleep(120000);
    meter.update(2, 20);
  }
  CHECK(silent.str().empty());

  std::ostringstream shown;
  {
    ProgressMeter meter(shown, true, 1000);
    usleep(120000);
    meter.update(2, 20);
    meter.update(3, 30);  // within 100 ms of the last draw: not drawn
  }
  const std::string text = shown.str();
  CHECK(text.rfind("\r\x1b[Kevgraph: 2 docs  0.0 MB", 0) == 0);
  CHECK(text.find("3 docs") == std::string::npos);
  CHECK(text.size() >= 4);
  CHECK(text.substr(text.size() - 4) == "\r\x1b[K");
}

TEST_CASE("the progress line shows rates and an ETA when the total is known") {
  ProgressSnapshot s;
  s.documents = 12345;
  s.bytes = 50'000'000;
  s.seconds = 10;
  CHECK(format_progress(s) == "12,345 docs  50.0 MB  1,234 docs/s  5.0 MB/s");
  s.total_bytes = 650'000'000;
  CHECK(format_progress(s) == "12,345 docs  50.0 MB  1,234 docs/s  5.0 MB/s  ETA 0:02:00");
  s.seconds = 0;
  CHECK(format_progress(s) == "12,345 docs  50.0 MB");
}
