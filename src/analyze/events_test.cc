#include "analyze/events.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "analyze/analyze.h"

namespace crosscheck {
namespace {

TEST(EventsTest, RoundVenueDateAndPlaceOfATalksMention) {
  Article a;
  a.published = "2026-03-31";
  a.text = "The second round of fisheries talks between Senegal and Mauritania opened on March 30 at the "
           "Tejo Maritime Pavilion in Lisbon and ended with an agreement to free 46 fishermen. "
           "The first round, on March 12, failed to set a date for the next meeting.";
  ArticleFacts f = Analyze(a);
  ASSERT_GE(f.events.size(), 2u);
  const EventMention& second = f.events[0];
  EXPECT_EQ(second.kind, "talks");
  EXPECT_EQ(second.round, 2);
  EXPECT_EQ(second.venue, "Tejo Maritime Pavilion");
  ASSERT_FALSE(second.times.empty());
  EXPECT_EQ(f.times[second.times[0]].value, "2026-03-30");
  ASSERT_FALSE(second.places.empty());
  EXPECT_EQ(f.entities.entities[second.places[0]].canonical, "Lisbon");
  EXPECT_NE(second.outcome.find("agreement to free 46 fishermen"), std::string::npos);
  auto first = std::find_if(f.events.begin(), f.events.end(), [](const EventMention& e) { return e.round == 1; });
  ASSERT_NE(first, f.events.end());
  EXPECT_EQ(first->kind, "talks");
  ASSERT_FALSE(first->times.empty());
  EXPECT_EQ(f.times[first->times[0]].value, "2026-03-12");
  // The same sentence's agreement is a happening of its own kind.
  EXPECT_TRUE(std::any_of(f.events.begin(), f.events.end(), [](const EventMention& e) { return e.kind == "agreement"; }));
}

TEST(EventsTest, KindsOfHappeningsAndTheFirstMeetingOfASeries) {
  Article a;
  a.text = "For the first time since 2019, the two governments held direct talks. "
           "A ferry capsized near the island, and dockworkers went on strike the next day.";
  ArticleFacts f = Analyze(a);
  std::vector<std::string> kinds;
  for (const EventMention& e : f.events) kinds.push_back(e.kind);
  ASSERT_GE(kinds.size(), 3u);
  EXPECT_EQ(kinds[0], "talks");
  EXPECT_EQ(f.events[0].round, 1);
  EXPECT_EQ(kinds[1], "disaster");
  EXPECT_EQ(kinds[2], "strike");
}

}  // namespace
}  // namespace crosscheck
