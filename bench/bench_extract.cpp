// Throughput of the batch pipeline on a JSON Lines corpus (see tools/bench.sh,
// which generates one with tools/bench_corpus.py):
//
//   bench_extract CORPUS.jsonl [--modes timex,extract,scan,read] [--jobs 1,2] [--runs 3]
//                 [--max-mb N] [--write-jsonl OUT.jsonl]
//
// Each run streams the whole corpus through run_ordered_pipeline, exactly as
// `evgraph extract -j N --stdin-jsonl` does, and reports the median of the runs.
//   timex:   DCT resolution + temporal tagging and normalization per document
//   extract: the full extractor + JSON serialization (`extract --format json`)
//   scan:    only the tagger's first step, normalizing the text and the Hyperscan
//            scans (TimexTagger::scan_only): a ceiling on the timex mode's speed
//   read:    reading and parsing the corpus alone: the pipeline's own cost
// (scan and read run only when asked for.)
// The last lines are machine-readable "RESULT key=value" pairs for scripts.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "evgraph/corpus_reader.h"
#include "evgraph/extraction_json.h"
#include "evgraph/extractor.h"
#include "evgraph/parallel_pipeline.h"
#include "evgraph/timex.h"
#include "evgraph/utf8.h"

using namespace evgraph;

namespace {

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::stringstream in(s);
  std::string part;
  while (std::getline(in, part, sep)) {
    if (!part.empty()) out.push_back(part);
  }
  return out;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

long peak_rss_kb() {
  struct rusage usage {};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

struct RunResult {
  double seconds = 0;
  PipelineTotals totals;
};

RunResult run_once(const std::string& corpus, std::uint64_t max_bytes, int jobs, const DocumentTransform& transform,
                   std::ostream* keep) {
  std::ifstream in(corpus, std::ios::binary);
  CorpusOptions options;
  options.stdin_jsonl = true;
  CorpusReader reader(options, &in);
  std::uint64_t read_bytes = 0;
  DocumentSource source = [&]() -> std::optional<Result<Document>> {
    if (max_bytes && read_bytes >= max_bytes) return std::nullopt;
    auto next = reader.next();
    if (next && next->ok()) read_bytes += next->value().text.size();
    return next;
  };
  OutputSink sink = [&](std::string& out) {
    if (keep) keep->write(out.data(), static_cast<std::streamsize>(out.size()));
  };
  Diagnostics diags;
  PipelineOptions pipeline;
  pipeline.jobs = jobs;
  const auto start = std::chrono::steady_clock::now();
  RunResult r;
  r.totals = run_ordered_pipeline(source, transform, sink, diags, pipeline);
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (diags.has_errors()) {
    diags.print(std::cerr);
    std::exit(2);
  }
  return r;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: bench_extract CORPUS.jsonl [--modes timex,extract,scan,read] [--jobs 1,2] [--runs 3] [--max-mb N] "
                 "[--write-jsonl OUT]\n";
    return 2;
  }
  std::string corpus = argv[1];
  std::vector<std::string> modes = {"timex", "extract"};
  std::vector<int> jobs_list = {1, resolve_jobs(0)};
  int runs = 3;
  std::uint64_t max_bytes = 0;
  std::string write_jsonl;
  for (int i = 2; i + 1 < argc; i += 2) {
    const std::string flag = argv[i], value = argv[i + 1];
    if (flag == "--modes") modes = split(value, ',');
    else if (flag == "--jobs") {
      jobs_list.clear();
      for (const std::string& j : split(value, ',')) jobs_list.push_back(std::stoi(j));
    } else if (flag == "--runs") runs = std::max(1, std::stoi(value));
    else if (flag == "--max-mb") max_bytes = static_cast<std::uint64_t>(std::stod(value) * 1e6);
    else if (flag == "--write-jsonl") write_jsonl = value;
    else {
      std::cerr << "bench_extract: unknown option " << flag << "\n";
      return 2;
    }
  }
  jobs_list.erase(std::unique(jobs_list.begin(), jobs_list.end()), jobs_list.end());

  const TimexTagger tagger(Resources::builtin());
  const Extractor extractor(Resources::builtin());
  const DocumentTransform timex_only = [&](const Document& doc) {
    return std::to_string(tagger.tag_document(doc, std::nullopt).timexes.size());
  };
  const DocumentTransform full = [&](const Document& doc) { return to_json_line(extractor.extract(doc)) + "\n"; };
  const DocumentTransform scan_only = [&](const Document& doc) {
    return std::to_string(tagger.scan_only(NormalizedText(doc.text)));
  };
  const DocumentTransform read_only = [](const Document& doc) { return std::to_string(doc.text.size()); };

  std::map<std::string, double> mbps;
  fmt::print("{:<8} {:>4} {:>12} {:>10} {:>9}  {}\n", "mode", "-j", "median MB/s", "docs/s", "MB", "runs (s)");
  for (const std::string& mode : modes) {
    if (mode != "timex" && mode != "extract" && mode != "scan" && mode != "read") {
      std::cerr << "bench_extract: unknown mode " << mode << "\n";
      return 2;
    }
    for (int jobs : jobs_list) {
      std::vector<double> seconds;
      PipelineTotals totals;
      for (int r = 0; r < runs; ++r) {
        std::ofstream keep_file;
        const bool keep = mode == "extract" && !write_jsonl.empty() && r == 0 && jobs == jobs_list.back();
        if (keep) keep_file.open(write_jsonl, std::ios::binary);
        const DocumentTransform& transform = mode == "timex" ? timex_only
                                             : mode == "scan"  ? scan_only
                                             : mode == "read"  ? read_only
                                                               : full;
        RunResult result = run_once(corpus, max_bytes, jobs, transform, keep ? &keep_file : nullptr);
        seconds.push_back(result.seconds);
        totals = result.totals;
      }
      const double t = median(seconds);
      const double mb = static_cast<double>(totals.bytes) / 1e6;
      mbps[fmt::format("{}_j{}", mode, jobs)] = mb / t;
      std::string each;
      for (double s : seconds) each += fmt::format("{}{:.2f}", each.empty() ? "" : " ", s);
      fmt::print("{:<8} {:>4} {:>12.2f} {:>10.0f} {:>9.1f}  {}\n", mode, jobs, mb / t,
                 static_cast<double>(totals.documents) / t, mb, each);
      std::fflush(stdout);
    }
  }
  const int n = jobs_list.back();
  for (const std::string& mode : modes) {
    const double one = mbps[mode + "_j1"], many = mbps[fmt::format("{}_j{}", mode, n)];
    if (n > 1 && one > 0) {
      fmt::print("{} scaling efficiency -j{} vs -j1: {:.2f} ({:.2f}x on {} workers)\n", mode, n, many / (n * one),
                 many / one, n);
    }
  }
  fmt::print("peak RSS (bench process, getrusage): {:.1f} MB\n", static_cast<double>(peak_rss_kb()) / 1024);
  for (const auto& [key, value] : mbps) fmt::print("RESULT {}_mbps={:.3f}\n", key, value);
  fmt::print("RESULT peak_rss_mb={:.1f}\n", static_cast<double>(peak_rss_kb()) / 1024);
  return 0;
}
