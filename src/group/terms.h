// Bag-of-terms features for story clustering: normalised words (ASCII lower case, English stop
// words removed, numbers kept, names kept and optionally boosted), entity keys, and the sparse
// TF-IDF vectors built from them.
//   - A term is a 64-bit hash (XXH3) of its normalised form, so there is no vocabulary to keep;
//     entity, name and year terms are hashed in their own namespaces so "turkey" the bird and
//     the country key never meet.
//   - SparseVector keeps (term, weight) sorted by term; Dot() is a linear merge.
//   - DocumentFrequency counts documents per term for IDF; it only grows (one counter per term
//     ever seen), which on an endless stream is bounded by the language's vocabulary.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "group/hash_counts.h"

namespace crosscheck {

using TermId = uint64_t;

struct SparseVector {
  std::vector<std::pair<TermId, float>> entries;  // sorted by term, unique

  // A unit-length vector of `entries` (sorted by term, unique).
  static SparseVector Unit(std::vector<std::pair<TermId, float>> entries);

  double Norm() const;
  void Normalize();                     // to unit length (no-op on an empty vector)
  void KeepTop(size_t n);               // keeps the n heaviest entries (ties: smaller term)
  std::vector<TermId> TopTerms(size_t n) const;  // heaviest first
};

double Dot(const SparseVector& a, const SparseVector& b);

// One vector scattered into an open-addressing table, for many dot products against it: each
// then costs one probe per entry of the other vector, independent of each other, instead of a
// merge whose every step waits on the last. DotWith(b) after Assign(a) equals Dot(a, b) bit for
// bit (the same products, summed in the same term order).
class DotTable {
 public:
  void Assign(const SparseVector& a);
  double DotWith(const SparseVector& b) const;

 private:
  // A 4,096-bit filter on the terms' high bits: most terms of the other vector are not in
  // this one, and one bit test in L1 turns them away without a probe.
  static size_t FilterWord(TermId term) { return (term >> 52) & 63; }
  static uint64_t FilterBit(TermId term) { return uint64_t{1} << ((term >> 46) & 63); }

  std::array<uint64_t, 64> filter_{};
  std::vector<TermId> keys_;    // 0 = empty slot (term 0 is kept apart)
  std::vector<float> weights_;
  size_t mask_ = 0;
  float zero_weight_ = 0;       // weight of term 0, if `a` has it
  bool has_zero_ = false;
};

// a += scale * b
void AddScaled(SparseVector* a, const SparseVector& b, float scale);

// A term with its raw count in one document (before IDF).
struct TermCount {
  TermId term = 0;
  float count = 0;
};

struct TermOptions {
  float name_boost = 1.5f;  // capitalised words not at a sentence start count this much more
  float title_weight = 2.0f;
};

// Counts the normalised words of `text` (and of `title`, weighted) into `counts` (summed per
// term, sorted by term).
void CountWords(std::string_view title, std::string_view text, const TermOptions& options,
                std::vector<TermCount>* counts);
// CountWords, and in the same pass the names (words capitalised inside a sentence) and numbers
// of `text` as name terms - what tells two happenings of one kind apart (who, where, how
// many) - and those of `title` and of text[0, lead_end) once more as lead name terms counting
// `lead_weight` each (the headline and lead say who did what where).
void CountWordsAndNames(std::string_view title, std::string_view text, size_t lead_end, float lead_weight,
                        const TermOptions& options, std::vector<TermCount>* counts);
TermId WordTerm(std::string_view lower_word);
TermId EntityTerm(std::string_view entity_key);
TermId NameTerm(std::string_view lower_word);  // own namespace: "Reid" the name is not "reid" the word
TermId LeadNameTerm(std::string_view lower_word);
TermId YearTerm(int year);                     // a year some date of the article names
// Adds `count` of `term` to sorted `counts`, keeping it sorted.
void AddTermCount(TermId term, float count, std::vector<TermCount>* counts);
bool IsStopWord(std::string_view lower_word);

class DocumentFrequency {
 public:
  // `prior_documents`: pseudo-documents that contain no term. Without them, a small batch all
  // about one story gives the words it shares an IDF near zero - exactly the words that make it
  // one story; with them, IDF only falls for words common across many more documents.
  explicit DocumentFrequency(double prior_documents = 50) : prior_(prior_documents) {}
  void Add(const std::vector<TermCount>& counts);  // one more document with these terms
  // Smoothed IDF: log((N + prior + 1) / (df + 0.5)); a term never seen gets the highest value.
  double Idf(TermId term) const;
  size_t documents() const { return documents_; }
  size_t terms() const { return df_.size(); }

 private:
  HashCounts df_;  // term -> documents that have it
  size_t documents_ = 0;
  double prior_;
};

// Sublinear TF times IDF, unit length.
SparseVector TfIdf(const std::vector<TermCount>& counts, const DocumentFrequency& df);

}  // namespace crosscheck
