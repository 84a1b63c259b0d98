// A fast reader for the usual shape of a JSON Lines record: one object whose
// values are all strings ({"doc": "...", "text": "..."}). Anything else
// (nesting, numbers, null, a syntax error) is left to the full parser, which
// also words the errors.
//
//   nlohmann::json object;
//   if (!read_flat_string_object(line, object)) object = nlohmann::json::parse(line);
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

namespace evgraph {

// True when `json` is such an object; `out` is then what nlohmann::json::parse
// gives for it (a repeated key keeps its last value). False, with `out`
// unchanged, for anything else, valid JSON or not.
bool read_flat_string_object(std::string_view json, nlohmann::json& out);

}  // namespace evgraph
