#pragma once

// Hash for word lists looked up by token text, by std::string or std::string_view.
// Words are short: std::hash (murmur, out of line) was 3% of extraction; this one
// reads at most two overlapping 4-byte loads per 8 bytes and stays inline.

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace evgraph {

inline std::size_t word_hash(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  std::size_t n = s.size();
  auto mix = [](std::uint64_t h, std::uint64_t w) {
    h = (h ^ w) * 0xBF58476D1CE4E5B9ull;
    return h ^ (h >> 31);
  };
  std::uint64_t h = mix(0x9E3779B97F4A7C15ull, n);  // the length mixed first: not XORed into the bytes
  for (; n > 8; p += 8, n -= 8) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    h = mix(h, w);
  }
  std::uint64_t w = 0;
  if (n >= 4) {
    std::uint32_t a, b;  // the first and the last four bytes (overlapping when n < 8)
    std::memcpy(&a, p, 4);
    std::memcpy(&b, p + n - 4, 4);
    w = static_cast<std::uint64_t>(a) << 32 | b;
  } else if (n > 0) {
    w = static_cast<std::uint64_t>(p[0]) << 16 | static_cast<std::uint64_t>(p[n / 2]) << 8 | p[n - 1];
  }
  return static_cast<std::size_t>(mix(h, w));
}

// Transparent: a std::string_view finds a std::string key without a copy.
struct WordHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return word_hash(s); }
};

}  // namespace evgraph
