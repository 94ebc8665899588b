#include "group/stray_articles.h"

#include <gtest/gtest.h>

namespace crosscheck {
namespace {

SparseVector Vec(std::initializer_list<std::pair<TermId, float>> entries) { return SparseVector::Unit(entries); }

// Story 0: four documents on terms 1-4; story 1: four on terms 20-23.
std::vector<SparseVector> Established() {
  return {Vec({{1, 1}, {2, 1}, {3, 1}}), Vec({{1, 1}, {2, 1}, {4, 1}}), Vec({{2, 1}, {3, 1}, {4, 1}}),
          Vec({{1, 1}, {3, 1}, {4, 1}}), Vec({{20, 1}, {21, 1}, {22, 1}}), Vec({{20, 1}, {21, 1}, {23, 1}}),
          Vec({{21, 1}, {22, 1}, {23, 1}}), Vec({{20, 1}, {22, 1}, {23, 1}})};
}

TEST(StrayArticlesTest, ALoneArticleJoinsTheStoryItFits) {
  std::vector<SparseVector> vectors = Established();
  vectors.push_back(Vec({{1, 1}, {2, 1}, {30, 1}}));   // fits story 0
  vectors.push_back(Vec({{40, 1}, {41, 1}, {42, 1}}));  // fits nothing
  const std::vector<std::optional<double>> times(vectors.size());
  const std::vector<uint32_t> streamed = {0, 0, 0, 0, 1, 1, 1, 1, 2, 3};
  EXPECT_EQ(AttachStrays(vectors, times, streamed), (std::vector<uint32_t>{0, 0, 0, 0, 1, 1, 1, 1, 0, 3}));
}

TEST(StrayArticlesTest, TimeApartKeepsItAlone) {
  std::vector<SparseVector> vectors = Established();
  vectors.push_back(Vec({{1, 1}, {2, 1}, {30, 1}}));
  std::vector<std::optional<double>> times(vectors.size(), 100.0);
  times.back() = 400.0;  // months after story 0's last article
  const std::vector<uint32_t> streamed = {0, 0, 0, 0, 1, 1, 1, 1, 2};
  EXPECT_EQ(AttachStrays(vectors, times, streamed).back(), 2u);
  times.back() = 103.0;  // within the window
  EXPECT_EQ(AttachStrays(vectors, times, streamed).back(), 0u);
}

TEST(StrayArticlesTest, SmallStoriesDoNotAttract) {
  // Two stories of two: neither is established, nothing moves.
  std::vector<SparseVector> vectors = {Vec({{1, 1}, {2, 1}}), Vec({{1, 1}, {3, 1}}), Vec({{1, 1}, {2, 1}, {3, 1}}),
                                       Vec({{1, 1}, {2, 1}})};
  const std::vector<std::optional<double>> times(vectors.size());
  const std::vector<uint32_t> streamed = {0, 0, 1, 1};
  EXPECT_EQ(AttachStrays(vectors, times, streamed), streamed);
}

}  // namespace
}  // namespace crosscheck
