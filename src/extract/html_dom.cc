#include "extract/html_dom.h"

#include <libxml/HTMLparser.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <span>
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

// ---- Prepass -------------------------------------------------------------------------------
// libxml2 spends its time per byte, so the prepass hands it as few bytes as possible while
// keeping the tree it reports identical for everything HtmlDom keeps:
//  - raw-text elements (script, style, svg, template, noscript, math) and comments are cut;
//  - start tags lose the attributes OnStart never reads (srcset, data-*, inline styles, URLs:
//    most of a page's markup bytes). For ParseHtml the prepass reads the attributes OnStart
//    needs itself, into a side table, and the tag keeps only a short marker attribute
//    `_=N` naming its entry; a value with an entity stays in the tag for libxml2 to decode;
//  - runs of ASCII white space in text shrink to their last character (every consumer
//    collapses white space; keeping the last one keeps a "\n" where a "\n" ended the run).
// A start tag the scanner does not fully understand (a '<' or a stray quote among its
// attributes, say) is passed on as written, and so is everything up to the '>' where libxml2
// will end it, so libxml2's error recovery sees what it always saw. Checked against the old
// prepass on the 181 benchmark pages and thousands of generated and mangled pages: the same
// tree, text, attributes and metadata.

// Byte classes for the scanner, one table lookup per byte.
enum : uint8_t { kBlankByte = 1, kLetterByte = 2, kNameStartByte = 4, kNameByte = 8 };

constexpr std::array<uint8_t, 256> MakeByteClasses() {
  std::array<uint8_t, 256> t{};
  for (int c : {' ', '\t', '\n', '\r'}) t[c] = kBlankByte;
  for (int c = 0; c < 256; ++c) {
    bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    // htmlParseHTMLName: a letter, '_', ':' or '.' first, then also digits and '-'.
    bool start = letter || c == '_' || c == ':' || c == '.';
    bool name = start || (c >= '0' && c <= '9') || c == '-';
    t[c] |= (letter ? kLetterByte : 0) | (start ? kNameStartByte : 0) | (name ? kNameByte : 0);
  }
  return t;
}
constexpr std::array<uint8_t, 256> kByteClasses = MakeByteClasses();

bool Is(char c, uint8_t cls) { return kByteClasses[static_cast<unsigned char>(c)] & cls; }
bool IsBlank(char c) { return Is(c, kBlankByte); }
bool IsAsciiLetter(char c) { return Is(c, kLetterByte); }

// ASCII case-insensitive equality with a lower-case constant; inline, as it runs for every
// tag and attribute name.
bool EqualsLower(std::string_view s, std::string_view lower) {
  if (s.size() != lower.size()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
    if (c != lower[i]) return false;
  }
  return true;
}
bool IsNameEnd(char c) { return c == ' ' || c == '>' || c == '/' || c == '\t' || c == '\n' || c == '\r'; }
// libxml2 truncates names at its 100-byte buffer; such tags are left alone.
constexpr size_t kMaxName = 99;
constexpr const char kMarker[] = "_";  // the side-table marker attribute

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

// The attributes OnStart reads; everything else is kOther and never reaches libxml2.
enum class AttrKind : uint8_t {
  kOther, kClass, kId, kRole, kItemprop, kRel, kHref, kHidden, kAriaHidden, kStyle, kDatetime, kContent,
  kProperty, kName, kCharset, kLang,
};

// Lower-case attribute names, indexed by AttrKind (for looking values up in libxml2's list).
constexpr const char* kAttrNames[] = {"",     "class",    "id",      "role",     "itemprop", "rel",
                                      "href", "hidden",   "aria-hidden", "style", "datetime", "content",
                                      "property", "name", "charset", "lang"};

AttrKind ClassifyAttr(std::string_view n) {
  switch (n.size()) {
    case 2: return EqualsLower(n, "id") ? AttrKind::kId : AttrKind::kOther;
    case 3: return EqualsLower(n, "rel") ? AttrKind::kRel : AttrKind::kOther;
    case 4:
      if (EqualsLower(n, "role")) return AttrKind::kRole;
      if (EqualsLower(n, "href")) return AttrKind::kHref;
      if (EqualsLower(n, "name")) return AttrKind::kName;
      return EqualsLower(n, "lang") ? AttrKind::kLang : AttrKind::kOther;
    case 5:
      if (EqualsLower(n, "class")) return AttrKind::kClass;
      return EqualsLower(n, "style") ? AttrKind::kStyle : AttrKind::kOther;
    case 6: return EqualsLower(n, "hidden") ? AttrKind::kHidden : AttrKind::kOther;
    case 7:
      if (EqualsLower(n, "content")) return AttrKind::kContent;
      return EqualsLower(n, "charset") ? AttrKind::kCharset : AttrKind::kOther;
    case 8:
      if (EqualsLower(n, "itemprop")) return AttrKind::kItemprop;
      if (EqualsLower(n, "datetime")) return AttrKind::kDatetime;
      return EqualsLower(n, "property") ? AttrKind::kProperty : AttrKind::kOther;
    case 11: return EqualsLower(n, "aria-hidden") ? AttrKind::kAriaHidden : AttrKind::kOther;
    default: return AttrKind::kOther;
  }
}

// Elements whose attributes OnStart reads beyond the common ones.
enum class ElemKind : uint8_t { kPlain, kMeta, kLink, kHtml };

ElemKind ClassifyElem(std::string_view name) {
  if (EqualsLower(name, "meta")) return ElemKind::kMeta;
  if (EqualsLower(name, "link")) return ElemKind::kLink;
  return EqualsLower(name, "html") ? ElemKind::kHtml : ElemKind::kPlain;
}

struct RawAttr {
  std::string_view name;
  std::string_view value;  // as written, quotes included; empty when there is no "=value"
  AttrKind kind = AttrKind::kOther;
};

struct RawStartTag {
  std::string_view name;
  std::vector<RawAttr> attrs;  // the first of each kind OnStart reads, in document order
  bool self_closing = false;
  size_t end = 0;  // offset just past the closing '>'
};

// Reads a name at `p`; returns its length (0 when none or too long to be safe).
size_t NameLength(std::string_view s, size_t p) {
  if (p >= s.size() || !Is(s[p], kNameStartByte)) return 0;
  size_t e = p + 1;
  while (e < s.size() && Is(s[e], kNameByte)) ++e;
  return e - p > kMaxName ? 0 : e - p;
}

size_t SkipBlanks(std::string_view s, size_t p) {
  while (p < s.size() && IsBlank(s[p])) ++p;
  return p;
}

// Length of the attribute value at `p` as libxml2's htmlParseAttValue reads it: quoted up to
// the matching quote, or unquoted up to white space or '>'. 0 when the value is not plain
// (no closing quote, or a control character where libxml2 would stop).
size_t ValueLength(std::string_view s, size_t p) {
  if (p >= s.size()) return 0;
  char q = s[p];
  // libxml2 would take a '<' into a value, but the prepass has always treated it as markup
  // (a "<script" or "<!--" there is cut, which moves where the value ends); tags with such
  // values keep that treatment.
  // A NUL ends a value early for libxml2; such values are left to it as well.
  if (q == '"' || q == '\'') {
    const char* close = static_cast<const char*>(memchr(s.data() + p + 1, q, s.size() - p - 1));
    if (!close) return 0;
    for (const char* c = s.data() + p + 1; c < close; ++c)
      if (*c == '<' || *c == '\0') return 0;
    return static_cast<size_t>(close - s.data()) + 1 - p;
  }
  size_t e = p;
  while (e < s.size() && !IsBlank(s[e]) && s[e] != '>') {
    if (static_cast<unsigned char>(s[e]) < 0x20 || s[e] == '<') return 0;
    ++e;
  }
  return e - p;
}

// Parses the start tag at s[lt] == '<' the way htmlParseStartTag does for well-formed input.
// Returns false for anything else (the caller then copies the bytes unchanged).
bool ParseStartTag(std::string_view s, size_t lt, RawStartTag* tag) {
  size_t n = NameLength(s, lt + 1);
  if (n == 0 || !IsAsciiLetter(s[lt + 1])) return false;
  tag->name = s.substr(lt + 1, n);
  tag->attrs.clear();
  uint32_t seen = 0;  // AttrKind bits
  size_t p = lt + 1 + n;
  while (true) {
    p = SkipBlanks(s, p);
    if (p >= s.size()) return false;
    if (s[p] == '>') { tag->self_closing = false; tag->end = p + 1; return true; }
    if (s[p] == '/' && p + 1 < s.size() && s[p + 1] == '>') { tag->self_closing = true; tag->end = p + 2; return true; }
    size_t an = NameLength(s, p);
    if (an == 0) return false;
    RawAttr attr{s.substr(p, an), {}, ClassifyAttr(s.substr(p, an))};
    p = SkipBlanks(s, p + an);
    if (p < s.size() && s[p] == '=') {
      p = SkipBlanks(s, p + 1);
      size_t vn = ValueLength(s, p);
      if (vn == 0) return false;
      attr.value = s.substr(p, vn);
      p += vn;
    }
    // libxml2 ignores a repeated attribute, so only the first of a kind counts; the kinds
    // OnStart never reads are not kept at all.
    uint32_t bit = 1u << static_cast<int>(attr.kind);
    if (attr.kind != AttrKind::kOther && !(seen & bit)) tag->attrs.push_back(attr);
    seen |= bit;
  }
}

std::string_view Unquote(std::string_view v) {
  if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'')) return v.substr(1, v.size() - 2);
  return v;
}

// What OnStart does with a style value: hidden when it says display:none or visibility:hidden.
bool StyleHides(std::string_view value) {
  std::string style = AsciiLower(value);
  style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
  return style.find("display:none") != std::string::npos || style.find("visibility:hidden") != std::string::npos;
}

// An entity could spell anything; such values go to libxml2 to be decoded.
bool NeedsDecoding(std::string_view value) { return value.find('&') != std::string_view::npos; }

enum class Keep { kDrop, kName, kWhole };

// How much of an attribute OnStart needs; mirrors OnStart.
Keep AttributePolicy(ElemKind elem, const RawAttr& a, bool canonical_link) {
  switch (a.kind) {
    case AttrKind::kClass: case AttrKind::kId: case AttrKind::kRole: case AttrKind::kItemprop: case AttrKind::kRel:
    case AttrKind::kDatetime: case AttrKind::kContent: case AttrKind::kAriaHidden:
      return Keep::kWhole;
    case AttrKind::kHref: return canonical_link ? Keep::kWhole : Keep::kName;  // elsewhere only presence counts
    case AttrKind::kHidden: return Keep::kName;
    case AttrKind::kStyle:
      return NeedsDecoding(a.value) || StyleHides(Unquote(a.value)) ? Keep::kWhole : Keep::kDrop;
    case AttrKind::kProperty: case AttrKind::kName: case AttrKind::kCharset:
      return elem == ElemKind::kMeta ? Keep::kWhole : Keep::kDrop;
    case AttrKind::kLang: return elem == ElemKind::kHtml ? Keep::kWhole : Keep::kDrop;
    case AttrKind::kOther: return Keep::kDrop;
  }
  return Keep::kDrop;
}

bool IsCanonicalLink(ElemKind elem, const RawStartTag& tag) {
  if (elem != ElemKind::kLink) return false;
  for (const RawAttr& a : tag.attrs)
    if (a.kind == AttrKind::kRel) return IEquals(Unquote(a.value), "canonical");
  return false;
}

// One attribute OnStart reads, kept aside by the prepass.
struct SideAttr {
  AttrKind kind;
  bool via_parser;         // the value holds an entity: libxml2 decodes it, read it from its list
  std::string_view value;  // otherwise the value as written, unquoted ("" when absent)
};

// What the prepass read from the start tags that carry a `_=N` marker.
struct SideTable {
  struct Entry {
    std::string_view name;          // the tag name as written
    uint32_t first = 0, count = 0;  // range in attrs
    ElemKind elem = ElemKind::kPlain;
  };
  std::vector<Entry> entries;
  std::vector<SideAttr> attrs;
};

class Prepass {
 public:
  // With `side` null the output is plain HTML with the unused attributes dropped;
  // otherwise start tags carry markers into `side`.
  Prepass(std::string_view html, std::vector<std::string>* json_ld, SideTable* side)
      : html_(html), json_ld_(json_ld), side_(side) {}

  std::string Run() {
    out_.reserve(html_.size() / 4);
    size_t pos = 0;
    while (pos < html_.size()) {
      const void* hit = memchr(html_.data() + pos, '<', html_.size() - pos);
      size_t lt = hit ? static_cast<size_t>(static_cast<const char*>(hit) - html_.data()) : html_.size();
      AppendText(html_.substr(pos, lt - pos));
      if (!hit) break;
      pos = Markup(lt);
    }
    return std::move(out_);
  }

  size_t start_tags() const { return start_tags_; }

 private:
  // Copies text with each run of ASCII white space reduced to its last character. Single
  // blanks (between words) are the common case and are copied in bulk with the words.
  void AppendText(std::string_view text) {
    if (Verbatim()) {  // libxml2 is inside a tag or a script here: as written
      out_.append(text);
      FollowBrokenTag(text);
      return;
    }
    size_t copied = 0;
    for (size_t i = 0; i + 1 < text.size(); ++i) {
      if (!IsBlank(text[i]) || !IsBlank(text[i + 1])) continue;
      size_t last = i + 1;
      while (last + 1 < text.size() && IsBlank(text[last + 1])) ++last;
      out_.append(text.data() + copied, i - copied);
      out_.push_back(text[last]);
      copied = last + 1;
      i = last;
    }
    out_.append(text.data() + copied, text.size() - copied);
  }

  // Tracks how libxml2 reads on in a tag the scanner gave up on: attributes, quoted values
  // (where '>' does not end the tag), and the '>' that ends it.
  void FollowBrokenTag(std::string_view text) {
    for (char c : text) {
      switch (broken_tag_) {
        case BrokenTag::kNone: return;
        case BrokenTag::kAttrs:
          if (c == '>') broken_tag_ = BrokenTag::kNone;
          else if (c == '=') broken_tag_ = BrokenTag::kAfterEquals;
          break;
        case BrokenTag::kAfterEquals:
          if (c == '"') broken_tag_ = BrokenTag::kInDoubleQuotes;
          else if (c == '\'') broken_tag_ = BrokenTag::kInSingleQuotes;
          else if (c == '>') broken_tag_ = BrokenTag::kNone;
          else if (!IsBlank(c)) broken_tag_ = BrokenTag::kAttrs;
          break;
        case BrokenTag::kInDoubleQuotes: if (c == '"') broken_tag_ = BrokenTag::kAttrs; break;
        case BrokenTag::kInSingleQuotes: if (c == '\'') broken_tag_ = BrokenTag::kAttrs; break;
      }
    }
  }

  // Handles the markup at html_[lt] == '<'; returns where text resumes.
  size_t Markup(size_t lt) {
    if (lt + 3 < html_.size() && html_[lt + 1] == '!' && html_[lt + 2] == '-' && html_[lt + 3] == '-') {
      size_t end = html_.find("-->", lt + 4);
      return end == std::string_view::npos ? html_.size() : end + 3;
    }
    if (lt + 1 < html_.size() && IsAsciiLetter(html_[lt + 1])) {
      if (std::string_view raw = RawTextName(lt); !raw.empty()) return SkipRawText(lt, raw);
      return StartTag(lt);
    }
    if (!open_script_.empty() && lt + 2 + open_script_.size() <= html_.size() && html_[lt + 1] == '/' &&
        EqualsLower(html_.substr(lt + 2, open_script_.size()), open_script_))
      open_script_ = {};  // htmlParseScript ends at "</name"
    out_.push_back('<');
    return lt + 1;
  }

  bool Verbatim() const { return broken_tag_ != BrokenTag::kNone || !open_script_.empty(); }

  std::string_view RawTextName(size_t lt) const {
    static constexpr std::string_view kS[] = {"script", "style", "svg"}, kT[] = {"template"}, kN[] = {"noscript"},
                                      kM[] = {"math"};
    std::span<const std::string_view> names;
    switch (html_[lt + 1] | 0x20) {  // the first letter, lower case
      case 's': names = kS; break;
      case 't': names = kT; break;
      case 'n': names = kN; break;
      case 'm': names = kM; break;
      default: return {};
    }
    for (std::string_view n : names)
      if (lt + 1 + n.size() < html_.size() && EqualsLower(html_.substr(lt + 1, n.size()), n) &&
          IsNameEnd(html_[lt + 1 + n.size()]))
        return n;
    return {};
  }

  // Cuts a raw-text element, keeping JSON-LD script bodies aside.
  size_t SkipRawText(size_t lt, std::string_view name) {
    size_t open_end = html_.find('>', lt);
    if (open_end == std::string_view::npos) return html_.size();
    size_t close = FindClose(html_, open_end + 1, name);
    if (name == "script" && json_ld_ && IContains(html_.substr(lt, open_end - lt), "ld+json"))
      json_ld_->emplace_back(html_.substr(open_end + 1, (close == std::string_view::npos ? html_.size() : close) - open_end - 1));
    if (close == std::string_view::npos) return html_.size();
    size_t gt = html_.find('>', close);
    return gt == std::string_view::npos ? html_.size() : gt + 1;
  }

  size_t StartTag(size_t lt) {
    ++start_tags_;
    if (!Verbatim() && ParseStartTag(html_, lt, &tag_)) {
      if (Unused(tag_)) return tag_.end;
      if (side_) AppendMarkedTag();
      else AppendFilteredTag();
      return tag_.end;
    }
    // Not understood: libxml2 reads on up to the '>' that ends this tag, and a rewritten tag in
    // there would lend its marker to this one; so until that '>' everything goes through as
    // written (raw-text elements and comments are still cut, as always).
    if (Verbatim()) {
      out_.push_back('<');
      return lt + 1;
    }
    broken_tag_ = BrokenTag::kAttrs;
    // A broken <script or <style tag the cut above did not catch ("<script<...") still opens
    // one for libxml2, whose content it reads as text up to "</script": leave that alone too.
    std::string_view name = html_.substr(lt + 1, NameLength(html_, lt + 1));
    if (EqualsLower(name, "script") || EqualsLower(name, "style")) open_script_ = name;
    out_.push_back('<');
    return lt + 1;
  }

  void AppendFilteredTag() {
    ElemKind elem = ClassifyElem(tag_.name);
    bool canonical = IsCanonicalLink(elem, tag_);
    out_.push_back('<');
    out_.append(tag_.name);
    for (size_t i = 0; i < tag_.attrs.size(); ++i) {
      const RawAttr& a = tag_.attrs[i];
      Keep keep = AttributePolicy(elem, a, canonical);
      if (keep == Keep::kDrop) continue;
      AppendAttr(a, keep == Keep::kWhole);
    }
    // The blank keeps "/" out of an unquoted value before it (`_=7/>` would read as "7/").
    out_.append(tag_.self_closing ? " />" : ">");
  }

  // The tag with a marker naming its side-table entry, plus the values libxml2 must decode.
  // Empty elements the tree never reads (images, media sources, form inputs, stylesheet and
  // preload links): left out, libxml2 has fewer tags to place. The canonical link is kept.
  static bool Unused(const RawStartTag& tag) {
    if (EqualsLower(tag.name, "img") || EqualsLower(tag.name, "source") || EqualsLower(tag.name, "input") ||
        EqualsLower(tag.name, "wbr"))
      return true;
    return EqualsLower(tag.name, "link") && !IsCanonicalLink(ElemKind::kLink, tag);
  }

  void AppendMarkedTag() {
    ElemKind elem = ClassifyElem(tag_.name);
    bool canonical = IsCanonicalLink(elem, tag_);
    size_t first = side_->attrs.size();
    for (size_t i = 0; i < tag_.attrs.size(); ++i) {
      const RawAttr& a = tag_.attrs[i];
      Keep keep = AttributePolicy(elem, a, canonical);
      if (keep == Keep::kDrop) continue;
      bool via_parser = keep == Keep::kWhole && NeedsDecoding(a.value);
      side_->attrs.push_back({a.kind, via_parser, keep == Keep::kWhole ? Unquote(a.value) : std::string_view()});
    }
    out_.push_back('<');
    out_.append(tag_.name);
    if (side_->attrs.size() > first) {
      out_.append(" _=");
      out_.append(std::to_string(side_->entries.size()));
      side_->entries.push_back(
          {tag_.name, static_cast<uint32_t>(first), static_cast<uint32_t>(side_->attrs.size() - first), elem});
      for (size_t i = first; i < side_->attrs.size(); ++i)
        if (side_->attrs[i].via_parser) AppendAttr(FindRaw(side_->attrs[i].kind), true);
    }
    // The blank keeps "/" out of an unquoted value before it (`_=7/>` would read as "7/").
    out_.append(tag_.self_closing ? " />" : ">");
  }

  const RawAttr& FindRaw(AttrKind kind) const {
    for (const RawAttr& a : tag_.attrs)
      if (a.kind == kind) return a;
    return tag_.attrs.front();  // unreachable: the kind was read from this tag
  }

  void AppendAttr(const RawAttr& a, bool with_value) {
    out_.push_back(' ');
    out_.append(a.name);
    if (with_value && !a.value.empty()) {
      out_.push_back('=');
      out_.append(a.value);
    }
  }

  std::string_view html_;
  std::vector<std::string>* json_ld_;
  SideTable* side_;
  std::string out_;
  RawStartTag tag_;  // reused between tags to save allocations
  size_t start_tags_ = 0;
  enum class BrokenTag { kNone, kAttrs, kAfterEquals, kInDoubleQuotes, kInSingleQuotes };
  BrokenTag broken_tag_ = BrokenTag::kNone;  // where libxml2 is in a tag the scanner gave up on
  std::string_view open_script_;  // "script" or "style" while libxml2 reads one the cut missed
};

// ---- Tree building (SAX callbacks) ---------------------------------------------------------

// Tag of a libxml2 element name. libxml2 interns names in its dictionary, so a small cache
// keyed by the pointer saves hashing the same few dozen names over and over.
class TagCache {
 public:
  Tag Lookup(const xmlChar* name) {
    size_t slot = (reinterpret_cast<uintptr_t>(name) >> 3) % kSlots;
    if (keys_[slot] == name) return values_[slot];
    auto it = TagTable().find(reinterpret_cast<const char*>(name));
    Tag tag = it == TagTable().end() ? Tag::kOther : it->second;
    keys_[slot] = name;
    values_[slot] = tag;
    return tag;
  }

 private:
  static constexpr size_t kSlots = 251;
  const xmlChar* keys_[kSlots] = {};
  Tag values_[kSlots] = {};
};

struct AttrValue {
  AttrKind kind;
  std::string_view value;
};

struct Builder {
  Builder(HtmlDom* d, const SideTable* s) : dom(d), side(s), stack{0} {}

  HtmlDom* dom;
  const SideTable* side;
  std::vector<int32_t> stack;
  int title_depth = 0;
  TagCache tags;
  std::vector<AttrValue> attrs;  // the current element's attributes, reused
  size_t next_entry = 0;          // side-table entries before this one are used up

  // Adds a node under the open element and returns it; nodes are built in place, since a
  // DomNode with its strings is too big to move around cheaply.
  DomNode& Append() {
    int32_t parent = stack.back();
    int32_t id = static_cast<int32_t>(dom->nodes.size());
    DomNode& node = dom->nodes.emplace_back();
    node.parent = parent;
    DomNode& p = dom->nodes[parent];
    if (p.last_child >= 0) dom->nodes[p.last_child].next = id;
    else p.first_child = id;
    p.last_child = id;
    return node;
  }
};

std::string_view AttrOf(const xmlChar** atts, const char* name, bool* found) {
  *found = false;
  if (!atts) return {};
  for (int i = 0; atts[i]; i += 2)
    if (std::strcmp(reinterpret_cast<const char*>(atts[i]), name) == 0) {
      *found = true;
      return atts[i + 1] ? reinterpret_cast<const char*>(atts[i + 1]) : "";
    }
  return {};
}

// The side-table entry named by the element's `_=N` marker, or null. A marker counts only on
// the element it was written for and in document order, so a page's own `_` attribute on a
// tag the prepass left alone is not mistaken for one.
const SideTable::Entry* MarkedEntry(Builder* b, std::string_view name, const xmlChar** atts) {
  bool found;
  std::string_view marker = AttrOf(atts, kMarker, &found);
  if (!found || !b->side || marker.empty()) return nullptr;
  size_t index = 0;
  for (char c : marker) {
    if (c < '0' || c > '9') return nullptr;
    index = index * 10 + static_cast<size_t>(c - '0');
    if (index >= b->side->entries.size()) return nullptr;
  }
  const SideTable::Entry& e = b->side->entries[index];
  if (index < b->next_entry || !EqualsLower(e.name, name)) return nullptr;
  b->next_entry = index + 1;
  return &e;
}

// Collects the element's attributes in document order into b->attrs, from the side table
// when the tag is marked and from libxml2's list otherwise (tags the prepass left alone).
ElemKind CollectAttrs(Builder* b, std::string_view name, const xmlChar** atts) {
  b->attrs.clear();
  if (const SideTable::Entry* e = MarkedEntry(b, name, atts)) {
    for (uint32_t i = e->first; i < e->first + e->count; ++i) {
      const SideAttr& a = b->side->attrs[i];
      bool found = true;
      std::string_view v = a.via_parser ? AttrOf(atts, kAttrNames[static_cast<int>(a.kind)], &found) : a.value;
      if (found) b->attrs.push_back({a.kind, v});
    }
    return e->elem;
  }
  if (atts)
    for (int i = 0; atts[i]; i += 2) {
      AttrKind kind = ClassifyAttr(reinterpret_cast<const char*>(atts[i]));
      if (kind != AttrKind::kOther)
        b->attrs.push_back({kind, atts[i + 1] ? reinterpret_cast<const char*>(atts[i + 1]) : ""});
    }
  return ClassifyElem(name);
}

const AttrValue* FindAttr(const std::vector<AttrValue>& attrs, AttrKind kind) {
  for (const AttrValue& a : attrs)
    if (a.kind == kind) return &a;
  return nullptr;
}

void AppendLower(std::string_view v, std::string* out) {
  size_t start = out->size();
  out->resize(start + v.size());
  char* o = out->data() + start;
  for (size_t i = 0; i < v.size(); ++i) {  // branch-free, so the compiler vectorises it
    unsigned char c = static_cast<unsigned char>(v[i]);
    o[i] = static_cast<char>(c + (static_cast<unsigned char>(c - 'A') < 26 ? 32 : 0));
  }
}

// Page-level facts from <meta>, <link rel=canonical> and <html lang>.
void ReadElementFacts(ElemKind elem, const std::vector<AttrValue>& attrs, HtmlDom* dom) {
  if (elem == ElemKind::kMeta) {
    const AttrValue* key = FindAttr(attrs, AttrKind::kProperty);
    if (!key) key = FindAttr(attrs, AttrKind::kName);
    if (!key) key = FindAttr(attrs, AttrKind::kItemprop);
    const AttrValue* content = FindAttr(attrs, AttrKind::kContent);
    if (key && content) dom->metas.push_back({AsciiLower(key->value), CollapseSpace(content->value)});
  } else if (elem == ElemKind::kLink) {
    const AttrValue* rel = FindAttr(attrs, AttrKind::kRel);
    const AttrValue* href = FindAttr(attrs, AttrKind::kHref);
    if (rel && href && IEquals(rel->value, "canonical")) dom->canonical.emplace_back(href->value);
  } else if (elem == ElemKind::kHtml) {
    if (const AttrValue* lang = FindAttr(attrs, AttrKind::kLang)) dom->lang = AsciiLower(lang->value);
  }
}

// The node's own fields, attribute by attribute in document order (a later aria-hidden or
// datetime/content overrides an earlier one, as before).
void ReadNodeAttrs(const std::vector<AttrValue>& attrs, DomNode* node) {
  for (const AttrValue& a : attrs) {
    switch (a.kind) {
      case AttrKind::kClass: case AttrKind::kId: case AttrKind::kRole: case AttrKind::kItemprop: case AttrKind::kRel:
        if (!node->attrs.empty()) node->attrs.push_back(' ');
        AppendLower(a.value, &node->attrs);
        if (a.kind == AttrKind::kItemprop) {
          node->itemprop.clear();
          AppendLower(a.value, &node->itemprop);
        }
        break;
      case AttrKind::kHref: node->has_href = true; break;
      case AttrKind::kHidden: node->hidden = true; break;
      case AttrKind::kAriaHidden: node->hidden = IEquals(a.value, "true"); break;
      case AttrKind::kStyle: if (StyleHides(a.value)) node->hidden = true; break;
      case AttrKind::kDatetime: node->datetime = a.value; break;
      case AttrKind::kContent: if (node->tag != Tag::kOther) node->datetime = a.value; break;
      default: break;
    }
  }
}

void OnStart(void* ctx, const xmlChar* raw_name, const xmlChar** atts) {
  auto* b = static_cast<Builder*>(ctx);
  ElemKind elem = CollectAttrs(b, reinterpret_cast<const char*>(raw_name), atts);
  if (elem != ElemKind::kPlain) ReadElementFacts(elem, b->attrs, b->dom);
  int32_t id = static_cast<int32_t>(b->dom->nodes.size());
  DomNode& node = b->Append();
  node.tag = b->tags.Lookup(raw_name);
  if (node.tag == Tag::kTitle) ++b->title_depth;
  ReadNodeAttrs(b->attrs, &node);
  b->stack.push_back(id);
}

void OnEnd(void* ctx, const xmlChar* raw_name) {
  auto* b = static_cast<Builder*>(ctx);
  if (b->title_depth > 0 && b->tags.Lookup(raw_name) == Tag::kTitle) --b->title_depth;
  if (b->stack.size() > 1) b->stack.pop_back();
}

bool IsLayoutOnly(Tag t) {
  switch (t) {
    case Tag::kUl: case Tag::kOl: case Tag::kDl: case Tag::kTable: case Tag::kTbody: case Tag::kThead:
    case Tag::kTfoot: case Tag::kTr: case Tag::kSelect: case Tag::kHtml: case Tag::kHead:
      return true;
    default:
      return false;
  }
}

void OnCharacters(void* ctx, const xmlChar* ch, int len) {
  auto* b = static_cast<Builder*>(ctx);
  std::string_view text(reinterpret_cast<const char*>(ch), static_cast<size_t>(len));
  if (b->title_depth > 0) {
    b->dom->title.append(text);
    return;
  }
  DomNode& parent = b->dom->nodes[b->stack.back()];
  // White space directly inside lists, tables and the document skeleton is never rendered:
  // no node for it (pages are full of it, between every <li> and <td>).
  if (IsLayoutOnly(parent.tag) && text.find_first_not_of(" \t\r\n") == std::string_view::npos) return;
  if (parent.last_child >= 0 && b->dom->nodes[parent.last_child].is_text) {
    b->dom->nodes[parent.last_child].text.append(text);
    return;
  }
  DomNode& node = b->Append();
  node.is_text = true;
  node.text.assign(text);
}

void Ignore(void*, const char*, ...) {}

}  // namespace

std::string StripRawText(std::string_view html, std::vector<std::string>* json_ld) {
  return Prepass(html, json_ld, nullptr).Run();
}

HtmlDom ParseHtml(std::string_view html) {
  HtmlDom dom;
  SideTable side;
  Prepass prepass(html, &dom.json_ld, &side);
  std::string stripped = prepass.Run();
  // About one text node per element, and a few implied elements: growing the vector instead
  // would move every node (four strings each) several times.
  dom.nodes.reserve(prepass.start_tags() * 9 / 4 + 16);
  dom.nodes.emplace_back();  // root
  Builder builder(&dom, &side);

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
