// Stable, content-derived identifiers: the same fact extracted again gets the same id.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

namespace evgraph {

// Lowercase ASCII slug: "Ode Brask" -> "ode-brask", "U.S. Department of Commerce" -> "us-department-of-commerce".
std::string slugify(std::string_view name);

// prefix + "-" + 12 hex digits of a 64-bit FNV-1a hash of the parts (joined with a separator).
std::string content_id(std::string_view prefix, std::initializer_list<std::string_view> parts);

}  // namespace evgraph
