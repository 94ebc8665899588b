#include "analyze/quantities.h"

#include <charconv>
#include <cmath>
#include <string>

#include "analyze/sentences.h"
#include "analyze/tokens.h"
#include "core/civil_time.h"
#include "core/data.h"
#include "core/text.h"
#include "core/word_table.h"

namespace crosscheck {
namespace {

struct NumberWord {
  double value = 0, low = 0, high = 0;
  bool scale = false, vague = false;
};

struct Lexicon {
  WordMap<NumberWord> numbers;
  std::vector<std::pair<std::vector<std::string>, std::string>> qualifiers;  // words, meaning
  WordSet particle_verbs;  // verbs whose "over" is a particle: handed, took
  WordSet stop = {"in", "on", "at", "from", "to", "by", "with", "for", "over", "since", "after", "before",
                  "during", "per", "into", "and", "or", "but", "that", "which", "who", "were", "was", "are",
                  "is", "had", "have", "has", "will", "would", "could", "as", "than", "across", "under",
                  "near", "within", "while", "when", "where", "because", "if", "the", "a", "an", "this"};
};

const Lexicon& Lex() {
  static const Lexicon* lex = [] {
    auto* l = new Lexicon;
    for (std::string_view line : DataLines("en/numbers.txt")) {
      std::vector<std::string> f = SplitWords(line);
      if (f.size() < 2) continue;
      NumberWord w;
      w.value = std::stod(f[1]);
      w.low = w.high = w.value;
      if (f.size() == 3 && f[2] == "scale") w.scale = true;
      if (f.size() == 4) { w.vague = true; w.low = std::stod(f[2]); w.high = std::stod(f[3]); }
      l->numbers[f[0]] = w;
    }
    for (std::string_view line : DataLines("en/quantity_qualifiers.txt")) {
      size_t tab = line.find('\t');
      if (tab == std::string_view::npos) continue;
      std::vector<std::string> words = SplitWords(line.substr(0, tab));
      l->qualifiers.emplace_back(words, std::string(line.substr(tab + 1)));
    }
    for (std::string_view line : DataLines("en/particle_verbs.txt")) l->particle_verbs.emplace(line);
    return l;
  }();
  return *lex;
}

double ParseDigits(std::string_view t) {
  std::string clean;
  for (char c : t)
    if (c != ',') clean.push_back(c);
  double v = 0;
  std::from_chars(clean.data(), clean.data() + clean.size(), v);
  return v;
}

// Value of a number word (given in lower case), including hyphenated compounds ("twenty-five").
const NumberWord* WordNumber(std::string_view lower, NumberWord* scratch) {
  auto it = Lex().numbers.find(lower);
  if (it != Lex().numbers.end()) return &it->second;
  size_t dash = lower.find('-');
  if (dash == std::string_view::npos) return nullptr;
  auto a = Lex().numbers.find(lower.substr(0, dash));
  auto b = Lex().numbers.find(lower.substr(dash + 1));
  if (a == Lex().numbers.end() || b == Lex().numbers.end() || a->second.scale || b->second.scale) return nullptr;
  scratch->value = scratch->low = scratch->high = a->second.value + b->second.value;
  return scratch;
}

bool Overlaps(Span s, const std::vector<Span>& taken) {
  for (Span t : taken)
    if (s.begin < t.end && t.begin < s.end) return true;
  return false;
}

bool IsWord(const Token& t, std::string_view w) { return t.kind == TokenKind::kWord && IEquals(t.text, w); }

// A four-digit number that reads as a year ("in 2014", "since 2022", "2025 talks").
bool LooksLikeYear(const std::vector<Token>& toks, size_t i) {
  const Token& t = toks[i];
  if (t.text.size() != 4 || t.text.find_first_of(",.") != std::string_view::npos) return false;
  double v = ParseDigits(t.text);
  return v >= 1800 && v <= 2100;
}

void ApplyQualifier(const std::string& meaning, Quantity* q) {
  double v = q->value;
  if (meaning == "approx") { q->low = v * 0.9; q->high = v * 1.1; }
  else if (meaning == "above") { q->low = v; q->high = v * 1.5; }
  else if (meaning == "atleast") { q->low = v; q->high = INFINITY; }
  else if (meaning == "atmost") { q->low = 0; q->high = v; }
  else if (meaning == "below") { q->low = v * 0.85; q->high = v; }
}

}  // namespace

std::string Singular(std::string_view word) {
  std::string w = AsciiLower(word);
  if (w.size() > 4 && EndsWith(w, "ies")) return w.substr(0, w.size() - 3) + "y";
  if (w.size() > 4 && (EndsWith(w, "ches") || EndsWith(w, "shes") || EndsWith(w, "sses") || EndsWith(w, "xes")))
    return w.substr(0, w.size() - 2);
  if (w.size() > 3 && EndsWith(w, "s") && !EndsWith(w, "ss") && !EndsWith(w, "us") && !EndsWith(w, "is"))
    return w.substr(0, w.size() - 1);
  if (w == "people") return "person";
  if (w.size() > 4 && EndsWith(w, "men")) return w.substr(0, w.size() - 3) + "man";
  if (w == "men") return "man";
  if (w == "women") return "woman";
  if (w == "children") return "child";
  return w;
}

std::vector<Quantity> FindQuantities(std::string_view text, const std::vector<Span>& sentences,
                                     const std::vector<Span>& taken) {
  std::vector<Quantity> out;
  const std::vector<Token>& toks = SharedTokens(text);
  for (size_t i = 0; i < toks.size(); ++i) {
    const Token& t = toks[i];
    NumberWord scratch;
    const NumberWord* word = t.kind == TokenKind::kWord ? WordNumber(t.lower, &scratch) : nullptr;
    if (!word && IEquals(t.text, "tens") && i + 1 < toks.size() && IsWord(toks[i + 1], "of")) {
      scratch = NumberWord{10, 10, 99, false, true};
      word = &scratch;
    }
    if (t.kind != TokenKind::kNumber && !word) continue;
    if (word && word->scale) continue;  // "hundred" alone
    if (Overlaps(t.span, taken)) continue;
    if (t.kind == TokenKind::kNumber) {
      // Model numbers and ordinals: "Tu-95", "16th", "A-50".
      bool glued_before = t.span.begin > 0 && (text[t.span.begin - 1] == '-' || text[t.span.begin - 1] == '/') &&
                          t.span.begin > 1 && text[t.span.begin - 2] != ' ';
      bool glued_after = i + 1 < toks.size() && toks[i + 1].span.begin == t.span.end &&
                         toks[i + 1].kind == TokenKind::kWord;
      if (glued_before || (glued_after && !IsWord(toks[i + 1], "m") && !IsWord(toks[i + 1], "bn") &&
                           !IsWord(toks[i + 1], "km") && !IsWord(toks[i + 1], "kg")))
        continue;
      if (LooksLikeYear(toks, i)) continue;
      if (i + 1 < toks.size() && (toks[i + 1].text == ":" || IsWord(toks[i + 1], "a.m.") || IsWord(toks[i + 1], "p.m.")))
        continue;  // clock time
      if (i > 0 && toks[i - 1].text == ":" && toks[i - 1].span.end == t.span.begin) continue;  // minutes of 10:30
      if (i > 0 && toks[i - 1].kind == TokenKind::kWord && MonthFromName(toks[i - 1].text)) continue;  // "May 16"
      if (i + 1 < toks.size() && toks[i + 1].kind == TokenKind::kWord && MonthFromName(toks[i + 1].text) &&
          toks[i + 1].text != "may")
        continue;  // "16 May"
    } else {
      // "one" is an article or a pronoun far more often than a count ("one woman", "one of").
      if (IEquals(t.text, "one")) continue;
    }
    Quantity q;
    q.span = t.span;
    q.value = word ? word->value : ParseDigits(t.text);
    q.low = word ? word->low : q.value;
    q.high = word ? word->high : q.value;
    if (word && word->vague) q.qualifier = AsciiLower(t.text);
    size_t j = i + 1;
    // "tens of thousands", "hundreds of millions": a vague multiple of a scale.
    if (i + 2 < toks.size() && (IEquals(t.text, "tens") || IEquals(t.text, "hundreds") || IEquals(t.text, "dozens")) &&
        IsWord(toks[i + 1], "of")) {
      auto scale = Lex().numbers.find(Singular(toks[i + 2].text));
      if (scale != Lex().numbers.end() && scale->second.scale) {
        double unit = scale->second.value;
        double lo = IEquals(t.text, "tens") ? 10 : IEquals(t.text, "dozens") ? 24 : 100;
        double hi = IEquals(t.text, "tens") ? 99 : IEquals(t.text, "dozens") ? 99 : 999;
        q.value = lo * unit, q.low = lo * unit, q.high = hi * unit;
        q.qualifier = AsciiLower(text.substr(t.span.begin, toks[i + 2].span.end - t.span.begin));
        q.span.end = toks[i + 2].span.end;
        j = i + 3;
        word = nullptr;
      }
    }
    // Scale words: "6.3 million", "two hundred", "3bn".
    while (j < toks.size() && toks[j].kind == TokenKind::kWord) {
      auto it = Lex().numbers.find(toks[j].lower);
      if (it == Lex().numbers.end() || !it->second.scale) break;
      q.value *= it->second.value;
      q.low = q.high = q.value;
      q.span.end = toks[j].span.end;
      ++j;
    }
    if (j < toks.size() && (toks[j].text == "%" || IsWord(toks[j], "percent"))) {
      q.percent = true;
      q.span.end = toks[j].span.end;
      ++j;
    } else if (j + 1 < toks.size() && IsWord(toks[j], "per") && IsWord(toks[j + 1], "cent")) {
      q.percent = true;
      q.span.end = toks[j + 1].span.end;
      j += 2;
    }
    // Qualifier before: the longest phrase that ends right before the number.
    for (const auto& [words, meaning] : Lex().qualifiers) {
      if (words.size() > i) continue;
      bool match = true;
      for (size_t k = 0; k < words.size() && match; ++k) match = IsWord(toks[i - words.size() + k], words[k]);
      if (!match) continue;
      // "handed over seven", "took over 12": the particle of a phrasal verb, not "more than".
      if (words.size() == 1 && i >= 2 && Lex().particle_verbs.count(toks[i - 2].lower)) break;
      if (q.qualifier.empty() || words.size() > 1) {
        std::string phrase;
        for (const auto& w : words) phrase += (phrase.empty() ? "" : " ") + w;
        q.qualifier = phrase;
      }
      q.span.begin = toks[i - words.size()].span.begin;
      ApplyQualifier(meaning, &q);
      break;
    }
    if (i > 0 && IsWord(toks[i - 1], "each")) q.qualifier = "each";
    if (i > 1 && IsWord(toks[i - 1], "freeing") && IsWord(toks[i - 2], "each")) q.qualifier = "each";
    // What is counted: "of" phrases for percentages and vague amounts, else the following words.
    if (j < toks.size() && IsWord(toks[j], "of") && (q.percent || (word && word->vague))) {
      ++j;
      while (j < toks.size() && (IsWord(toks[j], "the") || IsWord(toks[j], "its") || IsWord(toks[j], "their"))) ++j;
    }
    size_t first = j, last = j;
    const Lexicon& lex = Lex();
    // The counted phrase ends at its head noun: the first plural ("117 unmanned aerial vehicles").
    while (last < toks.size() && last - first < 5 && toks[last].kind == TokenKind::kWord &&
           !lex.stop.count(toks[last].lower) && !IsWord(toks[last], "of")) {
      if (last > first && toks[last].span.begin > toks[last - 1].span.end + 1) break;
      ++last;
      std::string_view w = toks[last - 1].text;
      bool possessive = EndsWith(w, "'s") || EndsWith(w, "\xE2\x80\x99s");
      if (!possessive && Singular(w) != AsciiLower(w)) break;
    }
    // Possessive chains: "Russia's fleet of air missile carriers".
    if (last < toks.size() && last + 1 < toks.size() && IsWord(toks[last], "of") && toks[last + 1].kind == TokenKind::kWord &&
        q.percent) {
      size_t k = last + 1;
      while (k < toks.size() && k - last < 5 && toks[k].kind == TokenKind::kWord && !lex.stop.count(toks[k].lower)) ++k;
      last = k;
    }
    if (last > first) {
      q.counted = std::string(text.substr(toks[first].span.begin, toks[last - 1].span.end - toks[first].span.begin));
      q.head = Singular(toks[last - 1].text);
    }
    q.sentence = SentenceAt(sentences, q.span.begin);
    out.push_back(std::move(q));
    i = j > i ? j - 1 : i;
  }
  return out;
}

}  // namespace crosscheck
