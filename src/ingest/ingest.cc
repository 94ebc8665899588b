#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <memory>

#include "core/text.h"
#include "ingest/document.h"
#include "ingest/format.h"
#include "ingest/gzip.h"
#include "ingest/jsonl.h"
#include "ingest/warc.h"

namespace crosscheck {
namespace fs = std::filesystem;

namespace {

constexpr const char* kKnownExtensions[] = {".gz", ".html", ".htm", ".xhtml", ".shtml", ".txt", ".text",
                                            ".warc", ".jsonl", ".json", ".ndjson"};

struct FileCloser {
  void operator()(FILE* f) const { if (f) std::fclose(f); }
};
using File = std::unique_ptr<FILE, FileCloser>;

// WARC files can be far larger than any one page, so they are streamed record by record
// and the size limit applies per record.
size_t StreamWarc(const std::string& path, FILE* f, bool gzipped, const IngestOptions& options,
                  const DocumentSink& on_document, const ErrorSink& on_error) {
  WarcReader reader(path, options.max_bytes, on_document, on_error);
  Status st;
  auto read = [&](char* buf, size_t cap) { return std::fread(buf, 1, cap, f); };
  if (gzipped) {
    Status feed_status;
    st = GunzipStream(read, [&](std::string_view chunk) {
      feed_status = reader.Feed(chunk);
      return feed_status.ok();
    });
    if (!feed_status.ok()) st = feed_status;
  } else {
    std::string buf(1 << 16, '\0');
    while (size_t n = read(buf.data(), buf.size())) {
      st = reader.Feed(std::string_view(buf.data(), n));
      if (!st.ok()) break;
    }
  }
  if (st.ok()) st = reader.Finish();
  size_t errors = reader.errors();
  if (!st.ok()) {
    ++errors;
    on_error({path, st.message() + (reader.records() ? " (after " + std::to_string(reader.records()) + " records)" : "")});
  }
  return errors;
}

// Appends the rest of `f` to `out`, up to `max_bytes` in all.
bool ReadRest(FILE* f, size_t max_bytes, std::string* out, std::string* reason) {
  std::string buf(1 << 16, '\0');
  while (size_t n = std::fread(buf.data(), 1, buf.size(), f)) {
    out->append(buf.data(), n);
    if (out->size() > max_bytes) {
      *reason = "larger than the size limit of " + std::to_string(max_bytes) + " bytes (see --max-size)";
      return false;
    }
  }
  if (std::ferror(f)) { *reason = "read error"; return false; }
  return true;
}

// IngestBytes for a file named on the command line or met in a folder walk (defined below).
size_t IngestBytesFoundBy(std::string_view name, std::string bytes, FoundBy found_by, const IngestOptions& options,
                          const DocumentSink& on_document, const ErrorSink& on_error);

size_t IngestFile(const std::string& path, FoundBy found_by, const IngestOptions& options,
                  const DocumentSink& on_document, const ErrorSink& on_error) {
  File f(std::fopen(path.c_str(), "rb"));
  if (!f) { on_error({path, "cannot open"}); return 1; }
  // Peek at the first bytes: a WARC file (plain or gzip) is streamed, not read whole.
  std::string bytes(512, '\0');
  bytes.resize(std::fread(bytes.data(), 1, bytes.size(), f.get()));
  bool gz = LooksGzipped(bytes);
  bool warc_name = AsciiLower(path).find(".warc") != std::string::npos;
  if (StartsWith(bytes, "WARC/") || (gz && warc_name)) {
    std::rewind(f.get());
    return StreamWarc(path, f.get(), gz, options, on_document, on_error);
  }
  std::error_code ec;
  auto size = fs::file_size(path, ec);
  std::string reason;
  if (!ec && size > options.max_bytes) {
    reason = "larger than the size limit of " + std::to_string(options.max_bytes) + " bytes (see --max-size)";
  } else if (ReadRest(f.get(), options.max_bytes, &bytes, &reason)) {
    return IngestBytesFoundBy(path, std::move(bytes), found_by, options, on_document, on_error);
  }
  on_error({path, reason});
  return 1;
}

}  // namespace

std::string DocumentIdFromPath(std::string_view path) {
  std::string name(path.substr(path.find_last_of('/') == std::string_view::npos ? 0 : path.find_last_of('/') + 1));
  for (bool stripped = true; stripped;) {
    stripped = false;
    std::string lower = AsciiLower(name);
    for (const char* ext : kKnownExtensions) {
      if (EndsWith(lower, ext) && name.size() > std::string_view(ext).size()) {
        name.resize(name.size() - std::string_view(ext).size());
        stripped = true;
        break;
      }
    }
  }
  return name;
}

namespace {

size_t IngestBytesFoundBy(std::string_view name, std::string bytes, FoundBy found_by, const IngestOptions& options,
                          const DocumentSink& on_document, const ErrorSink& on_error) {
  std::string source(name);
  if (bytes.empty()) { on_error({source, "empty file"}); return 1; }
  if (LooksGzipped(bytes)) {
    auto inflated = Gunzip(bytes, options.max_bytes);
    if (!inflated.ok()) { on_error({source, inflated.status().message()}); return 1; }
    bytes = std::move(inflated.value());
    if (bytes.empty()) { on_error({source, "empty after decompression"}); return 1; }
  }
  FileFormat format = DetectFormat(name, bytes);
  switch (format) {
    case FileFormat::kBinary:
      on_error({source, "binary data, not HTML, text, WARC or JSON"});
      return 1;
    case FileFormat::kWarc: {
      WarcReader reader(source, options.max_bytes, on_document, on_error);
      Status st = reader.Feed(bytes);
      if (st.ok()) st = reader.Finish();
      if (!st.ok()) { on_error({source, st.message()}); return reader.errors() + 1; }
      return reader.errors();
    }
    case FileFormat::kJsonLines:
      return ReadJsonLines(source, bytes, on_document, on_error);
    case FileFormat::kJson:
      return ReadJsonFile(source, bytes, found_by, on_document, on_error);
    case FileFormat::kHtml:
    case FileFormat::kText: {
      Document doc;
      doc.id = DocumentIdFromPath(name);
      doc.source = source;
      doc.kind = format == FileFormat::kHtml ? DocumentKind::kHtml : DocumentKind::kText;
      doc.bytes = std::move(bytes);
      on_document(std::move(doc));
      return 0;
    }
  }
  return 0;
}

}  // namespace

size_t IngestBytes(std::string_view name, std::string bytes, const IngestOptions& options,
                   const DocumentSink& on_document, const ErrorSink& on_error) {
  return IngestBytesFoundBy(name, std::move(bytes), FoundBy::kNamed, options, on_document, on_error);
}

size_t Ingest(const std::vector<std::string>& paths, const IngestOptions& options, const DocumentSink& on_document,
              const ErrorSink& on_error) {
  size_t errors = 0;
  for (const std::string& path : paths) {
    if (path == "-") {
      std::string bytes((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
      if (bytes.size() > options.max_bytes) {
        on_error({"<stdin>", "larger than the size limit of " + std::to_string(options.max_bytes) + " bytes (see --max-size)"});
        ++errors;
        continue;
      }
      errors += IngestBytes("stdin", std::move(bytes), options, on_document, on_error);
      continue;
    }
    std::error_code ec;
    auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) { on_error({path, "no such file or folder"}); ++errors; continue; }
    if (fs::is_directory(status)) {
      std::vector<std::string> files;
      for (auto it = fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        std::string name = it->path().filename().string();
        if (!name.empty() && name[0] == '.') {  // hidden files and folders
          if (it->is_directory()) it.disable_recursion_pending();
          continue;
        }
        if (it->is_regular_file()) files.push_back(it->path().string());
      }
      if (ec) { on_error({path, "cannot list folder: " + ec.message()}); ++errors; }
      std::sort(files.begin(), files.end());
      for (const auto& file : files) {
        // Notes beside a corpus (README.md) are not articles; answer keys (*.json without
        // article records) are skipped by the JSON reader once it has looked inside.
        if (EndsWith(AsciiLower(file), ".md")) continue;
        errors += IngestFile(file, FoundBy::kFolderWalk, options, on_document, on_error);
      }
      continue;
    }
    errors += IngestFile(path, FoundBy::kNamed, options, on_document, on_error);
  }
  return errors;
}

}  // namespace crosscheck
