#pragma once

// A constant set of short words (cue words, stop words) for lookups by token text.
// Most lookups are misses, and std::set<std::string> needed several string
// comparisons to say so; here a miss usually costs one hash of the length and
// three bytes and one empty slot. Iterates in sorted order, as std::set did.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace evgraph {

class FixedWordSet {
 public:
  FixedWordSet(std::initializer_list<std::string_view> words) : FixedWordSet(std::vector<std::string>(words.begin(), words.end())) {}
  explicit FixedWordSet(std::vector<std::string> words) : words_(std::move(words)) {
    std::sort(words_.begin(), words_.end());
    words_.erase(std::unique(words_.begin(), words_.end()), words_.end());
    std::size_t size = 16;
    while (size < 4 * words_.size()) size *= 2;  // at most a quarter full: misses end at an empty slot
    slots_.assign(size, 0);
    mask_ = size - 1;
    for (std::size_t i = 0; i < words_.size(); ++i) {
      std::size_t s = hash(words_[i]) & mask_;
      while (slots_[s]) s = (s + 1) & mask_;
      slots_[s] = static_cast<std::uint32_t>(i + 1);
    }
  }

  // Position of `word` in sorted order (for tables parallel to the set), or -1.
  int index_of(std::string_view word) const {
    for (std::size_t s = hash(word) & mask_;; s = (s + 1) & mask_) {
      const std::uint32_t slot = slots_[s];
      if (!slot) return -1;
      if (words_[slot - 1] == word) return static_cast<int>(slot - 1);
    }
  }
  bool contains(std::string_view word) const { return index_of(word) >= 0; }
  std::size_t count(std::string_view word) const { return contains(word) ? 1 : 0; }
  std::size_t size() const { return words_.size(); }
  bool empty() const { return words_.empty(); }
  auto begin() const { return words_.begin(); }
  auto end() const { return words_.end(); }

 private:
  static std::size_t hash(std::string_view w) {
    std::uint64_t h = w.size();
    if (!w.empty()) {
      h = h << 24 | static_cast<std::uint64_t>(static_cast<unsigned char>(w.front())) << 16 |
          static_cast<unsigned char>(w.back());
      if (w.size() > 1) h |= static_cast<std::uint64_t>(static_cast<unsigned char>(w[1])) << 8;
    }
    return static_cast<std::size_t>((h * 0x9E3779B97F4A7C15ull) >> 32);
  }

  std::vector<std::string> words_;     // sorted, unique
  std::vector<std::uint32_t> slots_;   // open addressing: index into words_ + 1, 0 = empty
  std::size_t mask_ = 0;
};

}  // namespace evgraph
