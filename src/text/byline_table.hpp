// The byline words table (src/text/byline_words.txt) parsed at compile time: each entry's kind
// and words as views of the compiled-in lines, longer phrases first. Built at run time, the
// table cost a page's first byline about 94 K instructions (two hundred small vectors and a
// stable sort); here it is data in the binary. A test holds it to the run-time reading of the
// same lines on every entry.
#pragma once

#include <array>
#include <cstddef>
#include <span>
#include <string_view>

#include "pressparse/byline_words.hpp"

namespace pressparse::byline {

enum class Kind { Label, Noun, Link, DateWord };

// Most words in one entry (a longer line stops the build: kMaxEntryWords is raised then).
inline constexpr std::size_t kMaxEntryWords = 8;

struct Entry {
    Kind kind = Kind::Label;
    std::array<std::string_view, kMaxEntryWords> word{};
    std::size_t count = 0;  // words in `word`
    constexpr std::span<const std::string_view> words() const { return {word.data(), count}; }
};

// The next word of `text` from `i` on (words are split on spaces), `i` moved past it; empty
// when no word is left. The table's lines and a candidate byline are split alike.
constexpr std::string_view next_word(std::string_view text, std::size_t& i) {
    while (i < text.size() && text[i] == ' ')
        ++i;
    const std::size_t start = i;
    while (i < text.size() && text[i] != ' ')
        ++i;
    return text.substr(start, i - start);
}

namespace table_detail {

constexpr Kind kind_of(std::string_view kind) {
    return kind == "label"  ? Kind::Label
           : kind == "noun" ? Kind::Noun
           : kind == "link" ? Kind::Link
                            : Kind::DateWord;
}

// One line "KIND WORDS": its words split on spaces (CMake checked the form).
constexpr Entry parse(std::string_view line) {
    const std::size_t space = line.find(' ');
    Entry e;
    e.kind = kind_of(line.substr(0, space));
    const std::string_view text = line.substr(space + 1);
    std::size_t i = 0;
    for (std::string_view w = next_word(text, i); !w.empty(); w = next_word(text, i)) {
        if (e.count == kMaxEntryWords) throw "byline_words.txt: an entry of too many words";
        e.word[e.count++] = w;
    }
    return e;
}

constexpr auto build() {
    std::array<Entry, std::size(kBylineWords)> out{};
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = parse(kBylineWords[i]);
    // Longer phrases first, so that "posted by" is tried before "by"; stable (insertion sort),
    // so that entries of one length keep the file's order.
    for (std::size_t i = 1; i < out.size(); ++i) {
        const Entry e = out[i];
        std::size_t j = i;
        while (j > 0 && out[j - 1].count < e.count) {
            out[j] = out[j - 1];
            --j;
        }
        out[j] = e;
    }
    return out;
}

}  // namespace table_detail

// The table, in the order it is tried.
inline constexpr auto kBylineTable = table_detail::build();

}  // namespace pressparse::byline
