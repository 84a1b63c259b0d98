#include "evgraph/atomic_file.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <random>
#include <sstream>
#include <unistd.h>

#include <fmt/format.h>

namespace evgraph {

namespace fs = std::filesystem;

namespace {

std::string cannot_write(const fs::path& path, const std::string& why) {
  return fmt::format("{}: cannot write: {}", path.string(), why);
}

// Same directory as the target, so the final rename never crosses file systems.
fs::path temporary_beside(const fs::path& path) {
  const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
  std::random_device random;
  return dir / fmt::format(".{}.tmp-{}-{:08x}", path.filename().string(), getpid(), random());
}

// fsyncs `temp` and renames it over `path`, then persists the rename itself.
std::string sync_and_rename(const fs::path& temp, const fs::path& path) {
  const int fd = ::open(temp.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0 || ::fsync(fd) != 0) {
    const std::string why = std::strerror(errno);
    if (fd >= 0) ::close(fd);
    ::unlink(temp.c_str());
    return cannot_write(path, why);
  }
  ::close(fd);
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    const std::string why = std::strerror(errno);
    ::unlink(temp.c_str());
    return cannot_write(path, why);
  }
  const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
  if (const int dir_fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir_fd >= 0) {
    ::fsync(dir_fd);
    ::close(dir_fd);
  }
  return {};
}

}  // namespace

std::string write_file_atomically(const fs::path& path, std::string_view contents) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) return fmt::format("{}: is a directory", path.string());
  const fs::path temp = temporary_beside(path);
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return cannot_write(path, std::strerror(errno));
  std::size_t written = 0;
  while (written < contents.size()) {
    const ssize_t n = ::write(fd, contents.data() + written, contents.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      const std::string why = std::strerror(errno);
      ::close(fd);
      ::unlink(temp.c_str());
      return cannot_write(path, why);
    }
    written += static_cast<std::size_t>(n);
  }
  if (::close(fd) != 0) {
    const std::string why = std::strerror(errno);
    ::unlink(temp.c_str());
    return cannot_write(path, why);
  }
  return sync_and_rename(temp, path);
}

AtomicOutputFile::AtomicOutputFile(fs::path path) : path_(std::move(path)) {
  std::error_code ec;
  if (fs::is_directory(path_, ec)) {
    error_ = fmt::format("{}: is a directory", path_.string());
    return;
  }
  temp_ = temporary_beside(path_);
  out_.open(temp_, std::ios::binary | std::ios::trunc);
  if (!out_) error_ = cannot_write(path_, std::strerror(errno));
}

AtomicOutputFile::~AtomicOutputFile() {
  if (committed_ || temp_.empty()) return;
  out_.close();
  std::error_code ec;
  fs::remove(temp_, ec);
}

std::string AtomicOutputFile::commit() {
  if (!error_.empty()) return error_;
  out_.flush();
  const bool written = static_cast<bool>(out_);
  out_.close();
  committed_ = true;
  if (!written || out_.fail()) {
    std::error_code ec;
    fs::remove(temp_, ec);
    return cannot_write(path_, "write failed");
  }
  return sync_and_rename(temp_, path_);
}

std::optional<std::string> read_file(const fs::path& path, std::string* error) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    if (error) *error = fmt::format("{}: is a directory", path.string());
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    if (error) *error = fmt::format("{}: cannot open: {}", path.string(), std::strerror(errno));
    return std::nullopt;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) {
    if (error) *error = fmt::format("{}: cannot read", path.string());
    return std::nullopt;
  }
  return std::move(buffer).str();
}

}  // namespace evgraph
