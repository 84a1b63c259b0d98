#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "evgraph/utf8.h"

using evgraph::find_invalid_utf8;
using evgraph::NormalizedText;

TEST_CASE("invalid UTF-8 is found at its byte offset") {
  CHECK_FALSE(find_invalid_utf8("plain ascii"));
  CHECK_FALSE(find_invalid_utf8("curly \xE2\x80\x9Cquotes\xE2\x80\x9D"));
  CHECK(find_invalid_utf8("ab\xFF" "cd") == 2u);
  CHECK(find_invalid_utf8("abc\xE2\x80") == 3u);         // truncated sequence
  CHECK(find_invalid_utf8("x\xC0\xAF") == 1u);           // overlong encoding
  CHECK(find_invalid_utf8("\xED\xA0\x80") == 0u);        // surrogate
}

TEST_CASE("normalization folds typographic characters and maps offsets back") {
  // “Hi” — it’s 2025‑05…
  const std::string original = "\xE2\x80\x9CHi\xE2\x80\x9D \xE2\x80\x94 it\xE2\x80\x99s 2025\xE2\x80\x91" "05\xE2\x80\xA6";
  NormalizedText norm(original);
  CHECK(norm.text() == "\"Hi\" - it's 2025-05...");
  // "Hi" in the normalized text is bytes [1, 3); in the original it starts after the 3-byte quote.
  auto [start, end] = norm.original_span(1, 3);
  CHECK(original.substr(start, end - start) == "Hi");
  // The whole quoted word including quote marks.
  auto [qs, qe] = norm.original_span(0, 4);
  CHECK(qs == 0);
  CHECK(qe == 8);
  // A span ending inside the folded ellipsis covers the whole character.
  const std::size_t dots = norm.text().find("...");
  auto [ds, de] = norm.original_span(dots, dots + 1);
  CHECK(original.substr(ds, de - ds) == "\xE2\x80\xA6");
  CHECK(norm.original_offset(norm.text().size()) == original.size());
}

TEST_CASE("text without typographic characters is unchanged") {
  NormalizedText norm("On May 3, 2025, the company said.");
  CHECK(norm.text() == "On May 3, 2025, the company said.");
  for (std::size_t i = 0; i <= norm.text().size(); ++i) CHECK(norm.original_offset(i) == i);
}

TEST_CASE("ASCII runs between folded characters keep their own offsets") {
  // ab—cd’ef: the runs "ab", "cd", "ef" sit at 0, 5 and 10 in the original.
  const std::string original = "ab\xE2\x80\x94" "cd\xE2\x80\x99" "ef";
  NormalizedText norm(original);
  CHECK(norm.text() == "ab-cd'ef");
  const std::size_t expected[] = {0, 1, 2, 5, 6, 7, 10, 11, 12};
  for (std::size_t i = 0; i < std::size(expected); ++i) CHECK(norm.original_offset(i) == expected[i]);
}

TEST_CASE("long ASCII runs are mapped byte for byte around multibyte characters") {
  // The ASCII scan takes eight bytes at a time: runs of every length up to 20 before
  // and after a folded quote and an unfolded "é", at every alignment.
  for (std::size_t before = 0; before <= 20; ++before)
    for (std::size_t after = 0; after <= 20; ++after) {
      const std::string a(before, 'a'), b(after, 'b');
      const std::string original = a + "\xE2\x80\x99" + b + "\xC3\xA9" + a;
      NormalizedText norm(original);
      REQUIRE(norm.text() == a + "'" + b + "\xC3\xA9" + a);
      std::vector<std::size_t> expected;
      for (std::size_t i = 0; i < before; ++i) expected.push_back(i);
      expected.push_back(before);
      for (std::size_t i = 0; i < after; ++i) expected.push_back(before + 3 + i);
      expected.push_back(before + 3 + after);
      expected.push_back(before + 3 + after + 1);
      for (std::size_t i = 0; i < before; ++i) expected.push_back(before + 3 + after + 2 + i);
      expected.push_back(original.size());
      for (std::size_t i = 0; i < expected.size(); ++i) CHECK(norm.original_offset(i) == expected[i]);
    }
}

TEST_CASE("adjacent folded characters keep apart: a span ending inside one covers just that one") {
  // a……b'c: two ellipses in a row, then a curly apostrophe.
  const std::string original = "a\xE2\x80\xA6\xE2\x80\xA6" "b\xE2\x80\x99" "c";
  NormalizedText norm(original);
  REQUIRE(norm.text() == "a......b'c");
  const std::size_t expected[] = {0, 1, 1, 1, 4, 4, 4, 7, 8, 11, 12};
  for (std::size_t i = 0; i < std::size(expected); ++i) CHECK(norm.original_offset(i) == expected[i]);
  CHECK(norm.original_span(1, 2) == std::pair<std::size_t, std::size_t>{1, 4});
  CHECK(norm.original_span(3, 5) == std::pair<std::size_t, std::size_t>{1, 7});
  CHECK(norm.original_span(7, 10) == std::pair<std::size_t, std::size_t>{7, 12});
  CHECK(norm.original_span(8, 9) == std::pair<std::size_t, std::size_t>{8, 11});
  CHECK(norm.original_offset(100) == original.size());
  NormalizedText empty("");
  CHECK(empty.text().empty());
  CHECK(empty.original_offset(0) == 0);
  CHECK(empty.original_span(0, 0) == std::pair<std::size_t, std::size_t>{0, 0});
}

TEST_CASE("invalid UTF-8 is found at its offset after ASCII runs of any length") {
  // The ASCII scan skips eight bytes at a time: the bad byte must not be skipped over.
  for (std::size_t before = 0; before <= 20; ++before) {
    const std::string ascii(before, 'a');
    CHECK(find_invalid_utf8(ascii + "\xFF" + "bcdefghijk") == before);
    CHECK(find_invalid_utf8(ascii + "\xC3\xA9" + ascii + "\xE2\x28\xA1") == 2 * before + 2);
    CHECK_FALSE(find_invalid_utf8(ascii + "\xC3\xA9" + ascii).has_value());
  }
}
