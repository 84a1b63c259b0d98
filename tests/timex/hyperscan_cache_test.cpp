#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <hs/hs.h>
#include <unistd.h>

#include "evgraph/hyperscan_cache.h"

namespace fs = std::filesystem;
using evgraph::load_cached_database;
using evgraph::store_cached_database;

namespace {

using Database = std::unique_ptr<hs_database_t, decltype(&hs_free_database)>;

Database compile(const char* pattern) {
  hs_database_t* database = nullptr;
  hs_compile_error_t* error = nullptr;
  REQUIRE(hs_compile(pattern, 0, HS_MODE_BLOCK, nullptr, &database, &error) == HS_SUCCESS);
  return Database(database, hs_free_database);
}

// The end offsets at which `database` matches `text`.
std::vector<unsigned long long> match_ends(const hs_database_t* database, const std::string& text) {
  hs_scratch_t* scratch = nullptr;
  REQUIRE(hs_alloc_scratch(database, &scratch) == HS_SUCCESS);
  std::vector<unsigned long long> ends;
  hs_scan(
      database, text.data(), static_cast<unsigned>(text.size()), 0, scratch,
      [](unsigned, unsigned long long, unsigned long long to, unsigned, void* out) {
        static_cast<std::vector<unsigned long long>*>(out)->push_back(to);
        return 0;
      },
      &ends);
  hs_free_scratch(scratch);
  return ends;
}

fs::path fresh_dir(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("evgraph-hscache-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  return dir;
}

// The one file that storing `pattern` under `key` in a fresh `dir` leaves there.
fs::path store_one(const fs::path& dir, const char* pattern, std::string_view key) {
  Database compiled = compile(pattern);
  store_cached_database(dir, key, compiled.get());
  std::vector<fs::path> entries(fs::directory_iterator(dir), fs::directory_iterator{});
  REQUIRE(entries.size() == 1);
  return entries[0];
}

}  // namespace

TEST_CASE("a stored database loads back and matches like the compiled one") {
  const fs::path dir = fresh_dir("roundtrip");
  Database compiled = compile("May [0-9]+");
  CHECK(load_cached_database(dir, "key-a") == nullptr);  // empty cache: a miss
  store_cached_database(dir, "key-a", compiled.get());
  Database loaded(load_cached_database(dir, "key-a"), hs_free_database);
  REQUIRE(loaded != nullptr);
  const std::string text = "On May 3 and May 15.";
  CHECK(match_ends(loaded.get(), text) == match_ends(compiled.get(), text));
  CHECK(load_cached_database(dir, "key-b") == nullptr);  // another key is a miss
  fs::remove_all(dir);
}

TEST_CASE("a damaged cache entry is a miss, not a wrong database") {
  const fs::path dir = fresh_dir("damaged");
  const fs::path entry = store_one(dir, "June", "key");
  fs::resize_file(entry, fs::file_size(entry) / 2);  // cut short
  CHECK(load_cached_database(dir, "key") == nullptr);
  std::ofstream(entry, std::ios::binary) << "not a cache entry";
  CHECK(load_cached_database(dir, "key") == nullptr);
  fs::remove_all(dir);
}

TEST_CASE("an entry is keyed by the CPU it was compiled for") {
  // A database compiled under valgrind (no AVX-512) or on another machine sharing
  // the directory must not be loaded here: the stored key names this host.
  const fs::path dir = fresh_dir("platform");
  const fs::path entry = store_one(dir, "week", "key");
  std::ifstream in(entry, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  hs_platform_info_t host{};
  REQUIRE(hs_populate_platform(&host) == HS_SUCCESS);
  const std::string platform = evgraph::hyperscan_platform();
  CHECK(platform.find(std::to_string(host.tune)) != std::string::npos);
  CHECK(bytes.find(platform) != std::string::npos);
  // The same entry under another platform's name would be a different file: a miss.
  std::string other = bytes;
  other.replace(other.find(platform), platform.size(), std::string(platform.size(), 'x'));
  std::ofstream(entry, std::ios::binary) << other;
  CHECK(load_cached_database(dir, "key") == nullptr);
  fs::remove_all(dir);
}

TEST_CASE("the cache directory follows EVGRAPH_CACHE_DIR, XDG_CACHE_HOME and HOME") {
  const char* saved = std::getenv("EVGRAPH_CACHE_DIR");
  const std::string saved_value = saved ? saved : "";
  ::setenv("EVGRAPH_CACHE_DIR", "/tmp/somewhere", 1);
  CHECK(evgraph::hyperscan_cache_dir() == fs::path("/tmp/somewhere"));
  ::setenv("EVGRAPH_CACHE_DIR", "", 1);
  CHECK_FALSE(evgraph::hyperscan_cache_dir().has_value());  // set but empty: no cache
  ::unsetenv("EVGRAPH_CACHE_DIR");
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg)
    CHECK(evgraph::hyperscan_cache_dir() == fs::path(xdg) / "evgraph");
  else if (const char* home = std::getenv("HOME"); home && *home)
    CHECK(evgraph::hyperscan_cache_dir() == fs::path(home) / ".cache" / "evgraph");
  if (saved) ::setenv("EVGRAPH_CACHE_DIR", saved_value.c_str(), 1);
}
