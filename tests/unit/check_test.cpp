#include "pressparse/check.hpp"

#include <gtest/gtest.h>

using namespace pressparse;
using json = nlohmann::ordered_json;

TEST(Check, EqualDocumentsHaveNoDifferences) {
    const json a = json::parse(R"({"a":1,"b":[{"t":"x"}]})");
    EXPECT_TRUE(compare_json(a, a).empty());
}

TEST(Check, PathsNameTheField) {
    const json e = json::parse(
        R"({"body":[{"type":"paragraph","text":"abc"},{"type":"caption"}],"stats":{"words":3}})");
    const json a = json::parse(
        R"({"body":[{"type":"paragraph","text":"abd"}],"stats":{"words":4},"extra":true})");
    const auto d = compare_json(e, a);
    ASSERT_EQ(d.size(), 4u);
    EXPECT_EQ(d[0].path, "body[0].text");
    EXPECT_EQ(d[1].path, "body[1]");
    EXPECT_EQ(d[1].actual, "(missing)");
    EXPECT_EQ(d[2].path, "stats.words");
    EXPECT_EQ(d[3].path, "extra");
    EXPECT_EQ(d[3].expected, "(missing)");
}

TEST(Check, IgnoredFieldsAndInputPath) {
    const json e = json::parse(R"({"input":{"path":"a","bytes":1},"stats":{"words":3}})");
    const json a = json::parse(R"({"input":{"path":"b","bytes":1},"stats":{"words":4}})");
    EXPECT_EQ(compare_json(e, a, {"input.path", "stats"}).size(), 0u);
    EXPECT_EQ(compare_json(e, a).size(), 1u);  // input.path is never compared
}

TEST(Check, RenderMarksFirstDifferingCharacter) {
    const std::string out = render_difference({"body[3].text", "\"Рига мост\"", "\"Рига мист\""});
    EXPECT_NE(out.find("body[3].text:"), std::string::npos);
    EXPECT_NE(out.find("first difference at character 6"), std::string::npos);
    // The caret sits under the differing letter: 12 columns of label + 7 code points.
    EXPECT_NE(out.find("\n" + std::string(12 + 7, ' ') + "^"), std::string::npos) << out;
}
