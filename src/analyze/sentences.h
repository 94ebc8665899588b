// Sentences of an article's text with ICU's sentence break rules (English, with the standard
// abbreviation suppressions), corrected with the titles and abbreviations of
// data/en/abbreviations.txt so that "Gen. Mark Reyes", "U.S. officials" and "10 a.m. local
// time" do not end a sentence. Paragraph breaks always end one.
#pragma once

#include <string_view>
#include <vector>

#include "core/fact.h"

namespace crosscheck {

std::vector<Span> SplitSentences(std::string_view text);

// Index of the sentence holding byte `offset`, or -1.
int SentenceAt(const std::vector<Span>& sentences, uint32_t offset);

}  // namespace crosscheck
