// Word lists and word-keyed tables that the stages load once and look up for every token.
// Abseil's open-addressing tables: a lookup is one hash and mostly one probe (std::unordered_*
// walk a node per probe and divide by a prime), and string_view keys need no std::string.
// Values do not keep their address across inserts: build a table fully before pointing into it.
#pragma once

#include <absl/container/flat_hash_map.h>
#include <absl/container/flat_hash_set.h>
#include <absl/hash/hash.h>
#include <absl/strings/string_view.h>

#include <string>
#include <string_view>

namespace crosscheck {

// Transparent over std::string_view. Debian's Abseil has its own string_view type, and hashes
// std::string_view only through std::hash: the bytes go to Abseil's own string hash instead.
struct WordHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return absl::Hash<absl::string_view>{}(absl::string_view(s.data(), s.size())); }
};
struct WordEq {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const { return a == b; }
};

template <class V>
using WordMap = absl::flat_hash_map<std::string, V, WordHash, WordEq>;
using WordSet = absl::flat_hash_set<std::string, WordHash, WordEq>;

}  // namespace crosscheck
