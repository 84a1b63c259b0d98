// Interned strings (see string_pool.h).
#include "evgraph/string_pool.h"

#include <cstring>
#include <functional>
#include <limits>
#include <stdexcept>

namespace evgraph {

StringPool::StringPool() : slots_(1024) { views_.push_back({}); }

std::uint32_t StringPool::hash_of(std::string_view s) {
  const std::size_t h = std::hash<std::string_view>{}(s);
  return static_cast<std::uint32_t>(h ^ (h >> 32));
}

std::optional<StringPool::Sym> StringPool::find(std::string_view s) const {
  if (s.empty()) return 0;
  const std::uint32_t hash = hash_of(s);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.sym == 0) return std::nullopt;
    if (slot.hash == hash && views_[slot.sym] == s) return slot.sym;
  }
}

StringPool::Sym StringPool::intern(std::string_view s) {
  if (s.empty()) return 0;
  const std::uint32_t hash = hash_of(s);
  for (int round = 0;; ++round) {
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = hash & mask;
    for (; slots_[i].sym != 0; i = (i + 1) & mask)
      if (slots_[i].hash == hash && views_[slots_[i].sym] == s) return slots_[i].sym;
    if (round == 0 && (views_.size() + 1) * 10 > slots_.size() * 7) {
      grow();  // then probe again in the larger table
      continue;
    }
    if (views_.size() >= std::numeric_limits<Sym>::max()) throw std::length_error("string pool: too many strings");
    const auto sym = static_cast<Sym>(views_.size());
    views_.push_back({reinterpret_cast<const char*>(bytes_.at(bytes_.store(s))), s.size()});
    slots_[i] = {sym, hash};
    return sym;
  }
}

void StringPool::grow() {
  std::vector<Slot> old(slots_.size() * 2);
  old.swap(slots_);
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.sym == 0) continue;
    std::size_t i = slot.hash & mask;
    while (slots_[i].sym != 0) i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

}  // namespace evgraph
