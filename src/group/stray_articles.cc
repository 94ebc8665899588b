// Strays moved into the stories they fit (contract in stray_articles.h).
#include "group/stray_articles.h"

#include "group/story_centroids.h"

namespace crosscheck {

std::vector<uint32_t> AttachStrays(const std::vector<SparseVector>& vectors, const std::vector<std::optional<double>>& times,
                                   std::vector<uint32_t> story_of, const StrayOptions& options) {
  const std::vector<StoryCentroid> stories =
      StoryCentroids(vectors, times, story_of, options.max_stray_story + 1, options.centroids);
  if (stories.empty()) return story_of;
  std::vector<size_t> size;
  for (uint32_t s : story_of) {
    if (s >= size.size()) size.resize(s + 1, 0);
    ++size[s];
  }
  CentroidIndex index(stories, options.centroids);
  const std::vector<uint32_t> streamed = story_of;
  for (size_t d = 0; d < vectors.size(); ++d) {
    if (size[streamed[d]] > options.max_stray_story) continue;
    int best = -1;
    double best_fit = 0;
    for (uint32_t k : index.Candidates(vectors[d])) {
      const double fit = Dot(vectors[d], stories[k].centroid) * TimeProximity(stories[k], times[d], times[d], options.centroids);
      if (fit > best_fit) best = static_cast<int>(k), best_fit = fit;  // ties: the older story
    }
    if (best >= 0 && best_fit >= options.attach_threshold) story_of[d] = stories[best].story;
  }
  return story_of;
}

}  // namespace crosscheck
