// Count roles: what a number in a sentence counts, told by the cue words around it
// ("38 people were killed", "the death toll rose to 38", "killing 38" are all the death toll;
// "sentenced him to six years in prison" is a prison sentence). Claims about the same role of
// the same happening are compared whatever noun the count uses; the cues live in
// data/en/count_roles.txt.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/fact.h"

namespace crosscheck {

struct CountRole {
  std::string role;     // "death toll", "prison sentence"; empty when no cue is near
  bool grows = false;   // rises as a story goes on
  bool per_person = false;  // about one named person
  bool time = false;    // a length of time (a prison term); other roles are counts or amounts
  bool noun = false;    // the cue is the counted noun itself ("200 protesters")
};

// The role of the number at `span` in `text`. `sentence` is the span of its sentence and
// `others` the spans of the sentence's other numbers: a cue belongs to the nearest number,
// and one past another number or a clause break is not this number's. Durations take only
// roles of time, other numbers only roles of counts.
CountRole RoleOfNumber(std::string_view text, Span sentence, Span span, const std::vector<Span>& others,
                       bool duration = false);

// Whether a word before a number makes it a part or an increment of a count ("another 12",
// "the final three", "the other five"), not the count itself.
bool IsPartWord(std::string_view word);

// Whether a counted noun says only "people" ("38 people", "12 men"): such counts compare with
// any other of their role; "fishermen" against "pirogues" do not.
bool IsGenericHead(std::string_view head);

// Whether `noun` (singular, lower case) is a unit of measure or money.
bool IsUnitNoun(std::string_view noun);

}  // namespace crosscheck
