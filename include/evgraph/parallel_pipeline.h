// An ordered parallel map over a stream of documents: the batch engine
// behind `evgraph extract -j N`.
//
//   read (serial, in order) -> transform (N workers in parallel) -> write (serial, in order)
//
// Built on TBB's parallel_pipeline. At most jobs * tokens_per_worker documents
// are in flight at once, so memory is bounded by a few documents per worker,
// never by the corpus size. Results are written in input order as soon as
// each one (and every one before it) is done, so the output is byte-identical
// for any number of workers.
//
//   Diagnostics diags;
//   int code = run_streaming({"articles/"}, false, 0, progress_wanted(quiet),
//                            [&](const Document& d) { return to_json_line(extract(d)); },
//                            std::cout, diags);
//   diags.print(std::cerr);
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "evgraph/diagnostics.h"
#include "evgraph/ingest.h"

namespace evgraph {

class ProgressMeter;

// Yields the next document (or the error that stopped one from being read); nullopt at the end.
using DocumentSource = std::function<std::optional<Result<Document>>()>;
// Turns one document into its output bytes (including any trailing newline).
// Called from several threads at once: must be thread-safe. An exception it
// throws becomes an error diagnostic for that document; the run goes on.
using DocumentTransform = std::function<std::string(const Document&)>;
// Receives each output, in input order, from one thread at a time.
using OutputSink = std::function<void(std::string& output)>;

struct PipelineOptions {
  int jobs = 0;                  // workers; 0 = every core
  int tokens_per_worker = 4;     // documents in flight per worker (keeps workers busy, memory bounded)
  ProgressMeter* progress = nullptr;  // updated as outputs are written, when set
};

struct PipelineTotals {
  std::uint64_t documents = 0;  // transformed successfully
  std::uint64_t bytes = 0;      // input text bytes of those documents
  std::uint64_t failed = 0;     // unreadable documents or failed transforms
};

// The number of workers -j N means: N, or every core for N <= 0.
int resolve_jobs(int jobs);
// The most documents the pipeline holds at once for these options.
std::size_t max_documents_in_flight(const PipelineOptions& options);

// Runs the pipeline to the end of `source`, or until `sink` throws. Read and
// transform errors are added to `diags` in input order.
PipelineTotals run_ordered_pipeline(const DocumentSource& source, const DocumentTransform& transform,
                                    const OutputSink& sink, Diagnostics& diags, const PipelineOptions& options);

// The whole batch front end: reads `inputs` (files, directories, @listfiles;
// see corpus_reader.h) and, with `stdin_jsonl`, JSON Lines from std::cin;
// writes each transform result to `out` in input order; draws a progress line
// on stderr when `show_progress` and stderr is a terminal. Returns 0 when every
// document was processed, 1 when some could not be (see `diags`), 2 when
// writing `out` failed.
int run_streaming(const std::vector<std::string>& inputs, bool stdin_jsonl, int jobs, bool show_progress,
                  const DocumentTransform& transform, std::ostream& out, Diagnostics& diags,
                  const DocumentLimits& limits = {});

}  // namespace evgraph
