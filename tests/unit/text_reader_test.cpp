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
