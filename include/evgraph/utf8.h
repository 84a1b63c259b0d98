// UTF-8 validation and matching-friendly normalization that keeps a map back
// to the original bytes, so every extracted fact points into the source file.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace evgraph {

// Byte offset of the first invalid UTF-8 sequence, or nullopt when `text` is valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

// Text with typographic characters folded to ASCII for matching: curly quotes
// to ' and ", dashes and non-breaking hyphens to '-', ellipsis to "...",
// no-break and other spaces to ' '. Everything else is copied byte for byte.
class NormalizedText {
 public:
  explicit NormalizedText(std::string_view original);

  const std::string& text() const { return text_; }
  // Original byte offset of normalized byte `offset` (offset == size() maps to the original size).
  std::size_t original_offset(std::size_t offset) const;
  // Original [start, end) of normalized [start, end).
  std::pair<std::size_t, std::size_t> original_span(std::size_t start, std::size_t end) const;

 private:
  // The offset map as runs, since most text is ASCII and maps one to one: from
  // `normalized` on, a run maps byte k to `original` + k, or every byte to `original`
  // (the bytes of one folded character, "..." from U+2026). A run lasts to the next.
  struct Run {
    std::uint32_t normalized, original;
    bool folded;
  };
  void map_bytes(std::size_t normalized, std::size_t original, std::size_t count);
  void map_folded(std::size_t normalized, std::size_t original);
  const Run& run_at(std::size_t offset) const;

  std::string text_;
  std::vector<Run> runs_;
  std::size_t original_size_ = 0;
};

}  // namespace evgraph
