// The HTML reader: a saved page (browser "Save as", wget, curl, web archive) to the same block
// sequence the text reader produces, plus the page's metadata on the side. It drops what is
// never content (scripts, navigation, hidden elements, ads, share bars, comment widgets, cookie
// banners), scores what remains to find the article (text and link density, paragraphs and
// commas, class/id hints), and turns it into blocks carrying hints (heading level, list item,
// quote, caption, credit, teaser). The reader comment thread is taken aside, never into the
// blocks. Roles are still the segmenter's to decide.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pressparse/article.hpp"
#include "pressparse/blocks.hpp"

namespace pressparse {

// Metadata a page states about itself, each field from the best source that has it.
struct Metadata {
    std::optional<std::string> title;
    std::optional<std::string> byline;
    // A user name the metadata gives as the author ("devindra"), kept apart: the visible byline
    // comes first.
    std::optional<std::string> byline_handle;
    std::optional<std::string> date_text;  // as stated (e.g. "2015-07-24T05:36:09+01:00")
    std::optional<DateSource> date_source;
    // When a stamp one day off the day the page prints gave way: that day, or the stamp's UTC
    // instant written at an offset that falls on it ("2018-06-13T00:00:00+01:00").
    std::optional<std::string> printed_day;
    std::optional<std::string> date_modified;  // as stated
    // A date printed for people (a date element, the address, a line under the headline), for
    // when neither the metadata nor the visible byline gives one.
    std::optional<std::string> fallback_date_text;
    std::optional<DateSource> fallback_date_source;
    std::optional<std::string> fallback_day;    // YYYY-MM-DD
    std::optional<std::string> url;             // canonical link, og:url or JSON-LD url
    std::optional<std::string> site_name;       // og:site_name or JSON-LD publisher
    std::optional<std::string> language;        // <html lang>, JSON-LD inLanguage, og:locale
    std::optional<std::string> category;        // article:section, JSON-LD articleSection
    std::optional<std::string> description;     // JSON-LD description, dc/og/meta description
    std::optional<std::string> image;           // JSON-LD image, og:image, twitter:image
    std::vector<std::string> tags;              // article:tag, JSON-LD keywords, rel=tag links
    std::optional<std::string> base;            // <base href> as written
    std::optional<std::string> document_title;  // <title> as printed
    // JSON-LD articleBody of the article node, as stated (line breaks kept); the body when the
    // markup gives only a stub of it.
    std::optional<std::string> article_body;
    // A JSON-LD Recipe's ingredients (recipeIngredient) and steps (recipeInstructions: text,
    // HowToStep and HowToSection items), as stated, white space folded; added to the body when
    // the markup prints few of them (scripts fill them in).
    std::vector<std::string> recipe_ingredients;
    std::vector<std::string> recipe_steps;
};

struct HtmlPage {
    Blocks blocks;
    Metadata meta;
    std::vector<ReaderComment> comments;  // the reader comment thread, never in `blocks`
    std::vector<std::string> warnings;
};

// Deepest nesting of JSON-LD arrays and objects read: schema.org metadata needs a handful of
// levels; deeper values are left out, with the page warning "JSON-LD nested deeper than 64
// levels was cut", so no walk over what a page states can exhaust the stack.
inline constexpr std::size_t kMaxJsonLdDepth = 64;

struct HtmlOptions {
    // Script and style bodies emptied before parsing, for speed. Turned off only to prove that
    // it changes nothing (the Article is the same either way).
    bool prepass = true;
};

// Reads UTF-8 HTML. Never throws for bad markup.
HtmlPage read_html(std::string_view utf8, const HtmlOptions& options = {});

// The charset a page declares in its first 1024 bytes (<meta charset>, or http-equiv
// Content-Type), by the label as written, or nullopt. The first label of the WHATWG Encoding
// Standard wins (x-user-defined read as windows-1252, as the HTML standard's pre-scan reads
// it); a label outside the standard is returned only when no <meta> gives a known one.
std::optional<std::string> prescan_charset(std::string_view bytes);

// A charset declared by a <meta> past the pre-scan's 1024 bytes, in the head (before "<body",
// within the first 64 KiB), read as prescan_charset reads one; nullopt when none. The HTML
// standard's parser changes to it when it meets it with the encoding only guessed (a page that
// opens with a long script before its <meta charset>), so it is the page's declaration.
std::optional<std::string> late_charset(std::string_view bytes);

}  // namespace pressparse
