// Metadata of an HTML page from every standard source, best first:
// JSON-LD (NewsArticle/Article/…, including @graph) → OpenGraph and article:* → <meta name>
// (author, date, dc.*, parsely-*) → microdata (itemprop) → <time datetime> → <link
// rel=canonical> → <title> without the site-name suffix. The visible byline is the segmenter's.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "html_dom.hpp"
#include "pressparse/html_reader.hpp"

namespace pressparse::html {

// Warnings about the metadata (JSON-LD nested deeper than kMaxJsonLdDepth, cut) are appended to
// `warnings`.
Metadata extract_metadata(const Document& doc, std::vector<std::string>& warnings);

// The headline in a <title>, read as Readability reads it: a site name after the last separator
// (" | ", " - ", " / ", " > ", " » ") is dropped unless that leaves four words or fewer; a
// "Site: Headline" keeps what follows the colon unless a heading prints the whole; a title too
// short or too long gives way to the page's only <h1>.
std::string article_title(std::string_view title, const std::vector<std::string>& headings,
                          int h1_count, std::string_view only_h1);

// How much of `b`'s words also occur in `a` (0..1), over lower-cased letter/digit words.
double text_similarity(std::string_view a, std::string_view b);

}  // namespace pressparse::html
