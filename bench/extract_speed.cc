// extract_speed: how fast ExtractArticle turns HTML pages into articles, on one thread.
//
// Usage: extract_speed [--mode=disk|memory|both] [--repeat=N] DIR_OR_FILES...
//   Directories are walked recursively (files in name order); *.gz files are gunzipped with
//   the project's Gunzip. Every page is taken as HTML (Document kind kHtml).
//   disk    the official figure: each file is read from disk, gunzipped and extracted inside
//           the timed loop ("read once from disk, parse included"); best of --repeat passes
//           (after the first pass the files come from the page cache, as on a warm server).
//   memory  all files are read and gunzipped first; only ExtractArticle is timed; best of
//           --repeat passes.
//   both    (default) disk, then memory.
// Prints, per mode: pages, MB of HTML (after gunzip), seconds, pages/s, MB/s, pages that gave
// no article, and the process's peak RSS so far (getrusage ru_maxrss). Disk mode runs first so
// its peak is not inflated by the in-memory corpus. CPU seconds are printed beside the wall
// clock: on a shared machine they move less with the neighbours' load.
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extract/extract.h"
#include "ingest/document.h"
#include "ingest/gzip.h"

namespace {

using crosscheck::Document;
using Clock = std::chrono::steady_clock;

constexpr size_t kMaxPageBytes = 64u << 20;

struct Options {
  std::string mode = "both";
  int repeat = 3;
  std::vector<std::string> paths;
};

struct Tally {
  size_t pages = 0, bytes = 0, failed = 0;
  double seconds = 0;      // wall clock: the figure that counts
  double cpu_seconds = 0;  // this process's CPU time: steadier on a busy machine
};

std::vector<std::string> ListFiles(const std::vector<std::string>& paths) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  for (const std::string& p : paths) {
    if (!fs::is_directory(p)) { files.push_back(p); continue; }
    std::vector<std::string> found;
    for (const auto& e : fs::recursive_directory_iterator(p))
      if (e.is_regular_file()) found.push_back(e.path().string());
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

// Reads one file and gunzips it when its name ends in .gz. Returns false (with a message on
// stderr) when the file cannot be read or inflated.
bool LoadPage(const std::string& path, Document* doc) {
  std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(path.c_str(), "rb"), std::fclose);
  if (!f) { std::fprintf(stderr, "extract_speed: cannot open %s\n", path.c_str()); return false; }
  std::error_code ec;
  std::string bytes(std::filesystem::file_size(path, ec), '\0');  // one read, no regrowth
  bytes.resize(std::fread(bytes.data(), 1, bytes.size(), f.get()));
  if (path.ends_with(".gz")) {
    auto inflated = crosscheck::Gunzip(bytes, kMaxPageBytes);
    if (!inflated.ok()) {
      std::fprintf(stderr, "extract_speed: %s: %s\n", path.c_str(), inflated.status().message().c_str());
      return false;
    }
    bytes = std::move(inflated.value());
  }
  doc->id = crosscheck::DocumentIdFromPath(path);
  doc->source = path;
  doc->kind = crosscheck::DocumentKind::kHtml;
  doc->bytes = std::move(bytes);
  return true;
}

void Extract(const Document& doc, Tally* t) {
  auto article = crosscheck::ExtractArticle(doc);
  ++t->pages;
  t->bytes += doc.bytes.size();
  if (!article.ok()) ++t->failed;
}

double Seconds(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

double CpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

long PeakRssKb() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss;  // kilobytes on Linux
}

void Report(const char* label, const Tally& t) {
  double mb = static_cast<double>(t.bytes) / 1e6;
  std::printf(
      "%-7s pages %zu  MB %.1f  seconds %.3f  pages/s %.0f  MB/s %.1f  (cpu %.3f s: %.0f pages/s)  no-article %zu  "
      "peak RSS %.1f MB\n",
      label, t.pages, mb, t.seconds, static_cast<double>(t.pages) / t.seconds, mb / t.seconds, t.cpu_seconds,
      static_cast<double>(t.pages) / t.cpu_seconds, t.failed, static_cast<double>(PeakRssKb()) / 1024.0);
}

// Disk, gunzip and extraction all inside the timed loop; one page in memory at a time.
// The best pass counts (least disturbed by other processes).
void RunDisk(const std::vector<std::string>& files, int repeat) {
  Tally best;
  for (int r = 0; r < repeat; ++r) {
    Tally t;
    auto start = Clock::now();
    double cpu_start = CpuSeconds();
    for (const std::string& f : files) {
      Document doc;
      if (LoadPage(f, &doc)) Extract(doc, &t);
    }
    t.seconds = Seconds(start);
    t.cpu_seconds = CpuSeconds() - cpu_start;
    if (r == 0 || t.seconds < best.seconds) best = t;
  }
  Report("disk", best);
}

// Extraction only, over pages loaded beforehand; the best pass counts.
void RunMemory(const std::vector<std::string>& files, int repeat) {
  std::vector<Document> docs;
  for (const std::string& f : files) {
    Document doc;
    if (LoadPage(f, &doc)) docs.push_back(std::move(doc));
  }
  Tally best;
  for (int r = 0; r < repeat; ++r) {
    Tally t;
    auto start = Clock::now();
    double cpu_start = CpuSeconds();
    for (const Document& doc : docs) Extract(doc, &t);
    t.seconds = Seconds(start);
    t.cpu_seconds = CpuSeconds() - cpu_start;
    if (r == 0 || t.seconds < best.seconds) best = t;
  }
  Report("memory", best);
}

bool ParseArgs(int argc, char** argv, Options* opt) {
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if (a.starts_with("--mode=")) opt->mode = a.substr(7);
    else if (a.starts_with("--repeat=")) opt->repeat = std::max(1, std::atoi(argv[i] + 9));
    else if (a.starts_with("--")) return false;
    else opt->paths.emplace_back(a);
  }
  return !opt->paths.empty() && (opt->mode == "disk" || opt->mode == "memory" || opt->mode == "both");
}

}  // namespace

int main(int argc, char** argv) {
  Options opt;
  if (!ParseArgs(argc, argv, &opt)) {
    std::fprintf(stderr, "usage: extract_speed [--mode=disk|memory|both] [--repeat=N] DIR_OR_FILES...\n");
    return 2;
  }
  std::vector<std::string> files = ListFiles(opt.paths);
  if (files.empty()) { std::fprintf(stderr, "extract_speed: no files\n"); return 1; }
  if (opt.mode != "memory") RunDisk(files, opt.repeat);
  if (opt.mode != "disk") RunMemory(files, opt.repeat);
  return 0;
}
