// Article metadata from a page: title, author, outlet, publication time, language.
// Sources in order of trust: JSON-LD (NewsArticle and kin), OpenGraph and article:* meta tags,
// other meta tags, <time datetime>, bylines in the page, then the <title> element.
#pragma once

#include <string>

#include "extract/html_dom.h"

namespace crosscheck {

struct PageMetadata {
  std::string title, author, outlet, published, language, url;
  std::string article_body;  // JSON-LD articleBody, for pages whose text the DOM lacks
  bool is_article_type = false;  // JSON-LD or og:type says this is an article
  bool is_listing_type = false;  // says it is a collection, section or search page
};

PageMetadata ReadMetadata(const HtmlDom& dom);

// "By Jane Doe and John Roe | Staff" -> "Jane Doe and John Roe"; "" when it is not a name.
std::string CleanByline(std::string_view text);

// "Headline | Outlet" / "Headline - Outlet": the headline alone, outlet in *suffix.
std::string SplitTitleSuffix(std::string_view title, std::string* suffix);

}  // namespace crosscheck
