// Happenings of one kind inside one story, told apart by their words and their years: two
// rehab stays five years apart, two quakes, two arrests of players of one team share the
// story's vocabulary but not its names, numbers and dates.
//   - Words are weighed against the story, not the whole stream: a term every article of the
//     story uses (the story's own vocabulary) weighs nothing; one a part of them share (a name,
//     a number, a year) weighs most. Terms: the article's words, its names and numbers (as
//     their own terms), the names and numbers of its lead again (`lead_name_weight` each: the
//     headline and first paragraphs say who did what where; the body also names who was
//     involved in earlier happenings) and the years its dates name.
//   - The story is cut in two recursively: the halves are the two groups at the top of an
//     average-linkage tree of these story-local vectors whose last merge joined two groups of
//     at least `min_part` articles each (a lone outlier is no happening), then every article is
//     moved to the half it resembles most on average until nothing moves.
//   - A cut is kept only when the evidence that the halves tell two happenings reaches
//     `split_evidence`. It adds up how differently they date themselves - the largest gap,
//     over years, between the shares of the two halves naming the year, plus the same gap for
//     the years their leads are dated to (the first month- or day-precise date in the first
//     `lead_sentences` sentences) - less how alike they read (mean story-local similarity
//     across the halves over that inside them). Words alone always find two halves -
//     follow-ups, reactions, the court case after the crime - and those belong to one
//     happening; the years are what make them two, and the words how sure that is.
//   - Deterministic; the cost is cubic in the story size, so stories larger than `max_articles`
//     are left whole.
#pragma once

#include <cstddef>
#include <vector>

#include "analyze/analyze.h"
#include "core/article.h"
#include "group/terms.h"

namespace crosscheck {

// What the partition needs of one article.
struct TextProfile {
  std::vector<TermCount> terms;  // raw counts (words, names and numbers, years), sorted by term
  std::vector<int> years;        // distinct years its DATE and TIME values name, ascending
  int lead_year = 0;             // year of its first month- or day-precise date in the lead; 0 when none
};

struct TextPartitionOptions {
  size_t min_part = 3;          // a half needs this many articles
  double split_evidence = 0.9;  // year gap + lead year gap - separation ratio needed to cut
  double year_weight = 3;       // a year counts as this many words
  double lead_name_weight = 5;  // a name or number of the lead counts this much more
  size_t lead_paragraphs = 3;   // the lead for names: the title and this many first paragraphs
  size_t lead_sentences = 4;    // the lead: sentences 0 .. lead_sentences - 1
  size_t max_articles = 400;
};

// The profile of one article (`facts` may be null: then words, names and numbers only).
TextProfile ProfileText(const Article& article, const ArticleFacts* facts, const TextPartitionOptions& options = {});

// Groups of `articles` (indexes, ascending inside each group; groups ordered by first index)
// telling different happenings. One group holding everything when nothing splits.
std::vector<std::vector<int>> PartitionByText(const std::vector<const TextProfile*>& articles,
                                              const TextPartitionOptions& options = {});

// Pairwise similarity of `articles` weighed against each other as above (story-local unit
// vectors; the diagonal is 0).
std::vector<std::vector<double>> LocalSimilarities(const std::vector<const TextProfile*>& articles);

}  // namespace crosscheck
