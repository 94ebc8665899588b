#include "core/data.h"

namespace crosscheck {

std::string_view DataFile(std::string_view name) {
  for (int i = 0; i < data_internal::kEntryCount; ++i) {
    const auto& e = data_internal::kEntries[i];
    if (name == e.name) return std::string_view(e.begin, static_cast<size_t>(e.end - e.begin));
  }
  return {};
}

std::vector<std::string_view> DataLines(std::string_view name) {
  std::vector<std::string_view> lines;
  std::string_view file = DataFile(name);
  while (!file.empty()) {
    size_t nl = file.find('\n');
    std::string_view line = file.substr(0, nl);
    file = nl == std::string_view::npos ? std::string_view() : file.substr(nl + 1);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (line.empty() || line.front() == '#') continue;
    lines.push_back(line);
  }
  return lines;
}

}  // namespace crosscheck
