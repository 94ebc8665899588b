// analyze_speed: how fast Analyze() (src/analyze/analyze.h) turns articles into facts, on one
// thread, over N distinct generated news articles of about 800 words each.
//
// Usage: analyze_speed [--articles=N] [--words=W] [--repeat=R] [--stages] [--print=SEED]
//   --articles  how many articles (default 5000); each has its own names, numbers and dates
//   --words     target length of each article in words (default 800)
//   --repeat    timed passes over all articles; the best pass is reported (default 3)
//   --stages    also time each stage separately over all articles (same calls, same order
//               as Analyze), best of --repeat
//   --print     print the article generated for SEED (the timed ones are seeds 1..N) and exit
// All articles are generated before timing; one Analyze() call before the timed passes loads
// the lexicons and gazetteers (its time is printed as "first call"). Prints articles/s,
// µs per article (wall clock, and CPU time of the process, steadier on a shared machine),
// facts found per article, and the peak RSS (getrusage ru_maxrss) with all articles loaded.
//
// The generator (GenerateNewsArticle) lives in news_generator.h, shared with analyze_bench,
// store_speed and corpus_gen.
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/analyze.h"
#include "analyze/entities.h"
#include "analyze/events.h"
#include "analyze/quantities.h"
#include "analyze/quotes.h"
#include "analyze/roles.h"
#include "analyze/sentences.h"
#include "analyze/timex.h"
#include "core/article.h"
#include "core/civil_time.h"
#include "news_generator.h"
#include "core/text.h"

using crosscheck::bench::GenerateNewsArticle;

namespace {

int CountWords(std::string_view s) { return static_cast<int>(crosscheck::WordCount(s)); }

struct Options {
  int articles = 5000, words = 800, repeat = 3, print = 0;
  bool stages = false;
};

bool ParseInt(std::string_view arg, std::string_view flag, int* out) {
  if (arg.substr(0, flag.size()) != flag) return false;
  *out = std::atoi(std::string(arg.substr(flag.size())).c_str());
  return true;
}

Options ParseOptions(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if (ParseInt(a, "--articles=", &o.articles) || ParseInt(a, "--words=", &o.words) ||
        ParseInt(a, "--repeat=", &o.repeat) || ParseInt(a, "--print=", &o.print))
      continue;
    if (a == "--stages") {
      o.stages = true;
      continue;
    }
    std::fprintf(stderr, "usage: analyze_speed [--articles=N] [--words=W] [--repeat=R] [--stages] [--print=SEED]\n");
    std::exit(2);
  }
  o.articles = std::max(1, o.articles);
  o.repeat = std::max(1, o.repeat);
  return o;
}

double CpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

long PeakRssKb() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss;  // kilobytes on Linux
}

struct Timing {
  double wall = 1e300, cpu = 1e300;  // best pass, seconds
};

// Runs `pass` `repeat` times and keeps the fastest wall and CPU time.
Timing Best(int repeat, const std::function<void()>& pass) {
  Timing t;
  for (int r = 0; r < repeat; ++r) {
    auto w0 = std::chrono::steady_clock::now();
    double c0 = CpuSeconds();
    pass();
    t.cpu = std::min(t.cpu, CpuSeconds() - c0);
    t.wall = std::min(t.wall, std::chrono::duration<double>(std::chrono::steady_clock::now() - w0).count());
  }
  return t;
}

void PrintLine(const char* what, const Timing& t, size_t n) {
  std::printf("%-20s %9.1f us/article wall  %9.1f us/article CPU  %8.0f articles/s\n", what, t.wall * 1e6 / n,
              t.cpu * 1e6 / n, n / t.wall);
}

// The stages of Analyze() timed one by one; each pass recomputes its inputs outside the clock.
void TimeStages(const std::vector<crosscheck::Article>& articles, int repeat) {
  using namespace crosscheck;
  std::vector<ArticleFacts> in;
  std::vector<std::optional<CivilTime>> published;
  for (const Article& a : articles) {
    in.push_back(Analyze(a));
    published.push_back(ParseDateTime(a.published));
  }
  std::vector<std::vector<Span>> taken(articles.size());
  for (size_t i = 0; i < articles.size(); ++i)
    for (const TimeExpression& t : in[i].times) taken[i].push_back(t.span);
  size_t sink = 0, n = articles.size();
  auto each = [&](auto&& f) { return Best(repeat, [&] { for (size_t i = 0; i < n; ++i) sink += f(i); }); };
  PrintLine("SplitSentences", each([&](size_t i) { return SplitSentences(articles[i].text).size(); }), n);
  PrintLine("FindTimeExpressions",
            each([&](size_t i) { return FindTimeExpressions(articles[i].text, published[i]).size(); }), n);
  PrintLine("FindEntities",
            each([&](size_t i) { return FindEntities(articles[i].text, in[i].sentences).mentions.size(); }), n);
  PrintLine("FindQuantities",
            each([&](size_t i) { return FindQuantities(articles[i].text, in[i].sentences, taken[i]).size(); }), n);
  // FindRoles reuses the entity tokens of the last FindEntities text in Analyze(); it is timed
  // here right after FindEntities on the same article, that call not counted.
  Timing roles;
  for (int r = 0; r < repeat; ++r) {
    double wall = 0, cpu = 0;
    for (size_t i = 0; i < n; ++i) {
      sink += FindEntities(articles[i].text, in[i].sentences).mentions.size();
      Timing one = Best(1, [&] { sink += FindRoles(articles[i].text, in[i].sentences, in[i].entities).size(); });
      wall += one.wall;
      cpu += one.cpu;
    }
    roles.wall = std::min(roles.wall, wall);
    roles.cpu = std::min(roles.cpu, cpu);
  }
  PrintLine("FindRoles", roles, n);
  PrintLine("FindQuotes",
            each([&](size_t i) { return FindQuotes(articles[i].text, in[i].sentences, in[i].entities).size(); }), n);
  PrintLine("FindEvents", each([&](size_t i) {
              return FindEvents(articles[i].text, in[i].sentences, in[i].entities, in[i].times, in[i].quantities).size();
            }),
            n);
  if (sink == 42) std::printf(" ");
}

}  // namespace

int main(int argc, char** argv) {
  Options o = ParseOptions(argc, argv);
  if (o.print > 0) {
    crosscheck::Article a = GenerateNewsArticle(static_cast<uint64_t>(o.print), o.words);
    std::printf("%s\npublished %s\n\n%s\n", a.title.c_str(), a.published.c_str(), a.text.c_str());
    return 0;
  }
  std::vector<crosscheck::Article> articles;
  size_t bytes = 0;
  long words = 0;
  for (int i = 0; i < o.articles; ++i) {
    articles.push_back(GenerateNewsArticle(static_cast<uint64_t>(i) + 1, o.words));
    bytes += articles.back().text.size();
    words += CountWords(articles.back().text);
  }
  auto f0 = std::chrono::steady_clock::now();
  crosscheck::ArticleFacts first = crosscheck::Analyze(articles[0]);
  double first_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - f0).count();
  size_t facts = 0;
  Timing t = Best(o.repeat, [&] {
    facts = 0;
    for (const auto& a : articles) {
      crosscheck::ArticleFacts f = crosscheck::Analyze(a);
      facts += f.entities.mentions.size() + f.times.size() + f.quantities.size() + f.roles.size() + f.quotes.size() +
               f.events.size();
    }
  });
  size_t n = articles.size();
  std::printf("%zu articles, %.0f words and %.0f bytes each on average; first call (loads tables) %.1f ms\n", n,
              double(words) / n, double(bytes) / n, first_ms);
  PrintLine("Analyze", t, n);
  std::printf("%.1f facts per article (mentions, times, quantities, roles, quotes, events); %.1f MB/s\n",
              double(facts) / n, bytes / t.wall / 1e6);
  std::printf("peak RSS %.1f MB (all articles and tables loaded)\n", PeakRssKb() / 1024.0);
  if (o.stages) TimeStages(articles, o.repeat);
  return first.sentences.empty() ? 1 : 0;
}
