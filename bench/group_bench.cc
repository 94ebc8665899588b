// group_bench: speed of the grouping stage on one core (Google Benchmark).
//   BM_MinHashSign      signatures per second over real article bodies (the ../shared/extraction
//                       ground truth, read at run time; invented filler text when absent)
//   BM_StoryAssign      story assignments per second with 1,000,000 articles held by the
//                       clusterer (a synthetic stream: 50,000 stories of ~20 articles, each
//                       article 25 story terms + 60 Zipf background terms over 200,000 terms,
//                       weighted like IDF: common words weigh less);
//                       counters: bytes per held article (the clusterer's own accounting and
//                       the process's resident-memory growth while filling), active stories
//   BM_GroupArticles    the whole door (copies + stories + events, no analysis) on 2,000
//                       synthetic articles, articles per second
// Run: group_bench [--benchmark_filter=...]

#include <benchmark/benchmark.h>

#include <cmath>
#include <fstream>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "group/group.h"
#include "group/minhash.h"
#include "group/story_clusterer.h"

namespace {

using namespace crosscheck;

std::vector<std::string> ArticleBodies() {
  std::vector<std::string> bodies;
  std::ifstream in("../shared/extraction/ground-truth.json");
  if (in) {
    auto j = nlohmann::json::parse(in, nullptr, false);
    if (j.is_object()) {
      for (const auto& [key, value] : j.items()) bodies.push_back(value.value("articleBody", ""));
    }
  }
  if (bodies.empty()) {  // invented filler, about 600 words each
    std::mt19937_64 rng(5);
    const char* words[] = {"council", "harbour", "vote", "bridge", "minister", "said", "on", "the", "a", "river", "strike", "talks"};
    for (int d = 0; d < 100; ++d) {
      std::string text;
      for (int w = 0; w < 600; ++w) text += std::string(words[rng() % 12]) + (w % 15 == 14 ? ". " : " ");
      bodies.push_back(text);
    }
  }
  return bodies;
}

void BM_MinHashSign(benchmark::State& state) {
  static const std::vector<std::string> bodies = ArticleBodies();
  MinHasher hasher;
  MinHashSignature signature;
  size_t i = 0, bytes = 0;
  for (auto _ : state) {
    const std::string& body = bodies[i++ % bodies.size()];
    hasher.Sign(body, &signature);
    benchmark::DoNotOptimize(signature.mins[0]);
    bytes += body.size();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["mean_bytes"] = static_cast<double>(bytes) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_MinHashSign);

// Synthetic stream: article i belongs to a random story; vectors are built directly.
class SyntheticStream {
 public:
  static constexpr uint32_t kStories = 50000;
  static constexpr uint32_t kVocabulary = 200000;

  SparseVector Next(double* time_days) {
    const uint32_t story = static_cast<uint32_t>(rng_() % kStories);
    std::mt19937_64 story_rng(story * 2654435761ULL + 17);
    uint64_t topic[40];
    for (uint64_t& t : topic) t = story_rng() % kVocabulary;
    SparseVector v;
    for (int k = 0; k < 25; ++k) v.entries.emplace_back(topic[rng_() % 40], 1.0f);
    for (int k = 0; k < 60; ++k) {
      // Zipf-like: low ids are common words.
      const double u = static_cast<double>(rng_() % 1000000) / 1e6;
      const uint64_t term = static_cast<uint64_t>(kVocabulary * u * u * u);
      // IDF-like: the commoner the word, the less it weighs.
      v.entries.emplace_back(term, static_cast<float>(0.05 + 0.3 * std::log(term + 1.0) / std::log(kVocabulary)));
    }
    std::sort(v.entries.begin(), v.entries.end());
    std::vector<std::pair<TermId, float>> merged;
    for (const auto& e : v.entries) {
      if (!merged.empty() && merged.back().first == e.first) {
        merged.back().second += e.second;
      } else {
        merged.push_back(e);
      }
    }
    v.entries = std::move(merged);
    v.Normalize();
    *time_days = 20000 + static_cast<double>(count_++) / kStories;  // ~1 article per story per day
    return v;
  }

 private:
  std::mt19937_64 rng_{42};
  uint64_t count_ = 0;
};

size_t ResidentBytes() {
  std::ifstream statm("/proc/self/statm");
  size_t pages = 0, resident = 0;
  statm >> pages >> resident;
  return resident * 4096;
}

struct HeldClusterer {
  StoryClusterer clusterer;
  SyntheticStream stream;
  size_t resident_growth = 0;

  explicit HeldClusterer(size_t held) : clusterer(Options()) {
    const size_t before = ResidentBytes();
    double time = 0;
    for (size_t i = 0; i < held; ++i) clusterer.Add(stream.Next(&time), time);
    resident_growth = ResidentBytes() - before;
  }
  static StoryClustererOptions Options() {
    StoryClustererOptions options;
    options.max_active_stories = 60000;
    options.quiet_days = 1000;  // nothing retires while filling: every article stays held
    return options;
  }
};

void BM_StoryAssign(benchmark::State& state) {
  static HeldClusterer* held = new HeldClusterer(static_cast<size_t>(state.range(0)));
  std::vector<SparseVector> next(4096);
  std::vector<double> times(next.size());
  for (size_t i = 0; i < next.size(); ++i) next[i] = held->stream.Next(&times[i]);
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(held->clusterer.Add(next[i % next.size()], times[i % next.size()]));
    ++i;
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
  const double docs = static_cast<double>(held->clusterer.held_documents());
  state.counters["held_articles"] = docs;
  state.counters["active_stories"] = static_cast<double>(held->clusterer.active_stories());
  state.counters["bytes_per_article"] = static_cast<double>(held->clusterer.MemoryBytes()) / docs;
  state.counters["rss_bytes_per_article"] = static_cast<double>(held->resident_growth) / docs;
}
BENCHMARK(BM_StoryAssign)->Arg(1000000)->Unit(benchmark::kMicrosecond)->Iterations(20000);

void BM_GroupArticles(benchmark::State& state) {
  static const std::vector<std::string> bodies = ArticleBodies();
  std::vector<Article> articles(2000);
  for (size_t i = 0; i < articles.size(); ++i) {
    articles[i].id = std::string("a").append(std::to_string(i));  // (GCC 12 -Wrestrict: no "a" + string)
    articles[i].published = "2024-03-01T10:00:00Z";
    articles[i].text = bodies[i % bodies.size()];
    if (i >= bodies.size()) articles[i].text.append(" update ").append(std::to_string(i));
  }
  std::vector<GroupInput> inputs;
  for (const Article& a : articles) inputs.push_back({&a, nullptr});
  for (auto _ : state) benchmark::DoNotOptimize(GroupArticles(inputs, GroupOptions{}).stories.size());
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * articles.size()));
}
BENCHMARK(BM_GroupArticles)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
