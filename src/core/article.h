// Article: one news report after extraction, the unit every later stage works on.
// `text` is the clean body with paragraphs separated by a blank line; all fact offsets
// of later stages are byte offsets into `text`.
#pragma once

#include <cstddef>
#include <string>

namespace crosscheck {

struct Article {
  std::string id;         // file name without extensions, WARC record id, or JSON Lines id
  std::string source;     // path or URL it came from
  std::string outlet;     // publication name as the page states it (may be empty)
  std::string title;
  std::string author;
  std::string published;  // ISO 8601: "2026-03-30", "2026-03-30T19:15", "2026-03-30T19:15:00+02:00"
  std::string language;   // ISO 639-1 code, "" when unknown
  std::string text;       // clean body
  size_t boilerplate_chars = 0;  // bytes of visible text dropped as boilerplate
};

}  // namespace crosscheck
