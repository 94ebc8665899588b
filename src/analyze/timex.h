// Time expressions in news text, found and resolved the way TimeML (TempEval-3) does.
// Absolute dates and times, partial and fuzzy dates (mid-May, early December, this week),
// relative expressions (last Friday, yesterday, three years ago), durations (just over an
// hour, two decades) and sets (every week). Each is resolved against `reference`, the
// article's publication time; when that is unknown, against the latest absolute date the
// text itself states (anchor "text"), else left unresolved (anchor "none").
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/civil_time.h"
#include "core/fact.h"

namespace crosscheck {

std::vector<TimeExpression> FindTimeExpressions(std::string_view text, const std::optional<CivilTime>& reference);

}  // namespace crosscheck
