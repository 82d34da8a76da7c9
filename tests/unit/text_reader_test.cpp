#include "pressparse/text_reader.hpp"

#include <gtest/gtest.h>
#include <unicode/uchar.h>

#include <string>
#include <vector>

#include "pressparse/unicode.hpp"
#include "read/text_layout.hpp"
#include "read/text_lines.hpp"
#include "text/url.hpp"

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

// ----- the stages of the text reader -----

namespace text = pressparse::text;

TEST(TextLines, LoneCrLineEndsAreLinesInOnePass) {
    std::string page;
    for (int i = 0; i < 50000; ++i)
        page += "строка\r";
    const auto lines = text::split_lines(page);
    ASSERT_EQ(lines.size(), 50000u);
    EXPECT_EQ(lines.back().text, "строка");
}

TEST(TextLines, IndentWidthAndMarkers) {
    auto lines = text::split_lines(
        "   * [1]Заголовок\n\t1. пункт\n  \xE2\x80\xA2 точка\n- реплика\n\xE4\xB8\xAD\xE6\x96\x87");
    ASSERT_EQ(lines.size(), 5u);
    text::detect_layout(lines, lines.size());  // measures the widths
    EXPECT_EQ(lines[0].indent, 3);
    EXPECT_EQ(lines[0].marker, text::TextLine::Marker::Star);
    EXPECT_EQ(lines[0].content, "[1]Заголовок");
    EXPECT_EQ(lines[0].content_column, 5);
    EXPECT_EQ(lines[0].width, 3 + 2 + 3 + 9);
    EXPECT_EQ(lines[1].indent, 8);  // a tab
    EXPECT_EQ(lines[1].marker, text::TextLine::Marker::Number);
    EXPECT_EQ(lines[2].marker, text::TextLine::Marker::Bullet);
    EXPECT_EQ(lines[3].marker, text::TextLine::Marker::Dash);
    EXPECT_EQ(lines[4].width, 4);  // two wide characters
}

TEST(TextLines, LinkListAtTheEnd) {
    const auto lines = text::split_lines(
        "   [1]Мир [2]Спорт\n\nReferences\n\n   1. https://example.lv/mir\n   2. "
        "https://example.lv/sport\n\n   Hidden links:\n   3. https://example.lv/x\n");
    const auto links = text::find_link_list(lines);
    ASSERT_TRUE(links.found());
    EXPECT_EQ(links.first_line, 2u);
    ASSERT_EQ(links.urls.size(), 3u);
    EXPECT_EQ(links.urls[1], "https://example.lv/sport");
    std::size_t first = 0;
    EXPECT_EQ(text::strip_link_markers("[1]Мир [2]Спорт [4]не ссылка [x]", 3, &first),
              "Мир Спорт [4]не ссылка [x]");
    EXPECT_EQ(first, 1u);
}

TEST(TextLines, NoLinkListWithoutTheHeading) {
    EXPECT_FALSE(
        text::find_link_list(text::split_lines("Текст.\n\n   1. https://example.lv\n")).found());
    // A "References" heading followed by prose is an article's own section.
    EXPECT_FALSE(
        text::find_link_list(text::split_lines("References\n\n   1. Smith, J. Title of a book.\n"))
            .found());
}

namespace {

// A paragraph of `words` words wrapped at `width` columns under `indent` spaces, as a text
// browser prints it.
std::string wrap(const std::string& para, int width, int indent) {
    std::string out;
    std::string line(indent, ' ');
    int cols = indent;
    std::size_t pos = 0;
    while (pos < para.size()) {
        std::size_t end = para.find(' ', pos);
        if (end == std::string::npos) end = para.size();
        const std::string word = para.substr(pos, end - pos);
        const int w = text::display_width(word);
        if (cols > indent && cols + 1 + w > width) {
            out += line + "\n";
            line.assign(indent, ' ');
            cols = indent;
        }
        if (cols > indent) {
            line += ' ';
            ++cols;
        }
        line += word;
        cols += w;
        pos = end + 1;
    }
    return out + line + "\n";
}

const std::string kLong =
    "Работы обошлись самоуправлению в 412 тысяч евро, из которых около трети покрыто за счёт "
    "средств фонда регионального развития. Подрядчиком выступило предприятие, выигравшее "
    "конкурс ещё в январе, и оно обещает закончить работы до начала зимы.";
const std::string kOther =
    "По словам председателя думы, деревянный настил старого моста прослужил более тридцати лет, "
    "и весной прошлого года его пришлось закрыть для велосипедистов, а потом ограничить проход.";

}  // namespace

TEST(TextLayout, WrappedParagraphsAreJoinedAtEveryWidth) {
    for (int width : {60, 72, 80, 100, 150}) {
        for (int indent : {0, 3}) {
            const std::string page =
                wrap("Короткий заголовок статьи", width, 0) + "\n" + wrap(kLong, width, indent) +
                "\n" + wrap("Подзаголовок раздела", width, 0) + "\n" + wrap(kOther, width, indent);
            const auto blocks = read_text(page);
            ASSERT_EQ(blocks.size(), 4u) << "width " << width << ", indent " << indent;
            EXPECT_EQ(blocks[1].text, kLong);
            EXPECT_EQ(blocks[2].text, "Подзаголовок раздела");
            EXPECT_EQ(blocks[3].text, kOther);
        }
    }
}

TEST(TextLayout, OneParagraphPerLineIsNeverJoined) {
    const std::string page =
        "Заголовок\n\n" + kLong + "\n" + kOther + "\nКороткая строка\n" + kLong + "\n";
    auto lines = text::split_lines(page);
    EXPECT_FALSE(text::detect_layout(lines, lines.size()).wrapped);
    EXPECT_EQ(read_text(page).size(), 5u);
}

TEST(TextLayout, ListItemsKeepTheirContinuationLines) {
    const std::string page = wrap(kLong, 70, 0) + "\n" + "  \xE2\x80\xA2 " +
                             wrap(kOther, 70, 4).substr(4) + "  \xE2\x80\xA2 второй пункт\n\n" +
                             wrap(kLong, 70, 0);
    const auto blocks = read_text(page);
    ASSERT_EQ(blocks.size(), 4u);
    EXPECT_EQ(blocks[1].hint, BlockHint::ListItem);
    EXPECT_EQ(blocks[1].text, kOther);
    EXPECT_EQ(blocks[2].hint, BlockHint::ListItem);
    EXPECT_EQ(blocks[2].text, "второй пункт");
}

TEST(TextLayout, DialogueDashAtTheTextsIndentIsNoListItem) {
    const std::string page =
        wrap(kLong, 70, 0) + "\n" + wrap("- " + kOther, 70, 0) + "\n" + wrap(kLong, 70, 0);
    const auto blocks = read_text(page);
    ASSERT_EQ(blocks.size(), 3u);
    EXPECT_EQ(blocks[1].hint, BlockHint::None);
    EXPECT_EQ(blocks[1].text, "- " + kOther);
}

TEST(TextLayout, TitlePrintedTwiceAndGluedIsOnce) {
    const std::string page = wrap(kLong, 72, 0) + "\n" + wrap(kOther, 72, 0) + "\n" +
                             "  * Жители Огре жалуются на комаровЖители Огре жалуются на комаров\n";
    const auto blocks = read_text(page);
    ASSERT_EQ(blocks.size(), 3u);
    EXPECT_EQ(blocks[2].text, "Жители Огре жалуются на комаров");
}

TEST(TextLayout, FormButtonLabelsOfLynxGo) {
    const std::string page = wrap(kLong, 72, 3) + "\n" +
                             "   Мы используем файлы cookie. (BUTTON) Согласен\n\n" +
                             wrap(kOther, 72, 3);
    const auto blocks = read_text(page);
    ASSERT_EQ(blocks.size(), 3u);
    EXPECT_EQ(blocks[1].text, "Мы используем файлы cookie. Согласен");
}

TEST(Urls, ResolvedAgainstThePage) {
    using pressparse::url::resolve;
    const std::string base = "https://example.lv/news/latvia/article-1?x=1#top";
    EXPECT_EQ(resolve(base, "/post/2"), "https://example.lv/post/2");
    EXPECT_EQ(resolve(base, "article-2"), "https://example.lv/news/latvia/article-2");
    EXPECT_EQ(resolve(base, "../world/a?b=2"), "https://example.lv/news/world/a?b=2");
    EXPECT_EQ(resolve(base, "//cdn.example.lv/a"), "https://cdn.example.lv/a");
    EXPECT_EQ(resolve(base, "?page=2"), "https://example.lv/news/latvia/article-1?page=2");
    EXPECT_EQ(resolve(base, "http://other.lv/a/./b/../c"), "http://other.lv/a/./b/../c");
    EXPECT_EQ(resolve("https://example.lv", "a"), "https://example.lv/a");
    EXPECT_EQ(resolve("not absolute", "/post/2"), "/post/2");
}

TEST(Urls, HostOfAnAbsoluteAddress) {
    using pressparse::url::host;
    EXPECT_EQ(host("https://user:pw@News.Example.org:8080/a?b#c"), "news.example.org");
    EXPECT_EQ(host("http://example.lv."), "example.lv");
    EXPECT_EQ(host("http://[2001:db8::1]:80/x"), "[2001:db8::1]");
    EXPECT_EQ(host("//example.lv/a"), std::nullopt);  // no scheme
    EXPECT_EQ(host("/news/a"), std::nullopt);
    EXPECT_EQ(host("mailto:someone@example.lv"), std::nullopt);
    EXPECT_EQ(host("https:///a"), std::nullopt);
}

namespace {

// display_width by its definition: a column per byte that starts a code point while every byte
// is simple (none of CC, CD, E1-FF); otherwise code point by code point, combining marks none,
// East Asian wide and fullwidth two.
int width_by_definition(std::string_view utf8) {
    int starts = 0;
    bool simple = true;
    for (const char ch : utf8) {
        const auto byte = static_cast<unsigned char>(ch);
        starts += (byte & 0xC0) != 0x80;
        simple = simple && (byte < 0xCC || (byte >= 0xCE && byte < 0xE1));
    }
    if (simple) return starts;
    int width = 0;
    for (std::size_t pos = 0; pos < utf8.size();) {
        const char32_t c = pressparse::unicode::next_code_point(utf8, pos);
        if (c < 0x80) {
            ++width;
            continue;
        }
        if (c >= 0x300 && c < 0x370) continue;
        if (c < 0x1100) {
            ++width;
            continue;
        }
        const auto cp = static_cast<UChar32>(c);
        const auto ea = u_getIntPropertyValue(cp, UCHAR_EAST_ASIAN_WIDTH);
        const auto category = u_charType(cp);
        if (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK) continue;
        width += (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH) ? 2 : 1;
    }
    return width;
}

}  // namespace

// display_width reads sixteen bytes at a time: every byte value at every position of lines of
// two chunks and a tail answers as the definition.
TEST(DisplayWidth, SixteenAtATimeAgreesWithTheDefinition) {
    const std::vector<std::string> lines = {
        "Во вторник в Мадоне открыли мост, Rīgā 2026 — «x»",
        "plain ASCII text of a wrapped line, fifty bytes long",
    };
    for (const auto& line : lines) {
        ASSERT_EQ(text::display_width(line), width_by_definition(line));
        for (std::size_t at = 0; at < line.size(); ++at) {
            for (int b = 0; b < 256; ++b) {
                std::string t = line;
                t[at] = static_cast<char>(b);
                ASSERT_EQ(text::display_width(t), width_by_definition(t)) << b << " at " << at;
                for (const char* piece : {"\xCC\x81", "\xE6\x97\xA5", "\xE2\x80\x94"}) {
                    std::string u = line;
                    u.insert(at, piece);
                    ASSERT_EQ(text::display_width(u), width_by_definition(u)) << "at " << at;
                }
            }
        }
    }
}
