// Stories streaming kept apart that tell related happenings, brought together once the whole
// set is at hand so that what tells happenings apart (group/text_partition.h) sees all their
// articles: the first reports of a happening may open a story of their own that later reports
// never join, and two same-kind happenings may each have drawn the other's reports.
//   - Two stories are related when the cosine of their centroids (group/story_centroids.h),
//     times the time proximity of their spans, reaches `join_threshold`.
//   - Related stories are joined strongest pair first, transitively, as long as the joined
//     story holds at most `max_joined_articles` (the partition's limit): a chain of loosely
//     related stories cannot become one heap.
//   - Only stories of at least `min_documents` articles take part.
//   - Deterministic; ties go to the pair of older stories.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "group/story_centroids.h"
#include "group/terms.h"

namespace crosscheck {

struct RelatedStoryOptions {
  double join_threshold = 0.4;
  size_t min_documents = 2;
  size_t max_joined_articles = 400;
  CentroidOptions centroids;
};

// Story per document after related stories were joined (a joined story takes the smallest id
// among its parts).
std::vector<uint32_t> JoinRelatedStories(const std::vector<SparseVector>& vectors,
                                         const std::vector<std::optional<double>>& times,
                                         std::vector<uint32_t> story_of, const RelatedStoryOptions& options = {});

}  // namespace crosscheck
