// dup_stream: generates a near-duplicate stream from real article text and scores the copy
// detection of GroupArticles (group/group.h) on it.
//
// Usage: dup_stream [--ecb DOCS.jsonl | --extraction GROUND_TRUTH.json] [--seed N] [--copies-per K]
//
// Source texts are read at run time (ECB+ ../shared/clustering/ecbplus_docs.jsonl by default,
// or the ../shared/extraction ground-truth bodies); nothing is copied into the repository.
// Every source text is an original. Half of those with at least 150 words (chosen with the seed)
// get 1..K copies, each with two to four of these edits:
//   headline   a new first line, made from words of another text on the same topic
//   trim       the last or first 10-40% of the paragraphs dropped
//   reorder    two to four paragraph pairs swapped
//   boilerplate  a newsletter/share/copyright block inserted at the top, bottom or middle
//   rewrite    one sentence replaced by words from another text
// The other texts of the same topic are the non-copies (same story, different words). Source
// pairs that already overlap in the data (exact 5-word-shingle Jaccard >= 0.3 or containment
// >= 0.7, e.g. the same wire story in two ECB+ files) are left out of the scores. Copies are published 1-48 hours after their
// original; the stream is then shuffled and fed in batch mode.
// DUP_VERBOSE=1 also prints every missed copy and every false pair with its exact Jaccard.
// Scores: family-pair precision/recall (all pairs inside a predicted copy group vs all pairs
// inside a gold family), reported-pair precision, and how often `original` is the true original.

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <string>
#include <unordered_set>
#include <vector>

#include <nlohmann/json.hpp>

#include "group/group.h"

namespace {

using crosscheck::Article;

struct Source {
  std::string text, topic;
};

std::vector<std::string> Split(const std::string& text, const std::string& sep) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(sep, start);
    if (end == std::string::npos) end = text.size();
    if (end > start) parts.push_back(text.substr(start, end - start));
    start = end + sep.size();
  }
  return parts;
}

std::vector<std::string> Words(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!word.empty()) {
      words.push_back(word);
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(word);
  return words;
}

std::vector<Source> ReadEcb(const std::string& path) {
  std::vector<Source> sources;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    auto j = nlohmann::json::parse(line);
    // ECB+ has one sentence per line; group them three to a paragraph like a news page.
    std::vector<std::string> lines = Split(j["text"].get<std::string>(), "\n");
    std::string text;
    for (size_t i = 0; i < lines.size(); ++i) text += lines[i] + (i + 1 == lines.size() ? "" : i % 3 == 2 ? "\n\n" : " ");
    sources.push_back({text, std::to_string(j["topic"].get<int>())});
  }
  return sources;
}

std::vector<Source> ReadExtraction(const std::string& path) {
  std::ifstream in(path);
  auto j = nlohmann::json::parse(in);
  std::vector<Source> sources;
  for (const auto& [key, value] : j.items()) {
    std::string body = value.value("articleBody", "");
    if (Words(body).size() < 50) continue;
    // No topics here: the host name stands in, so non-copies from one outlet share a "topic".
    std::string url = value.value("url", "");
    const size_t host = url.find("://");
    std::string topic = host == std::string::npos ? url : url.substr(host + 3, url.find('/', host + 3) - host - 3);
    sources.push_back({body, topic});
  }
  return sources;
}

double ShingleJaccard(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  auto shingles = [](const std::vector<std::string>& w) {
    std::unordered_set<std::string> s;
    for (size_t i = 0; i + 5 <= w.size(); ++i) s.insert(w[i] + " " + w[i + 1] + " " + w[i + 2] + " " + w[i + 3] + " " + w[i + 4]);
    return s;
  };
  auto sa = shingles(a), sb = shingles(b);
  if (sa.empty() || sb.empty()) return 0;
  size_t common = 0;
  for (const auto& s : sa) common += sb.count(s);
  return static_cast<double>(common) / static_cast<double>(sa.size() + sb.size() - common);
}

class Editor {
 public:
  Editor(const std::vector<Source>& sources, uint64_t seed) : sources_(sources), rng_(seed) {
    for (size_t i = 0; i < sources.size(); ++i) by_topic_[sources[i].topic].push_back(i);
  }

  std::string Copy(size_t source) {
    std::vector<std::string> paragraphs = Split(sources_[source].text, "\n\n");
    std::vector<int> edits = {0, 1, 2, 3, 4};
    std::shuffle(edits.begin(), edits.end(), rng_);
    const size_t count = 2 + rng_() % 3;
    for (size_t e = 0; e < count; ++e) Apply(edits[e], source, &paragraphs);
    std::string text;
    for (size_t i = 0; i < paragraphs.size(); ++i) text += (i ? "\n\n" : "") + paragraphs[i];
    return text;
  }

 private:
  // Words of another text of the same topic (or any other text), for headlines and rewrites.
  std::string OtherWords(size_t source, size_t n) {
    const auto& same = by_topic_[sources_[source].topic];
    size_t other = same[rng_() % same.size()];
    if (other == source) other = (source + 1) % sources_.size();
    std::vector<std::string> words = Words(sources_[other].text);
    if (words.empty()) return "update";
    const size_t start = rng_() % words.size();
    std::string out;
    for (size_t i = 0; i < n; ++i) out += (i ? " " : "") + words[(start + i) % words.size()];
    return out;
  }

  void Apply(int edit, size_t source, std::vector<std::string>* p) {
    static const char* kBoilerplate[] = {
        "Sign up for our morning newsletter and get the day's top stories in your inbox. Follow us on social media.",
        "Share this article: Facebook Twitter Email. Copyright 2024 the publisher. All rights reserved.",
        "Advertisement. Continue reading the main story below. Related coverage: more on this topic."};
    switch (edit) {
      case 0:  // headline
        p->insert(p->begin(), OtherWords(source, 6 + rng_() % 8));
        break;
      case 1: {  // trim
        if (p->size() < 3) break;
        const size_t drop = std::max<size_t>(1, p->size() * (10 + rng_() % 31) / 100);
        if (rng_() % 3 == 0) {
          p->erase(p->begin(), p->begin() + static_cast<std::ptrdiff_t>(drop));
        } else {
          p->resize(p->size() - drop);
        }
        break;
      }
      case 2: {  // reorder
        if (p->size() < 2) break;
        for (size_t k = 0, n = 2 + rng_() % 3; k < n; ++k) std::swap((*p)[rng_() % p->size()], (*p)[rng_() % p->size()]);
        break;
      }
      case 3: {  // boilerplate
        const std::string block = kBoilerplate[rng_() % 3];
        const size_t at = rng_() % 3 == 0 ? 0 : rng_() % 2 == 0 ? p->size() : p->size() / 2;
        p->insert(p->begin() + static_cast<std::ptrdiff_t>(at), block);
        break;
      }
      case 4: {  // rewrite one sentence
        if (p->empty()) break;
        std::string& para = (*p)[rng_() % p->size()];
        std::vector<std::string> sentences = Split(para, ". ");
        sentences[rng_() % sentences.size()] = OtherWords(source, 12);
        para.clear();
        for (size_t i = 0; i < sentences.size(); ++i) para += (i ? ". " : "") + sentences[i];
        break;
      }
    }
  }

  const std::vector<Source>& sources_;
  std::mt19937_64 rng_;
  std::map<std::string, std::vector<size_t>> by_topic_;
};

constexpr size_t kMinCopyWords = 150;

double ShingleContainment(const std::vector<std::string>& a, const std::vector<std::string>& b, double jaccard) {
  const double na = a.size() > 4 ? a.size() - 4.0 : 0, nb = b.size() > 4 ? b.size() - 4.0 : 0;
  if (std::min(na, nb) <= 0) return 0;
  return jaccard / (1 + jaccard) * (na + nb) / std::min(na, nb);
}

// Source pairs that already overlap in the real data (the same wire text in two ECB+ files,
// exact 5-word-shingle Jaccard >= 0.3 or containment >= 0.7): whether they are "copies" is a
// matter of definition, so pairs between their families are left out of the scores.
std::set<std::pair<size_t, size_t>> AmbiguousSources(const std::vector<Source>& sources) {
  std::vector<std::vector<std::string>> words;
  for (const auto& s : sources) words.push_back(Words(s.text));
  std::set<std::pair<size_t, size_t>> ambiguous;
  for (size_t i = 0; i < sources.size(); ++i) {
    for (size_t j = i + 1; j < sources.size(); ++j) {
      if (sources[i].topic != sources[j].topic) continue;
      const double jaccard = ShingleJaccard(words[i], words[j]);
      if (jaccard >= 0.3 || ShingleContainment(words[i], words[j], jaccard) >= 0.7) ambiguous.insert({i, j});
    }
  }
  return ambiguous;
}

std::string Hours(int hours) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "2024-03-%02dT%02d:00:00Z", 1 + hours / 24, hours % 24);
  return buffer;
}

}  // namespace

int main(int argc, char** argv) {
  std::string ecb = "../shared/clustering/ecbplus_docs.jsonl", extraction;
  uint64_t seed = 1;
  int copies_per = 3;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--ecb" && i + 1 < argc) {
      ecb = argv[++i];
    } else if (a == "--extraction" && i + 1 < argc) {
      extraction = argv[++i];
    } else if (a == "--seed" && i + 1 < argc) {
      seed = std::stoull(argv[++i]);
    } else if (a == "--copies-per" && i + 1 < argc) {
      copies_per = std::stoi(argv[++i]);
    } else {
      std::fprintf(stderr, "usage: dup_stream [--ecb DOCS.jsonl | --extraction GROUND_TRUTH.json] [--seed N] [--copies-per K]\n");
      return 2;
    }
  }
  const std::vector<Source> sources = extraction.empty() ? ReadEcb(ecb) : ReadExtraction(extraction);
  if (sources.empty()) {
    std::fprintf(stderr, "dup_stream: no source texts\n");
    return 1;
  }
  const auto ambiguous = AmbiguousSources(sources);
  Editor editor(sources, seed);
  std::mt19937_64 rng(seed * 7919 + 1);
  std::vector<Article> articles;
  std::vector<int> family;
  std::vector<int> published_hour;
  for (size_t s = 0; s < sources.size(); ++s) {
    const int hour = static_cast<int>(rng() % (24 * 20));
    Article original;
    original.id = "src" + std::to_string(s);
    original.text = sources[s].text;
    original.published = Hours(hour);
    articles.push_back(original);
    family.push_back(static_cast<int>(s));
    published_hour.push_back(hour);
    // A copy needs a text long enough to survive its edits: a 25-word boilerplate block and a
    // new headline on a 40-word brief leave no copy to find.
    if (rng() % 2 || Words(sources[s].text).size() < kMinCopyWords) continue;
    for (int c = 0, n = 1 + static_cast<int>(rng() % copies_per); c < n; ++c) {
      Article copy;
      copy.id = "src" + std::to_string(s) + "-copy" + std::to_string(c);
      copy.text = editor.Copy(s);
      const int delay = 1 + static_cast<int>(rng() % 48);
      copy.published = Hours(hour + delay);
      articles.push_back(copy);
      family.push_back(static_cast<int>(s));
      published_hour.push_back(hour + delay);
    }
  }
  std::vector<size_t> order(articles.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::shuffle(order.begin(), order.end(), rng);
  std::vector<crosscheck::GroupInput> inputs;
  for (size_t i : order) inputs.push_back({&articles[i], nullptr});
  crosscheck::GroupOptions options;
  options.batch = true;
  const crosscheck::Grouping grouping = crosscheck::GroupArticles(inputs, options);

  std::map<std::string, size_t> index;
  for (size_t i = 0; i < articles.size(); ++i) index[articles[i].id] = i;
  // Pairs inside families (gold) and inside predicted copy groups.
  auto pairs_of = [](const std::map<int, std::vector<size_t>>& groups) {
    std::set<std::pair<size_t, size_t>> pairs;
    for (const auto& [key, members] : groups) {
      for (size_t a = 0; a < members.size(); ++a) {
        for (size_t b = a + 1; b < members.size(); ++b) pairs.insert(std::minmax(members[a], members[b]));
      }
    }
    return pairs;
  };
  std::map<int, std::vector<size_t>> gold_groups, pred_groups;
  for (size_t i = 0; i < articles.size(); ++i) gold_groups[family[i]].push_back(i);
  for (size_t g = 0; g < grouping.copy_groups.size(); ++g) {
    for (const auto& id : grouping.copy_groups[g]) pred_groups[static_cast<int>(g)].push_back(index[id]);
  }
  auto is_ambiguous = [&](size_t a, size_t b) {
    return family[a] != family[b] &&
           ambiguous.count(std::minmax(static_cast<size_t>(family[a]), static_cast<size_t>(family[b])));
  };
  const auto gold = pairs_of(gold_groups);
  std::set<std::pair<size_t, size_t>> pred;
  size_t left_out = 0;
  for (const auto& p : pairs_of(pred_groups)) {
    if (is_ambiguous(p.first, p.second)) {
      ++left_out;
    } else {
      pred.insert(p);
    }
  }
  size_t tp = 0;
  for (const auto& p : pred) tp += gold.count(p);
  size_t reported = 0, reported_ok = 0, direction_ok = 0;
  for (const auto& pair : grouping.copies) {
    const size_t o = index[pair.original], c = index[pair.copy];
    if (is_ambiguous(o, c)) continue;
    ++reported;
    reported_ok += family[o] == family[c];
    direction_ok += published_hour[o] <= published_hour[c];
  }
  if (getenv("DUP_VERBOSE")) {
    // Missed original-copy pairs with their exact Jaccard and containment.
    std::map<size_t, int> group_of;
    for (const auto& [g, members] : pred_groups) {
      for (size_t m : members) group_of[m] = g;
    }
    for (size_t i = 0; i < articles.size(); ++i) {
      if (articles[i].id.find("-copy") == std::string::npos) continue;
      const size_t o = index[articles[i].id.substr(0, articles[i].id.find("-copy"))];
      if (group_of.count(i) && group_of.count(o) && group_of[i] == group_of[o]) continue;
      auto wa = Words(articles[o].text), wb = Words(articles[i].text);
      const double j = ShingleJaccard(wa, wb);
      std::printf("missed %s words %zu/%zu J %.2f\n", articles[i].id.c_str(), wa.size(), wb.size(), j);
    }
    for (const auto& pair : grouping.copies) {
      const size_t o = index[pair.original], c = index[pair.copy];
      if (family[o] == family[c] || is_ambiguous(o, c)) continue;
      std::printf("false %s %s words %zu/%zu estimated J %.2f exact J %.2f\n", pair.original.c_str(), pair.copy.c_str(),
                  Words(articles[o].text).size(), Words(articles[c].text).size(), pair.jaccard,
                  ShingleJaccard(Words(articles[o].text), Words(articles[c].text)));
    }
  }
  const size_t copies = articles.size() - sources.size();
  std::printf("dup_stream: %zu sources, %zu copies, %zu articles; gold family pairs %zu, predicted %zu\n",
              sources.size(), copies, articles.size(), gold.size(), pred.size());
  std::printf("copy-group pairs: precision %.4f recall %.4f\n", pred.empty() ? 1.0 : double(tp) / pred.size(),
              gold.empty() ? 1.0 : double(tp) / gold.size());
  std::printf("  (%zu predicted pairs between already-overlapping sources left out)\n", left_out);
  std::printf("reported pairs: %zu, in a gold family %.4f, original published first %.4f\n", reported,
              reported ? double(reported_ok) / reported : 1.0, reported ? double(direction_ok) / reported : 1.0);
  return 0;
}
