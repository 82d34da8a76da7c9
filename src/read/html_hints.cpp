// Hints of the HTML extraction: the tag predicates and the text measure (the tables are in
// html_hints.hpp). Pure functions; see the header for what they must never do.
#include "html_hints.hpp"

#include <unicode/uchar.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>

#include "pressparse/unicode.hpp"

namespace pressparse::html::extract {

namespace {

// The bits set in a 16-bit mask (std::popcount is a library call without the POPCNT
// instruction, which the baseline x86-64 target lacks).
unsigned bits16(unsigned x) {
    x = x - ((x >> 1) & 0x5555u);
    x = (x & 0x3333u) + ((x >> 2) & 0x3333u);
    x = (x + (x >> 4)) & 0x0F0Fu;
    return (x + (x >> 8)) & 0x1Fu;
}

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

bool alnum_at(std::string_view s, std::size_t at) {
    const auto byte = static_cast<unsigned char>(s[at]);
    if (byte < 0x80)
        return (byte >= '0' && byte <= '9') || ((byte | 0x20u) >= 'a' && (byte | 0x20u) <= 'z');
    return u_isalnum(static_cast<UChar32>(unicode::next_code_point(s, at))) != 0;
}

void next_character(std::string_view s, std::size_t& at) {
    if (static_cast<unsigned char>(s[at]) < 0x80) {
        ++at;
        return;
    }
    unicode::next_code_point(s, at);
}

TextStats measure(std::string_view text) {
    // Counted as integers and given as a float at the end: a float counted up by ones stops at
    // 2^24 (x + 1 rounds back to x there), so min(count, 2^24) is what it would have reached.
    std::uint64_t length = 0;
    std::uint32_t commas = 0;
    bool in_space = true;  // leading white space does not count
    // One character at a time from `at` up to `end`: the plain reading.
    auto characters = [&](std::size_t& at, std::size_t end) {
        while (at < end) {
            const auto byte = static_cast<unsigned char>(text[at]);
            char32_t c;
            if (byte < 0x80) {
                c = byte;
                ++at;
            } else {
                c = unicode::next_code_point(text, at);
            }
            const bool space =
                c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == 0xA0 || c == '\f';
            if (space) {
                if (!in_space) length += 1;
                in_space = true;
                continue;
            }
            in_space = false;
            length += 1;
            if (is_comma(c)) ++commas;
        }
    };
    std::size_t i = 0;
#if defined(__SSE2__)
    // Sixteen ASCII bytes at a time: each byte that is no white space counts, and each white
    // space byte that follows one that is not (the first of a run). A chunk holding a byte of a
    // multi-byte character is read a character at a time (the last may run past the chunk).
    const std::size_t n = text.size();
    while (i + 16 <= n) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
        if (_mm_movemask_epi8(v) != 0) {
            characters(i, i + 16);
            continue;
        }
        const __m128i space =
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')),
                                      _mm_cmpeq_epi8(v, _mm_set1_epi8('\n'))),
                         _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\t')),
                                                   _mm_cmpeq_epi8(v, _mm_set1_epi8('\r'))),
                                      _mm_cmpeq_epi8(v, _mm_set1_epi8('\f'))));
        const auto s = static_cast<unsigned>(_mm_movemask_epi8(space));
        const auto c =
            static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(','))));
        const unsigned space_before = ((s << 1) | (in_space ? 1u : 0u)) & 0xFFFFu;
        // 16 bytes, but for the white space bytes that follow white space.
        length += 16 - bits16(s & space_before);
        if (c != 0) commas += bits16(c);
        in_space = (s >> 15) != 0;
        i += 16;
    }
#endif
    characters(i, text.size());
    TextStats s;
    s.length = static_cast<float>(std::min<std::uint64_t>(length, std::uint64_t{1} << 24));
    s.commas = commas;
    return s;
}

}  // namespace pressparse::html::extract
