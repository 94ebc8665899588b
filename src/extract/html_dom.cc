#include "extract/html_dom.h"

#include <libxml/HTMLparser.h>

#include <algorithm>
#include <cstring>
#include <unordered_map>

#include "core/text.h"

namespace crosscheck {
namespace {

const std::unordered_map<std::string_view, Tag>& TagTable() {
  static const auto* table = new std::unordered_map<std::string_view, Tag>{
      {"html", Tag::kHtml}, {"head", Tag::kHead}, {"title", Tag::kTitle}, {"body", Tag::kBody}, {"p", Tag::kP},
      {"div", Tag::kDiv}, {"span", Tag::kSpan}, {"a", Tag::kA}, {"article", Tag::kArticle}, {"main", Tag::kMain},
      {"section", Tag::kSection}, {"nav", Tag::kNav}, {"header", Tag::kHeader}, {"footer", Tag::kFooter},
      {"aside", Tag::kAside}, {"form", Tag::kForm}, {"button", Tag::kButton}, {"input", Tag::kInput},
      {"select", Tag::kSelect}, {"textarea", Tag::kTextarea}, {"label", Tag::kLabel}, {"ul", Tag::kUl},
      {"ol", Tag::kOl}, {"li", Tag::kLi}, {"dl", Tag::kDl}, {"dt", Tag::kDt}, {"dd", Tag::kDd},
      {"table", Tag::kTable}, {"tr", Tag::kTr}, {"td", Tag::kTd}, {"th", Tag::kTh}, {"h1", Tag::kH1},
      {"h2", Tag::kH2}, {"h3", Tag::kH3}, {"h4", Tag::kH4}, {"h5", Tag::kH5}, {"h6", Tag::kH6},
      {"blockquote", Tag::kBlockquote}, {"pre", Tag::kPre}, {"figure", Tag::kFigure},
      {"figcaption", Tag::kFigcaption}, {"img", Tag::kImg}, {"br", Tag::kBr}, {"hr", Tag::kHr},
      {"time", Tag::kTime}, {"iframe", Tag::kIframe}, {"address", Tag::kAddress}, {"menu", Tag::kMenu},
      {"dialog", Tag::kDialog}, {"caption", Tag::kCaption}, {"center", Tag::kCenter}, {"font", Tag::kFont},
      {"b", Tag::kB}, {"strong", Tag::kStrong}, {"i", Tag::kI}, {"em", Tag::kEm}, {"u", Tag::kU},
      {"small", Tag::kSmall}, {"code", Tag::kCode}, {"q", Tag::kQ}, {"cite", Tag::kCite}, {"sup", Tag::kSup},
      {"sub", Tag::kSub}, {"abbr", Tag::kAbbr}, {"mark", Tag::kMark}, {"video", Tag::kVideo},
      {"audio", Tag::kAudio}, {"picture", Tag::kPicture}, {"object", Tag::kObject}, {"tbody", Tag::kTbody},
      {"thead", Tag::kThead}, {"tfoot", Tag::kTfoot}, {"option", Tag::kOption}, {"fieldset", Tag::kFieldset},
      {"legend", Tag::kLegend}, {"summary", Tag::kSummary}, {"details", Tag::kDetails}, {"hgroup", Tag::kHgroup},
  };
  return *table;
}

// Case-insensitive search for "</name" from `from`; returns npos when absent.
size_t FindClose(std::string_view s, size_t from, std::string_view name) {
  while (true) {
    const void* hit = from < s.size() ? memchr(s.data() + from, '<', s.size() - from) : nullptr;
    if (!hit) return std::string_view::npos;
    size_t p = static_cast<const char*>(hit) - s.data();
    if (p + 2 + name.size() <= s.size() && s[p + 1] == '/' && IEquals(s.substr(p + 2, name.size()), name))
      return p;
    from = p + 1;
  }
}

bool IsNameEnd(char c) { return c == ' ' || c == '>' || c == '/' || c == '\t' || c == '\n' || c == '\r'; }

struct Builder {
  HtmlDom* dom;
  std::vector<int32_t> stack;
  int title_depth = 0;

  int32_t Append(DomNode node) {
    int32_t parent = stack.back();
    node.parent = parent;
    int32_t id = static_cast<int32_t>(dom->nodes.size());
    dom->nodes.push_back(std::move(node));
    DomNode& p = dom->nodes[parent];
    if (p.last_child >= 0) dom->nodes[p.last_child].next = id;
    else p.first_child = id;
    p.last_child = id;
    return id;
  }
};

const char* Attr(const xmlChar** atts, const char* name) {
  if (!atts) return nullptr;
  for (int i = 0; atts[i]; i += 2)
    if (std::strcmp(reinterpret_cast<const char*>(atts[i]), name) == 0)
      return atts[i + 1] ? reinterpret_cast<const char*>(atts[i + 1]) : "";
  return nullptr;
}

void OnStart(void* ctx, const xmlChar* raw_name, const xmlChar** atts) {
  auto* b = static_cast<Builder*>(ctx);
  std::string_view name(reinterpret_cast<const char*>(raw_name));
  auto it = TagTable().find(name);
  Tag tag = it == TagTable().end() ? Tag::kOther : it->second;
  if (name == "meta") {
    const char* key = Attr(atts, "property");
    if (!key) key = Attr(atts, "name");
    if (!key) key = Attr(atts, "itemprop");
    const char* content = Attr(atts, "content");
    if (key && content) b->dom->metas.push_back({AsciiLower(key), CollapseSpace(content)});
  } else if (name == "link") {
    const char* rel = Attr(atts, "rel");
    const char* href = Attr(atts, "href");
    if (rel && href && IEquals(rel, "canonical")) b->dom->canonical.emplace_back(href);
  } else if (tag == Tag::kHtml) {
    if (const char* lang = Attr(atts, "lang")) b->dom->lang = AsciiLower(lang);
  }
  if (tag == Tag::kTitle) ++b->title_depth;
  DomNode node;
  node.tag = tag;
  if (atts) {
    for (int i = 0; atts[i]; i += 2) {
      std::string_view key(reinterpret_cast<const char*>(atts[i]));
      const char* v = atts[i + 1] ? reinterpret_cast<const char*>(atts[i + 1]) : "";
      if (key == "class" || key == "id" || key == "role" || key == "itemprop" || key == "rel") {
        if (!node.attrs.empty()) node.attrs.push_back(' ');
        node.attrs += AsciiLower(v);
        if (key == "itemprop") node.itemprop = AsciiLower(v);
      } else if (key == "href") {
        node.has_href = true;
      } else if (key == "hidden") {
        node.hidden = true;
      } else if (key == "aria-hidden") {
        node.hidden = IEquals(v, "true");
      } else if (key == "style") {
        std::string style = AsciiLower(v);
        style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
        if (style.find("display:none") != std::string::npos || style.find("visibility:hidden") != std::string::npos)
          node.hidden = true;
      } else if (key == "datetime" || (key == "content" && tag != Tag::kOther)) {
        node.datetime = v;
      }
    }
  }
  int32_t id = b->Append(std::move(node));
  b->stack.push_back(id);
}

void OnEnd(void* ctx, const xmlChar* raw_name) {
  auto* b = static_cast<Builder*>(ctx);
  if (std::strcmp(reinterpret_cast<const char*>(raw_name), "title") == 0 && b->title_depth > 0) --b->title_depth;
  if (b->stack.size() > 1) b->stack.pop_back();
}

void OnCharacters(void* ctx, const xmlChar* ch, int len) {
  auto* b = static_cast<Builder*>(ctx);
  std::string_view text(reinterpret_cast<const char*>(ch), static_cast<size_t>(len));
  if (b->title_depth > 0) {
    b->dom->title.append(text);
    return;
  }
  DomNode& parent = b->dom->nodes[b->stack.back()];
  if (parent.last_child >= 0 && b->dom->nodes[parent.last_child].is_text) {
    b->dom->nodes[parent.last_child].text.append(text);
    return;
  }
  DomNode node;
  node.is_text = true;
  node.text = std::string(text);
  b->Append(std::move(node));
}

void Ignore(void*, const char*, ...) {}

}  // namespace

std::string StripRawText(std::string_view html, std::vector<std::string>* json_ld) {
  std::string out;
  out.reserve(html.size() / 2);
  size_t pos = 0;
  while (pos < html.size()) {
    const void* hit = memchr(html.data() + pos, '<', html.size() - pos);
    if (!hit) break;
    size_t lt = static_cast<const char*>(hit) - html.data();
    if (html.compare(lt, 4, "<!--") == 0) {
      out.append(html.substr(pos, lt - pos));
      size_t end = html.find("-->", lt + 4);
      pos = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    std::string_view raw_name;
    for (std::string_view n : {"script", "style", "svg", "template", "noscript", "math"}) {
      if (lt + 1 + n.size() < html.size() && IEquals(html.substr(lt + 1, n.size()), n) &&
          IsNameEnd(html[lt + 1 + n.size()])) {
        raw_name = n;
        break;
      }
    }
    if (raw_name.empty()) {
      out.append(html.substr(pos, lt + 1 - pos));
      pos = lt + 1;
      continue;
    }
    out.append(html.substr(pos, lt - pos));
    size_t open_end = html.find('>', lt);
    if (open_end == std::string_view::npos) { pos = html.size(); break; }
    size_t close = FindClose(html, open_end + 1, raw_name);
    if (raw_name == "script" && json_ld) {
      std::string open_tag = AsciiLower(html.substr(lt, open_end - lt));
      if (open_tag.find("ld+json") != std::string::npos)
        json_ld->emplace_back(html.substr(open_end + 1, (close == std::string_view::npos ? html.size() : close) - open_end - 1));
    }
    if (close == std::string_view::npos) { pos = html.size(); break; }
    size_t gt = html.find('>', close);
    pos = gt == std::string_view::npos ? html.size() : gt + 1;
  }
  if (pos < html.size()) out.append(html.substr(pos));
  return out;
}

HtmlDom ParseHtml(std::string_view html) {
  HtmlDom dom;
  std::string stripped = StripRawText(html, &dom.json_ld);
  dom.nodes.reserve(stripped.size() / 40 + 16);
  dom.nodes.emplace_back();  // root
  Builder builder{&dom, {0}, 0};

  htmlSAXHandler sax;
  std::memset(&sax, 0, sizeof(sax));
  sax.startElement = OnStart;
  sax.endElement = OnEnd;
  sax.characters = OnCharacters;
  sax.cdataBlock = OnCharacters;
  sax.warning = Ignore;
  sax.error = Ignore;
  htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
  if (!ctxt) return dom;
  std::memcpy(ctxt->sax, &sax, sizeof(sax));
  ctxt->userData = &builder;
  // The stripped copy is UTF-8 already; IGNORE_ENC keeps a <meta charset> from re-decoding it.
  htmlCtxtReadMemory(ctxt, stripped.data(), static_cast<int>(stripped.size()), nullptr, "UTF-8",
                     HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                         HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT);
  htmlFreeParserCtxt(ctxt);
  return dom;
}

bool IsBlockTag(Tag t) {
  switch (t) {
    case Tag::kP: case Tag::kDiv: case Tag::kArticle: case Tag::kMain: case Tag::kSection: case Tag::kNav:
    case Tag::kHeader: case Tag::kFooter: case Tag::kAside: case Tag::kForm: case Tag::kUl: case Tag::kOl:
    case Tag::kLi: case Tag::kDl: case Tag::kDt: case Tag::kDd: case Tag::kTable: case Tag::kTr: case Tag::kTd:
    case Tag::kTh: case Tag::kH1: case Tag::kH2: case Tag::kH3: case Tag::kH4: case Tag::kH5: case Tag::kH6:
    case Tag::kBlockquote: case Tag::kPre: case Tag::kFigure: case Tag::kFigcaption: case Tag::kAddress:
    case Tag::kMenu: case Tag::kDialog: case Tag::kCaption: case Tag::kCenter: case Tag::kHr: case Tag::kBr:
    case Tag::kTbody: case Tag::kThead: case Tag::kTfoot: case Tag::kFieldset: case Tag::kDetails:
    case Tag::kSummary: case Tag::kHgroup: case Tag::kBody: case Tag::kHtml:
      return true;
    default:
      return false;
  }
}

}  // namespace crosscheck
