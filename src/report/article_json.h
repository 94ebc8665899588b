// Articles as JSON (the `articles` part of the report contract) and as a readable listing.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "core/article.h"

namespace crosscheck {

nlohmann::json ArticleToJson(const Article& a);
std::string ArticleToText(const Article& a);

}  // namespace crosscheck
