#include "reconcile/reconcile.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <set>

#include "reconcile/claims.h"
#include "reconcile/inconsistencies.h"
#include "reconcile/truth.h"

namespace crosscheck {
namespace {

// Values of one slot that agree with each other (single link over Compatible).
struct ValueGroup {
  std::vector<const Claim*> claims;
  std::set<std::string> articles;
  std::set<int> independent;  // copy groups (an article and its copies count once)
  bool all_implied = true;
};

std::vector<ValueGroup> GroupValues(const std::vector<const Claim*>& claims, const std::map<std::string, int>& copy_of) {
  std::vector<int> parent(claims.size());
  std::iota(parent.begin(), parent.end(), 0);
  auto find = [&](int x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (size_t i = 0; i < claims.size(); ++i)
    for (size_t j = i + 1; j < claims.size(); ++j)
      if (Compatible(*claims[i], *claims[j])) parent[find(static_cast<int>(i))] = find(static_cast<int>(j));
  std::map<int, ValueGroup> groups;
  for (size_t i = 0; i < claims.size(); ++i) {
    ValueGroup& g = groups[find(static_cast<int>(i))];
    g.claims.push_back(claims[i]);
    g.articles.insert(claims[i]->article);
    g.independent.insert(copy_of.at(claims[i]->article));
    g.all_implied = g.all_implied && claims[i]->implied;
  }
  std::vector<ValueGroup> out;
  for (auto& [root, g] : groups) out.push_back(std::move(g));
  // Most independent sources first.
  std::stable_sort(out.begin(), out.end(), [](const ValueGroup& a, const ValueGroup& b) {
    return a.independent.size() > b.independent.size();
  });
  return out;
}

ClaimValue ToClaimValue(const ValueGroup& g) {
  ClaimValue v;
  // The most common display among the group's claims names it.
  // The most common display names it; among equals the most precise (longest key).
  std::map<std::string, std::pair<int, size_t>> displays;
  for (const Claim* c : g.claims) {
    auto& d = displays[c->display];
    d.first += c->supporting ? 1 : 100;  // as the bodies write it, not as a dateline shouts it
    d.second = std::max(d.second, c->key.size());
  }
  v.value = std::max_element(displays.begin(), displays.end(), [](auto& a, auto& b) { return a.second < b.second; })->first;
  std::set<std::string> seen;
  for (const Claim* c : g.claims) {
    if (seen.insert(c->article).second) v.articles.push_back(c->article);
    v.evidence.push_back({c->article, c->evidence});
  }
  return v;
}

double Support(const ValueGroup& g, const std::map<std::string, int>& copy_of) {
  // Independent sources, each as sure as its best extraction: 1 - prod(1 - 0.6 c).
  std::map<int, double> best;
  for (const Claim* c : g.claims) {
    double& b = best[copy_of.at(c->article)];
    b = std::max(b, c->confidence);
  }
  double miss = 1;
  for (const auto& [group, confidence] : best) miss *= 1 - 0.6 * confidence;
  return 1 - miss;
}

std::string ListArticles(const std::set<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) out += (out.empty() ? "" : ", ") + id;
  return out;
}

struct SlotVerdicts {
  std::vector<Finding> findings;
  std::map<std::string, ClaimValue> event_dates;  // agreed date per event, with the reports agreeing
};

SlotVerdicts JudgeSlots(const Story& story, const std::vector<Claim>& claims, const std::map<std::string, int>& copy_of) {
  SlotVerdicts out;
  // One value per report and slot: the one it states first (the lead says what the report
  // holds; later mentions in the same slot are mostly background or other moments).
  std::map<std::string, std::vector<const Claim*>> by_slot;
  std::map<std::pair<std::string, std::string>, const Claim*> first_of;
  for (const Claim& c : claims) {
    auto [it, fresh] = first_of.try_emplace({c.slot, c.article}, &c);
    if (!fresh && c.can_conflict && c.sentence >= 0 && c.sentence < it->second->sentence) it->second = &c;
    if (!c.can_conflict) by_slot[c.slot].push_back(&c);
  }
  for (const auto& [key, c] : first_of)
    if (c->can_conflict) by_slot[c->slot].push_back(c);
  // Supporting claims (a dateline) count only beside a stated value they agree with.
  for (auto& [slot, list] : by_slot) {
    std::vector<const Claim*> stated;
    for (const Claim* c : list)
      if (!c->supporting) stated.push_back(c);
    std::erase_if(list, [&](const Claim* c) {
      return c->supporting && !stated.empty() &&
             std::none_of(stated.begin(), stated.end(), [&](const Claim* s) { return Compatible(*c, *s); });
    });
  }
  for (const auto& [slot, list] : by_slot) {
    if (list.empty()) continue;
    std::vector<ValueGroup> groups = GroupValues(list, copy_of);
    // The slot is named by a claim a report's body states (a dateline says only "where").
    auto stated = std::find_if(list.begin(), list.end(), [](const Claim* c) { return !c->supporting; });
    const Claim& first = stated != list.end() ? **stated : *list.front();
    Finding f;
    f.story = story.id;
    f.event = first.event;
    f.subject = first.subject;
    if (groups.size() >= 2 && first.can_conflict) {
      // Sides must come from different articles: one article naming two values is no dispute.
      bool distinct = groups[0].articles != groups[1].articles;
      if (!distinct) continue;
      // Counts change as a story goes on (a toll rises by the day): numbers are disputed only
      // between reports of the same day, against a value that two reports agree on.
      // A count whose role the sentence names (a death toll, a budget) is disputed between any
      // two reports; a toll that grows only between reports of one day or when far apart.
      bool role_slot = slot.rfind("role|", 0) == 0;
      if ((first.kind == ValueKind::kNumber && !role_slot) || first.grows) {
        bool same_day = false, far = true;
        for (const Claim* a : groups[0].claims)
          for (const Claim* b : groups[1].claims) {
            same_day = same_day || a->day.empty() || b->day.empty() || a->day == b->day;
            far = far && std::max(a->low, b->low) >= 2 * std::min(a->high, b->high);
          }
        if (role_slot ? !(same_day || far) : (!same_day || groups[0].independent.size() < 2)) continue;
      }
      bool status = first.kind == ValueKind::kStatus;
      bool implied_side = std::any_of(groups.begin(), groups.end(), [](const ValueGroup& g) { return g.all_implied; });
      // Two reports naming different weekdays for one happening dispute it; a weekday against
      // the date a report implies is the report at odds with itself.
      bool weekday = slot.rfind("weekday|", 0) == 0;
      // Weekdays that only follow from two dates repeat the dates' dispute; one must be written.
      if (weekday && std::all_of(groups.begin(), groups.end(), [](const ValueGroup& g) { return g.all_implied; }))
        continue;
      f.kind = (weekday ? implied_side : (status || implied_side)) ? FindingKind::kInconsistency
                                                                   : FindingKind::kContradiction;
      for (const ValueGroup& g : groups) f.claims.push_back(ToClaimValue(g));
      f.confidence = std::min(Support(groups[0], copy_of), Support(groups[1], copy_of) + 0.3);
      f.detail = f.claims[0].value + " (" + ListArticles(groups[0].articles) + ") against " + f.claims[1].value + " (" +
                 ListArticles(groups[1].articles) + ")";
      if (slot.rfind("weekday|", 0) == 0)
        f.detail = "The weekday stated does not match the date the other reports give: " + f.detail;
      // What most reports agree on stays a corroborated fact beside the dispute.
      if (f.kind == FindingKind::kContradiction && first.report_agreement && groups[0].independent.size() >= 2 &&
          groups[0].independent.size() > groups[1].independent.size()) {
        Finding agreed = f;
        agreed.kind = FindingKind::kCorroboration;
        agreed.claims = {ToClaimValue(groups[0])};
        agreed.confidence = Support(groups[0], copy_of);
        agreed.detail = std::to_string(groups[0].independent.size()) + " independent reports agree; " +
                        ListArticles(groups[1].articles) + " say otherwise";
        out.findings.push_back(std::move(agreed));
      }
      out.findings.push_back(std::move(f));
    } else if (!first.report_agreement) {
      // Bookkeeping slots only speak up when they disagree.
    } else if (groups.front().independent.size() >= 2) {
      f.kind = FindingKind::kCorroboration;
      for (const ValueGroup& g : groups) f.claims.push_back(ToClaimValue(g));
      f.confidence = Support(groups.front(), copy_of);
      f.detail = std::to_string(groups.front().independent.size()) + " independent reports agree";
      out.findings.push_back(std::move(f));
    } else if (groups.size() == 1 && groups.front().articles.size() == 1) {
      f.kind = FindingKind::kSingleSource;
      f.claims.push_back(ToClaimValue(groups.front()));
      f.confidence = first.confidence;
      f.detail = "only " + *groups.front().articles.begin() + " reports this";
      out.findings.push_back(std::move(f));
    }
    // The agreed date of an event: the best-supported day, when two reports support it.
    if (first.kind == ValueKind::kDate && !first.event.empty() && groups.front().independent.size() >= 2) {
      for (const ValueGroup& g : groups) {
        for (const Claim* c : g.claims)
          if (c->key.size() == 10) {
            ClaimValue agreed = ToClaimValue(g);
            agreed.value = c->key;
            out.event_dates.emplace(first.event, std::move(agreed));
            break;
          }
        if (out.event_dates.count(first.event)) break;
      }
    }
  }
  return out;
}

void RankSources(const std::vector<Article>& articles, const std::vector<Claim>& claims,
                 const std::map<std::string, int>& copy_of, const std::vector<Finding>& inconsistencies,
                 std::vector<SourceReliability>* out) {
  std::map<std::string, int> source_index, item_index;
  for (const Article& a : articles) source_index.emplace(a.id, static_cast<int>(source_index.size()));
  std::vector<TruthClaim> truth_claims;
  std::map<int, std::vector<const Claim*>> claims_of_item;
  for (const Claim& c : claims) {
    if (!c.can_conflict) continue;
    int item = item_index.emplace(c.slot, static_cast<int>(item_index.size())).first->second;
    claims_of_item[item].push_back(&c);
  }
  // Values are compared as groups of compatible claims: the group's first key stands for it.
  for (auto& [item, list] : claims_of_item) {
    std::vector<ValueGroup> groups = GroupValues(list, copy_of);
    // Only questions that two independent reports answer can show who is right.
    std::set<int> sources;
    for (const ValueGroup& g : groups) sources.insert(g.independent.begin(), g.independent.end());
    if (sources.size() < 2) continue;
    for (size_t g = 0; g < groups.size(); ++g)
      for (const Claim* c : groups[g].claims)
        truth_claims.push_back({source_index.at(c->article), item, std::to_string(g)});
  }
  TruthOptions options;
  options.copy_group.resize(articles.size(), -1);
  for (const Article& a : articles) options.copy_group[source_index.at(a.id)] = copy_of.at(a.id);
  TruthResult result = DiscoverTruth(truth_claims, static_cast<int>(articles.size()), static_cast<int>(item_index.size()), options);
  std::map<std::string, int> inconsistent;
  // The inconsistent side is the one alone, or every side after the best-supported first.
  for (const Finding& f : inconsistencies)
    for (size_t k = f.claims.size() > 1 ? 1 : 0; k < f.claims.size(); ++k)
      for (const std::string& id : f.claims[k].articles) ++inconsistent[id];
  // An outlet's record across all its reports steadies the estimate for reports that make
  // few checkable claims: each report's trust leans on its outlet's, weighted by claims.
  // A report's own record: the share of its checkable claims that match the trust-weighted
  // consensus, drawn towards its truth-discovery trust when it makes few (two claims' worth).
  auto own_record = [&](const SourceTrust& t) {
    constexpr double kPrior = 2;
    return (t.agreed + kPrior * t.trust) / (t.claims + kPrior);
  };
  std::map<std::string, std::pair<double, int>> outlet_totals;  // outlet -> (record * claims, claims)
  for (const Article& a : articles) {
    const SourceTrust& t = result.sources[source_index.at(a.id)];
    if (a.outlet.empty() || t.claims == 0) continue;
    outlet_totals[a.outlet].first += own_record(t) * t.claims;
    outlet_totals[a.outlet].second += t.claims;
  }
  constexpr double kOutletWeight = 3;  // claims' worth of weight the outlet's record carries
  for (const Article& a : articles) {
    int s = source_index.at(a.id);
    const SourceTrust& t = result.sources[s];
    SourceReliability r;
    r.article = a.id;
    r.outlet = a.outlet;
    r.claims = t.claims;
    r.agreed = t.agreed;
    r.contradicted = t.claims - t.agreed;
    // Trust from agreement, lowered for each inconsistency inside the report itself.
    double trust = t.claims ? own_record(t) : 0.5;
    auto outlet = outlet_totals.find(a.outlet);
    if (outlet != outlet_totals.end() && outlet->second.second > t.claims) {
      double outlet_trust = outlet->second.first / outlet->second.second;
      trust = (trust * t.claims + outlet_trust * kOutletWeight) / (t.claims + kOutletWeight);
    }
    r.reliability = std::max(0.0, trust * std::pow(0.85, inconsistent[a.id]));
    out->push_back(r);
  }
  std::stable_sort(out->begin(), out->end(), [](const SourceReliability& a, const SourceReliability& b) {
    return a.reliability < b.reliability;
  });
}

int KindOrder(FindingKind k) {
  switch (k) {
    case FindingKind::kContradiction: return 0;
    case FindingKind::kInconsistency: return 1;
    case FindingKind::kCorroboration: return 2;
    case FindingKind::kSingleSource: return 3;
  }
  return 4;
}

}  // namespace

const char* FindingKindName(FindingKind kind) {
  switch (kind) {
    case FindingKind::kContradiction: return "contradiction";
    case FindingKind::kCorroboration: return "corroboration";
    case FindingKind::kSingleSource: return "single_source";
    case FindingKind::kInconsistency: return "inconsistency";
  }
  return "corroboration";
}

Reconciliation Reconcile(const std::vector<Article>& articles, const std::vector<ArticleFacts>& facts,
                         const Grouping& grouping) {
  Reconciliation out;
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < articles.size(); ++i) index.emplace(articles[i].id, i);
  // Copies count once: every article maps to the group of its original.
  std::map<std::string, int> copy_of;
  for (size_t i = 0; i < articles.size(); ++i) copy_of[articles[i].id] = static_cast<int>(i);
  for (size_t g = 0; g < grouping.copy_groups.size(); ++g)
    for (const std::string& id : grouping.copy_groups[g])
      if (copy_of.count(id)) copy_of[id] = static_cast<int>(articles.size() + g);
  std::vector<Claim> all_claims;
  std::vector<Finding> inconsistencies;
  for (const Story& story : grouping.stories) {
    StoryView view{&story, {}};
    for (const std::string& id : story.articles) {
      auto it = index.find(id);
      if (it == index.end()) continue;
      ArticleView a{&articles[it->second], &facts[it->second], {}};
      for (const StoryEvent& e : story.events)
        if (std::find(e.articles.begin(), e.articles.end(), id) != e.articles.end()) a.events.push_back(e.id);
      view.articles.push_back(a);
    }
    std::vector<Claim> claims = BuildClaims(view);
    SlotVerdicts verdicts = JudgeSlots(story, claims, copy_of);
    for (Finding& f : verdicts.findings) {
      if (f.kind == FindingKind::kInconsistency) inconsistencies.push_back(f);
      out.findings.push_back(std::move(f));
    }
    for (Finding& f : FindInconsistencies(view, verdicts.event_dates)) {
      inconsistencies.push_back(f);
      out.findings.push_back(std::move(f));
    }
    all_claims.insert(all_claims.end(), std::make_move_iterator(claims.begin()), std::make_move_iterator(claims.end()));
  }
  std::stable_sort(out.findings.begin(), out.findings.end(), [](const Finding& a, const Finding& b) {
    if (KindOrder(a.kind) != KindOrder(b.kind)) return KindOrder(a.kind) < KindOrder(b.kind);
    return a.confidence > b.confidence;
  });
  RankSources(articles, all_claims, copy_of, inconsistencies, &out.sources);
  return out;
}

}  // namespace crosscheck
