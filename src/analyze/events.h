// Event mentions: sentences that report a happening (talks, strike, attack, exchange,
// disaster, vote ...; data/en/event_triggers.txt) with what the same sentence gives about it:
// its round ("second round"), times, venue (a capitalised name ending in a venue word of
// data/en/venue_cues.txt), places, participants, quantities and outcome.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "analyze/entities.h"
#include "core/fact.h"

namespace crosscheck {

// Whether a time bounds a happening rather than dates it: "since January", "until Friday",
// "before", "after", "by" — the words right before it say so.
bool IsBoundaryTime(std::string_view text, const TimeExpression& time);

// Every trigger phrase in a sentence, repeats included ("the attack ... airstrikes last week").
struct TriggerSpan {
  Span span;
  std::string kind;
};
std::vector<TriggerSpan> TriggerSpans(std::string_view text, Span sentence);

std::vector<EventMention> FindEvents(std::string_view text, const std::vector<Span>& sentences,
                                     const EntityResult& entities, const std::vector<TimeExpression>& times,
                                     const std::vector<Quantity>& quantities);

}  // namespace crosscheck
