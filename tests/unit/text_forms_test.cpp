// Every text form of a page reads as the page itself: each dump in data/text-forms/ (made by
// scripts/make-text-forms.sh with w3m and lynx at several widths) must give the article its
// HTML fixture gives, field for field — headline, source, date, category, comment count, each
// body block's type, text and credit, and the related titles with their leads. Reader comments
// are read from HTML only: the fixtures' comment widget holds a placeholder, no thread, so both
// forms have none.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "pressparse/pipeline.hpp"

namespace fs = std::filesystem;
using namespace pressparse;

namespace {

const fs::path kData = fs::path(PRESSPARSE_SOURCE_DIR) / "data";

std::vector<std::string> dumps() {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(kData / "text-forms")) {
        if (entry.path().extension() == ".txt") names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

// "sample-twin.lynx-nolist-60.txt" → "sample-twin.html"
fs::path page_of(const std::string& dump) {
    return kData / (dump.substr(0, dump.find('.')) + ".html");
}

std::string describe(const BodyBlock& b) {
    return std::string(to_string(b.type)) + " | " + b.text.value_or("(null)") + " | " +
           b.credit.value_or("(null)");
}

class TextForm : public testing::TestWithParam<std::string> {};

TEST_P(TextForm, ReadsAsTheHtmlPage) {
    const Article html = extract_file(page_of(GetParam()).string());
    const Article text = extract_file((kData / "text-forms" / GetParam()).string());
    EXPECT_EQ(text.input.format, InputFormat::Text);
    EXPECT_EQ(text.headline, html.headline);
    EXPECT_EQ(text.source, html.source);
    EXPECT_EQ(text.date, html.date);
    EXPECT_EQ(text.category, html.category);
    EXPECT_EQ(text.comments, html.comments);
    std::vector<std::string> want;
    std::vector<std::string> got;
    for (const auto& b : html.body)
        want.push_back(describe(b));
    for (const auto& b : text.body)
        got.push_back(describe(b));
    EXPECT_EQ(got, want);
    ASSERT_EQ(text.related.size(), html.related.size());
    for (std::size_t i = 0; i < html.related.size(); ++i) {
        EXPECT_EQ(text.related[i].title, html.related[i].title) << "related " << i;
        EXPECT_EQ(text.related[i].lead, html.related[i].lead) << "related " << i;
        // lynx lists where each link goes (resolved against the file it read); w3m does not.
        if (GetParam().find(".lynx-") != std::string::npos &&
            GetParam().find("-nolist-") == std::string::npos) {
            ASSERT_TRUE(text.related[i].url) << "related " << i;
            ASSERT_TRUE(html.related[i].url) << "related " << i;
            EXPECT_TRUE(text.related[i].url->ends_with(*html.related[i].url)) << "related " << i;
        } else {
            EXPECT_FALSE(text.related[i].url) << "related " << i;
        }
    }
    EXPECT_TRUE(html.reader_comments.empty());
    EXPECT_TRUE(text.reader_comments.empty());
    EXPECT_EQ(text.warnings, html.warnings);
}

INSTANTIATE_TEST_SUITE_P(Dumps, TextForm, testing::ValuesIn(dumps()),
                         [](const testing::TestParamInfo<std::string>& info) {
                             std::string name = info.param.substr(0, info.param.size() - 4);
                             std::replace_if(
                                 name.begin(), name.end(),
                                 [](char c) {
                                     return !std::isalnum(static_cast<unsigned char>(c));
                                 },
                                 '_');
                             return name;
                         });

TEST(TextForms, EveryFixtureHasItsDumps) {
    // Three pages, each by w3m and by lynx with and without its link list, at three widths, and
    // with glued doubled titles.
    EXPECT_EQ(dumps().size(), 30u);
}

}  // namespace
