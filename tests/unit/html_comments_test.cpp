// Reader comments through the whole pipeline, on small invented pages: a WordPress-style thread
// with nested replies and a reply form, a thread of schema.org Comment articles, a header/body
// pair of list items, a "comments" box holding only a form, the comment count, and the rule that
// no comment text ever reaches the body.
#include <gtest/gtest.h>

#include <string>

#include "pressparse/json_writer.hpp"
#include "pressparse/pipeline.hpp"

using namespace pressparse;

namespace {

const std::string kArticle =
    "<article class=\"post\"><h1>The bridge over the river opened again</h1>"
    "<p>The bridge over the river opened again on Tuesday after six months of repairs, the town "
    "council said, and traffic now runs on both lanes again.</p>"
    "<p>The works, which began in January, cost four million euros, half of it paid by regional "
    "funds, and replaced the whole deck and both railings.</p>"
    "<p>People who used to drive around by the ring road say the trip to the centre is twenty "
    "minutes shorter, and the buses run more often now.</p></article>";

std::string page(const std::string& after_article) {
    return "<!DOCTYPE html><html lang=\"en\"><head><title>The bridge over the river opened "
           "again</title></head><body><main>" +
           kArticle + after_article + "</main></body></html>";
}

Article from_html(const std::string& doc) {
    return extract(doc, "page.html");
}

std::string body_text(const Article& a) {
    std::string all;
    for (const auto& b : a.body) {
        if (b.text) all += *b.text + "\n";
    }
    return all;
}

const std::string kWordPressThread =
    "<div id=\"comments\" class=\"comments-area\"><h2 class=\"comments-title\">3 thoughts on "
    "the bridge</h2><ol class=\"commentlist\">"
    "<li class=\"comment even thread-even depth-1\" id=\"li-comment-11\">"
    "<article id=\"div-comment-11\" class=\"comment-body\"><footer class=\"comment-meta\">"
    "<div class=\"comment-author vcard\"><img class=\"avatar\" src=\"a.png\"><cite "
    "class=\"fn\">Anna Berzina</cite> <span class=\"says\">says:</span></div>"
    "<div class=\"comment-metadata\"><a href=\"#c11\"><time datetime=\"2012-07-07T14:31:00\">"
    "July 7, 2012 at 2:31 pm</time></a></div></footer>"
    "<div class=\"comment-content\"><p>Finally a bridge without potholes.</p>"
    "<p>Took them long enough.</p></div>"
    "<div class=\"reply\"><a class=\"comment-reply-link\" href=\"#respond\">Reply</a></div>"
    "</article>"
    "<ol class=\"children\"><li class=\"comment odd depth-2\" id=\"li-comment-12\">"
    "<article id=\"div-comment-12\" class=\"comment-body\"><footer class=\"comment-meta\">"
    "<div class=\"comment-author vcard\"><cite class=\"fn\">Janis</cite></div>"
    "<div class=\"comment-metadata\"><time datetime=\"2012-07-07T15:02:00\">July 7, 2012 at "
    "3:02 pm</time></div></footer><div class=\"comment-content\"><p>The railings look "
    "great too.</p></div><div class=\"reply\"><a class=\"comment-reply-link\" "
    "href=\"#respond\">Log in to reply</a></div></article></li></ol></li>"
    "<li class=\"comment even depth-1\" id=\"li-comment-13\"><article id=\"div-comment-13\" "
    "class=\"comment-body\"><footer class=\"comment-meta\"><div class=\"comment-author "
    "vcard\"><cite class=\"fn\">Guest</cite></div></footer><div class=\"comment-content\">"
    "<p>Buses are still late.</p></div></article></li></ol>"
    "<div id=\"respond\" class=\"comment-respond\"><h3 id=\"reply-title\">Leave a Reply</h3>"
    "<form id=\"commentform\"><p>Your email address will not be published.</p><textarea "
    "name=\"comment\"></textarea><input type=\"submit\" value=\"Post Comment\"></form></div>"
    "</div>";

TEST(HtmlComments, WordPressThreadWithRepliesAndForm) {
    const Article a = from_html(page(kWordPressThread));
    ASSERT_EQ(a.reader_comments.size(), 3u);
    EXPECT_EQ(a.reader_comments[0].author, "Anna Berzina");
    EXPECT_EQ(a.reader_comments[0].date, "July 7, 2012 at 2:31 pm");
    EXPECT_EQ(a.reader_comments[0].text,
              "Finally a bridge without potholes.\nTook them long enough.");
    // The reply comes after its parent, in page order.
    EXPECT_EQ(a.reader_comments[1].author, "Janis");
    EXPECT_EQ(a.reader_comments[1].date, "July 7, 2012 at 3:02 pm");
    EXPECT_EQ(a.reader_comments[1].text, "The railings look great too.");
    EXPECT_EQ(a.reader_comments[2].author, "Guest");
    EXPECT_EQ(a.reader_comments[2].date, std::nullopt);
    EXPECT_EQ(a.reader_comments[2].text, "Buses are still late.");
    // The page prints no count: the thread is counted.
    EXPECT_EQ(a.comments, 3);
    // The body is the article's, unchanged.
    const Article bare = from_html(page(""));
    EXPECT_EQ(body_text(a), body_text(bare));
    EXPECT_EQ(a.body.size(), 3u);
}

TEST(HtmlComments, CommentTextNeverInBody) {
    // Without the thread's usual class names on its container, and with comments long enough to
    // look like paragraphs, the comments still stay out of the body.
    std::string thread = "<section><ul>";
    for (int i = 0; i < 4; ++i) {
        thread += "<li class=\"comment\" id=\"comment-" + std::to_string(100 + i) +
                  "\"><span class=\"comment-author\">Reader " + std::to_string(i) +
                  "</span><p>This is a long comment number " + std::to_string(i) +
                  ", which says, at some length, that the bridge is fine, that the council "
                  "did well, and that the buses, sadly, are still late every morning.</p></li>";
    }
    thread += "</ul></section>";
    const Article a = from_html(page(thread));
    ASSERT_EQ(a.reader_comments.size(), 4u);
    EXPECT_EQ(a.reader_comments[3].author, "Reader 3");
    const std::string body = body_text(a);
    EXPECT_EQ(body.find("long comment"), std::string::npos) << body;
    EXPECT_EQ(body.find("Reader"), std::string::npos) << body;
}

TEST(HtmlComments, SchemaOrgCommentArticles) {
    const std::string thread =
        "<section class=\"discussion\">"
        "<article itemscope itemtype=\"https://schema.org/Comment\"><span itemprop=\"author\">"
        "Mara</span> <time datetime=\"2024-05-01\">1 May 2024</time><div itemprop=\"text\">"
        "<p>Good news for the whole district.</p></div>"
        "<article itemscope itemtype=\"http://schema.org/Comment\"><span itemprop=\"author\">"
        "Peteris</span><div itemprop=\"text\"><p>Agreed.</p></div></article></article>"
        "<article itemscope itemtype=\"https://schema.org/Comment\"><span itemprop=\"author\">"
        "Liga</span><p>When will the second bridge open?</p></article></section>";
    const Article a = from_html(page(thread));
    ASSERT_EQ(a.reader_comments.size(), 3u);
    EXPECT_EQ(a.reader_comments[0].author, "Mara");
    EXPECT_EQ(a.reader_comments[0].date, "1 May 2024");
    EXPECT_EQ(a.reader_comments[0].text, "Good news for the whole district.");
    EXPECT_EQ(a.reader_comments[1].author, "Peteris");
    EXPECT_EQ(a.reader_comments[1].text, "Agreed.");
    EXPECT_EQ(a.reader_comments[2].author, "Liga");
    EXPECT_EQ(a.reader_comments[2].text, "When will the second bridge open?");
}

TEST(HtmlComments, HeaderItemGivesAuthorAndDateToTheNext) {
    std::string thread = "<dl class=\"commentlist\">";
    for (int i = 0; i < 2; ++i) {
        const std::string n = std::to_string(i);
        thread += "<dt class=\"comment\" id=\"comment-" + n +
                  "\"><span class=\"comment_author\">"
                  "Name " +
                  n + "</span> <span class=\"comment_time\">July " + n +
                  ", 2012 at 9:42 am</span></dt><dd class=\"comment\"><p>Text " + n +
                  ".</p><p class=\"reply\"><a href=\"#r\">Reply</a></p></dd>";
    }
    thread += "</dl>";
    const Article a = from_html(page(thread));
    ASSERT_EQ(a.reader_comments.size(), 2u);
    EXPECT_EQ(a.reader_comments[1].author, "Name 1");
    EXPECT_EQ(a.reader_comments[1].date, "July 1, 2012 at 9:42 am");
    EXPECT_EQ(a.reader_comments[1].text, "Text 1.");
}

TEST(HtmlComments, DefinitionListPairsWithoutMarks) {
    // A <dt> header with nothing marked (a number, a name, a date) and a short <dd> comment: the
    // pair is one comment by its structure, the header its first line.
    std::string thread = "<dl class=\"commentlist\">";
    for (int i = 1; i <= 2; ++i) {
        const std::string n = std::to_string(i);
        thread += "<dt class=\"comment\" id=\"comment-" + n + "\">" + n + ". Reader" + n +
                  " - <a href=\"#comment-" + n +
                  "\">28 October, 2011</a></dt><dd class=\"comment\">"
                  "<div class=\"comment\" id=\"div-comment-" +
                  n +
                  "\"><p>Nice one.</p><div "
                  "class=\"reply\"><a href=\"#respond\">Reply</a></div></div></dd>";
    }
    thread += "</dl>";
    const Article a = from_html(page(thread));
    ASSERT_EQ(a.reader_comments.size(), 2u);
    EXPECT_EQ(a.reader_comments[1].author, std::nullopt);
    EXPECT_EQ(a.reader_comments[1].text, "2. Reader2 - 28 October, 2011\nNice one.");
    EXPECT_EQ(body_text(a).find("Nice one"), std::string::npos);
}

TEST(HtmlComments, BoxWithOnlyAFormGivesNone) {
    const std::string box =
        "<div id=\"comments\" class=\"comments\"><h3>Comments</h3><div class=\"comment\">"
        "<form><p>Log in to comment.</p><textarea></textarea><button>Send</button></form>"
        "</div></div>";
    const Article a = from_html(page(box));
    EXPECT_TRUE(a.reader_comments.empty());
    EXPECT_EQ(a.comments, std::nullopt);
    // A lone placeholder is no thread either.
    const Article b =
        from_html(page("<section class=\"comments\"><div class=\"comment\">"
                       "Loading</div></section>"));
    EXPECT_TRUE(b.reader_comments.empty());
    EXPECT_EQ(to_json_string(b).find("\"reader_comments\":[]"),
              to_json_string(b).find("\"reader_comments\""));
}

TEST(HtmlComments, PrintedCountWins) {
    // A count the page prints (here a Press.lv category line) stays the count.
    std::string doc = page(kWordPressThread);
    const std::string h1_end = "again</h1>";
    doc.insert(doc.find(h1_end) + h1_end.size(),
               "<div class=\"post-info\">Мир 7 комментариев</div>");
    const Article a = from_html(doc);
    EXPECT_EQ(a.reader_comments.size(), 3u);
    ASSERT_TRUE(a.comments);
    EXPECT_EQ(*a.comments, 7);
}

TEST(HtmlComments, JsonField) {
    const Article a = from_html(page(kWordPressThread));
    const std::string json = to_json_string(a);
    EXPECT_NE(json.find("\"reader_comments\":[{\"author\":\"Anna Berzina\",\"date\":\"July 7, "
                        "2012 at 2:31 pm\",\"text\":\"Finally a bridge without potholes.\\nTook "
                        "them long enough.\"}"),
              std::string::npos)
        << json;
    EXPECT_EQ(to_json(a).dump(), nlohmann::ordered_json::parse(json).dump());
    // Text pages have none.
    const Article t = extract("Заголовок\n\nТекст статьи.\n", "page.txt");
    EXPECT_TRUE(t.reader_comments.empty());
}

}  // namespace
