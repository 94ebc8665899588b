// Word lists and word-keyed tables that the stages load once and look up for every token.
// Abseil's open-addressing tables: a lookup is one hash and mostly one probe (std::unordered_*
// walk a node per probe and divide by a prime), and string_view keys need no std::string.
// Values do not keep their address across inserts: build a table fully before pointing into it.
#pragma once

#include <absl/container/flat_hash_map.h>
#include <absl/container/flat_hash_set.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace crosscheck {

// A word's hash, inline: eight bytes a step, then a murmur-style finish (words are short, and
// a library hash call costs more than the hashing). The same on every run.
inline uint64_t HashWord(std::string_view w) {
  uint64_t h = 0x9E3779B97F4A7C15ULL ^ w.size();
  size_t i = 0;
  for (; i + 8 <= w.size(); i += 8) {
    uint64_t v;
    std::memcpy(&v, w.data() + i, 8);
    h = (h ^ v) * 0xff51afd7ed558ccdULL;
    h ^= h >> 32;
  }
  uint64_t tail = 0;
  std::memcpy(&tail, w.data() + i, w.size() - i);
  h = (h ^ tail) * 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 29;
  h *= 0xff51afd7ed558ccdULL;
  return h ^ (h >> 32);
}

// Transparent over std::string_view (Debian's Abseil has a string_view type of its own).
struct WordHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return HashWord(s); }
};
struct WordEq {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const { return a == b; }
};

template <class V>
using WordMap = absl::flat_hash_map<std::string, V, WordHash, WordEq>;
using WordSet = absl::flat_hash_set<std::string, WordHash, WordEq>;

}  // namespace crosscheck
