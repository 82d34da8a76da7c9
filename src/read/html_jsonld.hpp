// JSON-LD as the metadata reads it: the first article object a block states (NewsArticle,
// Article, BlogPosting, … at its top, in its @graph or as its mainEntity; a WebPage only when no
// article is stated), the dates any object of the graph states, and a recipe's ingredients and
// steps. Every walk is iterative and bounded (kMaxJsonLdDepth levels, a fixed number of values),
// whatever the page states. Strings come back with their character references decoded (the
// parser never decodes a script's text) and white space folded.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pressparse/html_reader.hpp"

namespace pressparse::html {

// What one JSON-LD block states.
struct JsonLd {
    std::optional<std::string> name, headline, date, author, publisher, url, language, section;
    std::optional<std::string> body;  // articleBody, line breaks kept
    std::optional<std::string> modified;
    // datePublished of any other object of the graph (a WebPage holding the article's date).
    std::optional<std::string> graph_date;
    std::optional<std::string> description, image;
    std::vector<std::string> keywords;
    bool article = false;  // an article object was found (not only dates of the graph)
    bool webpage = false;  // …and it is a WebPage, which a later block's article outranks
};

// The block `raw` (comment and CDATA markers around the JSON dropped), or nothing when it is not
// JSON or states neither an article nor a date. `cut` is set when the block was nested deeper
// than kMaxJsonLdDepth and cut there.
std::optional<JsonLd> parse_json_ld(std::string_view raw, bool& cut);

// The first JSON-LD object of `raw` stating recipeIngredient (at the top, in its @graph or as
// its mainEntity): its ingredients and its steps
// (recipeInstructions: "text" | ["text", …] | [{"@type": "HowToStep", "text": …}, …] |
// [{"@type": "HowToSection", "itemListElement": [steps]}, …]), in order. False when `raw`
// states no recipe.
bool read_recipe(std::string_view raw, Metadata& meta);

}  // namespace pressparse::html
