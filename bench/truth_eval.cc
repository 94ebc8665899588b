// truth_eval: accuracy of DiscoverTruth (reconcile/truth.h) against MajorityVote on the
// conflicting-source sets of ../shared/truth (see its README.md), read in place.
//
// Usage: truth_eval [--errors] [--symmetric] [DIR]      DIR defaults to ../shared/truth
//
// book: conflicting_data/book.txt rows "source, ISBN, title, author list"; one item per book
//   (ISBN-13 978... folded to ISBN-10 so gold and claims meet), value = the author list
//   normalised to a canonical set of "surname.initial" keys (see ParseAuthors); rows whose
//   author list yields no name ("Not Available", "None", "") are not claims.
//   similarity(a -> b) = share of a's authors found in b, minus 0.5 (TruthFinder's author
//   implication: a list missing a co-author backs the full list, a list with a wrong name
//   backs nothing); --symmetric uses the Dice overlap minus 0.5 instead.
//   Gold ground_truth/book.txt "ISBN <tab> last, first; ..." is normalised the same way.
//   Exact rule: a chosen list is right when it has as many authors as gold and each gold
//   author pairs one-to-one with a chosen author of the same surname whose first initial is
//   the same or unknown (a source that prints only "HUTTON" leaves it unknown). Also printed:
//   the partial score (TruthFinder paper style), matched / max(|gold|, |chosen|).
// population: lines "city_year, contributor, value, year" of population-new-new.txt (the
//   4,183-claim subset of later papers) and population-new.txt (all 50,239 claims); item =
//   city_year, value = the number as given. similarity = 0.5 - relative difference / 2%, kept
//   in [-0.5, 0.5]: equal numbers imply, a 1% difference is neutral, far ones contradict.
//   Gold population-gd.txt "city, state, year, population"; right = equal to gold; also
//   printed: within 1% of gold (some papers score numbers with a tolerance).
// Accuracy = right / gold items that have at least one claim.

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "reconcile/truth.h"

namespace {

using crosscheck::DiscoverTruth;
using crosscheck::MajorityVote;
using crosscheck::TruthClaim;
using crosscheck::TruthOptions;
using crosscheck::TruthResult;

// ---------------------------------------------------------------------------------------------
// Reading

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> fields;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) return fields;
    start = tab + 1;
  }
}

std::vector<std::vector<std::string>> ReadTsv(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty()) rows.push_back(SplitTabs(line));
  }
  return rows;
}

std::string Trimmed(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r\n"), e = s.find_last_not_of(" \t\r\n");
  return b == std::string_view::npos ? "" : std::string(s.substr(b, e - b + 1));
}

std::string ReplaceAll(std::string_view text, std::string_view from, std::string_view to) {
  std::string out;
  size_t start = 0;
  for (size_t at; (at = text.find(from, start)) != std::string_view::npos; start = at + from.size()) {
    out.append(text.substr(start, at - start));
    out.append(to);
  }
  out.append(text.substr(start));
  return out;
}

std::string Lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

// Interns names as dense ids in order of first appearance.
class Ids {
 public:
  int Get(const std::string& name) {
    auto [it, added] = ids_.try_emplace(name, static_cast<int>(names_.size()));
    if (added) names_.push_back(name);
    return it->second;
  }
  int size() const { return static_cast<int>(names_.size()); }
  const std::string& name(int id) const { return names_[id]; }
  std::optional<int> Find(const std::string& name) const {
    auto it = ids_.find(name);
    return it == ids_.end() ? std::nullopt : std::optional<int>(it->second);
  }

 private:
  std::map<std::string, int> ids_;
  std::vector<std::string> names_;
};

// ---------------------------------------------------------------------------------------------
// Author lists: "Knuth, Donald E.", "Donald E. Knuth, John Fuller", "CONKLIN/WHITE",
// "Beyer, Hugh Holtzblatt, Karen", "By (author) Ebert, David S. By (author) Musgrave, F." ...

struct Author {
  std::string surname;  // letters only, lower case: "o'leary" -> "oleary"
  char initial = 0;     // first letter of the first name; 0 when the source gave none
};
using Authors = std::vector<Author>;

using Words = std::vector<std::string>;

bool IsLetter(char c) { return (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80; }

// Words that are not names: credits, "et al.", titles and generational suffixes. Editors stay
// authors (the gold, from book covers, lists them), only the marker goes.
bool IsNoiseWord(const std::string& w) {
  static const char* const kNoise[] = {"by",  "et",  "al",   "etc", "ed",  "eds", "edt", "editor", "editors", "edited",
                                       "dr",  "prof", "phd", "jr",  "sr",  "ii",  "iii", "iv",     "mr",      "mrs",
                                       "ms",  "joint", "author", "authors", "others", "na"};
  return std::find(std::begin(kNoise), std::end(kNoise), w) != std::end(kNoise);
}

// Splits on white space and on dots glued to letters ("W.RICHARD" -> "w", "richard"), keeps
// letters only, and drops noise words.
Words NameWords(std::string_view piece) {
  Words words;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty() && !IsNoiseWord(cur)) words.push_back(cur);
    cur.clear();
  };
  for (char c : piece) {
    if (c == ' ' || c == '.' || c == '\t') flush();
    else if (IsLetter(c)) cur += c;
  }
  flush();
  // "Certification Press", "University of Louisiana": an organisation, not a person.
  for (const char* org : {"press", "publishing", "publications", "university", "inc", "ltd", "staff", "corporation"})
    if (std::find(words.begin(), words.end(), org) != words.end()) return {};
  return words;
}

Author LastFirst(const Words& last, const Words& first) {
  Author a;
  for (const std::string& w : last) a.surname += w;
  if (!first.empty()) a.initial = first.front()[0];
  return a;
}

// "Donald E. Knuth" (surname last); "Knuth D" when only the last word is an initial.
Author FirstLast(const Words& w) {
  if (w.size() == 1) return LastFirst(w, {});
  if (w.back().size() == 1 && w.front().size() > 1) return LastFirst({w.front()}, {w.begin() + 1, w.end()});
  return LastFirst({w.back()}, {w.begin(), w.end() - 1});
}

// One comma-separated piece list: "Last, First", "Last, First, Last, First",
// "Last, First Last, First" (a chain, where the last word of each middle piece is the next
// surname) or "First Last, First Last".
void ParseCommaList(std::string_view text, Authors& out) {
  std::vector<Words> pieces;
  size_t start = 0;
  while (start <= text.size()) {
    size_t comma = std::min(text.find(',', start), text.size());
    Words w = NameWords(text.substr(start, comma - start));
    if (!w.empty()) pieces.push_back(std::move(w));
    start = comma + 1;
  }
  size_t n = pieces.size();
  if (n == 0) return;
  if (n == 1) return out.push_back(FirstLast(pieces[0]));
  bool surname_first = pieces[0].size() == 1 || (n == 2 && pieces[1].size() == 1);
  if (!surname_first) {
    for (const Words& p : pieces) out.push_back(FirstLast(p));
    return;
  }
  bool pairs = true;
  for (size_t i = 0; i < n; i += 2) pairs = pairs && pieces[i].size() == 1;
  if (pairs || n == 2) {
    for (size_t i = 0; i < n; i += 2) out.push_back(LastFirst(pieces[i], i + 1 < n ? pieces[i + 1] : Words{}));
    return;
  }
  Words surname = pieces[0];
  for (size_t i = 1; i < n; ++i) {
    Words first = pieces[i];
    Words next;
    if (i + 1 < n && first.size() > 1) {
      next = {first.back()};
      first.pop_back();
    }
    out.push_back(LastFirst(surname, first));
    surname = next;
  }
  if (!surname.empty()) out.push_back(LastFirst(surname, {}));
}

// Splits a segment on the list separators other than commas.
void ParseSegment(std::string segment, Authors& out) {
  segment = " " + segment + " ";  // so that word separators also match at the ends
  for (const char* sep : {" and ", " with ", " by ", "&"}) segment = ReplaceAll(segment, sep, ";");
  size_t start = 0;
  while (start <= segment.size()) {
    size_t end = std::min(segment.find_first_of(";/|~", start), segment.size());
    ParseCommaList(std::string_view(segment).substr(start, end - start), out);
    start = end + 1;
  }
}

// Roles whose holder is not an author of the book.
bool IsNonAuthorRole(const std::string& role) {
  for (const char* r : {"foreword", "frw", "preface", "trn", "translat", "introduction", "illustrat"})
    if (role.find(r) != std::string::npos) return true;
  return false;
}

// Parenthesised notes ("(Author)", "(EDT)", "(Foreword by)", affiliations) end a name: they
// become separators, and a non-author role drops the name it follows.
std::vector<std::string> SegmentsByNotes(const std::string& text) {
  std::vector<std::string> segments(1);
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '(') {
      segments.back() += text[i];
      continue;
    }
    size_t close = text.find(')', i);
    std::string role = text.substr(i + 1, close == std::string::npos ? std::string::npos : close - i - 1);
    if (IsNonAuthorRole(role)) segments.back().clear();
    segments.emplace_back();
    if (close == std::string::npos) break;
    i = close;
  }
  return segments;
}

// Same person: same surname and first initials that agree where both are known.
bool SamePerson(const Author& a, const Author& b) {
  return a.surname == b.surname && (a.initial == 0 || b.initial == 0 || a.initial == b.initial);
}

// Drops repeats ("Dave Campbell, David R. Campbell"), keeping the one with an initial.
Authors Dedupe(const Authors& in) {
  Authors out;
  for (const Author& a : in) {
    auto same = std::find_if(out.begin(), out.end(), [&](const Author& b) { return SamePerson(a, b); });
    if (same == out.end()) out.push_back(a);
    else if (same->initial == 0) same->initial = a.initial;
  }
  return out;
}

// HTML entities as the stores print them: "&amp;" is a separator, "Zo&eacute;" is "zoe".
// Mojibake ("R&Atilde;&para;mer", UTF-8 read as Latin-1) loses the letter: it is unknowable.
std::string DecodeEntities(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    size_t semi = text[i] == '&' ? text.find(';', i) : std::string::npos;
    if (semi == std::string::npos || semi - i > 8) {
      out += text[i];
      continue;
    }
    std::string name = text.substr(i + 1, semi - i - 1);
    if (name == "amp") out += '&';
    else if (name == "atilde" && text.compare(semi + 1, 1, "&") == 0) semi = text.find(';', semi + 1);
    else if (name.size() > 1 && IsLetter(name[0]) && name[0] < 0x7f) out += name[0];  // "eacute" -> 'e'
    i = semi == std::string::npos ? text.size() : semi;
  }
  return out;
}

Authors ParseAuthors(const std::string& raw) {
  std::string text = ReplaceAll(DecodeEntities(Lower(raw)), "andamp;", "&");
  Authors authors;
  for (const std::string& segment : SegmentsByNotes(text)) ParseSegment(segment, authors);
  return Dedupe(authors);
}

// Canonical value: sorted "surname.i" keys joined by ';' ("knuth.d;fuller.j").
std::string AuthorsKey(Authors authors) {
  std::sort(authors.begin(), authors.end(),
            [](const Author& a, const Author& b) { return std::tie(a.surname, a.initial) < std::tie(b.surname, b.initial); });
  std::string key;
  for (const Author& a : authors) {
    if (!key.empty()) key += ';';
    key += a.surname + '.';
    if (a.initial) key += a.initial;
  }
  return key;
}

Authors FromKey(const std::string& key) {
  Authors out;
  size_t start = 0;
  while (start < key.size()) {
    size_t end = std::min(key.find(';', start), key.size());
    std::string one = key.substr(start, end - start);
    size_t dot = one.find('.');
    out.push_back({one.substr(0, dot), dot + 1 < one.size() ? one[dot + 1] : char(0)});
    start = end + 1;
  }
  return out;
}

// One-to-one pairs of the same person; exact initials are paired before unknown ones.
int Matched(const Authors& a, const Authors& b) {
  std::vector<bool> used(b.size(), false);
  std::vector<bool> done(a.size(), false);
  int matched = 0;
  for (bool exact : {true, false}) {
    for (size_t i = 0; i < a.size(); ++i) {
      if (done[i]) continue;
      for (size_t j = 0; j < b.size(); ++j) {
        bool fits = exact ? a[i].surname == b[j].surname && a[i].initial == b[j].initial : SamePerson(a[i], b[j]);
        if (used[j] || !fits) continue;
        used[j] = done[i] = true;
        ++matched;
        break;
      }
    }
  }
  return matched;
}

// ISBN-13 978xxxxxxxxxC -> ISBN-10 xxxxxxxxxC' (check digit mod 11), so both spellings meet.
std::string Isbn10(std::string isbn) {
  isbn.erase(std::remove(isbn.begin(), isbn.end(), '-'), isbn.end());
  if (isbn.size() != 13 || isbn.compare(0, 3, "978") != 0) return isbn;
  std::string core = isbn.substr(3, 9);
  int sum = 0;
  for (int i = 0; i < 9; ++i) sum += (10 - i) * (core[i] - '0');
  int check = (11 - sum % 11) % 11;
  return core + (check == 10 ? 'X' : static_cast<char>('0' + check));
}

// ---------------------------------------------------------------------------------------------
// Running both methods on one set

struct DataSet {
  std::string name;
  std::vector<TruthClaim> claims;
  Ids sources, items;
  std::map<int, std::string> gold;  // item -> gold value
  TruthOptions options;
  // Scores a chosen value against gold: {right, partial credit}.
  std::function<std::pair<bool, double>(const std::string& chosen, const std::string& gold)> score;
  std::string partial_label;
};

struct Score {
  double accuracy = 0, partial = 0;
  int right = 0, evaluated = 0;
};

Score Evaluate(const DataSet& set, const TruthResult& r, bool print_errors) {
  Score s;
  for (const auto& [item, gold] : set.gold) {
    if (r.truth[item].empty()) continue;  // no claim about it
    ++s.evaluated;
    auto [right, partial] = set.score(r.truth[item], gold);
    s.right += right;
    s.partial += partial;
    if (!right && print_errors)
      std::printf("  wrong %-16s chosen %-40s gold %s\n", set.items.name(item).c_str(), r.truth[item].c_str(),
                  gold.c_str());
  }
  if (s.evaluated) {
    s.accuracy = static_cast<double>(s.right) / s.evaluated;
    s.partial /= s.evaluated;
  }
  return s;
}

// Best of three wall-clock runs, in milliseconds: the machine is shared.
double TimeDiscoverTruth(const DataSet& set, const TruthOptions& options, TruthResult& result) {
  double best = 1e300;
  for (int run = 0; run < 3; ++run) {
    auto t0 = std::chrono::steady_clock::now();
    result = DiscoverTruth(set.claims, set.sources.size(), set.items.size(), options);
    best = std::min(best, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
  }
  return best;
}

void PrintRow(const DataSet& set, const char* method, const Score& s, const TruthResult& r, double ms) {
  std::printf("  %-30s accuracy %.3f (%d/%d)  %s %.3f", method, s.accuracy, s.right, s.evaluated,
              set.partial_label.c_str(), s.partial);
  if (ms >= 0) std::printf("  iterations %d  %.1f ms", r.iterations, ms);
  std::printf("\n");
}

void Report(const DataSet& set, bool print_errors) {
  std::printf("== %s: %zu claims, %d sources, %d items, %zu gold\n", set.name.c_str(), set.claims.size(),
              set.sources.size(), set.items.size(), set.gold.size());
  TruthResult td, plain;
  double ms = TimeDiscoverTruth(set, set.options, td);
  TruthOptions no_similarity = set.options;
  no_similarity.similarity = nullptr;
  double plain_ms = TimeDiscoverTruth(set, no_similarity, plain);
  TruthResult mv = MajorityVote(set.claims, set.sources.size(), set.items.size());

  if (print_errors) std::printf(" truth discovery errors:\n");
  Score a = Evaluate(set, td, print_errors);
  if (print_errors) std::printf(" majority vote errors:\n");
  Score b = Evaluate(set, mv, print_errors);
  PrintRow(set, "truth discovery", a, td, ms);
  PrintRow(set, "truth discovery, no similarity", Evaluate(set, plain, false), plain, plain_ms);
  PrintRow(set, "majority vote", b, mv, -1);
}

// ---------------------------------------------------------------------------------------------
// The sets

double AuthorImplication(const std::string& from, const std::string& to, bool symmetric) {
  Authors a = FromKey(from), b = FromKey(to);
  if (a.empty() || b.empty()) return 0;
  double m = Matched(a, b);
  double overlap = symmetric ? 2 * m / static_cast<double>(a.size() + b.size()) : m / static_cast<double>(a.size());
  return overlap - 0.5;
}

DataSet LoadBooks(const std::string& dir, bool symmetric) {
  DataSet set;
  set.name = "book authors";
  for (const auto& row : ReadTsv(dir + "/book/conflicting_data/book.txt")) {
    if (row.size() < 4) continue;
    std::string key = AuthorsKey(ParseAuthors(row[3]));
    if (key.empty()) continue;
    set.claims.push_back({set.sources.Get(Trimmed(row[0])), set.items.Get(Isbn10(Trimmed(row[1]))), key});
  }
  for (const auto& row : ReadTsv(dir + "/book/ground_truth/book.txt")) {
    if (row.size() < 2) continue;
    set.gold[set.items.Get(Isbn10(Trimmed(row[0])))] = AuthorsKey(ParseAuthors(row[1]));
  }
  set.options.similarity = [symmetric](int, const std::string& a, const std::string& b) {
    return AuthorImplication(a, b, symmetric);
  };
  set.score = [](const std::string& chosen, const std::string& gold) {
    Authors c = FromKey(chosen), g = FromKey(gold);
    int m = Matched(g, c);
    bool right = m == static_cast<int>(g.size()) && c.size() == g.size();
    return std::pair{right, static_cast<double>(m) / static_cast<double>(std::max(c.size(), g.size()))};
  };
  set.partial_label = "partial";
  return set;
}

std::optional<double> Number(const std::string& s) {
  std::string digits;
  for (char c : s)
    if (c >= '0' && c <= '9') digits += c;
    else if (c != ',') return std::nullopt;
  if (digits.empty()) return std::nullopt;
  return std::stod(digits);
}

double RelativeDifference(double a, double b) {
  double m = std::max(std::fabs(a), std::fabs(b));
  return m == 0 ? 0 : std::fabs(a - b) / m;
}

DataSet LoadPopulation(const std::string& dir, const std::string& file) {
  DataSet set;
  set.name = "population " + file;
  for (const auto& row : ReadTsv(dir + "/population/" + file)) {
    if (row.size() < 3 || !Number(Trimmed(row[2]))) continue;
    set.claims.push_back({set.sources.Get(Trimmed(row[1])), set.items.Get(Lower(Trimmed(row[0]))), Trimmed(row[2])});
  }
  std::ifstream gold(dir + "/population/population-gd.txt");
  for (std::string line; std::getline(gold, line);) {
    // "city, state, year, population": the last two fields are year and number.
    size_t last = line.rfind(','), year = last == std::string::npos ? last : line.rfind(',', last - 1);
    if (year == std::string::npos) continue;
    std::string item = Lower(Trimmed(line.substr(0, year))) + "_" + Trimmed(line.substr(year + 1, last - year - 1));
    if (auto id = set.items.Find(item)) set.gold[*id] = Trimmed(line.substr(last + 1));
  }
  set.options.similarity = [](int, const std::string& a, const std::string& b) {
    auto x = Number(a), y = Number(b);
    if (!x || !y) return 0.0;
    return std::clamp(0.5 - RelativeDifference(*x, *y) / 0.02, -0.5, 0.5);
  };
  set.score = [](const std::string& chosen, const std::string& gold) {
    auto c = Number(chosen), g = Number(gold);
    bool right = c && g && *c == *g;
    bool close = c && g && RelativeDifference(*c, *g) <= 0.01;
    return std::pair{right, close ? 1.0 : 0.0};
  };
  set.partial_label = "within 1%";
  return set;
}

}  // namespace

int main(int argc, char** argv) {
  std::string dir = "../shared/truth";
  bool print_errors = false, symmetric = false;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--errors") print_errors = true;
    else if (arg == "--symmetric") symmetric = true;
    else if (!arg.empty() && arg[0] == '-') {
      std::cerr << "usage: truth_eval [--errors] [--symmetric] [DIR]\n";
      return 2;
    } else dir = arg;
  }
  std::ifstream probe(dir + "/book/conflicting_data/book.txt");
  if (!probe) {
    std::cerr << "truth_eval: no data under " << dir << "\n";
    return 1;
  }
  Report(LoadBooks(dir, symmetric), print_errors);
  Report(LoadPopulation(dir, "population-new-new.txt"), print_errors);
  Report(LoadPopulation(dir, "population-new.txt"), print_errors);
  return 0;
}
