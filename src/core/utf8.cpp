#include "evgraph/utf8.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include <utf8proc.h>

namespace evgraph {

namespace {
// The end of the ASCII run from `pos`: eight bytes at a time while none has its high bit
// set (every document passes through here on ingest and on normalization).
std::size_t ascii_run_end(std::string_view text, std::size_t pos) {
  while (pos + 8 <= text.size()) {
    std::uint64_t word;
    std::memcpy(&word, text.data() + pos, 8);
    if (word & 0x8080808080808080ull) break;
    pos += 8;
  }
  while (pos < text.size() && static_cast<unsigned char>(text[pos]) < 0x80) ++pos;
  return pos;
}
}  // namespace

std::optional<std::size_t> find_invalid_utf8(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (byte < 0x80) {
      pos = ascii_run_end(text, pos + 1);
      continue;
    }
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + pos),
                                                static_cast<utf8proc_ssize_t>(text.size() - pos), &cp);
    if (n <= 0) return pos;
    pos += static_cast<std::size_t>(n);
  }
  return std::nullopt;
}

namespace {
// ASCII replacement for typographic code points, or nullptr to copy the bytes.
const char* fold(utf8proc_int32_t cp) {
  switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: return "'";
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x00AB: case 0x00BB: return "\"";
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212: return "-";
    case 0x2026: return "...";
    case 0x00A0: case 0x2002: case 0x2003: case 0x2009: case 0x200A: case 0x202F: case 0x205F: case 0x3000:
      return " ";
    default: return nullptr;
  }
}
}  // namespace

NormalizedText::NormalizedText(std::string_view original) {
  text_.reserve(original.size());
  std::size_t pos = 0;
  while (pos < original.size()) {
    const auto byte = static_cast<unsigned char>(original[pos]);
    if (byte < 0x80) {
      // Most text is ASCII: copy the whole run at once.
      const std::size_t run_end = ascii_run_end(original, pos + 1);
      map_bytes(text_.size(), pos, run_end - pos);
      text_.append(original.data() + pos, run_end - pos);
      pos = run_end;
      continue;
    }
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(original.data() + pos),
                                          static_cast<utf8proc_ssize_t>(original.size() - pos), &cp);
    if (n <= 0) n = 1;  // invalid input is copied byte by byte; ingest rejects it earlier
    if (const char* ascii = (n > 1 ? fold(cp) : nullptr)) {
      map_folded(text_.size(), pos);
      text_ += ascii;
    } else {
      map_bytes(text_.size(), pos, static_cast<std::size_t>(n));
      text_.append(original.data() + pos, static_cast<std::size_t>(n));
    }
    pos += static_cast<std::size_t>(n);
  }
  map_folded(text_.size(), original.size());  // the end, and anything past it
  original_size_ = original.size();
}

void NormalizedText::map_bytes(std::size_t normalized, std::size_t original, std::size_t count) {
  if (count == 0) return;
  // Continues the previous run when the bytes before map one to one up to here.
  if (!runs_.empty() && !runs_.back().folded && normalized - runs_.back().normalized == original - runs_.back().original)
    return;
  runs_.push_back({static_cast<std::uint32_t>(normalized), static_cast<std::uint32_t>(original), false});
}

void NormalizedText::map_folded(std::size_t normalized, std::size_t original) {
  runs_.push_back({static_cast<std::uint32_t>(normalized), static_cast<std::uint32_t>(original), true});
}

const NormalizedText::Run& NormalizedText::run_at(std::size_t offset) const {
  // The last run starting at or before `offset` (the first run starts at 0).
  auto it = std::upper_bound(runs_.begin(), runs_.end(), offset,
                             [](std::size_t o, const Run& run) { return o < run.normalized; });
  return *std::prev(it);
}

std::size_t NormalizedText::original_offset(std::size_t offset) const {
  if (offset >= text_.size()) return original_size_;
  const Run& run = run_at(offset);
  return run.folded ? run.original : run.original + (offset - run.normalized);
}

std::pair<std::size_t, std::size_t> NormalizedText::original_span(std::size_t start, std::size_t end) const {
  if (end <= start) return {original_offset(start), original_offset(start)};
  // The end maps past the last byte of the original character behind normalized byte end-1.
  std::size_t last = original_offset(end - 1);
  std::size_t next = original_offset(end);
  // Several normalized bytes can come from one original character ("..." from U+2026):
  // when end stops inside such a run, include the whole character.
  if (next == last) {
    const Run& run = run_at(end);
    next = original_offset((&run + 1)->normalized);
  }
  return {original_offset(start), next};
}

}  // namespace evgraph
