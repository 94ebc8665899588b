// Tokens of English news text with byte spans: words (letters, with inner apostrophes,
// hyphens and periods as in "U.S." or "Ould-Ebbaty"), numbers ("1,000", "6.3", "34%"
// gives "34" and "%"), and punctuation, curly quotes and dashes one token each.
#pragma once

#include <string_view>
#include <vector>

#include "core/fact.h"

namespace crosscheck {

enum class TokenKind { kWord, kNumber, kPunct };

struct Token {
  Span span;
  TokenKind kind;
  std::string_view text;
};

std::vector<Token> Tokenize(std::string_view text, uint32_t base = 0);

// Curly and straight quotes, for quote finding.
bool IsOpeningQuote(std::string_view t);
bool IsClosingQuote(std::string_view t);

}  // namespace crosscheck
