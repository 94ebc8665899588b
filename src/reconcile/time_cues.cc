#include "reconcile/time_cues.h"

#include <algorithm>
#include <cstdlib>
#include <utility>
#include <vector>

#include "core/text.h"

namespace crosscheck {

std::string WordBefore(const std::string& text, uint32_t at) {
  size_t end = at;
  while (end > 0 && text[end - 1] == ' ') --end;
  size_t b = end;
  while (b > 0 && text[b - 1] != ' ' && text[b - 1] != '\n') --b;
  return AsciiLower(text.substr(b, end - b));
}

std::string WordAfter(const std::string& text, uint32_t at) {
  size_t b = at;
  while (b < text.size() && text[b] == ' ') ++b;
  size_t e = b;
  while (e < text.size() && IsAsciiAlpha(text[e])) ++e;
  return AsciiLower(text.substr(b, e - b));
}

// Whether a time and an event trigger sit in different clauses of their sentence: "resumed the
// search on Sunday after the ferry capsized" dates the search, not the capsizing.
bool ClauseBetween(const std::string& text, Span time, Span trigger) {
  static const char* kJoins[] = {"after", "before", "since", "following", "when", "while", "until", "as", "but", "and"};
  uint32_t from = std::min(time.end, trigger.end), to = std::max(time.begin, trigger.begin);
  if (from >= to) return false;
  std::vector<std::string> words = SplitWords(text.substr(from, to - from));
  // "capsized ... shortly after 6 a.m.": a preposition of the time itself joins nothing.
  if (time.begin >= trigger.end && !words.empty()) words.pop_back();
  for (const std::string& w : words) {
    std::string word = AsciiLower(w);
    while (!word.empty() && !IsAsciiAlpha(word.back())) word.pop_back();
    if (std::find_if(std::begin(kJoins), std::end(kJoins), [&](const char* j) { return word == j; }) != std::end(kJoins))
      return true;
  }
  return false;
}

// "BERGEN, Norway, July 7 (CPS) —": the city a wire report is filed from, which is where the
// happening is unless the report says otherwise; "" when the text opens with no dateline.
std::string DatelineCity(const std::string& text) {
  size_t comma = text.find(',');
  if (comma == std::string::npos || comma < 3 || comma > 30) return "";
  std::string city = text.substr(0, comma);
  bool upper = std::all_of(city.begin(), city.end(), [](char ch) {
    return (ch >= 'A' && ch <= 'Z') || ch == ' ' || ch == '-' || ch == '.' || ch == '\'' || (ch & 0x80);
  });
  if (!upper || !IsAsciiUpper(city[0])) return "";
  // "BOA VISTA" -> "Boa Vista": as the body would write it.
  bool start = true;
  for (char& ch : city) {
    if (!start && ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    start = ch == ' ' || ch == '-';
  }
  return city;
}

// Where a dateline ends ("BERGEN, Norway, July 7 (CPS) — " is filing data, not the story's
// dates): the byte after its dash, 0 when the text opens with no dateline.
uint32_t DatelineEnd(const std::string& text) {
  if (DatelineCity(text).empty()) return 0;
  size_t dash = text.find("\xE2\x80\x94");  // em dash
  size_t alt = text.find(" - ");
  size_t end = std::min(dash == std::string::npos ? text.size() : dash + 3, alt == std::string::npos ? text.size() : alt + 3);
  return end <= 120 ? static_cast<uint32_t>(end) : 0;
}

// "…, officials said on Tuesday evening": a time that dates the saying, not the happening.
bool DatesTheSaying(const std::string& text, Span time) {
  static const char* kSaid[] = {"said", "says", "told", "announced", "added", "stated", "reported", "confirmed",
                                "declared", "tweeted", "wrote"};
  std::string before = WordBefore(text, time.begin);
  uint32_t at = time.begin;
  if (before == "on" || before == "late" || before == "early" || before == "in") {
    at = static_cast<uint32_t>(text.rfind(before, at));
    before = WordBefore(text, at);
  }
  return std::find_if(std::begin(kSaid), std::end(kSaid), [&](const char* w) { return before == w; }) != std::end(kSaid);
}

// The minutes of the day a TimeML time value allows: "…T06:10" -> 370..370, "…TMO" (morning)
// -> 360..720, "…T24:00" (midnight) -> 0..0. False when the value names no time of day.
bool MinutesOfDay(const std::string& value, double* from, double* to) {
  size_t t = value.find('T');
  if (t == std::string::npos || t + 3 > value.size()) return false;
  std::string part = value.substr(t + 1);
  if (part.size() >= 5 && IsAsciiDigit(part[0]) && part[2] == ':') {
    int minutes = (std::atoi(part.substr(0, 2).c_str()) % 24) * 60 + std::atoi(part.substr(3, 2).c_str());
    *from = *to = minutes;
    return true;
  }
  static const std::pair<const char*, std::pair<int, int>> kParts[] = {
      {"MO", {300, 720}}, {"MI", {690, 810}}, {"AF", {720, 1080}}, {"EV", {1020, 1320}}, {"NI", {1200, 1440}}};
  for (const auto& [code, range] : kParts)
    if (part.rfind(code, 0) == 0) {
      *from = range.first, *to = range.second;
      return true;
    }
  return false;
}

// A time right against a trigger: "Tuesday's talks", "talks on Tuesday" ("’s " is 5 bytes).
bool Beside(Span time, Span trigger) {
  return (time.end <= trigger.begin && trigger.begin - time.end <= 6) ||
         (time.begin >= trigger.end && time.begin - trigger.end <= 6);
}

// A time after a trigger and the place phrase that follows it: "a meeting in Bergen on Tuesday".
bool AfterPlacePhrase(const std::string& text, Span time, Span trigger) {
  if (time.begin < trigger.end || time.begin - trigger.end > 40) return false;
  std::vector<std::string> between = SplitWords(AsciiLower(text.substr(trigger.end, time.begin - trigger.end)));
  if (between.size() < 2 || between.size() > 5) return false;
  const std::string& first = between.front();
  const std::string& last = between.back();
  bool place_phrase = first == "in" || first == "at" || first == "near";
  bool dating = last == "on" || last == "last" || last == "this";
  return place_phrase && dating && std::none_of(between.begin() + 1, between.end() - 1, [](const std::string& w) {
           return w == "and" || w == "but" || w == "after" || w == "before" || w == "when";
         });
}

// Whether a trigger sits inside a phrase of another clause: "from the capsizing", "after the blast".
bool EmbeddedTrigger(const std::string& text, Span trigger) {
  std::vector<std::string> before = SplitWords(AsciiLower(text.substr(trigger.begin >= 40 ? trigger.begin - 40 : 0,
                                                                      trigger.begin >= 40 ? 40 : trigger.begin)));
  size_t n = before.size();
  auto is_prep = [](const std::string& w) {
    return w == "from" || w == "after" || w == "since" || w == "following" || w == "before" || w == "during";
  };
  if (n >= 1 && is_prep(before[n - 1])) return true;
  // "from a powerful Taliban truck bombing": the preposition, a determiner, then modifiers.
  for (size_t k = 2; k <= std::min<size_t>(n, 6); ++k) {
    const std::string& det = before[n - k + 1];
    if (is_prep(before[n - k]) && (det == "the" || det == "a" || det == "an" || det == "this" || det == "last"))
      return true;
  }
  return false;
}

}  // namespace crosscheck
