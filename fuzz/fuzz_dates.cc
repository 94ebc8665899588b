// Fuzzes the date parser, and checks that what it accepts prints as a valid ISO date.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/civil_time.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  auto t = crosscheck::ParseDateTime(in);
  if (!t) return 0;
  if (t->month < 1 || t->month > 12 || t->day < 1 || t->day > crosscheck::DaysInMonth(t->year, t->month))
    __builtin_trap();
  std::string iso = t->ToIso();
  if (iso.size() < 10) __builtin_trap();
  return 0;
}
