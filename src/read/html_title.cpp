// The page's title and the heading that prints it (see html_title.hpp).
#include "html_title.hpp"

#include <unordered_set>

#include "pressparse/unicode.hpp"

namespace pressparse::html {

namespace {

// Lower-cased words made of letters and digits.
std::vector<std::string> words(std::string_view text) {
    std::vector<std::string> out;
    std::string lower = unicode::to_lower(text);
    std::string current;
    for (std::size_t i = 0; i < lower.size();) {
        const std::size_t start = i;
        const char32_t c = unicode::next_code_point(lower, i);
        const bool word_char = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
                               (c > 0x7F && c != 0xA0 && c != 0x2014 && c != 0x2013 && c != 0xAB &&
                                c != 0xBB && c != 0x201C && c != 0x201D && c != 0x2019);
        if (word_char) {
            current.append(lower, start, i - start);
        } else if (!current.empty()) {
            out.push_back(std::move(current));
            current.clear();
        }
    }
    if (!current.empty()) out.push_back(std::move(current));
    return out;
}

std::size_t joined_length(const std::vector<std::string>& ws) {
    std::size_t n = 0;
    for (const auto& w : ws)
        n += w.size() + 1;
    return n == 0 ? 0 : n - 1;
}

}  // namespace

double text_similarity(std::string_view a, std::string_view b) {
    const auto wa = words(a);
    const auto wb = words(b);
    if (wa.empty() || wb.empty()) return 0;
    const std::unordered_set<std::string> in_a(wa.begin(), wa.end());
    std::vector<std::string> unique_b;
    for (const auto& w : wb) {
        if (!in_a.contains(w)) unique_b.push_back(w);
    }
    return 1.0 -
           static_cast<double>(joined_length(unique_b)) / static_cast<double>(joined_length(wb));
}

SimilarityText::SimilarityText(std::string_view text) {
    for (auto& w : words(text)) {
        ++count_;
        joined_plus_ += w.size() + 1;
        const std::size_t bytes = w.size();
        Word& entry = words_[std::move(w)];
        ++entry.count;
        entry.bytes = bytes;
    }
}

double SimilarityText::covering(std::string_view b) const {
    const auto wb = words(b);
    if (count_ == 0 || wb.empty()) return 0;
    std::size_t unique_plus = 0, unique = 0;
    for (const auto& w : wb) {
        if (!words_.contains(w)) {
            unique_plus += w.size() + 1;
            ++unique;
        }
    }
    const std::size_t unique_len = unique == 0 ? 0 : unique_plus - 1;
    return 1.0 - static_cast<double>(unique_len) / static_cast<double>(joined_length(wb));
}

double SimilarityText::covered_by(std::string_view a) const {
    const auto wa = words(a);
    if (count_ == 0 || wa.empty()) return 0;
    const std::unordered_set<std::string> in_a(wa.begin(), wa.end());
    // This text's words that `a` lacks, counted from the ones it has: time in |a| only.
    std::size_t shared_plus = 0, shared = 0;
    for (const auto& w : in_a) {
        if (const auto it = words_.find(w); it != words_.end()) {
            shared_plus += it->second.count * (it->second.bytes + 1);
            shared += it->second.count;
        }
    }
    const std::size_t unique_len = shared == count_ ? 0 : joined_plus_ - shared_plus - 1;
    return 1.0 - static_cast<double>(unique_len) / static_cast<double>(joined_plus_ - 1);
}

// `heading` when `title` is `heading`, a separator (" - ", " | ", " – ", " — ", " · ", " :: ",
// " » ") and a shorter rest, or that rest, a separator and `heading`; else nothing.
std::optional<std::string> without_site_name(std::string_view title, std::string_view heading) {
    static constexpr std::string_view kSeparators[] = {
        " - ", " | ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " \xC2\xB7 ", " :: ", " \xC2\xBB "};
    if (heading.empty() || heading.size() >= title.size()) return std::nullopt;
    for (const std::string_view sep : kSeparators) {
        if (title.starts_with(heading) && title.substr(heading.size()).starts_with(sep) &&
            title.size() - heading.size() - sep.size() < heading.size())
            return std::string(heading);
        if (title.ends_with(heading) &&
            title.substr(0, title.size() - heading.size()).ends_with(sep) &&
            title.size() - heading.size() - sep.size() < heading.size())
            return std::string(heading);
    }
    return std::nullopt;
}

std::string article_title(std::string_view title_in,
                          const std::function<bool(std::string_view)>& printed_as_heading,
                          int h1_count, std::string_view only_h1) {
    // Readability's reading of <title>: drop a site name after the last separator (or before the
    // first, when that leaves too little), or what precedes a colon; fall back to the whole.
    const std::string orig = unicode::fold_whitespace(title_in);
    std::string cur = orig;
    auto wc = [](std::string_view s) {
        // JavaScript's str.split(/\s+/).length: empty edges count as words.
        if (s.empty()) return 1;
        int n = 1;
        bool in_space = false;
        for (char c : s) {
            const bool space = c == ' ';
            if (space && !in_space) ++n;
            in_space = space;
        }
        return n;
    };
    auto is_sep = [](std::string_view s, std::size_t i, std::size_t& len) {
        // " | ", " - ", " – ", " — ", " \\ ", " / ", " > ", " » "
        if (i + 2 >= s.size() || s[i] != ' ') return false;
        if (s.compare(i + 1, 2, "\xC2\xBB") == 0 && i + 3 < s.size() && s[i + 3] == ' ') {
            len = 4;
            return true;
        }
        if ((s.compare(i + 1, 3, "\xE2\x80\x93") == 0 ||
             s.compare(i + 1, 3, "\xE2\x80\x94") == 0) &&
            i + 4 < s.size() && s[i + 4] == ' ') {
            len = 5;
            return true;
        }
        const char c = s[i + 1];
        if ((c == '|' || c == '-' || c == '\\' || c == '/' || c == '>') && s[i + 2] == ' ') {
            len = 3;
            return true;
        }
        return false;
    };
    auto sep_char = [](std::string_view s, std::size_t i, std::size_t& len) {
        if (s.compare(i, 2, "\xC2\xBB") == 0) {
            len = 2;
            return true;
        }
        if (s.compare(i, 3, "\xE2\x80\x93") == 0 || s.compare(i, 3, "\xE2\x80\x94") == 0) {
            len = 3;
            return true;
        }
        const char c = s[i];
        len = 1;
        return c == '|' || c == '-' || c == '\\' || c == '/' || c == '>';
    };
    bool hierarchical = false;
    std::size_t last_sep = std::string::npos;
    for (std::size_t i = 0, len = 0; i < orig.size(); ++i) {
        if (is_sep(orig, i, len)) {
            last_sep = i;
            const char c = orig[i + 1];
            if (c != '|' && c != '-' && len != 5) hierarchical = true;  // dashes are not
        }
    }
    if (last_sep != std::string::npos) {
        cur = orig.substr(0, last_sep);
        if (wc(cur) < 3) {
            // Remove the first part instead: everything up to and including the first separator
            // char.
            std::size_t i = 0, len = 0;
            while (i < orig.size() && !sep_char(orig, i, len))
                ++i;
            cur = i < orig.size() ? orig.substr(i + len) : orig;
        }
    } else if (orig.find(": ") != std::string::npos) {
        const bool match = printed_as_heading(orig);
        if (!match) {
            cur = orig.substr(orig.rfind(':') + 1);
            if (wc(unicode::trim(cur)) < 3) {
                cur = orig.substr(orig.find(':') + 1);
            } else if (wc(orig.substr(0, orig.find(':'))) > 5) {
                cur = orig;
            }
        }
    } else if (unicode::count_characters(orig) > 150 || unicode::count_characters(orig) < 15) {
        if (h1_count == 1) cur = std::string(only_h1);
    }
    cur = unicode::fold_whitespace(cur);
    const int cur_words = wc(cur);
    if (cur_words <= 4) {
        std::string stripped;
        for (std::size_t i = 0, len = 0; i < orig.size();) {
            if (sep_char(orig, i, len)) {
                i += len;
                continue;
            }
            stripped += orig[i++];
        }
        // split(/\s+/) of the stripped title: runs of spaces are one separator.
        const std::string folded = unicode::fold_whitespace(stripped);
        int orig_words = wc(folded);
        if (!stripped.empty() && stripped.front() == ' ') ++orig_words;
        if (!stripped.empty() && stripped.back() == ' ') ++orig_words;
        if (!hierarchical || cur_words != orig_words - 1) cur = orig;
    }
    return cur;
}

NodeId find_title_heading(const Document& doc, std::string_view title) {
    if (title.empty()) return kNoNode;
    const SimilarityText words(title);
    for (NodeId id = 0; id < doc.nodes().size(); ++id) {
        const Node& node = doc.node(id);
        if (node.kind != Node::Kind::Element ||
            (node.tag != GUMBO_TAG_H1 && node.tag != GUMBO_TAG_H2))
            continue;
        const std::string heading = unicode::fold_whitespace(doc.text(id));
        if (heading.empty()) continue;
        if ((words.covering(heading) > 0.75 && words.covered_by(heading) > 0.75) ||
            without_site_name(title, heading))
            return id;
    }
    return kNoNode;
}

}  // namespace pressparse::html
