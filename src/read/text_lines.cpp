#include "text_lines.hpp"

#include <unicode/uchar.h>

#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "pressparse/unicode.hpp"

namespace pressparse::text {

namespace {

// Leading white space a text browser or editor puts before a line: spaces, tabs, NBSP.
std::size_t skip_indent(std::string_view s, int& columns) {
    std::size_t i = 0;
    columns = 0;
    while (i < s.size()) {
        if (s[i] == ' ') {
            ++columns;
            ++i;
        } else if (s[i] == '\t') {
            columns = (columns / 8 + 1) * 8;
            ++i;
        } else if (s.compare(i, 2, "\xC2\xA0") == 0) {
            ++columns;
            i += 2;
        } else {
            break;
        }
    }
    return i;
}

std::string_view trim_end(std::string_view s) {
    while (!s.empty()) {
        const char c = s.back();
        if (c == ' ' || c == '\t' || c == '\f' || c == '\v') {
            s.remove_suffix(1);
        } else if (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xA0") {
            s.remove_suffix(2);
        } else {
            break;
        }
    }
    return s;
}

// The list marker at the start of `s` and the bytes it takes with the spaces after it, or 0.
std::size_t match_marker(std::string_view s, TextLine::Marker& kind, int& columns) {
    std::size_t len = 0;
    int cols = 0;
    static constexpr std::string_view kBullets[] = {"\xE2\x80\xA2", "\xE2\x97\xA6", "\xE2\x96\xAA",
                                                    "\xE2\x80\xA3", "\xC2\xB7"};
    for (std::string_view b : kBullets) {
        if (s.substr(0, b.size()) == b) {
            len = b.size();
            cols = 1;
            kind = b == kBullets[0] ? TextLine::Marker::Bullet : TextLine::Marker::OtherBullet;
            break;
        }
    }
    if (len == 0 && !s.empty() && (s[0] == '*' || s[0] == '-' || s[0] == '+')) {
        len = 1;
        cols = 1;
        kind = s[0] == '*' ? TextLine::Marker::Star : TextLine::Marker::Dash;
    }
    if (len == 0) {
        std::size_t d = 0;
        while (d < s.size() && d < 3 && s[d] >= '0' && s[d] <= '9')
            ++d;
        if (d > 0 && d < s.size() && (s[d] == '.' || s[d] == ')')) {
            len = d + 1;
            cols = static_cast<int>(d) + 1;
            kind = TextLine::Marker::Number;
        }
    }
    if (len == 0 || len >= s.size() || s[len] != ' ') return 0;
    while (len < s.size() && s[len] == ' ') {
        ++len;
        ++cols;
    }
    if (len >= s.size()) return 0;  // a marker with nothing after it is text
    columns = cols;
    return len;
}

TextLine measure(std::string_view raw) {
    TextLine line;
    int indent = 0;
    const std::size_t start = skip_indent(raw, indent);
    line.text = trim_end(raw.substr(start));
    if (line.text.empty()) return line;
    line.indent = indent;
    line.content = line.text;
    line.content_column = indent;
    int marker_columns = 0;
    TextLine::Marker kind = TextLine::Marker::None;
    if (const std::size_t len = match_marker(line.text, kind, marker_columns); len > 0) {
        line.marker = kind;
        line.content = line.text.substr(len);
        line.content_column = indent + marker_columns;
    }
    return line;
}

bool is_link_entry(std::string_view text) {
    std::size_t d = 0;
    while (d < text.size() && text[d] >= '0' && text[d] <= '9')
        ++d;
    if (d == 0 || d > 7 || d + 2 >= text.size() || text[d] != '.' || text[d + 1] != ' ')
        return false;
    const std::string_view rest = unicode::trim(text.substr(d + 2));
    return !rest.empty() && rest.find(' ') == std::string_view::npos;
}

}  // namespace

int display_width(std::string_view utf8) {
    // Most text (Latin, Cyrillic, Greek, …) is one column per code point: count the bytes that
    // start one, unless a byte shows a combining mark (CC/CD: U+0300–U+036F) or a code point
    // from U+1000 up (E1–F4 lead bytes; E0 covers only U+0800–U+0FFF, narrow scripts).
    int starts = 0;
    bool simple = true;
    std::size_t i = 0;
#if defined(__SSE2__)
    // Sixteen bytes at a time: the continuation bytes are summed as ones (psadbw), and a byte
    // that is not simple ends the count (the code point reading below answers then).
    __m128i continuations = _mm_setzero_si128();
    for (; simple && i + 16 <= utf8.size(); i += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(utf8.data() + i));
        // Signed bytes: continuations 80-BF are below -64; CC-CD are -52 and -51, E1-FF -31 to -1.
        const __m128i cont = _mm_cmplt_epi8(v, _mm_set1_epi8(-64));
        const __m128i marks = _mm_or_si128(_mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(-53)),
                                                         _mm_cmplt_epi8(v, _mm_set1_epi8(-50))),
                                           _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(-32)),
                                                         _mm_cmplt_epi8(v, _mm_setzero_si128())));
        simple = _mm_movemask_epi8(marks) == 0;
        continuations =
            _mm_add_epi64(continuations,
                          _mm_sad_epu8(_mm_and_si128(cont, _mm_set1_epi8(1)), _mm_setzero_si128()));
    }
    const auto bytes_read = static_cast<int>(i);
    starts = bytes_read -
             static_cast<int>(_mm_cvtsi128_si64(continuations) +
                              _mm_cvtsi128_si64(_mm_unpackhi_epi64(continuations, continuations)));
#endif
    for (; simple && i < utf8.size(); ++i) {
        const auto byte = static_cast<unsigned char>(utf8[i]);
        starts += (byte & 0xC0) != 0x80;
        simple &= byte < 0xCC || (byte >= 0xCE && byte < 0xE1);
    }
    if (simple) return starts;
    int width = 0;
    std::size_t pos = 0;
    while (pos < utf8.size()) {
        const auto byte = static_cast<unsigned char>(utf8[pos]);
        if (byte < 0x80) {
            ++width;
            ++pos;
            continue;
        }
        const char32_t c = unicode::next_code_point(utf8, pos);
        if (c >= 0x300 && c < 0x370) continue;  // combining diacritics, the common case
        if (c < 0x1100) {
            ++width;
            continue;
        }
        const auto ea = u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_EAST_ASIAN_WIDTH);
        const auto category = u_charType(static_cast<UChar32>(c));
        if (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK) continue;
        width += (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH) ? 2 : 1;
    }
    return width;
}

std::vector<TextLine> split_lines(std::string_view utf8, std::size_t max_lines, bool* truncated) {
    std::vector<TextLine> lines;
    if (truncated) *truncated = false;
    std::size_t non_blank = 0;
    std::size_t pos = 0;
    // The next LF and the next CR at or after `pos`, each searched for once per occurrence, so a
    // page with lone-CR line ends costs one scan, not one to the page's end per line.
    std::size_t next_lf = 0;
    std::size_t next_cr = 0;
    auto find_from = [&](char c, std::size_t from) {
        const void* hit = std::memchr(utf8.data() + from, c, utf8.size() - from);
        return hit ? static_cast<std::size_t>(static_cast<const char*>(hit) - utf8.data())
                   : utf8.size();
    };
    if (!utf8.empty()) {
        next_lf = find_from('\n', 0);
        next_cr = find_from('\r', 0);
    }
    while (pos < utf8.size()) {
        if (next_lf < pos) next_lf = find_from('\n', pos);
        if (next_cr < pos) next_cr = find_from('\r', pos);
        const std::size_t end = std::min(next_lf, next_cr);
        TextLine line = measure(utf8.substr(pos, end - pos));
        if (!line.blank()) {
            if (non_blank == max_lines) {
                if (truncated) *truncated = true;
                break;
            }
            ++non_blank;
            lines.push_back(line);
        } else if (lines.empty() || !lines.back().blank()) {
            lines.push_back(line);
        }
        pos = end + 1;
        if (end < utf8.size() && utf8[end] == '\r' && pos < utf8.size() && utf8[pos] == '\n') ++pos;
    }
    return lines;
}

LinkList find_link_list(const std::vector<TextLine>& lines) {
    LinkList list;
    list.first_line = lines.size();
    std::size_t i = lines.size();
    std::size_t entries = 0;
    while (i > 0) {
        const TextLine& l = lines[i - 1];
        if (l.blank() || l.text == "Visible links:" || l.text == "Hidden links:") {
            --i;
        } else if (is_link_entry(l.text)) {
            ++entries;
            --i;
        } else {
            break;
        }
    }
    if (i == 0 || entries == 0 || lines[i - 1].text != "References" || lines[i - 1].indent != 0)
        return list;
    list.first_line = i - 1;
    list.urls.resize(entries);
    for (std::size_t j = i; j < lines.size(); ++j) {
        const std::string_view text = lines[j].text;
        if (!is_link_entry(text)) continue;
        const std::size_t dot = text.find('.');
        std::size_t n = 0;
        for (std::size_t d = 0; d < dot; ++d)
            n = n * 10 + static_cast<std::size_t>(text[d] - '0');
        // Numbers past the count of entries are not lynx's (it numbers from 1 without gaps, a
        // hidden list continuing the visible one); the cap keeps a hostile list's memory linear.
        if (n == 0 || n > entries) continue;
        list.urls[n - 1] = std::string(unicode::trim(text.substr(dot + 1)));
    }
    return list;
}

std::string strip_link_markers(std::string_view text, std::size_t link_count,
                               std::size_t* first_link) {
    if (first_link) *first_link = 0;
    std::string out;
    out.reserve(text.size());
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t open = text.find('[', pos);
        if (open == std::string_view::npos) break;
        std::size_t d = open + 1;
        std::size_t n = 0;
        while (d < text.size() && d - open <= 7 && text[d] >= '0' && text[d] <= '9') {
            n = n * 10 + static_cast<std::size_t>(text[d] - '0');
            ++d;
        }
        if (d > open + 1 && d < text.size() && text[d] == ']' && n >= 1 && n <= link_count) {
            out.append(text.substr(pos, open - pos));
            if (open == 0 && first_link) *first_link = n;
            pos = d + 1;
        } else {
            out.append(text.substr(pos, open + 1 - pos));
            pos = open + 1;
        }
    }
    out.append(text.substr(pos));
    return out;
}

}  // namespace pressparse::text
