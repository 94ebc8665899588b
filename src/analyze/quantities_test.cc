#include "analyze/quantities.h"

#include <gtest/gtest.h>

#include "analyze/sentences.h"

namespace crosscheck {
namespace {

std::vector<Quantity> Find(std::string_view text) { return FindQuantities(text, SplitSentences(text), {}); }

TEST(QuantitiesTest, NumbersWithWhatTheyCountAndHowSureTheWordingIs) {
  auto q = Find("The coast guard rescued 212 passengers and about 1,000 tonnes of cargo were lost. "
                "Nearly 20% of the fleet was grounded, and 6.3 million people live on the coast.");
  ASSERT_EQ(q.size(), 4u);
  EXPECT_EQ(q[0].value, 212);
  EXPECT_EQ(q[0].head, "passenger");
  EXPECT_EQ(q[1].value, 1000);
  EXPECT_EQ(q[1].qualifier, "about");
  EXPECT_LT(q[1].low, 1000);
  EXPECT_GT(q[1].high, 1000);
  EXPECT_EQ(q[1].head, "tonne");
  EXPECT_TRUE(q[2].percent);
  EXPECT_EQ(q[2].qualifier, "nearly");
  EXPECT_EQ(q[2].counted, "fleet");
  EXPECT_EQ(q[3].value, 6300000);
  EXPECT_EQ(q[3].head, "person");
}

TEST(QuantitiesTest, WordsVagueAmountsAndEach) {
  auto q = Find("Both sides agreed to free prisoners, each freeing 46 fishermen, while dozens of boats and "
                "four airfields were hit.");
  ASSERT_EQ(q.size(), 3u);
  EXPECT_EQ(q[0].qualifier, "each");
  EXPECT_EQ(q[0].head, "fisherman");
  EXPECT_EQ(q[1].qualifier, "dozens");
  EXPECT_EQ(q[1].head, "boat");
  EXPECT_GT(q[1].high, q[1].low);
  EXPECT_EQ(q[2].value, 4);
  EXPECT_EQ(q[2].head, "airfield");
}

TEST(QuantitiesTest, YearsDatesTimesAndModelNumbersAreNotCounts) {
  auto q = Find("Since 2014, on May 16 at 10:30 and again on 2 June, the Tu-95 and the 16th brigade held out.");
  for (const auto& x : q) ADD_FAILURE() << "counted " << x.value << " " << x.counted;
}

}  // namespace
}  // namespace crosscheck
