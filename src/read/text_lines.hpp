// Stage 1 of the text reader: a saved text page cut into lines, each measured (indent, width in
// terminal columns, a leading list marker), and the link list a text browser appends to a page
// (lynx's numbered "References") taken off its end. Nothing here decides what a line means.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pressparse::text {

struct TextLine {
    std::string_view text;  // after the indent, trailing white space removed; empty when blank
    int indent = 0;         // columns of leading white space (a tab advances to the next 8)
    int width = 0;  // columns from the line's start to its last visible character; measured by
                    // detect_layout (only as far as it needs to look)
    // A leading list marker ("• ", "◦ ", "* ", "- ", "+ ", "1. ", "2) "): its kind, and the column
    // where the item's text starts. Marker::None when the line has none.
    enum class Marker : std::uint8_t { None, Bullet, OtherBullet, Star, Dash, Number };
    Marker marker = Marker::None;
    int content_column = 0;    // indent + marker + the spaces after it (the indent when no marker)
    std::string_view content;  // the text after the marker (== text when no marker)
    bool blank() const { return text.empty(); }
};

// Lines end at LF, CR LF or a lone CR; one linear pass. A run of blank lines is kept as one (it
// means one break however long it is). At most `max_lines` non-blank lines are read;
// `truncated`, when given, tells whether the page had more.
std::vector<TextLine> split_lines(std::string_view utf8,
                                  std::size_t max_lines = static_cast<std::size_t>(-1),
                                  bool* truncated = nullptr);

// Columns the text takes in a terminal: East Asian wide and fullwidth characters take two,
// combining marks none, everything else one (ICU's properties).
int display_width(std::string_view utf8);

// The link list of a text browser's dump: a "References" line followed only by numbered
// addresses ("  12. https://…"), and optional "Visible links:"/"Hidden links:" labels.
struct LinkList {
    std::size_t first_line = 0;     // index of the "References" line; lines.size() when none
    std::vector<std::string> urls;  // urls[n - 1] is the address of marker [n] ("" if unlisted)
    bool found() const { return !urls.empty(); }
};
LinkList find_link_list(const std::vector<TextLine>& lines);

// Text with the link markers "[12]" of a dump that has a link list removed; `first_link`
// receives the number of a marker standing at the very start of the text (0 when none).
std::string strip_link_markers(std::string_view text, std::size_t link_count,
                               std::size_t* first_link);

}  // namespace pressparse::text
