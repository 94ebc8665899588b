// Acceptance of the whole pipeline on the real seed reports (../shared/seeds/, skipped when
// absent). What must be found is read from EXPECTED.md at run time — which reports form one
// story, which round each reports, who contradicts whom and with what words, which source is
// least reliable — so no word of the seeds lives in the project.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "expected_md.h"
#include "run_command.h"

namespace crosscheck {
namespace {

using nlohmann::json;

const char kSeeds[] = "../shared/seeds";

using testing::Bullets;
using testing::Section;

bool HasPrefix(const json& ids, const std::string& prefix) {
  for (const auto& id : ids)
    if (id.get<std::string>().rfind(prefix, 0) == 0) return true;
  return false;
}

bool OnlyPrefix(const json& ids, const std::string& prefix) {
  return ids.size() == 1 && ids[0].get<std::string>().rfind(prefix, 0) == 0;
}

// A finding that disputes something, with a side stated by `article` alone whose value
// contains `lone_word`, and (when given) another side whose value contains `other_word`.
bool FoundDispute(const json& report, const std::string& article, const std::string& lone_word,
                  const std::string& other_word = "") {
  for (const auto& f : report["findings"]) {
    if (f["kind"] != "contradiction" && f["kind"] != "inconsistency") continue;
    bool lone = false, other = other_word.empty();
    for (const auto& c : f["claims"]) {
      std::string value = c["value"];
      if (OnlyPrefix(c["articles"], article) && value.find(lone_word) != std::string::npos) lone = true;
      else if (!other_word.empty() && value.find(other_word) != std::string::npos) other = true;
    }
    if (lone && other) return true;
  }
  return false;
}

class SeedsAnalyze : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(std::string(kSeeds) + "/EXPECTED.md")) GTEST_SKIP() << "no ../shared/seeds";
    md_ = testing::Slurp(std::string(kSeeds) + "/EXPECTED.md");
    auto r = testing::RunCrosscheck(std::string("analyze --format json ") + kSeeds);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    report_ = json::parse(r.out);
  }
  std::string md_;
  json report_;
};

TEST_F(SeedsAnalyze, OneStoryWithTheTwoRoundsKeptApart) {
  std::smatch m;
  std::string grouping = Section(md_, "### Grouping");
  ASSERT_TRUE(std::regex_search(grouping, m, std::regex("`(\\d{3})` reports the \\*\\*first\\*\\* round")));
  std::string first = m[1];
  ASSERT_EQ(report_["stories"].size(), 1u);
  const auto& story = report_["stories"][0];
  EXPECT_EQ(story["articles"].size(), 5u);
  bool first_has_event = false, second_apart = false;
  for (const auto& e : story["events"]) {
    if (HasPrefix(e["articles"], first)) first_has_event = true;
    // An event that the other reports share and the first-round report is not in.
    int others = 0;
    for (const auto& id : e["articles"]) others += id.get<std::string>().rfind(first, 0) != 0;
    if (!HasPrefix(e["articles"], first) && others >= 3) second_apart = true;
  }
  EXPECT_TRUE(first_has_event);
  EXPECT_TRUE(second_apart) << story.dump(1);
}

TEST_F(SeedsAnalyze, TheContradictionsOfExpectedMdAreFoundWithTheirSides) {
  auto bullets = Bullets(Section(md_, "### Facts that sources contradict"));
  ASSERT_GE(bullets.size(), 3u);
  int checked = 0;
  for (const std::string& b : bullets) {
    std::smatch m;
    // "`000` says former Defense Minister X Y; three others say Z."
    if (std::regex_search(b, m, std::regex("`(\\d{3})` says ([^;\"]+); [^.]* say ([A-Z][\\w]+)"))) {
      std::string lone = m[2];
      std::string lone_word = lone.substr(lone.find_last_of(' ') + 1);
      EXPECT_TRUE(FoundDispute(report_, m[1], lone_word, m[3])) << b;
      ++checked;
    }
    // "`004` says "Tuesday's talks""
    if (std::regex_search(b, m, std::regex("`(\\d{3})` says \"(\\w+)'s"))) {
      EXPECT_TRUE(FoundDispute(report_, m[1], m[2])) << b;
      ++checked;
    }
    // "`004` calls him "former U.S. President""
    if (std::regex_search(b, m, std::regex("`(\\d{3})` calls \\w+ \"(former)"))) {
      EXPECT_TRUE(FoundDispute(report_, m[1], m[2])) << b;
      ++checked;
    }
    // "`000` speaks of "the Biden administration""
    if (std::regex_search(b, m, std::regex("`(\\d{3})` speaks of \"the (\\w+) administration"))) {
      EXPECT_TRUE(FoundDispute(report_, m[1], m[2])) << b;
      ++checked;
    }
  }
  EXPECT_GE(checked, 5);
}

TEST_F(SeedsAnalyze, InconsistenciesInsideSingleReports) {
  auto bullets = Bullets(Section(md_, "### Inside single reports"));
  std::smatch m;
  for (const std::string& b : bullets) {
    if (std::regex_search(b, m, std::regex("`(\\d{3})`: the headline says (\\d{4})"))) {
      EXPECT_TRUE(FoundDispute(report_, m[1], m[2])) << b;
    }
    if (std::regex_search(b, m, std::regex("`(\\d{3})`: \"(\\w+) approaches\""))) {
      std::string season = m[2];
      season[0] = static_cast<char>(tolower(season[0]));
      EXPECT_TRUE(FoundDispute(report_, m[1], season)) << b;
    }
  }
}

TEST_F(SeedsAnalyze, TheSourceNamedThereComesOutLeastReliable) {
  std::smatch m;
  std::string sources = Section(md_, "### Sources");
  ASSERT_TRUE(std::regex_search(sources, m, std::regex("`(\\d{3})` disagrees with the others most often")));
  ASSERT_FALSE(report_["sources"].empty());
  EXPECT_EQ(report_["sources"][0]["article"].get<std::string>().substr(0, 3), m[1].str()) << report_["sources"].dump(1);
}

TEST_F(SeedsAnalyze, NoFalseAlarms) {
  // Every contradiction's dissenting side must be a report EXPECTED.md names as dissenting,
  // and no contradiction may set the first-round report against the second-round ones.
  std::set<std::string> dissenters;
  std::string section = Section(md_, "### Facts that sources contradict");
  std::regex lone("`(\\d{3})` (?:says|calls|speaks)");
  for (auto it = std::sregex_iterator(section.begin(), section.end(), lone); it != std::sregex_iterator(); ++it)
    dissenters.insert((*it)[1]);
  std::smatch m;
  std::string grouping = Section(md_, "### Grouping");
  ASSERT_TRUE(std::regex_search(grouping, m, std::regex("`(\\d{3})` reports the \\*\\*first\\*\\* round")));
  std::string first = m[1];
  for (const auto& f : report_["findings"]) {
    if (f["kind"] != "contradiction") continue;
    for (size_t k = 1; k < f["claims"].size(); ++k)
      for (const auto& id : f["claims"][k]["articles"])
        EXPECT_TRUE(dissenters.count(id.get<std::string>().substr(0, 3))) << f.dump(1);
    for (const auto& c : f["claims"]) EXPECT_FALSE(OnlyPrefix(c["articles"], first)) << f.dump(1);
  }
}

}  // namespace
}  // namespace crosscheck
