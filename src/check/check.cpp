#include "pressparse/check.hpp"

#include <algorithm>
#include <utility>
#include <vector>

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

// True when `value` nests arrays or objects deeper than kMaxCompareDepth (measured with a loop).
bool too_deep(const json& value) {
    std::vector<std::pair<const json*, std::size_t>> stack{{&value, 0}};
    while (!stack.empty()) {
        const auto [v, depth] = stack.back();
        stack.pop_back();
        if (!v->is_structured()) continue;
        if (depth >= kMaxCompareDepth) return true;
        for (const auto& child : *v)
            stack.emplace_back(&child, depth + 1);
    }
    return false;
}

// A value as JSON text for a report, or a note when it is too deep to print (dump() recurses
// once per level).
std::string printable(const json& value) {
    if (too_deep(value))
        return "(nested deeper than " + std::to_string(kMaxCompareDepth) + " levels)";
    return dump_json(value);
}

// One step of the comparison: two values to compare, or a value on one side only.
struct Step {
    const json* expected;  // nullptr: missing from the expected document
    const json* actual;    // nullptr: missing from the actual document
    std::string path;
    std::size_t depth;
};

// Depth first with an explicit stack, so the differences come in document order and no
// document, however deep, can exhaust the call stack. From kMaxCompareDepth down, values are
// compared whole, once too_deep() has shown that operator== cannot recurse far.
void compare(const json& expected, const json& actual, const std::vector<std::string>& ignore,
             std::vector<Difference>& out) {
    static const std::string kMissing = "(missing)";
    std::vector<Step> stack{{&expected, &actual, "", 0}};
    std::vector<Step> children;
    while (!stack.empty()) {
        Step step = std::move(stack.back());
        stack.pop_back();
        if (!step.expected || !step.actual) {
            out.push_back({step.path, step.expected ? printable(*step.expected) : kMissing,
                           step.actual ? printable(*step.actual) : kMissing});
            continue;
        }
        if (ignored(step.path, ignore)) continue;
        const json& e = *step.expected;
        const json& a = *step.actual;
        const bool same_container =
            (e.is_object() && a.is_object()) || (e.is_array() && a.is_array());
        if (!same_container || step.depth >= kMaxCompareDepth) {
            // operator== recurses, so a value too deep to print is one the check cannot vouch
            // for: a difference. Otherwise both sides are within the bound (or of different kinds,
            // which compare unequal at once).
            if (too_deep(e) || too_deep(a) || e != a) {
                const std::string& path = step.path.empty() ? "(document)" : step.path;
                out.push_back({path, printable(e), printable(a)});
            }
            continue;
        }
        children.clear();
        if (e.is_object()) {
            for (const auto& [key, value] : e.items()) {
                std::string child = join_key(step.path, key);
                if (ignored(child, ignore)) continue;
                const auto found = a.find(key);
                children.push_back({&value, found == a.end() ? nullptr : &*found, std::move(child),
                                    step.depth + 1});
            }
            for (const auto& [key, value] : a.items()) {
                std::string child = join_key(step.path, key);
                if (!e.contains(key) && !ignored(child, ignore))
                    children.push_back({nullptr, &value, std::move(child), step.depth + 1});
            }
        } else {
            const std::size_t n = std::max(e.size(), a.size());
            for (std::size_t i = 0; i < n; ++i) {
                children.push_back({i < e.size() ? &e[i] : nullptr, i < a.size() ? &a[i] : nullptr,
                                    step.path + "[" + std::to_string(i) + "]", step.depth + 1});
            }
        }
        for (auto it = children.rbegin(); it != children.rend(); ++it)
            stack.push_back(std::move(*it));
    }
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
    compare(expected, actual, ignore, out);
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
