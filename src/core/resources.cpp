#include "evgraph/resources.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

namespace evgraph {

namespace fs = std::filesystem;

const Resources& Resources::builtin() {
  static const Resources instance;
  return instance;
}

Resources Resources::with_override(fs::path dir) {
  Resources r;
  r.override_dir_ = std::move(dir);
  return r;
}

std::optional<std::string> Resources::read(std::string_view relative_path) const {
  if (override_dir_) {
    std::ifstream in(*override_dir_ / fs::path(std::string(relative_path)), std::ios::binary);
    if (in) {
      std::ostringstream buffer;
      buffer << in.rdbuf();
      return buffer.str();
    }
  }
  for (const detail::EmbeddedResource* r = detail::kEmbeddedResources; r->path; ++r)
    if (relative_path == r->path) return std::string(r->data, r->size);
  return std::nullopt;
}

std::vector<std::string> Resources::list(std::string_view folder) const {
  std::set<std::string> names;
  for (const detail::EmbeddedResource* r = detail::kEmbeddedResources; r->path; ++r)
    if (std::string_view(r->path).starts_with(folder)) names.insert(r->path);
  if (override_dir_) {
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(*override_dir_, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
      if (!it->is_regular_file()) continue;
      std::string rel = fs::relative(it->path(), *override_dir_).generic_string();
      if (std::string_view(rel).starts_with(folder)) names.insert(rel);
    }
  }
  return {names.begin(), names.end()};
}

std::string Resources::origin(std::string_view relative_path) const {
  if (override_dir_) {
    fs::path p = *override_dir_ / fs::path(std::string(relative_path));
    if (fs::exists(p)) return p.string();
  }
  return "<builtin>/" + std::string(relative_path);
}

std::vector<ResourceLine> resource_lines(std::string_view content) {
  std::vector<ResourceLine> lines;
  int number = 0;
  std::size_t pos = 0;
  while (pos <= content.size()) {
    std::size_t end = content.find('\n', pos);
    if (end == std::string_view::npos) end = content.size();
    ++number;
    std::string_view line = content.substr(pos, end - pos);
    // '#' starts a comment at the start of a line or after whitespace, so patterns may still contain it.
    for (std::size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '#' && (i == 0 || std::isspace(static_cast<unsigned char>(line[i - 1])))) {
        line = line.substr(0, i);
        break;
      }
    }
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.front()))) line.remove_prefix(1);
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.remove_suffix(1);
    if (!line.empty()) lines.push_back({number, std::string(line)});
    if (end == content.size()) break;
    pos = end + 1;
  }
  return lines;
}

}  // namespace evgraph
