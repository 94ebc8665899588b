// group_eval: scores stories and events (group/group.h) against labelled news sets.
//
// Usage:
//   group_eval ecb DOCS.jsonl [options]   ECB+ (../shared/clustering/ecbplus_docs.jsonl)
//   group_eval 5w1h DIR [options]         Giveme5W1H gold standard (../shared/5w1h/gold_standard)
// Options: --seed N (shuffle, default 0) --threshold X (story join) --entity-weight W
//          --name-boost B --stray-threshold S (a lone article joins a larger story)
//          --related-threshold R (two stories are looked at together)
//          --split-evidence E (what cuts a story into two happenings: text_partition.h)
//          --no-facts (text only, skip Analyze) --pred FILE (write id<TAB>story<TAB>event)
//          --dump FILE (the analysis of each document, one JSON line each)
//
// ECB+: documents are fed as Articles with text only (no title, no publication date) in an
// order shuffled with a fixed seed, as ../shared/clustering/baseline_online_tfidf.py does.
// Topic level scores story ids against the gold `topic`; event level scores each article's
// primary event id against the gold `event` - the finest level the grouping outputs. Rows for
// the tuning topics (1-35), the test topics (36-45; never used to choose anything) and all.
// 5W1H: articles with title, text and date_publish, scored against `category` at both levels
// (the one article without a category is left out of the scores, not of the input).
//
// Metrics as in ../shared/clustering/cluster_score.py: standard pairwise P/R/F1 over document
// pairs, BCubed P/R/F1 averaged over documents, adjusted Rand index.

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analyze/analyze.h"
#include "group/group.h"

namespace {

using crosscheck::Article;
using crosscheck::ArticleFacts;
using crosscheck::GroupInput;
using crosscheck::GroupOptions;
using crosscheck::Grouping;

struct Doc {
  Article article;
  std::string topic, event;  // gold labels
  int topic_number = 0;
};

struct Options {
  std::string mode, path, pred_file, dump_file;
  uint64_t seed = 0;
  bool facts = true;
  GroupOptions group;
};

double C2(double n) { return n * (n - 1) / 2; }

struct Scores {
  double p = 0, r = 0, f = 0, bp = 0, br = 0, bf = 0, ari = 0;
  size_t docs = 0, gold = 0, pred = 0;
};

// cluster_score.py's score(), label vectors of equal length.
Scores Score(const std::vector<std::string>& gold, const std::vector<std::string>& pred) {
  std::map<std::pair<std::string, std::string>, double> joint;
  std::map<std::string, double> g, p;
  for (size_t i = 0; i < gold.size(); ++i) {
    joint[{gold[i], pred[i]}] += 1;
    g[gold[i]] += 1;
    p[pred[i]] += 1;
  }
  const double n = static_cast<double>(gold.size());
  double tp = 0, pp = 0, gp = 0, bp = 0, br = 0;
  for (const auto& [key, v] : joint) {
    tp += C2(v);
    bp += v * v / p[key.second];
    br += v * v / g[key.first];
  }
  for (const auto& [k, v] : p) pp += C2(v);
  for (const auto& [k, v] : g) gp += C2(v);
  Scores s;
  s.p = pp ? tp / pp : 1.0;
  s.r = gp ? tp / gp : 1.0;
  s.f = s.p + s.r ? 2 * s.p * s.r / (s.p + s.r) : 0;
  s.bp = bp / n;
  s.br = br / n;
  s.bf = s.bp + s.br ? 2 * s.bp * s.br / (s.bp + s.br) : 0;
  const double expected = n > 1 ? gp * pp / C2(n) : 0, max = (gp + pp) / 2;
  s.ari = max != expected ? (tp - expected) / (max - expected) : 1.0;
  s.docs = gold.size();
  s.gold = g.size();
  s.pred = p.size();
  return s;
}

void PrintRow(const std::string& name, const Scores& s) {
  std::printf("%-22s pairwise F1 %.3f (P %.3f R %.3f)  BCubed F1 %.3f (P %.3f R %.3f)  ARI %.3f  docs %zu gold %zu pred %zu\n",
              name.c_str(), s.f, s.p, s.r, s.bf, s.bp, s.br, s.ari, s.docs, s.gold, s.pred);
}

std::vector<Doc> ReadEcb(const std::string& path) {
  std::vector<Doc> docs;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    auto j = nlohmann::json::parse(line);
    Doc d;
    d.article.id = j["id"].get<std::string>();
    d.article.text = j["text"].get<std::string>();
    d.topic_number = j["topic"].get<int>();
    d.topic = std::to_string(d.topic_number);
    d.event = j["event"].get<std::string>();
    docs.push_back(std::move(d));
  }
  return docs;
}

std::vector<Doc> Read5w1h(const std::string& dir) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<Doc> docs;
  for (const auto& file : files) {
    std::ifstream in(file);
    auto j = nlohmann::json::parse(in);
    Doc d;
    d.article.id = file.stem().string();
    d.article.title = j.value("title", "");
    d.article.text = j.value("text", "");
    d.article.outlet = j.value("publisher", "");
    std::string date = j.value("date_publish", "");
    if (date.size() >= 19 && date[10] == ' ') date[10] = 'T';
    d.article.published = date;
    d.topic = d.event = j.value("category", "");
    docs.push_back(std::move(d));
  }
  return docs;
}

// Fisher-Yates with mt19937_64 taken modulo: the same order on every standard library.
void Shuffle(std::vector<int>* order, uint64_t seed) {
  std::mt19937_64 rng(seed);
  for (size_t i = order->size(); i > 1; --i) std::swap((*order)[i - 1], (*order)[rng() % i]);
}

bool ParseArgs(int argc, char** argv, Options* o) {
  if (argc < 3) return false;
  o->mode = argv[1];
  o->path = argv[2];
  for (int i = 3; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() { return i + 1 < argc ? std::string(argv[++i]) : std::string(); };
    if (a == "--seed") {
      o->seed = std::stoull(next());
    } else if (a == "--threshold") {
      o->group.story_threshold = std::stod(next());
    } else if (a == "--entity-weight") {
      o->group.entity_weight = std::stod(next());
    } else if (a == "--stray-threshold") {
      o->group.stray_threshold = std::stod(next());
    } else if (a == "--related-threshold") {
      o->group.related_story_threshold = std::stod(next());
    } else if (a == "--split-evidence") {
      o->group.happening_split_evidence = std::stod(next());
    } else if (a == "--name-boost") {
      o->group.name_boost = std::stod(next());
    } else if (a == "--no-facts") {
      o->facts = false;
    } else if (a == "--pred") {
      o->pred_file = next();
    } else if (a == "--dump") {
      o->dump_file = next();
    } else {
      return false;
    }
  }
  return o->mode == "ecb" || o->mode == "5w1h";
}

const char* KindName(crosscheck::EntityKind kind) {
  switch (kind) {
    case crosscheck::EntityKind::kPerson: return "person";
    case crosscheck::EntityKind::kOrganisation: return "org";
    case crosscheck::EntityKind::kPlace: return "place";
    case crosscheck::EntityKind::kCountry: return "country";
    default: return "other";
  }
}

// One JSON line per document: the analysis the grouping sees (for looking into errors).
void DumpFacts(const std::vector<Doc>& docs, const std::vector<ArticleFacts>& facts, const std::string& path) {
  std::ofstream out(path);
  for (size_t i = 0; i < docs.size(); ++i) {
    const ArticleFacts& f = facts[i];
    nlohmann::json j;
    j["id"] = docs[i].article.id;
    j["sentences"] = f.sentences.size();
    for (const auto& e : f.entities.entities) {
      j["entities"].push_back({{"name", e.canonical}, {"kind", KindName(e.kind)},
                               {"key", crosscheck::EntityKey(e.canonical, e.kind)}});
    }
    for (const auto& m : f.entities.mentions) j["mentions"].push_back({m.entity, m.sentence});
    for (const auto& t : f.times) {
      j["times"].push_back({{"value", t.value}, {"sentence", t.sentence}, {"type", static_cast<int>(t.type)},
                            {"anchor", t.anchor}, {"weekday", t.weekday},
                            {"text", docs[i].article.text.substr(t.span.begin, t.span.end - t.span.begin)}});
    }
    for (const auto& q : f.quantities) {
      j["quantities"].push_back({{"value", q.value}, {"sentence", q.sentence}, {"head", q.head}, {"counted", q.counted}});
    }
    for (const auto& ev : f.events) {
      j["events"].push_back({{"kind", ev.kind}, {"sentence", ev.sentence}, {"round", ev.round}, {"times", ev.times},
                             {"venue", ev.venue}, {"places", ev.places}, {"participants", ev.participants},
                             {"quantities", ev.quantities},
                             {"trigger", docs[i].article.text.substr(ev.span.begin, ev.span.end - ev.span.begin)}});
    }
    out << j.dump() << '\n';
  }
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  if (!ParseArgs(argc, argv, &options)) {
    std::fprintf(stderr, "usage: group_eval ecb|5w1h PATH [--seed N] [--threshold X] [--entity-weight W] [--name-boost B] [--stray-threshold S] [--related-threshold R] [--split-evidence E] "
                         "[--no-facts] [--pred FILE]\n");
    return 2;
  }
  std::vector<Doc> docs = options.mode == "ecb" ? ReadEcb(options.path) : Read5w1h(options.path);
  std::vector<int> order(docs.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  if (options.mode == "ecb") Shuffle(&order, options.seed);
  if (options.mode == "5w1h") options.group.batch = true;

  auto start = std::chrono::steady_clock::now();
  std::vector<ArticleFacts> facts(docs.size());
  const bool have_facts = options.facts;
  if (have_facts) {
    for (size_t i = 0; i < docs.size(); ++i) facts[i] = crosscheck::Analyze(docs[i].article);
  }
  const double analyze_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!options.dump_file.empty() && have_facts) DumpFacts(docs, facts, options.dump_file);
  std::vector<GroupInput> inputs;
  for (int i : order) inputs.push_back({&docs[i].article, have_facts ? &facts[i] : nullptr});
  start = std::chrono::steady_clock::now();
  Grouping grouping = crosscheck::GroupArticles(inputs, options.group);
  const double group_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  std::map<std::string, std::string> story_of, event_of;
  size_t events = 0, linked = 0;
  for (const auto& story : grouping.stories) {
    for (const auto& id : story.articles) story_of[id] = story.id;
    for (const auto& event : story.events) {
      ++events;
      linked += event.articles.size() - event.primary_articles.size();
      for (const auto& id : event.primary_articles) event_of[id] = event.id;
    }
  }
  std::printf("%s: %zu docs, facts %s, threshold %.3f: %zu stories, %zu events, %zu extra event links, "
              "%zu copy pairs; analyze %.2f s, group %.3f s\n",
              options.mode.c_str(), docs.size(), have_facts ? "yes" : "no", options.group.story_threshold,
              grouping.stories.size(), events, linked, grouping.copies.size(), analyze_s, group_s);
  if (!options.pred_file.empty()) {
    std::ofstream out(options.pred_file);
    for (const Doc& d : docs) out << d.article.id << '\t' << story_of[d.article.id] << '\t' << event_of[d.article.id] << '\n';
  }
  struct Split {
    std::string name;
    int lo, hi;
  };
  const std::vector<Split> splits = options.mode == "ecb"
                                        ? std::vector<Split>{{"tune 1-35", 1, 35}, {"test 36-45", 36, 45}, {"all", 1, 45}}
                                        : std::vector<Split>{{"all", 0, 0}};
  for (const char* level : {"topic", "event"}) {
    for (const Split& split : splits) {
      std::vector<std::string> gold, pred;
      for (const Doc& d : docs) {
        if (options.mode == "ecb" && (d.topic_number < split.lo || d.topic_number > split.hi)) continue;
        if (options.mode == "5w1h" && d.topic.empty()) continue;
        const bool topic = std::string(level) == "topic";
        gold.push_back(topic ? d.topic : d.event);
        pred.push_back(topic ? story_of[d.article.id] : event_of[d.article.id]);
      }
      PrintRow(std::string(level) + " " + split.name, Score(gold, pred));
    }
  }
  return 0;
}
