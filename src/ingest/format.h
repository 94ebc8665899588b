// What a file holds, decided from its bytes (the name only breaks ties).
#pragma once

#include <string_view>

namespace crosscheck {

enum class FileFormat { kHtml, kText, kWarc, kJsonLines, kBinary };

// `bytes` is already decompressed. Binary means NUL bytes or mostly control characters.
FileFormat DetectFormat(std::string_view name, std::string_view bytes);

}  // namespace crosscheck
