// Centroids of finished stories and an inverted index over them, for the passes that look at
// the streamed stories again once the whole set is at hand (group/stray_articles.h,
// group/related_stories.h).
//   - A centroid is the unit-length sum of its documents' unit vectors, truncated to its
//     `centroid_terms` heaviest terms, with the time span of the documents whose publication
//     time is known.
//   - The index lists each centroid under its `index_terms` heaviest terms; a query collects the
//     centroids found under its `query_terms` heaviest terms and keeps the `max_candidates`
//     sharing the most query weight (ties: earlier centroid), so a common term cannot make one
//     query cost the whole index.
//   - Deterministic: centroids come in story id order.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

#include "group/terms.h"

namespace crosscheck {

struct StoryCentroid {
  uint32_t story = 0;
  size_t documents = 0;
  SparseVector centroid;  // unit
  std::optional<double> first, last;  // publication days of its earliest and latest dated document
};

struct CentroidOptions {
  size_t centroid_terms = 200;
  size_t index_terms = 24;
  size_t query_terms = 24;
  size_t max_candidates = 24;
  double time_window_days = 7;  // as the streaming clusterer (story_clusterer.h)
  double time_decay_days = 30;
};

// Centroids of the stories of `story_of` holding at least `min_documents` documents.
std::vector<StoryCentroid> StoryCentroids(const std::vector<SparseVector>& vectors,
                                          const std::vector<std::optional<double>>& times,
                                          const std::vector<uint32_t>& story_of, size_t min_documents,
                                          const CentroidOptions& options = {});

// Time proximity of a span [first, last] (either end unknown: 1) to a centroid's span: 1 when
// they come within `time_window_days`, then decaying with `time_decay_days`.
double TimeProximity(const StoryCentroid& story, std::optional<double> first, std::optional<double> last,
                     const CentroidOptions& options = {});

class CentroidIndex {
 public:
  CentroidIndex(const std::vector<StoryCentroid>& centroids, const CentroidOptions& options = {});
  // Positions in the centroid list worth a full cosine with `query`, ascending.
  std::vector<uint32_t> Candidates(const SparseVector& query);

 private:
  CentroidOptions options_;
  std::unordered_map<TermId, std::vector<uint32_t>> postings_;
  std::vector<float> shared_;  // per centroid: query weight found under its terms (scratch)
};

}  // namespace crosscheck
