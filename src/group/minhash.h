// Near-duplicate detection: MinHash signatures over word shingles, an LSH banding index, and a
// streaming copy detector on top of both.
//   - Words are maximal runs of ASCII letters/digits and non-ASCII bytes, ASCII-lowercased, so
//     punctuation, spacing and case edits do not change a signature. Words are hashed with
//     XXH3 (a word over 64 bytes on its first 64 bytes and its length).
//   - A shingle is `shingle_words` consecutive words, hashed once to 64 bits (XXH3); the
//     kMinHashSize hash functions are derived from that one value by cheap 32-bit multiply-add
//     lanes, so signing costs no allocation per shingle and vectorises.
//   - The signature also carries the shingle count (for containment) and an exact fingerprint of
//     the whole word sequence (identical texts meet without comparing signatures).
//   - LshIndex: kBands bands of kRows rows; two signatures sharing one band are candidates.
// Not thread-safe: a MinHasher owns its scratch buffer; use one per thread.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "group/hash_counts.h"

namespace crosscheck {

inline constexpr int kMinHashSize = 128;

struct MinHashSignature {
  std::array<uint32_t, kMinHashSize> mins{};
  uint32_t shingles = 0;     // distinct-ish shingle count (number of shingle positions)
  uint64_t fingerprint = 0;  // hash of the whole normalised word sequence; 0 for an empty text
};

class MinHasher {
 public:
  explicit MinHasher(int shingle_words = 5, uint64_t seed = 0x5eed);

  // Signs `text`. A text shorter than one shingle is one shingle of all its words.
  void Sign(std::string_view text, MinHashSignature* signature);
  MinHashSignature Sign(std::string_view text);

  // The two halves of Sign(), so a caller can stop after the cheap exact fingerprint:
  // Prepare() hashes the words of `text` into scratch and returns the fingerprint (0 when the
  // text has no word); SignPrepared() fills the signature from that scratch.
  uint64_t Prepare(std::string_view text);
  void SignPrepared(MinHashSignature* signature) const;

 private:

  int shingle_words_;
  std::array<uint32_t, kMinHashSize> mul_, add_;
  size_t NextBit(size_t pos, bool set) const;  // first position >= pos whose bit in bits_ is `set`

  // Scratch reused across calls, so signing allocates nothing once warm.
  std::string padded_;          // the text plus padding for wide loads
  std::vector<uint64_t> bits_;  // 1 bit per text byte: part of a word
  std::vector<uint64_t> words_; // one hash per word
};

// Share of signature positions that agree: an unbiased estimate of the Jaccard similarity of
// the two shingle sets.
double EstimateJaccard(const MinHashSignature& a, const MinHashSignature& b);

// Estimated share of the smaller text's shingles found in the larger one, from the Jaccard
// estimate and the two shingle counts (|A∩B| = J/(1+J) * (|A|+|B|)).
double EstimateContainment(const MinHashSignature& a, const MinHashSignature& b, double jaccard);

// Banded LSH over signatures: documents are dense ids 0..n-1 added in order.
// Not thread-safe: Query() keeps its dedup stamps in the index.
class LshIndex {
 public:
  static constexpr int kRows = 3;
  static constexpr int kBands = kMinHashSize / kRows;  // 42: J=0.4 found with p=0.93, J=0.5 p=0.996

  static constexpr int kMaxChain = 64;  // newest entries read per band bucket

  // Ids of earlier documents sharing at least one band with `signature` (of each band bucket
  // the kMaxChain newest), sorted, unique.
  void Query(const MinHashSignature& signature, std::vector<uint32_t>* out);
  void Add(uint32_t id, const MinHashSignature& signature);
  size_t size() const { return count_; }

 private:
  struct Entry {
    uint32_t id = 0;
    uint32_t next = 0;  // the bucket's previous entry + 1 (0 = end)
  };

  static uint64_t BandKey(const MinHashSignature& signature, int band);

  // One chain per band key, threaded through `entries_` so there is no vector per bucket; the
  // heads sit in a flat table (band keys are XXH3 outputs).
  HashCounts heads_;  // band key -> the bucket's last entry + 1
  std::vector<Entry> entries_;
  std::vector<uint32_t> seen_;  // per id: the last query that collected it
  uint32_t query_stamp_ = 0;
  size_t count_ = 0;
};

struct CopyDetectorOptions {
  int shingle_words = 5;
  double copy_jaccard = 0.5;      // estimated Jaccard at or above which two texts are copies
  double copy_containment = 0.8;  // ...or this share of the shorter text found in the longer
  uint32_t min_containment_shingles = 40;  // containment alone needs a text at least this long
};

struct CopyMatch {
  uint32_t earlier = 0;  // id of the document added first
  uint32_t later = 0;
  double jaccard = 0;
};

// Streaming copy detection: Add() documents in the order that decides "which came first";
// each call returns the earlier documents it copies (or that copy it).
class CopyDetector {
 public:
  explicit CopyDetector(const CopyDetectorOptions& options = {});

  // Adds the next document (id = number of documents added before) and appends its matches.
  void Add(std::string_view text, std::vector<CopyMatch>* matches);
  size_t size() const { return signatures_.size(); }

 private:
  bool IsCopy(const MinHashSignature& a, const MinHashSignature& b, double* jaccard) const;

  CopyDetectorOptions options_;
  MinHasher hasher_;
  LshIndex index_;
  std::vector<MinHashSignature> signatures_;
  std::unordered_map<uint64_t, uint32_t> by_fingerprint_;  // exact fast path: first id per text
  std::vector<uint32_t> candidates_;                        // scratch
};

}  // namespace crosscheck
