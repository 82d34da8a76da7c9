#include "pressparse/pipeline.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <string>
#include <vector>

#include "pressparse/errors.hpp"

using namespace pressparse;
namespace fs = std::filesystem;

namespace {

ErrorCode error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const InputError& e) {
        return e.code();
    }
    ADD_FAILURE() << "no InputError thrown";
    return ErrorCode::Internal;
}

}  // namespace

TEST(DetectFormat, FromContent) {
    EXPECT_EQ(detect_format("<!DOCTYPE html><html>"), InputFormat::Html);
    EXPECT_EQ(detect_format("\xEF\xBB\xBF  <html lang=ru>"), InputFormat::Html);
    EXPECT_EQ(detect_format(" date 2026-02-06 Press.lv"), InputFormat::Text);
    EXPECT_EQ(detect_format("Заголовок <b>не тег</b>"), InputFormat::Text);
}

// Pages that open with markup other than <html>/<head>/<body> (a script, a stylesheet link, a
// layout table, old-style <font>, upper-case tags, a comment before the first tag) are HTML.
TEST(DetectFormat, PagesOpeningWithAnyHtmlElement) {
    EXPECT_EQ(detect_format("<script>var ready = 1;</script>\n<div>Story</div>"),
              InputFormat::Html);
    EXPECT_EQ(detect_format("<link rel=\"stylesheet\" href=\"/s.css\">\n<p>Story</p>"),
              InputFormat::Html);
    EXPECT_EQ(detect_format("<table width=100%><tr><td>Story</td></tr></table>"),
              InputFormat::Html);
    EXPECT_EQ(detect_format("<font face=Arial size=2>Story</font>"), InputFormat::Html);
    EXPECT_EQ(detect_format("<HTML>\n<BODY BGCOLOR=white>Story</BODY></HTML>"), InputFormat::Html);
    EXPECT_EQ(detect_format("\r\n<!-- saved from a browser -->\n<!-- two -->\n<div id=x>"),
              InputFormat::Html);
    EXPECT_EQ(detect_format("<!-- a comment longer than the window " + std::string(9000, '-')),
              InputFormat::Html);
    EXPECT_EQ(detect_format("<br/>Story"), InputFormat::Html);
    EXPECT_EQ(detect_format("<?xml version=\"1.0\"?><rss>"), InputFormat::Html);
}

TEST(DetectFormat, UpperCaseAndUtf16) {
    const std::string utf16le("<\0S\0C\0R\0I\0P\0T\0>\0", 16);
    EXPECT_EQ(detect_format("\xFF\xFE" + utf16le), InputFormat::Html);
    const std::string utf16be("\0<\0t\0a\0b\0l\0e\0>", 14);
    EXPECT_EQ(detect_format("\xFE\xFF" + utf16be), InputFormat::Html);
}

// Markup after a line of text counts when it is real markup: several tags of HTML elements.
TEST(DetectFormat, MarkupAfterText) {
    EXPECT_EQ(detect_format("Warning: something failed\n<html><head><title>T</title></head>"),
              InputFormat::Html);
    EXPECT_EQ(detect_format("<o:p></o:p><custom-tag><x-y>"), InputFormat::Text);
}

// A text page may contain "<" and may mention a tag without being HTML.
TEST(DetectFormat, TextWithAngleBrackets) {
    EXPECT_EQ(detect_format("<< Назад\nЗаголовок\n\nТекст статьи."), InputFormat::Text);
    EXPECT_EQ(detect_format("< 5 градусов мороза\nЗаголовок"), InputFormat::Text);
    EXPECT_EQ(detect_format("Цена <100 евро, а a<b и x > y."), InputFormat::Text);
    EXPECT_EQ(detect_format("Редакция объяснила, зачем нужен тег <script> на сайте."),
              InputFormat::Text);
    EXPECT_EQ(detect_format("<bold>Заголовок</bold>\nТекст."), InputFormat::Text);
    EXPECT_EQ(detect_format("<Иван Петров>\nТекст."), InputFormat::Text);
    EXPECT_EQ(detect_format("<"), InputFormat::Text);
    EXPECT_EQ(detect_format("</"), InputFormat::Text);
    EXPECT_EQ(detect_format("<!--"), InputFormat::Html);
}

// Every text form of a saved Press.lv page there is stays text: the project's fixtures, and the
// real pages in ../shared/data when they are present.
TEST(DetectFormat, PressLvTextFormsStayText) {
    std::vector<fs::path> pages;
    const auto add_dir = [&pages](const fs::path& dir) {
        if (!fs::is_directory(dir)) return;
        for (const auto& entry : fs::directory_iterator(dir)) {
            if (entry.is_regular_file() && entry.path().extension() == ".txt")
                pages.push_back(entry.path());
        }
    };
    add_dir(fs::path(PRESSPARSE_SOURCE_DIR) / "data");
    add_dir(fs::path(PRESSPARSE_SOURCE_DIR) / "data" / "text-forms");
    const fs::path shared = PRESSPARSE_SHARED_DATA;
    add_dir(shared / "presslv");
    add_dir(shared / "seed");
    ASSERT_FALSE(pages.empty());
    for (const fs::path& page : pages) {
        std::ifstream in(page, std::ios::binary);
        const std::string bytes((std::istreambuf_iterator<char>(in)), {});
        EXPECT_EQ(detect_format(bytes), InputFormat::Text) << page;
    }
}

TEST(Extract, RecordsInput) {
    const Article a = extract("Заголовок\n\nТекст.", "x.txt");
    EXPECT_EQ(a.input.path, "x.txt");
    EXPECT_EQ(a.input.bytes, 31u);
    EXPECT_EQ(a.input.encoding, "UTF-8");
    EXPECT_EQ(a.headline, "Заголовок");
}

TEST(Extract, BadInputs) {
    EXPECT_EQ(error_of([] { extract("", "e"); }), ErrorCode::Empty);
    EXPECT_EQ(error_of([] { extract(" \n\t\n", "w"); }), ErrorCode::Empty);
    EXPECT_EQ(error_of([] {
                  extract(std::string("\x7F"
                                      "ELF\x02\x01\x01\0\0\0",
                                      10),
                          "b");
              }),
              ErrorCode::Binary);
    EXPECT_EQ(error_of([] { extract_file("/nonexistent/page.txt"); }), ErrorCode::NotFound);
    EXPECT_EQ(error_of([] { extract_file(fs::temp_directory_path().string()); }),
              ErrorCode::IsDirectory);
}

// Issue 10: a page of vertical tabs and form feeds was refused as binary. Every character of
// Unicode's White_Space (ASCII or not: NBSP, NEL, U+2028, U+3000) counts as white space.
TEST(Extract, OnlyWhiteSpaceOfAnyKindIsEmpty) {
    for (const std::string page : {"\v", "\v\v\v\v\v\v\v\v\v\v\v\v", "\f\f\f", "\f\v\f\v\n\r\n\t ",
                                   "\xC2\xA0\xC2\x85\xE2\x80\xA8\xE3\x80\x80\v"}) {
        try {
            extract(page, "w");
            ADD_FAILURE() << "no InputError for " << testing::PrintToString(page);
        } catch (const InputError& e) {
            EXPECT_EQ(e.code(), ErrorCode::Empty) << testing::PrintToString(page) << e.what();
            EXPECT_STREQ(e.what(), "only white space");
        }
    }
    // Vertical tabs and form feeds between words are text, not binary.
    const Article a = extract("Заголовок\v\v\n\fТекст\vстатьи.\f", "v.txt");
    EXPECT_EQ(a.headline, "Заголовок");
}

TEST(Extract, SizeCap) {
    const fs::path p = fs::temp_directory_path() / "pressparse_cap_test.txt";
    std::ofstream(p) << std::string(2000, 'a');
    ExtractOptions options;
    options.max_bytes = 1000;
    EXPECT_EQ(error_of([&] { extract_file(p.string(), options); }), ErrorCode::TooLarge);
    fs::remove(p);
}
