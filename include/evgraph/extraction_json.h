// Extraction <-> JSON (one object per document; `evgraph extract --format json`
// prints them as JSON Lines and `evgraph merge` reads them back).
//
//   {"doc": stem, "dct": "YYYY-MM-DD"|null, "dct_source": "meta|cli|inferred|none",
//    "timexes": [{"start","end","text","type","value"}],
//    "actors": [{"id","name","kind","aliases":[...],"mentions":[{"start","end","text"}]}],
//    "quotes": [{"start","end","text","speaker": actor id|null,"cue": text|null}],
//    "events": [{"id","date": ISO|null,"actor": id|null,"action","target": id|null,
//                "evidence":{"start","end","text"}}],
//    "responses": [{"from","to","evidence":{"start","end","text"}}]}
//
// Offsets are UTF-8 byte offsets into the article file, end exclusive. Extra
// keys ("path", "meta", "aliases", "date", "quote", "from_quote", "to_quote",
// "range_max", "mod") may appear; readers ignore keys they do not know.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "evgraph/diagnostics.h"
#include "evgraph/extraction.h"

namespace evgraph {

nlohmann::ordered_json to_json(const Extraction& x);
// One line of JSON (no trailing newline); non-ASCII text is kept as UTF-8.
std::string to_json_line(const Extraction& x);

// Parses one JSON object (e.g. one JSON Lines line). Errors name `file_name` and `line`.
Result<Extraction> extraction_from_json(std::string_view json, std::string_view file_name = "<json>", int line = 1);

}  // namespace evgraph
