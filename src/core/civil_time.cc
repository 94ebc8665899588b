#include "core/civil_time.h"

#include <array>
#include <cctype>
#include <cstdio>
#include <string>
#include <vector>

#include "core/data.h"
#include "core/text.h"

namespace crosscheck {
namespace {

struct NameTable {
  std::vector<std::pair<std::string, int>> names;
  int Find(std::string_view word) const {
    std::string lower = AsciiLower(word);
    for (const auto& [name, value] : names)
      if (name == lower) return value;
    return 0;
  }
};

NameTable LoadNames(std::string_view file) {
  NameTable table;
  for (std::string_view line : DataLines(file)) {
    int value = 0;
    size_t pos = 0;
    while (pos < line.size() && IsAsciiDigit(line[pos])) value = value * 10 + (line[pos++] - '0');
    while (pos < line.size()) {
      while (pos < line.size() && line[pos] == ' ') ++pos;
      size_t end = line.find(' ', pos);
      if (end == std::string_view::npos) end = line.size();
      if (end > pos) table.names.emplace_back(std::string(line.substr(pos, end - pos)), value);
      pos = end;
    }
  }
  return table;
}

const NameTable& Months() {
  static const NameTable* t = new NameTable(LoadNames("en/months.txt"));
  return *t;
}
const NameTable& Weekdays() {
  static const NameTable* t = new NameTable(LoadNames("en/weekdays.txt"));
  return *t;
}

struct Token {
  std::string_view text;
  size_t begin;
  bool digits;
};

std::vector<Token> Tokenize(std::string_view s) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < s.size()) {
    if (IsAsciiDigit(s[i])) {
      size_t j = i;
      while (j < s.size() && IsAsciiDigit(s[j])) ++j;
      out.push_back({s.substr(i, j - i), i, true});
      i = j;
    } else if (IsAsciiAlpha(s[i])) {
      size_t j = i;
      while (j < s.size() && IsAsciiAlpha(s[j])) ++j;
      if (j < s.size() && s[j] == '.') ++j;
      out.push_back({s.substr(i, j - i), i, false});
      i = j;
    } else {
      ++i;
    }
  }
  return out;
}

// Digits to a number; long runs saturate (no date field has more than four digits).
int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) v = v < 100000 ? v * 10 + (c - '0') : v;
  return v;
}

bool ValidDate(int y, int m, int d) { return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= DaysInMonth(y, m); }

// Reads "HH:MM[:SS] [am|pm] [zone]" starting at text position `pos`.
void ReadClock(std::string_view s, size_t pos, CivilTime* t) {
  while (pos < s.size() && (s[pos] == ' ' || s[pos] == ',' || s[pos] == 'T' || s[pos] == '|' || s[pos] == '-' ||
                            s[pos] == '@' || s.substr(pos, 2) == "at"))
    pos += s.substr(pos, 2) == "at" ? 2 : 1;
  int h = 0, m = 0, sec = -1;
  size_t p = pos;
  auto num = [&](int* out) {
    size_t start = p;
    while (p < s.size() && IsAsciiDigit(s[p]) && p - start < 2) *out = *out * 10 + (s[p++] - '0');
    return p > start;
  };
  if (!num(&h) || p >= s.size() || (s[p] != ':' && s[p] != '.')) return;
  ++p;
  if (!num(&m)) return;
  if (p < s.size() && s[p] == ':') {
    ++p;
    sec = 0;
    if (!num(&sec)) sec = -1;
    while (p < s.size() && (s[p] == '.' || IsAsciiDigit(s[p]))) ++p;  // fractions
  }
  size_t q = p;
  while (q < s.size() && s[q] == ' ') ++q;
  std::string rest = AsciiLower(s.substr(q, 4));
  if (StartsWith(rest, "pm") || StartsWith(rest, "p.m")) { if (h < 12) h += 12; }
  else if ((StartsWith(rest, "am") || StartsWith(rest, "a.m")) && h == 12) h = 0;
  if (h > 23 || m > 59) return;
  t->hour = h;
  t->minute = m;
  t->second = sec;
  // Zone: Z, +hh:mm, +hhmm, UTC/GMT.
  if (p < s.size() && s[p] == 'Z') { t->utc_offset_minutes = 0; return; }
  if (p < s.size() && (s[p] == '+' || s[p] == '-') && p + 3 <= s.size()) {
    int sign = s[p] == '-' ? -1 : 1;
    size_t z = p + 1;
    int hh = 0, mm = 0, digits = 0;
    while (z < s.size() && digits < 4 && (IsAsciiDigit(s[z]) || s[z] == ':')) {
      if (s[z] != ':') { (digits < 2 ? hh : mm) = (digits < 2 ? hh : mm) * 10 + (s[z] - '0'); ++digits; }
      ++z;
    }
    if (digits == 4 || digits == 2) t->utc_offset_minutes = sign * (hh * 60 + mm);
    return;
  }
  std::string zone = AsciiLower(s.substr(q, 8));
  if (StartsWith(zone, "am") || StartsWith(zone, "pm")) zone = AsciiLower(std::string(Trim(s.substr(q + 2, 6))));
  else if (StartsWith(zone, "a.m.") || StartsWith(zone, "p.m.")) zone = AsciiLower(std::string(Trim(s.substr(q + 4, 6))));
  if (StartsWith(zone, "utc") || StartsWith(zone, "gmt")) t->utc_offset_minutes = 0;
}

}  // namespace

std::string CivilTime::ToIso() const {
  char buf[64];
  if (year == 0) return "";
  if (month == 0) { std::snprintf(buf, sizeof buf, "%04d", year); return buf; }
  if (day == 0) { std::snprintf(buf, sizeof buf, "%04d-%02d", year, month); return buf; }
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  std::string out = buf;
  if (hour < 0) return out;
  std::snprintf(buf, sizeof buf, "T%02d:%02d", hour, minute);
  out += buf;
  if (second >= 0) { std::snprintf(buf, sizeof buf, ":%02d", second); out += buf; }
  if (utc_offset_minutes) {
    int off = *utc_offset_minutes;
    if (off == 0) return out + "Z";
    std::snprintf(buf, sizeof buf, "%c%02d:%02d", off < 0 ? '-' : '+', std::abs(off) / 60, std::abs(off) % 60);
    out += buf;
  }
  return out;
}

int MonthFromName(std::string_view word) { return Months().Find(word); }
int WeekdayFromName(std::string_view word) { return Weekdays().Find(word); }

const char* WeekdayName(int d) {
  static const char* kNames[] = {"", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
  return d >= 1 && d <= 7 ? kNames[d] : "";
}
const char* MonthName(int m) {
  static const char* kNames[] = {"", "January", "February", "March", "April", "May", "June", "July", "August",
                                 "September", "October", "November", "December"};
  return m >= 1 && m <= 12 ? kNames[m] : "";
}

int DaysInMonth(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

// Howard Hinnant's civil-from-days algorithms.
long DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

void CivilFromDays(long z, int* y, int* m, int* d) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long yy = static_cast<long>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  *d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *y = static_cast<int>(yy + (*m <= 2));
}

int IsoWeekday(int y, int m, int d) {
  long days = DaysFromCivil(y, m, d);  // 1970-01-01 was a Thursday (4)
  long w = (days % 7 + 7 + 3) % 7;     // 0 = Monday
  return static_cast<int>(w) + 1;
}

std::optional<CivilTime> ParseDateTime(std::string_view s) {
  std::vector<Token> tok = Tokenize(s);
  for (size_t i = 0; i < tok.size(); ++i) {
    CivilTime t;
    size_t end = 0;  // text position after the date
    const Token& a = tok[i];
    if (a.digits && a.text.size() == 4 && i + 2 < tok.size() && tok[i + 1].digits && tok[i + 2].digits) {
      // 2025-06-02, 2025/06/02
      t.year = ToInt(a.text), t.month = ToInt(tok[i + 1].text), t.day = ToInt(tok[i + 2].text);
      end = tok[i + 2].begin + tok[i + 2].text.size();
      if (tok[i + 2].text.size() > 2 || !ValidDate(t.year, t.month, t.day)) continue;
    } else if (!a.digits && MonthFromName(a.text) && i + 2 < tok.size() && tok[i + 1].digits &&
               tok[i + 2].digits && tok[i + 2].text.size() == 4 && tok[i + 1].text.size() <= 2) {
      // June 2, 2025
      t.month = MonthFromName(a.text), t.day = ToInt(tok[i + 1].text), t.year = ToInt(tok[i + 2].text);
      end = tok[i + 2].begin + 4;
    } else if (a.digits && a.text.size() <= 2 && i + 2 < tok.size() && !tok[i + 1].digits &&
               MonthFromName(tok[i + 1].text) && tok[i + 2].digits && tok[i + 2].text.size() == 4) {
      // 2 June 2025
      t.day = ToInt(a.text), t.month = MonthFromName(tok[i + 1].text), t.year = ToInt(tok[i + 2].text);
      end = tok[i + 2].begin + 4;
    } else if (a.digits && a.text.size() <= 2 && i + 2 < tok.size() && tok[i + 1].digits &&
               tok[i + 1].text.size() <= 2 && tok[i + 2].digits && tok[i + 2].text.size() == 4 &&
               s.substr(a.begin + a.text.size(), 1) == "." && s.substr(tok[i + 1].begin + tok[i + 1].text.size(), 1) == ".") {
      // 02.06.2026: day first, as everywhere that writes dates with dots.
      t.day = ToInt(a.text), t.month = ToInt(tok[i + 1].text), t.year = ToInt(tok[i + 2].text);
      end = tok[i + 2].begin + 4;
    } else if (a.digits && a.text.size() <= 2 && i + 2 < tok.size() && tok[i + 1].digits &&
               tok[i + 1].text.size() <= 2 && tok[i + 2].digits && tok[i + 2].text.size() == 4 &&
               s.substr(a.begin + a.text.size(), 1) == "/") {
      // 06/02/2025: month first unless that is impossible.
      int x = ToInt(a.text), y = ToInt(tok[i + 1].text);
      t.year = ToInt(tok[i + 2].text);
      if (x > 12) t.day = x, t.month = y; else t.month = x, t.day = y;
      end = tok[i + 2].begin + 4;
    } else {
      continue;
    }
    if (!ValidDate(t.year, t.month, t.day)) continue;
    ReadClock(s, end, &t);
    return t;
  }
  return std::nullopt;
}

}  // namespace crosscheck
