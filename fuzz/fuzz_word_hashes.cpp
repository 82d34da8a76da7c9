// Fuzzes the word hashes the fast path makes while it finds words (src/text/words.cpp): a sink
// that takes hashes (WordSink::takes_hashes, as the fingerprint does) must receive, in order,
// the folded FNV-1a of each word ICU's break iterator finds over the whole text, computed here
// by its definition (u_foldCase on each code unit), from count_words and from scan_text alike;
// and the fingerprint made so must be the one made from ICU's words. The first byte chooses how
// the rest is read: odd, as the bytes of the text themselves; even, each byte as one character
// of an alphabet of letters of every case, word break classes and characters left to ICU.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_common.hpp"
#include "pressparse/fingerprint.hpp"
#include "pressparse/unicode.hpp"
#include "word_sinks.hpp"

namespace {

namespace u = pressparse::unicode;

using pressparse::testing::Hashes;
using pressparse::testing::plain_folded_fnv;
using pressparse::testing::Words;

// Letters that fold (capitals of Latin, Latvian, Cyrillic, Greek, the final sigma, the dotted
// capital I, the Kelvin sign, ß, ﬁ) and their small forms, digits, the middle characters that
// join words, punctuation, spaces, line ends, and what the fast path leaves to ICU.
constexpr const char* kAlphabet[] = {
    "a",      "A",      "Z", "z", "É",  "é",  "Ā",  "ā",      "Ž",    "ž",  "ß",
    "ẞ",      "Я",      "я", "Ё", "ё",  "І",  "і",  "Ω",      "ω",    "Σ",  "ς",
    "İ",      "K",      "ﬁ", "Ѡ", "ѡ",  "Ԁ",  "0",  "7",      "٣",    ".",  "'",
    "’",      ":",      ",", "·", "-",  " ",  "\t", "\u00A0", "\n",   "\r", "\u0301",
    "\u200D", "\u00AD", "@", "_", "カ", "日", "👍",  "\u200B", "\xFF",
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string text =
        pressparse::testing::fuzz_text({reinterpret_cast<const char*>(data), size}, kAlphabet);
    Words icu;
    u::count_words_icu(text, &icu);
    std::vector<std::uint64_t> plain;
    for (const auto& w : icu.words)
        plain.push_back(plain_folded_fnv(w));
    Hashes counted;
    u::count_words(text, &counted);
    if (counted.hashes != plain)
        pressparse::fuzz::fail("count_words's word hashes differ from ICU's words'", text);
    // The same text as one piece of scan_text (which adds the piece's line feed: no word).
    Hashes scanned;
    const std::string_view piece = text;
    u::scan_text({&piece, 1}, 0, &scanned);
    if (scanned.hashes != plain)
        pressparse::fuzz::fail("scan_text's word hashes differ from ICU's words'", text);
    pressparse::fingerprint::SimHash fast;
    pressparse::fingerprint::SimHash by_words;
    u::scan_text({&piece, 1}, 0, &fast);
    u::count_words_icu(text, &by_words);
    if (fast.value() != by_words.value())
        pressparse::fuzz::fail("the fingerprint differs from the one of ICU's words", text);
    return 0;
}
