#include "group/event_splitter.h"

#include <gtest/gtest.h>

namespace crosscheck {
namespace {

// Hand-made analysis of an invented report: each event mention is (sentence, round, date,
// venue); one place entity "Valmora" and two participants.
struct MentionSpec {
  int sentence;
  int round;
  std::string date;
  std::string venue;
};

ArticleFacts Facts(const std::vector<MentionSpec>& mentions) {
  ArticleFacts facts;
  facts.entities.entities = {{"Valmora", EntityKind::kPlace, {"Valmora"}},
                             {"Northland", EntityKind::kCountry, {"Northland"}},
                             {"Southland", EntityKind::kCountry, {"Southland"}}};
  for (const MentionSpec& m : mentions) {
    EventMention event;
    event.sentence = m.sentence;
    event.kind = "talks";
    event.round = m.round;
    event.venue = m.venue;
    event.places = {0};
    event.participants = {1, 2};
    if (!m.date.empty()) {
      TimeExpression time;
      time.sentence = m.sentence;
      time.value = m.date;
      facts.times.push_back(time);
      event.times = {static_cast<int>(facts.times.size()) - 1};
    }
    facts.events.push_back(event);
  }
  return facts;
}

TEST(EventSplitterTest, TwoRoundsAreTwoEventsAndARecapLinksBoth) {
  Article article;
  std::vector<ArticleFacts> facts = {
      Facts({{0, 1, "2031-05-16", "Lantern Hall"}, {3, 0, "2031-05-16", ""}}),  // first round report
      Facts({{0, 1, "", ""}, {2, 0, "2031-05-16", "Lantern Hall"}}),            // first round, no date up top
      Facts({{0, 2, "2031-06-02", "Copper Palace"}, {1, 0, "2031-06-02", ""}, {9, 1, "2031-05-16", ""}}),  // recap
      Facts({{0, 2, "2031-06-02", ""}}),
      Facts({{1, 0, "2031-06-03", "Copper Palace"}}),  // a day's disagreement is the same event
  };
  std::vector<ArticleEventCues> cues;
  for (const auto& f : facts) cues.push_back(ExtractEventCues(article, &f));
  EventSplit split = SplitEvents(cues);
  ASSERT_EQ(split.events.size(), 2u);
  EXPECT_EQ(split.primary, (std::vector<int>{0, 0, 1, 1, 1}));
  EXPECT_EQ(split.events[0].date, "2031-05-16");
  EXPECT_EQ(split.events[0].place, "Lantern Hall");
  EXPECT_EQ(split.events[1].date, "2031-06-02");
  EXPECT_EQ(split.events[1].place, "Copper Palace");
  EXPECT_EQ(split.events[0].articles, (std::vector<int>{0, 1, 2}));  // the recap links the first round
  EXPECT_EQ(split.events[1].articles, (std::vector<int>{2, 3, 4}));
  EXPECT_EQ(split.events[0].participants, (std::vector<std::string>{"Northland", "Southland"}));
}

TEST(EventSplitterTest, NoCuesIsOneEvent) {
  std::vector<ArticleEventCues> cues(3);
  EventSplit split = SplitEvents(cues);
  ASSERT_EQ(split.events.size(), 1u);
  EXPECT_EQ(split.events[0].articles, (std::vector<int>{0, 1, 2}));
  EXPECT_EQ(split.events[0].date, "");
}

TEST(EventSplitterTest, ArticlesWithoutCuesJoinTheLargestEvent) {
  Article article;
  std::vector<ArticleFacts> facts = {Facts({{0, 1, "2031-03-01", ""}}), Facts({{0, 1, "", ""}}),
                                     Facts({{0, 2, "2031-04-20", ""}}), Facts({}), Facts({{1, 2, "", ""}}),
                                     Facts({{0, 2, "2031-04-21", ""}})};
  std::vector<ArticleEventCues> cues;
  for (const auto& f : facts) cues.push_back(ExtractEventCues(article, &f));
  EventSplit split = SplitEvents(cues);
  ASSERT_EQ(split.events.size(), 2u);
  EXPECT_EQ(split.primary, (std::vector<int>{0, 0, 1, 1, 1, 1}));
  EXPECT_EQ(split.events[1].date, "2031-04-20/2031-04-21");
}

TEST(EventSplitterTest, DatesAloneDoNotSplit) {
  // A happening and its aftermath days later (the crash, then the funeral): no round numbers
  // them, so one event, dated by what most reports are mainly about.
  Article article;
  std::vector<ArticleFacts> facts = {Facts({{0, 0, "2031-03-01", ""}}), Facts({{0, 0, "2031-03-01", ""}}),
                                     Facts({{0, 0, "2031-03-02", ""}}), Facts({{0, 0, "2031-03-09", ""}})};
  std::vector<ArticleEventCues> cues;
  for (const auto& f : facts) cues.push_back(ExtractEventCues(article, &f));
  EventSplit split = SplitEvents(cues);
  ASSERT_EQ(split.events.size(), 1u);
  EXPECT_EQ(split.primary, (std::vector<int>{0, 0, 0, 0}));
  EXPECT_EQ(split.events[0].date, "2031-03-01/2031-03-02");  // the day after is a day's disagreement
}

TEST(EventSplitterTest, ARoundNamedOnlyFurtherDownIsARecap) {
  // The fourth report leads with an undated, unnumbered session and names the first round only
  // in its tenth sentence ("the first round took place last month"): it reports the second.
  Article article;
  std::vector<ArticleFacts> facts = {Facts({{0, 1, "2031-05-16", "Lantern Hall"}}), Facts({{0, 1, "", ""}}),
                                     Facts({{0, 2, "2031-06-02", "Copper Palace"}}), Facts({{0, 0, "", ""}, {9, 1, "", ""}}),
                                     Facts({{1, 2, "", ""}})};
  std::vector<ArticleEventCues> cues;
  for (const auto& f : facts) cues.push_back(ExtractEventCues(article, &f));
  EventSplit split = SplitEvents(cues);
  ASSERT_EQ(split.events.size(), 2u);
  EXPECT_EQ(split.primary, (std::vector<int>{0, 0, 1, 1, 1}));
  EXPECT_EQ(split.events[0].articles, (std::vector<int>{0, 1, 3}));  // still linked to the round it recaps
}

TEST(EventSplitterTest, RoundsBelowTheLeadFoundNoEvent) {
  // A bout "stopped in the sixth round" after "a cut in the third": rounds of one happening.
  Article article;
  std::vector<ArticleFacts> facts = {Facts({{0, 0, "", ""}, {3, 6, "", ""}}), Facts({{0, 0, "", ""}, {4, 3, "", ""}}),
                                     Facts({{0, 0, "", ""}, {5, 1, "", ""}})};
  std::vector<ArticleEventCues> cues;
  for (const auto& f : facts) cues.push_back(ExtractEventCues(article, &f));
  EventSplit split = SplitEvents(cues);
  EXPECT_EQ(split.events.size(), 1u);
}

}  // namespace
}  // namespace crosscheck
