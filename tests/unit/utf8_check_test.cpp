// The writers' UTF-8 check: every form (the SSE2/scalar fallback, SSSE3 and AVX2 where the CPU
// has them, and the one chosen at run time) answers as the definition of well-formed UTF-8, and
// the definition answers as ICU's U8_NEXT. The bytes to escape for JSON are found alike.
#include "write/utf8_check.hpp"

#include <gtest/gtest.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <functional>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace pressparse {
namespace {

using Form = std::function<utf8::Scan(std::string_view)>;

std::vector<std::pair<std::string, Form>> forms() {
    std::vector<std::pair<std::string, Form>> all{{"fallback", utf8::scan_fallback},
                                                  {"dispatched", utf8::scan}};
    if (utf8::cpu_has_ssse3()) all.emplace_back("ssse3", utf8::scan_ssse3);
    if (utf8::cpu_has_avx2()) all.emplace_back("avx2", utf8::scan_avx2);
    return all;
}

bool icu_well_formed(std::string_view s) {
    const auto* p = reinterpret_cast<const std::uint8_t*>(s.data());
    const auto n = static_cast<std::int32_t>(s.size());
    for (std::int32_t i = 0; i < n;) {
        UChar32 c = 0;
        U8_NEXT(p, i, n, c);
        if (c < 0) return false;
    }
    return true;
}

// The code point in `length` bytes, overlong or out of range as asked (no checks).
std::string encode(std::uint32_t cp, int length) {
    std::string s;
    switch (length) {
        case 1:
            s += static_cast<char>(cp);
            break;
        case 2:
            s += static_cast<char>(0xC0 | (cp >> 6));
            s += static_cast<char>(0x80 | (cp & 0x3F));
            break;
        case 3:
            s += static_cast<char>(0xE0 | (cp >> 12));
            s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            s += static_cast<char>(0x80 | (cp & 0x3F));
            break;
        default:
            s += static_cast<char>(0xF0 | (cp >> 18));
            s += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            s += static_cast<char>(0x80 | (cp & 0x3F));
    }
    return s;
}

int shortest_length(std::uint32_t cp) {
    return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

// The pieces: every byte; every pair of bytes; every lead with every second byte and a choice
// of third and fourth bytes; every code point up to U+FFFF and one in five above (in its
// shortest form, and overlong in every longer form that holds it); surrogates; values past
// U+10FFFF up to what four bytes hold; every sequence cut short at every position.
std::vector<std::string> pieces() {
    std::vector<std::string> all;
    for (int a = 0; a < 256; ++a) {
        all.emplace_back(1, static_cast<char>(a));
        for (int b = 0; b < 256; ++b)
            all.push_back(std::string{static_cast<char>(a), static_cast<char>(b)});
    }
    const int thirds[] = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F,
                          0xA0, 0xBF, 0xC0, 0xC2, 0xE0, 0xF0, 0xFF};
    for (int lead = 0xC0; lead < 0x100; ++lead) {
        for (int b = 0; b < 256; ++b) {
            for (int c : thirds) {
                all.push_back(std::string{static_cast<char>(lead), static_cast<char>(b),
                                          static_cast<char>(c)});
                if (lead >= 0xF0 && (c == 0x80 || c == 0xBF || c == 0x41))
                    for (int d : {0x80, 0xBF, 0x41, 0xC0, 0xE0})
                        all.push_back(std::string{static_cast<char>(lead), static_cast<char>(b),
                                                  static_cast<char>(c), static_cast<char>(d)});
            }
        }
    }
    for (std::uint32_t cp = 0; cp <= 0x1FFFFF; cp += cp < 0x10000 ? 1 : 5) {
        for (int length = shortest_length(cp); length <= 4; ++length) {
            const std::string s = encode(cp, length);
            all.push_back(s);
            if (length == shortest_length(cp) && cp % 7 == 0)
                for (std::size_t cut = 1; cut < s.size(); ++cut)
                    all.push_back(s.substr(0, cut));
        }
    }
    return all;
}

TEST(Utf8Check, TheDefinitionAgreesWithIcu) {
    for (const auto& piece : pieces())
        ASSERT_EQ(utf8::scan_reference(piece).well_formed, icu_well_formed(piece)) << piece;
}

// Each piece inside text (ASCII, or two-byte letters), at an offset that moves across the
// sixteen- and thirty-two-byte blocks from piece to piece, once followed by more text and once
// ending the string.
TEST(Utf8Check, EveryFormAgreesWithTheDefinitionOnEveryPieceAtEveryOffset) {
    const auto all = pieces();
    const auto checks = forms();
    const std::string ascii(80, 'a');
    std::string letters;
    for (int i = 0; i < 40; ++i)
        letters += "\xD0\xB6";  // ж
    for (std::size_t k = 0; k < all.size(); ++k) {
        const std::string& filler = k % 2 == 0 ? ascii : letters;
        const std::size_t offset = (k / 2 % 36) & ~std::size_t{k % 2};  // on a letter's start
        for (const bool at_end : {false, true}) {
            std::string text = filler.substr(0, offset) + all[k];
            if (!at_end) text += filler.substr(0, 40);
            const utf8::Scan expected = utf8::scan_reference(text);
            for (const auto& [name, form] : checks)
                ASSERT_EQ(form(text), expected) << name << " at " << offset << ": " << all[k];
        }
    }
}

TEST(Utf8Check, EveryFormAgreesWithTheDefinitionOnRandomText) {
    const auto checks = forms();
    std::mt19937 random(14);
    // Bytes drawn mostly from those that make sequences: ASCII, continuations, leads.
    const int kinds[] = {0x20, 0x41, 0x80, 0x9F, 0xA0, 0xBF, 0xC2, 0xD0, 0xDF,
                         0xE0, 0xE2, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xC0, 0xFF};
    for (int round = 0; round < 200000; ++round) {
        const std::size_t length = random() % 100;
        std::string text;
        for (std::size_t i = 0; i < length; ++i) {
            const unsigned r = random();
            const int b =
                r % 4 == 0 ? static_cast<int>(r >> 8 & 0xFF) : kinds[(r >> 8) % std::size(kinds)];
            text += static_cast<char>(b);
        }
        const utf8::Scan expected = utf8::scan_reference(text);
        for (const auto& [name, form] : checks)
            ASSERT_EQ(form(text), expected) << name << ": " << text;
    }
}

TEST(Utf8Check, LongTextOfEveryLengthWithAPieceAtEveryPlace) {
    const auto checks = forms();
    const std::string base =
        "Рига, 6 февраля — «Новости» \xF0\x9F\x98\x80 and plain words \xE2\x80\x94 ещё ";
    std::string text;
    while (text.size() < 300)
        text += base;
    for (std::size_t length = 0; length <= text.size(); ++length) {
        const std::string_view piece(text.data(), length);
        const utf8::Scan expected = utf8::scan_reference(piece);
        for (const auto& [name, form] : checks)
            ASSERT_EQ(form(piece), expected) << name << " at length " << length;
    }
    // Something wrong (or to escape) at every place of every length up to 140 bytes: the block
    // that ends a string overlaps the one before it, and what it reads again must not hide it.
    for (std::size_t length = 1; length <= 140; ++length) {
        for (std::size_t at = 0; at < length; ++at) {
            for (const char* wrong : {"\x80", "\xC0", "\xE0", "\xF4\x90", "\"", "\n"}) {
                std::string t = text.substr(0, length);
                t.replace(at, std::string_view(wrong).size(), wrong);
                t.resize(length);
                const utf8::Scan expected = utf8::scan_reference(t);
                for (const auto& [name, form] : checks)
                    ASSERT_EQ(form(t), expected) << name << " at " << at << " of " << length;
            }
        }
    }
}

}  // namespace
}  // namespace pressparse
