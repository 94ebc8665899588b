#include "extract/metadata.h"

#include <nlohmann/json.hpp>

#include "core/civil_time.h"
#include "core/text.h"

namespace crosscheck {
namespace {

using nlohmann::json;

std::string Str(const json& j) {
  if (j.is_string()) return CollapseSpace(j.get<std::string>());
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

// The first byline-looking element: class/id/rel/itemprop says author or byline.
std::string BylineFromDom(const HtmlDom& dom) {
  for (size_t i = 1; i < dom.nodes.size(); ++i) {
    const DomNode& n = dom.nodes[i];
    if (n.is_text || n.attrs.empty()) continue;
    bool cue = n.itemprop == "author" || n.attrs.find("byline") != std::string::npos ||
               n.attrs.find("author") != std::string::npos;
    if (!cue) continue;
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

}  // namespace

std::string CleanByline(std::string_view raw) {
  std::string s = CollapseSpace(raw);
  std::string lower = AsciiLower(s);
  for (const char* prefix : {"written by ", "posted by ", "reported by ", "by: ", "by ", "author: ", "authors: "}) {
    if (StartsWith(lower, prefix)) { s = s.substr(std::string_view(prefix).size()); break; }
  }
  // Cut at separators that start roles, dates or outlet names.
  for (const char* sep : {" | ", " - ", " — ", " – ", ", updated", " updated", " published", " posted", "\n"}) {
    size_t p = AsciiLower(s).find(sep);
    if (p != std::string::npos && p > 0) s = s.substr(0, p);
  }
  s = std::string(Trim(s));
  while (!s.empty() && (s.back() == ',' || s.back() == '.' || s.back() == ':')) s.pop_back();
  size_t words = WordCount(s);
  if (words == 0 || words > 8 || s.size() > 80) return "";
  if (s.find("http") != std::string::npos || s.find('@') != std::string::npos) return "";
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
      if (md.author.empty()) md.author = get("author");
      if (md.published.empty()) md.published = IsoFrom(get("datePublished"));
      if (md.published.empty()) md.published = IsoFrom(get("dateCreated"));
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
                                           "article.published", "og:published_time"}));
  if (md.published.empty()) {
    for (const DomNode& n : dom.nodes)
      if (n.tag == Tag::kTime && !n.datetime.empty()) {
        md.published = IsoFrom(n.datetime);
        if (!md.published.empty()) break;
      }
  }
  if (md.author.empty()) md.author = BylineFromDom(dom);
  std::string title_suffix;
  std::string title_element = SplitTitleSuffix(dom.title, &title_suffix);
  if (md.title.empty()) {
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
