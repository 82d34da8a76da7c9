// Tables a page's extraction used to build on first use, now built at compile time or read
// more cheaply: each held to the run-time reading it replaced, on every entry.
#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "pressparse/byline_words.hpp"
#include "pressparse/unicode.hpp"
#include "text/byline_table.hpp"

namespace {

using pressparse::byline::Kind;

// The byline table as byline.cpp read it at run time: each line split on spaces, then a stable
// sort, longer phrases first.
struct RuntimeEntry {
    Kind kind;
    std::vector<std::string_view> words;
};

std::vector<RuntimeEntry> byline_table_read_at_run_time() {
    std::vector<RuntimeEntry> out;
    for (const std::string_view line : pressparse::byline::kBylineWords) {
        const std::size_t space = line.find(' ');
        const std::string_view kind = line.substr(0, space);
        RuntimeEntry e{kind == "label"  ? Kind::Label
                       : kind == "noun" ? Kind::Noun
                       : kind == "link" ? Kind::Link
                                        : Kind::DateWord,
                       {}};
        const std::string_view text = line.substr(space + 1);
        std::size_t i = 0;
        for (std::string_view w = pressparse::byline::next_word(text, i); !w.empty();
             w = pressparse::byline::next_word(text, i))
            e.words.push_back(w);
        out.push_back(std::move(e));
    }
    std::stable_sort(out.begin(), out.end(), [](const RuntimeEntry& a, const RuntimeEntry& b) {
        return a.words.size() > b.words.size();
    });
    return out;
}

TEST(FirstUseTables, BylineTableBuiltAtCompileTimeEqualsTheRunTimeReading) {
    const auto expected = byline_table_read_at_run_time();
    const auto& table = pressparse::byline::kBylineTable;
    ASSERT_EQ(table.size(), expected.size());
    for (std::size_t i = 0; i < table.size(); ++i) {
        SCOPED_TRACE("entry " + std::to_string(i));
        EXPECT_EQ(table[i].kind, expected[i].kind) << "entry " << i;
        const auto words = table[i].words();
        EXPECT_EQ(std::vector<std::string_view>(words.begin(), words.end()), expected[i].words)
            << "entry " << i;
    }
}

// The NFC table of check_utf8 asks ICU a block at a time with the NFD instance looked up once
// per block: it must still vouch for exactly the code points whose NFC_Quick_Check is Yes and
// whose combining class (u_getCombiningClass, which looks the instance up per call) is 0, in
// every block it keeps (U+0001–U+07FF, General Punctuation), read a code point at a time.
TEST(FirstUseTables, NfcTableVouchesExactlyForStableCodePoints) {
    auto stable = [](char32_t c) {
        const auto cp = static_cast<UChar32>(c);
        return u_getIntPropertyValue(cp, UCHAR_NFC_QUICK_CHECK) == UNORM_YES &&
               u_getCombiningClass(cp) == 0;
    };
    int checked = 0;
    for (char32_t c = 1; c < 0x2070; ++c) {
        if (c == 0x800) c = 0x2000;
        std::string s = "a";
        pressparse::unicode::append_utf8(s, c);
        EXPECT_EQ(pressparse::unicode::check_utf8(s).nfc, stable(c))
            << "U+" << std::hex << static_cast<unsigned>(c);
        ++checked;
    }
    EXPECT_EQ(checked, 0x7FF + 0x70);
}

}  // namespace
