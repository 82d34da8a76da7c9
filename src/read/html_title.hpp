// The page's title: the headline a <title> holds once the site's name is taken off, and the
// heading on the page that prints it. Words are compared as Readability compares them
// (lower-cased runs of letters and digits, weighed by their length).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "html_dom.hpp"

namespace pressparse::html {

// The heading that states the page's title `title`: the first <h1> or <h2>, in document order,
// whose words and the title's each cover more than 0.75 of the other's, or which is the title
// with the site's name around it (a stated title often carries it, the printed headline never).
// kNoNode when none does. The date readers, the <article> the page itself names and the
// boilerplate pass (the heading left out of the body, the header around it) all start from it.
NodeId find_title_heading(const Document& doc, std::string_view title);

// `heading` when `title` is that heading with the site's name before or after it, set off by a
// separator (" - ", " | ", " – ", " — ", " · ", " :: ", " » ") and shorter than the heading.
std::optional<std::string> without_site_name(std::string_view title, std::string_view heading);

// The headline in a <title>, read as Readability reads it: a site name after the last separator
// (" | ", " - ", " – ", " — ", " / ", " > ", " » ") is dropped unless that leaves four words or
// fewer; a "Site: Headline" keeps what follows the colon unless a heading prints the whole; a title
// too short or too long gives way to the page's only <h1>. `printed_as_heading(text)` says whether
// one of the page's first h1/h2 headings prints `text`.
std::string article_title(std::string_view title,
                          const std::function<bool(std::string_view)>& printed_as_heading,
                          int h1_count, std::string_view only_h1);

// How much of `b`'s words also occur in `a` (0..1), over lower-cased letter/digit words.
double text_similarity(std::string_view a, std::string_view b);

// One text's words, read once, for comparing it with many others in time linear in the others
// (a page's title against each of its headings).
class SimilarityText {
  public:
    explicit SimilarityText(std::string_view text);
    // text_similarity(this text, b) and text_similarity(a, this text).
    double covering(std::string_view b) const;
    double covered_by(std::string_view a) const;

  private:
    struct Word {
        std::size_t count = 0;  // occurrences in the text
        std::size_t bytes = 0;  // the word's length
    };
    std::unordered_map<std::string, Word> words_;
    std::size_t count_ = 0;        // words in the text
    std::size_t joined_plus_ = 0;  // sum of (length + 1) over them
};

}  // namespace pressparse::html
