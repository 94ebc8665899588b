// The bundled example corpus (invented reports in examples/corpus/) against its answer key
// examples/corpus/EXPECTED.json: every article extracted, with its title, author, date, the
// first and last words of its body, and none of the page furniture listed for it.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>

#include "run_command.h"

namespace crosscheck {
namespace {

TEST(ExamplesTest, EveryExampleArticleComesOutCleanWithItsMetadata) {
  auto expected = nlohmann::json::parse(testing::Slurp("examples/corpus/EXPECTED.json"));
  auto r = testing::RunCrosscheck("extract examples/corpus");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::map<std::string, nlohmann::json> got;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    auto j = nlohmann::json::parse(line);
    got[j["id"]] = j;
  }
  EXPECT_EQ(got.size(), expected.size());
  for (const auto& [id, e] : expected.items()) {
    SCOPED_TRACE(id);
    ASSERT_TRUE(got.count(id));
    const auto& a = got[id];
    std::string text = a["text"];
    EXPECT_EQ(a["title"], e["title"]);
    if (!e["author"].get<std::string>().empty()) { EXPECT_EQ(a["author"], e["author"]); }
    std::string published = a["published"];
    EXPECT_EQ(published.substr(0, 10), e["published"].get<std::string>());
    EXPECT_EQ(text.rfind(e["body_first"].get<std::string>(), 0), 0u) << text.substr(0, 160);
    EXPECT_TRUE(text.ends_with(e["body_last"].get<std::string>())) << text.substr(text.size() > 160 ? text.size() - 160 : 0);
    for (const auto& junk : e["boilerplate"]) { EXPECT_EQ(text.find(junk.get<std::string>()), std::string::npos) << junk; }
    EXPECT_EQ(a["language"], "en");
  }
}

}  // namespace
}  // namespace crosscheck
