// Fuzzes the ingest door for one already-read file: gzip, WARC, JSON Lines, HTML and text
// detection. The first byte picks the file name (which steers format detection).
#include <cstddef>
#include <cstdint>
#include <string>

#include "ingest/document.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const char* const kNames[] = {"x.html", "x.txt", "x.warc", "x.jsonl", "x.html.gz"};
  if (size == 0) return 0;
  const char* name = kNames[data[0] % (sizeof kNames / sizeof kNames[0])];
  std::string bytes(reinterpret_cast<const char*>(data + 1), size - 1);

  crosscheck::IngestOptions options;
  options.max_bytes = 1u << 20;
  size_t documents = 0, errors = 0;
  size_t reported = crosscheck::IngestBytes(
      name, std::move(bytes), options, [&](crosscheck::Document&&) { ++documents; },
      [&](const crosscheck::IngestError&) { ++errors; });
  (void)reported;
  return 0;
}
