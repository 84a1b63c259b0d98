// evgraph merge SHARD.jsonl... [-o events.yaml] [--update events.yaml]
//
// The reduce step: reads the JSON Lines written by `evgraph extract --format json`
// (one Extraction per line; "-" reads stdin) and merges them into one store
// with build_store(). The result does not depend on how the corpus was split
// or in which order the shards are given: extractions are sorted by document
// id first, and exact duplicates (a document extracted twice) count once.
// Like extract, nothing is written when any input line is bad.
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "commands.h"
#include "evgraph/corpus_reader.h"
#include "evgraph/diagnostics.h"
#include "evgraph/extraction_json.h"
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

struct ParsedLine {
  std::string doc;
  std::string json;  // the line as written, for a total order and duplicate detection
  Extraction extraction;
};

// Reads one shard; returns false when it cannot be opened at all.
bool read_shard(const std::string& name, std::vector<ParsedLine>& lines, Diagnostics& diags) {
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
    std::string doc = x->doc;
    lines.push_back({std::move(doc), std::move(line), std::move(*x)});
    line = std::string();
  }
  if (in->bad()) diags.error(shown, 0, 0, "read error");
  return true;
}

int run_merge(const MergeArgs& args) {
  Diagnostics diags;
  std::vector<ParsedLine> lines;
  bool io_error = false;
  for (const std::string& shard : args.shards) io_error |= !read_shard(shard, lines, diags);
  if (diags.has_errors()) {
    diags.print(std::cerr);
    return io_error ? kExitError : kExitFindings;
  }

  // A total order on (doc, line) makes the merge independent of shard order and split.
  std::sort(lines.begin(), lines.end(), [](const ParsedLine& a, const ParsedLine& b) {
    return a.doc != b.doc ? a.doc < b.doc : a.json < b.json;
  });
  std::vector<Extraction> extractions;
  extractions.reserve(lines.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0 && lines[i].doc == lines[i - 1].doc) {
      if (lines[i].json == lines[i - 1].json) continue;  // the same document extracted twice
      diags.warning(lines[i].doc, 0, 0, "document id appears with different extractions in the shards; keeping both");
    }
    extractions.push_back(std::move(lines[i].extraction));
  }
  lines.clear();
  lines.shrink_to_fit();

  std::optional<Store> previous;
  if (!args.update.empty() && std::filesystem::exists(args.update)) {
    previous = load_store(args.update, diags);
    if (!previous) {
      diags.print(std::cerr);
      return kExitFindings;
    }
  }
  diags.print(std::cerr);
  const Store store = build_store(extractions, previous ? &*previous : nullptr);
  const std::string target = !args.output.empty() ? args.output : args.update;
  if (target.empty()) {
    std::cout << format_store(store) << std::flush;
    if (!std::cout) {
      std::cerr << "evgraph merge: error: cannot write to stdout\n";
      return kExitError;
    }
    return kExitOk;
  }
  if (std::string error = save_store(store, target); !error.empty()) {
    std::cerr << "evgraph merge: error: " << error << "\n";
    return kExitError;
  }
  if (!global_options().quiet) {
    std::cerr << fmt::format("evgraph merge: {} documents -> {} ({} actors, {} events, {} relations)\n",
                             extractions.size(), target, store.actors.size(), store.events.size(),
                             store.relations.size());
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
