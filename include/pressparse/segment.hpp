// The segmenter: one place that decides what every block is — header and navigation lines,
// headline, source/date line, category/comments line, body paragraphs, subheadings, captions
// and credits, the teaser region and comment widgets — for blocks from either reader.
#pragma once

#include <vector>

#include "pressparse/article.hpp"
#include "pressparse/blocks.hpp"

namespace pressparse {

// The role the segmenter gave one block: where its text went, or why it was left out.
enum class BlockRole {
    Unassigned,  // never the case after segment(); the fuzz target holds it to that
    Header,      // the saved page's " date YYYY-MM-DD …" line
    Navigation,  // menu, top bar, name days; markup the reader marked as boilerplate
    Furniture,   // consent notice, share, advert, footer, picture placeholder (text pages)
    Headline,
    Byline,     // the source/date line
    Category,   // the category (and comment count) line
    Author,     // an author element outside the body (HTML)
    Preamble,   // other lines between headline and body
    Body,       // a body block (a caption's second printing is folded into it: Duplicate)
    Duplicate,  // an image's description printed again beside its caption
    Related,    // a teaser title or lead, or the region's own furniture and widgets
};

// Fills headline, source, date, category, comments, body, related and warnings of `article`
// from `blocks`. Fields already set by the caller (e.g. from HTML metadata) are kept when the
// blocks have nothing better. Stats and language are left to `finish_article`. When `roles` is
// given it receives each block's role (for tests, fuzzing and debugging).
void segment(const Blocks& blocks, Article& article, std::vector<BlockRole>* roles = nullptr);

// Computes stats and language from the body, and adds the end-of-pipeline warnings.
void finish_article(Article& article);

}  // namespace pressparse
