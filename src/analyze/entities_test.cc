#include "analyze/entities.h"

#include <gtest/gtest.h>

#include <string>

#include "analyze/sentences.h"

namespace crosscheck {
namespace {

struct Found {
  std::string text;
  EntityResult result;

  // The entity a mention with exactly this surface belongs to, or nullptr.
  const Entity* At(std::string_view surface, bool* by_proxy = nullptr) const {
    for (const EntityMention& m : result.mentions) {
      if (text.substr(m.span.begin, m.span.end - m.span.begin) != surface) continue;
      if (by_proxy) *by_proxy = m.by_proxy;
      return &result.entities[m.entity];
    }
    return nullptr;
  }
};

Found Find(std::string text) {
  Found f{std::move(text), {}};
  f.result = FindEntities(f.text, SplitSentences(f.text));
  return f;
}

// --- EntityKey ---------------------------------------------------------------------------

TEST(EntityKey, FoldsTransliterationsOfOnePerson) {
  std::string k = EntityKey("Volodymyr Zelenskyy", EntityKind::kPerson);
  EXPECT_EQ(k, EntityKey("Volodymyr Zelensky", EntityKind::kPerson));
  EXPECT_EQ(k, EntityKey("Volodymyr Zelenskiy", EntityKind::kPerson));
  EXPECT_EQ(EntityKey("Sergei Antonov", EntityKind::kPerson), EntityKey("Sergey Antonov", EntityKind::kPerson));
  EXPECT_EQ(EntityKey("Dmitriy Orlov", EntityKind::kPerson), EntityKey("Dmitry Orlov", EntityKind::kPerson));
  EXPECT_EQ(EntityKey("Mikhail Kuznetsov", EntityKind::kPerson), EntityKey("Mihail Kuznetsoff", EntityKind::kPerson));
  EXPECT_EQ(EntityKey("Recep Tayyip Erdoğan", EntityKind::kPerson),
            EntityKey("Recep Tayyip Erdogan", EntityKind::kPerson));
  EXPECT_EQ(EntityKey("George W. Bush", EntityKind::kPerson), EntityKey("George Bush", EntityKind::kPerson));
}

TEST(EntityKey, KeepsDifferentPeopleApart) {
  EXPECT_NE(EntityKey("Olena Zelenska", EntityKind::kPerson), EntityKey("Volodymyr Zelensky", EntityKind::kPerson));
  EXPECT_NE(EntityKey("Zelenska", EntityKind::kPerson), EntityKey("Zelensky", EntityKind::kPerson));
  EXPECT_NE(EntityKey("Tomas Verhoeven", EntityKind::kPerson), EntityKey("Tomas Verhagen", EntityKind::kPerson));
  EXPECT_NE(EntityKey("Anna Petrova", EntityKind::kPerson), EntityKey("Anna Petrov", EntityKind::kPerson));
}

TEST(EntityKey, KnownSurnameMeetsFullName) {
  EXPECT_EQ(EntityKey("Zelenskiy", EntityKind::kPerson), EntityKey("Volodymyr Zelenskyy", EntityKind::kPerson));
}

TEST(EntityKey, PlacesAndCountriesMeetUnderAliases) {
  EXPECT_EQ(EntityKey("Kiev", EntityKind::kPlace), EntityKey("Kyiv", EntityKind::kPlace));
  EXPECT_EQ(EntityKey("Türkiye", EntityKind::kCountry), EntityKey("Turkey", EntityKind::kCountry));
  EXPECT_EQ(EntityKey("Turkiye", EntityKind::kCountry), EntityKey("Turkey", EntityKind::kCountry));
  EXPECT_EQ(EntityKey("Burma", EntityKind::kCountry), EntityKey("Myanmar", EntityKind::kCountry));
  EXPECT_EQ(EntityKey("Côte d'Ivoire", EntityKind::kCountry), EntityKey("Ivory Coast", EntityKind::kCountry));
  EXPECT_EQ(EntityKey("Cote d'Ivoire", EntityKind::kCountry), EntityKey("Ivory Coast", EntityKind::kCountry));
  EXPECT_EQ(EntityKey("Russian Federation", EntityKind::kCountry), EntityKey("Russia", EntityKind::kCountry));
  EXPECT_EQ(EntityKey("U.S.", EntityKind::kCountry), EntityKey("United States", EntityKind::kCountry));
  EXPECT_EQ(EntityKey("Korea, Republic of", EntityKind::kCountry), EntityKey("South Korea", EntityKind::kCountry));
  EXPECT_EQ(EntityKey("Bombay", EntityKind::kPlace), EntityKey("Mumbai", EntityKind::kPlace));
  // A demonym or seat of power, said of a country, is that country.
  EXPECT_EQ(EntityKey("Ukrainian", EntityKind::kCountry), EntityKey("Ukraine", EntityKind::kCountry));
  EXPECT_EQ(EntityKey("Kremlin", EntityKind::kCountry), EntityKey("Russia", EntityKind::kCountry));
  EXPECT_NE(EntityKey("Austria", EntityKind::kCountry), EntityKey("Australia", EntityKind::kCountry));
}

TEST(EntityKey, OrganisationsMeetUnderAcronymsAndSuffixes) {
  EXPECT_EQ(EntityKey("NATO", EntityKind::kOrganisation),
            EntityKey("North Atlantic Treaty Organization", EntityKind::kOrganisation));
  EXPECT_EQ(EntityKey("Nato", EntityKind::kOrganisation), EntityKey("NATO", EntityKind::kOrganisation));
  EXPECT_EQ(EntityKey("Acme Widgets Corporation", EntityKind::kOrganisation),
            EntityKey("Acme Widgets", EntityKind::kOrganisation));
  EXPECT_EQ(EntityKey("The Harbour Trust Ltd.", EntityKind::kOrganisation),
            EntityKey("Harbour Trust", EntityKind::kOrganisation));
  EXPECT_NE(EntityKey("Georgia", EntityKind::kCountry), EntityKey("Georgia", EntityKind::kPerson));
}

TEST(FoldName, StripsDiacriticsAndPunctuation) {
  EXPECT_EQ(FoldName("Côte d'Ivoire"), "cote divoire");
  EXPECT_EQ(FoldName("Kim Jong-un"), "kim jong un");
  EXPECT_EQ(FoldName("Łódź  Straße"), "lodz strasse");
  EXPECT_EQ(FoldName("Ştefan Năstase"), "stefan nastase");
}

// --- FindEntities ------------------------------------------------------------------------

TEST(FindEntities, TitleMarksPersonAndSurnameLinksBack) {
  Found f = Find("Defence Minister Tomas Verhoeven arrived on Monday. Verhoeven said the talks went well.");
  const Entity* full = f.At("Tomas Verhoeven");
  ASSERT_NE(full, nullptr);
  EXPECT_EQ(full->kind, EntityKind::kPerson);
  EXPECT_EQ(f.At("Verhoeven"), full);
  EXPECT_EQ(f.At("Defence Minister Tomas Verhoeven"), nullptr);  // the title is not the name
  EXPECT_EQ(full->aliases.size(), 2u);
}

TEST(FindEntities, SurnameBeforeFullNameStillLinks) {
  Found f = Find("Mr. Okonkwo left early. Later, Chidi Okonkwo told reporters he was tired.");
  const Entity* e = f.At("Okonkwo");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e, f.At("Chidi Okonkwo"));
  EXPECT_EQ(e->canonical, "Chidi Okonkwo");
}

TEST(FindEntities, SentenceInitialWordsAreNotNames) {
  Found f = Find("However, talks stalled. Officials blamed the weather. Separately, Ana Ribeiro resigned.");
  EXPECT_EQ(f.At("However"), nullptr);
  EXPECT_EQ(f.At("Officials"), nullptr);
  EXPECT_EQ(f.At("Separately"), nullptr);
  ASSERT_NE(f.At("Ana Ribeiro"), nullptr);
  EXPECT_EQ(f.At("Ana Ribeiro")->kind, EntityKind::kPerson);
}

TEST(FindEntities, DemonymsAndSeatsOfPowerAreCountriesByProxy) {
  Found f =
      Find("Ukrainian officials met in Geneva. The Kremlin denied the report, and Downing Street declined to comment.");
  bool proxy = false;
  const Entity* ua = f.At("Ukrainian", &proxy);
  ASSERT_NE(ua, nullptr);
  EXPECT_EQ(ua->canonical, "Ukraine");
  EXPECT_EQ(ua->kind, EntityKind::kCountry);
  EXPECT_TRUE(proxy);
  const Entity* ru = f.At("Kremlin", &proxy);
  ASSERT_NE(ru, nullptr);
  EXPECT_EQ(ru->canonical, "Russia");
  EXPECT_TRUE(proxy);
  ASSERT_NE(f.At("Downing Street"), nullptr);
  EXPECT_EQ(f.At("Downing Street")->canonical, "United Kingdom");
  ASSERT_NE(f.At("Geneva"), nullptr);
  EXPECT_EQ(f.At("Geneva")->kind, EntityKind::kPlace);
}

TEST(FindEntities, CapitalIsTheGovernmentOnlyWhenItActs) {
  Found f = Find("Delegates gathered in Moscow on Friday. Moscow said it was ready to talk.");
  bool proxy = true;
  const Entity* place = f.At("Moscow", &proxy);  // the first mention
  ASSERT_NE(place, nullptr);
  EXPECT_EQ(place->kind, EntityKind::kPlace);
  EXPECT_FALSE(proxy);
  ASSERT_EQ(f.result.mentions.size(), 2u);
  const EntityMention& second = f.result.mentions[1];
  EXPECT_TRUE(second.by_proxy);
  EXPECT_EQ(f.result.entities[second.entity].canonical, "Russia");
}

TEST(FindEntities, SpellingVariantsShareOneEntity) {
  Found f = Find(
      "Shelling hit Kyiv overnight. Residents of Kiev sheltered in the metro. Türkiye and Turkey's allies responded.");
  ASSERT_NE(f.At("Kyiv"), nullptr);
  EXPECT_EQ(f.At("Kyiv"), f.At("Kiev"));
  EXPECT_EQ(f.At("Kyiv")->aliases.size(), 2u);
  ASSERT_NE(f.At("Türkiye"), nullptr);
  EXPECT_EQ(f.At("Türkiye"), f.At("Turkey"));
  EXPECT_EQ(f.At("Turkey")->canonical, "Turkey");
}

TEST(FindEntities, KnownLeadersBySurnameAndVariant) {
  Found f = Find("The summit opened late. Zelensky spoke first, and Volodymyr Zelenskyy later thanked the hosts.");
  ASSERT_NE(f.At("Zelensky"), nullptr);
  EXPECT_EQ(f.At("Zelensky"), f.At("Volodymyr Zelenskyy"));
  EXPECT_EQ(f.At("Zelensky")->kind, EntityKind::kPerson);
}

TEST(FindEntities, OrganisationsFromCuesAndAcronyms) {
  Found f = Find(
      "The Ministry of Defence and the Northbridge Investment Bank issued statements. NATO and the "
      "European Union welcomed them, as did Halvorsen Shipping Ltd. and the Baltic Ports Authority.");
  for (const char* org : {"Ministry of Defence", "Northbridge Investment Bank", "NATO", "European Union",
                          "Halvorsen Shipping Ltd.", "Baltic Ports Authority"}) {
    const Entity* e = f.At(org);
    ASSERT_NE(e, nullptr) << org;
    EXPECT_EQ(e->kind, EntityKind::kOrganisation) << org;
  }
  EXPECT_EQ(f.At("NATO")->canonical, "North Atlantic Treaty Organization");
}

TEST(FindEntities, AcronymInParenthesesJoinsItsOrganisation) {
  Found f = Find("The Coastal Fisheries Authority (CFA) closed the bay. The CFA said it would reopen soon.");
  const Entity* e = f.At("Coastal Fisheries Authority");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(f.At("CFA"), e);
}

TEST(FindEntities, NameParticlesAccentsAndApostrophes) {
  Found f = Find(
      "The report was signed by Pieter van der Berg, Khalid bin Rashid, Sean O'Donnell, Łukasz Żmuda "
      "and Hana al-Masri.");
  for (const char* name :
       {"Pieter van der Berg", "Khalid bin Rashid", "Sean O'Donnell", "Łukasz Żmuda", "Hana al-Masri"}) {
    const Entity* e = f.At(name);
    ASSERT_NE(e, nullptr) << name;
    EXPECT_EQ(e->kind, EntityKind::kPerson) << name;
  }
}

TEST(FindEntities, TitleAfterCountrySplitsTheRun) {
  Found f = Find("Russian President Vladimir Putin and Turkey's Deputy Foreign Minister Aylin Demirtas met.");
  bool proxy = false;
  ASSERT_NE(f.At("Russian", &proxy), nullptr);
  EXPECT_TRUE(proxy);
  ASSERT_NE(f.At("Vladimir Putin"), nullptr);
  EXPECT_EQ(f.At("Vladimir Putin")->kind, EntityKind::kPerson);
  ASSERT_NE(f.At("Turkey"), nullptr);
  EXPECT_EQ(f.At("Turkey")->kind, EntityKind::kCountry);
  ASSERT_NE(f.At("Aylin Demirtas"), nullptr);
  EXPECT_EQ(f.At("Aylin Demirtas")->kind, EntityKind::kPerson);
}

TEST(FindEntities, MentionsCarrySentenceAndOrder) {
  Found f = Find("Talks began in Oslo.\n\nGen. Marta Lindqvist arrived later.");
  ASSERT_EQ(f.result.mentions.size(), 2u);
  EXPECT_EQ(f.result.mentions[0].sentence, 0);
  EXPECT_EQ(f.result.mentions[1].sentence, 1);
  EXPECT_LT(f.result.mentions[0].span.begin, f.result.mentions[1].span.begin);
  EXPECT_EQ(f.result.entities[f.result.mentions[1].entity].canonical, "Marta Lindqvist");
}

TEST(FindEntities, EmptyAndOddInput) {
  EXPECT_TRUE(Find("").result.mentions.empty());
  EXPECT_TRUE(Find("no capitals at all here.").result.mentions.empty());
  Found f = Find("\xC3 broken \xFF bytes and Oslo");
  EXPECT_NE(f.At("Oslo"), nullptr);
}

TEST(EntityTokens, SplitsPossessivesAndPrefixes) {
  std::vector<EntityToken> t = EntityTokens("Turkey's ex-President U.S. Gen. al-Assad");
  std::vector<std::string> folds;
  for (const auto& x : t) folds.push_back(x.fold);
  EXPECT_EQ(folds, (std::vector<std::string>{"turkey", "'s", "ex-", "president", "us", "gen", "al-assad"}));
  EXPECT_TRUE(t[0].cap);
  EXPECT_TRUE(t[4].all_caps);
}

}  // namespace
}  // namespace crosscheck
