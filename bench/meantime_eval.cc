// Entity finding scored on the NewsReader MEANTIME corpus (120 English Wikinews articles,
// token-level XML, read-only under ../shared/meantime/).
//
// Each article's text is rebuilt from its tokens (joined by spaces, one sentence a line), run
// through SplitSentences + FindEntities, and compared with the gold ENTITY_MENTION markables.
// A gold mention's type is the ent_type of the ENTITY its REFERS_TO link points at; PER is
// compared with kPerson, ORG with kOrganisation, LOC with kPlace and kCountry (PRO, FIN, MIX
// and kOther are not scored). Scores: exact span match and overlap (relaxed, one-to-one), over
// all gold mentions and over proper-name ones only (syntactic_type NAM, or untyped mentions
// whose first token is capitalised); in the names-only score a prediction that matches a
// non-name gold mention counts neither way. Also times FindEntities per 800 words.
//
// Time expressions and numbers: each article also goes through Analyze() with `published` =
// the DCT's value (the TIMEX3 with functionInDocument CREATION_TIME), so relative times
// resolve against it. Gold = the other TIMEX3s that have tokens (empty, token-less TIMEX3s
// cannot be matched and are left out) and the VALUE markables (QUANTITY, MONEY, PERCENT).
// Spans are compared as token ranges (a system span covers every token it overlaps):
//   relaxed  the ranges overlap; strict  identical ranges; one-to-one, strict pairs first
//   P = matches / system, R = matches / gold, F1, for both; per type, R counts gold of that
//   type and P system items of that type (match by span, whatever the other side's type)
//   times: type and value accuracy over relaxed matches (exact string equality);
//          value F1 = value accuracy x relaxed F1 (TempEval-3)
//   numbers: a Quantity is PERCENT when percent is set, MONEY when a currency token stands
//          right before it or a currency word right after (US$, $, #, GBP, dollars, cents,
//          yuan ...), else QUANTITY. "strict, units aside" also compares ranges after
//          dropping currency tokens and % / percent at either edge of both spans, since
//          MEANTIME spans take the currency in ("US$ 997 million") and Quantity spans do not.
// MEANTIME annotates times and values only in the title, the dateline and the first four or
// five sentences (token attribute sentence 0-5; one article also in 6): system items after
// that part, and those overlapping the DCT's tokens (the dateline), are not scored.
//
// Usage: meantime_eval [corpus dir, default ../shared/meantime] [--errors] [--time-errors]
//                      [--number-errors]
//   --errors          entity false positives and negatives (names only, overlap)
//   --time-errors     time expressions missed, spurious, with another value or another span
//   --number-errors   numbers missed, spurious or with another span
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "analyze/analyze.h"
#include "analyze/entities.h"
#include "analyze/sentences.h"

namespace {

using crosscheck::EntityKind;

struct GoldMention {
  uint32_t begin, end;
  std::string type;  // PER, ORG, LOC
  bool name;
};

// A TIMEX3 or VALUE markable, or a system item, as a token range [first, last) of the
// article; `type` is the TimeML type (DATE, TIME, DURATION, SET) or the VALUE type
// (QUANTITY, MONEY, PERCENT); `value` is the TIMEX3 value ("" for numbers).
struct Mark {
  uint32_t first = 0, last = 0;
  std::string type, value;
};

struct Article {
  std::string text;
  std::vector<GoldMention> gold;
  std::vector<std::pair<uint32_t, uint32_t>> tokens;  // byte spans, in text order
  std::string dct;                                    // DCT value, "" when none
  Mark dct_mark;                                      // its tokens (empty range when none)
  std::vector<int> token_sentence;                    // MEANTIME sentence number per token
  uint32_t timed_tokens = 0;  // tokens [0, timed_tokens) are the part annotated with times and values
  std::vector<Mark> gold_times, gold_numbers;
};

std::string Attr(xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  std::string s = v ? reinterpret_cast<const char*>(v) : "";
  xmlFree(v);
  return s;
}

bool Is(xmlNode* n, const char* name) {
  return n->type == XML_ELEMENT_NODE && xmlStrcmp(n->name, reinterpret_cast<const xmlChar*>(name)) == 0;
}

struct RawMention {
  std::vector<std::string> tokens;
  std::string syntactic_type;
};

std::vector<std::string> AnchorIds(xmlNode* m) {
  std::vector<std::string> ids;
  for (xmlNode* t = m->children; t; t = t->next)
    if (Is(t, "token_anchor")) ids.push_back(Attr(t, "t_id"));
  return ids;
}

// The token range a TIMEX3 or VALUE markable covers (from its first to its last anchor), with
// its type and value; false when it has no tokens.
bool MarkOf(xmlNode* m, const std::map<std::string, uint32_t>& token_index, Mark* mark) {
  std::vector<std::string> ids = AnchorIds(m);
  if (ids.empty()) return false;
  mark->first = UINT32_MAX;
  mark->last = 0;
  for (const auto& id : ids) {
    auto it = token_index.find(id);
    if (it == token_index.end()) return false;
    mark->first = std::min(mark->first, it->second);
    mark->last = std::max(mark->last, it->second + 1);
  }
  mark->type = Attr(m, "type");
  mark->value = Attr(m, "value");
  return true;
}

// MEANTIME annotates TIMEX3 and VALUE only in the first sentences: the title (0), the
// dateline (1) and sentences 2-5 (one article also has sentence 6). The annotated part is
// taken as sentences 0..max(5, last sentence holding a gold time or value); returns the
// number of its tokens.
uint32_t TimedTokens(const Article& a) {
  int last = 5;
  for (const auto* marks : {&a.gold_times, &a.gold_numbers})
    for (const Mark& m : *marks) last = std::max(last, a.token_sentence[m.last - 1]);
  uint32_t n = 0;
  while (n < a.token_sentence.size() && a.token_sentence[n] <= last) ++n;
  return n;
}

// Adds a TIMEX3 (the DCT or a gold time) or VALUE markable to `a`.
void AddTimeOrValue(xmlNode* m, const std::map<std::string, uint32_t>& token_index, Article* a) {
  Mark mark;
  bool has_tokens = MarkOf(m, token_index, &mark);
  if (Is(m, "VALUE")) {
    if (has_tokens) a->gold_numbers.push_back(mark);
  } else if (Attr(m, "functionInDocument") == "CREATION_TIME") {
    a->dct = Attr(m, "value");
    if (has_tokens) a->dct_mark = mark;
  } else if (has_tokens) {
    a->gold_times.push_back(mark);
  }
}

Article Load(const std::filesystem::path& path) {
  Article a;
  xmlDoc* doc = xmlReadFile(path.c_str(), nullptr, XML_PARSE_NONET);
  if (doc == nullptr) return a;
  std::map<std::string, std::pair<uint32_t, uint32_t>> token_span;
  std::map<std::string, uint32_t> token_index;
  std::vector<xmlNode*> times_and_values;  // read after all tokens are known
  std::map<std::string, RawMention> mentions;
  std::map<std::string, std::string> entity_type, refers;
  std::string last_sentence;
  for (xmlNode* n = xmlDocGetRootElement(doc)->children; n; n = n->next) {
    if (Is(n, "token")) {
      std::string sentence = Attr(n, "sentence");
      if (!a.text.empty()) a.text += sentence != last_sentence ? "\n" : " ";
      last_sentence = sentence;
      xmlChar* content = xmlNodeGetContent(n);
      uint32_t b = static_cast<uint32_t>(a.text.size());
      a.text += reinterpret_cast<const char*>(content);
      xmlFree(content);
      std::string id = Attr(n, "t_id");
      token_span[id] = {b, static_cast<uint32_t>(a.text.size())};
      token_index[id] = static_cast<uint32_t>(a.tokens.size());
      a.tokens.push_back(token_span[id]);
      a.token_sentence.push_back(std::atoi(sentence.c_str()));
      continue;
    }
    if (!Is(n, "Markables") && !Is(n, "Relations")) continue;
    for (xmlNode* m = n->children; m; m = m->next) {
      if (Is(m, "ENTITY_MENTION")) {
        RawMention& rm = mentions[Attr(m, "m_id")];
        rm.syntactic_type = Attr(m, "syntactic_type");
        for (xmlNode* t = m->children; t; t = t->next)
          if (Is(t, "token_anchor")) rm.tokens.push_back(Attr(t, "t_id"));
      } else if (Is(m, "TIMEX3") || Is(m, "VALUE")) {
        times_and_values.push_back(m);
      } else if (Is(m, "ENTITY")) {
        entity_type[Attr(m, "m_id")] = Attr(m, "ent_type");
      } else if (Is(m, "REFERS_TO")) {
        std::vector<std::string> sources;  // a coreference chain: many mentions, one entity
        std::string target;
        for (xmlNode* t = m->children; t; t = t->next) {
          if (Is(t, "source")) sources.push_back(Attr(t, "m_id"));
          if (Is(t, "target")) target = Attr(t, "m_id");
        }
        for (const auto& s : sources) refers[s] = target;
      }
    }
  }
  for (xmlNode* m : times_and_values) AddTimeOrValue(m, token_index, &a);
  a.timed_tokens = TimedTokens(a);
  xmlFreeDoc(doc);
  for (const auto& [id, rm] : mentions) {
    if (rm.tokens.empty() || !refers.count(id)) continue;
    std::string type = entity_type[refers[id]];
    if (type != "PER" && type != "ORG" && type != "LOC") continue;
    uint32_t b = UINT32_MAX, e = 0;
    for (const auto& t : rm.tokens) {
      b = std::min(b, token_span[t].first);
      e = std::max(e, token_span[t].second);
    }
    unsigned char first = static_cast<unsigned char>(a.text[b]);
    bool capital = (first >= 'A' && first <= 'Z') || first >= 0x80;
    // Untyped mentions count as names when capitalised, except pronouns and determiners that
    // are capitalised only at a sentence start ("He", "The company").
    static const char* kNotNames[] = {"I",     "He",    "She", "It",  "We",  "They", "You",   "The", "This", "That",
                                      "These", "Those", "His", "Her", "Its", "Our",  "Their", "A",   "An"};
    std::string first_word = a.text.substr(b, a.text.find_first_of(" \n", b) - b);
    for (const char* w : kNotNames) capital &= first_word != w;
    bool name = rm.syntactic_type == "NAM" || (rm.syntactic_type.empty() && capital);
    a.gold.push_back({b, e, type, name});
  }
  return a;
}

const char* TypeOf(EntityKind k) {
  switch (k) {
    case EntityKind::kPerson:
      return "PER";
    case EntityKind::kOrganisation:
      return "ORG";
    case EntityKind::kPlace:
    case EntityKind::kCountry:
      return "LOC";
    default:
      return nullptr;
  }
}

struct Counts {
  long tp_pred = 0, pred = 0, tp_gold = 0, gold = 0;
};

struct Score {
  std::map<std::string, Counts> by_type;  // type -> counts, plus "ALL"
};

bool Overlaps(uint32_t b1, uint32_t e1, uint32_t b2, uint32_t e2) { return b1 < e2 && b2 < e1; }

struct Predicted {
  uint32_t begin, end;
  std::string type;
};

// One-to-one greedy matching; `names_only` restricts gold to proper names and drops
// predictions that only match non-name gold mentions.
void ScoreArticle(const std::vector<Predicted>& pred, const std::vector<GoldMention>& gold, bool exact, bool names_only,
                  Score* score, const std::string* text, bool print_errors) {
  auto match = [&](const Predicted& p, const GoldMention& g) {
    if (p.type != g.type) return false;
    return exact ? (p.begin == g.begin && p.end == g.end) : Overlaps(p.begin, p.end, g.begin, g.end);
  };
  std::vector<bool> gold_used(gold.size(), false);
  // Exact matches pair first, so a relaxed match does not take a gold mention another
  // prediction matches exactly.
  std::vector<int> hits(pred.size(), -1);
  for (size_t p = 0; p < pred.size(); ++p)
    for (size_t g = 0; g < gold.size() && hits[p] < 0; ++g)
      if (!gold_used[g] && pred[p].type == gold[g].type && pred[p].begin == gold[g].begin &&
          pred[p].end == gold[g].end && (!names_only || gold[g].name)) {
        hits[p] = static_cast<int>(g);
        gold_used[g] = true;
      }
  for (size_t pi = 0; pi < pred.size(); ++pi) {
    const Predicted& p = pred[pi];
    int hit = hits[pi];
    for (size_t g = 0; g < gold.size() && hit < 0; ++g)
      if (!gold_used[g] && match(p, gold[g]) && (!names_only || gold[g].name)) hit = static_cast<int>(g);
    bool neutral = false;
    if (hit < 0 && names_only) {
      for (const GoldMention& g : gold) neutral |= !g.name && Overlaps(p.begin, p.end, g.begin, g.end);
    }
    if (neutral) continue;
    for (const std::string& t : {p.type, std::string("ALL")}) {
      ++score->by_type[t].pred;
      if (hit >= 0) ++score->by_type[t].tp_pred;
    }
    if (hit >= 0) gold_used[hit] = true;
    if (hit < 0 && print_errors)
      std::printf("FP %s [%s]\n", p.type.c_str(), text->substr(p.begin, p.end - p.begin).c_str());
  }
  for (size_t g = 0; g < gold.size(); ++g) {
    if (names_only && !gold[g].name) continue;
    for (const std::string& t : {gold[g].type, std::string("ALL")}) {
      ++score->by_type[t].gold;
      if (gold_used[g]) ++score->by_type[t].tp_gold;
    }
    if (!gold_used[g] && print_errors)
      std::printf("FN %s [%s]\n", gold[g].type.c_str(),
                  text->substr(gold[g].begin, gold[g].end - gold[g].begin).c_str());
  }
}

void Print(const char* title, const Score& s) {
  std::printf("%s\n  type   gold  pred     P      R      F1\n", title);
  for (const char* t : {"PER", "ORG", "LOC", "ALL"}) {
    auto it = s.by_type.find(t);
    if (it == s.by_type.end()) continue;
    const Counts& c = it->second;
    double p = c.pred ? double(c.tp_pred) / c.pred : 0, r = c.gold ? double(c.tp_gold) / c.gold : 0;
    double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
    std::printf("  %-4s %6ld %5ld  %.3f  %.3f  %.3f\n", t, c.gold, c.pred, p, r, f);
  }
}

// --- Time expressions and numbers ---

// Per type (and "ALL"): gold and system items, and how many of each are paired.
struct MarkCounts {
  long gold = 0, system = 0;
  long relaxed_gold = 0, relaxed_system = 0;  // paired gold items of this type / system items of this type
  long strict_gold = 0, strict_system = 0;
  long core_gold = 0, core_system = 0;        // strict once units are set aside (numbers)
  long type_ok = 0, value_ok = 0;             // over relaxed pairs, by gold type
};
using MarkScore = std::map<std::string, MarkCounts>;

bool RangesOverlap(const Mark& a, const Mark& b) { return a.first < b.last && b.first < a.last; }
bool SameRange(const Mark& a, const Mark& b) { return a.first == b.first && a.last == b.last; }

std::string TokenText(const Article& a, uint32_t i) {
  return a.text.substr(a.tokens[i].first, a.tokens[i].second - a.tokens[i].first);
}

// The tokens [first, last) that byte span `span` overlaps (a.tokens is in text order).
Mark TokenRange(const Article& a, crosscheck::Span span) {
  auto ends_after = std::partition_point(a.tokens.begin(), a.tokens.end(),
                                         [&](const auto& t) { return t.second <= span.begin; });
  auto starts_after = std::partition_point(a.tokens.begin(), a.tokens.end(),
                                           [&](const auto& t) { return t.first < span.end; });
  Mark m;
  m.first = static_cast<uint32_t>(ends_after - a.tokens.begin());
  m.last = std::max(m.first, static_cast<uint32_t>(starts_after - a.tokens.begin()));
  return m;
}

bool IsCurrencyToken(const std::string& t) {
  static const char* kCurrency[] = {"$",      "US$",   "USD$",  "USD",   "#",    "£",      "€",     "GBP",
                                    "EUR",    "C$",    "A$",    "dollar", "dollars", "cent", "cents", "yuan",
                                    "euro",   "euros", "pound", "pounds", "yen",  "Yen",    "rupees"};
  for (const char* c : kCurrency)
    if (t == c) return true;
  return false;
}
bool IsUnitToken(const std::string& t) { return IsCurrencyToken(t) || t == "%" || t == "percent"; }

// `m` without currency and percent tokens at either edge.
Mark CoreRange(const Article& a, Mark m) {
  while (m.first + 1 < m.last && IsUnitToken(TokenText(a, m.first))) ++m.first;
  while (m.last > m.first + 1 && IsUnitToken(TokenText(a, m.last - 1))) --m.last;
  return m;
}

// VALUE type of a system Quantity: PERCENT, MONEY (a currency token right before it or a
// currency word right after it) or QUANTITY.
std::string NumberType(const Article& a, const crosscheck::Quantity& q, const Mark& range) {
  if (q.percent) return "PERCENT";
  if (range.first > 0 && IsCurrencyToken(TokenText(a, range.first - 1))) return "MONEY";
  if (range.last < a.tokens.size() && IsCurrencyToken(TokenText(a, range.last))) return "MONEY";
  return "QUANTITY";
}

// One-to-one pairing: identical ranges first, then overlapping ones. Returns, per gold item,
// the index of its system item or -1.
std::vector<int> PairMarks(const std::vector<Mark>& gold, const std::vector<Mark>& sys) {
  std::vector<int> pair(gold.size(), -1);
  std::vector<bool> used(sys.size(), false);
  for (bool exact : {true, false})
    for (size_t g = 0; g < gold.size(); ++g)
      for (size_t s = 0; s < sys.size() && pair[g] < 0; ++s)
        if (!used[s] && (exact ? SameRange(gold[g], sys[s]) : RangesOverlap(gold[g], sys[s]))) {
          pair[g] = static_cast<int>(s);
          used[s] = true;
        }
  return pair;
}

std::string MarkContext(const Article& a, const Mark& m) {
  if (m.first >= m.last) return "";
  uint32_t b = a.tokens[m.first].first, e = a.tokens[m.last - 1].second;
  uint32_t from = b > 50 ? b - 50 : 0;
  uint32_t to = std::min<uint32_t>(static_cast<uint32_t>(a.text.size()), e + 50);
  std::string out = a.text.substr(from, b - from) + "[" + a.text.substr(b, e - b) + "]" + a.text.substr(e, to - e);
  std::replace(out.begin(), out.end(), '\n', ' ');
  return out;
}

// Adds one pair's (or one lone item's) counts to `score` under its type and "ALL".
void CountPair(const Article& a, const Mark* g, const Mark* s, MarkScore* score) {
  for (const std::string& t : {g ? g->type : std::string(), std::string("ALL")}) {
    if (!g || t.empty()) continue;
    MarkCounts& c = (*score)[t];
    ++c.gold;
    if (!s) continue;
    ++c.relaxed_gold;
    c.strict_gold += SameRange(*g, *s);
    c.core_gold += SameRange(CoreRange(a, *g), CoreRange(a, *s));
    c.type_ok += g->type == s->type;
    c.value_ok += g->value == s->value;
  }
  for (const std::string& t : {s ? s->type : std::string(), std::string("ALL")}) {
    if (!s || t.empty()) continue;
    MarkCounts& c = (*score)[t];
    ++c.system;
    if (!g) continue;
    ++c.relaxed_system;
    c.strict_system += SameRange(*g, *s);
    c.core_system += SameRange(CoreRange(a, *g), CoreRange(a, *s));
  }
}

// Scores system items `sys` against `gold` of one article; `what` names them in error lines
// ("TIME", "NUMBER"); with `errors`, prints misses, spurious items, wrong values (times) and
// span differences of relaxed matches.
void ScoreMarks(const Article& a, const std::vector<Mark>& gold, const std::vector<Mark>& sys, const char* what,
                bool errors, MarkScore* score) {
  std::vector<int> pair = PairMarks(gold, sys);
  std::vector<bool> used(sys.size(), false);
  for (size_t g = 0; g < gold.size(); ++g) {
    const Mark* s = pair[g] >= 0 ? &sys[pair[g]] : nullptr;
    if (s) used[pair[g]] = true;
    CountPair(a, &gold[g], s, score);
    if (!errors) continue;
    if (!s)
      std::printf("%s MISS  %s %s | %s\n", what, gold[g].type.c_str(), gold[g].value.c_str(),
                  MarkContext(a, gold[g]).c_str());
    else if (s->value != gold[g].value)
      std::printf("%s VALUE gold %s %s sys %s %s | %s\n", what, gold[g].type.c_str(), gold[g].value.c_str(),
                  s->type.c_str(), s->value.c_str(), MarkContext(a, *s).c_str());
    if (s && !SameRange(gold[g], *s))
      std::printf("%s SPAN  gold %s | sys %s\n", what, MarkContext(a, gold[g]).c_str(), MarkContext(a, *s).c_str());
  }
  for (size_t s = 0; s < sys.size(); ++s) {
    if (used[s]) continue;
    CountPair(a, nullptr, &sys[s], score);
    if (errors)
      std::printf("%s EXTRA %s %s | %s\n", what, sys[s].type.c_str(), sys[s].value.c_str(),
                  MarkContext(a, sys[s]).c_str());
  }
}

const char* TimeTypeName(crosscheck::TimeType t) {
  switch (t) {
    case crosscheck::TimeType::kDate:
      return "DATE";
    case crosscheck::TimeType::kTime:
      return "TIME";
    case crosscheck::TimeType::kDuration:
      return "DURATION";
    case crosscheck::TimeType::kSet:
      return "SET";
  }
  return "?";
}

// Runs Analyze() on the article with its DCT as publication time.
crosscheck::ArticleFacts AnalyzeArticle(const Article& a) {
  crosscheck::Article article;
  article.text = a.text;
  article.published = a.dct;
  article.language = "en";
  return crosscheck::Analyze(article);
}

// Whether a system item is left out of scoring: on the dateline, or after the annotated part.
bool Unscored(const Article& a, const Mark& m) {
  return m.first >= m.last || m.first >= a.timed_tokens || (a.dct_mark.last > 0 && RangesOverlap(a.dct_mark, m));
}

// System time expressions as marks, unscored ones dropped.
std::vector<Mark> SystemTimes(const Article& a, const crosscheck::ArticleFacts& f) {
  std::vector<Mark> out;
  for (const auto& t : f.times) {
    Mark m = TokenRange(a, t.span);
    m.type = TimeTypeName(t.type);
    m.value = t.value;
    if (!Unscored(a, m)) out.push_back(m);
  }
  return out;
}

// System quantities as marks typed QUANTITY / MONEY / PERCENT, unscored ones dropped.
std::vector<Mark> SystemNumbers(const Article& a, const crosscheck::ArticleFacts& f) {
  std::vector<Mark> out;
  for (const auto& q : f.quantities) {
    Mark m = TokenRange(a, q.span);
    m.type = NumberType(a, q, m);
    if (!Unscored(a, m)) out.push_back(m);
  }
  return out;
}

double Ratio(long a, long b) { return b ? double(a) / b : 0; }
double F1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0; }

// Prints one table of P / R / F1 per type; `values` adds type and value accuracy and value
// F1 (times), else the strict-units-aside columns (numbers).
void PrintMarks(const char* title, const MarkScore& score, const std::vector<std::string>& types, bool values) {
  std::printf("%s\n  %-9s %5s %5s  relaxed P / R / F1    strict P / R / F1  %s\n", title, "type", "gold", "sys",
              values ? "  type acc  value acc  value F1" : "  strict, units aside P / R / F1");
  for (const std::string& t : types) {
    auto it = score.find(t);
    if (it == score.end()) continue;
    const MarkCounts& c = it->second;
    double rp = Ratio(c.relaxed_system, c.system), rr = Ratio(c.relaxed_gold, c.gold);
    double sp = Ratio(c.strict_system, c.system), sr = Ratio(c.strict_gold, c.gold);
    std::printf("  %-9s %5ld %5ld  %.3f %.3f %.3f    %.3f %.3f %.3f", t.c_str(), c.gold, c.system, rp, rr, F1(rp, rr),
                sp, sr, F1(sp, sr));
    if (values) {
      double va = Ratio(c.value_ok, c.relaxed_gold);
      std::printf("    %.3f     %.3f      %.3f\n", Ratio(c.type_ok, c.relaxed_gold), va, va * F1(rp, rr));
    } else {
      double cp = Ratio(c.core_system, c.system), cr = Ratio(c.core_gold, c.gold);
      std::printf("    %.3f %.3f %.3f\n", cp, cr, F1(cp, cr));
    }
  }
}

// CPU time of this thread, not wall time: the figure must not depend on machine load.
double CpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

// Scores times and numbers over all articles and prints both tables, with the time Analyze()
// takes per article (corpus x 10, tables warm).
void EvaluateTimesAndNumbers(const std::vector<Article>& articles, const std::vector<std::filesystem::path>& files,
                             bool time_errors, bool number_errors) {
  MarkScore times, numbers;
  for (size_t i = 0; i < articles.size(); ++i) {
    const Article& a = articles[i];
    crosscheck::ArticleFacts f = AnalyzeArticle(a);
    if (time_errors || number_errors) std::printf("== %s (DCT %s)\n", files[i].filename().c_str(), a.dct.c_str());
    ScoreMarks(a, a.gold_times, SystemTimes(a, f), "TIME", time_errors, &times);
    ScoreMarks(a, a.gold_numbers, SystemNumbers(a, f), "NUMBER", number_errors, &numbers);
  }
  PrintMarks("Time expressions (TIMEX3 without the DCT)", times, {"DATE", "TIME", "DURATION", "SET", "ALL"}, true);
  PrintMarks("Numbers (VALUE vs Quantity)", numbers, {"QUANTITY", "MONEY", "PERCENT", "ALL"}, false);
  constexpr int kRounds = 10;
  double t0 = CpuSeconds();
  size_t sink = 0;
  for (int round = 0; round < kRounds; ++round)
    for (const Article& a : articles) sink += AnalyzeArticle(a).times.size();
  double seconds = (CpuSeconds() - t0) / kRounds;
  std::printf("Analyze: %.1f us per article (%zu times a round)\n", seconds * 1e6 / articles.size(), sink / kRounds);
}

}  // namespace

int main(int argc, char** argv) {
  std::string dir = "../shared/meantime";
  bool errors = false, time_errors = false, number_errors = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--errors")
      errors = true;
    else if (a == "--time-errors")
      time_errors = true;
    else if (a == "--number-errors")
      number_errors = true;
    else
      dir = a;
  }
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
    if (e.path().extension() == ".xml") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  if (files.empty()) {
    std::fprintf(stderr, "no MEANTIME .xml files under %s\n", dir.c_str());
    return 1;
  }
  Score exact_all, overlap_all, exact_names, overlap_names;
  std::vector<Article> articles;
  std::vector<std::vector<crosscheck::Span>> sentences;
  long words = 0;
  for (const auto& path : files) {
    articles.push_back(Load(path));
    sentences.push_back(crosscheck::SplitSentences(articles.back().text));
    const std::string& text = articles.back().text;
    for (size_t i = 0, in = 0; i < text.size(); ++i) {
      bool space = text[i] == ' ' || text[i] == '\n';
      if (!space && !in) ++words;
      in = !space;
    }
  }
  // Speed: the whole corpus several times over, tables warm (the first call builds them).
  crosscheck::FindEntities(articles[0].text, sentences[0]);
  constexpr int kRounds = 10;
  // CPU time of this thread, not wall time: the figure must not depend on machine load.
  auto cpu_seconds = [] {
    timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
  };
  double t0 = cpu_seconds();
  size_t sink = 0;
  for (int round = 0; round < kRounds; ++round)
    for (size_t i = 0; i < articles.size(); ++i)
      sink += crosscheck::FindEntities(articles[i].text, sentences[i]).mentions.size();
  double seconds = (cpu_seconds() - t0) / kRounds;
  for (size_t i = 0; i < articles.size(); ++i) {
    const Article& a = articles[i];
    crosscheck::EntityResult r = crosscheck::FindEntities(a.text, sentences[i]);
    std::vector<Predicted> pred;
    for (const auto& m : r.mentions) {
      const char* t = TypeOf(r.entities[m.entity].kind);
      if (t) pred.push_back({m.span.begin, m.span.end, t});
    }
    if (errors) std::printf("== %s\n", files[i].filename().c_str());
    ScoreArticle(pred, a.gold, true, false, &exact_all, &a.text, false);
    ScoreArticle(pred, a.gold, false, false, &overlap_all, &a.text, false);
    ScoreArticle(pred, a.gold, true, true, &exact_names, &a.text, false);
    ScoreArticle(pred, a.gold, false, true, &overlap_names, &a.text, errors);
  }
  std::printf("MEANTIME: %zu articles, %ld tokens\n", files.size(), words);
  Print("All gold mentions, exact span", exact_all);
  Print("All gold mentions, overlap", overlap_all);
  Print("Proper-name gold mentions, exact span", exact_names);
  Print("Proper-name gold mentions, overlap", overlap_names);
  std::printf("FindEntities: %.1f us per article, %.1f us per 800 words (%zu mentions a round)\n",
              seconds * 1e6 / files.size(), seconds * 1e6 * 800 / words, sink / kRounds);
  EvaluateTimesAndNumbers(articles, files, time_errors, number_errors);
  return 0;
}
