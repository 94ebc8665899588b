// corpus_gen: writes a generated news corpus (news_generator.h: reports that come in events,
// from many invented outlets, with copies and divergent reports) to a folder, for measuring
// `crosscheck analyze` end to end (bench/e2e.sh).
//
// Usage: corpus_gen --articles=N --out=DIR [--seed=S] [--skip=K] [--words=W] [--per-file=F]
//                   [--format=jsonl|txt] [--truth=FILE]
//   --articles  how many reports to write (required)
//   --out       folder to write them to (created; existing files of the same names are replaced)
//   --seed      corpus seed (default 1); the same seed gives byte-identical files
//   --skip      leave out the first K reports of the stream: `--skip=100000 --articles=1000`
//               writes the 1,000 reports that follow a 100,000-report corpus of the same seed
//   --words     target length of an original report (default 800)
//   --per-file  records per JSON Lines file (default 1000): part-00000.jsonl, part-00001.jsonl, ...
//   --format    jsonl (default): one record a line, {"id", "url", "text"}, text being the page
//               as a scraper dumps it (title, byline, date and copyright lines around the body);
//               txt: one such page per file, ID.txt
//   --truth     also write FILE (TSV: id, event, kind, copied_from report, outlet, published)
// Reports are written in publication order. Prints how many reports, events and bytes.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "news_generator.h"

namespace {

using crosscheck::bench::GeneratedReport;

struct Options {
  long articles = -1, skip = 0, per_file = 1000;
  uint64_t seed = 1;
  int words = 800;
  std::string out, format = "jsonl", truth;
};

bool Flag(std::string_view arg, std::string_view name, std::string* value) {
  if (arg.substr(0, name.size()) != name) return false;
  *value = std::string(arg.substr(name.size()));
  return true;
}

[[noreturn]] void Usage() {
  std::fprintf(stderr,
               "usage: corpus_gen --articles=N --out=DIR [--seed=S] [--skip=K] [--words=W] [--per-file=F]\n"
               "                  [--format=jsonl|txt] [--truth=FILE]\n");
  std::exit(2);
}

Options ParseOptions(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string v;
    if (Flag(argv[i], "--articles=", &v)) o.articles = std::atol(v.c_str());
    else if (Flag(argv[i], "--out=", &v)) o.out = v;
    else if (Flag(argv[i], "--seed=", &v)) o.seed = std::strtoull(v.c_str(), nullptr, 10);
    else if (Flag(argv[i], "--skip=", &v)) o.skip = std::atol(v.c_str());
    else if (Flag(argv[i], "--words=", &v)) o.words = std::atoi(v.c_str());
    else if (Flag(argv[i], "--per-file=", &v)) o.per_file = std::atol(v.c_str());
    else if (Flag(argv[i], "--format=", &v)) o.format = v;
    else if (Flag(argv[i], "--truth=", &v)) o.truth = v;
    else Usage();
  }
  if (o.articles < 0 || o.out.empty() || o.skip < 0 || o.per_file < 1 || (o.format != "jsonl" && o.format != "txt"))
    Usage();
  return o;
}

const char* KindName(crosscheck::bench::ReportKind k) {
  switch (k) {
    case crosscheck::bench::ReportKind::kCopy: return "copy";
    case crosscheck::bench::ReportKind::kDivergent: return "divergent";
    default: return "original";
  }
}

// Writes reports to numbered JSON Lines files or one text file each.
class CorpusWriter {
 public:
  explicit CorpusWriter(const Options& o) : o_(o) {
    std::filesystem::create_directories(o.out);
    if (!o.truth.empty()) truth_ = std::make_unique<std::ofstream>(o.truth);
  }

  void Write(const GeneratedReport& r) {
    std::string page = crosscheck::bench::AsScrapedText(r.article);
    bytes_ += page.size();
    events_.insert(r.event);
    if (o_.format == "txt") {
      std::ofstream(o_.out + "/" + r.article.id + ".txt", std::ios::binary) << page;
    } else {
      if (written_ % o_.per_file == 0) OpenPart(written_ / o_.per_file);
      nlohmann::json j = {{"id", r.article.id}, {"url", r.article.source}, {"text", page}};
      *part_ << j.dump() << '\n';
    }
    if (truth_)
      *truth_ << r.article.id << '\t' << r.event << '\t' << KindName(r.kind) << '\t' << r.copied_from << '\t'
              << r.article.outlet << '\t' << r.article.published << '\n';
    ++written_;
  }

  void PrintSummary() const {
    std::printf("%ld reports of %zu events, %.1f MB of pages, in %s\n", written_, events_.size(), bytes_ / 1e6,
                o_.out.c_str());
  }

 private:
  void OpenPart(long n) {
    char name[32];
    std::snprintf(name, sizeof name, "/part-%05ld.jsonl", n);
    part_ = std::make_unique<std::ofstream>(o_.out + name, std::ios::binary);
  }

  const Options& o_;
  std::unique_ptr<std::ofstream> part_, truth_;
  std::set<uint64_t> events_;
  long written_ = 0;
  double bytes_ = 0;
};

}  // namespace

int main(int argc, char** argv) {
  Options o = ParseOptions(argc, argv);
  CorpusWriter writer(o);
  crosscheck::bench::CorpusOptions corpus;
  corpus.seed = o.seed;
  corpus.words = o.words;
  long index = 0;
  crosscheck::bench::GenerateNewsCorpus(corpus, o.skip + o.articles, [&](GeneratedReport&& r) {
    if (index++ >= o.skip) writer.Write(r);
  });
  writer.PrintSummary();
  return 0;
}
