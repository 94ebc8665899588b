// Quotes: direct quotes (“...”) with their speaker — named right after ("..., said X",
// "..., X said"), right before ("X said: “...”"), or by a pronoun that points back to the
// last person named — and reported speech ("X said that ...", "according to X, ...").
// Speech verbs are listed in data/en/speech_verbs.txt.
#pragma once

#include <string_view>
#include <vector>

#include "analyze/entities.h"
#include "core/fact.h"

namespace crosscheck {

std::vector<Quote> FindQuotes(std::string_view text, const std::vector<Span>& sentences, const EntityResult& entities);

}  // namespace crosscheck
