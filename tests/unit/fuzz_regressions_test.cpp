// Replays what the fuzzers found (every file under fuzz/regressions/<target>/, saved by
// fuzz/run.sh) and a few hand-written hostile inputs through the whole pipeline. For each input
// and each way of reading it (format from the content, forced text, forced HTML): no crash, no
// exception but InputError, and JSON that is valid UTF-8 and parses back.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "pressparse/errors.hpp"
#include "pressparse/json_writer.hpp"
#include "pressparse/pipeline.hpp"
#include "pressparse/unicode.hpp"

using namespace pressparse;
namespace fs = std::filesystem;

namespace {

const fs::path kRegressions = fs::path(PRESSPARSE_SOURCE_DIR) / "fuzz/regressions";

std::vector<const std::string*> article_strings(const Article& a) {
    std::vector<const std::string*> out{&a.input.encoding};
    for (const auto* field : {&a.site, &a.url, &a.language, &a.headline, &a.source, &a.date,
                              &a.date_text, &a.category}) {
        if (*field) out.push_back(&**field);
    }
    for (const BodyBlock& block : a.body) {
        if (block.text) out.push_back(&*block.text);
        if (block.credit) out.push_back(&*block.credit);
    }
    for (const Related& related : a.related) {
        out.push_back(&related.title);
        if (related.lead) out.push_back(&*related.lead);
        if (related.url) out.push_back(&*related.url);
    }
    for (const std::string& warning : a.warnings)
        out.push_back(&warning);
    return out;
}

// Runs one input through extract() in all three ways and checks the invariants. Returns how
// many of the three runs were refused with InputError.
int expect_survives(const std::string& bytes, const std::string& name) {
    int refused = 0;
    for (const std::optional<InputFormat> format :
         {std::optional<InputFormat>(), std::optional(InputFormat::Text),
          std::optional(InputFormat::Html)}) {
        SCOPED_TRACE(name + " read as " + (format ? to_string(*format) : "auto"));
        ExtractOptions options;
        options.format = format;
        try {
            const Article article = extract(bytes, name, options);
            // Every string is valid UTF-8 before the writer's safety net replaces bad bytes.
            for (const std::string* text : article_strings(article))
                EXPECT_TRUE(unicode::is_valid_utf8(*text)) << *text;
            const std::string json = to_json_string(article);
            EXPECT_TRUE(unicode::is_valid_utf8(json));
            try {
                const auto parsed = nlohmann::json::parse(json);
                EXPECT_EQ(parsed.at("schema_version"), kSchemaVersion);
            } catch (const nlohmann::json::exception& e) {
                ADD_FAILURE() << "output does not parse: " << e.what();
            }
        } catch (const InputError&) {
            ++refused;  // refusing an input is a correct outcome
        } catch (const std::exception& e) {
            ADD_FAILURE() << "exception other than InputError: " << e.what();
        } catch (...) {
            ADD_FAILURE() << "non-standard exception";
        }
    }
    return refused;
}

std::string read_bytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<fs::path> regression_files() {
    std::vector<fs::path> files;
    std::error_code ec;
    if (!fs::is_directory(kRegressions, ec)) return files;
    for (const auto& entry : fs::recursive_directory_iterator(kRegressions, ec)) {
        const std::string name = entry.path().filename().string();
        if (entry.is_regular_file() && name.front() != '.' && name != "README.md")
            files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::string page(const std::string& head, const std::string& body) {
    return "<!DOCTYPE html><html><head>" + head + "</head><body>" + body + "</body></html>";
}

const std::string kParagraph =
    "<p>В Даугавпилсе открыли новый мост через реку, сообщили в самоуправлении города, и "
    "движение уже пустили по обеим полосам.</p>";

}  // namespace

class FuzzRegression : public ::testing::TestWithParam<fs::path> {};

TEST_P(FuzzRegression, Survives) {
    const fs::path& path = GetParam();
    expect_survives(read_bytes(path), fs::relative(path, kRegressions).string());
}

INSTANTIATE_TEST_SUITE_P(Saved, FuzzRegression, ::testing::ValuesIn(regression_files()),
                         [](const ::testing::TestParamInfo<fs::path>& info) {
                             std::string name = info.param.parent_path().filename().string() + "_" +
                                                info.param.filename().string();
                             for (char& c : name) {
                                 if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                             }
                             return name;
                         });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(FuzzRegression);

TEST(NastyInput, NulBytes) {
    using namespace std::string_literals;
    // Text with NULs is binary and refused; it must not get further than that.
    EXPECT_EQ(expect_survives("Заголовок\n\n\0\0\0Текст статьи."s, "nul.txt"), 3);
    EXPECT_EQ(expect_survives("\0"s, "nul-only.txt"), 3);
    expect_survives(page("<title>A\0B</title>"s, "<p>x\0y</p>"s + kParagraph), "nul.html");
    // UTF-16 text has NULs by nature and is read.
    std::string utf16 = "\xFF\xFE";
    for (char c : std::string("Title\n\nSome text of the article."))
        utf16 += std::string{c, '\0'};
    EXPECT_EQ(expect_survives(utf16, "utf16.txt"), 0);
    expect_survives(utf16 + std::string{'\0'}, "utf16-odd.txt");
}

TEST(NastyInput, LoneSurrogatesInJsonLd) {
    for (const std::string escaped :
         {R"(\ud800)", R"(\udfff)", R"(\ud800\u0041)", R"(\udc00\ud800)", R"(\ud83d\ude00)",
          R"(\ud83d)", R"(\u0000)", R"(\u)", R"(\ud8)"}) {
        const std::string ld =
            R"(<script type="application/ld+json">{"@context":"https://schema.org",)"
            R"("@type":"NewsArticle","headline":"A )" +
            escaped + R"( B","author":{"@type":"Person","name":")" + escaped +
            R"("},"datePublished":"2026-02-06T11:49:00+02:00)" + escaped +
            R"(","articleSection":")" + escaped + R"(","url":"https://press.lv/)" + escaped +
            R"(","inLanguage":")" + escaped + R"("}</script>)";
        EXPECT_EQ(expect_survives(page(ld, kParagraph), "surrogate.html"), 0) << escaped;
    }
}

TEST(NastyInput, TruncatedUtf8AtTheEnd) {
    for (const std::string tail : {"\xD0", "\xE2\x80", "\xF0\x9F\x98", "\xED\xA0\x80", "\xC0"}) {
        expect_survives("Заголовок\n\nТекст статьи." + tail, "truncated.txt");
        expect_survives(page("<title>Заголовок</title>", kParagraph + "<p>Текст" + tail),
                        "truncated.html");
        expect_survives(page("<title>" + tail, ""), "truncated-title.html");
    }
}

TEST(NastyInput, MillionAttributesOnOneElement) {
    constexpr int kAttributes = 1'000'000;
    std::string distinct = "<!DOCTYPE html><html><body><div";
    std::string same = distinct;
    distinct.reserve(12 * kAttributes);
    same.reserve(8 * kAttributes);
    for (int i = 0; i < kAttributes; ++i) {
        distinct += " a" + std::to_string(i) + "=\"x\"";
        same += " a=\"x\"";
    }
    const std::string rest = ">" + kParagraph + "</div></body></html>";
    EXPECT_EQ(expect_survives(distinct + rest, "attributes-distinct.html"), 0);
    EXPECT_EQ(expect_survives(same + rest, "attributes-same.html"), 0);
}

TEST(NastyInput, TenThousandUnclosedBold) {
    std::string body;
    for (int i = 0; i < 10'000; ++i)
        body += "<b>слово ";
    EXPECT_EQ(expect_survives(page("", body + kParagraph), "bold.html"), 0);
    std::string nested_formatting;
    for (int i = 0; i < 10'000; ++i)
        nested_formatting += "<b><i><a href=x><p>x</b></i>";
    EXPECT_EQ(expect_survives(page("", nested_formatting), "formatting.html"), 0);
}

TEST(NastyInput, TableSoup) {
    std::string soup;
    for (int i = 0; i < 2'000; ++i) {
        soup +=
            "<table><tr><td>a<table><td>b</tr></table><p>c<tr><td>d<caption>e<col>f</td>"
            "<th><tbody><form><input></form><select><option>g<table>h</select></table>";
    }
    EXPECT_EQ(expect_survives(page("", soup + kParagraph), "tables.html"), 0);
    std::string open_cells;
    for (int i = 0; i < 5'000; ++i)
        open_cells += "<table><tr><td>";
    EXPECT_EQ(expect_survives(page("", open_cells + kParagraph), "open-cells.html"), 0);
}

TEST(NastyInput, DegenerateText) {
    expect_survives(std::string(100'000, '\n') + "x", "newlines.txt");
    expect_survives(std::string(200'000, '\r'), "carriage-returns.txt");
    expect_survives("* \n• \n* * *\n" + std::string(50'000, '*'), "markers.txt");
    std::string long_line;
    for (int i = 0; i < 20'000; ++i)
        long_line += "слово, ";
    expect_survives(long_line, "long-line.txt");
    expect_survives(" date 9999-99-99 Press.lv - x\n\n31 февраля, 2026 25:61\n", "bad-date.txt");
}
