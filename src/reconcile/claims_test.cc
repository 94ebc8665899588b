#include "reconcile/claims.h"

#include <gtest/gtest.h>

namespace crosscheck {
namespace {

Claim Value(ValueKind kind, std::string key, double low = 0, double high = 0) {
  Claim c;
  c.kind = kind;
  c.key = std::move(key);
  c.low = low;
  c.high = high;
  return c;
}

TEST(ClaimsTest, CompatibleWordingsAreNotConflicts) {
  // "mid-March" and "March 12"; a week and a day in it; two different days.
  EXPECT_TRUE(Compatible(Value(ValueKind::kDate, "2026-03"), Value(ValueKind::kDate, "2026-03-12")));
  EXPECT_TRUE(Compatible(Value(ValueKind::kDate, "2026-W14"), Value(ValueKind::kDate, "2026-03-30")));
  EXPECT_FALSE(Compatible(Value(ValueKind::kDate, "2026-03-30"), Value(ValueKind::kDate, "2026-03-31")));
  // "just over an hour" (1-1.5 h) and "about an hour" (0.8-1.2 h); "under two hours" is another story.
  EXPECT_TRUE(Compatible(Value(ValueKind::kDuration, "", 3600, 5400), Value(ValueKind::kDuration, "", 2880, 4320)));
  EXPECT_FALSE(Compatible(Value(ValueKind::kDuration, "", 3600, 5400), Value(ValueKind::kDuration, "", 7200, 10800)));
  // A number and its rounding; two different tolls.
  EXPECT_TRUE(Compatible(Value(ValueKind::kNumber, "", 1020, 1020), Value(ValueKind::kNumber, "", 900, 1100)));
  EXPECT_FALSE(Compatible(Value(ValueKind::kNumber, "", 34, 34), Value(ValueKind::kNumber, "", 38, 38)));
  // A venue named with and without its last word.
  EXPECT_TRUE(Compatible(Value(ValueKind::kText, "alvorada palace hotel"), Value(ValueKind::kText, "alvorada palace")));
}

TEST(ClaimsTest, PlacesConflictOnlyWhenTheReportNeverNamesTheOther) {
  Claim dahej = Value(ValueKind::kPlace, "loc:dahej"), state = Value(ValueKind::kPlace, "loc:gujarat");
  Claim other = Value(ValueKind::kPlace, "loc:ankleshwar");
  dahej.places_named = std::make_shared<std::set<std::string>>(std::set<std::string>{"loc:dahej", "loc:gujarat"});
  state.places_named = std::make_shared<std::set<std::string>>(std::set<std::string>{"loc:gujarat"});
  other.places_named = std::make_shared<std::set<std::string>>(std::set<std::string>{"loc:ankleshwar"});
  EXPECT_TRUE(Compatible(dahej, state));   // "Dahej, Gujarat" holds "Gujarat"
  EXPECT_FALSE(Compatible(dahej, other));  // two towns, neither report naming the other's
}

TEST(ClaimsTest, PeopleMeetAcrossSpellings) {
  EXPECT_TRUE(SamePerson("donald trump", "trump"));
  EXPECT_TRUE(SamePerson("ingrid solbakken-haug", "ingrid solbakken haug"));
  // Keys as the entity stage writes them, with their kind prefix.
  EXPECT_TRUE(SamePerson("per:solbakken haug", "per:ingrid solbakken haug"));
  EXPECT_TRUE(SamePerson("per:trump", "per:donald trump"));
  EXPECT_FALSE(SamePerson("per:john mwakalinga", "per:joseph mwakalinga"));
  EXPECT_TRUE(SamePerson("comfort adzo tettey", "comfort adzo tetteh"));
  EXPECT_TRUE(SamePerson("k tounkara", "khady tounkara"));
  EXPECT_FALSE(SamePerson("khady tounkara", "awa tounkara"));
  EXPECT_FALSE(SamePerson("tettey", "tetteh"));  // a near-miss needs given names to agree
}

TEST(ClaimsTest, DurationsInSeconds) {
  EXPECT_EQ(DurationSeconds("PT1H"), 3600);
  EXPECT_EQ(DurationSeconds("PT1H30M"), 5400);
  EXPECT_EQ(DurationSeconds("P2D"), 172800);
  EXPECT_EQ(DurationSeconds("PXH"), -1);
  EXPECT_EQ(DurationSeconds("2026-03-30"), -1);
}

}  // namespace
}  // namespace crosscheck
