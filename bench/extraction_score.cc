// extraction_score: scores an article-body extractor against a ground truth,
// following the metric of the Scrapinghub article-extraction-benchmark.
//
// Usage: extraction_score GROUND_TRUTH.json PRED.jsonl [--worst N]
//
//   GROUND_TRUTH.json  {"<id>": {"articleBody": "...", "url": "..."}, ...}
//   PRED.jsonl         one JSON object per line with at least "id" and "text".
//                      Lines that cannot be used are reported on stderr and
//                      skipped; a page without a prediction counts as having
//                      an empty prediction.
//
// Metric, computed per page from the predicted text and the articleBody:
//   1. Tokens are maximal runs of word characters (letters, digits, any code
//      point with a numeric value, and '_'), the same set as Python's `\w`
//      on str. Case is kept.
//   2. Shingles are all runs of 4 consecutive tokens, kept as a multiset.
//      A text with 1-3 tokens gives a single shorter shingle; an empty text
//      gives none.
//   3. Over every shingle of either multiset: tp += min(true, pred),
//      fp += max(0, pred - true), fn += max(0, true - pred).
//   4. (tp, fp, fn) are divided by their sum. This gives every page the same
//      total weight of 1, so a long article cannot dominate any aggregate of
//      the counts; the per-page ratios below are unchanged by it.
//   5. Page precision = tp / (tp + fp), recall = tp / (tp + fn); both are 1
//      when fp = fn = 0, precision is 0 when tp = fp = 0, recall is 0 when
//      tp = fn = 0.
//   6. Precision is the mean page precision over pages with tp + fp > 0,
//      recall the mean page recall over pages with tp + fn > 0 (an empty set
//      gives 0), and F1 = 2PR / (P + R).
//   7. Accuracy is the share of pages whose token list equals the truth's.
//
// Output (stdout): one summary line, then with --worst N the N pages with the
// lowest page F1 (ties by id), one line each with id, precision and recall.
// Exit status: 0 on success, 2 on bad arguments or unreadable input files.

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <fstream>
#include <limits>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace {

using json = nlohmann::json;
using Tokens = std::vector<std::string>;
using Shingles = std::unordered_map<std::string, long>;

constexpr std::size_t kShingleWidth = 4;

struct Options {
  std::string truth_path;
  std::string pred_path;
  std::size_t worst = 0;
};

struct TruthPage {
  std::string id;
  Tokens tokens;
};

// Shingle counts of one page; doubles because they are normalised (step 4).
struct Counts {
  double tp = 0;
  double fp = 0;
  double fn = 0;
};

struct Score {
  double precision = 0;
  double recall = 0;
};

struct PageResult {
  std::string id;
  Counts counts;
  Score score;
  bool exact = false;
};

struct Summary {
  std::size_t pages = 0;
  double precision = 0;
  double recall = 0;
  double f1 = 0;
  double accuracy = 0;
};

void print_usage() {
  std::fputs("usage: extraction_score GROUND_TRUTH.json PRED.jsonl [--worst N]\n", stderr);
}

std::optional<std::size_t> parse_count(std::string_view text) {
  std::size_t value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end || text.empty()) return std::nullopt;
  return value;
}

std::optional<Options> parse_args(int argc, char** argv) {
  Options options;
  std::vector<std::string> positional;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--worst") {
      if (i + 1 >= argc) return std::nullopt;
      const auto count = parse_count(argv[++i]);
      if (!count) return std::nullopt;
      options.worst = *count;
    } else if (arg.starts_with("--")) {
      return std::nullopt;
    } else {
      positional.emplace_back(arg);
    }
  }
  if (positional.size() != 2) return std::nullopt;
  options.truth_path = positional[0];
  options.pred_path = positional[1];
  return options;
}

std::optional<std::string> read_whole_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return std::move(buffer).str();
}

// Python's `\w` on str: str.isalnum() (letters, decimals, digits, numerics)
// or the underscore.
bool is_word_char(UChar32 c) {
  if (c < 0) return false;  // malformed UTF-8 from U8_NEXT
  return c == '_' || u_isalpha(c) || u_isdigit(c) ||
         u_getNumericValue(c) != U_NO_NUMERIC_VALUE;
}

Tokens tokenize(std::string_view text) {
  // ICU indexes with int32_t; texts beyond 2 GiB are cut at that length.
  const auto length = static_cast<int32_t>(std::min<std::size_t>(
      text.size(), static_cast<std::size_t>(std::numeric_limits<int32_t>::max())));
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  Tokens tokens;
  int32_t start = -1;
  int32_t i = 0;
  while (i < length) {
    const int32_t at = i;
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (is_word_char(c)) {
      if (start < 0) start = at;
    } else if (start >= 0) {
      tokens.emplace_back(text.substr(start, at - start));
      start = -1;
    }
  }
  if (start >= 0) tokens.emplace_back(text.substr(start, length - start));
  return tokens;
}

// Tokens never contain a space, so joining with one keeps keys unambiguous.
Shingles make_shingles(const Tokens& tokens) {
  Shingles shingles;
  if (tokens.empty()) return shingles;
  const std::size_t width = std::min(kShingleWidth, tokens.size());
  for (std::size_t i = 0; i + width <= tokens.size(); ++i) {
    std::string key = tokens[i];
    for (std::size_t j = 1; j < width; ++j) {
      key += ' ';
      key += tokens[i + j];
    }
    ++shingles[key];
  }
  return shingles;
}

long count_of(const Shingles& shingles, const std::string& key) {
  const auto it = shingles.find(key);
  return it == shingles.end() ? 0 : it->second;
}

Counts compare_shingles(const Shingles& truth, const Shingles& pred) {
  Counts counts;
  for (const auto& [key, in_truth] : truth) {
    const long in_pred = count_of(pred, key);
    counts.tp += static_cast<double>(std::min(in_truth, in_pred));
    counts.fp += static_cast<double>(std::max(0L, in_pred - in_truth));
    counts.fn += static_cast<double>(std::max(0L, in_truth - in_pred));
  }
  for (const auto& [key, in_pred] : pred) {
    if (!truth.contains(key)) counts.fp += static_cast<double>(in_pred);
  }
  return counts;
}

Counts normalise(Counts counts) {
  const double sum = counts.tp + counts.fp + counts.fn;
  if (sum > 0) {
    counts.tp /= sum;
    counts.fp /= sum;
    counts.fn /= sum;
  }
  return counts;
}

// Counts are either exactly zero or positive, so "> 0" tests are exact.
Score page_score(const Counts& c) {
  if (!(c.fp > 0) && !(c.fn > 0)) return {1.0, 1.0};
  Score score;
  if (c.tp > 0 || c.fp > 0) score.precision = c.tp / (c.tp + c.fp);
  if (c.tp > 0 || c.fn > 0) score.recall = c.tp / (c.tp + c.fn);
  return score;
}

double page_f1(const Score& s) {
  const double sum = s.precision + s.recall;
  return sum > 0 ? 2 * s.precision * s.recall / sum : 0.0;
}

// Pages in id order (nlohmann::json objects are sorted by key).
std::optional<std::vector<TruthPage>> load_ground_truth(const std::string& path) {
  const auto content = read_whole_file(path);
  if (!content) {
    std::fprintf(stderr, "error: cannot read ground truth %s\n", path.c_str());
    return std::nullopt;
  }
  const json doc = json::parse(*content, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) {
    std::fprintf(stderr, "error: ground truth %s is not a JSON object\n", path.c_str());
    return std::nullopt;
  }
  std::vector<TruthPage> pages;
  for (const auto& [id, entry] : doc.items()) {
    if (!entry.is_object() || !entry.contains("articleBody") ||
        !entry["articleBody"].is_string()) {
      std::fprintf(stderr, "error: ground truth page %s has no string articleBody\n",
                   id.c_str());
      return std::nullopt;
    }
    pages.push_back({id, tokenize(entry["articleBody"].get_ref<const std::string&>())});
  }
  return pages;
}

bool is_blank(std::string_view line) {
  return line.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// Reads id -> text; bad lines are reported and skipped, later duplicates win.
std::optional<std::unordered_map<std::string, std::string>> load_predictions(
    const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "error: cannot read predictions %s\n", path.c_str());
    return std::nullopt;
  }
  std::unordered_map<std::string, std::string> texts;
  std::string line;
  for (std::size_t number = 1; std::getline(in, line); ++number) {
    if (is_blank(line)) continue;
    const json row = json::parse(line, nullptr, false);
    const bool usable = !row.is_discarded() && row.is_object() && row.contains("id") &&
                        row["id"].is_string() && row.contains("text") &&
                        row["text"].is_string();
    if (!usable) {
      std::fprintf(stderr, "%s:%zu: skipped: not an object with string id and text\n",
                   path.c_str(), number);
      continue;
    }
    const auto& id = row["id"].get_ref<const std::string&>();
    if (texts.contains(id)) {
      std::fprintf(stderr, "%s:%zu: duplicate id %s, keeping the later line\n",
                   path.c_str(), number, id.c_str());
    }
    texts[id] = row["text"].get_ref<const std::string&>();
  }
  return texts;
}

PageResult score_page(const TruthPage& truth, const std::string& pred_text) {
  const Tokens pred_tokens = tokenize(pred_text);
  const Counts counts = normalise(
      compare_shingles(make_shingles(truth.tokens), make_shingles(pred_tokens)));
  return {truth.id, counts, page_score(counts), pred_tokens == truth.tokens};
}

std::vector<PageResult> score_pages(
    const std::vector<TruthPage>& truth,
    const std::unordered_map<std::string, std::string>& predictions) {
  std::vector<PageResult> results;
  std::size_t missing = 0;
  for (const auto& page : truth) {
    const auto it = predictions.find(page.id);
    if (it == predictions.end()) ++missing;
    results.push_back(score_page(page, it == predictions.end() ? std::string() : it->second));
  }
  if (missing > 0) {
    std::fprintf(stderr, "note: %zu page(s) had no prediction, scored as empty\n", missing);
  }
  return results;
}

void report_unknown_ids(const std::vector<TruthPage>& truth,
                        const std::unordered_map<std::string, std::string>& predictions) {
  std::unordered_map<std::string, bool> known;
  for (const auto& page : truth) known[page.id] = true;
  for (const auto& [id, text] : predictions) {
    if (!known.contains(id)) {
      std::fprintf(stderr, "note: prediction for unknown id %s ignored\n", id.c_str());
    }
  }
}

Summary summarise(const std::vector<PageResult>& results) {
  Summary summary;
  summary.pages = results.size();
  double precision_sum = 0, recall_sum = 0;
  std::size_t precision_pages = 0, recall_pages = 0, exact_pages = 0;
  for (const auto& r : results) {
    if (r.counts.tp + r.counts.fp > 0) {
      precision_sum += r.score.precision;
      ++precision_pages;
    }
    if (r.counts.tp + r.counts.fn > 0) {
      recall_sum += r.score.recall;
      ++recall_pages;
    }
    if (r.exact) ++exact_pages;
  }
  if (precision_pages > 0) summary.precision = precision_sum / static_cast<double>(precision_pages);
  if (recall_pages > 0) summary.recall = recall_sum / static_cast<double>(recall_pages);
  summary.f1 = page_f1({summary.precision, summary.recall});
  if (!results.empty()) {
    summary.accuracy = static_cast<double>(exact_pages) / static_cast<double>(results.size());
  }
  return summary;
}

void print_summary(const Summary& s) {
  std::printf("pages %zu  precision %.4f  recall %.4f  f1 %.4f  accuracy %.4f\n", s.pages,
              s.precision, s.recall, s.f1, s.accuracy);
}

void print_worst(std::vector<PageResult> results, std::size_t count) {
  std::stable_sort(results.begin(), results.end(), [](const auto& a, const auto& b) {
    return page_f1(a.score) < page_f1(b.score);
  });
  count = std::min(count, results.size());
  for (std::size_t i = 0; i < count; ++i) {
    std::printf("%s  precision %.4f  recall %.4f\n", results[i].id.c_str(),
                results[i].score.precision, results[i].score.recall);
  }
}

int run(int argc, char** argv) {
  const auto options = parse_args(argc, argv);
  if (!options) {
    print_usage();
    return 2;
  }
  const auto truth = load_ground_truth(options->truth_path);
  if (!truth) return 2;
  const auto predictions = load_predictions(options->pred_path);
  if (!predictions) return 2;
  report_unknown_ids(*truth, *predictions);
  const auto results = score_pages(*truth, *predictions);
  print_summary(summarise(results));
  print_worst(results, options->worst);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    return 1;
  }
}
