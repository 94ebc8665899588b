// JSON article records: what scrapers write for a page, one JSON object per article, with
// the body (`html`, else `text` / `maintext` / `body` / `content`) and what the scraper read
// beside it (title, authors, outlet, publication date, language, description, url, id).
// The accepted field names are one table in jsonl.cc. Two containers hold records:
//   JSON Lines (.jsonl, .ndjson): one record per line; a bad line is an error of its own and
//     the other lines are still read. Ids default to "<file>-<line>".
//   JSON files (.json): one record, or an array of records. Ids default to the file name
//     (and "<file>-<N>" for the N-th element of an array). A .json that holds several lines
//     of JSON objects is read as JSON Lines.
// Ids come from `id` (string or number), else `dId`, else `filename`. Every record without a
// body is an error "not an article record: ..."; the source of an error names the file with
// ":line" or "#element" when inside a container.
#pragma once

#include <string_view>

#include "ingest/document.h"

namespace crosscheck {

// How a file came to be read. A folder walk meets answer keys and notes beside a corpus
// (EXPECTED.json): valid JSON with no article record in it is skipped there, not an error.
enum class FoundBy { kNamed, kFolderWalk };

// Returns the number of errors reported.
size_t ReadJsonLines(std::string_view source, std::string_view bytes, const DocumentSink& on_document,
                     const ErrorSink& on_error);

// A whole .json file. Not valid JSON is always one error naming the file (and the line).
// Returns the number of errors reported.
size_t ReadJsonFile(std::string_view source, std::string_view bytes, FoundBy found_by,
                    const DocumentSink& on_document, const ErrorSink& on_error);

}  // namespace crosscheck
