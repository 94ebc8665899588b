// The store: articles, their facts and the latest report kept in one SQLite file, so a later
// `crosscheck analyze --db FILE MORE...` adds to an earlier run, and what reconciling each story
// gave, so stories the new articles leave unchanged are not reconciled again.
//
// Contracts:
//   - Every write is one transaction: a killed process loses at most the call in flight and
//     never leaves an article without its facts (WAL journal, synchronous=NORMAL: safe against
//     a crash of the process; a power cut may lose the last commits but not corrupt the file).
//   - An article is known by its id. Its "text hash" covers what Analyze() reads (text and
//     publication time), so stored facts are reused only when they would come out the same.
//   - Nothing throws: failures come back as a Status whose one-line message names the file.
//   - Not thread-safe; one Store per thread. Several processes may share a file (SQLite locks;
//     a writer waits up to 5 s for another).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "analyze/analyze.h"
#include "core/article.h"
#include "core/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace crosscheck {

// The hash the store compares to tell whether an article changed since it was stored.
uint64_t ArticleTextHash(const Article& article);

class Store {
 public:
  static constexpr int kSchemaVersion = 2;  // in PRAGMA user_version; 2 added story_outcomes

  // Opens `path`, creating the file and schema when missing. Errors: not a SQLite database,
  // a SQLite database that is not a crosscheck store, a schema from a newer version, I/O.
  static Result<std::unique_ptr<Store>> Open(const std::string& path);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // True when an article with this id and the same text hash is stored (its facts can be
  // reused). False also when the lookup fails; AddArticles then reports the error.
  bool HasSame(const Article& article);

  // Stores articles with their facts (`facts[i]` belongs to `articles[i]`) in ONE transaction:
  // an id stored with the same text hash is skipped, one whose text changed is replaced (keeping
  // its place in load order). Returns the ids added or changed; on error nothing is stored.
  Result<std::vector<std::string>> AddArticles(const std::vector<Article>& articles,
                                               const std::vector<ArticleFacts>& facts);

  // Appends every stored article and its facts, in the order they were first stored.
  Status LoadAll(std::vector<Article>* articles, std::vector<ArticleFacts>* facts);

  // Keeps `report_json` as the latest report, with the current UTC time; older ones are dropped.
  Status SaveReport(const std::string& report_json);
  // The latest saved report; `saved_at` (optional) gets its time, "2026-03-30T19:15:00Z".
  Result<std::string> LatestReport(std::string* saved_at = nullptr);

  // What reconciling each story gave on the last run (opaque JSON the reconciler wrote), by
  // the story's key, so a story that did not change is not reconciled again.
  Status LoadOutcomes(std::unordered_map<uint64_t, std::string>* out);
  // In one transaction: stores `fresh` outcomes and drops every kept outcome whose key is not
  // in `used` (stories that changed or went away).
  Status KeepOutcomes(const std::vector<std::pair<uint64_t, std::string>>& fresh, const std::vector<uint64_t>& used);

  // Stored articles; 0 when the count fails.
  size_t ArticleCount();

  const std::string& path() const { return path_; }

 private:
  Store(std::string path, sqlite3* db) : path_(std::move(path)), db_(db) {}
  Status Setup();
  Status Exec(const char* sql);
  Status Prepare(const char* sql, sqlite3_stmt** stmt);
  Status Error(int code) const;
  Status StoreOne(const Article& article, const ArticleFacts& facts, bool* stored);

  std::string path_;
  sqlite3* db_ = nullptr;
  sqlite3_stmt* hash_of_ = nullptr;     // text hash of an id
  sqlite3_stmt* put_article_ = nullptr;
  sqlite3_stmt* put_facts_ = nullptr;
};

}  // namespace crosscheck
