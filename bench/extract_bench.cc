// extract_bench: Google Benchmark micro-benchmarks of HTML extraction on a synthetic news page
// built in code (no data files): a head with metadata, styles and scripts, a navigation bar,
// an article of 15 paragraphs with inline links and images, a related-stories aside and a
// footer. Its proportions (markup, attributes and script bytes versus text) follow those of
// real news pages, so the per-page times are comparable with extract_speed's.
//   BM_ParseHtml       prepass + libxml2 parse into HtmlDom
//   BM_StripRawText    the prepass alone
//   BM_ExtractArticle  the whole door: charset, parse, metadata, main content, language
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "extract/extract.h"
#include "extract/html_dom.h"

namespace {

// A sentence pool; paragraphs cycle through it so each paragraph is different.
constexpr const char* kSentences[] = {
    "The city council voted on Tuesday to approve the new transit plan after months of debate.",
    "Officials said the first phase would begin next spring, pending a final review of costs.",
    "Critics argued that the proposal, which runs to 400 pages, leaves key questions unanswered.",
    "\"We have waited long enough for this,\" said one resident who attended the meeting.",
    "The plan includes three new bus lines, wider pavements and a network of protected bike lanes.",
    "According to the budget office, the project will cost about $1.2 billion over ten years.",
    "Supporters say it will cut commuting times and reduce traffic on the main roads into town.",
    "Business owners along the route have asked for compensation during the construction work.",
};

std::string Navigation() {
  std::string s = "<header class=\"site-header\" role=\"banner\"><nav class=\"main-nav\" aria-label=\"Main\"><ul>";
  for (const char* section : {"World", "Politics", "Business", "Tech", "Science", "Health", "Sport", "Culture",
                              "Opinion", "Travel"})
    s += std::string("<li class=\"nav-item\"><a class=\"nav-link\" href=\"https://news.example.com/") + section +
         "\" data-track=\"nav-" + section + "\">" + section + "</a></li>";
  return s + "</ul></nav></header>\n";
}

std::string Head() {
  std::string s =
      "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<title>Council approves transit plan | Example News</title>"
      "<meta property=\"og:title\" content=\"Council approves transit plan\">"
      "<meta property=\"og:type\" content=\"article\">"
      "<meta name=\"author\" content=\"Jane Reporter\">"
      "<meta property=\"article:published_time\" content=\"2024-03-05T09:30:00Z\">"
      "<link rel=\"canonical\" href=\"https://news.example.com/transit-plan\">";
  for (int i = 0; i < 6; ++i)
    s += "<link rel=\"preload\" as=\"font\" crossorigin href=\"https://cdn.example.com/fonts/f" + std::to_string(i) +
         ".woff2\">";
  s += "<style>" + std::string(6000, ' ') + ".a{color:red}</style>";
  s += "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\","
       "\"headline\":\"Council approves transit plan\",\"author\":{\"name\":\"Jane Reporter\"}}</script>";
  for (int i = 0; i < 8; ++i)
    s += "<script>window.dataLayer=window.dataLayer||[];" + std::string(3000, 'x') + "</script>";
  return s + "</head>\n";
}

std::string Paragraph(int i) {
  std::string p = "<p class=\"article-paragraph\" data-component=\"text-block\" data-index=\"" + std::to_string(i) + "\">";
  for (int k = 0; k < 4; ++k) {
    p += kSentences[(i + k) % std::size(kSentences)];
    p += ' ';
  }
  if (i % 3 == 0) p += "Read the <a href=\"https://news.example.com/report\" class=\"inline-link\">full report</a>.";
  return p + "</p>\n";
}

std::string Figure() {
  std::string srcset;
  for (int w : {320, 640, 960, 1280, 1920}) {
    srcset += "https://img.example.com/photo.jpg?w=" + std::to_string(w) + "&q=80&fit=crop " + std::to_string(w) + "w, ";
  }
  return "<figure class=\"article-image\"><img src=\"https://img.example.com/photo.jpg\" srcset=\"" + srcset +
         "\" sizes=\"(max-width: 600px) 100vw, 600px\" alt=\"Buses\" loading=\"lazy\">"
         "<figcaption>Buses on the main road.</figcaption></figure>\n";
}

std::string Article() {
  std::string s =
      "<main id=\"main\"><article class=\"article\" itemscope itemtype=\"https://schema.org/NewsArticle\">"
      "<h1 class=\"headline\" itemprop=\"headline\">Council approves transit plan</h1>"
      "<div class=\"byline\"><span itemprop=\"author\">By Jane Reporter</span> "
      "<time datetime=\"2024-03-05T09:30:00Z\">5 March 2024</time></div>"
      "<div class=\"article-body\" itemprop=\"articleBody\">\n";
  for (int i = 0; i < 15; ++i) {
    s += Paragraph(i);
    if (i == 4 || i == 10) s += Figure();
  }
  return s + "</div></article></main>\n";
}

std::string Aside() {
  std::string s = "<aside class=\"related\"><h2>Related stories</h2><ul>";
  for (int i = 0; i < 8; ++i)
    s += "<li class=\"related-item\"><a href=\"https://news.example.com/story-" + std::to_string(i) +
         "\" style=\"color:#333;font-weight:bold\">Another story about the city number " + std::to_string(i) +
         "</a></li>";
  return s + "</ul></aside>\n";
}

std::string Footer() {
  return "<footer class=\"site-footer\"><p>&copy; 2024 Example News. All rights reserved.</p>"
         "<ul><li><a href=\"/privacy\">Privacy</a></li><li><a href=\"/terms\">Terms</a></li>"
         "<li><a href=\"/contact\">Contact</a></li></ul></footer>"
         "<script src=\"https://cdn.example.com/app.js\" async></script></body></html>\n";
}

const std::string& SyntheticPage() {
  static const std::string page = Head() + "<body class=\"article-page\">" + Navigation() + Article() + Aside() +
                                  "<!-- ad slot -->" + Footer();
  return page;
}

void BM_StripRawText(benchmark::State& state) {
  const std::string& html = SyntheticPage();
  for (auto _ : state) {
    std::vector<std::string> json_ld;
    benchmark::DoNotOptimize(crosscheck::StripRawText(html, &json_ld));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * html.size()));
}
BENCHMARK(BM_StripRawText);

void BM_ParseHtml(benchmark::State& state) {
  const std::string& html = SyntheticPage();
  for (auto _ : state) benchmark::DoNotOptimize(crosscheck::ParseHtml(html));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * html.size()));
}
BENCHMARK(BM_ParseHtml);

void BM_ExtractArticle(benchmark::State& state) {
  crosscheck::Document doc;
  doc.id = "synthetic";
  doc.kind = crosscheck::DocumentKind::kHtml;
  doc.bytes = SyntheticPage();
  if (!crosscheck::ExtractArticle(doc).ok()) {
    state.SkipWithError("the synthetic page gave no article");
    return;
  }
  for (auto _ : state) benchmark::DoNotOptimize(crosscheck::ExtractArticle(doc));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * doc.bytes.size()));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));  // items/s = pages/s
}
BENCHMARK(BM_ExtractArticle);

}  // namespace

BENCHMARK_MAIN();
