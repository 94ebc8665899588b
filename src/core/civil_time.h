// Calendar arithmetic and the parsing of publication dates as pages state them.
// Month and weekday names come from data/en/.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace crosscheck {

struct CivilTime {
  int year = 0, month = 0, day = 0;      // month 1..12, day 1..31; 0 when unknown
  int hour = -1, minute = -1, second = -1;  // -1 when not stated
  std::optional<int> utc_offset_minutes;    // stated zone, if any

  // "2026-03-30", "2026-03-30T19:15", "2026-03-30T19:15:00Z", "2026-03-30T19:15:00+02:00".
  std::string ToIso() const;
};

// 1..12 for an English month name or abbreviation (case-insensitive), else 0.
int MonthFromName(std::string_view word);
// ISO weekday 1 (Monday) .. 7 (Sunday) for an English weekday name, else 0.
int WeekdayFromName(std::string_view word);
const char* WeekdayName(int iso_weekday);  // "Monday"..
const char* MonthName(int month);          // "January"..

int DaysInMonth(int year, int month);
// Days since 1970-01-01 for a proleptic Gregorian date, and back.
long DaysFromCivil(int year, int month, int day);
void CivilFromDays(long days, int* year, int* month, int* day);
int IsoWeekday(int year, int month, int day);  // 1 = Monday

// Finds the first full date (with year) in free text such as "Last updated: June 2, 2025 9:44 AM",
// "2025-06-02T09:44:00+00:00", "Tue, 02 Jun 2025 09:44:00 GMT", "2 June 2025", "06/02/2025".
std::optional<CivilTime> ParseDateTime(std::string_view text);

}  // namespace crosscheck
