#include "group/hash_counts.h"

#include <gtest/gtest.h>

namespace crosscheck {
namespace {

// Keys that collide in their low bits (the slot) and a table that grows many times: every
// count must come back as it was left.
TEST(HashCountsTest, CountsSurviveCollisionsAndGrowth) {
  HashCounts counts;
  for (uint64_t k = 1; k <= 5000; ++k) counts.At(k << 20) += static_cast<uint32_t>(k % 7 + 1);
  for (uint64_t k = 1; k <= 5000; ++k) counts.At(k << 20) += 1;
  EXPECT_EQ(counts.size(), 5000u);
  for (uint64_t k = 1; k <= 5000; ++k) ASSERT_EQ(counts.Get(k << 20), k % 7 + 2) << k;
  EXPECT_EQ(counts.Get(12345), 0u);
  EXPECT_EQ(counts.Get(0), 0u);
}

TEST(HashCountsTest, AnEmptyTableAnswersZero) {
  HashCounts counts;
  EXPECT_EQ(counts.Get(42), 0u);
  EXPECT_EQ(counts.size(), 0u);
  HashCounts sized(100);
  EXPECT_EQ(sized.Get(42), 0u);
  sized.At(42) = 3;
  EXPECT_EQ(sized.Get(42), 3u);
}

}  // namespace
}  // namespace crosscheck
