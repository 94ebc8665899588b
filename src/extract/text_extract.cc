#include "extract/text_extract.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <memory>
#include <numeric>
#include <vector>

#include "core/civil_time.h"
#include "core/data.h"
#include "core/text.h"
#include "core/word_table.h"

namespace crosscheck {
namespace {

enum class Cue { kNone, kDrop, kEnd, kTitle, kOutlet, kDate, kAuthor };

struct LineCues {
  std::vector<std::pair<Cue, std::unique_ptr<RE2>>> patterns;
  // The same patterns in two sets (author cues are case-sensitive), each entry's index into
  // `patterns`: one pass over a line tells which few patterns can match it.
  std::unique_ptr<RE2::Set> folded, exact;
  std::vector<int> folded_index, exact_index;
};

const LineCues& Cues() {
  static const LineCues* cues = [] {
    auto* c = new LineCues;
    RE2::Options opt;
    opt.set_case_sensitive(false);
    opt.set_log_errors(false);
    for (std::string_view line : DataLines("extract/text_lines.txt")) {
      size_t tab = line.find('\t');
      if (tab == std::string_view::npos) continue;
      std::string_view kind = line.substr(0, tab);
      Cue cue = kind == "drop" ? Cue::kDrop : kind == "end" ? Cue::kEnd : kind == "title" ? Cue::kTitle
              : kind == "outlet" ? Cue::kOutlet : kind == "date" ? Cue::kDate : kind == "author" ? Cue::kAuthor
              : Cue::kNone;
      if (cue == Cue::kNone) continue;
      RE2::Options o = opt;
      if (cue == Cue::kAuthor) o.set_case_sensitive(true);  // names are capitalised
      auto re = std::make_unique<RE2>(std::string(line.substr(tab + 1)), o);
      if (re->ok()) c->patterns.emplace_back(cue, std::move(re));
    }
    RE2::Options exact = opt;
    exact.set_case_sensitive(true);
    c->folded = std::make_unique<RE2::Set>(opt, RE2::ANCHOR_BOTH);
    c->exact = std::make_unique<RE2::Set>(exact, RE2::ANCHOR_BOTH);
    for (size_t i = 0; i < c->patterns.size(); ++i) {
      const bool is_exact = c->patterns[i].first == Cue::kAuthor;
      RE2::Set& set = is_exact ? *c->exact : *c->folded;
      if (set.Add(c->patterns[i].second->pattern(), nullptr) >= 0)
        (is_exact ? c->exact_index : c->folded_index).push_back(static_cast<int>(i));
      else
        c->folded.reset();  // not expected (each compiled alone): then every pattern is tried
      if (!c->folded) break;
    }
    if (c->folded && !(c->folded->Compile() && c->exact->Compile())) c->folded.reset();
    return c;
  }();
  return *cues;
}

enum class Shape { kProse, kShort, kFurniture, kEnd };

struct Line {
  std::string text;
  Shape shape = Shape::kShort;
  Cue cue = Cue::kNone;
  std::string captured;  // group 1 of the matching title/outlet/date/author cue
  size_t words = 0;
};

bool EndsSentence(std::string_view s) {
  while (!s.empty() && (s.back() == '"' || s.back() == '\'' || s.back() == ')' ||
                        EndsWith(s, "\xE2\x80\x9D") || EndsWith(s, "\xE2\x80\x99"))) {
    s.remove_suffix(EndsWith(s, "\xE2\x80\x9D") || EndsWith(s, "\xE2\x80\x99") ? 3 : 1);
  }
  return !s.empty() && (s.back() == '.' || s.back() == '!' || s.back() == '?' || s.back() == ':' ||
                        EndsWith(s, "\xE2\x80\xA6"));
}

bool IsUpperStart(std::string_view s) {
  unsigned char c = s.empty() ? 0 : static_cast<unsigned char>(s[0]);
  return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80 || c == '"';
}

// A person's name as a line: two to four capitalised words, perhaps followed by an agency
// ("Jane Doe | Wire Service", "Jane Doe, Wire Service"). Fills *name with the name alone.
bool LooksLikeName(std::string_view s, std::string* name) {
  static const RE2 re(R"(((?:[A-Z][\p{L}'’.-]+)(?:\s+[A-Z][\p{L}'’.-]+){1,3})(?:\s*[,|·]\s*\S.{0,40})?)");
  return RE2::FullMatch(re2::StringPiece(s.data(), s.size()), re, name);
}

// A subheading is short or written in title case; a photo caption is a plain sentence
// without its full stop ("The minister speaks to the press in Lisbon").
bool LooksLikeHeading(std::string_view s) {
  if (!IsUpperStart(s)) return false;
  size_t words = 0, capitalised = 0;
  static const char* kSmall[] = {"a", "an", "and", "as", "at", "for", "in", "of", "on", "or", "the", "to", "amid",
                                 "with", "by", "from", "vs"};
  for (size_t pos = 0; pos < s.size();) {
    size_t end = s.find(' ', pos);
    if (end == std::string_view::npos) end = s.size();
    std::string_view word = s.substr(pos, end - pos);
    pos = end + 1;
    if (word.empty()) continue;
    std::string lower = AsciiLower(word);
    if (std::find(std::begin(kSmall), std::end(kSmall), lower) != std::end(kSmall)) continue;
    ++words;
    capitalised += IsUpperStart(word);
  }
  if (words > 14) return false;
  // "The shipyard gate on Thursday": a line that ends on a day names when a photo was taken.
  size_t last_space = s.find_last_of(' ');
  if (last_space != std::string_view::npos && WeekdayFromName(s.substr(last_space + 1))) return false;
  return words <= 4 || capitalised * 10 >= words * 7;
}

// Indexes into Cues().patterns, in order, of the patterns that may match `text`.
std::vector<int> CandidatePatterns(const std::string& text) {
  const LineCues& cues = Cues();
  auto all = [&] {
    std::vector<int> every(cues.patterns.size());
    std::iota(every.begin(), every.end(), 0);
    return every;
  };
  if (!cues.folded) return all();
  std::vector<int> hits, out;
  RE2::Set::ErrorInfo error;
  if (!cues.folded->Match(text, &hits, &error) && error.kind != RE2::Set::kNoError) return all();
  for (int h : hits) out.push_back(cues.folded_index[h]);
  hits.clear();
  if (!cues.exact->Match(text, &hits, &error) && error.kind != RE2::Set::kNoError) return all();
  for (int h : hits) out.push_back(cues.exact_index[h]);
  std::sort(out.begin(), out.end());
  return out;
}

void Classify(Line* line) {
  line->words = WordCount(line->text);
  for (int index : CandidatePatterns(line->text)) {
    const auto& [cue, re] = Cues().patterns[index];
    std::string group;
    bool hit = re->NumberOfCapturingGroups() >= 1 ? RE2::FullMatch(line->text, *re, &group)
                                                 : RE2::FullMatch(line->text, *re);
    if (!hit) continue;
    // A long line that happens to mention a cookie policy is still prose.
    if (cue == Cue::kDrop && line->words > 40) continue;
    if ((cue == Cue::kDate) && !ParseDateTime(group)) continue;
    line->cue = cue;
    line->captured = CollapseSpace(group);
    break;
  }
  if (line->cue == Cue::kEnd) { line->shape = Shape::kEnd; return; }
  if (line->cue != Cue::kNone) { line->shape = Shape::kFurniture; return; }
  bool sentence = EndsSentence(line->text);
  if ((line->words >= 10 && sentence) || line->words >= 20) line->shape = Shape::kProse;
  else line->shape = Shape::kShort;
}

// Joins hard-wrapped lines: a line that does not end a sentence, followed by one that starts
// in lower case, continues the same paragraph.
std::vector<std::string> ReadLines(std::string_view text) {
  std::vector<std::string> out;
  bool prev_blank = true;
  for (std::string_view raw : SplitLines(text)) {
    std::string line = CollapseSpace(raw);
    if (line.empty()) { prev_blank = true; continue; }
    unsigned char first = static_cast<unsigned char>(line[0]);
    if (!prev_blank && !out.empty() && first >= 'a' && first <= 'z' && !EndsSentence(out.back()) &&
        WordCount(out.back()) >= 6) {
      out.back() += " " + line;
    } else {
      out.push_back(std::move(line));
    }
    prev_blank = false;
  }
  return out;
}

}  // namespace

void ExtractFromText(std::string_view text, Article* article) {
  std::vector<std::string> raw = ReadLines(text);
  std::vector<Line> lines(raw.size());
  WordMap<int> seen;  // lines by their lower case: how often each occurs
  for (size_t i = 0; i < raw.size(); ++i) {
    lines[i].text = std::move(raw[i]);
    Classify(&lines[i]);
    ++seen[AsciiLower(lines[i].text)];
  }
  // Regions: runs of lines broken by an end marker or by four non-prose lines in a row.
  struct Region { size_t begin, end, prose_words; };
  std::vector<Region> regions;
  size_t i = 0;
  while (i < lines.size()) {
    while (i < lines.size() && lines[i].shape != Shape::kProse) ++i;
    if (i >= lines.size()) break;
    Region r{i, i + 1, 0};
    size_t gap = 0;
    for (size_t j = i; j < lines.size(); ++j) {
      if (lines[j].shape == Shape::kEnd) break;
      if (lines[j].shape == Shape::kProse) {
        gap = 0;
        r.end = j + 1;
        r.prose_words += lines[j].words;
      } else if (++gap > 3) {
        break;
      }
    }
    regions.push_back(r);
    i = r.end;
  }
  const Region* best = nullptr;
  for (const Region& r : regions)
    if (!best || r.prose_words > best->prose_words) best = &r;

  std::string body;
  size_t kept_chars = 0, total_chars = 0;
  for (size_t k = 0; k < lines.size(); ++k) {
    total_chars += lines[k].text.size();
    if (!best || k < best->begin || k >= best->end) continue;
    const Line& line = lines[k];
    bool keep = line.shape == Shape::kProse;
    if (line.shape == Shape::kShort) {
      // Subheadings inside the body: capitalised, not repeated elsewhere on the page, before prose.
      bool next_prose = k + 1 < best->end && lines[k + 1].shape == Shape::kProse;
      bool after_furniture = k > 0 && lines[k - 1].shape == Shape::kFurniture;  // promo next to an ad marker
      keep = next_prose && !after_furniture && LooksLikeHeading(line.text) && seen[AsciiLower(line.text)] == 1;
      // A short closing line of the body ("Until then, we wait.") also stays.
      if (!keep && EndsSentence(line.text) && line.words >= 3) keep = true;
    }
    if (!keep) continue;
    if (!body.empty()) body += "\n\n";
    body += line.text;
    kept_chars += line.text.size();
  }
  article->text = body;
  article->boilerplate_chars = total_chars - kept_chars;

  // Metadata from the lines before the body (and outlet lines anywhere).
  size_t body_begin = best ? best->begin : lines.size();
  for (size_t k = 0; k < lines.size(); ++k) {
    const Line& line = lines[k];
    if (line.cue == Cue::kOutlet && article->outlet.empty() && !line.captured.empty()) article->outlet = line.captured;
    if (k >= body_begin) continue;
    if (line.cue == Cue::kTitle && article->title.empty()) article->title = line.captured;
    if (line.cue == Cue::kDate && article->published.empty()) {
      if (auto t = ParseDateTime(line.captured)) article->published = t->ToIso();
    }
    if (line.cue == Cue::kAuthor && article->author.empty()) article->author = line.captured;
  }
  if (article->published.empty()) {  // a bare date line near the top
    for (size_t k = 0; k < body_begin; ++k)
      if (lines[k].words <= 12)
        if (auto t = ParseDateTime(lines[k].text)) { article->published = t->ToIso(); break; }
  }
  if (article->author.empty()) {
    // A name line next to the date line or another copy of itself.
    for (size_t k = 0; k < body_begin; ++k) {
      std::string name;
      if (!LooksLikeName(lines[k].text, &name) || lines[k].cue != Cue::kNone) continue;
      bool near_date = false;
      for (size_t d = (k >= 2 ? k - 2 : 0); d <= k + 2 && d < lines.size(); ++d)
        if (d != k && (lines[d].cue == Cue::kDate || RE2::FullMatch(lines[d].text, R"((?i)\d+\s+\w+\s+ago)") ||
                       (lines[d].words <= 8 && ParseDateTime(lines[d].text))))
          near_date = true;
      if (near_date) { article->author = name; break; }
    }
  }
  if (article->title.empty()) {
    // The last headline-shaped line shortly before the body.
    size_t from = body_begin >= 8 ? body_begin - 8 : 0;
    for (size_t k = body_begin; k-- > from;) {
      const Line& line = lines[k];
      if (line.shape != Shape::kShort || line.words < 4 || line.words > 30) continue;
      if (seen[AsciiLower(line.text)] > 2 || line.text == article->author) continue;
      if (ParseDateTime(line.text) && line.words <= 8) continue;
      article->title = line.text;
      break;
    }
  }
}

}  // namespace crosscheck
