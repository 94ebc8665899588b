#include "group/terms.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace crosscheck {
namespace {

float CountOf(const std::vector<TermCount>& counts, std::string_view word) {
  for (const auto& tc : counts) {
    if (tc.term == WordTerm(word)) return tc.count;
  }
  return 0;
}

TEST(TermsTest, NormalisesWords) {
  std::vector<TermCount> counts;
  TermOptions options;
  CountWords("", "The ferry to Lindholm was cancelled after 3 storms. Ferry crews said it was the 3rd time.", options,
             &counts);
  EXPECT_EQ(CountOf(counts, "the"), 0);      // stop word
  EXPECT_EQ(CountOf(counts, "said"), 0);     // reporting verb
  EXPECT_EQ(CountOf(counts, "3"), 1);        // numbers kept
  EXPECT_EQ(CountOf(counts, "lindholm"), options.name_boost);  // a name inside a sentence
  EXPECT_EQ(CountOf(counts, "ferry"), 2);    // sentence-initial capital is no name
  EXPECT_EQ(CountOf(counts, "storms"), 1);
}

float Count(const std::vector<TermCount>& counts, TermId term) {
  for (const auto& tc : counts) {
    if (tc.term == term) return tc.count;
  }
  return 0;
}

TEST(TermsTest, WordsAndNamesInOnePass) {
  std::vector<TermCount> counts;
  TermOptions options;
  const std::string text = "Rescuers reached Lindholm at 6 a.m. on Sunday.\nLater, Lindholm officials met Ferris crews.";
  CountWordsAndNames("Ferry sinks off Lindholm", text, text.find('\n'), 5.0f, options, &counts);
  EXPECT_EQ(Count(counts, WordTerm("lindholm")), options.title_weight * options.name_boost + 2 * options.name_boost);
  EXPECT_EQ(Count(counts, NameTerm("lindholm")), 2);       // the text's names, once each
  EXPECT_EQ(Count(counts, NameTerm("6")), 1);              // numbers too
  EXPECT_EQ(Count(counts, NameTerm("rescuers")), 0);       // a sentence's first word is no name
  EXPECT_EQ(Count(counts, LeadNameTerm("lindholm")), 10);  // title and first paragraph
  EXPECT_EQ(Count(counts, LeadNameTerm("ferris")), 0);     // below the lead
  EXPECT_EQ(Count(counts, NameTerm("ferris")), 1);
  EXPECT_TRUE(std::is_sorted(counts.begin(), counts.end(),
                             [](const TermCount& a, const TermCount& b) { return a.term < b.term; }));
}

TEST(TermsTest, TitleWeighsMore) {
  std::vector<TermCount> counts;
  TermOptions options;
  CountWords("glacier", "glacier", options, &counts);
  EXPECT_EQ(CountOf(counts, "glacier"), 1 + options.title_weight);
}

TEST(TermsTest, SparseVectorOps) {
  SparseVector a, b;
  a.entries = {{1, 1.0f}, {3, 2.0f}};
  b.entries = {{2, 5.0f}, {3, 1.0f}};
  EXPECT_DOUBLE_EQ(Dot(a, b), 2.0);
  AddScaled(&a, b, 2.0f);
  ASSERT_EQ(a.entries.size(), 3u);
  EXPECT_FLOAT_EQ(a.entries[1].second, 10.0f);
  EXPECT_FLOAT_EQ(a.entries[2].second, 4.0f);
  EXPECT_EQ(a.TopTerms(2), (std::vector<TermId>{2, 3}));
  a.KeepTop(1);
  ASSERT_EQ(a.entries.size(), 1u);
  EXPECT_EQ(a.entries[0].first, 2u);
  a.Normalize();
  EXPECT_NEAR(a.Norm(), 1.0, 1e-6);
}

TEST(TermsTest, IdfFavoursRareTerms) {
  DocumentFrequency df;
  df.Add({{1, 1}, {2, 1}});
  df.Add({{1, 1}});
  df.Add({{1, 1}});
  EXPECT_GT(df.Idf(2), df.Idf(1));
  EXPECT_GT(df.Idf(7), df.Idf(2));
  SparseVector v = TfIdf({{1, 1}, {2, 1}}, df);
  EXPECT_NEAR(v.Norm(), 1.0, 1e-6);
  EXPECT_NE(EntityTerm("kyiv"), WordTerm("kyiv"));
}

}  // namespace
}  // namespace crosscheck
