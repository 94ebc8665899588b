// crosscheck: the command. Subcommands follow the pipeline:
//   extract PATH...   clean articles (JSON Lines by default)
//   facts PATH...     each article's facts: entities, times, quantities, roles, quotes, events
//   group PATH...     copies, stories and the events inside them
//   analyze PATH...   all stages: what outlets agree on, contradict, and who is reliable;
//                     with --db FILE, articles, facts and the report are kept in SQLite and
//                     each run adds to what earlier runs stored (src/store/store.h)
#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <memory>
#include <sstream>

#include "analyze/analyze.h"
#include "cli/progress.h"
#include "extract/extract.h"
#include "group/group.h"
#include "group/grouping_json.h"
#include "reconcile/reconcile.h"
#include "ingest/document.h"
#include "report/article_json.h"
#include "report/facts_json.h"
#include "report/report.h"
#include "store/store.h"
#include "store/story_memory.h"

#include <unistd.h>

namespace crosscheck {
namespace {

struct CommonOptions {
  std::vector<std::string> paths;
  std::string format = "jsonl";
  size_t max_bytes = 20u << 20;
  std::string db;  // analyze --db: the store file, "" = everything in memory
};

void ReportError(const IngestError& e) { std::fprintf(stderr, "crosscheck: %s: %s\n", e.source.c_str(), e.reason.c_str()); }

std::string Dump(const nlohmann::json& j, int indent = -1) {
  return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Reads every path and hands each clean article on; returns the number of failures.
size_t ForEachArticle(const CommonOptions& opt, const char* label, const std::function<void(Article&&)>& on_article) {
  IngestOptions ingest_options;
  ingest_options.max_bytes = opt.max_bytes;
  size_t errors = 0, count = 0;
  Progress progress(label);
  errors += Ingest(opt.paths, ingest_options, [&](Document&& doc) {
    Result<Article> article = ExtractArticle(doc);
    progress.Tick(++count);
    if (!article.ok()) {
      ReportError({doc.source, article.status().message()});
      ++errors;
      return;
    }
    on_article(std::move(article.value()));
  }, ReportError);
  return errors;
}

// Writes JSON records as JSON Lines, or as one array for --format json.
class JsonWriter {
 public:
  explicit JsonWriter(const std::string& format) : array_(format == "json") {}
  ~JsonWriter() {
    if (array_) std::cout << Dump(all_, 2) << '\n';
    std::cout.flush();
  }
  void Write(nlohmann::json j) {
    if (array_) all_.push_back(std::move(j));
    else std::cout << Dump(j) << '\n';
  }

 private:
  bool array_;
  nlohmann::json all_ = nlohmann::json::array();
};

int RunExtract(const CommonOptions& opt) {
  size_t errors;
  if (opt.format == "text") {
    errors = ForEachArticle(opt, "extract", [](Article&& a) { std::cout << ArticleToText(a); });
  } else {
    JsonWriter out(opt.format);
    errors = ForEachArticle(opt, "extract", [&](Article&& a) { out.Write(ArticleToJson(a)); });
  }
  return errors ? 1 : 0;
}

int RunFacts(const CommonOptions& opt) {
  JsonWriter out(opt.format);
  size_t errors = ForEachArticle(opt, "facts", [&](Article&& a) { out.Write(FactsToJson(a, Analyze(a))); });
  return errors ? 1 : 0;
}

// Articles and their facts, read and analysed in full (stages 1 to 3).
struct Corpus {
  std::vector<Article> articles;
  std::vector<ArticleFacts> facts;
  size_t errors = 0;
};

Corpus ReadCorpus(const CommonOptions& opt) {
  Corpus c;
  c.errors = ForEachArticle(opt, "analyze", [&](Article&& a) {
    c.facts.push_back(Analyze(a));
    c.articles.push_back(std::move(a));
  });
  return c;
}

Grouping GroupCorpus(const Corpus& c, bool batch) {
  std::vector<GroupInput> inputs;
  for (size_t i = 0; i < c.articles.size(); ++i) inputs.push_back({&c.articles[i], &c.facts[i]});
  GroupOptions options;
  options.batch = batch;
  return GroupArticles(inputs, options);
}

int RunGroup(const CommonOptions& opt, bool batch) {
  Corpus c = ReadCorpus(opt);
  Grouping g = GroupCorpus(c, batch);
  if (opt.format == "text") {
    for (const Story& s : g.stories) {
      std::cout << "story " << s.id << ": " << s.articles.size() << " reports\n";
      for (const StoryEvent& e : s.events) {
        std::cout << "  event " << e.id << "  " << (e.date.empty() ? "date unknown" : e.date) << "  " << e.place << "\n";
        for (const std::string& id : e.articles) std::cout << "    " << id << "\n";
      }
    }
    for (const auto& group : g.copy_groups) {
      std::cout << "copies:";
      for (const std::string& id : group) std::cout << " " << id;
      std::cout << "\n";
    }
  } else {
    std::cout << Dump(GroupingToJson(g), 2) << '\n';
  }
  return c.errors ? 1 : 0;
}

// Articles read in one run go to the store in transactions of this many, so a killed run
// loses at most one batch and re-running resumes where the last commit ended.
constexpr size_t kStoreBatch = 500;

// Buffers new or changed articles with their facts and commits them kStoreBatch at a time.
// After the first failure it stores nothing more and keeps the error.
class StoreWriter {
 public:
  explicit StoreWriter(Store* store) : store_(store) {}
  void Add(Article&& a, ArticleFacts&& f) {
    articles_.push_back(std::move(a));
    facts_.push_back(std::move(f));
    if (articles_.size() >= kStoreBatch) Flush();
  }
  void Flush() {
    if (status_.ok() && !articles_.empty()) {
      Result<std::vector<std::string>> ids = store_->AddArticles(articles_, facts_);
      if (ids.ok()) stored_ += ids->size();
      else status_ = ids.status();
    }
    articles_.clear();
    facts_.clear();
  }
  const Status& status() const { return status_; }
  size_t stored() const { return stored_; }

 private:
  Store* store_;
  std::vector<Article> articles_;
  std::vector<ArticleFacts> facts_;
  Status status_;
  size_t stored_ = 0;
};

void PrintStoreError(const Status& s) { std::fprintf(stderr, "crosscheck: %s\n", s.message().c_str()); }

// Stages 1 to 3 through the store: reads every path, analyses only articles the store does
// not hold with the same text (stored facts are reused), stores those, then loads everything
// stored, this run's and earlier runs', into `c`. False (error printed) when the store fails.
bool ReadCorpusWithStore(const CommonOptions& opt, Store& store, Corpus* c) {
  StoreWriter writer(&store);
  size_t read = 0;
  c->errors = ForEachArticle(opt, "analyze", [&](Article&& a) {
    ++read;
    if (!writer.status().ok() || store.HasSame(a)) return;
    ArticleFacts f = Analyze(a);
    writer.Add(std::move(a), std::move(f));
  });
  writer.Flush();
  if (!writer.status().ok()) {
    PrintStoreError(writer.status());
    return false;
  }
  if (Status s = store.LoadAll(&c->articles, &c->facts); !s.ok()) {
    PrintStoreError(s);
    return false;
  }
  if (isatty(STDERR_FILENO))
    std::fprintf(stderr, "crosscheck: %zu of %zu articles new or changed; %s holds %zu\n", writer.stored(), read,
                 store.path().c_str(), c->articles.size());
  return true;
}

int RunAnalyze(const CommonOptions& opt, bool batch) {
  Corpus c;
  std::unique_ptr<Store> store;
  if (opt.db.empty()) {
    c = ReadCorpus(opt);
  } else {
    Result<std::unique_ptr<Store>> opened = Store::Open(opt.db);
    if (!opened.ok()) {
      PrintStoreError(opened.status());
      return 1;
    }
    store = std::move(opened).value();
    if (!ReadCorpusWithStore(opt, *store, &c)) return 1;
  }
  Grouping g = GroupCorpus(c, batch);
  // With a store, stories no new article changed are recalled rather than reconciled again.
  std::unique_ptr<StoredStoryMemory> memory;
  if (store) {
    memory = std::make_unique<StoredStoryMemory>(store.get());
    if (!memory->status().ok()) PrintStoreError(memory->status());  // then everything is reconciled
  }
  Reconciliation r = Reconcile(c.articles, c.facts, g, memory.get());
  if (memory) {
    if (Status s = memory->Save(); !s.ok()) PrintStoreError(s);
    if (isatty(STDERR_FILENO))
      std::fprintf(stderr, "crosscheck: %zu stories, %zu unchanged since the last run\n", r.stories, r.stories_recalled);
  }
  Report report{&c.articles, &g, &r};
  std::string format = opt.format;
  if (format == "auto") format = isatty(STDOUT_FILENO) ? "terminal" : "json";
  // JSON is written piece by piece: a report on 100,000 articles is never held whole.
  if (format == "json") WriteReportJson(report, std::cout);
  else if (format == "markdown") std::cout << ReportToMarkdown(report);
  else if (format == "html") std::cout << ReportToHtml(report);
  else std::cout << ReportToTerminal(report, isatty(STDOUT_FILENO) == 1);
  std::cout.flush();
  if (store) {
    // The store keeps the report without the articles' texts, which it holds already.
    std::ostringstream kept;
    WriteReportJson(report, kept, /*with_text=*/false);
    if (Status s = store->SaveReport(kept.str()); !s.ok()) {
      PrintStoreError(s);
      return 1;
    }
    store.reset();  // closed properly: the store outlives this process
  }
  // Everything is written. The corpus in memory (tens of millions of small strings and vectors
  // at 100,000 articles) goes back to the system whole instead of being freed piece by piece.
  std::fflush(nullptr);
  std::_Exit(c.errors ? 1 : 0);
}

}  // namespace
}  // namespace crosscheck

int main(int argc, char** argv) {
  using namespace crosscheck;
  std::ios::sync_with_stdio(false);  // reports are written through std::cout in many small pieces
  CLI::App app{"crosscheck: what news outlets agree on, where they contradict each other, and who is reliable"};
  app.require_subcommand(1);
  CommonOptions opt;
  auto add_common = [&](CLI::App* sub) {
    sub->add_option("paths", opt.paths, "files, folders (recursive) or - for standard input")->required();
    sub->add_option("--max-size", opt.max_bytes, "skip files larger than this (bytes, or 500KB, 20MB, 1GB)")
        ->transform(CLI::AsSizeValue(false))
        ->default_str("20MB");
  };
  CLI::App* extract = app.add_subcommand("extract", "clean articles from HTML, scraped text, WARC, JSON Lines and JSON article records");
  add_common(extract);
  extract->add_option("--format", opt.format, "jsonl | json | text")->check(CLI::IsMember({"jsonl", "json", "text"}));
  CLI::App* facts = app.add_subcommand("facts", "the facts each article states, with their spans");
  add_common(facts);
  facts->add_option("--format", opt.format, "jsonl | json")->check(CLI::IsMember({"jsonl", "json"}));
  bool batch = false;
  CLI::App* group = app.add_subcommand("group", "copies, stories and the events inside them");
  add_common(group);
  group->add_option("--format", opt.format, "json | text")->check(CLI::IsMember({"json", "text"}));
  group->add_flag("--batch", batch, "articles come in any order (default: publication order)");
  CLI::App* analyze = app.add_subcommand("analyze", "all stages: agreements, contradictions, reliability");
  add_common(analyze);
  analyze->add_option("--format", opt.format, "terminal | json | markdown | html (default: terminal on a terminal, else json)")
      ->check(CLI::IsMember({"auto", "terminal", "json", "markdown", "html"}));
  analyze->add_flag("--batch", batch, "articles come in any order (default: publication order)");
  analyze->add_option("--db", opt.db, "keep articles, facts and the report in this SQLite file; later runs add to it");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  if (*extract) return RunExtract(opt);
  if (*facts) return RunFacts(opt);
  if (*group) {
    if (group->count("--format") == 0) opt.format = "json";
    return RunGroup(opt, batch);
  }
  if (*analyze) {
    if (analyze->count("--format") == 0) opt.format = "auto";
    return RunAnalyze(opt, batch);
  }
  return 2;
}
