// Stage 2 of the text reader: how the page was laid out as text, and its lines grouped into
// blocks accordingly.
//
// Two layouts are told apart by the lines themselves, never by a file name:
// - one paragraph per line (how a page's text is copied out of a browser window): every
//   non-blank line is a block;
// - hard-wrapped text (w3m, lynx, a browser's "save as text"), at any width from about 30 to
//   160 columns, indented or not: a paragraph runs over several lines, and a line ends where the
//   next word would not have fitted. Lines are joined back where that holds and the indentation
//   continues the paragraph (or the list item, under its text column).
// The evidence is the wrap itself: in wrapped text, a line directly followed by more text ends
// within one word of the widest line; in one-paragraph-per-line text it ends anywhere.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pressparse/blocks.hpp"
#include "text_lines.hpp"

namespace pressparse::text {

struct Layout {
    bool wrapped = false;
    int width = 0;        // the widest line of more than one word, in columns
    int body_indent = 0;  // the indent of most long lines (three spaces in lynx's dumps)
};

// The text of a line (or of lines joined) of a text browser's dump: link markers of `links`
// removed (`first_link` receives the number of one at the very start, 0 if none), lynx's form
// labels ("(BUTTON) ") dropped, white space folded.
std::string dump_text(std::string_view raw, const LinkList& links, std::size_t* first_link);

// The layout of lines[0, end). Measures the lines' widths on the way: all of them when the
// text is wrapped; when it is not, it stops at the first line too wide to be wrapped text.
Layout detect_layout(std::vector<TextLine>& lines, std::size_t end);

// Blocks of lines[0, end): white space folded, list markers taken off list items, lines joined
// where the layout wrapped them, link markers of `links` removed (a block that starts with one
// keeps its address in Block::url), a title printed twice and glued ("TitleTitle") once.
Blocks group_blocks(const std::vector<TextLine>& lines, std::size_t end, const Layout& layout,
                    const LinkList& links);

}  // namespace pressparse::text
