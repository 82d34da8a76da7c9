// The HTML pages on hand, for tests that hold a fast path or the pre-pass to a plain reading on
// every real page: the fixtures in data/, then every `every`-th page (in sorted order) of html/,
// web/ and dates/ in the shared data when it is there.
#pragma once

#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace pressparse::html::test {

inline std::vector<std::filesystem::path> html_pages_on_hand(std::size_t every) {
    namespace fs = std::filesystem;
    std::vector<fs::path> pages;
    auto add_tree = [&](const fs::path& dir, std::size_t step) {
        if (!fs::is_directory(dir)) return;
        std::vector<fs::path> found;
        for (const auto& e : fs::recursive_directory_iterator(dir)) {
            const std::string name = e.path().filename().string();
            if (e.is_regular_file() &&
                (name.ends_with(".html") || name.ends_with(".html.gz") || name.ends_with(".htm")))
                found.push_back(e.path());
        }
        std::sort(found.begin(), found.end());
        for (std::size_t k = 0; k < found.size(); k += step)
            pages.push_back(found[k]);
    };
    add_tree(fs::path(PRESSPARSE_SOURCE_DIR) / "data", 1);
    const fs::path shared = PRESSPARSE_SHARED_DATA;
    for (const char* set : {"html", "web", "dates"})
        add_tree(shared / set, every);
    return pages;
}

}  // namespace pressparse::html::test
