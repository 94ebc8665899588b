#include <gtest/gtest.h>

#include "../../tests/test_files.h"
#include "ingest/document.h"
#include "ingest/gzip.h"

namespace crosscheck {
namespace {

using testing::GzipCompress;
using testing::TempDir;

struct Collected {
  std::vector<Document> docs;
  std::vector<IngestError> errors;
  size_t Run(const std::vector<std::string>& paths, IngestOptions options = {}) {
    return Ingest(paths, options, [&](Document&& d) { docs.push_back(std::move(d)); },
                  [&](const IngestError& e) { errors.push_back(e); });
  }
};

const char kPage[] = "<!DOCTYPE html><html><body><p>The ferry left at dawn.</p></body></html>";

TEST(IngestTest, IdIsTheFileNameWithoutItsExtensions) {
  EXPECT_EQ(DocumentIdFromPath("corpus/e2-ferry.html.gz"), "e2-ferry");
  EXPECT_EQ(DocumentIdFromPath("a/b/report_17.txt"), "report_17");
  EXPECT_EQ(DocumentIdFromPath("v1.2-notes"), "v1.2-notes");
}

TEST(IngestTest, FoldersAreReadRecursivelyInNameOrderAndFormatsAreSniffed) {
  TempDir dir;
  dir.Write("b/page.htm", kPage);
  dir.Write("a.txt", "Home\nWorld\nThe ferry left at dawn.\n");
  dir.Write("c/notes", kPage);                  // no extension: HTML by content
  dir.Write("d.html.gz", GzipCompress(kPage));  // compressed
  dir.Write(".hidden/x.html", kPage);
  Collected c;
  EXPECT_EQ(c.Run({dir.path()}), 0u);
  ASSERT_EQ(c.docs.size(), 4u);
  EXPECT_EQ(c.docs[0].id, "a");
  EXPECT_EQ(c.docs[0].kind, DocumentKind::kText);
  EXPECT_EQ(c.docs[1].id, "page");
  EXPECT_EQ(c.docs[2].kind, DocumentKind::kHtml);
  EXPECT_EQ(c.docs[3].id, "d");
  EXPECT_EQ(c.docs[3].bytes, kPage);
}

TEST(IngestTest, BadFilesAreReportedOneLineEachAndTheRestIsRead) {
  TempDir dir;
  dir.Write("1-empty.txt", "");
  dir.Write("2-binary.html", std::string("\x89PNG\r\n\x1a\n\0\0\0", 11));
  std::string gz = GzipCompress(std::string(5000, 'x'));
  dir.Write("3-truncated.html.gz", gz.substr(0, gz.size() / 2));
  dir.Write("4-big.txt", std::string(3000, 'a'));
  dir.Write("5-good.html", kPage);
  Collected c;
  IngestOptions options;
  options.max_bytes = 2000;
  EXPECT_EQ(c.Run({dir.path(), dir.path() + "/missing.html"}, options), 5u);
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].id, "5-good");
  ASSERT_EQ(c.errors.size(), 5u);
  EXPECT_NE(c.errors[0].source.find("1-empty.txt"), std::string::npos);
  EXPECT_EQ(c.errors[0].reason, "empty file");
  EXPECT_NE(c.errors[1].reason.find("binary"), std::string::npos);
  EXPECT_NE(c.errors[2].reason.find("truncated gzip"), std::string::npos);
  EXPECT_NE(c.errors[3].reason.find("size limit"), std::string::npos);
  EXPECT_NE(c.errors[4].reason.find("no such file"), std::string::npos);
  for (const auto& e : c.errors) EXPECT_EQ(e.reason.find('\n'), std::string::npos);
}

TEST(IngestTest, JsonLinesRecordsBecomeDocumentsAndBadLinesAreErrors) {
  TempDir dir;
  std::string path = dir.Write("feed.jsonl",
                               "{\"id\": \"r1\", \"url\": \"https://example.org/a\", \"html\": \"<p>x</p>\"}\n"
                               "{not json\n"
                               "{\"url\": \"https://example.org/b\", \"text\": \"Plain words.\"}\n"
                               "{\"url\": \"https://example.org/c\"}\n");
  Collected c;
  EXPECT_EQ(c.Run({path}), 2u);
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_EQ(c.docs[0].id, "r1");
  EXPECT_EQ(c.docs[0].source, "https://example.org/a");
  EXPECT_EQ(c.docs[0].kind, DocumentKind::kHtml);
  EXPECT_EQ(c.docs[1].id, "feed-3");  // no id: the line number
  EXPECT_EQ(c.docs[1].kind, DocumentKind::kText);
  EXPECT_NE(c.errors[0].source.find("feed.jsonl:2"), std::string::npos);
  EXPECT_NE(c.errors[1].reason.find("neither"), std::string::npos);
}

TEST(GzipTest, ConcatenatedMembersAreOneStream) {
  std::string two = GzipCompress("first member, ") + GzipCompress("second member");
  auto r = Gunzip(two, 1 << 20);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r.value(), "first member, second member");
  EXPECT_FALSE(Gunzip(two, 10).ok());  // over the output limit
}

}  // namespace
}  // namespace crosscheck
