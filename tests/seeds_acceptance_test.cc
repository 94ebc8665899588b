// Acceptance on the real seed reports in ../shared/seeds/ (skipped when the folder is absent).
// What must come out is read from the folder's EXPECTED.md at run time, so no word of the
// seeds lives in the project: body start and end, title, author, update time, and the
// strings named there as boilerplate.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>

#include "core/civil_time.h"
#include "expected_md.h"
#include "run_command.h"

namespace crosscheck {
namespace {

const char kSeeds[] = "../shared/seeds";

struct CleaningExpectation {
  std::string body_start, body_end, title, author, updated;
  std::vector<std::string> boilerplate;
  bool no_title_line = false, no_hashtags = false;
};

// Bullets of the "Cleaning" section, keyed by the three-digit file prefix they name.
std::map<std::string, CleaningExpectation> ReadCleaningSection(const std::string& md) {
  std::map<std::string, CleaningExpectation> out;
  std::vector<std::string> bullets = testing::Bullets(testing::Section(md, "### Cleaning"));
  const std::regex file_re("^`(\\d{3})_[^`]*`(?:[^:]*`(\\d{3})_[^`]*`)?:");
  const std::regex body_re("body starts at \"([^\"]+)\" and ends at \"(?:…)?([^\"]+)\"");
  const std::regex title_re("Title: \"([^\"]+)\"");
  const std::regex author_re("Author: ([^.]+)\\.");
  const std::regex updated_re("Last updated: ([^.]+)\\.");
  const std::regex quoted_re("\"([^\"]+)\"");
  for (const std::string& b : bullets) {
    std::smatch m;
    if (!std::regex_search(b, m, file_re)) continue;
    CleaningExpectation& e = out[m[1]];
    if (std::regex_search(b, m, body_re)) e.body_start = m[1], e.body_end = m[2];
    if (std::regex_search(b, m, title_re)) e.title = m[1];
    if (std::regex_search(b, m, author_re)) e.author = m[1];
    if (std::regex_search(b, m, updated_re)) e.updated = m[1];
    if (b.find("boilerplate") != std::string::npos) {
      std::string rest = b.substr(b.find("`:") + 2);
      for (auto it = std::sregex_iterator(rest.begin(), rest.end(), quoted_re); it != std::sregex_iterator(); ++it) {
        std::string q = (*it)[1];
        if (q != e.body_start && q.find(e.body_end) == std::string::npos && q != e.title) e.boilerplate.push_back(q);
      }
    }
    e.no_title_line = b.find("`Title:` line") != std::string::npos;
    e.no_hashtags = b.find("hashtags") != std::string::npos;
  }
  return out;
}

std::vector<std::string> Paragraphs(const std::string& text) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t next = text.find("\n\n", pos);
    out.push_back(text.substr(pos, next == std::string::npos ? std::string::npos : next - pos));
    if (next == std::string::npos) break;
    pos = next + 2;
  }
  return out;
}

TEST(SeedsAcceptance, ExtractCleansTheSeedsAsExpectedMdSays) {
  if (!std::filesystem::exists(std::string(kSeeds) + "/EXPECTED.md")) GTEST_SKIP() << "no ../shared/seeds";
  auto expected = ReadCleaningSection(testing::Slurp(std::string(kSeeds) + "/EXPECTED.md"));
  ASSERT_GE(expected.size(), 2u);
  auto r = testing::RunCrosscheck(std::string("extract ") + kSeeds);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::map<std::string, nlohmann::json> by_prefix;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    auto j = nlohmann::json::parse(line);
    by_prefix[j["id"].get<std::string>().substr(0, 3)] = j;
  }
  EXPECT_EQ(by_prefix.size(), 5u);
  for (const auto& [prefix, e] : expected) {
    SCOPED_TRACE(prefix);
    ASSERT_TRUE(by_prefix.count(prefix));
    const auto& a = by_prefix[prefix];
    std::string text = a["text"];
    if (!e.body_start.empty()) { EXPECT_EQ(text.rfind(e.body_start, 0), 0u) << text.substr(0, 200); }
    if (!e.body_end.empty()) {
      EXPECT_TRUE(text.ends_with(e.body_end)) << text.substr(text.size() > 200 ? text.size() - 200 : 0);
    }
    if (!e.title.empty()) { EXPECT_EQ(a["title"], e.title); }
    if (!e.author.empty()) {
      EXPECT_EQ(a["author"], e.author);
    }
    if (!e.updated.empty()) {
      auto t = ParseDateTime(e.updated);
      ASSERT_TRUE(t.has_value());
      EXPECT_EQ(a["published"], t->ToIso());
    }
    auto paragraphs = Paragraphs(text);
    for (const std::string& junk : e.boilerplate) {
      for (const auto& p : paragraphs) { EXPECT_NE(p, junk) << "boilerplate kept as a paragraph"; }
      if (junk.size() >= 12 && junk.find(' ') != std::string::npos && text.find(junk) != std::string::npos) {
        // Long boilerplate strings must be gone unless the body itself uses the phrase.
        EXPECT_FALSE(text.rfind(junk, 0) == 0 || text.ends_with(junk)) << junk;
      }
    }
    if (e.no_title_line) { EXPECT_EQ(text.find("Title:"), std::string::npos); }
    if (e.no_hashtags) {
      EXPECT_FALSE(std::regex_search(text, std::regex("#[A-Za-z]")));
    }
  }
}

}  // namespace
}  // namespace crosscheck
