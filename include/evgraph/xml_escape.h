// Escaping article text for XML, SVG and HTML (element text and attribute values).
#pragma once

#include <string>
#include <string_view>

namespace evgraph {

// & < > " ' become entities; C0 control characters that XML 1.0 forbids (all
// but tab, newline, carriage return) become spaces, so text keeps its length.
std::string xml_escape(std::string_view text);

}  // namespace evgraph
