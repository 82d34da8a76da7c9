#include "pressparse/text_reader.hpp"

#include <algorithm>
#include <cstring>

#include "pressparse/unicode.hpp"

namespace pressparse {

Blocks read_text(std::string_view utf8, bool* truncated) {
    Blocks blocks;
    if (truncated) *truncated = false;
    bool gap = false;
    std::size_t pos = 0;
    // Lines end at LF, CR LF or a lone CR. The next LF and the next CR are each searched for
    // (with memchr) only once the previous one is passed, so a page of lone-CR lines is not
    // rescanned to its end for an LF on every line.
    auto find_from = [&](char c, std::size_t from) {
        if (from >= utf8.size()) return std::string_view::npos;
        const void* hit = std::memchr(utf8.data() + from, c, utf8.size() - from);
        return hit ? static_cast<std::size_t>(static_cast<const char*>(hit) - utf8.data())
                   : std::string_view::npos;
    };
    std::size_t next_lf = find_from('\n', 0);
    std::size_t next_cr = find_from('\r', 0);
    while (pos <= utf8.size()) {
        if (next_lf < pos) next_lf = find_from('\n', pos);  // npos is never below pos
        if (next_cr < pos) next_cr = find_from('\r', pos);
        std::size_t end = std::min({next_lf, next_cr, utf8.size()});
        std::string_view raw = utf8.substr(pos, end - pos);
        if (end < utf8.size() && utf8[end] == '\r' && end + 1 < utf8.size() &&
            utf8[end + 1] == '\n')
            ++end;
        pos = end + 1;

        std::string text = unicode::fold_whitespace(raw);
        if (text.empty()) {
            gap = !blocks.empty();
            continue;
        }
        if (blocks.size() == kMaxTextLines) {
            if (truncated) *truncated = true;
            break;
        }
        Block block;
        block.gap_before = gap;
        if (text.size() > 2 && text[0] == '*' && text[1] == ' ') {
            block.hint = BlockHint::ListItem;
            text.erase(0, 2);
        } else if (text.rfind("\xE2\x80\xA2 ", 0) == 0) {  // "• "
            block.hint = BlockHint::ListItem;
            text.erase(0, 4);
        }
        block.text = std::move(text);
        blocks.push_back(std::move(block));
        gap = false;
        if (end >= utf8.size()) break;
    }
    return blocks;
}

}  // namespace pressparse
