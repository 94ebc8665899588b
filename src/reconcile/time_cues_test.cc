#include "reconcile/time_cues.h"

#include <gtest/gtest.h>

namespace crosscheck {
namespace {

Span Find(const std::string& text, const std::string& part) {
  auto at = static_cast<uint32_t>(text.find(part));
  return {at, at + static_cast<uint32_t>(part.size())};
}

TEST(TimeCues, DatelinesAreFilingData) {
  std::string text = "BOA VISTA, Brazil, Aug 19 (CPS) \xE2\x80\x94 The two countries exchanged prisoners on Wednesday.";
  EXPECT_EQ(DatelineCity(text), "Boa Vista");
  EXPECT_GT(DatelineEnd(text), text.find("(CPS)"));  // the date and the agency are filing data
  EXPECT_LE(DatelineEnd(text), text.find("The two"));
  EXPECT_EQ(DatelineCity("The two countries met in Lisbon, officials said."), "");
}

TEST(TimeCues, ATimeInAnotherClauseDatesSomethingElse) {
  std::string text = "Rescue teams resumed the search on Sunday after the ferry capsized.";
  EXPECT_TRUE(ClauseBetween(text, Find(text, "Sunday"), Find(text, "capsized")));
  std::string own = "The ferry capsized shortly after 6 a.m. on Saturday.";
  EXPECT_FALSE(ClauseBetween(own, Find(own, "6 a.m."), Find(own, "capsized")));
}

TEST(TimeCues, TheSayingHasItsOwnTime) {
  std::string text = "Thirty people died in the blast, the governor said on Saturday evening.";
  EXPECT_TRUE(DatesTheSaying(text, Find(text, "Saturday evening")));
  EXPECT_FALSE(DatesTheSaying(text, Find(text, "blast")));
}

TEST(TimeCues, PartsOfTheDayAreRanges) {
  double from = 0, to = 0;
  ASSERT_TRUE(MinutesOfDay("2026-03-21T06:10", &from, &to));
  EXPECT_EQ(from, 370);
  ASSERT_TRUE(MinutesOfDay("2026-03-21TMO", &from, &to));
  EXPECT_LT(from, to);
  EXPECT_FALSE(MinutesOfDay("2026-03-21", &from, &to));
}

TEST(TimeCues, TriggersInsideAPhraseOfAnotherClause) {
  std::string text = "The death toll from the capsizing of the ferry rose to 43 on Sunday.";
  EXPECT_TRUE(EmbeddedTrigger(text, Find(text, "capsizing")));
  std::string meeting = "They signed it at a meeting in Bergen on Tuesday.";
  EXPECT_TRUE(AfterPlacePhrase(meeting, Find(meeting, "Tuesday"), Find(meeting, "meeting")));
  EXPECT_FALSE(Beside(Find(meeting, "Tuesday"), Find(meeting, "meeting")));
}

}  // namespace
}  // namespace crosscheck
