#include "ingest/warc.h"

#include <charconv>

#include "core/text.h"
#include "ingest/gzip.h"

namespace crosscheck {
namespace {

// Value of header `name` (case-insensitive) in a block of "Name: value\r\n" lines.
std::string_view HeaderValue(std::string_view headers, std::string_view name) {
  for (std::string_view line : SplitLines(headers)) {
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    if (IEquals(Trim(line.substr(0, colon)), name)) return Trim(line.substr(colon + 1));
  }
  return {};
}

// Position just past the blank line ending a header block, or npos.
size_t HeaderEnd(std::string_view s, size_t* body_start) {
  size_t crlf = s.find("\r\n\r\n");
  size_t lf = s.find("\n\n");
  if (crlf != std::string_view::npos && (lf == std::string_view::npos || crlf < lf)) {
    *body_start = crlf + 4;
    return crlf;
  }
  if (lf != std::string_view::npos) {
    *body_start = lf + 2;
    return lf;
  }
  return std::string_view::npos;
}

std::string CharsetOf(std::string_view content_type) {
  std::string lower = AsciiLower(content_type);
  size_t p = lower.find("charset=");
  if (p == std::string::npos) return "";
  std::string cs = lower.substr(p + 8);
  size_t end = cs.find_first_of("; \t\"'");
  if (!cs.empty() && (cs[0] == '"' || cs[0] == '\'')) {
    cs = cs.substr(1);
    end = cs.find_first_of("\"'; ");
  }
  return end == std::string::npos ? cs : cs.substr(0, end);
}

// Undoes HTTP chunked transfer encoding; returns the input unchanged when it is not chunked.
std::string Dechunk(std::string_view body) {
  std::string out;
  size_t pos = 0;
  while (pos < body.size()) {
    size_t eol = body.find('\n', pos);
    if (eol == std::string_view::npos) break;
    size_t size = 0;
    std::string_view hex = Trim(body.substr(pos, eol - pos));
    auto [ptr, ec] = std::from_chars(hex.data(), hex.data() + hex.size(), size, 16);
    if (ec != std::errc()) return std::string(body);
    if (size == 0) return out;
    pos = eol + 1;
    if (pos + size > body.size()) size = body.size() - pos;
    out.append(body.substr(pos, size));
    pos += size;
    while (pos < body.size() && (body[pos] == '\r' || body[pos] == '\n')) ++pos;
  }
  return out;
}

}  // namespace

Status WarcReader::Feed(std::string_view bytes) {
  if (!fatal_.ok()) return fatal_;
  if (skip_) {
    size_t n = std::min(skip_, bytes.size());
    skip_ -= n;
    bytes.remove_prefix(n);
  }
  buffer_.append(bytes);
  while (fatal_.ok() && ParseOne()) {
  }
  return fatal_;
}

Status WarcReader::Finish() {
  if (!fatal_.ok()) return fatal_;
  if (skip_ || !Trim(buffer_).empty()) return Status::Error("truncated WARC record at the end of the file");
  return Status::Ok();
}

bool WarcReader::ParseOne() {
  size_t lead = 0;
  while (lead < buffer_.size() && (buffer_[lead] == '\r' || buffer_[lead] == '\n')) ++lead;
  if (lead) buffer_.erase(0, lead);
  if (buffer_.size() < 8) return false;
  if (!StartsWith(buffer_, "WARC/")) {
    fatal_ = Status::Error(records_ ? "WARC stream out of step (no WARC/ version line where a record should start)"
                                    : "not a WARC file");
    return false;
  }
  size_t body_start = 0;
  size_t end = HeaderEnd(buffer_, &body_start);
  if (end == std::string::npos) {
    if (buffer_.size() > (1u << 20)) fatal_ = Status::Error("WARC record header over 1 MB");
    return false;
  }
  std::string_view headers(buffer_.data(), end);
  std::string_view len_text = HeaderValue(headers, "Content-Length");
  size_t length = 0;
  auto [ptr, ec] = std::from_chars(len_text.data(), len_text.data() + len_text.size(), length);
  if (ec != std::errc() || len_text.empty()) {
    fatal_ = Status::Error("WARC record without a valid Content-Length");
    return false;
  }
  if (length > max_record_) {
    ++errors_;
    on_error_({source_ + "#" + std::string(HeaderValue(headers, "WARC-Record-ID")),
               "WARC record over the size limit (" + std::to_string(length) + " bytes); skipped"});
    size_t have = buffer_.size() - body_start;
    if (have >= length) {
      buffer_.erase(0, body_start + length);
    } else {
      skip_ = length - have;
      buffer_.clear();
    }
    ++records_;
    return true;
  }
  if (buffer_.size() - body_start < length) return false;
  std::string header_copy(headers);
  std::string block = buffer_.substr(body_start, length);
  buffer_.erase(0, body_start + length);
  ++records_;
  HandleRecord(header_copy, block);
  return true;
}

void WarcReader::HandleRecord(std::string_view headers, std::string_view block) {
  std::string type = AsciiLower(HeaderValue(headers, "WARC-Type"));
  if (type != "response" && type != "resource") return;
  std::string id(HeaderValue(headers, "WARC-Record-ID"));
  if (StartsWith(id, "<")) id = id.substr(1, id.size() - 2);
  if (StartsWith(id, "urn:uuid:")) id = id.substr(9);
  Document doc;
  doc.id = id.empty() ? "record-" + std::to_string(records_) : id;
  doc.source = std::string(HeaderValue(headers, "WARC-Target-URI"));
  if (doc.source.empty()) doc.source = source_;
  std::string content_type;
  std::string_view payload = block;
  if (type == "response") {
    size_t body_start = 0;
    size_t end = HeaderEnd(block, &body_start);
    if (end == std::string_view::npos) return;  // HTTP headers cut off: nothing to read
    std::string_view http = block.substr(0, end);
    // Only successful responses are pages; redirects and errors are skipped.
    size_t sp = http.find(' ');
    if (sp == std::string_view::npos || http.substr(sp + 1, 1) != "2") return;
    content_type = std::string(HeaderValue(http, "Content-Type"));
    payload = block.substr(body_start);
    std::string body;
    if (IContains(HeaderValue(http, "Transfer-Encoding"), "chunked")) body = Dechunk(payload);
    else body = std::string(payload);
    if (IContains(HeaderValue(http, "Content-Encoding"), "gzip") && LooksGzipped(body)) {
      auto inflated = Gunzip(body, max_record_);
      if (!inflated.ok()) {
        ++errors_;
        on_error_({source_ + "#" + doc.id, "gzip-encoded payload: " + inflated.status().message()});
        return;
      }
      body = std::move(inflated.value());
    }
    doc.bytes = std::move(body);
  } else {
    content_type = std::string(HeaderValue(headers, "Content-Type"));
    doc.bytes = std::string(payload);
  }
  std::string ct = AsciiLower(content_type);
  if (ct.find("html") != std::string::npos) doc.kind = DocumentKind::kHtml;
  else if (StartsWith(ct, "text/plain")) doc.kind = DocumentKind::kText;
  else return;  // images, scripts, robots.txt ...
  doc.charset = CharsetOf(content_type);
  on_document_(std::move(doc));
}

}  // namespace crosscheck
