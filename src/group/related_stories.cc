// Related stories joined (contract in related_stories.h).
#include "group/related_stories.h"

#include <algorithm>
#include <numeric>
#include <tuple>
#include <unordered_map>

namespace crosscheck {
namespace {

struct Pair {
  double fit;
  uint32_t a, b;  // positions in the centroid list, a < b
};

std::vector<Pair> RelatedPairs(const std::vector<StoryCentroid>& stories, const RelatedStoryOptions& options) {
  CentroidIndex index(stories, options.centroids);
  std::vector<Pair> pairs;
  for (uint32_t a = 0; a < stories.size(); ++a) {
    for (uint32_t b : index.Candidates(stories[a].centroid)) {
      if (b <= a) continue;
      const double fit = Dot(stories[a].centroid, stories[b].centroid) *
                         TimeProximity(stories[b], stories[a].first, stories[a].last, options.centroids);
      if (fit >= options.join_threshold) pairs.push_back({fit, a, b});
    }
  }
  std::sort(pairs.begin(), pairs.end(), [](const Pair& x, const Pair& y) {
    return std::tie(y.fit, x.a, x.b) < std::tie(x.fit, y.a, y.b);  // strongest first, then older
  });
  return pairs;
}

uint32_t Root(std::vector<uint32_t>& parent, uint32_t x) {
  while (parent[x] != x) x = parent[x] = parent[parent[x]];
  return x;
}

}  // namespace

std::vector<uint32_t> JoinRelatedStories(const std::vector<SparseVector>& vectors,
                                         const std::vector<std::optional<double>>& times,
                                         std::vector<uint32_t> story_of, const RelatedStoryOptions& options) {
  const std::vector<StoryCentroid> stories =
      StoryCentroids(vectors, times, story_of, options.min_documents, options.centroids);
  std::vector<uint32_t> parent(stories.size());
  std::iota(parent.begin(), parent.end(), 0);
  std::vector<size_t> size(stories.size());
  for (size_t k = 0; k < stories.size(); ++k) size[k] = stories[k].documents;
  for (const Pair& pair : RelatedPairs(stories, options)) {
    uint32_t a = Root(parent, pair.a), b = Root(parent, pair.b);
    if (a == b || size[a] + size[b] > options.max_joined_articles) continue;
    if (b < a) std::swap(a, b);  // the older story's id survives
    parent[b] = a;
    size[a] += size[b];
  }
  std::unordered_map<uint32_t, uint32_t> joined;  // story id -> id of the story it joined
  for (uint32_t k = 0; k < stories.size(); ++k) {
    const uint32_t root = Root(parent, k);
    if (root != k) joined[stories[k].story] = stories[root].story;
  }
  for (uint32_t& s : story_of) {
    auto it = joined.find(s);
    if (it != joined.end()) s = it->second;
  }
  return story_of;
}

}  // namespace crosscheck
