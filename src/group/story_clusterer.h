// Streaming story clustering: documents arrive one at a time (in publication order) as unit
// TF-IDF vectors; each joins the active story whose centroid it fits best, or opens a new one.
//   - Fit = cosine(document, story centroid) times a time-proximity factor: 1 within
//     `time_window_days` of the story's latest document, then decaying with `time_decay_days`.
//     Unknown times (either side) do not penalise.
//   - Assignment is sublinear: an inverted index maps each story's heaviest centroid terms to
//     the story; a document is only compared with stories sharing one of its heaviest terms.
//     Posting lists are scanned from their newest end and capped, and only the `max_candidates`
//     stories sharing the most document weight get the full cosine, so a common term cannot make
//     one assignment cost the whole index.
//   - Memory is bounded: stories quiet for `quiet_days` of publication time retire, and so do
//     the least recently active ones beyond `max_active_stories`; a retired story keeps its id
//     (what Add() returned) but is never joined again. Centroids are truncated to
//     `centroid_terms` terms.
//   - Deterministic: the same documents in the same order give the same story ids; nothing
//     depends on threads, addresses or hash-map iteration order.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <unordered_map>
#include <utility>
#include <vector>

#include "group/terms.h"

namespace crosscheck {

struct StoryClustererOptions {
  double join_threshold = 0.2;     // minimum fit to join a story
  size_t centroid_terms = 200;     // terms kept per centroid
  size_t index_terms = 24;         // heaviest centroid terms put in the inverted index
  size_t query_terms = 24;         // heaviest document terms looked up
  size_t max_posting_scan = 1000;  // newest entries scanned per posting list
  size_t max_candidates = 24;      // stories given the full cosine, by shared term weight
  double time_window_days = 7;     // rounds of talks, trials, campaigns run for weeks
  double time_decay_days = 30;
  double quiet_days = 30;          // retire a story with no document for this long
  size_t max_active_stories = 50000;
};

class StoryClusterer {
 public:
  explicit StoryClusterer(const StoryClustererOptions& options = {});

  // Adds the next document (`vector` unit length; `time_days` = publication time in days, if
  // known) and returns the id of the story it joined or opened (ids count up from 0).
  uint32_t Add(const SparseVector& vector, std::optional<double> time_days);

  // Best fit of `vector` among active stories: (story id, fit), or (-1, 0) when none shares a
  // term. Does not change anything.
  std::pair<int64_t, double> BestStory(const SparseVector& vector, std::optional<double> time_days);

  size_t active_stories() const { return active_count_; }
  size_t held_documents() const { return held_documents_; }
  size_t stories() const { return next_story_id_; }
  // Bytes held by active stories and the index (capacity-based estimate).
  size_t MemoryBytes() const;

 private:
  struct Story {
    uint32_t id = 0;
    bool active = false;
    uint32_t documents = 0;
    SparseVector sum;                 // sum of member vectors (truncated)
    double norm = 0;                  // |sum|
    std::optional<double> last_time;  // latest publication time among members
    uint64_t last_seq = 0;            // sequence number of the latest member
    std::vector<TermId> indexed;      // terms under which the inverted index lists this story
  };

  double Fit(const Story& story, const DotTable& vector, std::optional<double> time_days) const;
  void CollectCandidates(const SparseVector& vector);
  uint32_t Open(const SparseVector& vector, std::optional<double> time_days);
  void Join(uint32_t slot, const SparseVector& vector, std::optional<double> time_days);
  void Reindex(uint32_t slot);
  void Unindex(uint32_t slot);
  void Touch(uint32_t slot, uint64_t old_seq);
  void RetireQuiet(std::optional<double> now_days);
  void Retire(uint32_t slot);

  StoryClustererOptions options_;
  std::vector<Story> slots_;              // active stories live in slots, reused after retirement
  std::vector<uint32_t> free_slots_;
  std::unordered_map<TermId, std::vector<uint32_t>> postings_;  // term -> slots, oldest first
  std::set<std::pair<uint64_t, uint32_t>> by_activity_;         // (last_seq, slot) of active stories
  // Per slot, side by side so a posting costs one cache line: the last query that collected
  // the slot, and the weight of that query's terms it was found under.
  struct Tally {
    uint32_t stamp = 0;
    float score = 0;
  };
  std::vector<Tally> tally_;
  std::vector<uint32_t> candidates_;       // scratch
  DotTable query_;                         // scratch: the document being placed
  uint32_t query_stamp_ = 0;
  std::optional<double> latest_time_;
  uint64_t seq_ = 0;
  uint32_t next_story_id_ = 0;
  size_t active_count_ = 0;
  size_t held_documents_ = 0;
};

}  // namespace crosscheck
