#include "pressparse/unicode.hpp"

#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

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
