// JSON form of a Grouping (contract in grouping_json.h).
#include "group/grouping_json.h"

#include <cmath>

namespace crosscheck {

nlohmann::json GroupingToJson(const Grouping& grouping) {
  nlohmann::json out;
  out["copies"] = nlohmann::json::array();
  for (const CopyPair& pair : grouping.copies) {
    // Three decimals: the estimate is only good to about 1/sqrt(128) anyway.
    out["copies"].push_back(
        {{"original", pair.original}, {"copy", pair.copy}, {"jaccard", std::round(pair.jaccard * 1000) / 1000}});
  }
  out["copy_groups"] = grouping.copy_groups;
  out["stories"] = nlohmann::json::array();
  for (const Story& story : grouping.stories) {
    nlohmann::json events = nlohmann::json::array();
    for (const StoryEvent& event : story.events) {
      events.push_back({{"id", event.id},
                        {"date", event.date},
                        {"place", event.place},
                        {"participants", event.participants},
                        {"articles", event.articles},
                        {"primary_articles", event.primary_articles}});
    }
    out["stories"].push_back({{"id", story.id}, {"articles", story.articles}, {"events", std::move(events)}});
  }
  return out;
}

}  // namespace crosscheck
