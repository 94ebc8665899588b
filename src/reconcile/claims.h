// Claims: facts of one story turned into comparable statements that land in slots — the
// holder of an office, the head of a delegation, an event's date, venue, duration, a count
// of a given thing, the speaker of a quote. Slots that hold across a story's events (who
// leads a delegation) are story-wide; slots of one happening (venue, date) are per event.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "analyze/analyze.h"
#include "core/article.h"
#include "group/group.h"

namespace crosscheck {

enum class ValueKind { kPerson, kDate, kDuration, kNumber, kText, kStatus, kPlace };

struct Claim {
  std::string slot;         // machine key of the slot: "holder|head of delegation|ukraine"
  std::string subject;      // the slot in words: "head of the Ukraine delegation"
  std::string event;        // event id for per-event slots, "" for story-wide ones
  ValueKind kind = ValueKind::kText;
  bool can_conflict = true; // false where different values may both be true (several counts, times)
  bool report_agreement = true;  // false for bookkeeping slots (a status or weekday nobody disputes)
  std::string key;          // normalised value
  std::string display;      // the value as a reader would say it
  double low = 0, high = 0; // numbers and durations: the range the wording allows
  std::string article;
  std::string evidence;     // the sentence that makes the claim
  int sentence = -1;        // its index in the article (the lead comes first)
  double confidence = 1;    // how sure the extraction is
  bool implied = false;     // inferred from wording ("the X administration"), not stated
  int weekday = 0;          // a weekday the evidence states with a date claim, 1 = Monday
  std::string day;          // the report's publication day ("2026-03-21"), "" when unknown
  bool grows = false;       // a count that rises as the story goes on (a death toll)
  long minute = -1;         // when `day` is the publication day: its minute since 1970 (UTC when
                            // a zone is stated), -1 when the report gives no time
  bool supporting = false;  // only backs a value the body of some report states (a dateline city)
  std::string group;        // counts: the nation whose people are counted ("Guyana"), "" when none
  std::string head;         // counts: the counted noun, singular ("fisherman", "pirogue")
  // Places the whole report names (entity keys), for place claims: a report that also names
  // the other side's place is not disputing it ("Dahej, Gujarat" against "Gujarat").
  std::shared_ptr<const std::set<std::string>> places_named;
};

// Everything the reconciler knows about one article.
struct ArticleView {
  const Article* article = nullptr;
  const ArticleFacts* facts = nullptr;
  std::vector<std::string> events;  // ids of the story events it reports
};

struct StoryView {
  const Story* story = nullptr;
  std::vector<ArticleView> articles;
};

// The story's reports with their facts and the events each reports; `index` maps an article
// id to its place in `articles` and `facts` (ids not there are left out).
StoryView ViewOfStory(const Story& story, const std::vector<Article>& articles, const std::vector<ArticleFacts>& facts,
                      const std::map<std::string, size_t>& index);

std::vector<Claim> BuildClaims(const StoryView& story);

// Which of the story's events an event mention of `view` is about.
std::string EventOfMention(const StoryView& story, const ArticleView& view, const EventMention& mention);
// The event an article is mainly about.
std::string PrimaryEvent(const StoryView& story, const ArticleView& view);

// Do two values of one slot agree? ("just over an hour" and "about an hour"; "mid-May" and
// "May 16"; "Kiev" and "Kyiv"; a number and its rounding.)
bool Compatible(const Claim& a, const Claim& b);

// Person names meet when surnames agree and given names do not clash ("Trump", "Donald Trump").
bool SamePerson(const std::string& key_a, const std::string& key_b);

// Duration in seconds of a TimeML duration value ("PT1H" -> 3600), or -1.
double DurationSeconds(const std::string& value);

}  // namespace crosscheck
