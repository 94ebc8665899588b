// Fuzzes the streaming WARC reader: the input is fed in two or three chunks split at
// positions taken from the input itself, so record boundaries fall anywhere.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "ingest/warc.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  // First byte: first cut, second byte: second cut (0 = two chunks only); rest: the stream.
  const uint8_t c1 = data[0], c2 = data[1];
  std::string_view in(reinterpret_cast<const char*>(data + 2), size - 2);
  size_t cut1 = in.empty() ? 0 : (static_cast<size_t>(c1) * in.size()) / 255;
  size_t cut2 = c2 == 0 ? in.size() : cut1 + (static_cast<size_t>(c2) * (in.size() - cut1)) / 255;

  size_t documents = 0, errors = 0;
  crosscheck::WarcReader reader(
      "fuzz.warc", 1u << 20, [&](crosscheck::Document&&) { ++documents; },
      [&](const crosscheck::IngestError&) { ++errors; });
  crosscheck::Status st = reader.Feed(in.substr(0, cut1));
  if (st.ok()) st = reader.Feed(in.substr(cut1, cut2 - cut1));
  if (st.ok() && cut2 < in.size()) st = reader.Feed(in.substr(cut2));
  if (st.ok()) st = reader.Finish();
  (void)reader.records();
  return 0;
}
