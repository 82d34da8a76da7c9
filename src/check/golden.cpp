#include "pressparse/golden.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>

#include "batch/names.hpp"
#include "pressparse/check.hpp"
#include "pressparse/errors.hpp"
#include "pressparse/json_depth.hpp"
#include "pressparse/json_writer.hpp"

namespace pressparse {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kExpectedSuffix = ".expected.json";

bool is_expected_file(const std::string& name) {
    return name.size() > kExpectedSuffix.size() &&
           name.compare(name.size() - kExpectedSuffix.size(), kExpectedSuffix.size(),
                        kExpectedSuffix) == 0;
}

// Through PATH.tmp, renamed; on failure `why` says what went wrong and nothing is left behind.
bool write_file_atomically(const std::string& path, const std::string& content,
                           std::string* why = nullptr) {
    const std::string tmp = path + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << content;
        if (!out.flush()) {
            if (why) *why = std::strerror(errno);
            std::error_code ignored;
            fs::remove(tmp, ignored);
            return false;
        }
    }
    std::error_code ec;
    fs::rename(tmp, path, ec);
    if (ec) {
        if (why) *why = ec.message();
        fs::remove(tmp, ec);
        return false;
    }
    return true;
}

}  // namespace

std::string expected_path_for(const std::string& page) {
    fs::path p(page);
    if (p.extension() == ".gz") p.replace_extension();
    p.replace_extension();
    return p.string() + std::string(kExpectedSuffix);
}

bool is_page_name(const std::string& filename) {
    if (is_expected_file(filename)) return false;
    std::string name = filename;
    for (char& c : name)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (name.ends_with(".gz")) name.resize(name.size() - 3);
    for (std::string_view ext : {".txt", ".text", ".htm", ".html", ".xhtml", ".shtml"}) {
        if (name.size() > ext.size() && name.ends_with(ext)) return true;
    }
    return false;
}

std::vector<GoldenCase> find_golden_cases(const std::vector<std::string>& paths, bool with_new) {
    std::vector<GoldenCase> cases;
    for (const auto& path : paths) {
        std::error_code ec;
        if (fs::is_directory(path, ec)) {
            std::vector<GoldenCase> found;
            for (auto it = fs::recursive_directory_iterator(
                     path, fs::directory_options::skip_permission_denied, ec);
                 it != fs::recursive_directory_iterator(); it.increment(ec)) {
                if (ec) break;
                if (!it->is_regular_file(ec)) continue;
                const std::string name = it->path().filename().string();
                if (is_expected_file(name)) continue;
                const std::string page = it->path().string();
                const std::string expected = expected_path_for(page);
                if (fs::exists(expected, ec) || (with_new && is_page_name(name)))
                    found.push_back({page, expected});
            }
            std::sort(found.begin(), found.end(),
                      [](const auto& a, const auto& b) { return a.page < b.page; });
            cases.insert(cases.end(), found.begin(), found.end());
        } else {
            cases.push_back({path, expected_path_for(path)});
        }
    }
    return cases;
}

namespace {

// One case: compared, or its expected file written. Fills `r` (status, message, details).
void run_case(const GoldenCase& c, const CheckOptions& options,
              const std::vector<std::string>& ignore, CaseResult& r) {
    auto fail = [&](std::string message) {
        r.status = CaseStatus::Failed;
        r.message = std::move(message);
    };
    nlohmann::ordered_json actual;
    try {
        actual = to_json(extract_file(c.page, options.extract));
    } catch (const InputError& e) {
        return fail(e.what());
    }
    std::error_code ec;
    const bool exists = fs::exists(c.expected, ec);
    if (options.update || (options.new_only && !exists)) {
        if (!write_file_atomically(c.expected, dump_json(actual, true) + "\n"))
            return fail("cannot write " + c.expected);
        r.status = exists ? CaseStatus::Updated : CaseStatus::Created;
        return;
    }
    std::ifstream in(c.expected, std::ios::binary);
    if (!in) return fail("no expected file " + c.expected + " (run with --new-only to create it)");
    // Cut to kMaxCompareDepth while parsing: an article is four levels deep, and a deeper
    // file is refused before anything recursive (comparison, printing) can touch it.
    auto parsed = parse_json_to_depth<nlohmann::ordered_json>(in, kMaxCompareDepth);
    if (!parsed.error.empty()) return fail(c.expected + " is not valid JSON: " + parsed.error);
    if (parsed.cut) {
        return fail(c.expected + " is nested deeper than " + std::to_string(kMaxCompareDepth) +
                    " levels");
    }
    const auto differences = compare_json(parsed.value, actual, ignore);
    if (differences.empty()) return;
    fail(std::to_string(differences.size()) + " difference" + (differences.size() == 1 ? "" : "s") +
         " from " + c.expected);
    for (const auto& d : differences) {
        r.details += render_difference(d);
        if (!r.details.ends_with('\n')) r.details += '\n';
    }
}

}  // namespace

CheckSummary run_golden_check(const std::vector<GoldenCase>& cases, const CheckOptions& options,
                              std::ostream& report) {
    CheckSummary summary;
    std::vector<std::string> ignore = kAlwaysIgnored;
    ignore.insert(ignore.end(), options.ignore.begin(), options.ignore.end());

    for (const auto& c : cases) {
        CaseResult r;
        r.page = c.page;
        r.expected = c.expected;
        const auto started = std::chrono::steady_clock::now();
        run_case(c, options, ignore, r);
        r.seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        switch (r.status) {
            case CaseStatus::Passed:
                ++summary.passed;
                break;
            case CaseStatus::Created:
                report << "created " << c.expected << "\n";
                ++summary.created;
                ++summary.passed;
                break;
            case CaseStatus::Updated:
                report << "updated " << c.expected << "\n";
                ++summary.updated;
                ++summary.passed;
                break;
            case CaseStatus::Failed: {
                ++summary.failed;
                report << "FAIL " << c.page << ": " << r.message << "\n";
                std::istringstream lines(r.details);
                for (std::string line; std::getline(lines, line);)
                    report << "    " << line << "\n";
                break;
            }
        }
        summary.cases.push_back(std::move(r));
    }
    report << summary.passed << " passed, " << summary.failed << " failed";
    if (summary.created > 0) report << ", " << summary.created << " created";
    if (summary.updated > 0) report << ", " << summary.updated << " updated";
    report << "\n";
    return summary;
}

namespace {

// Text made fit for XML 1.0 content and attributes: markup characters escaped, characters XML
// cannot hold (controls other than tab and line breaks, U+FFFE, U+FFFF) as U+FFFD. The input is
// valid UTF-8 (reports are made of paths, JSON values and rendered text).
std::string xml_escape(std::string_view s, bool attribute) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        switch (c) {
            case '&':
                out += "&amp;";
                continue;
            case '<':
                out += "&lt;";
                continue;
            case '>':
                out += "&gt;";
                continue;
            case '"':
                out += attribute ? "&quot;" : "\"";
                continue;
            case '\n':
                out += attribute ? "&#10;" : "\n";
                continue;
            case '\t':
                out += attribute ? "&#9;" : "\t";
                continue;
            case '\r':
                out += "&#13;";
                continue;
            default:
                break;
        }
        if (c < 0x20 || c == 0x7F) {
            out += "\xEF\xBF\xBD";
        } else if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBF &&
                   (static_cast<unsigned char>(s[i + 2]) == 0xBE ||
                    static_cast<unsigned char>(s[i + 2]) == 0xBF)) {
            out += "\xEF\xBF\xBD";  // U+FFFE, U+FFFF
            i += 2;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

std::string seconds_text(double seconds) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", seconds);
    return buf;
}

}  // namespace

std::string junit_report(const CheckSummary& summary) {
    double total = 0;
    for (const auto& r : summary.cases)
        total += r.seconds;
    std::string out = R"(<?xml version="1.0" encoding="UTF-8"?>)";
    out += '\n';
    const std::string counts = R"( tests=")" + std::to_string(summary.cases.size()) +
                               R"(" failures=")" + std::to_string(summary.failed) +
                               R"(" errors="0" skipped="0" time=")" + seconds_text(total) + "\"";
    out += R"(<testsuites name="pressparse check")" + counts + ">\n";
    out += R"(  <testsuite name="pressparse check")" + counts + ">\n";
    for (const auto& r : summary.cases) {
        out += R"(    <testcase classname="pressparse.check" name=")" + xml_escape(r.page, true) +
               R"(" file=")" + xml_escape(r.page, true) + R"(" time=")" + seconds_text(r.seconds) +
               "\"";
        if (r.status != CaseStatus::Failed) {
            out += "/>\n";
            continue;
        }
        out += ">\n      <failure message=\"" + xml_escape(r.message, true) +
               R"(" type="difference">)" + xml_escape(r.message + "\n" + r.details, false) +
               "</failure>\n    </testcase>\n";
    }
    out += "  </testsuite>\n</testsuites>\n";
    return out;
}

std::string write_junit_report(const CheckSummary& summary, const std::string& path) {
    std::string why;
    if (write_file_atomically(path, junit_report(summary), &why)) return {};
    return batch::printable_path(path) + ": cannot write the JUnit report: " + why;
}

}  // namespace pressparse
