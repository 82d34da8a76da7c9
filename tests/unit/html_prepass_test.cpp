// The pre-pass before gumbo: what it empties and what it must leave (the tokenizer's rules), and
// proof that it changes nothing: every HTML page on hand gives the same Article with and without.
#include "read/html_prepass.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "pages_on_hand.hpp"
#include "pressparse/errors.hpp"
#include "pressparse/json_writer.hpp"
#include "pressparse/pipeline.hpp"
#include "read/html_dom.hpp"

namespace fs = std::filesystem;
using pressparse::html::empty_script_bodies;

namespace {

// What the pre-pass makes of `page` (the page itself when it changes nothing).
std::string emptied(const std::string& page) {
    return empty_script_bodies(page).value_or(page);
}

// The tree gumbo builds for `page`, as tag names and depths in document order.
std::string tree_of(const std::string& page, bool prepass) {
    const pressparse::html::Document doc(page, prepass);
    std::string tree;
    for (const auto& n : doc.nodes()) {
        tree += std::to_string(n.depth) + ":" +
                (n.kind == pressparse::html::Node::Kind::Text ? std::string(n.text)
                                                              : gumbo_normalized_tagname(n.tag)) +
                " ";
    }
    return tree;
}

}  // namespace

TEST(HtmlPrepass, EmptiesScriptsAndStyleSheets) {
    EXPECT_EQ(emptied("<p>a</p><script>var x = '<p>';</script><p>b</p>"),
              "<p>a</p><script></script><p>b</p>");
    EXPECT_EQ(emptied("<STYLE type=text/css>p { color: red }</Style ><p>b"),
              "<STYLE type=text/css></Style ><p>b");
    EXPECT_EQ(emptied("<script src=a.js></script>"), "<script src=a.js></script>");  // nothing
    EXPECT_EQ(empty_script_bodies("<p>no scripts</p>"), std::nullopt);
    // The end tag in any case, followed by white space, '/' or '>'; not "</scripts>".
    EXPECT_EQ(emptied("<script>a</scripts>b</SCRIPT\n>c"), "<script></SCRIPT\n>c");
    EXPECT_EQ(emptied("<script>a</script/>c"), "<script></script/>c");
    // A self-closing slash does not close a script.
    EXPECT_EQ(emptied("<script/>x</script>y"), "<script/></script>y");
    // To the end of the page when it never ends.
    EXPECT_EQ(emptied("<p>a<script>never ends"), "<p>a<script>");
}

// A comment's text is emptied to the end the tokenizer finds: the first "-->" or "--!>" after
// "<!--" ("<!-->" and "<!--->" are whole empty comments); markup inside it stays unread.
TEST(HtmlPrepass, EmptiesCommentsTextToTheTokenizersEnd) {
    EXPECT_EQ(emptied("<p>a</p><!-- <div class=x>old</div> --><p>b</p>"),
              "<p>a</p><!----><p>b</p>");
    EXPECT_EQ(emptied("<!--a--!><p>b"), "<!----!><p>b");
    EXPECT_EQ(emptied("<!--a-- ->--><p>b"), "<!----><p>b");  // "--" and no '>' goes on
    EXPECT_EQ(emptied("<!--a---><p>b"), "<!----><p>b");
    EXPECT_EQ(empty_script_bodies("<!--><p>a<!---><p>b"), std::nullopt);
    EXPECT_EQ(empty_script_bodies("<!----><p>a"), std::nullopt);
    // Never ended: the comment runs to the end of the page.
    EXPECT_EQ(emptied("<p>a<!-- b <p>c"), "<p>a<!--");
    // Not comments: a doctype, a bogus comment, a CDATA section outside foreign content.
    EXPECT_EQ(empty_script_bodies("<!DOCTYPE html><?x y?><![CDATA[z]]><p>a"), std::nullopt);
}

TEST(HtmlPrepass, ScriptEscapesFollowTheTokenizer) {
    // Inside "<!--", "<script>" opens a double-escaped run whose "</script>" does not end it.
    const std::string page =
        "<script><!-- document.write('<script>x</script>'); --></script><p>after</p>";
    EXPECT_EQ(emptied(page), "<script></script><p>after</p>");
    // "-->" leaves the escape; a plain "</script>" in the escaped state ends the script.
    EXPECT_EQ(emptied("<script><!-- a --> b</script><p>c"), "<script></script><p>c");
    EXPECT_EQ(emptied("<script><!-- a </script><p>c"), "<script></script><p>c");
    // Double-escaped and never closed: the script runs to the end of the page.
    EXPECT_EQ(emptied("<script><!--<script></script><p>c"), "<script>");
    // "<!-->" opens and closes the escape at once, so the "<script>" after it is script text.
    EXPECT_EQ(emptied("<script><!--><script></script><p>c"), "<script></script><p>c");
}

TEST(HtmlPrepass, LeavesJsonLdAndWhatIsNotAScript) {
    const std::string ld = "<script type=\"application/ld+json\">{\"a\": \"</p>\"}</script>";
    EXPECT_EQ(empty_script_bodies(ld), std::nullopt);
    EXPECT_EQ(empty_script_bodies("<script type='Application/LD+JSON'>{}</script>"), std::nullopt);
    EXPECT_EQ(empty_script_bodies("<script type=\"application/ld&#43;json\">{}</script>"),
              std::nullopt);
    // "<script" as the text of a title, a textarea, a comment or an attribute value.
    for (const std::string page :
         {"<title>a <script>b</script></title>", "<textarea><script>x</script></textarea>",
          "<div title='<script>x</script>'>y</div>", "<xmp><style>x</style></xmp>"}) {
        EXPECT_EQ(empty_script_bodies(page), std::nullopt) << page;
    }
    EXPECT_EQ(emptied("<!-- <script>x</script> --><p>a"), "<!----><p>a");  // the comment's text
    EXPECT_EQ(emptied("<!--><script>x</script>-->"),
              "<!--><script></script>-->");  // "<!-->" is a comment
    // In <svg> and <math>, <script> and <style> are plain elements holding markup.
    EXPECT_EQ(empty_script_bodies("<svg><script>a<b>c</b></script></svg>"), std::nullopt);
    EXPECT_EQ(emptied("<svg><style>x</style></svg><style>y</style>"),
              "<svg><style>x</style></svg><style></style>");
    EXPECT_EQ(emptied("<svg/><style>y</style>"), "<svg/><style></style>");
    // A frameset page is left as it is; after <plaintext> everything is text.
    EXPECT_EQ(empty_script_bodies("<frameset><script>x</script></frameset>"), std::nullopt);
    EXPECT_EQ(emptied("<script>a</script><plaintext><script>b</script>"),
              "<script></script><plaintext><script>b</script>");
}

// The quoted values of attributes no one reads are emptied by the tokenizer's attribute states;
// the names stay (their presence, their order, which duplicate is first are the parser's).
TEST(HtmlPrepass, EmptiesAttributeValuesNoOneReads) {
    EXPECT_EQ(emptied("<div onclick=\"go('<p>')\" class=\"x\" data-track='a b'>t</div>"),
              "<div onclick=\"\" class=\"x\" data-track=''>t</div>");
    // Names in any case; white space around '='; a '>' inside a quoted value.
    EXPECT_EQ(emptied("<P OnClick = \"a>b\" Title='t'>x"), "<P OnClick = \"\" Title='t'>x");
    // An unquoted value stays: "onclick= class=x" would read as onclick's value.
    EXPECT_EQ(empty_script_bodies("<p onclick=go() class=x>y"), std::nullopt);
    EXPECT_EQ(empty_script_bodies("<p onclick=>y"), std::nullopt);
    // Duplicates: every one of an unread name emptied, every one of a read name kept.
    EXPECT_EQ(emptied("<p x='1' X=\"2\" id=a ID='b'>"), "<p x='' X=\"\" id=a ID='b'>");
    // What the readers and the parser read stays: links, images, names, dates, input types.
    const std::string kept =
        "<a href='u' rel='tag' title='t'>a</a><img src='s' srcset='s 2x' data-src='d' alt='a'>"
        "<time datetime='2020-01-02' data-Published-At='2020' data-timestamp='1'>x</time>"
        "<input type='hidden' name='n'><math><annotation-xml encoding='text/html'>"
        "</annotation-xml></math><isindex prompt='p' action='a'><html lang='en'>"
        "<meta property='og:title' content='c'><div style='display:none' role='r' "
        "aria-hidden='true' itemprop='i' itemtype='t' summary='s'>";
    EXPECT_EQ(empty_script_bodies(kept), std::nullopt);
    // In foreign content too (svg path data), and in end tags.
    EXPECT_EQ(emptied("<svg><path d='M0 0L10 10'/></svg></p class='c' x='y'>"),
              "<svg><path d=''/></svg></p class='c' x=''>");
    // Not inside what the tokenizer reads as text.
    EXPECT_EQ(emptied("<title><p onclick='x'></title><!-- x -->"),
              "<title><p onclick='x'></title><!---->");
    // A tag the page does not end is dropped by the parser whatever its values.
    EXPECT_EQ(emptied("<p>a<div x='1' y='2"), "<p>a<div x='' y='2");
}

// The formatting elements besides <a> keep every value: the parser compares them, and a fourth
// <b> identical to three open ones pushes the first out of the list it reopens them from.
TEST(HtmlPrepass, KeepsTheValuesTheParserCompares) {
    for (const std::string tag : {"b", "I", "font", "nobr", "strong", "em", "code", "u", "s", "tt",
                                  "big", "small", "strike"}) {
        const std::string page = "<" + tag + " x='1'>a";
        EXPECT_EQ(empty_script_bodies(page), std::nullopt) << page;
    }
    EXPECT_EQ(emptied("<a x='1'>a</a><abbr x='1'>b</abbr>"), "<a x=''>a</a><abbr x=''>b</abbr>");
    // Four <b> differing only in an unread value: had their values gone, the fourth would push
    // the first out, and the <p> after them would reopen three instead of four.
    const std::string page = "<p><b x='1'><b x='2'><b x='3'><b x='4'>t<p>u</p>";
    EXPECT_EQ(tree_of(page, true), tree_of(page, false));
    EXPECT_NE(tree_of(page, false), tree_of("<p><b><b><b><b>t<p>u</p>", false));
}

// The names whose values are read: those the readers ask for, the parser's own, and the data-*
// names the date reader reads ("date", "time" or "publish" in them); not the others.
TEST(HtmlPrepass, KnowsWhichAttributeValuesAreRead) {
    using pressparse::html::attribute_value_read;
    // Every name a reader asks Document::attr for, and the parser's own.
    for (const char* name : {"action",
                             "alt",
                             "aria-hidden",
                             "aria-modal",
                             "class",
                             "content",
                             "data-date",
                             "data-lazy-src",
                             "data-lazy-srcset",
                             "data-original",
                             "data-published",
                             "data-src",
                             "data-srcset",
                             "data-time",
                             "data-timestamp",
                             "datatable",
                             "datetime",
                             "encoding",
                             "hidden",
                             "href",
                             "id",
                             "itemprop",
                             "itemtype",
                             "lang",
                             "name",
                             "prompt",
                             "property",
                             "rel",
                             "role",
                             "src",
                             "srcset",
                             "style",
                             "summary",
                             "title",
                             "type",
                             "xmlns",
                             "xmlns:xlink",
                             "CLASS",
                             "Data-Src",
                             "data-date-time",
                             "DATA-PUBLISHED-AT",
                             "data-x-time"})
        EXPECT_TRUE(attribute_value_read(name)) << name;
    for (const char* name : {"onclick", "data-", "data-track", "d", "value", "hreff", "", "date",
                             "aria-label", "style2"})
        EXPECT_FALSE(attribute_value_read(name)) << name;
}

// Every HTML page on hand — the fixtures and the real pages of the shared data — gives the same
// Article, byte for byte, with the pre-pass and without it. Under the sanitizers every tenth
// page of the shared data is taken (their overhead is no measure, and the Release suite takes
// all of them).
// The DOM's attribute look-up, which compares first letters before whole names, finds what
// gumbo_get_attribute finds (the first attribute of the name in any case) on every element and
// name: mixed case, names sharing a first letter, names that are not letters, foreign content.
TEST(HtmlDom, AttributeLookUpAgreesWithGumbo) {
    const std::string page =
        "<div CLASS=a class=b Id=c data-x=1 @x=2 `x=3 =y=4 itemprop='' ITEMPROP=n>t</div>"
        "<svg viewBox='0 0 1 1'><a xlink:href=u HREF=v><title lang=en>x</title></a></svg>"
        "<p class id=\"\" role=note aria-hidden=true>q</p><br hidden><img alt=a ALT=b>";
    const pressparse::html::Document doc(page, false);
    std::size_t elements = 0;
    for (pressparse::html::NodeId id = 0; id < doc.nodes().size(); ++id) {
        const auto* element = doc.node(id).element;
        if (!element) continue;
        ++elements;
        for (const char* name :
             {"class", "id", "itemprop", "data-x", "@x", "`x", "=y", "href", "viewbox", "viewBox",
              "lang", "role", "aria-hidden", "hidden", "alt", "", "x", "`", "@"}) {
            const GumboAttribute* a = gumbo_get_attribute(&element->attributes, name);
            EXPECT_EQ(doc.has_attr(id, name), a != nullptr) << id << " " << name;
            EXPECT_EQ(doc.attr(id, name), a ? std::string_view(a->value) : std::string_view{})
                << id << " " << name;
        }
    }
    EXPECT_GE(elements, 8u);
}

TEST(HtmlPrepass, EveryPageGivesTheSameArticleWithAndWithout) {
#if defined(__SANITIZE_ADDRESS__)
    constexpr std::size_t kEvery = 10;
#else
    constexpr std::size_t kEvery = 1;
#endif
    const std::vector<fs::path> pages = pressparse::html::test::html_pages_on_hand(kEvery);
    const fs::path shared = PRESSPARSE_SHARED_DATA;
    ASSERT_FALSE(pages.empty());
    if (!fs::is_directory(shared / "web")) {
        std::cout << "shared data not found at " << shared.string()
                  << ": only the fixtures were compared\n";
    }
    pressparse::ExtractOptions without;
    without.html.prepass = false;
    without.format = pressparse::InputFormat::Html;
    pressparse::ExtractOptions with = without;
    with.html.prepass = true;
    std::size_t compared = 0;
    for (const fs::path& page : pages) {
        std::string a, b;
        try {
            a = pressparse::to_json_string(pressparse::extract_file(page.string(), with), false);
            b = pressparse::to_json_string(pressparse::extract_file(page.string(), without), false);
        } catch (const pressparse::InputError&) {
            continue;  // not a page; the same either way
        }
        if (a != b) {
            std::size_t at = 0;
            while (at < a.size() && at < b.size() && a[at] == b[at])
                ++at;
            const std::size_t from = at > 80 ? at - 80 : 0;
            ADD_FAILURE() << page.string() << ": differs at byte " << at << "\n  with:    …"
                          << a.substr(from, 160) << "\n  without: …" << b.substr(from, 160);
        }
        ++compared;
    }
    std::cout << compared << " pages compared\n";
}
