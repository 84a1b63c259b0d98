// evgraph merge SHARD.jsonl... [-o events.yaml] [--update events.yaml]
//
// The reduce step: reads the JSON Lines written by `evgraph extract --format json`
// (one Extraction per line; "-" reads stdin) and merges them into one store
// with a StoreMerger. Lines are parsed one at a time and only what the store
// needs is kept, compactly, and the store is written fact by fact from that
// (StoreMerger::write), so memory follows the distinct documents, not the
// input size, and stays well below the size of the store written.
// The result does not depend on how the corpus was split or in which order
// the shards are given: the same document extracted twice counts once, and of
// different extractions of one document id the one whose line has the
// smallest digest is used (with a warning).
// Like extract, nothing is written when any input line is bad.
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "commands.h"
#include "evgraph/atomic_file.h"
#include "evgraph/corpus_reader.h"
#include "evgraph/diagnostics.h"
#include "evgraph/extraction_json.h"
#include "evgraph/ids.h"
#include "evgraph/merge.h"
#include "evgraph/store_yaml.h"

namespace evgraph::cli {

namespace {

struct MergeArgs {
  std::vector<std::string> shards;
  std::string output;
  std::string update;
};

constexpr std::size_t kMaxLineBytes = 256u << 20;  // one document's extraction; bounds memory on bad input

struct MergeInput {
  StoreMerger merger;
  std::map<std::string, std::set<std::uint64_t>> conflicts;  // document id -> digests of its different extractions
};

// Reads one shard into the merger; returns false when it cannot be opened at all.
bool read_shard(const std::string& name, MergeInput& input, Diagnostics& diags) {
  std::ifstream file;
  std::istream* in = &std::cin;
  const std::string shown = name == "-" ? "<stdin>" : name;
  if (name != "-") {
    if (std::filesystem::is_directory(name)) {
      diags.error(name, 0, 0, "is a directory");
      return false;
    }
    file.open(name, std::ios::binary);
    if (!file) {
      diags.error(name, 0, 0, fmt::format("cannot open: {}", std::strerror(errno)));
      return false;
    }
    in = &file;
  }
  BoundedLineReader reader(*in, kMaxLineBytes);
  std::string line;
  for (;;) {
    const auto status = reader.next(line);
    if (status == BoundedLineReader::Status::end) break;
    if (status == BoundedLineReader::Status::too_long) {
      diags.error(shown, reader.line_number(), 0, fmt::format("line longer than {} bytes", kMaxLineBytes));
      continue;
    }
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    Result<Extraction> x = extraction_from_json(line, shown, reader.line_number());
    if (!x) {
      diags.add(x.error());
      continue;
    }
    // Tells repeated extractions of a document apart without keeping the line, and
    // orders different ones the same on every run.
    const std::uint64_t digest = fnv1a64(line);
    std::uint64_t kept = digest;
    const StoreMerger::Added added = input.merger.add(*x, digest, &kept);
    if (added == StoreMerger::Added::replaced || added == StoreMerger::Added::ignored)
      input.conflicts[x->doc].insert({kept, digest});
  }
  if (in->bad()) diags.error(shown, 0, 0, "read error");
  return true;
}

int run_merge(const MergeArgs& args) {
  Diagnostics diags;
  MergeInput input;
  bool io_error = false;
  for (const std::string& shard : args.shards) io_error |= !read_shard(shard, input, diags);
  if (diags.has_errors()) {
    diags.print(std::cerr);
    return io_error ? kExitError : kExitFindings;
  }
  std::size_t documents = input.merger.documents();
  for (const auto& [doc, digests] : input.conflicts) {
    documents += digests.size() - 1;
    for (std::size_t i = 1; i < digests.size(); ++i)
      diags.warning(doc, 0, 0, "document id appears with different extractions in the shards; using one of them");
  }

  std::optional<Store> previous;
  if (!args.update.empty() && std::filesystem::exists(args.update)) {
    previous = load_store(args.update, diags);
    if (!previous) {
      diags.print(std::cerr);
      return kExitFindings;
    }
  }
  diags.print(std::cerr);
  // Written straight from the merger, never held as a Store: the merged store
  // can be several times the size of the memory the merger needs.
  const Store* old = previous ? &*previous : nullptr;
  const std::string target = !args.output.empty() ? args.output : args.update;
  if (target.empty()) {
    input.merger.write(std::cout, old);
    std::cout << std::flush;
    if (!std::cout) {
      std::cerr << "evgraph merge: error: cannot write to stdout\n";
      return kExitError;
    }
    return kExitOk;
  }
  AtomicOutputFile file(target);
  if (!file.ok()) {
    std::cerr << "evgraph merge: error: " << file.error() << "\n";
    return kExitError;
  }
  const MergeSummary merged = input.merger.write(file.stream(), old);
  if (std::string error = file.commit(); !error.empty()) {
    std::cerr << "evgraph merge: error: " << error << "\n";
    return kExitError;
  }
  if (!global_options().quiet) {
    std::cerr << fmt::format("evgraph merge: {} documents -> {} ({} actors, {} events, {} relations)\n",
                             documents, target, merged.actors, merged.events, merged.relations);
  }
  return kExitOk;
}

}  // namespace

Command add_merge_command(CLI::App& app) {
  auto args = std::make_shared<MergeArgs>();
  CLI::App* sub = app.add_subcommand(
      "merge",
      "Merge JSON Lines from `extract --format json` (the map step) into one events.yaml store (the reduce step)");
  sub->add_option("shards", args->shards, "JSON Lines files of extractions; - reads stdin")->required();
  sub->add_option("-o,--output", args->output, "Write the store here instead of stdout");
  sub->add_option("--update", args->update,
                  "Previous store to refresh: curated facts, suppressions and alias merges are kept; "
                  "written back to this file unless -o is given");
  return {sub, [args] { return run_merge(*args); }};
}

}  // namespace evgraph::cli
