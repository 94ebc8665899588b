// store_speed: what `crosscheck analyze --db` costs when a store already holds N articles and
// 1,000 new ones arrive, split into the steps of a run:
//   extract+analyze  the new articles (scraped-text pages -> ExtractArticle -> Analyze)
//   store            AddArticles in transactions of 500 (as the command does), unchanged check included
//   load             LoadAll: every stored article and its facts, decoded
//   group+reconcile  GroupArticles and Reconcile over everything loaded
//   report           ReportToJson + SaveReport
//
// Usage: store_speed [--held=N] [--new=M] [--words=W] [--db=PATH] [--no-reconcile]
//   --held   articles stored before the timed run (default 10000), generated with the
//            analyze_speed generator (seeds 1..N), analysed and stored untimed (fill time printed)
//   --new    articles added by the timed run (default 1000; seeds N+1..N+M)
//   --words  words per generated article (default 800)
//   --db     store file (default /tmp/store_speed.db; removed first, with its -wal and -shm)
//   --no-reconcile  stop after load (for stores too large to group and reconcile in minutes)
// One thread, wall clock; the store is closed and reopened before the timed run as a new
// process would. Prints the store size and peak RSS.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/analyze.h"
#include "extract/extract.h"
#include "group/group.h"
#include "reconcile/reconcile.h"
#include "report/report.h"
#include "store/store.h"
#include "news_generator.h"


namespace {

using namespace crosscheck;
using crosscheck::bench::GenerateNewsArticle;
using Clock = std::chrono::steady_clock;

struct Options {
  long held = 10000, fresh = 1000;
  int words = 800;
  std::string db = "/tmp/store_speed.db";
  bool reconcile = true;
};

bool Flag(std::string_view arg, std::string_view name, std::string* value) {
  if (arg.substr(0, name.size()) != name) return false;
  *value = std::string(arg.substr(name.size()));
  return true;
}

Options ParseOptions(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string v;
    if (Flag(argv[i], "--held=", &v)) o.held = std::atol(v.c_str());
    else if (Flag(argv[i], "--new=", &v)) o.fresh = std::atol(v.c_str());
    else if (Flag(argv[i], "--words=", &v)) o.words = std::atoi(v.c_str());
    else if (Flag(argv[i], "--db=", &v)) o.db = v;
    else if (std::string_view(argv[i]) == "--no-reconcile") o.reconcile = false;
    else {
      std::fprintf(stderr, "usage: store_speed [--held=N] [--new=M] [--words=W] [--db=PATH] [--no-reconcile]\n");
      std::exit(2);
    }
  }
  return o;
}

double Since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

void Check(const Status& s) {
  if (s.ok()) return;
  std::fprintf(stderr, "store_speed: %s\n", s.message().c_str());
  std::exit(1);
}

// Stores in transactions of 500, as `crosscheck analyze --db` does.
void AddInBatches(Store& store, std::vector<Article>& articles, std::vector<ArticleFacts>& facts) {
  for (size_t from = 0; from < articles.size(); from += 500) {
    size_t to = std::min(articles.size(), from + 500);
    std::vector<Article> a(articles.begin() + from, articles.begin() + to);
    std::vector<ArticleFacts> f(facts.begin() + from, facts.begin() + to);
    Result<std::vector<std::string>> ids = store.AddArticles(a, f);
    Check(ids.status());
  }
}

// The generated article as a scraper would dump it, so the timed run extracts it too.
Document AsScrapedText(const Article& a) {
  Document d;
  d.id = a.id;
  d.source = a.id + ".txt";
  d.kind = DocumentKind::kText;
  d.bytes = a.title;
  d.bytes.append("\nBy Ana Ribeiro\nPublished: ").append(a.published).append("\n\n").append(a.text).append("\n");
  return d;
}

std::unique_ptr<Store> OpenStore(const std::string& path) {
  Result<std::unique_ptr<Store>> s = Store::Open(path);
  Check(s.status());
  return std::move(s).value();
}

void Fill(const Options& o) {
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(o.db + suffix);
  auto store = OpenStore(o.db);
  auto t0 = Clock::now();
  for (long from = 0; from < o.held; from += 5000) {
    std::vector<Article> articles;
    std::vector<ArticleFacts> facts;
    for (long i = from; i < std::min(o.held, from + 5000); ++i) {
      articles.push_back(GenerateNewsArticle(static_cast<uint64_t>(i) + 1, o.words));
      facts.push_back(Analyze(articles.back()));
    }
    AddInBatches(*store, articles, facts);
  }
  std::printf("fill: %ld articles generated, analysed and stored in %.1f s (untimed below)\n", o.held, Since(t0));
}

}  // namespace

int main(int argc, char** argv) {
  Options o = ParseOptions(argc, argv);
  Fill(o);
  Analyze(GenerateNewsArticle(1, 50));  // loads the tables outside the clock
  std::vector<Document> pages;
  for (long i = 0; i < o.fresh; ++i) pages.push_back(AsScrapedText(GenerateNewsArticle(o.held + i + 1, o.words)));

  auto t0 = Clock::now();
  auto store = OpenStore(o.db);
  double open = Since(t0);

  t0 = Clock::now();
  std::vector<Article> articles;
  std::vector<ArticleFacts> facts;
  for (const Document& d : pages) {
    Result<Article> a = ExtractArticle(d);
    Check(a.status());
    if (store->HasSame(*a)) continue;
    facts.push_back(Analyze(*a));
    articles.push_back(std::move(a).value());
  }
  double analyze = Since(t0);

  t0 = Clock::now();
  AddInBatches(*store, articles, facts);
  double stored = Since(t0);

  t0 = Clock::now();
  std::vector<Article> all;
  std::vector<ArticleFacts> all_facts;
  Check(store->LoadAll(&all, &all_facts));
  double load = Since(t0);

  if (!o.reconcile) {
    std::printf("held %ld, new %zu, store now %zu articles, %.0f MB\n  open %.3f s\n  extract+analyze %.3f s\n"
                "  store %.3f s\n  load all %.3f s\n", o.held, articles.size(), all.size(),
                std::filesystem::file_size(o.db) / 1e6, open, analyze, stored, load);
    return 0;
  }
  t0 = Clock::now();
  std::vector<GroupInput> inputs;
  for (size_t i = 0; i < all.size(); ++i) inputs.push_back({&all[i], &all_facts[i]});
  Grouping g = GroupArticles(inputs, GroupOptions{});
  Reconciliation r = Reconcile(all, all_facts, g);
  double reconcile = Since(t0);

  t0 = Clock::now();
  Report report{&all, &g, &r};
  Check(store->SaveReport(ReportToJson(report).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)));
  double report_s = Since(t0);

  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  std::printf("held %ld, new %zu (of %ld pages), %d words each; store now %zu articles, %.0f MB\n", o.held,
              articles.size(), o.fresh, o.words, all.size(), std::filesystem::file_size(o.db) / 1e6);
  std::printf("  open            %8.3f s\n", open);
  std::printf("  extract+analyze %8.3f s\n", analyze);
  std::printf("  store           %8.3f s\n", stored);
  std::printf("  load all        %8.3f s\n", load);
  std::printf("  group+reconcile %8.3f s  (%zu stories, %zu findings)\n", reconcile, g.stories.size(),
              r.findings.size());
  std::printf("  report+save     %8.3f s\n", report_s);
  std::printf("  total           %8.3f s; peak RSS %.0f MB\n",
              open + analyze + stored + load + reconcile + report_s, ru.ru_maxrss / 1024.0);
  return 0;
}
