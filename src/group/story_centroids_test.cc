#include "group/story_centroids.h"

#include <gtest/gtest.h>

namespace crosscheck {
namespace {

SparseVector Vec(std::initializer_list<std::pair<TermId, float>> entries) { return SparseVector::Unit(entries); }

TEST(StoryCentroidsTest, CentroidsSpansAndTheirIndex) {
  const std::vector<SparseVector> vectors = {Vec({{1, 1}, {2, 1}}), Vec({{1, 1}, {3, 1}}), Vec({{9, 1}}),
                                             Vec({{20, 1}, {21, 1}}), Vec({{20, 1}})};
  const std::vector<std::optional<double>> times = {10.0, 12.0, 5.0, std::nullopt, 40.0};
  const std::vector<StoryCentroid> stories = StoryCentroids(vectors, times, {4, 4, 7, 2, 2}, 2);
  ASSERT_EQ(stories.size(), 2u);  // story 7 has one document
  EXPECT_EQ(stories[0].story, 2u);  // story id order
  EXPECT_EQ(stories[1].story, 4u);
  EXPECT_EQ(stories[1].documents, 2u);
  EXPECT_EQ(*stories[1].first, 10.0);
  EXPECT_EQ(*stories[1].last, 12.0);
  EXPECT_NEAR(stories[1].centroid.Norm(), 1.0, 1e-6);
  CentroidIndex index(stories);
  EXPECT_EQ(index.Candidates(Vec({{1, 1}, {5, 1}})), (std::vector<uint32_t>{1}));
  EXPECT_EQ(index.Candidates(Vec({{1, 1}, {20, 1}})), (std::vector<uint32_t>{0, 1}));
  EXPECT_TRUE(index.Candidates(Vec({{30, 1}})).empty());
}

TEST(StoryCentroidsTest, TimeProximity) {
  StoryCentroid story;
  story.first = 100.0;
  story.last = 110.0;
  EXPECT_EQ(TimeProximity(story, 112.0, 115.0), 1.0);  // within the window
  EXPECT_LT(TimeProximity(story, 200.0, 210.0), 0.1);
  EXPECT_EQ(TimeProximity(story, std::nullopt, std::nullopt), 1.0);
}

}  // namespace
}  // namespace crosscheck
