// Lines inside an article that are the site speaking (boilerplate_lines.txt): calls to subscribe,
// follow or support, copyright and "posted in" lines, counters of comments. They are left out of
// the body; paragraphs that merely hold a link or one of the words, and captions, stay. On small
// pages written for these tests.
#include <gtest/gtest.h>

#include <string>

#include "pressparse/pipeline.hpp"

using namespace pressparse;

namespace {

std::string body_text(const Article& a) {
    std::string out;
    for (const auto& b : a.body) {
        if (b.text) out += *b.text + "\n";
        if (b.credit) out += *b.credit + "\n";
    }
    return out;
}

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

std::string page(const std::string& lang, const std::string& title, const std::string& inner) {
    return "<!DOCTYPE html><html lang=\"" + lang + "\"><head><title>" + title +
           "</title></head><body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>"
           "<div class=\"post\"><h1>" +
           title + "</h1>" + inner + "</div></body></html>";
}

const std::string kHarbour =
    "<p>The council met on Tuesday evening to discuss the plan for the old harbour, which has "
    "been closed to boats for more than a decade, and the members agreed, after a long debate, "
    "that the work should begin in the spring.</p>"
    "<p>The quay will be rebuilt first, then the lock gates, and the ferry will return once the "
    "channel has been dredged, the harbour master said after the vote.</p>";

const std::string kHafen =
    "<p>Der Gemeinderat hat am Dienstagabend über den Plan für den alten Hafen beraten, der seit "
    "mehr als zehn Jahren für Boote gesperrt ist, und die Mitglieder waren sich nach einer langen "
    "Debatte einig, dass die Arbeiten im Frühjahr beginnen sollen.</p>"
    "<p>Zuerst wird der Kai erneuert, dann die Schleusentore, und die Fähre kehrt zurück, sobald "
    "die Fahrrinne ausgebaggert ist, sagte der Hafenmeister nach der Abstimmung.</p>";

}  // namespace

TEST(SiteLines, CallsToSubscribeAndFollowAreLeftOut) {
    const std::string html = page(
        "en", "Harbour to open in spring",
        kHarbour +
            "<p><a href=\"/newsletter\">Sign up for our newsletter</a> and get the news every "
            "morning.</p>"
            "<p><strong>» Follow us on <a href=\"/t\">Twitter</a> and <a href=\"/f\">Facebook"
            "</a></strong></p>"
            "<p>Subscribe now to our weekend edition for the full story.</p>"
            "<p>The work is to cost four million, of which the port pays half; the rest comes from "
            "the town and a grant.</p>"
            "<h3>Share</h3>"
            "<p>This entry was posted in <a href=\"/c/news\">News</a>. Bookmark the "
            "<a href=\"/p\">permalink</a>.</p>"
            "<p>Tags: <a href=\"/t/harbour\">harbour</a>, <a href=\"/t/council\">council</a></p>"
            "<p>© 2026 Northport Weekly. All rights reserved.</p>");
    const std::string text = body_text(pressparse::extract(html, "page.html"));
    EXPECT_TRUE(has(text, "closed to boats for more than a decade")) << text;
    EXPECT_TRUE(has(text, "four million")) << text;
    EXPECT_FALSE(has(text, "Sign up for our newsletter")) << text;
    EXPECT_FALSE(has(text, "Follow us on")) << text;
    EXPECT_FALSE(has(text, "Subscribe now")) << text;
    EXPECT_FALSE(has(text, "Share")) << text;
    EXPECT_FALSE(has(text, "This entry was posted")) << text;
    EXPECT_FALSE(has(text, "Tags:")) << text;
    EXPECT_FALSE(has(text, "All rights reserved")) << text;
}

TEST(SiteLines, InOtherLanguages) {
    const std::string html =
        page("de", "Der Hafen öffnet im Frühjahr",
             kHafen +
                 "<p>Folgen Sie uns auf <a href=\"/fb\">Facebook</a>!</p>"
                 "<p>Hier geht es zur <a href=\"/plan\">Übersicht der Bauabschnitte</a></p>"
                 "<p>Die Arbeiten sollen vier Millionen kosten, von denen der Hafen die Hälfte "
                 "trägt.</p>"
                 "<p>(Alle Angaben ohne Gewähr)</p><p>Quelle: Hafenamt Nordstadt</p>"
                 "<p><a href=\"/liste\">Zurück</a></p>");
    const std::string text = body_text(pressparse::extract(html, "page.html"));
    EXPECT_TRUE(has(text, "für Boote gesperrt")) << text;
    EXPECT_TRUE(has(text, "vier Millionen")) << text;
    EXPECT_FALSE(has(text, "Folgen Sie uns")) << text;
    EXPECT_FALSE(has(text, "Hier geht es zur")) << text;
    EXPECT_FALSE(has(text, "ohne Gewähr")) << text;
    EXPECT_FALSE(has(text, "Quelle: Hafenamt")) << text;
    EXPECT_FALSE(has(text, "Zurück")) << text;
}

TEST(SiteLines, ParagraphsThatOnlyHoldALinkOrThePhraseStay) {
    // The phrase must open the line (or be all of it); a long paragraph that opens with one is
    // the article's; a caption keeps its credit.
    const std::string long_call =
        "<p>Sign up for the ferry's winter timetable was the first thing the harbour master asked "
        "of the town, he said, because the boats that used the old quay in the years before it "
        "closed had no timetable at all, and the passengers, most of them from the islands, "
        "waited on the pier in the rain for hours, sometimes for a whole day, before a boat came "
        "to take them home.</p>";
    const std::string html =
        page("en", "Harbour to open in spring",
             kHarbour +
                 "<p>Readers can follow us on the council's <a href=\"/live\">live page</a> during "
                 "the next meeting.</p>"
                 "<p>Share prices of the port company rose after the vote.</p>" +
                 long_call +
                 "<figure><img src=\"/q.jpg\" alt=\"\"><figcaption>The old quay. Photo: Northport "
                 "Weekly. All rights reserved.</figcaption></figure>"
                 "<p>Print editions of the plan are at the town hall.</p>");
    const std::string text = body_text(pressparse::extract(html, "page.html"));
    EXPECT_TRUE(has(text, "Readers can follow us")) << text;
    EXPECT_TRUE(has(text, "Share prices of the port company")) << text;
    EXPECT_TRUE(has(text, "Sign up for the ferry's winter timetable")) << text;
    EXPECT_TRUE(has(text, "All rights reserved")) << text;
    EXPECT_TRUE(has(text, "Print editions of the plan")) << text;
}

TEST(SiteLines, HeadingsThatEndTheArticleHeadNothingOfIt) {
    // What they headed (a gallery, a list of other articles, the comments) was taken away; a
    // heading with text under it stays, and so does a last line set as a heading that ends a
    // sentence.
    const std::string html =
        page("en", "Harbour to open in spring",
             "<h2>The vote</h2>" + kHarbour +
                 "<h3>Photo gallery</h3><h3>More from the coast</h3><h4>Comments</h4>");
    const std::string text = body_text(pressparse::extract(html, "page.html"));
    EXPECT_TRUE(has(text, "The vote")) << text;
    EXPECT_TRUE(has(text, "the harbour master said")) << text;
    EXPECT_FALSE(has(text, "Photo gallery")) << text;
    EXPECT_FALSE(has(text, "More from the coast")) << text;
    EXPECT_FALSE(has(text, "Comments")) << text;

    const std::string closing = page("en", "Harbour to open in spring",
                                     kHarbour + "<h3>The first boats are expected in May.</h3>");
    const std::string closing_text = body_text(pressparse::extract(closing, "page.html"));
    EXPECT_TRUE(has(closing_text, "The first boats are expected in May.")) << closing_text;
}

TEST(SiteLines, ABreadcrumbTrailOpeningTheArticleIsLeftOut) {
    const std::string html = page(
        "en", "Harbour to open in spring",
        "<p class=\"trail\"><a href=\"/\">Home</a> › <a href=\"/news\">News</a> › <a "
        "href=\"/news/coast\">Coast</a> › Harbour to open in spring</p>" +
            kHarbour +
            "<p>The levels to watch, says the harbour master: <a href=\"/tide\">tide</a> > 4 m > "
            "the quay's edge.</p>");
    const std::string text = body_text(pressparse::extract(html, "page.html"));
    EXPECT_FALSE(has(text, "Home › News")) << text;
    EXPECT_TRUE(has(text, "closed to boats for more than a decade")) << text;
    EXPECT_TRUE(has(text, "The levels to watch")) << text;
}

TEST(SiteLines, ACaptionIsWhatTheBlocksOutSayIsOne) {
    // The blocks the body is written as decide what a caption is: a class that only says an
    // element has one ("has-caption") makes none, so a call to subscribe inside it goes.
    const std::string html =
        page("en", "Harbour to open in spring",
             kHarbour +
                 "<div class=\"entry has-caption\"><p>Subscribe now to our weekend edition for "
                 "the full story.</p></div>"
                 "<div class=\"wp-caption\"><p>Subscribe now, says the poster on the quay.</p>"
                 "</div>");
    const std::string text = body_text(pressparse::extract(html, "page.html"));
    EXPECT_TRUE(has(text, "closed to boats for more than a decade")) << text;
    EXPECT_FALSE(has(text, "Subscribe now to our weekend edition")) << text;
    EXPECT_TRUE(has(text, "Subscribe now, says the poster")) << text;
}

TEST(SiteLines, LabelsOfTheClosingMatterAreLeftOut) {
    // A line that is only a label ("Contact:", "More information") heads a contact block or
    // links, not the article; a line that sends the reader elsewhere for more goes too. What
    // follows the label, and a sentence that merely opens with the same words, stay.
    const std::string en = page(
        "en", "Harbour to open in spring",
        kHarbour +
            "<p>More information about the dredging is in the plan the council published, which "
            "sets out the depth of the channel, the cost and the months the work will take.</p>"
            "<p><strong>More information:</strong></p><p>More information at <a "
            "href=\"/plan\">northport.example/plan</a>.</p>"
            "<p>Contact:</p><p>Harbour office, Quay Street 1, Northport</p>");
    const std::string en_text = body_text(pressparse::extract(en, "page.html"));
    EXPECT_TRUE(has(en_text, "More information about the dredging")) << en_text;
    EXPECT_FALSE(has(en_text, "More information:")) << en_text;
    EXPECT_FALSE(has(en_text, "More information at")) << en_text;
    EXPECT_FALSE(has(en_text, "Contact:")) << en_text;
    EXPECT_TRUE(has(en_text, "Harbour office, Quay Street 1")) << en_text;

    const std::string de =
        page("de", "Der Hafen öffnet im Frühjahr",
             kHafen +
                 "<p>Weitere Infos unter <a href=\"/plan\">hafen.example</a>.</p>"
                 "<h3>Quellenangaben:</h3><p>Hafenamt Nordstadt, Jahresbericht 2025</p>"
                 "<p>Kontakt:</p><p>Hafenamt, Kaistraße 1, Nordstadt</p>");
    const std::string de_text = body_text(pressparse::extract(de, "page.html"));
    EXPECT_TRUE(has(de_text, "für Boote gesperrt")) << de_text;
    EXPECT_FALSE(has(de_text, "Weitere Infos unter")) << de_text;
    EXPECT_FALSE(has(de_text, "Quellenangaben")) << de_text;
    EXPECT_TRUE(has(de_text, "Jahresbericht 2025")) << de_text;
    EXPECT_FALSE(has(de_text, "Kontakt:")) << de_text;
    EXPECT_TRUE(has(de_text, "Kaistraße 1")) << de_text;
}

TEST(SiteLines, NoticesAboutThePageAreLeftOut) {
    // Its permanent address, its licence, its advertising disclosure, a blocked embed's privacy
    // notice: the page speaking about itself.
    const std::string html = page(
        "de", "Der Hafen öffnet im Frühjahr",
        "<p>Anzeige, enthält Affiliate Links</p>" + kHafen +
            "<p>Wir respektieren deine Privatsphäre und laden den Kurznachrichtendienst erst, wenn "
            "du "
            "zustimmst.</p>"
            "<p>Permalink: <a href=\"/p/1\">https://hafen.example/p/1</a></p>"
            "<p>Sofern nicht anders ausgewiesen, stehen die Texte dieser Seite unter einer freien "
            "Lizenz.</p>");
    const std::string text = body_text(pressparse::extract(html, "page.html"));
    EXPECT_TRUE(has(text, "für Boote gesperrt")) << text;
    EXPECT_TRUE(has(text, "sagte der Hafenmeister")) << text;
    EXPECT_FALSE(has(text, "Affiliate")) << text;
    EXPECT_FALSE(has(text, "Privatsphäre")) << text;
    EXPECT_FALSE(has(text, "Permalink")) << text;
    EXPECT_FALSE(has(text, "Sofern nicht anders")) << text;
}
