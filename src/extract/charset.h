// Bytes of a page in whatever character set it uses -> UTF-8 (ICU converters).
// The declared charset wins (HTTP header, then <meta>); undeclared bytes that are not valid
// UTF-8 go through ICU's charset detector. ISO-8859-1 is read as windows-1252, as browsers do.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace crosscheck {

// The charset a page declares in its first bytes (<meta charset> or http-equiv), lower case, or "".
std::string DeclaredHtmlCharset(std::string_view html);

// True when `bytes` are already valid UTF-8 and nothing declares otherwise: no copy needed.
bool IsUtf8Already(std::string_view bytes, std::string_view declared);

// Converts `bytes` to UTF-8. `declared` may be "". Fails only when nothing sensible can be done.
Result<std::string> HtmlToUtf8(std::string_view bytes, std::string_view declared);

}  // namespace crosscheck
