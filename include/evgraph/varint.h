// LEB128 varints: the byte form of compact in-memory records (a merge's
// per-document records), where most numbers are small. The reader trusts its
// bytes: it reads only what put_varint wrote.
#pragma once

#include <cstdint>
#include <string>

namespace evgraph {

inline void put_varint(std::string& out, std::uint64_t value) {
  while (value >= 0x80) {
    out.push_back(static_cast<char>(value | 0x80));
    value >>= 7;
  }
  out.push_back(static_cast<char>(value));
}

// Signed values as small unsigned ones: 0, -1, 1, -2 ... -> 0, 1, 2, 3 ...
inline std::uint64_t zigzag(std::int64_t value) {
  return (static_cast<std::uint64_t>(value) << 1) ^ static_cast<std::uint64_t>(value >> 63);
}
inline std::int64_t unzigzag(std::uint64_t value) {
  return static_cast<std::int64_t>(value >> 1) ^ -static_cast<std::int64_t>(value & 1);
}

class VarintReader {
 public:
  explicit VarintReader(const unsigned char* at) : at_(at) {}
  std::uint64_t next() {
    std::uint64_t value = 0;
    for (int shift = 0;; shift += 7) {
      const unsigned char byte = *at_++;
      value |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
      if (byte < 0x80) return value;
    }
  }
  const unsigned char* position() const { return at_; }

 private:
  const unsigned char* at_;
};

}  // namespace evgraph
