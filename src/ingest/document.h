// Document: raw bytes of one page as they came in, before extraction; and the ingest door.
// Ingest walks files, folders (recursively, in name order) and "-" (standard input), opens
// gzip, splits WARC, JSON Lines and JSON files into their records, and decides by content
// whether each document is HTML or scraped text. Every problem becomes one IngestError naming
// the file and the reason; reading goes on with the rest.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace crosscheck {

enum class DocumentKind { kHtml, kText };

// What a container states about the page beside its bytes (the fields of a scraper's JSON
// record), as written there; "" when not stated. Extraction prefers it to its own guesses.
struct StatedMetadata {
  std::string title;
  std::string author;       // one name, or several joined with ", "
  std::string outlet;       // publisher or source domain
  std::string published;    // as the record writes it ("2016-11-09 00:00:00"); parsed by extraction
  std::string language;     // as written ("en", "en-GB")
  std::string description;  // standfirst or summary; not part of the body
};

struct Document {
  std::string id;       // file name without extensions, WARC record id, JSON record id
  std::string source;   // file path, or URL for WARC/JSON records
  DocumentKind kind = DocumentKind::kText;
  std::string charset;  // charset declared outside the bytes (HTTP header); "" if none
  std::string bytes;
  StatedMetadata stated;
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

// Reads every path; returns the number of errors reported. A folder walk skips notes (*.md)
// and .json files that hold no article record (answer keys); named on the command line,
// such a .json file is an error.
size_t Ingest(const std::vector<std::string>& paths, const IngestOptions& options,
              const DocumentSink& on_document, const ErrorSink& on_error);

// Splits one already-read file (gzip allowed) into documents. `name` gives id and source.
// Used for standard input and by the fuzz targets.
size_t IngestBytes(std::string_view name, std::string bytes, const IngestOptions& options,
                   const DocumentSink& on_document, const ErrorSink& on_error);

// "dir/e1-report.html.gz" -> "e1-report": the base name without known extensions.
std::string DocumentIdFromPath(std::string_view path);

}  // namespace crosscheck
