// The intermediate model both readers produce and the segmenter consumes: a flat sequence of
// text blocks in page order, each with hints about where it came from.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace pressparse {

// What the markup (or the text layout) says about a block. The text reader only knows about
// line grouping; the HTML reader knows tags and containers. The segmenter decides roles.
enum class BlockHint {
    None,        // a line of a text page, or a plain <p>/<div> text run
    Heading,     // <h1>–<h6>; see Block::level
    ListItem,    // <li>, or a "* " line in a text page
    Quote,       // inside <blockquote>
    Caption,     // <figcaption>, image alt/title text
    Credit,      // an element marked as a photo credit
    Teaser,      // a related-article title from a teaser list
    TeaserLead,  // the lead of the teaser title before it
    Meta,        // byline-like text found outside the article body (an author element)
    Preamble,    // a line between the headline and the article body (byline, date, section)
    Boilerplate  // navigation, widget or footer text kept only for position
};

struct Block {
    std::string text;         // NFC, white space folded, trimmed; never empty
    bool gap_before = false;  // a blank line (text) or a block boundary (HTML) precedes it
    BlockHint hint = BlockHint::None;
    int level = 0;       // heading level for BlockHint::Heading
    std::string credit;  // a photo credit the markup marked inside a caption
    std::string url;     // the address a teaser title links to, when the page gives it
    std::string image;   // a caption's figure image as the page writes it (src, srcset, lazy)
    // The lines of a text page the block was read from (first index, count); 0 for HTML.
    std::uint32_t first_line = 0;
    std::uint32_t line_count = 0;
};

using Blocks = std::vector<Block>;

}  // namespace pressparse
