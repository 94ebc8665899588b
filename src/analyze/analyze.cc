#include "analyze/analyze.h"

#include "analyze/events.h"
#include "analyze/quantities.h"
#include "analyze/quotes.h"
#include "analyze/sentences.h"
#include "analyze/timex.h"
#include "core/civil_time.h"

namespace crosscheck {

ArticleFacts Analyze(const Article& article) {
  ArticleFacts f;
  const std::string& text = article.text;
  f.sentences = SplitSentences(text);
  std::optional<CivilTime> published;
  if (!article.published.empty()) published = ParseDateTime(article.published);
  f.times = FindTimeExpressions(text, published);
  for (TimeExpression& t : f.times) t.sentence = SentenceAt(f.sentences, t.span.begin);
  f.entities = FindEntities(text, f.sentences);
  std::vector<Span> taken;
  for (const TimeExpression& t : f.times) taken.push_back(t.span);
  f.quantities = FindQuantities(text, f.sentences, taken);
  f.roles = FindRoles(text, f.sentences, f.entities);
  f.quotes = FindQuotes(text, f.sentences, f.entities);
  f.events = FindEvents(text, f.sentences, f.entities, f.times, f.quantities);
  return f;
}

}  // namespace crosscheck
