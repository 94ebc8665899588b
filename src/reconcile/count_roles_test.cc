#include "reconcile/count_roles.h"

#include <gtest/gtest.h>

namespace crosscheck {
namespace {

// The role of the first occurrence of `number` in `sentence`; `others` are further numbers.
CountRole RoleIn(const std::string& sentence, const std::string& number, std::vector<std::string> others = {},
                 bool duration = false) {
  Span whole{0, static_cast<uint32_t>(sentence.size())};
  auto at = static_cast<uint32_t>(sentence.find(number));
  Span span{at, at + static_cast<uint32_t>(number.size())};
  std::vector<Span> spans{span};
  for (const auto& o : others) {
    auto p = static_cast<uint32_t>(sentence.find(o));
    spans.push_back({p, p + static_cast<uint32_t>(o.size())});
  }
  return RoleOfNumber(sentence, whole, span, spans, duration);
}

TEST(CountRoles, DifferentWordingsOfOneTollMeet) {
  EXPECT_EQ(RoleIn("At least 38 people were killed when the ferry overturned.", "At least 38").role, "death toll");
  EXPECT_EQ(RoleIn("The death toll rose to 43 on Sunday.", "43").role, "death toll");
  EXPECT_EQ(RoleIn("The blast tore through the plant, killing 17 workers.", "17").role, "death toll");
  EXPECT_TRUE(RoleIn("The death toll rose to 43 on Sunday.", "43").grows);
}

TEST(CountRoles, EachNumberKeepsItsOwnCue) {
  std::string s = "Officials said 38 people died and 157 were rescued from the water.";
  EXPECT_EQ(RoleIn(s, "38", {"157"}).role, "death toll");
  EXPECT_EQ(RoleIn(s, "157", {"38"}).role, "number rescued");
}

TEST(CountRoles, AGappedNumberSharesTheVerb) {
  std::string s = "Guyana released 11 Venezuelans and Venezuela seven Guyanese in the exchange.";
  EXPECT_EQ(RoleIn(s, "seven", {"11"}).role, "number released");
}

TEST(CountRoles, SentencesAreAboutOnePerson) {
  CountRole r = RoleIn("A court sentenced the former chief executive, Jan Kowal, to six years in prison on Tuesday.",
                       "six years", {}, /*duration=*/true);
  EXPECT_EQ(r.role, "prison sentence");
  EXPECT_TRUE(r.per_person);
  EXPECT_EQ(RoleIn("The company paid bribes worth 3.4 million zlotys.", "3.4 million").role, "bribes");
  // A count is not a term: "six years" of a career is no prison sentence, "bribes" no length of time.
  EXPECT_EQ(RoleIn("Jan Kowal, who ran the yard for seven years, was jailed on Tuesday.", "seven years", {}, true).role, "");
  // The unit between cue and number does not push the cue away.
  EXPECT_EQ(RoleIn("He got a fine of PLN 1.2m for taking bribes worth 4.3 million zlotys.", "1.2m", {"4.3 million"}).role,
            "fine");
}

TEST(CountRoles, SomeCuesOnlyAsTheCountedNoun) {
  EXPECT_EQ(RoleIn("They will share the 40 million euro cost of the study.", "40 million").role, "budget");
  EXPECT_EQ(RoleIn("The strike could cost up to 300 jobs.", "up to 300").role, "");
  EXPECT_TRUE(RoleIn("Thousands of protesters packed the streets.", "Thousands").noun);
}

TEST(CountRoles, AWeakCueYieldsToASpecificOne) {
  std::string s = "Agbenyo polled 24,418 votes, finishing with a margin of 351 votes.";
  EXPECT_EQ(RoleIn(s, "351", {"24,418"}).role, "margin");
  EXPECT_EQ(RoleIn("Agbenyo won the by-election by 351 votes.", "351").role, "margin");
  EXPECT_EQ(RoleIn(s, "24,418", {"351"}).role, "votes");
}

TEST(CountRoles, AConjunctionStartsAnotherCount) {
  std::string s = "At least seven people have been killed and more than 50 taken to hospital.";
  EXPECT_EQ(RoleIn(s, "At least seven", {"more than 50"}).role, "death toll");
  EXPECT_EQ(RoleIn(s, "more than 50", {"At least seven"}).role, "");
  EXPECT_EQ(RoleIn("The tram overturned, trapping five people and injuring 40.", "five", {"40"}).role, "");
}

TEST(CountRoles, ACueBelongsToTheNearerNumber) {
  std::string s = "Police name three victims of the tram crash that killed seven.";
  EXPECT_EQ(RoleIn(s, "three", {"seven"}).role, "");
  EXPECT_EQ(RoleIn(s, "seven", {"three"}).role, "death toll");
  EXPECT_TRUE(IsPartWord("final"));
}

TEST(CountRoles, AnAdjectiveCueYieldsToTheVerb) {
  EXPECT_EQ(RoleIn("The toll rose after three injured workers died in hospital.", "three").role, "death toll");
  EXPECT_EQ(RoleIn("Officials said 200 injured people were taken to hospital.", "200").role, "number injured");
}

TEST(CountRoles, NoCueNoRole) {
  EXPECT_EQ(RoleIn("The 30 miners, whose names were not released, were flown home.", "30").role, "");
  EXPECT_EQ(RoleIn("The port handled 14,000 containers in March.", "14,000").role, "");
  // A cue past a clause break belongs to the other clause.
  EXPECT_EQ(RoleIn("The ferry had 212 seats; nobody was killed.", "212").role, "seats");
  EXPECT_EQ(RoleIn("Crews unloaded 300 crates — two workers were hurt.", "300").role, "");
}

TEST(CountRoles, UnitsAreKnown) {
  EXPECT_TRUE(IsUnitNoun("euro"));
  EXPECT_TRUE(IsUnitNoun("zloty"));
  EXPECT_FALSE(IsUnitNoun("fisherman"));
}

}  // namespace
}  // namespace crosscheck
