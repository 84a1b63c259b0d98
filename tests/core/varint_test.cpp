#include "evgraph/varint.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <string>

using namespace evgraph;

TEST_CASE("varints round-trip, small values in one byte") {
  const std::uint64_t values[] = {0, 1, 127, 128, 300, 16383, 16384, 1u << 31, std::numeric_limits<std::uint64_t>::max()};
  std::string bytes;
  for (std::uint64_t v : values) put_varint(bytes, v);
  VarintReader in(reinterpret_cast<const unsigned char*>(bytes.data()));
  for (std::uint64_t v : values) CHECK(in.next() == v);
  CHECK(in.position() == reinterpret_cast<const unsigned char*>(bytes.data() + bytes.size()));
  std::string one;
  put_varint(one, 127);
  CHECK(one.size() == 1);
  std::string most;
  put_varint(most, std::numeric_limits<std::uint64_t>::max());
  CHECK(most.size() == 10);
}

TEST_CASE("zigzag maps small signed values to small unsigned ones and back") {
  CHECK(zigzag(0) == 0);
  CHECK(zigzag(-1) == 1);
  CHECK(zigzag(1) == 2);
  CHECK(zigzag(-2) == 3);
  for (std::int64_t v : {std::int64_t{0}, std::int64_t{-1}, std::int64_t{41}, std::int64_t{-7000},
                         std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max()})
    CHECK(unzigzag(zigzag(v)) == v);
}
