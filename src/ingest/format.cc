#include "ingest/format.h"

#include "core/text.h"

namespace crosscheck {
namespace {

bool LooksBinary(std::string_view head) {
  size_t control = 0;
  for (char ch : head) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c == 0) return true;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++control;
  }
  return control * 20 > head.size();  // more than 5% control characters
}

bool LooksHtml(std::string_view head) {
  std::string lower = AsciiLower(head);
  for (const char* cue : {"<!doctype html", "<html", "<head", "<body", "<meta ", "<title", "<div", "<p>",
                          "<p ", "<article", "<br", "<!--"})
    if (lower.find(cue) != std::string::npos) return true;
  return false;
}

}  // namespace

FileFormat DetectFormat(std::string_view name, std::string_view bytes) {
  std::string lower_name = AsciiLower(name);
  if (EndsWith(lower_name, ".json") || EndsWith(lower_name, ".json.gz")) return FileFormat::kJson;
  std::string_view head = bytes.substr(0, 4096);
  if (StartsWith(bytes, "WARC/")) return FileFormat::kWarc;
  if (LooksBinary(head)) return FileFormat::kBinary;
  std::string_view trimmed = Trim(head);
  if (StartsWith(trimmed, "\xEF\xBB\xBF")) trimmed.remove_prefix(3);
  bool jsonl_name = EndsWith(lower_name, ".jsonl") || EndsWith(lower_name, ".jsonl.gz") ||
                    EndsWith(lower_name, ".ndjson") || EndsWith(lower_name, ".ndjson.gz");
  if (StartsWith(trimmed, "{") && (jsonl_name || trimmed.find("\"url\"") != std::string_view::npos ||
                                   trimmed.find("\"html\"") != std::string_view::npos))
    return FileFormat::kJsonLines;
  if (lower_name.find(".htm") != std::string::npos || LooksHtml(head)) return FileFormat::kHtml;
  return FileFormat::kText;
}

}  // namespace crosscheck
