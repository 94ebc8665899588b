#include "store/facts_codec.h"

#include <cmath>
#include <string>

namespace crosscheck {
namespace {

using nlohmann::json;

constexpr int kVersion = 1;

json SpanJ(Span s) { return json::array({s.begin, s.end}); }
Span SpanOf(const json& j) { return {j.at(0).get<uint32_t>(), j.at(1).get<uint32_t>()}; }

// JSON numbers cannot be infinite or NaN; those travel as strings so nothing is lost.
json Number(double v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  return v;
}
double NumberOf(const json& j) {
  if (!j.is_string()) return j.get<double>();
  const std::string& s = j.get_ref<const std::string&>();
  if (s == "inf") return INFINITY;
  if (s == "-inf") return -INFINITY;
  if (s == "nan") return NAN;
  throw json::type_error::create(302, "bad number \"" + s + "\"", &j);
}

// Enums are stored as their numeric value; the range is checked on the way back.
template <class E>
E EnumOf(const json& j, E last) {
  int v = j.get<int>();
  if (v < 0 || v > static_cast<int>(last)) throw json::out_of_range::create(401, "enum out of range", &j);
  return static_cast<E>(v);
}

json EntityJ(const Entity& e) { return {{"c", e.canonical}, {"k", static_cast<int>(e.kind)}, {"a", e.aliases}}; }
Entity EntityOf(const json& j) {
  return {j.at("c").get<std::string>(), EnumOf(j.at("k"), EntityKind::kOther), j.at("a").get<std::vector<std::string>>()};
}

json MentionJ(const EntityMention& m) { return {{"s", SpanJ(m.span)}, {"n", m.sentence}, {"e", m.entity}, {"p", m.by_proxy}}; }
EntityMention MentionOf(const json& j) {
  return {SpanOf(j.at("s")), j.at("n").get<int>(), j.at("e").get<int>(), j.at("p").get<bool>()};
}

json TimeJ(const TimeExpression& t) {
  return {{"s", SpanJ(t.span)}, {"n", t.sentence}, {"t", static_cast<int>(t.type)}, {"v", t.value},
          {"m", t.mod},         {"a", t.anchor},   {"c", Number(t.confidence)},      {"w", t.weekday}};
}
TimeExpression TimeOf(const json& j) {
  TimeExpression t;
  t.span = SpanOf(j.at("s"));
  t.sentence = j.at("n").get<int>();
  t.type = EnumOf(j.at("t"), TimeType::kSet);
  t.value = j.at("v").get<std::string>();
  t.mod = j.at("m").get<std::string>();
  t.anchor = j.at("a").get<std::string>();
  t.confidence = static_cast<float>(NumberOf(j.at("c")));  // stored from a float: exact
  t.weekday = j.at("w").get<int>();
  return t;
}

json QuantityJ(const Quantity& q) {
  return {{"s", SpanJ(q.span)},  {"n", q.sentence},     {"v", Number(q.value)}, {"l", Number(q.low)},
          {"h", Number(q.high)}, {"p", q.percent},      {"q", q.qualifier},     {"c", q.counted},
          {"d", q.head}};
}
Quantity QuantityOf(const json& j) {
  Quantity q;
  q.span = SpanOf(j.at("s"));
  q.sentence = j.at("n").get<int>();
  q.value = NumberOf(j.at("v"));
  q.low = NumberOf(j.at("l"));
  q.high = NumberOf(j.at("h"));
  q.percent = j.at("p").get<bool>();
  q.qualifier = j.at("q").get<std::string>();
  q.counted = j.at("c").get<std::string>();
  q.head = j.at("d").get<std::string>();
  return q;
}

json RoleJ(const Role& r) {
  return {{"s", SpanJ(r.span)}, {"n", r.sentence}, {"p", r.person},  {"o", r.office},
          {"f", r.of},          {"x", r.former},   {"i", r.implied}};
}
Role RoleOf(const json& j) {
  Role r;
  r.span = SpanOf(j.at("s"));
  r.sentence = j.at("n").get<int>();
  r.person = j.at("p").get<int>();
  r.office = j.at("o").get<std::string>();
  r.of = j.at("f").get<std::string>();
  r.former = j.at("x").get<bool>();
  r.implied = j.at("i").get<bool>();
  return r;
}

json QuoteJ(const Quote& q) {
  return {{"s", SpanJ(q.span)}, {"n", q.sentence}, {"p", q.speaker}, {"ps", SpanJ(q.speaker_span)}, {"d", q.direct}};
}
Quote QuoteOf(const json& j) {
  return {SpanOf(j.at("s")), j.at("n").get<int>(), j.at("p").get<int>(), SpanOf(j.at("ps")), j.at("d").get<bool>()};
}

json EventJ(const EventMention& e) {
  return {{"s", SpanJ(e.span)}, {"n", e.sentence},       {"k", e.kind},         {"r", e.round},
          {"t", e.times},       {"v", e.venue},          {"pl", e.places},      {"pa", e.participants},
          {"q", e.quantities},  {"o", e.outcome}};
}
EventMention EventOf(const json& j) {
  EventMention e;
  e.span = SpanOf(j.at("s"));
  e.sentence = j.at("n").get<int>();
  e.kind = j.at("k").get<std::string>();
  e.round = j.at("r").get<int>();
  e.times = j.at("t").get<std::vector<int>>();
  e.venue = j.at("v").get<std::string>();
  e.places = j.at("pl").get<std::vector<int>>();
  e.participants = j.at("pa").get<std::vector<int>>();
  e.quantities = j.at("q").get<std::vector<int>>();
  e.outcome = j.at("o").get<std::string>();
  return e;
}

template <class T, class F>
json ArrayOf(const std::vector<T>& items, F encode) {
  json a = json::array();
  for (const T& item : items) a.push_back(encode(item));
  return a;
}

template <class F>
auto VectorOf(const json& a, F decode) {
  std::vector<decltype(decode(a))> out;
  if (!a.is_array()) throw json::type_error::create(302, "expected an array", &a);
  out.reserve(a.size());
  for (const json& item : a) out.push_back(decode(item));
  return out;
}

}  // namespace

json ArticleFactsToJson(const ArticleFacts& f) {
  return {{"v", kVersion},
          {"sentences", ArrayOf(f.sentences, SpanJ)},
          {"entities", ArrayOf(f.entities.entities, EntityJ)},
          {"mentions", ArrayOf(f.entities.mentions, MentionJ)},
          {"times", ArrayOf(f.times, TimeJ)},
          {"quantities", ArrayOf(f.quantities, QuantityJ)},
          {"roles", ArrayOf(f.roles, RoleJ)},
          {"quotes", ArrayOf(f.quotes, QuoteJ)},
          {"events", ArrayOf(f.events, EventJ)}};
}

Result<ArticleFacts> ArticleFactsFromJson(const json& j) {
  try {
    if (!j.is_object() || j.value("v", 0) != kVersion) return Status::Error("stored facts: unknown format version");
    ArticleFacts f;
    f.sentences = VectorOf(j.at("sentences"), SpanOf);
    f.entities.entities = VectorOf(j.at("entities"), EntityOf);
    f.entities.mentions = VectorOf(j.at("mentions"), MentionOf);
    f.times = VectorOf(j.at("times"), TimeOf);
    f.quantities = VectorOf(j.at("quantities"), QuantityOf);
    f.roles = VectorOf(j.at("roles"), RoleOf);
    f.quotes = VectorOf(j.at("quotes"), QuoteOf);
    f.events = VectorOf(j.at("events"), EventOf);
    return f;
  } catch (const json::exception& e) {
    // Only a damaged or foreign value gets here; the reason stays on one line.
    return Status::Error(std::string("stored facts: ").append(e.what()));
  }
}

}  // namespace crosscheck
