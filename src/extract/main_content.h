// Main-content detection on an HtmlDom: which paragraphs are the article.
// Page furniture is cut by element (nav, footer, forms, hidden nodes) and by class/id cues
// from data/extract/; the body container is chosen by text density, commas and link density
// (the Readability family of scores), preferring a container that declares itself the body;
// paragraphs of the container that are short prompts or link lists are dropped.
#pragma once

#include <string>
#include <vector>

#include "extract/html_dom.h"

namespace crosscheck {

struct MainContent {
  std::vector<std::string> paragraphs;  // clean, white space collapsed
  size_t page_text_chars = 0;           // all visible text of the page body
};

MainContent FindMainContent(const HtmlDom& dom);

}  // namespace crosscheck
