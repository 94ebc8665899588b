// Fuzzes the JSON Lines reader.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ingest/jsonl.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  size_t documents = 0, errors = 0;
  size_t reported = crosscheck::ReadJsonLines(
      "fuzz.jsonl", in, [&](crosscheck::Document&&) { ++documents; },
      [&](const crosscheck::IngestError&) { ++errors; });
  if (reported != errors) __builtin_trap();  // the count returned is the count reported
  return 0;
}
