// Named entities of one article, without a statistical model.
//
// Approach: one pass tokenises the text (EntityTokens). Per sentence, runs of capitalised
// tokens are grown, with name particles ("van", "bin", "al-") and "of"/"for" after an
// organisation or office head word ("Ministry of Defence") as glue; at each position the
// longest gazetteer phrase is taken first (prefix-pruned hash lookups, so "Bosnia and
// Herzegovina" or "The Hague" stay whole). A run is then classified in this order:
//   sentence-initial common words are dropped ("However", "Officials"),
//   an organisation cue at its end makes it an organisation ("Defence Ministry"),
//   an office title inside splits it ("Russian | President | Vladimir Putin"): what precedes is
//   classified on its own, what follows is a person,
//   a gazetteer phrase gives country, place, organisation or known person (a capital or seat of
//   power acting as a subject, or a demonym, is the country by proxy),
//   otherwise its shape and context (given names, honorifics, "said", "in <X>") decide.
// Then single names are linked back to full ones ("Verhoeven" -> "Tomas Verhoeven", "Penske"
// -> "Penske Automotive Group", "(GM)" after "General Motors") and mentions grouped by
// EntityKey into entities. All knowledge lives in data/gazetteer/ and data/en/, loaded once
// into hash tables; no regex, a byte-level ASCII fast path in the tokenizer, and only
// capitalised words cost hash lookups (see bench/README.md, "Entities (MEANTIME)", for timings).
#include "analyze/entities.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <functional>
#include <span>
#include <string>

#include "analyze/sentences.h"
#include "core/data.h"
#include "core/text.h"
#include "core/word_table.h"

namespace crosscheck {
namespace {

// ---------------------------------------------------------------------------------------------
// Folding: lower case, diacritics stripped by table (Latin-1 and Latin Extended-A, plus the
// Romanian and Azerbaijani letters), so lookups and keys ignore accents.

template <class V>
using SvMap = WordMap<V>;
using SvSet = WordSet;

// Base letters for U+00C0..U+00FF ('*' = keep as is) and U+0100..U+017F.
constexpr std::string_view kLatin1 = "aaaaaaaceeeeiiiidnooooo*ouuuuy*saaaaaaaceeeeiiiidnooooo*ouuuuy*y";
constexpr std::string_view kLatinExtA =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnnoooooooorrrrrrssssssss"
    "ttttttuuuuuuuuuuuuwwyyyzzzzzzs";

// Appends the ASCII folding of code point `c`; false when it has none.
bool AppendAsciiFold(UChar32 c, std::string* out) {
  switch (c) {
    case 0xC6:
    case 0xE6:
      *out += "ae";
      return true;
    case 0xDE:
    case 0xFE:
      *out += "th";
      return true;
    case 0xDF:
      *out += "ss";
      return true;
    case 0x132:
    case 0x133:
      *out += "ij";
      return true;
    case 0x152:
    case 0x153:
      *out += "oe";
      return true;
    case 0x218:
    case 0x219:
      *out += 's';
      return true;
    case 0x21A:
    case 0x21B:
      *out += 't';
      return true;
    case 0x18F:
    case 0x259:
      *out += 'e';
      return true;
    default:
      break;
  }
  if (c >= 0xC0 && c <= 0xFF && kLatin1[c - 0xC0] != '*') {
    *out += kLatin1[c - 0xC0];
    return true;
  }
  if (c >= 0x100 && c <= 0x17F) {
    *out += kLatinExtA[c - 0x100];
    return true;
  }
  return false;
}

bool IsApostrophe(UChar32 c) { return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x2BC || c == '`'; }
bool IsHyphen(UChar32 c) { return c == '-' || c == 0x2010 || c == 0x2011; }

void AppendUtf8(UChar32 c, std::string* out) {
  char buf[4];
  int32_t n = 0;
  UBool err = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), n, 4, c, err);
  if (!err) out->append(buf, static_cast<size_t>(n));
}

// Lower-cases and strips diacritics, full stops and apostrophes. With `spaces`, every other
// non-letter becomes one space (for keys); without, hyphens are kept (token folds).
void FoldInto(std::string_view s, bool spaces, std::string* out) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    if (p[i] < 0x80) {
      c = p[i++];
    } else {
      U8_NEXT(p, i, n, c);
    }
    if (c < 0) continue;
    if (c < 0x80) {
      char a = static_cast<char>(c);
      if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
      if ((a >= 'a' && a <= 'z') || (a >= '0' && a <= '9')) {
        *out += a;
        continue;
      }
      if (a == '.' || IsApostrophe(c)) continue;
      if (!spaces) {
        *out += a;
        continue;
      }
      if (a == '&') {
        *out += out->empty() || out->back() == ' ' ? "and " : " and ";
        continue;
      }
      if (!out->empty() && out->back() != ' ') *out += ' ';
      continue;
    }
    if (IsApostrophe(c)) continue;
    if (AppendAsciiFold(c, out)) continue;
    if (c >= 0x300 && u_getCombiningClass(c) != 0) continue;  // a combining accent: drop it
    if (u_isalnum(c)) {
      AppendUtf8(u_tolower(c), out);
    } else if (spaces) {
      if (!out->empty() && out->back() != ' ') *out += ' ';
    } else {
      AppendUtf8(c, out);
    }
  }
  while (!out->empty() && out->back() == ' ') out->pop_back();
}

// ---------------------------------------------------------------------------------------------
// Knowledge tables, built once from data/.

enum class Gaz : uint8_t { kCountry, kDemonym, kCapital, kSeat, kPlace, kOrg, kPerson };

struct GazEntry {
  Gaz kind = Gaz::kPlace;
  std::string canonical;  // the entity's name ("Kyiv", "Russia", "North Atlantic Treaty Organization")
  std::string country;    // country canonical for demonyms, capitals, seats, places, people
  bool acronym = false;   // written all in capitals in the data: the text must be too ("WHO")
};

std::vector<std::string_view> SplitBar(std::string_view field) {
  std::vector<std::string_view> out;
  if (field == "-" || field.empty()) return out;
  size_t start = 0;
  while (start <= field.size()) {
    size_t bar = field.find('|', start);
    if (bar == std::string_view::npos) bar = field.size();
    std::string_view item = Trim(field.substr(start, bar - start));
    if (!item.empty()) out.push_back(item);
    start = bar + 1;
  }
  return out;
}

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    out.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return out;
}

bool IsAcronymText(std::string_view s) {
  int letters = 0;
  for (char c : s) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++letters;
  }
  return letters >= 2;
}

// Joined token folds of a phrase, as the tokenizer would see it in running text.
std::string PhraseKey(const std::vector<EntityToken>& tokens, size_t b, size_t e) {
  std::string key;
  for (size_t i = b; i < e; ++i) {
    if (i > b) key += ' ';
    key += tokens[i].fold;
  }
  return key;
}

struct Lexicon {
  SvMap<GazEntry> gazetteer;  // phrase key -> entry
  SvSet gaz_prefixes;         // phrase keys of every proper prefix, to stop early
  size_t gaz_max_tokens = 1;
  SvMap<std::string> loc_alias;    // FoldName(alias) -> FoldName(canonical), places and countries
  SvMap<std::string> proxy_alias;  // demonyms, capitals, seats -> FoldName(country)
  SvMap<std::string> org_alias;
  SvMap<std::string> person_alias;
  SvMap<std::string> person_country;                                  // FoldName(person canonical) -> country canonical
  SvSet org_cues, place_cues, place_heads, honorifics;                // exact surface words
  SvSet connector_heads;                                              // folds before which "of"/"for" glue a name
  SvSet common_words, given_names;                                    // folds
  SvSet particles;                                                    // "van", "bin", "de" ...
  SvMap<std::string> titles;                                          // phrase key -> office
  SvMap<std::string> office_modifiers, office_domains, office_heads;  // phrase key -> normalised
  SvSet office_prefixes;                                              // prefixes of multi-word titles and office words
  SvSet office_first;                                                 // first words of all of them
  // (first byte, length) pairs of those first words: rules most tokens out before any hashing.
  std::vector<bool> office_shape = std::vector<bool>(256 * 32, false);
  bool MayStartOffice(const std::string& w) const {
    return !w.empty() && office_shape[static_cast<unsigned char>(w[0]) * 32 + std::min<size_t>(w.size(), 31)];
  }
  size_t office_max_tokens = 1;
  SvSet abbreviations;  // lower-case words that keep their full stop ("gen", "inc")
};

void AddGaz(Lexicon* lex, std::string_view name, const GazEntry& entry) {
  std::vector<EntityToken> toks = EntityTokens(name);
  if (toks.empty()) return;
  std::string key = PhraseKey(toks, 0, toks.size());
  GazEntry e = entry;
  e.acronym = IsAcronymText(name);
  auto [it, inserted] = lex->gazetteer.emplace(key, std::move(e));  // first wins: loaded by priority
  // A key that also has a mixed-case form ("Nato") may match text in any case.
  if (!inserted && !IsAcronymText(name)) it->second.acronym = false;
  for (size_t n = 1; n < toks.size(); ++n) lex->gaz_prefixes.insert(PhraseKey(toks, 0, n));
  lex->gaz_max_tokens = std::max(lex->gaz_max_tokens, toks.size());
}

void AddOfficePhrase(Lexicon* lex, SvMap<std::string>* map, std::string_view phrase, std::string_view norm) {
  std::vector<EntityToken> toks = EntityTokens(phrase);
  if (toks.empty()) return;
  map->emplace(PhraseKey(toks, 0, toks.size()), std::string(norm == "-" ? "" : norm));
  for (size_t n = 1; n < toks.size(); ++n) lex->office_prefixes.insert(PhraseKey(toks, 0, n));
  lex->office_first.insert(toks[0].fold);
  lex->office_shape[static_cast<unsigned char>(toks[0].fold[0]) * 32 + std::min<size_t>(toks[0].fold.size(), 31)] =
      true;
  lex->office_max_tokens = std::max(lex->office_max_tokens, toks.size());
}

void LoadWords(std::string_view file, SvSet* set, bool fold) {
  for (std::string_view line : DataLines(file)) {
    size_t start = 0;
    while (start < line.size()) {
      size_t sp = line.find(' ', start);
      if (sp == std::string_view::npos) sp = line.size();
      std::string_view w = line.substr(start, sp - start);
      if (!w.empty()) set->insert(fold ? FoldName(w) : std::string(w));
      start = sp + 1;
    }
  }
}

void LoadCountries(Lexicon* lex, SvMap<std::string>* code_to_country) {
  for (std::string_view line : DataLines("gazetteer/countries.tsv")) {
    auto f = SplitTabs(line);
    if (f.size() < 3) continue;
    (*code_to_country)[std::string(f[0])] = std::string(f[1]);
    for (std::string_view name : SplitBar(f[2])) {
      AddGaz(lex, name, {Gaz::kCountry, std::string(f[1]), std::string(f[1]), false});
      lex->loc_alias.emplace(FoldName(name), FoldName(f[1]));
    }
  }
}

void LoadCountryInfo(Lexicon* lex, SvMap<std::string>* code_to_country) {
  std::vector<std::vector<std::string_view>> rows;
  for (std::string_view line : DataLines("gazetteer/country_info.tsv")) rows.push_back(SplitTabs(line));
  // Informal and former names first: they are country names, the strongest reading.
  for (auto& f : rows) {
    if (f.size() < 5) continue;
    auto names = SplitBar(f[4]);
    std::string code(f[0]);
    if (!code_to_country->count(code) && !names.empty()) (*code_to_country)[code] = std::string(names[0]);
    const std::string& country = (*code_to_country)[code];
    for (std::string_view name : names) {
      AddGaz(lex, name, {Gaz::kCountry, country, country, false});
      lex->loc_alias.emplace(FoldName(name), FoldName(country));
    }
  }
  for (auto& f : rows) {
    if (f.size() < 5) continue;
    const std::string& country = (*code_to_country)[std::string(f[0])];
    for (std::string_view d : SplitBar(f[1])) {
      AddGaz(lex, d, {Gaz::kDemonym, country, country, false});
      lex->proxy_alias.emplace(FoldName(d), FoldName(country));
    }
    auto capitals = SplitBar(f[2]);
    for (std::string_view c : capitals) {
      AddGaz(lex, c, {Gaz::kCapital, std::string(capitals[0]), country, false});
      lex->loc_alias.emplace(FoldName(c), FoldName(capitals[0]));
      lex->proxy_alias.emplace(FoldName(c), FoldName(country));
    }
    for (std::string_view s : SplitBar(f[3])) {
      AddGaz(lex, s, {Gaz::kSeat, country, country, false});
      lex->proxy_alias.emplace(FoldName(s), FoldName(country));
    }
  }
}

void LoadGazetteer(Lexicon* lex) {
  SvMap<std::string> code_to_country;
  LoadCountries(lex, &code_to_country);
  LoadCountryInfo(lex, &code_to_country);
  for (std::string_view line : DataLines("gazetteer/places.tsv")) {
    auto f = SplitTabs(line);
    auto names = SplitBar(f[0]);
    if (names.empty()) continue;
    std::string country = f.size() > 1 && f[1] != "-" ? code_to_country[std::string(f[1])] : "";
    for (std::string_view n : names) {
      AddGaz(lex, n, {Gaz::kPlace, std::string(names[0]), country, false});
      lex->loc_alias.emplace(FoldName(n), FoldName(names[0]));
    }
  }
  for (std::string_view line : DataLines("gazetteer/organisations.tsv")) {
    auto names = SplitBar(line);
    for (std::string_view n : names) {
      AddGaz(lex, n, {Gaz::kOrg, std::string(names[0]), "", false});
      lex->org_alias.emplace(FoldName(n), FoldName(names[0]));
    }
  }
  for (std::string_view line : DataLines("gazetteer/people.tsv")) {
    auto f = SplitTabs(line);
    auto names = SplitBar(f[0]);
    if (names.empty()) continue;
    std::string country = f.size() > 1 && f[1] != "-" ? code_to_country[std::string(f[1])] : "";
    lex->person_country.emplace(FoldName(names[0]), country);
    for (std::string_view n : names) {
      AddGaz(lex, n, {Gaz::kPerson, std::string(names[0]), country, false});
      lex->person_alias.emplace(FoldName(n), FoldName(names[0]));
    }
  }
}

void LoadOffices(Lexicon* lex) {
  for (std::string_view line : DataLines("en/titles.txt")) {
    auto f = SplitTabs(line);
    if (f.size() == 2) AddOfficePhrase(lex, &lex->titles, f[0], f[1]);
  }
  for (std::string_view line : DataLines("en/offices.txt")) {
    auto f = SplitTabs(line);
    if (f.size() != 3) continue;
    SvMap<std::string>* map = f[0] == "modifier" ? &lex->office_modifiers
                              : f[0] == "domain" ? &lex->office_domains
                                                 : &lex->office_heads;
    AddOfficePhrase(lex, map, f[1], f[2]);
  }
}

// While the lexicon is being built, the tokenizer that keys its tables must not ask for it;
// it uses the abbreviations loaded so far instead.
thread_local const SvSet* g_building_abbreviations = nullptr;

const Lexicon& Lex() {
  static const Lexicon* lex = [] {
    auto* l = new Lexicon;
    // Abbreviations first: the tokenizer used to key the other tables needs them.
    for (std::string_view a : DataLines("en/abbreviations.txt")) l->abbreviations.insert(std::string(a));
    for (const char* a : {"inc", "corp", "co", "ltd", "jr", "sr", "mrs", "ms", "mr", "pres", "amb", "cpt", "st"})
      l->abbreviations.insert(a);
    g_building_abbreviations = &l->abbreviations;
    LoadWords("en/org_cues.txt", &l->org_cues, false);
    LoadWords("en/place_cues.txt", &l->place_cues, false);
    LoadWords("en/place_heads.txt", &l->place_heads, false);
    LoadWords("en/honorifics.txt", &l->honorifics, false);
    LoadWords("en/common_words.txt", &l->common_words, true);
    LoadWords("en/given_names.txt", &l->given_names, true);
    for (const char* p : {"van", "von", "der", "den", "de",   "del", "della", "di", "da",  "dos", "das",
                          "du",  "la",  "le",  "bin", "bint", "ibn", "al",    "el", "ter", "ten"})
      l->particles.insert(p);
    for (const auto& w : l->org_cues) l->connector_heads.insert(FoldName(w));
    for (const auto& w : l->place_cues) l->connector_heads.insert(FoldName(w));
    for (const char* w :
         {"republic",  "kingdom",  "states",   "federation",   "emirates",   "minister", "ministers", "secretary",
          "president", "chief",    "head",     "governor",     "mayor",      "prince",   "king",      "queen",
          "duke",      "director", "chairman", "commissioner", "ambassador", "league",   "people's",  "peoples"})
      l->connector_heads.insert(w);
    LoadOffices(l);
    LoadGazetteer(l);
    g_building_abbreviations = nullptr;
    return l;
  }();
  return *lex;
}

// ---------------------------------------------------------------------------------------------
// Tokenizer.

// ASCII is most of any English text: it never reaches ICU.
inline bool IsAsciiAlnum(UChar32 c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool IsWordChar(UChar32 c) {
  if (c < 0x80) return c >= 0 && IsAsciiAlnum(c);
  return u_isalnum(c) || (c >= 0x300 && u_getCombiningClass(c) != 0);
}

inline UChar32 CodePointAt(std::string_view s, size_t i) {
  if (i >= s.size()) return -1;
  if (static_cast<unsigned char>(s[i]) < 0x80) return static_cast<unsigned char>(s[i]);
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t k = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(p, k, static_cast<int32_t>(s.size()), c);
  return c;
}

inline size_t NextIndex(std::string_view s, size_t i) {
  if (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) return i + 1;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t k = static_cast<int32_t>(i);
  U8_FWD_1(p, k, static_cast<int32_t>(s.size()));
  return static_cast<size_t>(k);
}

// End of the word starting at `b`: letters and digits, with hyphens, apostrophes and
// acronym full stops inside ("al-Assad", "O'Brien", "U.S"), but not a possessive "'s".
size_t ScanWord(std::string_view text, size_t b) {
  size_t i = b, segment = 0;
  while (i < text.size()) {
    auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80 && IsAsciiAlnum(byte)) {
      ++i;
      ++segment;
      continue;
    }
    UChar32 c = CodePointAt(text, i);
    size_t next = NextIndex(text, i);
    if (IsWordChar(c)) {
      i = next;
      ++segment;
      continue;
    }
    UChar32 after = CodePointAt(text, next);
    if (!IsWordChar(after)) break;
    if (IsHyphen(c)) {
      i = next;
      segment = 0;
      continue;
    }
    if (IsApostrophe(c)) {
      // "'s" then a non-letter is a possessive, not part of the name.
      bool possessive = (after == 's' || after == 'S') && !IsWordChar(CodePointAt(text, next + 1));
      if (possessive) break;
      i = next;
      segment = 0;
      continue;
    }
    if (c == '.' && segment <= 2) {
      i = next;
      segment = 0;
      continue;
    }  // "U.S", "D.C"
    break;
  }
  return i;
}

// Flags and fold of a word token in one pass; ASCII bytes never reach ICU.
void FillTokenFlags(std::string_view text, EntityToken* t) {
  std::string_view s = text.substr(t->span.begin, t->span.end - t->span.begin);
  int letters = 0, upper = 0;
  if (std::all_of(s.begin(), s.end(), [](char c) { return IsAsciiAlnum(static_cast<unsigned char>(c)); })) {
    // The common case: plain ASCII letters and digits, folded in place.
    t->fold.assign(s);
    t->cap = s[0] >= 'A' && s[0] <= 'Z';
    for (char& c : t->fold) {
      if (c >= '0' && c <= '9') {
        t->digit = true;
        continue;
      }
      ++letters;
      if (c <= 'Z') {
        ++upper;
        c = static_cast<char>(c + 32);
      }
    }
    t->all_caps = letters >= 2 && upper == letters;
    return;
  }
  t->fold.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    auto byte = static_cast<unsigned char>(s[i]);
    if (byte < 0x80) {
      bool is_upper = byte >= 'A' && byte <= 'Z';
      bool is_lower = byte >= 'a' && byte <= 'z';
      if (i == 0) t->cap = is_upper;
      if (byte >= '0' && byte <= '9') t->digit = true;
      if (is_upper || is_lower) {
        ++letters;
        upper += is_upper;
      }
      if (is_upper)
        t->fold += static_cast<char>(byte + 32);
      else if (byte != '.' && byte != '\'' && byte != '`')
        t->fold += static_cast<char>(byte);
      ++i;
      continue;
    }
    size_t next = NextIndex(s, i);
    UChar32 c = CodePointAt(s, i);
    bool is_upper = u_isupper(c) || u_istitle(c);
    if (i == 0) t->cap = is_upper;
    if (u_isdigit(c)) t->digit = true;
    if (u_isalpha(c)) {
      ++letters;
      upper += is_upper;
    }
    FoldInto(s.substr(i, next - i), false, &t->fold);
    i = next;
  }
  t->all_caps = letters >= 2 && upper == letters;
}

// Whether a full stop right after the word [b, e) belongs to it ("Gen.", "U.S.", "J.").
bool KeepsFullStop(std::string_view text, size_t b, size_t e, const SvSet* abbreviations) {
  if (e >= text.size() || text[e] != '.') return false;
  std::string_view w = text.substr(b, e - b);
  if (w.find('.') != std::string_view::npos) return true;        // "U.S" -> "U.S."
  if (w.size() == 1 && w[0] >= 'A' && w[0] <= 'Z') return true;  // an initial
  if (abbreviations == nullptr) return false;
  return abbreviations->count(AsciiLower(w)) > 0;
}

}  // namespace

std::string FoldName(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  FoldInto(s, true, &out);
  return out;
}

std::vector<EntityToken> EntityTokens(std::string_view text) {
  const SvSet* abbreviations = g_building_abbreviations ? g_building_abbreviations : &Lex().abbreviations;
  std::vector<EntityToken> out;
  out.reserve(text.size() / 5);
  size_t i = 0;
  while (i < text.size()) {
    auto byte = static_cast<unsigned char>(text[i]);
    if (byte == ' ' || byte == '\n' || byte == '\t' || byte == '\r') {
      ++i;
      continue;
    }
    UChar32 c = CodePointAt(text, i);
    size_t next = NextIndex(text, i);
    if (c == 0xA0 || c < 0) {
      i = next;
      continue;
    }
    if (IsWordChar(c)) {
      size_t e = ScanWord(text, i);
      if (KeepsFullStop(text, i, e, abbreviations)) ++e;
      // "ex-President", "then-Defence Minister": the prefix is a word of its own.
      for (std::string_view pre : {std::string_view("ex-"), std::string_view("then-")}) {
        if ((text[i] == 'e' || text[i] == 'E' || text[i] == 't' || text[i] == 'T') && e - i > pre.size() + 1 &&
            IEquals(text.substr(i, pre.size()), pre)) {
          EntityToken& p = out.emplace_back();
          p.span = {static_cast<uint32_t>(i), static_cast<uint32_t>(i + pre.size())};
          p.word = true;
          p.fold = AsciiLower(pre);
          i += pre.size();
          break;
        }
      }
      EntityToken& t = out.emplace_back();  // filled in place: most of a text is words
      t.span = {static_cast<uint32_t>(i), static_cast<uint32_t>(e)};
      t.word = true;
      FillTokenFlags(text, &t);
      i = e;
      continue;
    }
    EntityToken t;
    if (IsApostrophe(c)) {
      UChar32 s = CodePointAt(text, next);
      if ((s == 's' || s == 'S') && !IsWordChar(CodePointAt(text, next + 1))) {
        t.span = {static_cast<uint32_t>(i), static_cast<uint32_t>(next + 1)};
        t.fold = "'s";
        out.push_back(std::move(t));
        i = next + 1;
        continue;
      }
    }
    t.span = {static_cast<uint32_t>(i), static_cast<uint32_t>(next)};
    t.fold = std::string(text.substr(i, next - i));
    out.push_back(std::move(t));
    i = next;
  }
  return out;
}

namespace {

// Longest phrase of `map` starting at token i (pruned by `prefixes`); returns its end.
template <class V>
size_t LongestPhrase(const std::vector<EntityToken>& tokens, size_t i, size_t limit, const SvMap<V>& map,
                     const SvSet& prefixes, size_t max_tokens, const V** value) {
  std::string key;
  size_t best = i;
  for (size_t j = i; j < limit && j - i < max_tokens; ++j) {
    if (j > i) key += ' ';
    key += tokens[j].fold;
    auto it = map.find(key);
    if (it != map.end()) {
      best = j + 1;
      *value = &it->second;
    }
    if (!prefixes.count(key)) break;
  }
  return best;
}

// One office word group of `map` at token i: its end, and its normalised text appended.
size_t OfficeWord(const std::vector<EntityToken>& tokens, size_t i, const SvMap<std::string>& map,
                  std::string* office) {
  const Lexicon& lex = Lex();
  const std::string* norm = nullptr;
  size_t e = LongestPhrase(tokens, i, tokens.size(), map, lex.office_prefixes, lex.office_max_tokens, &norm);
  if (e > i && !norm->empty()) {
    if (!office->empty()) *office += ' ';
    *office += *norm;
  }
  return e;
}

}  // namespace

size_t MatchOffice(const std::vector<EntityToken>& tokens, size_t i, std::string* office) {
  const Lexicon& lex = Lex();
  office->clear();
  if (i >= tokens.size() || !tokens[i].word || !lex.MayStartOffice(tokens[i].fold) ||
      !lex.office_first.count(tokens[i].fold))
    return i;
  const std::string* title = nullptr;
  size_t te = LongestPhrase(tokens, i, tokens.size(), lex.titles, lex.office_prefixes, lex.office_max_tokens, &title);
  // The office grammar: [modifier]* [domain]* head, or head of/for [the] domain [affairs].
  std::string mods, domains, head;
  size_t j = i;
  for (size_t e; (e = OfficeWord(tokens, j, lex.office_modifiers, &mods)) > j;) j = e;
  for (size_t e; (e = OfficeWord(tokens, j, lex.office_domains, &domains)) > j;) j = e;
  size_t he = OfficeWord(tokens, j, lex.office_heads, &head);
  if (he == j) {
    if (te > i) *office = *title;
    return te;
  }
  if (domains.empty() && he + 1 < tokens.size() && (tokens[he].fold == "of" || tokens[he].fold == "for")) {
    size_t k = he + 1;
    if (k < tokens.size() && tokens[k].fold == "the") ++k;
    size_t de = OfficeWord(tokens, k, lex.office_domains, &domains);
    if (de > k) {
      he = de;
      if (he < tokens.size() && tokens[he].fold == "affairs") ++he;
    }
  }
  if (te >= he) {  // a fixed title at least as long wins ("Secretary of State")
    *office = *title;
    return te;
  }
  for (const std::string* part : {&mods, &domains, &head}) {
    if (part->empty()) continue;
    if (!office->empty()) *office += ' ';
    *office += *part;
  }
  return he;
}

const std::vector<EntityToken>& CachedEntityTokens(std::string_view text) {
  // FindRoles runs right after FindEntities on the same text: keep that one tokenisation.
  thread_local std::string last_text;
  thread_local std::vector<EntityToken> last_tokens;
  if (text.size() != last_text.size() || text != last_text || last_tokens.empty()) {
    last_tokens = EntityTokens(text);
    last_text.assign(text);
  }
  return last_tokens;
}

std::string KnownCountryOf(std::string_view person_canonical) {
  const Lexicon& lex = Lex();
  std::string folded = FoldName(person_canonical);
  auto alias = lex.person_alias.find(folded);
  if (alias != lex.person_alias.end()) folded = alias->second;
  auto it = lex.person_country.find(folded);
  return it == lex.person_country.end() ? std::string() : it->second;
}

// ---------------------------------------------------------------------------------------------
// EntityKey.

namespace {

// Folds transliteration variants of one name word: "zelenskyy", "zelensky", "zelenskiy" ->
// "zelenski"; "kh" -> "h", "ph" -> "f", "th" -> "t", "ou" -> "u", "w" -> "v", doubled
// letters once, a final run of i/y/j one "i", "-off"/"-eff" -> "-ov"/"-ev". Different
// names keep their difference ("zelenska" stays apart).
std::string FoldPersonWord(const std::string& w) {
  // Digraphs first, in one pass (a pair maps to one letter).
  std::string d;
  d.reserve(w.size());
  for (size_t i = 0; i < w.size(); ++i) {
    char c = w[i], n = i + 1 < w.size() ? w[i + 1] : '\0';
    if ((c == 'k' || c == 't') && n == 'h') {
      d += c == 'k' ? 'h' : 't';
      ++i;
      continue;
    }
    if (c == 'p' && n == 'h') {
      d += 'f';
      ++i;
      continue;
    }
    if (c == 'o' && n == 'u') {
      d += 'u';
      ++i;
      continue;
    }
    d += c == 'w' ? 'v' : c;
  }
  std::string out;
  for (char c : d)
    if (out.empty() || out.back() != c) out += c;
  size_t end = out.size();
  while (end > 1 && (out[end - 1] == 'i' || out[end - 1] == 'y' || out[end - 1] == 'j')) --end;
  if (end < out.size() && end >= 2) out = out.substr(0, end) + "i";
  if (out.size() > 3 && out.back() == 'f' && (out[out.size() - 2] == 'o' || out[out.size() - 2] == 'e'))
    out.back() = 'v';
  return out;
}

std::string FoldPerson(const std::string& folded) {
  std::string out;
  size_t start = 0;
  while (start < folded.size()) {
    size_t sp = folded.find(' ', start);
    if (sp == std::string::npos) sp = folded.size();
    std::string w = folded.substr(start, sp - start);
    start = sp + 1;
    // Honorifics and middle initials are not part of who someone is.
    if (w.size() == 1 || w == "mr" || w == "mrs" || w == "ms" || w == "dr" || w == "sir") continue;
    if (!out.empty()) out += ' ';
    out += FoldPersonWord(w);
  }
  return out;
}

std::string StripOrgSuffix(std::string s) {
  if (StartsWith(s, "the ")) s.erase(0, 4);
  static const char* kSuffixes[] = {" inc",   " ltd", " corp", " corporation", " co",  " company", " plc",     " llc",
                                    " group", " sa",  " ag",   " nv",          " spa", " limited", " holdings"};
  for (bool again = true; again;) {
    again = false;
    for (const char* suffix : kSuffixes) {
      if (EndsWith(s, suffix) && s.size() > std::string_view(suffix).size() + 1) {
        s.resize(s.size() - std::string_view(suffix).size());
        again = true;
      }
    }
  }
  return s;
}

}  // namespace

namespace {

std::string ComputeEntityKey(std::string_view canonical_name, EntityKind kind);

}  // namespace

std::string EntityKey(std::string_view canonical_name, EntityKind kind) {
  // The same names come back in article after article and stage after stage: keys are kept
  // per thread, per kind (a bounded cache, emptied when full).
  constexpr size_t kMaxKept = 1 << 18;
  constexpr size_t kKinds = static_cast<size_t>(EntityKind::kOther) + 1;  // kOther is the last kind
  thread_local std::array<WordMap<std::string>, kKinds> kept;
  WordMap<std::string>& cache = kept[static_cast<size_t>(kind)];
  if (auto it = cache.find(canonical_name); it != cache.end()) return it->second;
  if (cache.size() >= kMaxKept) cache.clear();
  return cache.emplace(std::string(canonical_name), ComputeEntityKey(canonical_name, kind)).first->second;
}

namespace {

std::string ComputeEntityKey(std::string_view canonical_name, EntityKind kind) {
  const Lexicon& lex = Lex();
  std::string f = FoldName(canonical_name);
  auto mapped = [&](const SvMap<std::string>& m) {
    auto it = m.find(f);
    if (it != m.end()) f = it->second;
  };
  // "Korea, Republic of" (as ISO lists names) -> "Republic of Korea".
  if (size_t comma = canonical_name.find(", "); comma != std::string_view::npos && kind != EntityKind::kPerson) {
    std::string_view tail = canonical_name.substr(comma + 2);
    if (EndsWith(tail, " of") || EndsWith(tail, " of the"))
      f = FoldName(std::string(tail) + " " + std::string(canonical_name.substr(0, comma)));
  }
  switch (kind) {
    case EntityKind::kPerson: {
      auto it = lex.person_alias.find(f);
      if (it != lex.person_alias.end()) f = it->second;
      return "per:" + FoldPerson(f);
    }
    case EntityKind::kOrganisation:
      mapped(lex.org_alias);
      return "org:" + StripOrgSuffix(f);
    case EntityKind::kCountry:
      if (StartsWith(f, "the ")) f.erase(0, 4);
      if (!lex.loc_alias.count(f)) mapped(lex.proxy_alias);  // "Kremlin", "Ukrainian" -> the country
      mapped(lex.loc_alias);
      return "loc:" + f;
    case EntityKind::kPlace:
      mapped(lex.loc_alias);
      return "loc:" + f;
    case EntityKind::kOther:
      break;
  }
  return "oth:" + f;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Finding entities.

namespace {

struct Candidate {
  size_t tb = 0, te = 0;  // tokens of the name
  EntityKind kind = EntityKind::kOther;
  bool by_proxy = false;
  bool from_gazetteer = false;
  bool person_cue = false;  // honorific, title or speech verb around it
  std::string canonical;    // gazetteer canonical, else the surface
  std::string key;
};

struct Unit {
  size_t tb, te;
  const GazEntry* gaz;
};

// Words the article writes in lower case, as a Bloom filter: only asked about a few
// sentence-initial words, so hashing every word into a real set would cost more than the rest
// of entity finding. A false positive (under 1% at 16 Kbit for one article's words) only
// drops a sentence-initial name.
class LowerWords {
 public:
  LowerWords() : bits_(kBits / 64, 0) {}
  void Add(std::string_view w) {
    uint64_t h = HashWord(w);
    bits_[(h % kBits) / 64] |= 1ULL << (h % 64);
    bits_[((h >> 32) % kBits) / 64] |= 1ULL << ((h >> 32) % 64);
  }
  bool MayContain(std::string_view w) const {
    uint64_t h = HashWord(w);
    return (bits_[(h % kBits) / 64] >> (h % 64) & 1) && (bits_[((h >> 32) % kBits) / 64] >> ((h >> 32) % 64) & 1);
  }

 private:
  static constexpr uint64_t kBits = 1 << 14;
  std::vector<uint64_t> bits_;
};

class Finder {
 public:
  Finder(std::string_view text, const std::vector<Span>& sentences)
      : text_(text), sentences_(sentences), lex_(Lex()), tokens_(CachedEntityTokens(text)) {}

  EntityResult Run();

 private:
  std::string_view Surface(size_t tb, size_t te) const {
    return text_.substr(tokens_[tb].span.begin, tokens_[te - 1].span.end - tokens_[tb].span.begin);
  }
  std::string_view Raw(size_t i) const {
    return text_.substr(tokens_[i].span.begin, tokens_[i].span.end - tokens_[i].span.begin);
  }
  bool IsNameStart(size_t i) const;
  size_t Glue(size_t j, size_t limit, const Unit& last) const;
  // Units go to a reused buffer and are passed on as spans: no allocation per run.
  std::span<const Unit> BuildRun(size_t i, size_t limit, size_t* end);
  void Classify(std::span<const Unit> units, size_t sentence_first, bool person_hint);
  void ClassifyPlain(std::span<const Unit> units, bool person_hint);
  void EmitGaz(const Unit& u);
  void Emit(size_t tb, size_t te, EntityKind kind, bool person_cue);
  bool OfficeEndsAt(size_t end) const;
  bool SpeechAfter(size_t te) const;
  bool LooksLikePersonName(size_t tb, size_t te) const;
  template <class F>
  void ForEachSentence(F f) const;
  void LinkShortNames();
  EntityResult Assemble();

  std::string_view text_;
  const std::vector<Span>& sentences_;
  const Lexicon& lex_;
  const std::vector<EntityToken>& tokens_;
  LowerWords lower_words_;
  LowerWords inner_capitals_;  // words written capitalised other than at a sentence start
  std::vector<Candidate> cands_;
  std::vector<Unit> run_;
};

bool Finder::IsNameStart(size_t i) const {
  const EntityToken& t = tokens_[i];
  if (!t.word) return false;
  if (t.cap) return true;
  // "al-Assad", "el-Sisi": a lower-case particle glued to a capitalised name.
  const std::string& f = t.fold;  // checked by hand: this runs for every lower-case word
  return f.size() > 3 && f[1] == 'l' && f[2] == '-' && (f[0] == 'a' || f[0] == 'e') &&
         text_[t.span.begin + 3] >= 'A' && text_[t.span.begin + 3] <= 'Z';
}

// Glue tokens after a unit that keep the name going: particles before a capital ("van der",
// "bin"), "of"/"for" [the] after an organisation, place or office head ("Ministry of Defence"),
// "&". Returns the index of the next name token, or j when nothing glues.
size_t Finder::Glue(size_t j, size_t limit, const Unit& last) const {
  size_t k = j;
  while (k < limit && tokens_[k].word && !tokens_[k].cap && lex_.particles.count(tokens_[k].fold)) ++k;
  if (k > j && k < limit && IsNameStart(k) && k - j <= 2) return k;
  k = j;
  if (k < limit && (tokens_[k].fold == "of" || tokens_[k].fold == "for") && last.gaz == nullptr &&
      lex_.connector_heads.count(tokens_[last.te - 1].fold)) {
    ++k;
    if (k < limit && tokens_[k].fold == "the") ++k;
    if (k < limit && IsNameStart(k)) return k;
  }
  if (j < limit && tokens_[j].fold == "&" && j + 1 < limit && IsNameStart(j + 1)) return j + 1;
  return j;
}

std::span<const Unit> Finder::BuildRun(size_t i, size_t limit, size_t* end) {
  std::vector<Unit>& units = run_;
  units.clear();
  size_t j = i;
  while (j < limit && IsNameStart(j)) {
    const GazEntry* gaz = nullptr;
    size_t e = LongestPhrase(tokens_, j, limit, lex_.gazetteer, lex_.gaz_prefixes, lex_.gaz_max_tokens, &gaz);
    if (e > j && gaz->acronym && !tokens_[j].all_caps) e = j;  // "Who" is not the WHO
    if (e > j && !tokens_[e - 1].cap && !tokens_[e - 1].all_caps && tokens_[e - 1].word) e = j;
    if (e == j) {
      gaz = nullptr;
      e = j + 1;
    }
    units.push_back({j, e, gaz});
    size_t g = Glue(e, limit, units.back());
    j = g;
    if (g == e && !(e < limit && IsNameStart(e))) break;
  }
  *end = std::max(j, i + 1);
  return units;
}

void Finder::Emit(size_t tb, size_t te, EntityKind kind, bool person_cue) {
  Candidate c;
  c.tb = tb;
  c.te = te;
  c.kind = kind;
  c.person_cue = person_cue;
  c.canonical = std::string(Surface(tb, te));
  cands_.push_back(std::move(c));
}

bool IsLocativePreposition(std::string_view w) {
  return w == "in" || w == "at" || w == "to" || w == "from" || w == "near" || w == "outside" || w == "into" ||
         w == "across" || w == "around" || w == "via" || w == "toward" || w == "towards" || w == "visit" ||
         w == "visited" || w == "through" || w == "inside";
}

// Words after a capital that make it the actor: a possessive or a verb of saying or acting.
bool IsActorWord(const std::string& w) {
  static const SvSet* words = new SvSet{
      "'s",        "said",     "says",      "say",      "has",      "have",      "had",        "is",       "was",
      "will",      "would",    "could",     "can",      "may",      "might",     "must",       "should",   "wants",
      "wanted",    "accused",  "accuses",   "denied",   "denies",   "warned",    "warns",      "rejected", "rejects",
      "responded", "insisted", "insists",   "claimed",  "claims",   "announced", "confirmed",  "demanded", "demands",
      "refused",   "refuses",  "agreed",    "agrees",   "signed",   "sent",      "threatened", "called",   "calls",
      "urged",     "urges",    "hopes",     "believes", "sees",     "considers", "blamed",     "blames",   "opposes",
      "opposed",   "supports", "supported", "insisted", "proposed", "offered",   "and"};
  return words->count(w) > 0;
}

void Finder::EmitGaz(const Unit& u) {
  const GazEntry& g = *u.gaz;
  Candidate c;
  c.tb = u.tb;
  c.te = u.te;
  c.from_gazetteer = true;
  c.canonical = g.canonical;
  switch (g.kind) {
    case Gaz::kCountry:
      c.kind = EntityKind::kCountry;
      break;
    case Gaz::kDemonym:
      c.kind = EntityKind::kCountry;
      c.by_proxy = true;
      break;
    case Gaz::kSeat:
      c.kind = EntityKind::kCountry;
      c.by_proxy = true;
      break;
    case Gaz::kCapital: {
      // "Moscow said", "Moscow's position" is its government; "in Moscow", "fled Damascus"
      // the city. Only a capital acting as subject or owner stands for the country.
      size_t p = u.tb;
      if (p > 0 && tokens_[p - 1].fold == "the") --p;
      bool locative = p > 0 && IsLocativePreposition(tokens_[p - 1].fold);
      bool actor = u.te < tokens_.size() && IsActorWord(tokens_[u.te].fold);
      if (locative || !actor || g.country.empty()) {
        c.kind = EntityKind::kPlace;
      } else {
        c.kind = EntityKind::kCountry;
        c.by_proxy = true;
        c.canonical = g.country;
      }
      break;
    }
    case Gaz::kPlace:
      c.kind = EntityKind::kPlace;
      break;
    case Gaz::kOrg:
      c.kind = EntityKind::kOrganisation;
      break;
    case Gaz::kPerson:
      c.kind = EntityKind::kPerson;
      break;
  }
  if (c.by_proxy) c.canonical = g.country;
  cands_.push_back(std::move(c));
}

// Whether an office title ends right before token `end` ("spokesman | Dmitri X").
bool Finder::OfficeEndsAt(size_t end) const {
  std::string office;
  for (size_t back = 1; back <= 4 && back <= end; ++back) {
    if (MatchOffice(tokens_, end - back, &office) == end) return true;
  }
  return false;
}

bool Finder::SpeechAfter(size_t te) const {
  size_t k = te;
  if (k < tokens_.size() && tokens_[k].fold == ",") {
    return k + 1 < tokens_.size() && (tokens_[k + 1].fold == "who" || tokens_[k + 1].fold == "aged");
  }
  if (k < tokens_.size() && (tokens_[k].fold == "said" || tokens_[k].fold == "says" || tokens_[k].fold == "told" ||
                             tokens_[k].fold == "added" || tokens_[k].fold == "wrote" || tokens_[k].fold == "stated"))
    return true;
  return false;
}

// Two or three name-shaped words ("Tomas Verhoeven"), none a word the article also writes in
// lower case ("App Store", "Music Store") nor with inner capitals ("MacBook Air").
bool Finder::LooksLikePersonName(size_t tb, size_t te) const {
  for (size_t i = tb; i < te; ++i) {
    const EntityToken& t = tokens_[i];
    if (!IsNameStart(i)) continue;  // a particle
    if (t.all_caps || t.fold.size() < 2 || lower_words_.MayContain(t.fold) || lex_.common_words.count(t.fold))
      return false;
    std::string_view raw = Raw(i);
    for (size_t k = 1; k < raw.size(); ++k)
      if (raw[k] >= 'A' && raw[k] <= 'Z' && raw[k - 1] != '-' && raw[k - 1] != '\'' && !(k == 2 && raw[0] == 'M'))
        return false;  // "MacBook" but not "McCain", "MacDonald", "O'Neill", "Al-Sisi"
  }
  return true;
}

// A run with no title and no organisation cue: gazetteer, else shape and context.
void Finder::ClassifyPlain(std::span<const Unit> units, bool person_hint) {
  size_t tb = units.front().tb, te = units.back().te;
  if (units.size() == 1 && units[0].gaz) return EmitGaz(units[0]);
  // A demonym before other words ("Ukrainian Zelensky") is its own mention.
  if (units.size() > 1 && units[0].gaz && units[0].gaz->kind == Gaz::kDemonym) {
    EmitGaz(units[0]);
    return ClassifyPlain(units.subspan(1), person_hint);
  }
  bool org = !units.back().gaz && lex_.org_cues.count(Raw(te - 1));
  for (size_t i = tb; !org && i + 1 < te; ++i)
    org = lex_.org_cues.count(Raw(i)) && (tokens_[i + 1].fold == "of" || tokens_[i + 1].fold == "for");
  if (org) return Emit(tb, te, EntityKind::kOrganisation, false);
  size_t n = te - tb;
  bool digits = false, has_gaz = false;
  for (size_t i = tb; i < te; ++i) digits |= tokens_[i].digit;
  for (const Unit& u : units) has_gaz |= u.gaz != nullptr;
  std::string_view last(Raw(te - 1));
  bool cue = person_hint || OfficeEndsAt(tb) || SpeechAfter(te);
  if (digits) return Emit(tb, te, EntityKind::kOther, false);
  if (lex_.place_cues.count(last) || (n > 2 && lex_.place_cues.count(Raw(tb)) && tokens_[tb + 1].fold == "of") ||
      (n >= 2 && lex_.place_heads.count(Raw(tb))))
    return Emit(tb, te, EntityKind::kPlace, false);
  // A first name before a known person's surname ("Vladimir Putin" written another way).
  if (has_gaz) {
    const Unit& back = units.back();
    bool surname = back.gaz && back.gaz->kind == Gaz::kPerson && units.size() <= 3;
    return Emit(tb, te, surname ? EntityKind::kPerson : EntityKind::kOther, cue);
  }
  if (n == 1 && tokens_[tb].all_caps && tokens_[tb].fold.size() <= 6 && !cue)
    return Emit(tb, te, EntityKind::kOrganisation, false);
  // "RAIB said": an acronym that speaks is a body, not a person.
  if (n == 1 && tokens_[tb].all_caps && Raw(tb).size() >= 3) return Emit(tb, te, EntityKind::kOrganisation, false);
  if (cue || lex_.given_names.count(tokens_[tb].fold)) return Emit(tb, te, EntityKind::kPerson, true);
  size_t p = tb > 0 ? tb - 1 : tb;
  bool locative = tb > 0 && (tokens_[p].fold == "in" || tokens_[p].fold == "near" || tokens_[p].fold == "outside");
  if (locative && n <= 2) return Emit(tb, te, EntityKind::kPlace, false);
  size_t name_words = 0;  // particles ("van der") do not count
  for (size_t i = tb; i < te; ++i) name_words += IsNameStart(i);
  if (name_words >= 2 && name_words <= 3 && LooksLikePersonName(tb, te))
    return Emit(tb, te, EntityKind::kPerson, false);
  Emit(tb, te, EntityKind::kOther, false);
}

void Finder::Classify(std::span<const Unit> units, size_t sentence_first, bool person_hint) {
  // Drop what only looks like a name: sentence-initial words the article also writes in lower
  // case or that are common words; honorifics (which mark a person); lone month names.
  while (!units.empty() && !units[0].gaz) {
    const Unit& u = units[0];
    const std::string& f = tokens_[u.tb].fold;
    bool initial = u.tb == sentence_first;
    if (lex_.honorifics.count(Raw(u.tb))) {
      person_hint = true;
    } else if (!lex_.common_words.count(f) && !(initial && (lower_words_.MayContain(f) || EndsWith(f, "ly")))) {
      break;
    }
    units = units.subspan(1);
  }
  // ... and at its end: a caption running into the next sentence ("Mike Pence Previously, ...").
  while (units.size() > 1 && !units.back().gaz && units.back().te == units.back().tb + 1 &&
         lex_.common_words.count(tokens_[units.back().tb].fold))
    units = units.subspan(0, units.size() - 1);
  if (units.empty()) return;
  size_t tb = units.front().tb, te = units.back().te;
  // A lone unknown word opening a sentence ("Delegates gathered") is a name only when the
  // article capitalises it elsewhere too, or a person cue goes with it ("Okafor said").
  if (units.size() == 1 && !units[0].gaz && tb == sentence_first && te == tb + 1 && !person_hint &&
      !inner_capitals_.MayContain(tokens_[tb].fold) && !SpeechAfter(te) && !lex_.org_cues.count(Raw(tb)))
    return;
  // An organisation cue ending the run makes it an organisation ("Russian Defence Ministry").
  if (!units.back().gaz && lex_.org_cues.count(Raw(te - 1))) return Emit(tb, te, EntityKind::kOrganisation, false);
  // An office title inside splits the run: before it a country, place or organisation; after
  // it (past honorifics) the person holding it.
  for (size_t ui = 0; ui < units.size(); ++ui) {
    if (units[ui].gaz) continue;
    std::string office;
    size_t oe = MatchOffice(tokens_, units[ui].tb, &office);
    if (oe == units[ui].tb || oe > te) continue;
    if (ui > 0) {
      // Before a title stands whose office it is ("Acme Rail CEO X"): a country, place or
      // organisation, never a person.
      std::span<const Unit> owner = units.first(ui);
      if (owner.size() == 1 && owner[0].gaz)
        EmitGaz(owner[0]);
      else
        Emit(owner.front().tb, owner.back().te, EntityKind::kOrganisation, false);
    }
    size_t rest = ui;
    while (rest < units.size() && units[rest].tb < oe) ++rest;
    // "President of Ukraine Volodymyr X": the country or organisation after "of" is its own.
    bool of = oe < tokens_.size() && (tokens_[oe].fold == "of" || tokens_[oe].fold == "for");
    if (of && rest + 1 < units.size() && units[rest].gaz) EmitGaz(units[rest++]);
    while (rest < units.size() && !units[rest].gaz && lex_.honorifics.count(Raw(units[rest].tb))) ++rest;
    if (rest < units.size()) {
      std::span<const Unit> tail = units.subspan(rest);
      if (tail.size() == 1 && tail[0].gaz) return EmitGaz(tail[0]);
      Emit(tail.front().tb, tail.back().te, EntityKind::kPerson, true);
    }
    return;
  }
  ClassifyPlain(units, person_hint);
}

// Links single names to full ones said in the same article: a person's surname (or
// "Mr Surname"), an organisation's first word or its acronym.
void Finder::LinkShortNames() {
  SvMap<size_t> surname;  // FoldPerson(last word) -> candidate with the full name
  SvMap<size_t> org_head, org_initials;
  for (size_t c = 0; c < cands_.size(); ++c) {
    const Candidate& k = cands_[c];
    size_t n = k.te - k.tb;
    if (k.kind == EntityKind::kPerson && n >= 2) surname.emplace(FoldPersonWord(tokens_[k.te - 1].fold), c);
    if (k.kind == EntityKind::kOrganisation && n >= 2 && !k.from_gazetteer) {
      org_head.emplace(tokens_[k.tb].fold, c);
      std::string initials;
      for (size_t i = k.tb; i < k.te; ++i)
        if (tokens_[i].cap) initials += tokens_[i].fold[0];
      if (initials.size() >= 2) org_initials.emplace(initials, c);
    }
  }
  for (Candidate& k : cands_) {
    if (k.te - k.tb != 1 || (k.from_gazetteer && k.kind != EntityKind::kPerson && k.kind != EntityKind::kOrganisation))
      continue;
    const std::string& f = tokens_[k.tb].fold;
    if (k.kind == EntityKind::kPerson || k.kind == EntityKind::kOther) {
      auto it = surname.find(FoldPersonWord(f));
      if (it != surname.end()) {
        const Candidate& full = cands_[it->second];
        k.kind = EntityKind::kPerson;
        k.key = EntityKey(full.canonical, EntityKind::kPerson);
        continue;
      }
    }
    if (k.from_gazetteer) continue;
    auto org = tokens_[k.tb].all_caps ? org_initials.find(f) : org_head.find(f);
    if (org != (tokens_[k.tb].all_caps ? org_initials.end() : org_head.end())) {
      k.kind = EntityKind::kOrganisation;
      k.key = EntityKey(cands_[org->second].canonical, EntityKind::kOrganisation);
    }
  }
}

EntityResult Finder::Assemble() {
  EntityResult result;
  std::sort(cands_.begin(), cands_.end(), [](const Candidate& a, const Candidate& b) { return a.tb < b.tb; });
  SvMap<int> by_key;
  std::vector<size_t> best_tokens;  // token count of the name chosen as canonical
  for (Candidate& c : cands_) {
    if (c.key.empty()) c.key = EntityKey(c.canonical, c.kind);
    auto [it, inserted] = by_key.emplace(c.key, static_cast<int>(result.entities.size()));
    std::string surface(Surface(c.tb, c.te));
    if (inserted) {
      Entity e;
      e.canonical = c.canonical;
      e.kind = c.kind;
      result.entities.push_back(std::move(e));
      best_tokens.push_back(c.from_gazetteer ? 1000 : c.te - c.tb);
    }
    Entity& e = result.entities[it->second];
    // Names found without the gazetteer take their fullest form ("Tomas Verhoeven").
    if (!c.from_gazetteer && c.te - c.tb > best_tokens[it->second]) {
      e.canonical = surface;
      best_tokens[it->second] = c.te - c.tb;
    }
    if (std::find(e.aliases.begin(), e.aliases.end(), surface) == e.aliases.end()) e.aliases.push_back(surface);
    EntityMention m;
    m.span = {tokens_[c.tb].span.begin, tokens_[c.te - 1].span.end};
    m.sentence = SentenceAt(sentences_, m.span.begin);
    m.entity = it->second;
    m.by_proxy = c.by_proxy;
    result.mentions.push_back(m);
  }
  return result;
}

EntityResult Finder::Run() {
  for (size_t i = 0; i < tokens_.size(); ++i)
    if (tokens_[i].word && !IsNameStart(i)) lower_words_.Add(tokens_[i].fold);
  ForEachSentence([&](size_t first, size_t limit) {
    for (size_t i = first; i < limit; ++i)
      if (i != first && tokens_[i].cap) inner_capitals_.Add(tokens_[i].fold);
  });
  ForEachSentence([&](size_t first, size_t limit) {
    for (size_t i = first; i < limit;) {
      if (!IsNameStart(i)) {
        ++i;
        continue;
      }
      size_t end = i;
      Classify(BuildRun(i, limit, &end), first, false);
      i = end;
    }
  });
  LinkShortNames();
  return Assemble();
}

// Calls f(first word token, end token) for each sentence.
template <class F>
void Finder::ForEachSentence(F f) const {
  size_t ti = 0;
  for (const Span& s : sentences_) {
    while (ti < tokens_.size() && tokens_[ti].span.begin < s.begin) ++ti;
    size_t limit = ti;
    while (limit < tokens_.size() && tokens_[limit].span.begin < s.end) ++limit;
    size_t first = ti;
    while (first < limit && !tokens_[first].word) ++first;
    f(first, limit);
    ti = limit;
  }
}

}  // namespace

EntityResult FindEntities(std::string_view text, const std::vector<Span>& sentences) {
  Finder finder(text, sentences);
  return finder.Run();
}

}  // namespace crosscheck
