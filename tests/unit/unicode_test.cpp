#include "pressparse/unicode.hpp"

#include <gtest/gtest.h>

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
