#include "group/story_clusterer.h"

#include <gtest/gtest.h>

namespace crosscheck {
namespace {

SparseVector Vec(std::initializer_list<std::pair<TermId, float>> entries) { return SparseVector::Unit(entries); }

TEST(StoryClustererTest, JoinsSimilarOpensDifferent) {
  StoryClusterer clusterer;
  const uint32_t a = clusterer.Add(Vec({{1, 1}, {2, 1}, {3, 1}}), 100.0);
  const uint32_t b = clusterer.Add(Vec({{10, 1}, {11, 1}, {12, 1}}), 100.1);
  const uint32_t c = clusterer.Add(Vec({{1, 1}, {2, 1}, {4, 1}}), 100.2);
  const uint32_t d = clusterer.Add(Vec({{11, 1}, {12, 1}, {13, 1}}), 100.3);
  EXPECT_NE(a, b);
  EXPECT_EQ(a, c);
  EXPECT_EQ(b, d);
  EXPECT_EQ(clusterer.stories(), 2u);
  EXPECT_EQ(clusterer.held_documents(), 4u);
}

TEST(StoryClustererTest, TimeDistanceSeparatesLookalikes) {
  StoryClustererOptions options;
  options.time_window_days = 2;
  options.time_decay_days = 5;
  options.quiet_days = 1000;
  StoryClusterer clusterer(options);
  const uint32_t a = clusterer.Add(Vec({{1, 1}, {2, 1}, {3, 1}}), 0.0);
  // The same words a year later: a new story, not a continuation.
  const uint32_t b = clusterer.Add(Vec({{1, 1}, {2, 1}, {3, 1}}), 365.0);
  EXPECT_NE(a, b);
}

TEST(StoryClustererTest, QuietStoriesRetire) {
  StoryClustererOptions options;
  options.quiet_days = 10;
  StoryClusterer clusterer(options);
  const uint32_t a = clusterer.Add(Vec({{1, 1}, {2, 1}}), 0.0);
  clusterer.Add(Vec({{5, 1}, {6, 1}}), 20.0);  // a's story has been quiet 20 days: retired
  EXPECT_EQ(clusterer.active_stories(), 1u);
  EXPECT_EQ(clusterer.held_documents(), 1u);
  const uint32_t c = clusterer.Add(Vec({{1, 1}, {2, 1}}), 20.5);
  EXPECT_NE(a, c);
}

TEST(StoryClustererTest, AtMostMaxActiveStories) {
  StoryClustererOptions options;
  options.max_active_stories = 3;
  StoryClusterer clusterer(options);
  for (TermId t = 0; t < 10; ++t) clusterer.Add(Vec({{t * 2, 1}, {t * 2 + 1, 1}}), std::nullopt);
  EXPECT_EQ(clusterer.active_stories(), 3u);
  EXPECT_EQ(clusterer.stories(), 10u);
  // The newest story is still open, the oldest is not.
  EXPECT_EQ(clusterer.Add(Vec({{18, 1}, {19, 1}}), std::nullopt), 9u);
  EXPECT_EQ(clusterer.Add(Vec({{0, 1}, {1, 1}}), std::nullopt), 10u);
  EXPECT_GT(clusterer.MemoryBytes(), 0u);
}

TEST(StoryClustererTest, DeterministicAcrossRuns) {
  auto run = [] {
    StoryClusterer clusterer;
    std::vector<uint32_t> ids;
    for (TermId t = 0; t < 200; ++t) ids.push_back(clusterer.Add(Vec({{t % 7, 1}, {t % 11 + 100, 1}, {t, 0.5f}}), t * 0.1));
    return ids;
  };
  EXPECT_EQ(run(), run());
}

}  // namespace
}  // namespace crosscheck
