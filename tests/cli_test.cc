// The extract command end to end: formats, errors that name the file, exit codes.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "run_command.h"

namespace crosscheck {
namespace {

using testing::RunCrosscheck;
using testing::TempDir;

const char kStory[] =
    "<html><head><title>Council approves tram line | Riverside Courier</title></head><body>"
    "<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>"
    "<p>The city council approved a new tram line on Wednesday, ending a debate that began in 2019 and split the "
    "council along party lines, with 31 votes in favour and 24 against.</p>"
    "<p>Construction of the 14-kilometre line is due to start next spring and to take three years, the mayor said.</p>"
    "</body></html>";

std::vector<nlohmann::json> JsonLines(const std::string& out) {
  std::vector<nlohmann::json> lines;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) lines.push_back(nlohmann::json::parse(line));
  return lines;
}

TEST(CliTest, ExtractWritesOneJsonLinePerArticleWithTheContractFields) {
  TempDir dir;
  dir.Write("tram.html", kStory);
  auto r = RunCrosscheck("extract " + dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  auto lines = JsonLines(r.out);
  ASSERT_EQ(lines.size(), 1u);
  for (const char* field : {"id", "source", "outlet", "title", "author", "published", "language", "text", "boilerplate_chars"})
    EXPECT_TRUE(lines[0].contains(field)) << field;
  EXPECT_EQ(lines[0]["id"], "tram");
  EXPECT_EQ(lines[0]["title"], "Council approves tram line");
  EXPECT_EQ(lines[0]["outlet"], "Riverside Courier");
}

TEST(CliTest, BadFilesGetOneLineEachTheRestIsExtractedAndTheExitCodeSaysSo) {
  TempDir dir;
  dir.Write("a-good.html", kStory);
  dir.Write("b-binary.txt", std::string("\0\1\2\3\4garbage", 12));
  dir.Write("c-empty.html", "");
  dir.Write("d-latin1.txt", "Caf\xe9 owners protest against new rents on the square, the third week of protests.");
  dir.Write("e-good.txt", "Title: Tram line approved\nThe city council approved a new tram line on Wednesday, ending a "
                          "debate that began in 2019, with 31 votes in favour and 24 against the plan.\nConstruction "
                          "is due to start next spring and to take three years, the mayor told reporters afterwards.\n");
  auto r = RunCrosscheck("extract " + dir.path() + " " + dir.path() + "/nope.html");
  EXPECT_EQ(r.exit_code, 1);
  auto lines = JsonLines(r.out);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0]["id"], "a-good");
  EXPECT_EQ(lines[1]["id"], "e-good");
  std::istringstream err(r.err);
  std::vector<std::string> err_lines;
  for (std::string line; std::getline(err, line);) err_lines.push_back(line);
  ASSERT_EQ(err_lines.size(), 4u) << r.err;
  EXPECT_NE(err_lines[0].find("b-binary.txt: binary"), std::string::npos);
  EXPECT_NE(err_lines[1].find("c-empty.html: empty file"), std::string::npos);
  EXPECT_NE(err_lines[2].find("d-latin1.txt: not valid UTF-8"), std::string::npos);
  EXPECT_NE(err_lines[3].find("nope.html: no such file"), std::string::npos);
}

TEST(CliTest, StandardInputAndOtherFormats) {
  TempDir dir;
  std::string path = dir.Write("in.html", kStory);
  auto r = RunCrosscheck("extract --format json -", path);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto all = nlohmann::json::parse(r.out);
  ASSERT_TRUE(all.is_array());
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0]["id"], "stdin");
  auto text = RunCrosscheck("extract --format text " + path);
  EXPECT_NE(text.out.find("title: Council approves tram line"), std::string::npos);
  EXPECT_NE(text.out.find("31 votes in favour"), std::string::npos);
}

TEST(CliTest, SizeLimitIsAFlag) {
  TempDir dir;
  std::string path = dir.Write("tram.html", kStory);
  auto small = RunCrosscheck("extract --max-size 100 " + path);
  EXPECT_EQ(small.exit_code, 1);
  EXPECT_NE(small.err.find("size limit"), std::string::npos);
  auto large = RunCrosscheck("extract --max-size 1MB " + path);
  EXPECT_EQ(large.exit_code, 0) << large.err;
}

TEST(CliTest, UsageErrorsExitWithTwo) {
  EXPECT_NE(RunCrosscheck("extract --format yaml x").exit_code, 0);
  EXPECT_NE(RunCrosscheck("").exit_code, 0);
}

}  // namespace
}  // namespace crosscheck

namespace crosscheck {
namespace {

TEST(CliTest, AnalyzeWritesTheReportContractInEveryFormat) {
  auto json_run = RunCrosscheck("analyze --format json examples/corpus");
  ASSERT_EQ(json_run.exit_code, 0) << json_run.err;
  auto report = nlohmann::json::parse(json_run.out);
  for (const char* key : {"articles", "stories", "findings", "sources"}) ASSERT_TRUE(report.contains(key)) << key;
  ASSERT_FALSE(report["findings"].empty());
  for (const auto& f : report["findings"]) {
    for (const char* key : {"kind", "event", "subject", "claims", "detail", "confidence"}) EXPECT_TRUE(f.contains(key)) << key;
    for (const auto& c : f["claims"])
      for (const char* key : {"value", "articles", "evidence"}) EXPECT_TRUE(c.contains(key)) << key;
  }
  for (const auto& s : report["stories"])
    for (const auto& e : s["events"])
      for (const char* key : {"id", "date", "place", "articles"}) EXPECT_TRUE(e.contains(key)) << key;
  EXPECT_EQ(report["sources"].size(), report["articles"].size());
  auto markdown = RunCrosscheck("analyze --format markdown examples/corpus");
  EXPECT_NE(markdown.out.find("# crosscheck report"), std::string::npos);
  EXPECT_NE(markdown.out.find("## Sources"), std::string::npos);
  auto html = RunCrosscheck("analyze --format html examples/corpus");
  EXPECT_EQ(html.out.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.out.find("</html>"), std::string::npos);
  // Piped, the default is JSON (the terminal view is for people at a terminal).
  auto piped = RunCrosscheck("analyze examples/corpus");
  EXPECT_FALSE(nlohmann::json::parse(piped.out, nullptr, false).is_discarded());
}

// The report writes article records without building JSON values; what it writes must still
// be what the article says, quotes, backslashes and all, and the same as `extract` gives.
TEST(CliTest, AnalyzeReportKeepsArticleTextsExactly) {
  TempDir tmp;
  nlohmann::json record = {
      {"title", "Dock strike \"ends\" after \\ talks"},
      {"authors", {"Mara Quell"}},
      {"date_publish", "2026-02-03 09:15:00"},
      {"publisher", "Harbour \"Ledger\""},
      {"maintext", "Dock workers in Port Aldane ended a nine-day strike on Tuesday, the union said. "
                   "\"We won what we asked for,\" its leader, Ines Varga, told reporters at the gate.\n\n"
                   "The path C:\\docks\\gate3 was reopened at 6 a.m.\tand 140 ships are waiting \u2014 a record, "
                   "officials said."}};
  std::string path = tmp.Write("strike.json", record.dump());
  auto extracted = RunCrosscheck("extract --format jsonl " + path);
  ASSERT_EQ(extracted.exit_code, 0) << extracted.err;
  auto article = nlohmann::json::parse(extracted.out);
  auto analyzed = RunCrosscheck("analyze --format json " + path);
  ASSERT_EQ(analyzed.exit_code, 0) << analyzed.err;
  auto report = nlohmann::json::parse(analyzed.out);
  ASSERT_EQ(report["articles"].size(), 1u);
  const auto& written = report["articles"][0];
  for (const char* key : {"id", "source", "outlet", "title", "author", "published", "language", "text"})
    EXPECT_EQ(written[key], article[key]) << key;
  EXPECT_NE(written["text"].get<std::string>().find("\"We won what we asked for,\""), std::string::npos);
  EXPECT_NE(written["text"].get<std::string>().find("C:\\docks\\gate3"), std::string::npos);
  EXPECT_EQ(written["title"], "Dock strike \"ends\" after \\ talks");
}

}  // namespace
}  // namespace crosscheck
