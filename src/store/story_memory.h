// StoredStoryMemory: the reconciler's memory of story outcomes, kept in the store between runs
// of `crosscheck analyze --db`. It loads every kept outcome when made, answers Recall from
// memory, and on Save writes this run's new outcomes and drops those no story used (one
// transaction). Outcomes are JSON; one that does not parse is treated as not remembered.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/status.h"
#include "reconcile/reconcile.h"
#include "store/store.h"

namespace crosscheck {

std::string StoryOutcomeToJson(const StoryOutcome& outcome);
Result<StoryOutcome> StoryOutcomeFromJson(const std::string& json);

class StoredStoryMemory : public StoryMemory {
 public:
  // Loads the kept outcomes; a failure is kept in status() and the memory starts empty.
  explicit StoredStoryMemory(Store* store);
  bool Recall(uint64_t key, StoryOutcome* outcome) override;
  void Remember(uint64_t key, const StoryOutcome& outcome) override;
  Status Save();
  const Status& status() const { return status_; }

 private:
  Store* store_;
  Status status_;
  std::unordered_map<uint64_t, std::string> kept_;
  std::vector<std::pair<uint64_t, std::string>> fresh_;
  std::vector<uint64_t> used_;
};

}  // namespace crosscheck
