// Interned strings: every distinct string stored once and named by a dense
// 32-bit symbol, so equal strings have equal symbols.
//
//   StringPool pool;
//   const StringPool::Sym a = pool.intern("Acme");   // 0 is always ""
//   pool[a] == "Acme"; pool.find("Acme") == a; pool.find("Globex") == nullopt
//
// Made for the millions of short strings of a large merge (names, ids,
// evidence text): the bytes live in 1 MB blocks and the index is an
// open-addressing table of (symbol, hash) pairs, so a string costs its bytes
// plus about 32. Views returned stay valid for the pool's lifetime.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "evgraph/byte_arena.h"
#include "evgraph/chunked_vector.h"

namespace evgraph {

class StringPool {
 public:
  using Sym = std::uint32_t;

  StringPool();
  StringPool(StringPool&&) noexcept = default;
  StringPool& operator=(StringPool&&) noexcept = default;

  Sym intern(std::string_view s);
  std::optional<Sym> find(std::string_view s) const;
  std::string_view operator[](Sym sym) const { return views_[sym]; }
  std::string str(Sym sym) const { return std::string(views_[sym]); }
  std::size_t size() const { return views_.size(); }

 private:
  struct Slot {
    Sym sym = 0;  // 0: empty ("" is never in the table)
    std::uint32_t hash = 0;
  };
  static std::uint32_t hash_of(std::string_view s);
  void grow();

  ByteArena bytes_;
  ChunkedVector<std::string_view> views_;
  std::vector<Slot> slots_;  // size a power of two, at most 70% full
};

}  // namespace evgraph
