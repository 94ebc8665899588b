// MinHash signing, LSH banding and streaming copy detection (contract in minhash.h).
#include "group/minhash.h"

#define XXH_INLINE_ALL  // word-sized inputs: the call would cost more than the hash
#include <emmintrin.h>
#include <xxhash.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <limits>

namespace crosscheck {
namespace {

// Word bytes of 16 text bytes as a 16-bit mask: ASCII letters and digits, and every byte of a
// multi-byte UTF-8 character. SSE2 only (x86-64 baseline), signed compares on shifted ranges.
uint32_t WordMask16(const char* p) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  auto in_range = [](__m128i x, char lo, char hi) {
    const __m128i shifted = _mm_add_epi8(x, _mm_set1_epi8(static_cast<char>(-128 - lo)));
    return _mm_cmplt_epi8(shifted, _mm_set1_epi8(static_cast<char>(hi - lo - 127)));
  };
  const __m128i letter = in_range(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a', 'z');
  const __m128i digit = in_range(v, '0', '9');
  const __m128i high = _mm_cmplt_epi8(v, _mm_setzero_si128());
  return static_cast<uint32_t>(_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(letter, digit), high)));
}

// ASCII upper case to lower case in 8 bytes at once (bytes >= 0x80 untouched).
uint64_t LowerAscii8(uint64_t x) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  const uint64_t seven = x & (0x7f * kOnes);
  const uint64_t at_least_a = seven + (0x80 - 'A') * kOnes;
  const uint64_t above_z = seven + (0x7f - 'Z') * kOnes;
  const uint64_t upper = at_least_a & ~above_z & ~x & (0x80 * kOnes);
  return x | (upper >> 2);
}

uint64_t Rotl(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }

// Word hashes are already XXH3 outputs, so a position-dependent rotate-xor is enough to tell
// shingles apart; the per-lane multiplies then do the mixing.
uint64_t ShingleHash(const uint64_t* words, size_t k) {
  uint64_t h = words[0];
  for (size_t i = 1; i < k; ++i) h ^= Rotl(words[i], static_cast<int>(i * 13 % 64));
  return h;
}

// 64x64->128 multiply folded to 64 bits: the mixing step of XXH3 and wyhash.
uint64_t MulFold(uint64_t a, uint64_t b) {
  const unsigned __int128 product = static_cast<unsigned __int128>(a) * b;
  return static_cast<uint64_t>(product) ^ static_cast<uint64_t>(product >> 64);
}

// Hash of the lower-cased word at `p` (`length` bytes; 16 bytes past `p` are readable).
// Words of up to 16 bytes - nearly all - take a branch-free path: two masked 8-byte loads and
// one 128-bit multiply, so varying word lengths cost no mispredicted branches. Longer words
// go through XXH3 on their first 64 bytes, seeded with their length.
uint64_t HashWord(const char* p, size_t length) {
  uint64_t lo, hi;
  std::memcpy(&lo, p, 8);
  std::memcpy(&hi, p + 8, 8);
  if (length > 16) [[unlikely]] {
    uint64_t lowered[8];
    const size_t kept = std::min<size_t>(length, 64);
    std::memcpy(lowered, p, 64);  // the padding guarantees 64 readable bytes past a word start
    for (uint64_t& chunk : lowered) chunk = LowerAscii8(chunk);
    return XXH3_64bits_withSeed(lowered, kept, length);
  }
  const unsigned lo_bits = static_cast<unsigned>(std::min<size_t>(length, 8)) * 8;
  const unsigned hi_bits = static_cast<unsigned>(length > 8 ? length - 8 : 0) * 8;
  // Shifting by 64 is undefined, so build each mask from two half shifts.
  const uint64_t lo_mask = ~((~uint64_t{0} << (lo_bits / 2)) << (lo_bits - lo_bits / 2));
  const uint64_t hi_mask = ~((~uint64_t{0} << (hi_bits / 2)) << (hi_bits - hi_bits / 2));
  lo = LowerAscii8(lo & lo_mask);
  hi = LowerAscii8(hi & hi_mask);
  const uint64_t h = MulFold(lo ^ 0x1cad21f72c81017cULL, hi ^ 0xdb979083e96dd4deULL ^ length);
  return MulFold(h ^ (h >> 29), 0x9fb21c651e98df25ULL) + length;
}

// splitmix64: turns a counter into well-spread constants for the hash lanes.
uint64_t SplitMix(uint64_t* state) {
  uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// The hot loop: every lane is a different multiply-add (mod 2^32) of one 32-bit fold of the
// 64-bit shingle hash. An odd multiplier makes each lane a bijection, and the min over a set is
// decided by the high bits, which multiply-add mixes well (the multiply-shift family). Cloned
// for AVX-512 and AVX2 where the CPU has them (16 or 8 lanes per instruction), SSE2 elsewhere.
__attribute__((target_clones("avx512f", "avx2", "default"))) void UpdateMins(const uint64_t* shingles,
                                                                             size_t count, const uint32_t* mul,
                                                                             const uint32_t* add, uint32_t* mins) {
  for (size_t s = 0; s < count; ++s) {
    const uint32_t x = static_cast<uint32_t>(shingles[s] ^ (shingles[s] >> 32));
    for (int i = 0; i < kMinHashSize; ++i) {
      const uint32_t v = mul[i] * x + add[i];
      mins[i] = v < mins[i] ? v : mins[i];
    }
  }
}

// Asks for the cache lines of a signature's mins and shingle count before they are compared.
void Prefetch(const MinHashSignature& signature) {
  const char* p = reinterpret_cast<const char*>(&signature);
  for (size_t offset = 0; offset < sizeof(MinHashSignature); offset += 64) __builtin_prefetch(p + offset);
}

constexpr size_t kPrefetchAhead = 4;  // candidates fetched ahead of the one being compared

}  // namespace

MinHasher::MinHasher(int shingle_words, uint64_t seed) : shingle_words_(std::max(1, shingle_words)) {
  uint64_t state = seed;
  for (int i = 0; i < kMinHashSize; ++i) {
    mul_[i] = static_cast<uint32_t>(SplitMix(&state)) | 1u;
    add_[i] = static_cast<uint32_t>(SplitMix(&state));
  }
}

uint64_t MinHasher::Prepare(std::string_view text) {
  // Word boundaries come from a bitmap built 16 bytes at a time, so the scan costs a few
  // instructions per word rather than a dependent chain per byte. The text is copied into a
  // padded scratch buffer so every 16-byte load and 8-byte chunk read stays in bounds.
  const size_t n = text.size();
  padded_.assign(text);
  padded_.append(96, ' ');
  bits_.assign(n / 64 + 2, 0);
  for (size_t i = 0; i < n; i += 16) bits_[i / 64] |= static_cast<uint64_t>(WordMask16(&padded_[i])) << (i % 64);
  if (n % 64) bits_[n / 64] &= (uint64_t{1} << (n % 64)) - 1;  // padding is not text
  words_.resize(n / 2 + 1);  // at most one word per two bytes
  size_t count = 0, pos = 0;
  while (true) {
    const size_t start = NextBit(pos, true);
    if (start >= n) break;
    const size_t end = std::min(NextBit(start, false), n);
    words_[count++] = HashWord(&padded_[start], end - start);
    pos = end;
  }
  words_.resize(count);
  if (words_.empty()) return 0;
  return XXH3_64bits(words_.data(), words_.size() * sizeof(uint64_t)) | 1;  // never 0
}

size_t MinHasher::NextBit(size_t pos, bool set) const {
  size_t block = pos / 64;
  uint64_t word = (set ? bits_[block] : ~bits_[block]) & (~uint64_t{0} << (pos % 64));
  while (word == 0) {
    if (++block >= bits_.size()) return bits_.size() * 64;
    word = set ? bits_[block] : ~bits_[block];
  }
  return block * 64 + static_cast<size_t>(__builtin_ctzll(word));
}

void MinHasher::SignPrepared(MinHashSignature* signature) const {
  signature->mins.fill(std::numeric_limits<uint32_t>::max());
  signature->shingles = 0;
  if (words_.empty()) return;
  const size_t k = std::min<size_t>(shingle_words_, words_.size());
  const size_t count = words_.size() - k + 1;
  // Shingle hashes go into a small stack block so UpdateMins runs over contiguous values.
  constexpr size_t kBlock = 256;
  uint64_t block[kBlock];
  for (size_t start = 0; start < count; start += kBlock) {
    const size_t m = std::min(kBlock, count - start);
    for (size_t j = 0; j < m; ++j) block[j] = ShingleHash(&words_[start + j], k);
    UpdateMins(block, m, mul_.data(), add_.data(), signature->mins.data());
  }
  signature->shingles = static_cast<uint32_t>(count);
}

void MinHasher::Sign(std::string_view text, MinHashSignature* signature) {
  signature->fingerprint = Prepare(text);
  SignPrepared(signature);
}

MinHashSignature MinHasher::Sign(std::string_view text) {
  MinHashSignature signature;
  Sign(text, &signature);
  return signature;
}

double EstimateJaccard(const MinHashSignature& a, const MinHashSignature& b) {
  if (a.shingles == 0 || b.shingles == 0) return 0;
  int same = 0;
  for (int i = 0; i < kMinHashSize; ++i) same += a.mins[i] == b.mins[i];
  return static_cast<double>(same) / kMinHashSize;
}

double EstimateContainment(const MinHashSignature& a, const MinHashSignature& b, double jaccard) {
  const double smaller = std::min(a.shingles, b.shingles);
  if (smaller == 0) return 0;
  const double common = jaccard / (1 + jaccard) * (static_cast<double>(a.shingles) + b.shingles);
  return std::min(1.0, common / smaller);
}

uint64_t LshIndex::BandKey(const MinHashSignature& signature, int band) {
  return XXH3_64bits_withSeed(&signature.mins[band * kRows], kRows * sizeof(uint32_t), band);
}

void LshIndex::Query(const MinHashSignature& signature, std::vector<uint32_t>* out) {
  out->clear();
  if (signature.shingles == 0 || heads_.size() == 0) return;
  if (++query_stamp_ == 0) {  // wrapped: forget every old stamp
    std::fill(seen_.begin(), seen_.end(), 0);
    query_stamp_ = 1;
  }
  // All band slots are prefetched before any is read, so the 42 lookups overlap their misses.
  std::array<uint64_t, kBands> keys;
  for (int band = 0; band < kBands; ++band) {
    keys[band] = BandKey(signature, band);
    heads_.Prefetch(keys[band]);
  }
  std::array<uint32_t, kBands> cursors;  // next entry + 1 of each bucket still being read
  size_t live = 0;
  for (int band = 0; band < kBands; ++band) {
    if (const uint32_t head = heads_.Get(keys[band])) cursors[live++] = head;
  }
  // Newest first, and only so many: a bucket that keeps filling holds shared furniture (a
  // standard paragraph every report carries), and a copy follows its original closely. The
  // chains are walked side by side, a step of each per round: each is a string of dependent
  // misses, but the chains are independent, so one round's misses overlap.
  for (int walked = 0; walked < kMaxChain && live > 0; ++walked) {
    size_t kept = 0;
    for (size_t c = 0; c < live; ++c) {
      const Entry& entry = entries_[cursors[c] - 1];
      if (seen_[entry.id] != query_stamp_) {
        seen_[entry.id] = query_stamp_;
        out->push_back(entry.id);
      }
      if (entry.next != 0) cursors[kept++] = entry.next;
    }
    live = kept;
  }
  std::sort(out->begin(), out->end());
}

void LshIndex::Add(uint32_t id, const MinHashSignature& signature) {
  ++count_;
  if (id >= seen_.size()) seen_.resize(static_cast<size_t>(id) + 1, 0);
  if (signature.shingles == 0) return;
  for (int band = 0; band < kBands; ++band) {
    uint32_t& head = heads_.At(BandKey(signature, band));
    entries_.push_back({id, head});
    head = static_cast<uint32_t>(entries_.size());
  }
}

CopyDetector::CopyDetector(const CopyDetectorOptions& options)
    : options_(options), hasher_(options.shingle_words) {}

bool CopyDetector::IsCopy(const MinHashSignature& a, const MinHashSignature& b, double* jaccard) const {
  *jaccard = EstimateJaccard(a, b);
  if (*jaccard >= options_.copy_jaccard) return true;
  // A trimmed copy (a wire story cut to its first paragraphs) has a low Jaccard but sits almost
  // whole inside the longer text; only trust that for texts long enough to rule out chance.
  return std::min(a.shingles, b.shingles) >= options_.min_containment_shingles &&
         EstimateContainment(a, b, *jaccard) >= options_.copy_containment;
}

void CopyDetector::Add(std::string_view text, std::vector<CopyMatch>* matches) {
  const uint32_t id = static_cast<uint32_t>(signatures_.size());
  signatures_.emplace_back();
  MinHashSignature& signature = signatures_.back();
  signature.fingerprint = hasher_.Prepare(text);
  if (signature.fingerprint == 0) return;  // no words: nothing to copy
  // Exact fast path: the same word sequence seen before is a copy of that first text; it is not
  // indexed again, since anything similar to it meets the first text in the index.
  auto [it, fresh] = by_fingerprint_.try_emplace(signature.fingerprint, id);
  if (!fresh) {
    signature = signatures_[it->second];
    matches->push_back({it->second, id, 1.0});
    return;
  }
  hasher_.SignPrepared(&signature);
  index_.Query(signature, &candidates_);
  for (size_t i = 0; i < candidates_.size(); ++i) {
    // Candidates are scattered over the signatures: fetch a few ahead while this one compares.
    if (i + kPrefetchAhead < candidates_.size()) Prefetch(signatures_[candidates_[i + kPrefetchAhead]]);
    const uint32_t other = candidates_[i];
    double jaccard = 0;
    if (IsCopy(signatures_[other], signature, &jaccard)) matches->push_back({other, id, jaccard});
  }
  index_.Add(id, signature);
}

}  // namespace crosscheck
