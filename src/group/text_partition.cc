// Happenings inside a story told apart by story-local words and years (contract in
// text_partition.h).
#include "group/text_partition.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <string_view>

#include "group/hash_counts.h"

namespace crosscheck {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The year of a TimeML value starting with four digits ("2013", "2013-05", "2013-05-03T10:00").
int YearOf(const std::string& value) {
  if (value.size() < 4 || !std::all_of(value.begin(), value.begin() + 4, IsDigit)) return 0;
  return std::stoi(value.substr(0, 4));
}

bool MonthPrecise(const std::string& value) {
  return value.size() >= 7 && value[4] == '-' && IsDigit(value[5]) && IsDigit(value[6]);
}

// Where the first `paragraphs` lines of `text` end.
size_t LeadEnd(std::string_view text, size_t paragraphs) {
  size_t end = 0;
  for (size_t line = 0; line < paragraphs; ++line) {
    end = text.find('\n', line == 0 ? 0 : end + 1);
    if (end == std::string_view::npos) return text.size();
  }
  return end;
}

using Matrix = std::vector<std::vector<double>>;

// Unit vectors of the articles weighted against each other: sublinear count times
// log((n + 1) / (df + 0.5)), df counted inside the set.
std::vector<SparseVector> LocalVectors(const std::vector<const TextProfile*>& articles, const std::vector<int>& set) {
  size_t occurrences = 0;
  for (int a : set) occurrences += articles[a]->terms.size();
  HashCounts df(occurrences);  // term -> documents of the set that have it
  for (int a : set) {
    for (const TermCount& tc : articles[a]->terms) ++df.At(tc.term);
  }
  const double n = static_cast<double>(set.size());
  // df is at most n (terms are unique per profile): each IDF value is computed once.
  std::vector<double> idf_of_df(set.size() + 1);
  for (size_t d = 0; d < idf_of_df.size(); ++d) idf_of_df[d] = std::log((n + 1) / (static_cast<int>(d) + 0.5));
  auto idf = [&](uint32_t d) {
    return d < idf_of_df.size() ? idf_of_df[d] : std::log((n + 1) / (d + 0.5));
  };
  std::vector<SparseVector> vectors(set.size());
  for (size_t i = 0; i < set.size(); ++i) {
    SparseVector& v = vectors[i];
    for (const TermCount& tc : articles[set[i]]->terms) {
      if (tc.count <= 0) continue;
      const double weight = (1 + std::log(std::max(1.0f, tc.count))) * idf(df.Get(tc.term));
      if (weight > 0) v.entries.emplace_back(tc.term, static_cast<float>(weight));
    }
    v.Normalize();
  }
  return vectors;
}

Matrix Similarities(const std::vector<SparseVector>& vectors) {
  const size_t n = vectors.size();
  Matrix sim(n, std::vector<double>(n, 0));
  DotTable row;  // vector i scattered once for its whole row
  for (size_t i = 0; i + 1 < n; ++i) {
    row.Assign(vectors[i]);
    for (size_t j = i + 1; j < n; ++j) sim[i][j] = sim[j][i] = row.DotWith(vectors[j]);
  }
  return sim;
}

// Average-linkage tree of positions 0..n-1; returns the two groups joined by the last merge
// whose both sides hold at least `min_part` positions (empty when there is none).
std::vector<std::vector<int>> TopBalancedMerge(Matrix sim, size_t min_part) {
  const int n = static_cast<int>(sim.size());
  std::vector<std::vector<int>> groups(n);
  for (int i = 0; i < n; ++i) groups[i] = {i};
  std::vector<bool> alive(n, true);
  std::vector<std::vector<int>> last;
  for (int merges = 0; merges + 1 < n; ++merges) {
    int bi = -1, bj = -1;
    double best = 0;
    for (int i = 0; i < n; ++i) {
      if (!alive[i]) continue;
      for (int j = i + 1; j < n; ++j) {
        if (alive[j] && (bi < 0 || sim[i][j] > best)) best = sim[i][j], bi = i, bj = j;
      }
    }
    if (groups[bi].size() >= min_part && groups[bj].size() >= min_part) last = {groups[bi], groups[bj]};
    // Lance-Williams update for average linkage.
    const double wi = static_cast<double>(groups[bi].size()), wj = static_cast<double>(groups[bj].size());
    for (int k = 0; k < n; ++k) {
      if (!alive[k] || k == bi || k == bj) continue;
      sim[bi][k] = sim[k][bi] = (wi * sim[bi][k] + wj * sim[bj][k]) / (wi + wj);
    }
    groups[bi].insert(groups[bi].end(), groups[bj].begin(), groups[bj].end());
    groups[bj].clear();
    alive[bj] = false;
  }
  return last;
}

// Moves every position to the group it is most alike on average (itself left out), all at
// once, until nothing moves (at most `rounds` times). Positions outside every group are placed
// in the first round. Groups that empty are dropped.
std::vector<std::vector<int>> Refine(std::vector<std::vector<int>> groups, const Matrix& sim, int rounds = 5) {
  const int n = static_cast<int>(sim.size());
  for (int round = 0; round < rounds && groups.size() > 1; ++round) {
    std::vector<int> was(n, -1);
    for (int g = 0; g < static_cast<int>(groups.size()); ++g) {
      for (int p : groups[g]) was[p] = g;
    }
    std::vector<std::vector<int>> next(groups.size());
    bool moved = false;
    for (int p = 0; p < n; ++p) {
      int best = -1;
      double best_mean = 0;
      for (int g = 0; g < static_cast<int>(groups.size()); ++g) {
        double sum = 0;
        int count = 0;
        for (int q : groups[g]) {
          if (q != p) sum += sim[p][q], ++count;
        }
        if (count == 0) continue;
        const double mean = sum / count;
        if (best < 0 || mean > best_mean) best = g, best_mean = mean;
      }
      if (best < 0) best = std::max(was[p], 0);
      moved |= best != was[p];
      next[best].push_back(p);
    }
    groups.clear();
    for (auto& g : next) {
      if (!g.empty()) groups.push_back(std::move(g));
    }
    if (!moved) break;
  }
  return groups;
}

// Largest difference, over keys, between the share of `a` and the share of `b` naming the key.
double ShareGap(const std::map<int, int>& a, size_t a_size, const std::map<int, int>& b, size_t b_size) {
  double gap = 0;
  auto share = [](const std::map<int, int>& m, int key, size_t size) {
    auto it = m.find(key);
    return it == m.end() ? 0.0 : static_cast<double>(it->second) / static_cast<double>(size);
  };
  for (const auto* m : {&a, &b}) {
    for (const auto& [key, count] : *m) gap = std::max(gap, std::fabs(share(a, key, a_size) - share(b, key, b_size)));
  }
  return gap;
}

// How much more alike two articles of one half are than two of different halves: mean
// similarity across the halves over mean similarity inside them (1 when nothing is alike).
double SeparationRatio(const Matrix& sim, const std::vector<std::vector<int>>& halves) {
  double inside = 0, across = 0;
  size_t inside_pairs = 0, across_pairs = 0;
  for (size_t h = 0; h < 2; ++h) {
    for (size_t i = 0; i < halves[h].size(); ++i) {
      for (size_t j = i + 1; j < halves[h].size(); ++j) inside += sim[halves[h][i]][halves[h][j]], ++inside_pairs;
    }
  }
  for (int p : halves[0]) {
    for (int q : halves[1]) across += sim[p][q], ++across_pairs;
  }
  if (inside_pairs == 0 || across_pairs == 0 || inside <= 0) return 1;
  return (across / static_cast<double>(across_pairs)) / (inside / static_cast<double>(inside_pairs));
}

// Evidence that two halves (positions `halves` of `set`) tell two happenings (see the header).
double SplitEvidence(const std::vector<const TextProfile*>& articles, const std::vector<int>& set,
                     const std::vector<std::vector<int>>& halves, const Matrix& sim) {
  auto years = [&](const std::vector<int>& half) {
    std::map<int, int> count;
    for (int p : half) {
      for (int year : articles[set[p]]->years) ++count[year];
    }
    return count;
  };
  auto leads = [&](const std::vector<int>& half) {
    std::map<int, int> count;
    for (int p : half) {
      if (articles[set[p]]->lead_year != 0) ++count[articles[set[p]]->lead_year];
    }
    return count;
  };
  const std::vector<int>& a = halves[0];
  const std::vector<int>& b = halves[1];
  return ShareGap(years(a), a.size(), years(b), b.size()) + ShareGap(leads(a), a.size(), leads(b), b.size()) -
         SeparationRatio(sim, halves);
}

void Partition(const std::vector<const TextProfile*>& articles, std::vector<int> set,
               const TextPartitionOptions& options, std::vector<std::vector<int>>* out) {
  if (set.size() < 2 * options.min_part) {
    out->push_back(std::move(set));
    return;
  }
  const Matrix sim = Similarities(LocalVectors(articles, set));
  std::vector<std::vector<int>> halves = TopBalancedMerge(sim, options.min_part);
  if (!halves.empty()) halves = Refine(std::move(halves), sim);
  if (halves.size() != 2 || halves[0].size() < options.min_part || halves[1].size() < options.min_part) {
    out->push_back(std::move(set));
    return;
  }
  if (SplitEvidence(articles, set, halves, sim) < options.split_evidence) {
    out->push_back(std::move(set));
    return;
  }
  std::vector<int> a, b;
  for (int p : halves[0]) a.push_back(set[p]);
  for (int p : halves[1]) b.push_back(set[p]);
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  Partition(articles, std::move(a), options, out);
  Partition(articles, std::move(b), options, out);
}

}  // namespace

TextProfile ProfileText(const Article& article, const ArticleFacts* facts, const TextPartitionOptions& options) {
  TextProfile profile;
  CountWordsAndNames(article.title, article.text, LeadEnd(article.text, options.lead_paragraphs),
                     static_cast<float>(options.lead_name_weight), TermOptions{}, &profile.terms);
  if (facts == nullptr) return profile;
  std::map<int, int> mentions;
  for (const TimeExpression& time : facts->times) {
    if (time.type != TimeType::kDate && time.type != TimeType::kTime) continue;
    const int year = YearOf(time.value);
    if (year == 0) continue;
    ++mentions[year];
    if (profile.lead_year == 0 && MonthPrecise(time.value) && time.sentence >= 0 &&
        static_cast<size_t>(time.sentence) < options.lead_sentences) {
      profile.lead_year = year;
    }
  }
  for (const auto& [year, count] : mentions) {
    profile.years.push_back(year);
    AddTermCount(YearTerm(year), static_cast<float>(options.year_weight * count), &profile.terms);
  }
  return profile;
}

std::vector<std::vector<double>> LocalSimilarities(const std::vector<const TextProfile*>& articles) {
  std::vector<int> all(articles.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = static_cast<int>(i);
  return Similarities(LocalVectors(articles, all));
}

std::vector<std::vector<int>> PartitionByText(const std::vector<const TextProfile*>& articles,
                                              const TextPartitionOptions& options) {
  std::vector<int> all(articles.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = static_cast<int>(i);
  if (articles.size() > options.max_articles) return {all};
  std::vector<std::vector<int>> out;
  Partition(articles, std::move(all), options, &out);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace crosscheck
