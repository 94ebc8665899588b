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
// Usage: meantime_eval [corpus dir, default ../shared/meantime] [--errors]
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "analyze/entities.h"
#include "analyze/sentences.h"

namespace {

using crosscheck::EntityKind;

struct GoldMention {
  uint32_t begin, end;
  std::string type;  // PER, ORG, LOC
  bool name;
};

struct Article {
  std::string text;
  std::vector<GoldMention> gold;
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

Article Load(const std::filesystem::path& path) {
  Article a;
  xmlDoc* doc = xmlReadFile(path.c_str(), nullptr, XML_PARSE_NONET);
  if (doc == nullptr) return a;
  std::map<std::string, std::pair<uint32_t, uint32_t>> token_span;
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
      token_span[Attr(n, "t_id")] = {b, static_cast<uint32_t>(a.text.size())};
      continue;
    }
    if (!Is(n, "Markables") && !Is(n, "Relations")) continue;
    for (xmlNode* m = n->children; m; m = m->next) {
      if (Is(m, "ENTITY_MENTION")) {
        RawMention& rm = mentions[Attr(m, "m_id")];
        rm.syntactic_type = Attr(m, "syntactic_type");
        for (xmlNode* t = m->children; t; t = t->next)
          if (Is(t, "token_anchor")) rm.tokens.push_back(Attr(t, "t_id"));
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

}  // namespace

int main(int argc, char** argv) {
  std::string dir = "../shared/meantime";
  bool errors = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--errors")
      errors = true;
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
  return 0;
}
