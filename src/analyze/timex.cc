// Time-expression tagger: finds dates, times, durations and sets in English news prose and
// writes their TimeML (TempEval-3) values.
//
// Approach (rule-based, in the spirit of HeidelTime and SUTime, but token-driven for speed):
//  1. The text is cut once into tokens (letter runs, digit runs with glued letters such as
//     "1990s" or "20th", single punctuation marks) over a lower-cased copy, and every token is
//     looked up once in a single hash table built from the data/en/ lexicons (months,
//     weekdays, number words, units, seasons, day parts, modifiers, holidays, ...).
//  2. At each token that can begin an expression, a set of small hand-written grammar rules
//     (one function per kind of expression) tries to read an expression; the longest reading
//     wins and scanning continues after it. No regular expression runs over the text, so the
//     cost is one pass plus a few comparisons per candidate token.
//  3. Each rule also writes the value, resolving relative expressions (yesterday, last
//     Friday, three years ago, mid-May) against an anchor day: the publication date when
//     given, else the latest full date the text itself states (found by a first pass), else
//     none, in which case relative values keep their unknown parts as X ("XXXX-WXX").
// Conventions (learned from TimeBank/AQUAINT): a bare weekday is the nearest such day not
// after the anchor (the same day counts) unless the sentence speaks of the future; a month
// without a year takes the year that puts it nearest the anchor; ages ("five years old") are
// not time expressions.
#include "analyze/timex.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/data.h"
#include "core/word_table.h"

namespace crosscheck {
namespace {

// ASCII character classes without the C library's locale lookups (this is the hot loop).
inline bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }
inline bool IsUpper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
inline bool IsAlpha(unsigned char c) { return IsUpper(c) || (c >= 'a' && c <= 'z'); }
inline bool IsSpace(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
inline char Lower(char c) { return IsUpper(static_cast<unsigned char>(c)) ? static_cast<char>(c + 32) : c; }

// ---------------------------------------------------------------------------------------------
// Lexicon

enum class Unit : uint8_t { kNone, kSecond, kMinute, kHour, kDay, kWeek, kMonth, kQuarter, kYear, kDecade, kCentury, kWeekend };

struct Phrase {
  std::vector<std::string> words;  // tokenised like the text, lower case
  std::string value;               // TimeML value, mod or rule from the data file
};

// Everything the tagger knows about one lower-case word.
struct WordInfo {
  int month = 0, weekday = 0, ordinal = 0, number = -1;
  bool month_abbrev = false, weekday_abbrev = false, weekday_plural = false, unit_plural = false;
  Unit unit = Unit::kNone;
  bool starts = false;            // can begin an expression (not just continue a phrase)
  const char* season = nullptr;   // "SP", "SU", "FA", "WI"
  const char* daypart = nullptr;  // "MO", "AF", "EV", "NI"
  // Multi-word phrases that start with this word, longest first.
  std::vector<const Phrase*> modifiers, positions, references, sets, holidays;
};

struct Lexicon {
  WordMap<WordInfo> words;  // complete before anything points into it
  std::vector<std::unique_ptr<Phrase>> phrases;  // owns what WordInfo points at

  size_t longest = 0;  // no longer word needs a lookup

  const WordInfo* Find(std::string_view w) const {
    if (w.size() > longest) return nullptr;
    auto it = words.find(w);
    return it == words.end() ? nullptr : &it->second;
  }
};

// Splits "new year's day" the way the text tokenizer does: "new" "year" "'" "s" "day".
std::vector<std::string> SplitPhrase(std::string_view s) {
  std::vector<std::string> out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t j = i + 1;
    if (IsAlpha(c)) {
      while (j < s.size() && IsAlpha(static_cast<unsigned char>(s[j]))) ++j;
    } else if (IsDigit(c)) {
      while (j < s.size() && (IsDigit(static_cast<unsigned char>(s[j])) || IsAlpha(static_cast<unsigned char>(s[j])))) ++j;
    } else if (c == ' ') {
      ++i;
      continue;
    }
    out.emplace_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

std::pair<std::string_view, std::string_view> FirstWord(std::string_view line) {
  size_t sp = line.find(' ');
  if (sp == std::string_view::npos) return {line, {}};
  return {line.substr(0, sp), line.substr(sp + 1)};
}

int ToInt(std::string_view s) {
  int v = 0;
  bool neg = !s.empty() && s[0] == '-';
  for (char c : s)
    if (IsDigit(static_cast<unsigned char>(c))) v = v * 10 + (c - '0');
  return neg ? -v : v;
}

// Reads "VALUE phrase words" lines into phrase lists keyed by their first word.
void LoadPhrases(Lexicon* lex, std::string_view file, std::vector<const Phrase*> WordInfo::*list) {
  for (std::string_view line : DataLines(file)) {
    auto [value, rest] = FirstWord(line);
    auto p = std::make_unique<Phrase>();
    p->words = SplitPhrase(rest);
    p->value = std::string(value);
    if (p->words.empty()) continue;
    for (const std::string& w : p->words) lex->words[w];  // every phrase word is known to the scan
    auto& v = lex->words[p->words[0]].*list;
    v.push_back(p.get());
    std::stable_sort(v.begin(), v.end(), [](const Phrase* a, const Phrase* b) { return a->words.size() > b->words.size(); });
    lex->phrases.push_back(std::move(p));
  }
}

// Names from a "NUMBER name name..." file (months.txt, weekdays.txt): calls f(number, name,
// is_abbreviation) for each plain name; dotted forms are the same token to us.
template <typename F>
void ForEachName(std::string_view file, F f) {
  for (std::string_view line : DataLines(file)) {
    auto [num, rest] = FirstWord(line);
    std::string_view full;
    while (!rest.empty()) {
      auto [name, tail] = FirstWord(rest);
      rest = tail;
      if (name.empty() || name.back() == '.') continue;
      if (full.empty()) full = name;
      f(ToInt(num), std::string(name), name.size() < full.size());
    }
  }
}

Unit UnitFromCode(std::string_view code) {
  static const std::pair<std::string_view, Unit> kCodes[] = {
      {"S", Unit::kSecond}, {"MIN", Unit::kMinute}, {"H", Unit::kHour}, {"D", Unit::kDay},
      {"W", Unit::kWeek}, {"M", Unit::kMonth}, {"Q", Unit::kQuarter}, {"Y", Unit::kYear},
      {"DE", Unit::kDecade}, {"CE", Unit::kCentury}, {"WE", Unit::kWeekend}};
  for (const auto& [c, u] : kCodes)
    if (c == code) return u;
  return Unit::kNone;
}

const char* Intern(std::string_view s) {
  static std::vector<std::unique_ptr<std::string>>* pool = new std::vector<std::unique_ptr<std::string>>();
  for (const auto& p : *pool)
    if (*p == s) return p->c_str();
  pool->push_back(std::make_unique<std::string>(s));
  return pool->back()->c_str();
}

Lexicon* BuildLexicon() {
  auto* lex = new Lexicon();
  ForEachName("en/months.txt", [&](int n, std::string name, bool abbrev) {
    WordInfo& w = lex->words[name];
    w.month = MonthFromName(name) ? MonthFromName(name) : n;
    w.month_abbrev = abbrev;
  });
  ForEachName("en/weekdays.txt", [&](int n, std::string name, bool abbrev) {
    const int weekday = WeekdayFromName(name) ? WeekdayFromName(name) : n;
    WordInfo& w = lex->words[name];
    w.weekday = weekday;
    w.weekday_abbrev = abbrev;
    if (!abbrev) {  // "on Tuesdays" is a set (a new entry: `w` may move)
      WordInfo& p = lex->words[name + "s"];
      p.weekday = weekday;
      p.weekday_plural = true;
    }
  });
  for (std::string_view line : DataLines("en/timex_numbers.txt")) {
    auto [word, value] = FirstWord(line);
    lex->words[std::string(word)].number = ToInt(value);
  }
  for (std::string_view line : DataLines("en/timex_ordinals.txt")) {
    auto [word, value] = FirstWord(line);
    lex->words[std::string(word)].ordinal = ToInt(value);
  }
  for (std::string_view line : DataLines("en/timex_units.txt")) {
    auto [code, rest] = FirstWord(line);
    bool first = true;
    while (!rest.empty()) {
      auto [name, tail] = FirstWord(rest);
      rest = tail;
      WordInfo& w = lex->words[std::string(name)];
      w.unit = UnitFromCode(code);
      w.unit_plural = !first && name.back() == 's';
      first = false;
    }
  }
  auto load_codes = [&](std::string_view file, const char* WordInfo::*field) {
    for (std::string_view line : DataLines(file)) {
      auto [code, rest] = FirstWord(line);
      const char* c = Intern(code);
      while (!rest.empty()) {
        auto [name, tail] = FirstWord(rest);
        rest = tail;
        lex->words[std::string(name)].*field = c;
      }
    }
  };
  load_codes("en/timex_seasons.txt", &WordInfo::season);
  load_codes("en/timex_dayparts.txt", &WordInfo::daypart);
  // Grammar words that begin expressions ("the past two years", "every week"): they must be
  // in the table so that the scan tries them.
  for (const char* w : {"the", "this", "last", "next", "past", "coming", "previous", "preceding", "following",
                        "upcoming", "every", "each", "per", "fiscal", "calendar", "fy", "today", "yesterday",
                        "tomorrow", "tonight", "noon", "midnight", "midday", "few", "several", "many", "half",
                        "q", "year", "its", "their", "current", "latest", "recent", "first", "final",
                        "remaining", "another", "other", "dozens", "hundreds", "thousands", "additional", "full",
                        "more", "consecutive", "straight", "long", "trading", "business", "working", "successive",
                        "further", "most", "present", "comparable", "same", "flat", "weak", "strong", "prior",
                        "initial", "ensuing", "subsequent", "closing", "opening", "twenties", "thirties", "forties",
                        "fifties", "sixties", "seventies", "eighties", "nineties"})
    lex->words[w].starts = true;
  LoadPhrases(lex, "en/timex_modifiers.txt", &WordInfo::modifiers);
  LoadPhrases(lex, "en/timex_positions.txt", &WordInfo::positions);
  LoadPhrases(lex, "en/timex_references.txt", &WordInfo::references);
  LoadPhrases(lex, "en/timex_sets.txt", &WordInfo::sets);
  LoadPhrases(lex, "en/timex_holidays.txt", &WordInfo::holidays);
  for (auto& [w, info] : lex->words) {
    lex->longest = std::max(lex->longest, w.size());
    // Words that only continue a phrase ("of" in "the end of") never start a match.
    info.starts = info.month || info.weekday || info.number >= 0 || info.ordinal || info.unit != Unit::kNone ||
                  info.season || info.daypart || !info.modifiers.empty() || !info.positions.empty() ||
                  !info.references.empty() || !info.sets.empty() || !info.holidays.empty() || info.starts;
  }
  return lex;
}

const Lexicon& Lex() {
  static const Lexicon* lex = BuildLexicon();
  return *lex;
}

// ---------------------------------------------------------------------------------------------
// Tokens

struct Token {
  uint32_t begin = 0, end = 0;  // byte offsets in the text
  std::string_view word;        // lower case
  std::string_view suffix;      // letters glued to a digit run: "s" in "1990s", "th" in "20th"
  const WordInfo* info = nullptr;
  int number = -1;              // value of the digit run
  uint8_t digits = 0;           // length of the digit run
  char punct = 0;               // the character of a punctuation token
  bool space_before = false, capital = false;
};

inline bool IsWordByte(unsigned char c) { return IsAlpha(c) || c >= 0x80; }

std::vector<Token> Tokenize(std::string_view text, std::string_view lower) {
  std::vector<Token> out;
  out.reserve(text.size() / 4);
  const Lexicon& lex = Lex();
  bool space = true;
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (IsSpace(c)) { space = true; ++i; continue; }
    Token t;
    t.begin = static_cast<uint32_t>(i);
    t.space_before = space;
    space = false;
    size_t j = i + 1;
    // Typographic apostrophe and dashes behave like their ASCII forms.
    if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) {
      unsigned char d = static_cast<unsigned char>(text[i + 2]);
      if (d == 0x99 || d == 0x98) t.punct = '\'';
      else if (d == 0x93 || d == 0x94) t.punct = '-';
      if (t.punct) {
        j = i + 3;
        t.end = static_cast<uint32_t>(j);
        t.word = t.punct == '\'' ? std::string_view("'") : std::string_view("-");
        out.push_back(t);
        i = j;
        continue;
      }
    }
    if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {  // no-break space
      space = true;
      i += 2;
      continue;
    }
    if (IsDigit(c)) {
      int v = 0;
      j = i;
      while (j < text.size() && IsDigit(static_cast<unsigned char>(text[j]))) {
        if (j - i < 9) v = v * 10 + (text[j] - '0');
        ++j;
      }
      t.number = v;
      t.digits = static_cast<uint8_t>(std::min<size_t>(j - i, 255));
      size_t k = j;
      while (k < text.size() && IsAlpha(static_cast<unsigned char>(text[k]))) ++k;
      t.suffix = lower.substr(j, k - j);
      j = k;
    } else if (IsWordByte(c)) {
      while (j < text.size() && IsWordByte(static_cast<unsigned char>(text[j])) &&
             !(static_cast<unsigned char>(text[j]) == 0xE2 && j + 1 < text.size() &&
               static_cast<unsigned char>(text[j + 1]) == 0x80))
        ++j;
      t.capital = IsUpper(c);
    } else {
      t.punct = static_cast<char>(c);
      while (j < text.size() && (static_cast<unsigned char>(text[j]) & 0xC0) == 0x80) ++j;  // rest of a code point
    }
    t.end = static_cast<uint32_t>(j);
    t.word = lower.substr(i, j - i);
    if (!t.punct && t.number < 0) t.info = lex.Find(t.word);
    out.push_back(t);
    i = j;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Calendar helpers

struct Day {
  int y = 0, m = 0, d = 0;
};

long ToDays(const Day& d) { return DaysFromCivil(d.y, d.m, d.d); }
Day FromDays(long n) {
  Day d;
  CivilFromDays(n, &d.y, &d.m, &d.d);
  return d;
}
Day AddDays(const Day& d, long n) { return FromDays(ToDays(d) + n); }
int Weekday(const Day& d) { return IsoWeekday(d.y, d.m, d.d); }

std::string Fmt(const char* f, int a, int b = 0, int c = 0) {
  char buf[48];
  std::snprintf(buf, sizeof buf, f, a, b, c);
  return buf;
}
std::string DateValue(const Day& d) { return Fmt("%04d-%02d-%02d", d.y, d.m, d.d); }
std::string MonthValue(int y, int m) { return Fmt("%04d-%02d", y, m); }
std::string YearValue(int y) { return Fmt("%04d", y); }

// ISO 8601 week "2013-W12": the week belongs to the year of its Thursday.
std::string WeekValue(const Day& d) {
  long thursday = ToDays(d) - (Weekday(d) - 1) + 3;
  Day t = FromDays(thursday);
  int week = static_cast<int>((thursday - DaysFromCivil(t.y, 1, 1)) / 7) + 1;
  return Fmt("%04d-W%02d", t.y, week);
}

// Month arithmetic on (year, month).
void AddMonths(int* y, int* m, int n) {
  int total = *y * 12 + (*m - 1) + n;
  *y = total / 12;
  *m = total % 12 + 1;
}

Day EasterSunday(int y) {  // anonymous Gregorian algorithm
  int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
  int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
  return {y, month, day};
}

// A holiday rule from timex_holidays.txt in a given year: "12-25", "11/4/4", "E-2".
std::optional<Day> HolidayInYear(std::string_view rule, int y) {
  if (rule.empty()) return std::nullopt;
  if (rule[0] == 'E') return AddDays(EasterSunday(y), ToInt(rule.substr(1)));
  size_t slash = rule.find('/');
  if (slash != std::string_view::npos) {
    int month = ToInt(rule.substr(0, slash));
    size_t slash2 = rule.find('/', slash + 1);
    int wd = ToInt(rule.substr(slash + 1, slash2 - slash - 1));
    int nth = ToInt(rule.substr(slash2 + 1));
    if (nth > 0) {
      Day first{y, month, 1};
      int delta = (wd - Weekday(first) + 7) % 7;
      return AddDays(first, delta + 7 * (nth - 1));
    }
    Day last{y, month, DaysInMonth(y, month)};
    return AddDays(last, -((Weekday(last) - wd + 7) % 7));
  }
  size_t dash = rule.find('-');
  if (dash == std::string_view::npos) return std::nullopt;
  return Day{y, ToInt(rule.substr(0, dash)), ToInt(rule.substr(dash + 1))};
}

int SeasonIndex(std::string_view code) {  // order within a year
  if (code == "SP") return 1;
  if (code == "SU") return 2;
  if (code == "FA") return 3;
  return 4;  // WI: we count a winter from its December
}
int CurrentSeasonIndex(int month) { return month <= 2 ? 0 : month <= 5 ? 1 : month <= 8 ? 2 : month <= 11 ? 3 : 4; }

// ---------------------------------------------------------------------------------------------
// Matches

// How much the value leans on the anchor and on guessing; sets `confidence`.
enum class Basis { kAbsolute, kArithmetic, kGuess, kVague };

struct Match {
  int begin = 0, end = -1;  // token range [begin, end)
  TimeType type = TimeType::kDate;
  std::string value, mod;
  int weekday = 0;
  Basis basis = Basis::kAbsolute;
  bool uses_anchor = false;
};

const char* UnitLetter(Unit u) {
  switch (u) {
    case Unit::kSecond: return "S";
    case Unit::kMinute: return "M";
    case Unit::kHour: return "H";
    case Unit::kDay: return "D";
    case Unit::kWeek: return "W";
    case Unit::kMonth: return "M";
    case Unit::kQuarter: return "Q";
    case Unit::kDecade: return "DE";
    case Unit::kCentury: return "CE";
    default: return "Y";
  }
}
bool OrdinalSuffix(std::string_view s) { return s == "st" || s == "nd" || s == "rd" || s == "th"; }
bool ClockUnit(Unit u) { return u == Unit::kSecond || u == Unit::kMinute || u == Unit::kHour; }

// The next smaller unit and how many of it make one of `u`, for "2 1/2 years" -> P2Y6M.
std::pair<Unit, int> SmallerUnit(Unit u) {
  switch (u) {
    case Unit::kYear: return {Unit::kMonth, 12};
    case Unit::kWeek: return {Unit::kDay, 7};
    case Unit::kDay: return {Unit::kHour, 24};
    case Unit::kHour: return {Unit::kMinute, 60};
    case Unit::kMinute: return {Unit::kSecond, 60};
    case Unit::kQuarter: return {Unit::kMonth, 3};
    default: return {Unit::kNone, 0};
  }
}

std::string FormatAmount(double v) {
  if (std::fabs(v - std::round(v)) < 1e-9) return std::to_string(static_cast<long>(std::llround(v)));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

// "P3D", "PT2H", "P20Y" (a decade is ten years, as TimeBank writes it), "PXY" when vague.
std::string DurationValue(double amount, bool vague, Unit u) {
  if (u == Unit::kWeekend) u = Unit::kDay, amount *= 2;
  if (!vague && u == Unit::kDecade) u = Unit::kYear, amount *= 10;
  if (!vague && u == Unit::kCentury) u = Unit::kYear, amount *= 100;
  if (vague && (u == Unit::kDecade || u == Unit::kCentury)) u = Unit::kYear;
  std::string out = ClockUnit(u) ? "PT" : "P";
  if (vague) return out + "X" + UnitLetter(u);
  double whole = std::floor(amount + 1e-9), frac = amount - whole;
  auto [smaller, factor] = SmallerUnit(u);
  double part = frac * factor;
  if (frac > 1e-9 && smaller != Unit::kNone && std::fabs(part - std::round(part)) < 1e-6) {
    std::string lower = std::to_string(static_cast<long>(std::llround(part))) + UnitLetter(smaller);
    if (whole < 1e-9) return (ClockUnit(smaller) ? "PT" : "P") + lower;
    bool time_switch = !ClockUnit(u) && ClockUnit(smaller);  // P1DT12H
    return out + FormatAmount(whole) + UnitLetter(u) + (time_switch ? "T" : "") + lower;
  }
  return out + FormatAmount(amount) + UnitLetter(u);
}

// ---------------------------------------------------------------------------------------------
// The tagger for one text

class Tagger {
 public:
  Tagger(std::string_view text, const std::vector<Token>& toks, const std::optional<Day>& anchor)
      : text_(text), t_(toks), n_(static_cast<int>(toks.size())), anchor_(anchor) {}

  std::vector<Match> Run();

 private:
  // ---- token tests
  std::string_view W(int i) const { return i >= 0 && i < n_ ? t_[i].word : std::string_view(); }
  bool Is(int i, std::string_view w) const {
    return i >= 0 && i < n_ && t_[i].word.size() == w.size() && std::memcmp(t_[i].word.data(), w.data(), w.size()) == 0;
  }
  // Literal words keep their length at compile time (no strlen, and the compare is inlined).
  template <size_t N>
  bool Is(int i, const char (&w)[N]) const {
    if (i < 0 || i >= n_) return false;
    const std::string_view word = t_[i].word;
    return word.size() == N - 1 && std::memcmp(word.data(), w, N - 1) == 0;
  }
  template <typename... A>
  bool IsAny(int i, const A&... ws) const { return (Is(i, ws) || ...); }
  const WordInfo* Info(int i) const { return i >= 0 && i < n_ ? t_[i].info : nullptr; }
  bool Punct(int i, char c) const { return i >= 0 && i < n_ && t_[i].punct == c; }
  bool Glued(int i) const { return i < n_ && !t_[i].space_before; }
  bool PlainNumber(int i) const { return i >= 0 && i < n_ && t_[i].number >= 0 && t_[i].suffix.empty(); }
  // Skips a hyphen that joins two words ("mid-May", "five-year").
  int Hyphen(int i) const { return Punct(i, '-') && Glued(i) && Glued(i + 1) ? i + 1 : i; }
  // Skips the possessive "'s" ("this year's").
  int Possessive(int i) const { return Punct(i, '\'') && Is(i + 1, "s") ? i + 2 : i; }
  // Matches a phrase at i (words may be joined by hyphens); returns the end or -1.
  int MatchPhrase(int i, const Phrase& p) const;
  const Phrase* LongestPhrase(int i, std::vector<const Phrase*> WordInfo::*list, int* end) const;
  bool FutureContext(int i) const;
  bool IsYear(int i, bool loose) const;
  int SentenceStart(int i) const;

  // ---- anchor arithmetic (values fall back to X when there is no anchor)
  bool HasAnchor() const { return anchor_.has_value(); }
  std::string RelDay(long offset) const { return HasAnchor() ? DateValue(AddDays(*anchor_, offset)) : "XXXX-XX-XX"; }
  std::string RelWeek(int offset) const { return HasAnchor() ? WeekValue(AddDays(*anchor_, 7L * offset)) : "XXXX-WXX"; }
  std::string RelMonth(int offset) const;
  std::string RelYear(int offset) const { return HasAnchor() ? YearValue(anchor_->y + offset) : "XXXX"; }
  std::string RelQuarter(int offset) const;
  std::string WeekdayValue(int wd, int dir, bool future) const;
  std::string NearestMonth(int month, int day, int dir, bool future) const;  // dir 2: no year said
  std::string SeasonValue(const char* code, int dir) const;
  std::string WeekendValue(int dir, bool future) const;
  int QuarterYear(int q) const;
  int ReportedQuarterOffset() const;

  // ---- rules; each reads one kind of expression starting at token i
  void Consider(std::optional<Match> m, Match* best) const {
    if (m && m->end > best->end) *best = std::move(*m);
  }
  Match Best(int i) const;
  std::optional<Match> Core(int i, bool after_position) const;
  std::optional<Match> Modified(int i) const;
  std::optional<Match> Positioned(int i) const;
  std::optional<Match> Reference(int i) const;
  std::optional<Match> DayWord(int i) const;
  std::optional<Match> Relative(int i) const;
  std::optional<Match> Duration(int i) const;
  std::optional<Match> Quarter(int i) const;
  std::optional<Match> Year(int i) const;
  std::optional<Match> Decade(int i) const;
  std::optional<Match> MonthDate(int i, bool after_position) const;
  std::optional<Match> DayMonth(int i) const;
  std::optional<Match> NumericDate(int i) const;
  std::optional<Match> WeekdayExpr(int i) const;
  std::optional<Match> ClockTime(int i) const;
  std::optional<Match> Season(int i, bool after_position) const;
  std::optional<Match> Holiday(int i) const;
  std::optional<Match> Set(int i) const;
  std::optional<Match> PeriodWord(int i, bool after_position) const;

  bool Amount(int i, double* value, bool* vague, std::string* mod, int* end) const;
  int Daypart(int i, const char** code) const;
  bool ReadClock(int i, int* hour, int* minute, int* end) const;

  std::string_view text_;
  const std::vector<Token>& t_;
  int n_;
  std::optional<Day> anchor_;
};

int Tagger::MatchPhrase(int i, const Phrase& p) const {
  int j = i;
  for (size_t k = 0; k < p.words.size(); ++k) {
    if (k > 0 && p.words[k] != "-" && p.words[k] != "." && p.words[k] != "'") j = Hyphen(j);
    if (j >= n_ || t_[j].word != p.words[k]) return -1;
    ++j;
  }
  return j;
}

const Phrase* Tagger::LongestPhrase(int i, std::vector<const Phrase*> WordInfo::*list, int* end) const {
  const WordInfo* info = Info(i);
  if (!info) return nullptr;
  for (const Phrase* p : info->*list) {  // longest first
    int e = MatchPhrase(i, *p);
    if (e > 0) {
      *end = e;
      return p;
    }
  }
  return nullptr;
}

int Tagger::SentenceStart(int i) const {
  int j = i;
  while (j > 0 && i - j < 25) {
    const Token& p = t_[j - 1];
    if ((p.punct == '!' || p.punct == '?' || p.punct == ';') && j < n_ && t_[j].space_before) break;
    // A full stop ends a sentence unless it ends an abbreviation ("a.m.", "Sept.").
    if (p.punct == '.' && j < n_ && t_[j].space_before && j >= 2 && t_[j - 2].word.size() > 1 &&
        !(t_[j - 2].info && (t_[j - 2].info->month_abbrev || t_[j - 2].info->weekday_abbrev)) &&
        !IsAny(j - 2, "mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "lt", "col", "jr", "inc", "corp", "co"))
      break;
    --j;
  }
  return j;
}

// Whether the sentence around token i speaks of the future ("will meet on Friday").
// Reporting verbs right next to the expression ("said Friday") win: news reports the past.
bool Tagger::FutureContext(int i) const {
  for (int k = std::max(0, i - 2); k < std::min(n_, i + 3); ++k)
    if (IsAny(k, "said", "says", "announced", "told", "reported")) return false;
  for (int k = SentenceStart(i); k < i; ++k) {
    if (IsAny(k, "will", "shall", "upcoming", "scheduled", "planned", "plans", "planning", "expected", "due", "until",
              "postponed", "next") ||
        (Is(k, "as") && IsAny(k + 1, "soon", "early") && Is(k + 2, "as")) ||
        (Punct(k, '\'') && Is(k + 1, "ll")) || (Is(k, "going") && Is(k + 1, "to")) || (Is(k, "wo") && Is(k + 1, "n")))
      return true;
  }
  return false;
}

// A four-digit year. `loose` accepts 1000..2099 (a preposition or "the year" came first);
// otherwise 1900..2099 as in news. Thousands ("1,990"), money and decimals are not years.
bool Tagger::IsYear(int i, bool loose) const {
  if (!PlainNumber(i) || t_[i].digits != 4) return false;
  int v = t_[i].number;
  if (v > 2099 || v < (loose ? 1000 : 1900)) return false;
  if (i > 0 && (t_[i - 1].punct == '$' || t_[i - 1].punct == '#' || static_cast<unsigned char>(t_[i - 1].punct) >= 0xC2)) return false;
  if (i > 1 && Glued(i) && (Punct(i - 1, ',') || Punct(i - 1, '.')) && t_[i - 2].number >= 0) return false;
  if ((Punct(i + 1, ',') || Punct(i + 1, '.') || Punct(i + 1, ':')) && Glued(i + 1) && i + 2 < n_ && t_[i + 2].number >= 0 &&
      Glued(i + 2))
    return false;
  if (Punct(i + 1, '%') || IsAny(i + 1, "percent", "people", "troops", "soldiers", "votes", "points", "feet", "metres",
                                 "meters", "miles", "kilometres", "kilometers", "tons", "tonnes", "dollars", "euros",
                                 "pounds", "yen", "jobs", "workers", "employees", "units", "shares", "cars", "homes"))
    return false;
  return true;
}

std::string Tagger::RelMonth(int offset) const {
  if (!HasAnchor()) return "XXXX-XX";
  int y = anchor_->y, m = anchor_->m;
  AddMonths(&y, &m, offset);
  return MonthValue(y, m);
}

std::string Tagger::RelQuarter(int offset) const {
  if (!HasAnchor()) return "XXXX-QX";
  int q = (anchor_->m - 1) / 3 + offset, y = anchor_->y;
  while (q < 0) q += 4, --y;
  while (q > 3) q -= 4, ++y;
  return Fmt("%04d-Q%d", y, q + 1);
}

// "The quarter" in business news means the one just reported, unless the current one is
// nearly over.
int Tagger::ReportedQuarterOffset() const { return HasAnchor() && (anchor_->m - 1) % 3 < 2 ? -1 : 0; }

// The year of "the third quarter" said without one: this year's, unless that quarter starts
// more than half a year after the anchor (then it was last year's).
int Tagger::QuarterYear(int q) const {
  int start_month = (q - 1) * 3 + 1;
  return start_month - anchor_->m > 6 ? anchor_->y - 1 : anchor_->y;
}

// dir: -1 "last Friday" (strictly before the anchor), +1 "next Friday" (strictly after),
// 0 "this Friday" (the same ISO week), 2 a bare weekday: the nearest one not after the anchor,
// or not before it when `future`.
std::string Tagger::WeekdayValue(int wd, int dir, bool future) const {
  if (!HasAnchor()) return "XXXX-XX-XX";
  int today = Weekday(*anchor_);
  long delta = 0;
  if (dir == -1) delta = -((today - wd + 6) % 7 + 1);
  else if (dir == 1) delta = (wd - today + 6) % 7 + 1;
  else if (dir == 0) delta = wd - today;
  else if (future) delta = (wd - today + 7) % 7;
  else delta = -((today - wd + 7) % 7);
  return RelDay(delta);
}

// A month (and day, when day > 0) without a year. dir -1/+1: the last/next such month strictly
// before/after the anchor's; 0: this year's; 2: the nearest one (later only when `future`).
std::string Tagger::NearestMonth(int month, int day, int dir, bool future) const {
  auto fmt = [&](int y) { return day > 0 ? DateValue({y, month, day}) : MonthValue(y, month); };
  if (!HasAnchor()) return day > 0 ? Fmt("XXXX-%02d-%02d", month, day) : Fmt("XXXX-%02d", month);
  int y = anchor_->y, am = anchor_->m;
  if (dir == -1) return fmt(month < am ? y : y - 1);
  if (dir == 1) return fmt(month > am ? y : y + 1);
  if (dir == 0) return fmt(y);
  // The nearest one; a bare month leans to the past (news reports what happened), so a month
  // ahead counts double; when the sentence looks ahead, the first one not before the anchor.
  if (future && day == 0) return fmt(month >= am ? y : y + 1);
  long a = ToDays(*anchor_), best = -1;
  int best_y = y;
  for (int cy = y - 1; cy <= y + 1; ++cy) {
    long diff = DaysFromCivil(cy, month, day > 0 ? std::min(day, DaysInMonth(cy, month)) : 15) -
                (day > 0 ? a : DaysFromCivil(anchor_->y, am, 15));
    if (future && diff < -14) continue;
    long dist = diff > 0 ? diff * (day > 0 || future ? 1 : 2) + 1 : -diff;  // ties go to the past
    if (best < 0 || dist < best) best = dist, best_y = cy;
  }
  return fmt(best_y);
}

std::string Tagger::SeasonValue(const char* code, int dir) const {
  if (!HasAnchor()) return std::string("XXXX-") + code;
  int y = anchor_->y, cur = CurrentSeasonIndex(anchor_->m), s = SeasonIndex(code);
  if (cur == 0 && s == 4 && dir == 0) --y;  // January: "this winter" began last December
  if (dir == -1 && s >= cur) --y;
  if (dir == 1 && s <= cur) ++y;
  return YearValue(y) + "-" + code;
}

// "the weekend": the last one in news, the coming one when the sentence looks ahead.
std::string Tagger::WeekendValue(int dir, bool future) const {
  if (!HasAnchor()) return "XXXX-WXX-WE";
  int today = Weekday(*anchor_);
  long saturday = 6 - today;  // this week's Saturday, relative
  if (dir == -1 || (dir == 2 && !future && today < 6)) saturday -= 7;
  if (dir == 1) saturday += 7;
  return WeekValue(AddDays(*anchor_, saturday)) + "-WE";
}

// ---- small readers

// An amount of time units: "two", "24", "twenty-four", "5 1/2", "1.5", "a", "a couple of",
// "several", "a few", "half a". Vague amounts set *vague.
bool Tagger::Amount(int i, double* value, bool* vague, std::string* mod, int* end) const {
  *vague = false;
  if (i >= n_) return false;
  if (IsAny(i, "several", "many", "few", "some")) { *vague = true; *end = i + 1; *value = 0; return true; }
  if (Is(i, "a") && IsAny(i + 1, "few", "couple")) {
    if (Is(i + 1, "couple")) {
      *value = 2;
      *mod = "APPROX";
      *end = Is(i + 2, "of") ? i + 3 : i + 2;
      return true;
    }
    *vague = true;
    *end = i + 2;
    *value = 0;
    return true;
  }
  if (Is(i, "half") && IsAny(i + 1, "a", "an")) { *value = 0.5; *end = i + 2; return true; }
  if (IsAny(i, "a", "an") && Is(i + 1, "half")) { *value = 0.5; *end = i + 2; return true; }
  if (Is(i, "dozens") || Is(i, "hundreds") || Is(i, "thousands")) {
    if (!Is(i + 1, "of")) return false;
    *vague = true;
    *value = 0;
    *end = i + 2;
    return true;
  }
  if (PlainNumber(i)) {
    if (t_[i].digits > 6) return false;
    double v = t_[i].number;
    int j = i + 1;
    if (Punct(j, '.') && Glued(j) && PlainNumber(j + 1) && Glued(j + 1)) {  // 1.5
      v += t_[j + 1].number / std::pow(10.0, t_[j + 1].digits);
      j += 2;
    } else if (PlainNumber(j) && Punct(j + 1, '/') && PlainNumber(j + 2) && t_[j + 2].number > 0 &&
               t_[j].number < t_[j + 2].number) {  // 5 1/2
      v += static_cast<double>(t_[j].number) / t_[j + 2].number;
      j += 3;
    }
    *value = v;
    *end = j;
    return true;
  }
  const WordInfo* w = Info(i);
  if (!w || w->number < 0) return false;
  if (Is(i, "couple")) {
    *value = 2;
    *mod = "APPROX";
    *end = Is(i + 1, "of") ? i + 2 : i + 1;
    return true;
  }
  double v = w->number;
  int j = i + 1;
  if (v >= 20 && v < 100 && static_cast<int>(v) % 10 == 0) {  // twenty-four, twenty four
    int k = Hyphen(j);
    const WordInfo* u = Info(k);
    if (u && u->number >= 1 && u->number <= 9 && !IsAny(k, "a", "an")) v += u->number, j = k + 1;
  }
  if (IsAny(j, "hundred", "thousand") && !IsAny(i, "hundred", "thousand")) {
    v *= Info(j)->number;
    ++j;
  }
  if (Is(j, "and") && IsAny(j + 1, "a", "one") && Is(j + 2, "half")) v += 0.5, j += 3;  // one and a half
  *value = v;
  *end = j;
  return true;
}

// "morning", "in the morning", "at night": the TimeML part-of-day code.
int Tagger::Daypart(int i, const char** code) const {
  const WordInfo* w = Info(i);
  if (w && w->daypart) {
    *code = w->daypart;
    return i + 1;
  }
  return -1;
}

// "10:35", "10:35 a.m.", "10 p.m.", "10pm", "10 o'clock", "noon", "midnight".
bool Tagger::ReadClock(int i, int* hour, int* minute, int* end) const {
  if (IsAny(i, "noon", "midday")) { *hour = 12, *minute = 0, *end = i + 1; return true; }
  if (Is(i, "midnight")) { *hour = 24, *minute = 0, *end = i + 1; return true; }
  if (i >= n_ || t_[i].number < 0 || t_[i].digits > 2) return false;
  int h = t_[i].number, m = 0, j = i + 1;
  bool clock = false;
  std::string_view suffix = t_[i].suffix;
  if (suffix.empty() && Punct(j, ':') && Glued(j) && j + 1 < n_ && t_[j + 1].digits == 2 && Glued(j + 1)) {
    m = t_[j + 1].number;
    suffix = t_[j + 1].suffix;
    j += 2;
    clock = true;
    if (Punct(j, ':') && Glued(j) && PlainNumber(j + 1)) j += 2;  // seconds
  }
  // am/pm: glued suffix ("10pm"), "pm", "a.m.", "a.m", "p.m."
  int ampm = 0;
  if (suffix == "am" || suffix == "pm") ampm = suffix == "am" ? 1 : 2;
  else if (!suffix.empty()) return false;
  else if (IsAny(j, "am", "pm")) ampm = Is(j, "am") ? 1 : 2, ++j;
  else if (IsAny(j, "a", "p") && Punct(j + 1, '.') && Is(j + 2, "m")) {
    ampm = Is(j, "a") ? 1 : 2;
    j += 3;
    if (Punct(j, '.') && Glued(j)) ++j;
  } else if (Is(j, "o") && Punct(j + 1, '\'') && Is(j + 2, "clock")) {
    j += 3;
    clock = true;
  } else if ((Is(j, "in") && Is(j + 1, "the") && IsAny(j + 2, "morning", "afternoon", "evening")) ||
             (Is(j, "at") && Is(j + 1, "night"))) {
    clock = true;  // "4 in the morning": ClockTime reads the day part
  }
  if (!ampm && !clock) return false;
  if (h > (ampm ? 12 : 24) || m > 59) return false;
  if (ampm == 2 && h < 12) h += 12;
  if (ampm == 1 && h == 12) h = 0;
  *hour = h, *minute = m, *end = j;
  return true;
}

// ---- rules

std::optional<Match> Tagger::Reference(int i) const {
  int end = -1;
  const Phrase* p = LongestPhrase(i, &WordInfo::references, &end);
  if (!p) return std::nullopt;
  // "the past two months", "the past year": durations and dates, not PAST_REF.
  const WordInfo* next = Info(end);
  if ((next && (next->unit != Unit::kNone || next->number >= 0 || next->ordinal)) || PlainNumber(end) ||
      IsAny(end, "few", "several", "decade", "fiscal"))
    if (!IsAny(i, "recent", "current")) return std::nullopt;
  Match m;
  m.begin = i;
  m.end = end;
  m.value = p->value;
  m.basis = Basis::kVague;
  if (Is(i, "recent") && next && next->unit_plural) {
    // "recent weeks" is an amount of time; "recent years" TimeBank calls the past.
    m.end = end + 1;
    if (next->unit == Unit::kYear || next->unit == Unit::kDecade) return m;
    m.type = TimeType::kDuration;
    m.value = DurationValue(0, true, next->unit);
    return m;
  }
  if (Is(i, "current") && next && (next->unit != Unit::kNone || Is(end, "fiscal"))) return std::nullopt;
  if (Is(i, "now") && Punct(end, '-') && Glued(end)) return std::nullopt;  // "now-defunct"
  return m;
}

std::optional<Match> Tagger::DayWord(int i) const {
  long offset;
  int j = i + 1;
  if (Is(i, "today")) offset = 0;
  else if (Is(i, "yesterday")) offset = -1;
  else if (Is(i, "tomorrow")) offset = 1;
  else if (Is(i, "tonight")) {
    Match m{i, i + 1, TimeType::kTime, RelDay(0) + "TNI", "", 0, Basis::kArithmetic, true};
    return m;
  } else if (Is(i, "the") && Is(i + 1, "day") && IsAny(i + 2, "before", "after") && IsAny(i + 3, "yesterday", "tomorrow")) {
    offset = Is(i + 3, "yesterday") ? -2 : 2;
    j = i + 4;
  } else {
    return std::nullopt;
  }
  Match m{i, j, TimeType::kDate, RelDay(offset), "", 0, Basis::kArithmetic, true};
  const char* part = nullptr;
  int e = Daypart(j, &part);
  if (e > 0) {
    m.end = e;
    m.type = TimeType::kTime;
    m.value += std::string("T") + part;
  }
  return m;
}

// "this week", "last Friday", "next month", "the past year", "last summer", "this morning",
// "last night", "the coming year", "last Christmas", "the current fiscal year".
std::optional<Match> Tagger::Relative(int i) const {
  int j = i, dir;
  if (Is(j, "the")) ++j;
  bool with_the = j > i;
  if (Is(j, "this") && IsAny(j + 1, "past", "last")) dir = -1, j += 2;
  else if (Is(j, "this") && IsAny(j + 1, "coming", "next")) dir = 1, j += 2;
  else if (IsAny(j, "last", "past", "previous", "preceding") && !(with_the && Is(j, "preceding"))) dir = -1, ++j;
  else if (IsAny(j, "next", "coming", "following", "upcoming")) dir = 1, ++j;
  else if (Is(j, "this") && !with_the) dir = 0, ++j;
  else if (IsAny(j, "current", "present") && with_the) dir = 0, ++j;
  else return std::nullopt;
  if (!with_the && IsAny(i, "following", "previous", "preceding", "coming", "upcoming", "past")) return std::nullopt;
  bool fiscal = Is(j, "fiscal");
  if (fiscal) ++j;
  const WordInfo* w = Info(j);
  if (!w) return std::nullopt;
  Match m;
  m.begin = i;
  m.end = j + 1;
  m.basis = Basis::kArithmetic;
  m.uses_anchor = true;
  if (w->unit != Unit::kNone && !w->unit_plural) {
    switch (w->unit) {
      case Unit::kWeek: m.value = RelWeek(dir); break;
      case Unit::kMonth: m.value = RelMonth(dir); break;
      case Unit::kYear: m.value = RelYear(dir); break;
      case Unit::kQuarter: m.value = RelQuarter(dir); break;
      case Unit::kDecade:
        if (with_the && dir != 0) {  // "the past decade": ten years
          m.type = TimeType::kDuration, m.value = "P10Y", m.uses_anchor = false;
        } else {
          m.value = HasAnchor() ? Fmt("%03d", anchor_->y / 10 + dir) : "XXX";
        }
        break;
      case Unit::kCentury: m.value = HasAnchor() ? Fmt("%02d", anchor_->y / 100 + dir) : "XX"; break;
      case Unit::kWeekend: m.value = WeekendValue(dir, false); break;
      default: return std::nullopt;  // "the next day": anaphoric, not ours
    }
    return m;
  }
  if (fiscal) return std::nullopt;
  if (w->weekday && !w->weekday_plural && !w->weekday_abbrev) {
    m.value = WeekdayValue(w->weekday, dir, false);
    m.weekday = w->weekday;
    m.basis = Basis::kGuess;
    return m;
  }
  if (w->month && !w->month_abbrev && t_[j].capital) {
    m.value = NearestMonth(w->month, 0, dir, false);
    return m;
  }
  if (w->season) {
    m.value = SeasonValue(w->season, dir);
    return m;
  }
  if (w->daypart && !with_the && ((dir == 0 && !Is(j, "night")) || (dir == -1 && Is(i, "last") && Is(j, "night")))) {
    m.type = TimeType::kTime;
    m.value = RelDay(dir) + "T" + w->daypart;
    return m;
  }
  int end = -1;
  if (const Phrase* h = LongestPhrase(j, &WordInfo::holidays, &end)) {
    if (!HasAnchor()) {
      m.value = "XXXX-XX-XX";
    } else {
      // "last Christmas": the latest one before the anchor; "next": the first after it.
      std::optional<Day> d = HolidayInYear(h->value, anchor_->y);
      if (!d) return std::nullopt;
      long a = ToDays(*anchor_);
      if (dir == -1 && ToDays(*d) >= a) d = HolidayInYear(h->value, anchor_->y - 1);
      if (dir == 1 && ToDays(*d) <= a) d = HolidayInYear(h->value, anchor_->y + 1);
      m.value = DateValue(*d);
    }
    m.end = end;
    return m;
  }
  return std::nullopt;
}

// Amounts of time: "two days", "the past two months", "a five-year", "just over an hour" (via
// Modified), "several years", "the coming weeks"; and dates counted back: "three years ago".
std::optional<Match> Tagger::Duration(int i) const {
  int j = i;
  bool lead_the = false, lead_rel = false;
  if (Is(j, "the")) lead_the = true, ++j;
  if (IsAny(j, "past", "last", "next", "coming", "following", "previous", "first", "final", "latest", "remaining",
            "recent", "upcoming", "initial", "ensuing", "subsequent", "closing", "opening")) {
    lead_rel = true;
    ++j;
  } else if (!lead_the && IsAny(j, "another", "other")) {
    ++j;
  }
  double amount = 0;
  bool vague = false;
  std::string mod;
  int k = j;
  bool has_amount = Amount(j, &amount, &vague, &mod, &k);
  // "for years", "within weeks", "decades-long", "the weeks ahead": a bare plural after a
  // preposition of extent, or before "-long" or "ahead".
  bool bare = !has_amount && Info(j) && Info(j)->unit_plural &&
              ((j == i && (IsAny(i - 1, "for", "within") || (Hyphen(j + 1) > j + 1 && Is(Hyphen(j + 1), "long")))) ||
               (lead_the && j == i + 1 && Is(j + 1, "ahead")));
  if (!has_amount) {
    // "the coming weeks", "the past months": vague amounts without a number.
    if (!lead_rel && !bare) return std::nullopt;
    vague = true;
    k = j;
  }
  if (IsAny(k, "more", "additional", "full", "consecutive", "straight", "long", "trading", "business", "working",
            "calendar", "successive", "further"))
    ++k;
  int u = Hyphen(k);
  bool hyphenated = u > k;
  const WordInfo* w = Info(u);
  if (!w || w->unit == Unit::kNone) return std::nullopt;
  Unit unit = w->unit;
  if (!has_amount && !w->unit_plural) return std::nullopt;  // "the past year" is Relative's
  if (has_amount && amount >= 1000 && !w->unit_plural) return std::nullopt;  // "the 1988 quarter"
  if (Is(j, "one") && unit == Unit::kDay && IsAny(i - 1, "will", "would", "could", "might", "may", "can", "should", "he", "she", "they", "we", "i"))
    return std::nullopt;  // "will one day be": some day, not a day long
  if (has_amount && IsAny(j, "a", "an") && (unit == Unit::kSecond || unit == Unit::kQuarter))
    return std::nullopt;  // "a second time", "a quarter of the shares"
  if (hyphenated && unit == Unit::kQuarter && w->unit_plural) return std::nullopt;  // "three-quarters"
  if (has_amount && IsAny(j, "a", "an") && j == i && w->unit_plural) return std::nullopt;
  if (unit == Unit::kWeekend) return std::nullopt;
  int end = u + 1;
  // Ages are not time expressions: "five years old", "a 30-year-old man", "two-year-olds".
  int after = Hyphen(end);
  if (IsAny(after, "old", "olds") || (Is(end, "of") && Is(end + 1, "age"))) return std::nullopt;
  Match m;
  m.begin = i;
  m.end = end;
  m.mod = mod;
  m.type = TimeType::kDuration;
  if (Is(end, "and") && IsAny(end + 1, "a", "one") && Is(end + 2, "half") && !vague) amount += 0.5, m.end = end + 3;
  // A bare amount word alone before "ago" etc. decides between a duration and a date.
  bool ago = !lead_the && !lead_rel && !hyphenated && (Is(m.end, "ago") || Is(m.end, "earlier"));
  if (ago) {
    bool is_ago = Is(m.end, "ago");
    ++m.end;
    m.type = TimeType::kDate;
    m.uses_anchor = true;
    m.basis = Basis::kArithmetic;
    if (!is_ago && !(unit == Unit::kYear || unit == Unit::kMonth)) return std::nullopt;  // "two days earlier": narrative
    if (vague) {
      m.value = "PAST_REF";
      m.basis = Basis::kVague;
      m.uses_anchor = false;
      return m;
    }
    int n = static_cast<int>(std::lround(amount));
    switch (unit) {
      case Unit::kDay: m.value = RelDay(-n); break;
      case Unit::kWeek: m.value = RelWeek(-n); break;
      case Unit::kMonth: m.value = RelMonth(-n); break;
      case Unit::kQuarter: m.value = RelQuarter(-n); break;
      case Unit::kYear: m.value = RelYear(-n); break;
      case Unit::kDecade: m.value = RelYear(-10 * n); break;
      case Unit::kCentury: m.value = RelYear(-100 * n); break;
      default: m.value = "PAST_REF", m.basis = Basis::kVague, m.uses_anchor = false; break;
    }
    return m;
  }
  if (!has_amount && !lead_rel && !bare) return std::nullopt;
  if (!has_amount && !lead_the && !bare && !IsAny(i, "recent", "coming", "past", "next", "last")) return std::nullopt;
  if (Is(m.end, "or") && Is(m.end + 1, "so")) m.end += 2, m.mod = "APPROX";
  if (bare && Is(m.end, "ahead")) ++m.end;
  else if (bare && Hyphen(m.end) > m.end && Is(Hyphen(m.end), "long")) m.end = Hyphen(m.end) + 1;
  m.value = DurationValue(amount, vague, unit);
  m.basis = vague ? Basis::kVague : Basis::kAbsolute;
  return m;
}

// "the third quarter", "third-quarter", "the fourth quarter of 1990", "the first half",
// "fiscal 1989's second quarter", "the latest quarter", "the year-ago quarter", "Q3 2013".
std::optional<Match> Tagger::Quarter(int i) const {
  int j = i, year = -1, shift = 0, q = 0, half = 0;
  bool the = false, latest = false, current = false, previous = false;
  if (IsAny(j, "the", "its", "their", "a")) the = true, ++j;
  for (int guard = 0; guard < 4; ++guard) {
    if (IsAny(j, "this", "last", "next") && Is(j + 1, "year") && Possessive(j + 2) > j + 2) {
      shift += Is(j, "last") ? -1 : Is(j, "next") ? 1 : 0;
      j = Possessive(j + 2);
    } else if (IsYear(j, false)) {
      year = t_[j].number;
      j = Possessive(j + 1);
    } else if (IsAny(j, "fiscal", "calendar", "flat", "weak", "strong", "comparable", "same")) {
      ++j;
    } else if (IsAny(j, "latest", "recent") || (Is(j, "most") && Is(j + 1, "recent"))) {
      latest = true;
      j += Is(j, "most") ? 2 : 1;
    } else if (IsAny(j, "current", "this") && the == (Is(j, "current"))) {
      current = true;
      ++j;
    } else if (IsAny(j, "previous", "prior", "preceding", "last")) {
      previous = true;
      ++j;
    } else if (Is(j, "year") && IsAny(Hyphen(j + 1), "ago", "earlier")) {
      shift -= 1;
      j = Hyphen(j + 1) + 1;
    } else {
      break;
    }
  }
  const WordInfo* o = Info(j);
  if (o && o->ordinal >= 1 && o->ordinal <= 4) {
    q = o->ordinal;
    ++j;
  } else if (j < n_ && t_[j].number >= 1 && t_[j].number <= 4 && IsAny(j, "1st", "2nd", "3rd", "4th")) {
    q = t_[j].number;
    ++j;
  } else if (Is(j, "q") && Glued(j + 1) && PlainNumber(j + 1) && t_[j + 1].number >= 1 && t_[j + 1].number <= 4 &&
             t_[j + 1].digits == 1) {
    q = t_[j + 1].number;
    j += 2;
    if (IsYear(j, false)) year = t_[j].number, ++j;
    Match m{i, j, TimeType::kDate, "", "", 0, Basis::kAbsolute, false};
    if (year < 0 && !HasAnchor()) m.value = Fmt("XXXX-Q%d", q);
    else m.value = Fmt("%04d-Q%d", year >= 0 ? year : QuarterYear(q), q);
    if (year < 0) m.basis = Basis::kArithmetic, m.uses_anchor = true;
    return m;
  }
  int u = q ? Hyphen(j) : j;
  bool is_half = Is(u, "half") && q && q <= 2;
  if (!Is(u, "quarter") && !is_half && !(Is(u, "period") && (shift || latest || (the && year >= 0)))) return std::nullopt;
  if (is_half) half = q, q = 0;
  if (!q && !half && !the && !latest && !current && !previous && !shift) return std::nullopt;
  if (!q && !half && !the && !current && !previous) return std::nullopt;
  if (Hyphen(u + 1) > u + 1 && Is(Hyphen(u + 1), "century")) return std::nullopt;  // "a quarter-century"
  j = u + 1;
  if (IsAny(j, "of", "in") && (IsYear(j + 1, true) || (Is(j + 1, "fiscal") && IsYear(j + 2, true)))) {
    j += Is(j + 1, "fiscal") ? 2 : 1;
    year = t_[j].number;
    ++j;
  } else if (IsYear(j, false) && q) {  // "the third quarter 2025"
    year = t_[j].number;
    ++j;
  }
  Match m;
  m.begin = i;
  m.end = j;
  if (half) {
    if (year < 0 && !HasAnchor()) m.value = Fmt("XXXX-H%d", half);
    else m.value = Fmt("%04d-H%d", year >= 0 ? year : anchor_->y + shift, half);
    if (year < 0) m.basis = Basis::kArithmetic, m.uses_anchor = true;
    return m;
  }
  if (q) {
    if (year >= 0) {
      m.value = Fmt("%04d-Q%d", year + shift, q);
    } else {
      m.value = HasAnchor() ? Fmt("%04d-Q%d", QuarterYear(q) + shift, q) : Fmt("XXXX-Q%d", q);
      m.basis = Basis::kArithmetic;
      m.uses_anchor = true;
    }
    return m;
  }
  int offset = current ? 0 : previous ? -1 : ReportedQuarterOffset();
  m.value = RelQuarter(offset + 4 * shift);
  if (year >= 0 && HasAnchor()) m.value = YearValue(year + shift) + m.value.substr(4);  // "the 1988 quarter"
  m.basis = Basis::kGuess;
  m.uses_anchor = true;
  return m;
}

// "1998", "fiscal 1989", "the year 2000", "fiscal year 2013", "FY2013".
std::optional<Match> Tagger::Year(int i) const {
  int j = i;
  bool loose = false;
  if (Is(j, "fiscal") || Is(j, "calendar")) {
    ++j;
    if (Is(j, "year")) ++j;
    loose = true;
  } else if (Is(j, "the") && Is(j + 1, "year")) {
    j += 2;
    loose = true;
    if (Is(j, "two") && Is(j + 1, "thousand")) return Match{i, j + 2, TimeType::kDate, "2000", "", 0, Basis::kAbsolute, false};
  } else if (Is(j, "fy") && Glued(j + 1)) {
    ++j;
    loose = true;
  }
  if (Is(j, "nineteen")) {  // "nineteen ninety-six", as transcripts spell years
    const WordInfo* tens = Info(j + 1);
    if (!tens || tens->number < 10 || tens->number > 90 || (tens->number >= 20 && tens->number % 10)) return std::nullopt;
    int v = 1900 + tens->number, k = j + 2;
    const WordInfo* unit = Info(Hyphen(k));
    if (tens->number >= 20 && unit && unit->number >= 1 && unit->number <= 9 && !IsAny(Hyphen(k), "a", "an"))
      v += unit->number, k = Hyphen(k) + 1;
    return Match{i, k, TimeType::kDate, YearValue(v), "", 0, Basis::kAbsolute, false};
  }
  if (!IsYear(j, loose || IsAny(i - 1, "in", "since", "of", "from", "until", "by", "before", "after", "around", "circa")))
    return std::nullopt;
  Match m{i, j + 1, TimeType::kDate, YearValue(t_[j].number), "", 0, Basis::kAbsolute, false};
  return m;
}

// "the 1990s" -> "199", "'80s" -> "198", "the 20th century" -> "19".
std::optional<Match> Tagger::Decade(int i) const {
  int j = i;
  if (Is(j, "the")) ++j;
  if (j < n_ && t_[j].number >= 0 && t_[j].suffix == "s" && t_[j].digits == 4) {
    int v = t_[j].number;
    if (v % 10 != 0 || v < 1000 || v > 2090) return std::nullopt;
    return Match{i, j + 1, TimeType::kDate, Fmt("%03d", v / 10), "", 0, Basis::kAbsolute, false};
  }
  if (Punct(j, '\'') && j + 1 < n_ && t_[j + 1].digits == 2 && t_[j + 1].suffix == "s" && Glued(j + 1)) {
    int v = t_[j + 1].number;  // "'90s"; "'20s" is taken as this century's
    if (v % 10 != 0) return std::nullopt;
    v += v >= 30 ? 1900 : 2000;
    return Match{i, j + 2, TimeType::kDate, Fmt("%03d", v / 10), "", 0, Basis::kAbsolute, false};
  }
  // "the nineties": the decade of the twentieth century named in words.
  static const char* const kDecadeWords[] = {"twenties", "thirties", "forties", "fifties", "sixties", "seventies",
                                             "eighties", "nineties"};
  for (int d = 0; d < 8; ++d)
    if (j > i && Is(j, kDecadeWords[d])) return Match{i, j + 1, TimeType::kDate, Fmt("19%d", d + 2), "", 0, Basis::kAbsolute, false};
  // Centuries: "the 20th century", "the nineteenth century".
  int c = -1;
  if (j < n_ && t_[j].number > 0 && t_[j].number <= 21 && OrdinalSuffix(t_[j].suffix))
    c = t_[j].number;
  else if (Info(j) && Info(j)->ordinal > 0)
    c = Info(j)->ordinal;
  if (c > 0 && Is(Hyphen(j + 1), "century")) {
    return Match{i, Hyphen(j + 1) + 1, TimeType::kDate, Fmt("%02d", c - 1), "", 0, Basis::kAbsolute, false};
  }
  return std::nullopt;
}

// "March 21", "Aug. 7, 1998", "Monday, Oct. 26", "July 1997", "March of 2012", "April".
std::optional<Match> Tagger::MonthDate(int i, bool after_position) const {
  int j = i, weekday = 0;
  const WordInfo* w = Info(j);
  if (w && w->weekday && !w->weekday_plural) {  // "Tuesday, March 5"
    weekday = w->weekday;
    ++j;
    if (Punct(j, '.') && w->weekday_abbrev) ++j;
    if (Punct(j, ',')) ++j;
    w = Info(j);
  }
  if (!w || !w->month || !t_[j].capital) return std::nullopt;
  int month = w->month, mj = j;
  ++j;
  bool dotted = Punct(j, '.') && Glued(j) && w->month_abbrev;
  if (dotted) ++j;
  int day = 0, year = -1;
  // Day: "21", "21st"; not a clock ("March 5:30") nor the start of a number ("May 1,000").
  if (j < n_ && t_[j].number >= 1 && t_[j].number <= 31 && t_[j].digits <= 2 &&
      (t_[j].suffix.empty() || OrdinalSuffix(t_[j].suffix)) &&
      !(Punct(j + 1, ':') && Glued(j + 1) && j + 2 < n_ && t_[j + 2].digits == 2 && Glued(j + 2))) {
    day = t_[j].number;
    ++j;
    int k = Punct(j, ',') ? j + 1 : j;
    if (IsYear(k, true)) year = t_[k].number, j = k + 1;
  } else {
    int k = j;
    if (Punct(k, ',') || Is(k, "of")) ++k;
    if (IsYear(k, true)) year = t_[k].number, j = k + 1;
  }
  if (year < 0 && IsAny(j, "this", "last", "next") && Is(j + 1, "year") && HasAnchor()) {  // "June last year"
    year = anchor_->y + (Is(j, "last") ? -1 : Is(j, "next") ? 1 : 0);
    j += 2;
  } else if (year < 0 && Is(j, "nineteen")) {  // "January nineteen ninety-seven"
    if (std::optional<Match> y = Year(j)) year = ToInt(y->value), j = y->end;
  }
  if (w->month_abbrev && !dotted && day == 0 && year < 0) return std::nullopt;  // "Jan" the name
  // "the March for Life", "March of the Combatant Mothers": names, not months.
  if (day == 0 && year < 0 && !after_position &&
      (Is(mj - 1, "the") || (IsAny(j, "of", "for", "on") && j + 1 < n_ && (t_[j + 1].capital || Is(j + 1, "the")))))
    return std::nullopt;
  // "May" alone is usually the verb: only with a date, a year or a preposition before it.
  if (month == 5 && day == 0 && year < 0 && !after_position &&
      !IsAny(mj - 1, "in", "since", "of", "until", "by", "from", "through", "during", "before", "after", "last", "next",
             "this", "early", "late", "mid", "end", "between", "to", "till", "that"))
    return std::nullopt;
  if (weekday && day == 0) return std::nullopt;  // "Friday March" is no date
  Match m{i, j, TimeType::kDate, "", "", weekday, Basis::kAbsolute, false};
  if (year >= 0) {
    if (day > DaysInMonth(year, month)) return std::nullopt;
    m.value = day > 0 ? DateValue({year, month, day}) : MonthValue(year, month);
    return m;
  }
  m.uses_anchor = true;
  m.basis = Basis::kGuess;
  // The year is the one nearest the anchor. A stated weekday does not move it: "Wednesday,
  // July 7" in a report of July 2026 is 2026-07-07 even though that is a Tuesday — the
  // mismatch (kept in m.weekday) is what a cross-check must see, not something to explain away.
  m.value = NearestMonth(month, day, 2, FutureContext(i));
  if (weekday && day > 0 && m.value.size() == 10 && IsoWeekday(std::atoi(m.value.substr(0, 4).c_str()), month, day) == weekday)
    m.basis = Basis::kArithmetic;
  return m;
}

// "21 March 2013", "the 21st of March", "5th March".
std::optional<Match> Tagger::DayMonth(int i) const {
  int j = i;
  if (Is(j, "the")) ++j;
  if (j >= n_ || t_[j].number < 1 || t_[j].number > 31 || t_[j].digits > 2) return std::nullopt;
  bool ordinal = OrdinalSuffix(t_[j].suffix);
  if (!ordinal && !t_[j].suffix.empty()) return std::nullopt;
  if (j > i && !ordinal) return std::nullopt;
  int day = t_[j].number;
  ++j;
  if (Is(j, "of")) ++j;
  const WordInfo* w = Info(j);
  if (!w || !w->month || !t_[j].capital) return std::nullopt;
  int month = w->month;
  ++j;
  if (Punct(j, '.') && w->month_abbrev && Glued(j)) ++j;
  int k = Punct(j, ',') ? j + 1 : j;
  Match m{i, j, TimeType::kDate, "", "", 0, Basis::kAbsolute, false};
  if (IsYear(k, true)) {
    int y = t_[k].number;
    if (day > DaysInMonth(y, month)) return std::nullopt;
    m.end = k + 1;
    m.value = DateValue({y, month, day});
    return m;
  }
  m.uses_anchor = true;
  m.basis = Basis::kGuess;
  m.value = NearestMonth(month, day, 2, FutureContext(i));
  return m;
}

// "2013-03-21", "3/21/2013", "03/21/13".
std::optional<Match> Tagger::NumericDate(int i) const {
  if (!PlainNumber(i)) return std::nullopt;
  auto glued_num = [&](int k) { return PlainNumber(k) && Glued(k); };
  if (t_[i].digits == 4 && Punct(i + 1, '-') && Glued(i + 1) && glued_num(i + 2) && Punct(i + 3, '-') && Glued(i + 3) &&
      glued_num(i + 4)) {
    int y = t_[i].number, mo = t_[i + 2].number, d = t_[i + 4].number;
    if (mo < 1 || mo > 12 || d < 1 || y < 1000 || d > DaysInMonth(y, mo)) return std::nullopt;
    return Match{i, i + 5, TimeType::kDate, DateValue({y, mo, d}), "", 0, Basis::kAbsolute, false};
  }
  if (t_[i].digits <= 2 && Punct(i + 1, '/') && Glued(i + 1) && glued_num(i + 2) && Punct(i + 3, '/') && Glued(i + 3) &&
      glued_num(i + 4)) {
    int mo = t_[i].number, d = t_[i + 2].number, y = t_[i + 4].number;
    if (t_[i + 4].digits == 2) y += y < 50 ? 2000 : 1900;
    else if (t_[i + 4].digits != 4) return std::nullopt;
    if (mo < 1 || mo > 12 || d < 1 || d > DaysInMonth(y, mo)) return std::nullopt;
    return Match{i, i + 5, TimeType::kDate, DateValue({y, mo, d}), "", 0, Basis::kAbsolute, false};
  }
  return std::nullopt;
}

// "Friday", "Friday morning", "Tuesday night", "on Tuesdays" (a set).
std::optional<Match> Tagger::WeekdayExpr(int i) const {
  const WordInfo* w = Info(i);
  if (!w || !w->weekday) return std::nullopt;
  int j = i + 1;
  if (w->weekday_abbrev) {
    if (!t_[i].capital || !Punct(j, '.')) return std::nullopt;
    ++j;
  }
  Match m;
  m.begin = i;
  m.weekday = w->weekday;
  const char* part = nullptr;
  int e = Daypart(j, &part);
  if (w->weekday_plural) {
    m.type = TimeType::kSet;
    m.value = Fmt("XXXX-WXX-%d", w->weekday);
    if (e > 0 && Info(e - 1)->daypart) m.value += std::string("T") + part, j = e;
    m.end = j;
    m.basis = Basis::kAbsolute;
    return m;
  }
  bool future = FutureContext(i);
  m.value = WeekdayValue(w->weekday, 2, future);
  m.basis = Basis::kGuess;
  m.uses_anchor = true;
  m.end = j;
  if (e > 0) {
    m.end = e;
    m.type = TimeType::kTime;
    m.value += std::string("T") + part;
  }
  return m;
}

// "10:35 a.m.", "10 p.m. EST", "noon Saturday", "9 a.m. Tuesday", "4 in the morning".
std::optional<Match> Tagger::ClockTime(int i) const {
  int h, mi, j;
  if (!ReadClock(i, &h, &mi, &j)) return std::nullopt;
  if (h < 12 && IsAny(j, "in") && Is(j + 1, "the") && IsAny(j + 2, "afternoon", "evening")) h += 12, j += 3;
  else if (Is(j, "in") && Is(j + 1, "the") && Is(j + 2, "morning")) j += 3;
  else if (Is(j, "at") && Is(j + 1, "night")) { if (h < 12 && h > 5) h += 12; j += 2; }
  if (IsAny(j, "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "gmt", "utc", "bst", "cet", "cest", "et", "pt"))
    ++j;
  else if (Is(j, "local") && Is(j + 1, "time"))
    j += 2;
  Match m{i, j, TimeType::kTime, "", "", 0, Basis::kArithmetic, true};
  std::string date = RelDay(0);
  int k = Punct(j, ',') ? j + 1 : j;
  if (auto d = DayWord(k); d && d->type == TimeType::kDate) {
    date = d->value, m.end = d->end;
  } else if (auto md = MonthDate(k, false); md && md->value.size() == 10) {
    date = md->value, m.end = md->end, m.weekday = md->weekday;
  } else if (auto wd = WeekdayExpr(k); wd && wd->type == TimeType::kDate) {
    date = wd->value, m.end = wd->end, m.weekday = wd->weekday, m.basis = Basis::kGuess;
  }
  m.value = date + Fmt("T%02d:%02d", h, mi);
  return m;
}

// "summer", "the summer of 1994", "fall 2012", "the winter".
std::optional<Match> Tagger::Season(int i, bool after_position) const {
  int j = i;
  if (Is(j, "the")) ++j;
  const WordInfo* w = Info(j);
  if (!w || !w->season) return std::nullopt;
  const char* code = w->season;
  ++j;
  int year = -1;
  if (IsYear(j, true)) year = t_[j].number, ++j;
  else if (Is(j, "of") && IsYear(j + 1, true)) year = t_[j + 1].number, j += 2;
  else if (Is(j, "of") && Is(j + 1, "nineteen")) return std::nullopt;
  // "fall" is mostly the verb and "the fall of Rome" an event.
  if (Is(i + (j > i + 1 && Is(i, "the") ? 1 : 0), "fall") && year < 0) {
    if (Is(j, "of") || (!after_position && !Is(i, "the") && !IsAny(i - 1, "in", "this", "last", "next", "since", "until", "by")))
      return std::nullopt;
    if (Is(i, "the") && !IsAny(i - 1, "in", "since", "until", "by", "during", "through")) return std::nullopt;
  }
  Match m{i, j, TimeType::kDate, "", "", 0, Basis::kAbsolute, false};
  if (year >= 0) {
    m.value = YearValue(year) + "-" + code;
  } else {
    m.value = SeasonValue(code, 0);
    m.basis = Basis::kGuess;
    m.uses_anchor = true;
  }
  return m;
}

std::optional<Match> Tagger::Holiday(int i) const {
  int end = -1;
  const Phrase* h = LongestPhrase(i, &WordInfo::holidays, &end);
  if (!h || !t_[i].capital) return std::nullopt;
  Match m{i, end, TimeType::kDate, "", "", 0, Basis::kGuess, true};
  int y = -1;
  if (IsYear(end, true)) y = t_[end].number, m.end = end + 1;
  if (y < 0 && !HasAnchor()) {
    m.value = "XXXX-XX-XX";
    return m;
  }
  if (y >= 0) {
    m.basis = Basis::kAbsolute, m.uses_anchor = false;
    m.value = DateValue(*HolidayInYear(h->value, y));
    return m;
  }
  // Nearest occurrence to the anchor.
  long a = ToDays(*anchor_), best = -1;
  for (int cy = anchor_->y - 1; cy <= anchor_->y + 1; ++cy) {
    std::optional<Day> d = HolidayInYear(h->value, cy);
    if (!d) return std::nullopt;
    long dist = std::labs(ToDays(*d) - a);
    if (best < 0 || dist < best) best = dist, m.value = DateValue(*d);
  }
  return m;
}

// "daily", "every week", "each Thursday", "per year", "$5 million a year", "twice a week".
std::optional<Match> Tagger::Set(int i) const {
  int end = -1;
  if (const Phrase* p = LongestPhrase(i, &WordInfo::sets, &end)) {
    // "the Communist Party daily Granma": a newspaper.
    if (end < n_ && t_[end].capital && IsAny(i - 1, "party", "the", "a", "business", "financial", "national")) return std::nullopt;
    return Match{i, end, TimeType::kSet, p->value, "", 0, Basis::kAbsolute, false};
  }
  bool every = IsAny(i, "every", "each", "per");
  bool a = IsAny(i, "a", "an") && i > 0 &&
           (t_[i - 1].number >= 0 || IsAny(i - 1, "times", "once", "twice", "million", "billion", "percent", "dollars",
                                          "cents", "euros", "pounds") ||
            Punct(i - 1, '%'));
  if (!every && !a) return std::nullopt;
  int j = i + 1;
  if (every && Is(j, "other")) ++j;
  double amount = 1;
  bool vague = false;
  std::string mod;
  int k = j;
  if (every && PlainNumber(j) && Amount(j, &amount, &vague, &mod, &k)) j = k;
  else if (every && Info(j) && Info(j)->number > 1 && Amount(j, &amount, &vague, &mod, &k)) j = k;
  const WordInfo* w = Info(j);
  if (!w) return std::nullopt;
  Match m{i, j + 1, TimeType::kSet, "", "", 0, Basis::kAbsolute, false};
  if (w->unit != Unit::kNone && w->unit != Unit::kWeekend) {
    if (Is(i, "each") && Is(j + 1, "of")) return std::nullopt;
    m.value = DurationValue(amount, false, w->unit);
    return m;
  }
  if (!every) return std::nullopt;
  if (w->weekday && !w->weekday_abbrev) {
    m.value = Fmt("XXXX-WXX-%d", w->weekday);
    m.weekday = w->weekday;
    const char* part = nullptr;
    int e = Daypart(j + 1, &part);
    if (e > 0) m.value += std::string("T") + part, m.end = e;
    return m;
  }
  if (w->month && t_[j].capital) return m.value = Fmt("XXXX-%02d", w->month), m;
  if (w->daypart) return m.value = std::string("XXXX-XX-XXT") + w->daypart, m;
  if (w->season) return m.value = std::string("XXXX-") + w->season, m;
  return std::nullopt;
}

// "the year", "the week", "the month" said of the current one; "year-end".
std::optional<Match> Tagger::PeriodWord(int i, bool after_position) const {
  if (IsAny(i, "year") && (Is(Hyphen(i + 1), "end") || (Possessive(i + 1) > i + 1 && Is(Possessive(i + 1), "end")))) {
    int e = Is(Hyphen(i + 1), "end") ? Hyphen(i + 1) + 1 : Possessive(i + 1) + 1;
    return Match{i, e, TimeType::kDate, RelYear(0), "END", 0, Basis::kArithmetic, true};
  }
  if (IsAny(i, "year") && Hyphen(i + 1) > i + 1 && IsAny(Hyphen(i + 1), "earlier", "ago"))  // "year-earlier profit"
    return Match{i, Hyphen(i + 1) + 1, TimeType::kDate, RelYear(-1), "", 0, Basis::kArithmetic, true};
  if (!Is(i, "the")) return std::nullopt;
  if (IsAny(i + 1, "full", "fiscal", "calendar") && Is(i + 2, "year") && !IsYear(i + 3, true)) {
    // "the fiscal year ended June 30" is an amount; "sales for the full year", a date.
    if (Is(i + 1, "full") && !IsAny(i + 3, "ended", "ending"))
      return Match{i, i + 3, TimeType::kDate, RelYear(0), "", 0, Basis::kGuess, true};
    return Match{i, i + 3, TimeType::kDuration, "P1Y", "", 0, Basis::kAbsolute, false};
  }
  const WordInfo* w = Info(i + 1);
  if (!w || w->unit_plural) return std::nullopt;
  if (w->unit == Unit::kYear && IsAny(i + 2, "ended", "ending"))
    return Match{i, i + 2, TimeType::kDuration, "P1Y", "", 0, Basis::kAbsolute, false};
  // Followed by something that makes it another expression or a different year.
  if (IsAny(i + 2, "before", "after", "earlier", "later", "ago", "of", "when", "that", "in", "since") || Hyphen(i + 2) > i + 2)
    return std::nullopt;
  Match m{i, i + 2, TimeType::kDate, "", "", 0, Basis::kGuess, true};
  if (w->unit == Unit::kYear) {
    if (!after_position && IsAny(i - 1, "over", "throughout")) {
      m.type = TimeType::kDuration, m.value = "P1Y", m.uses_anchor = false;
      return m;
    }
    if (!after_position && !IsAny(i - 1, "in", "during", "this", "of", "for")) return std::nullopt;
    m.value = RelYear(0);
    return m;
  }
  if (w->unit == Unit::kMonth && after_position) return m.value = RelMonth(0), m;
  if (w->unit == Unit::kWeek && (after_position || IsAny(i - 1, "in", "during", "for", "over"))) {
    if (!after_position && !IsAny(i - 1, "in", "during")) return std::nullopt;
    return m.value = RelWeek(0), m;
  }
  if (w->unit == Unit::kWeekend) return m.value = WeekendValue(2, FutureContext(i)), m;
  return std::nullopt;
}

// A modifier then an amount or a date: "just over an hour", "about two years ago",
// "at least 72 hours", "nearly a decade", "around 7:15 p.m.".
std::optional<Match> Tagger::Modified(int i) const {
  int end = -1;
  const Phrase* p = LongestPhrase(i, &WordInfo::modifiers, &end);
  if (!p || Is(end, "the")) return std::nullopt;
  std::optional<Match> core = Duration(end);
  if (!core) {
    if (p->value != "APPROX") return std::nullopt;
    core = ClockTime(end);
    if (!core) core = MonthDate(end, false);
    if (!core) core = Year(end);
  }
  if (!core) return std::nullopt;
  core->begin = i;
  core->mod = p->value;
  return core;
}

// "early December", "mid-May", "late last week", "the end of 2025", "the mid-1990s",
// "earlier this year", "the beginning of October", "late Tuesday".
std::optional<Match> Tagger::Positioned(int i) const {
  int end = -1;
  const Phrase* p = LongestPhrase(i, &WordInfo::positions, &end);
  if (!p) return std::nullopt;
  int j = Hyphen(end);
  bool comparative = IsAny(i, "earlier", "later");
  std::optional<Match> core;
  if (comparative) {
    // "earlier this year", "later yesterday", "earlier Sunday", "earlier in the year": only
    // with a period around now; "earlier that day" is anaphoric.
    if (Is(j, "this")) core = Relative(j);
    else if (IsAny(j, "today", "yesterday", "tomorrow")) core = DayWord(j);
    else if (Info(j) && Info(j)->weekday) core = WeekdayExpr(j);
    else if (Is(j, "in") && Is(j + 1, "the") && IsAny(j + 2, "year", "month", "week")) {
      core = PeriodWord(j + 1, true);
    }
  } else {
    core = Core(j, true);
    const char* part = nullptr;
    int e = Daypart(j, &part);
    if (!core && e > 0)  // "mid-afternoon", "late morning"
      core = Match{j, e, TimeType::kTime, RelDay(0) + "T" + part, "", 0, Basis::kGuess, true};
  }
  if (!core || core->type == TimeType::kDuration || core->type == TimeType::kSet) return std::nullopt;
  if (core->value.find("_REF") != std::string::npos) return std::nullopt;
  core->begin = i;
  core->mod = p->value;
  return core;
}

std::optional<Match> Tagger::Core(int i, bool after_position) const {
  Match best;
  Consider(Reference(i), &best);
  Consider(DayWord(i), &best);
  Consider(Relative(i), &best);
  Consider(Duration(i), &best);
  Consider(Quarter(i), &best);
  Consider(Year(i), &best);
  Consider(Decade(i), &best);
  Consider(MonthDate(i, after_position), &best);
  Consider(DayMonth(i), &best);
  Consider(NumericDate(i), &best);
  Consider(WeekdayExpr(i), &best);
  Consider(ClockTime(i), &best);
  Consider(Season(i, after_position), &best);
  Consider(Holiday(i), &best);
  Consider(Set(i), &best);
  Consider(PeriodWord(i, after_position), &best);
  if (best.end < 0) return std::nullopt;
  best.begin = i;
  return best;
}

Match Tagger::Best(int i) const {
  Match best;
  Consider(Modified(i), &best);
  Consider(Positioned(i), &best);
  Consider(Core(i, false), &best);
  return best;
}

std::vector<Match> Tagger::Run() {
  std::vector<Match> out;
  for (int i = 0; i < n_; ++i) {
    const Token& t = t_[i];
    // Only tokens that can begin an expression are tried.
    if ((!t.info || !t.info->starts) && t.number < 0 && t.punct != '\'') continue;
    // Determiners are the commonest candidates; they only start an expression before a word
    // the lexicon knows ("the past", "a week") or a number ("the 1990s").
    if (IsAny(i, "the", "a", "an", "its", "their", "this") && i + 1 < n_ && !t_[i + 1].info && t_[i + 1].number < 0 &&
        t_[i + 1].punct != '\'')
      continue;
    Match m = Best(i);
    if (m.end <= i) continue;
    m.begin = i;
    out.push_back(std::move(m));
    i = out.back().end - 1;
  }
  return out;
}

float Confidence(const Match& m, bool text_anchor) {
  float c = 1.0f;
  switch (m.basis) {
    case Basis::kAbsolute: c = 1.0f; break;
    case Basis::kArithmetic: c = 0.9f; break;
    case Basis::kGuess: c = 0.75f; break;
    case Basis::kVague: c = 0.6f; break;
  }
  if (!m.mod.empty() && m.mod != "EQUAL_OR_MORE" && m.mod != "EQUAL_OR_LESS") c -= 0.1f;
  if (m.uses_anchor && text_anchor) c -= 0.2f;
  if (m.uses_anchor && m.value.find('X') != std::string::npos && m.value[0] != 'P') c = 0.3f;
  return c;
}

// The latest full date the text states on its own ("March 5, 2013", "2013-03-05").
std::optional<Day> LatestAbsoluteDate(const std::vector<Match>& matches) {
  std::optional<Day> best;
  for (const Match& m : matches) {
    if (m.uses_anchor || m.value.size() < 10 || m.value[4] != '-' || m.value[7] != '-') continue;
    Day d{ToInt(m.value.substr(0, 4)), ToInt(m.value.substr(5, 2)), ToInt(m.value.substr(8, 2))};
    if (d.m < 1 || d.d < 1) continue;
    if (!best || ToDays(d) > ToDays(*best)) best = d;
  }
  return best;
}

}  // namespace

std::vector<TimeExpression> FindTimeExpressions(std::string_view text, const std::optional<CivilTime>& reference) {
  std::string lower(text);
  for (char& c : lower) c = Lower(c);
  std::vector<Token> toks = Tokenize(text, lower);
  std::optional<Day> anchor;
  const char* anchor_name = "none";
  if (reference && reference->year > 0 && reference->month > 0 && reference->day > 0) {
    anchor = Day{reference->year, reference->month, reference->day};
    anchor_name = "publication";
  }
  std::vector<Match> matches = Tagger(text, toks, anchor).Run();
  if (!anchor) {
    // No publication date: a first pass finds the text's own latest date to count from.
    if (std::optional<Day> latest = LatestAbsoluteDate(matches)) {
      anchor = latest;
      anchor_name = "text";
      matches = Tagger(text, toks, anchor).Run();
    }
  }
  std::vector<TimeExpression> out;
  out.reserve(matches.size());
  for (const Match& m : matches) {
    TimeExpression e;
    e.span = {toks[m.begin].begin, toks[m.end - 1].end};
    e.type = m.type;
    e.value = m.value;
    e.mod = m.mod;
    e.anchor = m.uses_anchor ? anchor_name : "none";
    e.confidence = Confidence(m, anchor_name == std::string_view("text"));
    e.weekday = m.weekday;
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace crosscheck
