// Crash safety: `evgraph extract --update events.yaml` killed with SIGKILL at
// random points leaves the store either as it was or as a finished run writes
// it, never a mix (writes go to a temporary file that is renamed over it).
#include <doctest/doctest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "cli_runner.h"

namespace fs = std::filesystem;
using evgraph::test::file_bytes;
using evgraph::test::scratch_dir;
using evgraph::test::write_bytes;

namespace {

std::vector<std::string> update_args() {
  std::vector<std::string> args = {EVGRAPH_BINARY, "-q", "extract"};
  for (const auto& entry : fs::directory_iterator(EVGRAPH_SOURCE_DIR "/tests/corpus/articles"))
    if (entry.path().extension() == ".txt") args.push_back(entry.path().string());
  std::sort(args.begin() + 3, args.end());
  args.push_back("--update");
  args.push_back("events.yaml");
  return args;
}

pid_t spawn_in(const fs::path& dir, std::vector<std::string> args) {
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    if (::chdir(dir.c_str()) != 0) ::_exit(126);
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::freopen("/dev/null", "w", stderr);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  return pid;
}

}  // namespace

TEST_CASE("SIGKILL during extract --update leaves the old or the new store, never a mix") {
  const fs::path dir = scratch_dir("crash");
  const std::string old_store = file_bytes(EVGRAPH_SOURCE_DIR "/tests/fixtures/small_store.yaml");

  // The finished run, and how long it takes.
  write_bytes(dir / "events.yaml", old_store);
  const auto started = std::chrono::steady_clock::now();
  int status = 0;
  const pid_t full = spawn_in(dir, update_args());
  REQUIRE(::waitpid(full, &status, 0) == full);
  REQUIRE(WIFEXITED(status));
  REQUIRE(WEXITSTATUS(status) == 0);
  const auto run_time = std::chrono::steady_clock::now() - started;
  const std::string new_store = file_bytes(dir / "events.yaml");
  REQUIRE(new_store != old_store);

  // Kill points spread over the whole run, the last ones close to its end (the write).
  std::mt19937 random(20250503);
  const auto total_us = std::chrono::duration_cast<std::chrono::microseconds>(run_time).count();
  int old_seen = 0, new_seen = 0;
  for (int i = 0; i < 8; ++i) {
    CAPTURE(i);
    write_bytes(dir / "events.yaml", old_store);
    const double fraction = i < 5 ? std::uniform_real_distribution<double>(0.0, 1.0)(random)
                                  : std::uniform_real_distribution<double>(0.85, 1.1)(random);
    const pid_t pid = spawn_in(dir, update_args());
    std::this_thread::sleep_for(std::chrono::microseconds(static_cast<long long>(fraction * total_us)));
    ::kill(pid, SIGKILL);
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    const std::string now = file_bytes(dir / "events.yaml");
    const bool is_old = now == old_store, is_new = now == new_store;
    CHECK((is_old || is_new));
    old_seen += is_old;
    new_seen += is_new;
    // A killed run may leave its temporary file (nothing can remove it), but it
    // is a hidden sibling, never the store itself; clear it for the next round.
    for (const auto& entry : fs::directory_iterator(dir)) {
      const std::string name = entry.path().filename().string();
      if (name == "events.yaml") continue;
      CHECK(name.rfind(".events.yaml.tmp-", 0) == 0);
      fs::remove(entry.path());
    }
  }
  MESSAGE("8 kills: store old " << old_seen << " times, new " << new_seen << " times");
  fs::remove_all(dir);
}
