// Fuzzes whole-buffer gzip decompression (several members, truncation, size limit).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ingest/gzip.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  (void)crosscheck::LooksGzipped(in);
  auto out = crosscheck::Gunzip(in, 1u << 20);
  if (out.ok() && out.value().size() > (1u << 20)) __builtin_trap();  // the limit must hold
  return 0;
}
