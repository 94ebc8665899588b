#include "store/facts_codec.h"

#include <gtest/gtest.h>

#include <cmath>

namespace crosscheck {
namespace {

// An invented report with every kind of fact: people with titles and roles, countries and
// cities, dates (absolute and relative), open-ended quantities ("more than" -> high = inf),
// direct and reported quotes, and talks with a round, venue and outcome.
Article InventedArticle() {
  Article a;
  a.id = "codec-1";
  a.published = "2026-03-30T19:15";
  a.language = "en";
  a.text =
      "Foreign Minister Ana Ribeiro of Portugal said on Tuesday that the second round of trade talks between "
      "Chile and Norway would open at the Harbour Conference Centre in Porto on April 14, 2026.\n\n"
      "More than 1,200 delegates and about 40% of the fleet owners are expected, and dozens of boats stayed in port. "
      "\xE2\x80\x9CWe are ready to sign,\xE2\x80\x9D Ribeiro told reporters. According to the Red Cross, at least "
      "300 families had left Valparaiso three years ago.\n\n"
      "The former Defence Minister Jonas Berg, head of the Norwegian delegation, said the talks ended with an "
      "agreement on quotas every week.";
  return a;
}

void ExpectSpan(Span a, Span b) {
  EXPECT_EQ(a.begin, b.begin);
  EXPECT_EQ(a.end, b.end);
}

// Bitwise-equal doubles, so inf == inf and NaN == NaN count as the same value.
void ExpectSameNumber(double a, double b) {
  if (std::isnan(a)) EXPECT_TRUE(std::isnan(b));
  else EXPECT_EQ(a, b);
}

void ExpectSameEntities(const EntityResult& a, const EntityResult& b) {
  ASSERT_EQ(a.entities.size(), b.entities.size());
  for (size_t i = 0; i < a.entities.size(); ++i) {
    EXPECT_EQ(a.entities[i].canonical, b.entities[i].canonical);
    EXPECT_EQ(a.entities[i].kind, b.entities[i].kind);
    EXPECT_EQ(a.entities[i].aliases, b.entities[i].aliases);
  }
  ASSERT_EQ(a.mentions.size(), b.mentions.size());
  for (size_t i = 0; i < a.mentions.size(); ++i) {
    ExpectSpan(a.mentions[i].span, b.mentions[i].span);
    EXPECT_EQ(a.mentions[i].sentence, b.mentions[i].sentence);
    EXPECT_EQ(a.mentions[i].entity, b.mentions[i].entity);
    EXPECT_EQ(a.mentions[i].by_proxy, b.mentions[i].by_proxy);
  }
}

void ExpectSameTimes(const std::vector<TimeExpression>& a, const std::vector<TimeExpression>& b) {
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    ExpectSpan(a[i].span, b[i].span);
    EXPECT_EQ(a[i].sentence, b[i].sentence);
    EXPECT_EQ(a[i].type, b[i].type);
    EXPECT_EQ(a[i].value, b[i].value);
    EXPECT_EQ(a[i].mod, b[i].mod);
    EXPECT_EQ(a[i].anchor, b[i].anchor);
    EXPECT_EQ(a[i].confidence, b[i].confidence);
    EXPECT_EQ(a[i].weekday, b[i].weekday);
  }
}

void ExpectSameQuantities(const std::vector<Quantity>& a, const std::vector<Quantity>& b) {
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    ExpectSpan(a[i].span, b[i].span);
    EXPECT_EQ(a[i].sentence, b[i].sentence);
    ExpectSameNumber(a[i].value, b[i].value);
    ExpectSameNumber(a[i].low, b[i].low);
    ExpectSameNumber(a[i].high, b[i].high);
    EXPECT_EQ(a[i].percent, b[i].percent);
    EXPECT_EQ(a[i].qualifier, b[i].qualifier);
    EXPECT_EQ(a[i].counted, b[i].counted);
    EXPECT_EQ(a[i].head, b[i].head);
  }
}

void ExpectSameRolesAndQuotes(const ArticleFacts& a, const ArticleFacts& b) {
  ASSERT_EQ(a.roles.size(), b.roles.size());
  for (size_t i = 0; i < a.roles.size(); ++i) {
    ExpectSpan(a.roles[i].span, b.roles[i].span);
    EXPECT_EQ(a.roles[i].sentence, b.roles[i].sentence);
    EXPECT_EQ(a.roles[i].person, b.roles[i].person);
    EXPECT_EQ(a.roles[i].office, b.roles[i].office);
    EXPECT_EQ(a.roles[i].of, b.roles[i].of);
    EXPECT_EQ(a.roles[i].former, b.roles[i].former);
    EXPECT_EQ(a.roles[i].implied, b.roles[i].implied);
  }
  ASSERT_EQ(a.quotes.size(), b.quotes.size());
  for (size_t i = 0; i < a.quotes.size(); ++i) {
    ExpectSpan(a.quotes[i].span, b.quotes[i].span);
    EXPECT_EQ(a.quotes[i].sentence, b.quotes[i].sentence);
    EXPECT_EQ(a.quotes[i].speaker, b.quotes[i].speaker);
    ExpectSpan(a.quotes[i].speaker_span, b.quotes[i].speaker_span);
    EXPECT_EQ(a.quotes[i].direct, b.quotes[i].direct);
  }
}

void ExpectSameEvents(const std::vector<EventMention>& a, const std::vector<EventMention>& b) {
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    ExpectSpan(a[i].span, b[i].span);
    EXPECT_EQ(a[i].sentence, b[i].sentence);
    EXPECT_EQ(a[i].kind, b[i].kind);
    EXPECT_EQ(a[i].round, b[i].round);
    EXPECT_EQ(a[i].times, b[i].times);
    EXPECT_EQ(a[i].venue, b[i].venue);
    EXPECT_EQ(a[i].places, b[i].places);
    EXPECT_EQ(a[i].participants, b[i].participants);
    EXPECT_EQ(a[i].quantities, b[i].quantities);
    EXPECT_EQ(a[i].outcome, b[i].outcome);
  }
}

void ExpectSameFacts(const ArticleFacts& a, const ArticleFacts& b) {
  ASSERT_EQ(a.sentences.size(), b.sentences.size());
  for (size_t i = 0; i < a.sentences.size(); ++i) ExpectSpan(a.sentences[i], b.sentences[i]);
  ExpectSameEntities(a.entities, b.entities);
  ExpectSameTimes(a.times, b.times);
  ExpectSameQuantities(a.quantities, b.quantities);
  ExpectSameRolesAndQuotes(a, b);
  ExpectSameEvents(a.events, b.events);
}

TEST(FactsCodec, AnalyzeOutputSurvivesRoundTripThroughText) {
  ArticleFacts facts = Analyze(InventedArticle());
  // The example must exercise what is hard to keep: every kind of fact and an infinite bound.
  EXPECT_FALSE(facts.entities.entities.empty());
  EXPECT_FALSE(facts.times.empty());
  EXPECT_FALSE(facts.roles.empty());
  EXPECT_FALSE(facts.quotes.empty());
  EXPECT_FALSE(facts.events.empty());
  bool infinite = false;
  for (const Quantity& q : facts.quantities) infinite |= std::isinf(q.high);
  EXPECT_TRUE(infinite) << "no open-ended quantity found";

  std::string text = ArticleFactsToJson(facts).dump();  // through text, as the store keeps it
  Result<ArticleFacts> back = ArticleFactsFromJson(nlohmann::json::parse(text));
  ASSERT_TRUE(back.ok()) << back.status().message();
  ExpectSameFacts(facts, back.value());
}

TEST(FactsCodec, HandMadeEdgeValuesSurvive) {
  ArticleFacts f;
  Quantity q;
  q.value = 0.1 + 0.2;  // not representable in short decimal
  q.low = -INFINITY;
  q.high = INFINITY;
  f.quantities.push_back(q);
  TimeExpression t;
  t.confidence = 0.7f;
  t.type = TimeType::kSet;
  f.times.push_back(t);
  Entity e{"S\xC3\xA3o Tom\xC3\xA9", EntityKind::kCountry, {"STP", ""}};
  f.entities.entities.push_back(e);
  Result<ArticleFacts> back = ArticleFactsFromJson(nlohmann::json::parse(ArticleFactsToJson(f).dump()));
  ASSERT_TRUE(back.ok()) << back.status().message();
  ExpectSameFacts(f, back.value());
}

TEST(FactsCodec, ForeignJsonIsAnErrorNotAnException) {
  EXPECT_FALSE(ArticleFactsFromJson(nlohmann::json::parse("[1,2]")).ok());
  EXPECT_FALSE(ArticleFactsFromJson(nlohmann::json::parse(R"({"v":1,"sentences":"x"})")).ok());
  nlohmann::json j = ArticleFactsToJson(ArticleFacts{});
  j["times"] = nlohmann::json::array({{{"s", {1, 2}}, {"t", 99}}});
  EXPECT_FALSE(ArticleFactsFromJson(j).ok());
  nlohmann::json discarded = nlohmann::json::parse("{", nullptr, false);
  EXPECT_FALSE(ArticleFactsFromJson(discarded).ok());
}

}  // namespace
}  // namespace crosscheck
