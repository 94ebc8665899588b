#include "reconcile/reconcile.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <set>
#include <tuple>

#include "reconcile/claims.h"
#include "reconcile/inconsistencies.h"
#include "reconcile/truth.h"

#include <xxhash.h>

namespace crosscheck {
namespace {

// Values of one slot that agree with each other (single link over Compatible).
struct ValueGroup {
  std::vector<const Claim*> claims;
  std::set<std::string> articles;
  std::set<int> independent;  // copy groups (an article and its copies count once)
  bool all_implied = true;
};

// How much a value leaves open: a wide range ("at least 38", "more than 60") or a short name
// ("Trump") says less than "38" or "Donald Trump". Precise values found the groups.
double Vagueness(const Claim& c) {
  if (c.kind == ValueKind::kNumber || c.kind == ValueKind::kDuration) return c.high - c.low;
  return -static_cast<double>(c.key.size());
}

std::vector<ValueGroup> GroupValues(const std::vector<const Claim*>& claims, const std::map<std::string, int>& copy_of) {
  // Equal values form one candidate at once; Compatible runs between distinct values only, so
  // a slot many reports answer alike costs no more than one answered by a few.
  std::map<std::tuple<std::string, double, double>, std::vector<const Claim*>> same;
  for (const Claim* c : claims) same[std::make_tuple(c->key, c->low, c->high)].push_back(c);
  std::vector<std::vector<const Claim*>> values;
  for (auto& [key, list] : same) values.push_back(std::move(list));
  std::stable_sort(values.begin(), values.end(), [](const auto& a, const auto& b) {
    return Vagueness(*a.front()) < Vagueness(*b.front());
  });
  // Numbers, most precise first, join by complete link: a value joins a group only when it
  // agrees with every value already in it, so "at least 38" cannot bridge "38" and "more than
  // 60". Names and places join by single link: "Trump" and "Donald Trump", or a report naming
  // both "Dahej" and "Gujarat", put their values together.
  const bool ranges = !claims.empty() && (claims.front()->kind == ValueKind::kNumber ||
                                          claims.front()->kind == ValueKind::kDuration);
  std::vector<std::vector<const std::vector<const Claim*>*>> members;
  for (const auto& value : values) {
    auto agrees = [&](const auto* other) { return Compatible(*value.front(), *other->front()); };
    if (ranges) {
      auto it = std::find_if(members.begin(), members.end(),
                             [&](const auto& group) { return std::all_of(group.begin(), group.end(), agrees); });
      if (it == members.end()) members.push_back({&value});
      else it->push_back(&value);
      continue;
    }
    std::vector<const std::vector<const Claim*>*> joined{&value};
    for (auto it = members.begin(); it != members.end();) {
      if (std::any_of(it->begin(), it->end(), agrees)) {
        joined.insert(joined.end(), it->begin(), it->end());
        it = members.erase(it);
      } else {
        ++it;
      }
    }
    members.push_back(std::move(joined));
  }
  std::vector<ValueGroup> out;
  for (const auto& group : members) {
    ValueGroup g;
    for (const auto* value : group)
      for (const Claim* c : *value) {
        g.claims.push_back(c);
        g.articles.insert(c->article);
        g.independent.insert(copy_of.at(c->article));
        g.all_implied = g.all_implied && c->implied;
      }
    out.push_back(std::move(g));
  }
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

// The claims each slot is judged on. One value per report in a slot that can be disputed: the
// one it states first (the lead says what the report holds; later mentions in the same slot are
// mostly background or other moments). Supporting claims (a dateline) count only beside a
// stated value they agree with.
std::map<std::string, std::vector<const Claim*>> ClaimsBySlot(const std::vector<Claim>& claims) {
  std::map<std::string, std::vector<const Claim*>> by_slot;
  std::map<std::pair<std::string, std::string>, const Claim*> first_of;
  for (const Claim& c : claims) {
    auto [it, fresh] = first_of.try_emplace({c.slot, c.article}, &c);
    if (!fresh && c.can_conflict && c.sentence >= 0 && c.sentence < it->second->sentence) it->second = &c;
    if (!c.can_conflict) by_slot[c.slot].push_back(&c);
  }
  for (const auto& [key, c] : first_of)
    if (c->can_conflict) by_slot[c->slot].push_back(c);
  for (auto& [slot, list] : by_slot) {
    std::vector<const Claim*> stated;
    for (const Claim* c : list)
      if (!c->supporting) stated.push_back(c);
    std::erase_if(list, [&](const Claim* c) {
      return c->supporting && !stated.empty() &&
             std::none_of(stated.begin(), stated.end(), [&](const Claim* s) { return Compatible(*c, *s); });
    });
  }
  return by_slot;
}

SlotVerdicts JudgeSlots(const Story& story, const std::map<std::string, std::vector<const Claim*>>& by_slot,
                        const std::map<std::string, int>& copy_of) {
  SlotVerdicts out;
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
      bool role_slot = slot.rfind("role|", 0) == 0 || slot.rfind("moment|", 0) == 0;
      if ((first.kind == ValueKind::kNumber && !role_slot) || first.grows) {
        // Each other value is set against the best-supported one; values of another day (a
        // toll that rose meanwhile) drop out, and the dispute stands if any value is left.
        auto disputes = [&](const ValueGroup& other) {
          bool same_day = false, far = true;
          for (const Claim* a : groups[0].claims)
            for (const Claim* b : other.claims) {
              // Within one day, and within six hours when both reports give their time: a
              // morning and an evening report may rightly give two states of a search.
              bool hours_apart = a->minute >= 0 && b->minute >= 0 && std::abs(a->minute - b->minute) > 6 * 60;
              same_day = same_day || a->day.empty() || b->day.empty() || (a->day == b->day && !(first.grows && hours_apart));
              far = far && std::max(a->low, b->low) >= 2 * std::min(a->high, b->high);
            }
          return role_slot ? (same_day || far) : (same_day && groups[0].independent.size() >= 2);
        };
        groups.erase(std::remove_if(groups.begin() + 1, groups.end(), [&](const ValueGroup& g) { return !disputes(g); }),
                     groups.end());
        if (groups.size() < 2 || groups[0].articles == groups[1].articles) continue;
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

// Each checkable claim of one story as truth discovery sees it: which report, which question
// (the slot) and which value (the key standing for its group of compatible values).
// Each report answers each question once, with the value the slot was judged on.
std::vector<StoryOutcome::TruthRow> TruthRows(const std::map<std::string, std::vector<const Claim*>>& by_slot,
                                              const std::map<std::string, int>& copy_of) {
  std::vector<StoryOutcome::TruthRow> out;
  for (const auto& [slot, list] : by_slot) {
    if (list.empty() || !list.front()->can_conflict) continue;
    std::vector<ValueGroup> groups = GroupValues(list, copy_of);
    for (const ValueGroup& g : groups)
      for (const Claim* c : g.claims) out.push_back({c->article, slot, g.claims.front()->key});
  }
  return out;
}

// `truth` holds each story's rows, `inconsistent` how many inconsistencies each report has.
void RankSources(const std::vector<Article>& articles, const std::vector<std::vector<StoryOutcome::TruthRow>>& truth,
                 const std::map<std::string, int>& copy_of, const std::map<std::string, int>& inconsistent,
                 std::vector<SourceReliability>* out) {
  std::map<std::string, int> source_index;
  for (const Article& a : articles) source_index.emplace(a.id, static_cast<int>(source_index.size()));
  // A question asked in several stories (who holds an office) is one question: outlets'
  // records join up across stories.
  // Only questions that two independent reports answer can show who is right.
  std::map<std::string, std::set<int>> answered_by;
  for (const auto& rows : truth)
    for (const StoryOutcome::TruthRow& r : rows)
      if (auto c = copy_of.find(r.article); c != copy_of.end()) answered_by[r.item].insert(c->second);
  std::vector<TruthClaim> truth_claims;
  std::map<std::string, int> item_of;
  for (const auto& rows : truth)
    for (const StoryOutcome::TruthRow& r : rows) {
      auto source = source_index.find(r.article);
      if (source == source_index.end() || answered_by[r.item].size() < 2) continue;
      int item = item_of.emplace(r.item, static_cast<int>(item_of.size())).first->second;
      truth_claims.push_back({source->second, item, r.value});
    }
  const int items = static_cast<int>(item_of.size());
  TruthOptions options;
  options.copy_group.resize(articles.size(), -1);
  for (const Article& a : articles) options.copy_group[source_index.at(a.id)] = copy_of.at(a.id);
  TruthResult result = DiscoverTruth(truth_claims, static_cast<int>(articles.size()), items, options);
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
    auto n = inconsistent.find(a.id);
    r.reliability = std::max(0.0, trust * std::pow(0.85, n == inconsistent.end() ? 0 : n->second));
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

namespace {

// Everything one story yields: its findings, its claims as truth discovery sees them, and who
// is inconsistent with themselves.
StoryOutcome ReconcileStory(const Story& story, const std::vector<Article>& articles,
                            const std::vector<ArticleFacts>& facts, const std::map<std::string, size_t>& index,
                            const std::map<std::string, int>& copy_of) {
  StoryView view = ViewOfStory(story, articles, facts, index);
  StoryOutcome out;
  std::vector<Claim> claims = BuildClaims(view);
  std::map<std::string, std::vector<const Claim*>> by_slot = ClaimsBySlot(claims);
  SlotVerdicts verdicts = JudgeSlots(story, by_slot, copy_of);
  out.findings = std::move(verdicts.findings);
  for (Finding& f : FindInconsistencies(view, verdicts.event_dates)) out.findings.push_back(std::move(f));
  // The inconsistent side is the one alone, or every side after the best-supported first.
  for (const Finding& f : out.findings)
    if (f.kind == FindingKind::kInconsistency)
      for (size_t k = f.claims.size() > 1 ? 1 : 0; k < f.claims.size(); ++k)
        out.inconsistent.insert(out.inconsistent.end(), f.claims[k].articles.begin(), f.claims[k].articles.end());
  out.truth = TruthRows(by_slot, copy_of);
  return out;
}

// What a story's outcome depends on: the engine build, its articles' ids and texts, which
// event each reports, and which are copies of which. Equal keys give equal outcomes.
uint64_t StoryKey(const Story& story, const std::vector<Article>& articles, const std::map<std::string, size_t>& index,
                  const std::map<std::string, std::string>& original_of) {
  XXH3_state_t* state = XXH3_createState();
  XXH3_64bits_reset(state);
  auto add = [&](std::string_view s) {
    XXH3_64bits_update(state, s.data(), s.size());
    XXH3_64bits_update(state, "\x1f", 1);
  };
  add(__DATE__ " " __TIME__);  // a rebuilt engine may judge differently
  std::vector<std::string> ids = story.articles;
  std::sort(ids.begin(), ids.end());
  for (const std::string& id : ids) {
    add(id);
    auto it = index.find(id);
    if (it != index.end()) {
      const Article& a = articles[it->second];
      add(a.title), add(a.published), add(a.outlet), add(a.text);
    }
    auto original = original_of.find(id);
    add(original == original_of.end() ? id : original->second);
  }
  for (const StoryEvent& e : story.events) {
    add(e.date), add(e.place);
    for (const std::string& id : e.articles) add(id);
    add("|");
  }
  uint64_t key = XXH3_64bits_digest(state);
  XXH3_freeState(state);
  return key;
}

// Cached findings name events by their place in the story ("#0"), since ids shift between runs.
void EventIdsToPlaces(const Story& story, StoryOutcome* outcome, bool to_places) {
  for (Finding& f : outcome->findings) {
    f.story = to_places ? "" : story.id;
    if (f.event.empty()) continue;
    if (to_places) {
      for (size_t k = 0; k < story.events.size(); ++k)
        if (story.events[k].id == f.event) { f.event = std::string("#").append(std::to_string(k)); break; }
    } else if (f.event[0] == '#') {
      size_t k = static_cast<size_t>(std::atoi(f.event.c_str() + 1));
      f.event = k < story.events.size() ? story.events[k].id : "";
    }
  }
}

}  // namespace

Reconciliation Reconcile(const std::vector<Article>& articles, const std::vector<ArticleFacts>& facts,
                         const Grouping& grouping, StoryMemory* memory) {
  Reconciliation out;
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < articles.size(); ++i) index.emplace(articles[i].id, i);
  // Copies count once: every article maps to the group of its original.
  std::map<std::string, int> copy_of;
  std::map<std::string, std::string> original_of;  // the group's first id, stable across runs
  for (size_t i = 0; i < articles.size(); ++i) copy_of[articles[i].id] = static_cast<int>(i);
  for (size_t g = 0; g < grouping.copy_groups.size(); ++g) {
    const auto& group = grouping.copy_groups[g];
    std::string first = group.empty() ? "" : *std::min_element(group.begin(), group.end());
    for (const std::string& id : group)
      if (copy_of.count(id)) copy_of[id] = static_cast<int>(articles.size() + g), original_of[id] = first;
  }
  std::vector<std::vector<StoryOutcome::TruthRow>> truth;
  std::map<std::string, int> inconsistent;
  for (const Story& story : grouping.stories) {
    ++out.stories;
    StoryOutcome outcome;
    uint64_t key = memory ? StoryKey(story, articles, index, original_of) : 0;
    if (memory && memory->Recall(key, &outcome)) {
      ++out.stories_recalled;
      EventIdsToPlaces(story, &outcome, /*to_places=*/false);
    } else {
      outcome = ReconcileStory(story, articles, facts, index, copy_of);
      if (memory) {
        StoryOutcome kept = outcome;
        EventIdsToPlaces(story, &kept, /*to_places=*/true);
        memory->Remember(key, kept);
      }
    }
    for (Finding& f : outcome.findings) out.findings.push_back(std::move(f));
    for (const std::string& id : outcome.inconsistent) ++inconsistent[id];
    truth.push_back(std::move(outcome.truth));
  }
  std::stable_sort(out.findings.begin(), out.findings.end(), [](const Finding& a, const Finding& b) {
    if (KindOrder(a.kind) != KindOrder(b.kind)) return KindOrder(a.kind) < KindOrder(b.kind);
    return a.confidence > b.confidence;
  });
  RankSources(articles, truth, copy_of, inconsistent, &out.sources);
  return out;
}

}  // namespace crosscheck
