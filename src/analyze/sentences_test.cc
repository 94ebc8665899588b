#include "analyze/sentences.h"

#include <gtest/gtest.h>

namespace crosscheck {
namespace {

std::vector<std::string> Split(std::string_view text) {
  std::vector<std::string> out;
  for (Span s : SplitSentences(text)) out.emplace_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

TEST(SentencesTest, TitlesAbbreviationsAndTimesDoNotEndASentence) {
  auto s = Split("Gen. Amadou Sy met U.S. officials at 10 a.m. local time on Monday. Talks lasted an hour. "
                 "\"We made progress,\" said Dr. Ines Carvalho of the U.N. agency.");
  ASSERT_EQ(s.size(), 3u) << ::testing::PrintToString(s);
  EXPECT_EQ(s[0], "Gen. Amadou Sy met U.S. officials at 10 a.m. local time on Monday.");
  EXPECT_EQ(s[1], "Talks lasted an hour.");
}

TEST(SentencesTest, ParagraphBreaksEndSentencesAndOffsetsAreBytes) {
  std::string text = "Caf\xC3\xA9 owners protest\n\nThe council met on Tuesday. It voted.";
  auto spans = SplitSentences(text);
  ASSERT_EQ(spans.size(), 3u);
  EXPECT_EQ(text.substr(spans[0].begin, spans[0].end - spans[0].begin), "Caf\xC3\xA9 owners protest");
  EXPECT_EQ(text.substr(spans[2].begin, spans[2].end - spans[2].begin), "It voted.");
  EXPECT_EQ(SentenceAt(spans, spans[1].begin + 3), 1);
  EXPECT_EQ(SentenceAt(spans, 0), 0);
}

}  // namespace
}  // namespace crosscheck
