#include "core/text.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

namespace crosscheck {

bool IsValidUtf8(std::string_view s) { return Utf8ErrorOffset(s) == std::string_view::npos; }

size_t Utf8ErrorOffset(std::string_view s) {
  const auto* begin = reinterpret_cast<const unsigned char*>(s.data());
  const auto* p = begin;
  const size_t kValid = std::string_view::npos;
  const auto* end = p + s.size();
  while (p < end) {
    // ASCII fast path: eight bytes at a time.
    while (end - p >= 8) {
      uint64_t word;
      std::memcpy(&word, p, 8);
      if (word & 0x8080808080808080ull) break;
      p += 8;
    }
    if (p >= end) break;
    unsigned char c = *p;
    if (c < 0x80) { ++p; continue; }
    int n;
    uint32_t cp;
    if ((c & 0xE0) == 0xC0) { n = 1; cp = c & 0x1F; if (c < 0xC2) return static_cast<size_t>(p - begin); }
    else if ((c & 0xF0) == 0xE0) { n = 2; cp = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { n = 3; cp = c & 0x07; if (c > 0xF4) return static_cast<size_t>(p - begin); }
    else return static_cast<size_t>(p - begin);
    if (end - p <= n) return static_cast<size_t>(p - begin);
    for (int i = 1; i <= n; ++i) {
      if ((p[i] & 0xC0) != 0x80) return static_cast<size_t>(p - begin);
      cp = (cp << 6) | (p[i] & 0x3F);
    }
    if ((n == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
      return static_cast<size_t>(p - begin);
    p += n + 1;
  }
  return kValid;
}

// Length of a white-space sequence starting at s[i] (0 if none): ASCII space/control
// and the UTF-8 forms of NBSP, en/em/thin spaces, zero-width space, BOM.
static size_t SpaceAt(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
  if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) return 2;
  if (c == 0xE2 && i + 2 < s.size()) {
    unsigned char c1 = static_cast<unsigned char>(s[i + 1]), c2 = static_cast<unsigned char>(s[i + 2]);
    if (c1 == 0x80 && ((c2 >= 0x80 && c2 <= 0x8B) || c2 == 0xAF)) return 3;  // U+2000..200B, 202F
    if (c1 == 0x81 && c2 == 0x9F) return 3;                                    // U+205F
  }
  if (c == 0xE3 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
      static_cast<unsigned char>(s[i + 2]) == 0x80) return 3;  // U+3000
  if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBB &&
      static_cast<unsigned char>(s[i + 2]) == 0xBF) return 3;  // BOM
  return 0;
}

// Bytes that can start a white-space sequence for SpaceAt: ASCII space and control, and the
// lead bytes of the multi-byte spaces. Every other byte is copied without a closer look.
static constexpr bool MaySpace(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xC2 || c == 0xE2 ||
         c == 0xE3 || c == 0xEF;
}

std::string CollapseSpace(std::string_view s) {
  // Output never outgrows the input (a run of white space becomes at most one byte), so it
  // is written through a pointer into a buffer sized once.
  std::string out(s.size(), '\0');
  char* o = out.data();
  size_t n = 0;
  bool pending = false;
  for (size_t i = 0; i < s.size();) {
    size_t plain = i;
    while (plain < s.size()) {
      if (!MaySpace(static_cast<unsigned char>(s[plain]))) {
        ++plain;
        continue;
      }
      // A lone space inside the run is copied as it is: it is what collapsing would write there.
      if (s[plain] == ' ' && plain > i && plain + 1 < s.size() && !MaySpace(static_cast<unsigned char>(s[plain + 1]))) {
        plain += 2;
        continue;
      }
      break;
    }
    size_t space = plain < s.size() ? SpaceAt(s, plain) : 0;
    size_t end = space ? plain : std::min(plain + 1, s.size());  // a lead byte that is no space is text
    if (end > i) {
      if (pending && n > 0) o[n++] = ' ';
      pending = false;
      std::memcpy(o + n, s.data() + i, end - i);
      n += end - i;
    }
    if (space) pending = true;
    i = end + space;
  }
  out.resize(n);
  return out;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && SpaceAt(s, 0)) s.remove_prefix(SpaceAt(s, 0));
  while (!s.empty()) {
    unsigned char c = static_cast<unsigned char>(s.back());
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') { s.remove_suffix(1); continue; }
    if (s.size() >= 2 && c == 0xA0 && static_cast<unsigned char>(s[s.size() - 2]) == 0xC2) { s.remove_suffix(2); continue; }
    break;
  }
  return s;
}

static char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool IEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (Lower(a[i]) != Lower(b[i])) return false;
  return true;
}

bool IContains(std::string_view haystack, std::string_view needle) {
  if (needle.empty()) return true;
  if (needle.size() > haystack.size()) return false;
  const char first = Lower(needle[0]);  // cheap filter before the full comparison
  for (size_t i = 0; i + needle.size() <= haystack.size(); ++i)
    if (Lower(haystack[i]) == first && IEquals(haystack.substr(i, needle.size()), needle)) return true;
  return false;
}

size_t CodePointCount(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// Letters, digits and every non-ASCII byte, as a table: WordCount runs over every line.
static constexpr std::array<bool, 256> kWordByte = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c) t[c] = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
  return t;
}();
static bool IsWordByte(unsigned char c) { return kWordByte[c]; }

size_t WordCount(std::string_view s, size_t stop_at) {
  size_t n = 0;
  bool in = false;
  for (size_t i = 0; i < s.size() && n < stop_at; ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    // Chinese and Japanese write without spaces: each character (U+3000..U+9FFF, a three-byte
    // sequence led by E3..E9) counts as a word of its own.
    if (c >= 0xE3 && c <= 0xE9 && i + 2 < s.size()) {
      ++n;
      in = false;
      i += 2;
      continue;
    }
    bool w = IsWordByte(c);
    if (w && !in) ++n;
    in = w;
  }
  return n;
}

std::vector<std::string_view> SplitLines(std::string_view s) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == '\n') {
      std::string_view line = s.substr(start, i - start);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (i < s.size() || !line.empty()) lines.push_back(line);
      start = i + 1;
    }
  }
  return lines;
}

std::vector<std::string> SplitWords(std::string_view s, char separator) {
  std::vector<std::string> out;
  size_t p = 0;
  while (p < s.size()) {
    size_t e = s.find(separator, p);
    if (e == std::string_view::npos) e = s.size();
    if (e > p) out.emplace_back(s.substr(p, e - p));
    p = e + 1;
  }
  return out;
}

}  // namespace crosscheck
