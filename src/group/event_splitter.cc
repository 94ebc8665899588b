// Splitting a story into events by when and where its happenings took place (contract in
// event_splitter.h).
#include "group/event_splitter.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>

#include "analyze/entities.h"
#include "analyze/events.h"
#include "core/civil_time.h"
#include "core/text.h"

namespace crosscheck {
namespace {

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A TimeML DATE value as a day range: "2025-05-16" (or with a time) is one day, "2025-05" its
// month, "2025" its year. Weeks, seasons, decades and references ("PAST_REF") say too little.
std::optional<std::pair<long, long>> DayRange(std::string_view value) {
  if (value.size() < 4 || !AllDigits(value.substr(0, 4))) return std::nullopt;
  const int year = std::stoi(std::string(value.substr(0, 4)));
  if (value.size() == 4) return std::make_pair(DaysFromCivil(year, 1, 1), DaysFromCivil(year, 12, 31));
  if (value.size() < 7 || value[4] != '-' || !AllDigits(value.substr(5, 2))) return std::nullopt;
  const int month = std::stoi(std::string(value.substr(5, 2)));
  if (month < 1 || month > 12) return std::nullopt;
  if (value.size() == 7) {
    return std::make_pair(DaysFromCivil(year, month, 1), DaysFromCivil(year, month, DaysInMonth(year, month)));
  }
  if (value.size() < 10 || value[7] != '-' || !AllDigits(value.substr(8, 2))) return std::nullopt;
  const int day = std::stoi(std::string(value.substr(8, 2)));
  if (day < 1 || day > DaysInMonth(year, month)) return std::nullopt;
  const long days = DaysFromCivil(year, month, day);
  return std::make_pair(days, days);
}

bool IsPlace(EntityKind kind) { return kind == EntityKind::kPlace || kind == EntityKind::kCountry; }

// The most precise date among a mention's times (a day beats a month beats a year).
void SetDate(std::string_view text, const EventMention& mention, const ArticleFacts& facts, EventCue* cue) {
  for (int t : mention.times) {
    if (t < 0 || t >= static_cast<int>(facts.times.size())) continue;
    const TimeExpression& time = facts.times[t];
    if (time.type != TimeType::kDate && time.type != TimeType::kTime) continue;
    if (IsBoundaryTime(text, time)) continue;  // "since January" bounds, it does not date
    auto range = DayRange(time.value);
    if (!range) continue;
    if (!cue->has_date() || range->second - range->first < cue->last_day - cue->first_day) {
      cue->first_day = range->first;
      cue->last_day = range->second;
    }
  }
}

// Weight of a mention by where it sits: the lead says what a report is mainly about; a recap
// further down still counts, less.
double PositionWeight(int sentence) { return 1.0 / (1.0 + std::max(0, sentence) / 4.0); }

void AddUnique(const std::string& name, std::vector<std::string>* names) {
  if (!name.empty() && std::find(names->begin(), names->end(), name) == names->end()) names->push_back(name);
}

}  // namespace

ArticleEventCues ExtractEventCues(const Article& article, const ArticleFacts* facts) {
  ArticleEventCues out;
  if (facts == nullptr) return out;
  const auto& entities = facts->entities.entities;
  EventCue last_dated_cue;
  const EventCue* last_dated = nullptr;
  int last_dated_sentence = 0;
  for (const EventMention& mention : facts->events) {
    EventCue cue;
    cue.kind = mention.kind;
    cue.round = mention.round;
    cue.venue = AsciiLower(mention.venue);
    cue.venue_name = mention.venue;
    SetDate(article.text, mention, *facts, &cue);
    for (int p : mention.places) {
      if (p < 0 || p >= static_cast<int>(entities.size()) || !IsPlace(entities[p].kind)) continue;
      cue.places.push_back(EntityKey(entities[p].canonical, entities[p].kind));
      cue.place_names.push_back(entities[p].canonical);
    }
    for (int p : mention.participants) {
      if (p >= 0 && p < static_cast<int>(entities.size())) AddUnique(entities[p].canonical, &out.participants);
    }
    cue.weight = PositionWeight(mention.sentence);
    // "The meeting was held at the X Palace" right after "the second round ... on June 2":
    // a mention with neither round nor date refers back to the happening just named.
    if (cue.round == 0 && !cue.has_date() && last_dated && mention.sentence - last_dated_sentence <= 2 &&
        last_dated->kind == cue.kind) {
      cue.round = last_dated->round;
      cue.first_day = last_dated->first_day;
      cue.last_day = last_dated->last_day;
    }
    if (cue.round != 0 || cue.has_date()) {
      last_dated_cue = cue;
      last_dated = &last_dated_cue;
      last_dated_sentence = mention.sentence;
    }
    if (cue.round != 0 || cue.has_date() || !cue.venue.empty() || !cue.places.empty()) out.cues.push_back(std::move(cue));
  }
  return out;
}

namespace {

struct Cluster {
  std::map<int, double> rounds;             // round -> weight
  std::map<long, double> days;              // day -> weight (day-precise cues)
  std::optional<std::pair<long, long>> coarse;  // intersection of coarse (month/year) cues
  std::map<std::string, double> venues;     // lower-cased venue -> weight
  std::map<std::string, double> places;     // canonical place name -> weight
  std::map<int, double> article_weight;     // article -> cue weight here
  std::map<int, bool> article_strong;       // article -> one of its cues here has a round or a day
  std::map<int, bool> article_lead;         // article -> one of its cues here is in its lead
  int first_article = 1 << 30;

  template <typename K>
  static std::optional<K> Mode(const std::map<K, double>& m) {
    std::optional<K> best;
    double w = 0;
    for (const auto& [k, v] : m) {
      if (v > w) best = k, w = v;
    }
    return best;
  }
};

// Evidence that `cue` reports the happening of `cluster`: < 0 contradicts, 0 says nothing,
// > 0 supports (rounds and days count more than a venue).
double Agreement(const EventCue& cue, const Cluster& cluster, const EventSplitOptions& options) {
  double support = 0;
  bool compared_strong = false;
  if (cue.round != 0 && !cluster.rounds.empty()) {
    const int round = *Cluster::Mode(cluster.rounds);
    if (round != cue.round) return -1;
    support += 2, compared_strong = true;
  }
  if (cue.day_precise() && !cluster.days.empty()) {
    const long day = *Cluster::Mode(cluster.days);
    if (std::labs(day - cue.first_day) > options.date_tolerance_days) return -1;
    support += 2, compared_strong = true;
  } else if (cue.has_date()) {
    // A month or year only contradicts what falls outside it.
    auto overlaps = [&](long first, long last) { return cue.first_day <= last && first <= cue.last_day; };
    if (!cluster.days.empty()) {
      const long day = *Cluster::Mode(cluster.days);
      if (!overlaps(day, day)) return -1;
      support += 0.5;
    } else if (cluster.coarse) {
      if (!overlaps(cluster.coarse->first, cluster.coarse->second)) return -1;
      support += 0.5;
    }
  }
  if (!cue.venue.empty() && !cluster.venues.empty()) {
    if (cluster.venues.count(cue.venue)) {
      support += 1;
    } else if (!compared_strong) {
      return -1;  // a different venue separates only what rounds and dates cannot
    }
  }
  return support;
}

void AddCue(int article, const EventCue& cue, bool lead, Cluster* cluster) {
  if (cue.round != 0) cluster->rounds[cue.round] += cue.weight;
  if (cue.day_precise()) {
    cluster->days[cue.first_day] += cue.weight;
  } else if (cue.has_date()) {
    std::pair<long, long> range{cue.first_day, cue.last_day};
    if (cluster->coarse) {
      range = {std::max(range.first, cluster->coarse->first), std::min(range.second, cluster->coarse->second)};
    }
    if (range.first <= range.second) cluster->coarse = range;
  }
  if (!cue.venue.empty()) cluster->venues[cue.venue] += cue.weight;
  for (const std::string& name : cue.place_names) cluster->places[name] += cue.weight;
  cluster->article_weight[article] += cue.weight;
  cluster->article_strong[article] |= cue.round != 0 || cue.day_precise();
  cluster->article_lead[article] |= lead;
  cluster->first_article = std::min(cluster->first_article, article);
}

std::string IsoDay(long days) {
  int y, m, d;
  CivilFromDays(days, &y, &m, &d);
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", y, m, d);
  return buffer;
}

// The event's date: the days holding at least half the top day's weight, as a day or a range.
std::string EventDate(const Cluster& cluster) {
  if (cluster.days.empty()) {
    if (!cluster.coarse) return "";
    const std::string first = IsoDay(cluster.coarse->first), last = IsoDay(cluster.coarse->second);
    if (first == last) return first;
    if (first.substr(0, 7) == last.substr(0, 7) && first.substr(8) == "01") return first.substr(0, 7);
    return first.substr(0, 4) == last.substr(0, 4) && first.substr(5) == "01-01" && last.substr(5) == "12-31"
               ? first.substr(0, 4)
               : first + "/" + last;
  }
  double top = 0;
  for (const auto& [day, w] : cluster.days) top = std::max(top, w);
  long first = 0, last = 0;
  bool any = false;
  for (const auto& [day, w] : cluster.days) {
    if (w < top / 2) continue;
    if (!any) first = day;
    last = day, any = true;
  }
  return first == last ? IsoDay(first) : IsoDay(first) + "/" + IsoDay(last);
}

std::string EventPlace(const Cluster& cluster, const std::vector<std::string>& venue_names) {
  if (auto venue = Cluster::Mode(cluster.venues)) {
    for (const std::string& name : venue_names) {
      if (AsciiLower(name) == *venue) return name;
    }
    return *venue;
  }
  return Cluster::Mode(cluster.places).value_or("");
}

struct PlacedCue {
  int article;
  int index;
  const EventCue* cue;
};

// Cues in the order they are clustered: heaviest first, so a story's main reports set the
// events that recaps and passing mentions then join.
std::vector<PlacedCue> OrderedCues(const std::vector<ArticleEventCues>& articles, const EventSplitOptions& options) {
  std::map<std::string, double> kinds;
  for (const auto& article : articles) {
    for (const auto& cue : article.cues) kinds[cue.kind] += cue.weight;
  }
  double top = 0;
  for (const auto& [kind, w] : kinds) top = std::max(top, w);
  std::vector<PlacedCue> cues;
  for (int a = 0; a < static_cast<int>(articles.size()); ++a) {
    for (int i = 0; i < static_cast<int>(articles[a].cues.size()); ++i) {
      const EventCue& cue = articles[a].cues[i];
      if (kinds[cue.kind] >= options.kind_share * top) cues.push_back({a, i, &cue});
    }
  }
  std::stable_sort(cues.begin(), cues.end(),
                   [](const PlacedCue& x, const PlacedCue& y) { return x.cue->weight > y.cue->weight; });
  return cues;
}

std::vector<Cluster> ClusterCues(const std::vector<ArticleEventCues>& articles, const EventSplitOptions& options) {
  std::vector<Cluster> clusters;
  for (const PlacedCue& placed : OrderedCues(articles, options)) {
    const EventCue& cue = *placed.cue;
    int best = -1;
    double best_support = 0;
    for (int c = 0; c < static_cast<int>(clusters.size()); ++c) {
      const double support = Agreement(cue, clusters[c], options);
      if (support > best_support) best = c, best_support = support;
    }
    const bool lead = cue.weight >= options.found_weight;
    if (best >= 0) {
      AddCue(placed.article, cue, lead, &clusters[best]);
    } else if ((cue.round != 0 || cue.day_precise()) && lead) {
      // Only a round or a day the lead states founds a cluster: dates further down are mostly
      // background (earlier incidents, deadlines). A lone venue or month joins or is dropped.
      clusters.emplace_back();
      AddCue(placed.article, cue, lead, &clusters.back());
    }
  }
  return clusters;
}

// Clusters that can be events of their own: those founded on a round when the story numbers
// its happenings (a series of like happenings: rounds of talks); otherwise none - inside a
// story whose words and years tell one happening, dates alone mostly part the happening from
// its aftermath (the vigil days after the shooting, the verdict after the arrest).
std::vector<bool> EventCandidates(const std::vector<Cluster>& clusters) {
  std::vector<bool> candidate(clusters.size());
  for (size_t c = 0; c < clusters.size(); ++c) candidate[c] = !clusters[c].rounds.empty();
  return candidate;
}

// Per article, the cluster among `allowed` holding most of its cue weight (-1 when none holds
// any).
std::vector<int> HeaviestClusters(int articles, const std::vector<Cluster>& clusters, const std::vector<bool>& allowed) {
  std::vector<int> heaviest(articles, -1);
  std::vector<double> weight(articles, 0);
  for (int c = 0; c < static_cast<int>(clusters.size()); ++c) {
    if (!allowed[c]) continue;
    for (const auto& [a, w] : clusters[c].article_weight) {
      if (w > weight[a]) heaviest[a] = c, weight[a] = w;
    }
  }
  return heaviest;
}

// Clusters some article is mainly about, in order of first appearance (a round that only
// recaps and plans mention is no event of this story).
std::vector<int> EventClusters(const std::vector<Cluster>& clusters, const std::vector<int>& heaviest) {
  std::vector<bool> main(clusters.size(), false);
  for (int c : heaviest) {
    if (c >= 0) main[c] = true;
  }
  std::vector<int> order;
  for (int c = 0; c < static_cast<int>(clusters.size()); ++c) {
    if (main[c]) order.push_back(c);
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](int x, int y) { return clusters[x].first_article < clusters[y].first_article; });
  return order;
}

// The cluster describing a story's one event when nothing splits it: the one most articles
// are mainly about (ties: the first), or -1.
int DescribingCluster(int articles, const std::vector<Cluster>& clusters) {
  const std::vector<int> heaviest = HeaviestClusters(articles, clusters, std::vector<bool>(clusters.size(), true));
  std::vector<int> count(clusters.size(), 0);
  for (int c : heaviest) {
    if (c >= 0) ++count[c];
  }
  int best = -1;
  for (int c = 0; c < static_cast<int>(clusters.size()); ++c) {
    if (count[c] > 0 && (best < 0 || count[c] > count[best])) best = c;
  }
  return best;
}

// The event of an article with nothing to place it by: the largest whose venue does not
// contradict its own ("at the X Palace" is not the meeting held at the Y Pavilion).
int FallbackEvent(const ArticleEventCues& article, const std::vector<const Cluster*>& events,
                  const std::vector<int>& primaries) {
  int best = -1;
  for (int e = 0; e < static_cast<int>(events.size()); ++e) {
    bool conflict = false;
    for (const EventCue& cue : article.cues) {
      if (!cue.venue.empty() && !events[e]->venues.empty() && !events[e]->venues.count(cue.venue)) conflict = true;
    }
    if (!conflict && (best < 0 || primaries[e] > primaries[best])) best = e;
  }
  if (best >= 0) return best;
  return static_cast<int>(std::max_element(primaries.begin(), primaries.end()) - primaries.begin());
}

// Articles placed only by what they say further down - their lead names no round, day or
// venue of any event, so the rounds they name are recaps ("the first round took place last
// month") - report another happening than those: each moves to the event, among the ones it
// does not name, whose lead-placed articles it reads most like (mean story-local similarity).
// Returns, per article, the event it was moved from (-1 if none).
std::vector<int> PlaceRecappingArticles(const std::vector<ArticleEventCues>& articles,
                                        const std::vector<const Cluster*>& events, std::vector<int>* primary) {
  const int n = static_cast<int>(articles.size()), count_events = static_cast<int>(events.size());
  std::vector<int> moved_from(n, -1);
  if (count_events < 2) return moved_from;
  std::vector<bool> placed_by_lead(n, false), named_any(n, false);
  for (const Cluster* event : events) {
    for (const auto& [a, lead] : event->article_lead) placed_by_lead[a] = placed_by_lead[a] || lead, named_any[a] = true;
  }
  std::vector<const TextProfile*> profiles;
  for (const ArticleEventCues& article : articles) profiles.push_back(&article.profile);
  const std::vector<std::vector<double>> sim = LocalSimilarities(profiles);
  for (int a = 0; a < n; ++a) {
    if (placed_by_lead[a] || !named_any[a]) continue;
    int best = -1;
    double best_mean = 0;
    for (int e = 0; e < count_events; ++e) {
      if (events[e]->article_weight.count(a)) continue;
      double sum = 0;
      int count = 0;
      for (int b = 0; b < n; ++b) {
        if (b != a && placed_by_lead[b] && (*primary)[b] == e) sum += sim[a][b], ++count;
      }
      if (count > 0 && (best < 0 || sum / count > best_mean)) best = e, best_mean = sum / count;
    }
    if (best >= 0) moved_from[a] = (*primary)[a], (*primary)[a] = best;
  }
  return moved_from;
}

// Date, place and participants (most named first) of an event.
void DescribeEvent(const std::vector<ArticleEventCues>& articles, const Cluster& cluster,
                   const std::vector<std::string>& venue_names, SplitEvent* event) {
  event->date = EventDate(cluster);
  event->place = EventPlace(cluster, venue_names);
  std::map<std::string, int> counts;
  std::vector<std::string> first_seen;
  for (int a : event->articles) {
    for (const std::string& name : articles[a].participants) {
      if (counts[name]++ == 0) first_seen.push_back(name);
    }
  }
  std::stable_sort(first_seen.begin(), first_seen.end(),
                   [&](const std::string& x, const std::string& y) { return counts[x] > counts[y]; });
  if (first_seen.size() > 12) first_seen.resize(12);
  event->participants = std::move(first_seen);
}

// Events of a set of articles told apart by their cues.
EventSplit SplitByCues(const std::vector<ArticleEventCues>& articles, const EventSplitOptions& options) {
  EventSplit split;
  const int n = static_cast<int>(articles.size());
  if (n == 0) return split;
  std::vector<Cluster> clusters = ClusterCues(articles, options);
  const std::vector<int> heaviest = HeaviestClusters(n, clusters, EventCandidates(clusters));
  std::vector<int> order = EventClusters(clusters, heaviest);
  if (order.empty()) {
    const int describing = DescribingCluster(n, clusters);
    if (describing >= 0) {
      order.push_back(describing);
    } else {
      clusters.emplace_back();
      order.push_back(static_cast<int>(clusters.size()) - 1);
    }
  }
  std::vector<int> event_of(clusters.size(), -1);
  std::vector<const Cluster*> events;
  for (int e = 0; e < static_cast<int>(order.size()); ++e) event_of[order[e]] = e, events.push_back(&clusters[order[e]]);
  std::vector<int> primaries(order.size(), 0);
  for (int c : heaviest) {
    if (c >= 0) ++primaries[event_of[c]];
  }
  split.primary.resize(n);
  for (int a = 0; a < n; ++a) {
    split.primary[a] = heaviest[a] >= 0 ? event_of[heaviest[a]] : FallbackEvent(articles[a], events, primaries);
  }
  const std::vector<int> moved_from = PlaceRecappingArticles(articles, events, &split.primary);
  // Linked: every other event holding `link_share` of the article's cue weight, or one of its
  // cues with a round or a day, or the event its cues chose before its words moved it.
  split.events.resize(order.size());
  for (int a = 0; a < n; ++a) {
    double total = 0;
    for (const Cluster& cluster : clusters) {
      auto it = cluster.article_weight.find(a);
      if (it != cluster.article_weight.end()) total += it->second;
    }
    for (int e = 0; e < static_cast<int>(order.size()); ++e) {
      auto it = events[e]->article_weight.find(a);
      const bool cued = it != events[e]->article_weight.end() &&
                        (it->second >= options.link_share * total || events[e]->article_strong.at(a));
      if (e == split.primary[a] || e == moved_from[a] || cued) split.events[e].articles.push_back(a);
    }
  }
  std::vector<std::string> venue_names;
  for (const auto& article : articles) {
    for (const auto& cue : article.cues) venue_names.push_back(cue.venue_name);
  }
  for (int e = 0; e < static_cast<int>(order.size()); ++e) DescribeEvent(articles, *events[e], venue_names, &split.events[e]);
  return split;
}

}  // namespace

EventSplit SplitEvents(const std::vector<ArticleEventCues>& articles, const EventSplitOptions& options) {
  return SplitByCues(articles, options);
}

}  // namespace crosscheck
