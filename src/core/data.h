// Language knowledge shipped inside the binary: every file under data/ is embedded at build time.
// Files are plain UTF-8 text; '#' starts a comment line. Lookups are by path relative to data/.
#pragma once

#include <string_view>
#include <vector>

namespace crosscheck {
namespace data_internal {
struct Entry {
  const char* name;
  const char* begin;
  const char* end;
};
extern const Entry kEntries[];
extern const int kEntryCount;
}  // namespace data_internal

// The whole file, or an empty view when there is no such file.
std::string_view DataFile(std::string_view name);

// The file's non-empty lines with comments ('#' at line start) and surrounding spaces removed.
std::vector<std::string_view> DataLines(std::string_view name);

}  // namespace crosscheck
