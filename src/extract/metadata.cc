#include "extract/metadata.h"

#include <nlohmann/json.hpp>

#include "core/civil_time.h"
#include "core/text.h"

namespace crosscheck {
namespace {

using nlohmann::json;

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) { out->push_back(static_cast<char>(cp)); return; }
  if (cp < 0x800) { out->push_back(static_cast<char>(0xC0 | (cp >> 6))); }
  else {
    if (cp < 0x10000) { out->push_back(static_cast<char>(0xE0 | (cp >> 12))); }
    else { out->push_back(static_cast<char>(0xF0 | (cp >> 18))); out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F))); }
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
  }
  out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
}

// JSON-LD values are often HTML-escaped a second time by the CMS ("&#8217;", "&amp;").
std::string DecodeEntities(std::string_view s) {
  if (s.find('&') == std::string_view::npos) return std::string(s);
  static const std::pair<const char*, uint32_t> kNamed[] = {
      {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}, {"nbsp", ' '},
      {"hellip", 0x2026}, {"ndash", 0x2013}, {"mdash", 0x2014}, {"lsquo", 0x2018}, {"rsquo", 0x2019},
      {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"pound", 0xA3}, {"euro", 0x20AC}};
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    size_t semi = s[i] == '&' ? s.find(';', i) : std::string_view::npos;
    if (semi == std::string_view::npos || semi - i > 9) { out.push_back(s[i]); continue; }
    std::string_view name = s.substr(i + 1, semi - i - 1);
    uint32_t cp = 0;
    if (name.size() > 1 && name[0] == '#') {
      bool hex = name[1] == 'x' || name[1] == 'X';
      for (char c : name.substr(hex ? 2 : 1)) {
        int d = c >= '0' && c <= '9' ? c - '0' : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10 : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0) { cp = 0; break; }
        cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(d);
      }
    } else {
      for (const auto& [n, v] : kNamed)
        if (name == n) cp = v;
    }
    if (cp == 0 || cp > 0x10FFFF) { out.push_back(s[i]); continue; }
    AppendUtf8(cp, &out);
    i = semi;
  }
  return out;
}

std::string Str(const json& j) {
  if (j.is_string()) return CollapseSpace(DecodeEntities(j.get<std::string>()));
  if (j.is_object()) {
    auto it = j.find("name");
    if (it != j.end()) return Str(*it);
    it = j.find("@value");
    if (it != j.end()) return Str(*it);
  }
  if (j.is_array()) {
    std::string out;
    for (const auto& e : j) {
      std::string s = Str(e);
      if (s.empty() || out.find(s) != std::string::npos) continue;
      if (!out.empty()) out += ", ";
      out += s;
    }
    return out;
  }
  return "";
}

bool TypeMatches(const json& type, bool* listing) {
  auto check = [&](const std::string& t) {
    std::string lower = AsciiLower(t);
    if (lower.find("collection") != std::string::npos || lower == "searchresultspage" || lower == "itemlist")
      *listing = true;
    return lower.find("article") != std::string::npos || lower == "blogposting" || lower == "reportage" ||
           lower == "liveblogposting" || lower == "socialmediaposting" || lower == "posting";
  };
  if (type.is_string()) return check(type.get<std::string>());
  if (type.is_array())
    for (const auto& t : type)
      if (t.is_string() && check(t.get<std::string>())) return true;
  return false;
}

void FindArticles(const json& j, std::vector<const json*>* out, bool* listing, int depth = 0) {
  if (depth > 6) return;
  if (j.is_array()) {
    for (const auto& e : j) FindArticles(e, out, listing, depth + 1);
    return;
  }
  if (!j.is_object()) return;
  auto type = j.find("@type");
  if (type != j.end() && TypeMatches(*type, listing)) out->push_back(&j);
  auto graph = j.find("@graph");
  if (graph != j.end()) FindArticles(*graph, out, listing, depth + 1);
  auto main = j.find("mainEntity");
  if (main != j.end()) FindArticles(*main, out, listing, depth + 1);
}

// JSON-LD author: a name, a Person or a list of them, each cleaned like a byline.
std::string Authors(const json& j) {
  if (!j.is_array()) return CleanByline(Str(j));
  std::string out;
  for (const auto& e : j) {
    std::string s = Authors(e);
    if (s.empty() || out.find(s) != std::string::npos) continue;
    if (!out.empty()) out += ", ";
    out += s;
  }
  return out;
}

std::string IsoFrom(std::string_view text) {
  auto t = ParseDateTime(text);
  return t ? t->ToIso() : "";
}

std::string MetaValue(const HtmlDom& dom, std::initializer_list<const char*> keys) {
  for (const char* key : keys)
    for (const auto& m : dom.metas)
      if (m.key == key && !m.value.empty()) return m.value;
  return "";
}

std::string HostOf(std::string_view url) {
  size_t p = url.find("://");
  if (p == std::string_view::npos) return "";
  std::string_view host = url.substr(p + 3);
  host = host.substr(0, host.find_first_of("/:?#"));
  if (StartsWith(host, "www.")) host.remove_prefix(4);
  return std::string(host);
}

// Whether a class/id list holds `token` as a whole name part ("ec-by" holds "by").
bool HasNameToken(std::string_view attrs, std::string_view token) {
  for (size_t pos = attrs.find(token); pos != std::string_view::npos; pos = attrs.find(token, pos + 1)) {
    auto edge = [](char c) { return c == ' ' || c == '-' || c == '_'; };
    size_t end = pos + token.size();
    if ((pos == 0 || edge(attrs[pos - 1])) && (end == attrs.size() || edge(attrs[end]))) return true;
  }
  return false;
}

// The first byline-looking element: class/id/rel/itemprop says author or byline.
std::string BylineFromDom(const HtmlDom& dom) {
  for (size_t i = 1; i < dom.nodes.size(); ++i) {
    const DomNode& n = dom.nodes[i];
    if (n.is_text || n.attrs.empty()) continue;
    bool cue = n.itemprop == "author" || n.attrs.find("byline") != std::string::npos ||
               n.attrs.find("auth") != std::string::npos || HasNameToken(n.attrs, "by") ||
               HasNameToken(n.attrs, "byl");
    if (!cue) continue;
    // Comment forms ("Name *") and comment threads name commenters, not the author.
    bool comment = false;
    for (int32_t p = static_cast<int32_t>(i); p > 0 && !comment; p = dom.nodes[p].parent)
      comment = dom.nodes[p].tag == Tag::kForm || dom.nodes[p].attrs.find("comment") != std::string::npos;
    if (comment) continue;
    std::string text;
    std::vector<int32_t> stack{static_cast<int32_t>(i)};
    while (!stack.empty() && text.size() < 300) {  // in-order walk of the element's text
      int32_t id = stack.back();
      stack.pop_back();
      if (dom.nodes[id].is_text) { text += dom.nodes[id].text; text += ' '; continue; }
      std::vector<int32_t> kids;
      for (int32_t c = dom.nodes[id].first_child; c >= 0; c = dom.nodes[c].next) kids.push_back(c);
      stack.insert(stack.end(), kids.rbegin(), kids.rend());
    }
    std::string name = CleanByline(text);
    if (!name.empty()) return name;
  }
  return "";
}

// A word that starts the date or time trailing a byline ("Jane Doe November 15, 2019 1:16pm").
bool StartsDate(std::string_view word, std::string_view next) {
  static const char* kWeekdays[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  static const char* kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
                                  "january", "february", "march", "april", "june", "july", "august", "september",
                                  "october", "november", "december"};
  std::string w = AsciiLower(word);
  while (!w.empty() && (w.back() == ',' || w.back() == '.')) w.pop_back();
  if (!w.empty() && w[0] >= '0' && w[0] <= '9') return true;
  for (const char* d : kWeekdays)
    if (w == d) return true;
  bool next_digit = !next.empty() && next[0] >= '0' && next[0] <= '9';
  for (const char* m : kMonths)
    if (w == m && next_digit) return true;  // "May" alone may be a surname
  return false;
}

// A short visible line that states the date: "Published March 22, 2026 · 3 min read".
// Lines in an element named for dates, or starting with a publication verb, come first.
std::string VisibleDateLine(const HtmlDom& dom) {
  std::string fallback;
  for (size_t i = 1; i < dom.nodes.size(); ++i) {
    const DomNode& n = dom.nodes[i];
    if (!n.is_text || WordCount(n.text) > 14) continue;
    auto t = ParseDateTime(n.text);
    if (!t) continue;
    const std::string& attrs = n.parent >= 0 ? dom.nodes[n.parent].attrs : std::string();
    std::string lower = AsciiLower(std::string(Trim(n.text)));
    bool cued = attrs.find("date") != std::string::npos || attrs.find("time") != std::string::npos ||
                StartsWith(lower, "published") || StartsWith(lower, "posted") || StartsWith(lower, "updated");
    if (cued) return t->ToIso();
    if (fallback.empty()) fallback = t->ToIso();
  }
  return fallback;
}

}  // namespace

std::string CleanByline(std::string_view raw) {
  std::string s = CollapseSpace(DecodeEntities(raw));
  std::string lower = AsciiLower(s);
  for (const char* prefix : {"written by ", "posted by ", "reported by ", "by: ", "by ", "author: ", "authors: "}) {
    if (StartsWith(lower, prefix)) { s = s.substr(std::string_view(prefix).size()); break; }
  }
  // "Analysis by Jane Doe", "Posted by: Jane Doe", "Text: Jane Doe": a one- or two-word lead-in.
  for (std::string_view lead : {" by: ", " by ", ": "}) {
    size_t p = AsciiLower(s).find(lead);
    if (p != std::string::npos && p < 24 && WordCount(s.substr(0, p)) <= 2) { s = s.substr(p + lead.size()); break; }
  }
  // Cut at separators that start roles, dates or outlet names.
  for (const char* sep : {" | ", " - ", " — ", " – ", " • ", " · ", ", updated", " updated", " published", " posted", " view more",
                          " more articles", "\n"}) {
    size_t p = AsciiLower(s).find(sep);
    if (p != std::string::npos && p > 0) s = s.substr(0, p);
  }
  // Cut at a trailing date, and at a job title after a comma ("Tom Roe, AP Auto Writer").
  std::vector<std::string_view> words;
  for (size_t i = 0; i < s.size();) {
    size_t e = s.find(' ', i);
    if (e == std::string::npos) e = s.size();
    words.push_back(std::string_view(s).substr(i, e - i));
    i = e + 1;
  }
  for (size_t w = 1; w < words.size(); ++w)
    if (StartsDate(words[w], w + 1 < words.size() ? words[w + 1] : "")) {
      if (w > 5) return "";  // a sentence with a number in it, not a name and a date
      s = s.substr(0, static_cast<size_t>(words[w].data() - s.data()));
      break;
    }
  for (size_t p = s.find(", "); p != std::string::npos; p = s.find(", ", p + 2)) {
    std::string tail = AsciiLower(s.substr(p));
    size_t next = tail.find(", ", 2);
    tail = tail.substr(0, next);
    bool role = false;
    for (const char* r : {"writer", "editor", "correspondent", "reporter", "columnist", "contributor", "staff"})
      if (tail.find(r) != std::string::npos) role = true;
    if (role) { s = s.substr(0, p); break; }
  }
  s = std::string(Trim(s));
  while (!s.empty() && (s.back() == ',' || s.back() == '.' || s.back() == ':')) s.pop_back();
  size_t words_n = WordCount(s);
  if (words_n == 0 || words_n > 8 || s.size() > 80) return "";
  // Links, e-mail addresses and form labels ("Name *", "Nome (obbligatorio)") are not names.
  if (s.find("http") != std::string::npos || s.find_first_of("@*(") != std::string::npos) return "";
  // A name starts with a capital letter (or a non-ASCII letter).
  unsigned char c = static_cast<unsigned char>(s[0]);
  if (!(c >= 'A' && c <= 'Z') && c < 0x80) return "";
  return s;
}

std::string SplitTitleSuffix(std::string_view title, std::string* suffix) {
  std::string t = CollapseSpace(title);
  for (const char* sep : {" | ", " - ", " — ", " – ", " :: ", " · "}) {
    size_t p = t.rfind(sep);
    if (p != std::string::npos && p > 10) {
      std::string tail = t.substr(p + std::string_view(sep).size());
      if (WordCount(tail) <= 5) {
        if (suffix) *suffix = tail;
        return t.substr(0, p);
      }
    }
  }
  return t;
}

PageMetadata ReadMetadata(const HtmlDom& dom) {
  PageMetadata md;
  std::string modified;
  for (const std::string& block : dom.json_ld) {
    json j = json::parse(block, nullptr, false);
    if (j.is_discarded()) continue;
    std::vector<const json*> articles;
    FindArticles(j, &articles, &md.is_listing_type);
    for (const json* a : articles) {
      md.is_article_type = true;
      auto get = [&](const char* key) { auto it = a->find(key); return it == a->end() ? std::string() : Str(*it); };
      if (md.title.empty()) md.title = get("headline");
      if (md.title.empty()) md.title = get("name");
      if (md.author.empty()) {
        auto it = a->find("author");
        if (it != a->end()) md.author = Authors(*it);
      }
      if (md.published.empty()) md.published = IsoFrom(get("datePublished"));
      if (md.published.empty()) md.published = IsoFrom(get("dateCreated"));
      if (modified.empty()) modified = IsoFrom(get("dateModified"));
      if (md.outlet.empty()) md.outlet = get("publisher");
      if (md.language.empty()) md.language = get("inLanguage");
      if (md.url.empty()) md.url = get("url");
      if (md.article_body.empty()) md.article_body = get("articleBody");
    }
  }
  std::string og_type = AsciiLower(MetaValue(dom, {"og:type"}));
  if (og_type == "article") md.is_article_type = true;
  if (md.title.empty()) md.title = MetaValue(dom, {"og:title", "twitter:title", "headline", "dc.title"});
  if (md.author.empty()) {
    std::string a = MetaValue(dom, {"author", "article:author", "byl", "dc.creator", "sailthru.author", "parsely-author"});
    if (StartsWith(a, "http")) a.clear();  // article:author is often a profile URL
    md.author = CleanByline(a);
  }
  if (md.published.empty())
    md.published = IsoFrom(MetaValue(dom, {"article:published_time", "og:article:published_time", "datepublished",
                                           "pubdate", "publishdate", "publish-date", "date", "dc.date",
                                           "dc.date.issued", "dcterms.created", "sailthru.date", "parsely-pub-date",
                                           "article.published", "og:published_time", "article:published"}));
  if (md.published.empty()) {
    for (const DomNode& n : dom.nodes)
      if (n.tag == Tag::kTime && !n.datetime.empty()) {
        md.published = IsoFrom(n.datetime);
        if (!md.published.empty()) break;
      }
  }
  // Last resort: when the page was last modified is close to when it was published.
  if (md.published.empty()) md.published = modified;
  if (md.published.empty())
    md.published = IsoFrom(MetaValue(dom, {"article:modified_time", "article:modified", "og:updated_time", "datemodified",
                                           "last-modified"}));
  if (md.published.empty()) md.published = VisibleDateLine(dom);
  if (md.author.empty()) md.author = BylineFromDom(dom);
  std::string title_suffix;
  std::string title_element = SplitTitleSuffix(dom.title, &title_suffix);
  // A "Headline | Outlet" <title> beats the first <h1>, which is often the site's logo.
  if (md.title.empty() && title_suffix.empty()) {
    for (const DomNode& n : dom.nodes)  // the first <h1> with text
      if (n.tag == Tag::kH1 && n.first_child >= 0) {
        std::string h;
        for (int32_t c = n.first_child; c >= 0; c = dom.nodes[c].next) {
          if (dom.nodes[c].is_text) h += dom.nodes[c].text;
          else
            for (int32_t g = dom.nodes[c].first_child; g >= 0; g = dom.nodes[g].next)
              if (dom.nodes[g].is_text) h += dom.nodes[g].text;
        }
        h = CollapseSpace(h);
        if (!h.empty()) { md.title = h; break; }
      }
  }
  if (md.title.empty()) md.title = title_element;
  md.title = SplitTitleSuffix(md.title, nullptr) == title_element ? title_element : CollapseSpace(md.title);
  if (md.outlet.empty()) md.outlet = MetaValue(dom, {"og:site_name", "application-name", "publisher", "twitter:site"});
  if (StartsWith(md.outlet, "@")) md.outlet = md.outlet.substr(1);
  if (StartsWith(md.outlet, "http")) md.outlet = HostOf(md.outlet);  // a publisher given by its URL
  if (md.outlet.empty()) md.outlet = title_suffix;
  if (md.url.empty()) md.url = MetaValue(dom, {"og:url"});
  if (md.url.empty() && !dom.canonical.empty()) md.url = dom.canonical.front();
  if (md.outlet.empty()) md.outlet = HostOf(md.url);
  if (md.language.empty()) md.language = dom.lang;
  if (md.language.empty()) md.language = MetaValue(dom, {"og:locale", "language", "content-language", "dc.language"});
  md.language = AsciiLower(md.language.substr(0, md.language.find_first_of("-_")));
  return md;
}

}  // namespace crosscheck

