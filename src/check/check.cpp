#include "pressparse/check.hpp"

#include <algorithm>

#include "pressparse/json_writer.hpp"
#include "pressparse/unicode.hpp"

namespace pressparse {

namespace {

using json = nlohmann::ordered_json;

bool ignored(const std::string& path, const std::vector<std::string>& ignore) {
    return std::any_of(ignore.begin(), ignore.end(), [&](const std::string& prefix) {
        return path == prefix || (path.rfind(prefix, 0) == 0 &&
                                  (path[prefix.size()] == '.' || path[prefix.size()] == '['));
    });
}

std::string join_key(const std::string& base, const std::string& key) {
    return base.empty() ? key : base + "." + key;
}

void compare(const json& expected, const json& actual, const std::string& path,
             const std::vector<std::string>& ignore, std::vector<Difference>& out) {
    if (ignored(path, ignore)) return;
    if (expected.is_object() && actual.is_object()) {
        for (const auto& [key, value] : expected.items()) {
            const std::string child = join_key(path, key);
            if (ignored(child, ignore)) continue;
            if (!actual.contains(key)) {
                out.push_back({child, dump_json(value), "(missing)"});
            } else {
                compare(value, actual.at(key), child, ignore, out);
            }
        }
        for (const auto& [key, value] : actual.items()) {
            const std::string child = join_key(path, key);
            if (!expected.contains(key) && !ignored(child, ignore))
                out.push_back({child, "(missing)", dump_json(value)});
        }
        return;
    }
    if (expected.is_array() && actual.is_array()) {
        const std::size_t n = std::max(expected.size(), actual.size());
        for (std::size_t i = 0; i < n; ++i) {
            const std::string child = path + "[" + std::to_string(i) + "]";
            if (i >= actual.size()) {
                out.push_back({child, dump_json(expected[i]), "(missing)"});
            } else if (i >= expected.size()) {
                out.push_back({child, "(missing)", dump_json(actual[i])});
            } else {
                compare(expected[i], actual[i], child, ignore, out);
            }
        }
        return;
    }
    if (expected != actual)
        out.push_back({path.empty() ? "(document)" : path, dump_json(expected), dump_json(actual)});
}

// Code points of a UTF-8 string, for aligning a caret under the first difference.
std::vector<std::string_view> code_points(std::string_view s) {
    std::vector<std::string_view> out;
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t start = i;
        unicode::next_code_point(s, i);
        out.push_back(s.substr(start, i - start));
    }
    return out;
}

}  // namespace

std::vector<Difference> compare_json(const json& expected, const json& actual,
                                     const std::vector<std::string>& ignore) {
    std::vector<Difference> out;
    compare(expected, actual, "", ignore, out);
    return out;
}

std::string render_difference(const Difference& d) {
    const auto e = code_points(d.expected);
    const auto a = code_points(d.actual);
    std::size_t first = 0;
    while (first < e.size() && first < a.size() && e[first] == a[first])
        ++first;

    // Show a window around the difference so long paragraphs stay readable.
    constexpr std::size_t kBefore = 30, kAfter = 50;
    const std::size_t from = first > kBefore ? first - kBefore : 0;
    auto window = [&](const std::vector<std::string_view>& cps) {
        std::string s = from > 0 ? "…" : "";
        const std::size_t to = std::min(cps.size(), first + kAfter);
        for (std::size_t i = from; i < to; ++i)
            s.append(cps[i]);
        if (to < cps.size()) s += "…";
        return s;
    };
    std::string out = d.path + ":\n";
    out += "  expected: " + window(e) + "\n";
    out += "  actual:   " + window(a) + "\n";
    const bool both_strings = !d.expected.empty() && d.expected.front() == '"' &&
                              !d.actual.empty() && d.actual.front() == '"';
    if (both_strings) {
        out += std::string(12 + (first - from) + (from > 0 ? 1 : 0), ' ') +
               "^ first difference at character " + std::to_string(first > 0 ? first - 1 : 0) +
               " of the text\n";
    }
    return out;
}

}  // namespace pressparse
