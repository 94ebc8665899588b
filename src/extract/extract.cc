#include "extract/extract.h"

#include <algorithm>

#include <cld2/public/compact_lang_det.h>

#include "core/civil_time.h"
#include "core/text.h"
#include "extract/charset.h"
#include "extract/html_dom.h"
#include "extract/main_content.h"
#include "extract/metadata.h"
#include "extract/text_extract.h"

namespace crosscheck {
namespace {

constexpr size_t kMinArticleWords = 40;

// A headline repeated at the top of the body: the page's own or the one its record states.
bool IsHeadline(std::string_view paragraph, const Article& a, const Document& doc) {
  return (!a.title.empty() && IEquals(paragraph, a.title)) ||
         (!doc.stated.title.empty() && IEquals(paragraph, doc.stated.title));
}

Result<Article> FromHtml(const Document& doc) {
  // Most pages are UTF-8 already: parse them in place rather than copy them.
  std::string converted;
  std::string_view html = doc.bytes;
  if (!IsUtf8Already(html, doc.charset)) {
    auto utf8 = HtmlToUtf8(doc.bytes, doc.charset);
    if (!utf8.ok()) return utf8.status();
    converted = std::move(utf8.value());
    html = converted;
  }
  HtmlDom dom = ParseHtml(html);
  PageMetadata md = ReadMetadata(dom);
  MainContent content = FindMainContent(dom);
  Article a;
  a.title = md.title;
  a.author = md.author;
  a.outlet = md.outlet;
  a.published = md.published;
  a.language = md.language;
  // The headline repeated near the top of the body is not body, nor is a kicker or
  // breadcrumb above it.
  for (size_t i = 0; i < std::min<size_t>(3, content.paragraphs.size()); ++i) {
    if (IsHeadline(content.paragraphs[i], a, doc)) {
      content.paragraphs.erase(content.paragraphs.begin(), content.paragraphs.begin() + static_cast<long>(i) + 1);
      break;
    }
  }
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

// Scraped text often starts with the headline, as a paragraph of its own or run into the first
// sentence ("Tram derails on bend At least seven people..."). When the record states that
// headline, it is not body; a title that is the start of the first sentence stays.
void DropStatedHeadline(std::string_view title, std::string* text) {
  if (title.empty() || text->size() <= title.size() || !IEquals(std::string_view(*text).substr(0, title.size()), title))
    return;
  std::string_view rest = std::string_view(*text).substr(title.size());
  if (StartsWith(rest, "\n\n")) {
    text->erase(0, title.size() + 2);
    return;
  }
  unsigned char next = rest.size() > 1 ? static_cast<unsigned char>(rest[1]) : 0;
  bool new_sentence = rest[0] == ' ' && ((next >= 'A' && next <= 'Z') || next == '"' || next >= 0x80);
  char last = title.back();
  if (new_sentence && last != '.' && last != '!' && last != '?') text->erase(0, title.size() + 1);
}

Result<Article> FromText(const Document& doc) {
  std::string_view bytes = doc.bytes;
  if (StartsWith(bytes, "\xEF\xBB\xBF")) bytes.remove_prefix(3);
  if (!IsValidUtf8(bytes))
    return Status::Error("not valid UTF-8 (first bad byte near offset " + std::to_string(Utf8ErrorOffset(bytes)) + ")");
  Article a;
  ExtractFromText(bytes, &a);
  DropStatedHeadline(doc.stated.title, &a.text);
  size_t words = WordCount(a.text, kMinArticleWords);  // the whole count only when short
  if (words < kMinArticleWords)
    return Status::Error("no article found: " + std::to_string(words) + " words of body text");
  return a;
}

// CLD2's time grows with the text, its answer does not: 600 bytes of prose name the language
// as surely as the whole article (the same answer on 180 of the 181 benchmark pages; on the
// last it found Portuguese where 2 KB found nothing). The sample ends on a word boundary.
constexpr size_t kLanguageSampleBytes = 600;

std::string_view LanguageSample(std::string_view text) {
  if (text.size() <= kLanguageSampleBytes) return text;
  size_t end = kLanguageSampleBytes;
  while (end > 0 && text[end] != ' ' && text[end] != '\n') --end;
  if (end == 0) {  // one endless word: cut at a character boundary instead
    end = kLanguageSampleBytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  }
  return text.substr(0, end);
}

// "en-GB" -> "en"; "" when the stated value is not a language code ("English", "unknown").
std::string LanguageCode(std::string_view stated) {
  std::string code = AsciiLower(stated.substr(0, stated.find_first_of("-_")));
  bool letters = std::all_of(code.begin(), code.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  return letters && (code.size() == 2 || code.size() == 3) ? code : "";
}

// Scrapers write midnight to the second when they know only the day (22 of the 96 records of
// the 5W1H set, where chance would give none): such a time was not stated.
std::string PublishedIso(std::string_view stated) {
  std::optional<CivilTime> t = ParseDateTime(stated);
  if (!t) return "";
  if (t->hour == 0 && t->minute == 0 && t->second == 0 && !t->utc_offset_minutes) t->hour = t->minute = t->second = -1;
  return t->ToIso();
}

// What a record states beside the bytes, its scraper read from the page's own fields: it
// beats what extraction guesses from the bytes. The description stays in the Document: an
// Article has no standfirst, and the body is what was reported.
void ApplyStated(const StatedMetadata& stated, Article* a) {
  if (!stated.title.empty()) a->title = stated.title;
  if (!stated.author.empty()) a->author = stated.author;
  if (!stated.outlet.empty()) a->outlet = stated.outlet;
  std::string published = PublishedIso(stated.published);
  if (!published.empty()) a->published = published;
  std::string language = LanguageCode(stated.language);
  if (!language.empty()) a->language = language;
}

}  // namespace

std::string DetectLanguage(std::string_view text) {
  std::string_view sample = LanguageSample(text);
  bool reliable = false;
  CLD2::Language lang = CLD2::DetectLanguage(sample.data(), static_cast<int>(sample.size()),
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
  ApplyStated(doc.stated, &a);
  return r;
}

}  // namespace crosscheck
