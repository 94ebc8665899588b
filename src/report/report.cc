#include "report/report.h"

#include <ostream>

#include "core/text.h"
#include "group/grouping_json.h"

#include <cmath>
#include <cstdio>
#include <map>
#include <string_view>
#include <type_traits>

namespace crosscheck {
namespace {

using nlohmann::json;

json FindingToJson(const Finding& f) {
  json claims = json::array();
  for (const ClaimValue& c : f.claims) {
    json evidence = json::array();
    for (const Evidence& e : c.evidence) evidence.push_back({{"article", e.article}, {"text", e.text}});
    claims.push_back({{"value", c.value}, {"articles", c.articles}, {"evidence", evidence}});
  }
  return {{"kind", FindingKindName(f.kind)},
          {"event", f.event.empty() ? json(nullptr) : json(f.event)},
          {"story", f.story},
          {"subject", f.subject},
          {"claims", claims},
          {"detail", f.detail},
          {"confidence", std::round(f.confidence * 1000) / 1000}};
}

std::string Percent(double v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.0f%%", v * 100);
  return buf;
}

std::string OutletOf(const Report& r, const std::string& id) {
  for (const Article& a : *r.articles)
    if (a.id == id) return a.outlet.empty() ? a.id : a.outlet;
  return id;
}

// "Harbor Ledger (e1-harborledger-round2), Northline Wire (e1-northline...)"
std::string Sources(const Report& r, const std::vector<std::string>& ids) {
  std::string out;
  for (const std::string& id : ids) out += (out.empty() ? "" : ", ") + OutletOf(r, id) + " (" + id + ")";
  return out;
}

const char* KindTitle(FindingKind k) {
  switch (k) {
    case FindingKind::kContradiction: return "Contradictions";
    case FindingKind::kInconsistency: return "Inconsistencies inside one report";
    case FindingKind::kCorroboration: return "Corroborated";
    case FindingKind::kSingleSource: return "Single-source claims";
  }
  return "";
}

std::string EventLabel(const Report& r, const std::string& event_id) {
  if (event_id.empty()) return "";
  for (const Story& s : r.grouping->stories)
    for (const StoryEvent& e : s.events)
      if (e.id == event_id) return e.id + (e.date.empty() ? "" : " " + e.date) + (e.place.empty() ? "" : ", " + e.place);
  return event_id;
}

std::string HtmlEscape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '"': out += "&quot;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

}  // namespace

namespace {

json ArticleToJson(const Article& a, bool with_text) {
  json j = {{"id", a.id}, {"source", a.source}, {"outlet", a.outlet}, {"title", a.title},
            {"author", a.author}, {"published", a.published}, {"language", a.language}};
  if (with_text) j["text"] = a.text;
  return j;
}

std::string Compact(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

// Appends `s` as a JSON string, escaped as nlohmann's dump() does without ensure_ascii.
void AppendJsonString(std::string_view s, std::string* out) {
  out->push_back('"');
  size_t run = 0;  // start of the bytes not yet copied
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out->append(s.substr(run, i - run));
    run = i + 1;
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\b': out->append("\\b"); break;
      case '\t': out->append("\\t"); break;
      case '\n': out->append("\\n"); break;
      case '\f': out->append("\\f"); break;
      case '\r': out->append("\\r"); break;
      default: {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04x", c);
        out->append(buf);
      }
    }
  }
  out->append(s.substr(run));
  out->push_back('"');
}

// An article record as Compact(ArticleToJson(a)) writes it (keys in order), without building
// the JSON value: the texts are most of a report's bytes. Texts that are not valid UTF-8 go
// the slow way, which replaces the bad bytes.
std::string ArticleRecord(const Article& a, bool with_text) {
  const std::pair<const char*, const std::string*> fields[] = {
      {"author", &a.author}, {"id", &a.id}, {"language", &a.language}, {"outlet", &a.outlet},
      {"published", &a.published}, {"source", &a.source}, {"text", with_text ? &a.text : nullptr}, {"title", &a.title}};
  std::string out = "{";
  for (const auto& [key, value] : fields) {
    if (value == nullptr) continue;
    if (!IsValidUtf8(*value)) return Compact(ArticleToJson(a, with_text));
    if (out.size() > 1) out.push_back(',');
    AppendJsonString(key, &out);
    out.push_back(':');
    AppendJsonString(*value, &out);
  }
  out.push_back('}');
  return out;
}

// A number as nlohmann writes it (shortest round-trip form, "1.0" for whole values).
std::string JsonNumber(double v) { return json(v).dump(); }

bool AllValidUtf8(const Finding& f) {
  if (!IsValidUtf8(f.event) || !IsValidUtf8(f.story) || !IsValidUtf8(f.subject) || !IsValidUtf8(f.detail)) return false;
  for (const ClaimValue& c : f.claims) {
    if (!IsValidUtf8(c.value)) return false;
    for (const std::string& id : c.articles)
      if (!IsValidUtf8(id)) return false;
    for (const Evidence& e : c.evidence)
      if (!IsValidUtf8(e.article) || !IsValidUtf8(e.text)) return false;
  }
  return true;
}

// A finding as Compact(FindingToJson(f)) writes it (keys in nlohmann's sorted order), made
// without the JSON value; findings carry their evidence sentences, the report's other bulk.
std::string FindingRecord(const Finding& f) {
  if (!AllValidUtf8(f)) return Compact(FindingToJson(f));
  std::string out = "{\"claims\":[";
  for (size_t i = 0; i < f.claims.size(); ++i) {
    const ClaimValue& c = f.claims[i];
    out.append(i ? ",{\"articles\":[" : "{\"articles\":[");
    for (size_t a = 0; a < c.articles.size(); ++a) {
      if (a) out.push_back(',');
      AppendJsonString(c.articles[a], &out);
    }
    out.append("],\"evidence\":[");
    for (size_t e = 0; e < c.evidence.size(); ++e) {
      out.append(e ? ",{\"article\":" : "{\"article\":");
      AppendJsonString(c.evidence[e].article, &out);
      out.append(",\"text\":");
      AppendJsonString(c.evidence[e].text, &out);
      out.push_back('}');
    }
    out.append("],\"value\":");
    AppendJsonString(c.value, &out);
    out.push_back('}');
  }
  out.append("],\"confidence\":").append(JsonNumber(std::round(f.confidence * 1000) / 1000));
  out.append(",\"detail\":");
  AppendJsonString(f.detail, &out);
  out.append(",\"event\":");
  if (f.event.empty()) out.append("null");
  else AppendJsonString(f.event, &out);
  out.append(",\"kind\":");
  AppendJsonString(FindingKindName(f.kind), &out);
  out.append(",\"story\":");
  AppendJsonString(f.story, &out);
  out.append(",\"subject\":");
  AppendJsonString(f.subject, &out);
  out.push_back('}');
  return out;
}

json SourceToJson(const SourceReliability& s) {
  return {{"article", s.article}, {"outlet", s.outlet}, {"reliability", std::round(s.reliability * 1000) / 1000},
          {"claims", s.claims}, {"agreed", s.agreed}, {"contradicted", s.contradicted}};
}

json RunToJson(const Reconciliation& r) {
  return {{"stories_reconciled", r.stories - r.stories_recalled}, {"stories_recalled", r.stories_recalled}};
}

// Writes `key: [ ... ]` one element a line, each made only when written.
template <typename List, typename ToJson>
void WriteArray(std::ostream& out, const char* key, const List& list, ToJson to_json, bool last = false) {
  out << "  \"" << key << "\": [";
  bool first = true;
  for (const auto& item : list) {
    out << (first ? "\n    " : ",\n    ");
    if constexpr (std::is_same_v<decltype(to_json(item)), std::string>) out << to_json(item);
    else out << Compact(to_json(item));
    first = false;
  }
  out << (first ? "]" : "\n  ]") << (last ? "\n" : ",\n");
}

}  // namespace

json ReportToJson(const Report& r) {
  json articles = json::array();
  for (const Article& a : *r.articles) articles.push_back(ArticleToJson(a, true));
  json grouping = GroupingToJson(*r.grouping);
  json findings = json::array();
  for (const Finding& f : r.reconciliation->findings) findings.push_back(FindingToJson(f));
  json sources = json::array();
  for (const SourceReliability& s : r.reconciliation->sources) sources.push_back(SourceToJson(s));
  return {{"articles", articles}, {"stories", grouping["stories"]}, {"copies", grouping["copies"]},
          {"findings", findings}, {"sources", sources}, {"run", RunToJson(*r.reconciliation)}};
}

void WriteReportJson(const Report& r, std::ostream& out, bool with_text) {
  out << "{\n";
  WriteArray(out, "articles", *r.articles, [&](const Article& a) { return ArticleRecord(a, with_text); });
  json grouping = GroupingToJson(*r.grouping);  // stories and copies: ids only, small
  WriteArray(out, "stories", grouping["stories"], [](const json& j) { return j; });
  WriteArray(out, "copies", grouping["copies"], [](const json& j) { return j; });
  WriteArray(out, "findings", r.reconciliation->findings, [](const Finding& f) { return FindingRecord(f); });
  WriteArray(out, "sources", r.reconciliation->sources, [](const SourceReliability& s) { return SourceToJson(s); });
  out << "  \"run\": " << Compact(RunToJson(*r.reconciliation)) << "\n}\n";
}

std::string ReportToMarkdown(const Report& r) {
  std::string out = "# crosscheck report\n\n";
  out += std::to_string(r.articles->size()) + " reports, " + std::to_string(r.grouping->stories.size()) + " stories.\n\n";
  for (const Story& s : r.grouping->stories) {
    out += "- Story " + s.id + ": " + std::to_string(s.articles.size()) + " reports";
    for (const StoryEvent& e : s.events)
      out += "; event " + e.id + (e.date.empty() ? "" : " (" + e.date + (e.place.empty() ? "" : ", " + e.place) + ")");
    out += "\n";
  }
  for (FindingKind kind : {FindingKind::kContradiction, FindingKind::kInconsistency, FindingKind::kCorroboration,
                           FindingKind::kSingleSource}) {
    std::string section;
    for (const Finding& f : r.reconciliation->findings) {
      if (f.kind != kind) continue;
      section += "### " + f.subject + (f.event.empty() ? "" : " — " + EventLabel(r, f.event)) + "\n\n";
      if (!f.detail.empty()) section += f.detail + " (confidence " + Percent(f.confidence) + ")\n\n";
      for (const ClaimValue& c : f.claims) {
        section += "- **" + c.value + "** — " + Sources(r, c.articles) + "\n";
        for (const Evidence& e : c.evidence)
          if (!e.text.empty()) section += "  > " + e.text + " *(" + e.article + ")*\n";
      }
      section += "\n";
    }
    if (!section.empty()) out += "\n## " + std::string(KindTitle(kind)) + "\n\n" + section;
  }
  out += "\n## Sources\n\n| report | outlet | reliability | checkable claims | agreed | contradicted |\n|---|---|---|---|---|---|\n";
  for (const SourceReliability& s : r.reconciliation->sources)
    out += "| " + s.article + " | " + s.outlet + " | " + Percent(s.reliability) + " | " + std::to_string(s.claims) + " | " +
           std::to_string(s.agreed) + " | " + std::to_string(s.contradicted) + " |\n";
  return out;
}

std::string ReportToTerminal(const Report& r, bool color) {
  auto paint = [&](const char* code, const std::string& s) { return color ? "\033[" + std::string(code) + "m" + s + "\033[0m" : s; };
  std::string out;
  out += paint("1", "crosscheck") + ": " + std::to_string(r.articles->size()) + " reports, " +
         std::to_string(r.grouping->stories.size()) + " stories\n";
  for (const Story& s : r.grouping->stories) {
    out += "  story " + s.id + " (" + std::to_string(s.articles.size()) + " reports)\n";
    for (const StoryEvent& e : s.events)
      out += "    event " + e.id + "  " + (e.date.empty() ? "date unknown" : e.date) + (e.place.empty() ? "" : "  " + e.place) +
             "  [" + std::to_string(e.articles.size()) + " reports]\n";
  }
  const char* colors[] = {"31", "33", "32", "36"};
  int k = 0;
  for (FindingKind kind : {FindingKind::kContradiction, FindingKind::kInconsistency, FindingKind::kCorroboration,
                           FindingKind::kSingleSource}) {
    std::string section;
    int n = 0;
    for (const Finding& f : r.reconciliation->findings) {
      if (f.kind != kind) continue;
      ++n;
      section += "  " + paint("1", f.subject) + (f.event.empty() ? "" : "  (" + f.event + ")") + "  " + Percent(f.confidence) + "\n";
      for (const ClaimValue& c : f.claims) {
        section += "    " + paint(colors[k], c.value) + "  " + Sources(r, c.articles) + "\n";
        if (kind != FindingKind::kCorroboration && !c.evidence.empty() && !c.evidence.front().text.empty())
          section += "      \"" + c.evidence.front().text.substr(0, 160) + (c.evidence.front().text.size() > 160 ? "…" : "") + "\"\n";
      }
    }
    if (n) out += "\n" + paint(colors[k], std::string(KindTitle(kind)) + " (" + std::to_string(n) + ")") + "\n" + section;
    ++k;
  }
  out += "\n" + paint("1", "Sources, least reliable first") + "\n";
  for (const SourceReliability& s : r.reconciliation->sources) {
    char line[512];
    std::snprintf(line, sizeof line, "  %5s  %-28s %-24s %d claims, %d agreed, %d contradicted\n", Percent(s.reliability).c_str(),
                  s.article.substr(0, 28).c_str(), s.outlet.substr(0, 24).c_str(), s.claims, s.agreed, s.contradicted);
    out += line;
  }
  return out;
}

std::string ReportToHtml(const Report& r) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>crosscheck dossier</title>\n<style>"
      "body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}"
      "h2{border-bottom:1px solid #ccc}.contradiction{border-left:4px solid #c0392b}.inconsistency{border-left:4px solid #d68910}"
      ".corroboration{border-left:4px solid #1e8449}.single_source{border-left:4px solid #2874a6}"
      ".finding{padding:.3rem .8rem;margin:.8rem 0;background:#fafafa}blockquote{margin:.2rem 0 .2rem 1rem;color:#555}"
      "table{border-collapse:collapse}td,th{padding:.2rem .6rem;border-bottom:1px solid #ddd;text-align:left}</style></head><body>\n";
  out += "<h1>crosscheck dossier</h1>\n<p>" + std::to_string(r.articles->size()) + " reports, " +
         std::to_string(r.grouping->stories.size()) + " stories.</p>\n";
  for (FindingKind kind : {FindingKind::kContradiction, FindingKind::kInconsistency, FindingKind::kCorroboration,
                           FindingKind::kSingleSource}) {
    std::string section;
    for (const Finding& f : r.reconciliation->findings) {
      if (f.kind != kind) continue;
      section += "<div class=\"finding " + std::string(FindingKindName(kind)) + "\"><h3>" + HtmlEscape(f.subject) + "</h3><p>" +
                 HtmlEscape(f.detail) + " <small>(confidence " + Percent(f.confidence) + ")</small></p><ul>";
      for (const ClaimValue& c : f.claims) {
        section += "<li><b>" + HtmlEscape(c.value) + "</b> — " + HtmlEscape(Sources(r, c.articles));
        for (const Evidence& e : c.evidence)
          if (!e.text.empty()) section += "<blockquote>" + HtmlEscape(e.text) + " <small>(" + HtmlEscape(e.article) + ")</small></blockquote>";
        section += "</li>";
      }
      section += "</ul></div>\n";
    }
    if (!section.empty()) out += "<h2>" + std::string(KindTitle(kind)) + "</h2>\n" + section;
  }
  out += "<h2>Sources</h2><table><tr><th>report</th><th>outlet</th><th>reliability</th><th>claims</th><th>agreed</th></tr>";
  for (const SourceReliability& s : r.reconciliation->sources)
    out += "<tr><td>" + HtmlEscape(s.article) + "</td><td>" + HtmlEscape(s.outlet) + "</td><td>" + Percent(s.reliability) +
           "</td><td>" + std::to_string(s.claims) + "</td><td>" + std::to_string(s.agreed) + "</td></tr>";
  out += "</table></body></html>\n";
  return out;
}

}  // namespace crosscheck
