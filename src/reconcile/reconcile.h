// Stage 5 door: given the articles, their facts and the stories and events of stage 4, say
// for each event what is corroborated, what is contradicted and by whom, what only one
// outlet claims, what is inconsistent inside one report, and how far each source can be
// trusted — every statement backed by the sentences that make it. Copies found in stage 4
// count once. A false alarm costs more than a miss: compatible values never conflict, and
// each verdict says how sure it is.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analyze/analyze.h"
#include "core/article.h"
#include "core/finding.h"
#include "group/group.h"

namespace crosscheck {


// What reconciling one story yields, kept between runs so an unchanged story is not
// reconciled again (`analyze --db`).
struct StoryOutcome {
  std::vector<Finding> findings;
  struct TruthRow {
    std::string article;
    std::string item;   // the question (a slot; event-bound slots name their event)
    std::string value;  // the answer: the key that stands for its group of compatible answers
  };
  std::vector<TruthRow> truth;            // the story's checkable claims, for source reliability
  std::vector<std::string> inconsistent;  // a report once per inconsistency it is the odd side of
};

// Remembers story outcomes by key (a hash of what the story holds and of the engine build).
class StoryMemory {
 public:
  virtual ~StoryMemory() = default;
  virtual bool Recall(uint64_t key, StoryOutcome* outcome) = 0;
  virtual void Remember(uint64_t key, const StoryOutcome& outcome) = 0;
};

struct Reconciliation {
  std::vector<Finding> findings;          // contradictions first, then inconsistencies, corroborations, single-source
  std::vector<SourceReliability> sources; // least reliable first
  size_t stories = 0;                     // stories judged
  size_t stories_recalled = 0;            // of those, how many came from memory unchanged
};

// `facts[i]` belongs to `articles[i]`. With `memory`, stories seen before with the same
// articles, texts, events and copies are recalled instead of reconciled; source reliability is
// always recomputed over all stories.
Reconciliation Reconcile(const std::vector<Article>& articles, const std::vector<ArticleFacts>& facts,
                         const Grouping& grouping, StoryMemory* memory = nullptr);

}  // namespace crosscheck
