#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "evgraph/atomic_file.h"
#include "evgraph/ingest.h"
#include "evgraph/resources.h"
#include "evgraph/xml_escape.h"

namespace fs = std::filesystem;

namespace {
fs::path temp_dir(const char* name) {
  fs::path dir = fs::temp_directory_path() / (std::string("evgraph-test-") + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}
void write(const fs::path& p, const std::string& s) { std::ofstream(p, std::ios::binary) << s; }
}  // namespace

TEST_CASE("an article and its sidecar metadata are read") {
  fs::path dir = temp_dir("ingest");
  write(dir / "story.txt", "Officials said on Monday.");
  write(dir / "story.meta.yaml", "title: \"A story\"\noutlet: Wire\nurl: https://example.org/a\npublished: 2025-05-03\n");
  auto doc = evgraph::load_document(dir / "story.txt");
  REQUIRE(doc.ok());
  CHECK(doc->id == "story");
  CHECK(doc->has_meta);
  CHECK(doc->meta.title == "A story");
  CHECK(doc->meta.published->iso() == "2025-05-03");
  fs::remove_all(dir);
}

TEST_CASE("invalid UTF-8 names the file and the byte offset") {
  fs::path dir = temp_dir("badutf8");
  write(dir / "bad.txt", "abc\xFFxyz");
  auto doc = evgraph::load_document(dir / "bad.txt");
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.error().format() == (dir / "bad.txt").string() + ": error: invalid UTF-8 at byte 3\n");
  fs::remove_all(dir);
}

TEST_CASE("a malformed sidecar is reported with line and column") {
  fs::path dir = temp_dir("badmeta");
  write(dir / "s.txt", "text");
  write(dir / "s.meta.yaml", "title: x\npublished: 2025-02-30\n");
  auto doc = evgraph::load_document(dir / "s.txt");
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.error().header() == (dir / "s.meta.yaml").string() +
                                    ":2:12: error: invalid date '2025-02-30': day is out of range for month");
  write(dir / "s.meta.yaml", "titel: x\n");
  auto doc2 = evgraph::load_document(dir / "s.txt");
  REQUIRE_FALSE(doc2.ok());
  CHECK(doc2.error().header() == (dir / "s.meta.yaml").string() +
                                     ":1:1: error: unknown key 'titel' (expected title, outlet, url, published)");
  fs::remove_all(dir);
}

TEST_CASE("a missing file is an error, not a crash") {
  auto doc = evgraph::load_document("/nonexistent/evgraph/file.txt");
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.error().message.find("cannot open") != std::string::npos);
}

TEST_CASE("atomic writes replace the file whole and leave no temporary behind") {
  fs::path dir = temp_dir("atomic");
  fs::path target = dir / "events.yaml";
  CHECK(evgraph::write_file_atomically(target, "old") == "");
  CHECK(evgraph::write_file_atomically(target, "new contents") == "");
  std::string error;
  CHECK(*evgraph::read_file(target, &error) == "new contents");
  std::size_t files = 0;
  for ([[maybe_unused]] auto& entry : fs::directory_iterator(dir)) ++files;
  CHECK(files == 1);
  // A directory as target is refused and nothing is written.
  CHECK(evgraph::write_file_atomically(dir, "x") == dir.string() + ": is a directory");
  CHECK(evgraph::write_file_atomically(dir / "missing" / "f.txt", "x").find("cannot write") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("a streamed atomic file appears only on commit; abandoned, it leaves the old file") {
  fs::path dir = temp_dir("atomic-stream");
  fs::path target = dir / "out.jsonl";
  CHECK(evgraph::write_file_atomically(target, "old\n") == "");
  {
    evgraph::AtomicOutputFile file(target);
    REQUIRE(file.ok());
    file.stream() << "half";
  }  // abandoned without commit()
  std::string error;
  CHECK(*evgraph::read_file(target, &error) == "old\n");
  {
    evgraph::AtomicOutputFile file(target);
    file.stream() << "line 1\nline 2\n";
    CHECK(*evgraph::read_file(target, &error) == "old\n");  // not yet
    CHECK(file.commit() == "");
  }
  CHECK(*evgraph::read_file(target, &error) == "line 1\nline 2\n");
  std::size_t files = 0;
  for ([[maybe_unused]] auto& entry : fs::directory_iterator(dir)) ++files;
  CHECK(files == 1);
  evgraph::AtomicOutputFile into_directory(dir);
  CHECK_FALSE(into_directory.ok());
  CHECK(into_directory.commit() == dir.string() + ": is a directory");
  evgraph::AtomicOutputFile missing_parent(dir / "missing" / "f.txt");
  CHECK(missing_parent.error().find("cannot write") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("resource files: comments and blanks are skipped, line numbers kept") {
  auto lines = evgraph::resource_lines("# header\n\njanuary 1  # first month\n  C# language\n");
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].number == 3);
  CHECK(lines[0].text == "january 1");
  CHECK(lines[1].text == "C# language");
}

TEST_CASE("an override directory takes precedence over built-in resources") {
  fs::path dir = temp_dir("resources");
  fs::create_directories(dir / "en" / "test");
  write(dir / "en" / "test" / "x.txt", "override");
  auto res = evgraph::Resources::with_override(dir);
  CHECK(res.read("en/test/x.txt") == std::optional<std::string>("override"));
  CHECK_FALSE(res.read("en/test/missing.txt"));
  auto listed = res.list("en/test/");
  REQUIRE(listed.size() == 1);
  CHECK(listed[0] == "en/test/x.txt");
  fs::remove_all(dir);
}

TEST_CASE("hostile documents: empty, NUL bytes and oversized files are refused with their reason") {
  fs::path dir = temp_dir("limits");
  auto write = [&](const char* name, const std::string& text) {
    std::ofstream(dir / name, std::ios::binary) << text;
    return dir / name;
  };
  auto empty = evgraph::load_document(write("empty.txt", ""));
  REQUIRE_FALSE(empty.ok());
  CHECK(empty.error().file == (dir / "empty.txt").string());
  CHECK(empty.error().message == "empty document");
  auto nul = evgraph::load_document(write("nul.txt", std::string("ab\0cd", 5)));
  REQUIRE_FALSE(nul.ok());
  CHECK(nul.error().message == "NUL byte at byte 2 (binary data?)");
  evgraph::DocumentLimits small;
  small.max_bytes = 10;
  auto big = evgraph::load_document(write("big.txt", std::string(11, 'x')), small);
  REQUIRE_FALSE(big.ok());
  CHECK(big.error().message == "document is 11 bytes, over the limit of 10 (--max-doc-bytes)");
  CHECK(evgraph::load_document(write("fits.txt", std::string(10, 'x')), small).ok());
  // In-memory documents get the same checks.
  CHECK(evgraph::make_document("m", std::string(11, 'y'), {}, small).error().message ==
        "document is 11 bytes, over the limit of 10 (--max-doc-bytes)");
  CHECK(evgraph::make_document("m", "").error().message == "empty document");
  // Quotation marks, straight and typographic, count in pairs against the quote ceiling.
  evgraph::DocumentLimits two_quotes;
  two_quotes.max_quotes = 2;
  CHECK(evgraph::make_document("q", "\"a\" \u201cb\u201d", {}, two_quotes).ok());
  CHECK(evgraph::make_document("q", "\"a\" \u201cb\u201d \"c\"", {}, two_quotes).error().message ==
        "document has 3 quotation mark pairs, over the limit of 2 (--max-quotes)");
  // Counted as before the memchr scan: \u201e too, and an \xE2 lead byte that starts
  // another character ("\u2014") or ends the text is no quote.
  evgraph::DocumentLimits one_quote;
  one_quote.max_quotes = 1;
  CHECK(evgraph::make_document("q", "\u201ea\u201c \u2014 \u2019", {}, one_quote).ok());
  CHECK(evgraph::make_document("q", "\u201ea\u201c \u2014 \u201d\"", {}, one_quote).error().message ==
        "document has 2 quotation mark pairs, over the limit of 1 (--max-quotes)");
  CHECK(evgraph::make_document("q", "\"\"\"", {}, one_quote).ok());
  CHECK(evgraph::make_document("q", "\"\"\"\"", {}, one_quote).error().message ==
        "document has 2 quotation mark pairs, over the limit of 1 (--max-quotes)");
  fs::remove_all(dir);
}

TEST_CASE("xml_escape: markup characters become entities, forbidden controls spaces") {
  CHECK(evgraph::xml_escape("a < b & \"c\" > 'd'") == "a &lt; b &amp; &quot;c&quot; &gt; &#39;d&#39;");
  CHECK(evgraph::xml_escape("</text><script>") == "&lt;/text&gt;&lt;script&gt;");
  CHECK(evgraph::xml_escape(std::string("x\x01y\tz\n", 6)) == "x y\tz\n");
}
