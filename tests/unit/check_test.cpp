#include "pressparse/check.hpp"

#include <gtest/gtest.h>

#include "pressparse/golden.hpp"

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

namespace {

// `n` arrays, one inside the other, around a number. Built from text: copying a deep value
// would recurse (nlohmann's copy constructor), parsing does not.
std::string nested_text(int n) {
    return std::string(n, '[') + "1" + std::string(n, ']');
}
json nested_arrays(int n) {
    return json::parse(nested_text(n));
}

}  // namespace

// An expected document of 100,000 nested arrays once overflowed the stack (recursive compare
// and dump while printing the diff). Now it is one difference, printed as a note.
TEST(CheckDepth, HundredThousandNestedArraysAreADifferenceNotACrash) {
    const json deep = nested_arrays(100000);
    const json article = json::parse(R"({"schema_version":1,"body":[]})");
    auto d = compare_json(deep, article);
    ASSERT_EQ(d.size(), 1u);
    EXPECT_EQ(d[0].path, "(document)");
    EXPECT_EQ(d[0].expected, "(nested deeper than 64 levels)");
    EXPECT_EQ(d[0].actual, R"({"schema_version":1,"body":[]})");
    EXPECT_NE(render_difference(d[0]).find("(nested deeper than 64 levels)"), std::string::npos);

    // Deep on both sides, even identical: the check cannot vouch for it, so it differs, at the
    // depth where field-by-field comparison stops.
    d = compare_json(deep, deep);
    ASSERT_EQ(d.size(), 1u);
    EXPECT_EQ(
        d[0].path, "[0]" + [] {
            std::string p;
            for (int i = 1; i < 64; ++i)
                p += "[0]";
            return p;
        }());
    EXPECT_EQ(d[0].expected, "(nested deeper than 64 levels)");

    // Deep inside a document, and missing on one side. (Arrays: nlohmann copies an ordered
    // object's members, recursively, whenever the object grows, so a test that parsed two deep
    // members would overflow the stack in the parser before pressparse sees anything.)
    std::string two = nested_text(100001);  // [DEEP] …
    two.insert(two.size() - 1, 1, ',');
    two.insert(two.size() - 1, nested_text(100000));  // … [DEEP, DEEP]
    const json e = json::parse(two);
    const json a = json::parse("[1]");
    d = compare_json(e, a);
    ASSERT_EQ(d.size(), 2u);
    EXPECT_EQ(d[0].path, "[0]");
    EXPECT_EQ(d[0].expected, "(nested deeper than 64 levels)");
    EXPECT_EQ(d[1].path, "[1]");
    EXPECT_EQ(d[1].expected, "(nested deeper than 64 levels)");
    EXPECT_EQ(d[1].actual, "(missing)");
    // A deep object under a key of the article.
    const json f = json::parse(R"({"schema_version":1,"body":)" + nested_text(100000) + "}");
    d = compare_json(f, json::parse(R"({"schema_version":1,"body":[]})"));
    ASSERT_EQ(d.size(), 1u);
    EXPECT_EQ(d[0].path, "body[0]");
}

TEST(CheckDepth, NestingWithinTheBoundIsComparedWhole) {
    // 100 levels: compared field by field to 64, whole below that, equal either way.
    EXPECT_TRUE(compare_json(nested_arrays(100), nested_arrays(100)).empty());
    const auto d = compare_json(nested_arrays(100), nested_arrays(99));
    ASSERT_EQ(d.size(), 1u);
    EXPECT_EQ(d[0].expected.front(), '[');  // printed: within 64 levels of where it is
}

TEST(JunitReport, EscapesWhatXmlCannotHold) {
    pressparse::CheckSummary s;
    s.passed = 1;
    s.failed = 1;
    pressparse::CaseResult ok;
    ok.page = "pages/a&b <1>.txt";
    ok.seconds = 0.25;
    pressparse::CaseResult bad;
    bad.page = "pages/\"q\"\x01.txt";
    bad.status = pressparse::CaseStatus::Failed;
    bad.message = "1 difference from x";
    bad.details = "headline:\n  expected: \"<b>\"\x7f\n";
    s.cases = {ok, bad};
    const std::string xml = pressparse::junit_report(s);
    EXPECT_NE(xml.find("name=\"pages/a&amp;b &lt;1&gt;.txt\""), std::string::npos) << xml;
    EXPECT_NE(xml.find("time=\"0.250\""), std::string::npos);
    EXPECT_NE(xml.find("name=\"pages/&quot;q&quot;\xEF\xBF\xBD.txt\""), std::string::npos) << xml;
    EXPECT_NE(xml.find("expected: \"&lt;b&gt;\"\xEF\xBF\xBD\n"), std::string::npos) << xml;
    EXPECT_NE(xml.find("tests=\"2\" failures=\"1\""), std::string::npos);
    EXPECT_EQ(xml.find('\x01'), std::string::npos);
}
