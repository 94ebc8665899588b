#include "reconcile/inconsistencies.h"

#include <re2/re2.h>

#include <algorithm>
#include <cstdlib>
#include <unordered_map>

#include "core/civil_time.h"
#include "core/data.h"
#include "core/text.h"
#include "core/word_table.h"
#include "analyze/quantities.h"
#include "analyze/sentences.h"
#include "reconcile/count_roles.h"

namespace crosscheck {
namespace {

Finding Inconsistency(const StoryView& story, const ArticleView& v, std::string subject, std::string detail,
                      std::string value, std::string evidence, double confidence) {
  Finding f;
  f.kind = FindingKind::kInconsistency;
  f.story = story.story->id;
  f.subject = std::move(subject);
  f.detail = std::move(detail);
  f.confidence = confidence;
  ClaimValue c;
  c.value = std::move(value);
  c.articles = {v.article->id};
  c.evidence = {{v.article->id, std::move(evidence)}};
  f.claims.push_back(std::move(c));
  return f;
}

int PublicationYear(const Article& a) { return a.published.size() >= 4 ? std::atoi(a.published.substr(0, 4).c_str()) : 0; }
int PublicationMonth(const Article& a) { return a.published.size() >= 7 ? std::atoi(a.published.substr(5, 2).c_str()) : 0; }

std::string SentenceOf(const ArticleView& v, int s) {
  if (s < 0 || static_cast<size_t>(s) >= v.facts->sentences.size()) return "";
  Span span = v.facts->sentences[s];
  return v.article->text.substr(span.begin, span.end - span.begin);
}

// A year in the headline that is neither the publication's nor any the body states.
void CheckHeadlineYear(const StoryView& story, const ArticleView& v, std::vector<Finding>* out) {
  static const RE2 year_re(R"(\b((?:19|20)\d\d)\b)");
  re2::StringPiece title(v.article->title);
  std::string year;
  if (!RE2::FindAndConsume(&title, year_re, &year)) return;
  int y = std::atoi(year.c_str());
  int published = PublicationYear(*v.article);
  if (published == 0 || y == published) return;
  // When the story dates the happenings this report covers, the headline must match one of
  // them: a body's aside about that year ("the framework expired at the end of 2025") does
  // not make a 2025 headline right about talks held in 2026.
  bool dated = false;
  for (const StoryEvent& e : story.story->events) {
    if (std::find(v.events.begin(), v.events.end(), e.id) == v.events.end() || e.date.size() < 4) continue;
    dated = true;
    if (e.date.compare(0, 4, year) == 0 || e.date.find("/" + year) != std::string::npos) return;
  }
  // Otherwise only a year the body writes out counts ("in 2024"), not one a relative date resolves to.
  if (!dated) {
    for (const TimeExpression& t : v.facts->times)
      if (t.value.compare(0, 4, year) == 0 &&
          v.article->text.substr(t.span.begin, t.span.end - t.span.begin).find(year) != std::string::npos)
        return;
  }
  out->push_back(Inconsistency(story, v, "year in the headline",
                               "The headline says " + year + ", but the report was published in " +
                                   std::to_string(published) + " and its body gives no date in " + year + ".",
                               year, v.article->title, 0.8));
}

// The unit class of a count, so "7.5%" is set against "6.5 percent" and not against "312 workers".
std::string UnitClass(const Quantity& q) {
  if (q.percent) return "percent";
  return IsUnitNoun(q.head) ? q.head : "";
}

// "At Least 90 Dead" over a body that says "more than 60 people dead"; "7.5% pay rise" over a
// body giving 6.5 percent: the headline states a number the report's own body does not.
void CheckHeadlineNumbers(const StoryView& story, const ArticleView& v, std::vector<Finding>* out) {
  const std::string& title = v.article->title;
  if (title.empty()) return;
  Span whole{0, static_cast<uint32_t>(title.size())};
  std::vector<Quantity> in_title = FindQuantities(title, {whole}, {});
  std::vector<Span> title_spans;
  for (const Quantity& q : in_title) title_spans.push_back(q.span);
  const std::string& text = v.article->text;
  for (const Quantity& h : in_title) {
    CountRole role = RoleOfNumber(title, whole, h.span, title_spans);
    // Counts about one person need that person named; headlines rarely do.
    if (role.role.empty() || role.per_person) continue;
    std::string before = h.span.begin > 0 ? AsciiLower(title.substr(0, h.span.begin)) : "";
    std::vector<std::string> words_before = SplitWords(before);
    if (!words_before.empty() && IsPartWord(words_before.back())) continue;  // "final three victims"
    for (const Quantity& b : v.facts->quantities) {
      if (b.sentence < 0 || static_cast<size_t>(b.sentence) >= v.facts->sentences.size() || UnitClass(b) != UnitClass(h))
        continue;
      std::vector<Span> spans;
      for (const Quantity& o : v.facts->quantities)
        if (o.sentence == b.sentence) spans.push_back(o.span);
      if (RoleOfNumber(text, v.facts->sentences[b.sentence], b.span, spans).role != role.role) continue;
      // "Seven Guyanese" and "18 detainees" count different people.
      if (UnitClass(h).empty() && !IsGenericHead(h.head) && !IsGenericHead(b.head) && h.head != b.head) continue;
      // The body's first figure for that role agrees when the values are near or one lies
      // inside the other's wording ("40" and "at least 40"; "about 40" and "42").
      auto inside = [](double x, const Quantity& q) { return q.low < x && x < q.high; };
      double larger = std::max(std::abs(h.value), std::abs(b.value));
      if (larger == 0 || std::abs(h.value - b.value) <= 0.05 * larger || inside(h.value, b) || inside(b.value, h)) break;
      std::string said = title.substr(h.span.begin, h.span.end - h.span.begin);
      std::string body = text.substr(b.span.begin, b.span.end - b.span.begin);
      Finding f = Inconsistency(story, v, role.role + " in the headline and the body",
                                "The headline says " + said + ", the body " + body + ".", said + " (headline)",
                                title, 0.7);
      ClaimValue in_body;
      in_body.value = body + " (body)";
      in_body.articles = {v.article->id};
      in_body.evidence = {{v.article->id, SentenceOf(v, b.sentence)}};
      f.claims.push_back(std::move(in_body));
      out->push_back(std::move(f));
      break;
    }
  }
}

struct Season {
  std::string name;
  int first_month;
};

// "Winter approaches" in a report dated June: a season said to be coming that is months away.
void CheckSeason(const StoryView& story, const ArticleView& v, std::vector<Finding>* out) {
  static const auto* seasons = [] {
    auto* s = new std::vector<Season>;
    for (std::string_view line : DataLines("en/seasons.txt")) {
      size_t sp = line.find(' ');
      if (sp != std::string_view::npos) s->push_back({std::string(line.substr(0, sp)), std::atoi(std::string(line.substr(sp + 1)).c_str())});
    }
    return s;
  }();
  static const auto* cues = new std::vector<std::string_view>(DataLines("en/season_cues.txt"));
  static const auto* southern = new std::vector<std::string_view>(DataLines("gazetteer/southern_hemisphere.txt"));
  int month = PublicationMonth(*v.article);
  if (month == 0) return;
  bool south = false;
  for (const Entity& e : v.facts->entities.entities)
    for (std::string_view c : *southern)
      if (e.kind == EntityKind::kCountry && e.canonical == c) south = true;
  // Most reports name no season: only the sentences that do are read closely.
  const std::string text = AsciiLower(v.article->text);
  std::vector<bool> names_season(v.facts->sentences.size(), false);
  for (const Season& season : *seasons)
    for (size_t p = text.find(season.name); p != std::string::npos; p = text.find(season.name, p + 1)) {
      int s = SentenceAt(v.facts->sentences, static_cast<uint32_t>(p));
      if (s >= 0 && p + season.name.size() <= v.facts->sentences[s].end) names_season[s] = true;
    }
  for (size_t s = 0; s < v.facts->sentences.size(); ++s) {
    if (!names_season[s]) continue;
    std::string sentence = SentenceOf(v, static_cast<int>(s));
    std::string lower = text.substr(v.facts->sentences[s].begin, sentence.size());  // `text` is lower case
    for (const Season& season : *seasons) {
      size_t p = lower.find(season.name);
      if (p == std::string::npos) continue;
      std::string after = lower.substr(p + season.name.size(), 20);
      std::string before = lower.substr(p >= 12 ? p - 12 : 0, p >= 12 ? 12 : p);
      bool coming = false;
      for (std::string_view cue : *cues)
        if (StartsWith(Trim(after), cue) || EndsWith(Trim(before), cue)) coming = true;
      if (!coming) continue;
      int start = south ? (season.first_month + 5) % 12 + 1 : season.first_month;
      int months_before = (start - month + 12) % 12;  // 0 = this month
      if (months_before <= 3) continue;
      out->push_back(Inconsistency(story, v, "season and date",
                                   "The report says " + season.name + " is coming, but it is dated " +
                                       MonthName(month) + ", " + std::to_string(months_before) + " months before " +
                                       season.name + " begins.",
                                   season.name, sentence, 0.6));
      return;
    }
  }
}

// A relative date in the lead ("last Friday") that resolves to a day other than the agreed
// date of the event the report is about.
void CheckRelativeDates(const StoryView& story, const ArticleView& v, const std::map<std::string, ClaimValue>& dates,
                        std::vector<Finding>* out) {
  std::string event = PrimaryEvent(story, v);
  auto it = dates.find(event);
  if (it == dates.end() || it->second.value.size() != 10) return;
  const std::string& agreed = it->second.value;
  const ArticleFacts& f = *v.facts;
  for (const TimeExpression& t : f.times) {
    if (t.type != TimeType::kDate || t.anchor != "publication" || t.confidence >= 1.0f || t.weekday == 0) continue;
    if (t.value.size() != 10 || t.value == agreed) continue;
    // Only words that point from the publication date ("last Friday", "yesterday"); a bare
    // "on Sunday" usually dates a later moment of the story, and "Thursday, March 26" is a date.
    std::string words_lower = AsciiLower(v.article->text.substr(t.span.begin, t.span.end - t.span.begin));
    bool pointing = StartsWith(words_lower, "last ") || StartsWith(words_lower, "this ") ||
                    StartsWith(words_lower, "next ") || words_lower == "yesterday" || words_lower == "today" ||
                    words_lower == "tomorrow";
    if (!pointing) continue;
    // Only in the sentences around an event mention of the article's main event.
    bool near_event = false;
    for (const EventMention& m : f.events)
      if (std::abs(m.sentence - t.sentence) <= 1 && EventOfMention(story, v, m) == event) near_event = true;
    if (!near_event) continue;
    std::string words = v.article->text.substr(t.span.begin, t.span.end - t.span.begin);
    Finding f = Inconsistency(story, v, "relative date of the event",
                              "\"" + words + "\" in a report published " + v.article->published.substr(0, 10) +
                                  " points to " + t.value + ", but the event took place on " + agreed + ".",
                              words + " = " + t.value, SentenceOf(v, t.sentence), 0.6);
    f.event = event;
    // The other side: the date the other reports agree on.
    ClaimValue others = it->second;
    std::erase(others.articles, v.article->id);
    std::erase_if(others.evidence, [&](const Evidence& e) { return e.article == v.article->id; });
    if (!others.articles.empty()) f.claims.push_back(std::move(others));
    out->push_back(std::move(f));
  }
}

// A phrase of three or more words repeated many times: text written for search engines.
void CheckKeywordStuffing(const StoryView& story, const ArticleView& v, std::vector<Finding>* out) {
  std::string_view text = v.article->text;
  std::vector<std::string_view> words;
  words.reserve(text.size() / 5);
  size_t p = 0;
  while (p < text.size()) {
    while (p < text.size() && !IsAsciiAlnum(text[p]) && static_cast<unsigned char>(text[p]) < 0x80) ++p;
    size_t e = p;
    while (e < text.size() && (IsAsciiAlnum(text[e]) || static_cast<unsigned char>(text[e]) >= 0x80)) ++e;
    if (e > p) words.push_back(text.substr(p, e - p));
    p = e;
  }
  if (words.size() < 150) return;
  // A phrase repeated that often starts with a word repeated as often: count those first, and
  // only look at phrases when some capitalised word qualifies (most reports have none).
  const int needed = std::max(8, static_cast<int>(words.size() / 120));
  absl::flat_hash_map<std::string_view, int, WordHash, WordEq> firsts;
  bool any = false;
  for (std::string_view w : words)
    if (IsAsciiUpper(w[0]) && ++firsts[w] >= needed) any = true;
  if (!any) return;
  // Only phrases whose first word is repeated often enough can be: the others are not counted.
  std::unordered_map<std::string, std::pair<int, size_t>> counts;  // phrase -> count, first position
  for (size_t i = 0; i + 3 <= words.size(); ++i) {
    if (!IsAsciiUpper(words[i][0]) || firsts[words[i]] < needed) continue;
    // A repeated date ("November 3 2016" in every embedded post) is page furniture, not stuffing.
    if (IsAsciiDigit(words[i + 1][0]) || IsAsciiDigit(words[i + 2][0])) continue;
    auto& [n, first] = counts[std::string(words[i]).append(" ").append(words[i + 1]).append(" ").append(words[i + 2])];
    if (n++ == 0) first = i;
  }
  // The most repeated phrase (the earliest of equals) is the one to show.
  const std::string* best = nullptr;
  std::pair<int, size_t> best_count;
  for (const auto& [phrase, count] : counts) {
    if (count.first < 8 || count.first * 120 < static_cast<int>(words.size())) continue;
    if (!best || count.first > best_count.first || (count.first == best_count.first && count.second < best_count.second)) {
      best = &phrase;
      best_count = count;
    }
  }
  if (!best) return;
  out->push_back(Inconsistency(story, v, "keyword stuffing",
                               "\"" + *best + "\" appears " + std::to_string(best_count.first) + " times in " +
                                   std::to_string(words.size()) + " words, as in pages written for search engines.",
                               *best, "", 0.7));
}

}  // namespace

std::vector<Finding> FindInconsistencies(const StoryView& story, const std::map<std::string, ClaimValue>& event_dates) {
  std::vector<Finding> out;
  for (const ArticleView& v : story.articles) {
    CheckHeadlineYear(story, v, &out);
    CheckSeason(story, v, &out);
    CheckRelativeDates(story, v, event_dates, &out);
    CheckHeadlineNumbers(story, v, &out);
    CheckKeywordStuffing(story, v, &out);
  }
  return out;
}

}  // namespace crosscheck
