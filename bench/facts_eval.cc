// facts_eval: scores stage 3 (analyze/analyze.h) fact by fact against hand-annotated gold.
//
// Usage: facts_eval [GOLD.json] [--root DIR] [--errors] [--type T] [--article ID]
//   GOLD.json  default tests/fixtures/facts/GOLD.json; its "articles" map an article id (as
//              `crosscheck facts` prints it) to {file, facts: [{type, text, nth?, ...}]}.
//   --root     directory the gold `file` paths are relative to (default: the repository that
//              holds GOLD.json, i.e. three levels up from it).
//   --errors   lists, per article, missed gold facts, spurious predicted facts and span
//              matches whose key attributes differ, each with its context.
//   --type T   only facts of type T (entity, time, quantity, role, quote, event).
//   --article  only that article.
//
// Contract: every gold article file is read in-process through the real pipeline (Ingest ->
// ExtractArticle -> Analyze); articles of a file that are not in the gold are skipped. A gold
// fact's span is the nth (default 1st) occurrence of its `text` in the extracted Article::text;
// a gold text not found there is reported on stderr and counted as a miss.
//
// Metric, per fact type and overall (micro-averaged over all gold articles):
//   span  a predicted fact matches a gold fact of the same type when their byte spans overlap;
//   full  span match AND the key attributes agree:
//           entity   canonical name (case- and diacritic-insensitive) and kind
//           time     TimeML value
//           quantity value (relative tolerance 1e-3)
//           role     person (same full name or same surname), office, former
//           quote    speaker (same full name or same surname; "" = unresolved)
//           event    kind and round
// Matching is one-to-one and greedy by overlap quality (intersection over union, then
// overlap length, first), done separately for each matching. precision = matched / predicted, recall = matched / gold,
// F1 = harmonic mean. Exit code 0 unless the input cannot be read.

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analyze/analyze.h"
#include "analyze/entities.h"
#include "extract/extract.h"
#include "ingest/document.h"

namespace {

using crosscheck::Article;
using crosscheck::ArticleFacts;
using nlohmann::json;

const std::vector<std::string> kTypes = {"entity", "time", "quantity", "role", "quote", "event"};

// One fact, gold or predicted, reduced to what the metric compares.
struct Fact {
  std::string type;
  uint32_t begin = 0, end = 0;
  std::string name;   // entity canonical, role person, quote speaker
  std::string label;  // entity kind, time value, role office, event kind
  double number = 0;  // quantity value, event round
  bool flag = false;  // role former, quote direct
  std::string Describe() const;
};

std::string Fact::Describe() const {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%g", number);
  if (type == "entity") return name + " (" + label + ")";
  if (type == "time") return label;
  if (type == "quantity") return buf;
  if (type == "role") return name + ": " + label + (flag ? " [former]" : "");
  if (type == "quote") return (name.empty() ? "<no speaker>" : name) + (flag ? " [direct]" : " [reported]");
  return label + " round " + buf;
}

struct Options {
  std::string gold = "tests/fixtures/facts/GOLD.json";
  std::string root, type, article;
  bool errors = false;
};

struct Counts {
  size_t gold = 0, pred = 0, span = 0, full = 0;
  void Add(const Counts& o) { gold += o.gold, pred += o.pred, span += o.span, full += o.full; }
};

// --- Names -------------------------------------------------------------------------------

std::string Fold(const std::string& s) { return crosscheck::FoldName(s); }

std::string LastWord(const std::string& folded) {
  size_t space = folded.rfind(' ');
  return space == std::string::npos ? folded : folded.substr(space + 1);
}

// Same person: equal folded names, or equal surnames (last words); "" only matches "".
bool SamePerson(const std::string& a, const std::string& b) {
  std::string fa = Fold(a), fb = Fold(b);
  if (fa.empty() || fb.empty()) return fa == fb;
  return fa == fb || LastWord(fa) == LastWord(fb);
}

const char* KindName(crosscheck::EntityKind kind) {
  switch (kind) {
    case crosscheck::EntityKind::kPerson: return "person";
    case crosscheck::EntityKind::kOrganisation: return "organisation";
    case crosscheck::EntityKind::kPlace: return "place";
    case crosscheck::EntityKind::kCountry: return "country";
    case crosscheck::EntityKind::kOther: return "other";
  }
  return "other";
}

// --- Attributes --------------------------------------------------------------------------

bool SameAttributes(const Fact& g, const Fact& p) {
  if (g.type == "entity") return Fold(g.name) == Fold(p.name) && g.label == p.label;
  if (g.type == "time") return g.label == p.label;
  if (g.type == "quantity") return std::fabs(g.number - p.number) <= 1e-3 * std::max(1.0, std::fabs(g.number));
  if (g.type == "role") return SamePerson(g.name, p.name) && Fold(g.label) == Fold(p.label) && g.flag == p.flag;
  if (g.type == "quote") return SamePerson(g.name, p.name);
  return g.label == p.label && g.number == p.number;  // event
}

// --- Gold --------------------------------------------------------------------------------

// Byte offset of the nth (1-based) occurrence of `needle`, or npos.
size_t FindNth(const std::string& text, const std::string& needle, int nth) {
  size_t at = text.find(needle);
  for (int i = 1; i < nth && at != std::string::npos; ++i) at = text.find(needle, at + 1);
  return at;
}

Fact GoldFact(const json& g) {
  Fact f;
  f.type = g.at("type").get<std::string>();
  if (f.type == "entity") f.name = g.at("canonical"), f.label = g.at("kind");
  if (f.type == "time") f.label = g.at("value");
  if (f.type == "quantity") f.number = g.at("value").get<double>();
  if (f.type == "role") f.name = g.at("person"), f.label = g.at("office"), f.flag = g.value("former", false);
  if (f.type == "quote") f.name = g.value("speaker", ""), f.flag = g.value("direct", true);
  if (f.type == "event") f.label = g.at("kind"), f.number = g.value("round", 0);
  return f;
}

std::vector<Fact> GoldFacts(const std::string& id, const json& facts, const std::string& text) {
  std::vector<Fact> out;
  for (const json& g : facts) {
    Fact f = GoldFact(g);
    std::string surface = g.at("text");
    size_t at = FindNth(text, surface, g.value("nth", 1));
    if (at == std::string::npos) {
      std::fprintf(stderr, "facts_eval: %s: gold %s text not in article: \"%s\"\n", id.c_str(), f.type.c_str(),
                   surface.c_str());
      f.begin = f.end = UINT32_MAX;  // overlaps nothing: a miss
    } else {
      f.begin = static_cast<uint32_t>(at), f.end = static_cast<uint32_t>(at + surface.size());
    }
    out.push_back(std::move(f));
  }
  return out;
}

// --- Predictions -------------------------------------------------------------------------

std::string EntityName(const ArticleFacts& a, int index) {
  if (index < 0 || static_cast<size_t>(index) >= a.entities.entities.size()) return "";
  return a.entities.entities[index].canonical;
}

Fact At(const char* type, crosscheck::Span span) {
  Fact f;
  f.type = type, f.begin = span.begin, f.end = span.end;
  return f;
}

std::vector<Fact> PredictedFacts(const ArticleFacts& a) {
  std::vector<Fact> out;
  for (const auto& m : a.entities.mentions) {
    Fact f = At("entity", m.span);
    f.name = EntityName(a, m.entity);
    if (m.entity >= 0) f.label = KindName(a.entities.entities[m.entity].kind);
    out.push_back(f);
  }
  for (const auto& t : a.times) out.push_back(At("time", t.span)), out.back().label = t.value;
  for (const auto& q : a.quantities) out.push_back(At("quantity", q.span)), out.back().number = q.value;
  for (const auto& r : a.roles) {
    Fact f = At("role", r.span);
    f.name = EntityName(a, r.person), f.label = r.office, f.flag = r.former;
    out.push_back(f);
  }
  for (const auto& q : a.quotes) {
    Fact f = At("quote", q.span);
    f.name = EntityName(a, q.speaker), f.flag = q.direct;
    out.push_back(f);
  }
  for (const auto& e : a.events) {
    Fact f = At("event", e.span);
    f.label = e.kind, f.number = e.round;
    out.push_back(f);
  }
  return out;
}

// --- Matching ----------------------------------------------------------------------------

uint32_t Overlap(const Fact& a, const Fact& b) {
  uint32_t lo = std::max(a.begin, b.begin), hi = std::min(a.end, b.end);
  return hi > lo ? hi - lo : 0;
}

// Intersection over union of two spans that overlap.
double Iou(const Fact& a, const Fact& b, uint32_t overlap) {
  uint32_t uni = std::max(a.end, b.end) - std::min(a.begin, b.begin);
  return static_cast<double>(overlap) / uni;
}

// One-to-one greedy matching, best overlap first; match[g] = predicted index or -1.
std::vector<int> Match(const std::vector<Fact>& gold, const std::vector<Fact>& pred, bool full) {
  struct Pair {
    double iou;
    uint32_t overlap;
    size_t g, p;
  };
  std::vector<Pair> pairs;
  for (size_t g = 0; g < gold.size(); ++g)
    for (size_t p = 0; p < pred.size(); ++p) {
      if (gold[g].type != pred[p].type) continue;
      uint32_t overlap = Overlap(gold[g], pred[p]);
      if (overlap && (!full || SameAttributes(gold[g], pred[p])))
        pairs.push_back({Iou(gold[g], pred[p], overlap), overlap, g, p});
    }
  std::stable_sort(pairs.begin(), pairs.end(), [](const Pair& a, const Pair& b) {
    return a.iou != b.iou ? a.iou > b.iou : a.overlap > b.overlap;
  });
  std::vector<int> match(gold.size(), -1);
  std::vector<bool> used(pred.size(), false);
  for (const Pair& pr : pairs)
    if (match[pr.g] < 0 && !used[pr.p]) match[pr.g] = static_cast<int>(pr.p), used[pr.p] = true;
  return match;
}

size_t Matched(const std::vector<int>& match) {
  return std::count_if(match.begin(), match.end(), [](int m) { return m >= 0; });
}

// --- Error listing -----------------------------------------------------------------------

// A window of the text around [begin, end) on one line, cut at UTF-8 character boundaries.
std::string Context(const std::string& text, uint32_t begin, uint32_t end) {
  if (begin > text.size()) return "";
  size_t lo = begin > 60 ? begin - 60 : 0, hi = std::min<size_t>(text.size(), end + 60);
  while (lo > 0 && (static_cast<unsigned char>(text[lo]) & 0xC0) == 0x80) --lo;
  while (hi < text.size() && (static_cast<unsigned char>(text[hi]) & 0xC0) == 0x80) ++hi;
  std::string s = text.substr(lo, begin - lo) + "[[" + text.substr(begin, end - begin) + "]]" +
                  text.substr(end, hi - std::min<size_t>(hi, end));
  std::replace(s.begin(), s.end(), '\n', ' ');
  return s;
}

void PrintErrors(const std::string& id, const std::string& text, const std::vector<Fact>& gold,
                 const std::vector<Fact>& pred, const std::vector<int>& span, const std::vector<int>& full) {
  std::set<int> matched(span.begin(), span.end());
  std::printf("\n== %s\n", id.c_str());
  for (size_t g = 0; g < gold.size(); ++g) {
    const Fact& f = gold[g];
    if (span[g] < 0) {
      std::printf("  MISS     %-8s %-40s | %s\n", f.type.c_str(), f.Describe().c_str(), Context(text, f.begin, f.end).c_str());
    } else if (full[g] < 0) {
      const Fact& p = pred[span[g]];
      std::printf("  DIFFER   %-8s gold %s / got %s | %s\n", f.type.c_str(), f.Describe().c_str(), p.Describe().c_str(),
                  Context(text, p.begin, p.end).c_str());
    }
  }
  for (size_t p = 0; p < pred.size(); ++p) {
    if (matched.count(static_cast<int>(p))) continue;
    const Fact& f = pred[p];
    std::printf("  SPURIOUS %-8s %-40s | %s\n", f.type.c_str(), f.Describe().c_str(), Context(text, f.begin, f.end).c_str());
  }
}

// --- Scoring -----------------------------------------------------------------------------

std::vector<Fact> OfType(std::vector<Fact> facts, const std::string& type) {
  if (type.empty()) return facts;
  std::erase_if(facts, [&](const Fact& f) { return f.type != type; });
  return facts;
}

void Score(const std::string& id, const Article& article, const json& gold_facts, const Options& opt,
           std::map<std::string, Counts>* counts) {
  std::vector<Fact> gold = OfType(GoldFacts(id, gold_facts, article.text), opt.type);
  std::vector<Fact> pred = OfType(PredictedFacts(crosscheck::Analyze(article)), opt.type);
  std::vector<int> span = Match(gold, pred, false), full = Match(gold, pred, true);
  for (const std::string& type : kTypes) {
    std::vector<Fact> g = OfType(gold, type), p = OfType(pred, type);
    Counts& c = (*counts)[type];
    c.Add({g.size(), p.size(), Matched(Match(g, p, false)), Matched(Match(g, p, true))});
  }
  if (opt.errors) PrintErrors(id, article.text, gold, pred, span, full);
}

double Ratio(size_t a, size_t b) { return b ? static_cast<double>(a) / b : 0; }
double F1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0; }

void PrintRow(const std::string& name, const Counts& c) {
  double sp = Ratio(c.span, c.pred), sr = Ratio(c.span, c.gold);
  double fp = Ratio(c.full, c.pred), fr = Ratio(c.full, c.gold);
  std::printf("%-9s %5zu %5zu | %5.3f %5.3f %5.3f | %5.3f %5.3f %5.3f\n", name.c_str(), c.gold, c.pred, sp, sr,
              F1(sp, sr), fp, fr, F1(fp, fr));
}

void PrintTable(const std::map<std::string, Counts>& counts, size_t articles) {
  std::printf("\nfacts_eval: %zu articles\n", articles);
  std::printf("%-9s %5s %5s | %-17s | %-17s\n", "type", "gold", "pred", "span  P     R     F1", "full  P     R     F1");
  Counts all;
  for (const std::string& type : kTypes) {
    const Counts& c = counts.at(type);
    if (!c.gold && !c.pred) continue;
    PrintRow(type, c);
    all.Add(c);
  }
  PrintRow("all", all);
}

// --- Input -------------------------------------------------------------------------------

bool ParseArgs(int argc, char** argv, Options* opt) {
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--errors") opt->errors = true;
    else if (a == "--root") opt->root = next();
    else if (a == "--type") opt->type = next();
    else if (a == "--article") opt->article = next();
    else if (!a.empty() && a[0] != '-') opt->gold = a;
    else return false;
  }
  if (opt->root.empty()) {
    std::filesystem::path p = std::filesystem::absolute(opt->gold);
    opt->root = p.parent_path().parent_path().parent_path().parent_path().string();
  }
  return true;
}

// Reads every file the gold names and hands on each gold article, extracted.
size_t ForEachGoldArticle(const json& articles, const Options& opt,
                          const std::function<void(const std::string&, const Article&)>& on_article) {
  std::set<std::string> files;
  for (const auto& [id, a] : articles.items())
    if (opt.article.empty() || id == opt.article) files.insert((std::filesystem::path(opt.root) / a.at("file").get<std::string>()).string());
  size_t errors = crosscheck::Ingest(
      std::vector<std::string>(files.begin(), files.end()), {},
      [&](crosscheck::Document&& doc) {
        if (!articles.contains(doc.id) || (!opt.article.empty() && doc.id != opt.article)) return;
        auto article = crosscheck::ExtractArticle(doc);
        if (!article.ok()) {
          std::fprintf(stderr, "facts_eval: %s: %s\n", doc.source.c_str(), article.status().message().c_str());
          return;
        }
        on_article(doc.id, article.value());
      },
      [](const crosscheck::IngestError& e) { std::fprintf(stderr, "facts_eval: %s: %s\n", e.source.c_str(), e.reason.c_str()); });
  return errors;
}

}  // namespace

int main(int argc, char** argv) {
  Options opt;
  if (!ParseArgs(argc, argv, &opt)) {
    std::fprintf(stderr, "usage: facts_eval [GOLD.json] [--root DIR] [--errors] [--type T] [--article ID]\n");
    return 2;
  }
  std::ifstream in(opt.gold);
  if (!in) {
    std::fprintf(stderr, "facts_eval: cannot read %s\n", opt.gold.c_str());
    return 1;
  }
  json gold = json::parse(in);
  const json& articles = gold.at("articles");
  std::map<std::string, Counts> counts;
  for (const std::string& t : kTypes) counts[t] = {};
  std::set<std::string> seen;
  size_t errors = ForEachGoldArticle(articles, opt, [&](const std::string& id, const Article& a) {
    if (!seen.insert(id).second) return;
    Score(id, a, articles.at(id).at("facts"), opt, &counts);
  });
  for (const auto& [id, a] : articles.items())
    if (!seen.count(id) && (opt.article.empty() || id == opt.article))
      std::fprintf(stderr, "facts_eval: gold article %s not found in %s\n", id.c_str(), a.at("file").get<std::string>().c_str()), ++errors;
  PrintTable(counts, seen.size());
  return errors ? 1 : 0;
}
