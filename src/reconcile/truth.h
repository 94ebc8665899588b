// Truth discovery: how far each source can be trusted, from how often it agrees with the
// trust-weighted consensus (the TruthFinder / CRH family). Claims are (source, item, value);
// a value's confidence grows with the trust of the sources that state it (and of values
// that imply it, through `similarity`); a source's trust is the mean confidence of its
// values. Sources in the same copy group (one copied the other) count once per item.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace crosscheck {

struct TruthClaim {
  int source = 0;      // 0 .. sources-1
  int item = 0;        // 0 .. items-1: the question ("head of the X delegation", "population of Y in 2000")
  std::string value;   // the answer, already normalised for comparison
};

struct TruthOptions {
  int max_iterations = 20;
  double initial_trust = 0.8;
  double dampening = 0.3;          // TruthFinder's gamma
  double implication_weight = 0.5; // TruthFinder's rho: how much similar values support each other
  std::vector<int> copy_group;     // per source; sources with the same non-negative id count once; empty = none
  // Similarity of two values of one item in [-1, 1]: 1 implies, 0 unrelated, <0 contradicts.
  // Empty: equal values 1, different values 0.
  std::function<double(int item, const std::string& a, const std::string& b)> similarity;
};

struct SourceTrust {
  double trust = 0;      // in [0, 1]
  int claims = 0;        // claims the source made
  int agreed = 0;        // of those, how many match the chosen value of their item
};

struct TruthResult {
  std::vector<SourceTrust> sources;
  std::vector<std::string> truth;       // per item: the chosen value ("" when no claim)
  std::vector<double> confidence;       // per item: confidence of the chosen value in [0, 1]
  int iterations = 0;
};

TruthResult DiscoverTruth(const std::vector<TruthClaim>& claims, int sources, int items, const TruthOptions& options);

// Plain majority vote (ties broken by first claim), the baseline truth discovery must beat.
TruthResult MajorityVote(const std::vector<TruthClaim>& claims, int sources, int items);

}  // namespace crosscheck
