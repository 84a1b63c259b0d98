#include "evgraph/graphviz_render.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <mutex>
#include <string>

namespace evgraph {

namespace {

std::mutex graphviz_mutex;
std::string* captured_messages = nullptr;  // only touched with graphviz_mutex held

int capture_message(char* message) {
  if (captured_messages && message) *captured_messages += message;
  return 0;
}

// One context for the process: loading plugins on every call is slow.
GVC_t* context() {
  static GVC_t* gvc = gvContext();
  return gvc;
}

std::string trimmed(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

Diagnostic failure(std::string message) {
  Diagnostic d;
  d.file = "graphviz";
  d.message = trimmed(std::move(message));
  return d;
}

}  // namespace

Result<std::string> render_graphviz(std::string_view dot, std::string_view engine, std::string_view format) {
  std::lock_guard<std::mutex> lock(graphviz_mutex);
  std::string messages;
  captured_messages = &messages;
  agusererrf previous = agseterrf(capture_message);
  const agerrlevel_t previous_level = agseterr(AGWARN);  // warnings are collected too; shown only on failure
  agreseterrors();
  struct Restore {
    agusererrf previous;
    agerrlevel_t previous_level;
    ~Restore() {
      agseterrf(previous);
      agseterr(previous_level);
      captured_messages = nullptr;
    }
  } restore{previous, previous_level};

  GVC_t* gvc = context();
  if (!gvc) return failure("cannot create a Graphviz context");
  const std::string text(dot);  // agmemread needs a NUL-terminated buffer
  Agraph_t* graph = agmemread(text.c_str());
  if (!graph) return failure(messages.empty() ? "cannot parse the DOT text" : messages);
  const std::string engine_name(engine), format_name(format);
  if (gvLayout(gvc, graph, engine_name.c_str()) != 0) {
    agclose(graph);
    return failure(messages.empty() ? "layout with engine '" + engine_name + "' failed" : messages);
  }
  char* data = nullptr;
  unsigned int length = 0;
  const int status = gvRenderData(gvc, graph, format_name.c_str(), &data, &length);
  std::string result;
  if (status == 0 && data) result.assign(data, length);
  if (data) gvFreeRenderData(data);
  gvFreeLayout(gvc, graph);
  agclose(graph);
  if (status != 0) return failure(messages.empty() ? "rendering as '" + format_name + "' failed" : messages);
  return result;
}

}  // namespace evgraph
