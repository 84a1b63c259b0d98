#include "evgraph/flat_json.h"

#include <cstdint>
#include <string>

#include "evgraph/utf8.h"

namespace evgraph {

namespace {

void skip_space(std::string_view s, std::size_t& i) {
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
}

bool read_hex4(std::string_view s, std::size_t at, std::uint32_t& value) {
  if (at + 4 > s.size()) return false;
  value = 0;
  for (std::size_t k = at; k < at + 4; ++k) {
    const char c = s[k];
    const int digit = c >= '0' && c <= '9'   ? c - '0'
                      : c >= 'a' && c <= 'f' ? c - 'a' + 10
                      : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                             : -1;
    if (digit < 0) return false;
    value = value * 16 + static_cast<std::uint32_t>(digit);
  }
  return true;
}

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// The string starting at s[i] == '"', unescaped into `out`; i moves past it.
bool read_string(std::string_view s, std::size_t& i, std::string& out) {
  std::size_t run = ++i;  // bytes copied as they are, up to the next escape
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == '"') {
      out.append(s.data() + run, i - run);
      ++i;
      return true;
    }
    if (c < 0x20) return false;  // raw control characters are not JSON
    if (c != '\\') {
      ++i;
      continue;
    }
    out.append(s.data() + run, i - run);
    if (i + 1 >= s.size()) return false;
    const char e = s[i + 1];
    i += 2;
    switch (e) {
      case '"': out += '"'; break;
      case '\\': out += '\\'; break;
      case '/': out += '/'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'u': {
        std::uint32_t cp = 0;
        if (!read_hex4(s, i, cp)) return false;
        i += 4;
        if (cp >= 0xDC00 && cp <= 0xDFFF) return false;  // a low surrogate first
        if (cp >= 0xD800 && cp <= 0xDBFF) {                // a pair: "\ud83d\ude00"
          std::uint32_t low = 0;
          if (i + 2 > s.size() || s[i] != '\\' || s[i + 1] != 'u' || !read_hex4(s, i + 2, low)) return false;
          if (low < 0xDC00 || low > 0xDFFF) return false;
          cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          i += 6;
        }
        append_utf8(out, cp);
        break;
      }
      default: return false;
    }
    run = i;
  }
  return false;  // no closing quote
}

}  // namespace

bool read_flat_string_object(std::string_view s, nlohmann::json& out) {
  if (find_invalid_utf8(s)) return false;
  nlohmann::json object = nlohmann::json::object();
  std::size_t i = 0;
  skip_space(s, i);
  if (i >= s.size() || s[i] != '{') return false;
  ++i;
  skip_space(s, i);
  if (i < s.size() && s[i] == '}') {
    ++i;
  } else {
    while (true) {
      std::string key, value;
      if (i >= s.size() || s[i] != '"' || !read_string(s, i, key)) return false;
      skip_space(s, i);
      if (i >= s.size() || s[i] != ':') return false;
      ++i;
      skip_space(s, i);
      if (i >= s.size() || s[i] != '"' || !read_string(s, i, value)) return false;
      object[std::move(key)] = std::move(value);
      skip_space(s, i);
      if (i < s.size() && s[i] == ',') {
        ++i;
        skip_space(s, i);
        continue;
      }
      if (i < s.size() && s[i] == '}') {
        ++i;
        break;
      }
      return false;
    }
  }
  skip_space(s, i);
  if (i != s.size()) return false;
  out = std::move(object);
  return true;
}

}  // namespace evgraph
