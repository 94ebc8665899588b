// crosscheck: the command. Subcommands follow the pipeline:
//   extract PATH...   clean articles (JSON Lines by default)
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>

#include "cli/progress.h"
#include "extract/extract.h"
#include "ingest/document.h"
#include "report/article_json.h"

namespace crosscheck {
namespace {

struct CommonOptions {
  std::vector<std::string> paths;
  std::string format = "jsonl";
  size_t max_bytes = 20u << 20;
};

void ReportError(const IngestError& e) { std::fprintf(stderr, "crosscheck: %s: %s\n", e.source.c_str(), e.reason.c_str()); }

int RunExtract(const CommonOptions& opt) {
  IngestOptions ingest_options;
  ingest_options.max_bytes = opt.max_bytes;
  size_t errors = 0, count = 0;
  nlohmann::json all = nlohmann::json::array();
  Progress progress("extract");
  errors += Ingest(opt.paths, ingest_options, [&](Document&& doc) {
    Result<Article> article = ExtractArticle(doc);
    progress.Tick(++count);
    if (!article.ok()) {
      ReportError({doc.source, article.status().message()});
      ++errors;
      return;
    }
    if (opt.format == "json") all.push_back(ArticleToJson(article.value()));
    else if (opt.format == "text") std::cout << ArticleToText(article.value());
    else std::cout << ArticleToJson(article.value()).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  }, ReportError);
  if (opt.format == "json") std::cout << all.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  std::cout.flush();
  return errors ? 1 : 0;
}

}  // namespace
}  // namespace crosscheck

int main(int argc, char** argv) {
  using namespace crosscheck;
  CLI::App app{"crosscheck: what news outlets agree on, where they contradict each other, and who is reliable"};
  app.require_subcommand(1);
  CommonOptions opt;
  auto add_common = [&](CLI::App* sub) {
    sub->add_option("paths", opt.paths, "files, folders (recursive) or - for standard input")->required();
    sub->add_option("--max-size", opt.max_bytes, "skip files larger than this (bytes, or 500KB, 20MB, 1GB)")
        ->transform(CLI::AsSizeValue(false))
        ->default_str("20MB");
  };
  CLI::App* extract = app.add_subcommand("extract", "clean articles from HTML, scraped text, WARC and JSON Lines");
  add_common(extract);
  extract->add_option("--format", opt.format, "jsonl | json | text")->check(CLI::IsMember({"jsonl", "json", "text"}));
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  if (*extract) return RunExtract(opt);
  return 2;
}
