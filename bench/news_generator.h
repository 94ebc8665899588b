// news_generator: invented news reports for the speed and scale tools in bench/ (analyze_speed,
// analyze_bench, store_speed, corpus_gen). Everything is deterministic from its seeds and the
// same on every platform; nothing here reads files or the clock.
//
// Two generators:
//   GenerateNewsArticle  one stand-alone 800-word article with its own cast and numbers (what
//                        analyze_speed has always timed; its output has not changed).
//   GenerateNewsCorpus   a stream of reports that come in *events*: each event is reported by
//                        5-30 invented outlets within three days, the reports share the event's
//                        people, place, date and numbers; some copy an earlier report (new
//                        headline, paragraphs trimmed) and some state a different number, name
//                        or weekday, so grouping and reconciling have real work to do.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "core/article.h"

namespace crosscheck::bench {

// A deterministic news article of about `words` words for `seed`: paragraphs (blank-line
// separated) of templated sentences with people and their titles, organisations, countries
// and cities, absolute and relative dates, counts, percentages, money, and direct and reported
// quotes. Different seeds give different names, numbers, dates and sentence order.
// Sets id ("generated-SEED"), language "en", title and `published` (ISO date, 2020-2027).
crosscheck::Article GenerateNewsArticle(uint64_t seed, int words);

// What a corpus report is within its event.
enum class ReportKind {
  kOriginal,   // written from the event's facts, its own choice and order of sentences
  kCopy,       // an earlier report of the same event re-published: new headline, paragraphs trimmed
  kDivergent,  // an original that states one number, name or weekday differently from the others
};

// One report of a generated corpus and the truth about it (for tools that score grouping).
struct GeneratedReport {
  crosscheck::Article article;  // id "eEVENT-rREPORT", outlet, author, title, published, text
  uint64_t event = 0;           // index of the event in the corpus (0, 1, ...)
  ReportKind kind = ReportKind::kOriginal;
  int copied_from = -1;         // kCopy: index of the copied report within the event
};

struct CorpusOptions {
  uint64_t seed = 1;
  int words = 800;                         // target length of an original report
  long first_event_days = 20454;           // day number of the first event (2026-01-01)
  int minutes_between_events = 10;         // mean gap; about 144 events and 2,500 reports a day
};

// Calls `emit` for reports 0 .. `count`-1 of the corpus in publication order (ties by id).
// Report k is the same whatever `count` is, so a corpus of N+M reports starts with the corpus
// of N. Events are generated one after another; a report is emitted once no later event can
// publish before it, so memory stays bounded by the reports of about three days.
void GenerateNewsCorpus(const CorpusOptions& options, long count,
                        const std::function<void(GeneratedReport&&)>& emit);

// The report as a scraper would dump its page: "Title: ...", "By AUTHOR", "Published: ...",
// the body paragraphs, and "© YEAR OUTLET. All rights reserved." (what ExtractFromText reads
// title, author, date and outlet from).
std::string AsScrapedText(const crosscheck::Article& article);

}  // namespace crosscheck::bench
