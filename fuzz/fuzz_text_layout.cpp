// Fuzzes how a text page's layout is read. The input's first bytes steer how its text is laid
// out as a text browser would print it — a wrap width from 30 to 160 columns, changed from
// paragraph to paragraph or not, an indent, list markers, blank lines between blocks kept,
// dropped or doubled, CR LF line ends, a lynx link list at the end — and the rest is the text.
// Beyond "no crash", it holds the reader and segmenter to two invariants:
//   - no input line is lost unaccounted: every non-blank line before the link list is in
//     exactly one block (block line ranges ascend and never overlap), unless nothing of it is
//     left once link markers and form labels are taken off;
//   - every block is given a role by the segmenter (body, related or a named dropped role).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_common.hpp"
#include "pressparse/segment.hpp"
#include "pressparse/unicode.hpp"
#include "read/text_layout.hpp"
#include "read/text_lines.hpp"

namespace {

using namespace pressparse;

struct Steering {
    int width = 80;
    int indent = 0;
    bool vary_width = false;
    int blank_mode = 0;  // 0 one blank line between blocks, 1 none, 2 two
    bool crlf = false;
    bool markers = false;  // every third paragraph a list item
    bool link_list = false;
};

// Words of `para` wrapped at `width` under `indent` spaces (a word longer than the width stands
// alone on its line, as text browsers leave it).
void wrap_into(std::string& out, std::string_view para, int width, int indent,
               std::string_view first_marker, const std::string& eol) {
    std::string line(static_cast<std::size_t>(indent), ' ');
    line += first_marker;
    const int start_cols = indent + text::display_width(first_marker);
    int cols = start_cols;
    const int body_cols = start_cols;
    bool empty = true;
    std::size_t pos = 0;
    while (pos < para.size()) {
        std::size_t end = para.find(' ', pos);
        if (end == std::string_view::npos) end = para.size();
        const std::string_view word = para.substr(pos, end - pos);
        pos = end + 1;
        if (word.empty()) continue;
        const int w = text::display_width(word);
        if (!empty && cols + 1 + w > width) {
            out += line;
            out += eol;
            line.assign(static_cast<std::size_t>(body_cols), ' ');
            cols = body_cols;
            empty = true;
        }
        if (!empty) {
            line += ' ';
            ++cols;
        }
        line += word;
        cols += w;
        empty = false;
    }
    out += line;
    out += eol;
}

std::string lay_out(std::string_view text_in, const Steering& s, const std::uint8_t* jitter,
                    std::size_t jitter_size) {
    const std::string eol = s.crlf ? "\r\n" : "\n";
    std::string out;
    std::size_t pos = 0;
    std::size_t n = 0;
    while (pos <= text_in.size()) {
        std::size_t end = text_in.find('\n', pos);
        if (end == std::string_view::npos) end = text_in.size();
        const std::string para = unicode::fold_whitespace(text_in.substr(pos, end - pos));
        pos = end + 1;
        if (para.empty()) continue;
        int width = s.width;
        if (s.vary_width && jitter_size > 0) width = 30 + jitter[n % jitter_size] % 131;
        const bool item = s.markers && n % 3 == 2;
        if (n > 0) {
            for (int b = 0; b < (s.blank_mode == 0 ? 1 : s.blank_mode == 1 ? 0 : 2); ++b)
                out += eol;
        }
        const std::string marker = item ? "\xE2\x80\xA2 " : "";
        const std::string linked =
            s.link_list && n % 2 == 0 ? "[" + std::to_string(n / 2 + 1) + "]" : "";
        wrap_into(out, linked + para, width, s.indent + (item ? 2 : 0), marker, eol);
        ++n;
    }
    if (s.link_list && n > 0) {
        out += eol + "References" + eol + eol;
        for (std::size_t k = 1; k <= (n + 1) / 2; ++k)
            out += "   " + std::to_string(k) + ". https://example.lv/" + std::to_string(k) + eol;
    }
    return out;
}

void check_page(const std::string& page) {
    fuzz::check_utf8(page, "laid-out page");
    auto lines = text::split_lines(page);
    const auto links = text::find_link_list(lines);
    const auto layout = text::detect_layout(lines, links.first_line);
    const Blocks blocks = text::group_blocks(lines, links.first_line, layout, links);
    fuzz::check_blocks(blocks);

    std::vector<std::uint8_t> covered(lines.size(), 0);
    std::size_t next_free = 0;
    for (const Block& b : blocks) {
        if (b.line_count == 0 || b.first_line < next_free ||
            std::size_t{b.first_line} + b.line_count > links.first_line)
            fuzz::fail("block line ranges overlap, go backwards or run past the text");
        for (std::uint32_t k = 0; k < b.line_count; ++k)
            covered[b.first_line + k] = 1;
        next_free = std::size_t{b.first_line} + b.line_count;
    }
    for (std::size_t i = 0; i < links.first_line; ++i) {
        if (lines[i].blank() || covered[i]) continue;
        if (!text::dump_text(lines[i].text, links, nullptr).empty())
            fuzz::fail("a non-blank line is in no block", lines[i].text);
    }

    Article article;
    article.input.path = "fuzz.txt";
    article.input.bytes = page.size();
    std::vector<BlockRole> roles;
    segment(blocks, article, &roles);
    if (roles.size() != blocks.size()) fuzz::fail("one role per block");
    for (const BlockRole r : roles) {
        if (r == BlockRole::Unassigned) fuzz::fail("a block was given no role");
    }
    finish_article(article);
    fuzz::check_article(article);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    constexpr std::size_t kSteer = 6;
    if (size < kSteer) return 0;
    Steering s;
    s.width = 30 + data[0] % 131;
    s.indent = data[1] % 5;
    s.vary_width = data[2] & 1;
    s.blank_mode = (data[2] >> 1) % 3;
    s.crlf = data[2] & 8;
    s.markers = data[2] & 16;
    s.link_list = data[2] & 32;
    const std::string_view rest(reinterpret_cast<const char*>(data + kSteer), size - kSteer);
    // The text as valid NFC UTF-8, its line structure kept (and its indentation, when the bytes
    // are valid already: a saved dump as a seed reads as itself).
    std::string text_in;
    std::size_t pos = unicode::is_valid_utf8(rest) && rest.find('\0') == std::string_view::npos
                          ? rest.size() + 1
                          : 0;
    if (pos > 0) text_in = std::string(rest);
    while (pos <= rest.size()) {
        std::size_t end = rest.find('\n', pos);
        if (end == std::string_view::npos) end = rest.size();
        text_in += unicode::fold_whitespace(rest.substr(pos, end - pos));
        text_in += '\n';
        pos = end + 1;
    }
    text_in = unicode::to_nfc(text_in);
    fuzz::expect_only_input_error([&] {
        check_page(lay_out(text_in, s, data + 3, 3));
        // The text as it came: one paragraph per line, or a saved dump.
        check_page(text_in);
    });
    return 0;
}
