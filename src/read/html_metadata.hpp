// Metadata of an HTML page from every standard source, best first:
// JSON-LD (NewsArticle/Article/…, including @graph) → OpenGraph and article:* → <meta name>
// (author, date, dc.*, parsely-*) → microdata (itemprop) → <time datetime> → <link
// rel=canonical> → <title> without the site-name suffix. The visible byline is the segmenter's.
#pragma once

#include <string>
#include <string_view>

#include "html_dom.hpp"
#include "pressparse/html_reader.hpp"

namespace pressparse::html {

Metadata extract_metadata(const Document& doc);

// <title> text without a site-name suffix or prefix ("Headline | Site", "Site - Headline"),
// using the site name and the page's headings when they tell which part is the headline.
std::string clean_document_title(std::string_view title, std::string_view site_name,
                                 const std::vector<std::string>& headings);

// How much of `b`'s words also occur in `a` (0..1), over lower-cased letter/digit words.
double text_similarity(std::string_view a, std::string_view b);

}  // namespace pressparse::html
