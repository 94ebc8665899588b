#include "extract/text_extract.h"

#include <gtest/gtest.h>

#include "extract/extract.h"

namespace crosscheck {
namespace {

// A page as a scraper dumps it: menus, share prompts, the story, related links, an author box.
const char kScraped[] = R"(By using this site, you agree to the Privacy Policy and Terms of Use.
Accept
Northline Wire
  • Home
  • World
  • Politics
Reading: Koper dockworkers end nine-day strike
Share
Font ResizerAa
Northline Wire > Business > Koper dockworkers end nine-day strike
Business

Koper dockworkers end nine-day strike

Ana Kovač
Last updated: April 14, 2026 6:40 PM
Ana Kovač
2 days ago
Share

Dockworkers at the port of Koper returned to work on Monday after a nine-day strike over pay, the union said, ending the longest stoppage at the port in a decade.

The union said its members had accepted a raise of 6 percent spread over two years, and that talks on shift lengths would resume in May.

Shipping lines had diverted more than forty vessels to Trieste and Rijeka during the dispute, according to the port operator, which put its losses at 3.2 million euros.

Why it matters

The port handles a third of the country's container traffic, and farmers had warned that fruit exports were piling up at the quay as the strike went on.

You Might Also Like

Rail freight rises as ports jam

Union leaders meet finance minister

TAGGED:Koper Labour Ports
Share This Article
Facebook Email Print
Follow:

Ana covers labour and transport for the Wire. Before that she spent ten years as a crane operator at the port herself and still knows everyone there.

Leave a Comment
© 2026 Northline Wire. All Rights Reserved.
#Business #Ports
)";

TEST(TextExtractTest, BodyTitleAuthorDateAndOutletFromScrapedPage) {
  Article a;
  ExtractFromText(kScraped, &a);
  EXPECT_EQ(a.title, "Koper dockworkers end nine-day strike");
  EXPECT_EQ(a.author, "Ana Kovač");
  EXPECT_EQ(a.published, "2026-04-14T18:40");
  EXPECT_EQ(a.outlet, "Northline Wire");
  EXPECT_EQ(a.text.rfind("Dockworkers at the port of Koper returned", 0), 0u) << a.text;
  EXPECT_NE(a.text.find("\n\nWhy it matters\n\nThe port handles"), std::string::npos) << a.text;
  EXPECT_TRUE(a.text.ends_with("piling up at the quay as the strike went on.")) << a.text;
  for (const char* junk : {"Privacy Policy", "Font Resizer", "Rail freight", "TAGGED", "crane operator", "#Business"})
    EXPECT_EQ(a.text.find(junk), std::string::npos) << junk;
  EXPECT_GT(a.boilerplate_chars, 300u);
}

TEST(TextExtractTest, TitleLineAndHashtagsOfACleanerDump) {
  Article a;
  ExtractFromText("Title: Flood barrier holds as river peaks\n"
                  "The new flood barrier on the river held overnight as the water rose to its highest level since 1997, city officials said on Sunday.\n"
                  "Engineers had raised the barrier by forty centimetres last year after a report warned that the old wall would not survive a major flood.\n"
                  "#Weather #Cities\n",
                  &a);
  EXPECT_EQ(a.title, "Flood barrier holds as river peaks");
  EXPECT_EQ(a.text.rfind("The new flood barrier", 0), 0u);
  EXPECT_TRUE(a.text.ends_with("would not survive a major flood.")) << a.text;
}

// A scraper's record of an invented report: the headline run into the body, as scrapers do.
const char kRecord[] = R"({
  "dId": "kb-0412",
  "url": "https://tidewater.example/news/kestrel-bay-ferry",
  "title": "Kestrel Bay ferry service resumes after pier repairs",
  "text": "Kestrel Bay ferry service resumes after pier repairs Ferries returned to Kestrel Bay on Tuesday after six weeks of repairs to the storm-damaged north pier, the harbour board said. The first crossing left at 7:15 a.m. with 140 passengers on board, and the board expects the full timetable to run again by the end of the month. Harbour master Olwen Treace said divers had replaced eleven of the pier's timber piles.",
  "description": "Six weeks after the storm, the first crossing left at dawn.",
  "publisher": "Tidewater Post",
  "authors": ["Marit Okonjo"],
  "date_publish": "2031-10-14 09:05:00",
  "language": "en-GB"
})";

TEST(StatedMetadataTest, ARecordsMetadataReachesTheArticle) {
  std::vector<Document> docs;
  IngestBytes("kb.json", kRecord, {}, [&](Document&& d) { docs.push_back(std::move(d)); }, [](const IngestError&) {});
  ASSERT_EQ(docs.size(), 1u);
  auto r = ExtractArticle(docs[0]);
  ASSERT_TRUE(r.ok()) << r.status().message();
  const Article& a = r.value();
  EXPECT_EQ(a.id, "kb-0412");
  EXPECT_EQ(a.source, "https://tidewater.example/news/kestrel-bay-ferry");
  EXPECT_EQ(a.title, "Kestrel Bay ferry service resumes after pier repairs");
  EXPECT_EQ(a.outlet, "Tidewater Post");
  EXPECT_EQ(a.author, "Marit Okonjo");
  EXPECT_EQ(a.published, "2031-10-14T09:05:00");
  EXPECT_EQ(a.language, "en");
  // The headline is not body, and the description is not prepended to it.
  EXPECT_EQ(a.text.rfind("Ferries returned to Kestrel Bay on Tuesday", 0), 0u) << a.text;
  EXPECT_EQ(a.text.find("Six weeks after the storm"), std::string::npos);
}

TEST(StatedMetadataTest, StatedValuesBeatWhatTheTextStatesAndMidnightIsADate) {
  Document doc;
  doc.kind = DocumentKind::kText;
  doc.bytes = "Title: Harbour board delays vote\nBy Gideon Farrow\nPublished: March 3, 2031\n"
              "Ferries will keep their winter timetable for another month after the harbour board delayed its vote on "
              "Tuesday, members said. The board will meet again on April 2 to decide whether the summer crossings "
              "start before the repairs to the south pier are finished.\n";
  doc.stated.title = "Kestrel Bay keeps winter ferry timetable";
  doc.stated.author = "Marit Okonjo";
  doc.stated.outlet = "Tidewater Post";
  doc.stated.published = "2031-03-04 00:00:00";  // a scraper's midnight: the day alone
  doc.stated.language = "English";                // not a code: the detected language stays
  auto r = ExtractArticle(doc);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->title, "Kestrel Bay keeps winter ferry timetable");
  EXPECT_EQ(r->author, "Marit Okonjo");
  EXPECT_EQ(r->outlet, "Tidewater Post");
  EXPECT_EQ(r->published, "2031-03-04");
  EXPECT_EQ(r->language, "en");
  doc.stated = {};
  doc.stated.published = "soon";  // unreadable: what the text states is kept
  auto plain = ExtractArticle(doc);
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(plain->title, "Harbour board delays vote");
  EXPECT_EQ(plain->published, "2031-03-03");
}

TEST(TextExtractTest, InvalidUtf8TextIsRejectedWithItsOffset) {
  Document doc;
  doc.kind = DocumentKind::kText;
  doc.bytes = "Caf\xe9 owners protest on the square";
  auto r = ExtractArticle(doc);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "not valid UTF-8 (first bad byte near offset 3)");
}

}  // namespace
}  // namespace crosscheck
