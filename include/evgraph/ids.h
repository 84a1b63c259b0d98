// Stable, content-derived identifiers: the same fact extracted again gets the same id.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace evgraph {

// Lowercase ASCII slug: "Ode Brask" -> "ode-brask", "U.S. Department of Commerce" -> "us-department-of-commerce".
std::string slugify(std::string_view name);

// 64-bit FNV-1a of `bytes`, continuing from `hash` (the offset basis by default):
// stable across runs and machines, for ids, digests and cache keys.
std::uint64_t fnv1a64(std::string_view bytes, std::uint64_t hash = 14695981039346656037ull);

// prefix + "-" + 12 hex digits of a 64-bit FNV-1a hash of the parts (joined with a separator).
std::string content_id(std::string_view prefix, std::initializer_list<std::string_view> parts);
// The 48 bits content_id() writes, as a number: a large merge keeps millions of ids this way.
std::uint64_t content_hash(std::initializer_list<std::string_view> parts);
// The id content_id() would write for that hash.
std::string content_id_of(std::string_view prefix, std::uint64_t hash);
// The hash inside an id of exactly content_id()'s form with this prefix; nullopt for any other string.
std::optional<std::uint64_t> parse_content_id(std::string_view prefix, std::string_view id);

}  // namespace evgraph
