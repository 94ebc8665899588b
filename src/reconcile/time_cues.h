// Time cues: where a time expression or a number sits against the words around it, so a
// claim goes to the happening it belongs to. "resumed the search on Sunday after the ferry
// capsized" dates the search; "officials said on Tuesday" dates the saying; "BERGEN, Norway,
// July 7 (CPS) —" is filing data. All offsets are byte offsets into the article text.
#pragma once

#include <cstdint>
#include <string>

#include "core/fact.h"

namespace crosscheck {

// The word right before / after byte `at`, lower case ("" at the text's edge).
std::string WordBefore(const std::string& text, uint32_t at);
std::string WordAfter(const std::string& text, uint32_t at);

// Whether a time and an event trigger sit in different clauses ("on Sunday after the ferry
// capsized"); the time's own preposition ("shortly after 6 a.m.") joins nothing.
bool ClauseBetween(const std::string& text, Span time, Span trigger);

// "BERGEN, Norway, July 7 (CPS) — ...": the dateline's city as the body would write it
// ("Bergen"), and the byte after its dash; "" and 0 when the text opens with no dateline.
std::string DatelineCity(const std::string& text);
uint32_t DatelineEnd(const std::string& text);

// "..., officials said on Tuesday evening": a time that dates the saying, not the happening.
bool DatesTheSaying(const std::string& text, Span time);

// The minutes of the day a TimeML value allows ("...T06:10" -> 370..370, "...TMO" -> 300..720).
bool MinutesOfDay(const std::string& value, double* from, double* to);

// A time right against a trigger ("Tuesday's talks", "talks on Tuesday").
bool Beside(Span time, Span trigger);
// A time after a trigger and its place phrase ("a meeting in Bergen on Tuesday").
bool AfterPlacePhrase(const std::string& text, Span time, Span trigger);
// A trigger inside a phrase of another clause ("from the capsizing", "during the stoppage").
bool EmbeddedTrigger(const std::string& text, Span trigger);

}  // namespace crosscheck
