// Facts found in one article by stage 3 (analyze): every checkable statement with the words
// that make it. Spans are byte offsets into Article::text; `sentence` indexes
// ArticleFacts::sentences.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace crosscheck {

struct Span {
  uint32_t begin = 0, end = 0;
};

enum class EntityKind { kPerson, kOrganisation, kPlace, kCountry, kOther };

// One real-world thing the article names, with every name it uses for it.
struct Entity {
  std::string canonical;             // "Kyiv", "Volodymyr Zelenskyy", "Turkey"
  EntityKind kind = EntityKind::kOther;
  std::vector<std::string> aliases;  // surface forms seen in this article
};

struct EntityMention {
  Span span;
  int sentence = -1;
  int entity = -1;        // index into ArticleFacts::entities
  bool by_proxy = false;  // a capital, seat of power or demonym standing for a country
};

enum class TimeType { kDate, kTime, kDuration, kSet };

// A time expression resolved TimeML-style ("2026-03-30", "2026-W14", "2026-03", "PT1H",
// "P20Y", "PAST_REF", "2026-03-30T12:30").
struct TimeExpression {
  Span span;
  int sentence = -1;
  TimeType type = TimeType::kDate;
  std::string value;
  std::string mod;         // TimeML mod: APPROX, MORE_THAN, LESS_THAN, START, MID, END, EQUAL_OR_LESS...
  std::string anchor;      // what it was resolved against: "publication", "text", "none"
  float confidence = 1.0f; // how sure the resolution is (relative and fuzzy expressions are less)
  int weekday = 0;         // a weekday the text states with it, 1 = Monday; 0 when none
};

// A number the article states, with what it counts: "nearly 20% of Ukrainian territory",
// "each freeing 1,000 detainees", "dozens of boats".
struct Quantity {
  Span span;
  int sentence = -1;
  double value = 0;       // the number as stated (20 for "20%"; 6300000 for "6.3 million")
  double low = 0, high = 0;  // the range the wording allows (dozens: 24..99; "about 1,000": 1000..1000)
  bool percent = false;
  std::string qualifier;  // about, over, at least, nearly, under, up to, each, dozens ... ("" when exact)
  std::string counted;    // what is counted, as written ("unmanned aerial vehicles", "Ukrainian territory")
  std::string head;       // its head word, singular and lower case ("vehicle", "territory")
};

// Words attributed to someone: a direct quote, or reported speech ("X said that ...",
// "according to X").
struct Quote {
  Span span;              // the quoted or reported words
  int sentence = -1;
  int speaker = -1;       // entity index, -1 when unresolved
  Span speaker_span;      // where the speaker is named (or the pronoun), empty when unresolved
  bool direct = true;
};

// A happening the sentence reports (talks, strike, attack, exchange ...), with what the
// sentence gives about it, so stages 4 and 5 can tell happenings apart and compare them.
struct EventMention {
  Span span;                    // the trigger words ("second round of peace talks")
  int sentence = -1;
  std::string kind;             // talks, attack, exchange, strike, disaster, vote ... (data/en/event_triggers.txt)
  int round = 0;                // ordinal stated with it ("second round" -> 2), 0 when none
  std::vector<int> times;       // indexes into ArticleFacts::times in the same sentence
  std::string venue;            // "Tejo Maritime Pavilion" when stated
  std::vector<int> places;      // entity indexes of places/countries named as where
  std::vector<int> participants;  // entity indexes
  std::vector<int> quantities;  // indexes into ArticleFacts::quantities in the sentence
  std::string outcome;          // the clause that says how it ended, when stated
};

}  // namespace crosscheck
