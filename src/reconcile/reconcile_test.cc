// Reconciliation on invented reports of one meeting: who agrees, who contradicts whom, copies
// counted once, compatible wordings left alone, and who comes out least reliable.
#include "reconcile/reconcile.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace crosscheck {
namespace {

Article Report(std::string id, std::string outlet, std::string text) {
  Article a;
  a.id = std::move(id);
  a.outlet = std::move(outlet);
  a.published = "2026-03-31";
  a.text = std::move(text);
  return a;
}

const Finding* Find(const Reconciliation& r, FindingKind kind, const std::string& subject_part) {
  for (const Finding& f : r.findings)
    if (f.kind == kind && f.subject.find(subject_part) != std::string::npos) return &f;
  return nullptr;
}

// Analyses, groups and reconciles the fixture's reports, as `crosscheck analyze` does.
class ReportsTest : public ::testing::Test {
 protected:
  void Run() {
    for (const Article& a : articles_) facts_.push_back(Analyze(a));
    std::vector<GroupInput> inputs;
    for (size_t i = 0; i < articles_.size(); ++i) inputs.push_back({&articles_[i], &facts_[i]});
    grouping_ = GroupArticles(inputs, {});
    result_ = Reconcile(articles_, facts_, grouping_);
  }
  std::vector<Article> articles_;
  std::vector<ArticleFacts> facts_;
  Grouping grouping_;
  Reconciliation result_;
};

class ReconcileTest : public ReportsTest {
 protected:
  void SetUp() override {
    const std::string lead = "The second round of fisheries talks between Senegal and Mauritania was held in Lisbon on "
                             "Monday, March 30, and lasted ";
    articles_ = {
        Report("wire", "Northline Wire",
               lead + "just over an hour. Senegal's delegation was led by Fisheries Minister Khady Tounkara. "
                      "Mauritania will free 46 fishermen."),
        Report("copy", "Harbor Ledger",
               lead + "just over an hour. Senegal's delegation was led by Fisheries Minister Khady Tounkara. "
                      "Mauritania will free 46 fishermen, officials said."),
        Report("daily", "Sahel Observer",
               lead + "about an hour. Khady Tounkara, head of the Senegalese delegation, called it frank."),
        Report("farm", "ClickPulse Daily",
               "The second round of fisheries talks between Senegal and Mauritania was held in Lisbon on March 30. "
               "Senegal's delegation was led by Agriculture Minister Moussa Diallo."),
    };
    Run();
  }
};

TEST_F(ReconcileTest, TheDissentingHeadOfDelegationIsAContradictionWithBothSides) {
  const Finding* f = Find(result_, FindingKind::kContradiction, "Senegal delegation");
  ASSERT_NE(f, nullptr);
  ASSERT_EQ(f->claims.size(), 2u);
  EXPECT_EQ(f->claims[0].value, "Khady Tounkara");
  EXPECT_EQ(f->claims[1].value, "Moussa Diallo");
  EXPECT_EQ(f->claims[1].articles, std::vector<std::string>{"farm"});
  EXPECT_FALSE(f->claims[1].evidence.empty());
  EXPECT_NE(f->claims[1].evidence[0].text.find("Moussa Diallo"), std::string::npos);
}

TEST_F(ReconcileTest, CompatibleDurationsAreCorroborationNotConflict) {
  EXPECT_EQ(Find(result_, FindingKind::kContradiction, "how long"), nullptr);
  const Finding* f = Find(result_, FindingKind::kCorroboration, "how long");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->claims.size(), 1u);
}

TEST_F(ReconcileTest, TheCopyIsFoundAndTheDissenterIsLeastReliable) {
  ASSERT_FALSE(grouping_.copies.empty());
  EXPECT_EQ(grouping_.copies[0].original, "wire");
  EXPECT_EQ(grouping_.copies[0].copy, "copy");
  ASSERT_EQ(result_.sources.size(), 4u);
  EXPECT_EQ(result_.sources.front().article, "farm");
  EXPECT_LT(result_.sources.front().reliability, result_.sources.back().reliability);
}

}  // namespace
}  // namespace crosscheck

namespace crosscheck {
namespace {

// Four invented reports of one ferry accident, worded differently: the toll and the spot are
// compared by what they are, not by the noun each report uses.
class CountsAndPlacesTest : public ReportsTest {
 protected:
  void SetUp() override {
    articles_ = {
        Report("a", "Lakeshore Times",
               "MORAVA, Ruritania, March 31 (LT) — 38 people were killed when a ferry capsized on the "
               "Kessel River near Morava on Tuesday. Officials said 120 passengers were rescued."),
        Report("b", "Valley Courier",
               "The death toll from Tuesday's capsizing of a ferry in Morava stood at 38, officials said, "
               "and 120 survivors were rescued from the Kessel River."),
        Report("c", "Morava Daily",
               "MORAVA, Ruritania, March 31 — The ferry capsized on Tuesday near Morava. Thirty-eight people "
               "died and rescuers pulled 120 passengers from the water."),
        Report("d", "Click Wire",
               "A ferry capsized in Belgrad on Tuesday, killing 90 people. Rescuers pulled passengers from "
               "the Kessel River after the ferry capsized, officials said, in what locals called the worst "
               "ferry accident in memory."),
    };
    Run();
  }
};

TEST_F(CountsAndPlacesTest, TheDeathTollIsOneSlotWhateverTheWording) {
  const Finding* f = Find(result_, FindingKind::kContradiction, "death toll");
  ASSERT_NE(f, nullptr);
  ASSERT_EQ(f->claims.size(), 2u);
  EXPECT_EQ(f->claims[0].articles.size(), 3u);  // "killed", "death toll", "died"
  EXPECT_EQ(f->claims[1].articles, std::vector<std::string>{"d"});
  EXPECT_NE(Find(result_, FindingKind::kCorroboration, "death toll"), nullptr);  // what three agree on
}

TEST_F(CountsAndPlacesTest, ThePlaceIsDisputedByTheReportThatNeverNamesTheOther) {
  const Finding* f = Find(result_, FindingKind::kContradiction, "took place");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->claims.back().articles, std::vector<std::string>{"d"});
  EXPECT_NE(f->claims.back().value.find("Belgrad"), std::string::npos);
}

}  // namespace
}  // namespace crosscheck
