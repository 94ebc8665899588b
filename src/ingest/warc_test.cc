#include "ingest/warc.h"

#include <gtest/gtest.h>

#include "../../tests/test_files.h"

namespace crosscheck {
namespace {

std::string Record(const std::string& type, const std::string& id, const std::string& uri, const std::string& block) {
  return "WARC/1.0\r\nWARC-Type: " + type + "\r\nWARC-Record-ID: <urn:uuid:" + id + ">\r\nWARC-Target-URI: " + uri +
         "\r\nContent-Length: " + std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
}

std::string Http(const std::string& status, const std::string& type, const std::string& body, bool chunked = false) {
  std::string head = "HTTP/1.1 " + status + "\r\nContent-Type: " + type + "\r\n";
  if (!chunked) return head + "\r\n" + body;
  char size[16];
  std::snprintf(size, sizeof size, "%zx", body.size());
  return head + "Transfer-Encoding: chunked\r\n\r\n" + size + "\r\n" + body + "\r\n0\r\n\r\n";
}

struct WarcRun {
  std::vector<Document> docs;
  std::vector<IngestError> errors;
  Status Feed(const std::string& bytes, size_t chunk) {
    WarcReader r("crawl.warc", 1 << 20, [&](Document&& d) { docs.push_back(std::move(d)); },
                 [&](const IngestError& e) { errors.push_back(e); });
    for (size_t i = 0; i < bytes.size(); i += chunk) {
      Status st = r.Feed(std::string_view(bytes).substr(i, chunk));
      if (!st.ok()) return st;
    }
    return r.Finish();
  }
};

const std::string kCrawl =
    Record("warcinfo", "0", "", "software: test\r\n") +
    Record("request", "1", "https://news.example/a", "GET /a HTTP/1.1\r\n\r\n") +
    Record("response", "2", "https://news.example/a",
           Http("200 OK", "text/html; charset=ISO-8859-1", "<html><p>caf\xe9</p></html>")) +
    Record("response", "3", "https://news.example/gone", Http("404 Not Found", "text/html", "<p>missing</p>")) +
    Record("response", "4", "https://news.example/logo.png", Http("200 OK", "image/png", "\x89PNG")) +
    Record("response", "5", "https://news.example/b", Http("200 OK", "text/html", "<p>chunked body</p>", true));

TEST(WarcTest, ResponseRecordsOfPagesBecomeDocumentsWhateverTheChunking) {
  for (size_t chunk : {size_t{7}, size_t{100}, kCrawl.size()}) {
    WarcRun run;
    ASSERT_TRUE(run.Feed(kCrawl, chunk).ok());
    ASSERT_EQ(run.docs.size(), 2u) << "chunk " << chunk;
    EXPECT_EQ(run.docs[0].id, "2");
    EXPECT_EQ(run.docs[0].source, "https://news.example/a");
    EXPECT_EQ(run.docs[0].charset, "iso-8859-1");
    EXPECT_EQ(run.docs[0].kind, DocumentKind::kHtml);
    EXPECT_EQ(run.docs[1].bytes, "<p>chunked body</p>");
  }
}

TEST(WarcTest, TruncatedFileKeepsTheRecordsBeforeTheCut) {
  WarcRun run;
  Status st = run.Feed(kCrawl.substr(0, kCrawl.size() - 20), 4096);
  EXPECT_FALSE(st.ok());
  EXPECT_NE(st.message().find("truncated"), std::string::npos);
  EXPECT_EQ(run.docs.size(), 1u);
}

TEST(WarcTest, GarbageIsNotWarc) {
  WarcRun run;
  Status st = run.Feed("this is not a web archive at all", 4096);
  EXPECT_FALSE(st.ok());
  EXPECT_EQ(st.message(), "not a WARC file");
}

TEST(WarcTest, GzippedWarcFileIsStreamed) {
  testing::TempDir dir;
  std::string path = dir.Write("crawl.warc.gz", testing::GzipCompress(kCrawl.substr(0, kCrawl.size() / 2)) +
                                                     testing::GzipCompress(kCrawl.substr(kCrawl.size() / 2)));
  std::vector<Document> docs;
  size_t errors = Ingest({path}, {}, [&](Document&& d) { docs.push_back(std::move(d)); }, [](const IngestError&) {});
  EXPECT_EQ(errors, 0u);
  EXPECT_EQ(docs.size(), 2u);
}

}  // namespace
}  // namespace crosscheck
