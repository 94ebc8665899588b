// `crosscheck analyze --db` end to end: the real command (path in $CROSSCHECK_BIN, set by
// CTest) run as a child process on generated folders of small invented reports, killed while
// it stores, resumed, and extended by a second run.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "store/store.h"
#include "../../tests/test_files.h"

extern char** environ;

namespace crosscheck {
namespace {

using testing::TempDir;

constexpr std::array<const char*, 8> kCities = {"Tallinn", "Porto", "Gdansk", "Valparaiso",
                                                "Bergen",  "Genoa", "Varna",  "Durban"};
constexpr std::array<const char*, 6> kPeople = {"Ana Ribeiro", "Jonas Berg",  "Mira Novak",
                                                "Tomas Vidal", "Lena Okafor", "Ivo Petrov"};

std::string FileName(int i) {
  char name[32];
  std::snprintf(name, sizeof name, "r%05d", i);
  return name;
}

// A short invented report, as a scraper would dump it: title, byline, date, two paragraphs.
// Reports of one city share a story; their numbers differ now and then so there is something
// to corroborate and to contradict.
std::string Report(int i) {
  std::string city = kCities[i % kCities.size()], person = kPeople[(i / 8) % kPeople.size()];
  std::string workers = std::to_string(400 + (i % 3 == 0 ? 12 : 0) + i % 8);
  std::string out = "Port of ";
  out.append(city).append(" hires ").append(workers).append(" dock workers\nBy ").append(person);
  out.append("\nPublished: March ").append(std::to_string(1 + i % 28)).append(", 2026\n\nThe Port of ");
  out.append(city).append(" said on Monday it would hire ").append(workers);
  out.append(" dock workers by May, after cargo volumes rose by about ").append(std::to_string(10 + i % 7));
  out.append("% last year.\n\nMayor Jonas Berg said more than 40% of the new workers would come from the region. ");
  out.append("\"We need people who know the harbour,\" Berg told reporters in ").append(city).append(".\n");
  return out;
}

void WriteReports(const TempDir& dir, int from, int to) {
  for (int i = from; i < to; ++i) dir.Write("in/" + FileName(i) + ".txt", Report(i));
}

// Starts crosscheck with `args`, standard output and error into files; returns its pid.
pid_t Spawn(const std::vector<std::string>& args, const std::string& out, const std::string& err) {
  const char* bin = std::getenv("CROSSCHECK_BIN");
  std::string program = bin ? bin : "crosscheck";
  std::vector<char*> argv{program.data()};
  std::vector<std::string> copy = args;
  for (std::string& a : copy) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  pid_t pid = -1;
  int rc = posix_spawnp(&pid, program.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  return rc == 0 ? pid : -1;
}

int Wait(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int RunToEnd(const std::vector<std::string>& args, const std::string& out, const std::string& err) {
  pid_t pid = Spawn(args, out, err);
  return pid < 0 ? -1 : Wait(pid);
}

// A read-only look at a store, beside the store's own code: what a later process would see.
class Peek {
 public:
  explicit Peek(const std::string& path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) Close();
    else sqlite3_busy_timeout(db_, 2000);
  }
  ~Peek() { Close(); }
  bool ok() const { return db_ != nullptr; }
  // The first column of each row of `sql`, as text; `failed` set when the query fails.
  std::vector<std::string> Column(const char* sql, bool* failed = nullptr) {
    std::vector<std::string> out;
    sqlite3_stmt* s = nullptr;
    int rc = db_ ? sqlite3_prepare_v2(db_, sql, -1, &s, nullptr) : SQLITE_ERROR;
    while (rc == SQLITE_OK && (rc = sqlite3_step(s)) == SQLITE_ROW) {
      const unsigned char* t = sqlite3_column_text(s, 0);
      out.push_back(t ? reinterpret_cast<const char*>(t) : "");
      rc = SQLITE_OK;
    }
    sqlite3_finalize(s);
    if (failed) *failed = rc != SQLITE_DONE;
    return out;
  }
  long Number(const char* sql) {
    bool failed = false;
    std::vector<std::string> v = Column(sql, &failed);
    return failed || v.empty() ? -1 : std::atol(v[0].c_str());
  }

 private:
  void Close() {
    if (db_) sqlite3_close_v2(db_);
    db_ = nullptr;
  }
  sqlite3* db_ = nullptr;
};

long StoredCount(const std::string& db) { return Peek(db).Number("SELECT count(*) FROM articles"); }

nlohmann::json ReadJson(const std::string& path) {
  return nlohmann::json::parse(testing::Slurp(path), nullptr, /*allow_exceptions=*/false);
}

TEST(AnalyzeDb, KilledWhileStoringLeavesAConsistentPrefixAndResumes) {
  constexpr int kReports = 2000;
  TempDir dir;
  WriteReports(dir, 0, kReports);
  std::string db = dir.File("news.db"), out = dir.File("out.json"), err = dir.File("err.txt");
  std::vector<std::string> args{"analyze", "--db", db, "--format", "json", dir.File("in")};

  pid_t pid = Spawn(args, out, err);
  ASSERT_GT(pid, 0);
  // Kill as soon as the first batch is committed: the run is then still storing.
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (StoredCount(db) <= 0 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  kill(pid, SIGKILL);
  Wait(pid);

  {
    Peek peek(db);
    ASSERT_TRUE(peek.ok());
    EXPECT_EQ(peek.Column("PRAGMA integrity_check"), std::vector<std::string>{"ok"});
    EXPECT_EQ(peek.Number("SELECT count(*) FROM articles a LEFT JOIN facts f ON f.article_id=a.id"
                          " WHERE f.json IS NULL"),
              0)
        << "an article without its facts";
    EXPECT_EQ(peek.Number("SELECT count(*) FROM facts f LEFT JOIN articles a ON f.article_id=a.id"
                          " WHERE a.id IS NULL"),
              0)
        << "facts without their article";
    // Whole batches, in input order: the stored ids are the first files read.
    std::vector<std::string> ids = peek.Column("SELECT id FROM articles ORDER BY rowid");
    ASSERT_GT(ids.size(), 0u);
    EXPECT_LT(ids.size(), static_cast<size_t>(kReports)) << "finished before the kill; test proves little";
    EXPECT_EQ(ids.size() % 500, 0u);
    for (size_t i = 0; i < ids.size(); ++i) ASSERT_EQ(ids[i], FileName(static_cast<int>(i)));
  }

  ASSERT_EQ(RunToEnd(args, out, err), 0) << testing::Slurp(err);
  EXPECT_EQ(StoredCount(db), kReports);
  nlohmann::json report = ReadJson(out);
  ASSERT_FALSE(report.is_discarded()) << "report is not valid JSON";
  EXPECT_EQ(report["articles"].size(), static_cast<size_t>(kReports));
}

TEST(AnalyzeDb, SecondRunWithMoreFilesAddsOnlyThoseAndReportsAll) {
  TempDir dir;
  WriteReports(dir, 0, 60);
  std::string db = dir.File("news.db"), out = dir.File("out.json"), err = dir.File("err.txt");
  std::vector<std::string> args{"analyze", "--db", db, "--format", "json", dir.File("in")};
  ASSERT_EQ(RunToEnd(args, out, err), 0) << testing::Slurp(err);
  EXPECT_EQ(StoredCount(db), 60);
  // Facts rows get a new rowid whenever written: rows above this mark were written later.
  long mark = Peek(db).Number("SELECT max(rowid) FROM facts");

  WriteReports(dir, 60, 100);
  ASSERT_EQ(RunToEnd(args, out, err), 0) << testing::Slurp(err);
  EXPECT_EQ(StoredCount(db), 100);
  std::string written = std::string("SELECT count(*) FROM facts WHERE rowid > ").append(std::to_string(mark));
  EXPECT_EQ(Peek(db).Number(written.c_str()), 40) << "stored again what was stored already";

  nlohmann::json report = ReadJson(out);
  ASSERT_FALSE(report.is_discarded());
  EXPECT_EQ(report["articles"].size(), 100u);
  EXPECT_FALSE(report["stories"].empty());

  Result<std::unique_ptr<Store>> store = Store::Open(db);
  ASSERT_TRUE(store.ok()) << store.status().message();
  Result<std::string> saved = (*store)->LatestReport();
  ASSERT_TRUE(saved.ok()) << saved.status().message();
  // The store keeps the report without the articles' texts (it holds them in its own table).
  for (auto& a : report["articles"]) a.erase("text");
  EXPECT_EQ(nlohmann::json::parse(*saved), report) << "saved report differs from the printed one";
}

// The findings as a set, without the ids stories and events get in one run.
std::multiset<std::string> FindingsOf(const nlohmann::json& report) {
  std::multiset<std::string> out;
  for (nlohmann::json f : report["findings"]) {
    f.erase("story");
    f.erase("event");
    out.insert(f.dump());
  }
  return out;
}

TEST(AnalyzeDb, StoriesTheNewReportsLeaveAloneAreNotReconciledAgain) {
  TempDir dir;
  WriteReports(dir, 0, 40);
  std::string db = dir.File("news.db"), out = dir.File("out.json"), err = dir.File("err.txt");
  std::vector<std::string> args{"analyze", "--db", db, "--format", "json", dir.File("in")};
  ASSERT_EQ(RunToEnd(args, out, err), 0) << testing::Slurp(err);
  nlohmann::json first = ReadJson(out);
  size_t stories = first["stories"].size();
  ASSERT_GE(stories, 1u);
  EXPECT_EQ(first["run"]["stories_recalled"], 0);

  // Two reports of a happening no earlier report covers make a story of their own.
  for (int i = 0; i < 2; ++i)
    dir.Write("in/quake" + std::to_string(i) + ".txt",
              std::string("Earthquake of magnitude 5.8 shakes the Ostrava valley\nBy Petra Lindqvist\n"
                          "Published: April 3, 2026\n\nAn earthquake of magnitude 5.8 shook the Ostrava valley "
                          "early on Friday, damaging ").append(i ? "140" : "120").append(
                  " houses and cutting power to several villages, the regional seismology office said. "
                  "Rescue teams searched collapsed barns through the morning, and the office said "
                  "aftershocks were likely for several days. Schools in the valley stayed closed while "
                  "engineers inspected their walls, and the regional governor asked residents to sleep "
                  "away from damaged buildings until the inspections were done."));
  ASSERT_EQ(RunToEnd(args, out, err), 0) << testing::Slurp(err);
  nlohmann::json second = ReadJson(out);
  EXPECT_EQ(second["run"]["stories_recalled"], stories) << "an untouched story was reconciled again";
  EXPECT_GE(second["run"]["stories_reconciled"], 1);

  // Recalled or not, the findings are those of a run that starts from nothing.
  std::string fresh = dir.File("fresh.json");
  ASSERT_EQ(RunToEnd({"analyze", "--format", "json", dir.File("in")}, fresh, err), 0) << testing::Slurp(err);
  EXPECT_EQ(FindingsOf(second), FindingsOf(ReadJson(fresh)));
}

TEST(AnalyzeDb, GarbageDbFileIsOneLineNamingIt) {
  TempDir dir;
  WriteReports(dir, 0, 2);
  std::string db = dir.Write("notes.db", std::string(4096, 'x')), out = dir.File("out"), err = dir.File("err");
  EXPECT_EQ(RunToEnd({"analyze", "--db", db, "--format", "json", dir.File("in")}, out, err), 1);
  std::string message = testing::Slurp(err);
  EXPECT_NE(message.find(db), std::string::npos) << message;
  EXPECT_EQ(message.find('\n'), message.size() - 1) << message;
  EXPECT_TRUE(testing::Slurp(out).empty());
}

}  // namespace
}  // namespace crosscheck
