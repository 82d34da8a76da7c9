// The word counter's fast path (src/text/words.cpp) against ICU's break iterator, word by
// word: on every code point the fast path reads, in the contexts where a word break rule could
// join it to a neighbour; on every short string over characters of each word break class; and
// on every page of the project's fixtures and of the real pages beside the source tree (their
// decoded text and the body of the article read from them).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "pressparse/decode.hpp"
#include "pressparse/errors.hpp"
#include "pressparse/html_reader.hpp"
#include "pressparse/load.hpp"
#include "pressparse/pipeline.hpp"
#include "pressparse/unicode.hpp"
#include "word_sinks.hpp"

namespace fs = std::filesystem;
namespace u = pressparse::unicode;

namespace {

using pressparse::testing::Words;

// Fails the test naming the first word where the fast path and ICU differ.
void expect_same_words(std::string_view text, const std::string& what) {
    Words fast, icu;
    const int fast_count = u::count_words(text, &fast);
    const int icu_count = u::count_words_icu(text, &icu);
    if (fast.words == icu.words && fast_count == icu_count &&
        fast_count == static_cast<int>(fast.words.size())) {
        return;
    }
    std::size_t at = 0;
    while (at < fast.words.size() && at < icu.words.size() && fast.words[at] == icu.words[at])
        ++at;
    auto show = [](const std::vector<std::u16string>& w, std::size_t i) {
        if (i >= w.size()) return std::string("(none)");
        std::string out;
        for (const char16_t c : w[i])
            u::append_utf8(out, c);  // every code unit of the texts compared here is a code point
        return "\"" + out + "\"";
    };
    ADD_FAILURE() << what << ": " << fast_count << " words by the fast path, " << icu_count
                  << " by ICU; word " << at << ": " << show(fast.words, at) << " vs "
                  << show(icu.words, at);
}

std::string utf8_of(char32_t c) {
    std::string out;
    u::append_utf8(out, c);
    return out;
}

}  // namespace

TEST(WordBreaks, EveryCodePointOfTheTablesInTheContextsThatJoin) {
    // Neighbours of each class: a letter, a digit, MidLetter, MidNum, MidNumLet, other.
    const std::vector<std::string> neighbours = {"", "a", "Ж", "7", "·", ",", ".", " "};
    for (char32_t c = 1; c < 0x2070; ++c) {
        if (c == '\n') continue;
        const std::string s = utf8_of(c);
        const std::string name = "U+" + std::to_string(c);
        for (const auto& left : neighbours) {
            for (const auto& right : neighbours) {
                expect_same_words(left + s + right, name);
                expect_same_words(left + s + s + right, name + " twice");
            }
        }
        if (HasFailure()) return;  // one code point's failures are enough to read
    }
}

TEST(WordBreaks, EveryShortStringOverOneCharacterOfEachClass) {
    // One character of each class the fast path knows, and a refused one (a combining mark).
    const std::vector<std::string> alphabet = {"a", "Ё", "é", "5", ".",  ",",  ";",      "'", "’",
                                               "·", ":", " ", "-", "\n", "\r", "\u0301", "_"};
    std::vector<std::size_t> index;
    for (std::size_t length = 1; length <= 4; ++length) {
        index.assign(length, 0);
        for (;;) {
            std::string s;
            for (const std::size_t k : index)
                s += alphabet[k];
            expect_same_words(s, "string of " + std::to_string(length));
            if (HasFailure()) return;
            std::size_t pos = 0;
            while (pos < length && ++index[pos] == alphabet.size())
                index[pos++] = 0;
            if (pos == length) break;
        }
    }
}

// The word counter turns UTF-8 into UTF-16 itself for one-, two- and three-byte text; every
// other byte, and every ill-formed sequence (overlong, a surrogate, cut short, a stray
// continuation), at each position of a short line, must give what ICU's own conversion gives.
TEST(WordBreaks, TheInlineUtf16ConversionAgreesWithIcusOnEveryByte) {
    const std::vector<std::string> pieces = {"\xE0\xA0\x80", "\xE0\x80\x80",     "\xED\x9F\xBF",
                                             "\xED\xA0\x80", "\xEF\xBF\xBF",     "\xE2\x80\x94",
                                             "\xE2\x80",     "\xF0\x9F\x98\x80", "\xC1\xBF",
                                             "\xC2\x80",     "\xDF\xBF",         "\xD0",
                                             "\x80"};
    for (int b = 0; b < 256; ++b) {
        for (std::size_t at = 0; at <= 6; ++at) {
            std::string line = "Ab \xD0\x96\xD0\xB8";
            line.insert(std::min(at, line.size()), 1, static_cast<char>(b));
            expect_same_words(line, "byte " + std::to_string(b) + " at " + std::to_string(at));
        }
    }
    for (const auto& piece : pieces) {
        for (const std::string& around : {std::string(""), std::string("x"), std::string("Жи")}) {
            expect_same_words(around + piece, "piece after " + around);
            expect_same_words(piece + around, "piece before " + around);
            expect_same_words(around + piece + " word", "piece inside " + around);
        }
    }
}

TEST(WordBreaks, KnownCases) {
    EXPECT_EQ(u::count_words("U.S. 3.5 it's a:b 1,5 a.5 co-op"), 10);
    EXPECT_EQ(u::count_words("Абу-Даби\nиндекс 1,0274 — рост"), 5);
    // Lines with a refused character are ICU's: "a@b.c" is one word, "a_b" one, "ab\u00ADcd" one.
    EXPECT_EQ(u::count_words("x a@b.c\ny a_b\nz ab\u00ADcd"), 6);
    for (const std::string_view s : {"U.S. 3.5 it's a:b 1,5", "a@b.c a_b", "日本語のテキスト",
                                     "ภาษาไทย", "👍🏽 a\u200Db", "שלום\"ם", "\n\n a \n"}) {
        expect_same_words(s, std::string(s));
    }
}

TEST(WordBreaks, EveryPageAndArticleBody) {
    std::vector<fs::path> pages;
    auto add_tree = [&](const fs::path& root) {
        if (!fs::is_directory(root)) return;
        for (const auto& e : fs::recursive_directory_iterator(root)) {
            const std::string name = e.path().filename().string();
            if (e.is_regular_file() && (name.ends_with(".txt") || name.ends_with(".html") ||
                                        name.ends_with(".html.gz") || name.ends_with(".htm")))
                pages.push_back(e.path());
        }
    };
    add_tree(fs::path(PRESSPARSE_SOURCE_DIR) / "data");
    const fs::path shared = PRESSPARSE_SHARED_DATA;
    for (const char* set : {"presslv", "seed", "html", "web", "dates"})
        add_tree(shared / set);
    std::sort(pages.begin(), pages.end());
#if defined(__SANITIZE_ADDRESS__)
    // Under the sanitizers every tenth page: the whole set takes minutes there.
    std::vector<fs::path> some;
    for (std::size_t k = 0; k < pages.size(); k += 10)
        some.push_back(pages[k]);
    pages = some;
#endif
    if (!fs::is_directory(shared / "presslv")) {
        std::cout << "shared data not found at " << shared.string()
                  << ": only the fixtures were compared\n";
    }
    ASSERT_FALSE(pages.empty());
    std::size_t bodies = 0;
    std::size_t in_larger_sets = 0;
    for (const fs::path& page : pages) {
        std::string bytes;
        try {
            bytes = pressparse::load_file(page.string());
        } catch (const pressparse::InputError&) {
            continue;
        }
        // Decoded as extract decodes it (the charset an HTML page declares, unnormalised).
        const bool html = !page.string().ends_with(".txt");
        std::string text;
        try {
            text = pressparse::decode(
                       bytes, html ? pressparse::prescan_charset(bytes) : std::nullopt, !html)
                       .text;
        } catch (const pressparse::InputError&) {
            continue;
        }
        // The first 64 KiB of it (to a line's end): the whole of most pages; ICU's reference
        // takes a minute over the whole of the web sets.
        const std::size_t cut = text.size() > 65536 ? text.find('\n', 65536) : std::string::npos;
        expect_same_words(std::string_view(text).substr(0, cut), page.string());
        // The article bodies of the text pages and the Readability pages; of the larger web
        // sets, whose text was compared whole just above, every fourth.
        const std::string where = page.string();
        const bool larger_set =
            where.find("/web/") != std::string::npos || where.find("/dates/") != std::string::npos;
        if (larger_set && ++in_larger_sets % 4 != 0) continue;
        try {
            const pressparse::Article article = pressparse::extract(bytes, page.string(), {});
            std::string body;  // as the statistics read it: the blocks, one per line
            for (const auto& block : article.body) {
                if (block.text) body += *block.text + '\n';
            }
            expect_same_words(body, page.string() + " (body)");
            ++bodies;
        } catch (const pressparse::InputError&) {
        }
        if (HasFailure()) return;
    }
    std::cout << pages.size() << " pages and " << bodies << " article bodies compared\n";
}
