// The HTML extraction's fast forms held to their plain ones: each answer the fast form gives is
// compared with the obvious reading it replaced, over every byte value, every position of a
// chunk boundary and strings of mixed scripts, white space and punctuation.
#include <gtest/gtest.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "pages_on_hand.hpp"
#include "pressparse/dates.hpp"
#include "pressparse/load.hpp"
#include "pressparse/unicode.hpp"
#include "read/html_dom.hpp"
#include "read/html_extraction.hpp"
#include "read/html_hints.hpp"
#include "read/html_metadata.hpp"
#include "read_page.hpp"

using namespace pressparse;
using namespace pressparse::html;
using namespace pressparse::html::extract;

namespace {

// measure() as it was written before it read sixteen bytes at a time: a character at a time,
// counting into a float.
TextStats plain_measure(std::string_view text) {
    auto is_comma = [](char32_t c) {
        return c == ',' || c == 0x060C || c == 0xFE50 || c == 0xFE10 || c == 0xFE11 ||
               c == 0x2E41 || c == 0x2E34 || c == 0x2E32 || c == 0xFF0C;
    };
    TextStats s;
    bool in_space = true;
    for (std::size_t i = 0; i < text.size();) {
        const auto byte = static_cast<unsigned char>(text[i]);
        char32_t c;
        if (byte < 0x80) {
            c = byte;
            ++i;
        } else {
            c = unicode::next_code_point(text, i);
        }
        const bool space =
            c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == 0xA0 || c == '\f';
        if (space) {
            if (!in_space) s.length += 1;
            in_space = true;
            continue;
        }
        in_space = false;
        s.length += 1;
        if (is_comma(c)) ++s.commas;
    }
    return s;
}

void expect_same_measure(const std::string& text) {
    const TextStats fast = measure(text);
    const TextStats plain = plain_measure(text);
    EXPECT_EQ(fast.length, plain.length) << "text of " << text.size() << " bytes";
    EXPECT_EQ(fast.commas, plain.commas) << "text of " << text.size() << " bytes";
}

// Pieces the random texts are made of: every kind of byte the measure tells apart.
const std::vector<std::string> kPieces = {"a",
                                          "Z",
                                          "7",
                                          " ",
                                          "  ",
                                          "\n",
                                          "\t",
                                          "\r",
                                          "\f",
                                          "\v",
                                          ",",
                                          ",,",
                                          ".",
                                          "\x01",
                                          "\x7f",
                                          "\xC2\xA0",          // no-break space
                                          "\xD8\x8C",          // Arabic comma
                                          "\xEF\xBC\x8C",      // fullwidth comma
                                          "\xD0\x96",          // Cyrillic letter
                                          "\xE4\xB8\xAD",      // CJK ideograph
                                          "\xF0\x9F\x98\x80",  // emoji
                                          "\x80",
                                          "\xC3",
                                          "\xE2\x82",
                                          "\xFF",  // invalid UTF-8
                                          "word",
                                          "The quick brown fox, ",
                                          "sixteen bytes!!!"};

}  // namespace

TEST(HtmlFastPaths, MeasureAgreesWithThePlainReadingOnEveryByte) {
    for (int b = 0; b < 256; ++b) {
        for (std::size_t at = 0; at < 40; ++at) {
            std::string text(40, 'x');
            text[at] = static_cast<char>(b);
            expect_same_measure(text);
            std::string spaced(40, ' ');
            spaced[at] = static_cast<char>(b);
            expect_same_measure(spaced);
        }
    }
}

TEST(HtmlFastPaths, MeasureAgreesWithThePlainReadingOnMixedText) {
    std::mt19937 rng(14);
    std::uniform_int_distribution<std::size_t> pick(0, kPieces.size() - 1);
    std::uniform_int_distribution<int> count(0, 60);
    for (int round = 0; round < 4000; ++round) {
        std::string text;
        for (int k = count(rng); k > 0; --k)
            text += kPieces[pick(rng)];
        expect_same_measure(text);
        // Every offset into the text, so that chunks start at every position of a character.
        if (round % 40 == 0) {
            for (std::size_t from = 1; from < text.size() && from < 20; ++from)
                expect_same_measure(text.substr(from));
        }
    }
}

TEST(HtmlFastPaths, MeasureStopsWhereAFloatCountedByOnesStops) {
    // 2^24 + 100 characters: a float counted up by ones stays at 2^24.
    const std::string text((std::size_t{1} << 24) + 100, 'a');
    EXPECT_EQ(measure(text).length, 16777216.0f);
}

TEST(HtmlFastPaths, AlnumAtAgreesWithIcuOnEveryCodePoint) {
    for (char32_t c = 0; c <= 0x10FFFF; ++c) {
        if (c >= 0xD800 && c <= 0xDFFF) continue;  // no UTF-8 for surrogates
        std::string s;
        unicode::append_utf8(s, c);
        s += "x";
        ASSERT_EQ(alnum_at(s, 0), u_isalnum(static_cast<UChar32>(c)) != 0)
            << "U+" << std::hex << static_cast<unsigned>(c);
        std::size_t fast = 0, plain = 0;
        next_character(s, fast);
        unicode::next_code_point(s, plain);
        ASSERT_EQ(fast, plain) << "U+" << std::hex << static_cast<unsigned>(c);
    }
}

TEST(HtmlFastPaths, NextCharacterAgreesWithNextCodePointOnEveryByte) {
    for (int b = 0; b < 256; ++b) {
        for (const std::string tail : {"", "a", "\x80", "\x80\x80", "\xBF\x80\x80"}) {
            const std::string s = std::string(1, static_cast<char>(b)) + tail;
            std::size_t fast = 0, plain = 0;
            next_character(s, fast);
            unicode::next_code_point(s, plain);
            EXPECT_EQ(fast, plain) << "byte " << b;
            std::size_t at = 0;
            const char32_t c = unicode::next_code_point(s, at);
            EXPECT_EQ(alnum_at(s, 0), u_isalnum(static_cast<UChar32>(c)) != 0) << "byte " << b;
        }
    }
}

// The labelled-line reader (html_dates.cpp) builds a line's text only when it holds an ASCII
// digit: every date find_date_in_text reads has one. Held here on lines that name months, days
// and years every other way.
TEST(HtmlFastPaths, NoDateIsFoundInTextWithoutAsciiDigits) {
    const std::vector<std::string> lines = {
        "Published on the nineteenth of October, two thousand nineteen",
        "Veröffentlicht am neunzehnten Oktober",
        "Опубликовано девятнадцатого октября",
        "Publicēts oktobrī",
        "٢٠١٩-١٠-١٩",              // Arabic-Indic digits
        "２０１９年１０月１９日",  // fullwidth digits
        "Oct. XIX MMXIX",
        "October, Oktober, octobre, octubre, ottobre, октябрь, oktobris",
        "Monday Tuesday January February March yesterday today",
    };
    for (const auto& line : lines) {
        for (std::string_view language : {"", "en", "de", "ru", "lv", "ar", "ja"})
            EXPECT_FALSE(dates::find_date_in_text(line, language).has_value()) << line;
    }
    // The same kind of lines with digits are read.
    EXPECT_TRUE(dates::find_date_in_text("Published on 19 October 2019", "en").has_value());
    EXPECT_TRUE(dates::find_date_in_text("Veröffentlicht am 19.10.2019", "de").has_value());
}

// The preamble marks only the nodes before the article: each node's mark, under every attempt's
// rules, is the one the whole page's marking gives it, wherever the marking stops.
TEST(HtmlFastPaths, DeadMarksBeforeABoundAreThoseOfTheWholePage) {
    const std::string html =
        "<!DOCTYPE html><html lang=\"en\"><head><title>The harbour reopens</title>"
        "<script>var x = 1;</script></head><body>"
        "<header class=\"site-header\"><nav><a href=\"/\">Home</a></nav>"
        "<div class=\"cookie-banner\">We use cookies</div></header>"
        "<div class=\"main\"><header class=\"entry-header\"><h1>The harbour reopens</h1>"
        "<p class=\"byline\">By Anna Berg</p><div style=\"display: none\">hidden</div>"
        "<p>The old harbour reopens to boats on Monday after ten years of work on its quay."
        "</p></header><article><p>The council met on Tuesday evening to discuss the plan for "
        "the old harbour, which has been closed to boats for more than a decade.</p>"
        "<div class=\"share-buttons\"><a href=\"#\">Share</a></div>"
        "<p>The quay will be rebuilt first, then the lock gates, and the ferry will return once "
        "the channel has been dredged, the harbour master said.</p>"
        "<table><tr><td class=\"sidebar\">In a table</td></tr></table></article>"
        "<aside class=\"related\"><h3>Read also</h3><ul>"
        "<li><a href=\"/a\">The lock gates are the oldest in the region</a></li>"
        "<li><a href=\"/b\">A ferry line returns after a decade away</a></li>"
        "<li><a href=\"/c\">Dredging the channel will take a whole summer</a></li></ul></aside>"
        "<form><input type=\"email\" name=\"mail\"></form>"
        "<div class=\"comments\"><p>First!</p></div><div role=\"navigation\">x</div>"
        "<div aria-hidden=\"true\">y</div></div></body></html>";
    test::ReadPage page(html);
    ExtractionState& st = page.st;
    std::vector<std::uint8_t> first;
    mark_dead(st, Flags{}, first, true);  // the first attempt takes the byline and the teasers
    for (const Flags flags :
         {Flags{true, true, true}, Flags{false, true, true}, Flags{false, false, false}}) {
        std::vector<std::uint8_t> whole;
        mark_dead(st, flags, whole, false);
        ASSERT_EQ(whole.size(), st.n);
        ASSERT_NE(std::count(whole.begin(), whole.end(), 1), 0);
        for (NodeId end = 0; end <= st.n; ++end) {
            std::vector<std::uint8_t> bounded;
            mark_dead(st, flags, bounded, false, end);
            ASSERT_EQ(bounded.size(), st.n);
            for (NodeId id = 0; id < st.n; ++id)
                ASSERT_EQ(bounded[id], id < end ? whole[id] : 0)
                    << "node " << id << ", end " << end;
        }
    }
}

// Each element's class and id, lower-cased in ASCII only, as lower_ascii gives them.
TEST(HtmlFastPaths, MatchIsTheLowerCasedClassAndId) {
    const std::string html =
        "<html><body><div class=\"Post-CONTENT Ärger\" id=\"Main_1\"><p class=\"x\">a</p>"
        "<p id=\"ÉTÉ-Z\">b</p><span class=\"\" id=\"\">c</span><i>d</i></div></body></html>";
    const test::ReadPage page(html);
    const Document& doc = page.doc;
    const ExtractionState& st = page.st;
    int named = 0;
    for (NodeId id = 0; id < st.n; ++id) {
        const std::string_view cls = doc.attr(id, "class");
        const std::string_view eid = doc.attr(id, "id");
        const std::string plain =
            cls.empty() && eid.empty() ? "" : lower_ascii(cls) + " " + lower_ascii(eid);
        EXPECT_EQ(st.match[id], plain) << "node " << id;
        named += plain.empty() ? 0 : 1;
    }
    EXPECT_EQ(named, 3);
}

namespace {

// contains_any as it was: a search for each string of the table.
bool plain_contains_any(std::string_view s, auto const& table) {
    return std::any_of(table.begin(), table.end(),
                       [&](std::string_view t) { return s.find(t) != std::string_view::npos; });
}

// `fast(s)` against the plain search of `table` on strings made of the table's own strings, cut
// and joined, so that near misses abound.
template <typename Table, typename Fast>
void expect_same_as_plain_contains_any(const Table& table, Fast fast, std::mt19937& rng) {
    std::vector<std::string> pieces = {" ", "-", "_", "x", "Ä", "\xFF"};
    for (std::string_view t : table) {
        pieces.emplace_back(t);
        pieces.emplace_back(t.substr(0, t.size() / 2));
        pieces.emplace_back(t.substr(t.size() / 2));
        if (!t.empty()) pieces.emplace_back(t.substr(0, t.size() - 1));
    }
    std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
    std::uniform_int_distribution<int> count(0, 6);
    int found = 0;
    for (int round = 0; round < 3000; ++round) {
        std::string s;
        for (int k = count(rng); k > 0; --k)
            s += pieces[pick(rng)];
        const bool plain = plain_contains_any(s, table);
        ASSERT_EQ(fast(s), plain) << '"' << s << '"';
        found += plain ? 1 : 0;
    }
    EXPECT_GT(found, 0);
    EXPECT_LT(found, 3000);
}

template <typename Table>
void expect_same_contains_any(const Table& table, std::mt19937& rng) {
    expect_same_as_plain_contains_any(
        table, [&](std::string_view s) { return contains_any(s, table); }, rng);
}

template <const auto& Table>
void expect_same_contains_any_of(std::mt19937& rng) {
    expect_same_as_plain_contains_any(
        Table, [](std::string_view s) { return contains_any_of<Table>(s); }, rng);
}

}  // namespace

TEST(HtmlFastPaths, ContainsAnyAgreesWithASearchPerString) {
    using namespace std::string_view_literals;
    std::mt19937 rng(14);
    expect_same_contains_any(kUnlikely, rng);
    expect_same_contains_any(kMaybeCandidate, rng);
    expect_same_contains_any(kNegative, rng);
    expect_same_contains_any(kPositive, rng);
    expect_same_contains_any(kTeaserHints, rng);
    expect_same_contains_any(kCreditHints, rng);
    expect_same_contains_any(std::array{"ab"sv, "abc"sv, "b"sv, "ba"sv}, rng);
    // The indexed form, for the tables pass 1 and the scorer ask it of.
    expect_same_contains_any_of<kUnlikely>(rng);
    expect_same_contains_any_of<kMaybeCandidate>(rng);
    expect_same_contains_any_of<kNegative>(rng);
    expect_same_contains_any_of<kPositive>(rng);
    expect_same_contains_any_of<kTeaserHints>(rng);
    // An empty string in the table is found in every string, as find("") finds it.
    EXPECT_TRUE(contains_any("", std::array{""sv}));
    EXPECT_TRUE(contains_any("x", std::array{"y"sv, ""sv}));
    EXPECT_FALSE(contains_any("", std::array{"a"sv}));
}

namespace {

// visible() as it was: a look-up of each attribute in turn.
bool plain_visible(const ExtractionState& st, NodeId id) {
    if (st.doc.has_attr(id, "hidden")) return false;
    if (st.doc.attr(id, "aria-hidden") == "true" &&
        st.match[id].find("fallback-image") == std::string::npos)
        return false;
    if (style_hides(st.doc.attr(id, "style"))) return false;
    return st.doc.attr(id, "aria-modal") != "true" || st.doc.attr(id, "role") != "dialog";
}

}  // namespace

TEST(HtmlFastPaths, VisibleReadsTheAttributesAsOneLookUpEach) {
    // Every combination of the attributes visible() reads, in both cases, repeated (the first
    // of a name counts), beside others that begin with the same letters.
    const std::vector<std::string> attributes = {"hidden",
                                                 "HIDDEN",
                                                 "hiddenx=1",
                                                 "aria-hidden=\"true\"",
                                                 "ARIA-HIDDEN=true",
                                                 "aria-hidden=false",
                                                 "style=\"display: none\"",
                                                 "STYLE=\"Visibility:Hidden\"",
                                                 "style=\"color:red\"",
                                                 "aria-modal=true",
                                                 "aria-modal=\"false\"",
                                                 "role=dialog",
                                                 "ROLE=\"dialog\"",
                                                 "role=main",
                                                 "rel=x",
                                                 "src=y",
                                                 "alt=z",
                                                 "class=\"fallback-image\"",
                                                 "aria-label=a",
                                                 "styles=\"display:none\"",
                                                 "h=1",
                                                 "a=2"};
    std::mt19937 rng(14);
    std::uniform_int_distribution<std::size_t> pick(0, attributes.size() - 1);
    std::uniform_int_distribution<int> count(0, 5);
    std::string html = "<html><body>";
    for (int k = 0; k < 2000; ++k) {
        html += "<div";
        for (int a = count(rng); a > 0; --a)
            html += " " + attributes[pick(rng)];
        html += ">x</div>";
    }
    html += "</body></html>";
    const test::ReadPage page(html, false);
    const ExtractionState& st = page.st;
    int hidden = 0;
    for (NodeId id = 0; id < st.n; ++id) {
        ASSERT_EQ(visible(st, id), plain_visible(st, id)) << "node " << id;
        hidden += visible(st, id) ? 0 : 1;
    }
    EXPECT_GT(hidden, 100);
    EXPECT_LT(hidden, 2000);
}

namespace {

void expect_text_tokens_agree(const Document& doc, const std::string& what) {
    for (NodeId id = 0; id < doc.nodes().size(); ++id) {
        if (doc.node(id).kind != Node::Kind::Element) continue;
        const std::string text = doc.text(id);
        for (const int limit : {0, 3, 1 << 30}) {
            ASSERT_EQ(doc.text_tokens(id, limit), unicode::count_tokens(text, limit))
                << what << ", node " << id << ", limit " << limit;
        }
    }
}

}  // namespace

// A subtree's tokens counted from its text nodes as they are: white space of every kind, links
// holding blocks and breaks, text that scripts and templates hold, and tokens split by markup.
TEST(HtmlFastPaths, TextTokensAreThoseOfTheFoldedText) {
    const std::string html =
        "<html><body><div><a href=\"/a\">One\xC2\xA0two\xE3\x80\x80three\xE2\x80\xA8"
        "four"
        "\x01"
        "five\x7Fsix</a><a href=\"/b\">al<b>so</b> one<br>more<div>block</div>end</a>"
        "<p>\xD0\xA0\xD0\xB8\xD0\xB3\xD0\xB0 \xE2\x80\x89 \xF0\x9F\x98\x80\xC2\x85x</p>"
        "<p>a<script>var x = 1;</script>b<template><p>t</p></template>c</p>"
        "<ul><li>  </li><li>\t\n</li><li>x\fy\vz</li></ul><pre>  lines\n\n  of code</pre>"
        "</div></body></html>";
    const Document doc(html);
    expect_text_tokens_agree(doc, "the page written for this test");
}

// The same on every page on hand (every tenth under the sanitizers).
TEST(HtmlFastPaths, TextTokensAreThoseOfTheFoldedTextOnEveryPage) {
    namespace fs = std::filesystem;
#if defined(__SANITIZE_ADDRESS__)
    constexpr std::size_t kEvery = 10;
#else
    constexpr std::size_t kEvery = 1;
#endif
    const std::vector<fs::path> pages = test::html_pages_on_hand(kEvery);
    const fs::path shared = PRESSPARSE_SHARED_DATA;
    ASSERT_FALSE(pages.empty());
    if (!fs::is_directory(shared / "web"))
        std::cout << "shared data not found at " << shared.string() << ": only the fixtures\n";
    for (const fs::path& page : pages) {
        const std::string html = load_file(page.string());
        const Document doc(html);
        expect_text_tokens_agree(doc, page.string());
        if (HasFatalFailure()) return;
    }
    std::cout << pages.size() << " pages compared\n";
}
