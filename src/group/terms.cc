// Term features and sparse TF-IDF vectors (contract in terms.h).
#include "group/terms.h"

#define XXH_INLINE_ALL  // word-sized inputs: the call would cost more than the hash
#include <xxhash.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <string>

namespace crosscheck {
namespace {

// Function words and reporting verbs: they say nothing about which story a text tells. Kept
// short on purpose; IDF takes care of the rest.
constexpr std::array<std::string_view, 174> kStopWords = {
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are",
    "aren", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but",
    "by", "can", "could", "did", "didn", "do", "does", "doesn", "doing", "don", "down", "during", "each",
    "even", "ever", "every", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her",
    "here", "hers", "herself", "him", "himself", "his", "how", "however", "i", "if", "in", "into", "is",
    "isn", "it", "its", "itself", "just", "least", "less", "like", "ll", "may", "me", "might", "more",
    "most", "much", "must", "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once", "one",
    "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "re", "s", "said", "same",
    "say", "says", "she", "should", "so", "some", "such", "t", "than", "that", "the", "their", "theirs",
    "them", "themselves", "then", "there", "these", "they", "this", "those", "through", "to", "told",
    "too", "under", "until", "up", "us", "ve", "very", "was", "wasn", "we", "were", "weren", "what",
    "when", "where", "whether", "which", "while", "who", "whom", "why", "will", "with", "within",
    "without", "won", "would", "yet", "you", "your", "yours", "yourself", "according", "new", "per",
    "via", "since", "among", "around", "another", "many", "still", "already", "two"};

// Stop words by their word term, in an open-addressing table: one hash per word serves both
// the test and the term, and the test is a probe or two (terms are hashes: low bits spread).
class StopWordTable {
 public:
  StopWordTable() {
    for (std::string_view word : kStopWords) {
      const TermId term = WordTerm(word);
      size_t slot = term & kMask;
      while (slots_[slot] != 0) slot = (slot + 1) & kMask;
      slots_[slot] = term;
    }
  }
  bool Contains(TermId term) const {
    for (size_t slot = term & kMask; slots_[slot] != 0; slot = (slot + 1) & kMask) {
      if (slots_[slot] == term) return true;
    }
    return false;
  }

 private:
  static constexpr size_t kMask = 1023;  // 1,024 slots for 174 words
  std::array<TermId, kMask + 1> slots_{};
};

const StopWordTable& StopWords() {
  static const StopWordTable table;
  return table;
}

bool IsWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

bool EndsSentence(char c) { return c == '.' || c == '!' || c == '?' || c == '\n' || c == ':' || c == '"'; }

// Calls add(lower_word, word_term, weight, is_name, offset) for every kept word of `text`;
// is_name = capitalised inside a sentence; offset = where the word starts in `text`.
template <typename Add>
void ForEachWord(std::string_view text, float weight, float name_boost, Add add) {
  const StopWordTable& stop_words = StopWords();
  std::string lower;
  bool sentence_start = true;
  size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (!IsWordByte(static_cast<unsigned char>(c))) {
      if (EndsSentence(c)) sentence_start = true;
      ++i;
      continue;
    }
    const size_t start = i;
    while (i < text.size() && IsWordByte(static_cast<unsigned char>(text[i]))) ++i;
    const bool capitalised = text[start] >= 'A' && text[start] <= 'Z';
    lower.assign(text.substr(start, i - start));
    for (char& ch : lower) ch = (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch + 32) : ch;
    const bool boosted = capitalised && !sentence_start;
    sentence_start = false;
    if (lower.size() == 1 && !(lower[0] >= '0' && lower[0] <= '9')) continue;
    const TermId term = WordTerm(lower);
    if (stop_words.Contains(term)) continue;
    add(lower, term, boosted ? weight * name_boost : weight, boosted, start);
  }
}

// `distinct` (unique terms) sorted by term into `out`. Terms are hashes, so their top byte
// spreads them evenly: one counting pass by it leaves buckets of a term or two to sort.
void SortByTerm(const std::vector<TermCount>& distinct, std::vector<TermCount>* out) {
  std::array<uint32_t, 257> start{};
  for (const TermCount& tc : distinct) ++start[(tc.term >> 56) + 1];
  for (size_t b = 0; b < 256; ++b) start[b + 1] += start[b];
  std::array<uint32_t, 256> next;
  std::copy(start.begin(), start.end() - 1, next.begin());
  out->resize(distinct.size());
  for (const TermCount& tc : distinct) (*out)[next[tc.term >> 56]++] = tc;
  for (size_t b = 0; b < 256; ++b) {
    if (start[b + 1] - start[b] < 2) continue;
    std::sort(out->begin() + start[b], out->begin() + start[b + 1],
              [](const TermCount& x, const TermCount& y) { return x.term < y.term; });
  }
}

// Adds `raw` (unsorted, repeats allowed) to sorted `counts`, summing per term. Repeats are
// summed through a flat table first, so only the distinct terms are sorted. Sums run in order
// of appearance, `counts` first.
void MergeCounts(const std::vector<TermCount>& raw, std::vector<TermCount>* counts) {
  std::vector<TermCount> distinct;
  distinct.reserve(counts->size() + raw.size());
  HashCounts index(counts->size() + raw.size());  // term -> its place in `distinct` + 1
  auto add = [&](const TermCount& tc) {
    uint32_t& place = index.At(tc.term);
    if (place != 0) {
      distinct[place - 1].count += tc.count;
      return;
    }
    distinct.push_back(tc);
    place = static_cast<uint32_t>(distinct.size());
  };
  for (const TermCount& tc : *counts) add(tc);
  for (const TermCount& tc : raw) add(tc);
  SortByTerm(distinct, counts);
}

}  // namespace

bool IsStopWord(std::string_view lower_word) { return StopWords().Contains(WordTerm(lower_word)); }

TermId WordTerm(std::string_view lower_word) { return XXH3_64bits(lower_word.data(), lower_word.size()); }

TermId EntityTerm(std::string_view entity_key) {
  return XXH3_64bits_withSeed(entity_key.data(), entity_key.size(), 0xe17e);
}

TermId NameTerm(std::string_view lower_word) {
  return XXH3_64bits_withSeed(lower_word.data(), lower_word.size(), 0x4a3e);
}

TermId LeadNameTerm(std::string_view lower_word) {
  return XXH3_64bits_withSeed(lower_word.data(), lower_word.size(), 0x1ead);
}

TermId YearTerm(int year) {
  const std::string text = std::to_string(year);
  return XXH3_64bits_withSeed(text.data(), text.size(), 0x7ea5);
}

void AddTermCount(TermId term, float count, std::vector<TermCount>* counts) {
  auto it = std::lower_bound(counts->begin(), counts->end(), term,
                             [](const TermCount& a, TermId t) { return a.term < t; });
  if (it != counts->end() && it->term == term) {
    it->count += count;
  } else {
    counts->insert(it, {term, count});
  }
}

void CountWords(std::string_view title, std::string_view text, const TermOptions& options,
                std::vector<TermCount>* counts) {
  std::vector<TermCount> raw;
  auto add = [&](const std::string&, TermId term, float weight, bool, size_t) { raw.push_back({term, weight}); };
  ForEachWord(title, options.title_weight, options.name_boost, add);
  ForEachWord(text, 1.0f, options.name_boost, add);
  MergeCounts(raw, counts);
}

void CountWordsAndNames(std::string_view title, std::string_view text, size_t lead_end, float lead_weight,
                        const TermOptions& options, std::vector<TermCount>* counts) {
  std::vector<TermCount> raw;
  auto is_name = [](const std::string& word, bool name) { return name || (word[0] >= '0' && word[0] <= '9'); };
  ForEachWord(title, options.title_weight, options.name_boost,
              [&](const std::string& word, TermId term, float weight, bool name, size_t) {
    raw.push_back({term, weight});
    if (is_name(word, name)) raw.push_back({LeadNameTerm(word), lead_weight});
  });
  ForEachWord(text, 1.0f, options.name_boost, [&](const std::string& word, TermId term, float weight, bool name, size_t offset) {
    raw.push_back({term, weight});
    if (!is_name(word, name)) return;
    raw.push_back({NameTerm(word), 1.0f});
    if (offset < lead_end) raw.push_back({LeadNameTerm(word), lead_weight});
  });
  MergeCounts(raw, counts);
}

double SparseVector::Norm() const {
  double sum = 0;
  for (const auto& [term, weight] : entries) sum += static_cast<double>(weight) * weight;
  return std::sqrt(sum);
}

SparseVector SparseVector::Unit(std::vector<std::pair<TermId, float>> entries) {
  SparseVector v;
  v.entries = std::move(entries);
  v.Normalize();
  return v;
}

void SparseVector::Normalize() {
  const double norm = Norm();
  if (norm == 0) return;
  for (auto& entry : entries) entry.second = static_cast<float>(entry.second / norm);
}

namespace {
bool Heavier(const std::pair<TermId, float>& a, const std::pair<TermId, float>& b) {
  return a.second != b.second ? a.second > b.second : a.first < b.first;
}
}  // namespace

void SparseVector::KeepTop(size_t n) {
  if (entries.size() <= n) return;
  std::nth_element(entries.begin(), entries.begin() + static_cast<std::ptrdiff_t>(n), entries.end(), Heavier);
  entries.resize(n);
  std::sort(entries.begin(), entries.end());
}

std::vector<TermId> SparseVector::TopTerms(size_t n) const {
  std::vector<std::pair<TermId, float>> sorted = entries;
  const size_t k = std::min(n, sorted.size());
  std::partial_sort(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(k), sorted.end(), Heavier);
  std::vector<TermId> top;
  top.reserve(k);
  for (size_t i = 0; i < k; ++i) top.push_back(sorted[i].first);
  return top;
}

double Dot(const SparseVector& a, const SparseVector& b) {
  // Branch-free merge: which side advances is data, not a jump, since on two unrelated sorted
  // term lists the branch would be a coin toss (this is the hot loop of story assignment).
  const auto* x = a.entries.data();
  const auto* y = b.entries.data();
  const size_t nx = a.entries.size(), ny = b.entries.size();
  size_t i = 0, j = 0;
  double sum = 0;
  while (i < nx && j < ny) {
    const TermId s = x[i].first, t = y[j].first;
    const double product = static_cast<double>(x[i].second) * y[j].second;
    sum += s == t ? product : 0.0;
    i += s <= t;
    j += t <= s;
  }
  return sum;
}

void DotTable::Assign(const SparseVector& a) {
  // At most an eighth full: a probe nearly always ends at its first slot.
  size_t size = 64;
  while (size < 8 * a.entries.size()) size *= 2;
  keys_.assign(size, 0);
  weights_.resize(size);
  mask_ = size - 1;
  has_zero_ = false;
  filter_.fill(0);
  for (const auto& [term, weight] : a.entries) {
    filter_[FilterWord(term)] |= FilterBit(term);
    if (term == 0) {
      has_zero_ = true, zero_weight_ = weight;
      continue;
    }
    size_t slot = term & mask_;
    while (keys_[slot] != 0) slot = (slot + 1) & mask_;
    keys_[slot] = term;
    weights_[slot] = weight;
  }
}

double DotTable::DotWith(const SparseVector& b) const {
  // b's entries in term order, so the matching products add up in Dot()'s order (the zeros
  // Dot() adds for non-matching terms change nothing).
  const TermId* keys = keys_.data();
  double sum = 0;
  for (const auto& [term, weight] : b.entries) {
    if ((filter_[FilterWord(term)] & FilterBit(term)) == 0) continue;
    if (term == 0) {
      if (has_zero_) sum += static_cast<double>(zero_weight_) * weight;
      continue;
    }
    size_t slot = term & mask_;
    TermId key = keys[slot];
    while (key != term && key != 0) slot = (slot + 1) & mask_, key = keys[slot];
    if (key == term) sum += static_cast<double>(weights_[slot]) * weight;
  }
  return sum;
}

void AddScaled(SparseVector* a, const SparseVector& b, float scale) {
  std::vector<std::pair<TermId, float>> merged;
  merged.reserve(a->entries.size() + b.entries.size());
  auto i = a->entries.cbegin();
  auto j = b.entries.cbegin();
  while (i != a->entries.cend() || j != b.entries.cend()) {
    if (j == b.entries.cend() || (i != a->entries.cend() && i->first < j->first)) {
      merged.push_back(*i++);
    } else if (i == a->entries.cend() || j->first < i->first) {
      merged.emplace_back(j->first, j->second * scale);
      ++j;
    } else {
      merged.emplace_back(i->first, i->second + j->second * scale);
      ++i, ++j;
    }
  }
  a->entries.swap(merged);
}

void DocumentFrequency::Add(const std::vector<TermCount>& counts) {
  ++documents_;
  for (const TermCount& tc : counts) ++df_.At(tc.term);
}

double DocumentFrequency::Idf(TermId term) const {
  const double df = df_.Get(term);
  return std::log((static_cast<double>(documents_) + prior_ + 1) / (df + 0.5));
}

SparseVector TfIdf(const std::vector<TermCount>& counts, const DocumentFrequency& df) {
  SparseVector v;
  v.entries.reserve(counts.size());
  for (const TermCount& tc : counts) {
    if (tc.count <= 0) continue;
    const double weight = (1 + std::log(std::max(1.0f, tc.count))) * std::max(0.0, df.Idf(tc.term));
    if (weight > 0) v.entries.emplace_back(tc.term, static_cast<float>(weight));
  }
  v.Normalize();
  return v;
}

}  // namespace crosscheck
