// DOT -> SVG in-process through Graphviz's C library (cgraph + gvc), not by
// running the `dot` program. Graphviz keeps global state and is not
// thread-safe, so every call is serialised by one mutex.
#pragma once

#include <string>
#include <string_view>

#include "evgraph/diagnostics.h"

namespace evgraph {

// Lays out `dot` with `engine` ("dot", "neato", "nop2", ...) and renders it in
// `format` ("svg"). Same input gives the same bytes. On failure, the error
// carries Graphviz's own messages (file "graphviz", no line).
Result<std::string> render_graphviz(std::string_view dot, std::string_view engine = "dot",
                                    std::string_view format = "svg");

}  // namespace evgraph
