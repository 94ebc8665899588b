// What a file holds, decided from its bytes (the name only breaks ties), except that a
// ".json" name is taken at its word: its reader says what is wrong with the bytes.
#pragma once

#include <string_view>

namespace crosscheck {

enum class FileFormat { kHtml, kText, kWarc, kJsonLines, kJson, kBinary };

// `bytes` is already decompressed; `name` may still end in ".gz". Binary means NUL bytes or mostly control characters.
FileFormat DetectFormat(std::string_view name, std::string_view bytes);

}  // namespace crosscheck
