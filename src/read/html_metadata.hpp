// Metadata of an HTML page from every standard source, best first:
// JSON-LD (NewsArticle/Article/…, including @graph) → OpenGraph and article:* → <meta name>
// (author, date, dc.*, parsely-*) → microdata (itemprop) → <time datetime> → <link
// rel=canonical> → <title> without the site-name suffix. The visible byline is the segmenter's.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "html_dom.hpp"
#include "html_title.hpp"
#include "pressparse/html_reader.hpp"

namespace pressparse::html {

// Warnings about the metadata (JSON-LD nested deeper than kMaxJsonLdDepth, cut) are appended to
// `warnings`. `title_heading` is set to the heading that states the title the metadata found
// (find_title_heading): a page fact found once here, where the dates near it are read, and kept
// for the extraction.
Metadata extract_metadata(const Document& doc, std::vector<std::string>& warnings,
                          NodeId& title_heading);

}  // namespace pressparse::html
