#include "ingest/jsonl.h"

#include <nlohmann/json.hpp>

#include "core/text.h"

namespace crosscheck {

size_t ReadJsonLines(std::string_view source, std::string_view bytes, const DocumentSink& on_document,
                     const ErrorSink& on_error) {
  size_t errors = 0, line_no = 0;
  auto fail = [&](const std::string& reason) {
    ++errors;
    on_error({std::string(source) + ":" + std::to_string(line_no), reason});
  };
  for (std::string_view line : SplitLines(bytes)) {
    ++line_no;
    if (Trim(line).empty()) continue;
    nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) { fail("not valid JSON"); continue; }
    if (!j.is_object()) { fail("a JSON Lines record must be an object"); continue; }
    Document doc;
    auto id = j.find("id");
    if (id != j.end() && id->is_string()) doc.id = id->get<std::string>();
    else if (id != j.end() && id->is_number_integer()) doc.id = std::to_string(id->get<long long>());
    else doc.id = DocumentIdFromPath(source) + "-" + std::to_string(line_no);
    auto url = j.find("url");
    doc.source = (url != j.end() && url->is_string()) ? url->get<std::string>() : std::string(source) + ":" + std::to_string(line_no);
    auto html = j.find("html");
    auto text = j.find("text");
    if (html != j.end() && html->is_string()) {
      doc.kind = DocumentKind::kHtml;
      doc.bytes = html->get<std::string>();
    } else if (text != j.end() && text->is_string()) {
      doc.kind = DocumentKind::kText;
      doc.bytes = text->get<std::string>();
    } else {
      fail("record has neither an \"html\" nor a \"text\" string");
      continue;
    }
    on_document(std::move(doc));
  }
  return errors;
}

}  // namespace crosscheck
