// analyze_bench: Google Benchmark micro-benchmarks of the analysis stage on generated 800-word
// news articles (GenerateNewsArticle from news_generator.h: names with titles, organisations,
// places, absolute and relative dates, counts, percentages, money, quotes). Each iteration
// analyses one article; iterations take 64 distinct articles (seeds 1..64) in turn, so the
// entity tokeniser's per-text cache (CachedEntityTokens) never hits across iterations, as in
// a real run where every article is new.
//   BM_Analyze              the whole door, Analyze(article)
//   BM_SplitSentences       each stage alone, with its inputs computed once outside the loop
//   BM_FindTimeExpressions
//   BM_FindEntities
//   BM_FindRoles            after FindEntities on the same text, as in Analyze (that call is
//                           run with the timer paused, so FindRoles finds its tokens cached)
//   BM_FindQuantities
//   BM_FindQuotes
//   BM_FindEvents
// items/s = articles/s; bytes/s counts the articles' text.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <optional>
#include <vector>

#include "analyze/analyze.h"
#include "analyze/entities.h"
#include "analyze/events.h"
#include "analyze/quantities.h"
#include "analyze/quotes.h"
#include "analyze/roles.h"
#include "analyze/sentences.h"
#include "analyze/timex.h"
#include "core/civil_time.h"
#include "news_generator.h"


namespace {

using namespace crosscheck;
using crosscheck::bench::GenerateNewsArticle;

constexpr size_t kArticles = 64;

// One benchmark article and every stage's inputs, computed once (tables loaded then too).
struct Fixture {
  Article article;
  std::optional<CivilTime> published;
  ArticleFacts facts;
  std::vector<Span> taken;  // time-expression spans, as Analyze passes to FindQuantities
};

const std::vector<Fixture>& Pool() {
  static const std::vector<Fixture>* pool = [] {
    auto* p = new std::vector<Fixture>(kArticles);
    for (size_t i = 0; i < kArticles; ++i) {
      Fixture& d = (*p)[i];
      d.article = GenerateNewsArticle(i + 1, 800);
      d.published = ParseDateTime(d.article.published);
      d.facts = Analyze(d.article);
      for (const TimeExpression& t : d.facts.times) d.taken.push_back(t.span);
    }
    return p;
  }();
  return *pool;
}

// The article for the next iteration: the pool in turn.
const Fixture& Next(size_t* i) { return Pool()[(*i)++ % kArticles]; }

void Count(benchmark::State& state) {
  size_t bytes = 0;
  for (const Fixture& d : Pool()) bytes += d.article.text.size();
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes / kArticles));
}

void BM_Analyze(benchmark::State& state) {
  size_t i = 0;
  for (auto _ : state) {
    const Fixture& d = Next(&i);
    benchmark::DoNotOptimize(Analyze(d.article));
  }
  Count(state);
}
BENCHMARK(BM_Analyze);

void BM_SplitSentences(benchmark::State& state) {
  size_t i = 0;
  for (auto _ : state) {
    const Fixture& d = Next(&i);
    benchmark::DoNotOptimize(SplitSentences(d.article.text));
  }
  Count(state);
}
BENCHMARK(BM_SplitSentences);

void BM_FindTimeExpressions(benchmark::State& state) {
  size_t i = 0;
  for (auto _ : state) {
    const Fixture& d = Next(&i);
    benchmark::DoNotOptimize(FindTimeExpressions(d.article.text, d.published));
  }
  Count(state);
}
BENCHMARK(BM_FindTimeExpressions);

void BM_FindEntities(benchmark::State& state) {
  size_t i = 0;
  for (auto _ : state) {
    const Fixture& d = Next(&i);
    benchmark::DoNotOptimize(FindEntities(d.article.text, d.facts.sentences));
  }
  Count(state);
}
BENCHMARK(BM_FindEntities);

void BM_FindRoles(benchmark::State& state) {
  size_t i = 0;
  for (auto _ : state) {
    const Fixture& d = Next(&i);
    state.PauseTiming();
    FindEntities(d.article.text, d.facts.sentences);  // fills the thread's token cache, as in Analyze
    state.ResumeTiming();
    benchmark::DoNotOptimize(FindRoles(d.article.text, d.facts.sentences, d.facts.entities));
  }
  Count(state);
}
BENCHMARK(BM_FindRoles);

void BM_FindQuantities(benchmark::State& state) {
  size_t i = 0;
  for (auto _ : state) {
    const Fixture& d = Next(&i);
    benchmark::DoNotOptimize(FindQuantities(d.article.text, d.facts.sentences, d.taken));
  }
  Count(state);
}
BENCHMARK(BM_FindQuantities);

void BM_FindQuotes(benchmark::State& state) {
  size_t i = 0;
  for (auto _ : state) {
    const Fixture& d = Next(&i);
    benchmark::DoNotOptimize(FindQuotes(d.article.text, d.facts.sentences, d.facts.entities));
  }
  Count(state);
}
BENCHMARK(BM_FindQuotes);

void BM_FindEvents(benchmark::State& state) {
  size_t i = 0;
  for (auto _ : state) {
    const Fixture& d = Next(&i);
    const ArticleFacts& f = d.facts;
    benchmark::DoNotOptimize(FindEvents(d.article.text, f.sentences, f.entities, f.times, f.quantities));
  }
  Count(state);
}
BENCHMARK(BM_FindEvents);

}  // namespace

BENCHMARK_MAIN();
