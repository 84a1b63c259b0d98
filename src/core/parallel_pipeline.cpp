#include "evgraph/parallel_pipeline.h"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <exception>
#include <iostream>
#include <memory>
#include <thread>

#include <fmt/format.h>
#include <tbb/global_control.h>
#include <tbb/parallel_pipeline.h>
#include <tbb/task_arena.h>

#include "evgraph/corpus_reader.h"
#include "evgraph/progress.h"

namespace evgraph {

namespace {

// One document on its way through the pipeline. The input text is dropped as
// soon as the transform is done, so a finished item waiting for its turn to be
// written holds only its output.
struct Item {
  std::optional<Document> document;
  std::optional<Diagnostic> error;
  std::string output;
  std::uint64_t bytes = 0;
};

Diagnostic transform_error(const Document& doc, std::string_view why) {
  Diagnostic d;
  d.file = doc.path.empty() ? doc.id : doc.path;
  d.message = fmt::format("cannot process document '{}': {}", doc.id, why);
  return d;
}

}  // namespace

int resolve_jobs(int jobs) {
  if (jobs > 0) return jobs;
  const unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 1 : static_cast<int>(cores);
}

std::size_t max_documents_in_flight(const PipelineOptions& options) {
  const int per_worker = options.tokens_per_worker > 0 ? options.tokens_per_worker : 1;
  return static_cast<std::size_t>(resolve_jobs(options.jobs)) * static_cast<std::size_t>(per_worker);
}

PipelineTotals run_ordered_pipeline(const DocumentSource& source, const DocumentTransform& transform,
                                    const OutputSink& sink, Diagnostics& diags, const PipelineOptions& options) {
  PipelineTotals totals;
  std::atomic<bool> stop{false};
  std::exception_ptr sink_failure;

  auto read = [&](tbb::flow_control& control) -> std::unique_ptr<Item> {
    if (stop.load(std::memory_order_relaxed)) {
      control.stop();
      return nullptr;
    }
    std::optional<Result<Document>> next = source();
    if (!next) {
      control.stop();
      return nullptr;
    }
    auto item = std::make_unique<Item>();
    if (next->ok()) {
      item->bytes = next->value().text.size();
      item->document = std::move(next->value());
    } else {
      item->error = next->error();
    }
    return item;
  };

  auto work = [&](std::unique_ptr<Item> item) -> std::unique_ptr<Item> {
    if (item->document) {
      try {
        item->output = transform(*item->document);
      } catch (const std::exception& e) {
        item->error = transform_error(*item->document, e.what());
      } catch (...) {
        item->error = transform_error(*item->document, "unknown error");
      }
      item->document.reset();
    }
    return item;
  };

  auto write = [&](std::unique_ptr<Item> item) {
    if (stop.load(std::memory_order_relaxed)) return;  // draining after a write failure
    if (item->error) {
      ++totals.failed;
      diags.add(std::move(*item->error));
      return;
    }
    try {
      sink(item->output);
    } catch (...) {
      sink_failure = std::current_exception();
      stop.store(true, std::memory_order_relaxed);
      return;
    }
    ++totals.documents;
    totals.bytes += item->bytes;
    if (options.progress) options.progress->update(totals.documents, totals.bytes);
  };

  const int jobs = resolve_jobs(options.jobs);
  // TBB caps its threads at the core count by default; -j N asks for exactly N
  // (more than the cores is useful when the transform waits on I/O).
  tbb::global_control thread_limit(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(jobs));
  tbb::task_arena arena(jobs);
  arena.execute([&] {
    tbb::parallel_pipeline(max_documents_in_flight(options),
                           tbb::make_filter<void, std::unique_ptr<Item>>(tbb::filter_mode::serial_in_order, read) &
                               tbb::make_filter<std::unique_ptr<Item>, std::unique_ptr<Item>>(
                                   tbb::filter_mode::parallel, work) &
                               tbb::make_filter<std::unique_ptr<Item>, void>(tbb::filter_mode::serial_in_order, write));
  });
  if (sink_failure) std::rethrow_exception(sink_failure);
  return totals;
}

int run_streaming(const std::vector<std::string>& inputs, bool stdin_jsonl, int jobs, bool show_progress,
                  const DocumentTransform& transform, std::ostream& out, Diagnostics& diags,
                  const DocumentLimits& limits) {
  CorpusOptions corpus;
  corpus.inputs = inputs;
  corpus.stdin_jsonl = stdin_jsonl;
  corpus.limits = limits;
  CorpusReader reader(corpus);
  ProgressMeter progress(std::cerr, show_progress && isatty(STDERR_FILENO) == 1, reader.total_bytes());

  // Flush at least every 100 ms so a downstream consumer sees results while
  // the run goes on, without a system call per small document.
  using Clock = std::chrono::steady_clock;
  auto last_flush = Clock::now();
  auto sink = [&](std::string& output) {
    out.write(output.data(), static_cast<std::streamsize>(output.size()));
    const auto now = Clock::now();
    if (now - last_flush >= std::chrono::milliseconds(100)) {
      out.flush();
      last_flush = now;
    }
    if (!out) throw std::runtime_error("write failed");
  };

  PipelineOptions options;
  options.jobs = jobs;
  options.progress = &progress;
  try {
    run_ordered_pipeline([&] { return reader.next(); }, transform, sink, diags, options);
    out.flush();
    if (!out) throw std::runtime_error("write failed");
  } catch (const std::exception& e) {
    progress.finish();
    Diagnostic d;
    d.file = "<output>";
    d.message = fmt::format("cannot write results: {}", e.what());
    diags.add(std::move(d));
    return 2;
  }
  progress.finish();
  return diags.has_errors() ? 1 : 0;
}

}  // namespace evgraph
