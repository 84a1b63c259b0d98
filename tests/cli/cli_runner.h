// Running the evgraph program from CLI tests: argv without a shell (no quoting
// pitfalls), optional stdin, captured stdout/stderr and exit status.
#pragma once

#include <doctest/doctest.h>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace evgraph::test {

struct CliRun {
  int exit_code = -1;  // 128 + signal when killed
  std::string out;
  std::string err;
};

inline std::string file_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void write_bytes(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

// A fresh directory under the system temp dir, unique to this process.
inline std::filesystem::path scratch_dir(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() / ("evgraph-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

// Runs `argv` (argv[0] is the program's path) in `cwd`; `input` is its stdin.
inline CliRun run_program(std::vector<std::string> argv_strings, const std::filesystem::path& cwd,
                          const std::string& input = {}) {
  // Captures live in the temp dir, never in `cwd` (which may be the source tree).
  static int run_number = 0;
  const auto capture = std::filesystem::temp_directory_path() /
                       ("evgraph-cli-" + std::to_string(::getpid()) + "-" + std::to_string(++run_number));
  const auto out_path = capture.string() + ".out", err_path = capture.string() + ".err",
             in_path = capture.string() + ".in";
  write_bytes(in_path, input);
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    if (::chdir(cwd.c_str()) != 0) ::_exit(126);
    const int in_fd = ::open(in_path.c_str(), O_RDONLY);
    const int out_fd = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int err_fd = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(in_fd, 0);
    ::dup2(out_fd, 1);
    ::dup2(err_fd, 2);
    std::vector<char*> argv;
    for (std::string& a : argv_strings) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  CliRun r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = file_bytes(out_path);
  r.err = file_bytes(err_path);
  std::filesystem::remove(out_path);
  std::filesystem::remove(err_path);
  std::filesystem::remove(in_path);
  return r;
}

// Runs EVGRAPH_BINARY with `args` in `cwd`; `input` is its stdin.
inline CliRun run_cli(const std::vector<std::string>& args, const std::filesystem::path& cwd,
                      const std::string& input = {}) {
  std::vector<std::string> argv{EVGRAPH_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_program(std::move(argv), cwd, input);
}

// Runs `evgraph ARGS` through /bin/sh, for arguments written as one shell-quoted string.
inline CliRun run_cli_shell(const std::string& args, const std::filesystem::path& cwd) {
  return run_program({"/bin/sh", "-c", "exec '" EVGRAPH_BINARY "' " + args}, cwd);
}

}  // namespace evgraph::test
