#include "analyze/quotes.h"

#include <gtest/gtest.h>

#include "analyze/sentences.h"

namespace crosscheck {
namespace {

struct Found {
  std::string words, speaker;
  bool direct;
};

std::vector<Found> Quotes(const std::string& text) {
  auto sentences = SplitSentences(text);
  EntityResult entities = FindEntities(text, sentences);
  std::vector<Found> out;
  for (const Quote& q : FindQuotes(text, sentences, entities))
    out.push_back({text.substr(q.span.begin, q.span.end - q.span.begin),
                   q.speaker >= 0 ? entities.entities[q.speaker].canonical : "", q.direct});
  return out;
}

TEST(QuotesTest, SpeakerNamedAfterBeforeOrByPronoun) {
  auto q = Quotes("Fisheries Minister Khady Tounkara arrived early. \xE2\x80\x9CWe have agreed to keep talking,\xE2\x80\x9D she said. "
                  "\xE2\x80\x9CThe boats will be home by April,\xE2\x80\x9D said Captain Idrissa Faye of the port authority. "
                  "Helena Cordeiro said: \xE2\x80\x9CThis is a first step, not the last one.\xE2\x80\x9D");
  ASSERT_EQ(q.size(), 3u);
  EXPECT_EQ(q[0].words, "We have agreed to keep talking");
  EXPECT_EQ(q[0].speaker, "Khady Tounkara");
  EXPECT_EQ(q[1].speaker, "Idrissa Faye");
  EXPECT_EQ(q[2].words, "This is a first step, not the last one.");
  EXPECT_EQ(q[2].speaker, "Helena Cordeiro");
  for (const auto& f : q) EXPECT_TRUE(f.direct);
}

TEST(QuotesTest, ReportedSpeechAndScareQuotes) {
  auto q = Quotes("The operation, codenamed \xE2\x80\x9C" "Blue Heron,\xE2\x80\x9D began at dawn. "
                  "Port director Amadou Sy said that the ferry had been overloaded by at least forty passengers. "
                  "Ten people were still missing on Sunday, according to Amadou Sy.");
  ASSERT_EQ(q.size(), 2u) << (q.empty() ? "" : q[0].words);
  EXPECT_FALSE(q[0].direct);
  EXPECT_EQ(q[0].words, "the ferry had been overloaded by at least forty passengers");
  EXPECT_EQ(q[0].speaker, "Amadou Sy");
  EXPECT_EQ(q[1].words, "Ten people were still missing on Sunday");
  EXPECT_EQ(q[1].speaker, "Amadou Sy");
}

}  // namespace
}  // namespace crosscheck
