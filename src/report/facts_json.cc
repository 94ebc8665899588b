#include "report/facts_json.h"

#include <cmath>

namespace crosscheck {
namespace {

using nlohmann::json;

json Where(const std::string& text, Span span, int sentence, const std::vector<Span>& sentences) {
  json j = {{"start", span.begin}, {"end", span.end}, {"text", text.substr(span.begin, span.end - span.begin)},
            {"sentence", sentence}};
  if (sentence >= 0 && static_cast<size_t>(sentence) < sentences.size()) {
    Span s = sentences[sentence];
    j["sentence_text"] = text.substr(s.begin, s.end - s.begin);
  }
  return j;
}

json Bound(double v) { return std::isinf(v) ? json(nullptr) : json(v); }

}  // namespace

const char* EntityKindName(EntityKind kind) {
  switch (kind) {
    case EntityKind::kPerson: return "person";
    case EntityKind::kOrganisation: return "organisation";
    case EntityKind::kPlace: return "place";
    case EntityKind::kCountry: return "country";
    case EntityKind::kOther: return "other";
  }
  return "other";
}

const char* TimeTypeName(TimeType type) {
  switch (type) {
    case TimeType::kDate: return "DATE";
    case TimeType::kTime: return "TIME";
    case TimeType::kDuration: return "DURATION";
    case TimeType::kSet: return "SET";
  }
  return "DATE";
}

json FactsToJson(const Article& a, const ArticleFacts& f) {
  const std::string& text = a.text;
  json entities = json::array();
  for (size_t i = 0; i < f.entities.entities.size(); ++i) {
    const Entity& e = f.entities.entities[i];
    entities.push_back({{"index", i}, {"canonical", e.canonical}, {"kind", EntityKindName(e.kind)},
                        {"key", EntityKey(e.canonical, e.kind)}, {"aliases", e.aliases}});
  }
  json facts = json::array();
  for (const EntityMention& m : f.entities.mentions) {
    json j = Where(text, m.span, m.sentence, f.sentences);
    j["type"] = "entity";
    j["entity"] = m.entity;
    if (m.by_proxy) j["by_proxy"] = true;
    facts.push_back(std::move(j));
  }
  for (const TimeExpression& t : f.times) {
    json j = Where(text, t.span, t.sentence, f.sentences);
    j.update({{"type", "time"}, {"timex_type", TimeTypeName(t.type)}, {"value", t.value}, {"mod", t.mod},
              {"anchor", t.anchor}, {"confidence", t.confidence}});
    if (t.weekday) j["weekday"] = t.weekday;
    facts.push_back(std::move(j));
  }
  for (const Quantity& q : f.quantities) {
    json j = Where(text, q.span, q.sentence, f.sentences);
    j.update({{"type", "quantity"}, {"value", q.value}, {"low", Bound(q.low)}, {"high", Bound(q.high)},
              {"percent", q.percent}, {"qualifier", q.qualifier}, {"counted", q.counted}, {"head", q.head}});
    facts.push_back(std::move(j));
  }
  for (const Role& r : f.roles) {
    json j = Where(text, r.span, r.sentence, f.sentences);
    j.update({{"type", "role"}, {"person", r.person}, {"office", r.office}, {"of", r.of}, {"former", r.former},
              {"implied", r.implied}});
    if (r.person >= 0) j["person_name"] = f.entities.entities[r.person].canonical;
    facts.push_back(std::move(j));
  }
  for (const Quote& q : f.quotes) {
    json j = Where(text, q.span, q.sentence, f.sentences);
    j.update({{"type", "quote"}, {"direct", q.direct}, {"speaker", q.speaker}});
    if (q.speaker >= 0) j["speaker_name"] = f.entities.entities[q.speaker].canonical;
    facts.push_back(std::move(j));
  }
  for (const EventMention& e : f.events) {
    json j = Where(text, e.span, e.sentence, f.sentences);
    j.update({{"type", "event"}, {"kind", e.kind}, {"round", e.round}, {"times", e.times}, {"venue", e.venue},
              {"places", e.places}, {"participants", e.participants}, {"quantities", e.quantities},
              {"outcome", e.outcome}});
    facts.push_back(std::move(j));
  }
  json sentences = json::array();
  for (Span s : f.sentences) sentences.push_back({s.begin, s.end});
  return {{"id", a.id}, {"source", a.source}, {"outlet", a.outlet}, {"title", a.title}, {"published", a.published},
          {"text", a.text}, {"sentences", sentences}, {"entities", entities}, {"facts", facts}};
}

}  // namespace crosscheck
