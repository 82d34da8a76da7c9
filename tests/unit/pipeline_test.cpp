#include "pressparse/pipeline.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>

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
