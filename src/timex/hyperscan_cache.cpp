#include "evgraph/hyperscan_cache.h"

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <system_error>

#include <fmt/format.h>
#include <hs/hs.h>

#include "evgraph/atomic_file.h"
#include "evgraph/ids.h"

namespace evgraph {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kMagic = "evgraph-hyperscan-cache 1\n";

// The key as stored: the caller's key plus the library build, so an upgrade of
// Hyperscan never reads an older database, and the host's instruction set, as a
// database is compiled for the CPU at hand: one built under valgrind (which hides
// AVX-512) runs slower natively, and one built with AVX-512 cannot run on a CPU
// without it (a cache directory shared between machines).
std::string full_key(std::string_view key) {
  std::string out = hs_version();
  out += '\n';
  out += hyperscan_platform();
  out += '\n';
  out.append(key);
  return out;
}

fs::path entry_path(const fs::path& dir, std::string_view stored_key) {
  return dir / fmt::format("timex-{:016x}.hsdb", fnv1a64(stored_key));
}

}  // namespace

std::string hyperscan_platform() {
  hs_platform_info_t platform{};
  if (hs_populate_platform(&platform) != HS_SUCCESS) return "platform unknown";
  return fmt::format("platform tune {} features {:#x}", platform.tune, platform.cpu_features);
}

std::optional<fs::path> hyperscan_cache_dir() {
  if (const char* explicit_dir = std::getenv("EVGRAPH_CACHE_DIR")) {
    if (*explicit_dir == '\0') return std::nullopt;
    return fs::path(explicit_dir);
  }
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return fs::path(xdg) / "evgraph";
  if (const char* home = std::getenv("HOME"); home && *home) return fs::path(home) / ".cache" / "evgraph";
  return std::nullopt;
}

hs_database_t* load_cached_database(const fs::path& dir, std::string_view key) {
  const std::string stored_key = full_key(key);
  std::string error;
  std::optional<std::string> bytes = read_file(entry_path(dir, stored_key), &error);
  if (!bytes) return nullptr;
  std::string_view rest = *bytes;
  if (!rest.starts_with(kMagic)) return nullptr;
  rest.remove_prefix(kMagic.size());
  std::uint64_t key_size = 0;
  if (rest.size() < sizeof key_size) return nullptr;
  std::memcpy(&key_size, rest.data(), sizeof key_size);
  rest.remove_prefix(sizeof key_size);
  if (rest.size() < key_size || rest.substr(0, key_size) != stored_key) return nullptr;
  rest.remove_prefix(key_size);
  hs_database_t* database = nullptr;
  if (hs_deserialize_database(rest.data(), rest.size(), &database) != HS_SUCCESS) return nullptr;
  return database;
}

void store_cached_database(const fs::path& dir, std::string_view key, const hs_database_t* database) {
  char* serialized = nullptr;
  std::size_t length = 0;
  if (hs_serialize_database(database, &serialized, &length) != HS_SUCCESS) return;
  const std::string stored_key = full_key(key);
  std::string contents(kMagic);
  const std::uint64_t key_size = stored_key.size();
  contents.append(reinterpret_cast<const char*>(&key_size), sizeof key_size);
  contents += stored_key;
  contents.append(serialized, length);
  std::free(serialized);  // hs_serialize_database allocates with the default misc allocator (malloc)
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return;
  (void)write_file_atomically(entry_path(dir, stored_key), contents);
}

}  // namespace evgraph
