// Lossless JSON form of ArticleFacts, for the store (src/store/store.h): every field of every
// fact survives ArticleFactsToJson -> ArticleFactsFromJson exactly, including infinite
// quantity bounds ("over 1,000" has high = +inf, which plain JSON cannot hold) and float
// confidences. This is a storage format, not the report contract (report/facts_json.h): keys
// are short, spans are [begin, end] pairs, and ArticleFactsFromJson accepts only what
// ArticleFactsToJson writes (format version "v": 1).
#pragma once

#include <nlohmann/json.hpp>

#include "analyze/analyze.h"
#include "core/status.h"

namespace crosscheck {

// The facts as stored. Never throws.
nlohmann::json ArticleFactsToJson(const ArticleFacts& facts);

// Facts from ArticleFactsToJson output; an error (never an exception) when `j` is not such a
// value (wrong version, missing key, wrong type).
Result<ArticleFacts> ArticleFactsFromJson(const nlohmann::json& j);

}  // namespace crosscheck
