#include "evgraph/json_text.h"

namespace evgraph {

std::string json_text(const nlohmann::ordered_json& value, int indent) {
  const std::string raw = value.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  // These bytes only ever occur inside JSON strings, so replacing them
  // everywhere keeps the document equal in value.
  std::string out;
  out.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    if (c == '<') {
      out += "\\u003c";
    } else if (c == '>') {
      out += "\\u003e";
    } else if (c == '&') {
      out += "\\u0026";
    } else if (c == '\xE2' && i + 2 < raw.size() && raw[i + 1] == '\x80' &&
               (raw[i + 2] == '\xA8' || raw[i + 2] == '\xA9')) {
      out += raw[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace evgraph
