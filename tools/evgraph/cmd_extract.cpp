// evgraph extract INPUT... [--stdin-jsonl] [-j N] [-o FILE] [--update events.yaml] [--dct DATE] [--format yaml|json]
//
// INPUT is a file, a directory (every *.txt below it) or @LISTFILE; see corpus_reader.h.
// yaml (default): extracts every article and reduces them into a store
// (build_store); with --update the previous store's curated facts,
// suppressions and alias merges survive. Written atomically to -o, to the
// --update file when -o is not given, else to stdout.
// json: one Extraction per article as JSON Lines (the contract in
// extraction_json.h), streamed in input order with bounded memory.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <boost/date_time/gregorian/gregorian.hpp>

#include "commands.h"
#include "evgraph/atomic_file.h"
#include "evgraph/corpus_reader.h"
#include "evgraph/diagnostics.h"
#include "evgraph/extraction_json.h"
#include "evgraph/extractor.h"
#include "evgraph/ingest.h"
#include "evgraph/merge.h"
#include "evgraph/parallel_pipeline.h"
#include "evgraph/progress.h"
#include "evgraph/resources.h"
#include "evgraph/store_yaml.h"

namespace evgraph::cli {

namespace {

struct ExtractArgs {
  std::vector<std::string> inputs;
  bool stdin_jsonl = false;
  int jobs = 0;
  DocumentLimits limits;
  std::string output;
  std::string update;
  std::string dct;
  std::string format = "yaml";
};

std::optional<boost::gregorian::date> parse_day(const std::string& text) {
  auto d = PartialDate::parse(text);
  if (!d || d->precision() != DatePrecision::day) return std::nullopt;
  return d->first_day();
}

int run_extract(const ExtractArgs& args) {
  ExtractOptions options;
  if (!args.dct.empty()) {
    options.dct = parse_day(args.dct);
    if (!options.dct) {
      std::cerr << "evgraph extract: error: invalid --dct '" << args.dct << "' (expected YYYY-MM-DD)\n";
      return kExitError;
    }
  }
  const std::string& dir = global_options().resources_dir;
  const Resources resources = dir.empty() ? Resources::builtin() : Resources::with_override(dir);
  const Extractor extractor(resources);

  if (args.inputs.empty() && !args.stdin_jsonl) {
    std::cerr << "evgraph extract: error: no input: give files, directories or @lists, or --stdin-jsonl\n";
    return kExitError;
  }
  const bool show_progress = progress_wanted(global_options().quiet);

  if (args.format == "json") {
    const auto transform = [&](const Document& doc) { return to_json_line(extractor.extract(doc, options)) + "\n"; };
    Diagnostics diags;
    int code = 0;
    if (args.output.empty()) {
      code = run_streaming(args.inputs, args.stdin_jsonl, args.jobs, show_progress, transform, std::cout, diags,
                           args.limits);
      diags.print(std::cerr);
    } else {
      AtomicOutputFile file(args.output);
      if (!file.ok()) {
        std::cerr << "evgraph extract: error: " << file.error() << "\n";
        return kExitError;
      }
      code = run_streaming(args.inputs, args.stdin_jsonl, args.jobs, show_progress, transform, file.stream(), diags,
                           args.limits);
      diags.print(std::cerr);
      // Unreadable inputs are reported, the rest is kept: JSON Lines are per document.
      if (code != 2) {
        if (std::string error = file.commit(); !error.empty()) {
          std::cerr << "evgraph extract: error: " << error << "\n";
          return kExitError;
        }
      }
    }
    return code == 0 ? kExitOk : kExitError;
  }

  // The store path holds every extraction for the reduce step; the map step still runs in parallel.
  Diagnostics diags;
  std::vector<Extraction> extractions;
  std::mutex extractions_mutex;
  {
    CorpusOptions corpus;
    corpus.inputs = args.inputs;
    corpus.stdin_jsonl = args.stdin_jsonl;
    corpus.limits = args.limits;
    CorpusReader reader(corpus);
    ProgressMeter progress(std::cerr, show_progress, reader.total_bytes());
    PipelineOptions pipeline;
    pipeline.jobs = args.jobs;
    pipeline.progress = &progress;
    run_ordered_pipeline([&] { return reader.next(); },
                         [&](const Document& doc) {
                           Extraction x = extractor.extract(doc, options);
                           const std::lock_guard<std::mutex> lock(extractions_mutex);
                           extractions.push_back(std::move(x));
                           return std::string();
                         },
                         [](std::string&) {}, diags, pipeline);
  }
  // The reduce order is the document id order, as in `evgraph merge`, so any -j gives the same store.
  std::stable_sort(extractions.begin(), extractions.end(),
                   [](const Extraction& a, const Extraction& b) { return a.doc < b.doc; });
  diags.print(std::cerr);
  const bool read_errors = diags.has_errors();

  // A store: never written from a partial read, so a typo in one path cannot drop its facts.
  if (read_errors) return kExitError;
  std::optional<Store> previous;
  if (!args.update.empty() && std::filesystem::exists(args.update)) {
    Diagnostics store_diags;
    previous = load_store(args.update, store_diags);
    store_diags.print(std::cerr);
    if (!previous) return kExitFindings;
  }
  const Store store = build_store(extractions, previous ? &*previous : nullptr);
  const std::string target = !args.output.empty() ? args.output : args.update;
  if (target.empty()) {
    std::cout << format_store(store) << std::flush;
    return std::cout ? kExitOk : kExitError;
  }
  if (std::string error = save_store(store, target); !error.empty()) {
    std::cerr << "evgraph extract: error: " << error << "\n";
    return kExitError;
  }
  return kExitOk;
}

}  // namespace

Command add_extract_command(CLI::App& app) {
  auto args = std::make_shared<ExtractArgs>();
  CLI::App* sub = app.add_subcommand(
      "extract", "Extract actors, quotes, events and responses from articles into a store or JSON Lines");
  sub->add_option("inputs", args->inputs,
                  "Articles: UTF-8 text files (optional FILE.meta.yaml sidecar), directories (every *.txt "
                  "below, sorted) or @LISTFILE (one path per line)");
  sub->add_flag("--stdin-jsonl", args->stdin_jsonl,
                "Also read documents from stdin as JSON Lines: {\"doc\", \"text\", \"published\"?, \"url\"?, "
                "\"title\"?, \"outlet\"?} per line");
  sub->add_option("-j,--jobs", args->jobs, "Worker threads (default: every core); output is the same for any N")
      ->check(CLI::NonNegativeNumber);
  sub->add_option("--max-doc-bytes", args->limits.max_bytes,
                  "Refuse documents larger than this (default 16 MiB), so hostile input cannot exhaust memory")
      ->check(CLI::PositiveNumber);
  sub->add_option("--max-quotes", args->limits.max_quotes,
                  "Refuse documents with more quoted passages than this (pairs of quotation marks; default 5000)")
      ->check(CLI::NonNegativeNumber);
  sub->add_option("-o,--output", args->output, "Write here (store or JSON Lines) instead of stdout");
  sub->add_option("--update", args->update,
                  "Previous store to refresh: curated facts, suppressions and alias merges are kept; "
                  "written back to this file unless -o is given");
  sub->add_option("--dct", args->dct, "Document creation time (YYYY-MM-DD) for every file, overriding metadata");
  sub->add_option("--format", args->format, "yaml: an events.yaml store; json: one JSON object per document")
      ->check(CLI::IsMember({"yaml", "json"}));
  return {sub, [args] { return run_extract(*args); }};
}

}  // namespace evgraph::cli
