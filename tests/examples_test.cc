// The bundled example corpus (invented reports in examples/corpus/) against its answer key
// examples/corpus/EXPECTED.json: every article extracted, with its title, author, date, the
// first and last words of its body, and none of the page furniture listed for it; and every
// article grouped into its event's story and event.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "run_command.h"

namespace crosscheck {
namespace {

TEST(ExamplesTest, EveryExampleArticleComesOutCleanWithItsMetadata) {
  auto expected = nlohmann::json::parse(testing::Slurp("examples/corpus/EXPECTED.json"));
  auto r = testing::RunCrosscheck("extract examples/corpus");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::map<std::string, nlohmann::json> got;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    auto j = nlohmann::json::parse(line);
    got[j["id"]] = j;
  }
  EXPECT_EQ(got.size(), expected.size());
  for (const auto& [id, e] : expected.items()) {
    SCOPED_TRACE(id);
    ASSERT_TRUE(got.count(id));
    const auto& a = got[id];
    std::string text = a["text"];
    EXPECT_EQ(a["title"], e["title"]);
    if (!e["author"].get<std::string>().empty()) { EXPECT_EQ(a["author"], e["author"]); }
    std::string published = a["published"];
    EXPECT_EQ(published.substr(0, 10), e["published"].get<std::string>());
    EXPECT_EQ(text.rfind(e["body_first"].get<std::string>(), 0), 0u) << text.substr(0, 160);
    EXPECT_TRUE(text.ends_with(e["body_last"].get<std::string>())) << text.substr(text.size() > 160 ? text.size() - 160 : 0);
    for (const auto& junk : e["boilerplate"]) { EXPECT_EQ(text.find(junk.get<std::string>()), std::string::npos) << junk; }
    EXPECT_EQ(a["language"], "en");
  }
}

// Where `crosscheck group` put each article: its story, its primary event and every event it
// is linked to.
struct Placement {
  std::string story, primary;
  std::set<std::string> events;
};

std::map<std::string, Placement> Placements(const nlohmann::json& grouping) {
  std::map<std::string, Placement> out;
  for (const auto& story : grouping["stories"]) {
    for (const auto& id : story["articles"]) {
      EXPECT_FALSE(out.count(id)) << id << " is in two stories";
      out[id].story = story["id"];
    }
    for (const auto& event : story["events"]) {
      for (const auto& id : event["articles"]) out[id].events.insert(event["id"].get<std::string>());
      for (const auto& id : event["primary_articles"]) {
        EXPECT_TRUE(out[id].primary.empty()) << id << " is primary in two events";
        out[id].primary = event["id"];
      }
    }
  }
  return out;
}

// EXPECTED.json's `event` is "E2", or "E1-round1" / "E1-round2" / "E1-both" for the two rounds of
// one story: the story is what comes before the dash.
std::string StoryOf(const std::string& event) { return event.substr(0, event.find('-')); }

void ExpectEveryArticleInItsStoryAndEvent(const std::string& args) {
  SCOPED_TRACE(args);
  auto expected = nlohmann::json::parse(testing::Slurp("examples/corpus/EXPECTED.json"));
  auto r = testing::RunCrosscheck(args);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::map<std::string, Placement> got = Placements(nlohmann::json::parse(r.out));
  ASSERT_EQ(got.size(), expected.size());
  std::map<std::string, std::string> story_of_gold, gold_of_story, event_of_gold, gold_of_event;
  for (const auto& [id, e] : expected.items()) {
    SCOPED_TRACE(id);
    ASSERT_TRUE(got.count(id));
    const Placement& p = got.at(id);
    const std::string gold = e["event"], gold_story = StoryOf(gold);
    // One story per invented story, and no story holds two.
    if (!story_of_gold.count(gold_story)) story_of_gold[gold_story] = p.story;
    EXPECT_EQ(p.story, story_of_gold[gold_story]) << gold_story << " is spread over stories";
    if (!gold_of_story.count(p.story)) gold_of_story[p.story] = gold_story;
    EXPECT_EQ(gold_of_story[p.story], gold_story) << p.story << " mixes stories";
    // One event per happening: an article covering both rounds is primary in one of them and
    // linked to both; the others are primary in their round's event.
    if (gold.ends_with("-both")) continue;
    if (!event_of_gold.count(gold)) event_of_gold[gold] = p.primary;
    EXPECT_EQ(p.primary, event_of_gold[gold]) << gold << " is spread over events";
    if (!gold_of_event.count(p.primary)) gold_of_event[p.primary] = gold;
    EXPECT_EQ(gold_of_event[p.primary], gold) << p.primary << " mixes happenings";
  }
  for (const auto& [id, e] : expected.items()) {
    const std::string gold = e["event"];
    if (!gold.ends_with("-both")) continue;
    SCOPED_TRACE(id);
    const Placement& p = got.at(id);
    for (const char* round : {"-round1", "-round2"}) {
      const std::string event = event_of_gold[StoryOf(gold) + round];
      EXPECT_TRUE(p.events.count(event)) << "not linked to " << StoryOf(gold) << round;
    }
    EXPECT_TRUE(gold_of_event.count(p.primary)) << "primary in an event of its own";
  }
  EXPECT_EQ(gold_of_event.size(), event_of_gold.size());
}

TEST(ExamplesTest, EveryExampleArticleInItsEventsStoryAndEvent) {
  // In the order the files are listed (the JSON Lines batch last, though its articles are
  // from March) and in publication order.
  ExpectEveryArticleInItsStoryAndEvent("group examples/corpus");
  ExpectEveryArticleInItsStoryAndEvent("group --batch examples/corpus");
}

}  // namespace
}  // namespace crosscheck
