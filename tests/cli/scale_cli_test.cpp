// Speed-and-scale behaviour of the evgraph program: shard-and-merge equivalence,
// streaming determinism across -j, and bounded memory on a long stdin stream.
// Timing is never asserted here (see bench/ and `make bench`).
#include <doctest/doctest.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

struct ChildResult {
  int exit_code = -1;
  long max_rss_kb = 0;  // the child's peak resident set (ru_maxrss)
  std::string out;
  std::string err;
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

fs::path scale_temp_dir(const char* name) {
  fs::path dir = fs::temp_directory_path() / (std::string("evgraph-scale-") + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// Runs EVGRAPH_BINARY with `args`. stdin is fed by `feed` through a pipe (or is
// /dev/null); stdout goes to `stdout_path` when given (else captured), stderr is captured.
ChildResult run_evgraph(const std::vector<std::string>& args, const std::function<void(int)>& feed = {},
                        const std::string& stdout_path = {}) {
  const fs::path dir = scale_temp_dir("run");
  const fs::path out_file = stdout_path.empty() ? dir / "out" : fs::path(stdout_path);
  const fs::path err_file = dir / "err";
  int pipe_fds[2] = {-1, -1};
  if (feed) REQUIRE(::pipe(pipe_fds) == 0);
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    int in_fd = feed ? pipe_fds[0] : ::open("/dev/null", O_RDONLY);
    ::dup2(in_fd, 0);
    if (feed) ::close(pipe_fds[1]);
    const int out_fd = ::open(out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int err_fd = ::open(err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(out_fd, 1);
    ::dup2(err_fd, 2);
    std::vector<char*> argv;
    std::string program = EVGRAPH_BINARY;
    argv.push_back(program.data());
    std::vector<std::string> copies = args;
    for (std::string& a : copies) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execv(program.c_str(), argv.data());
    ::_exit(127);
  }
  if (feed) {
    ::close(pipe_fds[0]);
    // A child that exits early must not kill the test with SIGPIPE.
    struct sigaction ignore {};
    ignore.sa_handler = SIG_IGN;
    struct sigaction old {};
    ::sigaction(SIGPIPE, &ignore, &old);
    feed(pipe_fds[1]);
    ::close(pipe_fds[1]);
    ::sigaction(SIGPIPE, &old, nullptr);
  }
  int status = 0;
  struct rusage usage {};
  REQUIRE(::wait4(pid, &status, 0, &usage) == pid);
  ChildResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.max_rss_kb = usage.ru_maxrss;
  if (stdout_path.empty()) r.out = slurp(out_file);
  r.err = slurp(err_file);
  fs::remove_all(dir);
  return r;
}

bool write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n <= 0) return false;
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

// The articles the tests run on: our own fixtures, plus the seed articles when present.
std::vector<fs::path> corpus_files() {
  std::vector<fs::path> files;
  for (const fs::path& dir : {fs::path(EVGRAPH_SOURCE_DIR "/tests/fixtures/scale"),
                             fs::path(EVGRAPH_SOURCE_DIR "/../shared/corpus/seeds")}) {
    if (!fs::is_directory(dir)) continue;
    for (const auto& entry : fs::directory_iterator(dir)) {
      if (entry.path().extension() == ".txt") files.push_back(entry.path());
    }
  }
  // Sorted by document id (the file stem), the order merge reduces in.
  std::sort(files.begin(), files.end(),
            [](const fs::path& a, const fs::path& b) { return a.stem().string() < b.stem().string(); });
  return files;
}

// Skips (returns false) while `extract --format json` is not implemented yet.
bool extractor_ready() {
  const std::string fixture = EVGRAPH_SOURCE_DIR "/tests/fixtures/scale/solar_tariff.txt";
  ChildResult r = run_evgraph({"extract", "--format", "json", fixture});
  if (r.err.find("not implemented") != std::string::npos) {
    MESSAGE("evgraph extract --format json is not implemented yet; skipping");
    return false;
  }
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  return true;
}

// Skips (returns false) while `extract` does not accept `option` yet.
bool extract_accepts(const std::string& option, const std::vector<std::string>& probe_args) {
  std::vector<std::string> args = {"extract", "--format", "json"};
  args.insert(args.end(), probe_args.begin(), probe_args.end());
  ChildResult r = run_evgraph(args, [](int fd) { write_all(fd, "{\"doc\":\"probe\",\"text\":\"On Monday.\"}\n"); });
  if (r.exit_code == 2 && (r.err.find("not expected") != std::string::npos ||
                           r.err.find("not implemented") != std::string::npos ||
                           r.err.find("unrecognized") != std::string::npos)) {
    MESSAGE("evgraph extract does not accept " << option << " yet; skipping");
    return false;
  }
  return true;
}

std::vector<std::string> paths_of(const std::vector<fs::path>& files) {
  std::vector<std::string> out;
  for (const fs::path& f : files) out.push_back(f.string());
  return out;
}

}  // namespace

TEST_CASE("extracting shards separately and merging them equals a single-process run") {
  if (!extractor_ready()) return;
  const std::vector<fs::path> files = corpus_files();
  REQUIRE(files.size() >= 4);
  const fs::path dir = scale_temp_dir("shards");

  std::vector<std::string> single_args = {"extract"};
  for (const std::string& p : paths_of(files)) single_args.push_back(p);
  single_args.push_back("-o");
  single_args.push_back((dir / "single.yaml").string());
  ChildResult single = run_evgraph(single_args);
  REQUIRE_MESSAGE(single.exit_code == 0, single.err);
  const std::string expected = slurp(dir / "single.yaml");
  REQUIRE(expected.find("actors:") != std::string::npos);

  // Two different splits, each merged with its shards in a different order.
  for (int shard_count : {2, 3}) {
    CAPTURE(shard_count);
    std::vector<std::string> shard_paths;
    for (int s = 0; s < shard_count; ++s) {
      std::vector<std::string> args = {"extract", "--format", "json"};
      // Round-robin from the end, so no shard is a contiguous, sorted slice.
      for (std::size_t i = 0; i < files.size(); ++i) {
        if (static_cast<int>((files.size() - 1 - i) % static_cast<std::size_t>(shard_count)) == s) {
          args.push_back(files[i].string());
        }
      }
      const std::string shard = (dir / ("shard" + std::to_string(s) + ".jsonl")).string();
      args.push_back("-o");
      args.push_back(shard);
      ChildResult r = run_evgraph(args);
      REQUIRE_MESSAGE(r.exit_code == 0, r.err);
      shard_paths.push_back(shard);
    }
    std::reverse(shard_paths.begin(), shard_paths.end());
    std::vector<std::string> merge_args = {"merge"};
    merge_args.insert(merge_args.end(), shard_paths.begin(), shard_paths.end());
    merge_args.push_back("-o");
    merge_args.push_back((dir / "merged.yaml").string());
    ChildResult merged = run_evgraph(merge_args);
    REQUIRE_MESSAGE(merged.exit_code == 0, merged.err);
    CHECK(slurp(dir / "merged.yaml") == expected);
  }
  fs::remove_all(dir);
}

TEST_CASE("merge reads shards from stdin, ignores a repeated shard and rejects a bad line") {
  if (!extractor_ready()) return;
  const std::vector<fs::path> files = corpus_files();
  const fs::path dir = scale_temp_dir("merge-stdin");
  std::vector<std::string> args = {"extract", "--format", "json"};
  for (const std::string& p : paths_of(files)) args.push_back(p);
  ChildResult all = run_evgraph(args);
  REQUIRE_MESSAGE(all.exit_code == 0, all.err);
  std::ofstream(dir / "all.jsonl", std::ios::binary) << all.out;

  ChildResult from_file = run_evgraph({"merge", (dir / "all.jsonl").string()});
  REQUIRE_MESSAGE(from_file.exit_code == 0, from_file.err);
  ChildResult from_stdin = run_evgraph({"merge", "-"}, [&](int fd) { write_all(fd, all.out); });
  REQUIRE_MESSAGE(from_stdin.exit_code == 0, from_stdin.err);
  CHECK(from_stdin.out == from_file.out);
  ChildResult twice = run_evgraph({"merge", (dir / "all.jsonl").string(), (dir / "all.jsonl").string()});
  REQUIRE_MESSAGE(twice.exit_code == 0, twice.err);
  CHECK(twice.out == from_file.out);

  std::ofstream(dir / "bad.jsonl", std::ios::binary) << all.out << "{\"doc\": \n";
  const std::string target = (dir / "out.yaml").string();
  ChildResult bad = run_evgraph({"merge", (dir / "bad.jsonl").string(), "-o", target});
  CHECK(bad.exit_code == 1);
  const std::size_t lines = static_cast<std::size_t>(std::count(all.out.begin(), all.out.end(), '\n'));
  CHECK(bad.err.rfind((dir / "bad.jsonl").string() + ":" + std::to_string(lines + 1) + ":", 0) == 0);
  CHECK_FALSE(fs::exists(target));  // nothing written from a partial read

  ChildResult missing = run_evgraph({"merge", (dir / "absent.jsonl").string()});
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("absent.jsonl: error: cannot open") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("streamed JSON output is identical for -j 1, 2 and 4 and in input order") {
  if (!extractor_ready() || !extract_accepts("-j", {"-j", "2", "--stdin-jsonl"})) return;
  const std::vector<fs::path> files = corpus_files();
  std::vector<std::string> base = {"extract", "--format", "json"};
  for (const std::string& p : paths_of(files)) base.push_back(p);
  std::string first;
  for (const char* jobs : {"1", "2", "4"}) {
    CAPTURE(jobs);
    std::vector<std::string> args = base;
    args.push_back("-j");
    args.push_back(jobs);
    ChildResult r = run_evgraph(args);
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(r.err.empty());  // no progress line: stderr is not a terminal
    if (first.empty()) first = r.out;
    CHECK(r.out == first);
  }
  // Input order: line i is about file i.
  std::istringstream lines(first);
  std::string line;
  std::size_t i = 0;
  while (std::getline(lines, line)) {
    REQUIRE(i < files.size());
    CHECK(line.find("\"doc\":\"" + files[i].stem().string() + "\"") != std::string::npos);
    ++i;
  }
  CHECK(i == files.size());
}

TEST_CASE("a long stdin JSON Lines stream runs in bounded memory") {
  if (!extractor_ready() || !extract_accepts("--stdin-jsonl", {"--stdin-jsonl"})) return;
  // Article texts as JSON string bodies, repeated under fresh ids.
  std::vector<std::string> bodies;
  for (const fs::path& f : corpus_files()) {
    std::string text = slurp(f), escaped;
    for (unsigned char c : text) {
      if (c == '"' || c == '\\') escaped += '\\', escaped += static_cast<char>(c);
      else if (c == '\n') escaped += "\\n";
      else if (c < 0x20) escaped += ' ';
      else escaped += static_cast<char>(c);
    }
    bodies.push_back(escaped);
  }
  // Sized so the test stays well under a minute on a shared 2-core machine;
  // `make bench` streams far more. The ceiling is independent of the stream's size.
  // Sanitizers multiply time and memory: a shorter stream, and only a gross
  // ceiling, since ASan's shadow memory and 256 MB free-quarantine are not ours
  // (about 800 MB for 8 MB of input); the normal build holds the real bound.
  const std::size_t stream_bytes = EVGRAPH_SANITIZED ? 8u << 20 : 40u << 20;
  const long rss_ceiling_kb = (EVGRAPH_SANITIZED ? 1536 : 150) * 1024;
  std::size_t written = 0;
  std::size_t docs = 0;
  const fs::path dir = scale_temp_dir("rss");
  const std::string out_path = (dir / "out.jsonl").string();
  ChildResult r = run_evgraph({"extract", "--stdin-jsonl", "--format", "json", "-j", "2"},
                              [&](int fd) {
                                std::string chunk;
                                while (written < stream_bytes) {
                                  chunk.clear();
                                  for (const std::string& body : bodies) {
                                    const std::size_t id = docs++;
                                    chunk += "{\"doc\":\"gen" + std::to_string(id) + "\",\"text\":\"" + body +
                                             "\",\"published\":\"2024-05-0" + std::to_string(1 + (id + 1) % 9) + "\"}\n";
                                  }
                                  if (!write_all(fd, chunk)) break;
                                  written += chunk.size();
                                }
                              },
                              out_path);
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  CHECK(written >= stream_bytes);
  // Every document came out, in order.
  std::ifstream out(out_path);
  std::string line;
  std::size_t n = 0;
  bool in_order = true;
  while (std::getline(out, line)) {
    if (line.find("\"doc\":\"gen" + std::to_string(n) + "\"") == std::string::npos) in_order = false;
    ++n;
  }
  CHECK(n == docs);
  CHECK(in_order);
  MESSAGE("stdin stream of " << written / (1 << 20) << " MB: peak RSS " << r.max_rss_kb / 1024 << " MB");
  CHECK(r.max_rss_kb < rss_ceiling_kb);
  fs::remove_all(dir);
}

TEST_CASE("merge uses the same one of two different extractions of a document, in either order") {
  if (!extractor_ready()) return;
  const std::vector<fs::path> files = corpus_files();
  const fs::path dir = scale_temp_dir("merge-conflict");
  std::vector<std::string> args = {"extract", "--format", "json"};
  for (const std::string& p : paths_of(files)) args.push_back(p);
  ChildResult all = run_evgraph(args);
  REQUIRE_MESSAGE(all.exit_code == 0, all.err);
  // The first document again, as another extractor run might have written it.
  std::string variant = all.out.substr(0, all.out.find('\n') + 1);
  const std::size_t path_at = variant.find("\"path\":\"");
  REQUIRE(path_at != std::string::npos);
  variant.insert(path_at + 8, "elsewhere/");
  std::ofstream(dir / "all.jsonl", std::ios::binary) << all.out;
  std::ofstream(dir / "variant.jsonl", std::ios::binary) << variant;

  ChildResult forward = run_evgraph({"merge", (dir / "all.jsonl").string(), (dir / "variant.jsonl").string()});
  REQUIRE_MESSAGE(forward.exit_code == 0, forward.err);
  ChildResult backward = run_evgraph({"merge", (dir / "variant.jsonl").string(), (dir / "all.jsonl").string()});
  REQUIRE_MESSAGE(backward.exit_code == 0, backward.err);
  CHECK(forward.out == backward.out);
  CHECK(forward.err.find("different extractions") != std::string::npos);
  CHECK(backward.err == forward.err);
  fs::remove_all(dir);
}

TEST_CASE("merge memory follows the distinct documents, not the input size") {
  if (!extractor_ready()) return;
  const std::vector<fs::path> files = corpus_files();
  std::vector<std::string> args = {"extract", "--format", "json"};
  for (const std::string& p : paths_of(files)) args.push_back(p);
  ChildResult all = run_evgraph(args);
  REQUIRE_MESSAGE(all.exit_code == 0, all.err);
  REQUIRE(!all.out.empty());

  ChildResult once = run_evgraph({"merge", "-"}, [&](int fd) { write_all(fd, all.out); });
  REQUIRE_MESSAGE(once.exit_code == 0, once.err);
  // The same shard over and over (a repeated document counts once): 64 MB of
  // JSON Lines, which a merge that held its input would need hundreds of MB for.
  const std::size_t stream_bytes = (EVGRAPH_SANITIZED ? 8u : 64u) << 20;
  std::size_t written = 0;
  ChildResult repeated = run_evgraph({"merge", "-"}, [&](int fd) {
    while (written < stream_bytes && write_all(fd, all.out)) written += all.out.size();
  });
  REQUIRE_MESSAGE(repeated.exit_code == 0, repeated.err);
  CHECK(written >= stream_bytes);
  CHECK(repeated.out == once.out);
  MESSAGE("merge of " << all.out.size() / 1024 << " KB: peak RSS " << once.max_rss_kb / 1024 << " MB; of the same "
                      << written / (1 << 20) << " MB: " << repeated.max_rss_kb / 1024 << " MB");
  // Allocator slack only; a sanitized build's quarantine holds freed lines for a while.
  if (!EVGRAPH_SANITIZED) CHECK(repeated.max_rss_kb < once.max_rss_kb + 16 * 1024);
}
