#include "analyze/roles.h"

#include <gtest/gtest.h>

#include <string>

#include "analyze/entities.h"
#include "analyze/sentences.h"

namespace crosscheck {
namespace {

struct Analysed {
  std::string text;
  EntityResult entities;
  std::vector<Role> roles;

  // The first role of the person whose canonical name is `person`, with `office`.
  const Role* Of(std::string_view person, std::string_view office) const {
    for (const Role& r : roles)
      if (entities.entities[r.person].canonical == person && r.office == office) return &r;
    return nullptr;
  }
  std::string Dump() const {
    std::string out;
    for (const Role& r : roles)
      out += entities.entities[r.person].canonical + " | " + r.office + " | " + r.of + (r.former ? " | former" : "") +
             "\n";
    return out;
  }
};

Analysed Analyse(std::string text) {
  Analysed a{std::move(text), {}, {}};
  std::vector<Span> sentences = SplitSentences(a.text);
  a.entities = FindEntities(a.text, sentences);
  a.roles = FindRoles(a.text, sentences, a.entities);
  return a;
}

TEST(FindRoles, TitleBeforeName) {
  Analysed a = Analyse("Defence Minister Tomas Verhoeven opened the session.");
  const Role* r = a.Of("Tomas Verhoeven", "defence minister");
  ASSERT_NE(r, nullptr) << a.Dump();
  EXPECT_EQ(r->of, "");
  EXPECT_FALSE(r->former);
  EXPECT_FALSE(r->implied);
  EXPECT_EQ(a.text.substr(r->span.begin, r->span.end - r->span.begin), "Defence Minister Tomas Verhoeven");
}

TEST(FindRoles, CountryFromDemonymOrPossessive) {
  Analysed a =
      Analyse("Russian President Vladimir Putin spoke to Turkey's Deputy Foreign Minister Aylin Demirtas by phone.");
  const Role* putin = a.Of("Vladimir Putin", "president");
  ASSERT_NE(putin, nullptr) << a.Dump();
  EXPECT_EQ(putin->of, "Russia");
  const Role* deputy = a.Of("Aylin Demirtas", "deputy foreign minister");
  ASSERT_NE(deputy, nullptr) << a.Dump();
  EXPECT_EQ(deputy->of, "Turkey");
}

TEST(FindRoles, OfficeNamesAreNormalised) {
  Analysed a = Analyse(
      "Defense Secretary Carla Mendes met Minister of Foreign Affairs Jonas Berg and Prime Minister Ines Duarte.");
  EXPECT_NE(a.Of("Carla Mendes", "defence minister"), nullptr) << a.Dump();
  EXPECT_NE(a.Of("Jonas Berg", "foreign minister"), nullptr) << a.Dump();
  EXPECT_NE(a.Of("Ines Duarte", "prime minister"), nullptr) << a.Dump();
}

TEST(FindRoles, FormerExAndThen) {
  Analysed a = Analyse(
      "Former Defense Minister Ruslan Kovalenko sat beside ex-President Marek Nowicki and then-Prime Minister "
      "Lena Haugland.");
  const Role* k = a.Of("Ruslan Kovalenko", "defence minister");
  ASSERT_NE(k, nullptr) << a.Dump();
  EXPECT_TRUE(k->former);
  const Role* n = a.Of("Marek Nowicki", "president");
  ASSERT_NE(n, nullptr) << a.Dump();
  EXPECT_TRUE(n->former);
  const Role* h = a.Of("Lena Haugland", "prime minister");
  ASSERT_NE(h, nullptr) << a.Dump();
  EXPECT_TRUE(h->former);
}

TEST(FindRoles, AppositionHeadOfDelegation) {
  Analysed a = Analyse("Petro Havrylenko, head of the Ukrainian delegation, arrived in Geneva on Monday.");
  const Role* r = a.Of("Petro Havrylenko", "head of delegation");
  ASSERT_NE(r, nullptr) << a.Dump();
  EXPECT_EQ(r->of, "Ukraine");
}

TEST(FindRoles, AppositionWithCountryAndFormer) {
  Analysed a = Analyse("Ingrid Solberg, Norway's former foreign minister, chaired the panel.");
  const Role* r = a.Of("Ingrid Solberg", "foreign minister");
  ASSERT_NE(r, nullptr) << a.Dump();
  EXPECT_EQ(r->of, "Norway");
  EXPECT_TRUE(r->former);
}

TEST(FindRoles, LedByHeadedByRepresentedBy) {
  Analysed a = Analyse(
      "The Ukrainian delegation was led by Petro Havrylenko. Norway's delegation, headed by Ingrid Solberg, "
      "arrived later. The Polish delegation was represented by Marek Nowicki.");
  const Role* h = a.Of("Petro Havrylenko", "head of delegation");
  ASSERT_NE(h, nullptr) << a.Dump();
  EXPECT_EQ(h->of, "Ukraine");
  const Role* s = a.Of("Ingrid Solberg", "head of delegation");
  ASSERT_NE(s, nullptr) << a.Dump();
  EXPECT_EQ(s->of, "Norway");
  const Role* n = a.Of("Marek Nowicki", "head of delegation");
  ASSERT_NE(n, nullptr) << a.Dump();
  EXPECT_EQ(n->of, "Poland");
}

TEST(FindRoles, LeadsTheDelegation) {
  Analysed a = Analyse("Tomas Verhoeven will lead the Dutch delegation, and Ana Ribeiro led Portugal's delegation.");
  const Role* v = a.Of("Tomas Verhoeven", "head of delegation");
  ASSERT_NE(v, nullptr) << a.Dump();
  EXPECT_EQ(v->of, "Netherlands");
  const Role* r = a.Of("Ana Ribeiro", "head of delegation");
  ASSERT_NE(r, nullptr) << a.Dump();
  EXPECT_EQ(r->of, "Portugal");
}

TEST(FindRoles, DelegationHeadAsTitle) {
  Analysed a = Analyse("The talks resumed after Finnish delegation head Aino Virtanen returned.");
  const Role* r = a.Of("Aino Virtanen", "head of delegation");
  ASSERT_NE(r, nullptr) << a.Dump();
  EXPECT_EQ(r->of, "Finland");
}

TEST(FindRoles, AideToAPresident) {
  Analysed a = Analyse("Oleh Marchenko, a close aide to President Volodymyr Zelenskyy, joined the talks.");
  const Role* aide = a.Of("Oleh Marchenko", "aide");
  ASSERT_NE(aide, nullptr) << a.Dump();
  EXPECT_EQ(aide->of, "Volodymyr Zelenskyy");
  EXPECT_NE(a.Of("Volodymyr Zelenskyy", "president"), nullptr) << a.Dump();
}

TEST(FindRoles, AdministrationImpliesHeadOfGovernment) {
  Analysed a = Analyse("Critics said the Biden administration had moved too slowly.");
  const Role* r = a.Of("Joe Biden", "head of government");
  ASSERT_NE(r, nullptr) << a.Dump();
  EXPECT_TRUE(r->implied);
  EXPECT_EQ(r->of, "United States");
}

TEST(FindRoles, OrganisationAsOwner) {
  Analysed a = Analyse("NATO Secretary General Jonas Lindgren and Acme Rail CEO Mia Torres both attended.");
  const Role* s = a.Of("Jonas Lindgren", "secretary general");
  ASSERT_NE(s, nullptr) << a.Dump();
  EXPECT_EQ(s->of, "North Atlantic Treaty Organization");
  const Role* c = a.Of("Mia Torres", "chief executive");
  ASSERT_NE(c, nullptr) << a.Dump();
  EXPECT_EQ(c->of, "Acme Rail");
}

TEST(FindRoles, ReversedApposition) {
  Analysed a =
      Analyse("The Kremlin's spokesman, Pavel Orlov, declined to comment. Delegates, Anna Berg and Ola Dahl, left.");
  const Role* r = a.Of("Pavel Orlov", "spokesperson");
  ASSERT_NE(r, nullptr) << a.Dump();
  EXPECT_EQ(r->of, "Russia");
  EXPECT_EQ(a.roles.size(), 1u) << a.Dump();
}

TEST(FindRoles, NoRoleWithoutOffice) {
  Analysed a = Analyse("Tomas Verhoeven, who arrived late, said nothing.");
  EXPECT_TRUE(a.roles.empty()) << a.Dump();
}

}  // namespace
}  // namespace crosscheck
