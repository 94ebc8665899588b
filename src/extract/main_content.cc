#include "extract/main_content.h"

#include <re2/re2.h>

#include <algorithm>
#include <memory>
#include <unordered_map>

#include "core/data.h"
#include "core/text.h"

namespace crosscheck {
namespace {

// Class/id cues compiled into one automaton per kind: one pass over a node's names tests
// every cue, where a loop of find() calls would scan them once per cue.
struct Cues {
  std::unique_ptr<RE2> negative, positive, hentry;
  std::unique_ptr<RE2> boilerplate_paragraph;
};

std::string Alternation(const std::vector<std::string>& literals) {
  std::string alt;
  for (const auto& l : literals) {
    if (!alt.empty()) alt.push_back('|');
    alt.append(RE2::QuoteMeta(l));
  }
  return alt;
}

const Cues& LoadCues() {
  static const Cues* cues = [] {
    auto* c = new Cues;
    std::vector<std::string> sub, tok, positive;
    for (std::string_view line : DataLines("extract/html_negative.txt")) {
      if (StartsWith(line, "sub:")) sub.emplace_back(line.substr(4));
      else if (StartsWith(line, "tok:")) tok.emplace_back(line.substr(4));
    }
    for (std::string_view line : DataLines("extract/html_positive.txt")) positive.emplace_back(line);
    // Tokens are whole names, split at space, '-', '_' and ':'.
    std::string negative = "(?:" + Alternation(sub) + ")|(?:^|[ _:-])(?:";
    negative.append(Alternation(tok)).append(")(?:$|[ _:-])");
    c->negative = std::make_unique<RE2>(negative);
    c->positive = std::make_unique<RE2>(Alternation(positive));
    c->hentry = std::make_unique<RE2>("(?:^|[ _:-])hentry(?:$|[ _:-])");
    std::string alt;
    // Only paragraphs under 200 bytes are tested, so length bounds such as .{0,160} add
    // nothing but states: as .* the automaton stays small enough for RE2's fast DFA.
    static const RE2 bounded_any(R"(\.\{\d*,\d+\})");
    for (std::string_view line : DataLines("extract/paragraph_boilerplate.txt")) {
      std::string pattern(line);
      RE2::GlobalReplace(&pattern, bounded_any, ".*");
      if (!alt.empty()) alt += "|";
      alt += "(?:" + pattern + ")";
    }
    RE2::Options opt;
    opt.set_max_mem(64 << 20);
    opt.set_case_sensitive(false);
    opt.set_log_errors(false);
    c->boilerplate_paragraph = std::make_unique<RE2>("^(?:" + alt + ")[.!:…]?$", opt);
    return c;
  }();
  return *cues;
}

bool IsPositive(std::string_view attrs, const Cues& cues) {
  return RE2::PartialMatch(re2::StringPiece(attrs.data(), attrs.size()), *cues.positive);
}

bool IsNegative(std::string_view attrs, const Cues& cues) {
  re2::StringPiece names(attrs.data(), attrs.size());
  // An hAtom entry (blog engines add "tag-foo category-bar" to it) is the post itself.
  if (attrs.empty() || RE2::PartialMatch(names, *cues.hentry)) return false;
  return RE2::PartialMatch(names, *cues.negative);
}

bool IsFurnitureTag(Tag t) {
  switch (t) {
    case Tag::kNav: case Tag::kAside: case Tag::kFooter: case Tag::kButton: case Tag::kInput: case Tag::kSelect:
    case Tag::kTextarea: case Tag::kIframe: case Tag::kDialog: case Tag::kMenu: case Tag::kFigure:
    case Tag::kFigcaption: case Tag::kHeader: case Tag::kOption: case Tag::kLabel: case Tag::kVideo:
    case Tag::kAudio: case Tag::kObject: case Tag::kHead: case Tag::kTitle: case Tag::kAddress: case Tag::kFieldset:
    case Tag::kLegend: case Tag::kSummary:
      return true;
    default:
      return false;
  }
}

bool IsHeading(Tag t) { return t >= Tag::kH1 && t <= Tag::kH6; }

bool IsParagraphTag(Tag t) {
  return t == Tag::kP || t == Tag::kPre || t == Tag::kTd || t == Tag::kBlockquote || t == Tag::kLi ||
         t == Tag::kDd;
}

struct Stats {
  std::vector<uint32_t> text, link, para;  // per node: visible chars, chars inside links, chars in <p>
  std::vector<uint32_t> prose;             // chars of long text runs outside links, list items, headings
  std::vector<uint32_t> commas;            // commas in the text below (Readability counts them)
  std::vector<uint8_t> removed;            // furniture (the node and all below)
  std::vector<float> score;
};

size_t VisibleChars(std::string_view s) {
  size_t n = 0;
  bool space = true;
  for (char c : s) {
    bool is_space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (!is_space) ++n;
    else if (!space) ++n;
    space = is_space;
  }
  return n;
}

size_t CountCommas(std::string_view s) { return static_cast<size_t>(std::count(s.begin(), s.end(), ',')); }

class Extractor {
 public:
  explicit Extractor(const HtmlDom& dom) : dom_(dom), cues_(LoadCues()) {}

  MainContent Run() {
    MainContent out;
    size_t n = dom_.nodes.size();
    s_.text.assign(n, 0), s_.link.assign(n, 0), s_.para.assign(n, 0), s_.prose.assign(n, 0);
    s_.removed.assign(n, 0), s_.score.assign(n, 0);
    // Class/id cues are read once per element: they are tested in several passes.
    // Pages repeat the same names ("menu-item" a hundred times): each distinct one is matched once.
    positive_.assign(n, 0), negative_.assign(n, 0);
    own_text_.assign(n, 0), own_commas_.assign(n, 0);
    std::unordered_map<std::string_view, std::pair<uint8_t, uint8_t>> seen;
    for (size_t i = 1; i < n; ++i) {
      const DomNode& node = dom_.nodes[i];
      if (node.is_text || node.attrs.empty()) continue;
      auto [it, fresh] = seen.try_emplace(node.attrs);
      if (fresh) it->second = {IsPositive(node.attrs, cues_), IsNegative(node.attrs, cues_)};
      positive_[i] = it->second.first;
      negative_[i] = it->second.second;
    }
    Aggregate(/*skip_removed=*/false);
    size_t total_para = s_.para[0];
    out.page_text_chars = s_.text[0];
    for (size_t i = 1; i < n; ++i)
      if (dom_.nodes[i].tag == Tag::kHead) out.page_text_chars -= std::min<size_t>(out.page_text_chars, s_.text[i]);
    MarkFurniture(total_para);
    Aggregate(/*skip_removed=*/true);
    int32_t body = ChooseContainer();
    if (body < 0) return out;
    std::vector<int32_t> parts = WithSiblings(body);
    for (int32_t part : parts) Emit(part, &out.paragraphs);
    Clean(&out.paragraphs);
    return out;
  }

 private:
  // Nodes are stored parent before child, so one reverse pass sums children into parents.
  void Aggregate(bool skip_removed) {
    std::fill(s_.text.begin(), s_.text.end(), 0);
    std::fill(s_.link.begin(), s_.link.end(), 0);
    std::fill(s_.para.begin(), s_.para.end(), 0);
    std::fill(s_.prose.begin(), s_.prose.end(), 0);
    s_.commas.assign(dom_.nodes.size(), 0);
    for (size_t i = dom_.nodes.size(); i-- > 1;) {
      const DomNode& node = dom_.nodes[i];
      if (skip_removed && s_.removed[i]) continue;
      if (node.is_text) {  // the text itself does not change between passes: count it once
        if (!skip_removed) {
          own_text_[i] = static_cast<uint32_t>(VisibleChars(node.text));
          own_commas_[i] = static_cast<uint32_t>(CountCommas(node.text));
        }
        s_.text[i] = own_text_[i];
        s_.commas[i] = own_commas_[i];
      }
      if (node.is_text && s_.text[i] >= 50) s_.prose[i] = s_.text[i];  // labels and dates are short
      if ((node.tag == Tag::kA && node.has_href) || node.tag == Tag::kLi || IsHeading(node.tag)) s_.prose[i] = 0;
      if (node.tag == Tag::kA && node.has_href) s_.link[i] = s_.text[i];
      if (node.tag == Tag::kP) s_.para[i] = s_.text[i] - std::min(s_.text[i], s_.link[i]);
      int32_t p = node.parent;
      if (p >= 0) {
        s_.text[p] += s_.text[i];
        s_.link[p] += s_.link[i];
        s_.para[p] += s_.para[i];
        s_.prose[p] += s_.prose[i];
        s_.commas[p] += s_.commas[i];
      }
    }
  }

  void MarkFurniture(size_t total_para) {
    // Per subtree, the text of the largest block that declares itself the article body, and
    // the text inside <blockquote>s.
    std::vector<uint32_t> body(dom_.nodes.size(), 0), quote(dom_.nodes.size(), 0);
    for (size_t i = dom_.nodes.size(); i-- > 1;) {
      const DomNode& node = dom_.nodes[i];
      if (!node.is_text && (node.itemprop == "articlebody" || positive_[i]))
        body[i] = std::max(body[i], s_.text[i]);
      if (node.tag == Tag::kBlockquote) quote[i] = s_.text[i];
      if (node.parent >= 0) {
        body[node.parent] = std::max(body[node.parent], body[i]);
        quote[node.parent] += quote[i];
      }
    }
    for (size_t i = 1; i < dom_.nodes.size(); ++i) {
      const DomNode& node = dom_.nodes[i];
      if (node.parent >= 0 && s_.removed[node.parent]) { s_.removed[i] = 1; continue; }
      if (node.is_text) continue;
      // A wrapper named "embed", "social" or "widget" around a quoted post is a quotation, not furniture.
      bool quotation = quote[i] >= 50 && quote[i] * 10 >= s_.text[i] * 8;
      bool furniture = node.hidden || IsFurnitureTag(node.tag) ||
                       (negative_[i] && !positive_[i] && !quotation);
      // A misnamed wrapper that holds most of the page's paragraphs is not furniture; a hidden one
      // (a cookie dialog full of legal prose) is.
      if (furniture && !node.hidden && node.tag != Tag::kHead && total_para > 0 && s_.para[i] * 2 > total_para)
        furniture = false;
      // Nor is a misnamed wrapper of the page's declared article body.
      if (furniture && !node.hidden && node.tag != Tag::kHead && body[0] >= 200 && body[i] == body[0]) furniture = false;
      if (furniture) s_.removed[i] = 1;
    }
  }

  float TagWeight(int32_t id) const {
    const DomNode& node = dom_.nodes[id];
    float w = 0;
    switch (node.tag) {
      case Tag::kDiv: case Tag::kArticle: case Tag::kMain: case Tag::kSection: w = 5; break;
      case Tag::kPre: case Tag::kTd: case Tag::kBlockquote: w = 3; break;
      case Tag::kOl: case Tag::kUl: case Tag::kDl: case Tag::kDd: case Tag::kDt: case Tag::kLi: case Tag::kForm: w = -3; break;
      case Tag::kH1: case Tag::kH2: case Tag::kH3: case Tag::kH4: case Tag::kH5: case Tag::kH6: case Tag::kTh: w = -5; break;
      default: break;
    }
    if (positive_[id]) w += 25;
    else if (negative_[id]) w -= 25;
    if (node.itemprop == "articlebody") w += 25;
    return w;
  }

  // Text of direct text children (for divs that hold text without <p>).
  size_t DirectText(int32_t id) const {
    size_t n = 0;
    for (int32_t c = dom_.nodes[id].first_child; c >= 0; c = dom_.nodes[c].next)
      if (dom_.nodes[c].is_text || (!IsBlockTag(dom_.nodes[c].tag) && dom_.nodes[c].tag != Tag::kA)) n += s_.text[c];
    return n;
  }

  std::string InnerText(int32_t id) const {
    std::string out;
    AppendText(id, &out);
    return CollapseSpace(out);
  }
  void AppendText(int32_t id, std::string* out) const {
    const DomNode& node = dom_.nodes[id];
    if (s_.removed[id]) return;
    if (node.is_text) { out->append(node.text); return; }
    if (node.tag == Tag::kBr) { out->push_back(' '); return; }
    for (int32_t c = node.first_child; c >= 0; c = dom_.nodes[c].next) AppendText(c, out);
  }

  int32_t ChooseContainer() {
    std::vector<uint8_t> initialised(dom_.nodes.size(), 0);
    auto add = [&](int32_t id, float v) {
      if (id <= 0 || s_.removed[id]) return;
      if (!initialised[id]) { initialised[id] = 1; s_.score[id] = TagWeight(id); }
      s_.score[id] += v;
    };
    for (size_t i = 1; i < dom_.nodes.size(); ++i) {
      const DomNode& node = dom_.nodes[i];
      if (node.is_text || s_.removed[i]) continue;
      bool text_div = node.tag == Tag::kDiv && DirectText(static_cast<int32_t>(i)) >= 100;
      if (!IsParagraphTag(node.tag) && !text_div) continue;
      size_t len = s_.text[i] - std::min(s_.text[i], s_.link[i]);
      if (len < 25) continue;
      float v = 1.0f + static_cast<float>(s_.commas[i]) + std::min(static_cast<float>(len) / 100.0f, 3.0f);
      // A div that holds its text directly (<br>-separated) is itself the container.
      if (text_div) add(static_cast<int32_t>(i), v);
      int32_t p = node.parent;
      for (int level = 0; p > 0 && level < 3; ++level, p = dom_.nodes[p].parent)
        add(p, level == 0 ? v : level == 1 ? v / 2 : v / 6);
    }
    int32_t best = -1;
    float best_score = 0;
    for (size_t i = 1; i < dom_.nodes.size(); ++i) {
      if (!initialised[i]) continue;
      float density = s_.text[i] ? static_cast<float>(s_.link[i]) / static_cast<float>(s_.text[i]) : 0;
      s_.score[i] *= (1.0f - density);
      if (s_.score[i] > best_score) { best_score = s_.score[i]; best = static_cast<int32_t>(i); }
    }
    if (best < 0) return best;
    // A container that declares itself the article body and holds most of the chosen text wins.
    for (int32_t p = dom_.nodes[best].parent; p > 0; p = dom_.nodes[p].parent) {
      if (s_.removed[p]) break;
      const DomNode& node = dom_.nodes[p];
      // ...provided what it adds is mostly paragraph prose, not a column of teasers.
      uint32_t extra_text = s_.text[p] - s_.text[best], extra_prose = s_.prose[p] - s_.prose[best];
      if ((node.itemprop == "articlebody" || positive_[p]) && s_.text[p] < s_.text[best] * 3 &&
          extra_prose * 2 >= extra_text) {
        best = p;
        break;
      }
    }
    // When the parent gathers nearly as much score (text split over sibling blocks), go up.
    while (true) {
      int32_t p = dom_.nodes[best].parent;
      if (p <= 0 || s_.removed[p] || !initialised[p]) break;
      if (dom_.nodes[p].tag == Tag::kBody || dom_.nodes[p].tag == Tag::kHtml) break;
      if (s_.score[p] < s_.score[best] * 0.75f) break;
      best = p;
    }
    best_score_ = s_.score[best];
    initialised_ = std::move(initialised);
    return best;
  }

  std::vector<int32_t> WithSiblings(int32_t best) {
    std::vector<int32_t> parts;
    int32_t parent = dom_.nodes[best].parent;
    if (parent < 0) return {best};
    float threshold = std::max(10.0f, best_score_ * 0.2f);
    for (int32_t c = dom_.nodes[parent].first_child; c >= 0; c = dom_.nodes[c].next) {
      if (c == best) { parts.push_back(c); continue; }
      if (s_.removed[c] || dom_.nodes[c].is_text) continue;
      bool take = initialised_[c] && s_.score[c] >= threshold;
      // A lone paragraph next to the body (a lead, a standfirst) belongs to it.
      bool text_div = dom_.nodes[c].tag == Tag::kDiv && DirectText(c) >= 100;
      if (!take && (dom_.nodes[c].tag == Tag::kP || text_div)) {
        size_t len = s_.text[c];
        float density = len ? static_cast<float>(s_.link[c]) / static_cast<float>(len) : 1;
        std::string text = InnerText(c);
        take = (len > 80 && density < 0.25f) || (len > 0 && len <= 80 && s_.link[c] == 0 && EndsWith(text, "."));
      }
      if (take) parts.push_back(c);
    }
    return parts;
  }

  // Writes the paragraphs under `id`: each block element starts a new one; <br><br> splits.
  void Emit(int32_t id, std::vector<std::string>* out) {
    std::string current;
    EmitNode(id, &current, out);
    Flush(&current, out);
  }

  void Flush(std::string* current, std::vector<std::string>* out) {
    std::string p = CollapseSpace(*current);
    current->clear();
    if (!p.empty()) out->push_back(std::move(p));
  }

  void EmitNode(int32_t id, std::string* current, std::vector<std::string>* out) {
    const DomNode& node = dom_.nodes[id];
    if (s_.removed[id]) return;
    if (node.is_text) { current->append(node.text); return; }
    if (node.tag == Tag::kBr) {
      if (!current->empty() && current->back() == '\n') Flush(current, out);
      else current->push_back('\n');
      return;
    }
    bool block = IsBlockTag(node.tag);
    if (block) {
      Flush(current, out);
      // A block that is mostly links (a list of related headlines) is not prose.
      if (s_.text[id] > 0 && node.tag != Tag::kBody) {
        float density = static_cast<float>(s_.link[id]) / static_cast<float>(s_.text[id]);
        if (density > 0.5f && s_.text[id] < 2000) return;
      }
    }
    for (int32_t c = node.first_child; c >= 0; c = dom_.nodes[c].next) EmitNode(c, current, out);
    if (block) Flush(current, out);
  }

  void Clean(std::vector<std::string>* paragraphs) const {
    std::vector<std::string> kept;
    for (auto& p : *paragraphs) {
      if (p.size() < 200 && RE2::FullMatch(p, *cues_.boilerplate_paragraph)) continue;
      kept.push_back(std::move(p));
    }
    *paragraphs = std::move(kept);
  }

  const HtmlDom& dom_;
  const Cues& cues_;
  Stats s_;
  float best_score_ = 0;
  std::vector<uint8_t> initialised_;
  std::vector<uint8_t> positive_, negative_;  // per node: class/id says article body / furniture
  std::vector<uint32_t> own_text_, own_commas_;  // per text node: its visible chars and commas
};

}  // namespace

MainContent FindMainContent(const HtmlDom& dom) { return Extractor(dom).Run(); }

}  // namespace crosscheck

