#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "evgraph/corpus_reader.h"

namespace fs = std::filesystem;
using evgraph::CorpusOptions;
using evgraph::CorpusReader;

namespace {
fs::path corpus_temp_dir(const char* name) {
  fs::path dir = fs::temp_directory_path() / (std::string("evgraph-corpus-") + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}
void write_text(const fs::path& p, const std::string& s) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << s;
}

// Reads everything: "id" for documents, "!header" for errors.
std::vector<std::string> drain(CorpusReader& reader) {
  std::vector<std::string> seen;
  while (auto item = reader.next()) {
    if (item->ok()) seen.push_back(item->value().id);
    else seen.push_back("!" + item->error().header());
  }
  return seen;
}
}  // namespace

TEST_CASE("directories are read recursively in sorted order, skipping sidecars and other files") {
  fs::path dir = corpus_temp_dir("dirs");
  write_text(dir / "b" / "z.txt", "z");
  write_text(dir / "b" / "a.txt", "a");
  write_text(dir / "a.txt", "top");
  write_text(dir / "a.meta.yaml", "title: T\n");
  write_text(dir / "notes.md", "not an article");
  write_text(dir / ".hidden" / "h.txt", "hidden");
  write_text(dir / "c" / "deep" / "d.txt", "d");

  CorpusOptions options;
  options.inputs = {dir.string()};
  CorpusReader reader(options);
  CHECK(reader.total_documents() == 4u);
  CHECK(reader.total_bytes() == 1u + 1u + 3u + 1u);
  std::vector<std::string> ids;
  std::vector<bool> has_meta;
  while (auto item = reader.next()) {
    REQUIRE(item->ok());
    ids.push_back(item->value().path.substr(dir.string().size() + 1));
    has_meta.push_back(item->value().has_meta);
  }
  CHECK(ids == std::vector<std::string>{"a.txt", "b/a.txt", "b/z.txt", "c/deep/d.txt"});
  CHECK(has_meta == std::vector<bool>{true, false, false, false});
  fs::remove_all(dir);
}

TEST_CASE("files, list files and directories keep the order given; sidecars given as inputs are skipped") {
  fs::path dir = corpus_temp_dir("mixed");
  write_text(dir / "one.txt", "1");
  write_text(dir / "one.meta.yaml", "title: One\n");
  write_text(dir / "sub" / "two.txt", "2");
  write_text(dir / "three.txt", "3");
  write_text(dir / "list.txt", "# a comment\n\n" + (dir / "three.txt").string() + "\n  " + (dir / "sub").string() +
                                   "  \n" + (dir / "missing.txt").string() + "\n");
  CorpusOptions options;
  options.inputs = {(dir / "one.meta.yaml").string(), (dir / "one.txt").string(), "@" + (dir / "list.txt").string(),
                    (dir / "nope.txt").string()};
  CorpusReader reader(options);
  const std::string list = (dir / "list.txt").string();
  CHECK(drain(reader) == std::vector<std::string>{
                             "one", "three", "two",
                             "!" + list + ":5: error: '" + (dir / "missing.txt").string() + "': no such file or directory",
                             "!" + (dir / "nope.txt").string() + ": error: no such file or directory"});
  fs::remove_all(dir);
}

TEST_CASE("a missing list file is an error and reading goes on") {
  fs::path dir = corpus_temp_dir("nolist");
  write_text(dir / "a.txt", "a");
  CorpusOptions options;
  options.inputs = {"@" + (dir / "absent.list").string(), (dir / "a.txt").string()};
  CorpusReader reader(options);
  auto seen = drain(reader);
  REQUIRE(seen.size() == 2);
  CHECK(seen[0].rfind("!" + (dir / "absent.list").string() + ": error: cannot open list file", 0) == 0);
  CHECK(seen[1] == "a");
  fs::remove_all(dir);
}

TEST_CASE("an unreadable document is reported and the next one is still read") {
  fs::path dir = corpus_temp_dir("badfile");
  write_text(dir / "1.txt", "ok");
  write_text(dir / "2.txt", "bad \xC3\x28 utf8");
  write_text(dir / "3.txt", "ok too");
  CorpusOptions options;
  options.inputs = {dir.string()};
  CorpusReader reader(options);
  CHECK(drain(reader) ==
        std::vector<std::string>{"1", "!" + (dir / "2.txt").string() + ": error: invalid UTF-8 at byte 4", "3"});
  fs::remove_all(dir);
}

TEST_CASE("JSON Lines documents carry their metadata") {
  std::istringstream in(
      "{\"doc\":\"a\",\"text\":\"Said on Monday.\",\"published\":\"2025-05-03T09:00:00Z\",\"url\":\"https://x.org/a\","
      "\"title\":\"T \\u00e9\",\"extra\":[1,2]}\n"
      "\n"
      "{\"doc\":\"b\",\"text\":\"No metadata.\"}\r\n"
      "{\"doc\":\"c\",\"text\":\"last line without newline\",\"published\":\"2024-07\"}");
  CorpusOptions options;
  options.stdin_jsonl = true;
  CorpusReader reader(options, &in);
  CHECK_FALSE(reader.total_documents().has_value());
  CHECK_FALSE(reader.total_bytes().has_value());
  auto a = reader.next();
  REQUIRE(a);
  REQUIRE(a->ok());
  CHECK(a->value().id == "a");
  CHECK(a->value().text == "Said on Monday.");
  CHECK(a->value().has_meta);
  CHECK(a->value().meta.published->iso() == "2025-05-03");
  CHECK(a->value().meta.url == "https://x.org/a");
  CHECK(a->value().meta.title == "T \xC3\xA9");
  auto b = reader.next();
  REQUIRE(b);
  REQUIRE(b->ok());
  CHECK(b->value().id == "b");
  CHECK_FALSE(b->value().has_meta);
  auto c = reader.next();
  REQUIRE(c);
  REQUIRE(c->ok());
  CHECK(c->value().meta.published->iso() == "2024-07");
  CHECK_FALSE(reader.next());
}

TEST_CASE("a bad JSON line names <stdin> and its line, and later lines are still read") {
  std::istringstream in(
      "{\"doc\":\"a\",\"text\":\"fine\"}\n"
      "{\"doc\":\"b\",\"text\":\"unterminated}\n"
      "{\"doc\":\"c\"}\n"
      "[1,2]\n"
      "{\"doc\":\"\",\"text\":\"x\"}\n"
      "{\"doc\":\"d\",\"text\":\"x\",\"published\":\"2025-02-30\"}\n"
      "{\"doc\":\"e\",\"text\":\"x\",\"url\":7}\n"
      "{\"doc\":\"f\",\"text\":\"end\"}\n");
  CorpusOptions options;
  options.stdin_jsonl = true;
  CorpusReader reader(options, &in);
  auto seen = drain(reader);
  REQUIRE(seen.size() == 8);
  CHECK(seen[0] == "a");
  CHECK(seen[1].rfind("!<stdin>:2:", 0) == 0);
  CHECK(seen[1].find("syntax error") != std::string::npos);
  CHECK(seen[2] == "!<stdin>:3: error: 'text' must be a string");
  CHECK(seen[3] == "!<stdin>:4: error: expected a JSON object {\"doc\", \"text\", ...}");
  CHECK(seen[4] == "!<stdin>:5: error: 'doc' must be a non-empty string (the document id)");
  CHECK(seen[5].rfind("!<stdin>:6: error: 'published': ", 0) == 0);
  CHECK(seen[6] == "!<stdin>:7: error: 'url' must be a string");
  CHECK(seen[7] == "f");
}

TEST_CASE("the parse error diagnostic shows the line and a caret") {
  auto doc = evgraph::parse_jsonl_document("{\"doc\": 1 2}", "<stdin>", 9);
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.error().line == 9);
  CHECK(doc.error().column == 11);
  CHECK(doc.error().source_line == "{\"doc\": 1 2}");
}

TEST_CASE("an over-long JSON line is an error without being held in memory, and reading goes on") {
  std::string big = "{\"doc\":\"big\",\"text\":\"" + std::string(300000, 'x') + "\"}";
  std::istringstream in("{\"doc\":\"a\",\"text\":\"1\"}\n" + big + "\n{\"doc\":\"b\",\"text\":\"2\"}\n" + big);
  CorpusOptions options;
  options.stdin_jsonl = true;
  options.max_line_bytes = 1000;
  CorpusReader reader(options, &in);
  CHECK(drain(reader) == std::vector<std::string>{"a", "!<stdin>:2: error: line longer than 1000 bytes", "b",
                                                  "!<stdin>:4: error: line longer than 1000 bytes"});
}

TEST_CASE("the line reader splits lines across block boundaries") {
  std::string text;
  std::vector<std::string> expected;
  for (int i = 0; i < 5000; ++i) {
    expected.push_back(std::string(static_cast<std::size_t>(i % 97), static_cast<char>('a' + i % 26)));
    text += expected.back() + "\n";
  }
  std::istringstream in(text);
  evgraph::BoundedLineReader lines(in, 1000);
  std::string line;
  std::vector<std::string> got;
  while (lines.next(line) == evgraph::BoundedLineReader::Status::line) got.push_back(line);
  CHECK(got == expected);
  CHECK(lines.line_number() == 5000);
}

TEST_CASE("files come before stdin JSON Lines") {
  fs::path dir = corpus_temp_dir("both");
  write_text(dir / "f.txt", "file");
  std::istringstream in("{\"doc\":\"s\",\"text\":\"stdin\"}\n");
  CorpusOptions options;
  options.inputs = {(dir / "f.txt").string()};
  options.stdin_jsonl = true;
  CorpusReader reader(options, &in);
  CHECK(drain(reader) == std::vector<std::string>{"f", "s"});
  fs::remove_all(dir);
}

TEST_CASE("a JSON number out of every range is an error, not an exception (found by fuzz_jsonl)") {
  // The fuzzer's input: a huge exponent makes nlohmann::json throw out_of_range, not parse_error.
  auto doc = evgraph::parse_jsonl_document("66660000002000E000797130105793", "<stdin>", 4);
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.error().file == "<stdin>");
  CHECK(doc.error().line == 4);
  CHECK(doc.error().message.find("unreadable JSON") == 0);
  CHECK_FALSE(evgraph::parse_jsonl_document("{\"doc\": \"a\", \"text\": \"x\", \"n\": 1E400}", "<stdin>", 5).ok());
}

TEST_CASE("JSON Lines fields: escapes, repeated keys, nulls and unknown members read as before") {
  auto parse = [](const std::string& line) { return evgraph::parse_jsonl_document(line, "<stdin>", 1); };
  // Escapes, a surrogate pair and raw UTF-8 in the text; other members ignored.
  auto doc = parse(R"({"doc":"d1","text":"Caf\u00e9 \"open\"\nnow \ud83d\ude00 ok","extra":[1,{"a":null}],"n":3.5})");
  REQUIRE(doc.ok());
  CHECK(doc->id == "d1");
  CHECK(doc->text == "Caf\xC3\xA9 \"open\"\nnow \xF0\x9F\x98\x80 ok");
  CHECK_FALSE(doc->has_meta);
  // The last of repeated keys counts; a null optional member is absent.
  doc = parse(R"({"doc":"first","text":"a","doc":"second","title":null,"published":"2025-05-03T10:00:00Z","url":"u"})");
  REQUIRE(doc.ok());
  CHECK(doc->id == "second");
  CHECK(doc->meta.title.empty());
  CHECK(doc->meta.url == "u");
  REQUIRE(doc->meta.published);
  CHECK(doc->meta.published->first_day() == boost::gregorian::date(2025, 5, 3));
  CHECK(doc->has_meta);
  // Wrong types and missing members: the messages of the reader's error table.
  CHECK(parse(R"({"doc":"d","text":"t","outlet":7})").error().message == "'outlet' must be a string");
  CHECK(parse(R"({"doc":"","text":"t"})").error().message == "'doc' must be a non-empty string (the document id)");
  CHECK(parse(R"({"doc":"d"})").error().message == "'text' must be a string");
  CHECK(parse(R"({"doc":"d","text":null})").error().message == "'text' must be a string");
  CHECK(parse(R"(["doc","text"])").error().message == "expected a JSON object {\"doc\", \"text\", ...}");
  // Not JSON at all, or a lone surrogate: nlohmann's message, with its column.
  auto bad = parse(R"({"doc":"d","text":"\ud800"})");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().message.find("surrogate") != std::string::npos);
  bad = parse("{\"doc\":\"d\",\"text\":\"t\"} trailing");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().column > 0);
}
