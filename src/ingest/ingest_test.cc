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
  EXPECT_EQ(c.errors[1].reason, "not an article record: no text or html field");
}

// Invented reports; the field names are those of the scrapers each record imitates.
TEST(JsonRecordTest, EveryFieldNameFamilyIsRead) {
  TempDir dir;
  std::string path = dir.Write(
      "mixed.jsonl",
      // crosscheck's own JSON Lines, with metadata
      R"({"id": "own-1", "url": "https://lowmoor.example/quay", "html": "<p>The quay reopened.</p>", )"
      R"("title": "Quay reopens", "authors": ["Ada Brennock", "Tomas Vell"], "publisher": "Lowmoor Courier", )"
      R"("date_publish": "2031-05-02 14:10:00", "language": "en", "description": "After two weeks."})" "\n"
      // news-please
      R"({"maintext": "The quay reopened on Friday.", "source_domain": "www.kestrelbay.example", )"
      R"("author": "Ines Marlow", "filename": "https%3A%2F%2Fkestrelbay.example%2Fquay.html.json", )"
      R"("date_publish": null, "text": null})" "\n"
      // 5W1H
      R"({"dId": "5f1e", "body": "Ferries ran again.", "publisher": {"name": "Tidewater Post"}})" "\n"
      // numeric id, "content" body, an author object
      R"({"id": 917, "content": "Crews cleared the slipway.", "authors": [{"name": "Rosa Quill"}, 3]})" "\n");
  Collected c;
  EXPECT_EQ(c.Run({path}), 0u);
  ASSERT_EQ(c.docs.size(), 4u);
  const Document& own = c.docs[0];
  EXPECT_EQ(own.id, "own-1");
  EXPECT_EQ(own.source, "https://lowmoor.example/quay");
  EXPECT_EQ(own.kind, DocumentKind::kHtml);
  EXPECT_EQ(own.stated.title, "Quay reopens");
  EXPECT_EQ(own.stated.author, "Ada Brennock, Tomas Vell");
  EXPECT_EQ(own.stated.outlet, "Lowmoor Courier");
  EXPECT_EQ(own.stated.published, "2031-05-02 14:10:00");
  EXPECT_EQ(own.stated.language, "en");
  EXPECT_EQ(own.stated.description, "After two weeks.");
  const Document& np = c.docs[1];
  EXPECT_EQ(np.kind, DocumentKind::kText);
  EXPECT_EQ(np.bytes, "The quay reopened on Friday.");
  EXPECT_EQ(np.id, "https%3A%2F%2Fkestrelbay.example%2Fquay");  // the file name without extensions
  EXPECT_EQ(np.source, path + ":2");
  EXPECT_EQ(np.stated.outlet, "kestrelbay.example");
  EXPECT_EQ(np.stated.author, "Ines Marlow");
  EXPECT_EQ(np.stated.published, "");
  EXPECT_EQ(c.docs[2].id, "5f1e");
  EXPECT_EQ(c.docs[2].bytes, "Ferries ran again.");
  EXPECT_EQ(c.docs[2].stated.outlet, "Tidewater Post");
  EXPECT_EQ(c.docs[3].id, "917");
  EXPECT_EQ(c.docs[3].bytes, "Crews cleared the slipway.");
  EXPECT_EQ(c.docs[3].stated.author, "Rosa Quill, 3");
}

TEST(JsonRecordTest, OneObjectPerJsonFile) {
  TempDir dir;
  dir.Write("news/a-quay.json", R"({
  "title": "Quay reopens",
  "text": "The quay reopened on Friday.",
  "url": "https://lowmoor.example/quay",
  "date_publish": "2031-05-02 00:00:00"
})");
  dir.Write("news/b-slipway.json.gz", GzipCompress(R"({"dId": "b77", "maintext": "Crews cleared the slipway."})"));
  dir.Write("news/c-list.json", R"([{"text": "First."}, {"title": "no body"}, {"html": "<p>Third.</p>"}])");
  Collected c;
  EXPECT_EQ(c.Run({dir.File("news")}), 1u);
  ASSERT_EQ(c.docs.size(), 4u);
  EXPECT_EQ(c.docs[0].id, "a-quay");  // no id field: the file name
  EXPECT_EQ(c.docs[0].source, "https://lowmoor.example/quay");
  EXPECT_EQ(c.docs[0].stated.title, "Quay reopens");
  EXPECT_EQ(c.docs[0].stated.published, "2031-05-02 00:00:00");
  EXPECT_EQ(c.docs[1].id, "b77");
  EXPECT_EQ(c.docs[2].id, "c-list-1");  // an array: the file name and the element
  EXPECT_EQ(c.docs[2].source, dir.File("news/c-list.json") + "#1");
  EXPECT_EQ(c.docs[3].id, "c-list-3");
  EXPECT_EQ(c.docs[3].kind, DocumentKind::kHtml);
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_EQ(c.errors[0].source, dir.File("news/c-list.json") + "#2");
  EXPECT_EQ(c.errors[0].reason, "not an article record: no text or html field");
}

TEST(JsonRecordTest, AnswerKeysAreSkippedInAFolderButAnErrorWhenNamed) {
  TempDir dir;
  std::string key = dir.Write("EXPECTED.json", R"({"q-1": {"title": "Quay reopens", "body_first": "The quay"}})");
  dir.Write("list.json", R"([1, "two", {"findings": []}])");
  dir.Write("README.md", "# Notes\n");
  dir.Write("q-1.txt", "The quay reopened on Friday.\n");
  Collected walk;
  EXPECT_EQ(walk.Run({dir.path()}), 0u);
  ASSERT_EQ(walk.docs.size(), 1u);
  EXPECT_EQ(walk.docs[0].id, "q-1");
  Collected named;
  EXPECT_EQ(named.Run({key}), 1u);
  EXPECT_TRUE(named.docs.empty());
  ASSERT_EQ(named.errors.size(), 1u);
  EXPECT_EQ(named.errors[0].source, key);
  EXPECT_EQ(named.errors[0].reason, "not an article record: no text or html field");
}

TEST(JsonRecordTest, InvalidJsonIsOneErrorNamingTheFileAndTheRunGoesOn) {
  TempDir dir;
  dir.Write("a-broken.json", "{\n  \"title\": \"Quay\",\n  \"text\": \"The quay\n  reopened\"\n}\n");
  dir.Write("b-cut.json", R"({"text": "The quay reopened)");
  dir.Write("c-good.json", R"({"text": "The quay reopened on Friday."})");
  Collected c;
  EXPECT_EQ(c.Run({dir.path()}), 2u);
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].id, "c-good");
  ASSERT_EQ(c.errors.size(), 2u);
  EXPECT_EQ(c.errors[0].source, dir.File("a-broken.json"));
  EXPECT_EQ(c.errors[0].reason, "not valid JSON (line 3)");  // a raw line break inside a string
  EXPECT_EQ(c.errors[1].source, dir.File("b-cut.json"));
  EXPECT_NE(c.errors[1].reason.find("not valid JSON"), std::string::npos);
}

TEST(JsonRecordTest, JsonLinesUnderAJsonNameAreReadAsJsonLines) {
  TempDir dir;
  std::string path = dir.Write("dump.json", "{\"text\": \"First.\"}\n\n{\"text\": \"Second.\"}\n{oops\n");
  Collected c;
  EXPECT_EQ(c.Run({path}), 1u);
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_EQ(c.docs[0].id, "dump-1");
  EXPECT_EQ(c.docs[1].id, "dump-3");
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_EQ(c.errors[0].source, path + ":4");
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
