#include "ingest/jsonl.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <simdjson.h>

#include "core/status.h"
#include "core/text.h"

namespace crosscheck {
namespace {

using nlohmann::json;

// Which part of an article a record field holds.
enum class Part { kId, kFileName, kUrl, kHtml, kText, kTitle, kAuthor, kOutlet, kPublished, kLanguage, kDescription };

// The accepted field names, most trusted first within each part: those of news-please and
// Common Crawl news tools (maintext, authors, date_publish, source_domain), of the 5W1H
// dataset (dId, publisher), and of crosscheck's own `extract` output (outlet, published), so
// that what extract writes reads back with its metadata.
struct FieldName {
  std::string_view name;
  Part part;
};
constexpr FieldName kFieldNames[] = {
    {"id", Part::kId}, {"dId", Part::kId},
    {"filename", Part::kFileName},
    {"url", Part::kUrl},
    {"html", Part::kHtml},
    {"text", Part::kText}, {"maintext", Part::kText}, {"body", Part::kText}, {"content", Part::kText},
    {"title", Part::kTitle}, {"headline", Part::kTitle},
    {"authors", Part::kAuthor}, {"author", Part::kAuthor},
    {"publisher", Part::kOutlet}, {"source_domain", Part::kOutlet}, {"outlet", Part::kOutlet},
    {"date_publish", Part::kPublished}, {"published", Part::kPublished},
    {"language", Part::kLanguage},
    {"description", Part::kDescription},
};

constexpr char kNotARecord[] = "not an article record: no text or html field";

// A field's value as one line: a string as written, a number as written, a list joined with
// ", " (authors), an object by its "name" ({"name": "Jane Doe"}); "" for anything else.
std::string ValueText(const json& v, int depth = 0) {
  if (v.is_string()) return CollapseSpace(v.get_ref<const std::string&>());
  if (v.is_number()) return v.dump();
  if (depth > 1) return "";
  if (v.is_object()) {
    auto name = v.find("name");
    return name == v.end() ? "" : ValueText(*name, depth + 1);
  }
  if (!v.is_array()) return "";
  std::string out;
  for (const json& e : v) {
    std::string s = ValueText(e, depth + 1);
    if (s.empty()) continue;
    if (!out.empty()) out += ", ";
    out += s;
  }
  return out;
}

// The first non-empty value the record gives for `part`, as one line.
std::string PartText(const json& record, Part part) {
  for (const FieldName& f : kFieldNames) {
    if (f.part != part) continue;
    auto it = record.find(f.name);
    if (it == record.end()) continue;
    std::string s = ValueText(*it);
    if (!s.empty()) return s;
  }
  return "";
}

// The body string of `part` (kHtml or kText) as written, or null when the record has none.
const std::string* PartBody(const json& record, Part part) {
  for (const FieldName& f : kFieldNames) {
    if (f.part != part) continue;
    auto it = record.find(f.name);
    if (it != record.end() && it->is_string() && !Trim(it->get_ref<const std::string&>()).empty())
      return &it->get_ref<const std::string&>();
  }
  return nullptr;
}

bool IsRecord(const json& j) {
  return j.is_object() && (PartBody(j, Part::kHtml) || PartBody(j, Part::kText));
}

// A source domain names the outlet without its "www.".
std::string OutletName(std::string outlet) {
  if (StartsWith(AsciiLower(outlet), "www.")) outlet.erase(0, 4);
  return outlet;
}

// One record -> a Document. `default_id` and `default_source` stand in for the record's own
// id and url when it states none.
Result<Document> DocumentFromRecord(const json& record, const std::string& default_id,
                                    const std::string& default_source) {
  if (!record.is_object()) return Status::Error("not an article record: not a JSON object");
  Document doc;
  if (const std::string* html = PartBody(record, Part::kHtml)) {
    doc.kind = DocumentKind::kHtml;
    doc.bytes = *html;
  } else if (const std::string* text = PartBody(record, Part::kText)) {
    doc.kind = DocumentKind::kText;
    doc.bytes = *text;
  } else {
    return Status::Error(kNotARecord);
  }
  doc.id = PartText(record, Part::kId);
  if (doc.id.empty()) {
    std::string file = PartText(record, Part::kFileName);
    if (!file.empty()) doc.id = DocumentIdFromPath(file);
  }
  if (doc.id.empty()) doc.id = default_id;
  doc.source = PartText(record, Part::kUrl);
  if (doc.source.empty()) doc.source = default_source;
  doc.stated.title = PartText(record, Part::kTitle);
  doc.stated.author = PartText(record, Part::kAuthor);
  doc.stated.outlet = OutletName(PartText(record, Part::kOutlet));
  doc.stated.published = PartText(record, Part::kPublished);
  doc.stated.language = PartText(record, Part::kLanguage);
  doc.stated.description = PartText(record, Part::kDescription);
  return doc;
}

// The DOM parser without exceptions does not say where it failed; a SAX pass that builds
// nothing keeps that position, to name the line of a broken file.
class ErrorPosition : public json::json_sax_t {
 public:
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception&) override {
    position_ = position;
    return false;
  }
  size_t position() const { return position_; }

 private:
  size_t position_ = 0;
};

std::string InvalidJsonReason(std::string_view bytes) {
  ErrorPosition sax;
  json::sax_parse(bytes, &sax);
  // The position counts the bytes read, the offending one included.
  size_t end = std::min(sax.position() > 0 ? sax.position() - 1 : 0, bytes.size());
  size_t line = 1 + static_cast<size_t>(std::count(bytes.begin(), bytes.begin() + static_cast<long>(end), '\n'));
  return "not valid JSON (line " + std::to_string(line) + ")";
}

// Several lines, the first of them a JSON object by itself: JSON Lines under a .json name.
bool LooksLikeJsonLines(std::string_view bytes) {
  std::vector<std::string_view> lines = SplitLines(bytes);
  auto blank = [](std::string_view l) { return Trim(l).empty(); };
  auto first = std::find_if_not(lines.begin(), lines.end(), blank);
  if (first == lines.end() || std::find_if_not(first + 1, lines.end(), blank) == lines.end()) return false;
  return json::parse(*first, nullptr, /*allow_exceptions=*/false).is_object();
}

// The records of a top-level array, each an error of its own when it is not one.
size_t ReadRecordArray(const std::string& source, const json& records, const DocumentSink& on_document,
                       const ErrorSink& on_error) {
  std::string name = DocumentIdFromPath(source);
  size_t errors = 0;
  for (size_t i = 0; i < records.size(); ++i) {
    std::string n = std::to_string(i + 1);
    Result<Document> doc = DocumentFromRecord(records[i], name + "-" + n, source + "#" + n);
    if (doc.ok()) {
      on_document(std::move(doc).value());
    } else {
      ++errors;
      on_error({source + "#" + n, doc.status().message()});
    }
  }
  return errors;
}

// simdjson's reading of a value as the nlohmann value the record readers take, numbers typed
// as nlohmann types them (non-negative integers unsigned). Nothing when simdjson could not say.
std::optional<json> FromSimdjson(simdjson::dom::element e) {
  using Type = simdjson::dom::element_type;
  switch (e.type()) {
    case Type::OBJECT: {
      json object = json::object();
      simdjson::dom::object fields;
      if (e.get_object().get(fields) != simdjson::SUCCESS) return std::nullopt;
      for (simdjson::dom::key_value_pair field : fields) {
        std::optional<json> v = FromSimdjson(field.value);
        if (!v) return std::nullopt;
        object[std::string(field.key)] = std::move(*v);  // a repeated key: the last wins, as in nlohmann
      }
      return object;
    }
    case Type::ARRAY: {
      json array = json::array();
      simdjson::dom::array items;
      if (e.get_array().get(items) != simdjson::SUCCESS) return std::nullopt;
      for (simdjson::dom::element item : items) {
        std::optional<json> v = FromSimdjson(item);
        if (!v) return std::nullopt;
        array.push_back(std::move(*v));
      }
      return array;
    }
    case Type::STRING: return json(std::string(e.get_string().value_unsafe()));
    case Type::INT64: {
      const int64_t v = e.get_int64().value_unsafe();
      return v >= 0 ? json(static_cast<uint64_t>(v)) : json(v);
    }
    case Type::UINT64: return json(e.get_uint64().value_unsafe());
    case Type::DOUBLE: return json(e.get_double().value_unsafe());
    case Type::BOOL: return json(e.get_bool().value_unsafe());
    case Type::NULL_VALUE: return json(nullptr);
  }
  return std::nullopt;
}

// One JSON Lines record. simdjson reads a record several times faster than nlohmann's parser;
// what it rejects goes to nlohmann, whose answer (a value, or discarded) is the one that counts.
json ParseLine(simdjson::dom::parser& parser, std::string_view line) {
  simdjson::dom::element element;
  if (parser.parse(line.data(), line.size(), /*realloc_if_needed=*/true).get(element) == simdjson::SUCCESS)
    if (std::optional<json> j = FromSimdjson(element)) return std::move(*j);
  return json::parse(line, nullptr, /*allow_exceptions=*/false);
}

}  // namespace

size_t ReadJsonLines(std::string_view source, std::string_view bytes, const DocumentSink& on_document,
                     const ErrorSink& on_error) {
  std::string name = DocumentIdFromPath(source);
  size_t errors = 0, line_no = 0;
  simdjson::dom::parser parser;
  for (std::string_view line : SplitLines(bytes)) {
    ++line_no;
    if (Trim(line).empty()) continue;
    std::string n = std::to_string(line_no);
    std::string where = std::string(source) + ":" + n;
    json j = ParseLine(parser, line);
    Result<Document> doc = j.is_discarded() ? Result<Document>(Status::Error("not valid JSON"))
                                            : DocumentFromRecord(j, name + "-" + n, where);
    if (!doc.ok()) {
      ++errors;
      on_error({where, doc.status().message()});
      continue;
    }
    on_document(std::move(doc).value());
  }
  return errors;
}

size_t ReadJsonFile(std::string_view source_view, std::string_view bytes, FoundBy found_by,
                    const DocumentSink& on_document, const ErrorSink& on_error) {
  std::string source(source_view);
  json j = json::parse(bytes, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) {
    if (LooksLikeJsonLines(bytes)) return ReadJsonLines(source, bytes, on_document, on_error);
    on_error({source, InvalidJsonReason(bytes)});
    return 1;
  }
  if (IsRecord(j)) {
    on_document(DocumentFromRecord(j, DocumentIdFromPath(source), source).value());
    return 0;
  }
  if (j.is_array() && std::any_of(j.begin(), j.end(), IsRecord))
    return ReadRecordArray(source, j, on_document, on_error);
  if (found_by == FoundBy::kFolderWalk) return 0;  // an answer key or other notes
  on_error({source, kNotARecord});
  return 1;
}

}  // namespace crosscheck
