// findings_eval: scores crosscheck's findings against the gold findings of the invented corpus.
//
//   findings_eval [--errors] FINDINGS.json REPORT.json
//
// FINDINGS.json is examples/corpus/FINDINGS.json: {"findings": [{kind, event, about, sides:
// [{articles, value}], must_find}], "least_reliable": {event: [article ids]}}. REPORT.json is the
// output of `crosscheck analyze --format json examples/corpus`: findings [{kind, event, subject,
// claims: [{value, articles, evidence}], detail, confidence}], sources [{article, outlet,
// reliability}], stories [...].
//
// Matching rule. A predicted finding matches a gold finding when
//   1. the kinds agree. "Strict" numbers need the same kind; "family" numbers treat
//      contradiction and inconsistency as one family (a conflict between reports or inside one
//      report), so a predicted contradiction can match a gold inconsistency and back;
//      corroboration and single_source are families of their own;
//   2. the article sets agree: every gold side's articles are a subset of the articles of some
//      predicted claim, and when the gold finding has two or more sides, each side is matched by
//      a different claim (an injective side -> claim assignment exists). Values are free text and
//      are not compared; the event label is not compared either (article ids are per event).
// Matching is many-to-many: a prediction counts as matched if it matches any gold finding, and a
// gold finding counts as found if any prediction matches it.
//
// Precision per kind = matched predictions / predictions of that kind. For contradiction and
// inconsistency every unmatched prediction is a false positive. For corroboration and
// single_source an unmatched prediction may be a true finding the gold does not list (the gold
// lists the planted facts, not every number in every article), so unmatched predictions of these
// kinds are reported as "unlisted", not as false positives. Only demonstrably wrong ones count as
// false positives: a corroboration whose claims' articles come from one copy group only (a wire
// report and its copies are one source; copy pairs are read from EXPECTED.json beside
// FINDINGS.json when present) or that mixes articles of different events (E1, E2, ... by the
// label before the first '-'). For these two kinds the table prints both precision =
// matched / (matched + false positives) and the lower bound matched / all predictions.
//
// Recall per kind = gold findings matched / gold findings, for the must_find ones (the clear ones
// a good engine must find) and for all.
//
// Reliability: for each event in least_reliable, the event's articles are those named in gold
// findings whose event label equals it or starts with it followed by '-'; the check passes when
// every least-reliable article has a lower `reliability` in `sources` than every other article of
// the event (an article missing from `sources` fails the check).
//
// A second, stricter table scores one-to-one matching (maximum bipartite matching per kind,
// must_find gold first): one prediction cannot stand for several gold findings about the same
// article, which the subset rule above allows (e.g. any single_source prediction on article X
// matches every gold single_source finding on X).
//
// The bar: precision >= 0.9 and must_find recall >= 0.8 per kind.
// --errors lists missed gold findings (must_find first) and false alarms.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

using json = nlohmann::json;
using Set = std::set<std::string>;

struct Gold {
  std::string kind, event, about;
  std::vector<Set> sides;
  std::vector<std::string> values;
  bool must = false;
};

struct Pred {
  std::string kind, event, subject, detail;
  std::vector<Set> claims;
  std::vector<std::string> values;
};

const std::vector<std::string> kKinds = {"corroboration", "single_source", "contradiction", "inconsistency"};

std::string Family(const std::string& kind) {
  return kind == "contradiction" || kind == "inconsistency" ? "conflict" : kind;
}

std::string EventRoot(const std::string& event) { return event.substr(0, event.find('-')); }

json Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  return json::parse(ss.str());
}

std::string Str(const json& j, const char* key) {
  return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

bool Subset(const Set& a, const Set& b) { return std::includes(b.begin(), b.end(), a.begin(), a.end()); }

// Is there an injective assignment of gold sides to predicted claims with side ⊆ claim?
bool Assign(const std::vector<Set>& sides, const std::vector<Set>& claims, size_t i, std::vector<bool>& used) {
  if (i == sides.size()) return true;
  for (size_t c = 0; c < claims.size(); ++c) {
    if (used[c] || !Subset(sides[i], claims[c])) continue;
    used[c] = true;
    if (Assign(sides, claims, i + 1, used)) return true;
    used[c] = false;
  }
  return false;
}

bool ArticlesMatch(const Gold& g, const Pred& p) {
  if (g.sides.empty() || p.claims.empty()) return false;
  if (g.sides.size() == 1) {
    for (const auto& c : p.claims)
      if (Subset(g.sides[0], c)) return true;
    return false;
  }
  std::vector<bool> used(p.claims.size(), false);
  return Assign(g.sides, p.claims, 0, used);
}

bool Matches(const Gold& g, const Pred& p, bool family) {
  if (family ? Family(g.kind) != Family(p.kind) : g.kind != p.kind) return false;
  return ArticlesMatch(g, p);
}

std::string Join(const Set& s) {
  std::string out;
  for (const auto& x : s) out += (out.empty() ? "" : ", ") + x;
  return out;
}

std::string Fmt(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", x);
  return buf;
}
std::string Ratio(int a, int b) { return b == 0 ? std::string("  -  ") : Fmt(double(a) / b); }

}  // namespace

int main(int argc, char** argv) {
  bool errors = false;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--errors") errors = true;
    else if (a == "-h" || a == "--help") {
      std::cout << "usage: findings_eval [--errors] FINDINGS.json REPORT.json\n";
      return 0;
    } else files.push_back(a);
  }
  if (files.size() != 2) {
    std::cerr << "usage: findings_eval [--errors] FINDINGS.json REPORT.json\n";
    return 2;
  }
  json gold_j, rep_j;
  try {
    gold_j = Load(files[0]);
    rep_j = Load(files[1]);
  } catch (const std::exception& e) {
    std::cerr << "findings_eval: " << e.what() << "\n";
    return 2;
  }

  std::vector<Gold> gold;
  std::map<std::string, std::string> article_event;  // article -> event root (E1, E2, ...)
  for (const auto& f : gold_j.at("findings")) {
    Gold g;
    g.kind = Str(f, "kind");
    g.event = Str(f, "event");
    g.about = Str(f, "about");
    g.must = f.value("must_find", false);
    for (const auto& s : f.at("sides")) {
      Set arts;
      for (const auto& a : s.at("articles")) {
        arts.insert(a.get<std::string>());
        article_event[a.get<std::string>()] = EventRoot(g.event);
      }
      g.sides.push_back(arts);
      g.values.push_back(Str(s, "value"));
    }
    gold.push_back(std::move(g));
  }

  // Copy groups from EXPECTED.json beside FINDINGS.json (optional).
  std::map<std::string, std::string> copy_root;
  auto expected_path = std::filesystem::path(files[0]).parent_path() / "EXPECTED.json";
  if (std::filesystem::exists(expected_path)) {
    try {
      json ex = Load(expected_path.string());
      for (const auto& [id, e] : ex.items()) {
        if (e.contains("copy_of") && e["copy_of"].is_string()) copy_root[id] = e["copy_of"].get<std::string>();
        if (e.contains("event") && e["event"].is_string() && !article_event.count(id))
          article_event[id] = EventRoot(e["event"].get<std::string>());
      }
    } catch (const std::exception&) {
    }
  }
  auto root = [&](const std::string& id) {
    auto it = copy_root.find(id);
    return it == copy_root.end() ? id : it->second;
  };

  std::vector<Pred> preds;
  for (const auto& f : rep_j.value("findings", json::array())) {
    Pred p;
    p.kind = Str(f, "kind");
    p.event = Str(f, "event");
    p.subject = Str(f, "subject");
    p.detail = Str(f, "detail");
    for (const auto& c : f.value("claims", json::array())) {
      Set arts;
      for (const auto& a : c.value("articles", json::array()))
        if (a.is_string()) arts.insert(a.get<std::string>());
      p.claims.push_back(arts);
      p.values.push_back(!c.contains("value") ? std::string() : c["value"].is_string() ? c["value"].get<std::string>() : c["value"].dump());
    }
    preds.push_back(std::move(p));
  }

  // Demonstrably wrong corroborations: one copy group only, or articles of different events.
  auto wrong_corroboration = [&](const Pred& p) -> std::string {
    if (p.kind != "corroboration") return "";
    for (const auto& c : p.claims) {
      Set roots, events;
      for (const auto& a : c) {
        roots.insert(root(a));
        auto it = article_event.find(a);
        if (it != article_event.end()) events.insert(it->second);
      }
      if (c.size() >= 2 && roots.size() == 1) return "copies counted as independent sources";
      if (events.size() > 1) return "articles of different events (" + Join(events) + ")";
    }
    return "";
  };

  std::vector<bool> gold_found_strict(gold.size(), false), gold_found_family(gold.size(), false);
  std::vector<int> pred_match_strict(preds.size(), -1), pred_match_family(preds.size(), -1);
  for (size_t p = 0; p < preds.size(); ++p)
    for (size_t g = 0; g < gold.size(); ++g) {
      if (Matches(gold[g], preds[p], false)) {
        gold_found_strict[g] = true;
        if (pred_match_strict[p] < 0) pred_match_strict[p] = int(g);
      }
      if (Matches(gold[g], preds[p], true)) {
        gold_found_family[g] = true;
        if (pred_match_family[p] < 0) pred_match_family[p] = int(g);
      }
    }

  struct Row {
    int gold_must = 0, found_must = 0, gold_all = 0, found_all = 0;
    int preds = 0, matched = 0, unlisted = 0, fp = 0;
  };
  auto tally = [&](const std::string& label, bool family) {
    Row r;
    auto in = [&](const std::string& kind) { return family ? Family(kind) == label : kind == label; };
    for (size_t g = 0; g < gold.size(); ++g) {
      if (!in(gold[g].kind)) continue;
      bool found = family ? gold_found_family[g] : gold_found_strict[g];
      ++r.gold_all;
      r.found_all += found;
      if (gold[g].must) {
        ++r.gold_must;
        r.found_must += found;
      }
    }
    for (size_t p = 0; p < preds.size(); ++p) {
      if (!in(preds[p].kind)) continue;
      ++r.preds;
      bool matched = (family ? pred_match_family[p] : pred_match_strict[p]) >= 0;
      if (matched) ++r.matched;
      else if (Family(preds[p].kind) == "conflict") ++r.fp;
      else if (!wrong_corroboration(preds[p]).empty()) ++r.fp;
      else ++r.unlisted;
    }
    return r;
  };

  std::cout << "findings_eval: " << gold.size() << " gold findings, " << preds.size() << " predicted findings\n\n";
  std::cout << "| kind | recall (must) | recall (all) | predictions | matched | unlisted | false pos. | precision | precision, unlisted as wrong | bar |\n";
  std::cout << "|---|---|---|---|---|---|---|---|---|---|\n";
  bool all_pass = true;
  auto print = [&](const std::string& label, const Row& r, bool count_for_bar) {
    double prec = r.matched + r.fp == 0 ? 0.0 : double(r.matched) / (r.matched + r.fp);
    double rec = r.gold_must == 0 ? 0.0 : double(r.found_must) / r.gold_must;
    bool pass = r.matched + r.fp > 0 && prec >= 0.9 && rec >= 0.8;
    if (count_for_bar) all_pass = all_pass && pass;
    std::cout << "| " << label << " | " << Ratio(r.found_must, r.gold_must) << " (" << r.found_must << "/" << r.gold_must
              << ") | " << Ratio(r.found_all, r.gold_all) << " (" << r.found_all << "/" << r.gold_all << ") | " << r.preds
              << " | " << r.matched << " | " << r.unlisted << " | " << r.fp << " | " << Ratio(r.matched, r.matched + r.fp)
              << " | " << Ratio(r.matched, r.preds) << " | " << (pass ? "pass" : "FAIL") << " |\n";
  };
  for (const auto& k : kKinds) print(k, tally(k, false), true);
  print("conflict family (contradiction + inconsistency)", tally("conflict", true), false);
  // One-to-one: maximum bipartite matching per strict kind (Kuhn), must_find gold first so
  // that must_find matches are maximised before optional ones; each prediction and each gold
  // finding is used at most once.
  std::cout << "\nOne-to-one (each prediction matches at most one gold finding and back; stricter):\n\n";
  std::cout << "| kind | recall (must) | recall (all) | matched predictions | precision, unlisted as wrong |\n|---|---|---|---|---|\n";
  for (const auto& k : kKinds) {
    std::vector<size_t> gs, ps;
    for (int pass = 0; pass < 2; ++pass)
      for (size_t g = 0; g < gold.size(); ++g)
        if (gold[g].kind == k && gold[g].must == (pass == 0)) gs.push_back(g);
    for (size_t p = 0; p < preds.size(); ++p)
      if (preds[p].kind == k) ps.push_back(p);
    std::vector<std::vector<int>> adj(gs.size());
    for (size_t i = 0; i < gs.size(); ++i)
      for (size_t j = 0; j < ps.size(); ++j)
        if (Matches(gold[gs[i]], preds[ps[j]], false)) adj[i].push_back(int(j));
    std::vector<int> owner(ps.size(), -1);
    std::function<bool(int, std::vector<bool>&)> augment = [&](int i, std::vector<bool>& seen) {
      for (int j : adj[i]) {
        if (seen[j]) continue;
        seen[j] = true;
        if (owner[j] < 0 || augment(owner[j], seen)) { owner[j] = i; return true; }
      }
      return false;
    };
    int must_n = 0, must_found = 0, all_found = 0;
    for (size_t i = 0; i < gs.size(); ++i) {
      std::vector<bool> seen(ps.size(), false);
      bool found = augment(int(i), seen);
      all_found += found;
      if (gold[gs[i]].must) { ++must_n; must_found += found; }
    }
    std::cout << "| " << k << " | " << Ratio(must_found, must_n) << " (" << must_found << "/" << must_n << ") | "
              << Ratio(all_found, int(gs.size())) << " (" << all_found << "/" << gs.size() << ") | " << all_found << "/"
              << ps.size() << " | " << Ratio(all_found, int(ps.size())) << " |\n";
  }

  std::cout << "\nBar (precision >= 0.9 and must_find recall >= 0.8 for each of the four kinds, strict): "
            << (all_pass ? "met" : "NOT met") << "\n";

  // Per-event must_find recall (strict kinds, conflict family in brackets).
  std::map<std::string, std::map<std::string, std::pair<int, int>>> per_event;
  for (size_t g = 0; g < gold.size(); ++g) {
    if (!gold[g].must) continue;
    auto& cell = per_event[EventRoot(gold[g].event)][gold[g].kind];
    ++cell.second;
    cell.first += gold_found_strict[g];
  }
  std::cout << "\nmust_find recall per event (found/gold):\n\n| event |";
  for (const auto& k : kKinds) std::cout << " " << k << " |";
  std::cout << "\n|---|---|---|---|---|\n";
  for (const auto& [ev, cells] : per_event) {
    std::cout << "| " << ev << " |";
    for (const auto& k : kKinds) {
      auto it = cells.find(k);
      if (it == cells.end()) std::cout << " - |";
      else std::cout << " " << it->second.first << "/" << it->second.second << " |";
    }
    std::cout << "\n";
  }

  // Reliability.
  std::map<std::string, double> reliability;
  for (const auto& s : rep_j.value("sources", json::array()))
    if (s.contains("article") && s.contains("reliability") && s["reliability"].is_number())
      reliability[s["article"].get<std::string>()] = s["reliability"].get<double>();
  std::cout << "\nLeast reliable outlet ranked below the others of its event:\n\n";
  std::cout << "| event | least reliable | its reliability | lowest other | ranked below |\n|---|---|---|---|---|\n";
  int rel_ok = 0, rel_n = 0;
  const json least = gold_j.value("least_reliable", json::object());
  for (const auto& [ev, ids] : least.items()) {
    Set bad;
    for (const auto& a : ids) bad.insert(a.get<std::string>());
    Set members;
    for (const auto& g : gold)
      if (g.event == ev || g.event.rfind(ev + "-", 0) == 0)
        for (const auto& s : g.sides) members.insert(s.begin(), s.end());
    double worst_bad = -1, best_other = 2;
    bool missing = false;
    std::string other_id;
    for (const auto& a : bad) {
      if (!reliability.count(a)) { missing = true; continue; }
      worst_bad = std::max(worst_bad, reliability[a]);
    }
    for (const auto& a : members) {
      if (bad.count(a)) continue;
      if (!reliability.count(a)) { missing = true; continue; }
      if (reliability[a] < best_other) { best_other = reliability[a]; other_id = a; }
    }
    bool ok = !missing && worst_bad >= 0 && worst_bad < best_other;
    ++rel_n;
    rel_ok += ok;
    std::cout << "| " << ev << " | " << Join(bad) << " | " << (worst_bad >= 0 ? Fmt(worst_bad) : "missing") << " | "
              << (other_id.empty() ? "-" : Fmt(best_other) + " (" + other_id + ")") << " | "
              << (ok ? "yes" : (missing ? "no (article missing from sources)" : "no")) << " |\n";
  }
  std::cout << "\nRanked below: " << rel_ok << "/" << rel_n << " events\n";

  if (errors) {
    std::cout << "\n## Missed gold findings (strict kind; [family] when only the other conflict kind matched)\n\n";
    for (int pass = 0; pass < 2; ++pass)
      for (size_t g = 0; g < gold.size(); ++g) {
        if (gold_found_strict[g] || gold[g].must != (pass == 0)) continue;
        const auto& x = gold[g];
        std::cout << "- " << (x.must ? "MUST " : "opt  ") << x.kind << (gold_found_family[g] ? " [family match]" : "") << " "
                  << x.event << " — " << x.about << ":";
        for (size_t s = 0; s < x.sides.size(); ++s)
          std::cout << (s ? " vs" : "") << " \"" << x.values[s] << "\" {" << Join(x.sides[s]) << "}";
        std::cout << "\n";
      }
    std::cout << "\n## False alarms (contradiction/inconsistency predictions matching no gold finding of the same kind,"
                 " and demonstrably wrong corroborations)\n\n";
    for (size_t p = 0; p < preds.size(); ++p) {
      if (pred_match_strict[p] >= 0) continue;
      const auto& x = preds[p];
      std::string why = Family(x.kind) == "conflict" ? "" : wrong_corroboration(x);
      if (Family(x.kind) != "conflict" && why.empty()) continue;
      std::cout << "- " << x.kind << (pred_match_family[p] >= 0 ? " [matches a gold " + gold[pred_match_family[p]].kind + "]" : "")
                << (why.empty() ? "" : " [" + why + "]") << " " << (x.event.empty() ? "-" : x.event) << " — " << x.subject << ":";
      for (size_t c = 0; c < x.claims.size(); ++c)
        std::cout << (c ? " vs" : "") << " \"" << x.values[c] << "\" {" << Join(x.claims[c]) << "}";
      std::cout << "\n";
    }
    std::cout << "\n## Unlisted corroboration/single_source predictions (match no gold finding; not counted as errors)\n\n";
    for (size_t p = 0; p < preds.size(); ++p) {
      const auto& x = preds[p];
      if (pred_match_strict[p] >= 0 || Family(x.kind) == "conflict" || !wrong_corroboration(x).empty()) continue;
      std::cout << "- " << x.kind << " " << (x.event.empty() ? "-" : x.event) << " — " << x.subject << ":";
      for (size_t c = 0; c < x.claims.size(); ++c)
        std::cout << (c ? " |" : "") << " \"" << x.values[c] << "\" {" << Join(x.claims[c]) << "}";
      std::cout << "\n";
    }
  }
  return 0;
}
