// Hints of the HTML extraction: the class/id and role tables that say what a container is likely
// to be, the tag predicates, and the text measure every stage counts with.
//
// Reads: the strings, tags and text it is handed. Writes: nothing; pure functions and constant
// tables. Must never: look at a node's neighbours or subtree (that is the stages' work), or turn a
// site's class name into a selector the extraction depends on: a class name here is a hint that
// adds to the generic rules, so a wrong guess degrades to the generic scorer.
#pragma once

#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pressparse::html::extract {

// Substrings of class/id that mark a container as unlikely to hold the article (Readability's).
inline constexpr auto kUnlikely = std::to_array<std::string_view>(
    {"-ad-",       "ai2html", "banner",    "breadcrumbs",  "combx",    "comment",  "community",
     "cover-wrap", "disqus",  "extra",     "footer",       "gdpr",     "header",   "legends",
     "menu",       "related", "remark",    "replies",      "rss",      "shoutbox", "sidebar",
     "skyscraper", "social",  "sponsor",   "supplemental", "ad-break", "agegate",  "pagination",
     "pager",      "popup",   "yom-remote"});
// …unless they also say this.
inline constexpr auto kMaybeCandidate = std::to_array<std::string_view>(
    {"and", "article", "body", "column", "content", "main", "mathjax", "shadow"});

inline constexpr auto kNegative = std::to_array<std::string_view>(
    {"-ad-",  "hidden",   "banner",  "combx",      "comment",  "com-",     "contact", "footer",
     "gdpr",  "masthead", "media",   "meta",       "outbrain", "promo",    "related", "scroll",
     "share", "shoutbox", "sidebar", "skyscraper", "sponsor",  "shopping", "tags",    "widget"});
inline constexpr auto kPositive = std::to_array<std::string_view>(
    {"article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "pagination",
     "post", "text", "blog", "story"});

// Whole class tokens that are never article text, whatever else the element says. Press.lv's
// own ad containers are among them (post-content-inner--ad-block, ads--banner).
inline constexpr auto kBoilerplateTokens =
    std::to_array<std::string_view>({"ad",
                                     "ads",
                                     "advert",
                                     "advertisement",
                                     "adsbygoogle",
                                     "ad-block",
                                     "ads--banner",
                                     "post-content-inner--ad-block",
                                     "banner",
                                     "cookie",
                                     "cookies",
                                     "cookie-banner",
                                     "cookie-notice",
                                     "consent",
                                     "newsletter",
                                     "subscribe",
                                     "subscription",
                                     "paywall",
                                     "share",
                                     "shares",
                                     "sharing",
                                     "share-buttons",
                                     "social-share",
                                     "social-links",
                                     "comments",
                                     "comment-list",
                                     "comments-area",
                                     "visually-hidden",
                                     "sr-only",
                                     "screen-reader-text"});

// Words that name boilerplate wherever they stand in a class token's parts (split at '-' and
// '_'): "wp-block-newsletter", "newsletter_signup", "ad-disclosure". Only words that never
// name an article's own parts; a token that states a condition ("has-", "no-", "is-") names
// none.
inline constexpr auto kBoilerplateParts = std::to_array<std::string_view>(
    {"newsletter", "newsletters", "subscribe", "subscription", "cookie", "cookies", "consent",
     "advertisement", "adsbygoogle", "disclaimer", "disclosure"});

// The boilerplate tokens that name a comment section.
inline constexpr auto kCommentTokens =
    std::to_array<std::string_view>({"comments", "comment-list", "comments-area"});

// Class/id substrings of teaser lists ("read also", "related", "more news").
inline constexpr auto kTeaserHints = std::to_array<std::string_view>(
    {"related", "teaser", "more-news", "more-stories", "read-also", "readalso", "also-read",
     "recommend", "popular", "similar", "see-also", "more-articles", "latest-news"});

inline constexpr auto kUnlikelyRoles = std::to_array<std::string_view>(
    {"menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog"});

inline constexpr auto kCreditHints = std::to_array<std::string_view>(
    {"credit", "copyright", "photographer", "photo-source", "image-source", "author", "source"});

// True when `s` contains one of the table's strings. One pass over `s`: only where a byte is
// the first byte of some string of the table are the strings compared (a search per string was
// most of pass 1's own time: a class list is short, the tables are long).
bool contains_any(std::string_view s, auto const& table) {
    std::array<std::uint64_t, 4> first{};  // the first bytes of the table's strings
    for (std::string_view t : table) {
        if (t.empty()) return true;  // found anywhere, as find("") finds it
        const auto b = static_cast<unsigned char>(t[0]);
        first[b >> 6] |= std::uint64_t{1} << (b & 63u);
    }
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto b = static_cast<unsigned char>(s[i]);
        if (((first[b >> 6] >> (b & 63u)) & 1u) == 0) continue;
        const std::string_view rest = s.substr(i);
        for (std::string_view t : table) {
            if (t[0] == s[i] && rest.starts_with(t)) return true;
        }
    }
    return false;
}

// The same for one of the tables above, with its strings sorted by first byte once: at each
// byte of `s` only the strings that begin with it are compared (pass 1 asks this of every
// element's class and id, for tables of up to 31 strings).
template <const auto& Table>
bool contains_any_of(std::string_view s) {
    struct Index {
        std::array<std::vector<std::string_view>, 256> by_first;
        bool has_empty = false;
    };
    static const Index index = [] {
        Index out;
        for (std::string_view t : Table) {
            if (t.empty()) {
                out.has_empty = true;
            } else {
                out.by_first[static_cast<unsigned char>(t[0])].push_back(t);
            }
        }
        return out;
    }();
    if (index.has_empty) return true;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const std::string_view rest = s.substr(i);
        for (std::string_view t : index.by_first[static_cast<unsigned char>(s[i])]) {
            if (rest.starts_with(t)) return true;
        }
    }
    return false;
}

// True when `pred` holds for one of the space-separated tokens of a class list.
bool any_class_token(std::string_view cls, auto const& pred) {
    std::size_t i = 0;
    while (i < cls.size()) {
        while (i < cls.size() && cls[i] == ' ')
            ++i;
        const std::size_t start = i;
        while (i < cls.size() && cls[i] != ' ')
            ++i;
        if (i > start && pred(cls.substr(start, i - start))) return true;
    }
    return false;
}

// True when one of the space-separated tokens of a lower-cased class list is in the table.
bool has_class_token(std::string_view cls_lower, auto const& table) {
    return any_class_token(cls_lower, [&](std::string_view token) {
        return std::find(table.begin(), table.end(), token) != table.end();
    });
}

// True when one of the class tokens of `cls_lower` has a part (between '-' and '_') in `table`;
// a token whose first part states a condition ("has-", "no-", "is-") has none.
bool has_class_part(std::string_view cls_lower, auto const& table) {
    static constexpr std::string_view kStates[] = {"has", "no", "is", "not", "with", "without"};
    auto is_sep = [](char c) { return c == '-' || c == '_'; };
    return any_class_token(cls_lower, [&](std::string_view token) {
        for (std::size_t j = 0, index = 0; j < token.size(); ++index) {
            while (j < token.size() && is_sep(token[j]))
                ++j;
            const std::size_t from = j;
            while (j < token.size() && !is_sep(token[j]))
                ++j;
            const std::string_view part = token.substr(from, j - from);
            if (part.empty()) return false;
            if (index == 0 &&
                std::find(std::begin(kStates), std::end(kStates), part) != std::end(kStates))
                return false;
            if (std::find(table.begin(), table.end(), part) != table.end()) return true;
        }
        return false;
    });
}

std::string lower_ascii(std::string_view s);

// An itemprop that marks a recipe's ingredient (schema.org "recipeIngredient", or the older
// "ingredients"): one line of the recipe, never a teaser, wherever the page puts it.
bool is_ingredient_prop(std::string_view itemprop);

inline bool is_heading(GumboTag t) {
    return t >= GUMBO_TAG_H1 && t <= GUMBO_TAG_H6;
}

// Never content, whatever their attributes.
bool is_dropped_tag(GumboTag t);

// Elements that make a <div> more than a paragraph.
bool is_div_to_p_blocker(GumboTag t);

// Whether the character at byte `at` of `s` is a letter or a digit, as u_isalnum says (an ASCII
// byte without ICU: there it is exactly [0-9A-Za-z]).
bool alnum_at(std::string_view s, std::size_t at);

// Moves `at` past the character there (unicode::next_code_point; an ASCII byte in line).
void next_character(std::string_view s, std::size_t& at);

struct TextStats {
    float length = 0;  // characters, a run of white space counting one, leading white space none
    std::uint32_t commas = 0;  // commas of any script
};

TextStats measure(std::string_view text);

}  // namespace pressparse::html::extract
