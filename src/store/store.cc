#include "store/store.h"

#include <sqlite3.h>
#include <xxhash.h>

#include <utility>

#include "store/facts_codec.h"

namespace crosscheck {
namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS articles(
  id TEXT PRIMARY KEY, source TEXT NOT NULL, outlet TEXT NOT NULL, title TEXT NOT NULL,
  author TEXT NOT NULL, published TEXT NOT NULL, language TEXT NOT NULL, text TEXT NOT NULL,
  boilerplate_chars INTEGER NOT NULL, text_hash INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS facts(
  article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE, json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS reports(
  id INTEGER PRIMARY KEY CHECK (id = 1), saved_at TEXT NOT NULL, json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS story_outcomes(key INTEGER PRIMARY KEY, json TEXT NOT NULL);
)sql";

// Finalizes a statement prepared for one call.
struct StmtDeleter {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using OwnedStmt = std::unique_ptr<sqlite3_stmt, StmtDeleter>;

void BindText(sqlite3_stmt* s, int i, const std::string& v) {
  sqlite3_bind_text(s, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
}

std::string ColumnText(sqlite3_stmt* s, int i) {
  const void* p = sqlite3_column_blob(s, i);  // bytes as stored, even if not valid UTF-8
  return p ? std::string(static_cast<const char*>(p), static_cast<size_t>(sqlite3_column_bytes(s, i))) : std::string();
}

// Resets a cached statement on every exit path so it never holds a read lock.
class ResetOnExit {
 public:
  explicit ResetOnExit(sqlite3_stmt* s) : s_(s) {}
  ~ResetOnExit() {
    sqlite3_reset(s_);
    sqlite3_clear_bindings(s_);
  }

 private:
  sqlite3_stmt* s_;
};

}  // namespace

uint64_t ArticleTextHash(const Article& a) {
  XXH3_state_t* state = XXH3_createState();
  XXH3_64bits_reset(state);
  XXH3_64bits_update(state, a.text.data(), a.text.size());
  XXH3_64bits_update(state, "\0", 1);  // keeps "ab"+"c" apart from "a"+"bc"
  XXH3_64bits_update(state, a.published.data(), a.published.size());
  uint64_t h = XXH3_64bits_digest(state);
  XXH3_freeState(state);
  return h;
}

Result<std::unique_ptr<Store>> Store::Open(const std::string& path) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = std::string(path).append(": cannot open: ").append(db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    sqlite3_close_v2(db);
    return Status::Error(std::move(msg));
  }
  std::unique_ptr<Store> store(new Store(path, db));
  Status s = store->Setup();
  if (!s.ok()) return s;
  return store;
}

Store::~Store() {
  sqlite3_finalize(hash_of_);
  sqlite3_finalize(put_article_);
  sqlite3_finalize(put_facts_);
  sqlite3_close_v2(db_);
}

Status Store::Error(int code) const {
  std::string msg = path_;
  int primary = code & 0xff;
  if (primary == SQLITE_NOTADB) return Status::Error(msg.append(": not a SQLite database"));
  if (primary == SQLITE_CORRUPT) return Status::Error(msg.append(": database file is corrupt (").append(sqlite3_errmsg(db_)).append(")"));
  return Status::Error(msg.append(": ").append(sqlite3_errmsg(db_)));
}

Status Store::Exec(const char* sql) {
  int rc = sqlite3_exec(db_, sql, nullptr, nullptr, nullptr);
  return rc == SQLITE_OK ? Status::Ok() : Error(rc);
}

Status Store::Prepare(const char* sql, sqlite3_stmt** stmt) {
  int rc = sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, stmt, nullptr);
  return rc == SQLITE_OK ? Status::Ok() : Error(rc);
}

// Journal mode first: it is the first statement that reads the file, so a file that is not a
// database fails here with SQLITE_NOTADB.
Status Store::Setup() {
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, 5000);
  for (const char* pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON"}) {
    if (Status s = Exec(pragma); !s.ok()) return s;
  }
  sqlite3_stmt* raw = nullptr;
  if (Status s = Prepare(
          "SELECT (SELECT user_version FROM pragma_user_version),"
          " (SELECT count(*) FROM sqlite_schema WHERE name NOT IN ('articles','facts','reports','story_outcomes')"
          "  AND name NOT LIKE 'sqlite_%')",
          &raw);
      !s.ok())
    return s;
  OwnedStmt version(raw);
  int rc = sqlite3_step(raw);
  if (rc != SQLITE_ROW) return Error(rc);
  int user_version = sqlite3_column_int(raw, 0), foreign = sqlite3_column_int(raw, 1);
  version.reset();
  if (user_version > kSchemaVersion)
    return Status::Error(std::string(path_).append(": made by a newer crosscheck (store schema ")
                             .append(std::to_string(user_version)).append(")"));
  if (user_version == 0 && foreign > 0)
    return Status::Error(std::string(path_).append(": a SQLite database, but not a crosscheck store"));
  if (user_version < kSchemaVersion) {  // a new store, or one from before story outcomes were kept
    std::string create = std::string("BEGIN IMMEDIATE;").append(kSchema);
    create.append("PRAGMA user_version=").append(std::to_string(kSchemaVersion)).append(";COMMIT;");
    if (Status s = Exec(create.c_str()); !s.ok()) {
      sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
      return s;
    }
  }
  if (Status s = Prepare("SELECT text_hash FROM articles WHERE id=?1", &hash_of_); !s.ok()) return s;
  if (Status s = Prepare(
          "INSERT INTO articles(id,source,outlet,title,author,published,language,text,boilerplate_chars,text_hash)"
          " VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10) ON CONFLICT(id) DO UPDATE SET source=excluded.source,"
          " outlet=excluded.outlet, title=excluded.title, author=excluded.author, published=excluded.published,"
          " language=excluded.language, text=excluded.text, boilerplate_chars=excluded.boilerplate_chars,"
          " text_hash=excluded.text_hash",
          &put_article_);
      !s.ok())
    return s;
  return Prepare("INSERT OR REPLACE INTO facts(article_id,json) VALUES(?1,?2)", &put_facts_);
}

bool Store::HasSame(const Article& article) {
  ResetOnExit reset(hash_of_);
  BindText(hash_of_, 1, article.id);
  return sqlite3_step(hash_of_) == SQLITE_ROW &&
         static_cast<uint64_t>(sqlite3_column_int64(hash_of_, 0)) == ArticleTextHash(article);
}

// Writes one article and its facts unless stored unchanged; `stored` says whether it wrote.
Status Store::StoreOne(const Article& a, const ArticleFacts& facts, bool* stored) {
  *stored = false;
  if (HasSame(a)) return Status::Ok();
  {
    ResetOnExit reset(put_article_);
    const std::string* fields[] = {&a.id, &a.source, &a.outlet, &a.title, &a.author, &a.published, &a.language, &a.text};
    for (int i = 0; i < 8; ++i) BindText(put_article_, i + 1, *fields[i]);
    sqlite3_bind_int64(put_article_, 9, static_cast<sqlite3_int64>(a.boilerplate_chars));
    sqlite3_bind_int64(put_article_, 10, static_cast<sqlite3_int64>(ArticleTextHash(a)));
    if (int rc = sqlite3_step(put_article_); rc != SQLITE_DONE) return Error(rc);
  }
  ResetOnExit reset(put_facts_);
  std::string json = ArticleFactsToJson(facts).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  BindText(put_facts_, 1, a.id);
  BindText(put_facts_, 2, json);
  if (int rc = sqlite3_step(put_facts_); rc != SQLITE_DONE) return Error(rc);
  *stored = true;
  return Status::Ok();
}

Result<std::vector<std::string>> Store::AddArticles(const std::vector<Article>& articles,
                                                    const std::vector<ArticleFacts>& facts) {
  if (articles.size() != facts.size()) return Status::Error(std::string(path_).append(": articles and facts differ in number"));
  if (Status s = Exec("BEGIN IMMEDIATE"); !s.ok()) return s;
  std::vector<std::string> changed;
  for (size_t i = 0; i < articles.size(); ++i) {
    bool stored = false;
    if (Status s = StoreOne(articles[i], facts[i], &stored); !s.ok()) {
      sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
      return s;
    }
    if (stored) changed.push_back(articles[i].id);
  }
  if (Status s = Exec("COMMIT"); !s.ok()) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    return s;
  }
  return changed;
}

Status Store::LoadAll(std::vector<Article>* articles, std::vector<ArticleFacts>* facts) {
  sqlite3_stmt* raw = nullptr;
  if (Status s = Prepare(
          "SELECT a.id,a.source,a.outlet,a.title,a.author,a.published,a.language,a.text,a.boilerplate_chars,f.json"
          " FROM articles a LEFT JOIN facts f ON f.article_id=a.id ORDER BY a.rowid",
          &raw);
      !s.ok())
    return s;
  OwnedStmt stmt(raw);
  int rc;
  while ((rc = sqlite3_step(raw)) == SQLITE_ROW) {
    Article a;
    std::string* fields[] = {&a.id, &a.source, &a.outlet, &a.title, &a.author, &a.published, &a.language, &a.text};
    for (int i = 0; i < 8; ++i) *fields[i] = ColumnText(raw, i);
    a.boilerplate_chars = static_cast<size_t>(sqlite3_column_int64(raw, 8));
    if (sqlite3_column_type(raw, 9) == SQLITE_NULL)
      return Status::Error(std::string(path_).append(": article ").append(a.id).append(" has no stored facts"));
    nlohmann::json j = nlohmann::json::parse(ColumnText(raw, 9), nullptr, /*allow_exceptions=*/false);
    Result<ArticleFacts> f = ArticleFactsFromJson(j);
    if (!f.ok()) return Status::Error(std::string(path_).append(": article ").append(a.id).append(": ").append(f.status().message()));
    articles->push_back(std::move(a));
    facts->push_back(std::move(f).value());
  }
  return rc == SQLITE_DONE ? Status::Ok() : Error(rc);
}

Status Store::SaveReport(const std::string& report_json) {
  sqlite3_stmt* raw = nullptr;
  if (Status s = Prepare(
          "INSERT OR REPLACE INTO reports(id,saved_at,json) VALUES(1,strftime('%Y-%m-%dT%H:%M:%SZ','now'),?1)", &raw);
      !s.ok())
    return s;
  OwnedStmt stmt(raw);
  BindText(raw, 1, report_json);
  int rc = sqlite3_step(raw);
  return rc == SQLITE_DONE ? Status::Ok() : Error(rc);
}

Result<std::string> Store::LatestReport(std::string* saved_at) {
  sqlite3_stmt* raw = nullptr;
  if (Status s = Prepare("SELECT saved_at,json FROM reports WHERE id=1", &raw); !s.ok()) return s;
  OwnedStmt stmt(raw);
  int rc = sqlite3_step(raw);
  if (rc == SQLITE_DONE) return Status::Error(std::string(path_).append(": no report saved yet"));
  if (rc != SQLITE_ROW) return Error(rc);
  if (saved_at) *saved_at = ColumnText(raw, 0);
  return ColumnText(raw, 1);
}

Status Store::LoadOutcomes(std::unordered_map<uint64_t, std::string>* out) {
  sqlite3_stmt* raw = nullptr;
  if (Status s = Prepare("SELECT key,json FROM story_outcomes", &raw); !s.ok()) return s;
  OwnedStmt stmt(raw);
  int rc;
  while ((rc = sqlite3_step(raw)) == SQLITE_ROW)
    out->emplace(static_cast<uint64_t>(sqlite3_column_int64(raw, 0)), ColumnText(raw, 1));
  return rc == SQLITE_DONE ? Status::Ok() : Error(rc);
}

Status Store::KeepOutcomes(const std::vector<std::pair<uint64_t, std::string>>& fresh, const std::vector<uint64_t>& used) {
  if (Status s = Exec("BEGIN IMMEDIATE"); !s.ok()) return s;
  auto fail = [&](Status s) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    return s;
  };
  if (Status s = Exec("CREATE TEMP TABLE IF NOT EXISTS used_outcomes(key INTEGER PRIMARY KEY); DELETE FROM used_outcomes");
      !s.ok())
    return fail(s);
  sqlite3_stmt *mark_raw = nullptr, *put_raw = nullptr;
  if (Status s = Prepare("INSERT OR IGNORE INTO used_outcomes(key) VALUES(?1)", &mark_raw); !s.ok()) return fail(s);
  OwnedStmt mark(mark_raw);
  if (Status s = Prepare("INSERT OR REPLACE INTO story_outcomes(key,json) VALUES(?1,?2)", &put_raw); !s.ok()) return fail(s);
  OwnedStmt put(put_raw);
  for (uint64_t key : used) {
    sqlite3_bind_int64(mark_raw, 1, static_cast<sqlite3_int64>(key));
    int rc = sqlite3_step(mark_raw);
    sqlite3_reset(mark_raw);
    if (rc != SQLITE_DONE) return fail(Error(rc));
  }
  for (const auto& [key, json] : fresh) {
    sqlite3_bind_int64(put_raw, 1, static_cast<sqlite3_int64>(key));
    BindText(put_raw, 2, json);
    int rc = sqlite3_step(put_raw);
    sqlite3_reset(put_raw);
    if (rc != SQLITE_DONE) return fail(Error(rc));
  }
  // Outcomes of stories that no longer exist (they grew, or lost an article) go.
  if (Status s = Exec("DELETE FROM story_outcomes WHERE key NOT IN (SELECT key FROM used_outcomes)"); !s.ok())
    return fail(s);
  return Exec("COMMIT");
}

size_t Store::ArticleCount() {
  sqlite3_stmt* raw = nullptr;
  if (!Prepare("SELECT count(*) FROM articles", &raw).ok()) return 0;
  OwnedStmt stmt(raw);
  return sqlite3_step(raw) == SQLITE_ROW ? static_cast<size_t>(sqlite3_column_int64(raw, 0)) : 0;
}

}  // namespace crosscheck
