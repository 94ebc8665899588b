#include "analyze/sentences.h"

#include <unicode/brkiter.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <memory>
#include <string>
#include <unordered_set>

#include "core/data.h"
#include "core/text.h"

namespace crosscheck {
namespace {

const std::unordered_set<std::string>& Abbreviations() {
  static const auto* set = [] {
    auto* s = new std::unordered_set<std::string>;
    for (std::string_view line : DataLines("en/abbreviations.txt")) s->emplace(line);
    return s;
  }();
  return *set;
}

// The word before a full stop at byte `dot`, lower case, without the stop.
std::string WordBefore(std::string_view text, size_t dot) {
  size_t b = dot;
  while (b > 0 && text[b - 1] != ' ' && text[b - 1] != '\n' && text[b - 1] != '(' && text[b - 1] != '"') --b;
  return AsciiLower(text.substr(b, dot - b));
}

// True when a break right after `end` (exclusive) should be undone.
bool SuppressBreak(std::string_view text, size_t end) {
  size_t p = end;
  while (p > 0 && (text[p - 1] == ' ' || text[p - 1] == '\n')) --p;
  if (p == 0 || text[p - 1] != '.') return false;
  if (text.substr(p, end - p).find('\n') != std::string_view::npos) return false;  // paragraph break
  std::string word = WordBefore(text, p - 1);
  if (word.empty()) return false;
  if (Abbreviations().count(word)) {
    // "a.m." / "p.m." end a sentence when a capitalised non-name word follows is rare in news;
    // keep them joined unless the next word starts a quote.
    return end < text.size() && text[end] != '"';
  }
  // A single capital initial ("John F. Kennedy").
  return word.size() == 1 && word[0] >= 'a' && word[0] <= 'z';
}

std::vector<Span> SplitParagraph(std::string_view text, size_t base, icu::BreakIterator* it) {
  std::vector<Span> out;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  it->setText(u);
  // Map UTF-16 offsets back to UTF-8 bytes as we go.
  int32_t prev16 = 0;
  size_t prev8 = 0;
  auto to8 = [&](int32_t pos16) {
    size_t bytes = prev8;
    for (int32_t i = prev16; i < pos16; ++i) {
      UChar c = u.charAt(i);
      if (U16_IS_LEAD(c)) { bytes += 4; ++i; }
      else if (c < 0x80) bytes += 1;
      else if (c < 0x800) bytes += 2;
      else bytes += 3;
    }
    prev16 = pos16;
    prev8 = bytes;
    return bytes;
  };
  size_t start = 0;
  for (int32_t b = it->next(); b != icu::BreakIterator::DONE; b = it->next()) {
    size_t end = to8(b);
    if (end < text.size() && SuppressBreak(text, end)) continue;
    std::string_view s = text.substr(start, end - start);
    size_t lead = 0;
    while (lead < s.size() && (s[lead] == ' ' || s[lead] == '\n')) ++lead;
    size_t trail = s.size();
    while (trail > lead && (s[trail - 1] == ' ' || s[trail - 1] == '\n')) --trail;
    if (trail > lead) out.push_back({static_cast<uint32_t>(base + start + lead), static_cast<uint32_t>(base + start + trail)});
    start = end;
  }
  return out;
}

}  // namespace

std::vector<Span> SplitSentences(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  static thread_local std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createSentenceInstance(icu::Locale("en_US@ss=standard"), status));
  std::vector<Span> out;
  if (!it) return out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t next = text.find("\n\n", pos);
    if (next == std::string_view::npos) next = text.size();
    auto part = SplitParagraph(text.substr(pos, next - pos), pos, it.get());
    out.insert(out.end(), part.begin(), part.end());
    pos = next + 2;
  }
  return out;
}

int SentenceAt(const std::vector<Span>& sentences, uint32_t offset) {
  auto it = std::upper_bound(sentences.begin(), sentences.end(), offset,
                             [](uint32_t o, const Span& s) { return o < s.begin; });
  if (it == sentences.begin()) return -1;
  return static_cast<int>(it - sentences.begin()) - 1;  // between sentences: the one before
}

}  // namespace crosscheck
