#include "pressparse/language.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <bit>
#include <string_view>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "pressparse/unicode.hpp"

namespace pressparse {

namespace {

using namespace std::string_view_literals;

struct Profile {
    std::string_view tag;
    std::array<std::string_view, 12> words;  // frequent short words, lower case
};

// Cyrillic-script languages told apart by function words (Ukrainian has і/ї/є too).
constexpr std::array kCyrillic{
    Profile{"ru"sv,
            {"и"sv, "в"sv, "не"sv, "на"sv, "что"sv, "с"sv, "по"sv, "это"sv, "как"sv, "из"sv, "за"sv,
             "от"sv}},
    Profile{"uk"sv,
            {"і"sv, "та"sv, "не"sv, "на"sv, "що"sv, "з"sv, "до"sv, "це"sv, "як"sv, "від"sv, "для"sv,
             "у"sv}},
};

constexpr std::array kLatin{
    Profile{"lv"sv,
            {"un"sv, "ir"sv, "ar"sv, "par"sv, "uz"sv, "no"sv, "kas"sv, "ka"sv, "arī"sv, "tas"sv,
             "vai"sv, "bet"sv}},
    Profile{"en"sv,
            {"the"sv, "and"sv, "of"sv, "to"sv, "in"sv, "is"sv, "that"sv, "for"sv, "it"sv, "with"sv,
             "was"sv, "on"sv}},
    Profile{"de"sv,
            {"der"sv, "die"sv, "und"sv, "das"sv, "ist"sv, "nicht"sv, "mit"sv, "sich"sv, "auf"sv,
             "für"sv, "ein"sv, "den"sv}},
    Profile{"fr"sv,
            {"le"sv, "la"sv, "les"sv, "et"sv, "des"sv, "est"sv, "une"sv, "pour"sv, "dans"sv,
             "que"sv, "du"sv, "pas"sv}},
    Profile{"es"sv,
            {"el"sv, "los"sv, "las"sv, "y"sv, "que"sv, "del"sv, "por"sv, "una"sv, "con"sv, "para"sv,
             "es"sv, "se"sv}},
    Profile{"it"sv,
            {"il"sv, "di"sv, "che"sv, "è"sv, "per"sv, "non"sv, "una"sv, "gli"sv, "della"sv,
             "sono"sv, "con"sv, "del"sv}},
};

// Lower case by ICU's simple case mapping, code point by code point: the definition.
std::string fold_case_reference(std::string_view word) {
    std::string out;
    for (std::size_t i = 0; i < word.size();) {
        unicode::append_utf8(out, static_cast<char32_t>(u_tolower(
                                      static_cast<UChar32>(unicode::next_code_point(word, i)))));
    }
    return out;
}

// A folded token of at most kMaxWordBytes bytes, kept on the stack: a code point's lower case
// takes at most four bytes.
struct FoldedWord {
    std::array<char, 24> bytes{};
    std::size_t size = 0;
    std::string_view view() const { return {bytes.data(), size}; }
    void push(char c) { bytes[size++] = c; }
    void push_code_point(char32_t c) {
        std::string utf8;
        unicode::append_utf8(utf8, c);
        for (const char b : utf8)
            push(b);
    }
};

// ICU's simple lower case of U+0400–U+045F (the Russian alphabet and its kin) as UTF-8, read
// from ICU once: its two bytes (the first in the low half), 0 where it is not two bytes long.
const std::array<std::uint16_t, 0x60>& cyrillic_lower_utf8() {
    static const auto table = [] {
        std::array<std::uint16_t, 0x60> t{};
        for (std::size_t k = 0; k < t.size(); ++k) {
            const auto lower = static_cast<char32_t>(u_tolower(static_cast<UChar32>(0x400 + k)));
            if (lower >= 0x80 && lower < 0x800)
                t[k] = static_cast<std::uint16_t>((0xC0 | (lower >> 6)) |
                                                  ((0x80 | (lower & 0x3F)) << 8));
        }
        return t;
    }();
    return table;
}

// The same without a call per code point where the text is ASCII or Russian letters.
void fold_case(std::string_view word, FoldedWord& out) {
    const auto& cyrillic = cyrillic_lower_utf8();
    // Written through a local pointer and count: stores of chars may alias out.size, which
    // would be read again after each.
    char* d = out.bytes.data();
    std::size_t n = 0;
    for (std::size_t i = 0; i < word.size();) {
        const auto byte = static_cast<unsigned char>(word[i]);
        if (byte < 0x80) {
            d[n++] = static_cast<char>(byte >= 'A' && byte <= 'Z' ? byte - 'A' + 'a' : byte);
            ++i;
            continue;
        }
        // U+0400–U+045F (lead D0, or D1 before 80–9F) from the table, when its lower case is a
        // two-byte character too.
        if ((byte == 0xD0 || byte == 0xD1) && i + 1 < word.size()) {
            const auto trail = static_cast<unsigned char>(word[i + 1]);
            const std::size_t k = ((byte & 1u) << 6) | (trail & 0x3Fu);
            if ((trail & 0xC0) == 0x80 && k < cyrillic.size() && cyrillic[k] != 0) {
                d[n++] = static_cast<char>(cyrillic[k] & 0xFF);
                d[n++] = static_cast<char>(cyrillic[k] >> 8);
                i += 2;
                continue;
            }
        }
        out.size = n;
        out.push_code_point(static_cast<char32_t>(
            u_tolower(static_cast<UChar32>(unicode::next_code_point(word, i)))));
        n = out.size;
    }
    out.size = n;
}

// What separates the tokens the profiles are matched against: ' ', ',', '.' and '"'. A table,
// so that the scan over the sample costs one lookup a byte.
constexpr std::array<bool, 256> kSeparators = [] {
    std::array<bool, 256> t{};
    for (const unsigned char c : {' ', ',', '.', '"'})
        t[c] = true;
    return t;
}();

bool separator(char c) {
    return kSeparators[static_cast<unsigned char>(c)];
}

// The first separator at or after `i`, or the text's size.
std::size_t next_separator(std::string_view text, std::size_t i) {
#if defined(__SSE2__)
    // Sixteen bytes at a time: most tokens are words of a dozen bytes.
    while (i + 16 <= text.size()) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
        const __m128i found = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')),
                                                        _mm_cmpeq_epi8(v, _mm_set1_epi8(','))),
                                           _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('.')),
                                                        _mm_cmpeq_epi8(v, _mm_set1_epi8('"'))));
        const auto mask = static_cast<unsigned>(_mm_movemask_epi8(found));
        if (mask != 0) return i + static_cast<std::size_t>(std::countr_zero(mask));
        i += 16;
    }
#endif
    while (i < text.size() && !separator(text[i]))
        ++i;
    return i;
}

// The profiles' words by shape (length, last byte): a folded token is compared only with the
// words of its own shape, and one of a shape no word has is not compared at all.
template <std::size_t N>
struct WordShapes {
    struct Candidate {
        std::uint8_t profile = 0;
        std::string_view word;
    };
    explicit WordShapes(const std::array<Profile, N>& profiles) {
        for (std::size_t p = 0; p < N; ++p) {
            for (const std::string_view w : profiles[p].words) {
                auto& first = shapes[w.size()][static_cast<unsigned char>(w.back())];
                if (first == 0) {
                    lists.emplace_back();
                    first = static_cast<std::uint8_t>(lists.size());
                }
                lists[first - 1].push_back({static_cast<std::uint8_t>(p), w});
            }
        }
    }
    bool possible(std::string_view word) const {
        return word.size() < shapes.size() && !word.empty() &&
               shapes[word.size()][static_cast<unsigned char>(word.back())] != 0;
    }
    // Every word of every profile that equals `word`, counted for its profile.
    void count_hits(std::string_view word, std::array<int, N>& hits) const {
        if (!possible(word)) return;
        for (const Candidate& c :
             lists[shapes[word.size()][static_cast<unsigned char>(word.back())] - 1]) {
            // Byte by byte: the words are a few bytes long, shorter than a call to memcmp.
            std::size_t k = 0;
            while (k < word.size() && word[k] == c.word[k])
                ++k;
            if (k == word.size()) ++hits[c.profile];
        }
    }
    std::array<std::array<std::uint8_t, 256>, 16> shapes{};  // 1 + index into lists; 0: none
    std::vector<std::vector<Candidate>> lists;
};

// Every word of every profile, the definition's reading.
template <std::size_t N>
void count_hits(std::string_view word, const std::array<Profile, N>& profiles,
                std::array<int, N>& hits) {
    for (std::size_t p = 0; p < N; ++p) {
        for (auto w : profiles[p].words) {
            if (word == w) ++hits[p];
        }
    }
}

template <std::size_t N>
std::string_view best_of(const std::array<Profile, N>& profiles, const std::array<int, N>& hits) {
    std::size_t best = 0;
    for (std::size_t p = 1; p < N; ++p) {
        if (hits[p] > hits[best]) best = p;
    }
    return hits[best] > 0 ? profiles[best].tag : std::string_view{};
}

// Function words are short (at most five letters, six bytes): longer tokens need no case folding
// or comparing. At most this many tokens are read.
constexpr std::size_t kMaxWordBytes = 6;
constexpr int kMaxTokens = 4000;

template <std::size_t N>
std::string_view best_by_words(std::string_view text, const std::array<Profile, N>& profiles,
                               const WordShapes<N>& shapes) {
    std::array<int, N> hits{};
    std::size_t i = 0;
    int tokens = 0;
    FoldedWord word;
    while (i < text.size() && tokens < kMaxTokens) {
        while (i < text.size() && separator(text[i]))
            ++i;
        if (i == text.size()) break;
        const std::size_t start = i;
        i = next_separator(text, i + 1);
        ++tokens;
        if (i - start > kMaxWordBytes) continue;
        const std::string_view token = text.substr(start, i - start);
        // Folding keeps an ASCII token's length and lowers only its letters: its shape is known
        // before folding (its last byte lowered).
        const auto last = static_cast<unsigned char>(token.back());
        if (last < 0x80) {
            const bool ascii = std::all_of(token.begin(), token.end(), [](char c) {
                return static_cast<unsigned char>(c) < 0x80;
            });
            const auto lowered =
                static_cast<unsigned char>(last >= 'A' && last <= 'Z' ? last - 'A' + 'a' : last);
            if (ascii && shapes.shapes[token.size()][lowered] == 0) continue;
        }
        fold_case(token, word);
        shapes.count_hits(word.view(), hits);
    }
    return best_of(profiles, hits);
}

// The same, byte by byte, every token of up to six bytes folded and compared: the definition
// the fast reading is held to.
template <std::size_t N>
std::string_view best_by_words_reference(std::string_view text,
                                         const std::array<Profile, N>& profiles) {
    std::array<int, N> hits{};
    std::size_t i = 0;
    int tokens = 0;
    while (i < text.size() && tokens < kMaxTokens) {
        while (i < text.size() && separator(text[i]))
            ++i;
        const std::size_t start = i;
        while (i < text.size() && !separator(text[i]))
            ++i;
        if (i == start) continue;
        ++tokens;
        if (i - start > kMaxWordBytes) continue;
        count_hits(fold_case_reference(text.substr(start, i - start)), profiles, hits);
    }
    return best_of(profiles, hits);
}

const WordShapes<kCyrillic.size()>& cyrillic_shapes() {
    static const WordShapes<kCyrillic.size()> shapes(kCyrillic);
    return shapes;
}

const WordShapes<kLatin.size()>& latin_shapes() {
    static const WordShapes<kLatin.size()> shapes(kLatin);
    return shapes;
}

template <bool kReference>
std::optional<std::string> guess(std::string_view utf8, const unicode::ScriptCounts& counts) {
    const std::string_view sample = language_sample(utf8);
    const int letters = counts.cyrillic + counts.latin + counts.other_letters;
    if (letters < 3) return std::nullopt;
    if (counts.cyrillic >= counts.latin && counts.cyrillic >= counts.other_letters) {
        const auto tag = kReference ? best_by_words_reference(sample, kCyrillic)
                                    : best_by_words(sample, kCyrillic, cyrillic_shapes());
        return std::string(tag.empty() ? "ru"sv : tag);
    }
    if (counts.latin >= counts.other_letters) {
        const auto tag = kReference ? best_by_words_reference(sample, kLatin)
                                    : best_by_words(sample, kLatin, latin_shapes());
        if (!tag.empty()) return std::string(tag);
        if (counts.latvian_diacritics > 0) return std::string("lv");
        return std::nullopt;
    }
    return std::nullopt;
}

}  // namespace

std::string_view language_sample(std::string_view utf8) {
    // A sample is enough to tell.
    std::string_view sample = utf8.substr(0, std::size_t{4} * 1024);
    while (!sample.empty() && (static_cast<unsigned char>(sample.back()) & 0xC0) == 0x80)
        sample.remove_suffix(1);
    if (!sample.empty() && static_cast<unsigned char>(sample.back()) >= 0xC0)
        sample.remove_suffix(1);
    return sample;
}

std::optional<std::string> guess_language(std::string_view utf8) {
    return guess_language(utf8, unicode::count_scripts(language_sample(utf8)));
}

std::optional<std::string> guess_language(std::string_view utf8,
                                          const unicode::ScriptCounts& sample_scripts) {
    return guess<false>(utf8, sample_scripts);
}

std::optional<std::string> guess_language_reference(std::string_view utf8) {
    return guess<true>(utf8, unicode::count_scripts(language_sample(utf8)));
}

}  // namespace pressparse
