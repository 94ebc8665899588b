// Named entities of one article: people, organisations, places and countries, each with one
// canonical name and every alias the article uses for it. Knowledge ships as data under
// data/gazetteer/ and data/en/: countries (from Debian's iso-codes) with their demonyms,
// capitals and seats of power, former and local names, places, spelling variants and
// transliterations, title and organisation cues.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/fact.h"

namespace crosscheck {

struct EntityResult {
  std::vector<Entity> entities;
  std::vector<EntityMention> mentions;  // in text order; sentence filled from `sentences`
};

// `sentences` are spans of `text` in order (from analyze/sentences.h).
EntityResult FindEntities(std::string_view text, const std::vector<Span>& sentences);

// A key under which names of the same entity meet across articles: transliteration and
// spelling variants ("Zelenskyy", "Zelensky", "Zelenskiy"), former and local names
// ("Türkiye"/"Turkey", "Kiev"/"Kyiv") map to the same key. Two keys equal = same entity.
std::string EntityKey(std::string_view canonical_name, EntityKind kind);

// --- Shared with analyze/roles.cc (the same tokens and office grammar, built once) ---

// A word or punctuation token as entity finding sees it: words keep internal hyphens and
// apostrophes ("al-Assad", "O'Brien"), acronym and title full stops ("U.S.", "Gen."); a
// possessive "'s" and the prefixes "ex-" and "then-" are tokens of their own.
struct EntityToken {
  Span span;
  std::string fold;       // lower case, diacritics and full stops removed ("gen", "us", "turkiye")
  bool word = false;      // letters or digits (else punctuation or "'s")
  bool cap = false;       // starts with an upper-case letter
  bool all_caps = false;  // two or more letters, all upper case ("NATO")
  bool digit = false;     // holds a digit
};
std::vector<EntityToken> EntityTokens(std::string_view text);
// The same, kept for the last text this thread tokenised (FindRoles after FindEntities).
// The reference stays valid until the thread tokenises another text this way.
const std::vector<EntityToken>& CachedEntityTokens(std::string_view text);

// Tokens [begin, end) of an office title starting at token `i` ("Deputy Foreign Minister",
// "Gen.", "minister of defence", "delegation head"), matched case-insensitively; returns the
// end token index (== i when there is none) and stores the normalised office
// ("deputy foreign minister", "general", "defence minister", "head of delegation").
size_t MatchOffice(const std::vector<EntityToken>& tokens, size_t i, std::string* office);

// The country (canonical name) a well-known person from data/gazetteer/people.tsv belongs
// to, or "" ("Joe Biden" -> "United States").
std::string KnownCountryOf(std::string_view person_canonical);

// Lower case without diacritics, full stops and apostrophes; hyphens become spaces and runs
// of spaces one space ("Côte d'Ivoire" -> "cote divoire", "Kim Jong-un" -> "kim jong un").
std::string FoldName(std::string_view s);

}  // namespace crosscheck
