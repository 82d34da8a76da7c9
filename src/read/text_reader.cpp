// The text reader: a saved page in text form (UTF-8, NFC) to blocks, in three stages — lines
// measured and a text browser's link list taken off the end (text_lines), the layout told from
// the lines and lines grouped into blocks by it (text_layout). It records layout only (blank
// lines before blocks, list items, link addresses); what a block *is* is the segmenter's call.
#include "pressparse/text_reader.hpp"

#include "text_layout.hpp"
#include "text_lines.hpp"

namespace pressparse {

Blocks read_text(std::string_view utf8, bool* truncated) {
    std::vector<text::TextLine> lines = text::split_lines(utf8, kMaxTextLines, truncated);
    const text::LinkList links = text::find_link_list(lines);
    const text::Layout layout = text::detect_layout(lines, links.first_line);
    return text::group_blocks(lines, links.first_line, layout, links);
}

}  // namespace pressparse
