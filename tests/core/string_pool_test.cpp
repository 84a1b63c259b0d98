#include "evgraph/string_pool.h"

#include <doctest/doctest.h>

#include <string>

#include "evgraph/chunked_vector.h"

using evgraph::ChunkedVector;
using evgraph::StringPool;

TEST_CASE("interned strings: equal strings get one symbol, \"\" is 0, find never adds") {
  StringPool pool;
  CHECK(pool.intern("") == 0);
  CHECK(pool.size() == 1);
  const StringPool::Sym acme = pool.intern("Acme");
  CHECK(acme != 0);
  CHECK(pool.intern(std::string("Ac") + "me") == acme);
  CHECK(pool[acme] == "Acme");
  CHECK(pool.str(acme) == "Acme");
  CHECK(pool.find("Acme") == acme);
  CHECK(pool.find("") == 0u);
  CHECK_FALSE(pool.find("Globex"));
  CHECK(pool.size() == 2);
  CHECK(pool.intern("acme") != acme);  // case matters
  // Embedded NULs and binary bytes are ordinary bytes.
  const std::string binary("a\0b\xff", 4);
  CHECK(pool[pool.intern(binary)] == binary);
}

TEST_CASE("the pool keeps every string and symbol through its table's growth and its blocks") {
  StringPool pool;
  std::vector<StringPool::Sym> syms;
  for (int i = 0; i < 100000; ++i) syms.push_back(pool.intern("name-" + std::to_string(i)));
  const std::string long_one(600000, 'x');  // larger than a quarter block: a block of its own
  const StringPool::Sym big = pool.intern(long_one);
  for (int i = 0; i < 100000; i += 997) {
    CHECK(pool[syms[i]] == "name-" + std::to_string(i));
    CHECK(pool.intern("name-" + std::to_string(i)) == syms[i]);
  }
  CHECK(syms.back() == 100000);  // dense: one symbol per distinct string, in order
  CHECK(pool[big] == long_one);
  CHECK(pool.find(long_one) == big);
  CHECK(pool.size() == 100002);
  StringPool moved = std::move(pool);
  CHECK(moved[syms[5]] == "name-5");
}

TEST_CASE("a chunked vector grows without moving its elements") {
  ChunkedVector<int, 4> v;
  CHECK(v.empty());
  v.push_back(7);
  const int* first = &v[0];
  for (int i = 1; i < 50; ++i) v.push_back(7 + i);
  CHECK(v.size() == 50);
  CHECK(&v[0] == first);
  CHECK(v[49] == 56);
  v[3] = -1;
  CHECK(v[3] == -1);
  v.clear();
  CHECK(v.size() == 0);
}
