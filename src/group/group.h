// Stage 4 door: which articles are copies of each other, which belong to one story, and
// which distinct happening (event) inside the story each article reports.
//   - Copies: MinHash over word shingles with LSH banding; each pair with its estimated
//     Jaccard and which came first.
//   - Stories: streaming clustering in publication order (TF-IDF over normalised words,
//     entities, time proximity); quiet stories retire so memory stays bounded; results do
//     not depend on thread count. Then, with the whole set at hand: articles left alone in
//     small stories join the larger story they fit best (group/stray_articles.h); related
//     stories are joined (group/related_stories.h); and each story is cut into the
//     happenings its story-local words and the years its articles date themselves to tell
//     apart, each a story of its own (group/text_partition.h): a story is one happening, or
//     one series of happenings (rounds of talks).
//   - Events: inside a story, split by when and where the reported happening took place
//     (not when the article was published): one event per round of a series; an article that
//     covers two is linked to both (group/event_splitter.h).
#pragma once

#include <string>
#include <vector>

#include "analyze/analyze.h"
#include "core/article.h"

namespace crosscheck {

struct GroupOptions {
  bool batch = false;             // articles in any order: sort by publication time first
  double copy_jaccard = 0.5;      // estimated Jaccard at or above which two articles are copies
  size_t max_active_stories = 50000;  // stories kept open for new articles; older quiet ones retire
  double story_threshold = 0.2;   // minimum fit (TF-IDF cosine x time proximity) to join a story
  double entity_weight = 1.0;     // an entity mention counts this many words
  double name_boost = 1.5;        // a capitalised word inside a sentence counts this many words
  double event_link_share = 0.25; // share of an article's event cues that links it to a second event
  double stray_threshold = 0.15;  // fit at which an article streaming left alone joins a larger story
  double related_story_threshold = 0.4;  // centroid fit at which two stories are looked at together
  double happening_split_evidence = 0.9;  // text_partition.h: evidence that cuts a story in two
};

// What the grouper needs of an article. `facts` may be null (then only text is used).
struct GroupInput {
  const Article* article = nullptr;
  const ArticleFacts* facts = nullptr;
};

struct CopyPair {
  std::string original, copy;  // article ids; original = the earlier one
  double jaccard = 0;
};

struct StoryEvent {
  std::string id;                         // "s3-e2"
  std::string date;                       // ISO date or range "2026-03-12/2026-03-13"; "" if unknown
  std::string place;                      // venue or place, "" if unknown
  std::vector<std::string> participants;  // canonical entity names
  std::vector<std::string> articles;      // ids of articles reporting it
  std::vector<std::string> primary_articles;  // those of `articles` mainly about it (each article
                                              // is primary in exactly one event of its story)
};

struct Story {
  std::string id;                     // "s3"
  std::vector<std::string> articles;  // ids, in publication order
  std::vector<StoryEvent> events;
};

struct Grouping {
  std::vector<CopyPair> copies;
  std::vector<std::vector<std::string>> copy_groups;  // each: ids of one original and its copies
  std::vector<Story> stories;
};

Grouping GroupArticles(const std::vector<GroupInput>& inputs, const GroupOptions& options);

}  // namespace crosscheck
