// Events inside one story: which distinct happening each article reports, told apart by when
// and where it took place - never by when the article was published. (Happenings dated to
// different years are already different stories: group/text_partition.h.)
//   - Cues come from the analysis: each event mention gives its kind, round ordinal, venue,
//     places and the most precise DATE value among the times of its sentence. A cue weighs more
//     the earlier its sentence (the lead says what the report is mainly about).
//   - Two cues describe the same happening when nothing contradicts it (different rounds;
//     dates more than `date_tolerance_days` apart; different venues) and something supports
//     it (the same round, a close date, the same venue). Rounds and dates are strong evidence;
//     a venue only separates cues that have no round or date to compare. A round or a day
//     stated in the lead (the first two sentences, `found_weight`) founds a cluster of cues;
//     the rest join one or are dropped.
//   - Only rounds make events of their own: a story that numbers its happenings (rounds of
//     talks) gets one event per round some article is mainly about. Dates alone do not split
//     (inside a story whose words and years tell one happening they mostly part the happening
//     from its aftermath); without rounds the story is one event, described by the cluster
//     most of its articles are mainly about. A round named only below the lead founds nothing
//     (the round a boxer fell in).
//   - Only cues of the story's main kinds of happening count (a kind with at least
//     `kind_share` of the top kind's weight): a talks story that mentions a strike in passing
//     does not get a strike event.
//   - An article's primary event is where most of its cue weight falls. One placed only by
//     what it says below the lead (its lead names no round, day or venue of any event) recaps:
//     it reports an event it does not name - the one whose lead-placed articles it reads most
//     like. An article is also linked to every other event holding at least `link_share` of
//     its weight or one of its cues with a round or a day (a report on the second round that
//     recaps the first with the first's own date is linked to both). An article without cues
//     joins the story's largest event.
//   - Each event gets a date (ISO day, or "first/last" range), a place (venue, else the most
//     named place) and participants (canonical names from its mentions, most named first).
#pragma once

#include <string>
#include <vector>

#include "analyze/analyze.h"
#include "core/article.h"
#include "group/text_partition.h"

namespace crosscheck {

struct EventCue {
  std::string kind;         // talks, attack, vote ... (EventMention::kind)
  int round = 0;            // 0 = not stated
  long first_day = 0;       // days since 1970-01-01; 0 with last_day 0 = no date
  long last_day = 0;        // a month-precise "2025-05" spans the month
  std::string venue;        // lower-cased venue, "" when none
  std::string venue_name;   // the venue as written
  std::vector<std::string> places;  // entity keys of places named as where
  std::vector<std::string> place_names;  // their canonical names (same order)
  double weight = 0;
  bool has_date() const { return last_day != 0; }
  bool day_precise() const { return has_date() && first_day == last_day; }
};

struct ArticleEventCues {
  std::vector<EventCue> cues;
  std::vector<std::string> participants;  // canonical names, mention order, unique
  TextProfile profile;                    // its words, names, numbers and years (ProfileText; set by
                                          // the caller, empty = nothing to compare its text by)
};

// Cues of one article (none when `facts` is null or states no happening); `profile` is left empty.
ArticleEventCues ExtractEventCues(const Article& article, const ArticleFacts* facts);

struct EventSplitOptions {
  double date_tolerance_days = 1;  // reports of one happening may disagree on the day by this much
  double link_share = 0.25;        // share of an article's cue weight that links it to an event
  double kind_share = 0.3;         // a kind of happening counts with this share of the top kind
  double found_weight = 0.75;      // the lead: a cue this heavy (sentence <= 1) founds a cluster
};

struct SplitEvent {
  std::string date;                       // "2025-05-16", "2025-05-16/2025-05-17", or ""
  std::string place;
  std::vector<std::string> participants;
  std::vector<int> articles;              // indexes into the story's article list, ascending
};

struct EventSplit {
  std::vector<SplitEvent> events;  // in order of first appearance
  std::vector<int> primary;        // per article: its main event (index into events)
};

// Splits the articles of one story (in publication order) into events. Always at least one
// event when there is at least one article.
EventSplit SplitEvents(const std::vector<ArticleEventCues>& articles, const EventSplitOptions& options = {});

}  // namespace crosscheck
