// Words and the text's facts: ICU's word breaks over UTF-16, the fast path for lines of Latin,
// Greek and Cyrillic letters that agrees with them (and hands every other line to ICU), folded
// word hashes for the fingerprint, characters counted, and scan_text, which reads an article's
// text once for all of these.
#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <memory>
#include <optional>
#include <stdexcept>
#include <vector>

#include "pressparse/unicode.hpp"
#include "unicode_internal.hpp"

namespace pressparse::unicode {

using namespace internal;

namespace {

// The text as UTF-16, in a buffer kept per thread: ICU's break rules run over UTF-16 about half
// again as fast as over a UTF-8 UText, and the words go to the sink as UTF-16.
UChar* utf16_buffer(std::size_t units) {
    thread_local std::unique_ptr<UChar[]> utf16;
    thread_local std::size_t capacity = 0;
    if (capacity < units) {
        capacity = std::max<std::size_t>(units, capacity * 2);
        utf16 = std::make_unique_for_overwrite<UChar[]>(capacity);
    }
    return utf16.get();
}

// ICU's conversion, invalid bytes replaced by U+FFFD: the reference, and the way for text with
// four-byte sequences or ill-formed bytes.
std::u16string_view to_utf16_icu(std::string_view utf8) {
    UChar* out = utf16_buffer(utf8.size() + 1);
    UErrorCode status = U_ZERO_ERROR;
    int32_t length = 0;
    u_strFromUTF8WithSub(out, static_cast<int32_t>(utf8.size() + 1), &length, utf8.data(),
                         static_cast<int32_t>(utf8.size()), 0xFFFD, nullptr, &status);
    if (U_FAILURE(status)) return {};
    return {reinterpret_cast<const char16_t*>(out), static_cast<std::size_t>(length)};
}

// The same conversion inline for text of one-, two- and three-byte sequences (everything below
// U+10000 but the surrogates), which a page of Latin, Greek or Cyrillic text is made of; ICU's
// for anything else (each sequence is checked as ICU's U8_NEXT checks it: no overlong forms,
// no surrogates).
std::u16string_view to_utf16(std::string_view utf8) {
    UChar* out = utf16_buffer(utf8.size() + 1);
    const auto* p = reinterpret_cast<const std::uint8_t*>(utf8.data());
    const std::size_t n = utf8.size();
    std::size_t i = 0;
    std::size_t o = 0;
    while (i < n) {
        const std::uint8_t lead = p[i];
        if (lead < 0x80) {
            out[o++] = lead;
            ++i;
        } else if (lead >= 0xC2 && lead <= 0xDF && i + 1 < n && (p[i + 1] & 0xC0) == 0x80) {
            out[o++] = static_cast<UChar>(((lead & 0x1Fu) << 6) | (p[i + 1] & 0x3Fu));
            i += 2;
        } else if (lead >= 0xE0 && lead <= 0xEF && i + 2 < n && (p[i + 1] & 0xC0) == 0x80 &&
                   (p[i + 2] & 0xC0) == 0x80) {
            const auto c = static_cast<char32_t>(((lead & 0x0Fu) << 12) |
                                                 ((p[i + 1] & 0x3Fu) << 6) | (p[i + 2] & 0x3Fu));
            if (c < 0x800 || (c >= 0xD800 && c < 0xE000)) return to_utf16_icu(utf8);
            out[o++] = static_cast<UChar>(c);
            i += 3;
        } else {
            return to_utf16_icu(utf8);
        }
    }
    return {reinterpret_cast<const char16_t*>(out), o};
}

// ICU's word breaks over UTF-16 text: the number of word segments (rule status of a letter,
// number, kana or ideograph word), each passed to `sink`.
int icu_words(std::u16string_view text, WordSink* sink) {
    if (text.empty()) return 0;
    icu::BreakIterator& it = thread_break_iterator(true);
    UErrorCode status = U_ZERO_ERROR;
    UText* utext = utext_openUChars(nullptr, reinterpret_cast<const UChar*>(text.data()),
                                    static_cast<int64_t>(text.size()), &status);
    if (U_FAILURE(status)) return 0;
    it.setText(utext, status);
    int words = 0;
    if (U_SUCCESS(status)) {
        it.first();
        int32_t start = 0;
        for (int32_t end = it.next(); end != icu::BreakIterator::DONE;
             start = end, end = it.next()) {
            if (it.getRuleStatus() < UBRK_WORD_NONE_LIMIT) continue;
            ++words;
            if (sink) {
                sink->word(text.substr(static_cast<std::size_t>(start),
                                       static_cast<std::size_t>(end - start)));
            }
        }
    }
    utext_close(utext);
    return words;
}

// Word break classes (UAX #29 as ICU's root rules apply it) of the code points the fast path
// reads. Refuse: anything whose rules reach further than letters and digits joined directly
// or across one middle character (extend and format characters, joiners, Hebrew, kana,
// ideographs and the scripts ICU segments by dictionary, underscores and other connectors,
// regional indicators) and every code point outside the blocks in the table.
enum WordClass : std::uint8_t {
    kOther,
    kLetter,
    kNumeric,
    kMidLetter,
    kMidNum,
    kMidNumLet,
    kRefuse
};

// U+0000–U+052F (Latin, Greek, Cyrillic), U+1E00–U+1EFF (Latin Extended Additional) and
// U+2000–U+206F (General Punctuation): classes from ICU's own Word_Break property (CharFacts
// below).
constexpr char16_t kWordTableEnd = 0x2070;
static_assert(kWordTableEnd >= 0x800, "every two-byte code point is in the word table");

std::uint8_t word_class_of(UChar32 c) {
    if ((c >= 0x0530 && c < 0x1E00) || (c >= 0x1F00 && c < 0x2000)) return kRefuse;
    // ICU's rules take ':' out of MidLetter ("a:b" is two words), and ICU 72 keeps '@' inside
    // words ("a@b.c" is one): the first is any other character, the second is left to ICU.
    if (c == ':') return kOther;
    if (c == '@') return kRefuse;
    switch (u_getIntPropertyValue(c, UCHAR_WORD_BREAK)) {
        case U_WB_ALETTER:
            return kLetter;
        case U_WB_NUMERIC:
            return kNumeric;
        case U_WB_MIDLETTER:
            return kMidLetter;
        case U_WB_MIDNUM:
            return kMidNum;
        case U_WB_MIDNUMLET:
        case U_WB_SINGLE_QUOTE:  // as MidNumLet where no Hebrew letter is
            return kMidNumLet;
        case U_WB_OTHER:
        case U_WB_CR:
        case U_WB_LF:
        case U_WB_NEWLINE:
        case U_WB_WSEGSPACE:
        case U_WB_DOUBLE_QUOTE:  // joins Hebrew letters only
            return kOther;
        default:
            return kRefuse;
    }
}

// What each reader of scan_text needs to know of a code point, in one byte: its word class
// (bits 0–2, kRefuse past the word table), its script class (bits 3–5), whether it is a
// character by itself (bit 6: count_characters's fast path, Grapheme_Cluster_Break=Other), and
// whether a line holding it goes to ICU's break iterator (bit 7: its word class is kRefuse).
// A text's facts are then the AND and the OR of its code points' bytes.
constexpr unsigned kScriptShift = 3;
constexpr std::uint8_t kWordClassMask = 0x07;
constexpr std::uint8_t kAlone = 0x40;
constexpr std::uint8_t kIcuLine = 0x80;

std::uint8_t char_facts_of(char32_t c) {
    const auto cp = static_cast<UChar32>(c);
    const bool alone = (c >= 0xA0 && c < 0x300) || (c >= 0x370 && c < 0x483) ||
                       u_getIntPropertyValue(cp, UCHAR_GRAPHEME_CLUSTER_BREAK) == U_GCB_OTHER;
    const std::uint8_t word =
        c < kWordTableEnd ? word_class_of(cp) : static_cast<std::uint8_t>(kRefuse);
    return static_cast<std::uint8_t>(word | (script_class(c) << kScriptShift) |
                                     (alone ? kAlone : 0) | (word == kRefuse ? kIcuLine : 0));
}

// The same for every code unit of the word table, asked of ICU a block of 64 code points at a
// time when a thread first meets the block: a page of Russian or Latvian text costs a handful of
// blocks, not the 8,000-odd lookups of the whole table (a page typed by hand pays for them).
class CharFacts {
  public:
    std::uint8_t operator[](char16_t c) {
        const unsigned block = c >> 6;
        if (!filled_[block]) fill(block);
        return facts_[c];
    }
    // The facts every code point of U+0400–U+045F (the Russian alphabet and its kin: lead byte
    // D0, or D1 and a trail byte 80–9F) has, when ICU gives them all the same ones and they
    // change neither a text's character count nor how its lines are segmented; 0 otherwise.
    std::uint8_t cyrillic_letters() {
        if (!cyrillic_known_) {
            cyrillic_ = (*this)[0x400];
            for (char16_t c = 0x400; c <= 0x45F; ++c) {
                if ((*this)[c] != cyrillic_) cyrillic_ = 0;
            }
            if ((cyrillic_ & kAlone) == 0 || (cyrillic_ & kIcuLine) != 0) cyrillic_ = 0;
            cyrillic_known_ = true;
        }
        return cyrillic_;
    }

    // The facts of U+0000–U+007F, filled: ASCII is read without asking whether its block is.
    const std::uint8_t* ascii() {
        if (!filled_[0]) fill(0);
        if (!filled_[1]) fill(1);
        return facts_.data();
    }

  private:
    void fill(unsigned block) {
        for (char32_t c = block << 6; c < ((block + 1) << 6); ++c)
            facts_[c] = char_facts_of(c);
        filled_[block] = true;
    }
    static constexpr std::size_t kBlocks = (kWordTableEnd + 63) / 64;
    std::array<std::uint8_t, kBlocks * 64> facts_{};
    std::array<bool, kBlocks> filled_{};
    std::uint8_t cyrillic_ = 0;
    bool cyrillic_known_ = false;
};

CharFacts& char_facts() {
    thread_local CharFacts table;
    return table;
}

// A middle character between two word characters keeps them one word: a letter each side of
// MidLetter or MidNumLet (WB6, WB7), a digit each side of MidNum or MidNumLet (WB11, WB12).
bool joins(std::uint8_t before, std::uint8_t mid, std::uint8_t after) {
    if (before == kLetter && after == kLetter) return mid == kMidLetter || mid == kMidNumLet;
    if (before == kNumeric && after == kNumeric) return mid == kMidNum || mid == kMidNumLet;
    return false;
}

// ICU's simple case folding of the code units below U+0530 (Latin, Greek, Cyrillic), read from
// ICU once: most words are made of nothing else.
constexpr char16_t kFoldTableEnd = 0x0530;

const std::array<std::uint16_t, kFoldTableEnd>& fold_table() {
    static const auto table = [] {
        std::array<std::uint16_t, kFoldTableEnd> t{};
        for (UChar32 c = 0; c < kFoldTableEnd; ++c)
            t[static_cast<std::size_t>(c)] =
                static_cast<std::uint16_t>(u_foldCase(c, U_FOLD_CASE_DEFAULT) & 0xFFFF);
        return t;
    }();
    return table;
}

constexpr std::uint64_t kFnvOffset = 0xcbf29ce484222325ULL;
constexpr std::uint64_t kFnvPrime = 0x100000001b3ULL;

// One step of folded_fnv.
std::uint64_t fnv_step(std::uint64_t h, char16_t c, const std::uint16_t* table) {
    // The table holds ASCII too (its capitals fold to the small letters, nothing else moves).
    const std::uint32_t folded =
        c < kFoldTableEnd ? table[c]
                          : static_cast<std::uint32_t>(u_foldCase(c, U_FOLD_CASE_DEFAULT));
    return (h ^ (folded & 0xFFFFU)) * kFnvPrime;
}

// The words of one line (no line feed in it) whose every code unit is in the fast path's table
// and not refused, given the word classes of its code units. kHash: the sink takes hashes
// (WordSink::takes_hashes), and each word's folded_fnv is made in the same pass that finds it.
template <bool kHash>
int line_words(std::u16string_view line, const std::uint8_t* classes, WordSink* sink) {
    auto word_char = [&](std::size_t i) { return classes[i] == kLetter || classes[i] == kNumeric; };
    [[maybe_unused]] const std::uint16_t* table = kHash ? fold_table().data() : nullptr;
    int words = 0;
    std::size_t i = 0;
    while (i < line.size()) {
        if (!word_char(i)) {
            ++i;
            continue;
        }
        // Letters and digits join directly (WB5, WB8, WB9, WB10).
        const std::size_t start = i;
        [[maybe_unused]] std::uint64_t h = kFnvOffset;
        for (;;) {
            while (i < line.size() && word_char(i)) {
                if constexpr (kHash) h = fnv_step(h, line[i], table);
                ++i;
            }
            if (i + 1 < line.size() && joins(classes[i - 1], classes[i], classes[i + 1])) {
                if constexpr (kHash) h = fnv_step(fnv_step(h, line[i], table), line[i + 1], table);
                i += 2;
                continue;
            }
            break;
        }
        ++words;
        if constexpr (kHash) {
            sink->word_hashed(h);
        } else if (sink) {
            sink->word(line.substr(start, i - start));
        }
    }
    return words;
}

int line_words(std::u16string_view line, const std::uint8_t* classes, WordSink* sink) {
    return sink && sink->takes_hashes() ? line_words<true>(line, classes, sink)
                                        : line_words<false>(line, classes, sink);
}

// The fast path over one line (no line feed in it): the words, when every code unit is in the
// table and not refused; nullopt, having told the sink nothing, otherwise.
std::optional<int> fast_words(std::u16string_view line, WordSink* sink,
                              std::vector<std::uint8_t>& classes) {
    CharFacts& table = char_facts();
    classes.resize(line.size());
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char16_t c = line[i];
        if (c >= kWordTableEnd) return std::nullopt;
        classes[i] = table[c] & kWordClassMask;
        if (classes[i] == kRefuse) return std::nullopt;
    }
    return line_words(line, classes.data(), sink);
}

}  // namespace

std::uint64_t folded_fnv(std::u16string_view word) {
    const std::uint16_t* table = fold_table().data();
    std::uint64_t h = kFnvOffset;
    for (const char16_t c : word)
        h = fnv_step(h, c, table);
    return h;
}

int count_words_icu(std::string_view utf8, WordSink* sink) {
    if (utf8.empty()) return 0;
    return icu_words(to_utf16_icu(utf8), sink);
}

int count_words(std::string_view utf8, WordSink* sink) {
    if (utf8.empty()) return 0;
    const std::u16string_view text = to_utf16(utf8);
    // A line feed ends a word and starts nothing (WB3a, WB3b): lines are segmented alone, each
    // by the fast path when it can, by ICU otherwise.
    thread_local std::vector<std::uint8_t> classes;
    int words = 0;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find(u'\n', start);
        if (end == std::u16string_view::npos) end = text.size();
        const std::u16string_view line = text.substr(start, end - start);
        if (!line.empty()) {
            if (const auto fast = fast_words(line, sink, classes)) {
                words += *fast;
            } else {
                words += icu_words(line, sink);
            }
        }
        start = end + 1;
    }
    return words;
}

int count_characters(std::string_view utf8) {
    // Fast path: a code point that ICU says never joins another (Grapheme_Cluster_Break=Other)
    // is one character by itself; only text with marks, joiners, emoji modifiers, Hangul jamo,
    // regional indicators or controls needs the character break iterator.
    int code_points = 0;
    for (std::size_t i = 0; i < utf8.size();) {
        const auto byte = static_cast<unsigned char>(utf8[i]);
        ++code_points;
        if (byte >= 0x20 && byte < 0x7F) {
            ++i;
            continue;
        }
        // Two-byte letters of U+00A0–U+02FF and U+0370–U+0482 (Latin, Greek, Cyrillic) inline.
        if (byte >= 0xC2 && byte <= 0xD2 && i + 1 < utf8.size() &&
            (static_cast<unsigned char>(utf8[i + 1]) & 0xC0) == 0x80) {
            const char32_t c =
                ((byte & 0x1Fu) << 6) | (static_cast<unsigned char>(utf8[i + 1]) & 0x3Fu);
            if ((c >= 0xA0 && c < 0x300) || (c >= 0x370 && c < 0x483)) {
                i += 2;
                continue;
            }
        }
        const char32_t c = next_code_point(utf8, i);
        const bool plain = (c >= 0xA0 && c < 0x300) || (c >= 0x370 && c < 0x483) ||
                           u_getIntPropertyValue(static_cast<UChar32>(c),
                                                 UCHAR_GRAPHEME_CLUSTER_BREAK) == U_GCB_OTHER;
        if (!plain) return count_graphemes(utf8);
    }
    return code_points;
}

namespace {

// The word classes of the UTF-16 text, in a buffer kept per thread beside it.
std::uint8_t* class_buffer(std::size_t units) {
    thread_local std::unique_ptr<std::uint8_t[]> classes;
    thread_local std::size_t capacity = 0;
    if (capacity < units) {
        capacity = std::max<std::size_t>(units, capacity * 2);
        classes = std::make_unique_for_overwrite<std::uint8_t[]>(capacity);
    }
    return classes.get();
}

}  // namespace

TextFacts scan_text(std::span<const std::string_view> pieces, std::size_t sample_bytes,
                    WordSink* sink) {
    std::size_t total = 0;
    for (const std::string_view piece : pieces)
        total += piece.size() + 1;
    // One code unit at most per byte. The text goes to UTF-16 with each unit's word class beside
    // it; each line is segmented as soon as its line feed is read, while it is still in cache.
    UChar* out = utf16_buffer(total + 1);
    std::uint8_t* classes = class_buffer(total + 1);
    CharFacts& table = char_facts();
    const std::uint8_t cyrillic = table.cyrillic_letters();
    const std::uint8_t* ascii = table.ascii();
    TextFacts facts;
    std::array<int, 8> letters{};  // code points of the sample by script class
    std::size_t o = 0;             // code units written
    std::size_t line = 0;          // where the current line starts, in code units
    std::uint8_t line_facts = 0;   // the OR of the facts of the line's code points
    auto end_line = [&] {
        const std::u16string_view text(reinterpret_cast<const char16_t*>(out) + line, o - line);
        if (!text.empty()) {
            facts.words += (line_facts & kIcuLine) != 0 ? icu_words(text, sink)
                                                        : line_words(text, classes + line, sink);
        }
        out[o] = u'\n';
        classes[o] = kOther;
        line = ++o;
        line_facts = 0;
    };
    std::size_t offset = 0;  // where the current piece starts, in bytes of the text
    for (const std::string_view piece : pieces) {
        const auto* p = reinterpret_cast<const std::uint8_t*>(piece.data());
        const std::size_t n = piece.size();
        // Up to where the piece's code points are in the sample.
        const std::size_t in_sample = sample_bytes > offset ? sample_bytes - offset : 0;
        int code_points = 0;
        std::uint8_t all_facts = 0xFF;  // the AND of the facts of the piece's code points
        std::size_t i = 0;
        while (i < n) {
#if defined(__SSE2__)
            // Up to eight letters of the Russian alphabet at once: the letters from `i` on
            // among sixteen bytes (a word, up to the space after it), where they share their
            // facts and the bytes lie wholly inside or outside the sample. The letters are
            // lanes of (lead, trail) bytes: D0 and a continuation byte, or D1 and one of 80–9F.
            if ((p[i] & 0xFEu) == 0xD0 && i + 16 <= n && cyrillic != 0 &&
                (i + 16 <= in_sample || i >= in_sample)) {
                const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
                const unsigned lead = byte_mask(
                    _mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8(static_cast<char>(0xFE))),
                                   _mm_set1_epi8(static_cast<char>(0xD0))));
                const unsigned d1 =
                    byte_mask(_mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xD1))));
                // 80–9F: signed, below -96.
                const unsigned low_trail =
                    byte_mask(_mm_cmplt_epi8(v, _mm_set1_epi8(static_cast<char>(0xA0))));
                const unsigned letter =
                    lead & (continuation_bytes(v) >> 1) & ~(d1 & ~(low_trail >> 1)) & 0x5555u;
                const auto letters_here =
                    static_cast<std::size_t>(std::countr_zero(~letter & 0x15555u)) / 2;
                if (letters_here > 0) {
                    // Each lane's code unit; all eight are written, the letters' are kept.
                    const __m128i units =
                        _mm_or_si128(_mm_slli_epi16(_mm_and_si128(v, _mm_set1_epi16(0x1F)), 6),
                                     _mm_and_si128(_mm_srli_epi16(v, 8), _mm_set1_epi16(0x3F)));
                    _mm_storeu_si128(reinterpret_cast<__m128i*>(out + o), units);
                    std::memset(classes + o, cyrillic & kWordClassMask, 8);
                    letters[(cyrillic >> kScriptShift) & 7u] +=
                        i < in_sample ? static_cast<int>(letters_here) : 0;
                    o += letters_here;
                    i += 2 * letters_here;
                    code_points += static_cast<int>(letters_here);
                    continue;
                }
            }
#endif
            // Four letters of the Russian alphabet at once (as count_scripts's wide path reads
            // them), where they share their facts and lie wholly inside or outside the sample.
            if ((p[i] & 0xFEu) == 0xD0 && i + 8 <= n && cyrillic != 0 &&
                (i + 8 <= in_sample || i >= in_sample)) {
                std::uint64_t w;
                std::memcpy(&w, p + i, 8);
                constexpr std::uint64_t kMask = 0xC0FEC0FEC0FEC0FEull;
                constexpr std::uint64_t kWant = 0x80D080D080D080D0ull;
                constexpr std::uint64_t kLeadD1 = 0x0001000100010001ull;
                if ((w & kMask) == kWant && (((w & kLeadD1) << 13) & w) == 0) {
                    // Each little-endian pair of bytes (lead, trail) becomes its code unit.
                    const std::uint64_t units =
                        ((w & 0x001F001F001F001Full) << 6) | ((w >> 8) & 0x003F003F003F003Full);
                    std::memcpy(out + o, &units, 8);
                    std::memset(classes + o, cyrillic & kWordClassMask, 4);
                    o += 4;
                    i += 8;
                    code_points += 4;
                    letters[(cyrillic >> kScriptShift) & 7u] += i <= in_sample ? 4 : 0;
                    continue;
                }
            }
            const bool sampled = i < in_sample;
            char32_t c = 0;
            const std::uint8_t lead = p[i];
            if (lead < 0x80 && lead != '\n') {
                // ASCII but the line feed: one code unit.
                const std::uint8_t f = ascii[lead];
                ++i;
                ++code_points;
                all_facts &= f;
                letters[(f >> kScriptShift) & 7u] += sampled ? 1 : 0;
                line_facts |= f;
                out[o] = lead;
                classes[o++] = f & kWordClassMask;
                continue;
            }
            if (lead >= 0xC2 && lead <= 0xDF && i + 1 < n && (p[i + 1] & 0xC0) == 0x80) {
                // A well-formed two-byte sequence: one code unit of the word table, no line feed.
                const auto unit = static_cast<char16_t>(((lead & 0x1Fu) << 6) | (p[i + 1] & 0x3Fu));
                const std::uint8_t f = table[unit];
                i += 2;
                ++code_points;
                all_facts &= f;
                letters[(f >> kScriptShift) & 7u] += sampled ? 1 : 0;
                line_facts |= f;
                out[o] = unit;
                classes[o++] = f & kWordClassMask;
                continue;
            }
            if (lead < 0x80) {
                c = lead;
                ++i;
            } else {
                // Everything else as ICU reads it: an ill-formed sequence (its maximal part) is
                // one U+FFFD, as in ICU's conversion to UTF-16.
                UChar32 cp = 0;
                auto j = static_cast<int32_t>(i);
                U8_NEXT(p, j, static_cast<int32_t>(n), cp);
                i = static_cast<std::size_t>(j);
                c = cp < 0 ? U'\uFFFD' : static_cast<char32_t>(cp);
            }
            ++code_points;
            const std::uint8_t f =
                c < kWordTableEnd ? table[static_cast<char16_t>(c)] : char_facts_of(c);
            all_facts &= f;
            letters[(f >> kScriptShift) & 7u] += sampled ? 1 : 0;
            if (c == U'\n') {
                end_line();
            } else if (c < 0x10000) {
                line_facts |= f;
                out[o] = static_cast<UChar>(c);
                classes[o++] = f & kWordClassMask;
            } else {
                line_facts |= f;
                out[o++] = U16_LEAD(c);
                out[o++] = U16_TRAIL(c);
            }
        }
        facts.characters += (all_facts & kAlone) != 0 ? code_points : count_graphemes(piece);
        end_line();
        offset += n + 1;
    }
    facts.sample_scripts.latvian_diacritics = letters[kLatvianLetter];
    facts.sample_scripts.latin = letters[kLatinLetter] + letters[kLatvianLetter];
    facts.sample_scripts.cyrillic = letters[kCyrillicLetter];
    facts.sample_scripts.other_letters = letters[kOtherLetter];
    return facts;
}

}  // namespace pressparse::unicode
