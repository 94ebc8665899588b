#include "store/story_memory.h"

#include <nlohmann/json.hpp>

namespace crosscheck {
namespace {

using nlohmann::json;

json ClaimToJson(const ClaimValue& c) {
  json evidence = json::array();
  for (const Evidence& e : c.evidence) evidence.push_back({e.article, e.text});
  return {{"v", c.value}, {"a", c.articles}, {"e", evidence}};
}

ClaimValue ClaimFromJson(const json& j) {
  ClaimValue c;
  c.value = j.at("v").get<std::string>();
  c.articles = j.at("a").get<std::vector<std::string>>();
  for (const json& e : j.at("e")) c.evidence.push_back({e.at(0).get<std::string>(), e.at(1).get<std::string>()});
  return c;
}

}  // namespace

std::string StoryOutcomeToJson(const StoryOutcome& o) {
  json findings = json::array();
  for (const Finding& f : o.findings) {
    json claims = json::array();
    for (const ClaimValue& c : f.claims) claims.push_back(ClaimToJson(c));
    findings.push_back({{"k", static_cast<int>(f.kind)}, {"ev", f.event}, {"s", f.subject}, {"d", f.detail},
                        {"c", f.confidence}, {"cl", claims}});
  }
  json truth = json::array();
  for (const StoryOutcome::TruthRow& r : o.truth) truth.push_back({r.article, r.item, r.value});
  return json{{"f", findings}, {"t", truth}, {"i", o.inconsistent}}.dump(-1, ' ', false, json::error_handler_t::replace);
}

Result<StoryOutcome> StoryOutcomeFromJson(const std::string& text) {
  json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) return Status::Error("story outcome is not valid JSON");
  try {
    StoryOutcome o;
    for (const json& f : j.at("f")) {
      Finding finding;
      int kind = f.at("k").get<int>();
      if (kind < 0 || kind > static_cast<int>(FindingKind::kInconsistency)) return Status::Error("unknown finding kind");
      finding.kind = static_cast<FindingKind>(kind);
      finding.event = f.at("ev").get<std::string>();
      finding.subject = f.at("s").get<std::string>();
      finding.detail = f.at("d").get<std::string>();
      finding.confidence = f.at("c").get<double>();
      for (const json& c : f.at("cl")) finding.claims.push_back(ClaimFromJson(c));
      o.findings.push_back(std::move(finding));
    }
    for (const json& r : j.at("t"))
      o.truth.push_back({r.at(0).get<std::string>(), r.at(1).get<std::string>(), r.at(2).get<std::string>()});
    o.inconsistent = j.at("i").get<std::vector<std::string>>();
    return o;
  } catch (const json::exception& e) {  // a wrong shape from an older or damaged store
    return Status::Error(std::string("story outcome: ").append(e.what()));
  }
}

StoredStoryMemory::StoredStoryMemory(Store* store) : store_(store) { status_ = store_->LoadOutcomes(&kept_); }

bool StoredStoryMemory::Recall(uint64_t key, StoryOutcome* outcome) {
  auto it = kept_.find(key);
  if (it == kept_.end()) return false;
  Result<StoryOutcome> o = StoryOutcomeFromJson(it->second);
  if (!o.ok()) return false;  // reconciled afresh, and the fresh outcome replaces it
  *outcome = std::move(o).value();
  used_.push_back(key);
  return true;
}

void StoredStoryMemory::Remember(uint64_t key, const StoryOutcome& outcome) {
  fresh_.emplace_back(key, StoryOutcomeToJson(outcome));
  used_.push_back(key);
}

Status StoredStoryMemory::Save() { return store_->KeepOutcomes(fresh_, used_); }

}  // namespace crosscheck
