#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "evgraph/flat_json.h"

using evgraph::read_flat_string_object;

namespace {

// What the full parser makes of `json`, or nullopt when it refuses it.
std::optional<nlohmann::json> full_parse(const std::string& json) {
  try {
    return nlohmann::json::parse(json);
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;
  }
}

}  // namespace

TEST_CASE("flat string objects read as the full parser reads them") {
  const std::vector<std::string> inputs = {
      R"({"doc": "a1", "text": "Plain text."})",
      R"({})",
      " \t{ \"doc\" :\"a\" ,\"text\":\"\" }\r\n",
      R"({"doc":"a","text":"quote \" backslash \\ slash \/ controls \b\f\n\r\t"})",
      R"({"doc":"a","text":"\u00e9\u20AC \ud83d\ude00 \u0000 nul"})",
      "{\"doc\":\"a\",\"text\":\"caf\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d \xf0\x9f\x98\x80 \xef\xbf\xbe\"}",
      R"({"doc":"a","text":"first","text":"last wins"})",
      R"({"d\u006fc":"escaped key","text":"t"})",
      R"({"doc":"a","title":"T","url":"https://example.org/?a=1&b=\"2\"","outlet":"O","published":"2025-05-03"})",
  };
  for (const std::string& input : inputs) {
    nlohmann::json fast;
    CHECK_MESSAGE(read_flat_string_object(input, fast), input);
    const auto full = full_parse(input);
    REQUIRE_MESSAGE(full, input);
    CHECK_MESSAGE(fast == *full, input);
    CHECK(fast.dump() == full->dump());
  }
}

TEST_CASE("anything but a flat string object is left to the full parser") {
  const std::vector<std::string> outside = {
      // valid JSON of other shapes
      R"({"doc":"a","meta":{"title":"t"}})", R"({"doc":"a","n":1})", R"({"doc":null})", R"(["doc"])",
      R"("doc")", "\xef\xbb\xbf{\"doc\":\"a\"}",  // byte order mark
      // invalid JSON
      "", "{", R"({"doc":"a")", R"({"doc":"a",})", R"({"doc" "a"})", R"({"doc":"a"} x)", R"({"doc":"a"}{})",
      R"({doc:"a"})", "{\"doc\":\"a\tb\"}", "{\"doc\":\"a\nb\"}", R"({"doc":"\x41"})", R"({"doc":"\u12"})",
      R"({"doc":"\u12G4"})", R"({"doc":"\ud83d"})", R"({"doc":"\ud83d\u0041"})", R"({"doc":"\ude00"})",
      R"({"doc":"a\"})", "{\"doc\":\"bad \xff byte\"}", "{\"doc\":\"cut \xe2\x80\"}",
      "{\"doc\":\"overlong \xc0\xaf\"}", "{\"doc\":\"surrogate \xed\xa0\x80\"}",
      "{\"doc\":\"past U+10FFFF \xf4\x90\x80\x80\"}", "{\"doc\":\"lone continuation \x80\"}",
  };
  for (const std::string& input : outside) {
    nlohmann::json fast = "untouched";
    CHECK_FALSE_MESSAGE(read_flat_string_object(input, fast), input);
    CHECK(fast == "untouched");
  }
  // The full parser refuses the invalid ones, so their errors stay its errors.
  for (std::size_t k = 6; k < outside.size(); ++k) CHECK_FALSE_MESSAGE(full_parse(outside[k]), outside[k]);
}
