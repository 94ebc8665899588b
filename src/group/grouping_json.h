// JSON form of a Grouping (group.h), field names as in the structs:
//   {"copies":[{"original","copy","jaccard"}], "copy_groups":[[ids]],
//    "stories":[{"id","articles":[ids],"events":[{"id","date","place","participants",
//                "articles","primary_articles"}]}]}
#pragma once

#include <nlohmann/json.hpp>

#include "group/group.h"

namespace crosscheck {

nlohmann::json GroupingToJson(const Grouping& grouping);

}  // namespace crosscheck
