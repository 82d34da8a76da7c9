// The paragraph classifier and the decision between its reading and the scorer's container, on
// small pages written for these tests.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pressparse/pipeline.hpp"
#include "read/html_dom.hpp"
#include "read/html_extraction.hpp"
#include "read/html_metadata.hpp"
#include "read_page.hpp"

using namespace pressparse;
using namespace pressparse::html;
using namespace pressparse::html::extract;

namespace {

std::string body_text(const Article& a) {
    std::string out;
    for (const auto& b : a.body) {
        if (b.text) out += *b.text + "\n";
    }
    return out;
}

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// The classes of a page's blocks, in order, with the text of each block's first words.
struct Classed {
    std::vector<Paragraph> ps;
    std::vector<std::string> texts;
};

Classed classify(const std::string& html) {
    const test::ReadPage page(html);
    const Document& doc = page.doc;
    const ExtractionState& st = page.st;
    const std::vector<std::uint8_t> none(st.n, 0);
    Classed c;
    c.ps = paragraphs(st, none, doc.body());
    for (const Paragraph& p : c.ps) {
        std::string t;
        for (NodeId id = p.first; id <= p.last; ++id) {
            if (doc.node(id).kind == Node::Kind::Text) t += doc.node(id).text;
        }
        c.texts.push_back(t.substr(0, 12));
    }
    return c;
}

const char* name(ParagraphClass c) {
    switch (c) {
        case ParagraphClass::Good:
            return "good";
        case ParagraphClass::NearGood:
            return "near-good";
        case ParagraphClass::Short:
            return "short";
        case ParagraphClass::Bad:
            return "bad";
    }
    return "?";
}

std::string classes(const Classed& c, bool initial) {
    std::string out;
    for (const Paragraph& p : c.ps)
        out += std::string(name(initial ? p.initial : p.cls)) + " ";
    return out;
}

const std::string kEnglishProse =
    "<p>The council met on Tuesday evening to discuss the plan for the old harbour, which has "
    "been closed to boats for more than a decade, and the members agreed, after a long debate, "
    "that the work should begin in the spring.</p>";
const std::string kEnglishNearGood =
    "<p>It was the first time that the members had voted on it this year, they said.</p>";
const std::string kEnglishShort = "<p>Photo: harbour office</p>";
const std::string kLinks =
    "<p><a href=\"/a\">Home</a> <a href=\"/b\">World news</a> <a href=\"/c\">Sport and "
    "weather</a> <a href=\"/d\">Contact us</a></p>";
const std::string kNoFunctionWords =
    "<p>Harbour Tours Ltd. Registered office: 12 Quay Street, Northport. VAT GB 123 456 789. "
    "Telephone 0123 456 789. Opening hours Monday–Friday 9–17.</p>";

}  // namespace

TEST(ParagraphClassifier, EnglishBlocksByLengthLinksAndFunctionWords) {
    const Classed c =
        classify("<html lang=\"en\"><body>" + kLinks + kEnglishProse + kEnglishShort +
                 kEnglishProse + kEnglishNearGood + kNoFunctionWords + kLinks + "</body></html>");
    ASSERT_EQ(c.ps.size(), 7u);
    EXPECT_EQ(classes(c, true), "bad good short good near-good bad bad ");
    // The short caption between two good paragraphs is good; the near-good sentence after a good
    // paragraph is good; the links and the address line stay bad.
    EXPECT_EQ(classes(c, false), "bad good good good good bad bad ");
}

TEST(ParagraphClassifier, RussianBlocksByTheirOwnFunctionWords) {
    const std::string prose =
        "<p>Городской совет во вторник обсудил план реконструкции старой гавани, которая уже "
        "больше десяти лет закрыта для судов, и депутаты согласились, что работы начнутся "
        "весной, как только это позволит погода.</p>";
    const std::string near =
        "<p>Это было первое голосование по этому вопросу в этом году, сказали в совете.</p>";
    const std::string shortline = "<p>Фото: пресс-служба</p>";
    const std::string address =
        "<p>ООО «Гавань Тур», юридический адрес: Рига, Набережная 12, регистрационный номер "
        "40003123456, телефон 67 123 456, понедельник–пятница 9–17.</p>";
    const Classed c = classify("<html lang=\"ru\"><body>" + kLinks + prose + shortline + prose +
                               near + address + kLinks + "</body></html>");
    ASSERT_EQ(c.ps.size(), 7u);
    EXPECT_EQ(classes(c, true), "bad good short good near-good bad bad ");
    EXPECT_EQ(classes(c, false), "bad good good good good bad bad ");
    // Undeclared, the language is the one whose function words the page's words hit most.
    const Classed guessed = classify("<html><body>" + kLinks + prose + shortline + prose + near +
                                     address + kLinks + "</body></html>");
    EXPECT_EQ(classes(guessed, true), classes(c, true));
}

TEST(ParagraphClassifier, ShortBlocksAmidLinksAreBad) {
    const Classed c = classify("<html lang=\"en\"><body>" + kLinks + kEnglishShort + kLinks +
                               kEnglishProse + "</body></html>");
    ASSERT_EQ(c.ps.size(), 4u);
    EXPECT_EQ(classes(c, false), "bad bad bad good ");
}

TEST(CandidateDecision, ShortArticleBeatsAuthorBoxFormAndSidebar) {
    const std::string html =
        "<!DOCTYPE html><html lang=\"en\"><head><title>Harbour works to start in spring</title>"
        "</head><body><div class=\"site\"><header><a href=\"/\">Northport Weekly</a></header>"
        "<main><article class=\"post\"><h1>Harbour works to start in spring</h1>"
        "<div class=\"entry-content\">"
        "<p>The council agreed on Tuesday that the work on the old harbour will begin in the "
        "spring.</p>"
        "<p>The harbour has been closed to boats for more than a decade after the storm.</p>"
        "<p>A public meeting about the plans is to be held at the library next month.</p>"
        "</div>"
        "<div class=\"author-box\"><h3>About the writer</h3>"
        "<p>Jane Doe has written about the coast, its towns, its boats, its fishermen, its "
        "storms and its politics for twenty years, first for the county paper, then for a radio "
        "station, and now, since the spring of last year, for this weekly, where she edits the "
        "news pages, writes a column on Saturdays, and, when she finds the time, takes the "
        "photographs too.</p>"
        "<p>She lives in Northport with her husband, two children, a dog, three cats, and, "
        "as she likes to say, far too many books, bicycles, and half-finished boats, which she "
        "promises, every winter, to finish by the summer.</p></div>"
        "<form class=\"signup\"><p>Get the week's news by email, every Friday, free.</p>"
        "<input type=\"email\" name=\"email\"><button>Sign up</button></form>"
        "</article></main>"
        "<aside><h3>Popular</h3><ul><li><a href=\"/1\">Ferry timetable changes</a></li>"
        "<li><a href=\"/2\">New school opens</a></li><li><a href=\"/3\">Market days</a></li>"
        "<li><a href=\"/4\">Road closures this week</a></li></ul></aside>"
        "<footer><p>© Northport Weekly. All rights reserved.</p></footer></div></body></html>";
    const std::string text = body_text(pressparse::extract(html, "page.html"));
    EXPECT_TRUE(has(text, "The council agreed on Tuesday")) << text;
    EXPECT_TRUE(has(text, "closed to boats for more than a decade")) << text;
    EXPECT_TRUE(has(text, "A public meeting about the plans")) << text;
    EXPECT_FALSE(has(text, "Jane Doe has written")) << text;
    EXPECT_FALSE(has(text, "far too many books")) << text;
    EXPECT_FALSE(has(text, "by email")) << text;
    EXPECT_FALSE(has(text, "Ferry timetable")) << text;
    EXPECT_FALSE(has(text, "All rights reserved")) << text;
}

TEST(CandidateDecision, PageBuilderColumnsBeatTheAuthorBoxTheScorerChose) {
    // A page builder sets the article in rows of columns, each a paragraph or two of plain
    // sentences; the theme's box about the writer after it is one comma-rich block and scores
    // best. The box is no article: the run of good blocks outside it is.
    const std::string column =
        "<div class=\"vc_row wpb_row\"><div class=\"wpb_column vc_col-sm-8\"><div "
        "class=\"wpb_wrapper\"><div class=\"wpb_text_column\"><div class=\"wpb_wrapper\">";
    const std::string end = "</div></div></div></div></div>";
    const std::string html =
        "<!DOCTYPE html><html lang=\"en\"><head><title>Five gifts for a cosy home</title>"
        "</head><body><article class=\"post\"><h1>Five gifts for a cosy home</h1>"
        "<div class=\"entry-content\">" +
        column +
        "<p>Choosing presents for the people you love is a pleasure when you take the time to "
        "think about what they would never buy for themselves.</p>" +
        end + column +
        "<p>A heavy wool blanket is the first thing on my list. It keeps you warm on the sofa "
        "in the evening and it looks good folded on a chair.</p>" +
        end + column +
        "<p>A pair of marble book ends is the second. They hold the books you read most and "
        "they make a shelf look tidy at once.</p>" +
        end + column +
        "<p>A lamp with a linen shade is the third. It gives a room a soft light that is much "
        "kinder than the big light on the ceiling.</p>" +
        end + column +
        "<p>A box for letters and photographs is the last. It is the kind of gift that is "
        "still in use many years after the day it was given.</p>" +
        end +
        "</div><div class=\"section-inner\"><div class=\"author-bio\"><div "
        "class=\"author-description\"><p>I am Jane, thirty-two, married, living in the city, "
        "and I have written about fashion, interiors, travel, food, children, books, and, now "
        "and then, about the people I meet, for more than ten years, first on my own blog, "
        "then for magazines, radio, and television, and now, with a small team of five, on "
        "this site, which, to my delight, has grown, year by year, into a magazine of its "
        "own, with readers, friends, colleagues, and, yes, critics, in every corner of the "
        "country, and, I hope, beyond it, too, for many years to come, whatever they bring, "
        "and wherever they take us, our readers, our writers, and, of course, our dogs.</p>"
        "</div></div></div></article></body></html>";
    const std::string text = body_text(pressparse::extract(html, "page.html"));
    EXPECT_TRUE(has(text, "Choosing presents for the people")) << text;
    EXPECT_TRUE(has(text, "marble book ends")) << text;
    EXPECT_TRUE(has(text, "box for letters and photographs")) << text;
    EXPECT_FALSE(has(text, "thirty-two, married")) << text;
}

TEST(CandidateDecision, ArticleAroundTheHeadlineBeatsALongerBoxOutsideIt) {
    // One short paragraph in the <article> that holds the headline; after the article, a
    // box with more prose (a campaign, an offer) that the scorer alone prefers.
    const std::string html =
        "<!DOCTYPE html><html lang=\"en\"><head><title>Ferry fares frozen for a year</title>"
        "</head><body><main><article><header><h1>Ferry fares frozen for a year"
        "</h1><p class=\"meta\">12 May</p></header><div class=\"chapo\"><p>The ferry company "
        "said on Monday that it will keep its fares where they are until next spring.</p></div>"
        "</article></main>"
        "<div class=\"page-end\"><div class=\"campaign\"><p>Support local journalism: our "
        "reporters cover the "
        "council, the courts, the schools and the harbour, and every one of their stories is "
        "free to read, because readers like you give what they can, once or every month.</p>"
        "<p>It takes a minute, and it keeps the paper in print for the next hundred years, as "
        "it has been for the last hundred, through wars, floods and the arrival of the "
        "internet, which we survived too.</p></div></div>"
        "</body></html>";
    const std::string text = body_text(pressparse::extract(html, "page.html"));
    EXPECT_TRUE(has(text, "keep its fares where they are")) << text;
    EXPECT_FALSE(has(text, "Support local journalism")) << text;
    EXPECT_FALSE(has(text, "keeps the paper in print")) << text;
}

TEST(CandidateDecision, AFormAskingForAnEmailAddressIsNoArticle) {
    // No <article> element; the sign-up form's consent text is longer prose than the news.
    const std::string html =
        "<!DOCTYPE html><html lang=\"en\"><head><title>Bridge closed for repairs</title>"
        "</head><body><div class=\"wrap\"><div class=\"col\"><h1>Bridge closed for repairs"
        "</h1><div class=\"text\"><p>The old bridge over the river will be closed to traffic "
        "from Monday for three weeks while the council repairs its railings.</p></div></div>"
        "<div class=\"col\"><form action=\"/subscribe\" method=\"post\"><h3>Stay informed"
        "</h3><p><input type=\"text\" name=\"subscriber_email\"></p><p><label><input "
        "type=\"checkbox\"> I agree that the association may store my name and my address and "
        "use them to send me its newsletter, about once a month, and that I can withdraw this "
        "consent at any time by writing to the office or by following the link at the end of "
        "every newsletter.</label></p><p><label><input type=\"checkbox\"> I have read the "
        "privacy statement and understood how my data will be processed, for how long it will "
        "be kept and to whom I can turn with any questions about it.</label></p>"
        "<button>Subscribe</button></form></div></div></body></html>";
    const std::string text = body_text(pressparse::extract(html, "page.html"));
    EXPECT_TRUE(has(text, "closed to traffic from Monday")) << text;
    EXPECT_FALSE(has(text, "I agree that the association")) << text;
    EXPECT_FALSE(has(text, "privacy statement")) << text;
}

TEST(CandidateDecision, ATeaserNamedStandfirstWithoutLinksIsText) {
    // "teaser" in a class names a standfirst as often as a list of links to other pages; only
    // the list leads elsewhere.
    const std::string html =
        "<!DOCTYPE html><html lang=\"en\"><head><title>Library opens on Sundays</title></head>"
        "<body><div class=\"news-single\"><h1>Library opens on Sundays</h1>"
        "<div class=\"teaser-text\"><p>From next month the town library will open on Sunday "
        "afternoons as well.</p></div><div class=\"body\"><p>The council agreed on Tuesday to "
        "pay for two more librarians, so that the reading rooms can stay open from noon to six "
        "on Sundays, when families have the most time to visit.</p><p>The change follows a survey "
        "in which more than half of the readers asked for longer opening hours at weekends, "
        "above all in winter.</p></div>"
        "<div class=\"teaser-list\"><p><a href=\"/a\">Swimming pool closes for repairs</a></p>"
        "<p><a href=\"/b\">New bus line to the station</a></p></div></div></body></html>";
    const Article a = pressparse::extract(html, "page.html");
    const std::string text = body_text(a);
    EXPECT_TRUE(has(text, "From next month the town library")) << text;
    EXPECT_TRUE(has(text, "pay for two more librarians")) << text;
    EXPECT_FALSE(has(text, "Swimming pool")) << text;
}

TEST(CandidateDecision, BoilerplateNamedInAPartOfAClassIsDropped) {
    // "wp-block-newsletter", "editorial-disclaimer": the word is a part of the class token. A
    // token stating a condition ("has-paywall") names no boilerplate.
    const std::string html =
        "<!DOCTYPE html><html lang=\"en\"><head><title>Bridge closed for repairs</title>"
        "</head><body><div class=\"post has-paywall\"><h1>Bridge closed for repairs</h1>"
        "<p>The old bridge over the river will be closed to traffic from Monday for three weeks "
        "while the council repairs its railings, the town hall said on Friday.</p>"
        "<div class=\"wp-block-newsletter\"><strong>Join our newsletter</strong> for the "
        "latest news right to your inbox, every morning, free of charge.</div>"
        "<p>Buses will take the ring road, and the ferry will run every half hour instead of "
        "every hour while the work goes on, the council added.</p>"
        "<p class=\"editorial-disclaimer-text\">The views expressed in comments are those of "
        "their writers and not of the paper or of its owners.</p></div></body></html>";
    const std::string text = body_text(pressparse::extract(html, "page.html"));
    EXPECT_TRUE(has(text, "closed to traffic from Monday")) << text;
    EXPECT_TRUE(has(text, "every half hour")) << text;
    EXPECT_FALSE(has(text, "Join our newsletter")) << text;
    EXPECT_FALSE(has(text, "views expressed")) << text;
}

TEST(CandidateDecision, TheHeadlineIsNotBodyWhenTheStatedTitleAddsTheSiteName) {
    const std::string html =
        "<!DOCTYPE html><html lang=\"de\"><head><title>x</title><meta property=\"og:title\" "
        "content=\"Im Winter die Wege im Wald freihalten - "
        "waldverband-beispiel.at\"></head><body><div "
        "class=\"c\"><h2>Im Winter die Wege im Wald freihalten</h2><p>Der Verband bittet alle "
        "Besucher, die "
        "Wege im Wald freizuhalten und die vorgesehenen Parkplätze zu nützen, damit Forstfahrzeuge "
        "und Rettungswagen jederzeit durchkommen.</p><p>Im Winter, wenn die Tiere mit ihren "
        "Kräften haushalten müssen, ist Ruhe im Wald besonders wichtig, sagt der Verband.</p>"
        "</div></body></html>";
    const Article a = pressparse::extract(html, "page.html");
    const std::string text = body_text(a);
    EXPECT_FALSE(has(text, "Im Winter die Wege")) << text;
    EXPECT_TRUE(has(text, "Rettungswagen jederzeit durchkommen")) << text;
}

TEST(CandidateDecision, RubyAnnotationsAreNotText) {
    // Readings printed over words (<rt>) and the parentheses for browsers without ruby (<rp>)
    // are not words of the text.
    const std::string html =
        "<!DOCTYPE html><html lang=\"ja\"><head><title>t</title></head><body><article>"
        "<p><ruby>漢<rp>(</rp><rt>かん</rt><rp>)</rp></ruby><ruby>字<rp>(</rp><rt>じ</rt><rp>)"
        "</rp></ruby>を<ruby>読<rt>よ</rt></ruby>む。これは本文の段落です。今日は晴れでした。"
        "</p></article></body></html>";
    const std::string text = body_text(pressparse::extract(html, "page.html"));
    EXPECT_TRUE(has(text, "漢字を読む。")) << text;
    EXPECT_FALSE(has(text, "かん")) << text;
    EXPECT_FALSE(has(text, "(")) << text;
}

TEST(CandidateDecision, RecipeKeepsIngredientsAndSteps) {
    const std::string html =
        "<!DOCTYPE html><html lang=\"en\"><head><title>Apple cake</title></head><body>"
        "<nav><a href=\"/\">Recipes</a> <a href=\"/cakes\">Cakes</a> <a href=\"/soups\">Soups</a>"
        "</nav><main><h1>Apple cake</h1><div class=\"recipe\">"
        "<p>This is the cake that my grandmother made every autumn, when the apples in the "
        "garden were ripe, and it is still the one that the family asks for first.</p>"
        "<h2>Ingredients</h2><ul><li>4 apples</li><li>200 g flour</li><li>150 g sugar</li>"
        "<li>3 eggs</li><li>100 g butter</li><li>1 tsp cinnamon</li></ul>"
        "<h2>Method</h2><ol><li>Heat the oven to 180 °C and butter a round tin.</li>"
        "<li>Beat the eggs with the sugar until pale, then fold in the flour.</li>"
        "<li>Peel and slice the apples and lay them in the tin.</li>"
        "<li>Pour the batter over the apples and bake for 40 minutes.</li></ol>"
        "<p>Serve it warm, with cream or with ice cream, and keep what is left in a cool "
        "place.</p></div></main>"
        "<aside><ul><li><a href=\"/1\">Plum jam</a></li><li><a href=\"/2\">Pear tart</a></li>"
        "</ul></aside></body></html>";
    const std::string text = body_text(pressparse::extract(html, "page.html"));
    for (const char* part : {"my grandmother made", "200 g flour", "1 tsp cinnamon",
                             "Heat the oven to 180", "bake for 40 minutes", "Serve it warm"}) {
        EXPECT_TRUE(has(text, part)) << part << "\n" << text;
    }
    EXPECT_FALSE(has(text, "Plum jam")) << text;
}

TEST(CandidateDecision, StatedIngredientsInAColumnApartFromTheStepsAreKeptOnce) {
    // Page builders put the ingredients in a column of their own, linked to products like a
    // teaser list, and print them a second time for small screens; the schema.org itemprop says
    // what they are.
    const std::string step =
        "<p>Beat the eggs with the sugar until the mixture is pale and thick, then fold in the "
        "flour, the butter and the milk, a little at a time, so that the batter stays light.</p>";
    std::string rows;
    std::string items;
    for (const char* item : {"500 g wheat flour", "250 g fine white sugar", "4 eggs, medium size",
                             "200 ml whole milk", "1 packet of dried yeast", "800 g ripe plums"}) {
        rows += "<tr itemprop=\"recipeIngredient\"><td><a href=\"/shop/item\">" +
                std::string(item) + "</a></td></tr>";
        items += "<li itemprop=\"recipeIngredient\">" + std::string(item) + "</li>";
    }
    const std::string html =
        "<!DOCTYPE html><html lang=\"en\"><head><title>Plum cake</title></head><body>"
        "<nav><a href=\"/\">Recipes</a> <a href=\"/cakes\">Cakes</a></nav><main>"
        "<h1>Plum cake</h1><div class=\"row\"><div class=\"col-4\"><div class=\"box\">"
        "<h2>Ingredients</h2><table>" +
        rows + "</table></div></div><div class=\"col-8\"><div class=\"steps\">" + step + step +
        step + step + "</div></div></div><div class=\"mobile-only\"><ul>" + items +
        "</ul></div></main><aside><ul><li><a href=\"/1\">Plum jam with cinnamon and "
        "vanilla</a></li><li><a href=\"/2\">Pear tart with almond cream</a></li></ul></aside>"
        "</body></html>";
    const std::string text = body_text(pressparse::extract(html, "page.html"));
    EXPECT_TRUE(has(text, "500 g wheat flour")) << text;
    EXPECT_TRUE(has(text, "800 g ripe plums")) << text;
    EXPECT_TRUE(has(text, "the batter stays light")) << text;
    EXPECT_EQ(text.find("800 g ripe plums"), text.rfind("800 g ripe plums")) << text;
    EXPECT_LT(text.find("500 g wheat flour"), text.find("Beat the eggs")) << text;
    EXPECT_FALSE(has(text, "Pear tart")) << text;
}

TEST(CandidateDecision, LeadParagraphInASiblingIsKept) {
    const std::string prose =
        "<p>The council met on Tuesday evening to discuss the plan for the old harbour, which "
        "has been closed to boats for more than a decade, and the members agreed, after a long "
        "debate, that the work should begin in the spring, as soon as the weather allows.</p>";
    const std::string html =
        "<!DOCTYPE html><html lang=\"en\"><head><title>Harbour</title></head><body>"
        "<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><div class=\"page\">"
        "<h1>Harbour works to start in spring</h1>"
        "<div class=\"standfirst\"><p>The old harbour, closed since the great storm, is to be "
        "rebuilt at last: the council has agreed on the plan and on how it will be paid for, "
        "and the work is to begin in the spring.</p></div>"
        "<div class=\"article-body\">" +
        prose + prose + prose + prose +
        "</div></div><footer><a href=\"/about\">About</a> <a href=\"/contact\">Contact</a>"
        "</footer></body></html>";
    const std::string text = body_text(pressparse::extract(html, "page.html"));
    EXPECT_TRUE(has(text, "is to be rebuilt at last")) << text;
    EXPECT_TRUE(has(text, "as soon as the weather allows")) << text;
    EXPECT_FALSE(has(text, "Contact")) << text;
}

TEST(CandidateDecision, LeadIsKeptAcrossADateLineAndAPictureCredit) {
    const std::string prose =
        "<p>The council met on Tuesday evening to discuss the plan for the old harbour, which "
        "has been closed to boats for more than a decade, and the members agreed, after a long "
        "debate, that the work should begin in the spring, as soon as the weather allows.</p>";
    const std::string html =
        "<!DOCTYPE html><html lang=\"en\"><head><title>Harbour</title></head><body>"
        "<div class=\"page\"><h1>Harbour works to start in spring</h1>"
        "<div class=\"excerpt\"><p>The old harbour, closed since the great storm, is to be "
        "rebuilt at last: the council has agreed on the plan and on how it will be paid.</p>"
        "</div><div class=\"meta\">11.01.2022, 09:50</div>"
        "<figure><img src=\"h.jpg\"><figcaption>Photo: harbour office</figcaption></figure>"
        "<div class=\"article-body\">" +
        prose + prose + prose + prose +
        "</div></div><footer><a href=\"/about\">About</a> <a href=\"/contact\">Contact</a>"
        "</footer></body></html>";
    const std::string text = body_text(pressparse::extract(html, "page.html"));
    EXPECT_TRUE(has(text, "is to be rebuilt at last")) << text;
    EXPECT_TRUE(has(text, "as soon as the weather allows")) << text;
    EXPECT_FALSE(has(text, "09:50")) << text;
}

TEST(CandidateDecision, TheOpeningParagraphTheDescriptionQuotesIsKeptApartFromTheText) {
    // The theme sets the article's first paragraph in a hero beside the headline, as a list of
    // one item, a share bar and two wrappers away from the text; the stated description quotes
    // its opening, cut short.
    const std::string prose =
        "<p>The council met on Tuesday evening to discuss the plan for the old harbour, which "
        "has been closed to boats for more than a decade, and the members agreed, after a long "
        "debate, that the work should begin in the spring, as soon as the weather allows.</p>";
    const std::string html =
        "<!DOCTYPE html><html lang=\"en\"><head><title>Harbour works to start in spring</title>"
        "<meta name=\"description\" content=\"The old harbour, closed since the great storm, is "
        "to be rebuilt at last: the council agreed on the plan on Tuesday \u2026\"></head><body>"
        "<div class=\"hero\"><div class=\"hero__inner\"><h1>Harbour works to start in spring</h1>"
        "<ul class=\"hero__lead\"><li>The old harbour, closed since the great storm, is to be "
        "rebuilt at last: the council agreed on the plan on Tuesday and on how it will be paid "
        "for, and the first boats may return next year.</li></ul></div></div>"
        "<div class=\"share\"><a href=\"/s/1\">Share on the network</a> <a href=\"/s/2\">Share "
        "by mail</a> <a href=\"/s/3\">Print this page</a></div>"
        "<div class=\"layout\"><div class=\"row\"><div class=\"col-8\"><div class=\"text\">" +
        prose + prose + prose +
        "</div></div></div></div><footer><a href=\"/about\">About</a> "
        "<a href=\"/contact\">Contact</a></footer></body></html>";
    const Article a = pressparse::extract(html, "page.html");
    const std::string text = body_text(a);
    EXPECT_TRUE(has(text, "the first boats may return next year")) << text;
    EXPECT_LT(text.find("the first boats"), text.find("The council met")) << text;
    EXPECT_TRUE(has(text, "as soon as the weather allows")) << text;
    EXPECT_FALSE(has(text, "Harbour works to start")) << text;
    EXPECT_FALSE(has(text, "Share by mail")) << text;
}

TEST(CandidateDecision, TheStandfirstInTheArticlesHeaderIsKeptButNotItsShareList) {
    // The article's own <header>, around the heading that states the title, is "header"-named
    // and dropped as unlikely: its standfirst paragraph is kept, its share and tag lists, its
    // date line and its picture caption are not.
    const std::string prose =
        "<p>The council met on Tuesday evening to discuss the plan for the old harbour, which "
        "has been closed to boats for more than a decade, and the members agreed, after a long "
        "debate, that the work should begin in the spring, as soon as the weather allows.</p>";
    const std::string html =
        "<!DOCTYPE html><html lang=\"en\"><head><title>Harbour works to start in spring</title>"
        "</head><body><div class=\"site-header\"><a href=\"/\">Town News</a></div>"
        "<article class=\"entry\"><header class=\"entry__header\">"
        "<h2 class=\"entry__title\">Harbour works to start in spring</h2>"
        "<p class=\"entry__subtitle\">The old harbour, closed since the great storm, is to be "
        "rebuilt at last, and the work is to begin as soon as the winter is over</p>"
        "<ul class=\"share\"><li><p>Share this story with your friends and family on every "
        "network you use today</p></li></ul>"
        "<p>Posted on 12 March 2022</p>"
        "<figure><img src=\"h.jpg\"><figcaption><p>The harbour wall seen from the old "
        "lighthouse on a grey morning in the first week of March</p></figcaption></figure>"
        "</header><div class=\"entry__body\">" +
        prose + prose + prose + prose + "</div></article></body></html>";
    const std::string text = body_text(pressparse::extract(html, "page.html"));
    EXPECT_TRUE(has(text, "is to be rebuilt at last")) << text;
    EXPECT_TRUE(has(text, "as soon as the weather allows")) << text;
    EXPECT_FALSE(has(text, "Share this story")) << text;
    EXPECT_FALSE(has(text, "Posted on")) << text;
    EXPECT_FALSE(has(text, "Town News")) << text;
}

TEST(CandidateDecision, ClassifierRunReplacesABoxTheScorerPreferred) {
    // The scorer weighs commas and class names: a comma-rich box named "content" outscores an
    // article of plain sentences in a container whose name says "promo". The classifier sees a
    // run of good paragraphs more than twice the box's text, apart from it, and takes it.
    std::string article;
    for (int i = 0; i < 7; ++i) {
        article += "<p>Paragraph " + std::to_string(i + 1) +
                   " of the report says that the old harbour will be opened to boats again in "
                   "the spring and that the work on the quay will be paid for by the town and "
                   "the port for the next two years.</p>";
    }
    const std::string html =
        "<!DOCTYPE html><html lang=\"en\"><head><title>Harbour</title></head><body>"
        "<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>"
        "<div class=\"promo-column\"><h1>Harbour to open in spring</h1>" +
        article +
        "</div><div class=\"more\"><ul><li><a href=\"/1\">Ferry timetable changes for the "
        "winter</a></li><li><a href=\"/2\">New school opens on the hill</a></li><li><a "
        "href=\"/3\">Market days move to Saturday</a></li><li><a href=\"/4\">Road closures this "
        "week on the coast road</a></li><li><a href=\"/5\">Tide tables for the month</a></li>"
        "<li><a href=\"/6\">Letters to the editor</a></li><li><a href=\"/7\">Obituaries and "
        "notices</a></li><li><a href=\"/8\">Photos of the week</a></li></ul></div>"
        "<div class=\"about-content\"><p>Northport Weekly, founded in 1921, is the "
        "town's paper: news, sport, weather, markets, tides, ferries, schools, churches, clubs, "
        "courts, council meetings, letters, notices, births, marriages, deaths, and, every "
        "Friday, the week's events, all written, edited, printed and delivered by people who "
        "live here, for people who live here, in the town, on the islands, along the coast, "
        "and, since the spring of 1998, on the web too, where the archive, going back to the "
        "first issue, can be searched, free of charge, by anyone, anywhere, at any time, day "
        "or night, for as long as the town has a paper.</p></div>"
        "<footer><a href=\"/about\">About</a> <a href=\"/contact\">Contact</a></footer>"
        "</body></html>";
    const std::string text = body_text(pressparse::extract(html, "page.html"));
    EXPECT_TRUE(has(text, "Paragraph 1 of the report")) << text;
    EXPECT_TRUE(has(text, "Paragraph 7 of the report")) << text;
    EXPECT_FALSE(has(text, "founded in 1921")) << text;
}

namespace {

// A recipe page whose lists scripts fill in from the JSON-LD it states: the markup holds an
// introduction and the lists' headings; `printed` goes into the markup's lists.
std::string recipe_page(const std::string& printed_ingredients, const std::string& printed_steps) {
    return "<!DOCTYPE html><html lang=\"en\"><head><title>Plum cake</title>"
           "<script type=\"application/ld+json\">{\"@context\": \"https://schema.org\", "
           "\"@type\": \"Recipe\", \"name\": \"Plum cake\", \"recipeIngredient\": "
           "[\"500 g wheat flour\", \"250 g fine white sugar\", \"4 eggs\", \"800 g ripe plums\"],"
           " \"recipeInstructions\": [{\"@type\": \"HowToSection\", \"name\": \"Dough\", "
           "\"itemListElement\": [{\"@type\": \"HowToStep\", \"text\": \"Beat the eggs with the "
           "sugar until pale.\"}, {\"@type\": \"HowToStep\", \"text\": \"Fold in the flour a "
           "little at a time.\"}]}, \"Lay the plums on the dough and bake for 40 minutes.\"]}"
           "</script></head><body><nav><a href=\"/\">Recipes</a> <a href=\"/cakes\">Cakes</a>"
           "</nav><main><h1>Plum cake</h1><div class=\"recipe\"><p>This is the cake that my "
           "grandmother made every autumn, when the plums in the garden were ripe, and it is "
           "still the one that the family asks for first when the summer ends.</p>"
           "<h2>Ingredients</h2><ul class=\"ingredients\">" +
           printed_ingredients + "</ul><h2>Method</h2><ol class=\"steps\">" + printed_steps +
           "</ol></div></main></body></html>";
}

}  // namespace

TEST(StatedRecipe, IngredientsAndStepsOnlyTheJsonLdStatesAreAdded) {
    const std::string text = body_text(pressparse::extract(recipe_page("", ""), "page.html"));
    for (const char* part : {"my grandmother made", "500 g wheat flour", "800 g ripe plums",
                             "Beat the eggs with the sugar until pale.",
                             "Fold in the flour a little at a time.", "bake for 40 minutes."}) {
        EXPECT_TRUE(has(text, part)) << part << "\n" << text;
    }
    EXPECT_LT(text.find("500 g wheat flour"), text.find("800 g ripe plums")) << text;
    EXPECT_LT(text.find("Beat the eggs"), text.find("Lay the plums")) << text;
    EXPECT_FALSE(has(text, "Dough")) << text;
}

TEST(StatedRecipe, ListsTheMarkupPrintsAreNotAddedAgain) {
    const std::string text = body_text(pressparse::extract(
        recipe_page("<li>500 g Wheat flour</li><li>250 g fine white sugar</li><li>4 eggs</li>",
                    "<li>Beat the eggs with the sugar until pale.</li><li>Fold in the flour a "
                    "little at a time.</li><li>Lay the plums on the dough and bake for 40 "
                    "minutes.</li>"),
        "page.html"));
    EXPECT_EQ(text.find("250 g fine white sugar"), text.rfind("250 g fine white sugar")) << text;
    EXPECT_EQ(text.find("Beat the eggs"), text.rfind("Beat the eggs")) << text;
    // Three of four ingredients printed: the list is the markup's, the fourth is not added.
    EXPECT_FALSE(has(text, "800 g ripe plums")) << text;
}
