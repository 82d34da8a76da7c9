// What unicode.cpp and words.cpp share: the per-thread break iterators, grapheme counting,
// count_scripts's reading of one code point, and the sixteen-byte masks both read text with.
// Internal to the library (not installed).
#pragma once

#include <unicode/brkiter.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <cstdint>
#include <string_view>

namespace pressparse::unicode::internal {

// A break iterator per thread (words, or user-perceived characters).
icu::BreakIterator& thread_break_iterator(bool words);

// User-perceived characters (grapheme clusters) of a UTF-8 text, by ICU.
int count_graphemes(std::string_view utf8);

// Letters as count_scripts counts them.
enum ScriptClass : std::uint8_t {
    kNoScript,
    kLatinLetter,
    kLatvianLetter,
    kCyrillicLetter,
    kOtherLetter
};

// count_scripts's reading of one code point.
ScriptClass script_class(char32_t c);

#if defined(__SSE2__)
inline unsigned byte_mask(__m128i m) {
    return static_cast<unsigned>(_mm_movemask_epi8(m));
}

// Continuation bytes (80–BF) of the sixteen bytes `v`, as a bit mask; signed, they are -128 to -65.
inline unsigned continuation_bytes(__m128i v) {
    return byte_mask(_mm_cmplt_epi8(v, _mm_set1_epi8(-64)));
}

#endif

}  // namespace pressparse::unicode::internal
