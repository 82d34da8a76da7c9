#include "pressparse/text_reader.hpp"

#include "pressparse/unicode.hpp"

namespace pressparse {

Blocks read_text(std::string_view utf8) {
    Blocks blocks;
    bool gap = false;
    std::size_t pos = 0;
    while (pos <= utf8.size()) {
        // Lines end at LF, CR LF or a lone CR. (Two memchr calls: find_first_of would call
        // memchr once per byte.)
        std::size_t end = utf8.find('\n', pos);
        if (end == std::string_view::npos) end = utf8.size();
        if (const std::size_t cr = utf8.substr(pos, end - pos).find('\r');
            cr != std::string_view::npos)
            end = pos + cr;
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
