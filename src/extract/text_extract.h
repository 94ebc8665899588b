// Article from text that a scraper dumped from a web page, boilerplate and all.
// Each line is classified as body or furniture with the cues of data/extract/text_lines.txt
// and by its shape (words, sentence punctuation, repetition); the body is the densest run of
// prose lines between furniture, kept in order. Title, author, date and outlet come from what
// the text itself states ("Title:", "By ...", "Last updated: ...", "© 2026 Outlet").
#pragma once

#include <string_view>

#include "core/article.h"

namespace crosscheck {

// Fills title, author, published, outlet, text and boilerplate_chars of `article`.
void ExtractFromText(std::string_view text, Article* article);

}  // namespace crosscheck
