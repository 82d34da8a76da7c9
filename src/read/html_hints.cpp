// Hints of the HTML extraction: the tag predicates and the text measure (the tables are in
// html_hints.hpp). Pure functions; see the header for what they must never do.
#include "html_hints.hpp"

#include "pressparse/unicode.hpp"

namespace pressparse::html::extract {

namespace {

bool is_comma(char32_t c) {
    return c == ',' || c == 0x060C || c == 0xFE50 || c == 0xFE10 || c == 0xFE11 || c == 0x2E41 ||
           c == 0x2E34 || c == 0x2E32 || c == 0xFF0C;
}

}  // namespace

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (auto& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

bool is_ingredient_prop(std::string_view itemprop) {
    using namespace std::string_view_literals;
    return !itemprop.empty() && has_class_token(lower_ascii(itemprop),
                                                std::array{"recipeingredient"sv, "ingredients"sv});
}

bool is_dropped_tag(GumboTag t) {
    switch (t) {
        case GUMBO_TAG_HEAD:
        case GUMBO_TAG_SCRIPT:
        case GUMBO_TAG_STYLE:
        case GUMBO_TAG_NOSCRIPT:
        case GUMBO_TAG_TEMPLATE:
        case GUMBO_TAG_IFRAME:
        case GUMBO_TAG_OBJECT:
        case GUMBO_TAG_EMBED:
        case GUMBO_TAG_CANVAS:
        case GUMBO_TAG_AUDIO:
        case GUMBO_TAG_VIDEO:
        case GUMBO_TAG_SELECT:
        case GUMBO_TAG_OPTION:
        case GUMBO_TAG_BUTTON:
        case GUMBO_TAG_INPUT:
        case GUMBO_TAG_TEXTAREA:
        case GUMBO_TAG_NAV:
        case GUMBO_TAG_LINK:
        case GUMBO_TAG_META:
        case GUMBO_TAG_MENU:
        case GUMBO_TAG_SVG:
            return true;
        default:
            return false;
    }
}

bool is_div_to_p_blocker(GumboTag t) {
    if (is_heading(t)) return true;
    switch (t) {
        case GUMBO_TAG_BLOCKQUOTE:
        case GUMBO_TAG_DL:
        case GUMBO_TAG_DIV:
        case GUMBO_TAG_IMG:
        case GUMBO_TAG_OL:
        case GUMBO_TAG_P:
        case GUMBO_TAG_PRE:
        case GUMBO_TAG_TABLE:
        case GUMBO_TAG_UL:
        case GUMBO_TAG_SECTION:
        case GUMBO_TAG_ARTICLE:
        case GUMBO_TAG_FIGURE:
            return true;
        default:
            return false;
    }
}

TextStats measure(std::string_view text) {
    TextStats s;
    bool in_space = true;  // leading white space does not count
    for (std::size_t i = 0; i < text.size();) {
        const auto byte = static_cast<unsigned char>(text[i]);
        char32_t c;
        if (byte < 0x80) {
            c = byte;
            ++i;
        } else {
            c = unicode::next_code_point(text, i);
        }
        const bool space =
            c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == 0xA0 || c == '\f';
        if (space) {
            if (!in_space) s.length += 1;
            in_space = true;
            continue;
        }
        in_space = false;
        s.length += 1;
        if (is_comma(c)) ++s.commas;
    }
    return s;
}

}  // namespace pressparse::html::extract
