#include "reconcile/count_roles.h"

#include <algorithm>

#include "core/data.h"
#include "core/text.h"
#include "core/word_table.h"

namespace crosscheck {
namespace {

struct Cue {
  std::vector<std::string> words;
  CountRole role;
  bool noun_only = false;  // a cue only as the counted noun ("the 40 million euro cost", not "could cost")
  bool weak = false;       // yields to any other cue in reach
  bool adjacent = false;   // only right before the number
};

struct Lexicon {
  WordMap<std::vector<Cue>> by_first_word;
  WordSet units;
  WordSet level_verbs = {"stood", "stands", "rose", "risen", "climbed", "jumped", "reached",
                         "increased", "fell", "dropped", "grew", "went", "put", "stand"};
};

const Lexicon& Lex() {
  static const Lexicon* lex = [] {
    auto* l = new Lexicon;
    for (std::string_view line : DataLines("en/count_roles.txt")) {
      std::vector<std::string_view> fields;
      size_t start = 0;
      for (size_t tab; (tab = line.find('\t', start)) != std::string_view::npos; start = tab + 1)
        fields.push_back(line.substr(start, tab - start));
      fields.push_back(line.substr(start));
      if (fields.size() < 2) continue;
      Cue cue;
      cue.words = SplitWords(fields[0]);
      cue.role.role = std::string(fields[1]);
      if (fields.size() > 2) {
        cue.role.grows = fields[2].find("grows") != std::string_view::npos;
        cue.role.per_person = fields[2].find("person") != std::string_view::npos;
        cue.role.time = fields[2].find("time") != std::string_view::npos;
        cue.noun_only = fields[2].find("noun") != std::string_view::npos;
        cue.weak = fields[2].find("weak") != std::string_view::npos;
        cue.adjacent = fields[2].find("adjacent") != std::string_view::npos;
      }
      if (!cue.words.empty()) l->by_first_word[cue.words.front()].push_back(std::move(cue));
    }
    for (std::string_view line : DataLines("en/units.txt")) l->units.emplace(line);
    return l;
  }();
  return *lex;
}

struct Word {
  std::string lower;
  bool unit = false;  // "euros", "PLN": part of the amount, not a word between it and its cue
  uint32_t begin, end;
  bool clause_break_before = false;  // a ';', ':', dash or bracket stands between it and the word before
  bool comma_before = false;
};

bool IsWordByte(unsigned char c) { return IsAsciiAlnum(static_cast<char>(c)) || c >= 0x80 || c == '\'' || c == '-' || c == '.'; }

std::vector<Word> Words(std::string_view text, Span sentence) {
  std::vector<Word> out;
  bool pending_break = false, pending_comma = false;
  uint32_t i = sentence.begin, end = std::min<uint32_t>(sentence.end, static_cast<uint32_t>(text.size()));
  while (i < end) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (!IsWordByte(c) || c == '.' || c == '-' || c == '\'') {
      if (c == ';' || c == ':' || c == '(' || c == ')') pending_break = true;
      if (c == ',') pending_comma = true;
      ++i;
      continue;
    }
    // General punctuation (U+2000..U+203F: dashes, curly quotes) separates words; dashes
    // also break the clause.
    if (c == 0xE2 && i + 2 < end && static_cast<unsigned char>(text[i + 1]) == 0x80) {
      unsigned char third = static_cast<unsigned char>(text[i + 2]);
      if (third == 0x93 || third == 0x94) pending_break = true;
      i += 3;
      continue;
    }
    uint32_t b = i;
    while (i < end && IsWordByte(static_cast<unsigned char>(text[i])) &&
           !(static_cast<unsigned char>(text[i]) == 0xE2 && i + 1 < end && static_cast<unsigned char>(text[i + 1]) == 0x80))
      ++i;
    uint32_t e = i;
    while (e > b && (text[e - 1] == '.' || text[e - 1] == '-' || text[e - 1] == '\'')) --e;
    std::string_view raw = text.substr(b, e - b);
    std::string lower = AsciiLower(raw);
    bool unit = IsUnitNoun(lower) || (lower.size() > 3 && lower.back() == 's' && IsUnitNoun(lower.substr(0, lower.size() - 1))) ||
                (raw.size() == 3 && std::all_of(raw.begin(), raw.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; }));
    out.push_back({std::move(lower), unit, b, e, pending_break, pending_comma});
    pending_break = pending_comma = false;
  }
  return out;
}

// Words that follow a noun phrase rather than sit inside one: "38 dead were named" vs "38
// dead passengers".
bool IsFunctionWord(const std::string& w) {
  static const char* kWords[] = {"were", "was", "are", "is", "have", "had", "has", "will", "would", "and", "or",
                                 "in", "on", "at", "of", "for", "by", "from", "after", "so", "to", "the", "a"};
  return std::find_if(std::begin(kWords), std::end(kWords), [&](const char* k) { return w == k; }) != std::end(kWords);
}

}  // namespace

bool IsPartWord(std::string_view w) {
  return w == "another" || w == "additional" || w == "other" || w == "final" || w == "last" || w == "remaining" ||
         w == "further";
}

bool IsGenericHead(std::string_view h) {
  return h.empty() || h == "person" || h == "people" || h == "man" || h == "woman" || h == "child";
}

bool IsUnitNoun(std::string_view noun) { return Lex().units.count(noun) > 0; }

// The cues a sentence's words state, whatever number they will be tied to, in word order:
// (first word, cue). Negated cues and "released the names of" are left out.
std::vector<std::pair<size_t, const Cue*>> CuesIn(const std::vector<Word>& words) {
  std::vector<std::pair<size_t, const Cue*>> out;
  for (size_t i = 0; i < words.size(); ++i) {
    auto it = Lex().by_first_word.find(words[i].lower);
    if (it == Lex().by_first_word.end()) continue;
    for (const Cue& cue : it->second) {
      size_t n = cue.words.size();
      if (i + n > words.size()) continue;
      bool match = true;
      for (size_t k = 1; k < n && match; ++k) match = words[i + k].lower == cue.words[k] && !words[i + k].clause_break_before;
      if (!match) continue;
      const size_t cue_last = i + n - 1;
      // "whose name was not released": a negated cue says what did not happen.
      bool negated = false;
      for (size_t b = i >= 3 ? i - 3 : 0; b < i; ++b)  // "has not yet been released"
        negated = negated || words[b].lower == "not" || words[b].lower == "never" || words[b].lower == "no";
      if (negated) continue;
      // "released the names of six men": what is released is not the people.
      if (cue_last + 2 < words.size() && words[cue_last + 1].lower == "the" &&
          (words[cue_last + 2].lower == "names" || words[cue_last + 2].lower == "details" ||
           words[cue_last + 2].lower == "identities" || words[cue_last + 2].lower == "figures"))
        continue;
      out.emplace_back(i, &cue);
    }
  }
  return out;
}

// A sentence's words and cues, as RoleOfNumber reads them.
struct SplitSentence {
  uint32_t begin = 0;
  std::string text;  // the sentence's bytes: another text at the same place is no hit
  std::vector<Word> words;
  std::vector<std::pair<size_t, const Cue*>> cues;
};

// The numbers of a sentence are asked about one after another, and the sentence again by the
// next pass over the report (durations, headline numbers): the last sentences split are kept.
const SplitSentence& SplitOnce(std::string_view text, Span sentence) {
  constexpr size_t kKept = 64;
  thread_local std::vector<SplitSentence> kept(kKept);
  thread_local size_t next = 0;
  uint32_t end = std::min<uint32_t>(sentence.end, static_cast<uint32_t>(text.size()));
  uint32_t begin = std::min(sentence.begin, end);
  std::string_view now = text.substr(begin, end - begin);
  for (const SplitSentence& s : kept)
    if (s.begin == sentence.begin && s.text.size() == now.size() && s.text == now && !s.words.empty()) return s;
  SplitSentence& s = kept[next];
  next = (next + 1) % kKept;
  s.begin = sentence.begin;
  s.text.assign(now);
  s.words = Words(text, sentence);
  s.cues = CuesIn(s.words);
  return s;
}

CountRole RoleOfNumber(std::string_view text, Span sentence, Span span, const std::vector<Span>& others,
                       bool duration) {
  constexpr int kMaxGap = 6;  // words between a cue and its number
  uint32_t end = std::min<uint32_t>(sentence.end, static_cast<uint32_t>(text.size()));
  const SplitSentence& split = SplitOnce(text, sentence);
  const std::vector<Word>& words = split.words;
  const std::vector<std::pair<size_t, const Cue*>>& cached_cues = split.cues;
  int first = -1, last = -1;  // the number's own words
  for (size_t i = 0; i < words.size(); ++i) {
    if (words[i].end <= span.begin || words[i].begin >= span.end) continue;
    if (first < 0) first = static_cast<int>(i);
    last = static_cast<int>(i);
  }
  if (first < 0) return {};
  auto other_between = [&](uint32_t a, uint32_t b) {
    return std::any_of(others.begin(), others.end(), [&](Span o) {
      return !(o.begin == span.begin && o.end == span.end) && o.begin >= a && o.end <= b;
    });
  };
  std::vector<std::pair<int, int>> other_words;  // word ranges of the sentence's other numbers
  for (const Span& o : others) {
    if (o.begin == span.begin && o.end == span.end) continue;
    if (o.end <= sentence.begin || o.begin >= end) continue;  // `others` holds the whole text's numbers
    int f = -1, l = -1;
    for (size_t i = 0; i < words.size(); ++i)
      if (words[i].end > o.begin && words[i].begin < o.end) {
        if (f < 0) f = static_cast<int>(i);
        l = static_cast<int>(i);
      }
    if (f >= 0) other_words.emplace_back(f, l);
  }
  CountRole best;
  int best_gap = kMaxGap + 1;
  bool best_weak = true;
  for (const auto& [i, cue_ptr] : cached_cues) {
    const Cue& cue = *cue_ptr;
    if (cue.role.time != duration) continue;
    const size_t n = cue.words.size();
    int cue_first = static_cast<int>(i), cue_last = static_cast<int>(i + n - 1);
    if (cue_last >= first && cue_first <= last) continue;  // inside the number ("dozens")
    bool before = cue_last < first;
    int from = before ? cue_last + 1 : last + 1, to = before ? first : cue_first;
    int gap = 0;
    for (int k = from; k < to; ++k) gap += words[k].unit ? 0 : 1;
    // The counted noun: right after the number, or after "of" ("thousands of protesters").
    bool noun = !before && (gap == 0 || (gap == 1 && words[from].lower == "of"));
    if (cue.noun_only && !noun) continue;
    // A cue worn as an adjective ("three injured workers died") yields to the verb that follows.
    bool adjective = noun && gap == 0 && cue_last + 1 < static_cast<int>(words.size()) &&
                     !words[cue_last + 1].clause_break_before && !words[cue_last + 1].comma_before &&
                     !IsFunctionWord(words[cue_last + 1].lower);
    if (cue.adjacent && !(before && gap == 0)) continue;
    // A comma ends the number's phrase on its right ("who ran it for seven years, was jailed").
    // A conjunction starts another count's phrase: in "seven were killed and more than 50 taken
    // to hospital" the 50 are not killed; "trapping five and injuring 40" does not injure the five.
    bool broken = false;
    for (int k = from; k <= to && k < static_cast<int>(words.size()); ++k)
      broken = broken || words[k].clause_break_before || (!before && words[k].comma_before) ||
               (k < to && (words[k].lower == "and" || words[k].lower == "but" || words[k].lower == "while"));
    if (broken) continue;
    uint32_t a = before ? words[cue_last].end : span.end, b = before ? span.begin : words[cue_first].begin;
    if (other_between(a, b)) continue;
    // "The death toll from Tuesday's capsizing in Morava stood at 38": a subject that a
    // verb of level ("stood at", "rose to") hands to the number reaches further.
    int reach = kMaxGap;
    if (before && first >= 2 && (words[first - 1].lower == "at" || words[first - 1].lower == "to") &&
        Lex().level_verbs.count(words[first - 2].lower))
      reach = 2 * kMaxGap;
    if (gap > reach) continue;
    // A cue nearer another number is that number's ("three victims of the crash that killed seven").
    auto words_between = [&](int a_first, int a_last, int c_first, int c_last) {
      return a_last < c_first ? c_first - a_last - 1 : a_first > c_last ? a_first - c_last - 1 : 0;
    };
    auto joined = [&](int from_word, int to_word) {  // no conjunction or clause break between
      for (int k = from_word + 1; k <= to_word; ++k)
        if (words[k].clause_break_before || words[k].lower == "and" || words[k].lower == "but" ||
            words[k].lower == "while")
          return false;
      return true;
    };
    bool nearer_other = false;
    for (const auto& [o_first, o_last] : other_words)
      nearer_other = nearer_other || (words_between(o_first, o_last, cue_first, cue_last) < gap &&
                                      (o_last < cue_first ? joined(o_last, cue_first) : joined(cue_last, o_first)));
    if (nearer_other) continue;
    bool weak = cue.weak || adjective;
    bool better = best.role.empty() || (best_weak && !weak) ||
                  (best_weak == weak && (gap < best_gap || (gap == best_gap && !before)));
    if (better) {
      best_gap = gap;
      best_weak = weak;
      best = cue.role;
      best.noun = noun;
    }
  }
  if (best.role.empty() && !duration) {
    // Gapping: "Guyana released 11 Venezuelans and Venezuela seven Guyanese" — a number after
    // "and" and a new subject shares the verb of the number before the "and".
    for (int k = first - 1; k >= 0 && first - k <= 4 && !words[k + 1].clause_break_before; --k) {
      if (words[k].lower != "and") continue;
      if (k + 1 == first) break;  // "and more than 50 taken to hospital": its own clause, no gap
      const Span* previous = nullptr;
      for (const Span& o : others)
        if (o.end <= words[k].begin && o.begin >= sentence.begin && (!previous || o.begin > previous->begin)) previous = &o;
      if (previous) best = RoleOfNumber(text, sentence, *previous, others, duration);
      break;
    }
  }
  return best;
}

}  // namespace crosscheck
