// JSON text that is safe to paste anywhere, including inside an HTML <script>:
// `<`, `>`, `&`, U+2028 and U+2029 are written as \u escapes, so article text
// such as "</script>" can never end the surrounding element.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace evgraph {

// nlohmann dump (indent < 0: one line), invalid UTF-8 replaced, then the escapes above.
std::string json_text(const nlohmann::ordered_json& value, int indent = -1);

}  // namespace evgraph
