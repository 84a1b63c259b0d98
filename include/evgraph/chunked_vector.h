// A vector that grows in fixed chunks: elements never move, and growing never
// copies (or briefly doubles) what is already there. For the large append-only
// tables of a merge, where a std::vector's reallocation would be the peak.
#pragma once

#include <cstddef>
#include <memory>
#include <vector>

namespace evgraph {

template <class T, std::size_t kChunk = (1u << 14)>
class ChunkedVector {
 public:
  void push_back(const T& value) {
    if (size_ % kChunk == 0) chunks_.push_back(std::make_unique<T[]>(kChunk));
    chunks_.back()[size_ % kChunk] = value;
    ++size_;
  }
  T& operator[](std::size_t i) { return chunks_[i / kChunk][i % kChunk]; }
  const T& operator[](std::size_t i) const { return chunks_[i / kChunk][i % kChunk]; }
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  void clear() {
    chunks_.clear();
    chunks_.shrink_to_fit();
    size_ = 0;
  }

 private:
  std::vector<std::unique_ptr<T[]>> chunks_;
  std::size_t size_ = 0;
};

}  // namespace evgraph
