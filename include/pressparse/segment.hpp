// The segmenter: one place that decides what every block is — header and navigation lines,
// headline, source/date line, category/comments line, body paragraphs, subheadings, captions
// and credits, the teaser region and comment widgets — for blocks from either reader.
#pragma once

#include "pressparse/article.hpp"
#include "pressparse/blocks.hpp"

namespace pressparse {

// Fills headline, source, date, category, comments, body, related and warnings of `article`
// from `blocks`. Fields already set by the caller (e.g. from HTML metadata) are kept when the
// blocks have nothing better. Stats and language are left to `finish_article`.
void segment(const Blocks& blocks, Article& article);

// Computes stats and language from the body, and adds the end-of-pipeline warnings.
void finish_article(Article& article);

}  // namespace pressparse
