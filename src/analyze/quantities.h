// Quantities: numbers in digits and words ("117", "1,000", "6.3 million", "34%", "four",
// "dozens") with their qualifier ("about", "over", "at least", "nearly", "each") and the
// thing counted ("drones", "detainees", "Ukrainian territory"). Years, clock times, dates,
// ordinals and model numbers are not quantities; spans already taken by time expressions
// are skipped.
#pragma once

#include <string_view>
#include <vector>

#include "core/fact.h"

namespace crosscheck {

std::vector<Quantity> FindQuantities(std::string_view text, const std::vector<Span>& sentences,
                                     const std::vector<Span>& taken);

// Singular lower-case form of an English noun ("detainees" -> "detainee", "cities" -> "city").
std::string Singular(std::string_view word);

}  // namespace crosscheck
