#include "analyze/tokens.h"

#include <algorithm>

#include "core/text.h"

namespace crosscheck {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Length of a multi-byte punctuation sign at s[i] (curly quotes, dashes, ellipsis, NBSP), else 0.
size_t UnicodePunct(std::string_view s, size_t i) {
  if (i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xE2 && static_cast<unsigned char>(s[i + 1]) == 0x80) {
    unsigned char c = static_cast<unsigned char>(s[i + 2]);
    if ((c >= 0x90 && c <= 0x9F) || c == 0xA6 || c == 0xB9 || c == 0xBA) return 3;  // dashes, quotes, ellipsis
  }
  if (i + 1 < s.size() && static_cast<unsigned char>(s[i]) == 0xC2) {
    unsigned char c = static_cast<unsigned char>(s[i + 1]);
    if (c == 0xAB || c == 0xBB || c == 0xA0) return 2;  // « » NBSP
  }
  return 0;
}

bool IsLetterAt(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  return IsAsciiLetter(s[i]) || (c >= 0x80 && UnicodePunct(s, i) == 0);
}

}  // namespace

std::vector<Token> Tokenize(std::string_view s, uint32_t base) {
  std::vector<Token> out;
  out.reserve(s.size() / 5 + 1);  // English runs at about a token per five bytes
  size_t i = 0;
  auto push = [&](size_t b, size_t e, TokenKind k) {
    std::string_view t = s.substr(b, e - b);
    Token& token = out.emplace_back(Token{{static_cast<uint32_t>(base + b), static_cast<uint32_t>(base + e)}, k, t, std::string(t)});
    for (char& c : token.lower)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  };
  while (i < s.size()) {
    char c = s[i];
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') { ++i; continue; }
    if (size_t n = UnicodePunct(s, i)) {
      if (n == 2 && static_cast<unsigned char>(s[i + 1]) == 0xA0) { i += 2; continue; }  // NBSP is space
      push(i, i + n, TokenKind::kPunct);
      i += n;
      continue;
    }
    if (IsDigit(c)) {
      size_t j = i;
      while (j < s.size() && (IsDigit(s[j]) || ((s[j] == ',' || s[j] == '.') && j + 1 < s.size() && IsDigit(s[j + 1])))) ++j;
      push(i, j, TokenKind::kNumber);
      i = j;
      continue;
    }
    if (IsLetterAt(s, i)) {
      size_t j = i;
      while (j < s.size()) {
        if (IsLetterAt(s, j) || IsDigit(s[j])) { ++j; continue; }
        // Inner apostrophe, hyphen or period followed by a letter: "O'Neill", "al-Sisi", "U.S."
        bool inner = (s[j] == '\'' || s[j] == '-' || s[j] == '.') && j + 1 < s.size() && IsLetterAt(s, j + 1);
        bool curly = j + 3 < s.size() && s.substr(j, 3) == "\xE2\x80\x99" && IsLetterAt(s, j + 3);
        if (inner && s[j] == '.' && !(j >= 1 && j - i == 1)) inner = false;  // periods only in initials like U.S.
        if (inner) { j += 1; continue; }
        if (curly) { j += 3; continue; }
        break;
      }
      // "U.S." keeps its final period.
      if (j < s.size() && s[j] == '.' && j >= i + 2 && s[j - 2] == '.') ++j;
      push(i, j, TokenKind::kWord);
      i = j;
      continue;
    }
    push(i, i + 1, TokenKind::kPunct);
    ++i;
  }
  return out;
}

const std::vector<Token>& SharedTokens(std::string_view text) {
  thread_local std::string last_text;
  thread_local std::vector<Token> tokens;
  if (text.size() != last_text.size() || text != last_text) {
    last_text.assign(text);
    tokens = Tokenize(last_text);  // views into our own copy, valid while it is
  }
  return tokens;
}

std::pair<size_t, size_t> TokensIn(const std::vector<Token>& tokens, Span span) {
  auto first = std::lower_bound(tokens.begin(), tokens.end(), span.begin,
                                [](const Token& t, uint32_t offset) { return t.span.begin < offset; });
  auto last = std::lower_bound(first, tokens.end(), span.end,
                               [](const Token& t, uint32_t offset) { return t.span.begin < offset; });
  return {static_cast<size_t>(first - tokens.begin()), static_cast<size_t>(last - tokens.begin())};
}

bool IsOpeningQuote(std::string_view t) { return t == "\xE2\x80\x9C" || t == "\"" || t == "\xC2\xAB"; }
bool IsClosingQuote(std::string_view t) { return t == "\xE2\x80\x9D" || t == "\"" || t == "\xC2\xBB"; }

}  // namespace crosscheck
