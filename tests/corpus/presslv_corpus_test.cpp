// The corpus suite: every real Press.lv page in ../shared/data (the seed and presslv/*.txt)
// against expectations written by reading the pages (tests/corpus/presslv_expected.tsv).
// Facts are literal; third-party sentences are compared through a short hash of their text,
// so the project never holds them. Skipped, with a message, where the data folder is absent.
#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "pressparse/json_writer.hpp"
#include "pressparse/pipeline.hpp"

namespace fs = std::filesystem;
using pressparse::Article;
using pressparse::BlockType;

namespace {

const fs::path kShared = PRESSPARSE_SHARED_DATA;
const fs::path kExpectations =
    fs::path(PRESSPARSE_SOURCE_DIR) / "tests/corpus/presslv_expected.tsv";

std::string fnv1a64(const std::string& text) {
    std::uint64_t h = 0xcbf29ce484222325ull;
    for (unsigned char c : text) {
        h ^= c;
        h *= 0x100000001b3ull;
    }
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

std::string or_null(const std::optional<std::string>& v) {
    return v ? *v : "null";
}
std::string or_null(const std::optional<int>& v) {
    return v ? std::to_string(*v) : "null";
}
std::string hash_or_null(const std::optional<std::string>& v) {
    return v ? fnv1a64(*v) : "null";
}

// One expectation row; printed by its id only, so test names and failures stay readable.
struct Row : std::map<std::string, std::string> {};
void PrintTo(const Row& row, std::ostream* os) {
    *os << row.at("id");
}

std::vector<Row> read_expectations() {
    std::ifstream in(kExpectations);
    std::vector<Row> rows;
    std::string line;
    std::vector<std::string> header;
    auto split = [](const std::string& l) {
        std::vector<std::string> cells;
        std::stringstream ss(l);
        for (std::string cell; std::getline(ss, cell, '\t');)
            cells.push_back(cell);
        return cells;
    };
    if (std::getline(in, line)) header = split(line);
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        const auto cells = split(line);
        Row row;
        for (std::size_t i = 0; i < header.size(); ++i)
            row[header[i]] = i < cells.size() ? cells[i] : "";
        rows.push_back(std::move(row));
    }
    return rows;
}

fs::path page_path(const std::string& id) {
    if (id == "seed") return kShared / "seed/press-lv-2026-02-06.txt";
    return kShared / "presslv" / (id + ".txt");
}

int count(const Article& a, BlockType type) {
    int n = 0;
    for (const auto& b : a.body)
        n += b.type == type;
    return n;
}

std::string first_block(const Article& a) {
    if (a.body.empty()) return "none";
    const auto& b = a.body.front();
    return std::string(pressparse::to_string(b.type)) + ":" + hash_or_null(b.text);
}

std::string first_credit(const Article& a) {
    if (a.body.empty() || a.body.front().type != BlockType::Caption) return "null";
    return or_null(a.body.front().credit);
}

// Page furniture that must never be body text.
bool is_furniture(const std::string& text) {
    static const std::vector<std::string> markers{
        "Вести еженедельник", "Супер Секретов", "Mājas virtuve",
        "Press.lv - Новости", "Завтра:",        "Комментарии (",
    };
    for (const auto& m : markers) {
        if (text.find(m) != std::string::npos) return true;
    }
    return text == "Доступность" || text == "Загрузка" || text.rfind("date 20", 0) == 0;
}

class PressLvCorpus : public ::testing::TestWithParam<Row> {};

TEST_P(PressLvCorpus, MatchesReading) {
    const Row& row = GetParam();
    const fs::path path = page_path(row.at("id"));
    ASSERT_TRUE(fs::exists(path)) << path;
    const Article a = pressparse::extract_file(path.string());

    EXPECT_EQ(hash_or_null(a.headline), row.at("headline")) << "headline: " << or_null(a.headline);
    EXPECT_EQ(or_null(a.source), row.at("source"));
    EXPECT_EQ(or_null(a.date), row.at("date"));
    EXPECT_EQ(or_null(a.date_text), row.at("date_text"));
    EXPECT_EQ(a.date_source ? pressparse::to_string(*a.date_source) : "null",
              row.at("date_source"));
    EXPECT_EQ(or_null(a.category), row.at("category"));
    EXPECT_EQ(or_null(a.comments), row.at("comments"));
    EXPECT_EQ(first_block(a), row.at("first_block"))
        << "first block: " << (a.body.empty() ? "" : or_null(a.body.front().text));
    EXPECT_EQ(first_credit(a), row.at("first_credit"));
    EXPECT_EQ(std::to_string(count(a, BlockType::Caption)), row.at("captions"));
    EXPECT_EQ(std::to_string(count(a, BlockType::Subheading)), row.at("subheadings"));
    EXPECT_EQ(std::to_string(count(a, BlockType::Paragraph)), row.at("paragraphs"));
    EXPECT_EQ(std::to_string(a.related.size()), row.at("related"));

    for (const auto& block : a.body) {
        if (!block.text) continue;
        EXPECT_FALSE(is_furniture(*block.text)) << "furniture in body: " << *block.text;
        for (const auto& r : a.related) {
            EXPECT_NE(*block.text, r.title) << "teaser title in body";
        }
    }
    EXPECT_EQ(a.language.value_or(""), "ru");
    // The direct JSON writer prints what the JSON library prints.
    EXPECT_EQ(pressparse::to_json_string(a, false),
              pressparse::dump_json(pressparse::to_json(a), false));
}

std::vector<Row> corpus_rows() {
    if (!fs::exists(kShared / "presslv")) return {};
    return read_expectations();
}

INSTANTIATE_TEST_SUITE_P(RealPages, PressLvCorpus, ::testing::ValuesIn(corpus_rows()),
                         [](const ::testing::TestParamInfo<Row>& info) {
                             std::string name = "page_" + info.param.at("id");
                             for (auto& c : name) {
                                 if (c == '-') c = '_';
                             }
                             return name;
                         });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(PressLvCorpus);

TEST(PressLvCorpusData, PresentOrSkipped) {
    if (!fs::exists(kShared / "presslv")) {
        GTEST_SKIP() << "real pages not found at " << kShared << ": corpus suite skipped";
    }
    // Every page in the folder has a row: a new page cannot slip in untested.
    std::set<std::string> ids;
    for (const auto& row : read_expectations())
        ids.insert(row.at("id"));
    for (const auto& entry : fs::directory_iterator(kShared / "presslv")) {
        if (entry.path().extension() != ".txt") continue;
        EXPECT_TRUE(ids.count(entry.path().stem().string()))
            << "no expectation row for " << entry.path();
    }
}

// The seed page, in the terms the project was specified with.
TEST(PressLvSeed, WholePage) {
    const fs::path path = page_path("seed");
    if (!fs::exists(path)) GTEST_SKIP() << "seed page not found at " << path;
    const Article a = pressparse::extract_file(path.string());
    EXPECT_EQ(count(a, BlockType::Paragraph), 17);
    EXPECT_EQ(count(a, BlockType::Subheading), 2);
    ASSERT_EQ(count(a, BlockType::Caption), 1);
    for (const auto& b : a.body) {
        if (b.type == BlockType::Caption) {
            ASSERT_TRUE(b.credit);
            EXPECT_NE(b.credit->find("The AP"), std::string::npos);
        }
    }
    EXPECT_EQ(a.related.size(), 8u);
    std::set<std::string> titles;
    for (const auto& r : a.related)
        titles.insert(r.title);
    EXPECT_EQ(titles.size(), 8u);
    EXPECT_EQ(a.date, "2026-02-06T11:49:00+02:00");
    EXPECT_TRUE(a.warnings.empty());
}

}  // namespace
