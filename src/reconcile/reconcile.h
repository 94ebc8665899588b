// Stage 5 door: given the articles, their facts and the stories and events of stage 4, say
// for each event what is corroborated, what is contradicted and by whom, what only one
// outlet claims, what is inconsistent inside one report, and how far each source can be
// trusted — every statement backed by the sentences that make it. Copies found in stage 4
// count once. A false alarm costs more than a miss: compatible values never conflict, and
// each verdict says how sure it is.
#pragma once

#include <vector>

#include "analyze/analyze.h"
#include "core/article.h"
#include "core/finding.h"
#include "group/group.h"

namespace crosscheck {

struct Reconciliation {
  std::vector<Finding> findings;          // contradictions first, then inconsistencies, corroborations, single-source
  std::vector<SourceReliability> sources; // least reliable first
};

// `facts[i]` belongs to `articles[i]`.
Reconciliation Reconcile(const std::vector<Article>& articles, const std::vector<ArticleFacts>& facts,
                         const Grouping& grouping);

}  // namespace crosscheck
