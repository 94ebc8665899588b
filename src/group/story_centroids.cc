// Story centroids and their inverted index (contract in story_centroids.h).
#include "group/story_centroids.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace crosscheck {

std::vector<StoryCentroid> StoryCentroids(const std::vector<SparseVector>& vectors,
                                          const std::vector<std::optional<double>>& times,
                                          const std::vector<uint32_t>& story_of, size_t min_documents,
                                          const CentroidOptions& options) {
  std::map<uint32_t, std::vector<size_t>> members;  // ordered by story id
  for (size_t d = 0; d < story_of.size(); ++d) members[story_of[d]].push_back(d);
  std::vector<StoryCentroid> out;
  for (const auto& [story, documents] : members) {
    if (documents.size() < min_documents) continue;
    StoryCentroid c;
    c.story = story;
    c.documents = documents.size();
    for (size_t d : documents) {
      AddScaled(&c.centroid, vectors[d], 1.0f);
      if (times[d]) {
        c.first = c.first ? std::min(*c.first, *times[d]) : *times[d];
        c.last = c.last ? std::max(*c.last, *times[d]) : *times[d];
      }
    }
    c.centroid.KeepTop(options.centroid_terms);
    c.centroid.Normalize();
    out.push_back(std::move(c));
  }
  return out;
}

double TimeProximity(const StoryCentroid& story, std::optional<double> first, std::optional<double> last,
                     const CentroidOptions& options) {
  if (!first || !last || !story.first) return 1;
  const double apart = std::max({0.0, *story.first - *last, *first - *story.last});
  const double gap = apart - options.time_window_days;
  return gap > 0 ? std::exp(-gap / options.time_decay_days) : 1;
}

CentroidIndex::CentroidIndex(const std::vector<StoryCentroid>& centroids, const CentroidOptions& options)
    : options_(options), shared_(centroids.size(), 0) {
  for (uint32_t k = 0; k < centroids.size(); ++k) {
    for (TermId term : centroids[k].centroid.TopTerms(options.index_terms)) postings_[term].push_back(k);
  }
}

std::vector<uint32_t> CentroidIndex::Candidates(const SparseVector& query) {
  std::vector<uint32_t> candidates;
  std::vector<TermId> looked_up;
  for (TermId term : query.TopTerms(options_.query_terms)) {
    auto it = postings_.find(term);
    if (it == postings_.end()) continue;
    looked_up.push_back(term);
    const auto entry = std::lower_bound(query.entries.begin(), query.entries.end(), term,
                                        [](const auto& e, TermId t) { return e.first < t; });
    for (uint32_t k : it->second) {
      if (shared_[k] == 0) candidates.push_back(k);
      shared_[k] += entry->second;
    }
  }
  auto better = [&](uint32_t a, uint32_t b) { return shared_[a] != shared_[b] ? shared_[a] > shared_[b] : a < b; };
  std::sort(candidates.begin(), candidates.end(), better);
  for (TermId term : looked_up) {
    for (uint32_t k : postings_[term]) shared_[k] = 0;
  }
  if (candidates.size() > options_.max_candidates) candidates.resize(options_.max_candidates);
  std::sort(candidates.begin(), candidates.end());
  return candidates;
}

}  // namespace crosscheck
