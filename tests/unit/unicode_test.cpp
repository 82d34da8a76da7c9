#include "pressparse/unicode.hpp"

#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace u = pressparse::unicode;

TEST(FoldWhitespace, CollapsesAllUnicodeSpaceAndTrims) {
    EXPECT_EQ(u::fold_whitespace("\xC2\xA0 Один\t\tдва  три \xE2\x80\x89 "), "Один два три");
    EXPECT_EQ(u::fold_whitespace("a\x01"
                                 "b"),
              "a b");  // control characters are space
    EXPECT_EQ(u::fold_whitespace(""), "");
    EXPECT_EQ(u::fold_whitespace(" \xC2\xA0 "), "");
}

TEST(FoldWhitespace, ReplacesInvalidUtf8) {
    EXPECT_EQ(u::fold_whitespace("a\xFF"
                                 "b"),
              "a\xEF\xBF\xBD"
              "b");
}

TEST(ToNfc, ComposesDecomposedLetters) {
    // и + combining breve → й; е + combining diaeresis → ё
    EXPECT_EQ(u::to_nfc("\xD0\xB8\xCC\x86"), "й");
    EXPECT_EQ(u::to_nfc("\xD0\xB5\xCC\x88"), "ё");
    EXPECT_EQ(u::to_nfc("уже NFC"), "уже NFC");
}

TEST(Utf8, Validity) {
    EXPECT_TRUE(u::is_valid_utf8("Рига"));
    EXPECT_FALSE(u::is_valid_utf8("\xC0\xAF"));      // overlong
    EXPECT_FALSE(u::is_valid_utf8("\xED\xA0\x80"));  // surrogate
    EXPECT_FALSE(u::is_valid_utf8("\xD0"));          // truncated
}

TEST(Utf8, CheckTellsValidityAndCertainNfcInOnePass) {
    EXPECT_TRUE(u::check_utf8("Рига — «тест» 1,5 € Rīga").valid);
    EXPECT_TRUE(u::check_utf8("Рига — «тест» 1,5 € Rīga").nfc == false);  // € is outside the table
    EXPECT_TRUE(u::check_utf8("Рига — «тест», “quote” … Rīga").nfc);
    EXPECT_FALSE(u::check_utf8("\xD0\xB8\xCC\x86").nfc);  // и + combining breve
    EXPECT_FALSE(u::check_utf8("a\xE2\x80\x80").nfc);     // U+2000 EN QUAD becomes U+2002
    EXPECT_FALSE(u::check_utf8("ok\xC0\xAF").valid);
    EXPECT_FALSE(u::check_utf8("ok\xC0\xAF").nfc);
}

// The quick answer may say "not sure" but never "in NFC" wrongly: every code point it vouches
// for is one ICU's normaliser leaves alone, even after a base letter.
TEST(Utf8, CheckNeverVouchesForTextTheNormaliserWouldChange) {
    int vouched = 0;
    for (char32_t c = 1; c < 0x2100; ++c) {
        if (c >= 0xD800 && c < 0xE000) continue;
        std::string s = "a";
        u::append_utf8(s, c);
        if (!u::check_utf8(s).nfc) continue;
        ++vouched;
        // Asked of ICU directly: to_nfc itself trusts check_utf8.
        UErrorCode status = U_ZERO_ERROR;
        const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
        ASSERT_TRUE(U_SUCCESS(status));
        const icu::UnicodeString text = icu::UnicodeString::fromUTF8(s);
        EXPECT_EQ(nfc->normalize(text, status), text)
            << "U+" << std::hex << static_cast<unsigned>(c);
    }
    EXPECT_GT(vouched, 1500);  // nearly all of U+0000–U+07FF and General Punctuation
}

TEST(Words, FollowIcuWordBreaks) {
    EXPECT_EQ(u::count_words("Абу-Даби"), 2);
    EXPECT_EQ(u::count_words("индекс 1,0274 — рост"),
              3);  // a number with a decimal comma is one word
    EXPECT_EQ(u::count_words("«Это уже начинает утомлять»: Посол"), 5);
    EXPECT_EQ(u::count_words(" , — ! "), 0);
    EXPECT_EQ(u::count_words(""), 0);
}

TEST(Characters, CountsGraphemes) {
    EXPECT_EQ(u::count_characters("Рига"), 4);
    EXPECT_EQ(u::count_characters("e\xCC\x81"), 1);                         // e + combining acute
    EXPECT_EQ(u::count_characters("\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD"), 1);  // thumbs up + skin tone
}

TEST(LetterCase, FirstLetterSkipsPunctuation) {
    EXPECT_EQ(u::first_letter_case("«Вот"), u::LetterCase::Upper);
    EXPECT_EQ(u::first_letter_case("— мост"), u::LetterCase::Lower);
    EXPECT_EQ(u::first_letter_case("2026"), u::LetterCase::None);
}

TEST(Scripts, CountsLatvianDiacritics) {
    const auto c = u::count_scripts("Rīga un Рига");
    EXPECT_EQ(c.cyrillic, 4);
    EXPECT_EQ(c.latin, 6);
    EXPECT_EQ(c.latvian_diacritics, 1);
}

TEST(Trim, UnicodeSpaceAtBothEnds) {
    EXPECT_EQ(u::trim("\xC2\xA0 x y \xE2\x80\x89"), "x y");
}

namespace {

// What count_tokens counts, byte by byte: runs of anything but space, tab, CR and LF.
int tokens_by_bytes(std::string_view text, int limit) {
    int tokens = 0;
    bool in_token = false;
    for (char ch : text) {
        const bool space = ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
        if (!space && !in_token && ++tokens > limit) return tokens;
        in_token = !space;
    }
    return tokens;
}

}  // namespace

// count_tokens skips eight bytes at a time inside a token: every byte value at every position
// of a word longer than eight bytes, and every limit, count as the byte-by-byte reading does.
TEST(Tokens, EightAtATimeCountsAsByteByByte) {
    const std::string base = "Слово abcdefghijklmnop\tдва\r\nтри  12345678901234567 x";
    for (int b = 0; b < 256; ++b) {
        for (std::size_t at = 0; at < base.size(); ++at) {
            std::string text = base;
            text[at] = static_cast<char>(b);
            for (int limit : {0, 1, 3, 5, 1 << 30}) {
                ASSERT_EQ(pressparse::unicode::count_tokens(text, limit),
                          tokens_by_bytes(text, limit))
                    << "byte " << b << " at " << at << ", limit " << limit;
            }
        }
    }
}

namespace {

// fold_whitespace by the definition, one code point at a time: ICU's white space and controls
// are a space, runs of them one space, none at either end, an ill-formed sequence U+FFFD.
std::string fold_by_code_points(std::string_view text) {
    std::string out;
    bool pending = false;
    const auto* p = reinterpret_cast<const std::uint8_t*>(text.data());
    const auto n = static_cast<std::int32_t>(text.size());
    for (std::int32_t i = 0; i < n;) {
        UChar32 c = 0;
        U8_NEXT(p, i, n, c);
        const bool space = c >= 0 && (c < 0x20 || c == 0x7F || c == ' ' || u_isUWhiteSpace(c) ||
                                      u_charType(c) == U_CONTROL_CHAR);
        if (space) {
            pending = true;
            continue;
        }
        if (pending && !out.empty()) out += ' ';
        pending = false;
        pressparse::unicode::append_utf8(out, c < 0 ? 0xFFFD : static_cast<char32_t>(c));
    }
    return out;
}

}  // namespace

// fold_whitespace passes eight bytes at once where they hold no space: every byte value at
// every position of ASCII and two-byte runs, and two-byte pairs across the lanes, fold as the
// definition says.
TEST(FoldWhitespace, EightAtATimeFoldsAsCodePointByCodePoint) {
    const std::vector<std::string> bases = {
        "abcdefghijklmnopqrstuvwxyz0123",
        "\xD0\x96\xD0\xB8\xD0\xB7\xD0\xBD\xD1\x8C \xD0\x9C\xD0\xB8\xD1\x80\xD0\xB0\xC4\x81\xC4\x8D"
        "\xCE\xB1\xC3\xA9x"};
    for (const auto& base : bases) {
        for (std::size_t at = 0; at < base.size(); ++at) {
            for (int b = 0; b < 256; ++b) {
                std::string text = base;
                text[at] = static_cast<char>(b);
                ASSERT_EQ(pressparse::unicode::fold_whitespace(text), fold_by_code_points(text))
                    << "byte " << b << " at " << at << " of " << base;
            }
            for (const char* pair : {"\xC2\xA0", "\xC3\xA9", "\xC4\x80", "\xC2\x85", "\xDF\xBF",
                                     "\xE2\x80", "\xC4\xC4", "\x80\xC4", " \x7F", "\xE3\x80"}) {
                std::string text = base;
                text.replace(at, std::min<std::size_t>(2, base.size() - at), pair);
                ASSERT_EQ(pressparse::unicode::fold_whitespace(text), fold_by_code_points(text))
                    << "pair at " << at << " of " << base;
            }
        }
    }
}

// check_utf8 reads four two-byte sequences at once: every two-byte code point in each of the
// four places of such a run gets the answer it gets alone, and every byte value at every place
// the validity ICU's U8_NEXT gives.
TEST(Utf8, FourTwoByteSequencesAtOnceAnswerAsOneByOne) {
    const std::string run = "\xD0\x96\xD0\xB8\xD0\xB7\xD0\xBD\xD1\x8C\xD0\x9C\xD0\xB8\xD1\x80";
    for (char32_t c = 0x80; c < 0x800; ++c) {
        std::string one;
        u::append_utf8(one, c);
        const bool alone = u::check_utf8(one).nfc && u::check_utf8(run).nfc;
        for (std::size_t place = 0; place < 8; place += 2) {
            std::string text = run;
            text.replace(place, 2, one);
            const auto check = u::check_utf8(text);
            ASSERT_TRUE(check.valid);
            ASSERT_EQ(check.nfc, alone) << "U+" << std::hex << static_cast<unsigned>(c);
        }
    }
    for (std::size_t at = 0; at < run.size(); ++at) {
        for (int b = 0; b < 256; ++b) {
            std::string text = run;
            text[at] = static_cast<char>(b);
            bool valid = true;
            const auto* p = reinterpret_cast<const std::uint8_t*>(text.data());
            const auto n = static_cast<std::int32_t>(text.size());
            for (std::int32_t i = 0; i < n && valid;) {
                UChar32 c = 0;
                U8_NEXT(p, i, n, c);
                valid = c >= 0;
            }
            ASSERT_EQ(u::check_utf8(text).valid, valid) << "byte " << b << " at " << at;
            ASSERT_EQ(u::is_valid_utf8(text), valid) << "byte " << b << " at " << at;
        }
    }
}

namespace {

// count_scripts by the definition, one code point at a time (ill-formed bytes are U+FFFD).
u::ScriptCounts scripts_by_code_points(std::string_view text) {
    u::ScriptCounts counts;
    const auto* p = reinterpret_cast<const std::uint8_t*>(text.data());
    const auto n = static_cast<std::int32_t>(text.size());
    for (std::int32_t i = 0; i < n;) {
        UChar32 c = 0;
        U8_NEXT(p, i, n, c);
        if (c < 0) c = 0xFFFD;
        if (c < 0x80) {
            if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ++counts.latin;
            continue;
        }
        if (c >= 0x400 && c <= 0x45F) {
            ++counts.cyrillic;
            continue;
        }
        if (!u_isalpha(c)) continue;
        UErrorCode status = U_ZERO_ERROR;
        const UScriptCode script = uscript_getScript(c, &status);
        if (script == USCRIPT_CYRILLIC) {
            ++counts.cyrillic;
        } else if (script == USCRIPT_LATIN) {
            ++counts.latin;
            const UChar32 lower = u_tolower(c);
            for (const UChar32 d :
                 {0x101, 0x10D, 0x113, 0x123, 0x12B, 0x137, 0x13C, 0x146, 0x161, 0x16B, 0x17E}) {
                if (lower == d) ++counts.latvian_diacritics;
            }
        } else {
            ++counts.other_letters;
        }
    }
    return counts;
}

}  // namespace

// count_scripts reads eight bytes at once (ASCII, or four letters of the Russian alphabet):
// every byte value at every position of such runs counts as the code-point-by-code-point
// definition counts.
TEST(Scripts, EightAtATimeCountsAsCodePointByCodePoint) {
    const std::vector<std::string> bases = {
        "The quick brown fox, Zz@[`{ 0123",
        "\xD0\x96\xD0\xB8\xD0\xB7\xD0\xBD\xD1\x8C\xD1\x9F\xD1\xA0\xD0\x9C\xD0\xB8\xD1\x80\xD0\xB0"
        "\xC4\x81 \xD1\x8F"};
    for (const auto& base : bases) {
        for (std::size_t at = 0; at < base.size(); ++at) {
            for (int b = 0; b < 256; ++b) {
                std::string text = base;
                text[at] = static_cast<char>(b);
                const auto fast = u::count_scripts(text);
                const auto slow = scripts_by_code_points(text);
                ASSERT_EQ(fast.latin, slow.latin) << "byte " << b << " at " << at;
                ASSERT_EQ(fast.cyrillic, slow.cyrillic) << "byte " << b << " at " << at;
                ASSERT_EQ(fast.latvian_diacritics, slow.latvian_diacritics) << b << " at " << at;
                ASSERT_EQ(fast.other_letters, slow.other_letters) << b << " at " << at;
            }
        }
    }
}

// The sixteen-byte paths (SSE2) are held to the same definitions on texts long enough for two
// chunks and a tail: Russian and Latvian words between single spaces, quotation marks, a
// no-break space, a dash; every byte value at every position, and pieces that stop a chunk put
// in at every position.
namespace {

const std::vector<std::string>& long_bases() {
    static const std::vector<std::string> bases = {
        "Во вторник в Мадоне «открыли» мост, Rīgā un Ogrē 2026 — x",
        "abc def ghi jkl mno pqr stu vwx yz 0123456789 ABC DEF GHI",
        "\xD0\x96\xD0\xB8\xD0\xB7\xD0\xBD\xD1\x8C \xD1\x8F\xD1\x9F\xD1\xA0\xC2\xA0\xD0\xB0\xC4\x81 "
        "\xC3\xA9\xCE\xB1 \xC2\xAB\xD0\xB4\xC2\xBB \xD0\xB5\xD1\x91 \xD0\x96\xD0\xB8\xD0\xB7x",
    };
    return bases;
}

// Pieces that end or test a run: white space of every kind, controls, C2 before each of its
// kinds of trail, combining marks, longer sequences, ill-formed pairs.
const std::vector<std::string>& stoppers() {
    static const std::vector<std::string> pieces = {
        " ",
        "  ",
        "\t",
        " \xC2\xA0",
        "\xC2\xA0",
        "\xC2\xA1",
        "\xC2\xBF",
        "\xC2\x85",
        "\xC2\x9F",
        " \xC2\xAB",
        "\x7F",
        " \x7F",
        "\xCC\x86",
        "\xE2\x80\x94",
        " \xE2\x80\x89",
        "\xE2\x80\x89 ",
        "\xD2\x83",
        "\xC4\xC4",
        "\x80\xC4",
        "\xC0\xAF",
        "\xF0\x9F\x98\x80",
        "\xD1\xA0",
        "\xD1\x9F",
        "a\r\nb",
        "\xDF\xBF",
    };
    return pieces;
}

// Code point by code point: whether the text is valid UTF-8 and, with `nfc`, also whether
// check_utf8 may call it NFC — every code point one the quick check vouches for alone (below
// U+0800 or in General Punctuation, stable by ICU's data).
bool by_code_points(std::string_view text, bool nfc) {
    const auto* p = reinterpret_cast<const std::uint8_t*>(text.data());
    const auto n = static_cast<std::int32_t>(text.size());
    for (std::int32_t i = 0; i < n;) {
        UChar32 c = 0;
        U8_NEXT(p, i, n, c);
        if (c < 0) return false;
        if (!nfc) continue;
        if (c >= 0x800 && (c < 0x2000 || c >= 0x2070)) return false;
        if (u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) != UNORM_YES ||
            u_getCombiningClass(c) != 0)
            return false;
    }
    return true;
}

void expect_all_agree(const std::string& text, const std::string& what) {
    for (int limit : {-1, 0, 1, 3, 5, 7, 9, 1 << 30}) {
        ASSERT_EQ(u::count_tokens(text, limit), tokens_by_bytes(text, limit))
            << what << ", limit " << limit;
    }
    ASSERT_EQ(u::fold_whitespace(text), fold_by_code_points(text)) << what;
    // The tokens of the folded text, counted from the text unfolded: as one piece, and in
    // pieces that each begin at an ASCII byte (no character is split there).
    for (int limit : {-1, 0, 1, 3, 5, 7, 9, 1 << 30}) {
        const int folded = u::count_tokens(u::fold_whitespace(text), limit);
        u::FoldedTokens whole(limit);
        whole.feed(text);
        ASSERT_EQ(whole.count(), folded) << what << ", limit " << limit;
        u::FoldedTokens pieces(limit);
        std::size_t from = 0;
        for (std::size_t at = 1; at <= text.size(); ++at) {
            if (at < text.size() && static_cast<unsigned char>(text[at]) >= 0x80) continue;
            pieces.feed(std::string_view(text).substr(from, at - from));
            from = at;
        }
        ASSERT_EQ(pieces.count(), folded) << what << " in pieces, limit " << limit;
    }
    const auto check = u::check_utf8(text);
    const bool valid = by_code_points(text, false);
    ASSERT_EQ(check.valid, valid) << what;
    ASSERT_EQ(u::is_valid_utf8(text), valid) << what;
    if (valid) {
        ASSERT_EQ(check.nfc, by_code_points(text, true)) << what;
    }
    const auto fast = u::count_scripts(text);
    const auto slow = scripts_by_code_points(text);
    ASSERT_EQ(fast.latin, slow.latin) << what;
    ASSERT_EQ(fast.cyrillic, slow.cyrillic) << what;
    ASSERT_EQ(fast.latvian_diacritics, slow.latvian_diacritics) << what;
    ASSERT_EQ(fast.other_letters, slow.other_letters) << what;
}

}  // namespace

TEST(SixteenAtATime, EveryByteAtEveryPositionAgreesWithTheDefinitions) {
    for (const auto& base : long_bases()) {
        ASSERT_GT(base.size(), 40u);
        expect_all_agree(base, "the base");
        for (std::size_t at = 0; at < base.size(); ++at) {
            for (int b = 0; b < 256; ++b) {
                std::string text = base;
                text[at] = static_cast<char>(b);
                expect_all_agree(text, "byte " + std::to_string(b) + " at " + std::to_string(at));
                if (HasFatalFailure()) return;
            }
        }
    }
}

TEST(SixteenAtATime, PiecesThatStopARunAgreeWithTheDefinitionsAtEveryPosition) {
    for (const auto& base : long_bases()) {
        for (std::size_t at = 0; at <= base.size(); ++at) {
            for (const auto& piece : stoppers()) {
                std::string inserted = base;
                inserted.insert(at, piece);
                expect_all_agree(inserted, "piece inserted at " + std::to_string(at));
                std::string replaced = base;
                replaced.replace(at, piece.size(), piece);
                expect_all_agree(replaced, "piece over byte " + std::to_string(at));
                if (HasFatalFailure()) return;
            }
        }
    }
}

// Every two-byte code point in every place of a long run of Russian letters and ASCII: the
// stable blocks the sixteen-byte NFC check trusts, and every other block, answer as alone.
TEST(SixteenAtATime, EveryTwoByteCodePointInALongRunAnswersAsTheDefinition) {
    const std::string run = "Жизнь и мир, abc: жизнь мира; 12 xyz — ok";
    for (char32_t c = 0x80; c < 0x800; ++c) {
        std::string one;
        u::append_utf8(one, c);
        for (std::size_t place = 0; place + 2 <= run.size(); ++place) {
            std::string text = run;
            text.insert(place, one);
            expect_all_agree(text, "U+" + std::to_string(static_cast<unsigned>(c)) + " at " +
                                       std::to_string(place));
            if (HasFatalFailure()) return;
        }
    }
}
