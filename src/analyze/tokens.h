// Tokens of English news text with byte spans: words (letters, with inner apostrophes,
// hyphens and periods as in "U.S." or "Ould-Ebbaty"), numbers ("1,000", "6.3", "34%"
// gives "34" and "%"), and punctuation, curly quotes and dashes one token each.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/fact.h"

namespace crosscheck {

enum class TokenKind { kWord, kNumber, kPunct };

struct Token {
  Span span;
  TokenKind kind;
  std::string_view text;
  std::string lower;  // ASCII lower case of text, made once for the lexicon lookups of every stage
};

std::vector<Token> Tokenize(std::string_view text, uint32_t base = 0);

// The tokens of a whole text, kept for the last text this thread tokenised this way, so the
// stages of one article's analysis tokenise it once. Valid until the next call on this thread.
const std::vector<Token>& SharedTokens(std::string_view text);

// The tokens that lie inside `span` (a sentence), as [first, last) indexes into `tokens`.
std::pair<size_t, size_t> TokensIn(const std::vector<Token>& tokens, Span span);

// Curly and straight quotes, for quote finding.
bool IsOpeningQuote(std::string_view t);
bool IsClosingQuote(std::string_view t);

}  // namespace crosscheck
