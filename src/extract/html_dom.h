// HtmlDom: a compact element tree of a page, built by libxml2's HTML parser through its SAX
// interface. Before parsing, a prepass cuts the contents of script, style, svg, template and
// noscript elements and comments (most of a modern page's bytes, and none of its text), keeping
// JSON-LD blocks aside for the metadata reader; it also reads the few attributes the tree keeps
// itself and strips the rest from the tags, so libxml2 parses about a ninth of the page's bytes
// (libxml2's time grows with the bytes it is given). The tree keeps only what extraction needs:
// tag, class/id, a few attributes, and text.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace crosscheck {

enum class Tag : uint8_t {
  kOther, kHtml, kHead, kTitle, kBody, kP, kDiv, kSpan, kA, kArticle, kMain, kSection, kNav, kHeader,
  kFooter, kAside, kForm, kButton, kInput, kSelect, kTextarea, kLabel, kUl, kOl, kLi, kDl, kDt, kDd,
  kTable, kTr, kTd, kTh, kH1, kH2, kH3, kH4, kH5, kH6, kBlockquote, kPre, kFigure, kFigcaption, kImg,
  kBr, kHr, kTime, kIframe, kAddress, kMenu, kDialog, kCaption, kCenter, kFont, kB, kStrong, kI, kEm,
  kU, kSmall, kCode, kQ, kCite, kSup, kSub, kAbbr, kMark, kVideo, kAudio, kPicture, kObject, kTbody,
  kThead, kTfoot, kOption, kFieldset, kLegend, kSummary, kDetails, kHgroup,
};

struct DomNode {
  Tag tag = Tag::kOther;
  bool is_text = false;
  bool hidden = false;        // hidden attribute, aria-hidden, display:none
  bool has_href = false;
  int32_t parent = -1, first_child = -1, last_child = -1, next = -1;
  std::string text;           // text nodes: decoded characters as they appear
  std::string attrs;          // elements: lower-cased class, id, role, itemprop joined by spaces
  std::string datetime;       // <time datetime>, <meta itemprop> content
  std::string itemprop;
};

struct MetaTag {
  std::string key;    // property, name or itemprop, lower case
  std::string value;  // content
};

struct HtmlDom {
  std::vector<DomNode> nodes;  // nodes[0] is the document root
  std::string title;           // <title> text
  std::string lang;            // <html lang>
  std::vector<MetaTag> metas;
  std::vector<std::string> json_ld;  // raw contents of <script type="application/ld+json">
  std::vector<std::string> canonical;  // <link rel=canonical> hrefs
};

// `html` must be UTF-8. Never fails: broken markup is parsed in recover mode.
HtmlDom ParseHtml(std::string_view html);

// Cuts raw-text elements and comments and drops the attributes the tree does not read
// (plain HTML out, for tools and tests); appends JSON-LD script bodies to `json_ld`.
std::string StripRawText(std::string_view html, std::vector<std::string>* json_ld);

bool IsBlockTag(Tag tag);

}  // namespace crosscheck
