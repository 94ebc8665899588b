// Document: raw bytes of one page as they came in, before extraction; and the ingest door.
// Ingest walks files, folders (recursively, in name order) and "-" (standard input), opens
// gzip, splits WARC and JSON Lines files into their records, and decides by content whether
// each document is HTML or scraped text. Every problem becomes one IngestError naming the
// file and the reason; reading goes on with the rest.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace crosscheck {

enum class DocumentKind { kHtml, kText };

struct Document {
  std::string id;       // file name without extensions, WARC record id, JSON Lines id
  std::string source;   // file path, or URL for WARC/JSON Lines records
  DocumentKind kind = DocumentKind::kText;
  std::string charset;  // charset declared outside the bytes (HTTP header); "" if none
  std::string bytes;
};

struct IngestError {
  std::string source;  // file path (with ":line" or "#record" when inside a container)
  std::string reason;  // one line, for a user
};

struct IngestOptions {
  size_t max_bytes = 20u << 20;  // per file (per record inside WARC files)
};

using DocumentSink = std::function<void(Document&&)>;
using ErrorSink = std::function<void(const IngestError&)>;

// Reads every path; returns the number of errors reported.
size_t Ingest(const std::vector<std::string>& paths, const IngestOptions& options,
              const DocumentSink& on_document, const ErrorSink& on_error);

// Splits one already-read file (gzip allowed) into documents. `name` gives id and source.
// Used for standard input and by the fuzz targets.
size_t IngestBytes(std::string_view name, std::string bytes, const IngestOptions& options,
                   const DocumentSink& on_document, const ErrorSink& on_error);

// "dir/e1-report.html.gz" -> "e1-report": the base name without known extensions.
std::string DocumentIdFromPath(std::string_view path);

}  // namespace crosscheck
