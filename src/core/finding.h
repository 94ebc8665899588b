// Findings of stage 5 (reconcile): what outlets agree on, where they contradict each other,
// what only one states, and what is inconsistent inside one report — each backed by the
// sentences that make it. These are the `findings` and `sources` of the report contract.
#pragma once

#include <string>
#include <vector>

namespace crosscheck {

struct Evidence {
  std::string article;  // article id
  std::string text;     // the sentence that makes the claim
};

struct ClaimValue {
  std::string value;                  // as a reader would say it ("Tomas Verhoeven", "2026-03-30", "PT1H")
  std::vector<std::string> articles;  // ids of the articles that state it
  std::vector<Evidence> evidence;
};

enum class FindingKind { kContradiction, kCorroboration, kSingleSource, kInconsistency };

struct Finding {
  FindingKind kind = FindingKind::kCorroboration;
  std::string event;    // event id, "" when the finding holds across the story
  std::string story;    // story id
  std::string subject;  // what the claim is about, in words ("head of the Senegal delegation")
  std::vector<ClaimValue> claims;
  std::string detail;   // one or two sentences for a reader
  double confidence = 0;  // how sure the verdict is, in [0, 1]
};

struct SourceReliability {
  std::string article;
  std::string outlet;
  double reliability = 0;  // in [0, 1]
  int claims = 0;          // slot values the article stated that others could check
  int agreed = 0;          // of those, how many the consensus shares
  int contradicted = 0;    // how many the consensus rejects
};

const char* FindingKindName(FindingKind kind);

}  // namespace crosscheck
