// Fuzzes HTML extraction: charset conversion, the DOM builder, metadata and main content.
// The first byte picks the charset declared outside the bytes (as an HTTP header would).
#include <cstddef>
#include <cstdint>
#include <string>

#include "extract/extract.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const char* const kCharsets[] = {"", "utf-8", "windows-1252", "shift_jis", "bogus"};
  if (size == 0) return 0;
  crosscheck::Document doc;
  doc.id = "fuzz";
  doc.source = "fuzz.html";
  doc.kind = crosscheck::DocumentKind::kHtml;
  doc.charset = kCharsets[data[0] % (sizeof kCharsets / sizeof kCharsets[0])];
  doc.bytes.assign(reinterpret_cast<const char*>(data + 1), size - 1);
  auto article = crosscheck::ExtractArticle(doc);
  (void)article.ok();
  return 0;
}
