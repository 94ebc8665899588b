// Stage 4 door (contract in group.h): copies, then stories, then events inside each story.
#include "group/group.h"

#include <algorithm>
#include <numeric>
#include <optional>

#include "analyze/entities.h"
#include "core/civil_time.h"
#include "group/event_splitter.h"
#include "group/minhash.h"
#include "group/story_clusterer.h"
#include "group/related_stories.h"
#include "group/stray_articles.h"
#include "group/text_partition.h"
#include "group/terms.h"

namespace crosscheck {
namespace {

// Publication time in days since 1970-01-01 (UTC when the zone is stated), if the article has one.
std::optional<double> PublicationDays(const Article& article) {
  if (article.published.empty()) return std::nullopt;
  auto time = ParseDateTime(article.published);
  if (!time || time->year == 0 || time->month == 0 || time->day == 0) return std::nullopt;
  double days = static_cast<double>(DaysFromCivil(time->year, time->month, time->day));
  if (time->hour >= 0) days += time->hour / 24.0 + std::max(0, time->minute) / 1440.0;
  if (time->utc_offset_minutes) days -= *time->utc_offset_minutes / 1440.0;
  return days;
}

struct Item {
  int input = 0;  // index into inputs
  std::optional<double> time;
};

// True when a was published before b: by time when both are known and differ, else by input.
bool Earlier(const Item& a, const Item& b) {
  if (a.time && b.time && *a.time != *b.time) return *a.time < *b.time;
  return a.input < b.input;
}

// Processing order: input order, or publication order in batch mode (unknown times keep their
// place relative to each other and go after the dated ones).
std::vector<Item> ProcessingOrder(const std::vector<GroupInput>& inputs, bool batch) {
  std::vector<Item> items(inputs.size());
  for (size_t i = 0; i < inputs.size(); ++i) items[i] = {static_cast<int>(i), PublicationDays(*inputs[i].article)};
  if (batch) {
    std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
      if (a.time.has_value() != b.time.has_value()) return a.time.has_value();
      return a.time && b.time && *a.time < *b.time;
    });
  }
  return items;
}

// "s3", "s3-e2". (Built with append: GCC 12 warns falsely on "literal" + std::string.)
std::string NumberedId(std::string prefix, size_t number) {
  prefix.append(std::to_string(number));
  return prefix;
}

int Find(std::vector<int>& parent, int x) {
  while (parent[x] != x) x = parent[x] = parent[parent[x]];
  return x;
}

// Returns, per item, the item its copy group started from (itself when it is no copy).
std::vector<int> FindCopies(const std::vector<GroupInput>& inputs, const std::vector<Item>& order,
                            const GroupOptions& options, Grouping* out) {
  CopyDetectorOptions copy_options;
  copy_options.copy_jaccard = options.copy_jaccard;
  CopyDetector detector(copy_options);
  std::vector<CopyMatch> matches;
  std::vector<int> parent(order.size());
  std::iota(parent.begin(), parent.end(), 0);
  for (const Item& item : order) detector.Add(inputs[item.input].article->text, &matches);
  for (const CopyMatch& m : matches) {
    const Item& x = order[m.earlier];
    const Item& y = order[m.later];
    const bool x_first = Earlier(x, y);
    out->copies.push_back({inputs[(x_first ? x : y).input].article->id, inputs[(x_first ? y : x).input].article->id,
                           m.jaccard});
    parent[Find(parent, static_cast<int>(m.later))] = Find(parent, static_cast<int>(m.earlier));
  }
  // Groups: members in publication order, so the first is the original.
  std::vector<std::vector<int>> members(order.size());
  for (int i = 0; i < static_cast<int>(order.size()); ++i) members[Find(parent, i)].push_back(i);
  std::vector<int> origin(order.size());
  std::iota(origin.begin(), origin.end(), 0);
  for (auto& group : members) {
    if (group.size() < 2) continue;
    std::stable_sort(group.begin(), group.end(), [&](int a, int b) { return Earlier(order[a], order[b]); });
    std::vector<std::string> ids;
    for (int i : group) {
      ids.push_back(inputs[order[i].input].article->id);
      origin[i] = group.front();
    }
    out->copy_groups.push_back(std::move(ids));
  }
  return origin;
}

std::vector<TermCount> ArticleTerms(const GroupInput& input, const GroupOptions& options) {
  std::vector<TermCount> counts;
  TermOptions term_options;
  term_options.name_boost = static_cast<float>(options.name_boost);
  CountWords(input.article->title, input.article->text, term_options, &counts);
  if (input.facts == nullptr) return counts;
  // Entities meet across spelling variants through their keys, and weigh more than words: the
  // same people and places are the best sign of the same story.
  const EntityResult& result = input.facts->entities;
  std::vector<float> mentions(result.entities.size(), 0);
  for (const EntityMention& m : result.mentions) {
    if (m.entity >= 0 && m.entity < static_cast<int>(mentions.size())) mentions[m.entity] += 1;
  }
  for (size_t e = 0; e < result.entities.size(); ++e) {
    const Entity& entity = result.entities[e];
    if (entity.kind == EntityKind::kOther || entity.canonical.empty()) continue;
    const float count = std::max(1.0f, mentions[e]) * static_cast<float>(options.entity_weight);
    AddTermCount(EntityTerm(EntityKey(entity.canonical, entity.kind)), count, &counts);
  }
  counts.shrink_to_fit();  // held for every article until the stories are clustered
  return counts;
}

// Story id per item (index into `order`); `vectors` receives each item's TF-IDF vector.
std::vector<uint32_t> ClusterStories(const std::vector<GroupInput>& inputs, const std::vector<Item>& order,
                                     const GroupOptions& options, std::vector<SparseVector>* vectors) {
  std::vector<std::vector<TermCount>> terms(order.size());
  DocumentFrequency df;
  // The whole batch is at hand, so IDF is counted over all of it first: early articles get the
  // same weights as late ones.
  for (size_t i = 0; i < order.size(); ++i) {
    terms[i] = ArticleTerms(inputs[order[i].input], options);
    df.Add(terms[i]);
  }
  StoryClustererOptions cluster_options;
  cluster_options.join_threshold = options.story_threshold;
  cluster_options.max_active_stories = options.max_active_stories;
  StoryClusterer clusterer(cluster_options);
  std::vector<uint32_t> story(order.size());
  vectors->resize(order.size());
  for (size_t i = 0; i < order.size(); ++i) {
    (*vectors)[i] = TfIdf(terms[i], df);
    story[i] = clusterer.Add((*vectors)[i], order[i].time);
  }
  return story;
}

// Appends the story of `items` (indexes into `order`, publication order) with its events.
void AddStory(const std::vector<GroupInput>& inputs, const std::vector<Item>& order, const std::vector<int>& items,
              const std::vector<ArticleEventCues>& cues, const EventSplitOptions& options, Grouping* out) {
  Story story;
  story.id = NumberedId("s", out->stories.size() + 1);
  for (int i : items) story.articles.push_back(inputs[order[i].input].article->id);
  EventSplit split = SplitEvents(cues, options);
  for (size_t e = 0; e < split.events.size(); ++e) {
    SplitEvent& event = split.events[e];
    StoryEvent out_event;
    out_event.id = NumberedId(story.id + "-e", e + 1);
    out_event.date = std::move(event.date);
    out_event.place = std::move(event.place);
    out_event.participants = std::move(event.participants);
    for (int a : event.articles) out_event.articles.push_back(story.articles[a]);
    for (int a = 0; a < static_cast<int>(split.primary.size()); ++a) {
      if (split.primary[a] == static_cast<int>(e)) out_event.primary_articles.push_back(story.articles[a]);
    }
    story.events.push_back(std::move(out_event));
  }
  out->stories.push_back(std::move(story));
}

// Each clustered story, cut into the happenings its words and years tell apart (each a story
// of its own), then into events.
void BuildStories(const std::vector<GroupInput>& inputs, const std::vector<Item>& order,
                  const std::vector<uint32_t>& story_of, const GroupOptions& options, Grouping* out) {
  uint32_t stories = 0;
  for (uint32_t s : story_of) stories = std::max(stories, s + 1);
  std::vector<std::vector<int>> members(stories);  // item indexes, processing order
  for (size_t i = 0; i < order.size(); ++i) members[story_of[i]].push_back(static_cast<int>(i));
  EventSplitOptions split_options;
  split_options.link_share = options.event_link_share;
  TextPartitionOptions partition_options;
  partition_options.split_evidence = options.happening_split_evidence;
  for (std::vector<int>& items : members) {
    if (items.empty()) continue;
    std::stable_sort(items.begin(), items.end(), [&](int a, int b) { return Earlier(order[a], order[b]); });
    std::vector<ArticleEventCues> cues;
    std::vector<const TextProfile*> profiles;
    for (int i : items) {
      const GroupInput& input = inputs[order[i].input];
      cues.push_back(ExtractEventCues(*input.article, input.facts));
      // A lone article has nothing to be told apart from.
      if (items.size() > 1) cues.back().profile = ProfileText(*input.article, input.facts, partition_options);
    }
    for (const ArticleEventCues& c : cues) profiles.push_back(&c.profile);
    for (const std::vector<int>& part : PartitionByText(profiles, partition_options)) {
      std::vector<int> part_items;
      std::vector<ArticleEventCues> part_cues;
      for (int p : part) part_items.push_back(items[p]), part_cues.push_back(cues[p]);
      AddStory(inputs, order, part_items, part_cues, split_options, out);
    }
  }
}

}  // namespace

Grouping GroupArticles(const std::vector<GroupInput>& inputs, const GroupOptions& options) {
  Grouping out;
  const std::vector<Item> order = ProcessingOrder(inputs, options.batch);
  const std::vector<int> origin = FindCopies(inputs, order, options, &out);
  std::vector<SparseVector> vectors;
  std::vector<uint32_t> story_of = ClusterStories(inputs, order, options, &vectors);
  // A copy tells the story its original tells, however much its new headline and trimmed
  // paragraphs moved its words (before and after strays move, so copies count towards their
  // story's size and follow their original).
  auto follow_originals = [&] {
    for (size_t i = 0; i < order.size(); ++i) story_of[i] = story_of[origin[i]];
  };
  follow_originals();
  std::vector<std::optional<double>> times;
  for (const Item& item : order) times.push_back(item.time);
  StrayOptions stray_options;
  stray_options.attach_threshold = options.stray_threshold;
  story_of = AttachStrays(vectors, times, std::move(story_of), stray_options);
  follow_originals();
  RelatedStoryOptions related_options;
  related_options.join_threshold = options.related_story_threshold;
  story_of = JoinRelatedStories(vectors, times, std::move(story_of), related_options);
  BuildStories(inputs, order, story_of, options, &out);
  return out;
}

}  // namespace crosscheck
