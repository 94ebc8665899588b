// Fuzzes extraction from scraped text pages (line cues, regions, dates, names).
#include <cstddef>
#include <cstdint>

#include "extract/extract.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  crosscheck::Document doc;
  doc.id = "fuzz";
  doc.source = "fuzz.txt";
  doc.kind = crosscheck::DocumentKind::kText;
  doc.bytes.assign(reinterpret_cast<const char*>(data), size);
  auto article = crosscheck::ExtractArticle(doc);
  (void)article.ok();
  return 0;
}
