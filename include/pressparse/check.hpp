// Golden-file comparison: an article's JSON against the expected JSON, field by field, with a
// readable report that points at the first differing character.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace pressparse {

struct Difference {
    std::string path;      // "body[3].text", "stats.words", "related" …
    std::string expected;  // JSON text of the expected value, or "(missing)"
    std::string actual;    // JSON text of the actual value, or "(missing)"
};

// Fields never compared: where a page lives is not what was extracted from it.
inline const std::vector<std::string> kAlwaysIgnored{"input.path"};

// Deepest nesting compared field by field (an article is four levels deep); below it a value is
// compared whole. A value nesting deeper than this again is printed as "(nested deeper than 64
// levels)" and always counts as a difference, so neither the comparison nor the report can recurse
// without bound, whatever the documents hold.
inline constexpr std::size_t kMaxCompareDepth = 64;

// Differences in document order. A path in `ignore` (exact, e.g. "input.path" or "stats")
// skips that field and everything below it.
std::vector<Difference> compare_json(const nlohmann::ordered_json& expected,
                                     const nlohmann::ordered_json& actual,
                                     const std::vector<std::string>& ignore = kAlwaysIgnored);

// "body[3].text:\n  expected: …\n  actual:   …\n             ^ first difference at character 42\n".
std::string render_difference(const Difference& difference);

}  // namespace pressparse
