#include "evgraph/ids.h"

#include <cstdint>
#include <fmt/format.h>

namespace evgraph {

std::string slugify(std::string_view name) {
  std::string slug;
  bool pending_dash = false;
  for (char raw : name) {
    const auto c = static_cast<unsigned char>(raw);
    if (std::isalnum(c)) {
      if (pending_dash && !slug.empty()) slug.push_back('-');
      pending_dash = false;
      slug.push_back(static_cast<char>(std::tolower(c)));
    } else if (c == '.' || c == '\'') {
      // "U.S." -> "us", "Corvane's" -> "corvanes": punctuation inside a word does not split it.
    } else if (c >= 0x80) {
      // Keep non-ASCII letters' bytes out of ids; they still separate words.
      pending_dash = true;
    } else {
      pending_dash = true;
    }
  }
  return slug.empty() ? std::string("x") : slug;
}

std::uint64_t fnv1a64(std::string_view bytes, std::uint64_t hash) {
  for (const unsigned char c : bytes) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return hash;
}

std::uint64_t content_hash(std::initializer_list<std::string_view> parts) {
  std::uint64_t hash = fnv1a64({});
  for (std::string_view part : parts)
    hash = fnv1a64("\x1f", fnv1a64(part, hash));  // unit separator, so ("ab","c") != ("a","bc")
  return hash & 0xffffffffffffull;
}

std::string content_id_of(std::string_view prefix, std::uint64_t hash) { return fmt::format("{}-{:012x}", prefix, hash); }

std::string content_id(std::string_view prefix, std::initializer_list<std::string_view> parts) {
  return content_id_of(prefix, content_hash(parts));
}

std::optional<std::uint64_t> parse_content_id(std::string_view prefix, std::string_view id) {
  if (id.size() != prefix.size() + 13 || id.substr(0, prefix.size()) != prefix || id[prefix.size()] != '-')
    return std::nullopt;
  std::uint64_t hash = 0;
  for (char c : id.substr(prefix.size() + 1)) {
    // Lowercase only: content_id() never writes "s-00AB...", so that id is someone else's.
    if (c >= '0' && c <= '9') hash = hash * 16 + static_cast<std::uint64_t>(c - '0');
    else if (c >= 'a' && c <= 'f') hash = hash * 16 + static_cast<std::uint64_t>(c - 'a' + 10);
    else return std::nullopt;
  }
  return hash;
}

}  // namespace evgraph
