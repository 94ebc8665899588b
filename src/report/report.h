// The report: JSON (the contract other tools read), Markdown a journalist can paste, a
// terminal view taken in at a glance (contradictions first, each side with its outlets;
// then inconsistencies, corroborated facts, single-source claims; sources ranked), and a
// self-contained HTML dossier.
//
// JSON contract (fields may be added, never renamed):
//   articles [{id, source, outlet, title, author, published, language, text}]
//   stories  [{id, articles: [ids], events: [{id, date, place, articles: [ids]}]}]
//   findings [{kind: contradiction|corroboration|single_source|inconsistency, event: id|null,
//              subject, claims: [{value, articles: [ids], evidence: [{article, text}]}], detail, confidence}]
//   sources  [{article, outlet, reliability}]
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/article.h"
#include "group/group.h"
#include "reconcile/reconcile.h"

namespace crosscheck {

struct Report {
  const std::vector<Article>* articles = nullptr;
  const Grouping* grouping = nullptr;
  const Reconciliation* reconciliation = nullptr;
};

nlohmann::json ReportToJson(const Report& report);
std::string ReportToMarkdown(const Report& report);
std::string ReportToTerminal(const Report& report, bool color);
std::string ReportToHtml(const Report& report);

}  // namespace crosscheck
