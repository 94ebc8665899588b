// timex_eval: scores the time-expression tagger (analyze/timex.h) on TimeML .tml files the
// way TempEval-3 Task A does.
//
// Usage: timex_eval [--errors] [--time] DIR_OR_FILE...
//
// Each .tml file gives the document creation time (<DCT><TIMEX3 functionInDocument=
// "CREATION_TIME" value=...>) and the text inside <TEXT>...</TEXT>. All tags are removed and
// the entities &amp; &lt; &gt; &quot; &apos; unescaped; the gold TIMEX3 spans become byte
// offsets of that plain text, which FindTimeExpressions(text, dct) then tags.
//
// Scoring (TempEval-3, see ../shared/timex/README.md):
//   relaxed match  a gold and a system timex overlap; each is used at most once
//   strict match   a relaxed match whose two spans are identical
//   P = matches / system, R = matches / gold, F1 = 2PR / (P + R), for both
//   type and value accuracy over the relaxed matches (exact string equality)
//   value F1 = value accuracy x relaxed F1 (type F1 likewise)
// --errors prints every missed, spurious and wrong-value expression with its context;
// --time prints the tagger's time per document.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "analyze/timex.h"
#include "core/civil_time.h"

namespace {

using crosscheck::TimeExpression;
using crosscheck::TimeType;

struct Gold {
  size_t begin = 0, end = 0;
  std::string type, value;
};

struct Document {
  std::string name, text;
  std::optional<crosscheck::CivilTime> dct;
  std::vector<Gold> gold;
};

std::string Attribute(const std::string& tag, const std::string& name) {
  std::string key = " " + name + "=\"";
  size_t at = tag.find(key);
  if (at == std::string::npos) return "";
  at += key.size();
  size_t end = tag.find('"', at);
  return end == std::string::npos ? "" : tag.substr(at, end - at);
}

// Appends raw TimeML character data to `out`, resolving the five XML entities.
void AppendUnescaped(std::string_view raw, std::string* out) {
  static const std::pair<std::string_view, char> kEntities[] = {
      {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
  for (size_t i = 0; i < raw.size();) {
    bool done = false;
    if (raw[i] == '&') {
      for (const auto& [name, c] : kEntities) {
        if (raw.substr(i, name.size()) == name) {
          out->push_back(c);
          i += name.size();
          done = true;
          break;
        }
      }
    }
    if (!done) out->push_back(raw[i++]);
  }
}

std::optional<crosscheck::CivilTime> ParseDct(const std::string& value) {
  crosscheck::CivilTime t;
  if (std::sscanf(value.c_str(), "%4d-%2d-%2d", &t.year, &t.month, &t.day) != 3) {
    if (std::sscanf(value.c_str(), "%4d%2d%2d", &t.year, &t.month, &t.day) != 3) return std::nullopt;
  }
  return t;
}

std::optional<Document> LoadTml(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string xml = buffer.str();
  Document doc;
  doc.name = path.filename().string();
  size_t dct = xml.find("<DCT>");
  if (dct != std::string::npos) {
    size_t tag_end = xml.find('>', dct + 5);
    std::string tag = xml.substr(dct + 5, tag_end - dct - 5);
    if (Attribute(tag, "functionInDocument") == "CREATION_TIME" || tag.find("TIMEX3") != std::string::npos)
      doc.dct = ParseDct(Attribute(tag, "value"));
  }
  size_t begin = xml.find("<TEXT>"), end = xml.find("</TEXT>");
  if (begin == std::string::npos || end == std::string::npos) return std::nullopt;
  begin += 6;
  std::optional<Gold> open;  // TIMEX3 tags do not nest
  for (size_t i = begin; i < end;) {
    if (xml[i] != '<') {
      size_t next = std::min(xml.find('<', i), end);
      AppendUnescaped(std::string_view(xml).substr(i, next - i), &doc.text);
      i = next;
      continue;
    }
    size_t close = xml.find('>', i);
    std::string tag = xml.substr(i, close - i + 1);
    if (tag.starts_with("<TIMEX3")) {
      open = Gold{doc.text.size(), 0, Attribute(tag, "type"), Attribute(tag, "value")};
    } else if (tag.starts_with("</TIMEX3") && open) {
      open->end = doc.text.size();
      doc.gold.push_back(*open);
      open.reset();
    }
    i = close + 1;
  }
  return doc;
}

const char* TypeName(TimeType t) {
  switch (t) {
    case TimeType::kDate: return "DATE";
    case TimeType::kTime: return "TIME";
    case TimeType::kDuration: return "DURATION";
    case TimeType::kSet: return "SET";
  }
  return "?";
}

std::string Context(const std::string& text, size_t b, size_t e) {
  size_t from = b > 50 ? b - 50 : 0, to = std::min(text.size(), e + 50);
  std::string out = text.substr(from, b - from) + "[" + text.substr(b, e - b) + "]" + text.substr(e, to - e);
  std::replace(out.begin(), out.end(), '\n', ' ');
  return out;
}

struct Counts {
  long gold = 0, system = 0, relaxed = 0, strict = 0, type_ok = 0, value_ok = 0;
};

void Score(const Document& doc, const std::vector<TimeExpression>& sys, bool errors, Counts* c) {
  c->gold += doc.gold.size();
  c->system += sys.size();
  std::vector<bool> used(sys.size(), false);
  for (const Gold& g : doc.gold) {
    int match = -1;
    for (size_t s = 0; s < sys.size() && match < 0; ++s)
      if (!used[s] && sys[s].span.begin < g.end && g.begin < sys[s].span.end) match = static_cast<int>(s);
    if (match < 0) {
      if (errors) std::printf("MISS  %s %s %s | %s\n", doc.name.c_str(), g.type.c_str(), g.value.c_str(),
                              Context(doc.text, g.begin, g.end).c_str());
      continue;
    }
    used[match] = true;
    const TimeExpression& t = sys[match];
    ++c->relaxed;
    if (t.span.begin == g.begin && t.span.end == g.end) ++c->strict;
    if (TypeName(t.type) == g.type) ++c->type_ok;
    if (t.value == g.value) {
      ++c->value_ok;
    } else if (errors) {
      std::printf("VALUE %s gold %s %s sys %s %s [%s] | %s\n", doc.name.c_str(), g.type.c_str(), g.value.c_str(),
                  TypeName(t.type), t.value.c_str(), doc.text.substr(t.span.begin, t.span.end - t.span.begin).c_str(),
                  Context(doc.text, g.begin, g.end).c_str());
    }
    if (errors && (t.span.begin != g.begin || t.span.end != g.end))
      std::printf("SPAN  %s gold [%s] sys [%s]\n", doc.name.c_str(), doc.text.substr(g.begin, g.end - g.begin).c_str(),
                  doc.text.substr(t.span.begin, t.span.end - t.span.begin).c_str());
  }
  for (size_t s = 0; s < sys.size(); ++s)
    if (!used[s] && errors)
      std::printf("EXTRA %s %s %s | %s\n", doc.name.c_str(), TypeName(sys[s].type), sys[s].value.c_str(),
                  Context(doc.text, sys[s].span.begin, sys[s].span.end).c_str());
}

double Pct(double a, double b) { return b > 0 ? 100.0 * a / b : 0.0; }
double F1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0.0; }

}  // namespace

int main(int argc, char** argv) {
  bool errors = false, timing = false;
  std::vector<std::filesystem::path> files;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--errors") { errors = true; continue; }
    if (arg == "--time") { timing = true; continue; }
    std::filesystem::path p(arg);
    if (std::filesystem::is_directory(p)) {
      for (const auto& e : std::filesystem::recursive_directory_iterator(p))
        if (e.path().extension() == ".tml") files.push_back(e.path());
    } else {
      files.push_back(p);
    }
  }
  if (files.empty()) {
    std::fprintf(stderr, "usage: timex_eval [--errors] [--time] DIR_OR_FILE...\n");
    return 2;
  }
  std::sort(files.begin(), files.end());
  crosscheck::FindTimeExpressions("warm-up: the lexicon loads on first use", std::nullopt);
  Counts c;
  double seconds = 0;
  size_t bytes = 0;
  for (const auto& f : files) {
    std::optional<Document> doc = LoadTml(f);
    if (!doc) {
      std::fprintf(stderr, "cannot read %s\n", f.string().c_str());
      return 2;
    }
    auto start = std::chrono::steady_clock::now();
    std::vector<TimeExpression> sys = crosscheck::FindTimeExpressions(doc->text, doc->dct);
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    bytes += doc->text.size();
    Score(*doc, sys, errors, &c);
  }
  double p = Pct(c.relaxed, c.system), r = Pct(c.relaxed, c.gold);
  double sp = Pct(c.strict, c.system), sr = Pct(c.strict, c.gold);
  double rf = F1(p, r), type_acc = Pct(c.type_ok, c.relaxed), value_acc = Pct(c.value_ok, c.relaxed);
  std::printf("documents %zu  gold %ld  system %ld\n", files.size(), c.gold, c.system);
  std::printf("relaxed  P %.2f  R %.2f  F1 %.2f\n", p, r, rf);
  std::printf("strict   P %.2f  R %.2f  F1 %.2f\n", sp, sr, F1(sp, sr));
  std::printf("type accuracy %.2f  value accuracy %.2f\n", type_acc, value_acc);
  std::printf("type F1 %.2f  value F1 %.2f\n", type_acc * rf / 100, value_acc * rf / 100);
  if (timing)
    std::printf("tagger time %.3f ms total, %.1f us per 1000 bytes\n", seconds * 1e3,
                bytes ? seconds * 1e6 * 1000 / bytes : 0.0);
  return 0;
}
