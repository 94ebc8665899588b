#include "reconcile/truth.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace crosscheck {
namespace {

std::vector<TruthClaim> Claims(std::initializer_list<TruthClaim> list) { return list; }

TEST(DiscoverTruth, SourceThatDisagreesWithThreeAgreeingSourcesGetsLowestTrust) {
  // Three outlets agree on three casualty counts; a fourth always reports something else.
  std::vector<TruthClaim> claims;
  for (int item = 0; item < 3; ++item) {
    for (int source = 0; source < 3; ++source) claims.push_back({source, item, "12"});
    claims.push_back({3, item, "40"});
  }
  TruthResult r = DiscoverTruth(claims, 4, 3, TruthOptions{});
  for (int item = 0; item < 3; ++item) EXPECT_EQ(r.truth[item], "12");
  for (int source = 0; source < 3; ++source) {
    EXPECT_GT(r.sources[source].trust, r.sources[3].trust);
    EXPECT_EQ(r.sources[source].claims, 3);
    EXPECT_EQ(r.sources[source].agreed, 3);
  }
  EXPECT_EQ(r.sources[3].claims, 3);
  EXPECT_EQ(r.sources[3].agreed, 0);
  EXPECT_GE(r.iterations, 1);
}

TEST(DiscoverTruth, TrustAndConfidenceStayInUnitInterval) {
  std::vector<TruthClaim> claims;
  for (int source = 0; source < 50; ++source) claims.push_back({source, 0, "same"});
  claims.push_back({50, 0, "other"});
  TruthResult r = DiscoverTruth(claims, 51, 1, TruthOptions{});
  for (const SourceTrust& s : r.sources) {
    EXPECT_GE(s.trust, 0.0);
    EXPECT_LE(s.trust, 1.0);
  }
  EXPECT_EQ(r.truth[0], "same");
  EXPECT_GT(r.confidence[0], 0.5);
  EXPECT_LE(r.confidence[0], 1.0);
}

TEST(DiscoverTruth, TwoCopiesOfOneSourceCannotOutvoteTwoIndependentSources) {
  // Sources 0 and 1 are one wire story republished; 2 and 3 reported independently.
  auto claims = Claims({{0, 0, "Ankara"}, {1, 0, "Ankara"}, {2, 0, "Istanbul"}, {3, 0, "Istanbul"}});
  TruthOptions options;
  options.copy_group = {7, 7, -1, -1};
  TruthResult r = DiscoverTruth(claims, 4, 1, options);
  EXPECT_EQ(r.truth[0], "Istanbul");
  EXPECT_LT(r.sources[0].trust, r.sources[2].trust);

  // The copies would win a 2-2 tie without the group (first claimed), so the group decided it.
  TruthResult ungrouped = DiscoverTruth(claims, 4, 1, TruthOptions{});
  EXPECT_EQ(ungrouped.truth[0], "Ankara");
}

TEST(DiscoverTruth, CopyGroupStillCountsOnceWhenItsMembersAgreeWithOthers) {
  // Three copies and one independent source against two independent sources: the copies
  // count as one, so it is two votes against two, and the first-claimed value wins the tie.
  auto claims = Claims({{0, 0, "A"}, {1, 0, "A"}, {2, 0, "A"}, {3, 0, "B"}, {4, 0, "B"}, {5, 0, "A"}});
  TruthOptions options;
  options.copy_group = {1, 1, 1, -1, -1, -1};
  TruthResult r = DiscoverTruth(claims, 6, 1, options);
  EXPECT_EQ(r.truth[0], "A");
  EXPECT_EQ(r.sources[0].claims, 1);
}

TEST(DiscoverTruth, SimilarValuesSupportEachOther) {
  // "5,000" is claimed first and by as many sources as "1,000", but "about 1,000" backs 1,000.
  auto claims = Claims({{0, 0, "5,000"}, {1, 0, "5,000"}, {2, 0, "1,000"}, {3, 0, "1,000"}, {4, 0, "about 1,000"}});
  TruthOptions options;
  options.similarity = [](int, const std::string& a, const std::string& b) {
    auto strip = [](const std::string& s) { return s.rfind("about ", 0) == 0 ? s.substr(6) : s; };
    return strip(a) == strip(b) ? 1.0 : 0.0;
  };
  TruthResult r = DiscoverTruth(claims, 5, 1, options);
  EXPECT_EQ(r.truth[0], "1,000");
  EXPECT_GT(r.sources[4].trust, r.sources[0].trust);  // the hedged source was near the truth

  TruthResult plain = DiscoverTruth(claims, 5, 1, TruthOptions{});
  EXPECT_EQ(plain.truth[0], "5,000");  // without implication it is a tie, first claim wins
}

TEST(DiscoverTruth, ContradictingValuesLoseSupport) {
  // Negative similarity: "alive" and "dead" exclude each other, so the two "dead" sources
  // push the lone "alive" below even odds, and its source's trust with it.
  auto claims = Claims({{0, 0, "dead"}, {1, 0, "dead"}, {2, 0, "alive"}});
  TruthOptions options;
  options.similarity = [](int, const std::string&, const std::string&) { return -1.0; };
  TruthResult r = DiscoverTruth(claims, 3, 1, options);
  EXPECT_EQ(r.truth[0], "dead");
  EXPECT_LT(r.sources[2].trust, 0.5);  // its value is contradicted by more than supports it
}

TEST(DiscoverTruth, RepeatedClaimsCountOnceAndHedgingSplitsTheVote) {
  // Source 0 repeats itself four times; source 1 names two values for one item.
  auto claims = Claims({{0, 0, "x"}, {0, 0, "x"}, {0, 0, "x"}, {0, 0, "x"}, {1, 0, "y"}, {1, 0, "z"}, {2, 0, "y"}});
  TruthResult r = DiscoverTruth(claims, 3, 1, TruthOptions{});
  EXPECT_EQ(r.sources[0].claims, 1);
  EXPECT_EQ(r.sources[1].claims, 2);
  EXPECT_EQ(r.truth[0], "y");  // 1.5 votes against 1
}

TEST(DiscoverTruth, ItemWithoutClaimsIsEmptyAndResultIsDeterministic) {
  auto claims = Claims({{0, 1, "b"}, {1, 1, "c"}, {1, 2, "d"}});
  TruthResult a = DiscoverTruth(claims, 3, 3, TruthOptions{});
  TruthResult b = DiscoverTruth(claims, 3, 3, TruthOptions{});
  EXPECT_EQ(a.truth[0], "");
  EXPECT_EQ(a.confidence[0], 0.0);
  EXPECT_EQ(a.truth, b.truth);
  for (int s = 0; s < 3; ++s) EXPECT_EQ(a.sources[s].trust, b.sources[s].trust);
  EXPECT_EQ(a.sources[2].claims, 0);
  EXPECT_DOUBLE_EQ(a.sources[2].trust, TruthOptions{}.initial_trust);  // no evidence: prior
}

TEST(DiscoverTruth, OutOfRangeClaimsGiveEmptyResult) {
  auto claims = Claims({{5, 0, "x"}});
  TruthResult r = DiscoverTruth(claims, 2, 1, TruthOptions{});
  EXPECT_TRUE(r.truth.empty());
}

TEST(MajorityVote, TieGoesToTheValueClaimedFirst) {
  auto claims = Claims({{0, 0, "b"}, {1, 0, "a"}, {2, 1, "a"}, {3, 1, "b"}});
  TruthResult r = MajorityVote(claims, 4, 2);
  EXPECT_EQ(r.truth[0], "b");
  EXPECT_EQ(r.truth[1], "a");
  EXPECT_DOUBLE_EQ(r.confidence[0], 0.5);
}

TEST(MajorityVote, CountsSourcesNotRepetitionsAndReportsAgreement) {
  auto claims = Claims({{0, 0, "x"}, {0, 0, "x"}, {0, 0, "x"}, {1, 0, "y"}, {2, 0, "y"}, {0, 1, "z"}});
  TruthResult r = MajorityVote(claims, 3, 2);
  EXPECT_EQ(r.truth[0], "y");
  EXPECT_NEAR(r.confidence[0], 2.0 / 3, 1e-12);
  EXPECT_EQ(r.sources[0].claims, 2);
  EXPECT_EQ(r.sources[0].agreed, 1);
  EXPECT_DOUBLE_EQ(r.sources[0].trust, 0.5);
  EXPECT_DOUBLE_EQ(r.sources[1].trust, 1.0);
}

}  // namespace
}  // namespace crosscheck
