#include "group/minhash.h"

#include <gtest/gtest.h>

#include <random>
#include <set>
#include <string>
#include <vector>

namespace crosscheck {
namespace {

// Invented prose: words drawn from a small vocabulary with a fixed seed.
std::vector<std::string> RandomWords(size_t n, uint64_t seed) {
  static const char* kVocabulary[] = {"harbour", "council", "vote",   "bridge", "river",  "mayor",  "budget",
                                      "school",  "storm",   "ferry",  "market", "tunnel", "museum", "strike",
                                      "rail",    "summit",  "police", "court",  "garden", "tower",  "village",
                                      "orchard", "festival", "lantern", "glacier", "copper", "meadow", "quarry"};
  std::mt19937_64 rng(seed);
  std::vector<std::string> words;
  for (size_t i = 0; i < n; ++i) words.push_back(kVocabulary[rng() % (sizeof kVocabulary / sizeof *kVocabulary)]);
  return words;
}

std::string Join(const std::vector<std::string>& words) {
  std::string s;
  for (const auto& w : words) s += (s.empty() ? "" : " ") + w;
  return s;
}

double ExactJaccard(const std::vector<std::string>& a, const std::vector<std::string>& b, size_t k) {
  auto shingles = [k](const std::vector<std::string>& w) {
    std::set<std::string> s;
    for (size_t i = 0; i + k <= w.size(); ++i) {
      std::string sh;
      for (size_t j = 0; j < k; ++j) sh += w[i + j] + " ";
      s.insert(sh);
    }
    return s;
  };
  auto sa = shingles(a), sb = shingles(b);
  size_t common = 0;
  for (const auto& s : sa) common += sb.count(s);
  return static_cast<double>(common) / static_cast<double>(sa.size() + sb.size() - common);
}

TEST(MinHashTest, CaseSpacingAndPunctuationDoNotMatter) {
  MinHasher hasher;
  auto a = hasher.Sign("The Harbour Council voted, on Tuesday, to close the old ferry pier.");
  auto b = hasher.Sign("the harbour council voted on tuesday to close   the old ferry pier");
  EXPECT_EQ(a.fingerprint, b.fingerprint);
  EXPECT_EQ(a.mins, b.mins);
  EXPECT_DOUBLE_EQ(EstimateJaccard(a, b), 1.0);
}

TEST(MinHashTest, EmptyAndShortTexts) {
  MinHasher hasher;
  auto empty = hasher.Sign("  ,;  ");
  EXPECT_EQ(empty.fingerprint, 0u);
  EXPECT_EQ(empty.shingles, 0u);
  auto short_text = hasher.Sign("storm warning");
  EXPECT_EQ(short_text.shingles, 1u);
  EXPECT_DOUBLE_EQ(EstimateJaccard(short_text, hasher.Sign("Storm warning!")), 1.0);
  EXPECT_DOUBLE_EQ(EstimateJaccard(empty, short_text), 0.0);
}

TEST(MinHashTest, LongWordsAndUtf8) {
  MinHasher hasher;
  auto a = hasher.Sign("Tschechoslowakischenkulturministeriums Zürich Ärzte streiken heute wieder");
  auto b = hasher.Sign("tschechoslowakischenkulturministeriums Zürich ärzte streiken heute wieder");
  // Only ASCII is folded: "Ärzte" and "ärzte" stay different words.
  EXPECT_NE(a.fingerprint, b.fingerprint);
  auto c = hasher.Sign("TSCHECHOSLOWAKISCHENKULTURMINISTERIUMS Zürich Ärzte streiken heute wieder");
  EXPECT_EQ(a.fingerprint, c.fingerprint);
}

TEST(MinHashTest, EstimateTracksExactJaccard) {
  MinHasher hasher;
  const auto base = RandomWords(600, 1);
  for (size_t keep : {600u, 450u, 300u, 150u}) {
    std::vector<std::string> other(base.begin(), base.begin() + keep);
    auto extra = RandomWords(600 - keep, 99 + keep);
    other.insert(other.end(), extra.begin(), extra.end());
    const double exact = ExactJaccard(base, other, 5);
    const double estimate = EstimateJaccard(hasher.Sign(Join(base)), hasher.Sign(Join(other)));
    // 128 lanes: standard error at most 0.045; allow three of them.
    EXPECT_NEAR(estimate, exact, 0.14) << "keep " << keep;
  }
}

TEST(MinHashTest, UnrelatedTextsBarelyAgree) {
  MinHasher hasher;
  double total = 0;
  for (uint64_t seed = 0; seed < 20; ++seed) {
    total += EstimateJaccard(hasher.Sign(Join(RandomWords(300, seed))), hasher.Sign(Join(RandomWords(300, seed + 100))));
  }
  EXPECT_LT(total / 20, 0.03);
}

TEST(MinHashTest, ContainmentOfATrimmedCopy) {
  MinHasher hasher;
  const auto full = RandomWords(800, 7);
  const std::vector<std::string> lead(full.begin(), full.begin() + 300);
  auto a = hasher.Sign(Join(full)), b = hasher.Sign(Join(lead));
  const double j = EstimateJaccard(a, b);
  EXPECT_LT(j, 0.5);
  EXPECT_GT(EstimateContainment(a, b, j), 0.8);
}

TEST(LshIndexTest, FindsSimilarSkipsUnrelated) {
  MinHasher hasher;
  LshIndex index;
  auto base = RandomWords(400, 3);
  index.Add(0, hasher.Sign(Join(base)));
  index.Add(1, hasher.Sign(Join(RandomWords(400, 4))));
  base[100] = "zeppelin";
  base[250] = "carousel";
  std::vector<uint32_t> found;
  index.Query(hasher.Sign(Join(base)), &found);
  EXPECT_EQ(found, std::vector<uint32_t>{0});
  EXPECT_EQ(index.size(), 2u);
}

TEST(CopyDetectorTest, EditedCopiesAndExactCopies) {
  const auto story = RandomWords(500, 11);
  const auto other = RandomWords(500, 12);
  std::vector<std::string> edited = {"Exclusive", "new", "headline", "here"};
  edited.insert(edited.end(), story.begin() + 40, story.end() - 60);  // trimmed both ends
  for (const char* w : {"subscribe", "to", "our", "newsletter", "for", "more", "stories", "like", "this"}) edited.push_back(w);
  CopyDetector detector;
  std::vector<CopyMatch> matches;
  detector.Add(Join(story), &matches);
  detector.Add(Join(other), &matches);
  detector.Add(Join(edited), &matches);
  detector.Add(Join(story) + " ", &matches);  // exact copy (fast path)
  ASSERT_EQ(matches.size(), 2u);
  EXPECT_EQ(matches[0].earlier, 0u);
  EXPECT_EQ(matches[0].later, 2u);
  EXPECT_GT(matches[0].jaccard, 0.5);
  EXPECT_EQ(matches[1].earlier, 0u);
  EXPECT_EQ(matches[1].later, 3u);
  EXPECT_DOUBLE_EQ(matches[1].jaccard, 1.0);
}

}  // namespace
}  // namespace crosscheck
