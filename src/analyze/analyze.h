// Stage 3 door: an Article -> every checkable statement it makes, with the words that make
// it: sentences, entities, time expressions, quantities, roles, quotes and event mentions.
// Time expressions are resolved against the publication time when the article has one.
#pragma once

#include <vector>

#include "analyze/entities.h"
#include "analyze/roles.h"
#include "core/article.h"
#include "core/fact.h"

namespace crosscheck {

struct ArticleFacts {
  std::vector<Span> sentences;
  EntityResult entities;
  std::vector<TimeExpression> times;
  std::vector<Quantity> quantities;
  std::vector<Role> roles;
  std::vector<Quote> quotes;
  std::vector<EventMention> events;
};

ArticleFacts Analyze(const Article& article);

}  // namespace crosscheck
