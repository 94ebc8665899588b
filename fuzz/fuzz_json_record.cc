// Fuzzes the JSON record reader on a whole .json file (one object, an array of records, or
// JSON Lines under a .json name), read both as named and as met in a folder walk, and the
// extraction of each record with its stated metadata.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "extract/extract.h"
#include "ingest/jsonl.h"

namespace {

struct Counts {
  size_t documents = 0, errors = 0, reported = 0;
};

Counts Read(std::string_view in, crosscheck::FoundBy found_by, bool extract) {
  Counts c;
  c.reported = crosscheck::ReadJsonFile(
      "fuzz.json", in, found_by,
      [&](crosscheck::Document&& doc) {
        ++c.documents;
        if (extract) (void)crosscheck::ExtractArticle(doc);
      },
      [&](const crosscheck::IngestError&) { ++c.errors; });
  return c;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  Counts named = Read(in, crosscheck::FoundBy::kNamed, /*extract=*/true);
  Counts walked = Read(in, crosscheck::FoundBy::kFolderWalk, /*extract=*/false);
  // The count returned is the count reported; a folder walk reads the same records and only
  // forgives a file without any.
  if (named.reported != named.errors || walked.reported != walked.errors) __builtin_trap();
  if (named.documents != walked.documents || walked.errors > named.errors) __builtin_trap();
  if (named.errors != walked.errors && (named.documents != 0 || named.errors != 1)) __builtin_trap();
  return 0;
}
