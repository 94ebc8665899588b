// Inconsistencies inside one report, measured against the report itself and against what
// the other sources agree on: a headline year that differs from the body's and the
// publication's; a season that does not fit the date ("winter approaches" in June); a
// relative date ("last Friday") that points elsewhere than where the event took place; a
// phrase repeated far more often than prose does (keyword stuffing).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/finding.h"
#include "reconcile/claims.h"

namespace crosscheck {

// `event_dates`: the agreed date (value YYYY-MM-DD, with the reports that give it) of each
// event id, where there is one.
std::vector<Finding> FindInconsistencies(const StoryView& story, const std::map<std::string, ClaimValue>& event_dates);

}  // namespace crosscheck
