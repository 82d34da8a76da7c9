#include "pressparse/golden.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

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

bool write_file_atomically(const std::string& path, const std::string& content) {
    const std::string tmp = path + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << content;
        if (!out.flush()) return false;
    }
    std::error_code ec;
    fs::rename(tmp, path, ec);
    return !ec;
}

}  // namespace

std::string expected_path_for(const std::string& page) {
    fs::path p(page);
    if (p.extension() == ".gz") p.replace_extension();
    p.replace_extension();
    return p.string() + std::string(kExpectedSuffix);
}

std::vector<GoldenCase> find_golden_cases(const std::vector<std::string>& paths) {
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
                const std::string page = it->path().string();
                if (is_expected_file(it->path().filename().string())) continue;
                const std::string expected = expected_path_for(page);
                if (fs::exists(expected, ec)) found.push_back({page, expected});
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

CheckSummary run_golden_check(const std::vector<GoldenCase>& cases, const CheckOptions& options,
                              std::ostream& report) {
    CheckSummary summary;
    std::vector<std::string> ignore = kAlwaysIgnored;
    ignore.insert(ignore.end(), options.ignore.begin(), options.ignore.end());

    for (const auto& c : cases) {
        nlohmann::ordered_json actual;
        try {
            actual = to_json(extract_file(c.page, options.extract));
        } catch (const InputError& e) {
            report << "FAIL " << c.page << ": " << e.what() << "\n";
            ++summary.failed;
            continue;
        }
        if (options.update) {
            if (write_file_atomically(c.expected, dump_json(actual, true) + "\n")) {
                report << "updated " << c.expected << "\n";
                ++summary.updated;
                ++summary.passed;
            } else {
                report << "FAIL " << c.page << ": cannot write " << c.expected << "\n";
                ++summary.failed;
            }
            continue;
        }
        std::ifstream in(c.expected, std::ios::binary);
        if (!in) {
            report << "FAIL " << c.page << ": no expected file " << c.expected
                   << " (run with --update to create it)\n";
            ++summary.failed;
            continue;
        }
        // Cut to kMaxCompareDepth while parsing: an article is four levels deep, and a deeper
        // file is refused before anything recursive (comparison, printing) can touch it.
        auto parsed = parse_json_to_depth<nlohmann::ordered_json>(in, kMaxCompareDepth);
        if (!parsed.error.empty()) {
            report << "FAIL " << c.page << ": " << c.expected
                   << " is not valid JSON: " << parsed.error << "\n";
            ++summary.failed;
            continue;
        }
        if (parsed.cut) {
            report << "FAIL " << c.page << ": " << c.expected << " is nested deeper than "
                   << kMaxCompareDepth << " levels\n";
            ++summary.failed;
            continue;
        }
        const auto differences = compare_json(parsed.value, actual, ignore);
        if (differences.empty()) {
            ++summary.passed;
            continue;
        }
        ++summary.failed;
        report << "FAIL " << c.page << ": " << differences.size() << " difference"
               << (differences.size() == 1 ? "" : "s") << " from " << c.expected << "\n";
        for (const auto& d : differences) {
            std::istringstream lines(render_difference(d));
            for (std::string line; std::getline(lines, line);)
                report << "    " << line << "\n";
        }
    }
    report << summary.passed << " passed, " << summary.failed << " failed\n";
    return summary;
}

}  // namespace pressparse
