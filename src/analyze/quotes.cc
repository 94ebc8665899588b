#include "analyze/quotes.h"

#include <algorithm>
#include <span>

#include "analyze/sentences.h"
#include "analyze/tokens.h"
#include "core/data.h"
#include "core/text.h"
#include "core/word_table.h"

namespace crosscheck {
namespace {

const WordSet& SpeechVerbs() {
  static const auto* set = [] {
    auto* s = new WordSet;
    for (std::string_view line : DataLines("en/speech_verbs.txt"))
      if (line.find(' ') == std::string_view::npos) s->emplace(line);
    return s;
  }();
  return *set;
}

bool IsSpeechVerb(const Token& t) { return t.kind == TokenKind::kWord && SpeechVerbs().count(t.lower); }
bool IsPronoun(const Token& t) {
  const std::string& w = t.lower;
  return t.kind == TokenKind::kWord && (w == "he" || w == "she" || w == "they");
}

// Entity mentions that can speak: people, organisations, countries (by proxy too).
class Speakers {
 public:
  explicit Speakers(const EntityResult& e) : e_(e) {}

  // The speaker mention starting inside [begin, end), nearest to `pivot`.
  int NearestIn(uint32_t begin, uint32_t end, uint32_t pivot) const {
    int best = -1;
    uint32_t best_distance = UINT32_MAX;
    for (size_t m = 0; m < e_.mentions.size(); ++m) {
      const EntityMention& mention = e_.mentions[m];
      if (mention.span.begin < begin || mention.span.begin >= end || !CanSpeak(mention)) continue;
      uint32_t d = mention.span.begin > pivot ? mention.span.begin - pivot : pivot - mention.span.end;
      if (d < best_distance) { best_distance = d; best = static_cast<int>(m); }
    }
    return best;
  }

  // The last person mentioned before `offset` (for "he said").
  int LastPersonBefore(uint32_t offset, uint32_t not_before) const {
    int best = -1;
    for (size_t m = 0; m < e_.mentions.size(); ++m) {
      const EntityMention& mention = e_.mentions[m];
      if (mention.span.end > offset || mention.span.begin < not_before) continue;
      if (e_.entities[mention.entity].kind == EntityKind::kPerson) best = static_cast<int>(m);
    }
    return best;
  }

  const EntityMention& mention(int m) const { return e_.mentions[m]; }

 private:
  bool CanSpeak(const EntityMention& m) const {
    EntityKind k = e_.entities[m.entity].kind;
    return k == EntityKind::kPerson || k == EntityKind::kOrganisation || k == EntityKind::kCountry;
  }
  const EntityResult& e_;
};

struct QuotePair {
  size_t open, close;  // token indexes of the quote marks
};

std::vector<QuotePair> FindQuotePairs(std::string_view text, const std::vector<Token>& toks) {
  std::vector<QuotePair> out;
  for (size_t i = 0; i < toks.size(); ++i) {
    if (!IsOpeningQuote(toks[i].text)) continue;
    for (size_t j = i + 1; j < toks.size(); ++j) {
      if (text.substr(toks[j - 1].span.end, toks[j].span.begin - toks[j - 1].span.end).find("\n\n") !=
          std::string_view::npos)
        break;  // quotes do not run across paragraphs here
      if (IsClosingQuote(toks[j].text) && !(toks[j].text == "\"" && j == i + 1)) {
        size_t words = 0;
        for (size_t k = i + 1; k < j; ++k) words += toks[k].kind == TokenKind::kWord;
        // Shorter ones are names and scare quotes, unless a speech verb introduces them
        // ("called the deal “expensive but fair”").
        bool introduced = false;
        for (size_t k = i; k > 0 && i - k < 4 && !introduced; --k) introduced = IsSpeechVerb(toks[k - 1]);
        if (words >= 4 || (words >= 2 && introduced)) out.push_back({i, j});
        i = j;
        break;
      }
    }
  }
  return out;
}

}  // namespace

std::vector<Quote> FindQuotes(std::string_view text, const std::vector<Span>& sentences, const EntityResult& entities) {
  std::vector<Quote> out;
  const std::vector<Token>& toks = SharedTokens(text);
  Speakers speakers(entities);
  std::vector<std::pair<uint32_t, uint32_t>> direct_ranges;
  for (const QuotePair& p : FindQuotePairs(text, toks)) {
    Quote q;
    q.span = {toks[p.open].span.end, toks[p.close].span.begin};
    while (q.span.begin < q.span.end && text[q.span.begin] == ' ') ++q.span.begin;
    while (q.span.end > q.span.begin && (text[q.span.end - 1] == ' ' || text[q.span.end - 1] == ',')) --q.span.end;
    q.sentence = SentenceAt(sentences, q.span.begin);
    direct_ranges.emplace_back(toks[p.open].span.begin, toks[p.close].span.end);
    // After the quote: ", said X" / ", X said" / ", he said", up to the end of the sentence.
    size_t limit = std::min(toks.size(), p.close + 12);
    int speaker = -1;
    for (size_t k = p.close + 1; k < limit && speaker < 0; ++k) {
      if (toks[k].text == "." || IsOpeningQuote(toks[k].text)) break;
      if (!IsSpeechVerb(toks[k])) continue;
      if (k > 0 && IsPronoun(toks[k - 1])) {
        speaker = speakers.LastPersonBefore(toks[p.open].span.begin, 0);
        q.speaker_span = toks[k - 1].span;
        break;
      }
      // ", X said": the name before the verb. ", said X": the name after it, only when the verb
      // opens the attribution; in ", the judge said, adding that X ..." the speaker is the judge
      // (a nominal this stage does not name), not the X the judge speaks of.
      speaker = speakers.NearestIn(toks[p.close].span.end, toks[k].span.begin, toks[k].span.begin);
      bool verb_opens = true;
      for (size_t j = p.close + 1; j < k; ++j) verb_opens = verb_opens && toks[j].kind != TokenKind::kWord;
      if (speaker < 0 && verb_opens) {
        uint32_t end = k + 6 < toks.size() ? toks[k + 6].span.end : static_cast<uint32_t>(text.size());
        speaker = speakers.NearestIn(toks[k].span.end, end, toks[k].span.end);
      }
      if (speaker >= 0) q.speaker_span = speakers.mention(speaker).span;
      break;
    }
    // Before the quote: "X said: “...”", "X emphasized,\n“...”".
    if (speaker < 0) {
      size_t k = p.open;
      while (k > 0 && (toks[k - 1].text == ":" || toks[k - 1].text == ",")) --k;
      if (k > 0 && IsSpeechVerb(toks[k - 1])) {
        uint32_t from = k >= 8 ? toks[k - 8].span.begin : 0;
        if (k >= 2 && IsPronoun(toks[k - 2])) {
          speaker = speakers.LastPersonBefore(toks[k - 2].span.begin, 0);
          q.speaker_span = toks[k - 2].span;
        } else {
          speaker = speakers.NearestIn(from, toks[k - 1].span.begin, toks[k - 1].span.begin);
          if (speaker >= 0) q.speaker_span = speakers.mention(speaker).span;
        }
      }
    }
    q.speaker = speaker >= 0 ? speakers.mention(speaker).entity : -1;
    out.push_back(q);
  }
  // Reported speech, in sentences without a direct quote.
  for (size_t s = 0; s < sentences.size(); ++s) {
    Span sent = sentences[s];
    auto inside_direct = [&](uint32_t offset) {
      return std::any_of(direct_ranges.begin(), direct_ranges.end(),
                         [&](auto r) { return r.first <= offset && offset < r.second; });
    };
    auto [first_token, last_token] = TokensIn(toks, sent);
    std::span<const Token> st(toks.data() + first_token, last_token - first_token);
    // "<claim>, X said." / "<claim>, said X.": the attribution comes last.
    if (st.size() > 6 && !inside_direct(st.front().span.begin)) {
      size_t verb = st.size();
      for (size_t k = st.size() - 1; k > 2 && st.size() - k < 10; --k)
        if (IsSpeechVerb(st[k])) { verb = k; break; }
      size_t comma = verb;
      while (comma > 0 && st[comma - 1].text != "," && verb - comma < 8) --comma;
      if (verb < st.size() && comma > 4 && st[comma - 1].text == ",") {
        int speaker = speakers.NearestIn(st[comma].span.begin, verb + 5 < st.size() ? st[verb + 5].span.end : sent.end,
                                         st[verb].span.begin);
        if (speaker >= 0) {
          Quote q;
          q.direct = false;
          q.sentence = static_cast<int>(s);
          q.span = {sent.begin, st[comma - 1].span.begin};
          q.speaker = speakers.mention(speaker).entity;
          q.speaker_span = speakers.mention(speaker).span;
          out.push_back(q);
          continue;
        }
      }
    }
    for (size_t k = 0; k + 1 < st.size(); ++k) {
      Quote q;
      q.direct = false;
      q.sentence = static_cast<int>(s);
      int speaker = -1;
      if (IEquals(st[k].text, "according") && IEquals(st[k + 1].text, "to")) {
        uint32_t end = k + 7 < st.size() ? st[k + 7].span.end : sent.end;
        speaker = speakers.NearestIn(st[k + 1].span.end, end, st[k + 1].span.end);
        if (speaker < 0) continue;
        // The claim is the rest of the sentence on the other side of the attribution.
        q.span = k > 2 ? Span{sent.begin, st[k].span.begin} : Span{speakers.mention(speaker).span.end, sent.end};
      } else if (IsSpeechVerb(st[k]) && k > 0 && !inside_direct(st[k].span.begin)) {
        speaker = speakers.NearestIn(st[k > 6 ? k - 6 : 0].span.begin, st[k].span.begin, st[k].span.begin);
        if (speaker < 0) continue;
        size_t from = k + 1;
        // What follows the verb must open a clause: "that", a subject or a name — not an
        // adverbial ("said at a briefing", "told reporters as ...").
        static const char* kAdverbials[] = {"at", "in", "on", "during", "after", "before", "to", "as", "with", "while",
                                            "when", "outside", "from", "for", "of", "by", "afterwards", "later",
                                            "earlier", "yesterday", "today", "tonight", "repeatedly", "again", "so",
                                            "nothing", "little", "more", "reporters", "journalists"};
        if (from >= st.size()) continue;
        // "said on Monday that ...": a "that" a few words on opens the clause.
        size_t that = from;
        while (that < st.size() && that - from < 6 && st[that].kind == TokenKind::kWord && !IEquals(st[that].text, "that"))
          ++that;
        if (that < st.size() && IEquals(st[that].text, "that")) {
          from = that + 1;
        } else {
          const std::string& next = st[from].lower;
          if (st[from].kind != TokenKind::kWord ||
              std::find(std::begin(kAdverbials), std::end(kAdverbials), next) != std::end(kAdverbials))
            continue;
        }
        if (from >= st.size() || st.size() - from < 4) continue;
        q.span = {st[from].span.begin, sent.end};
      } else {
        continue;
      }
      while (q.span.end > q.span.begin && (text[q.span.end - 1] == '.' || text[q.span.end - 1] == ',' ||
                                           text[q.span.end - 1] == ' '))
        --q.span.end;
      q.speaker = speakers.mention(speaker).entity;
      q.speaker_span = speakers.mention(speaker).span;
      out.push_back(q);
      break;  // one attribution per sentence
    }
  }
  std::sort(out.begin(), out.end(), [](const Quote& a, const Quote& b) { return a.span.begin < b.span.begin; });
  return out;
}

}  // namespace crosscheck
