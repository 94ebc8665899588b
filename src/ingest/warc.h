// WARC reader (ISO 28500, as written by Common Crawl's news crawl): a push parser that takes
// the decompressed stream in chunks and hands out the HTML and text pages of `response`
// (and `resource`) records. HTTP headers are parsed for status, charset and chunking;
// records of other types or content types are skipped silently.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/status.h"
#include "ingest/document.h"

namespace crosscheck {

class WarcReader {
 public:
  WarcReader(std::string source, size_t max_record_bytes, DocumentSink on_document, ErrorSink on_error)
      : source_(std::move(source)), max_record_(max_record_bytes),
        on_document_(std::move(on_document)), on_error_(std::move(on_error)) {}

  // Feeds more bytes; returns an error when the stream is not WARC at all (then stop feeding).
  Status Feed(std::string_view bytes);
  // End of input: an error when the last record is incomplete.
  Status Finish();

  size_t records() const { return records_; }
  size_t errors() const { return errors_; }

 private:
  bool ParseOne();  // parses one complete record from buffer_, false when more bytes are needed
  void HandleRecord(std::string_view headers, std::string_view block);

  std::string source_;
  size_t max_record_;
  DocumentSink on_document_;
  ErrorSink on_error_;
  std::string buffer_;
  size_t skip_ = 0;  // bytes of an oversized record still to drop
  size_t records_ = 0, errors_ = 0;
  Status fatal_;
};

}  // namespace crosscheck
