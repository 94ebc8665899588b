#include "extract/extract.h"

#include <cld2/public/compact_lang_det.h>

#include "core/text.h"
#include "extract/charset.h"
#include "extract/html_dom.h"
#include "extract/main_content.h"
#include "extract/metadata.h"
#include "extract/text_extract.h"

namespace crosscheck {
namespace {

constexpr size_t kMinArticleWords = 40;

Result<Article> FromHtml(const Document& doc) {
  auto utf8 = HtmlToUtf8(doc.bytes, doc.charset);
  if (!utf8.ok()) return utf8.status();
  HtmlDom dom = ParseHtml(utf8.value());
  PageMetadata md = ReadMetadata(dom);
  MainContent content = FindMainContent(dom);
  Article a;
  a.title = md.title;
  a.author = md.author;
  a.outlet = md.outlet;
  a.published = md.published;
  a.language = md.language;
  // The headline repeated at the top of the body is not body.
  if (!content.paragraphs.empty() && content.paragraphs.front() == a.title) content.paragraphs.erase(content.paragraphs.begin());
  size_t body_chars = 0;
  for (const auto& p : content.paragraphs) {
    if (!a.text.empty()) a.text += "\n\n";
    a.text += p;
    body_chars += p.size();
  }
  a.boilerplate_chars = content.page_text_chars > body_chars ? content.page_text_chars - body_chars : 0;
  size_t words = WordCount(a.text);
  // Pages that render their text with scripts often still carry it in JSON-LD.
  if (words < kMinArticleWords && WordCount(md.article_body) > words) {
    a.text = md.article_body;
    words = WordCount(a.text);
  }
  if (words < kMinArticleWords)
    return Status::Error("no article found: " + std::to_string(words) +
                         " words of body text (a section front, error page or empty page?)");
  if (md.is_listing_type && !md.is_article_type && words < 150)
    return Status::Error("no article found: the page describes itself as a listing or section page");
  return a;
}

Result<Article> FromText(const Document& doc) {
  std::string_view bytes = doc.bytes;
  if (StartsWith(bytes, "\xEF\xBB\xBF")) bytes.remove_prefix(3);
  if (!IsValidUtf8(bytes))
    return Status::Error("not valid UTF-8 (first bad byte near offset " + std::to_string(Utf8ErrorOffset(bytes)) + ")");
  Article a;
  ExtractFromText(bytes, &a);
  size_t words = WordCount(a.text);
  if (words < kMinArticleWords)
    return Status::Error("no article found: " + std::to_string(words) + " words of body text");
  return a;
}

}  // namespace

std::string DetectLanguage(std::string_view text) {
  bool reliable = false;
  CLD2::Language lang = CLD2::DetectLanguage(text.data(), static_cast<int>(std::min<size_t>(text.size(), 1 << 20)),
                                             /*is_plain_text=*/true, &reliable);
  if (!reliable || lang == CLD2::UNKNOWN_LANGUAGE) return "";
  std::string code = CLD2::LanguageCode(lang);
  return code.size() <= 3 ? code : code.substr(0, code.find('-'));
}

Result<Article> ExtractArticle(const Document& doc) {
  Result<Article> r = doc.kind == DocumentKind::kHtml ? FromHtml(doc) : FromText(doc);
  if (!r.ok()) return r;
  Article& a = r.value();
  a.id = doc.id;
  a.source = doc.source;
  std::string detected = DetectLanguage(a.text);
  if (!detected.empty()) a.language = detected;
  return r;
}

}  // namespace crosscheck
