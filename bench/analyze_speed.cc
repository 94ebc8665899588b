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
// The generator (GenerateNewsArticle) is also used by analyze_bench; that target compiles this
// file with CROSSCHECK_ANALYZE_SPEED_NO_MAIN so only the generator is built there.
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

// Declared again in analyze_bench.cc (no shared header: bench/ holds one file per tool).
// A deterministic news article of about `words` words for `seed`: paragraphs (blank-line
// separated) of templated sentences with people and their titles, organisations, countries
// and cities, absolute and relative dates, counts, percentages, money, and direct and reported
// quotes. Different seeds give different names, numbers, dates and sentence order.
// Sets `published` to the article's ISO date (2020-2027).
crosscheck::Article GenerateNewsArticle(uint64_t seed, int words);

namespace {

// splitmix64: small, fast, deterministic across platforms.
class Rng {
 public:
  // The seed is mixed first so that nearby seeds do not give shifted copies of one stream.
  explicit Rng(uint64_t seed) : state_(Mix(seed ^ 0x2545F4914F6CDD1Dull)) {}
  uint64_t Next() { return Mix(state_ += 0x9E3779B97F4A7C15ull); }
  int Below(int n) { return static_cast<int>(Next() % static_cast<uint64_t>(n)); }
  template <size_t N>
  const char* Pick(const std::array<const char*, N>& pool) { return pool[Below(static_cast<int>(N))]; }

 private:
  static uint64_t Mix(uint64_t z) {
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  uint64_t state_;
};

constexpr std::array<const char*, 24> kFirst = {
    "Maria",  "James",   "Olena", "Ahmed",  "Sofia",  "Daniel", "Yuki",   "Pierre", "Anna",  "Carlos", "Fatima", "Mark",
    "Elena",  "Thomas",  "Ingrid", "Rafael", "Leila", "Victor", "Grace",  "Omar",   "Hannah", "Dmitri", "Lucia", "Samuel"};
constexpr std::array<const char*, 24> kLast = {
    "Reyes",   "Kowalski", "Okafor", "Lindqvist", "Tanaka",  "Moreau",  "Haddad",   "Petrenko", "Schneider", "Costa",
    "Novak",   "Brennan",  "Aziz",   "Varga",     "Iwasaki", "Delgado", "Mbeki",    "Sorensen", "Kaplan",    "Rossi",
    "Fischer", "Nowak",    "Quinn",  "Marchetti"};
constexpr std::array<const char*, 12> kTitles = {
    "Defence Minister", "Foreign Minister", "President", "Prime Minister", "Gen.",         "Finance Minister",
    "Senator",          "Mayor",            "Governor",  "Ambassador",     "Health Minister", "Interior Minister"};
constexpr std::array<const char*, 16> kCountries = {
    "Ukraine", "Russia",  "France",      "Germany", "Turkey", "Poland", "Brazil", "Japan",
    "Kenya",   "Mexico",  "South Korea", "Italy",   "Canada", "Egypt",  "India",  "Spain"};
constexpr std::array<const char*, 16> kCities = {
    "Kyiv",   "Istanbul", "Lisbon", "Geneva", "Warsaw", "Nairobi", "Osaka",  "Lyon",
    "Munich", "Toronto",  "Cairo",  "Madrid", "Milan",  "Krakow",  "Recife", "Busan"};
constexpr std::array<const char*, 12> kOrgs = {
    "the United Nations",   "NATO",           "the World Bank",    "the European Commission",
    "Reuters",              "the Red Cross",  "Siemens",           "the International Monetary Fund",
    "the Associated Press", "Amnesty International", "Airbus", "the African Union"};
constexpr std::array<const char*, 10> kCounted = {"soldiers", "civilians", "drones",   "workers", "detainees",
                                                  "vehicles", "families",  "missiles", "jobs",    "homes"};
constexpr std::array<const char*, 8> kRelative = {"on Tuesday", "last week", "on Friday night", "two years ago",
                                                  "earlier this month", "yesterday", "next Monday", "in mid-May"};
constexpr std::array<const char*, 8> kQuotes = {
    "We will not accept any agreement that ignores the facts on the ground",
    "This is a difficult day for everyone who worked on the project",
    "The numbers speak for themselves, and they are not good",
    "Our priority is to bring every family home before the winter",
    "Nobody expected the talks to move this quickly",
    "We are ready to meet again as soon as the other side is",
    "The market has already priced in most of the risk",
    "There is still a great deal of work to do"};
constexpr std::array<const char*, 6> kEvents = {"peace talks", "trade talks", "ceasefire negotiations",
                                                "prisoner exchanges", "budget talks", "security consultations"};
constexpr std::array<const char*, 8> kProse = {
    "The decision came after months of pressure from opposition parties and business groups.",
    "Critics say the plan leaves too many questions unanswered and relies on optimistic forecasts.",
    "The move is likely to be welcomed by investors, who have been waiting for a clear signal.",
    "It was not immediately clear how the measures would be funded or who would oversee them.",
    "Supporters argue that the changes are long overdue and will make the system fairer.",
    "The government has faced growing criticism over its handling of the crisis.",
    "Much of the damage was concentrated in the older districts along the river.",
    "Negotiators are expected to return to the table once the technical work is done."};

// The names and figures one article is about; sentences draw on them so the text repeats its
// people and places as real reports do.
struct Cast {
  std::string person[4];   // full names
  std::string surname[4];
  std::string title[4];
  const char* country[2];
  const char* city[2];
  const char* org[2];
  int year;
};

Cast MakeCast(Rng& rng) {
  Cast c;
  for (int i = 0; i < 4; ++i) {
    c.surname[i] = rng.Pick(kLast);
    c.person[i] = std::string(rng.Pick(kFirst)) + " " + c.surname[i];
    c.title[i] = rng.Pick(kTitles);
  }
  for (int i = 0; i < 2; ++i) {
    c.country[i] = rng.Pick(kCountries);
    c.city[i] = rng.Pick(kCities);
    c.org[i] = rng.Pick(kOrgs);
  }
  c.year = 2020 + rng.Below(8);
  return c;
}

std::string Thousands(long n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string Count(Rng& rng) { return Thousands(2 + rng.Below(rng.Below(2) ? 900 : 60000)); }
std::string Percent(Rng& rng) { return std::to_string(1 + rng.Below(89)) + "." + std::to_string(rng.Below(10)) + "%"; }
std::string Money(Rng& rng) {
  std::string out = "$";  // appended piece by piece: GCC 12 gives a false -Wrestrict on "$" + string
  out += std::to_string(1 + rng.Below(40));
  out += '.';
  out += std::to_string(rng.Below(10));
  out += rng.Below(2) ? " billion" : " million";
  return out;
}
std::string Date(Rng& rng, int year) {
  return std::string(crosscheck::MonthName(1 + rng.Below(12))) + " " + std::to_string(1 + rng.Below(28)) + ", " +
         std::to_string(year - rng.Below(3));
}

constexpr int kTemplates = 18;

// One sentence from template `kind` (0..kTemplates-1), filled from the cast and fresh numbers.
std::string Sentence(int kind, const Cast& c, Rng& rng) {
  int p = rng.Below(4), q = (p + 1 + rng.Below(3)) % 4, k = rng.Below(2);
  const std::string &name = c.person[p], &sur = c.surname[p];
  switch (kind) {
    case 0:
      return c.title[p] + " " + name + " said " + rng.Pick(kRelative) + " that " + c.country[k] +
             " would send " + Count(rng) + " " + rng.Pick(kCounted) + " to the border region near " + c.city[k] + ".";
    case 1:
      return "\xE2\x80\x9C" + std::string(rng.Pick(kQuotes)) + ",\xE2\x80\x9D " + sur + " told reporters in " +
             c.city[k] + ".";
    case 2:
      return "According to " + std::string(c.org[k]) + ", nearly " + Percent(rng) + " of the " + rng.Pick(kCounted) +
             " in the region have been affected since " + Date(rng, c.year) + ".";
    case 3:
      return "The second round of " + std::string(rng.Pick(kEvents)) + " between " + c.country[0] + " and " +
             c.country[1] + " is due to begin in " + c.city[k] + " on " + Date(rng, c.year + 1) + ".";
    case 4:
      return name + ", " + c.title[p] + " of " + c.country[k] + ", said the package was worth about " + Money(rng) +
             " and would be paid over " + std::to_string(2 + rng.Below(9)) + " years.";
    case 5:
      return "Officials in " + std::string(c.city[k]) + " said at least " + Count(rng) + " people were evacuated " +
             rng.Pick(kRelative) + ", and dozens of " + rng.Pick(kCounted) + " were damaged.";
    case 6:
      return c.surname[q] + ", who met " + sur + " in " + c.city[1 - k] + " " + rng.Pick(kRelative) +
             ", said: \xE2\x80\x9C" + rng.Pick(kQuotes) + ".\xE2\x80\x9D";
    case 7:
      return "The company's shares fell " + Percent(rng) + " to " + Money(rng) + " in early trading on " +
             crosscheck::WeekdayName(1 + rng.Below(5)) + ", its lowest level since " + std::to_string(c.year - 1 - rng.Below(10)) + ".";
    case 8:
      return "In a statement, " + std::string(c.org[k]) + " said more than " + Count(rng) + " " + rng.Pick(kCounted) +
             " had been registered, up from " + Count(rng) + " a year earlier.";
    case 9:
      return "Analysts at " + std::string(c.org[1 - k]) + " expect growth of " + Percent(rng) + " next year, compared with " +
             Percent(rng) + " in " + std::to_string(c.year - 1) + ", as inflation eases across " + c.country[k] + ".";
    case 10:
      return "The former " + c.title[q] + " " + c.person[q] + " was quoted by local media as saying the " +
             rng.Pick(kEvents) + " had been planned for weeks and that " + sur + " knew about it.";
    case 11:
    case 12:
    case 13:
      return rng.Pick(kProse);
    case 14:
      return "A spokesperson for " + std::string(c.org[k]) + " declined to comment on the report, saying only that " +
             "the organisation was \xE2\x80\x9Cmonitoring the situation closely\xE2\x80\x9D.";
    case 15:
      return std::string("Earlier this year, ") + c.country[k] + " agreed to cut its emissions by " + Percent(rng) +
             " by " + std::to_string(c.year + 5 + rng.Below(10)) + ", a target that " + sur + " called ambitious.";
    case 16:
      return "The attack on " + std::string(c.city[k]) + " killed " + std::to_string(3 + rng.Below(40)) +
             " people and injured about " + Count(rng) + ", according to the regional governor, " + c.person[q] +
             ".";
    default:
      return "Residents said the situation had calmed by the evening, although sirens sounded again shortly after " +
             std::to_string(1 + rng.Below(11)) + " p.m. local time and schools stayed closed for a " +
             (rng.Below(2) ? "second" : "third") + " day.";
  }
}

int CountWords(std::string_view s) {
  int n = 0;
  bool in = false;
  for (char ch : s) {
    bool space = ch == ' ' || ch == '\n';
    n += !space && !in;
    in = !space;
  }
  return n;
}

}  // namespace

crosscheck::Article GenerateNewsArticle(uint64_t seed, int words) {
  Rng rng(seed);
  Cast cast = MakeCast(rng);
  crosscheck::Article a;
  a.id = "generated-" + std::to_string(seed);
  a.language = "en";
  a.published = std::to_string(cast.year) + "-" + (seed % 9 + 1 < 10 ? "0" : "") + std::to_string(seed % 9 + 1) + "-" +
                std::to_string(10 + rng.Below(18));
  a.title = cast.title[0] + " " + cast.surname[0] + " says " + cast.country[0] + " ready for talks";
  // Templates in a shuffled order, each used once before any repeats.
  std::array<int, kTemplates> order;
  for (int i = 0; i < kTemplates; ++i) order[i] = i;
  for (int i = kTemplates - 1; i > 0; --i) std::swap(order[i], order[rng.Below(i + 1)]);
  int total = 0, next = 0;
  while (total < words) {
    std::string paragraph;
    for (int s = 3 + rng.Below(3); s > 0 && total < words; --s) {
      std::string sentence = Sentence(order[next++ % kTemplates], cast, rng);
      total += CountWords(sentence);
      paragraph += (paragraph.empty() ? "" : " ") + sentence;
    }
    a.text += (a.text.empty() ? "" : "\n\n") + paragraph;
  }
  return a;
}

#ifndef CROSSCHECK_ANALYZE_SPEED_NO_MAIN
namespace {

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
#endif  // CROSSCHECK_ANALYZE_SPEED_NO_MAIN
