// Acceptance of the facts stage on the real seed reports (../shared/seeds/, skipped when
// absent): every delegation head, date, duration, count and clock time that EXPECTED.md
// names comes out of `crosscheck facts` in the article it names, with its span. What to look
// for is read from EXPECTED.md at run time, so no word of the seeds lives in the project.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>

#include "core/civil_time.h"
#include "expected_md.h"
#include "run_command.h"

namespace crosscheck {
namespace {

using nlohmann::json;

const char kSeeds[] = "../shared/seeds";

std::vector<std::string> BulletsOf(const std::string& md, const std::string& heading) {
  return testing::Bullets(testing::Section(md, heading));
}

std::vector<std::string> ArticleRefs(const std::string& text) {
  std::vector<std::string> refs;
  std::regex ref("`(\\d{3})`");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), ref); it != std::sregex_iterator(); ++it)
    refs.push_back((*it)[1]);
  return refs;
}

class SeedsFacts : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(std::string(kSeeds) + "/EXPECTED.md")) GTEST_SKIP() << "no ../shared/seeds";
    md_ = testing::Slurp(std::string(kSeeds) + "/EXPECTED.md");
    auto r = testing::RunCrosscheck(std::string("facts ") + kSeeds);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::istringstream lines(r.out);
    for (std::string line; std::getline(lines, line);) {
      json j = json::parse(line);
      articles_[j["id"].get<std::string>().substr(0, 3)] = j;
    }
  }

  // A fact of `type` in article `prefix` that `match` accepts; its span must hold its text.
  bool Has(const std::string& prefix, const std::string& type, const std::function<bool(const json&)>& match) {
    if (!articles_.count(prefix)) return false;
    const json& a = articles_[prefix];
    std::string text = a["text"];
    for (const auto& f : a["facts"]) {
      if (f["type"] != type || !match(f)) continue;
      size_t start = f["start"], end = f["end"];
      EXPECT_EQ(text.substr(start, end - start), f["text"].get<std::string>());
      return true;
    }
    return false;
  }

  std::string md_;
  std::map<std::string, json> articles_;
};

TEST_F(SeedsFacts, DelegationHeadsOfEveryReportThatNamesThem) {
  int checked = 0;
  for (const std::string& b : BulletsOf(md_, "### Facts that sources corroborate")) {
    std::smatch m;
    if (!std::regex_search(b, m, std::regex("^Head of the \\w+ delegation: ([^(,]+)"))) continue;
    std::string name = m[1];
    std::string surname = name.substr(name.find_last_of(' ', name.size() - 2) + 1);
    while (!surname.empty() && surname.back() == ' ') surname.pop_back();
    for (const std::string& ref : ArticleRefs(b)) {
      EXPECT_TRUE(Has(ref, "role", [&](const json& f) {
        return f["office"] == "head of delegation" && f.value("person_name", "").find(surname) != std::string::npos;
      })) << ref << " " << surname;
      ++checked;
    }
  }
  EXPECT_GE(checked, 6);
}

TEST_F(SeedsFacts, QuotedWordingsDatesCountsAndClockTimes) {
  int checked = 0;
  std::vector<std::string> bullets = BulletsOf(md_, "### Facts that sources corroborate");
  for (const auto& b : BulletsOf(md_, "### Single-source claims")) bullets.push_back(b);
  for (const std::string& b : bullets) {
    std::vector<std::string> refs = ArticleRefs(b);
    if (refs.empty()) continue;
    std::smatch m;
    // "just over an hour" (`001`): that wording, as a time fact of that report.
    std::regex quoted("\"([^\"]+)\" \\(`(\\d{3})`\\)");
    for (auto it = std::sregex_iterator(b.begin(), b.end(), quoted); it != std::sregex_iterator(); ++it) {
      std::string words = (*it)[1], ref = (*it)[2];
      EXPECT_TRUE(Has(ref, "time", [&](const json& f) { return f["text"].get<std::string>().find(words.substr(words.find(' ') + 1)) != std::string::npos; }))
          << ref << " " << words;
      ++checked;
    }
    // Full dates: a time fact with that value in one of the reports named.
    std::regex date("(?:January|February|March|April|May|June|July|August|September|October|November|December) \\d{1,2}, \\d{4}|\\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December) \\d{4}");
    for (auto it = std::sregex_iterator(b.begin(), b.end(), date); it != std::sregex_iterator(); ++it) {
      std::string iso = ParseDateTime((*it)[0].str())->ToIso();
      bool found = false;
      for (const auto& ref : refs)
        found = found || Has(ref, "time", [&](const json& f) { return f["value"].get<std::string>().find(iso.substr(5)) != std::string::npos; });
      EXPECT_TRUE(found) << b;
      ++checked;
    }
    // Clock times: "10 a.m.", "12:30 p.m.".
    std::regex clock("\\b\\d{1,2}(?::\\d\\d)? [ap]\\.m\\.");
    for (auto it = std::sregex_iterator(b.begin(), b.end(), clock); it != std::sregex_iterator(); ++it) {
      std::string words = (*it)[0];
      bool found = false;
      for (const auto& ref : refs)
        found = found || Has(ref, "time", [&](const json& f) { return f["text"].get<std::string>().find(words) != std::string::npos; });
      EXPECT_TRUE(found) << words;
      ++checked;
    }
    // Counts: "117", "34%", "4,000", "6.3 million", "1,000" — not years, not parts of dates or clock times.
    std::string stripped = std::regex_replace(b, date, "");
    stripped = std::regex_replace(stripped, clock, "");
    std::regex count("(?:^|[ (])(\\d[\\d,]*(?:\\.\\d+)?)(%| million)?(?=[ ,.)])");
    for (auto it = std::sregex_iterator(stripped.begin(), stripped.end(), count); it != std::sregex_iterator(); ++it) {
      std::string digits = std::regex_replace((*it)[1].str(), std::regex(","), "");
      double value = std::stod(digits) * ((*it)[2] == " million" ? 1e6 : 1);
      if ((*it)[2].str().empty() && value >= 1900 && value <= 2100 && digits.size() == 4) continue;  // a year
      bool found = false;
      for (const auto& ref : refs)
        found = found || Has(ref, "quantity", [&](const json& f) { return std::abs(f["value"].get<double>() - value) < 1e-6 * std::max(1.0, value); });
      EXPECT_TRUE(found) << value << " in " << b;
      ++checked;
    }
  }
  EXPECT_GE(checked, 10);
}

}  // namespace
}  // namespace crosscheck
