#include "group/group.h"

#include <gtest/gtest.h>

#include <tuple>

#include "group/grouping_json.h"

namespace crosscheck {
namespace {

Article Make(const std::string& id, const std::string& published, const std::string& title, const std::string& text) {
  Article a;
  a.id = id;
  a.published = published;
  a.title = title;
  a.text = text;
  return a;
}

// Invented reports: a bridge collapse in a fictional town (three outlets, one a wire copy with a
// new headline and a footer) and an unrelated museum opening.
const char* kBridge =
    "The Old Mill bridge over the Arden river in Kessington collapsed early on Sunday, sending two "
    "delivery vans into the water. Rescue crews pulled both drivers out alive, the Kessington fire "
    "service said.\n\nEngineers had inspected the bridge in March and found corrosion in two of its "
    "steel girders, according to council documents. The council had planned repairs for the autumn.\n\n"
    "Traffic between Kessington and Aldbury is being diverted over the Weir Road crossing.";
const char* kBridgeOther =
    "Two drivers survived when the Old Mill bridge in Kessington gave way on Sunday morning and their "
    "vans fell into the Arden. Council records show inspectors flagged corroded girders on the Kessington "
    "bridge in March; repairs were scheduled for autumn. Diversions via Weir Road to Aldbury remain.";
const char* kMuseum =
    "The Harbour Museum of Lantern Making opened its new glass wing in Port Emmerly on Saturday, with "
    "three hundred lanterns on display and a workshop for children. The museum expects 40,000 visitors.";

TEST(GroupTest, CopiesStoriesAndOrder) {
  std::vector<Article> articles = {
      Make("wire-copy", "2031-04-06T09:00:00Z", "Vans plunge into river as Kessington bridge fails",
           std::string(kBridge) + "\n\nSign up for our daily newsletter. Follow us on social media."),
      Make("museum", "2031-04-05T18:00:00Z", "Lantern museum opens glass wing", kMuseum),
      Make("original", "2031-04-06T07:30:00Z", "Kessington bridge collapses", kBridge),
      Make("other-outlet", "2031-04-06T11:00:00Z", "Drivers survive bridge collapse", kBridgeOther),
  };
  std::vector<GroupInput> inputs;
  for (const auto& a : articles) inputs.push_back({&a, nullptr});
  GroupOptions options;
  options.batch = true;
  Grouping g = GroupArticles(inputs, options);

  ASSERT_EQ(g.copies.size(), 1u);
  EXPECT_EQ(g.copies[0].original, "original");  // published earlier, though listed later
  EXPECT_EQ(g.copies[0].copy, "wire-copy");
  EXPECT_GT(g.copies[0].jaccard, 0.7);
  ASSERT_EQ(g.copy_groups.size(), 1u);
  EXPECT_EQ(g.copy_groups[0], (std::vector<std::string>{"original", "wire-copy"}));

  ASSERT_EQ(g.stories.size(), 2u);
  EXPECT_EQ(g.stories[0].id, "s1");
  EXPECT_EQ(g.stories[0].articles, (std::vector<std::string>{"museum"}));
  EXPECT_EQ(g.stories[1].articles, (std::vector<std::string>{"original", "wire-copy", "other-outlet"}));
  ASSERT_EQ(g.stories[1].events.size(), 1u);  // no analysis: one event per story
  EXPECT_EQ(g.stories[1].events[0].id, "s2-e1");
  EXPECT_EQ(g.stories[1].events[0].primary_articles, g.stories[1].articles);

  auto json = GroupingToJson(g);
  EXPECT_EQ(json["stories"][1]["events"][0]["id"], "s2-e1");
  EXPECT_EQ(json["copies"][0]["original"], "original");
}

TEST(GroupTest, IndependentOfInputOrderInBatchMode) {
  std::vector<Article> articles = {Make("a", "2031-04-06T07:30:00Z", "", kBridge),
                                   Make("b", "2031-04-06T11:00:00Z", "", kBridgeOther),
                                   Make("c", "2031-04-05T18:00:00Z", "", kMuseum)};
  auto run = [&](std::vector<int> order) {
    std::vector<GroupInput> inputs;
    for (int i : order) inputs.push_back({&articles[i], nullptr});
    GroupOptions options;
    options.batch = true;
    return GroupArticles(inputs, options).stories.size();
  };
  EXPECT_EQ(run({0, 1, 2}), run({2, 1, 0}));
}

TEST(GroupTest, EventsFromAnalysis) {
  // Two rounds of invented talks in one story; the analysis is written by hand.
  std::vector<Article> articles = {
      Make("r1", "2031-05-16T12:00:00Z", "Talks open in Valmora", "Northland and Southland delegations met in Valmora for talks."),
      Make("r2", "2031-06-02T12:00:00Z", "Second round of talks in Valmora", "Northland and Southland delegations met again in Valmora for talks.")};
  auto facts_for = [](int round, const std::string& day) {
    ArticleFacts f;
    f.entities.entities = {{"Northland", EntityKind::kCountry, {}}, {"Valmora", EntityKind::kPlace, {}}};
    TimeExpression t;
    t.value = day;
    f.times = {t};
    EventMention m;
    m.kind = "talks";
    m.sentence = 0;
    m.round = round;
    m.times = {0};
    m.places = {1};
    m.participants = {0};
    f.events = {m};
    return f;
  };
  std::vector<ArticleFacts> facts = {facts_for(1, "2031-05-16"), facts_for(2, "2031-06-02")};
  GroupOptions options;
  options.story_threshold = 0.1;
  Grouping g = GroupArticles({{&articles[0], &facts[0]}, {&articles[1], &facts[1]}}, options);
  ASSERT_EQ(g.stories.size(), 1u);
  ASSERT_EQ(g.stories[0].events.size(), 2u);
  EXPECT_EQ(g.stories[0].events[0].date, "2031-05-16");
  EXPECT_EQ(g.stories[0].events[0].place, "Valmora");
  EXPECT_EQ(g.stories[0].events[0].articles, (std::vector<std::string>{"r1"}));
  EXPECT_EQ(g.stories[0].events[1].articles, (std::vector<std::string>{"r2"}));
  EXPECT_EQ(g.stories[0].events[1].participants, (std::vector<std::string>{"Northland"}));
}

TEST(GroupTest, SameKindHappeningsYearsApartAreTwoStories) {
  // Two invented rehab stays five years apart, reported without publication dates (the order
  // is shuffled): one story's words, different names and years. The analysis is by hand: one
  // date in the lead of each report.
  const char* kQuill[] = {
      "Actress Mara Quill has checked into the Cedar Hollow treatment center, her publicist said.\n"
      "Quill entered rehab after a difficult year, her representative told reporters.",
      "Mara Quill checked into rehab at Cedar Hollow on Friday.\nThe actress asked for privacy.",
      "Quill, 31, entered the Cedar Hollow treatment center, her publicist confirmed.\n"
      "The actress has been in rehab before.",
      "Cedar Hollow staff welcomed actress Mara Quill, who checked into rehab for treatment.\nQuill, 31, asked fans for privacy."};
  const char* kVale[] = {
      "Actor Tobin Vale has checked into Larkspur Clinic for treatment, his agent said.\n"
      "Vale entered rehab after his arrest, the actor's representative told reporters.",
      "Tobin Vale checked into rehab at Larkspur Clinic on Monday.\nThe actor asked for privacy.",
      "Vale, 44, entered the Larkspur Clinic treatment program, his agent confirmed.\n"
      "The actor has been in rehab before.",
      "Larkspur Clinic confirmed that actor Tobin Vale checked into rehab for treatment.\nVale, 44, asked fans for privacy."};
  std::vector<Article> articles;
  std::vector<ArticleFacts> facts;
  for (int i = 0; i < 4; ++i) {
    for (const auto& [name, text, day] : {std::tuple{"quill", kQuill[i], "2031-05-02"}, std::tuple{"vale", kVale[i], "2036-06-09"}}) {
      articles.push_back(Make(std::string(name) + std::to_string(i), "", "", text));
      ArticleFacts f;
      TimeExpression t;
      t.sentence = 0;
      t.value = day;
      f.times = {t};
      facts.push_back(f);
    }
  }
  std::vector<GroupInput> inputs;
  for (size_t i = 0; i < articles.size(); ++i) inputs.push_back({&articles[i], &facts[i]});
  Grouping g = GroupArticles(inputs, GroupOptions{});
  ASSERT_EQ(g.stories.size(), 2u);
  for (const Story& story : g.stories) {
    ASSERT_EQ(story.articles.size(), 4u);
    for (const std::string& id : story.articles) EXPECT_EQ(id.substr(0, 4), story.articles[0].substr(0, 4));
  }
}

}  // namespace
}  // namespace crosscheck
