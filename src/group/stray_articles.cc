// Strays moved into the stories they fit (contract in stray_articles.h).
#include "group/stray_articles.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

namespace crosscheck {
namespace {

struct Established {
  uint32_t id = 0;
  SparseVector centroid;  // unit
  std::optional<double> first, last;
};

double Proximity(const Established& story, std::optional<double> time, const StrayOptions& options) {
  if (!time || !story.first) return 1;
  const double outside = std::max({0.0, *story.first - *time, *time - *story.last});
  const double gap = outside - options.time_window_days;
  return gap > 0 ? std::exp(-gap / options.time_decay_days) : 1;
}

std::vector<Established> EstablishedStories(const std::vector<SparseVector>& vectors,
                                            const std::vector<std::optional<double>>& times,
                                            const std::vector<uint32_t>& story_of, const std::vector<size_t>& size,
                                            const StrayOptions& options) {
  std::map<uint32_t, Established> by_id;  // ordered: the same stories in the same order every run
  for (size_t d = 0; d < vectors.size(); ++d) {
    if (size[story_of[d]] <= options.max_stray_story) continue;
    Established& story = by_id[story_of[d]];
    story.id = story_of[d];
    AddScaled(&story.centroid, vectors[d], 1.0f);
    if (times[d]) {
      story.first = story.first ? std::min(*story.first, *times[d]) : *times[d];
      story.last = story.last ? std::max(*story.last, *times[d]) : *times[d];
    }
  }
  std::vector<Established> out;
  for (auto& [id, story] : by_id) {
    story.centroid.KeepTop(options.centroid_terms);
    story.centroid.Normalize();
    out.push_back(std::move(story));
  }
  return out;
}

}  // namespace

std::vector<uint32_t> AttachStrays(const std::vector<SparseVector>& vectors, const std::vector<std::optional<double>>& times,
                                   std::vector<uint32_t> story_of, const StrayOptions& options) {
  std::vector<size_t> size;
  for (uint32_t s : story_of) {
    if (s >= size.size()) size.resize(s + 1, 0);
    ++size[s];
  }
  const std::vector<Established> stories = EstablishedStories(vectors, times, story_of, size, options);
  if (stories.empty()) return story_of;
  std::unordered_map<TermId, std::vector<uint32_t>> postings;  // term -> positions in `stories`
  for (uint32_t k = 0; k < stories.size(); ++k) {
    for (TermId term : stories[k].centroid.TopTerms(options.index_terms)) postings[term].push_back(k);
  }
  std::vector<float> shared(stories.size(), 0);
  std::vector<uint32_t> candidates;
  const std::vector<uint32_t> streamed = story_of;
  for (size_t d = 0; d < vectors.size(); ++d) {
    if (size[streamed[d]] > options.max_stray_story) continue;
    candidates.clear();
    const std::vector<TermId> top = vectors[d].TopTerms(options.query_terms);
    for (TermId term : top) {
      auto it = postings.find(term);
      if (it == postings.end()) continue;
      const auto entry = std::lower_bound(vectors[d].entries.begin(), vectors[d].entries.end(), term,
                                          [](const auto& e, TermId t) { return e.first < t; });
      for (uint32_t k : it->second) {
        if (shared[k] == 0) candidates.push_back(k);
        shared[k] += entry->second;
      }
    }
    auto better = [&](uint32_t a, uint32_t b) { return shared[a] != shared[b] ? shared[a] > shared[b] : a < b; };
    std::sort(candidates.begin(), candidates.end(), better);
    if (candidates.size() > options.max_candidates) candidates.resize(options.max_candidates);
    int best = -1;
    double best_fit = 0;
    for (uint32_t k : candidates) {
      const double fit = Dot(vectors[d], stories[k].centroid) * Proximity(stories[k], times[d], options);
      // Ties go to the older story.
      if (fit > best_fit || (fit == best_fit && best >= 0 && stories[k].id < stories[best].id)) best = k, best_fit = fit;
    }
    if (best >= 0 && best_fit >= options.attach_threshold) story_of[d] = stories[best].id;
    for (TermId term : top) {
      auto it = postings.find(term);
      if (it != postings.end()) {
        for (uint32_t k : it->second) shared[k] = 0;
      }
    }
  }
  return story_of;
}

}  // namespace crosscheck
