#include "reconcile/claims.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <set>

#include "analyze/entities.h"
#include "analyze/events.h"
#include "core/civil_time.h"
#include "core/data.h"
#include "core/text.h"
#include "reconcile/count_roles.h"
#include "reconcile/time_cues.h"

namespace crosscheck {
namespace {

Span SentenceSpan(const ArticleView& v, int s) {
  if (s < 0 || static_cast<size_t>(s) >= v.facts->sentences.size()) return {0, 0};
  return v.facts->sentences[s];
}

std::string Sentence(const ArticleView& v, int s) {
  if (s < 0 || static_cast<size_t>(s) >= v.facts->sentences.size()) return "";
  Span span = v.facts->sentences[s];
  return v.article->text.substr(span.begin, span.end - span.begin);
}

bool IsSingleHolderOffice(const std::string& office) {
  static const auto* generic = new std::vector<std::string_view>(DataLines("en/generic_offices.txt"));
  for (std::string_view g : *generic)
    if (office == g) return false;
  static const auto* single = new std::vector<std::string_view>(DataLines("en/single_holder_offices.txt"));
  static const auto* shared = new std::vector<std::string_view>(DataLines("en/shared_office_prefixes.txt"));
  for (std::string_view p : *shared)
    if (office.find(p) != std::string::npos) return false;
  for (std::string_view s : *single)
    if (office.find(s) != std::string::npos) return true;
  return false;
}

// "YYYY-MM-DD", "YYYY-MM" or "YYYY-Www" with a known year: a date a reader can compare.
bool IsComparableDate(const std::string& v) {
  if (v.size() < 7 || v.find('X') != std::string::npos) return false;
  for (int i = 0; i < 4; ++i)
    if (!IsAsciiDigit(v[i])) return false;
  // A month, a day or an ISO week; seasons ("2026-WI") and parts of day name no date to compare.
  return v[4] == '-' && (IsAsciiDigit(v[5]) ||
                         (v[5] == 'W' && v.size() > 6 && IsAsciiDigit(v[6])));
}

std::string PersonKey(const ArticleFacts& f, int entity) {
  const Entity& e = f.entities.entities[entity];
  return EntityKey(e.canonical, e.kind);
}



// Whether the country of an office is known for this person elsewhere in the story.
using PersonCountries = std::map<std::string, std::string>;  // person key -> country canonical

PersonCountries CollectCountries(const StoryView& story) {
  PersonCountries out;
  for (const ArticleView& v : story.articles)
    for (const Role& r : v.facts->roles)
      if (r.person >= 0 && !r.of.empty()) out.emplace(PersonKey(*v.facts, r.person), r.of);
  return out;
}

// "The X administration" implies X heads the government; the story says which office that
// is for the country (its president's or prime minister's slot), when anyone names a holder.
std::string HeadOfGovernmentOffice(const StoryView& story, const std::string& country) {
  std::set<std::string> offices;
  for (const ArticleView& v : story.articles)
    for (const Role& r : v.facts->roles)
      if (!r.implied && r.of == country) offices.insert(r.office);
  for (const char* office : {"president", "prime minister", "chancellor"})
    if (offices.count(office)) return office;
  return "head of government";
}

// Whether a sentence names a year before `before` — any such year, or with `after_in` only one
// written "in 2008" — so what it says belongs to that time: "In February 2012 a tram carrying
// 100 passengers also derailed"; "as President George W. Bush did in 2008".
bool SentenceSetInYearBefore(const std::string& sentence, int before, bool after_in) {
  if (before == 0) return false;
  for (size_t i = 0; i + 4 <= sentence.size(); ++i) {
    if ((i > 0 && IsAsciiAlnum(sentence[i - 1])) ||
        (i + 4 < sentence.size() && IsAsciiAlnum(sentence[i + 4])))
      continue;
    if (after_in && (i < 3 || sentence.compare(i - 3, 3, "in ") != 0)) continue;
    if (!std::all_of(sentence.begin() + i, sentence.begin() + i + 4, [](char c) { return IsAsciiDigit(c); }))
      continue;
    int y = std::atoi(sentence.substr(i, 4).c_str());
    if (y >= 1900 && y < before) return true;
  }
  return false;
}

// A claim a role makes, with what every such claim shares: its report, sentence and evidence.
Claim RoleClaimOf(const ArticleView& v, const Role& r, const std::string& evidence) {
  Claim c;
  c.article = v.article->id;
  c.evidence = evidence;
  c.sentence = r.sentence;
  return c;
}

void AddRoleClaims(const StoryView& story, const ArticleView& v, const PersonCountries& countries,
                   std::vector<Claim>* out) {
  const ArticleFacts& f = *v.facts;
  const int published_year = v.article->published.size() >= 4 ? std::atoi(v.article->published.substr(0, 4).c_str()) : 0;
  for (const Role& r : f.roles) {
    if (r.person < 0) continue;
    // "as President George W. Bush did in 2008": a title of the time the sentence is about.
    if (SentenceSetInYearBefore(Sentence(v, r.sentence), published_year - 1, /*after_in=*/true)) continue;
    std::string person = PersonKey(f, r.person);
    std::string of = r.of;
    if (of.empty()) {
      for (const auto& [key, country] : countries)
        if (SamePerson(key, person)) { of = country; break; }
    }
    const std::string& name = f.entities.entities[r.person].canonical;
    std::string evidence = Sentence(v, r.sentence);
    std::string office = r.office;
    if (r.implied && office == "head of government" && !of.empty()) office = HeadOfGovernmentOffice(story, of);
    // The status of this person in this office: sitting or former.
    if (office != "head of delegation") {
      Claim status = RoleClaimOf(v, r, evidence);
      status.slot = "status|" + office + "|" + person;
      status.subject = "whether " + name + " is the sitting or a former " + office;
      status.kind = ValueKind::kStatus;
      status.key = r.former ? "former" : "sitting";
      status.display = (r.former ? "former " : "sitting ") + office;
      status.confidence = r.implied ? 0.7 : 0.9;
      status.implied = r.implied;
      status.report_agreement = false;
      out->push_back(status);
    }
    // Which ministry a person heads: "Foreign Minister Khady Tounkara" against "Fisheries
    // Minister Khady Tounkara" in reports of one story.
    if (!r.former && !r.implied && !of.empty() && office.size() > 9 && EndsWith(office, " minister") &&
        IsSingleHolderOffice(office)) {
      std::vector<std::string> words = SplitWords(person);
      Claim held = RoleClaimOf(v, r, evidence);
      held.slot = "office|" + (words.empty() ? person : words.back()) + "|" + EntityKey(of, EntityKind::kCountry);
      held.subject = "which office " + name + " holds";
      held.kind = ValueKind::kText;
      held.key = office;
      held.display = office;
      held.confidence = 0.6;
      held.report_agreement = false;  // the holder slots already say what reports agree on
      out->push_back(held);
    }
    if (r.former || !IsSingleHolderOffice(office) || of.empty()) continue;
    Claim holder = RoleClaimOf(v, r, evidence);
    holder.slot = "holder|" + office + "|" + EntityKey(of, EntityKind::kCountry);
    holder.subject = office == "head of delegation" ? "head of the " + of + " delegation" : office + " of " + of;
    holder.kind = ValueKind::kPerson;
    holder.key = person;
    holder.display = name;
    holder.confidence = r.implied ? 0.7 : 0.9;
    holder.implied = r.implied;
    out->push_back(holder);
  }
}

bool IsWorldRegion(const std::string& name) {
  static const auto* regions = new std::vector<std::string_view>(DataLines("en/regions.txt"));
  std::string_view n = name;
  for (std::string_view compass : {"West ", "East ", "North ", "South ", "Central ", "Western ", "Eastern ",
                                   "Northern ", "Southern "})
    if (n.substr(0, compass.size()) == compass) { n.remove_prefix(compass.size()); break; }
  return std::find(regions->begin(), regions->end(), n) != regions->end();
}

// Whether a place in a sentence only says where a speaker is: "a spokesman in Berlin said".
bool SpeakerPlace(const std::string& text, const ArticleFacts& f, int place, int sentence) {
  static const char* kSpeakers[] = {"spokesman", "spokeswoman", "spokesperson", "official", "officials", "sources",
                                    "source", "correspondent", "reporter", "embassy", "ministry"};
  for (const EntityMention& m : f.entities.mentions) {
    if (m.entity != place || m.sentence != sentence) continue;
    std::string before = WordBefore(text, m.span.begin);
    if (before != "in" && before != "at") continue;
    uint32_t at = static_cast<uint32_t>(text.rfind(before, m.span.begin));
    std::string speaker = WordBefore(text, at);
    if (std::find_if(std::begin(kSpeakers), std::end(kSpeakers), [&](const char* w) { return speaker == w; }) !=
        std::end(kSpeakers))
      return true;
  }
  return false;
}

bool NamesAPerson(const ArticleFacts& f, const std::string& name) {
  for (const Entity& e : f.entities.entities) {
    if (e.kind != EntityKind::kPerson) continue;
    std::vector<std::string> words = SplitWords(e.canonical);
    if (words.size() >= 2 && words.back() == name) return true;
  }
  return false;
}

// Every place and country the report names, as entity keys.
std::shared_ptr<const std::set<std::string>> PlacesNamed(const ArticleFacts& f) {
  auto out = std::make_shared<std::set<std::string>>();
  for (const Entity& e : f.entities.entities)
    if (e.kind == EntityKind::kPlace || e.kind == EntityKind::kCountry) out->insert(EntityKey(e.canonical, e.kind));
  return out;
}

// A claim about the happening `m` names, with what every such claim shares: its report, event
// and evidence sentence.
Claim EventClaim(const ArticleView& v, const EventMention& m, const std::string& event) {
  Claim c;
  c.event = event;
  c.article = v.article->id;
  c.evidence = Sentence(v, m.sentence);
  c.sentence = m.sentence;
  return c;
}


// The happening a kind's date and length belong to: an agreement is reached at the talks.
std::string SlotKind(const std::string& kind) { return kind == "agreement" ? "talks" : kind; }




// "Norway and Germany agreed on Tuesday to ...": a lead without a trigger word still says on
// which day the report's happening took place. The weekday counts for the report's main event
// and the kind of happening the report first names.
void AddLeadWeekdayClaim(const StoryView& story, const ArticleView& v, std::vector<Claim>* out) {
  const ArticleFacts& f = *v.facts;
  if (f.sentences.empty() || f.events.empty()) return;
  for (const EventMention& m : f.events)
    if (m.sentence == 0) return;  // the lead names its happening: the event claims cover it
  std::string event = PrimaryEvent(story, v);
  const std::string& text = v.article->text;
  // Only a wire lead ("BERGEN, Norway, July 7 (CPS) — ...") is that reliably about one day.
  const uint32_t dateline_end = DatelineEnd(text);
  if (event.empty() || dateline_end == 0) return;
  for (const TimeExpression& t : f.times) {
    if (t.sentence != 0 || t.weekday == 0 || t.span.end <= dateline_end) continue;
    if (WordBefore(text, t.span.begin) != "on" || DatesTheSaying(text, t.span)) break;
    Claim c;
    c.event = event;
    c.article = v.article->id;
    c.evidence = Sentence(v, 0);
    c.sentence = 0;
    const std::string& kind = f.events.front().kind;
    c.slot = "weekday|" + event + "|" + SlotKind(kind);
    c.subject = "day of the week of the " + kind;
    c.kind = ValueKind::kStatus;
    c.key = WeekdayName(t.weekday);
    c.display = text.substr(t.span.begin, t.span.end - t.span.begin);
    c.confidence = 0.6;
    c.weekday = t.weekday;
    c.report_agreement = false;
    out->push_back(std::move(c));
    break;
  }
}

void AddDatelineClaim(const StoryView& story, const ArticleView& v, std::vector<Claim>* out) {
  std::string city = DatelineCity(v.article->text);
  std::string event = PrimaryEvent(story, v);
  if (city.empty() || event.empty()) return;
  Claim c;
  c.event = event;
  c.article = v.article->id;
  c.evidence = Sentence(v, 0);
  c.sentence = 1 << 20;  // a place the body states comes first
  c.slot = "place|" + event;
  c.subject = "where it took place";
  c.kind = ValueKind::kPlace;
  c.key = EntityKey(city, EntityKind::kPlace);
  c.display = city;
  c.confidence = 0.5;
  c.supporting = true;  // filed from the nearest city, a dateline never disputes the body's spot
  c.places_named = PlacesNamed(*v.facts);
  out->push_back(std::move(c));
}

// Whether `value` lies more than two weeks from the full date the story gives `event`.
// Whether `value` (a day or a month) lies more than `window_days` from the full date the story
// gives `event`: reports dispute an event's day by a day or two, not by weeks.
bool FarFromEvent(const StoryView& story, const std::string& event, const std::string& value, long window_days) {
  const long kWindowDays = window_days;
  auto days = [](const std::string& d, int day) {
    return DaysFromCivil(std::atoi(d.substr(0, 4).c_str()), std::atoi(d.substr(5, 2).c_str()), day);
  };
  if (value.size() < 7 || value[4] != '-' || !IsAsciiDigit(value[5])) return false;
  bool whole_day = value.size() >= 10 && value[7] == '-' && IsAsciiDigit(value[8]);
  for (const StoryEvent& e : story.story->events) {
    if (e.id != event || e.date.size() < 10) continue;
    long first = days(e.date, std::atoi(e.date.substr(8, 2).c_str()));
    long last = e.date.size() >= 21 ? days(e.date.substr(11), std::atoi(e.date.substr(19, 2).c_str())) : first;
    long from = whole_day ? days(value, std::atoi(value.substr(8, 2).c_str())) : days(value, 1);
    long to = whole_day ? from : days(value, 1) + 27;  // a month: any day in it
    return to < first - kWindowDays || from > last + kWindowDays;
  }
  return false;
}






void AddEventClaims(const StoryView& story, const ArticleView& v, std::vector<Claim>* out) {
  const ArticleFacts& f = *v.facts;
  const std::string& text = v.article->text;
  const uint32_t dateline_end = DatelineEnd(text);
  std::map<int, std::vector<TriggerSpan>> triggers;  // per sentence, found once
  auto triggers_of = [&](int s) -> const std::vector<TriggerSpan>& {
    auto [it, fresh] = triggers.try_emplace(s);
    if (fresh) it->second = TriggerSpans(text, f.sentences[s]);
    return it->second;
  };
  for (const EventMention& m : f.events) {
    std::string event = EventOfMention(story, v, m);
    std::string what = m.round ? std::string(m.round == 1 ? "first" : m.round == 2 ? "second" : m.round == 3 ? "third" : "later") +
                                     " round of " + m.kind
                               : m.kind;
    // Date: the day or month the sentence gives, nearest the trigger.
    // "The toll from the capsizing rose to 43 on Sunday": a happening named inside a phrase
    // ("from/after/since the ...") is dated only by a time right beside it.
    const bool embedded = EmbeddedTrigger(text, m.span);
    // A time nearer another trigger of the sentence dates that one ("the attack ... in retaliation
    // for airstrikes last week").
    // A later trigger of the same kind is the same happening told again ("died ... when the ferry
    // capsized"), unless it sits in a phrase of its own ("in retaliation for airstrikes").
    std::vector<Span> others;
    if (m.sentence >= 0 && static_cast<size_t>(m.sentence) < f.sentences.size())
      for (const TriggerSpan& t : triggers_of(m.sentence))
        if ((t.span.end <= m.span.begin || t.span.begin >= m.span.end) &&
            (t.kind != m.kind || EmbeddedTrigger(text, t.span) || WordBefore(text, t.span.begin) == "for"))
          others.push_back(t.span);
    auto gap = [](Span a, Span b) { return a.begin >= b.end ? a.begin - b.end : b.begin >= a.end ? b.begin - a.end : 0u; };
    auto nearer_other = [&](Span time) {
      return std::any_of(others.begin(), others.end(), [&](Span t) { return gap(time, t) < gap(time, m.span); });
    };
    const TimeExpression* best = nullptr;
    uint32_t best_distance = UINT32_MAX;
    for (int t : m.times) {
      const TimeExpression& te = f.times[t];
      // A date, or a time of a day the words name ("Monday afternoon" = 2026-05-11TAF); a bare
      // "6:10 a.m." only borrows the publication day.
      bool dated_time = te.type == TimeType::kTime && te.weekday != 0 && te.value.size() > 10 && te.value[10] == 'T';
      if ((te.type != TimeType::kDate && !dated_time) || !IsComparableDate(te.value)) continue;
      if (te.span.end <= dateline_end) continue;  // the filing date, not the happening's
      // "-- Seattle Fire Dept (@SeattleFire) November 10, 2016": an embedded post's own date.
      if (text.substr(te.span.begin >= 40 ? te.span.begin - 40 : 0, std::min<uint32_t>(40, te.span.begin)).find("(@") !=
          std::string::npos)
        continue;
      if (IsBoundaryTime(text, te)) continue;
      if (ClauseBetween(text, te.span, m.span)) continue;
      if (embedded && !Beside(te.span, m.span)) continue;
      if (nearer_other(te.span) || DatesTheSaying(text, te.span)) continue;
      uint32_t d = te.span.begin > m.span.end ? te.span.begin - m.span.end : m.span.begin - std::min(m.span.begin, te.span.end);
      if (d < best_distance) { best_distance = d; best = &te; }
    }
    // A date weeks away from the day the story puts this event on is background (a timeline,
    // an earlier attack), not a rival date for it.
    // (A strike lasts: its start may lie weeks before the day the story is about.)
    if (best && FarFromEvent(story, event, best->value, m.kind == "strike" ? 60 : 7)) best = nullptr;
    if (best) {
      Claim c = EventClaim(v, m, event);
      c.slot = "date|" + event + "|" + SlotKind(m.kind);
      c.subject = "date of the " + what;
      c.kind = ValueKind::kDate;
      c.key = best->value.substr(0, std::min<size_t>(best->value.size(), 10));
      c.display = c.key;
      c.confidence = best->confidence;
      // A day named only relative to the report ("on Monday", "yesterday") that misses the date
      // others give is the report contradicting itself, not a rival date.
      std::string surface = text.substr(best->span.begin, best->span.end - best->span.begin);
      bool relative = best->anchor != "none" && std::none_of(surface.begin(), surface.end(), [](char ch) {
                        return IsAsciiDigit(ch);
                      });
      c.implied = relative && best->value.size() == 10;
      // Such a day is the happening's only when the words sit against its trigger ("Tuesday's
      // talks") or point from the report ("last Friday", "yesterday"); "a tour of battleground
      // states on Monday" in a sentence about the election dates the tour.
      std::string said = AsciiLower(surface);
      bool pointing = StartsWith(said, "last ") || StartsWith(said, "this ") || StartsWith(said, "next ") ||
                      said == "yesterday" || said == "today" || said == "tomorrow";
      // "this month", "last week": a period, not the day of one happening.
      bool period = relative && best->value.size() < 10;
      if (!period && (!c.implied || Beside(best->span, m.span) || pointing)) out->push_back(c);
    }
    // The weekday of the happening: stated ("Tuesday's talks") or implied by a full date.
    for (int t : m.times) {
      const TimeExpression& te = f.times[t];
      if (te.weekday == 0 && !(best == &te && te.value.size() == 10)) continue;
      // A weekday names this happening when it is the event's date or sits against its trigger
      // ("Tuesday's talks", "talks on Tuesday"); other days in the sentence are other moments.
      // A weekday a report writes is compared only when it sits against the trigger ("Tuesday's
      // election"); one further off may date another moment ("victory on Wednesday").
      if (te.weekday != 0 ? !(Beside(te.span, m.span) || AfterPlacePhrase(text, te.span, m.span)) : best != &te) continue;
      // "last Tuesday" points from the publication date; where it misses, the report is at odds
      // with itself (the relative-date check says so), it does not state a rival weekday.
      std::string said = AsciiLower(text.substr(te.span.begin, te.span.end - te.span.begin));
      if (StartsWith(said, "last ") || StartsWith(said, "this ") || StartsWith(said, "next ")) continue;
      int weekday = te.weekday;
      if (weekday == 0) {
        weekday = IsoWeekday(std::atoi(te.value.substr(0, 4).c_str()), std::atoi(te.value.substr(5, 2).c_str()),
                             std::atoi(te.value.substr(8, 2).c_str()));
      }
      if (weekday < 1 || weekday > 7) continue;
      Claim c = EventClaim(v, m, event);
      c.slot = "weekday|" + event + "|" + SlotKind(m.kind);
      c.subject = "day of the week of the " + what;
      c.kind = ValueKind::kStatus;
      c.key = WeekdayName(weekday);
      c.display = te.weekday ? text.substr(te.span.begin, te.span.end - te.span.begin)
                             : std::string(WeekdayName(weekday)) + " (" + te.value + ")";
      c.confidence = te.weekday ? 0.9 : 0.8;
      c.weekday = weekday;
      c.implied = te.weekday == 0;
      c.report_agreement = false;
      out->push_back(c);
    }
    // Where: the first place the sentence puts the happening in ("in Porto", "on Lake Victoria").
    for (int p : m.places) {
      // "in Gujarat's Ankleshwar industrial estate": the place named after the possessive.
      for (const EntityMention& mention : f.entities.mentions)
        if (mention.entity == p && mention.sentence == m.sentence && text.compare(mention.span.end, 2, "'s") == 0) {
          for (const EntityMention& next : f.entities.mentions)
            if (next.sentence == m.sentence && next.span.begin > mention.span.end && next.span.begin <= mention.span.end + 4 &&
                next.entity >= 0 && (f.entities.entities[next.entity].kind == EntityKind::kPlace ||
                                     f.entities.entities[next.entity].kind == EntityKind::kOther))
              p = next.entity;
          break;
        }
      const Entity& place = f.entities.entities[p];
      // A country or a continent is the setting, not the spot.
      if (place.kind != EntityKind::kPlace || IsWorldRegion(place.canonical)) continue;
      // "a spokesman in Berlin said": where the speaker is. "Clinton" where a Hillary Clinton is
      // also named: a person's name taken for a town.
      if (SpeakerPlace(text, f, p, m.sentence) || NamesAPerson(f, place.canonical)) continue;
      Claim c = EventClaim(v, m, event);
      c.slot = "place|" + event;
      c.subject = "where the " + what + " took place";
      c.kind = ValueKind::kPlace;
      c.key = EntityKey(place.canonical, place.kind);
      c.display = place.canonical;
      c.confidence = 0.7;
      c.places_named = PlacesNamed(f);
      out->push_back(c);
      break;
    }
    // The venue is the happening's when it stands near its trigger; across a long sentence it
    // is where something else went on ("... that put Trump in the White House").
    size_t venue_at = m.venue.empty() ? std::string::npos : text.find(m.venue, SentenceSpan(v, m.sentence).begin);
    bool venue_near = venue_at != std::string::npos &&
                      (venue_at >= m.span.end ? venue_at - m.span.end : m.span.begin - std::min<size_t>(m.span.begin, venue_at + m.venue.size())) <= 120;
    if (!m.venue.empty() && venue_near) {
      Claim c = EventClaim(v, m, event);
      // One happening has one venue, whichever word a report uses for it ("the talks", "the signing").
      c.slot = "venue|" + event;
      c.subject = "venue of the " + what;
      c.kind = ValueKind::kText;
      c.key = AsciiLower(m.venue);
      c.display = m.venue;
      c.confidence = 0.8;
      out->push_back(c);
    }
    for (const TimeExpression& te : f.times) {
      if (te.sentence != m.sentence) continue;
      if (te.type == TimeType::kTime) {  // "scheduled for 10 a.m. GMT": stated, rarely disputed
        Claim c = EventClaim(v, m, event);
        c.display = text.substr(te.span.begin, te.span.end - te.span.begin);
        c.slot = "clock|" + event + "|" + m.kind + "|" + AsciiLower(c.display);
        c.subject = "time of day stated for the " + what;
        c.kind = ValueKind::kText;
        c.can_conflict = false;
        c.key = te.value;
        c.confidence = 0.8;
        out->push_back(c);
        // A happening of a moment (a blast, a capsizing) has one time of day: "shortly after
        // 6 a.m." and "about 6:10 a.m." agree, "just after midnight" does not.
        double from, to;
        if ((m.kind == "disaster" || m.kind == "attack") && MinutesOfDay(te.value, &from, &to) &&
            !ClauseBetween(text, te.span, m.span) && !nearer_other(te.span) && !DatesTheSaying(text, te.span) &&
            (!embedded || Beside(te.span, m.span))) {
          std::string before = WordBefore(text, te.span.begin);
          if (before == "until" || before == "since" || before == "by" || before == "before") continue;
          Claim moment = EventClaim(v, m, event);
          moment.slot = "moment|" + event + "|" + m.kind;
          moment.subject = "time of day of the " + what;
          moment.kind = ValueKind::kNumber;
          moment.low = from - 90, moment.high = to + 90;  // reports round and approximate
          moment.key = te.value.substr(te.value.find('T'));
          moment.display = c.display;
          moment.confidence = 0.7;
          out->push_back(moment);
        }
        continue;
      }
      if (te.type != TimeType::kDuration) continue;
      // How long the happening lasted: "lasted just over an hour", "ended after an hour" —
      // not "a delay of over two hours" or "sheltering for three days".
      static const char* kLasting[] = {"lasted", "lasting", "lasts", "last", "took", "after", "long"};
      // Or a length worn as an adjective: "a five-hour session", "the 40-minute handover".
      static const char* kSittings[] = {"session", "meeting", "talks", "negotiations", "handover", "hearing",
                                        "discussion", "discussions", "ceremony", "operation", "debate", "strike",
                                        "stoppage", "walkout", "blockade", "siege", "standoff"};
      std::string before = WordBefore(text, te.span.begin);
      std::string after = WordAfter(text, te.span.end);
      auto in = [](const auto& list, const std::string& w) {
        return std::find_if(std::begin(list), std::end(list), [&](const char* x) { return w == x; }) != std::end(list);
      };
      if (!in(kLasting, before) && !in(kSittings, after)) continue;
      double secs = DurationSeconds(te.value);
      if (secs <= 0 || secs > 7 * 86400) continue;  // how long a meeting lasted, not "two decades"
      Claim c = EventClaim(v, m, event);
      c.slot = "duration|" + event + "|" + SlotKind(m.kind);
      c.subject = "how long the " + what + " lasted";
      c.kind = ValueKind::kDuration;
      double lo = secs, hi = secs;
      if (te.mod == "MORE_THAN" || te.mod == "EQUAL_OR_MORE") hi = secs * 1.5;
      else if (te.mod == "LESS_THAN" || te.mod == "EQUAL_OR_LESS") lo = secs * 0.5;
      else { lo = secs * 0.8; hi = secs * 1.2; }
      c.low = lo, c.high = hi;
      c.key = te.value + (te.mod.empty() ? "" : "/" + te.mod);
      c.display = text.substr(te.span.begin, te.span.end - te.span.begin);
      c.confidence = 0.8;
      out->push_back(c);
    }
  }
}

// What a count of people is about, from the first telling word after it: "38 people were
// killed" -> "killed", "212 people on board" -> "board". Other counts say it in their noun.
std::string CountContext(const std::string& text, const Quantity& q) {
  static const char* kGeneric[] = {"person", "man", "woman", "child", "resident", "passenger", "worker"};
  if (std::find_if(std::begin(kGeneric), std::end(kGeneric), [&](const char* g) { return q.head == g; }) ==
      std::end(kGeneric))
    return "";
  static const char* kSkip[] = {"were", "was", "are", "is", "have", "had", "has", "been", "who", "that", "still",
                                "also", "on", "in", "aboard", "reportedly", "all", "the", "been"};
  size_t pos = text.find(q.counted, q.span.end);
  pos = pos == std::string::npos ? q.span.end : pos + q.counted.size();
  for (const std::string& w : SplitWords(text.substr(pos, std::min<size_t>(60, text.size() - pos)))) {
    std::string word = AsciiLower(w);
    while (!word.empty() && !IsAsciiAlpha(word.back())) word.pop_back();
    if (word.empty()) break;
    if (std::find(std::begin(kSkip), std::end(kSkip), word) == std::end(kSkip)) return word;
  }
  return "";
}

// The person a per-person count is about: the person named nearest before it in its sentence
// ("sentenced Jan Kowal ... to six years"), else the nearest after, else the person the report
// names most (a tabloid's "shipyard boss ... jailed for ten years"); -1 when none.
int PersonNear(const ArticleFacts& f, int sentence, uint32_t at) {
  int before = -1, after = -1;
  std::map<int, int> mentions;
  for (const EntityMention& m : f.entities.mentions) {
    if (m.entity < 0 || f.entities.entities[m.entity].kind != EntityKind::kPerson) continue;
    ++mentions[m.entity];
    if (m.sentence != sentence) continue;
    if (m.span.end <= at) before = m.entity;
    else if (after < 0) after = m.entity;
  }
  if (before >= 0 || after >= 0) return before >= 0 ? before : after;
  int most = -1;
  for (const auto& [entity, n] : mentions)
    if (most < 0 || n > mentions[most]) most = entity;
  return most;
}

// The event a fact of sentence `s` belongs to: the happening the sentence reports, else the
// one the article is about.
std::string EventOfSentence(const StoryView& story, const ArticleView& v, int s, bool* in_event_sentence) {
  for (const EventMention& m : v.facts->events)
    if (m.sentence == s) { *in_event_sentence = true; return EventOfMention(story, v, m); }
  *in_event_sentence = false;
  // A report covering several happenings goes on about the one it just named: "The second
  // round ... moved to the pavilion. ... Mauritania will release the 46 fishermen".
  if (v.events.size() >= 2) {
    // The latest mention a few sentences back that says which happening it is (a round, a date).
    const EventMention* last = nullptr;
    for (const EventMention& m : v.facts->events) {
      if (m.sentence >= s || m.sentence < s - 3) continue;
      bool anchored = m.round > 0 || std::any_of(m.times.begin(), m.times.end(), [&](int t) {
                        return IsComparableDate(v.facts->times[t].value);
                      });
      if (anchored && (!last || m.sentence >= last->sentence)) last = &m;
    }
    if (last) return EventOfMention(story, v, *last);
  }
  return PrimaryEvent(story, v);
}

// A count or amount whose role the sentence tells ("38 people were killed", "a budget of 40
// million euros", "six years in prison") lands in the role's slot of its event, whatever noun
// it uses; such slots hold one value per happening and can be disputed.
bool AddRoleClaim(const StoryView& story, const ArticleView& v, Span span, int sentence, const std::string& unit,
                  const std::string& group, const std::vector<Span>& numbers, bool vague, Claim c,
                  std::vector<Claim>* out) {
  if (sentence < 0 || static_cast<size_t>(sentence) >= v.facts->sentences.size()) return false;
  bool duration = c.kind == ValueKind::kDuration;
  CountRole role = RoleOfNumber(v.article->text, v.facts->sentences[sentence], span, numbers, duration);
  // "thousands of protesters" is a checkable size of a crowd; "thousands continue to be
  // displaced" says no number.
  if (role.role.empty() || (vague && !role.noun)) return false;
  // "serving 27 million passengers in the past year": a count over a period, not of the happening.
  if (!duration)
    for (const TimeExpression& t : v.facts->times) {
      if (t.sentence != sentence) continue;
      std::string before = WordBefore(v.article->text, t.span.begin);
      std::string said = AsciiLower(v.article->text.substr(t.span.begin, t.span.end - t.span.begin));
      // "in the past year", "over the last decade" — not "last year", a moment before this one.
      bool looking_back = before == "past" || before == "previous" || StartsWith(said, "the past") ||
                          StartsWith(said, "the last") || StartsWith(said, "past ");
      bool long_span = t.type == TimeType::kDuration ? DurationSeconds(t.value) >= 28 * 86400
                                                      : t.value.size() < 10;  // "the past year" as a DATE
      bool past_period = looking_back && long_span;
      if (t.type == TimeType::kSet || past_period) return false;
    }
  // "In February 2012 a tram carrying 100 passengers also derailed": an earlier happening's count.
  const int published_year = v.article->published.size() >= 4 ? std::atoi(v.article->published.substr(0, 4).c_str()) : 0;
  if (SentenceSetInYearBefore(Sentence(v, sentence), published_year, /*after_in=*/false)) return false;
  bool in_event_sentence = false;
  c.event = EventOfSentence(story, v, sentence, &in_event_sentence);
  std::string person_key, person_name;
  if (role.per_person) {
    int person = PersonNear(*v.facts, sentence, span.begin);
    if (person < 0) return false;  // whose sentence or fine, the report does not say
    std::vector<std::string> words = SplitWords(PersonKey(*v.facts, person));
    person_key = words.empty() ? "" : words.back();  // surnames meet across spellings of the given name
    person_name = v.facts->entities.entities[person].canonical;
  }
  // A count that changes is compared as of the moment its sentence gives ("38 on Saturday
  // night"); a bare day in the sentence is mostly the happening's, not the count's.
  if (role.grows) {
    for (const TimeExpression& t : v.facts->times)
      if (t.sentence == sentence && t.value.size() > 10 && IsComparableDate(t.value)) {  // "2026-03-21TNI"
        c.day = t.value.substr(0, 10);
        // "on Sunday morning": the middle of that part of the day (the zone is not known).
        double from = 0, to = 0;
        c.minute = -1;
        if (MinutesOfDay(t.value, &from, &to))
          c.minute = DaysFromCivil(std::atoi(c.day.substr(0, 4).c_str()), std::atoi(c.day.substr(5, 2).c_str()),
                                   std::atoi(c.day.substr(8, 2).c_str())) * 24 * 60 + static_cast<long>((from + to) / 2);
        break;
      }
  }
  c.slot = "role|" + role.role + "|" + unit + "|" + person_key + "|" + c.event;
  c.subject = role.role + (person_name.empty() ? "" : " of " + person_name) +
              (unit.empty() || duration ? "" : " (" + unit + ")");
  c.group = group;
  // What is counted tells counts apart only when neither a unit nor the noun itself gave the
  // role: "7.5% pay rise" and "6.5 percent wage increase" are one question, as are "200
  // protesters" and "200 demonstrators".
  if (!unit.empty() || role.noun) c.head.clear();
  c.can_conflict = !c.event.empty();
  c.grows = role.grows;
  c.confidence = in_event_sentence ? 0.8 : 0.7;
  out->push_back(std::move(c));
  return true;
}

// Whose people a count counts, when its words name a nation ("seven Guyanese nationals" ->
// Guyana): counts of two nations' people are two questions.
std::string GroupOf(const ArticleFacts& f, const Quantity& q) {
  uint32_t end = q.span.end + static_cast<uint32_t>(q.counted.size()) + 2;
  for (const EntityMention& m : f.entities.mentions) {
    if (m.entity < 0 || m.span.begin < q.span.end || m.span.begin > end) continue;
    const Entity& e = f.entities.entities[m.entity];
    if (e.kind == EntityKind::kCountry) return e.canonical;
  }
  return "";
}

// The unit a count is in, when its counted words name one ("million euro cost" -> euro).
std::string UnitOf(const Quantity& q) {
  if (q.percent) return "percent";
  if (IsUnitNoun(q.head)) return q.head;
  for (std::string w : SplitWords(AsciiLower(q.counted))) {
    if (IsUnitNoun(w)) return w;
    if (w.size() > 3 && w.back() == 's' && IsUnitNoun(w.substr(0, w.size() - 1))) return w.substr(0, w.size() - 1);
  }
  return "";
}

void AddQuantityClaims(const StoryView& story, const ArticleView& v, std::vector<Claim>* out) {
  std::vector<int> event_sentences;
  for (const EventMention& m : v.facts->events) event_sentences.push_back(m.sentence);
  std::vector<Span> numbers;
  for (const Quantity& q : v.facts->quantities) numbers.push_back(q.span);
  for (const TimeExpression& t : v.facts->times)
    if (t.type == TimeType::kDuration) numbers.push_back(t.span);
  std::string day = v.article->published.substr(0, std::min<size_t>(10, v.article->published.size()));
  long minute = -1;
  if (std::optional<CivilTime> t = ParseDateTime(v.article->published); t && t->hour >= 0 && t->minute >= 0)
    minute = (DaysFromCivil(t->year, t->month, t->day) * 24 + t->hour) * 60 + t->minute - t->utc_offset_minutes.value_or(0);
  for (const Quantity& q : v.facts->quantities) {
    // "one of", "the two leaders": small counts written as words are phrasing, not claims.
    bool digits = q.span.end > q.span.begin && IsAsciiDigit(v.article->text[q.span.end - 1]);
    if (q.value < 3 && !q.percent && !digits) continue;
    Claim c;
    c.kind = ValueKind::kNumber;
    c.day = day;
    c.minute = minute;
    c.low = q.low, c.high = q.high;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%g", q.value);
    c.key = buf;
    c.display = v.article->text.substr(q.span.begin, q.span.end - q.span.begin) + (q.counted.empty() ? "" : " " + q.counted);
    c.article = v.article->id;
    c.evidence = Sentence(v, q.sentence);
    c.sentence = q.sentence;
    // An age ("a 34-year-old miner") counts nobody; "20 of those injured" is part of a count.
    std::string next = AsciiLower(v.article->text.substr(q.span.end, 12));
    if (next.rfind("-year-old", 0) == 0 || next.rfind(" years old", 0) == 0 || next.rfind(" year-old", 0) == 0) continue;
    if (next.rfind(" of those", 0) == 0 || next.rfind(" of them", 0) == 0 || next.rfind(" of the ", 0) == 0) continue;
    // "five more bodies", "another 12", "the final three" are increments or parts, not the toll.
    bool vague = !digits && q.high > q.low;
    std::string after = AsciiLower(v.article->text.substr(q.span.end, 6));
    std::string said = AsciiLower(v.article->text.substr(q.span.begin, q.span.end - q.span.begin));
    std::string word_before = WordBefore(v.article->text, q.span.begin);
    // "some of the 20 survivors": part of a count named elsewhere.
    std::string lead_in = AsciiLower(v.article->text.substr(q.span.begin >= 8 ? q.span.begin - 8 : 0, std::min<uint32_t>(8, q.span.begin)));
    bool increment = IsPartWord(word_before) || said.rfind("another ", 0) == 0 || after.rfind(" more", 0) == 0 ||
                     after.rfind(" remaining", 0) == 0 || EndsWith(lead_in, " of the ");
    c.head = q.head;
    if (!increment && AddRoleClaim(story, v, q.span, q.sentence, UnitOf(q), GroupOf(*v.facts, q), numbers, vague, c, out)) continue;
    if (q.head.empty() || vague) continue;  // "thousands continue to be displaced" states no number
    // A count in a sentence that reports the happening belongs to it and can be disputed
    // ("46 fishermen" against "64 fishermen"); counts elsewhere are background.
    int event_mention = -1;
    for (size_t k = 0; k < v.facts->events.size(); ++k)
      if (v.facts->events[k].sentence == q.sentence) { event_mention = static_cast<int>(k); break; }
    std::string context = CountContext(v.article->text, q);
    c.slot = "count|" + std::string(q.percent ? "share of " : "") + q.head + (context.empty() ? "" : " " + context) +
             (q.qualifier == "each" ? "|each" : "");
    c.subject = (q.percent ? "share of " : "number of ") + q.counted + (context.empty() ? "" : " " + context);
    c.can_conflict = false;  // counts in passing: one story holds many counts of a thing
    if (event_mention >= 0) {
      c.event = EventOfMention(story, v, v.facts->events[event_mention]);
      c.slot += "|" + c.event;
      c.can_conflict = true;
      c.confidence = 0.6;
    }
    out->push_back(c);
  }
  // Durations with a role: a prison term, a ban ("banned for 10 years").
  for (const TimeExpression& t : v.facts->times) {
    if (t.type != TimeType::kDuration) continue;
    double secs = DurationSeconds(t.value);
    if (secs <= 0) continue;
    Claim c;
    c.kind = ValueKind::kDuration;
    c.day = day;
    c.low = c.high = secs;
    if (t.mod == "MORE_THAN" || t.mod == "EQUAL_OR_MORE") c.high = secs * 1.5;
    else if (t.mod == "LESS_THAN" || t.mod == "EQUAL_OR_LESS") c.low = secs * 0.5;
    c.key = t.value;
    c.display = v.article->text.substr(t.span.begin, t.span.end - t.span.begin);
    c.article = v.article->id;
    c.evidence = Sentence(v, t.sentence);
    c.sentence = t.sentence;
    AddRoleClaim(story, v, t.span, t.sentence, "duration", "", numbers, /*vague=*/false, c, out);
  }
}

void AddQuoteClaims(const ArticleView& v, std::vector<Claim>* out) {
  for (const Quote& q : v.facts->quotes) {
    if (!q.direct || q.speaker < 0) continue;
    // Only people are compared as speakers: a place or a country taken for one is a misreading.
    if (v.facts->entities.entities[q.speaker].kind != EntityKind::kPerson) continue;
    // A speaker found through "he said" is a guess at who "he" is; only a named one is compared.
    std::string named = AsciiLower(v.article->text.substr(q.speaker_span.begin, q.speaker_span.end - q.speaker_span.begin));
    if (named == "he" || named == "she" || named == "they" || named == "it" || named == "we" || named == "i") continue;
    // A fragment of a few words ("compromised our national security") is a phrase many quote.
    if (SplitWords(v.article->text.substr(q.span.begin, q.span.end - q.span.begin)).size() < 5) continue;
    std::string words = AsciiLower(CollapseSpace(v.article->text.substr(q.span.begin, q.span.end - q.span.begin)));
    std::string key;
    for (char c : words)
      if (IsAsciiAlnum(c) || c == ' ') key.push_back(c);
    Claim c;
    c.slot = "speaker|" + key;
    c.subject = "who said \"" + v.article->text.substr(q.span.begin, std::min<uint32_t>(q.span.end - q.span.begin, 80)) + "\"";
    c.kind = ValueKind::kPerson;
    c.key = PersonKey(*v.facts, q.speaker);
    c.display = v.facts->entities.entities[q.speaker].canonical;
    c.article = v.article->id;
    c.evidence = Sentence(v, q.sentence);
    c.sentence = q.sentence;
    c.confidence = 0.8;
    out->push_back(c);
  }
}



// "2026-03-30" -> "2026-W14": the ISO week holding the day.
std::string IsoWeekOf(const std::string& day) {
  int y = std::atoi(day.substr(0, 4).c_str()), m = std::atoi(day.substr(5, 2).c_str()), d = std::atoi(day.substr(8, 2).c_str());
  long monday = DaysFromCivil(y, m, d) - (IsoWeekday(y, m, d) - 1);
  int wy, wm, wd;
  CivilFromDays(monday + 3, &wy, &wm, &wd);  // the week's Thursday fixes its ISO year
  long week1 = DaysFromCivil(wy, 1, 4) - (IsoWeekday(wy, 1, 4) - 1);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-W%02d", wy % 10000, static_cast<int>((monday - week1) / 7 + 1) % 100);
  return buf;
}

}  // namespace

double DurationSeconds(const std::string& v) {
  if (v.size() < 3 || v[0] != 'P') return -1;
  bool time = false;
  double total = 0, number = 0;
  bool have = false;
  for (size_t i = 1; i < v.size(); ++i) {
    char c = v[i];
    if (c == 'T') { time = true; continue; }
    if (IsAsciiDigit(c) || c == '.') {
      size_t e = i;
      while (e < v.size() && (IsAsciiDigit(v[e]) || v[e] == '.')) ++e;
      number = std::atof(v.substr(i, e - i).c_str());
      have = true;
      i = e - 1;
      continue;
    }
    if (!have) return -1;  // "PXH": vague
    double unit = c == 'Y' ? 365 * 86400.0 : c == 'W' ? 7 * 86400.0 : c == 'D' ? 86400.0 : c == 'H' ? 3600.0
                : c == 'S' ? 1.0 : c == 'M' ? (time ? 60.0 : 30 * 86400.0) : 0;
    if (unit == 0) return -1;
    total += number * unit;
    have = false;
  }
  return total > 0 ? total : -1;
}

// Two spellings of one surname: equal, or one letter apart in a long name ("Tettey", "Tetteh").
bool SameSurname(const std::string& a, const std::string& b) {
  if (a == b) return true;
  if (a.size() < 5 || b.size() < 5 || a.size() != b.size()) return false;
  int diff = 0;
  for (size_t i = 0; i < a.size(); ++i) diff += a[i] != b[i];
  return diff == 1 && a[0] == b[0];
}

bool SamePerson(const std::string& raw_a, const std::string& raw_b) {
  if (raw_a == raw_b) return true;
  // "Solbakken-Haug" and "Solbakken Haug" are one name.
  // Keys carry a kind prefix ("per:"); names are compared without it.
  auto bare = [](const std::string& k) {
    size_t colon = k.find(':');
    return colon != std::string::npos && colon <= 4 ? k.substr(colon + 1) : k;
  };
  std::string a = bare(raw_a), b = bare(raw_b);
  std::replace(a.begin(), a.end(), '-', ' ');
  std::replace(b.begin(), b.end(), '-', ' ');
  std::vector<std::string> ta = SplitWords(a), tb = SplitWords(b);
  if (ta.empty() || tb.empty()) return false;
  // "Jos" and "Jos Verstappen": a report naming someone by the given name alone.
  if ((ta.size() == 1 && tb.size() >= 2 && ta[0] == tb.front()) || (tb.size() == 1 && ta.size() >= 2 && tb[0] == ta.front()))
    return true;
  if (!SameSurname(ta.back(), tb.back())) return false;
  // "Solbakken Haug" ends "Ingrid Solbakken Haug": a double surname without the given name.
  const auto& shorter = ta.size() < tb.size() ? ta : tb;
  const auto& longer = ta.size() < tb.size() ? tb : ta;
  if (shorter.size() >= 2 && std::equal(shorter.rbegin(), shorter.rend(), longer.rbegin())) return true;
  if (ta.back() != tb.back() && (ta.size() == 1 || tb.size() == 1)) return false;  // a near-miss needs given names
  if (ta.size() == 1 || tb.size() == 1) return true;  // a surname alone
  // Given names: equal, or one is the other's initial.
  const std::string& ga = ta.front();
  const std::string& gb = tb.front();
  return ga == gb || (ga.size() <= 2 && gb[0] == ga[0]) || (gb.size() <= 2 && ga[0] == gb[0]);
}

bool Compatible(const Claim& a, const Claim& b) {
  switch (a.kind) {
    case ValueKind::kPerson: return SamePerson(a.key, b.key);
    case ValueKind::kStatus: return a.key == b.key;
    case ValueKind::kDate: {
      const std::string& x = a.key.size() <= b.key.size() ? a.key : b.key;
      const std::string& y = a.key.size() <= b.key.size() ? b.key : a.key;
      if (x.find('W') != std::string::npos && y.size() == 10) return x == IsoWeekOf(y);  // a week and a day in it
      return y.compare(0, x.size(), x) == 0;  // "2026-03" holds "2026-03-12"
    }
    case ValueKind::kDuration:
    case ValueKind::kNumber: {
      if (a.low <= b.high && b.low <= a.high) return true;
      double hi = std::max(std::abs(a.low), std::abs(b.low));
      return hi > 0 && std::abs(a.low - b.low) / hi <= 0.05;  // a number and its rounding
    }
    case ValueKind::kPlace: {
      if (a.key == b.key) return true;
      // A report that names the other place too is placing one inside the other, or naming a
      // second spot; only places a report never mentions stand against each other.
      return (a.places_named && a.places_named->count(b.key)) || (b.places_named && b.places_named->count(a.key));
    }
    case ValueKind::kText:
      return a.key == b.key || a.key.find(b.key) != std::string::npos || b.key.find(a.key) != std::string::npos;
  }
  return false;
}

std::string EventOfMention(const StoryView& story, const ArticleView& view, const EventMention& mention) {
  if (view.events.empty()) return "";
  if (view.events.size() == 1) return view.events.front();
  const auto& events = story.story->events;
  // By the date the sentence gives.
  for (int t : mention.times) {
    const std::string& value = view.facts->times[t].value;
    if (!IsComparableDate(value)) continue;
    for (const std::string& id : view.events)
      for (const StoryEvent& e : events)
        if (e.id == id && !e.date.empty() &&
            (e.date.compare(0, std::min(e.date.size(), value.size()), value, 0, std::min(e.date.size(), value.size())) == 0))
          return id;
  }
  // By the round ordinal: the k-th of the article's events in time order.
  if (mention.round > 0) {
    std::vector<const StoryEvent*> mine;
    for (const StoryEvent& e : events)
      if (std::find(view.events.begin(), view.events.end(), e.id) != view.events.end()) mine.push_back(&e);
    std::sort(mine.begin(), mine.end(), [](const StoryEvent* a, const StoryEvent* b) { return a->date < b->date; });
    size_t k = std::min<size_t>(static_cast<size_t>(mention.round), mine.size()) - 1;
    if (mention.round == 1) k = 0;
    else if (mine.size() >= 2 && static_cast<size_t>(mention.round) > mine.size()) k = mine.size() - 1;
    return mine[k]->id;
  }
  return PrimaryEvent(story, view);
}

std::string PrimaryEvent(const StoryView& story, const ArticleView& view) {
  if (view.events.empty()) return "";
  // The grouping stage names the event each article is mainly about.
  for (const StoryEvent& e : story.story->events)
    if (std::find(e.primary_articles.begin(), e.primary_articles.end(), view.article->id) != e.primary_articles.end())
      return e.id;
  // The latest of the article's events: a report recaps earlier happenings, it is about the newest.
  const StoryEvent* latest = nullptr;
  for (const StoryEvent& e : story.story->events)
    if (std::find(view.events.begin(), view.events.end(), e.id) != view.events.end() && (!latest || e.date > latest->date))
      latest = &e;
  return latest ? latest->id : view.events.front();
}

// Reports quote more or less of the same words: a quote whose words lie mostly inside a longer
// one's is the same quote, so both land in the longer quote's slot.
void MergeQuoteSlots(std::vector<Claim>* claims) {
  std::map<std::string, std::set<std::string>> words;  // slot -> its words
  for (const Claim& c : *claims)
    if (c.slot.rfind("speaker|", 0) == 0 && !words.count(c.slot)) {
      std::vector<std::string> w = SplitWords(c.slot.substr(8));
      words[c.slot] = std::set<std::string>(w.begin(), w.end());
    }
  std::map<std::string, std::string> into;
  for (const auto& [slot, mine] : words) {
    if (mine.size() < 4) continue;
    const std::string* best = nullptr;
    for (const auto& [other, theirs] : words) {
      if (other == slot || theirs.size() < mine.size() || (theirs.size() == mine.size() && other < slot)) continue;
      size_t shared = 0;
      for (const std::string& w : mine) shared += theirs.count(w);
      if (shared * 5 >= mine.size() * 4 && (!best || words[*best].size() < theirs.size())) best = &other;
    }
    if (best) into[slot] = *best;
  }
  for (Claim& c : *claims) {
    auto it = into.find(c.slot);
    for (int hops = 0; it != into.end() && hops < 8; ++hops) {  // follow to the longest quote
      c.slot = it->second;
      it = into.find(c.slot);
    }
  }
}

// Counts of one role that count different things are different questions: when a role slot
// holds claims about two nations' people ("11 Venezuelans", "seven Guyanese") or two kinds of
// thing ("nine pirogues", "46 fishermen"), each gets a slot of its own; when only one shows,
// the claims stay together ("64 Senegalese fishermen" against "46 fishermen").
void SplitRoleSlotsByWhatIsCounted(std::vector<Claim>* claims) {
  std::map<std::string, std::set<std::string>> groups, heads;
  for (const Claim& c : *claims) {
    if (c.slot.rfind("role|", 0) != 0) continue;
    if (!c.group.empty()) groups[c.slot].insert(c.group);
    if (!IsGenericHead(c.head)) heads[c.slot].insert(c.head);
  }
  for (Claim& c : *claims) {
    if (c.slot.rfind("role|", 0) != 0) continue;
    std::string base = c.slot;
    if (groups[base].size() >= 2 && !c.group.empty()) {
      c.slot += "|" + c.group;
      c.subject += " (" + c.group + ")";
    } else if (heads[base].size() >= 2 && !IsGenericHead(c.head)) {
      c.slot += "|" + c.head;
      c.subject += " (" + c.head + ")";
    }
  }
}

StoryView ViewOfStory(const Story& story, const std::vector<Article>& articles, const std::vector<ArticleFacts>& facts,
                      const std::map<std::string, size_t>& index) {
  StoryView view{&story, {}};
  for (const std::string& id : story.articles) {
    auto it = index.find(id);
    if (it == index.end()) continue;
    ArticleView a{&articles[it->second], &facts[it->second], {}};
    for (const StoryEvent& e : story.events)
      if (std::find(e.articles.begin(), e.articles.end(), id) != e.articles.end()) a.events.push_back(e.id);
    view.articles.push_back(a);
  }
  return view;
}

std::vector<Claim> BuildClaims(const StoryView& story) {
  std::vector<Claim> out;
  PersonCountries countries = CollectCountries(story);
  for (const ArticleView& v : story.articles) {
    AddRoleClaims(story, v, countries, &out);
    AddEventClaims(story, v, &out);
    AddDatelineClaim(story, v, &out);
    AddLeadWeekdayClaim(story, v, &out);
    AddQuantityClaims(story, v, &out);
    AddQuoteClaims(v, &out);
  }
  MergeQuoteSlots(&out);
  SplitRoleSlotsByWhatIsCounted(&out);
  return out;
}

}  // namespace crosscheck
