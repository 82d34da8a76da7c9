// Fuzzes the golden-file comparison behind `pressparse check` with structure-aware documents
// (fuzz/json_structure.hpp): an expected and an actual JSON document of up to 8 KiB, nested
// thousands deep (not more: nlohmann copies an ordered object's members, recursively, each time
// it grows, so parsing a far deeper member followed by another key would overflow the stack in
// the test harness itself), compared with compare_json and every difference rendered. Checked: no
// crash (no unbounded recursion in the comparison, the printing or nlohmann's destruction), the
// comparison is symmetric in what it finds, a document equals itself exactly when it is within the
// depth the check can vouch for, every report is valid UTF-8, and the expected-file reader's
// bounded parse cuts exactly the documents deeper than the bound.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_common.hpp"
#include "json_structure.hpp"
#include "pressparse/check.hpp"
#include "pressparse/json_depth.hpp"

namespace {

using json = nlohmann::ordered_json;

void check_differences(const std::vector<pressparse::Difference>& differences) {
    for (const auto& d : differences) {
        if (d.expected == "(missing)" && d.actual == "(missing)")
            pressparse::fuzz::fail("difference missing on both sides", d.path);
        pressparse::fuzz::check_utf8(d.path, "difference path");
        pressparse::fuzz::check_utf8(pressparse::render_difference(d), "rendered difference");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    FuzzedDataProvider in(data, size);
    pressparse::fuzz::JsonStructure structure(in);
    const pressparse::fuzz::GeneratedJson expected_text = structure.document(1 << 13);
    const pressparse::fuzz::GeneratedJson actual_text = structure.document(1 << 13);
    json expected, actual;
    try {
        expected = json::parse(expected_text.text);
        actual = json::parse(actual_text.text);
    } catch (const json::exception& e) {
        pressparse::fuzz::fail("generated JSON does not parse", e.what());
    }

    // The expected-file reader's depth-bounded parse: it cuts exactly what is too deep, and
    // otherwise builds what nlohmann's own parser builds.
    const auto bounded =
        pressparse::parse_json_to_depth<json>(expected_text.text, pressparse::kMaxCompareDepth);
    if (!bounded.error.empty()) pressparse::fuzz::fail("bounded parse failed", bounded.error);
    const bool deep =
        expected_text.has_container && expected_text.max_depth >= pressparse::kMaxCompareDepth;
    if (bounded.cut != deep) pressparse::fuzz::fail("bounded parse cut the wrong documents");
    if (!deep && bounded.value != expected) pressparse::fuzz::fail("bounded parse differs");

    const auto differences = pressparse::compare_json(expected, actual);
    check_differences(differences);
    if (pressparse::compare_json(actual, expected).size() != differences.size())
        pressparse::fuzz::fail("comparison is not symmetric");

    // Field by field to kMaxCompareDepth, then whole values that must themselves be within
    // kMaxCompareDepth: a document equals itself exactly when nothing is deeper than twice that.
    const auto self = pressparse::compare_json(expected, expected);
    check_differences(self);
    const bool vouchable =
        !expected_text.has_container || expected_text.max_depth < 2 * pressparse::kMaxCompareDepth;
    if (self.empty() != vouchable)
        pressparse::fuzz::fail(
            vouchable ? "a document differs from itself" : "a document too deep to compare passed",
            std::to_string(expected_text.max_depth));
    return 0;
}
