#include "analyze/events.h"

#include <algorithm>
#include <map>
#include <span>

#include "analyze/quantities.h"
#include "analyze/sentences.h"
#include "analyze/tokens.h"
#include "core/data.h"
#include "core/text.h"
#include "core/word_table.h"

namespace crosscheck {
namespace {

struct Trigger {
  std::vector<std::string> words;  // lower case, last word singular
  std::string kind;
};

struct Lexicon {
  WordMap<std::vector<Trigger>> by_first;  // first word -> triggers, longest first
  WordSet venue_words;
  WordSet months;  // lower-case month names ("march", "may")
  WordMap<int> ordinals = {
      {"first", 1}, {"second", 2}, {"third", 3}, {"fourth", 4}, {"fifth", 5}, {"sixth", 6},
      {"1st", 1},   {"2nd", 2},    {"3rd", 3},   {"4th", 4},    {"initial", 1}, {"opening", 1}};
};

const Lexicon& Lex() {
  static const Lexicon* lex = [] {
    auto* l = new Lexicon;
    for (std::string_view line : DataLines("en/event_triggers.txt")) {
      size_t tab = line.find('\t');
      if (tab == std::string_view::npos) continue;
      Trigger t{SplitWords(line.substr(0, tab)), std::string(line.substr(tab + 1))};
      t.words.back() = Singular(t.words.back());
      l->by_first[t.words.front()].push_back(t);
    }
    for (auto& [first, list] : l->by_first)
      std::sort(list.begin(), list.end(), [](const Trigger& a, const Trigger& b) { return a.words.size() > b.words.size(); });
    for (std::string_view line : DataLines("en/venue_cues.txt")) l->venue_words.emplace(line);
    for (std::string_view line : DataLines("en/months.txt"))
      for (const std::string& w : SplitWords(line)) l->months.insert(AsciiLower(w));
    return l;
  }();
  return *lex;
}

bool IsCapitalised(std::string_view w) {
  unsigned char c = w.empty() ? 0 : static_cast<unsigned char>(w[0]);
  return (c >= 'A' && c <= 'Z') || c >= 0xC3;
}

// "the historic Tejo Maritime Pavilion" -> "Tejo Maritime Pavilion".
std::string FindVenue(std::string_view text, std::span<const Token> st) {
  for (size_t k = 0; k < st.size(); ++k) {
    if (st[k].kind != TokenKind::kWord || !Lex().venue_words.count(st[k].text)) continue;
    size_t b = k;
    // A lower-case cue ("crossing") may follow one common word: "the Pacaraima border crossing".
    size_t name_end = k;
    if (!IsCapitalised(st[k].text) && b > 1 && st[b - 1].kind == TokenKind::kWord && !IsCapitalised(st[b - 1].text) &&
        IsCapitalised(st[b - 2].text))
      name_end = --b;
    while (b > 0 && st[b - 1].kind == TokenKind::kWord && IsCapitalised(st[b - 1].text)) --b;
    if (b == name_end) continue;  // "the palace" alone is no name
    // Where something happens is "at/in/inside/outside (the) X"; "the race for the White House" is no venue.
    size_t p = b;
    if (p > 0 && (st[p - 1].lower == "the" || st[p - 1].lower == "a")) --p;
    static const char* kWhere[] = {"at", "in", "inside", "outside", "on", "near"};
    // "on the apron of Boa Vista International Airport": "of" after a part of a place.
    static const char* kParts[] = {"apron", "grounds", "steps", "gates", "lobby", "courtyard", "premises",
                                   "site", "entrance", "floor", "roof", "car park", "parking"};
    auto in = [](const auto& list, const std::string& w) {
      return std::find_if(std::begin(list), std::end(list), [&](const char* x) { return w == x; }) != std::end(list);
    };
    bool part_of = p >= 2 && st[p - 1].lower == "of" && in(kParts, st[p - 2].lower);
    if (p == 0 || !(in(kWhere, st[p - 1].lower) || part_of)) continue;
    return std::string(text.substr(st[b].span.begin, st[k].span.end - st[b].span.begin));
  }
  return "";
}

// The longest trigger phrase starting at token k of a sentence, or null.
const Trigger* TriggerAt(std::span<const Token> st, size_t k) {
  const Lexicon& lex = Lex();
  const std::string& first = st[k].lower;
  // "on March 6": a capitalised month name inside a sentence is a date, not a march.
  if (k > 0 && !st[k].text.empty() && IsAsciiUpper(st[k].text[0]) && lex.months.count(first))
    return nullptr;
  auto it = lex.by_first.find(first);
  // Plurals end in "s"; only those need the singular looked up too (and Singular leaves words
  // of three letters as they are: "was", "has", "its").
  if (it == lex.by_first.end() && first.size() > 3 && first.back() == 's') it = lex.by_first.find(Singular(first));
  if (it == lex.by_first.end()) return nullptr;
  for (const Trigger& t : it->second) {
    if (k + t.words.size() > st.size()) continue;
    bool ok = true;
    for (size_t w = 0; w < t.words.size() && ok; ++w) {
      const std::string& word = st[k + w].lower;
      ok = word == t.words[w] || (w + 1 == t.words.size() && Singular(word) == t.words[w]);
    }
    if (ok) return &t;
  }
  return nullptr;
}

}  // namespace

std::vector<TriggerSpan> TriggerSpans(std::string_view text, Span sentence) {
  std::vector<TriggerSpan> out;
  // Only this sentence is tokenised: reconciling asks for a few sentences of many texts.
  const uint32_t end = std::min<uint32_t>(sentence.end, static_cast<uint32_t>(text.size()));
  const uint32_t begin = std::min(sentence.begin, end);
  const std::vector<Token> all = Tokenize(text.substr(begin, end - begin), begin);
  std::span<const Token> st(all);
  for (size_t k = 0; k < st.size(); ++k) {
    const Trigger* t = TriggerAt(st, k);
    if (!t) continue;
    if (t->kind != "-") out.push_back({{st[k].span.begin, st[k + t->words.size() - 1].span.end}, t->kind});
    k += t->words.size() - 1;
  }
  return out;
}

bool IsBoundaryTime(std::string_view text, const TimeExpression& time) {
  size_t end = time.span.begin;
  while (end > 0 && text[end - 1] == ' ') --end;
  size_t begin = end;
  while (begin > 0 && text[begin - 1] != ' ' && text[begin - 1] != '\n') --begin;
  std::string word = AsciiLower(text.substr(begin, end - begin));
  return word == "since" || word == "until" || word == "before" || word == "after" || word == "by";
}

std::vector<EventMention> FindEvents(std::string_view text, const std::vector<Span>& sentences,
                                     const EntityResult& entities, const std::vector<TimeExpression>& times,
                                     const std::vector<Quantity>& quantities) {
  std::vector<EventMention> out;
  const Lexicon& lex = Lex();
  const std::vector<Token>& all = SharedTokens(text);
  for (size_t s = 0; s < sentences.size(); ++s) {
    Span sent = sentences[s];
    auto [first_token, last_token] = TokensIn(all, sent);
    std::span<const Token> st(all.data() + first_token, last_token - first_token);
    auto lower = [&](size_t k) -> const std::string& { return st[k].lower; };
    std::map<std::string, size_t> first_of_kind;  // one mention per kind of happening per sentence
    const bool sentence_opens_series =
        IContains(text.substr(sent.begin, sent.end - sent.begin), "for the first time since");
    for (size_t k = 0; k < st.size(); ++k) {
      const Trigger* match = TriggerAt(st, k);
      if (!match) continue;
      if (match->kind == "-") {  // a phrase that looks like a trigger and is none ("conference call")
        k += match->words.size() - 1;
        continue;
      }
      EventMention e;
      e.kind = match->kind;
      e.sentence = static_cast<int>(s);
      size_t begin = k, end = k + match->words.size();
      // "second round of peace talks": the ordinal and the words it governs.
      for (size_t b = k; b > 0 && k - b < 4; --b) {
        auto o = lex.ordinals.find(lower(b - 1));
        if (o != lex.ordinals.end()) { e.round = o->second; begin = b - 1; break; }
        if (st[b - 1].kind != TokenKind::kWord) break;
      }
      if (e.kind == "talks" && lower(k) == "round") {
        // "round of talks" names the talks; "round" alone is still talks.
        size_t j = end;
        if (j + 1 < st.size() && lower(j) == "of") {
          while (j + 1 < st.size() && st[j + 1].kind == TokenKind::kWord && j + 1 - end < 4) {
            ++j;
            if (lex.by_first.count(Singular(lower(j)))) { end = j + 1; break; }
          }
        }
      }
      // "For the first time since 2022, the delegations met": the first meeting of a new series.
      if (e.round == 0 && e.kind == "talks" && sentence_opens_series) e.round = 1;
      e.span = {st[begin].span.begin, st[end - 1].span.end};
      if (auto seen = first_of_kind.find(e.kind); seen != first_of_kind.end()) {  // later triggers add detail
        if (!out[seen->second].round) out[seen->second].round = e.round;
        k = end - 1;
        continue;
      }
      for (size_t t = 0; t < times.size(); ++t)
        if (times[t].sentence == static_cast<int>(s)) e.times.push_back(static_cast<int>(t));
      for (size_t q = 0; q < quantities.size(); ++q)
        if (quantities[q].sentence == static_cast<int>(s)) e.quantities.push_back(static_cast<int>(q));
      e.venue = FindVenue(text, st);
      for (const EntityMention& m : entities.mentions) {
        if (m.sentence != static_cast<int>(s) || m.entity < 0) continue;
        EntityKind kind = entities.entities[m.entity].kind;
        // A place or country after "in"/"at" is where; any other named actor takes part.
        bool where = false;
        if ((kind == EntityKind::kPlace || kind == EntityKind::kCountry) && !m.by_proxy) {
          size_t before = m.span.begin;
          while (before > sent.begin && text[before - 1] == ' ') --before;
          std::string_view prev = text.substr(before >= sent.begin + 3 ? before - 3 : sent.begin, before >= sent.begin + 3 ? 3 : before - sent.begin);
          where = EndsWith(prev, " in") || EndsWith(prev, " at") || prev == "in" || prev == "at";
        }
        std::vector<int>& list = where ? e.places : e.participants;
        if (std::find(list.begin(), list.end(), m.entity) == list.end()) list.push_back(m.entity);
      }
      static const char* kOutcome[] = {"agreed to", "agreed on", "resulted in", "ended with", "ended without",
                                       "failed to", "concluded with", "yielded", "produced", "did not conclude"};
      std::string sentence_lower = AsciiLower(text.substr(sent.begin, sent.end - sent.begin));
      for (const char* cue : kOutcome) {
        size_t p = sentence_lower.find(cue);
        if (p != std::string::npos) {
          e.outcome = std::string(Trim(text.substr(sent.begin + p, sent.end - sent.begin - p)));
          break;
        }
      }
      first_of_kind[e.kind] = out.size();
      out.push_back(std::move(e));
      k = end - 1;
    }
  }
  return out;
}

}  // namespace crosscheck
