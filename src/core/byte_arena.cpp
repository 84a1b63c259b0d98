// Append-only bytes in blocks (see byte_arena.h).
#include "evgraph/byte_arena.h"

#include <cstring>

namespace evgraph {

std::uint64_t ByteArena::store(std::string_view bytes) {
  constexpr std::size_t kBlock = 1u << 20;
  if (bytes.size() > kBlock / 4) {
    blocks_.push_back(std::make_unique<unsigned char[]>(bytes.size()));
    std::memcpy(blocks_.back().get(), bytes.data(), bytes.size());
    return static_cast<std::uint64_t>(blocks_.size() - 1) << 32;
  }
  if (current_ == static_cast<std::size_t>(-1) || used_ + bytes.size() > kBlock) {
    blocks_.push_back(std::make_unique<unsigned char[]>(kBlock));
    current_ = blocks_.size() - 1;
    used_ = 0;
  }
  std::memcpy(blocks_[current_].get() + used_, bytes.data(), bytes.size());
  const std::uint64_t position = static_cast<std::uint64_t>(current_) << 32 | used_;
  used_ += bytes.size();
  return position;
}

}  // namespace evgraph
