// Small UTF-8 text operations shared by the stages (no locale, no allocation surprises).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace crosscheck {

bool IsValidUtf8(std::string_view s);
// Byte offset of the first invalid UTF-8 sequence, or npos when the text is valid.
size_t Utf8ErrorOffset(std::string_view s);

// Collapses runs of white space (including no-break and zero-width spaces) to one ASCII space
// and trims both ends.
std::string CollapseSpace(std::string_view s);

// ASCII-only lower case; enough for tag names, cue words and hostnames.
std::string AsciiLower(std::string_view s);

// ASCII character classes, inline: <cctype>'s are calls into libc, made per byte in hot loops.
// Bytes of multi-byte UTF-8 are in no class, as in the "C" locale.
inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool IsAsciiLowerCase(char c) { return c >= 'a' && c <= 'z'; }
inline bool IsAsciiAlpha(char c) { return IsAsciiUpper(c) || IsAsciiLowerCase(c); }
inline bool IsAsciiAlnum(char c) { return IsAsciiAlpha(c) || IsAsciiDigit(c); }
inline bool IsAsciiSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

std::string_view Trim(std::string_view s);
inline bool StartsWith(std::string_view s, std::string_view prefix) { return s.starts_with(prefix); }
inline bool EndsWith(std::string_view s, std::string_view suffix) { return s.ends_with(suffix); }
bool IContains(std::string_view haystack, std::string_view needle);  // ASCII case-insensitive
bool IEquals(std::string_view a, std::string_view b);                // ASCII case-insensitive

// Number of Unicode code points (not bytes) in valid UTF-8.
size_t CodePointCount(std::string_view s);

// Words: maximal runs of letters and digits (ASCII and any non-ASCII byte), for cheap counts.
// Stops counting at `stop_at` (a caller that only needs to know "at least so many").
size_t WordCount(std::string_view s, size_t stop_at = SIZE_MAX);

std::vector<std::string_view> SplitLines(std::string_view s);

// The non-empty pieces of `s` between `separator`s ("fisheries  minister" -> {"fisheries", "minister"}).
std::vector<std::string> SplitWords(std::string_view s, char separator = ' ');

}  // namespace crosscheck
