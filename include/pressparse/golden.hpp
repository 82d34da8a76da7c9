// Golden-file checks: run pages through the pipeline and compare each with the expected JSON
// stored beside it (page.txt ↔ page.expected.json), or rewrite the expectations (--update).
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "pressparse/pipeline.hpp"

namespace pressparse {

struct GoldenCase {
    std::string page;
    std::string expected;  // path of the expected JSON
};

// "dir/page.txt" → "dir/page.expected.json" ("page.html.gz" → "page.expected.json").
std::string expected_path_for(const std::string& page);

// Pages named directly, and every page under a directory that has an expected file beside it,
// in sorted order. A page named directly is a case even without its expected file (it fails,
// or is created with --update).
std::vector<GoldenCase> find_golden_cases(const std::vector<std::string>& paths);

struct CheckOptions {
    bool update = false;
    std::vector<std::string> ignore;  // in addition to kAlwaysIgnored
    ExtractOptions extract;
};

struct CheckSummary {
    int passed = 0;
    int failed = 0;
    int updated = 0;
};

// Writes a report to `report`: one line per failing case with its differences, and a closing
// line "N passed, M failed". Never throws for a failing page: it is counted and reported.
CheckSummary run_golden_check(const std::vector<GoldenCase>& cases, const CheckOptions& options,
                              std::ostream& report);

}  // namespace pressparse
