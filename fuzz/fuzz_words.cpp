// Fuzzes the word counter's fast path (src/text/words.cpp): on any text, unicode::count_words
// must find the words ICU's break iterator finds over the whole text, the same ones in the same
// order (count_words_icu). The first byte chooses how the rest is read: odd, as the bytes of the
// text themselves; even, each byte as one character of an alphabet of every word break class
// the fast path reads and of characters it must leave to ICU, so that most lines are ones the
// fast path takes.
//
// The same text checks unicode::FoldedTokens, the count of a text's folded tokens made without
// folding it: fed whole, and in pieces that each begin at an ASCII byte, it must give
// count_tokens(fold_whitespace(text)) at every limit tried.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_common.hpp"
#include "pressparse/unicode.hpp"
#include "word_sinks.hpp"

namespace {

using pressparse::testing::Words;

// Letters (Latin, Latvian, Cyrillic, Greek, ª), digits, MidLetter, MidNum, MidNumLet and
// Single_Quote, other punctuation and spaces, line ends, and what the fast path refuses:
// combining marks, joiners, soft hyphen, '@', '_', Hebrew, kana, ideographs, Thai, emoji,
// regional indicators, ZWSP, NNBSP.
constexpr const char* kAlphabet[] = {
    "a",      "Z",      "é",      "ā",      "ž",      "ß",      "Я",    "ё",  "і",      "Ω",
    "ª",      "µ",      "0",      "7",      "٣",      "·",      "׳",    "‧",  ",",      ";",
    ";",      ".",      "'",      "’",      "‘",      "․",      ":",    "\"", "-",      "–",
    "—",      "(",      ")",      "«",      "»",      "!",      "?",    "/",  "©",      "%",
    " ",      " ",      "\t",     "\u00A0", "\u2003", "\n",     "\r",   "\v", "\u2028", "\u0301",
    "\u200D", "\u200C", "\u00AD", "@",      "_",      "‿",      "א",    "カ", "日",     "ก",
    "👍",      "🇱",      "\u200B", "\u202F", "\u2060", "\u0483", "\xFF",
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string text =
        pressparse::testing::fuzz_text({reinterpret_cast<const char*>(data), size}, kAlphabet);
    Words fast, icu;
    const int fast_count = pressparse::unicode::count_words(text, &fast);
    const int icu_count = pressparse::unicode::count_words_icu(text, &icu);
    if (fast_count != icu_count || fast.words != icu.words ||
        fast_count != static_cast<int>(fast.words.size())) {
        pressparse::fuzz::fail("the fast path and ICU found different words", text);
    }
    const std::string folded = pressparse::unicode::fold_whitespace(text);
    for (const int limit : {0, 3, 1 << 30}) {
        const int want = pressparse::unicode::count_tokens(folded, limit);
        pressparse::unicode::FoldedTokens whole(limit), pieces(limit);
        whole.feed(text);
        std::size_t from = 0;
        for (std::size_t at = 1; at <= text.size(); ++at) {
            if (at < text.size() && static_cast<unsigned char>(text[at]) >= 0x80) continue;
            pieces.feed(std::string_view(text).substr(from, at - from));
            from = at;
        }
        if (whole.count() != want || pieces.count() != want)
            pressparse::fuzz::fail("FoldedTokens and the folded text's tokens differ", text);
    }
    return 0;
}
