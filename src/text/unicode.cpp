#include "pressparse/unicode.hpp"

#include <unicode/brkiter.h>
#include <unicode/bytestream.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>
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

#include "unicode_internal.hpp"

namespace pressparse::unicode {

using namespace internal;

namespace {

bool is_space_like(char32_t c) {
    if (c < 0x80) {
        return c == ' ' || (c >= 0x09 && c <= 0x0D) || c < 0x20 || c == 0x7F;
    }
    // Letters of the alphabets a Latvian news archive is written in (Latin Extended, Cyrillic,
    // Greek, …, up to U+167F) hold no white space or controls: no need to ask ICU.
    if (c >= 0x100 && c < 0x1680) return false;
    return u_isUWhiteSpace(static_cast<UChar32>(c)) ||
           u_charType(static_cast<UChar32>(c)) == U_CONTROL_CHAR;
}

// A well-formed two-byte character from U+00A1 to U+07FF at s[i] (Latin-1's signs and letters,
// Latin Extended, Greek, Cyrillic, …): none is white space or a control, so the white-space
// readers pass it by without decoding it.
bool spaceless_pair_at(std::string_view s, std::size_t i) {
    const auto lead = static_cast<unsigned char>(s[i]);
    if (lead < 0xC2 || lead > 0xDF || i + 1 >= s.size()) return false;
    const auto next = static_cast<unsigned char>(s[i + 1]);
    return (next & 0xC0) == 0x80 && (lead != 0xC2 || next >= 0xA1);
}

constexpr std::uint64_t kLaneOnes = 0x0101010101010101ull;
constexpr std::uint64_t kLaneHigh = 0x8080808080808080ull;

// Four well-formed two-byte sequences (lead C2–DF, then a continuation byte) in the eight
// bytes of `w`, read little-endian.
bool two_byte8(std::uint64_t w) {
    static_assert(std::endian::native == std::endian::little);
    constexpr std::uint64_t kMask = 0xC0E0C0E0C0E0C0E0ull;
    constexpr std::uint64_t kWant = 0x80C080C080C080C0ull;
    constexpr std::uint64_t kLeadLow = 0x001E001E001E001Eull;  // C0 and C1 are overlong
    constexpr std::uint64_t kPairHigh = 0x8000800080008000ull;
    if ((w & kMask) != kWant) return false;
    return (((w & kLeadLow) + 0x7FFF7FFF7FFF7FFFull) & kPairHigh) == kPairHigh;
}

bool all_ascii(std::string_view s) {
    for (unsigned char c : s) {
        if (c >= 0x80) return false;
    }
    return true;
}

}  // namespace

namespace internal {

// A break iterator per thread: creating one costs far more than using it.
icu::BreakIterator& thread_break_iterator(bool words) {
    thread_local std::unique_ptr<icu::BreakIterator> word_it;
    thread_local std::unique_ptr<icu::BreakIterator> char_it;
    auto& slot = words ? word_it : char_it;
    if (!slot) {
        UErrorCode status = U_ZERO_ERROR;
        slot.reset(
            words ? icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status)
                  : icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
        if (U_FAILURE(status) || !slot) {
            throw std::runtime_error(std::string("ICU break iterator: ") + u_errorName(status));
        }
    }
    return *slot;
}

int count_graphemes(std::string_view utf8) {
    icu::BreakIterator& it = thread_break_iterator(false);
    UErrorCode status = U_ZERO_ERROR;
    UText* text = utext_openUTF8(nullptr, utf8.data(), static_cast<int64_t>(utf8.size()), &status);
    if (U_FAILURE(status)) return 0;
    it.setText(text, status);
    int count = 0;
    if (U_SUCCESS(status)) {
        it.first();
        while (it.next() != icu::BreakIterator::DONE)
            ++count;
    }
    utext_close(text);
    return count;
}

// count_scripts's reading of one code point.
ScriptClass script_class(char32_t c) {
    if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z' ? kLatinLetter : kNoScript;
    if (c >= 0x400 && c <= 0x45F) return kCyrillicLetter;
    const auto cp = static_cast<UChar32>(c);
    if (!u_isalpha(cp)) return kNoScript;
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(cp, &status);
    if (script == USCRIPT_CYRILLIC) return kCyrillicLetter;
    if (script != USCRIPT_LATIN) return kOtherLetter;
    switch (u_tolower(cp)) {
        case 0x101:
        case 0x10D:
        case 0x113:
        case 0x123:
        case 0x12B:
        case 0x137:
        case 0x13C:
        case 0x146:
        case 0x161:
        case 0x16B:
        case 0x17E:
            return kLatvianLetter;
        default:
            return kLatinLetter;
    }
}

}  // namespace internal

char32_t next_code_point(std::string_view s, std::size_t& pos) {
    UChar32 c = 0;
    auto i = static_cast<int32_t>(pos);
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, static_cast<int32_t>(s.size()), c);
    pos = static_cast<std::size_t>(i);
    return c < 0 ? U'\uFFFD' : static_cast<char32_t>(c);
}

void append_utf8(std::string& out, char32_t c) {
    char buf[4];
    int32_t len = 0;
    UBool error = false;
    U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, static_cast<UChar32>(c), error);
    if (error) {
        out += "\xEF\xBF\xBD";
    } else {
        out.append(buf, static_cast<std::size_t>(len));
    }
}

namespace {

// Code points that can never change under NFC nor reorder: NFC_Quick_Check=Yes and canonical
// combining class 0, by ICU's properties. Kept for U+0000–U+07FF (every one- and two-byte
// sequence) and for General Punctuation, U+2000–U+206F, where the dashes and quotes of news text
// live; a text made only of these is in NFC, with no need to run the normaliser over it. Each
// block of 64 code points is asked of ICU the first time a thread meets it, so a Russian page
// costs four blocks, not the 2,000-odd lookups of the whole table.
class NfcStable {
  public:
    NfcStable() {
        for (char32_t c = 0; c < 0x80; ++c)
            stable_[c] = true;  // ASCII: all stable
        state_[0] = state_[1] = kAll;
    }
    // The well-formed two-byte sequence `lead` `trail`.
    bool two_byte(std::uint8_t lead, std::uint8_t trail) {
        const unsigned block = lead & 0x1Fu;
        if (state_[block] == kUnknown) fill(block);
        return state_[block] == kAll || stable_[(block << 6) | (trail & 0x3Fu)];
    }
    // Whether every code point of the blocks led by C2–C5 (U+0080–U+017F: Latin-1 and Latin
    // Extended-A, Latvian's letters among them) and by D0–D1 (U+0400–U+047F: Cyrillic) is stable,
    // so that a run of them is in NFC without looking each one up. Asked once per thread, when a
    // scan first meets a two-byte sequence.
    bool common_blocks_stable() {
        if (common_ == kUnknown) {
            bool all = true;
            for (const unsigned block : {2u, 3u, 4u, 5u, 16u, 17u}) {
                if (state_[block] == kUnknown) fill(block);
                all = all && state_[block] == kAll;
            }
            common_ = all ? kAll : kSome;
        }
        return common_ == kAll;
    }
    bool any(char32_t c) {
        if (c < 0x800) {
            const auto block = static_cast<unsigned>(c >> 6);
            if (state_[block] == kUnknown) fill(block);
            return stable_[c];
        }
        if (c < kPunctBegin || c >= kPunctEnd) return false;
        if (!punctuation_known_) {
            const icu::Normalizer2* nfd = nfd_instance();
            for (char32_t p = kPunctBegin; p < kPunctEnd; ++p)
                punctuation_[p - kPunctBegin] = ask_icu(p, nfd);
            punctuation_known_ = true;
        }
        return punctuation_[c - kPunctBegin];
    }

  private:
    enum : std::uint8_t { kUnknown, kAll, kSome };
    static constexpr char32_t kPunctBegin = 0x2000;
    static constexpr char32_t kPunctEnd = 0x2070;

    // `nfd` is what u_getCombiningClass asks for every code point (it looks the instance up
    // each time); the tables ask it a block of code points at a time.
    static bool ask_icu(char32_t c, const icu::Normalizer2* nfd) {
        const auto cp = static_cast<UChar32>(c);
        return u_getIntPropertyValue(cp, UCHAR_NFC_QUICK_CHECK) == UNORM_YES &&
               (nfd != nullptr ? nfd->getCombiningClass(cp) : u_getCombiningClass(cp)) == 0;
    }
    static const icu::Normalizer2* nfd_instance() {
        UErrorCode status = U_ZERO_ERROR;
        const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
        return U_SUCCESS(status) ? nfd : nullptr;
    }
    void fill(unsigned block) {
        bool all = true;
        const icu::Normalizer2* nfd = nfd_instance();
        for (char32_t c = block << 6; c < ((block + 1) << 6); ++c) {
            stable_[c] = ask_icu(c, nfd);
            all = all && stable_[c];
        }
        state_[block] = all ? kAll : kSome;
    }

    std::array<bool, 0x800> stable_{};
    std::array<std::uint8_t, 32> state_{};  // per block of 64 code points below U+0800
    std::array<bool, kPunctEnd - kPunctBegin> punctuation_{};
    bool punctuation_known_ = false;
    std::uint8_t common_ = kUnknown;
};

NfcStable& nfc_stable() {
    thread_local NfcStable table;
    return table;
}

#if defined(__SSE2__)
// Set bits of a 16-bit mask by a table: without -mpopcnt (the x86-64 baseline has no POPCNT),
// std::popcount is a call into libgcc.
constexpr std::array<std::uint8_t, 256> kBitsOfByte = [] {
    std::array<std::uint8_t, 256> t{};
    for (unsigned b = 0; b < 256; ++b)
        t[b] = static_cast<std::uint8_t>((b & 1u) + (b >> 1 & 1u) + (b >> 2 & 1u) + (b >> 3 & 1u) +
                                         (b >> 4 & 1u) + (b >> 5 & 1u) + (b >> 6 & 1u) + (b >> 7));
    return t;
}();

int bits16(unsigned mask) {
    return kBitsOfByte[mask & 0xFFu] + kBitsOfByte[(mask >> 8) & 0xFFu];
}

// Bytes from `lo` to `hi`, both over 80 (compared as signed bytes), as a bit mask.
unsigned bytes_between(__m128i v, std::uint8_t lo, std::uint8_t hi) {
    return byte_mask(_mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(static_cast<char>(lo - 1))),
                                   _mm_cmplt_epi8(v, _mm_set1_epi8(static_cast<char>(hi + 1)))));
}

// After a sixteen-byte try that passed nothing, the bytes read one by one before the next try.
constexpr int kBackOff = 32;

// Whether a try that passed nothing is worth repeating at once, given the bytes it could not
// take: when all of them are among its first four bytes, they are one code point that stops
// the run (a dash, a quotation mark, a second space), and the bytes after it are the run's; the
// byte path reads that code point and the next try goes on. Text of other scripts and runs of
// white space stop a try further in, and back off.
bool stopped_by_one(unsigned problem) {
    return (problem >> 4) == 0;
}

// How many of sixteen bytes a fast path may pass, given the bytes it cannot take (`problem`) and
// the lead bytes among them: up to the first problem, and never past a lead byte whose
// continuation it has not seen (the sequence is read again from its lead).
unsigned passable(unsigned problem, unsigned lead) {
    auto plain = static_cast<unsigned>(std::countr_zero(problem | 0x10000u));
    if (plain > 0 && ((lead >> (plain - 1)) & 1u) != 0) --plain;
    return plain;
}

// Sixteen bytes from `p` for scan_utf8: how many are well-formed ASCII and two-byte sequences
// (and, given the NFC table, two-byte sequences only of the leads C2–C5 and D0–D1, when their
// blocks are all stable); `problem` receives the bytes that stopped it (0: none did).
unsigned utf8_run16(const std::uint8_t* p, NfcStable* nfc_table, unsigned& problem_out) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const unsigned high = byte_mask(v);
    if (high == 0) {
        problem_out = 0;
        return 16;
    }
    const unsigned cont = continuation_bytes(v);
    const unsigned lead = bytes_between(v, 0xC2, 0xDF);
    const unsigned unpaired = ((lead << 1) ^ cont) & 0xFFFFu;  // a lead alone, a stray trail
    unsigned problem = (high & ~(lead | cont)) | unpaired;
    if (nfc_table != nullptr) {
        const unsigned stable = nfc_table->common_blocks_stable()
                                    ? bytes_between(v, 0xC2, 0xC5) | bytes_between(v, 0xD0, 0xD1)
                                    : 0u;
        problem |= lead & ~stable;
    }
    problem_out = problem;
    return passable(problem, lead);
}
#endif

// One scan; the NFC answer only when asked for (the JSON writer's safety net wants validity alone).
template <bool kWithNfc>
Utf8Check scan_utf8(std::string_view bytes) {
    [[maybe_unused]] NfcStable* table = kWithNfc ? &nfc_stable() : nullptr;
    const auto* p = reinterpret_cast<const uint8_t*>(bytes.data());
    const auto n = static_cast<int32_t>(bytes.size());
    bool nfc = true;
    int32_t i = 0;
    [[maybe_unused]] int32_t retry_at = 0;
    while (i < n) {
#if defined(__SSE2__)
        // Sixteen bytes at a time where they are ASCII and two-byte sequences (of the common
        // stable blocks, when NFC is asked for); the byte paths below take what stops the run.
        // A try that passes nothing is not repeated for the next kBackOff bytes (text of other
        // scripts would pay for a try at every code point).
        if (i + 16 <= n && i >= retry_at) {
            unsigned problem = 0;
            const auto plain =
                static_cast<int32_t>(utf8_run16(p + i, kWithNfc && nfc ? table : nullptr, problem));
            i += plain;
            if (problem == 0) continue;
            if (plain == 0 && !stopped_by_one(problem)) retry_at = i + kBackOff;
        }
#endif
        // Four two-byte sequences at once (a run of Cyrillic, Greek or Latin Extended letters).
        if (i + 8 <= n) {
            std::uint64_t w;
            std::memcpy(&w, p + i, 8);
            if (two_byte8(w)) {
                if constexpr (kWithNfc) {
                    for (int k = 0; k < 8 && nfc; k += 2)
                        nfc = table->two_byte(p[i + k], p[i + k + 1]);
                }
                i += 8;
                continue;
            }
        }
        const uint8_t lead = p[i];
        if (lead < 0x80) {
            // Eight ASCII bytes at a time (ASCII is all valid and NFC) where a run goes on: the
            // single spaces between Cyrillic words are not worth a try.
            ++i;
            while (i + 8 <= n && p[i] < 0x80) {
                std::uint64_t word;
                std::memcpy(&word, p + i, 8);
                if ((word & 0x8080808080808080ull) != 0) break;
                i += 8;
            }
            continue;
        }
        // Two-byte sequences (Latin Extended, Greek, Cyrillic, …) inline.
        if (lead >= 0xC2 && lead <= 0xDF && i + 1 < n && (p[i + 1] & 0xC0) == 0x80) {
            if constexpr (kWithNfc) nfc = nfc && table->two_byte(lead, p[i + 1]);
            i += 2;
            continue;
        }
        UChar32 c = 0;
        U8_NEXT(p, i, n, c);
        if (c < 0) return {};
        if constexpr (kWithNfc) nfc = nfc && table->any(static_cast<char32_t>(c));
    }
    return {true, kWithNfc && nfc};
}

}  // namespace

Utf8Check check_utf8(std::string_view bytes) {
    return scan_utf8<true>(bytes);
}

bool is_valid_utf8(std::string_view bytes) {
    return scan_utf8<false>(bytes).valid;
}

std::string to_nfc(std::string_view utf8) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU NFC normaliser unavailable");
    if (check_utf8(utf8).nfc) return std::string(utf8);
    const icu::StringPiece piece(utf8.data(), static_cast<int32_t>(utf8.size()));
    if (nfc->isNormalizedUTF8(piece, status) && U_SUCCESS(status)) return std::string(utf8);
    status = U_ZERO_ERROR;
    std::string out;
    out.reserve(utf8.size());
    icu::StringByteSink<std::string> sink(&out);
    nfc->normalizeUTF8(0, piece, sink, nullptr, status);
    if (U_FAILURE(status)) return std::string(utf8);
    return out;
}

namespace {

// Eight bytes in 0x21–0x7E (SWAR: a byte below 0x21, at or over 0x7F sets its high bit).
bool printable_ascii8(std::uint64_t w) {
    const std::uint64_t below = (w - kLaneOnes * 0x21) & ~w & kLaneHigh;
    const std::uint64_t above = (w + kLaneOnes * 0x01) & kLaneHigh;  // 0x7F and over
    return ((w & kLaneHigh) | below | above) == 0;
}

// Four two-byte sequences with leads C4–DF (U+0100–U+07FF), little-endian lanes.
bool two_byte_letters8(std::uint64_t w) {
    static_assert(std::endian::native == std::endian::little);
    constexpr std::uint64_t kMask = 0xC0E0C0E0C0E0C0E0ull;
    constexpr std::uint64_t kWant = 0x80C080C080C080C0ull;
    if ((w & kMask) != kWant) return false;
    // Lead & 0x1F at least 4 in every lane: (x + 0x7FFC) reaches 0x8000 just then.
    constexpr std::uint64_t kLead = 0x001F001F001F001Full;
    constexpr std::uint64_t kPairHigh = 0x8000800080008000ull;
    return (((w & kLead) + 0x7FFC7FFC7FFC7FFCull) & kPairHigh) == kPairHigh;
}

#if defined(__SSE2__)
// Sixteen bytes from `p` for fold_whitespace: how many it may leave in the current run as they
// are — printable ASCII, well-formed two-byte sequences that are no white space (leads C3–DF,
// or C2 before A1–BF), and a single space between two such characters (it stays one space); the
// byte path takes everything else. `problem` receives the bytes that stopped it (0: none did).
unsigned unchanged_run16(const std::uint8_t* p, unsigned& problem_out) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const unsigned high = byte_mask(v);
    const unsigned cont = continuation_bytes(v);
    const unsigned c2 = byte_mask(_mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xC2))));
    const unsigned letter_lead = bytes_between(v, 0xC3, 0xDF);
    const unsigned lead = c2 | letter_lead;
    // Signed, 0x20 and below is also every byte from 0x80: those are masked off.
    const unsigned low = byte_mask(_mm_cmplt_epi8(v, _mm_set1_epi8(0x21))) & ~high;
    const unsigned del = byte_mask(_mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F)));
    const unsigned space = byte_mask(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')));
    const unsigned printable = ~(high | low | del) & 0xFFFFu;
    // C2 A0 is NBSP, C2 80–9F controls (U+0085 among them): only C2 A1–BF is a character.
    const unsigned c2_character = c2 & (bytes_between(v, 0xA1, 0xBF) >> 1);
    const unsigned unpaired = ((lead << 1) ^ cont) & 0xFFFFu;
    // A space after a character of the run and before one that the run may take.
    const unsigned lone =
        space & (~(low | del) << 1) & ((printable | letter_lead | c2_character) >> 1) & 0xFFFEu;
    const unsigned problem = (low & ~lone) | del | (high & ~(lead | cont)) | unpaired |
                             ((c2 & ~c2_character) << 1 & 0xFFFFu);
    problem_out = problem;
    return passable(problem, lead);
}
#endif

}  // namespace

std::string fold_whitespace(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    // Runs of text that need no change are copied whole; only white space and invalid bytes
    // end a run.
    const std::size_t n = utf8.size();
    std::size_t run = 0;  // start of the current run
    bool pending_space = false;
    auto flush = [&](std::size_t end) {
        if (end > run) {
            if (pending_space && !out.empty()) out += ' ';
            pending_space = false;
            out.append(utf8.data() + run, end - run);
        }
    };
    std::size_t i = 0;
    bool wide = true;  // a run of eight is worth trying (again after the next ASCII byte)
    [[maybe_unused]] std::size_t retry_at = 0;
    while (i < n) {
#if defined(__SSE2__)
        if (i + 16 <= n && i >= retry_at) {
            unsigned problem = 0;
            const unsigned plain =
                unchanged_run16(reinterpret_cast<const std::uint8_t*>(utf8.data()) + i, problem);
            i += plain;
            if (problem == 0) continue;
            if (plain == 0 && !stopped_by_one(problem)) retry_at = i + kBackOff;
        }
#endif
        // Eight bytes at once where each would take one of the two fast paths below: printable
        // ASCII but the space, or four two-byte letters (lead C4–DF, then a continuation byte).
        if (wide && i + 8 <= n) {
            std::uint64_t w;
            std::memcpy(&w, utf8.data() + i, 8);
            if (printable_ascii8(w) || two_byte_letters8(w)) {
                i += 8;
                continue;
            }
            wide = false;
        }
        const auto byte = static_cast<unsigned char>(utf8[i]);
        if (byte < 0x80) {
            wide = true;
            if (!is_space_like(byte)) {
                ++i;
                continue;
            }
            flush(i);
            pending_space = true;
            run = ++i;
            continue;
        }
        if (spaceless_pair_at(utf8, i)) {
            i += 2;
            continue;
        }
        const std::size_t start = i;
        UChar32 c = 0;
        auto j = static_cast<int32_t>(i);
        U8_NEXT(reinterpret_cast<const uint8_t*>(utf8.data()), j, static_cast<int32_t>(n), c);
        i = static_cast<std::size_t>(j);
        if (c >= 0 && !is_space_like(static_cast<char32_t>(c))) continue;
        flush(start);
        run = i;
        if (c < 0) {
            if (pending_space && !out.empty()) out += ' ';
            pending_space = false;
            out += "\xEF\xBF\xBD";
        } else {
            pending_space = true;
        }
    }
    flush(n);
    return out;
}

LetterCase first_letter_case(std::string_view utf8) {
    std::size_t i = 0;
    while (i < utf8.size()) {
        const char32_t c = next_code_point(utf8, i);
        if (u_isalpha(static_cast<UChar32>(c))) {
            if (u_isupper(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c)))
                return LetterCase::Upper;
            if (u_islower(static_cast<UChar32>(c))) return LetterCase::Lower;
            return LetterCase::None;  // caseless script
        }
        if (u_isdigit(static_cast<UChar32>(c))) return LetterCase::None;
    }
    return LetterCase::None;
}

namespace {}  // namespace

ScriptCounts count_scripts(std::string_view utf8) {
    ScriptCounts counts;
    std::size_t i = 0;
    [[maybe_unused]] std::size_t retry_at = 0;
    bool wide = true;  // a run of eight is worth trying (again after the next ASCII byte)
    while (i < utf8.size()) {
#if defined(__SSE2__)
        // Sixteen bytes at once: ASCII and the letters of the Russian alphabet and its kin as the
        // two-byte path below reads them (D0 and any continuation byte, D1 and one of 80–9F),
        // up to the first byte of anything else.
        if (i + 16 <= utf8.size() && i >= retry_at) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(utf8.data() + i));
            const __m128i lower =
                _mm_or_si128(v, _mm_set1_epi8(0x20));  // bytes from 80 stay negative
            const unsigned latin =
                byte_mask(_mm_and_si128(_mm_cmpgt_epi8(lower, _mm_set1_epi8('a' - 1)),
                                        _mm_cmplt_epi8(lower, _mm_set1_epi8('z' + 1))));
            const unsigned high = byte_mask(v);
            if (high == 0) {
                counts.latin += bits16(latin);
                i += 16;
                continue;
            }
            const unsigned d0 =
                byte_mask(_mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xD0))));
            const unsigned d1 =
                byte_mask(_mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xD1))));
            const unsigned lead = d0 | d1;
            const unsigned cont = continuation_bytes(v);
            // 80–9F: signed, below -96.
            const unsigned low_trail =
                byte_mask(_mm_cmplt_epi8(v, _mm_set1_epi8(static_cast<char>(0xA0))));
            const unsigned problem = (high & ~(lead | cont)) | (((lead << 1) ^ cont) & 0xFFFFu) |
                                     ((d1 << 1) & ~low_trail & 0xFFFFu);
            const unsigned plain = passable(problem, lead);
            const unsigned taken = (1u << plain) - 1;
            counts.latin += bits16(latin & taken);
            counts.cyrillic += bits16(lead & taken);
            i += plain;
            if (problem == 0) continue;
            if (plain == 0 && !stopped_by_one(problem)) retry_at = i + kBackOff;
        }
#endif
        // Eight bytes at once: ASCII (its letters counted in the word), or four letters of the
        // Russian alphabet and its kin as the two-byte path below reads them (D0 and any
        // continuation byte, D1 and one of 80-9F).
        if (wide && i + 8 <= utf8.size()) {
            std::uint64_t w;
            std::memcpy(&w, utf8.data() + i, 8);
            if ((w & kLaneHigh) == 0) {
                const std::uint64_t x = w | (kLaneOnes * 0x20);  // lower case, for letters
                const std::uint64_t from_a = x + kLaneOnes * (0x80 - 'a');
                const std::uint64_t past_z = x + kLaneOnes * (0x80 - 'z' - 1);
                counts.latin += std::popcount(from_a & ~past_z & kLaneHigh);
                i += 8;
                continue;
            }
            constexpr std::uint64_t kMask = 0xC0FEC0FEC0FEC0FEull;
            constexpr std::uint64_t kWant = 0x80D080D080D080D0ull;
            constexpr std::uint64_t kLeadD1 = 0x0001000100010001ull;
            if ((w & kMask) == kWant && (((w & kLeadD1) << 13) & w) == 0) {
                counts.cyrillic += 4;
                i += 8;
                continue;
            }
            wide = false;
        }
        const auto byte = static_cast<unsigned char>(utf8[i]);
        if (byte < 0x80) {
            wide = true;
            ++i;
            if ((byte | 0x20) >= 'a' && (byte | 0x20) <= 'z') ++counts.latin;
            continue;
        }
        // Two-byte Cyrillic letters (U+0400–U+045F: lead byte D0 or D1) without decoding.
        if ((byte == 0xD0 || (byte == 0xD1 && i + 1 < utf8.size() &&
                              static_cast<unsigned char>(utf8[i + 1]) <= 0x9F)) &&
            i + 1 < utf8.size() && (static_cast<unsigned char>(utf8[i + 1]) & 0xC0) == 0x80) {
            ++counts.cyrillic;
            i += 2;
            continue;
        }
        switch (script_class(next_code_point(utf8, i))) {
            case kLatvianLetter:
                ++counts.latvian_diacritics;
                [[fallthrough]];
            case kLatinLetter:
                ++counts.latin;
                break;
            case kCyrillicLetter:
                ++counts.cyrillic;
                break;
            case kOtherLetter:
                ++counts.other_letters;
                break;
            case kNoScript:
                break;
        }
    }
    return counts;
}

std::string to_lower(std::string_view utf8) {
    if (all_ascii(utf8)) {
        std::string out(utf8);
        for (auto& ch : out) {
            if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
        }
        return out;
    }
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(
        icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    u.toLower(icu::Locale::getRoot());
    std::string out;
    u.toUTF8String(out);
    return out;
}

std::string fold_case(std::string_view utf8) {
    const std::string nfc = to_nfc(utf8);
    if (all_ascii(nfc)) return to_lower(nfc);
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(
        icu::StringPiece(nfc.data(), static_cast<int32_t>(nfc.size())));
    u.foldCase();
    std::string out;
    u.toUTF8String(out);
    return to_nfc(out);
}

bool FoldedTokens::feed(std::string_view piece) {
    if (count_ > 0 && count_ > limit_) return false;  // stopped already
    const auto* p = reinterpret_cast<const std::uint8_t*>(piece.data());
    const auto n = static_cast<int32_t>(piece.size());
    int32_t i = 0;
    while (i < n) {
        const std::uint8_t byte = p[i];
        bool space = false;
        if (byte < 0x80) {
            space = is_space_like(byte);
            ++i;
        } else if (spaceless_pair_at(piece, static_cast<std::size_t>(i))) {
            i += 2;
        } else {
            UChar32 c = 0;
            U8_NEXT(p, i, n, c);
            space = c >= 0 && is_space_like(static_cast<char32_t>(c));
        }
        if (space) {
            in_token_ = false;
        } else if (!in_token_) {
            in_token_ = true;
            if (++count_ > limit_) return false;
        }
    }
    return true;
}

int count_tokens(std::string_view text, int limit) {
    // Inside a token, eight bytes at a time while none of them is below '!' (no byte of a
    // multi-byte sequence is): a token is a run of anything but the four separators.
    constexpr std::uint64_t kOnes = 0x0101010101010101ull;
    constexpr std::uint64_t kHigh = 0x8080808080808080ull;
    int tokens = 0;
    bool in_token = false;
    const std::size_t n = text.size();
    std::size_t i = 0;
#if defined(__SSE2__)
    // Sixteen bytes at a time: a token starts at each byte that is no separator where the byte
    // before it is one (or is before the text). Counted whole chunks at a time, so the count can
    // pass the limit by more than one: the answer is then what the byte loop stops at.
    unsigned separator_before = 1;
    for (; i + 16 <= n; i += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
        const __m128i separators =
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')),
                                      _mm_cmpeq_epi8(v, _mm_set1_epi8('\t'))),
                         _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')),
                                      _mm_cmpeq_epi8(v, _mm_set1_epi8('\r'))));
        const auto s = static_cast<unsigned>(_mm_movemask_epi8(separators));
        tokens += bits16(~s & ((s << 1) | separator_before) & 0xFFFFu);
        if (tokens > limit && tokens > 0) return std::max(limit + 1, 1);
        separator_before = s >> 15;
    }
    in_token = separator_before == 0;
#endif
    while (i < n) {
        if (in_token && i + 8 <= n) {
            std::uint64_t word;
            std::memcpy(&word, text.data() + i, 8);
            // A byte below 0x21 sets its high bit here (bytes of 0x80 and over never do).
            if (((word - kOnes * 0x21) & ~word & kHigh) == 0) {
                i += 8;
                continue;
            }
        }
        const char ch = text[i++];
        const bool space = ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
        if (!space && !in_token && ++tokens > limit) return tokens;
        in_token = !space;
    }
    return tokens;
}

std::string_view trim(std::string_view text) {
    std::size_t begin = 0;
    while (begin < text.size()) {
        std::size_t next = begin;
        const char32_t c = next_code_point(text, next);
        if (!is_space_like(c)) break;
        begin = next;
    }
    std::size_t end = text.size();
    while (end > begin) {
        std::size_t start = end - 1;
        while (start > begin && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80)
            --start;
        std::size_t probe = start;
        const char32_t c = next_code_point(text, probe);
        if (!is_space_like(c)) break;
        end = start;
    }
    return text.substr(begin, end - begin);
}

}  // namespace pressparse::unicode
