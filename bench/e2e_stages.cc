// e2e_stages: where the time of `crosscheck analyze` goes as the corpus grows, stage by stage,
// and how the claims fall into the slots that reconciling compares pair by pair.
//
// Usage: e2e_stages [--articles=N] [--seed=S] [--top=K]
//   --articles  corpus size (default 10000): reports 0..N-1 of news_generator's event corpus
//   --seed      corpus seed (default 1; corpus_gen's default too)
//   --top       how many of the largest slots to list (default 8)
// Runs what the command runs, in memory (no files, no JSON Lines parsing): each report as
// scraped text -> ExtractArticle -> Analyze; GroupArticles; Reconcile; ReportToJson and its
// dump. Prints each stage's wall and CPU time (one thread), the RSS after it, and peak RSS. Then, outside the
// clock, rebuilds every story's claims (BuildClaims) and counts, for the place that groups a
// slot's values pairwise (reconcile.cc: JudgeSlots, per story), the claims per slot and the
// pairs compared, by slot kind (the text before the first '|'), plus the largest slots.
// Last, the copy finder's load (group/minhash.h, as CopyDetector uses it): LSH candidates per
// article (each gets a Jaccard/containment check), and the mean estimated Jaccard of reports
// of different events (what makes unrelated texts collide in a band).
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/analyze.h"
#include "extract/extract.h"
#include "group/group.h"
#include "group/minhash.h"
#include "news_generator.h"
#include "reconcile/claims.h"
#include "reconcile/reconcile.h"
#include "report/report.h"

namespace {

using namespace crosscheck;

struct Options {
  long articles = 10000;
  uint64_t seed = 1;
  int top = 8;
};

Options ParseOptions(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if (a.rfind("--articles=", 0) == 0) o.articles = std::atol(argv[i] + 11);
    else if (a.rfind("--seed=", 0) == 0) o.seed = std::strtoull(argv[i] + 7, nullptr, 10);
    else if (a.rfind("--top=", 0) == 0) o.top = std::atoi(argv[i] + 6);
    else {
      std::fprintf(stderr, "usage: e2e_stages [--articles=N] [--seed=S] [--top=K]\n");
      std::exit(2);
    }
  }
  return o;
}

// Resident set size now, in MB (/proc/self/statm; 0 when unreadable).
double RssMb() {
  long pages = 0, resident = 0;
  if (FILE* f = std::fopen("/proc/self/statm", "r")) {
    if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
    std::fclose(f);
  }
  return static_cast<double>(resident) * 4096 / 1e6;
}

double CpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

// Wall and CPU seconds of one stage.
class StageClock {
 public:
  StageClock() : wall_(std::chrono::steady_clock::now()), cpu_(CpuSeconds()) {}
  void Print(const char* stage, long n) const {
    double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_).count();
    double cpu = CpuSeconds() - cpu_;
    std::printf("  %-22s %9.2f s wall %9.2f s CPU %10.1f us/article (CPU)  RSS after %7.0f MB\n", stage, wall, cpu,
                cpu * 1e6 / n, RssMb());
  }

 private:
  std::chrono::steady_clock::time_point wall_;
  double cpu_;
};

Document AsDocument(const Article& a) {
  Document d;
  d.id = a.id;
  d.source = a.source;
  d.kind = DocumentKind::kText;
  d.bytes = bench::AsScrapedText(a);
  return d;
}

// Claims per slot, and the pairs a pairwise loop over each slot compares.
struct SlotCensus {
  std::map<std::string, long> claims;  // slot -> claims
  void Add(const std::string& slot) { ++claims[slot]; }
};

struct KindTotals {
  long slots = 0, claims = 0, largest = 0;
  double pairs = 0;
};

void PrintCensus(const char* what, const std::vector<SlotCensus>& censuses, int top) {
  std::map<std::string, KindTotals> kinds;
  std::vector<std::pair<long, std::string>> largest;
  KindTotals all;
  for (const SlotCensus& census : censuses)
    for (const auto& [slot, n] : census.claims) {
      KindTotals& k = kinds[slot.substr(0, slot.find('|'))];
      for (KindTotals* t : {&k, &all}) {
        ++t->slots;
        t->claims += n;
        t->largest = std::max(t->largest, n);
        t->pairs += 0.5 * static_cast<double>(n) * static_cast<double>(n - 1);
      }
      largest.push_back({n, slot});
    }
  std::printf("%s: %ld slots, %ld claims, %.3g pairs compared, largest slot %ld claims\n", what, all.slots,
              all.claims, all.pairs, all.largest);
  for (const auto& [kind, t] : kinds)
    std::printf("  %-10s %8ld slots %9ld claims %12.3g pairs (%5.1f%%) largest %6ld\n", kind.c_str(), t.slots,
                t.claims, t.pairs, 100 * t.pairs / std::max(1.0, all.pairs), t.largest);
  std::partial_sort(largest.begin(), largest.begin() + std::min<long>(top, largest.size()), largest.end(),
                    std::greater<>());
  for (int i = 0; i < top && i < static_cast<int>(largest.size()); ++i)
    std::printf("    %6ld  %.100s\n", largest[i].first, largest[i].second.c_str());
}

// The slot grouping of Reconcile, counted per story (JudgeSlots: conflicting claims once per
// report and slot; source reliability reuses those groups and compares nothing across stories).
void CountSlots(const std::vector<Article>& articles, const std::vector<ArticleFacts>& facts, const Grouping& g,
                int top) {
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < articles.size(); ++i) index.emplace(articles[i].id, i);
  std::vector<SlotCensus> per_story;
  for (const Story& story : g.stories) {
    SlotCensus census;
    std::set<std::pair<std::string, std::string>> first_of;
    for (const Claim& c : BuildClaims(ViewOfStory(story, articles, facts, index)))
      if (!c.can_conflict || first_of.insert({c.slot, c.article}).second) census.Add(c.slot);
    per_story.push_back(std::move(census));
  }
  PrintCensus("JudgeSlots (per story)", per_story, top);
}

// Candidates the LSH index returns per article when articles are added in order, and the
// Jaccard of 20,000 pairs of reports from different events.
void CountLshCandidates(const std::vector<Article>& articles, const std::vector<uint64_t>& events) {
  MinHasher hasher;
  LshIndex index;
  std::vector<MinHashSignature> signatures;
  std::vector<uint32_t> candidates;
  double total = 0;
  size_t most = 0;
  for (const Article& a : articles) {
    signatures.push_back(hasher.Sign(a.text));
    index.Query(signatures.back(), &candidates);
    total += static_cast<double>(candidates.size());
    most = std::max(most, candidates.size());
    index.Add(static_cast<uint32_t>(signatures.size() - 1), signatures.back());
  }
  double jaccard = 0;
  int pairs = 0;
  for (size_t k = 0; k < 20000 && articles.size() > 1; ++k) {
    size_t i = (k * 7919) % articles.size(), j = (k * 104729 + 1) % articles.size();
    if (events[i] == events[j]) continue;
    jaccard += EstimateJaccard(signatures[i], signatures[j]);
    ++pairs;
  }
  std::printf("LSH candidates per article: mean %.1f, most %zu; estimated Jaccard of reports of different events: "
              "mean %.3f (%d pairs)\n", total / std::max<size_t>(1, articles.size()), most, jaccard / std::max(1, pairs),
              pairs);
}

}  // namespace

int main(int argc, char** argv) {
  Options o = ParseOptions(argc, argv);
  std::vector<Document> pages;
  std::vector<uint64_t> events;
  bench::CorpusOptions corpus;
  corpus.seed = o.seed;
  bench::GenerateNewsCorpus(corpus, o.articles, [&](bench::GeneratedReport&& r) {
    pages.push_back(AsDocument(r.article));
    events.push_back(r.event);
  });
  Analyze(Article{});  // loads the tables outside the clock
  long n = static_cast<long>(pages.size());
  std::printf("%ld generated reports (seed %llu)\n", n, static_cast<unsigned long long>(o.seed));

  std::vector<Article> articles;
  std::vector<ArticleFacts> facts;
  std::vector<uint64_t> article_events;
  StageClock analyze;
  for (size_t i = 0; i < pages.size(); ++i) {
    Result<Article> a = ExtractArticle(pages[i]);
    if (!a.ok()) continue;
    article_events.push_back(events[i]);
    facts.push_back(Analyze(*a));
    articles.push_back(std::move(a).value());
  }
  analyze.Print("extract+analyze", n);

  StageClock group;
  std::vector<GroupInput> inputs;
  for (size_t i = 0; i < articles.size(); ++i) inputs.push_back({&articles[i], &facts[i]});
  Grouping g = GroupArticles(inputs, GroupOptions{});
  group.Print("group", n);

  StageClock reconcile;
  Reconciliation r = Reconcile(articles, facts, g);
  reconcile.Print("reconcile", n);

  StageClock report;
  Report rep{&articles, &g, &r};
  std::string json = ReportToJson(rep).dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
  report.Print("report JSON + dump", n);

  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  std::printf("  %zu stories, %zu copy groups, %zu findings, %zu sources; report %.1f MB; peak RSS %.0f MB\n",
              g.stories.size(), g.copy_groups.size(), r.findings.size(), r.sources.size(), json.size() / 1e6,
              ru.ru_maxrss / 1024.0);
  CountSlots(articles, facts, g, o.top);
  CountLshCandidates(articles, article_events);
  return 0;
}
