#include "store/store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fstream>
#include <iterator>

#include "store/facts_codec.h"
#include "../../tests/test_files.h"

namespace crosscheck {
namespace {

using testing::TempDir;

Article MakeArticle(int i) {
  Article a;
  a.id = "story-" + std::to_string(i);
  a.source = "/news/story-" + std::to_string(i) + ".txt";
  a.outlet = i % 2 ? "Harbour Post" : "Valley Ledger";
  a.title = "Port of Tallinn hires " + std::to_string(100 + i) + " dock workers";
  a.author = "Ana Ribeiro";
  a.published = "2026-03-" + std::to_string(10 + i % 18);
  a.language = "en";
  a.text = "The Port of Tallinn said on Monday it would hire " + std::to_string(100 + i) +
           " dock workers by May.\n\nMayor Jonas Berg said more than 40% of them would come from Narva.";
  a.boilerplate_chars = static_cast<size_t>(i);
  return a;
}

struct Batch {
  std::vector<Article> articles;
  std::vector<ArticleFacts> facts;
  void Add(Article a) {
    facts.push_back(Analyze(a));
    articles.push_back(std::move(a));
  }
};

Batch MakeBatch(int from, int to) {
  Batch b;
  for (int i = from; i < to; ++i) b.Add(MakeArticle(i));
  return b;
}

std::unique_ptr<Store> OpenOrDie(const std::string& path) {
  Result<std::unique_ptr<Store>> s = Store::Open(path);
  EXPECT_TRUE(s.ok()) << s.status().message();
  return s.ok() ? std::move(s).value() : nullptr;
}

void ExpectSameArticle(const Article& a, const Article& b) {
  EXPECT_EQ(a.id, b.id);
  EXPECT_EQ(a.source, b.source);
  EXPECT_EQ(a.outlet, b.outlet);
  EXPECT_EQ(a.title, b.title);
  EXPECT_EQ(a.author, b.author);
  EXPECT_EQ(a.published, b.published);
  EXPECT_EQ(a.language, b.language);
  EXPECT_EQ(a.text, b.text);
  EXPECT_EQ(a.boilerplate_chars, b.boilerplate_chars);
}

// Facts compared through their lossless encoding (field by field in facts_codec_test).
void ExpectSameFacts(const ArticleFacts& a, const ArticleFacts& b) {
  EXPECT_EQ(ArticleFactsToJson(a).dump(), ArticleFactsToJson(b).dump());
}

TEST(Store, AddReopenLoadGivesTheSameArticlesAndFacts) {
  TempDir dir;
  Batch in = MakeBatch(0, 20);
  {
    auto store = OpenOrDie(dir.File("news.db"));
    ASSERT_TRUE(store);
    Result<std::vector<std::string>> added = store->AddArticles(in.articles, in.facts);
    ASSERT_TRUE(added.ok()) << added.status().message();
    EXPECT_EQ(added->size(), 20u);
  }
  auto store = OpenOrDie(dir.File("news.db"));
  ASSERT_TRUE(store);
  EXPECT_EQ(store->ArticleCount(), 20u);
  std::vector<Article> articles;
  std::vector<ArticleFacts> facts;
  ASSERT_TRUE(store->LoadAll(&articles, &facts).ok());
  ASSERT_EQ(articles.size(), 20u);
  ASSERT_EQ(facts.size(), 20u);
  for (size_t i = 0; i < articles.size(); ++i) {
    ExpectSameArticle(in.articles[i], articles[i]);
    ExpectSameFacts(in.facts[i], facts[i]);
  }
}

TEST(Store, SameAgainAddsNothingAndChangedTextReplaces) {
  TempDir dir;
  auto store = OpenOrDie(dir.File("news.db"));
  ASSERT_TRUE(store);
  Batch in = MakeBatch(0, 10);
  ASSERT_TRUE(store->AddArticles(in.articles, in.facts).ok());
  Result<std::vector<std::string>> again = store->AddArticles(in.articles, in.facts);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->empty());
  EXPECT_TRUE(store->HasSame(in.articles[3]));

  Batch changed;
  Article a = in.articles[3];
  a.text.append(" Officials said 12 cranes were also ordered.");
  EXPECT_FALSE(store->HasSame(a));
  changed.Add(a);
  changed.Add(MakeArticle(10));  // and one new
  Result<std::vector<std::string>> ids = store->AddArticles(changed.articles, changed.facts);
  ASSERT_TRUE(ids.ok()) << ids.status().message();
  EXPECT_EQ(*ids, (std::vector<std::string>{"story-3", "story-10"}));
  EXPECT_EQ(store->ArticleCount(), 11u);

  std::vector<Article> articles;
  std::vector<ArticleFacts> facts;
  ASSERT_TRUE(store->LoadAll(&articles, &facts).ok());
  ASSERT_EQ(articles.size(), 11u);
  ExpectSameArticle(a, articles[3]);  // replaced in place: load order is first-stored order
  ExpectSameFacts(changed.facts[0], facts[3]);
  EXPECT_EQ(articles[10].id, "story-10");
}

TEST(Store, MismatchedBatchStoresNothing) {
  TempDir dir;
  auto store = OpenOrDie(dir.File("news.db"));
  ASSERT_TRUE(store);
  Batch in = MakeBatch(0, 3);
  in.facts.pop_back();
  EXPECT_FALSE(store->AddArticles(in.articles, in.facts).ok());
  EXPECT_EQ(store->ArticleCount(), 0u);
}

TEST(Store, KeepsOnlyTheLatestReport) {
  TempDir dir;
  auto store = OpenOrDie(dir.File("news.db"));
  ASSERT_TRUE(store);
  Result<std::string> none = store->LatestReport();
  EXPECT_FALSE(none.ok());
  ASSERT_TRUE(store->SaveReport(R"({"findings":[1]})").ok());
  ASSERT_TRUE(store->SaveReport(R"({"findings":[2]})").ok());
  std::string when;
  Result<std::string> latest = store->LatestReport(&when);
  ASSERT_TRUE(latest.ok()) << latest.status().message();
  EXPECT_EQ(*latest, R"({"findings":[2]})");
  EXPECT_EQ(when.size(), 20u) << when;  // 2026-03-30T19:15:00Z
}

TEST(Store, GarbageFileIsAnErrorNamingIt) {
  TempDir dir;
  std::string garbage(8192, '\0');
  for (size_t i = 0; i < garbage.size(); ++i) garbage[i] = static_cast<char>((i * 7919 + 13) % 251);
  std::string path = dir.Write("garbage.db", garbage);
  Result<std::unique_ptr<Store>> s = Store::Open(path);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find(path), std::string::npos) << s.status().message();
  EXPECT_NE(s.status().message().find("not a SQLite database"), std::string::npos) << s.status().message();
  EXPECT_EQ(s.status().message().find('\n'), std::string::npos);
}

TEST(Store, TruncatedStoreIsAnErrorNamingIt) {
  TempDir dir;
  std::string path = dir.File("news.db");
  {
    auto store = OpenOrDie(path);
    ASSERT_TRUE(store);
    Batch in = MakeBatch(0, 200);
    ASSERT_TRUE(store->AddArticles(in.articles, in.facts).ok());
  }
  // Keep the header page, damage everything after it.
  std::string bytes;
  {
    std::ifstream f(path, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(f), {});
  }
  ASSERT_GT(bytes.size(), 8192u);
  for (size_t i = 4096; i < bytes.size(); ++i) bytes[i] = static_cast<char>(i * 31);
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
  std::string message;
  Result<std::unique_ptr<Store>> s = Store::Open(path);
  if (!s.ok()) {
    message = s.status().message();
  } else {
    std::vector<Article> articles;
    std::vector<ArticleFacts> facts;
    message = (*s)->LoadAll(&articles, &facts).message();
  }
  ASSERT_FALSE(message.empty()) << "damage went unnoticed";
  EXPECT_EQ(message.rfind(path, 0), 0u) << message;
}

TEST(Store, ForeignDatabaseIsRefused) {
  TempDir dir;
  std::string path = dir.File("other.db");
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_exec(db, "CREATE TABLE recipes(name TEXT)", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  Result<std::unique_ptr<Store>> s = Store::Open(path);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("not a crosscheck store"), std::string::npos) << s.status().message();
}

TEST(Store, NewerSchemaIsRefused) {
  TempDir dir;
  std::string path = dir.File("news.db");
  { ASSERT_TRUE(OpenOrDie(path)); }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_exec(db, "PRAGMA user_version=99", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  Result<std::unique_ptr<Store>> s = Store::Open(path);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("newer"), std::string::npos) << s.status().message();
}

}  // namespace
}  // namespace crosscheck
