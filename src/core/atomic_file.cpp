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

std::string write_file_atomically(const fs::path& path, std::string_view contents) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) return fmt::format("{}: is a directory", path.string());
  const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
  // Same directory, so the final rename never crosses file systems.
  std::random_device random;
  const fs::path temp = dir / fmt::format(".{}.tmp-{}-{:08x}", path.filename().string(), getpid(), random());
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return fmt::format("{}: cannot write: {}", path.string(), std::strerror(errno));
  std::size_t written = 0;
  while (written < contents.size()) {
    const ssize_t n = ::write(fd, contents.data() + written, contents.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      const std::string why = std::strerror(errno);
      ::close(fd);
      ::unlink(temp.c_str());
      return fmt::format("{}: cannot write: {}", path.string(), why);
    }
    written += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    const std::string why = std::strerror(errno);
    ::unlink(temp.c_str());
    return fmt::format("{}: cannot write: {}", path.string(), why);
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    const std::string why = std::strerror(errno);
    ::unlink(temp.c_str());
    return fmt::format("{}: cannot write: {}", path.string(), why);
  }
  // Persist the rename itself.
  if (const int dir_fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir_fd >= 0) {
    ::fsync(dir_fd);
    ::close(dir_fd);
  }
  return {};
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
