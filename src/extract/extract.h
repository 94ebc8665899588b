// Stage 2 door: a Document (raw HTML or scraped text) -> a clean Article.
// Fails with a one-line reason when the bytes hold no article: a section front, an error
// page, an empty page, or text that is not valid UTF-8.
// Metadata the Document states (doc.stated: a JSON record's title, author, outlet, published,
// language) wins over what extraction finds in the bytes; a stated publication date goes
// through ParseDateTime like every other, and one it cannot read is ignored.
#pragma once

#include "core/article.h"
#include "core/status.h"
#include "ingest/document.h"

namespace crosscheck {

Result<Article> ExtractArticle(const Document& doc);

// Two-letter language code of a text ("" when unsure), with CLD2 on its first 600 bytes.
std::string DetectLanguage(std::string_view text);

}  // namespace crosscheck
