// Append-only bytes in 1 MB blocks (a piece larger than a quarter block gets a
// block of its own), never moved, so what is stored keeps its address for the
// arena's lifetime. A position is block << 32 | offset. Used by the merge's
// string pool and its per-document records.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace evgraph {

class ByteArena {
 public:
  std::uint64_t store(std::string_view bytes);
  const unsigned char* at(std::uint64_t position) const {
    return blocks_[position >> 32].get() + (position & 0xffffffffu);
  }

 private:
  std::vector<std::unique_ptr<unsigned char[]>> blocks_;
  std::size_t current_ = static_cast<std::size_t>(-1), used_ = 0;
};

}  // namespace evgraph
