// Temporal tagger throughput: builds a corpus of >= --min-mb MB from the seed articles
// and the TBAQ texts (written once to --corpus), tags it document by document on one
// core, and prints MB/s (median of --runs runs) and the peak resident set size.
// Throughput is given per CPU second of the tagging thread (the figure that does not
// depend on other load on a shared machine) and per wall-clock second.
//
//   bench_timex --seeds ../shared/corpus/seeds --tbaq ../shared/data/tempeval3/tbaq
//               --corpus build/bench-timex/corpus.txt [--min-mb 50] [--runs 5]
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <boost/date_time/gregorian/gregorian.hpp>
#include <fmt/format.h>

#include "evgraph/timex.h"

namespace fs = std::filesystem;

namespace {

// Documents in the corpus file are separated by a form feed on its own line.
constexpr std::string_view kSeparator = "\f\n";

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// The text inside <TEXT>, tags removed and the XML entities TimeML uses decoded.
std::string timeml_text(const std::string& xml) {
  const std::size_t open = xml.find("<TEXT>"), close = xml.find("</TEXT>");
  if (open == std::string::npos || close == std::string::npos) return {};
  std::string out;
  for (std::size_t i = open + 6; i < close; ++i) {
    if (xml[i] == '<') {
      i = xml.find('>', i);
      continue;
    }
    if (xml[i] == '&') {
      static const std::pair<std::string_view, char> kEntities[] = {
          {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
      bool decoded = false;
      for (auto [entity, c] : kEntities)
        if (std::string_view(xml).substr(i, entity.size()) == entity) {
          out += c;
          i += entity.size() - 1;
          decoded = true;
          break;
        }
      if (decoded) continue;
    }
    out += xml[i];
  }
  return out;
}

std::vector<std::string> source_documents(const fs::path& seeds, const fs::path& tbaq) {
  std::vector<fs::path> paths;
  std::error_code ec;
  if (fs::is_directory(seeds))
    for (const auto& e : fs::directory_iterator(seeds, ec))
      if (e.path().extension() == ".txt") paths.push_back(e.path());
  if (fs::is_directory(tbaq))
    for (const auto& e : fs::recursive_directory_iterator(tbaq, ec))
      if (e.path().extension() == ".tml") paths.push_back(e.path());
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> docs;
  for (const fs::path& p : paths) {
    std::string text = p.extension() == ".tml" ? timeml_text(read_file(p)) : read_file(p);
    if (!text.empty()) docs.push_back(std::move(text));
  }
  return docs;
}

bool build_corpus(const fs::path& corpus, const std::vector<std::string>& docs, std::size_t min_bytes) {
  if (fs::exists(corpus) && fs::file_size(corpus) >= min_bytes) return true;
  if (docs.empty()) return false;
  fs::create_directories(corpus.parent_path());
  const fs::path partial = corpus.string() + ".tmp";
  std::ofstream out(partial, std::ios::binary);
  std::size_t written = 0;
  while (written < min_bytes)
    for (const std::string& d : docs) {
      out << d << kSeparator;
      written += d.size() + kSeparator.size();
    }
  out.close();
  fs::rename(partial, corpus);
  return true;
}

double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

struct RunResult {
  double seconds = 0;      // wall clock
  double cpu_seconds = 0;  // this thread's CPU time
  std::size_t bytes = 0, timexes = 0;
};

// Streams the corpus one document at a time, so memory does not grow with its size.
RunResult run_once(const evgraph::TimexTagger& tagger, const fs::path& corpus) {
  std::ifstream in(corpus, std::ios::binary);
  RunResult r;
  std::string doc, line;
  const boost::gregorian::date dct(2025, 5, 9);
  auto flush = [&] {
    const auto t0 = std::chrono::steady_clock::now();
    const double c0 = thread_cpu_seconds();
    r.timexes += tagger.tag(doc, dct).size();
    r.cpu_seconds += thread_cpu_seconds() - c0;
    r.seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    r.bytes += doc.size();
    doc.clear();
  };
  while (std::getline(in, line)) {
    if (line == "\f") {
      flush();
      continue;
    }
    doc += line;
    doc += '\n';
  }
  if (!doc.empty()) flush();
  return r;
}

}  // namespace

int main(int argc, char** argv) {
  fs::path seeds = "../shared/corpus/seeds", tbaq = "../shared/data/tempeval3/tbaq", corpus = "build/bench-timex/corpus.txt";
  double min_mb = 50;
  int runs = 5;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string key = argv[i], value = argv[i + 1];
    if (key == "--seeds") seeds = value;
    else if (key == "--tbaq") tbaq = value;
    else if (key == "--corpus") corpus = value;
    else if (key == "--min-mb") min_mb = std::stod(value);
    else if (key == "--runs") runs = std::max(1, std::stoi(value));
    else {
      std::cerr << "bench_timex: error: unknown option '" << key << "'\n";
      return 2;
    }
  }
  const auto min_bytes = static_cast<std::size_t>(min_mb * 1e6);
  if (!build_corpus(corpus, fs::exists(corpus) && fs::file_size(corpus) >= min_bytes ? std::vector<std::string>{}
                                                                                      : source_documents(seeds, tbaq),
                    min_bytes)) {
    std::cout << "bench_timex: skipped: no seed or TBAQ texts under " << seeds << " or " << tbaq << "\n";
    return 0;
  }
  const auto t0 = std::chrono::steady_clock::now();
  const evgraph::TimexTagger tagger(evgraph::Resources::builtin());
  const double startup = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

  std::vector<double> rates, wall_rates;
  RunResult last;
  for (int i = 0; i < runs; ++i) {
    last = run_once(tagger, corpus);
    rates.push_back(last.bytes / 1e6 / last.cpu_seconds);
    wall_rates.push_back(last.bytes / 1e6 / last.seconds);
  }
  std::sort(rates.begin(), rates.end());
  std::sort(wall_rates.begin(), wall_rates.end());
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  fmt::print("bench_timex: corpus {} ({:.1f} MB, {} timexes per run)\n", corpus.string(), last.bytes / 1e6, last.timexes);
  fmt::print("bench_timex: tagger construction {:.2f} s\n", startup);
  fmt::print("bench_timex: throughput {:.1f} MB/s per CPU second (median of {} runs; min {:.1f}, max {:.1f}), one thread\n",
             rates[rates.size() / 2], rates.size(), rates.front(), rates.back());
  fmt::print("bench_timex: throughput {:.1f} MB/s wall clock (median; machine load {:.1f})\n",
             wall_rates[wall_rates.size() / 2], [] {
               double load[1] = {0};
               return getloadavg(load, 1) == 1 ? load[0] : 0.0;
             }());
  fmt::print("bench_timex: peak RSS {:.1f} MB\n", usage.ru_maxrss / 1024.0);
  return 0;
}
