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
#include <iosfwd>
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
// The same document written piece by piece, an article or a finding at a time, so a report on
// 100,000 articles is never held whole in memory. `with_text` false leaves the articles' texts
// out (a store keeps them already). Ends with a newline.
void WriteReportJson(const Report& report, std::ostream& out, bool with_text = true);
std::string ReportToMarkdown(const Report& report);
std::string ReportToTerminal(const Report& report, bool color);
std::string ReportToHtml(const Report& report);

}  // namespace crosscheck
