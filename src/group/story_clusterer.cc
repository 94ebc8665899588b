// Streaming story clustering with an inverted index and retirement (contract in
// story_clusterer.h).
#include "group/story_clusterer.h"

#include <algorithm>
#include <cmath>

namespace crosscheck {
namespace {

bool IsPowerOfTwo(uint32_t n) { return n != 0 && (n & (n - 1)) == 0; }

// Asks for every cache line of a vector's entries.
void Prefetch(const SparseVector& v) {
  const char* begin = reinterpret_cast<const char*>(v.entries.data());
  const char* end = reinterpret_cast<const char*>(v.entries.data() + v.entries.size());
  for (const char* p = begin; p < end; p += 64) __builtin_prefetch(p);
}

// The n heaviest (term, weight) entries, heaviest first (ties: smaller term).
std::vector<std::pair<TermId, float>> TopEntries(const SparseVector& v, size_t n) {
  std::vector<std::pair<TermId, float>> top = v.entries;
  auto heavier = [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; };
  const size_t k = std::min(n, top.size());
  std::partial_sort(top.begin(), top.begin() + static_cast<std::ptrdiff_t>(k), top.end(), heavier);
  top.resize(k);
  return top;
}

}  // namespace

StoryClusterer::StoryClusterer(const StoryClustererOptions& options) : options_(options) {}

double StoryClusterer::Fit(const Story& story, const DotTable& vector, std::optional<double> time_days) const {
  if (story.norm == 0) return 0;
  double fit = vector.DotWith(story.sum) / story.norm;
  if (time_days && story.last_time) {
    const double gap = std::fabs(*time_days - *story.last_time) - options_.time_window_days;
    if (gap > 0) fit *= std::exp(-gap / options_.time_decay_days);
  }
  return fit;
}

void StoryClusterer::CollectCandidates(const SparseVector& vector) {
  candidates_.clear();
  if (++query_stamp_ == 0) {  // wrapped: forget every old stamp
    for (Tally& tally : tally_) tally.stamp = 0;
    query_stamp_ = 1;
  }
  const uint32_t stamp = query_stamp_;
  // Each candidate accumulates the document weight of the terms it was found under; only the
  // best `max_candidates` of them get the full cosine, so no term, however common, can make
  // one assignment cost the whole index.
  for (const auto& [term, weight] : TopEntries(vector, options_.query_terms)) {
    auto it = postings_.find(term);
    if (it == postings_.end()) continue;
    const std::vector<uint32_t>& list = it->second;
    // Newest first: a capped scan keeps the stories most likely to still be reported.
    const size_t begin = list.size() > options_.max_posting_scan ? list.size() - options_.max_posting_scan : 0;
    for (size_t i = list.size(); i-- > begin;) {
      const uint32_t slot = list[i];
      Tally& tally = tally_[slot];
      if (tally.stamp != stamp) {
        tally.stamp = stamp;
        tally.score = 0;
        candidates_.push_back(slot);
      }
      tally.score += weight;
    }
  }
  auto better = [this](uint32_t a, uint32_t b) {
    return tally_[a].score != tally_[b].score ? tally_[a].score > tally_[b].score : a < b;
  };
  if (candidates_.size() > options_.max_candidates) {
    std::nth_element(candidates_.begin(), candidates_.begin() + static_cast<std::ptrdiff_t>(options_.max_candidates),
                     candidates_.end(), better);
    candidates_.resize(options_.max_candidates);
  }
  // Slot order, so ties between equally fitting stories break the same way every run.
  std::sort(candidates_.begin(), candidates_.end());
}

std::pair<int64_t, double> StoryClusterer::BestStory(const SparseVector& vector, std::optional<double> time_days) {
  CollectCandidates(vector);
  // Scattered once, the document then costs each candidate a probe per centroid term.
  if (!candidates_.empty()) query_.Assign(vector);
  int64_t best_slot = -1;
  double best_fit = 0;
  for (size_t i = 0; i < candidates_.size(); ++i) {
    // The next centroid is fetched while this one is scored: centroids are scattered and large.
    if (i + 1 < candidates_.size()) Prefetch(slots_[candidates_[i + 1]].sum);
    const uint32_t slot = candidates_[i];
    const double fit = Fit(slots_[slot], query_, time_days);
    // Ties go to the older story (smaller id), independent of slot reuse.
    if (fit > best_fit || (fit == best_fit && best_slot >= 0 && fit > 0 && slots_[slot].id < slots_[best_slot].id)) {
      best_fit = fit;
      best_slot = slot;
    }
  }
  if (best_slot < 0) return {-1, 0};
  return {best_slot, best_fit};
}

uint32_t StoryClusterer::Add(const SparseVector& vector, std::optional<double> time_days) {
  if (time_days && (!latest_time_ || *time_days > *latest_time_)) latest_time_ = time_days;
  RetireQuiet(latest_time_);
  auto [slot, fit] = BestStory(vector, time_days);
  ++seq_;
  ++held_documents_;
  if (slot >= 0 && fit >= options_.join_threshold) {
    Join(static_cast<uint32_t>(slot), vector, time_days);
    return slots_[slot].id;
  }
  return Open(vector, time_days);
}

uint32_t StoryClusterer::Open(const SparseVector& vector, std::optional<double> time_days) {
  uint32_t slot;
  if (!free_slots_.empty()) {
    slot = free_slots_.back();
    free_slots_.pop_back();
  } else {
    slot = static_cast<uint32_t>(slots_.size());
    slots_.emplace_back();
    tally_.emplace_back();
  }
  Story& story = slots_[slot];
  story = Story{};
  story.id = next_story_id_++;
  story.active = true;
  ++active_count_;
  by_activity_.insert({seq_, slot});
  story.last_seq = seq_;
  Join(slot, vector, time_days);
  return story.id;
}

void StoryClusterer::Join(uint32_t slot, const SparseVector& vector, std::optional<double> time_days) {
  Story& story = slots_[slot];
  AddScaled(&story.sum, vector, 1.0f);
  // Truncate lazily (at twice the budget) so the nth_element cost is amortised.
  if (story.sum.entries.size() > 2 * options_.centroid_terms) story.sum.KeepTop(options_.centroid_terms);
  story.norm = story.sum.Norm();
  ++story.documents;
  if (time_days && (!story.last_time || *time_days > *story.last_time)) story.last_time = time_days;
  Touch(slot, story.last_seq);
  // The heaviest terms settle as a story grows: reindex at sizes 1, 2, 4, 8 ... and every 8th.
  if (IsPowerOfTwo(story.documents) || story.documents % 8 == 0) Reindex(slot);
}

void StoryClusterer::Touch(uint32_t slot, uint64_t old_seq) {
  by_activity_.erase({old_seq, slot});
  slots_[slot].last_seq = seq_;
  by_activity_.insert({seq_, slot});
}

void StoryClusterer::Reindex(uint32_t slot) {
  Story& story = slots_[slot];
  std::vector<TermId> top = story.sum.TopTerms(options_.index_terms);
  std::sort(top.begin(), top.end());
  std::vector<TermId> old = std::move(story.indexed);
  std::sort(old.begin(), old.end());
  std::vector<TermId> gone, added;
  std::set_difference(old.begin(), old.end(), top.begin(), top.end(), std::back_inserter(gone));
  std::set_difference(top.begin(), top.end(), old.begin(), old.end(), std::back_inserter(added));
  for (TermId term : gone) {
    auto it = postings_.find(term);
    if (it == postings_.end()) continue;
    std::vector<uint32_t>& list = it->second;
    list.erase(std::find(list.begin(), list.end(), slot));
    if (list.empty()) postings_.erase(it);
  }
  for (TermId term : added) postings_[term].push_back(slot);
  story.indexed = std::move(top);
}

void StoryClusterer::Unindex(uint32_t slot) {
  Story& story = slots_[slot];
  for (TermId term : story.indexed) {
    auto it = postings_.find(term);
    if (it == postings_.end()) continue;
    std::vector<uint32_t>& list = it->second;
    list.erase(std::find(list.begin(), list.end(), slot));
    if (list.empty()) postings_.erase(it);
  }
  story.indexed.clear();
}

void StoryClusterer::RetireQuiet(std::optional<double> now_days) {
  // The least recently joined story is the first to go: when there are too many, or when it
  // has been quiet for longer than quiet_days of publication time.
  while (!by_activity_.empty()) {
    const uint32_t slot = by_activity_.begin()->second;
    const Story& story = slots_[slot];
    const bool crowded = active_count_ >= options_.max_active_stories;
    const bool quiet = now_days && story.last_time && *now_days - *story.last_time > options_.quiet_days;
    if (!crowded && !quiet) break;
    Retire(slot);
  }
}

void StoryClusterer::Retire(uint32_t slot) {
  Story& story = slots_[slot];
  Unindex(slot);
  by_activity_.erase({story.last_seq, slot});
  held_documents_ -= story.documents;
  story.active = false;
  SparseVector().entries.swap(story.sum.entries);  // give the centroid's memory back
  std::vector<TermId>().swap(story.indexed);
  free_slots_.push_back(slot);
  --active_count_;
}

size_t StoryClusterer::MemoryBytes() const {
  size_t bytes = slots_.capacity() * sizeof(Story) + tally_.capacity() * sizeof(Tally);
  for (const Story& story : slots_) {
    bytes += story.sum.entries.capacity() * sizeof(story.sum.entries[0]) + story.indexed.capacity() * sizeof(TermId);
  }
  // unordered_map node: key + vector header + next pointer + cached hash, plus the bucket slot.
  bytes += postings_.size() * (sizeof(TermId) + sizeof(std::vector<uint32_t>) + 2 * sizeof(void*)) +
           postings_.bucket_count() * sizeof(void*);
  for (const auto& [term, list] : postings_) bytes += list.capacity() * sizeof(uint32_t);
  bytes += by_activity_.size() * (sizeof(std::pair<uint64_t, uint32_t>) + 4 * sizeof(void*));
  return bytes;
}

}  // namespace crosscheck
