// Events inside one story: which distinct happening each article reports, told apart by when
// and where it took place - never by when the article was published.
//   - First by text: articles are grouped by average-linkage clustering of their TF-IDF
//     vectors (two quakes of one story share its vocabulary, not its names, places, numbers);
//     then each group is split by the cues below. Groups whose articles date themselves to
//     different years are never merged (two rehab stays five years apart are two happenings).
//   - Cues come from the analysis: each event mention gives its kind, round ordinal, venue,
//     places and the most precise DATE value among the times of its sentence. A cue weighs more
//     the earlier its sentence (the lead says what the report is mainly about); only a round, or
//     a day stated in the first two sentences (`found_weight`), can found an event - dates
//     further down are mostly background.
//   - Two cues describe the same happening when nothing contradicts it (different rounds;
//     dates more than `date_tolerance_days` apart; different venues) and something supports
//     it (the same round, a close date, the same venue). Rounds and dates are strong evidence;
//     a venue only separates cues that have no round or date to compare.
//   - Only cues of the story's main kinds of happening count (a kind with at least
//     `kind_share` of the top kind's weight): a talks story that mentions a strike in passing
//     does not get a strike event.
//   - An article's primary event is where most of its cue weight falls; it is also linked to
//     every other event holding at least `link_share` of its weight or one of its cues with a
//     round or a day (a report on the second round that recaps the first with the first's own
//     date is linked to both). An article without cues joins the story's largest event.
//   - Each event gets a date (ISO day, or "first/last" range), a place (venue, else the most
//     named place) and participants (canonical names from its mentions, most named first).
#pragma once

#include <string>
#include <vector>

#include "analyze/analyze.h"
#include "core/article.h"
#include "group/terms.h"

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
  SparseVector text;                      // unit TF-IDF vector of the article (may be empty)
  int year = 0;  // the year most of its month- or day-precise dates fall in; 0 when none
};

// Cues of one article; empty when `facts` is null or states no happening.
ArticleEventCues ExtractEventCues(const Article& article, const ArticleFacts* facts);

struct EventSplitOptions {
  double date_tolerance_days = 1;  // reports of one happening may disagree on the day by this much
  double link_share = 0.25;        // share of an article's cue weight that links it to an event
  double kind_share = 0.3;         // a kind of happening counts with this share of the top kind
  double found_weight = 0.75;       // a dated cue founds an event only this high up (sentence <= 1)
  double text_threshold = 0.15;    // average cosine at which two groups of articles tell one happening
  size_t max_text_split = 400;     // larger stories are split by cues only
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
