#include "pressparse/text_reader.hpp"

#include <gtest/gtest.h>

using pressparse::BlockHint;
using pressparse::read_text;

TEST(TextReader, OneBlockPerLineWithGaps) {
    const auto blocks = read_text("Заголовок\n\nПервый абзац.\nВторой абзац.\n\n\nТретий.");
    ASSERT_EQ(blocks.size(), 4u);
    EXPECT_FALSE(blocks[0].gap_before);
    EXPECT_TRUE(blocks[1].gap_before);
    EXPECT_FALSE(blocks[2].gap_before);
    EXPECT_TRUE(blocks[3].gap_before);
}

TEST(TextReader, CrLfAndWhitespaceOnlyLines) {
    const auto blocks = read_text("a\r\n\xC2\xA0 \r\nb\rc");
    ASSERT_EQ(blocks.size(), 3u);
    EXPECT_EQ(blocks[1].text, "b");
    EXPECT_TRUE(blocks[1].gap_before);
    EXPECT_EQ(blocks[2].text, "c");
}

TEST(TextReader, FoldsSpaceInsideLines) {
    const auto blocks = read_text("\xC2\xA0Текст  с   пробелами   ");
    ASSERT_EQ(blocks.size(), 1u);
    EXPECT_EQ(blocks[0].text, "Текст с пробелами");
}

TEST(TextReader, ListMarkers) {
    const auto blocks = read_text("* первый пункт\n• второй пункт\n*не пункт");
    ASSERT_EQ(blocks.size(), 3u);
    EXPECT_EQ(blocks[0].hint, BlockHint::ListItem);
    EXPECT_EQ(blocks[0].text, "первый пункт");
    EXPECT_EQ(blocks[1].hint, BlockHint::ListItem);
    EXPECT_EQ(blocks[2].hint, BlockHint::None);
}

TEST(TextReader, EmptyInput) {
    EXPECT_TRUE(read_text("").empty());
}

TEST(TextReader, LoneCrLinesMixedWithLfAndCrLf) {
    const auto blocks = read_text("one\rtwo\r\nthree\nfour\r\rfive\n\rsix\r");
    ASSERT_EQ(blocks.size(), 6u);
    const char* expected[] = {"one", "two", "three", "four", "five", "six"};
    for (std::size_t i = 0; i < 6; ++i)
        EXPECT_EQ(blocks[i].text, expected[i]);
    EXPECT_FALSE(blocks[3].gap_before);
    EXPECT_TRUE(blocks[4].gap_before);  // "\r\r": a blank line
    EXPECT_TRUE(blocks[5].gap_before);  // "\n\r": LF then a lone CR, a blank line
}

TEST(TextReader, ManyLoneCrLinesBeforeOneLf) {
    // Each line used to search the rest of the page for an LF: quadratic in lines.
    std::string page;
    for (int i = 0; i < 200000; ++i)
        page += "line\r";
    page += "last\n";
    const auto blocks = read_text(page);
    ASSERT_EQ(blocks.size(), 200001u);
    EXPECT_EQ(blocks.back().text, "last");
}

TEST(TextReader, PagesPastTheLineLimitAreCutOff) {
    std::string page;
    for (std::size_t i = 0; i < pressparse::kMaxTextLines; ++i)
        page += "a\n\n";
    bool truncated = true;
    EXPECT_EQ(read_text(page, &truncated).size(), pressparse::kMaxTextLines);
    EXPECT_FALSE(truncated);  // blank lines do not count
    page += "b";
    const auto blocks = read_text(page, &truncated);
    EXPECT_EQ(blocks.size(), pressparse::kMaxTextLines);
    EXPECT_EQ(blocks.back().text, "a");
    EXPECT_TRUE(truncated);
}
