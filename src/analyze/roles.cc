// Roles: who holds which office, for whom, current or former.
//
// Approach: entity finding has already marked people, countries (also by demonym or capital)
// and organisations; this pass works on the same tokens around each person mention with the
// office grammar of entities.cc (MatchOffice: "Deputy Foreign Minister", "minister of
// defence", "delegation head"). Patterns, all a few token comparisons each:
//   before the name: [former] [Country's | demonym | org] [former] OFFICE NAME
//   apposition:      NAME, [the|a] [former] [Country's|demonym] OFFICE [of|for|to [the] X]
//   passive:         "led by | headed by | represented by NAME" (head of the sentence's delegation)
//   active:          NAME [, who] leads|led|heads|headed the <demonym> | <Country>'s delegation
//   implied:         "the <Surname> administration | government" (head of government)
// A delegation's country comes from the demonym or country right before "delegation".
#include "analyze/roles.h"

#include <algorithm>

#include "core/text.h"

namespace crosscheck {
namespace {

bool IsFormerWord(const std::string& w) {
  return w == "former" || w == "ex-" || w == "then-" || w == "then" || w == "late" || w == "onetime" ||
         w == "one-time" || w == "erstwhile" || w == "ousted" || w == "previous";
}

bool IsDeterminer(const std::string& w) {
  return w == "the" || w == "a" || w == "an" || w == "its" || w == "their" || w == "his" || w == "her";
}

bool IsLeadVerb(const std::string& w) {
  return w == "leads" || w == "led" || w == "lead" || w == "leading" || w == "heads" || w == "headed" || w == "head" ||
         w == "heading" || w == "chairs" || w == "chaired";
}

class RoleFinder {
 public:
  RoleFinder(std::string_view text, const std::vector<Span>& sentences, const EntityResult& entities)
      : sentences_(sentences), entities_(entities), tokens_(CachedEntityTokens(text)), mention_at_(tokens_.size(), -1) {
    for (size_t m = 0; m < entities.mentions.size(); ++m) {
      const Span& s = entities.mentions[m].span;
      size_t tb = FirstTokenAt(s.begin), te = FirstTokenAt(s.end);
      ranges_.push_back({tb, te});
      for (size_t t = tb; t < te; ++t) mention_at_[t] = static_cast<int>(m);
    }
  }

  std::vector<Role> Run();

 private:
  struct Range {
    size_t tb, te;
  };
  size_t FirstTokenAt(uint32_t offset) const {
    auto it = std::lower_bound(tokens_.begin(), tokens_.end(), offset,
                               [](const EntityToken& t, uint32_t o) { return t.span.begin < o; });
    return static_cast<size_t>(it - tokens_.begin());
  }
  const Entity* EntityOfMention(int m) const {
    return m < 0 ? nullptr : &entities_.entities[entities_.mentions[m].entity];
  }
  // A country or organisation mention ending right before token `end` (also "X 's"): its
  // canonical name and first token; false when there is none.
  bool OwnerEndingAt(size_t end, std::string* of, size_t* start) const;
  // "the Ukrainian delegation", "Ukraine's delegation" starting at token k: its country.
  bool DelegationAt(size_t k, std::string* of, size_t* end) const;
  bool DelegationInSentence(size_t before, std::string* of) const;
  void TitleBefore(int m);
  void Apposition(int m);
  void LedBy(int m);
  void LeadsDelegation(int m);
  void Implied();
  void Add(size_t tb, size_t te, int m, std::string office, std::string of, bool former, bool implied);

  const std::vector<Span>& sentences_;
  const EntityResult& entities_;
  const std::vector<EntityToken>& tokens_;
  std::vector<int> mention_at_;  // token -> mention index, -1 outside mentions
  std::vector<Range> ranges_;    // mention -> tokens
  std::vector<Role> roles_;
};

bool RoleFinder::OwnerEndingAt(size_t end, std::string* of, size_t* start) const {
  if (end == 0) return false;
  size_t k = end;
  if (tokens_[k - 1].fold == "'s") --k;
  if (k == 0) return false;
  int m = mention_at_[k - 1];
  const Entity* e = EntityOfMention(m);
  if (e == nullptr || e->kind == EntityKind::kPerson || e->kind == EntityKind::kOther) return false;
  *of = e->canonical;
  *start = ranges_[m].tb;
  return true;
}

bool RoleFinder::DelegationAt(size_t k, std::string* of, size_t* end) const {
  while (k < tokens_.size() && IsDeterminer(tokens_[k].fold)) ++k;
  int m = k < tokens_.size() ? mention_at_[k] : -1;
  const Entity* e = EntityOfMention(m);
  if (e == nullptr || (e->kind != EntityKind::kCountry && e->kind != EntityKind::kOrganisation)) return false;
  size_t j = ranges_[m].te;
  if (j < tokens_.size() && tokens_[j].fold == "'s") ++j;
  if (j >= tokens_.size() || tokens_[j].fold != "delegation") return false;
  *of = e->canonical;
  *end = j + 1;
  return true;
}

// The country of the delegation the sentence speaks of before token `before`.
bool RoleFinder::DelegationInSentence(size_t before, std::string* of) const {
  uint32_t sentence_begin = 0;
  for (const Span& s : sentences_)
    if (s.begin <= tokens_[before].span.begin) sentence_begin = s.begin;
  for (size_t k = before; k-- > 0 && tokens_[k].span.begin >= sentence_begin;) {
    if (tokens_[k].fold != "delegation") continue;
    std::string owner;
    size_t start;
    if (OwnerEndingAt(k, &owner, &start)) *of = owner;
    return true;
  }
  return false;
}

void RoleFinder::Add(size_t tb, size_t te, int m, std::string office, std::string of, bool former, bool implied) {
  if (office.empty()) return;
  Role r;
  r.span = {tokens_[tb].span.begin, tokens_[te - 1].span.end};
  r.sentence = entities_.mentions[m].sentence;
  r.person = entities_.mentions[m].entity;
  r.office = std::move(office);
  r.of = std::move(of);
  r.former = former;
  r.implied = implied;
  roles_.push_back(std::move(r));
}

// [former] [Country's | demonym | org] [former] OFFICE NAME
// Also the reversed apposition: "the Kremlin's spokesman, NAME", "Norway's envoy, NAME".
void RoleFinder::TitleBefore(int m) {
  size_t tb = ranges_[m].tb;
  size_t end = tb;
  bool reversed = tb > 0 && tokens_[tb - 1].fold == ",";
  if (reversed) --end;
  std::string office, candidate;
  size_t start = end;
  for (size_t back = 1; back <= 6 && back <= end; ++back) {
    if (MatchOffice(tokens_, end - back, &candidate) == end) {
      office = candidate;
      start = end - back;
    }
  }
  if (office.empty()) return;
  if (reversed) {
    // Only with an owner or article before the office: "ministers, X and Y" lists no role.
    std::string owner;
    size_t owner_start;
    bool owned = OwnerEndingAt(start, &owner, &owner_start) ||
                 (start > 0 && (IsDeterminer(tokens_[start - 1].fold) || IsFormerWord(tokens_[start - 1].fold)));
    if (!owned) return;
  }
  bool former = false;
  std::string of;
  auto former_at = [&](size_t k) { return k > 0 && IsFormerWord(tokens_[k - 1].fold); };
  if (former_at(start)) {
    former = true;
    --start;
  }
  size_t owner_start;
  if (OwnerEndingAt(start, &of, &owner_start)) start = owner_start;
  if (former_at(start)) {
    former = true;
    --start;
  }
  // "former House speaker": one capitalised body name between "former" and the office.
  if (!former && start >= 2 && tokens_[start - 1].cap && tokens_[start - 1].word &&
      IsFormerWord(tokens_[start - 2].fold)) {
    former = true;
    start -= 2;
  }
  Add(start, ranges_[m].te, m, office, of, former, false);
}

// NAME, [age,] [the|a] [former] [Country's|demonym|org] [former] OFFICE [of|for|to [the] X]
void RoleFinder::Apposition(int m) {
  size_t k = ranges_[m].te;
  if (k >= tokens_.size() || tokens_[k].fold != ",") return;
  ++k;
  if (k + 1 < tokens_.size() && tokens_[k].digit && tokens_[k + 1].fold == ",") k += 2;  // "X, 54,"
  bool former = false;
  std::string of;
  while (k < tokens_.size() &&
         (IsDeterminer(tokens_[k].fold) || IsFormerWord(tokens_[k].fold) || tokens_[k].fold == "close" ||
          tokens_[k].fold == "longtime" || tokens_[k].fold == "long-time" || tokens_[k].fold == "senior")) {
    former |= IsFormerWord(tokens_[k].fold);
    ++k;
  }
  int owner = k < tokens_.size() ? mention_at_[k] : -1;
  const Entity* oe = EntityOfMention(owner);
  if (oe && oe->kind != EntityKind::kPerson && oe->kind != EntityKind::kOther) {
    of = oe->canonical;
    k = ranges_[owner].te;
    if (k < tokens_.size() && tokens_[k].fold == "'s") ++k;
    while (k < tokens_.size() && IsFormerWord(tokens_[k].fold)) {
      former = true;
      ++k;
    }
  }
  std::string office;
  size_t end = MatchOffice(tokens_, k, &office);
  if (end == k) return;
  if (end < tokens_.size() && tokens_[end].fold == "delegation") {  // "the Russian delegation head"
    if (end + 1 < tokens_.size()) {
      std::string tail;
      size_t e2 = MatchOffice(tokens_, end + 1, &tail);
      if (e2 > end + 1) {
        office = "head of delegation";
        end = e2;
      }
    }
  }
  if (end < tokens_.size()) {
    const std::string& prep = tokens_[end].fold;
    std::string owner_name;
    size_t after;
    if (prep == "of" && DelegationAt(end + 1, &owner_name, &after)) {
      office = "head of delegation";
      of = owner_name;
      end = after;
    } else if (prep == "of" || prep == "for" || prep == "to" || prep == "at") {
      size_t j = end + 1;
      while (j < tokens_.size() && IsDeterminer(tokens_[j].fold)) ++j;
      std::string title;
      j = MatchOffice(tokens_, j, &title);  // "aide to President Y": skip Y's title
      int target = j < tokens_.size() ? mention_at_[j] : -1;
      if (const Entity* te = EntityOfMention(target); te && te->kind != EntityKind::kOther) {
        of = te->canonical;
        end = ranges_[target].te;
        if (end < tokens_.size() && tokens_[end].fold == "'s") ++end;
      }
    }
  }
  Add(ranges_[m].tb, end, m, office, of, former, false);
}

// "led by | headed by | represented by [former] [TITLE] NAME"
void RoleFinder::LedBy(int m) {
  size_t b = ranges_[m].tb;
  // A title or "former" may stand between "by" and the name: "led by Defence Minister X".
  for (int i = 0; i < 5 && b > 0 && tokens_[b - 1].fold != "by" &&
                  (tokens_[b - 1].cap || IsFormerWord(tokens_[b - 1].fold));
       ++i)
    --b;
  if (b < 2 || tokens_[b - 1].fold != "by") return;
  const std::string& verb = tokens_[b - 2].fold;
  bool represented = verb == "represented";
  if (verb != "led" && verb != "headed" && verb != "chaired" && !represented) return;
  // The subject right before the verb names whom X leads: "Russia was represented by X".
  size_t k = b - 2;
  static const char* kAux[] = {"was", "were", "is", "are", "be", "being", "been", "has", "had", "will", "would"};
  while (k > 0 && std::find(std::begin(kAux), std::end(kAux), tokens_[k - 1].fold) != std::end(kAux)) --k;
  if (k > 0 && tokens_[k - 1].fold == ",") --k;
  std::string of;
  size_t start;
  bool delegation = false;
  std::string delegation_of;
  delegation = DelegationInSentence(b - 2, &delegation_of);
  if (OwnerEndingAt(k, &of, &start)) {
    Add(start, ranges_[m].te, m, (represented || delegation) ? "head of delegation" : "head", of, false, false);
    return;
  }
  if (delegation) Add(b - 2, ranges_[m].te, m, "head of delegation", delegation_of, false, false);
}

// NAME [, who] [will|would] leads|led|heads the <demonym> | <Country>'s delegation
void RoleFinder::LeadsDelegation(int m) {
  size_t k = ranges_[m].te;
  for (size_t skip = 0; skip < 3 && k < tokens_.size(); ++skip) {
    const std::string& w = tokens_[k].fold;
    if (w == "," || w == "who" || w == "will" || w == "would" || w == "is" || w == "was" || w == "to") ++k;
  }
  if (k >= tokens_.size() || !IsLeadVerb(tokens_[k].fold)) return;
  std::string of;
  size_t end;
  if (DelegationAt(k + 1, &of, &end)) Add(ranges_[m].tb, end, m, "head of delegation", of, false, false);
}

// "the Biden administration", "the Verhoeven government": the person heads that government.
void RoleFinder::Implied() {
  for (size_t k = 1; k < tokens_.size(); ++k) {
    const std::string& w = tokens_[k].fold;
    if (w != "administration" && w != "government" && w != "cabinet") continue;
    int m = mention_at_[k - 1];
    const Entity* e = EntityOfMention(m);
    if (e == nullptr || e->kind != EntityKind::kPerson || ranges_[m].te != k) continue;
    Add(ranges_[m].tb, k + 1, m, "head of government", KnownCountryOf(e->canonical), false, true);
  }
}

std::vector<Role> RoleFinder::Run() {
  for (size_t m = 0; m < entities_.mentions.size(); ++m) {
    const Entity* e = EntityOfMention(static_cast<int>(m));
    if (e->kind != EntityKind::kPerson || ranges_[m].tb >= ranges_[m].te) continue;
    int mi = static_cast<int>(m);
    TitleBefore(mi);
    Apposition(mi);
    LedBy(mi);
    LeadsDelegation(mi);
  }
  Implied();
  std::stable_sort(roles_.begin(), roles_.end(),
                   [](const Role& a, const Role& b) { return a.span.begin < b.span.begin; });
  return std::move(roles_);
}

}  // namespace

std::vector<Role> FindRoles(std::string_view text, const std::vector<Span>& sentences, const EntityResult& entities) {
  RoleFinder finder(text, sentences, entities);
  return finder.Run();
}

}  // namespace crosscheck
