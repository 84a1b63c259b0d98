#include "evgraph/diagnostics.h"

#include <algorithm>
#include <fmt/format.h>

namespace evgraph {

namespace {
const char* severity_name(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::note: return "note";
  }
  return "error";
}
}  // namespace

std::string Diagnostic::header() const {
  std::string out = file;
  if (line > 0) out += fmt::format(":{}", line);
  if (line > 0 && column > 0) out += fmt::format(":{}", column);
  if (!out.empty()) out += ": ";
  return out + severity_name(severity) + ": " + message;
}

std::string Diagnostic::format() const {
  std::string out = header() + "\n";
  if (!source_line.empty()) {
    out += source_line + "\n";
    if (column > 0) {
      // Keep tabs so the caret lines up under tab-indented text.
      std::string pad;
      for (int i = 0; i + 1 < column && i < static_cast<int>(source_line.size()); ++i)
        pad += source_line[i] == '\t' ? '\t' : ' ';
      out += pad + "^\n";
    }
  }
  return out;
}

void Diagnostics::error(std::string file, int line, int column, std::string message, std::string source_line) {
  items_.push_back({std::move(file), line, column, Severity::error, std::move(message), std::move(source_line)});
}

void Diagnostics::warning(std::string file, int line, int column, std::string message, std::string source_line) {
  items_.push_back({std::move(file), line, column, Severity::warning, std::move(message), std::move(source_line)});
}

bool Diagnostics::has_errors() const { return error_count() > 0; }

std::size_t Diagnostics::error_count() const {
  return std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) { return d.severity == Severity::error; });
}

void Diagnostics::print(std::ostream& out) const {
  for (const Diagnostic& d : items_) out << d.format();
}

void Diagnostics::sort() {
  std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.file, a.line, a.column) < std::tie(b.file, b.line, b.column);
  });
}

LineColumn locate(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  LineColumn lc;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++lc.line;
      line_start = i + 1;
    }
  }
  lc.column = static_cast<int>(offset - line_start) + 1;
  std::size_t line_end = text.find('\n', line_start);
  if (line_end == std::string_view::npos) line_end = text.size();
  lc.line_text = std::string(text.substr(line_start, line_end - line_start));
  if (!lc.line_text.empty() && lc.line_text.back() == '\r') lc.line_text.pop_back();
  return lc;
}

}  // namespace evgraph
