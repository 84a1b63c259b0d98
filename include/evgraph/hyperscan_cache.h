// Compiled Hyperscan databases kept on disk between runs. Compiling the timex
// rules takes over a second; loading the serialized database takes milliseconds,
// so every `evgraph` run after the first starts at once.
//
// Where: $EVGRAPH_CACHE_DIR (set but empty: no cache), else $XDG_CACHE_HOME/evgraph,
// else $HOME/.cache/evgraph. An entry is named by a hash of the patterns, the
// Hyperscan version and the CPU's instruction set, and holds the full key, so a
// collision or a stale or corrupt file is a miss, never a wrong database. The
// cache is an optimization only: any failure to read or write it falls back to
// compiling.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

struct hs_database;

namespace evgraph {

std::optional<std::filesystem::path> hyperscan_cache_dir();

// The host as Hyperscan compiles for it (tuning and CPU features), part of every key.
std::string hyperscan_platform();

// The database stored for `key`, or nullptr (caller frees it with hs_free_database).
hs_database* load_cached_database(const std::filesystem::path& dir, std::string_view key);

// Stores `database` under `key`; errors are ignored.
void store_cached_database(const std::filesystem::path& dir, std::string_view key, const hs_database* database);

}  // namespace evgraph
