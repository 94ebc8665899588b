#include "core/civil_time.h"

#include <gtest/gtest.h>

namespace crosscheck {
namespace {

std::string Iso(std::string_view text) {
  auto t = ParseDateTime(text);
  return t ? t->ToIso() : "none";
}

TEST(CivilTimeTest, ParsesTheWaysPagesStateADate) {
  EXPECT_EQ(Iso("Last updated: March 30, 2026 7:15 PM"), "2026-03-30T19:15");
  EXPECT_EQ(Iso("2026-03-09T06:05:00+01:00"), "2026-03-09T06:05:00+01:00");
  EXPECT_EQ(Iso("2026-03-09T06:05:00.000Z"), "2026-03-09T06:05:00Z");
  EXPECT_EQ(Iso("Mon, 09 Mar 2026 06:05:00 GMT"), "2026-03-09T06:05:00Z");
  EXPECT_EQ(Iso("Published 9 March 2026"), "2026-03-09");
  EXPECT_EQ(Iso("Sept. 4, 2025, 12:30 a.m."), "2025-09-04T00:30");
  EXPECT_EQ(Iso("25/12/2025"), "2025-12-25");
  EXPECT_EQ(Iso("posted 3 days ago"), "none");
  EXPECT_EQ(Iso("2024/99999999999/01"), "none");  // found by fuzz_dates: no overflow
  EXPECT_EQ(Iso("February 30, 2026"), "none");
}

TEST(CivilTimeTest, CalendarArithmetic) {
  EXPECT_EQ(IsoWeekday(2026, 3, 30), 1);  // a Monday
  EXPECT_EQ(IsoWeekday(2024, 2, 29), 4);  // a Thursday in a leap year
  EXPECT_EQ(DaysInMonth(2100, 2), 28);
  int y, m, d;
  CivilFromDays(DaysFromCivil(2026, 1, 31) + 29, &y, &m, &d);
  EXPECT_EQ(y * 10000 + m * 100 + d, 20260301);
  EXPECT_EQ(MonthFromName("Sept."), 9);
  EXPECT_EQ(WeekdayFromName("tues"), 2);
  EXPECT_STREQ(WeekdayName(7), "Sunday");
}

}  // namespace
}  // namespace crosscheck
