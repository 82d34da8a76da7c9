// Golden-file checks: run pages through the pipeline and compare each with the expected JSON
// stored beside it (page.txt ↔ page.expected.json), or rewrite the expectations (--update).
#pragma once

#include <iosfwd>
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

// A file under a directory that is taken for a page: a name ending in .txt, .text, .htm, .html,
// .xhtml or .shtml, each also with .gz (case aside), and not an expected file.
bool is_page_name(const std::string& filename);

// Pages named directly, and the pages under each directory (walked recursively), in sorted
// order: those with an expected file beside them, and with `with_new` also those without one.
// A page named directly is a case even without its expected file (it fails, or is created).
std::vector<GoldenCase> find_golden_cases(const std::vector<std::string>& paths,
                                          bool with_new = false);

struct CheckOptions {
    bool update = false;    // write every expected file from the current output
    bool new_only = false;  // create missing expected files; compare the others, never rewrite
    std::vector<std::string> ignore;  // in addition to kAlwaysIgnored
    ExtractOptions extract;
};

// What became of one case.
enum class CaseStatus { Passed, Failed, Created, Updated };

struct CaseResult {
    std::string page;
    std::string expected;
    CaseStatus status = CaseStatus::Passed;
    std::string message;  // a failure: the first line of its report
    std::string details;  // a failure: the rendered differences, one per line (may be empty)
    double seconds = 0;
};

struct CheckSummary {
    int passed = 0;  // compared equal, or written (created and updated count as passed)
    int failed = 0;
    int created = 0;
    int updated = 0;
    std::vector<CaseResult> cases;  // in the order run
};

// Writes a report to `report`: one line per failing case with its differences, one per
// expected file written ("created …", "updated …"), and a closing line "N passed, M failed"
// (", C created", ", U updated" added when there are any). Never throws for a failing page: it
// is counted and reported.
CheckSummary run_golden_check(const std::vector<GoldenCase>& cases, const CheckOptions& options,
                              std::ostream& report);

// The results as a JUnit XML report (the format GitLab, Jenkins and GitHub test reporters
// read): one <testsuite> "pressparse check", a <testcase> per page named by its path, a
// failure's differences as the <failure> text. Characters XML cannot hold are replaced.
std::string junit_report(const CheckSummary& summary);

// Writes junit_report(summary) to `path` (through a temporary file, renamed). Returns "" or
// the one-line reason it could not ("PATH: cannot write the JUnit report: No such file or
// directory"), the path escaped as error lines escape it.
std::string write_junit_report(const CheckSummary& summary, const std::string& path);

}  // namespace pressparse
