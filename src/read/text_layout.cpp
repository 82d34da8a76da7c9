#include "text_layout.hpp"

#include <algorithm>
#include <map>

#include "pressparse/unicode.hpp"
#include "segment/rules.hpp"

namespace pressparse::text {

namespace {

// Wrapping below this width is no wrapping a tool does; above it, lines are paragraphs.
constexpr int kMinWrapWidth = 30;
constexpr int kMaxWrapWidth = 160;

// Columns of the first word of a line: what would have had to fit on the line before it.
int first_word_width(std::string_view text) {
    const std::size_t space = text.find(' ');
    return display_width(text.substr(0, space));
}

bool has_inner_space(std::string_view text) {
    return text.find(' ') != std::string_view::npos;
}

// Whether a marked line starts a list item. Stars and bullets always do; a dash or a number at
// the text's own indent is as likely dialogue or a sentence that starts with a figure, so in
// wrapped text it needs the deeper indent a list gets.
bool starts_item(const TextLine& line, const Layout& layout) {
    using M = TextLine::Marker;
    switch (line.marker) {
        case M::None:
            return false;
        case M::Star:
        case M::Bullet:
            return layout.wrapped;
        case M::OtherBullet:
        case M::Dash:
        case M::Number:
            return layout.wrapped && line.indent > layout.body_indent;
    }
    return false;
}

// "TitleTitle" or "Title Title" → "Title" (a teaser's title printed twice: the link around its
// picture and the link text, saved side by side). Only titles of more than one word.
std::string collapse_doubled(std::string text) {
    const std::string_view half = rules::printed_twice(text, true);
    if (!half.empty() && has_inner_space(half)) text.resize(half.size());
    return text;
}

// "(BUTTON) Согласен" → "Согласен": lynx's label for a form button.
std::string drop_form_labels(std::string text) {
    static constexpr std::string_view kButton = "(BUTTON) ";
    for (std::size_t at = text.find(kButton); at != std::string::npos; at = text.find(kButton, at))
        text.erase(at, kButton.size());
    return text;
}

// Whether a line ends in a word (no closing punctuation): a title does, a sentence does not.
bool ends_in_word(std::string_view text) {
    if (text.empty()) return false;
    const auto last = static_cast<unsigned char>(text.back());
    if (last < 0x80)
        return (last >= '0' && last <= '9') || (last >= 'a' && last <= 'z') ||
               (last >= 'A' && last <= 'Z');
    // » … ” ’ and other closers are punctuation; a letter of another script is a word.
    for (std::string_view closer : {"\xC2\xBB", "\xE2\x80\xA6", "\xE2\x80\x9D", "\xE2\x80\x99"}) {
        if (text.size() >= closer.size() && text.substr(text.size() - closer.size()) == closer)
            return false;
    }
    return true;
}

// A line that is a block by itself: page furniture (a share line after the last paragraph) or
// an agency's name standing as a photo credit ("LETA" under an advert; a credit of more words,
// "Фото: Имя", is as likely the end of a wrapped caption). It starts a block of its own even
// where the line before it fills the width, as a wrapped line would.
bool stands_alone(const TextLine& line, const LinkList& links) {
    const std::string text = dump_text(line.text, links, nullptr);
    if (rules::classify_chrome(text) != rules::Chrome::None) return true;
    return unicode::count_tokens(text, 1) == 1 && !rules::ends_sentence(text) &&
           rules::is_credit_line(text);
}

// Whether `next` opens with two words that `so_far` already holds: the second printing of a
// title glued to the first, wrapped.
bool repeats_opening(std::string_view so_far, std::string_view next) {
    std::size_t end = next.find(' ');
    if (end == std::string_view::npos) return false;
    end = next.find(' ', end + 1);
    const std::string_view opening = next.substr(0, end);
    return so_far.find(opening) != std::string_view::npos;
}

struct OpenBlock {
    Block block;
    std::string_view first;  // the first line's text (after a list marker)
    std::string raw;  // with more lines: their texts joined by spaces, before markers and folding
    int base_indent = 0;
    int min_indent = 0;
    bool item = false;
    int item_column = 0;
    const TextLine* last = nullptr;
    bool open = false;
};

}  // namespace

std::string dump_text(std::string_view raw, const LinkList& links, std::size_t* first_link) {
    if (first_link) *first_link = 0;
    std::string text =
        links.found() ? strip_link_markers(raw, links.urls.size(), first_link) : std::string(raw);
    return unicode::fold_whitespace(drop_form_labels(std::move(text)));
}

Layout detect_layout(std::vector<TextLine>& lines, std::size_t end) {
    Layout layout;
    // A line of words so long in bytes that it is wider than any wrap whatever its characters
    // (four bytes a column at most) settles it without measuring anything.
    for (std::size_t i = 0; i < end; ++i) {
        const TextLine& l = lines[i];
        if (l.text.size() > std::size_t{4} * kMaxWrapWidth && has_inner_space(l.content)) {
            layout.width = static_cast<int>(l.text.size() / 4);
            return layout;
        }
    }
    for (std::size_t i = 0; i < end; ++i) {
        TextLine& l = lines[i];
        if (l.blank()) continue;
        l.width = l.indent + display_width(l.text);
        if (has_inner_space(l.content)) {
            layout.width = std::max(layout.width, l.width);
            // A line of words wider than any wrap: one paragraph per line (the usual case of
            // a page copied out of a browser window, decided at its first long paragraph).
            if (layout.width > kMaxWrapWidth) return layout;
        }
    }
    if (layout.width < kMinWrapWidth) return layout;

    // The indent of the body: the commonest among lines at least half as wide as the widest.
    std::map<int, int> indents;
    for (std::size_t i = 0; i < end; ++i) {
        if (!lines[i].blank() && lines[i].width * 2 >= layout.width) ++indents[lines[i].indent];
    }
    int best = 0;
    for (const auto& [indent, count] : indents) {
        if (count > best) {
            best = count;
            layout.body_indent = indent;
        }
    }
    // The width the body was wrapped at: its own widest line (a headline set out to the left
    // may run wider).
    int body_width = 0;
    for (std::size_t i = 0; i < end; ++i) {
        const TextLine& l = lines[i];
        if (!l.blank() && l.indent == layout.body_indent && has_inner_space(l.content))
            body_width = std::max(body_width, l.width);
    }
    if (body_width >= kMinWrapWidth) layout.width = body_width;

    // Pairs of lines where the second continues the first's indentation: did the first end
    // because the second's first word would not fit (a wrap), or well before that, though long?
    int wraps = 0;
    int breaks = 0;
    for (std::size_t i = 1; i < end; ++i) {
        const TextLine& a = lines[i - 1];
        const TextLine& b = lines[i];
        if (a.blank() || b.blank() || b.marker != TextLine::Marker::None) continue;
        const bool continues_indent = b.indent <= a.indent || (a.marker != TextLine::Marker::None &&
                                                               b.indent == a.content_column);
        if (!continues_indent) continue;
        if (a.width + 1 + first_word_width(b.text) > layout.width) {
            ++wraps;
        } else if (a.width * 5 >= layout.width * 4) {
            ++breaks;
        }
    }
    // Two wraps at least: one line that happens to end near the widest is no layout.
    layout.wrapped = wraps >= 2 && wraps > breaks;
    return layout;
}

Blocks group_blocks(const std::vector<TextLine>& lines, std::size_t end, const Layout& layout,
                    const LinkList& links) {
    Blocks blocks;
    OpenBlock cur;
    bool gap = false;
    const bool browser_dump = layout.wrapped || links.found();

    auto close = [&] {
        if (!cur.open) return;
        cur.open = false;
        std::string text;
        if (browser_dump) {
            std::size_t first = 0;
            text = dump_text(cur.block.line_count > 1 ? std::string_view(cur.raw) : cur.first,
                             links, &first);
            if (first > 0) cur.block.url = links.urls[first - 1];
        } else {
            text = unicode::fold_whitespace(cur.first);  // one line: nothing joined
        }
        if (!layout.wrapped) {
            // One paragraph per line: a "* " or "• " line is a list item wherever it stands.
            if (text.size() > 2 && text[0] == '*' && text[1] == ' ') {
                cur.block.hint = BlockHint::ListItem;
                text.erase(0, 2);
            } else if (text.rfind("\xE2\x80\xA2 ", 0) == 0) {
                cur.block.hint = BlockHint::ListItem;
                text.erase(0, 4);
            }
        }
        if (browser_dump) text = collapse_doubled(std::move(text));
        if (text.empty()) {
            gap = !blocks.empty();  // a line of control characters reads as a blank one
            return;
        }
        // A paragraph set in from the body's own indent (not a list item's text): a quotation,
        // as text browsers indent <blockquote>.
        if (layout.wrapped && !cur.item && cur.min_indent >= layout.body_indent + 2)
            cur.block.hint = BlockHint::Quote;
        cur.block.text = std::move(text);
        blocks.push_back(std::move(cur.block));
        gap = false;
    };

    for (std::size_t i = 0; i < end; ++i) {
        const TextLine& line = lines[i];
        if (line.blank()) {
            close();
            gap = !blocks.empty();
            continue;
        }
        const bool item = starts_item(line, layout);
        if (cur.open && !item && layout.wrapped) {
            const TextLine& a = *cur.last;
            // A paragraph's lines keep its indent (its first line may stand further in); a list
            // item's stand under its text; a heading set out left of the body may be centred
            // on its next lines (lynx centres a long headline's second line).
            const bool indent_fits =
                cur.item ? line.indent == cur.item_column
                         : (line.indent <= a.indent && line.indent + 2 >= cur.base_indent) ||
                               (cur.base_indent < layout.body_indent && line.indent > a.indent);
            // A list item's one-line title, then a capitalised line under it: a teaser's title
            // and its lead (lynx prints them without a blank line), not a title wrapped.
            // (A lead is a sentence, or runs on to a further line; a title's last word is
            // neither. And a lead does not open with the title's own words, which a title
            // printed twice does.)
            const bool title_then_lead =
                cur.item && cur.block.line_count <= 2 && ends_in_word(a.text) &&
                unicode::first_letter_case(line.text) == unicode::LetterCase::Upper &&
                (!ends_in_word(line.text) || line.width + 12 >= layout.width) &&
                !repeats_opening(cur.block.line_count == 1 ? cur.first : cur.raw, line.text);
            if (indent_fits && !title_then_lead &&
                a.width + 1 + first_word_width(line.text) > layout.width &&
                !stands_alone(line, links)) {
                if (cur.block.line_count == 1) cur.raw = std::string(cur.first);
                cur.raw += ' ';
                cur.raw += line.text;
                cur.min_indent = std::min(cur.min_indent, line.indent);
                cur.last = &line;
                cur.block.line_count += 1;
                continue;
            }
        }
        close();
        cur = OpenBlock{};
        cur.open = true;
        cur.block.gap_before = gap;
        cur.block.first_line = static_cast<std::uint32_t>(i);
        cur.block.line_count = 1;
        cur.base_indent = line.indent;
        cur.min_indent = line.indent;
        cur.last = &line;
        if (item) {
            cur.item = true;
            cur.item_column = line.content_column;
            cur.block.hint = BlockHint::ListItem;
            cur.first = line.content;
        } else {
            cur.first = line.text;
        }
        if (!layout.wrapped) {
            // One paragraph per line: nothing joins.
            close();
        }
    }
    close();
    return blocks;
}

}  // namespace pressparse::text
