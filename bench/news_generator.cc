// news_generator: see news_generator.h for the contract. Two layers: the stand-alone article
// generator analyze_speed has always timed (templates, pools and GenerateNewsArticle, whose
// output is unchanged), and the event corpus built on the same templates.
#include "news_generator.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <queue>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_time.h"
#include "core/text.h"

namespace crosscheck::bench {
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

// `when` if given, else a random relative time (the draw GenerateNewsArticle has always made).
const char* When(Rng& rng, const char* when) { return when ? when : rng.Pick(kRelative); }
// `quote` if given, else one of the stock quotes.
const char* Quote(Rng& rng, const char* quote) { return quote ? quote : rng.Pick(kQuotes); }

// One sentence from template `kind` (0..kTemplates-1), filled from the cast and fresh numbers;
// `when` replaces the random relative time of templates 0, 5 and 6, and `quote` the stock quote
// of templates 1 and 6, unless null (then the generator draws one, as GenerateNewsArticle
// always has).
std::string Sentence(int kind, const Cast& c, Rng& rng, const char* when, const char* quote) {
  int p = rng.Below(4), q = (p + 1 + rng.Below(3)) % 4, k = rng.Below(2);
  const std::string &name = c.person[p], &sur = c.surname[p];
  switch (kind) {
    case 0:
      return c.title[p] + " " + name + " said " + When(rng, when) + " that " + c.country[k] +
             " would send " + Count(rng) + " " + rng.Pick(kCounted) + " to the border region near " + c.city[k] + ".";
    case 1:
      return "\xE2\x80\x9C" + std::string(Quote(rng, quote)) + ",\xE2\x80\x9D " + sur + " told reporters in " +
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
             When(rng, when) + ", and dozens of " + rng.Pick(kCounted) + " were damaged.";
    case 6:
      return c.surname[q] + ", who met " + sur + " in " + c.city[1 - k] + " " + When(rng, when) +
             ", said: \xE2\x80\x9C" + Quote(rng, quote) + ".\xE2\x80\x9D";
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

int CountWords(std::string_view s) { return static_cast<int>(crosscheck::WordCount(s)); }

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
      std::string sentence = Sentence(order[next++ % kTemplates], cast, rng, nullptr, nullptr);
      total += CountWords(sentence);
      paragraph += (paragraph.empty() ? "" : " ") + sentence;
    }
    a.text += (a.text.empty() ? "" : "\n\n") + paragraph;
  }
  return a;
}


// ---------------------------------------------------------------------------------------------
// The event corpus.

namespace {

uint64_t Hash(uint64_t a, uint64_t b) {
  Rng rng(a * 0x9E3779B97F4A7C15ull + b);
  return rng.Next();
}

// Event places: cities the gazetteer knows, so reports can be placed.
constexpr std::array<const char*, 48> kEventCities = {
    "Kyiv",     "Istanbul", "Lisbon",  "Geneva",    "Warsaw",   "Nairobi",   "Osaka",    "Lyon",
    "Munich",   "Toronto",  "Cairo",   "Madrid",    "Milan",    "Krakow",    "Recife",   "Busan",
    "Lagos",    "Accra",    "Dakar",   "Mombasa",   "Karachi",  "Lahore",    "Dhaka",    "Chennai",
    "Mumbai",   "Jakarta",  "Manila",  "Hanoi",     "Bangkok",  "Seoul",     "Sapporo",  "Perth",
    "Auckland", "Lima",     "Quito",   "Bogota",    "Santiago", "Montevideo", "Havana",  "Marseille",
    "Naples",   "Porto",    "Seville", "Rotterdam", "Hamburg",  "Gdansk",    "Odesa",    "Tbilisi"};
constexpr std::array<const char*, 24> kSurnameHead = {"Ka",  "Mar", "Vel",  "Dor", "Sten", "Ol",  "Bri", "Tam",
                                                      "Ru",  "Fen", "Gal",  "Hes", "Lind", "Nor", "Pav", "Quil",
                                                      "Ros", "Sav", "Tor",  "Ul",  "Var",  "Wen", "Zol", "Ber"};
constexpr std::array<const char*, 10> kSurnameMid = {"o", "a", "e", "i", "u", "ov", "en", "ar", "el", "is"};
constexpr std::array<const char*, 14> kSurnameTail = {"vic", "sen", "berg", "ski", "ton", "ley", "ard",
                                                      "ani", "ez",  "mann", "ic",   "ro",  "dal", "que"};
// What happened: the clause after "when", and the noun a headline uses.
constexpr std::array<const char*, 8> kHappenings = {
    "a bridge collapsed",  "a fire swept through a market", "a ferry capsized",    "a storm hit the coast",
    "an explosion tore through a warehouse", "a train derailed", "a building collapsed", "floods swept through the old town"};
constexpr std::array<const char*, 8> kHappeningNouns = {"bridge collapse", "market fire",     "ferry disaster",
                                                        "storm",           "warehouse blast", "train derailment",
                                                        "building collapse", "floods"};
constexpr std::array<const char*, 30> kOutletHead = {
    "Northline", "Harbor",  "Meridian", "Sahel",    "Baobab Coast", "Riverside", "Granite",  "Lakeshore",
    "Highland",  "Capital", "Eastern",  "Western",  "Pacific",      "Atlantic",  "Summit",   "Valley",
    "Crescent",  "Beacon",  "Compass",  "Frontier", "Horizon",      "Keystone",  "Lantern",  "Mariner",
    "Orchard",   "Pioneer", "Sentinel", "Tidewater", "Union",       "Vanguard"};
constexpr std::array<const char*, 10> kOutletTail = {"Times",   "Post",    "Ledger",  "Wire",      "Observer",
                                                     "Daily",   "Herald",  "Gazette", "Tribune",   "Chronicle"};
constexpr int kOutlets = static_cast<int>(kOutletHead.size() * kOutletTail.size());
constexpr int kPoolInstances = 4;  // sentences per template in an event's pool (key templates: 1)

std::string OutletName(int outlet) {
  return std::string(kOutletHead[outlet % kOutletHead.size()]) + " " + kOutletTail[outlet / kOutletHead.size()];
}

std::string Slug(std::string_view name) {
  std::string out;
  for (char ch : name)
    if (ch != ' ') out += static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
  return out;
}

// Share of an outlet's original reports that state something differently: most outlets are
// careful (4-10%), a few are sloppy (up to 34%).
double Sloppiness(int outlet) {
  double u = static_cast<double>(Hash(0x51, static_cast<uint64_t>(outlet)) % 1000) / 1000.0;
  return 0.04 + 0.30 * u * u * u;
}

std::string InventedSurname(Rng& rng) {
  std::string s = rng.Pick(kSurnameHead);
  s += rng.Pick(kSurnameMid);
  s += rng.Pick(kSurnameTail);
  return s;
}

// A byline from the outlet's staff of five.
std::string Author(int outlet, Rng& rng) {
  Rng staff(Hash(static_cast<uint64_t>(outlet), static_cast<uint64_t>(rng.Below(5))));
  return std::string(staff.Pick(kFirst)) + " " + InventedSurname(staff);
}

// Minutes since 1970-01-01 00:00 UTC as "YYYY-MM-DDTHH:MM:00Z".
std::string IsoMinute(long minutes) {
  int y, m, d;
  CivilFromDays(minutes / 1440, &y, &m, &d);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:00Z", y, m, d, static_cast<int>(minutes % 1440 / 60),
                static_cast<int>(minutes % 60));
  return buf;
}

// One happening and everything its reports agree on.
struct Event {
  uint64_t index = 0, seed = 0;
  long start = 0;  // minutes since the epoch when it happened
  int year = 0, month = 0, day = 0, weekday = 0;
  int happening = 0, reports = 0;
  Cast cast;
  long dead = 0, injured = 0, rescued = 0, missing = 0;
};

Event MakeEvent(uint64_t seed, uint64_t index, long start) {
  Event e;
  e.index = index;
  e.seed = Hash(seed, index);
  e.start = start;
  CivilFromDays(start / 1440, &e.year, &e.month, &e.day);
  e.weekday = IsoWeekday(e.year, e.month, e.day);
  Rng rng(e.seed);
  e.reports = 5 + rng.Below(26);
  e.happening = rng.Below(static_cast<int>(kHappenings.size()));
  for (int i = 0; i < 4; ++i) {
    e.cast.surname[i] = InventedSurname(rng);
    e.cast.person[i] = std::string(rng.Pick(kFirst)) + " " + e.cast.surname[i];
    e.cast.title[i] = rng.Pick(kTitles);
  }
  for (int i = 0; i < 2; ++i) {
    e.cast.country[i] = rng.Pick(kCountries);
    e.cast.city[i] = rng.Pick(kEventCities);
    e.cast.org[i] = rng.Pick(kOrgs);
  }
  e.cast.year = e.year;
  e.dead = 2 + rng.Below(rng.Below(3) ? 40 : 300);
  e.injured = e.dead * (2 + rng.Below(6)) + rng.Below(20);
  e.rescued = 5 + rng.Below(120);
  e.missing = 1 + rng.Below(30);
  return e;
}

// How one report departs from the event's facts (all false for a faithful report).
struct Divergence {
  bool dead = false;     // states another death toll
  bool weekday = false;  // dates the happening a day off
  bool name = false;     // gives the first person another surname
  int pool_entry = -1;   // this pool sentence carries other numbers
};

Divergence MakeDivergence(Rng& rng, int pool_size) {
  Divergence d;
  switch (rng.Below(4)) {
    case 0: d.dead = true; break;
    case 1: d.weekday = true; break;
    case 2: d.name = true; break;
    default: d.pool_entry = rng.Below(pool_size); break;
  }
  return d;
}

// The templates an event's reports draw on: each template once (the lead-like ones, 0 and 5)
// or kPoolInstances times; 16 (an attack with its own toll) is left out: the lead states it.
struct PoolEntry {
  int kind, instance;
};

std::vector<PoolEntry> EventPool() {
  std::vector<PoolEntry> pool;
  for (int k = 0; k < kTemplates; ++k) {
    if (k == 16) continue;
    int instances = (k == 0 || k == 5) ? 1 : kPoolInstances;
    for (int i = 0; i < instances; ++i) pool.push_back({k, i});
  }
  return pool;
}

const std::vector<PoolEntry>& Pool() {
  static const std::vector<PoolEntry> pool = EventPool();
  return pool;
}

// The first paragraph every original report opens with: what happened, where, when, the toll.
std::string Lead(const Event& e, const Cast& cast, const Divergence& d) {
  long dead = d.dead ? e.dead + 1 + static_cast<long>(Hash(e.seed, 7) % 9) : e.dead;
  int weekday = d.weekday ? e.weekday % 7 + 1 : e.weekday;
  std::string date = std::string(MonthName(e.month)) + " " + std::to_string(e.day) + ", " + std::to_string(e.year);
  return "At least " + Thousands(dead) + " people were killed and " + Thousands(e.injured) + " injured on " +
         WeekdayName(weekday) + " when " + kHappenings[e.happening] + " in " + e.cast.city[0] + ", " + cast.title[0] +
         " " + cast.person[0] + " said. Rescue teams from " + e.cast.org[0] + " reached " + e.cast.city[0] + " on " +
         date + ", and " + Thousands(e.rescued) + " people were pulled alive from the wreckage. " + cast.surname[0] +
         " said " + Thousands(e.missing) + " people were still missing.";
}

std::string Headline(const Event& e, Rng& rng) {
  std::string city = e.cast.city[0], noun = kHappeningNouns[e.happening];
  switch (rng.Below(5)) {
    case 0: return Thousands(e.dead) + " dead in " + city + " " + noun;
    case 1: return city + " " + noun + ": rescuers search for the missing";
    case 2: return "Death toll rises after " + noun + " in " + city;
    case 3: return noun + " in " + city + " leaves dozens injured";
    default: return "What we know about the " + city + " " + noun;
  }
}

constexpr std::array<const char*, 8> kQuoteTails = {
    "and the families of {} deserve answers",        "and we owe that to the people of {}",
    "and nobody in {} will forget this week",        "whatever the officials in {} say",
    "and the whole of {} is watching us",            "even if the rescue in {} takes weeks",
    "and the first funerals in {} are tomorrow",     "because {} cannot wait for another report"};

// A quote of this event: a stock opening and a closing clause naming the event's city, so
// quotes repeat within an event but rarely across events, as in real news.
std::string EventQuote(const Event& e, const PoolEntry& entry) {
  Rng rng(Hash(e.seed, 0x0707 + static_cast<uint64_t>(entry.kind * 16 + entry.instance)));
  std::string tail = rng.Pick(kQuoteTails);
  tail.replace(tail.find("{}"), 2, e.cast.city[0]);
  return std::string(rng.Pick(kQuotes)) + " " + tail;
}

// Pool sentence `entry` of the event, the same in every report that picks it (other numbers
// when `other` is set).
std::string PoolSentence(const Event& e, const Cast& cast, const PoolEntry& entry, bool other) {
  Rng rng(Hash(e.seed + (other ? 0x0BAD : 0), static_cast<uint64_t>(entry.kind * 16 + entry.instance)));
  std::string when = std::string("on ") + WeekdayName(e.weekday);
  std::string quote = EventQuote(e, entry);
  return Sentence(entry.kind, cast, rng, when.c_str(), quote.c_str());
}

struct Draft {
  GeneratedReport report;
  std::vector<std::string> paragraphs;
  long published = 0;  // minutes since the epoch
};

// A report as `outlet` writes it from the event's facts.
Draft WriteOriginal(const Event& e, int outlet, int words, Rng& rng) {
  Draft draft;
  Divergence d;
  if (rng.Below(1000) < static_cast<int>(Sloppiness(outlet) * 1000)) {
    d = MakeDivergence(rng, static_cast<int>(Pool().size()));
    draft.report.kind = ReportKind::kDivergent;
  }
  Cast cast = e.cast;
  if (d.name) {
    cast.surname[0] = InventedSurname(rng);
    cast.person[0] = cast.person[0].substr(0, cast.person[0].find(' ') + 1) + cast.surname[0];
  }
  draft.paragraphs.push_back(Lead(e, cast, d));
  std::vector<int> order(Pool().size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  for (size_t i = order.size() - 1; i > 0; --i) std::swap(order[i], order[rng.Below(static_cast<int>(i) + 1)]);
  int target = words * (75 + rng.Below(51)) / 100, total = CountWords(draft.paragraphs[0]);
  for (size_t next = 0; total < target && next < order.size();) {
    std::string paragraph;
    for (int s = 3 + rng.Below(3); s > 0 && total < target && next < order.size(); --s, ++next) {
      std::string sentence = PoolSentence(e, cast, Pool()[order[next]], order[next] == d.pool_entry);
      total += CountWords(sentence);
      paragraph += (paragraph.empty() ? "" : " ") + sentence;
    }
    draft.paragraphs.push_back(std::move(paragraph));
  }
  draft.published = e.start + 30 + rng.Below(3 * 1440 - 30);
  draft.report.article.title = Headline(e, rng);
  return draft;
}

// Report `from` re-published: a new headline, 10-30% of its paragraphs trimmed (from the end,
// or after the lead), 10 minutes to 12 hours later.
Draft WriteCopy(const Event& e, const Draft& from, int from_index, Rng& rng) {
  Draft draft;
  draft.report.kind = ReportKind::kCopy;
  draft.report.copied_from = from_index;
  draft.paragraphs = from.paragraphs;
  size_t cut = std::max<size_t>(1, draft.paragraphs.size() * static_cast<size_t>(10 + rng.Below(21)) / 100);
  cut = std::min(cut, draft.paragraphs.size() - 1);
  if (rng.Below(2)) draft.paragraphs.resize(draft.paragraphs.size() - cut);
  else draft.paragraphs.erase(draft.paragraphs.begin() + 1, draft.paragraphs.begin() + 1 + static_cast<long>(cut));
  draft.published = from.published + 10 + rng.Below(12 * 60);
  std::string title;
  do title = Headline(e, rng);
  while (title == from.report.article.title && rng.Below(8) != 0);
  draft.report.article.title = title;
  return draft;
}

// Outlets for the event's reports, all different.
std::vector<int> PickOutlets(int n, Rng& rng) {
  std::vector<int> outlets;
  while (static_cast<int>(outlets.size()) < n) {
    int o = rng.Below(kOutlets);
    if (std::find(outlets.begin(), outlets.end(), o) == outlets.end()) outlets.push_back(o);
  }
  return outlets;
}

void Finish(const Event& e, int r, int outlet, Draft& d, Rng& rng) {
  crosscheck::Article& a = d.report.article;
  a.id = "e" + std::to_string(e.index) + "-r" + std::to_string(r);
  a.outlet = OutletName(outlet);
  a.author = Author(outlet, rng);
  a.language = "en";
  a.published = IsoMinute(d.published);
  a.source = "https://www." + Slug(a.outlet) + ".example/" + a.published.substr(0, 10) + "/" + a.id;
  for (const std::string& p : d.paragraphs) a.text += (a.text.empty() ? "" : "\n\n") + p;
  d.report.event = e.index;
}

// All reports of event `e`: report 0 is an original; later ones copy an earlier report one
// time in five.
std::vector<Draft> WriteEvent(const Event& e, int words) {
  Rng rng(Hash(e.seed, 0xE7E7));
  std::vector<int> outlets = PickOutlets(e.reports, rng);
  std::vector<Draft> drafts;
  for (int r = 0; r < e.reports; ++r) {
    Draft d;
    if (r > 0 && rng.Below(5) == 0) {
      int from = rng.Below(r);
      d = WriteCopy(e, drafts[static_cast<size_t>(from)], from, rng);
    } else {
      d = WriteOriginal(e, outlets[static_cast<size_t>(r)], words, rng);
    }
    Finish(e, r, outlets[static_cast<size_t>(r)], d, rng);
    drafts.push_back(std::move(d));
  }
  return drafts;
}

struct LaterFirst {
  bool operator()(const Draft& a, const Draft& b) const {
    if (a.published != b.published) return a.published > b.published;
    return a.report.article.id > b.report.article.id;
  }
};

}  // namespace

void GenerateNewsCorpus(const CorpusOptions& options, long count, const std::function<void(GeneratedReport&&)>& emit) {
  std::priority_queue<Draft, std::vector<Draft>, LaterFirst> pending;
  Rng gaps(Hash(options.seed, 0x6A95));
  long emitted = 0, start = options.first_event_days * 1440;
  for (uint64_t index = 0; emitted < count; ++index) {
    start += gaps.Below(2 * options.minutes_between_events + 1);
    // Every report still to come is published after `start`: those before it are final.
    while (!pending.empty() && pending.top().published < start && emitted < count) {
      Draft d = pending.top();
      pending.pop();
      emit(std::move(d.report));
      ++emitted;
    }
    if (emitted >= count) break;
    for (Draft& d : WriteEvent(MakeEvent(options.seed, index, start), options.words)) pending.push(std::move(d));
  }
}

std::string AsScrapedText(const crosscheck::Article& a) {
  std::string out = "Title: " + a.title + "\nBy " + a.author + "\nPublished: " + a.published + "\n\n" + a.text;
  out += "\n\n\xC2\xA9 " + a.published.substr(0, 4) + " " + a.outlet + ". All rights reserved.\n";
  return out;
}

}  // namespace crosscheck::bench
