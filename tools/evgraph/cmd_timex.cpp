// evgraph timex FILE... [--dct DATE] [--format jsonl|timeml] [--output-dir DIR]
// Tags temporal expressions. JSONL: one object per expression; TimeML: the text with
// inline TIMEX3 tags, readable by TempEval scorers.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <boost/date_time/gregorian/gregorian.hpp>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "evgraph/date.h"
#include "evgraph/ingest.h"
#include "evgraph/timex.h"
#include "evgraph/xml_escape.h"

namespace evgraph::cli {
namespace {

struct TimexOptions {
  std::vector<std::string> files;
  std::string dct;
  std::string format = "jsonl";
  std::string output_dir;
};


void write_jsonl(std::ostream& out, const Document& doc, const DctInfo& dct, const std::vector<Timex>& timexes) {
  for (const Timex& t : timexes) {
    nlohmann::ordered_json j;
    j["doc"] = doc.id;
    j["start"] = t.start;
    j["end"] = t.end;
    j["text"] = t.text;
    j["type"] = to_string(t.type);
    j["value"] = t.value;
    if (!t.range_max.empty()) j["range_max"] = t.range_max;
    if (!t.mod.empty()) j["mod"] = t.mod;
    j["dct"] = dct.dct ? nlohmann::ordered_json(boost::gregorian::to_iso_extended_string(*dct.dct)) : nullptr;
    j["dct_source"] = to_string(dct.source);
    out << j.dump() << '\n';
  }
}

void write_timeml(std::ostream& out, const Document& doc, const DctInfo& dct, const std::vector<Timex>& timexes) {
  out << "<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>" << xml_escape(doc.id) << "</DOCID>\n";
  if (dct.dct) {
    const std::string iso = boost::gregorian::to_iso_extended_string(*dct.dct);
    out << "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"" << iso
        << "\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">" << iso << "</TIMEX3></DCT>\n";
  }
  out << "<TEXT>";
  std::size_t pos = 0;
  int id = 1;
  for (const Timex& t : timexes) {
    out << xml_escape(std::string_view(doc.text).substr(pos, t.start - pos));
    out << "<TIMEX3 tid=\"t" << id++ << "\" type=\"" << to_string(t.type) << "\" value=\"" << xml_escape(t.value) << "\"";
    if (!t.mod.empty()) out << " mod=\"" << xml_escape(t.mod) << "\"";
    out << ">" << xml_escape(t.text) << "</TIMEX3>";
    pos = t.end;
  }
  out << xml_escape(std::string_view(doc.text).substr(pos)) << "</TEXT>\n</TimeML>\n";
}

int run(const TimexOptions& options) {
  std::optional<boost::gregorian::date> cli_dct;
  if (!options.dct.empty()) {
    std::string error;
    auto parsed = PartialDate::parse(options.dct, &error);
    if (!parsed || parsed->precision() != DatePrecision::day) {
      std::cerr << "evgraph timex: error: --dct needs a date YYYY-MM-DD"
                << (error.empty() ? std::string() : " (" + error + ")") << "\n";
      return kExitError;
    }
    cli_dct = parsed->first_day();
  }
  const GlobalOptions& globals = global_options();
  const Resources resources =
      globals.resources_dir.empty() ? Resources::builtin() : Resources::with_override(globals.resources_dir);
  const TimexTagger tagger(resources);
  int status = kExitOk;
  for (const std::string& file : options.files) {
    Result<Document> doc = load_document(file);
    if (!doc) {
      std::cerr << doc.error().format() << "\n";
      status = kExitError;
      continue;
    }
    const auto [dct, timexes] = tagger.tag_document(*doc, cli_dct);  // the tagger above: not one more per document
    if (!globals.quiet)
      std::cerr << doc->id << ": dct "
                << (dct.dct ? boost::gregorian::to_iso_extended_string(*dct.dct) : std::string("unknown")) << " ("
                << to_string(dct.source) << ")\n";
    std::ostringstream buffer;
    if (options.format == "timeml") write_timeml(buffer, *doc, dct, timexes);
    else write_jsonl(buffer, *doc, dct, timexes);
    if (options.output_dir.empty()) {
      std::cout << buffer.str();
      continue;
    }
    const std::filesystem::path path =
        std::filesystem::path(options.output_dir) / (doc->id + (options.format == "timeml" ? ".tml" : ".jsonl"));
    std::ofstream out(path, std::ios::binary);
    out << buffer.str();
    if (!out) {
      std::cerr << path.string() << ": error: cannot write\n";
      status = kExitError;
    }
  }
  return status;
}

}  // namespace

Command add_timex_command(CLI::App& app) {
  auto options = std::make_shared<TimexOptions>();
  CLI::App* sub = app.add_subcommand("timex", "Tag and normalize temporal expressions (TIMEX3)");
  sub->add_option("files", options->files, "Article text files (UTF-8; optional sidecar <name>.meta.yaml)")
      ->required()
      ->check(CLI::ExistingFile);
  sub->add_option("--dct", options->dct, "Document creation time YYYY-MM-DD (overrides metadata and inference)");
  sub->add_option("--format", options->format, "Output format")->check(CLI::IsMember({"jsonl", "timeml"}));
  sub->add_option("-o,--output-dir", options->output_dir, "Write one <doc>.jsonl or <doc>.tml per input here")
      ->check(CLI::ExistingDirectory);
  return {sub, [options] { return run(*options); }};
}

}  // namespace evgraph::cli
