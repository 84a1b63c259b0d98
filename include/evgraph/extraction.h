// What the extractor finds in one document. This is the map step's output:
// `evgraph extract --format json` prints one Extraction per line (JSON Lines),
// and `evgraph merge` / build_store() reduce many of them into a Store.
//
// The JSON contract (UTF-8 byte offsets, end exclusive):
//   {"doc", "dct": "YYYY-MM-DD"|null, "dct_source": "meta|cli|inferred|none",
//    "timexes": [{start,end,text,type,value}],
//    "actors": [{id,name,kind,mentions:[{start,end,text}]}],
//    "quotes": [{start,end,text,speaker: actor id|null, cue}],
//    "events": [{id,date,actor,action,target,evidence:{start,end,text}}],
//    "responses": [{from: actor id, to: actor id, evidence:{start,end,text}}]}
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "evgraph/ingest.h"
#include "evgraph/timex.h"

namespace evgraph {

struct Span {
  std::size_t start = 0;
  std::size_t end = 0;
  std::string text;
  friend bool operator==(const Span&, const Span&) = default;
};

struct ExtractedActor {
  std::string id;  // slug of the canonical name; stable across documents
  std::string name;
  std::string kind;
  std::vector<std::string> aliases;  // distinct surface forms other than `name`
  std::vector<Span> mentions;
};

struct ExtractedQuote {
  Span span;            // the quoted text without its quote marks
  std::string speaker;  // actor id, empty when unattributed
  std::string cue;      // attribution expression as written, may be empty
  std::optional<PartialDate> date;
};

struct ExtractedEvent {
  std::string id;
  std::optional<PartialDate> date;
  std::string actor;   // actor id, may be empty
  std::string action;
  std::string target;  // actor id, may be empty
  int quote = -1;      // index into quotes, or -1
  Span evidence;
};

struct ExtractedResponse {
  std::string from;  // actor id
  std::string to;    // actor id
  int from_quote = -1;  // statement-level edge, when both quotes are known
  int to_quote = -1;
  std::optional<PartialDate> date;
  Span evidence;
};

struct Extraction {
  std::string doc;
  DocumentMeta meta;
  std::string path;
  DctInfo dct;
  std::vector<Timex> timexes;
  std::vector<ExtractedActor> actors;
  std::vector<ExtractedQuote> quotes;
  std::vector<ExtractedEvent> events;
  std::vector<ExtractedResponse> responses;
};

}  // namespace evgraph
