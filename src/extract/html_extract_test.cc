#include <gtest/gtest.h>

#include "extract/extract.h"
#include "extract/metadata.h"

namespace crosscheck {
namespace {

Result<Article> FromHtml(const std::string& html, const std::string& charset = "") {
  Document doc;
  doc.id = "page";
  doc.source = "page.html";
  doc.kind = DocumentKind::kHtml;
  doc.charset = charset;
  doc.bytes = html;
  return ExtractArticle(doc);
}

const char kArticlePage[] = R"(<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Ferry sinks off Varna coast | The Harbor Ledger</title>
<meta property="og:site_name" content="The Harbor Ledger">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
 "headline":"Ferry sinks off Varna coast, dozens rescued","datePublished":"2026-04-11T08:30:00+03:00",
 "author":[{"@type":"Person","name":"Irina Dobreva"}],"publisher":{"@type":"Organization","name":"The Harbor Ledger"}}</script>
<script>var tracking = "<p>not text</p>"; for (i = 0; i < 10; i++) {}</script>
<style>p { color: red }</style></head>
<body>
<div class="cookie-banner">We use cookies to improve your experience. <a href="/privacy">Privacy policy</a></div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article>
 <h1>Ferry sinks off Varna coast, dozens rescued</h1>
 <span class="byline">By Irina Dobreva</span>
 <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Tweet</a> <a href="#">Email</a></div>
 <figure><img src="ferry.jpg"><figcaption>The ferry at the quay last summer. Photo: Harbor Ledger</figcaption></figure>
 <div class="article-body">
  <p>A passenger ferry carrying 212 people sank off the Black Sea coast near Varna shortly after 6 a.m. on Saturday, the coast guard said, and at least 41 people were rescued from the water.</p>
  <p>&ldquo;The sea was very rough,&rdquo; said Captain Petar Lazarov, who led the rescue, adding that helicopters from two bases had joined the search.</p>
  <h2>Questions over the weather warning</h2>
  <p>The port authority had issued a storm warning on Friday evening, according to officials, who said the ferry left the harbour against their advice.</p>
  <p>Advertisement</p>
  <p>Relatives gathered at the terminal in Varna on Saturday morning, waiting for news as lists of survivors were read out.</p>
 </div>
 <div class="related-stories"><h3>Related stories</h3><ul>
  <li><a href="/a">Storm closes three Black Sea ports</a></li><li><a href="/b">New ferry line opens to Burgas</a></li></ul></div>
</article>
<section class="comments"><h3>2 comments</h3><p>Terrible news, thoughts with the families of all on board today.</p></section>
<footer><p>&copy; 2026 The Harbor Ledger. All rights reserved.</p><a href="/terms">Terms of use</a></footer>
</body></html>)";

TEST(HtmlExtractTest, KeepsTheStoryAndDropsPageFurniture) {
  auto r = FromHtml(kArticlePage);
  ASSERT_TRUE(r.ok()) << r.status().message();
  const Article& a = r.value();
  EXPECT_EQ(a.title, "Ferry sinks off Varna coast, dozens rescued");
  EXPECT_EQ(a.author, "Irina Dobreva");
  EXPECT_EQ(a.outlet, "The Harbor Ledger");
  EXPECT_EQ(a.published, "2026-04-11T08:30:00+03:00");
  EXPECT_EQ(a.language, "en");
  EXPECT_EQ(a.text.rfind("A passenger ferry carrying 212 people", 0), 0u) << a.text;
  EXPECT_NE(a.text.find("\xE2\x80\x9CThe sea was very rough,\xE2\x80\x9D said Captain"), std::string::npos);
  EXPECT_NE(a.text.find("Questions over the weather warning"), std::string::npos);
  EXPECT_NE(a.text.find("lists of survivors were read out."), std::string::npos);
  EXPECT_NE(a.text.find("\n\n"), std::string::npos);  // paragraphs stay apart
  for (const char* junk : {"cookies", "Home", "Share on Facebook", "Photo:", "Advertisement", "Storm closes",
                           "Terrible news", "All rights reserved", "not text", "color: red"})
    EXPECT_EQ(a.text.find(junk), std::string::npos) << junk;
  EXPECT_GT(a.boilerplate_chars, 200u);
}

TEST(HtmlExtractTest, MetadataStatedBesideThePageWins) {
  Document doc;
  doc.kind = DocumentKind::kHtml;
  doc.bytes = kArticlePage;
  doc.stated.title = "Ferry sinks off Varna coast, dozens rescued";
  doc.stated.outlet = "Black Sea Wire";
  doc.stated.author = "Nadia Petkova";
  doc.stated.published = "2026-04-11T09:00:00+03:00";
  auto r = ExtractArticle(doc);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->outlet, "Black Sea Wire");
  EXPECT_EQ(r->author, "Nadia Petkova");
  EXPECT_EQ(r->published, "2026-04-11T09:00:00+03:00");
  EXPECT_EQ(r->text.rfind("A passenger ferry carrying 212 people", 0), 0u) << r->text;
}

TEST(HtmlExtractTest, TextSeparatedByLineBreaksInsteadOfParagraphs) {
  std::string page = "<html><head><title>Port strike ends</title></head><body><div id=\"menu\"><a href=\"/\">Home</a></div>"
                     "<div id=\"story-text\">Dockworkers at the port of Koper returned to work on Monday after a nine-day strike over pay."
                     "<br><br>The union said members had accepted a 6 percent raise spread over two years, ending the longest stoppage at the port in a decade."
                     "<br><br>Shipping lines had diverted more than forty vessels to Trieste and Rijeka during the dispute, the port operator said.</div>"
                     "</body></html>";
  auto r = FromHtml(page);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->title, "Port strike ends");
  EXPECT_EQ(r->text.rfind("Dockworkers at the port", 0), 0u);
  EXPECT_NE(r->text.find("raise spread over two years, ending the longest stoppage at the port in a decade.\n\nShipping"),
            std::string::npos);
  EXPECT_EQ(r->text.find("Home"), std::string::npos);
}

TEST(HtmlExtractTest, SectionFrontIsReportedAsNoArticle) {
  std::string page = "<html><head><title>World news</title></head><body><nav><a href=\"/\">Home</a></nav><ul>";
  for (int i = 0; i < 30; ++i)
    page += "<li><a href=\"/story/" + std::to_string(i) + "\">Headline number " + std::to_string(i) + " about a thing</a></li>";
  page += "</ul></body></html>";
  auto r = FromHtml(page);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("no article"), std::string::npos);
}

TEST(HtmlExtractTest, LegacyCharsetIsConvertedToUtf8) {
  std::string page = "<html><head><meta charset=\"windows-1252\"><title>Caf\xe9 owners protest</title></head><body><p>"
                     "\x93We will not close,\x94 said Ren\xe9 Duval, who has run the caf\xe9 on the square for twenty years, "
                     "as owners gathered outside the town hall on Tuesday to protest against the new rents set by the council.</p>"
                     "<p>The council said the rents had not changed since 2009 and would rise in two steps.</p></body></html>";
  auto r = FromHtml(page);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->title, "Caf\xC3\xA9 owners protest");
  EXPECT_NE(r->text.find("\xE2\x80\x9CWe will not close,\xE2\x80\x9D said Ren\xC3\xA9 Duval"), std::string::npos);
}

TEST(MetadataTest, BylinesAndTitleSuffixes) {
  EXPECT_EQ(CleanByline("By Jane Doe and John Roe | Staff"), "Jane Doe and John Roe");
  EXPECT_EQ(CleanByline("Posted by: Tomas Verhoeven, updated 2 hours ago"), "Tomas Verhoeven");
  EXPECT_EQ(CleanByline("share this story on social media with your friends and family today please"), "");
  std::string suffix;
  EXPECT_EQ(SplitTitleSuffix("Ferry sinks off Varna coast - The Harbor Ledger", &suffix), "Ferry sinks off Varna coast");
  EXPECT_EQ(suffix, "The Harbor Ledger");
}

}  // namespace
}  // namespace crosscheck
