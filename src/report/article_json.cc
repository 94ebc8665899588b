#include "report/article_json.h"

namespace crosscheck {

nlohmann::json ArticleToJson(const Article& a) {
  return {{"id", a.id},           {"source", a.source},     {"outlet", a.outlet},
          {"title", a.title},     {"author", a.author},     {"published", a.published},
          {"language", a.language}, {"text", a.text},       {"boilerplate_chars", a.boilerplate_chars}};
}

std::string ArticleToText(const Article& a) {
  std::string out = "== " + a.id + "  (" + a.source + ")\n";
  auto field = [&](const char* name, const std::string& v) {
    if (!v.empty()) out += std::string(name) + ": " + v + "\n";
  };
  field("title", a.title);
  field("outlet", a.outlet);
  field("author", a.author);
  field("published", a.published);
  field("language", a.language);
  out += "\n" + a.text + "\n\n";
  return out;
}

}  // namespace crosscheck
