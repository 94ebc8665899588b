// An article's facts as JSON (one line per article in `crosscheck facts`): every fact with
// its type, its span in `text`, the sentence it came from, and the words themselves.
#pragma once

#include <nlohmann/json.hpp>

#include "analyze/analyze.h"
#include "core/article.h"

namespace crosscheck {

nlohmann::json FactsToJson(const Article& article, const ArticleFacts& facts);

const char* EntityKindName(EntityKind kind);
const char* TimeTypeName(TimeType type);

}  // namespace crosscheck
