// Truth discovery after TruthFinder (Yin, Han & Yu, KDD 2007), with copy groups.
//
// Claims are first reduced to distinct values per item and to votes (source, value, weight):
//   - a source that states several different values for one item splits one vote among them,
//     so hedging does not buy extra votes (repeating one value counts once);
//   - sources of one copy group that speak about an item share one vote on it (each member's
//     weight is divided by the members present), so a copied report cannot outvote two
//     independent ones.
// Each iteration is then, with t(s) the trust of source s:
//   tau(s)    = -ln(1 - t(s))                          trust score, additive over sources
//   sigma(v)  = sum over votes for v of weight * tau(s)
//   sigma*(v) = sigma(v) + rho * sum over u of sigma(u) * imp(u -> v)   (imp = `similarity`)
//   conf(v)   = 1 / (1 + exp(-gamma * sigma*(v)))      gamma dampens dependence between sources
//   t(s)      = mean conf of s's values (an item's values weighted by the source's split)
// until the trust vector stops turning (cosine change < 1e-6) or max_iterations. The chosen
// value of an item is the one with the largest sigma*; ties go to the value claimed first.
//
// Cost: similarity is evaluated once per ordered pair of an item's values, before iterating,
// and only non-zero implications are kept; items with very many distinct values only let their
// most-claimed values imply each other, so every iteration is linear in the claims.

#include "reconcile/truth.h"

#include <absl/container/flat_hash_map.h>
#include <absl/container/flat_hash_set.h>

#include <algorithm>
#include <cmath>
#include <string_view>
#include <utility>

namespace crosscheck {
namespace {

// Beyond this many distinct values of one item, only the most-claimed ones take part in
// implication: the long tail of one-off values carries little support to pass on, and the
// cap keeps the pairwise step bounded by kMaxImplicationValues x claims.
constexpr int kMaxImplicationValues = 48;
// tau = -ln(1 - t) is infinite at t = 1; a unanimous source must not swamp everything else.
constexpr double kMaxTrust = 1 - 1e-6;
constexpr double kConvergence = 1e-6;

struct Vote {
  int source = 0;
  int value = 0;
  double split = 1;   // 1 / number of distinct values the source gives for the item
  double weight = 1;  // split further divided among the copy-group members on the item
};

struct Implication {
  int from = 0, to = 0;
  double strength = 0;
};

// Claims reduced to what the iterations need; built once.
struct Problem {
  std::vector<std::string> value_text;
  std::vector<int> value_item;
  std::vector<int> value_first_claim;  // index of the first claim stating it, for ties
  std::vector<int> value_sources;      // sources stating it, for the implication cap
  std::vector<Vote> votes;
  std::vector<Implication> implications;
};

// Distinct (item, value) pairs, numbered in order of first appearance so results never depend
// on hashing; also one vote per distinct (source, item, value).
void CollectValuesAndVotes(const std::vector<TruthClaim>& claims, Problem& p) {
  // Keys view the claims' own strings, which outlive this function.
  absl::flat_hash_map<std::pair<int, std::string_view>, int> value_id;
  absl::flat_hash_set<std::pair<int, int>> seen_vote;  // (source, value)
  for (size_t c = 0; c < claims.size(); ++c) {
    const TruthClaim& claim = claims[c];
    auto [it, added] = value_id.try_emplace({claim.item, claim.value}, static_cast<int>(p.value_text.size()));
    if (added) {
      p.value_text.push_back(claim.value);
      p.value_item.push_back(claim.item);
      p.value_first_claim.push_back(static_cast<int>(c));
      p.value_sources.push_back(0);
    }
    int value = it->second;
    if (seen_vote.insert({claim.source, value}).second) {
      p.votes.push_back({claim.source, value, 1, 1});
      ++p.value_sources[value];
    }
  }
}

// Splits each source's vote on an item among its values, then each copy group's vote on an
// item among the group members present there.
void WeighVotes(const TruthOptions& options, Problem& p) {
  absl::flat_hash_map<std::pair<int, int>, int> values_per_source_item;  // (source, item) -> values
  for (const Vote& v : p.votes) ++values_per_source_item[{v.source, p.value_item[v.value]}];
  for (Vote& v : p.votes) v.split = 1.0 / values_per_source_item[{v.source, p.value_item[v.value]}];

  auto group_of = [&](int source) {
    bool grouped = source < static_cast<int>(options.copy_group.size()) && options.copy_group[source] >= 0;
    return grouped ? options.copy_group[source] : -1;
  };
  absl::flat_hash_map<std::pair<int, int>, std::vector<int>> members_per_group_item;  // (group, item) -> sources
  for (const Vote& v : p.votes) {
    int group = group_of(v.source);
    if (group < 0) continue;
    auto& members = members_per_group_item[{group, p.value_item[v.value]}];
    if (std::find(members.begin(), members.end(), v.source) == members.end()) members.push_back(v.source);
  }
  for (Vote& v : p.votes) {
    int group = group_of(v.source);
    size_t members = group < 0 ? 1 : members_per_group_item[{group, p.value_item[v.value]}].size();
    v.weight = v.split / static_cast<double>(members);
  }
}

// Values of each item, most-claimed first (then first claimed), cut to the implication cap.
std::vector<std::vector<int>> ImplyingValuesPerItem(const Problem& p, int items) {
  std::vector<std::vector<int>> per_item(items);
  for (size_t v = 0; v < p.value_item.size(); ++v) per_item[p.value_item[v]].push_back(static_cast<int>(v));
  for (auto& values : per_item) {
    if (static_cast<int>(values.size()) <= kMaxImplicationValues) continue;
    std::stable_sort(values.begin(), values.end(),
                     [&](int a, int b) { return p.value_sources[a] > p.value_sources[b]; });
    values.resize(kMaxImplicationValues);
  }
  return per_item;
}

void CollectImplications(const TruthOptions& options, int items, Problem& p) {
  if (!options.similarity || options.implication_weight == 0) return;
  for (const auto& values : ImplyingValuesPerItem(p, items)) {
    for (int from : values) {
      for (int to : values) {
        if (from == to) continue;
        double s = options.similarity(p.value_item[from], p.value_text[from], p.value_text[to]);
        s = std::clamp(s, -1.0, 1.0);
        if (s != 0) p.implications.push_back({from, to, s});
      }
    }
  }
}

Problem Prepare(const std::vector<TruthClaim>& claims, int items, const TruthOptions& options) {
  Problem p;
  CollectValuesAndVotes(claims, p);
  WeighVotes(options, p);
  CollectImplications(options, items, p);
  return p;
}

// One TruthFinder step: value scores sigma* from trust; returns them.
std::vector<double> ScoreValues(const Problem& p, const std::vector<double>& trust, double rho) {
  std::vector<double> sigma(p.value_text.size(), 0.0);
  for (const Vote& v : p.votes) {
    double t = std::min(trust[v.source], kMaxTrust);
    sigma[v.value] += v.weight * -std::log(1 - t);
  }
  std::vector<double> adjusted = sigma;
  for (const Implication& imp : p.implications) adjusted[imp.to] += rho * sigma[imp.from] * imp.strength;
  return adjusted;
}

std::vector<double> Confidence(const std::vector<double>& adjusted, double gamma) {
  std::vector<double> conf(adjusted.size());
  for (size_t v = 0; v < adjusted.size(); ++v) conf[v] = 1 / (1 + std::exp(-gamma * adjusted[v]));
  return conf;
}

// Trust = mean confidence of the source's values; a source with no claims keeps its prior.
std::vector<double> TrustFromConfidence(const Problem& p, const std::vector<double>& conf,
                                        const std::vector<double>& prior) {
  std::vector<double> sum(prior.size(), 0.0), mass(prior.size(), 0.0);
  for (const Vote& v : p.votes) {
    sum[v.source] += v.split * conf[v.value];
    mass[v.source] += v.split;
  }
  std::vector<double> trust = prior;
  for (size_t s = 0; s < trust.size(); ++s)
    if (mass[s] > 0) trust[s] = std::clamp(sum[s] / mass[s], 0.0, 1.0);
  return trust;
}

double CosineChange(const std::vector<double>& a, const std::vector<double>& b) {
  double dot = 0, na = 0, nb = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  if (na == 0 || nb == 0) return na == nb ? 0 : 1;
  return 1 - dot / std::sqrt(na * nb);
}

// Per item, the value with the highest score; ties to the value claimed first.
std::vector<int> ChooseValues(const Problem& p, const std::vector<double>& score, int items) {
  std::vector<int> best(items, -1);
  for (size_t v = 0; v < score.size(); ++v) {
    int& b = best[p.value_item[v]];
    bool better = b < 0 || score[v] > score[b] ||
                  (score[v] == score[b] && p.value_first_claim[v] < p.value_first_claim[b]);
    if (better) b = static_cast<int>(v);
  }
  return best;
}

// Fills truth, confidence and the per-source claim/agreement counts (distinct claims).
TruthResult Summarise(const Problem& p, const std::vector<int>& chosen, const std::vector<double>& value_conf,
                      const std::vector<double>& trust, int items) {
  TruthResult result;
  result.truth.assign(items, "");
  result.confidence.assign(items, 0.0);
  for (int i = 0; i < items; ++i) {
    if (chosen[i] < 0) continue;
    result.truth[i] = p.value_text[chosen[i]];
    result.confidence[i] = std::clamp(value_conf[chosen[i]], 0.0, 1.0);
  }
  result.sources.resize(trust.size());
  for (size_t s = 0; s < trust.size(); ++s) result.sources[s].trust = trust[s];
  for (const Vote& v : p.votes) {
    SourceTrust& st = result.sources[v.source];
    ++st.claims;
    if (chosen[p.value_item[v.value]] == v.value) ++st.agreed;
  }
  return result;
}

bool ValidClaims(const std::vector<TruthClaim>& claims, int sources, int items) {
  return std::all_of(claims.begin(), claims.end(), [&](const TruthClaim& c) {
    return c.source >= 0 && c.source < sources && c.item >= 0 && c.item < items;
  });
}

}  // namespace

TruthResult DiscoverTruth(const std::vector<TruthClaim>& claims, int sources, int items, const TruthOptions& options) {
  sources = std::max(sources, 0);
  items = std::max(items, 0);
  if (!ValidClaims(claims, sources, items)) return {};
  Problem p = Prepare(claims, items, options);

  std::vector<double> trust(sources, std::clamp(options.initial_trust, 0.0, 1.0));
  std::vector<double> score(p.value_text.size(), 0.0), conf(p.value_text.size(), 0.5);
  int iterations = 0;
  while (iterations < std::max(options.max_iterations, 1)) {
    ++iterations;
    score = ScoreValues(p, trust, options.implication_weight);
    conf = Confidence(score, options.dampening);
    std::vector<double> next = TrustFromConfidence(p, conf, trust);
    double change = CosineChange(trust, next);
    trust = std::move(next);
    if (change < kConvergence) break;
  }
  // Choose with the final trust, so truth, confidence and trust describe the same state.
  score = ScoreValues(p, trust, options.implication_weight);
  conf = Confidence(score, options.dampening);
  TruthResult result = Summarise(p, ChooseValues(p, score, items), conf, trust, items);
  result.iterations = iterations;
  return result;
}

TruthResult MajorityVote(const std::vector<TruthClaim>& claims, int sources, int items) {
  sources = std::max(sources, 0);
  items = std::max(items, 0);
  if (!ValidClaims(claims, sources, items)) return {};
  Problem p = Prepare(claims, items, TruthOptions{});
  // One source, one vote per item (split over its values); no copy groups, no trust.
  std::vector<double> votes(p.value_text.size(), 0.0), item_votes(items, 0.0);
  for (const Vote& v : p.votes) {
    votes[v.value] += v.split;
    item_votes[p.value_item[v.value]] += v.split;
  }
  std::vector<int> chosen = ChooseValues(p, votes, items);
  std::vector<double> share(votes.size(), 0.0);
  for (size_t v = 0; v < votes.size(); ++v) share[v] = votes[v] / item_votes[p.value_item[v]];
  TruthResult result = Summarise(p, chosen, share, std::vector<double>(sources, 0.0), items);
  // A voter's trust is simply its agreement rate with the majority.
  for (SourceTrust& st : result.sources) st.trust = st.claims ? static_cast<double>(st.agreed) / st.claims : 0.0;
  result.iterations = 1;
  return result;
}

}  // namespace crosscheck
