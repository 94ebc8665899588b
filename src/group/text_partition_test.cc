#include "group/text_partition.h"

#include <gtest/gtest.h>

namespace crosscheck {
namespace {

// An invented report: `text`, and the DATE values its analysis found, each in a sentence.
struct Report {
  std::string text;
  std::vector<std::pair<int, std::string>> dates;  // (sentence, value)
};

TextProfile Profile(const Report& report) {
  Article article;
  article.text = report.text;
  ArticleFacts facts;
  for (const auto& [sentence, value] : report.dates) {
    TimeExpression time;
    time.sentence = sentence;
    time.value = value;
    facts.times.push_back(time);
  }
  return ProfileText(article, &facts);
}

std::vector<std::vector<int>> Partition(const std::vector<Report>& reports) {
  std::vector<TextProfile> profiles;
  for (const Report& r : reports) profiles.push_back(Profile(r));
  std::vector<const TextProfile*> pointers;
  for (const TextProfile& p : profiles) pointers.push_back(&p);
  return PartitionByText(pointers);
}

// Two stays in rehab of two invented actors five years apart: one story's words, different
// names and years.
const std::vector<Report> kTwoStays = {
    {"Actress Mara Quill has checked into the Cedar Hollow treatment center, her publicist said on May 2, 2031.\n"
     "Quill entered rehab after a difficult year, her representative told reporters.",
     {{0, "2031-05-02"}}},
    {"Mara Quill checked into rehab at Cedar Hollow on Friday, May 2, 2031.\nThe actress asked for privacy.",
     {{0, "2031-05-02"}}},
    {"Quill, 31, entered the Cedar Hollow treatment center in 2031, her publicist confirmed.\n"
     "The actress has been in rehab before.",
     {{0, "2031-05"}}},
    {"Actor Tobin Vale has checked into Larkspur Clinic for treatment, his agent said on June 9, 2036.\n"
     "Vale entered rehab after his arrest, the actor's representative told reporters.",
     {{0, "2036-06-09"}}},
    {"Tobin Vale checked into rehab at Larkspur Clinic on June 9, 2036.\nThe actor asked for privacy.",
     {{0, "2036-06-09"}}},
    {"Vale, 44, entered the Larkspur Clinic treatment program in June 2036, his agent confirmed.\n"
     "The actor has been in rehab before.",
     {{0, "2036-06"}}},
};

TEST(TextPartitionTest, HappeningsYearsApartArePartedByWordsAndYears) {
  EXPECT_EQ(Partition(kTwoStays), (std::vector<std::vector<int>>{{0, 1, 2}, {3, 4, 5}}));
}

TEST(TextPartitionTest, WordsAloneDoNotPart) {
  // The same two halves with every date in one year: a follow-up, not a second happening.
  std::vector<Report> same_year = kTwoStays;
  for (Report& r : same_year) {
    for (auto& [sentence, value] : r.dates) value = "2031" + value.substr(4);
  }
  EXPECT_EQ(Partition(same_year), (std::vector<std::vector<int>>{{0, 1, 2, 3, 4, 5}}));
}

TEST(TextPartitionTest, TooFewArticlesForTwoHalves) {
  const std::vector<Report> four = {kTwoStays[0], kTwoStays[1], kTwoStays[3], kTwoStays[4]};
  EXPECT_EQ(Partition(four), (std::vector<std::vector<int>>{{0, 1, 2, 3}}));
}

TEST(TextPartitionTest, ProfileHoldsYearsAndTheLeadYear) {
  TextProfile p = Profile({"One.\nTwo.\nThree.\nFour.\nFive.", {{1, "1998"}, {2, "2031-05-02"}, {4, "2029-01"}}});
  EXPECT_EQ(p.years, (std::vector<int>{1998, 2029, 2031}));
  EXPECT_EQ(p.lead_year, 2031);  // a bare year does not date the lead
  TextProfile late = Profile({"One.\nTwo.\nThree.\nFour.\nFive.", {{4, "2029-01-03"}}});
  EXPECT_EQ(late.lead_year, 0);  // below the lead
}

TEST(TextPartitionTest, LocalSimilaritiesWeighTheSharedVocabularyDown) {
  std::vector<TextProfile> profiles;
  for (const Report& r : kTwoStays) profiles.push_back(Profile(r));
  std::vector<const TextProfile*> pointers;
  for (const TextProfile& p : profiles) pointers.push_back(&p);
  const auto sim = LocalSimilarities(pointers);
  EXPECT_EQ(sim[0][0], 0);
  EXPECT_GT(sim[0][1], 2 * sim[0][4]);  // same stay far more alike than the other stay
}

}  // namespace
}  // namespace crosscheck
