#include "utf8_check.hpp"

#include <cstddef>
#include <cstdint>
#include <cstring>

#if defined(__x86_64__) && defined(__SSE2__)
#define PRESSPARSE_UTF8_X86 1
#include <immintrin.h>
#endif

namespace pressparse::utf8 {

namespace {

// The length of the well-formed sequence at p[0] (with n > 0 bytes left), or 0 when it is not
// one: table 3-7, read literally.
std::size_t sequence_at(const unsigned char* p, std::size_t n) {
    const unsigned c = p[0];
    if (c < 0x80) return 1;
    auto in = [&](std::size_t k, unsigned lo, unsigned hi) {
        return k < n && p[k] >= lo && p[k] <= hi;
    };
    if (c >= 0xC2 && c <= 0xDF) return in(1, 0x80, 0xBF) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        const unsigned lo = c == 0xE0 ? 0xA0 : 0x80;
        const unsigned hi = c == 0xED ? 0x9F : 0xBF;
        return in(1, lo, hi) && in(2, 0x80, 0xBF) ? 3 : 0;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        const unsigned lo = c == 0xF0 ? 0x90 : 0x80;
        const unsigned hi = c == 0xF4 ? 0x8F : 0xBF;
        return in(1, lo, hi) && in(2, 0x80, 0xBF) && in(3, 0x80, 0xBF) ? 4 : 0;
    }
    return 0;  // a continuation byte, C0, C1, F5-FF
}

bool sequences_from(const unsigned char* p, std::size_t i, std::size_t n) {
    while (i < n) {
        const std::size_t length = sequence_at(p + i, n - i);
        if (length == 0) return false;
        i += length;
    }
    return true;
}

const unsigned char* bytes(std::string_view s) {
    return reinterpret_cast<const unsigned char*>(s.data());
}

#if PRESSPARSE_UTF8_X86

// The Keiser–Lemire tables ("Validating UTF-8 in less than one instruction per byte", 2021).
// Each bit names one way a pair of adjacent bytes (prev1, cur) can be ill-formed; a pair is
// ill-formed when the bit is set in all three lookups: by the high nibble of prev1, its low
// nibble, and the high nibble of cur.
constexpr std::uint8_t kTooShort = 1 << 0;   // a lead, or ASCII, then a continuation missing
constexpr std::uint8_t kTooLong = 1 << 1;    // ASCII then a continuation
constexpr std::uint8_t kOverlong3 = 1 << 2;  // E0 80-9F
constexpr std::uint8_t kTooLarge = 1 << 3;   // F4 90-BF, F5-FF …
constexpr std::uint8_t kSurrogate = 1 << 4;  // ED A0-BF
constexpr std::uint8_t kOverlong2 = 1 << 5;  // C0-C1 then a continuation
constexpr std::uint8_t kTooLarge1000 = 1 << 6;
constexpr std::uint8_t kOverlong4 = 1 << 6;  // F0 80-8F
constexpr std::uint8_t kTwoConts = 1 << 7;   // two continuations (fine only after a 3/4 lead)
constexpr std::uint8_t kCarry = kTooShort | kTooLong | kTwoConts;

#define PP_B(x) static_cast<char>(x)
// clang-format off
#define PP_BYTE_1_HIGH                                                                       \
    PP_B(kTooLong), PP_B(kTooLong), PP_B(kTooLong), PP_B(kTooLong),                          \
    PP_B(kTooLong), PP_B(kTooLong), PP_B(kTooLong), PP_B(kTooLong),                          \
    PP_B(kTwoConts), PP_B(kTwoConts), PP_B(kTwoConts), PP_B(kTwoConts),                      \
    PP_B(kTooShort | kOverlong2), PP_B(kTooShort),                                           \
    PP_B(kTooShort | kOverlong3 | kSurrogate),                                               \
    PP_B(kTooShort | kTooLarge | kTooLarge1000 | kOverlong4)
#define PP_BYTE_1_LOW                                                                        \
    PP_B(kCarry | kOverlong3 | kOverlong2 | kOverlong4), PP_B(kCarry | kOverlong2),          \
    PP_B(kCarry), PP_B(kCarry),                                                              \
    PP_B(kCarry | kTooLarge), PP_B(kCarry | kTooLarge | kTooLarge1000),                      \
    PP_B(kCarry | kTooLarge | kTooLarge1000), PP_B(kCarry | kTooLarge | kTooLarge1000),      \
    PP_B(kCarry | kTooLarge | kTooLarge1000), PP_B(kCarry | kTooLarge | kTooLarge1000),      \
    PP_B(kCarry | kTooLarge | kTooLarge1000), PP_B(kCarry | kTooLarge | kTooLarge1000),      \
    PP_B(kCarry | kTooLarge | kTooLarge1000),                                                \
    PP_B(kCarry | kTooLarge | kTooLarge1000 | kSurrogate),                                   \
    PP_B(kCarry | kTooLarge | kTooLarge1000), PP_B(kCarry | kTooLarge | kTooLarge1000)
#define PP_BYTE_2_HIGH                                                                       \
    PP_B(kTooShort), PP_B(kTooShort), PP_B(kTooShort), PP_B(kTooShort),                      \
    PP_B(kTooShort), PP_B(kTooShort), PP_B(kTooShort), PP_B(kTooShort),                      \
    PP_B(kTooLong | kOverlong2 | kTwoConts | kOverlong3 | kTooLarge1000 | kOverlong4),       \
    PP_B(kTooLong | kOverlong2 | kTwoConts | kOverlong3 | kTooLarge),                        \
    PP_B(kTooLong | kOverlong2 | kTwoConts | kSurrogate | kTooLarge),                        \
    PP_B(kTooLong | kOverlong2 | kTwoConts | kSurrogate | kTooLarge),                        \
    PP_B(kTooShort), PP_B(kTooShort), PP_B(kTooShort), PP_B(kTooShort)
// The last bytes of a string that may end it: not a lead of a sequence longer than what is left.
#define PP_INCOMPLETE_TAIL PP_B(0xF0 - 1), PP_B(0xE0 - 1), PP_B(0xC0 - 1)
// clang-format on

// The state carried from one block to the next: the errors found so far, the block before, and
// where that block leaves a sequence open (nonzero bytes), which the next block must close.
// `escape`: where a byte JSON escapes was seen.
struct State16 {
    __m128i error;
    __m128i prev;
    __m128i prev_incomplete;
    __m128i escape;
};
struct State32 {
    __m256i error;
    __m256i prev;
    __m256i prev_incomplete;
    __m256i escape;
};

// Sixteen bytes at a time (SSSE3's byte shuffle is the table lookup).
[[gnu::target("ssse3")]] inline __m128i nibble_high(__m128i v) {
    return _mm_and_si128(_mm_srli_epi16(v, 4), _mm_set1_epi8(0x0F));
}

[[gnu::target("ssse3")]] inline void check_block(__m128i in, State16& st) {
    const __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(in, _mm_set1_epi8(0x1F)), in);
    st.escape = _mm_or_si128(
        st.escape, _mm_or_si128(control, _mm_or_si128(_mm_cmpeq_epi8(in, _mm_set1_epi8('"')),
                                                      _mm_cmpeq_epi8(in, _mm_set1_epi8('\\')))));
    if (_mm_movemask_epi8(in) == 0) {  // ASCII: only a sequence left open before it
        st.error = _mm_or_si128(st.error, st.prev_incomplete);
    } else {
        const __m128i prev1 = _mm_alignr_epi8(in, st.prev, 15);
        const __m128i high1 = _mm_shuffle_epi8(_mm_setr_epi8(PP_BYTE_1_HIGH), nibble_high(prev1));
        const __m128i low1 = _mm_shuffle_epi8(_mm_setr_epi8(PP_BYTE_1_LOW),
                                              _mm_and_si128(prev1, _mm_set1_epi8(0x0F)));
        const __m128i high2 = _mm_shuffle_epi8(_mm_setr_epi8(PP_BYTE_2_HIGH), nibble_high(in));
        const __m128i special = _mm_and_si128(_mm_and_si128(high1, low1), high2);
        const __m128i prev2 = _mm_alignr_epi8(in, st.prev, 14);
        const __m128i prev3 = _mm_alignr_epi8(in, st.prev, 13);
        // 0x80 where the byte must be a continuation: two after E0-FF, three after F0-FF. Such
        // a byte after a continuation is the one place kTwoConts is no error.
        const __m128i must23 =
            _mm_and_si128(_mm_or_si128(_mm_subs_epu8(prev2, _mm_set1_epi8(PP_B(0xE0 - 0x80))),
                                       _mm_subs_epu8(prev3, _mm_set1_epi8(PP_B(0xF0 - 0x80)))),
                          _mm_set1_epi8(PP_B(0x80)));
        st.error = _mm_or_si128(st.error, _mm_xor_si128(must23, special));
        st.prev_incomplete = _mm_subs_epu8(
            in, _mm_setr_epi8(PP_B(0xFF), PP_B(0xFF), PP_B(0xFF), PP_B(0xFF), PP_B(0xFF),
                              PP_B(0xFF), PP_B(0xFF), PP_B(0xFF), PP_B(0xFF), PP_B(0xFF),
                              PP_B(0xFF), PP_B(0xFF), PP_B(0xFF), PP_INCOMPLETE_TAIL));
    }
    st.prev = in;
}

// Thirty-two bytes at a time (AVX2: the same, in two lanes that hand bytes across).
[[gnu::target("avx2")]] inline __m256i nibble_high(__m256i v) {
    return _mm256_and_si256(_mm256_srli_epi16(v, 4), _mm256_set1_epi8(0x0F));
}

// The bytes of `in` moved up by N, the last N of `prev` coming in below.
template <int N>
[[gnu::target("avx2")]] inline __m256i before(__m256i in, __m256i prev) {
    return _mm256_alignr_epi8(in, _mm256_permute2x128_si256(prev, in, 0x21), 16 - N);
}

[[gnu::target("avx2")]] inline void check_block(__m256i in, State32& st) {
    const __m256i control = _mm256_cmpeq_epi8(_mm256_min_epu8(in, _mm256_set1_epi8(0x1F)), in);
    st.escape = _mm256_or_si256(
        st.escape,
        _mm256_or_si256(control, _mm256_or_si256(_mm256_cmpeq_epi8(in, _mm256_set1_epi8('"')),
                                                 _mm256_cmpeq_epi8(in, _mm256_set1_epi8('\\')))));
    if (_mm256_movemask_epi8(in) == 0) {
        st.error = _mm256_or_si256(st.error, st.prev_incomplete);
    } else {
        const __m256i prev1 = before<1>(in, st.prev);
        const __m256i high1 = _mm256_shuffle_epi8(_mm256_setr_epi8(PP_BYTE_1_HIGH, PP_BYTE_1_HIGH),
                                                  nibble_high(prev1));
        const __m256i low1 = _mm256_shuffle_epi8(_mm256_setr_epi8(PP_BYTE_1_LOW, PP_BYTE_1_LOW),
                                                 _mm256_and_si256(prev1, _mm256_set1_epi8(0x0F)));
        const __m256i high2 =
            _mm256_shuffle_epi8(_mm256_setr_epi8(PP_BYTE_2_HIGH, PP_BYTE_2_HIGH), nibble_high(in));
        const __m256i special = _mm256_and_si256(_mm256_and_si256(high1, low1), high2);
        const __m256i must23 = _mm256_and_si256(
            _mm256_or_si256(
                _mm256_subs_epu8(before<2>(in, st.prev), _mm256_set1_epi8(PP_B(0xE0 - 0x80))),
                _mm256_subs_epu8(before<3>(in, st.prev), _mm256_set1_epi8(PP_B(0xF0 - 0x80)))),
            _mm256_set1_epi8(PP_B(0x80)));
        st.error = _mm256_or_si256(st.error, _mm256_xor_si256(must23, special));
        st.prev_incomplete = _mm256_subs_epu8(
            in,
            _mm256_setr_epi8(PP_B(0xFF), PP_B(0xFF), PP_B(0xFF), PP_B(0xFF), PP_B(0xFF), PP_B(0xFF),
                             PP_B(0xFF), PP_B(0xFF), PP_B(0xFF), PP_B(0xFF), PP_B(0xFF), PP_B(0xFF),
                             PP_B(0xFF), PP_B(0xFF), PP_B(0xFF), PP_B(0xFF), PP_B(0xFF), PP_B(0xFF),
                             PP_B(0xFF), PP_B(0xFF), PP_B(0xFF), PP_B(0xFF), PP_B(0xFF), PP_B(0xFF),
                             PP_B(0xFF), PP_B(0xFF), PP_B(0xFF), PP_B(0xFF), PP_B(0xFF),
                             PP_INCOMPLETE_TAIL));
    }
    st.prev = in;
}

#endif  // PRESSPARSE_UTF8_X86

bool escaped(unsigned char c) {
    return c < 0x20 || c == '"' || c == '\\';
}

bool any_escaped(const unsigned char* p, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i)
        if (escaped(p[i])) return true;
    return false;
}

}  // namespace

Scan scan_reference(std::string_view s) {
    return {sequences_from(bytes(s), 0, s.size()), any_escaped(bytes(s), s.size())};
}

Scan scan_fallback(std::string_view s) {
    const unsigned char* p = bytes(s);
    const bool escapes = any_escaped(p, s.size());
    std::size_t i = 0;
#if PRESSPARSE_UTF8_X86
    for (;;) {
        while (i + 16 <= s.size() &&
               _mm_movemask_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i))) == 0)
            i += 16;
        if (i + 16 > s.size()) break;
        // One sequence at a time up to the next sixteen-byte run of ASCII.
        const std::size_t stop = i + 16;
        while (i < stop) {
            const std::size_t length = sequence_at(p + i, s.size() - i);
            if (length == 0) return {false, escapes};
            i += length;
        }
    }
#endif
    return {sequences_from(p, i, s.size()), escapes};
}

#if PRESSPARSE_UTF8_X86

// A string is read in whole blocks. Its last bytes, when they do not fill one, are read as the
// block that ends with the string, after the block before that one: bytes read twice are
// checked twice, each time against the bytes really before it, which changes no answer. A
// string shorter than two blocks is copied to a block of spaces instead.
[[gnu::target("ssse3")]] Scan scan_ssse3(std::string_view s) {
    const unsigned char* p = bytes(s);
    const std::size_t n = s.size();
    const __m128i zero = _mm_setzero_si128();
    State16 st{zero, zero, zero, zero};
    std::size_t i = 0;
    for (; i + 16 <= n; i += 16)
        check_block(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i)), st);
    if (i < n && n >= 32) {
        st.prev = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + n - 32));
        check_block(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + n - 16)), st);
    } else if (i < n) {
        alignas(16) unsigned char tail[16];
        std::memset(tail, ' ', sizeof tail);
        std::memcpy(tail, p + i, n - i);
        check_block(_mm_load_si128(reinterpret_cast<const __m128i*>(tail)), st);
    }
    const __m128i error = _mm_or_si128(st.error, st.prev_incomplete);
    return {_mm_movemask_epi8(_mm_cmpeq_epi8(error, zero)) == 0xFFFF,
            _mm_movemask_epi8(st.escape) != 0};
}

[[gnu::target("avx2")]] Scan scan_avx2(std::string_view s) {
    const unsigned char* p = bytes(s);
    const std::size_t n = s.size();
    const __m256i zero = _mm256_setzero_si256();
    State32 st{zero, zero, zero, zero};
    std::size_t i = 0;
    for (; i + 32 <= n; i += 32)
        check_block(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i)), st);
    if (i < n && n >= 64) {
        st.prev = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + n - 64));
        check_block(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + n - 32)), st);
    } else if (i < n) {
        alignas(32) unsigned char tail[32];
        std::memset(tail, ' ', sizeof tail);
        std::memcpy(tail, p + i, n - i);
        check_block(_mm256_load_si256(reinterpret_cast<const __m256i*>(tail)), st);
    }
    const __m256i error = _mm256_or_si256(st.error, st.prev_incomplete);
    return {_mm256_testz_si256(error, error) != 0, _mm256_movemask_epi8(st.escape) != 0};
}

bool cpu_has_ssse3() {
    __builtin_cpu_init();
    return __builtin_cpu_supports("ssse3") != 0;
}

bool cpu_has_avx2() {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") != 0;
}

#else

Scan scan_ssse3(std::string_view s) {
    return scan_fallback(s);
}
Scan scan_avx2(std::string_view s) {
    return scan_fallback(s);
}
bool cpu_has_ssse3() {
    return false;
}
bool cpu_has_avx2() {
    return false;
}

#endif

Scan scan(std::string_view s) {
    using Form = Scan (*)(std::string_view);
    // Chosen on first use, once per process (a function static: safe on many threads).
    static const Form form = cpu_has_avx2()    ? scan_avx2
                             : cpu_has_ssse3() ? scan_ssse3
                                               : scan_fallback;
    return form(s);
}

bool is_well_formed(std::string_view s) {
    return scan(s).well_formed;
}

}  // namespace pressparse::utf8
