#include "group/related_stories.h"

#include <gtest/gtest.h>

namespace crosscheck {
namespace {

SparseVector Vec(std::initializer_list<std::pair<TermId, float>> entries) { return SparseVector::Unit(entries); }

TEST(RelatedStoriesTest, RelatedStoriesJoinUnrelatedStayApart) {
  // Stories 0 and 1 share most terms; story 2 is about something else.
  const std::vector<SparseVector> vectors = {Vec({{1, 1}, {2, 1}, {3, 1}}), Vec({{1, 1}, {2, 1}, {4, 1}}),
                                             Vec({{1, 1}, {2, 1}, {3, 1}, {5, 1}}), Vec({{1, 1}, {3, 1}, {5, 1}}),
                                             Vec({{20, 1}, {21, 1}}), Vec({{20, 1}, {22, 1}})};
  const std::vector<std::optional<double>> times(vectors.size());
  EXPECT_EQ(JoinRelatedStories(vectors, times, {0, 0, 1, 1, 2, 2}), (std::vector<uint32_t>{0, 0, 0, 0, 2, 2}));
}

TEST(RelatedStoriesTest, MonthsApartStayApart) {
  const std::vector<SparseVector> vectors = {Vec({{1, 1}, {2, 1}, {3, 1}}), Vec({{1, 1}, {2, 1}, {4, 1}}),
                                             Vec({{1, 1}, {2, 1}, {3, 1}, {5, 1}}), Vec({{1, 1}, {3, 1}, {5, 1}})};
  const std::vector<std::optional<double>> times = {100.0, 101.0, 300.0, 301.0};
  EXPECT_EQ(JoinRelatedStories(vectors, times, {0, 0, 1, 1}), (std::vector<uint32_t>{0, 0, 1, 1}));
}

TEST(RelatedStoriesTest, TheJoinedStoryStaysWithinItsLimit) {
  // Three alike stories of two: with room for four articles only the strongest pair joins.
  const std::vector<SparseVector> vectors = {Vec({{1, 1}, {2, 1}}), Vec({{1, 1}, {2, 1}}), Vec({{1, 1}, {2, 1}}),
                                             Vec({{1, 1}, {2, 1}}), Vec({{1, 1}, {2, 1}, {3, 1}}),
                                             Vec({{1, 1}, {2, 1}, {3, 1}})};
  const std::vector<std::optional<double>> times(vectors.size());
  RelatedStoryOptions options;
  options.max_joined_articles = 4;
  EXPECT_EQ(JoinRelatedStories(vectors, times, {0, 0, 1, 1, 2, 2}, options),
            (std::vector<uint32_t>{0, 0, 0, 0, 2, 2}));
}

}  // namespace
}  // namespace crosscheck
