// Diagnostics in the style of compilers: "file:line:col: error: message",
// followed by the offending source line and a caret under the column.
//
//   Diagnostics diags;
//   diags.error("events.yaml", 3, 5, "unknown key 'datee'", source_line);
//   diags.print(std::cerr);
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace evgraph {

enum class Severity { error, warning, note };

struct Diagnostic {
  std::string file;
  int line = 0;    // 1-based; 0 when the message is about the whole file
  int column = 0;  // 1-based; 0 when unknown
  Severity severity = Severity::error;
  std::string message;
  std::string source_line;  // the text of `line`, for the caret display; may be empty

  // "file:line:col: error: message" (parts that are unknown are left out).
  std::string header() const;
  // header(), then the source line and a caret, each on its own line.
  std::string format() const;
};

class Diagnostics {
 public:
  void add(Diagnostic d) { items_.push_back(std::move(d)); }
  void error(std::string file, int line, int column, std::string message, std::string source_line = {});
  void warning(std::string file, int line, int column, std::string message, std::string source_line = {});

  bool has_errors() const;
  std::size_t error_count() const;
  const std::vector<Diagnostic>& items() const { return items_; }
  bool empty() const { return items_.empty(); }
  void print(std::ostream& out) const;
  // Sorts by file, line, column, keeping insertion order among equals.
  void sort();

 private:
  std::vector<Diagnostic> items_;
};

// A value or the error that prevented it (errors are values, not exceptions).
template <class T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}
  Result(Diagnostic error) : error_(std::move(error)) {}
  bool ok() const { return value_.has_value(); }
  explicit operator bool() const { return ok(); }
  T& value() { return *value_; }
  const T& value() const { return *value_; }
  T& operator*() { return *value_; }
  const T& operator*() const { return *value_; }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  const Diagnostic& error() const { return error_; }

 private:
  std::optional<T> value_;
  Diagnostic error_;
};

// The 1-based line text containing byte `offset` of `text`, and its line/column (columns count bytes).
struct LineColumn {
  int line = 1;
  int column = 1;
  std::string line_text;
};
LineColumn locate(std::string_view text, std::size_t offset);

}  // namespace evgraph
