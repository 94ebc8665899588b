// A second look at the articles streaming left alone, once the whole set is at hand.
// Streaming assignment sees each article once, against the stories open at that moment: one
// that came before its story had formed, or after the story retired (input out of publication
// order), or whose words barely missed the join threshold ends up in a story of its own.
//   - Strays: the articles of stories with at most `max_stray_story` articles.
//   - Each moves to the established story (more than `max_stray_story` articles) it fits best
//     when the fit reaches `attach_threshold`: cosine with the story's centroid times the
//     time proximity (1 within `time_window_days` of the story's first to last article, then
//     decaying with `time_decay_days`; unknown times do not penalise).
//   - Candidates come from an inverted index over the centroids (group/story_centroids.h).
//   - Every decision is made against the stories as streaming left them, so the result does not
//     depend on the order strays are looked at; deterministic.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "group/story_centroids.h"
#include "group/terms.h"

namespace crosscheck {

struct StrayOptions {
  size_t max_stray_story = 3;
  double attach_threshold = 0.15;
  CentroidOptions centroids;  // centroid size, index, time proximity
};

// `vectors` (unit) and `times` (publication days, when known) per document; `story_of` the
// story per document as streaming assigned it. Returns the story per document after the strays
// moved (story ids are those of `story_of`).
std::vector<uint32_t> AttachStrays(const std::vector<SparseVector>& vectors, const std::vector<std::optional<double>>& times,
                                   std::vector<uint32_t> story_of, const StrayOptions& options = {});

}  // namespace crosscheck
