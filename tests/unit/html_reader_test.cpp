// The HTML reader through the whole pipeline, on small invented pages: charsets, every metadata
// source alone and in conflict, boilerplate stripping, captions and credits, teasers, nesting.
#include "pressparse/html_reader.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "charset_support.hpp"
#include "pressparse/check.hpp"
#include "pressparse/dates.hpp"
#include "pressparse/json_writer.hpp"
#include "pressparse/pipeline.hpp"
#include "read/html_dates.hpp"
#include "read/html_dom.hpp"

using namespace pressparse;
using pressparse::test::encode;

namespace {

const std::string kParagraphs =
    "<p>В Даугавпилсе открыли новый мост через реку, сообщили в самоуправлении города, и движение "
    "уже "
    "пустили по обеим полосам.</p>"
    "<p>Строительство, которое началось два года назад, обошлось в четыре миллиона евро, из "
    "которых половину "
    "оплатили фонды Европейского союза.</p>"
    "<p>Жители, которые раньше ездили в объезд, говорят, что дорога до центра сократилась на "
    "двадцать минут, "
    "а автобусы теперь ходят чаще.</p>";

std::string page(const std::string& head, const std::string& body) {
    return "<!DOCTYPE html><html lang=\"ru\"><head>" + head + "</head><body>" + body +
           "</body></html>";
}

Article from_html(const std::string& doc) {
    return extract(doc, "page.html");
}

std::string all_body_text(const Article& a) {
    std::string out;
    for (const auto& b : a.body) {
        if (b.text) out += *b.text + "\n";
        if (b.credit) out += *b.credit + "\n";
    }
    return out;
}

}  // namespace

TEST(HtmlCharset, PrescanFindsDeclarations) {
    EXPECT_EQ(prescan_charset("<html><head><meta charset=\"windows-1251\">"), "windows-1251");
    EXPECT_EQ(
        prescan_charset("<META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=koi8-r'>"),
        "koi8-r");
    EXPECT_EQ(prescan_charset("<meta charset=utf-8>"), "utf-8");
    EXPECT_FALSE(prescan_charset("<html><head><title>x</title>"));
    EXPECT_FALSE(
        prescan_charset(std::string(1100, ' ') + "<meta charset=\"koi8-r\">"));  // past 1024 bytes
}

TEST(HtmlCharset, LegacyCyrillicAndBalticPagesComeOutAsUtf8) {
    struct Case {
        const char* charset;
        const char* declare;  // how the page says it
        const char* expected_encoding;
    };
    const Case cases[] = {
        {"windows-1251", "<meta charset=\"windows-1251\">", "windows-1251"},
        {"KOI8-R", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\">",
         "KOI8-R"},
        {"ISO-8859-5", "<meta charset=\"iso-8859-5\">", "ISO-8859-5"},
    };
    const std::string title = "Мост через Даугаву открыт";
    for (const auto& c : cases) {
        const std::string doc =
            page(std::string(c.declare) + "<title>" + title + "</title>", kParagraphs);
        const Article a = from_html(encode(doc, c.charset));
        EXPECT_EQ(a.headline, title) << c.charset;
        EXPECT_EQ(a.input.encoding, c.expected_encoding) << c.charset;
        ASSERT_FALSE(a.body.empty()) << c.charset;
        EXPECT_EQ(a.body[0].text.value_or("").rfind("В Даугавпилсе", 0), 0u) << c.charset;
    }
    const std::string latvian = "Cēsīs atklāts jauns tilts pār Gauju";
    const std::string latvian_text =
        "<p>Cēsu novadā pēc divu gadu būvdarbiem atklāts jauns gājēju tilts pār Gauju, un to jau "
        "izmanto "
        "daudzi iedzīvotāji.</p><p>Tilta būvniecība izmaksāja četrus miljonus eiro, no kuriem pusi "
        "sedza "
        "Eiropas Savienības fondi, paziņoja pašvaldība.</p>";
    const Article lv =
        from_html(encode("<html lang=\"lv\"><head><meta charset=\"windows-1257\"><title>" +
                             latvian + "</title></head><body>" + latvian_text + "</body></html>",
                         "windows-1257"));
    EXPECT_EQ(lv.headline, latvian);
    EXPECT_EQ(lv.input.encoding, "windows-1257");
    EXPECT_EQ(lv.language, "lv");
    ASSERT_EQ(lv.body.size(), 2u);
    EXPECT_EQ(lv.body[1].text.value_or("").rfind("Tilta būvniecība", 0), 0u);
}

TEST(HtmlCharset, Utf16WithBomAndUndeclaredLegacy) {
    const std::string doc = page("<title>Мост через Даугаву открыт</title>", kParagraphs);
    const Article a = from_html("\xFF\xFE" + encode(doc, "UTF-16LE"));
    EXPECT_EQ(a.headline, "Мост через Даугаву открыт");
    EXPECT_EQ(a.input.encoding, "UTF-16LE");
    // No declaration at all: ICU's detector.
    const Article b = from_html(encode(doc, "windows-1251"));
    EXPECT_EQ(b.headline, "Мост через Даугаву открыт");
    EXPECT_EQ(b.input.encoding, "windows-1251");
}

// Issue 10: a <meta charset> (or an archive record's HTTP header) naming a charset outside the
// Encoding Standard is ignored with a warning; the page is detected.
TEST(HtmlCharset, UnsupportedLabelsAreIgnoredWithAWarning) {
    const std::string title = "Мост через Даугаву открыт";
    for (const char* label : {"ibm037", "utf-7", "scsu", "bocu-1", "utf-32"}) {
        const std::string doc =
            page(std::string("<meta charset=\"") + label + "\"><title>" + title + "</title>",
                 kParagraphs);
        const Article a = from_html(encode(doc, "windows-1251"));
        EXPECT_EQ(a.headline, title) << label;
        EXPECT_EQ(a.input.encoding, "windows-1251") << label;
        ASSERT_FALSE(a.body.empty()) << label;
        EXPECT_EQ(a.body[0].text.value_or("").rfind("В Даугавпилсе", 0), 0u) << label;
        const std::string warning =
            std::string("unsupported charset label \"") + label + "\" ignored";
        EXPECT_NE(std::find(a.warnings.begin(), a.warnings.end(), warning), a.warnings.end())
            << label << ": " << testing::PrintToString(a.warnings);
    }
    // As in browsers, a later <meta> with a known label wins over an unknown one; in a <meta>,
    // x-user-defined is windows-1252.
    EXPECT_EQ(prescan_charset("<meta charset=ibm037><meta http-equiv=content-type "
                              "content='text/html; charset=KOI8-R'>"),
              "KOI8-R");
    EXPECT_EQ(prescan_charset("<meta charset=utf-7><meta charset=scsu>"), "utf-7");
    EXPECT_EQ(prescan_charset("<meta charset=x-user-defined>"), "windows-1252");
    // The same label from an HTTP header (an archive record's Content-Type).
    ExtractOptions options;
    options.declared_charset = "IBM037";
    const Article h = extract(
        encode(page("<title>" + title + "</title>", kParagraphs), "windows-1251"), "r", options);
    EXPECT_EQ(h.headline, title);
    EXPECT_EQ(h.input.encoding, "windows-1251");
}

TEST(HtmlCharset, ALateDeclarationInTheHeadIsThePages) {
    const std::string script = "<script>" + std::string(1500, 'x') + "</script>";
    // Past the pre-scan's 1024 bytes, still in the head.
    EXPECT_FALSE(prescan_charset(script + "<meta charset=\"windows-1250\">"));
    EXPECT_EQ(late_charset(script + "<meta charset=\"windows-1250\"><body>"), "windows-1250");
    EXPECT_EQ(late_charset(script + "<META HTTP-EQUIV=Content-Type CONTENT='text/html; "
                                    "charset=Windows-1250'>"),
              "Windows-1250");
    // In the body it declares nothing.
    EXPECT_FALSE(late_charset(script + "<body><meta charset=\"windows-1250\">"));
    EXPECT_FALSE(late_charset("<meta charset=\"windows-1250\">"));  // the pre-scan's bytes
    // A Polish page in windows-1250 whose <meta> comes after a long script reads as Polish.
    const std::string polish = "Zag\xB3osowa\xB3 Sejm, \xBF\xF3\xB3w i \x9Cwiat\xB3o.";
    const Article a =
        from_html("<html><head>" + script +
                  "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Windows-1250\">"
                  "<title>Sejm</title></head><body><article><h1>Sejm</h1><p>" +
                  polish + " " + polish + " " + polish + "</p></article></body></html>");
    EXPECT_EQ(a.input.encoding, "windows-1250");
    ASSERT_FALSE(a.body.empty());
    EXPECT_NE(a.body[0].text.value_or("").find("Zagłosował Sejm, żółw i światło."),
              std::string::npos);
}

TEST(HtmlCharset, StaleDeclarationOnAUtf8PageIsIgnored) {
    const Article a = from_html(page(
        "<meta charset=\"windows-1251\"><title>Мост через Даугаву открыт</title>", kParagraphs));
    EXPECT_EQ(a.headline, "Мост через Даугаву открыт");
    EXPECT_EQ(a.input.encoding, "UTF-8");
}

TEST(HtmlMetadata, JsonLdAlone) {
    const Article a = from_html(page(
        R"(<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},
           {"@type":"NewsArticle","headline":"Мост открыт","datePublished":"2026-03-29T12:00:00+03:00",
            "author":{"@type":"Person","name":"Анна Берзиня"},"publisher":{"@type":"Organization","name":"Вести Латгалии"},
            "articleSection":"Регионы"}]}</script>)",
        kParagraphs));
    EXPECT_EQ(a.headline, "Мост открыт");
    EXPECT_EQ(a.source, "Анна Берзиня");
    EXPECT_EQ(a.date, "2026-03-29T12:00:00+03:00");
    EXPECT_EQ(a.date_source, DateSource::JsonLd);
    EXPECT_EQ(a.site, "Вести Латгалии");
    EXPECT_EQ(a.category, "Регионы");
}

TEST(HtmlMetadata, JsonLdFollowedByStrayBracesIsRead) {
    // A block with one closing brace too many: the first complete value is the document.
    const Article a = from_html(page(
        R"(<script type="application/ld+json">{"@type":"NewsArticle","headline":"Мост открыт",
           "datePublished":"2026-03-29T12:00:00+03:00"}}}</script>)",
        kParagraphs));
    EXPECT_EQ(a.headline, "Мост открыт");
    EXPECT_EQ(a.date, "2026-03-29T12:00:00+03:00");
    EXPECT_EQ(a.date_source, DateSource::JsonLd);
    // A block that is not JSON at its start is still refused.
    const Article b = from_html(page(
        R"(<script type="application/ld+json">{"@type":"NewsArticle","headline":"Мост открыт",
           "datePublished":"2026-03-29T12:00:00+03:00",,}</script>)",
        kParagraphs));
    EXPECT_NE(b.date_source, DateSource::JsonLd);
}

TEST(HtmlMetadata, OpenGraphAndMetaNamesAlone) {
    const Article a = from_html(page(
        R"(<meta property="og:title" content="Мост открыт"><meta property="og:site_name" content="Example News">
           <meta property="article:published_time" content="2015-07-24T05:36:09+0100">
           <meta name="author" content="Иван Петров"><meta property="og:url" content="https://example.com/most">)",
        kParagraphs));
    EXPECT_EQ(a.headline, "Мост открыт");
    EXPECT_EQ(a.source, "Иван Петров");
    EXPECT_EQ(a.date, "2015-07-24T05:36:09+01:00");
    EXPECT_EQ(a.date_text, "2015-07-24T05:36:09+0100");
    EXPECT_EQ(a.date_source, DateSource::Meta);
    EXPECT_EQ(a.url, "https://example.com/most");
    EXPECT_EQ(a.site, "Example News");
}

TEST(HtmlMetadata, MicrodataTimeCanonicalAndTitleAlone) {
    const Article a = from_html(page(
        R"(<title>Мост через Даугаву открыт после ремонта | Example News</title>
                                   <link rel="canonical" href="https://example.com/a/1">)",
        R"(<article><span itemprop="author" itemscope><span itemprop="name">Анна Берзиня</span></span>
                                   <time datetime="2026-01-15T09:00:00Z">15 января</time>)" +
            kParagraphs + "</article>"));
    EXPECT_EQ(a.headline, "Мост через Даугаву открыт после ремонта");  // site name dropped
    EXPECT_EQ(a.url, "https://example.com/a/1");
    EXPECT_EQ(a.source, "Анна Берзиня");
    EXPECT_EQ(a.date, "2026-01-15T09:00:00+00:00");
    EXPECT_EQ(a.date_source, DateSource::Time);
    EXPECT_EQ(a.language, "ru");
}

TEST(HtmlMetadata, ConflictsResolveBestFirst) {
    const Article a = from_html(page(
        R"(<title>Заголовок из title - Example</title>
           <meta property="og:title" content="Заголовок из OpenGraph">
           <meta property="article:published_time" content="2020-01-02T03:04:05Z">
           <meta name="author" content="Автор из meta">
           <script type="application/ld+json">{"@type":"Article","headline":"Заголовок из JSON-LD",
             "author":{"name":"Автор из JSON-LD"},"datePublished":"2021-05-06"}</script>)",
        "<time datetime=\"2019-09-09\">x</time>" + kParagraphs));
    EXPECT_EQ(a.headline, "Заголовок из JSON-LD");
    EXPECT_EQ(a.source, "Автор из JSON-LD");
    EXPECT_EQ(a.date, "2021-05-06");
    EXPECT_EQ(a.date_source, DateSource::JsonLd);

    const Article b = from_html(page(R"(<title>Заголовок из title - Example</title>
           <meta property="og:title" content="Заголовок из OpenGraph">
           <meta property="article:published_time" content="2020-01-02T03:04:05Z">)",
                                     "<time datetime=\"2019-09-09\">x</time>" + kParagraphs));
    EXPECT_EQ(b.headline, "Заголовок из OpenGraph");
    EXPECT_EQ(b.date, "2020-01-02T03:04:05+00:00");
    EXPECT_EQ(b.date_source, DateSource::Meta);
}

TEST(HtmlMetadata, VisibleBylineReadByTheTextRules) {
    const Article a =
        from_html(page("<meta property=\"og:site_name\" content=\"Press.lv\"><title>Мост открыт - "
                       "Press.lv</title>",
                       "<article><h1>Мост открыт</h1><div class=\"info\">Редакция PRESS 27 "
                       "августа, 2025 10:30</div>"
                       "<div class=\"info\">Мир 5 комментариев</div><div class=\"text\">" +
                           kParagraphs + "</div></article>"));
    EXPECT_EQ(a.source, "Редакция PRESS");
    EXPECT_EQ(a.date, "2025-08-27T10:30:00+03:00");
    EXPECT_EQ(a.date_source, DateSource::Byline);
    EXPECT_EQ(a.category, "Мир");
    EXPECT_EQ(a.comments, 5);
    EXPECT_EQ(a.site, "Press.lv");
    EXPECT_EQ(a.body.size(), 3u);
}

TEST(HtmlBoilerplate, NavigationAdsSharingCommentsCookiesFooterStayOut) {
    const Article a = from_html(page(
        "<title>Мост через Даугаву открыт после ремонта</title>",
        "<nav><a href=\"/\">Главная</a> <a href=\"/news\">Новости региона</a></nav>"
        "<div class=\"cookie-banner\">Мы используем cookie, чтобы сайт работал лучше.</div>"
        "<div class=\"ads--banner\">Реклама: скидки на окна до сорока процентов всю неделю.</div>"
        "<article><div class=\"post-content-inner\">" +
            kParagraphs +
            "<div class=\"post-content-inner--ad-block\">Реклама посреди статьи, которую никто не "
            "читает.</div>"
            "<div class=\"share\"><a href=\"#\">Поделиться в Facebook</a></div></div></article>"
            "<div id=\"comments\" class=\"comments\"><p>Комментарий читателя, длинный и с "
            "запятыми, очень важный.</p></div>"
            "<footer>© Example, 2026. Все права защищены. Перепечатка запрещена.</footer>"));
    const std::string text = all_body_text(a);
    for (const char* leak :
         {"Главная", "cookie", "Реклама", "Поделиться", "Комментарий читателя", "Все права"}) {
        EXPECT_EQ(text.find(leak), std::string::npos) << leak << " leaked into:\n" << text;
    }
    EXPECT_EQ(a.stats.paragraphs, 3);
}

TEST(HtmlBoilerplate, HiddenElementsAreNotContent) {
    const Article a = from_html(
        page("<title>Мост через Даугаву открыт после ремонта</title>",
             "<article>" + kParagraphs +
                 "<p style=\"display: none\">Скрытый текст, который не видит читатель страницы.</p>"
                 "<p hidden>Ещё один скрытый абзац текста для проверки.</p></article>"));
    EXPECT_EQ(all_body_text(a).find("крыт"), std::string::npos);
}

TEST(HtmlStructure, CaptionsCreditsHeadingsQuotesLists) {
    const Article a = from_html(
        page("<title>Мост через Даугаву открыт после ремонта</title>",
             "<article>" + kParagraphs +
                 "<figure><img src=\"a.jpg\" alt=\"мост\"><figcaption>Новый мост в день открытия "
                 "<span class=\"credit\">Фото: Илзе Калниня</span></figcaption></figure>"
                 "<h2>Что дальше</h2><p>Следующим отремонтируют путепровод у вокзала, сказал мэр, "
                 "и начнут уже осенью.</p>"
                 "<blockquote><p>Мы ждали этот мост десять лет, и теперь он наконец открыт для "
                 "всех.</p></blockquote>"
                 "<ul><li>первый пункт плана, длинный и подробный, с запятыми;</li><li>второй "
                 "пункт плана, тоже "
                 "подробный, с запятыми.</li></ul>"
                 "<figure><img src=\"b.jpg\" alt=\"Вид на реку с моста\"></figure>"
                 "<figure><figcaption>Мост вечером Фото: LETA</figcaption></figure></article>"));
    std::vector<std::string> kinds;
    for (const auto& b : a.body)
        kinds.push_back(to_string(b.type));
    EXPECT_EQ(kinds, (std::vector<std::string>{"paragraph", "paragraph", "paragraph", "caption",
                                               "subheading", "paragraph", "quote", "list_item",
                                               "list_item", "caption", "caption"}));
    EXPECT_EQ(a.body[3].text, "Новый мост в день открытия");
    EXPECT_EQ(a.body[3].credit, "Фото: Илзе Калниня");
    EXPECT_EQ(a.body[9].text,
              "Вид на реку с моста");  // a figure without a caption: the image's alt text
    EXPECT_FALSE(a.body[9].credit);
    EXPECT_EQ(a.body[10].text,
              "Мост вечером");  // a credit inside the caption text, split by the text rules
    EXPECT_EQ(a.body[10].credit, "Фото: LETA");
}

TEST(HtmlStructure, CaptionsMarkedByClassCarryTheirCredit) {
    // WordPress's classic caption: no <figure>, a div and a paragraph named for it, and the
    // credit in its own element before the text.
    const Article a = from_html(
        page("<title>Мост через Даугаву открыт после ремонта</title>",
             "<article>" + kParagraphs +
                 "<div class=\"wp-caption aligncenter\"><img src=\"a.jpg\" alt=\"\">"
                 "<p class=\"credit\">Фото: Илзе Калниня</p><p class=\"wp-caption-text\">Новый "
                 "мост в день открытия</p></div>"
                 "<div class=\"has-caption\"><p>Следующим отремонтируют путепровод у вокзала, "
                 "сказал мэр, и начнут уже осенью.</p></div></article>"));
    std::vector<std::string> kinds;
    for (const auto& b : a.body)
        kinds.push_back(to_string(b.type));
    EXPECT_EQ(kinds, (std::vector<std::string>{"paragraph", "paragraph", "paragraph", "caption",
                                               "caption", "paragraph"}));
    EXPECT_FALSE(a.body[3].text);
    EXPECT_EQ(a.body[3].credit, "Фото: Илзе Калниня");
    EXPECT_EQ(a.body[4].text, "Новый мост в день открытия");
}

TEST(HtmlStructure, TeaserListsBecomeRelated) {
    const Article a = from_html(
        page("<title>Мост через Даугаву открыт после ремонта</title>",
             "<article>" + kParagraphs +
                 "</article><section class=\"related-posts\"><h3>Читайте также</h3><ul>"
                 "<li><a href=\"/1\">В Резекне выбрали лучший двор города</a><p>Победителям вручат "
                 "пять тысяч евро "
                 "на новые скамейки.</p></li>"
                 "<li><a href=\"/2\">Жители Огре жалуются на комаров</a></li></ul></section>"));
    ASSERT_EQ(a.related.size(), 2u);
    EXPECT_EQ(a.related[0].title, "В Резекне выбрали лучший двор города");
    EXPECT_EQ(a.related[0].lead, "Победителям вручат пять тысяч евро на новые скамейки.");
    EXPECT_EQ(a.related[1].title, "Жители Огре жалуются на комаров");
    EXPECT_FALSE(a.related[1].lead);
    EXPECT_EQ(all_body_text(a).find("Резекне"), std::string::npos);
}

TEST(HtmlNesting, HundredThousandLevelsAreFlattenedNotFatal) {
    std::string doc = "<html><body>";
    for (int i = 0; i < 100000; ++i)
        doc += "<div>";
    doc += "Глубоко вложенный текст, с запятыми, который всё равно должен дойти до читателя.";
    for (int i = 0; i < 100000; ++i)
        doc += "</div>";
    doc += "</body></html>";
    const Article a = from_html(doc);
    ASSERT_EQ(a.body.size(), 1u);
    EXPECT_EQ(a.body[0].text,
              "Глубоко вложенный текст, с запятыми, который всё равно должен дойти до читателя.");
    EXPECT_NE(std::find(a.warnings.begin(), a.warnings.end(),
                        "markup nested deeper than 1024 levels was flattened"),
              a.warnings.end());
}

// A JSON-LD author (or creator, publisher) nested 40,000 arrays deep once overflowed the stack
// in the recursive author walk. Deep JSON-LD is cut at 64 levels now, with a warning; what sits
// shallower is still read.
TEST(HtmlNesting, JsonLdNestedFortyThousandDeepIsCutNotFatal) {
    const std::string deep =
        std::string(40000, '[') + R"("Анна Берзиня")" + std::string(40000, ']');
    for (const std::string key : {"author", "creator", "publisher"}) {
        SCOPED_TRACE(key);
        const Article a = from_html(page(
            R"(<script type="application/ld+json">{"@type":"NewsArticle","headline":"Мост открыт",
                 "datePublished":"2026-03-29T12:00:00+03:00","articleSection":"Регионы",")" +
                key + R"(":)" + deep + "}</script>",
            kParagraphs));
        EXPECT_EQ(a.headline, "Мост открыт");
        EXPECT_EQ(a.date, "2026-03-29T12:00:00+03:00");
        EXPECT_EQ(a.category, "Регионы");
        EXPECT_NE(std::find(a.warnings.begin(), a.warnings.end(),
                            "JSON-LD nested deeper than 64 levels was cut"),
                  a.warnings.end());
        EXPECT_EQ(all_body_text(a).find("Берзиня"), std::string::npos);
    }
    // Objects too, and inside @graph: the article beside the deep node is still found.
    std::string objects;
    for (int i = 0; i < 40000; ++i)
        objects += R"({"@type":"Thing","name":)";
    objects += "1" + std::string(40000, '}');
    const Article g = from_html(page(
        R"(<script type="application/ld+json">{"@graph":[)" + objects +
            R"(,{"@type":"NewsArticle","headline":"Мост открыт","author":{"name":"Анна Берзиня"}}]}</script>)",
        kParagraphs));
    EXPECT_EQ(g.headline, "Мост открыт");
    EXPECT_EQ(g.source, "Анна Берзиня");
    EXPECT_EQ(std::count(g.warnings.begin(), g.warnings.end(),
                         "JSON-LD nested deeper than 64 levels was cut"),
              1);
}

// The fuzzer's first finding: nlohmann's parser callback (the first way the depth was bounded)
// scans an array again after each object in it, so an @graph of 20,000 nodes took seconds.
// 100,000 nodes: linear now, a fraction of a second; quadratic, many minutes.
TEST(HtmlMetadata, JsonLdGraphOfManyNodesIsReadInLinearTime) {
    std::string graph;
    for (int i = 0; i < 100000; ++i)
        graph += R"(,{"@type":"Thing","name":"n"})";
    const Article a = from_html(page(
        R"(<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","headline":"Мост открыт","author":{"name":"Анна Берзиня"}})" +
            graph + "]}</script>",
        kParagraphs));
    EXPECT_EQ(a.headline, "Мост открыт");
    EXPECT_EQ(a.source, "Анна Берзиня");
}

TEST(HtmlMetadata, JsonLdWithinTheDepthLimitIsReadWhole) {
    // 60 levels of arrays around the author: within the limit, nothing cut, no warning.
    const Article a = from_html(page(
        R"(<script type="application/ld+json">{"@type":"NewsArticle","headline":"Мост открыт","author":)" +
            std::string(60, '[') + R"({"name":"Анна Берзиня"})" + std::string(60, ']') +
            "}</script>",
        kParagraphs));
    EXPECT_EQ(a.source, "Анна Берзиня");
    EXPECT_EQ(std::find(a.warnings.begin(), a.warnings.end(),
                        "JSON-LD nested deeper than 64 levels was cut"),
              a.warnings.end());
}

TEST(HtmlNesting, LimitKeepsTextAndShallowPagesUntouched) {
    EXPECT_FALSE(html::limit_markup("<div><p>a</p><img src=x><br></div>", 2));
    const auto flat = html::limit_markup("<div><div><div>text</div></div></div>", 2);
    ASSERT_TRUE(flat);
    EXPECT_EQ(*flat, "<div><div>text</div></div>");
    // Raw text elements are not parsed for tags.
    EXPECT_FALSE(html::limit_markup("<div><script>'<div><div><div>'</script></div>", 2));
}

TEST(HtmlLimits, AttributesPastTheLimitAreDropped) {
    html::MarkupLimits hit;
    const auto cut =
        html::limit_markup("<p a=1 b='x y' c d=\"2\">text</p><br e=1 f=2/>", 100, 2, &hit);
    ASSERT_TRUE(cut);
    EXPECT_EQ(*cut, "<p a=1 b='x y' >text</p><br e=1 f=2/>");
    EXPECT_TRUE(hit.attributes_cut);
    EXPECT_FALSE(hit.flattened);
    EXPECT_FALSE(html::limit_markup("<p a=1 b=2>it's</p>", 100, 2));
}

// A quoted value is passed over whole: its '>', white space, '=' and the other quote are
// value, not markup; a quote only opens a value after '='; an unclosed one runs to the end.
TEST(HtmlLimits, QuotedValuesAreSkippedWhole) {
    html::MarkupLimits hit;
    const auto cut = html::limit_markup(
        "<p a='x > b=\"y\" c' d=\"e f='>'\" g h=1>t</p><i j=\"k\">u</i>", 100, 3, &hit);
    ASSERT_TRUE(cut);
    EXPECT_EQ(*cut, "<p a='x > b=\"y\" c' d=\"e f='>'\" g >t</p><i j=\"k\">u</i>");
    EXPECT_FALSE(html::limit_markup("<p a=1 'b' \"c\">t</p>", 100, 3));  // names, not values
    EXPECT_TRUE(html::limit_markup("<p a=1 'b' \"c\" d>t</p>", 100, 3));
    EXPECT_FALSE(html::limit_markup("<div><div a='>", 1));  // never closed: nothing to flatten
    const auto flat = html::limit_markup("<div a=\"<div>\"><div b='/'>t</div></div>", 1);
    ASSERT_TRUE(flat);
    EXPECT_EQ(*flat, "<div a=\"<div>\">t</div>");
}

TEST(HtmlLimits, MillionAttributesOnOneElementFinish) {
    std::string doc = "<html><body><div";
    for (int i = 0; i < 1000000; ++i)
        doc += " a" + std::to_string(i) + "=\"x\"";
    doc +=
        ">Текст внутри элемента с миллионом атрибутов, который должен дойти до "
        "читателя.</div></body></html>";
    const Article a = from_html(doc);
    ASSERT_EQ(a.body.size(), 1u);
    EXPECT_NE(std::find(a.warnings.begin(), a.warnings.end(),
                        "attributes past the first 1000 of an element were dropped"),
              a.warnings.end());
}

TEST(HtmlDocument, EmptyAndBrokenMarkupNeverFail) {
    EXPECT_NO_THROW(from_html("<html><body><p>Текст без закрывающих тегов<div><span>ещё"));
    EXPECT_NO_THROW(from_html("<!DOCTYPE html>"));
    EXPECT_NO_THROW(from_html("<html><body><table><tr><td>ячейка</table><p>после"));
}

// One invented article, written as a saved Press.lv HTML page and as its text dump: the two
// must agree field for field, except where the page came from and where its teasers link to
// (the dump does not show links).
TEST(TwinFixture, HtmlAndTextGiveTheSameArticle) {
    const std::filesystem::path root = PRESSPARSE_SOURCE_DIR;
    auto text = to_json(extract_file((root / "data/sample.txt").string()));
    auto markup = to_json(extract_file((root / "data/sample-twin.html").string()));
    EXPECT_EQ(markup["input"]["format"], "html");
    text.erase("input");
    markup.erase("input");
    for (auto& r : markup["related"]) {
        EXPECT_TRUE(r["url"].is_string());
        r["url"] = nullptr;
    }
    const auto differences = compare_json(text, markup, {});
    for (const auto& d : differences)
        ADD_FAILURE() << render_difference(d);
    EXPECT_TRUE(differences.empty());
}

TEST(Timestamps, StatedFormsNormalised) {
    using dates::normalize_timestamp;
    EXPECT_EQ(normalize_timestamp("2015-07-24T05:36:09+0100", false), "2015-07-24T05:36:09+01:00");
    EXPECT_EQ(normalize_timestamp("2015-07-24T05:36:09.123Z", false), "2015-07-24T05:36:09+00:00");
    EXPECT_EQ(normalize_timestamp("2015-07-24", false), "2015-07-24");
    EXPECT_EQ(normalize_timestamp("2015-07-24 05:36", false), "2015-07-24");
    EXPECT_EQ(normalize_timestamp("2015-07-24T05:36:09", false), "2015-07-24");
    EXPECT_EQ(normalize_timestamp("July 24, 2015 5:36 PM", false), "2015-07-24");
    EXPECT_EQ(normalize_timestamp("2015-07-24 05:36", true), "2015-07-24T05:36:00+03:00");
    EXPECT_EQ(normalize_timestamp("Fri, 24 Jul 2015 05:36:09 GMT", false),
              "2015-07-24T05:36:09+00:00");
    EXPECT_EQ(normalize_timestamp("July 24, 2015", false), "2015-07-24");
    EXPECT_EQ(normalize_timestamp("6 февраля, 2026 11:49", true), "2026-02-06T11:49:00+02:00");
    EXPECT_FALSE(normalize_timestamp("вчера", false));
    EXPECT_FALSE(normalize_timestamp("2015-02-30", false));
}

TEST(HtmlStructure, TeaserLeadsOnlyForItemsWithOneTitle) {
    const std::string items =
        // One title, printed twice (image link and heading link), and a lead: a normal item.
        "<li><a href=\"/1\">В Резекне выбрали лучший двор</a><h4><a href=\"/1\">В Резекне "
        "выбрали лучший двор</a></h4><p>Победителям вручат пять тысяч евро на новые "
        "скамейки.</p></li>"
        // Two titles in one item: neither has the other's text as its lead.
        "<li><a href=\"/2\">Жители Огре жалуются на комаров</a> <a href=\"/3\">В Елгаве "
        "открыли новый каток</a> и другие новости этой недели, собранные в одном месте.</li>";
    const Article a = from_html(
        page("<title>Мост через Даугаву открыт после ремонта</title>",
             "<article>" + kParagraphs + "</article><ul class=\"related\">" + items + "</ul>"));
    ASSERT_EQ(a.related.size(), 3u);
    EXPECT_EQ(a.related[0].title, "В Резекне выбрали лучший двор");
    EXPECT_EQ(a.related[0].lead,
              "В Резекне выбрали лучший двор Победителям вручат пять тысяч евро на новые "
              "скамейки.");
    EXPECT_EQ(a.related[1].title, "Жители Огре жалуются на комаров");
    EXPECT_FALSE(a.related[1].lead);
    EXPECT_EQ(a.related[2].title, "В Елгаве открыли новый каток");
    EXPECT_FALSE(a.related[2].lead);
}

TEST(HtmlStructure, NestedAuthorContainersFindTheInnerByline) {
    std::string body = "<article>" + kParagraphs + "</article>";
    std::string bio;
    for (int i = 0; i < 50; ++i)
        bio += "Автор пишет о городе и его жителях уже много лет. ";
    for (int i = 0; i < 3; ++i)
        body += "<div class=\"author-box\">" + bio;
    body += "<span class=\"author\">Анна Берзиня</span>";
    for (int i = 0; i < 3; ++i)
        body += "</div>";
    const Article a = from_html(page("<title>Мост</title>", body));
    EXPECT_EQ(a.source, "Анна Берзиня");
}

TEST(HtmlLimits, PagesPastTheMarkupItemLimitAreCutOff) {
    html::MarkupLimits hit;
    // Tags, end tags, comments and attributes count; text does not.
    const auto cut = html::limit_markup("<p a=1>one</p><!-- c -->two<br>three", 100, 100, &hit, 4);
    ASSERT_TRUE(cut);
    EXPECT_EQ(*cut, "<p a=1>one</p><!-- c -->two");
    EXPECT_TRUE(hit.truncated);
    EXPECT_FALSE(html::limit_markup("<p a=1>one</p><!-- c -->two", 100, 100, nullptr, 4));
    // Stray end tags make elements, and "</" without a name a comment: both count.
    EXPECT_EQ(*html::limit_markup("a</p></p></p>", 100, 100, nullptr, 2), "a</p></p>");
    EXPECT_EQ(*html::limit_markup("a</1></1></1>", 100, 100, nullptr, 2), "a</1></1>");
}

TEST(HtmlLimits, PageOfMillionsOfElementsIsCutOffWithAWarning) {
    std::string doc = "<html><body><article>" + kParagraphs + "</article>";
    for (std::size_t i = 0; i < html::kMaxMarkupItems; ++i)
        doc += "<p>";
    const Article a = from_html(doc);
    EXPECT_EQ(a.body.size(), 3u);
    EXPECT_NE(std::find(a.warnings.begin(), a.warnings.end(),
                        "page cut off after its first 500000 tags and attributes"),
              a.warnings.end());
}

TEST(HtmlStructure, ParagraphWithAnInlineLinkStaysWholeInTheBody) {
    // The link's class says "related"; in the middle of a sentence it is a phrase of the
    // paragraph, not a teaser.
    const Article a = from_html(page(
        "<title>Мост через Даугаву открыт после ремонта</title>",
        "<article>" + kParagraphs +
            "<p>Подробнее о проекте можно прочитать в <a href=\"/plan\" class=\"related-article\">"
            "отчёте городской думы о ремонте</a>, опубликованном в прошлом месяце.</p></article>"
            "<ul class=\"related\"><li><a href=\"/1\">В Резекне выбрали лучший двор "
            "города</a></li></ul>"));
    EXPECT_NE(all_body_text(a).find("Подробнее о проекте можно прочитать в отчёте городской думы "
                                    "о ремонте, опубликованном в прошлом месяце."),
              std::string::npos)
        << all_body_text(a);
    ASSERT_EQ(a.related.size(), 1u);
    EXPECT_EQ(a.related[0].title, "В Резекне выбрали лучший двор города");
}

TEST(HtmlBoilerplate, PrintOnlyContentIsNotHidden) {
    // Marked for print, shown to screen readers: only hidden/aria-hidden/display:none hide.
    const Article a = from_html(
        page("<title>Мост через Даугаву открыт после ремонта</title>",
             "<article>" + kParagraphs +
                 "<div class=\"print-only\"><p>Мост построила рижская фирма, которая выиграла "
                 "конкурс, объявленный весной.</p></div></article>"));
    EXPECT_NE(all_body_text(a).find("Мост построила рижская фирма"), std::string::npos)
        << all_body_text(a);
}

TEST(HtmlBoilerplate, ArticleInsideNoscriptIsRead) {
    // A page that prints its post for readers without scripts only; a short noscript notice
    // stays out.
    const Article a =
        from_html(page("<title>Мост через Даугаву открыт после ремонта</title>",
                       "<noscript><p>Включите JavaScript, чтобы увидеть страницу.</p></noscript>"
                       "<div class=\"post-body\"><script>render()</script><noscript>" +
                           kParagraphs + "</noscript></div>"));
    const std::string text = all_body_text(a);
    EXPECT_NE(text.find("В Даугавпилсе открыли новый мост"), std::string::npos) << text;
    EXPECT_NE(text.find("автобусы теперь ходят чаще"), std::string::npos) << text;
    EXPECT_EQ(text.find("JavaScript"), std::string::npos) << text;

    // Beside an article of its own, paragraphs in a <noscript> are a notice, not the article.
    const Article shown = from_html(
        page("<title>Мост через Даугаву открыт после ремонта</title>",
             "<article>" + kParagraphs + kParagraphs + kParagraphs +
                 "</article><noscript><p>Для работы сайта, как и для показа видео, нужен "
                 "JavaScript.</p><p>Включите его в настройках браузера, и страница покажет всё, "
                 "что сейчас скрыто.</p></noscript>"));
    EXPECT_EQ(all_body_text(shown).find("JavaScript"), std::string::npos) << all_body_text(shown);
}

TEST(HtmlStructure, ListsAndTablesBesideTheParagraphsStayInTheBody) {
    // Ingredients, numbered steps and a specification table next to the scored paragraphs, in
    // the same article; a list of tag links after them stays out.
    const Article a = from_html(page(
        "<title>Мост через Даугаву открыт после ремонта</title>",
        "<article><div class=\"intro\">" + kParagraphs +
            "</div><div class=\"ingredients\"><h3>Состав</h3><ul><li>500 граммов муки</li>"
            "<li>два яйца</li></ul></div><ol><li>Смешать муку с яйцами.</li><li>Влить молоко и "
            "размешать.</li></ol><table><tr><td>Длина</td><td>300 метров</td></tr><tr><td>Ширина"
            "</td><td>20 метров</td></tr></table><ul><li><a href=\"/t/1\">Даугавпилс</a></li>"
            "<li><a href=\"/t/2\">Мосты</a></li></ul></article>"));
    std::vector<std::pair<std::string, std::string>> tail;
    for (std::size_t i = 3; i < a.body.size(); ++i)
        tail.emplace_back(to_string(a.body[i].type), a.body[i].text.value_or(""));
    EXPECT_EQ(tail, (std::vector<std::pair<std::string, std::string>>{
                        {"subheading", "Состав"},
                        {"list_item", "500 граммов муки"},
                        {"list_item", "два яйца"},
                        {"list_item", "Смешать муку с яйцами."},
                        {"list_item", "Влить молоко и размешать."},
                        {"paragraph", "Длина 300 метров"},
                        {"paragraph", "Ширина 20 метров"}}));
}

// The site is Press.lv only on evidence; otherwise what the page states, else its host, else null.
TEST(HtmlMetadata, SiteIsPressLvOnlyOnEvidence) {
    const std::string body =
        "<article><h1>Мост открыт</h1><p>Мост через реку открыли после "
        "ремонта, который длился полгода и стоил городу немало.</p></article>";
    EXPECT_EQ(from_html(page("<title>Мост открыт</title>", body)).site, std::nullopt);
    EXPECT_EQ(from_html(page("<title>Мост открыт</title><link rel=\"canonical\" "
                             "href=\"https://News.Example.org:8443/a/b\">",
                             body))
                  .site,
              "news.example.org");
    EXPECT_EQ(from_html(page("<meta property=\"og:site_name\" content=\"Example News\">"
                             "<link rel=\"canonical\" href=\"https://news.example.org/a\">",
                             body))
                  .site,
              "Example News");
    EXPECT_EQ(from_html(page("<title>Мост открыт - Press.lv</title>", body)).site, "Press.lv");
    EXPECT_EQ(from_html(page("<link rel=\"canonical\" href=\"https://www.press.lv/post/x\">"
                             "<meta property=\"og:site_name\" content=\"PRESS\">",
                             body))
                  .site,
              "Press.lv");
    // A host that merely contains the name is not the site.
    EXPECT_EQ(
        from_html(page("<link rel=\"canonical\" href=\"https://notpress.lv.example.com/\">", body))
            .site,
        "notpress.lv.example.com");
}

namespace {

// Four teasers of invented articles, a title link and a lead each, under hashed class names.
std::string teaser_run(const std::string& heading) {
    return "<div class=\"css-9q8w7e\">" + heading +
           "<div class=\"_k1\"><a href=\"/1\">В Резекне выбрали лучший двор города</a>"
           "<p>Победителям вручат пять тысяч евро на новые скамейки.</p></div>"
           "<div class=\"_k1\"><a href=\"/2\">Жители Огре жалуются на летних комаров</a>"
           "<p>Самоуправление обещает обработать пойму реки до конца месяца.</p></div>"
           "<div class=\"_k1\"><a href=\"/3\">В Вентспилсе отремонтируют старый маяк</a>"
           "<p>Работы начнутся весной и продлятся до самой осени.</p></div>"
           "<div class=\"_k1\"><a href=\"/4\">Рижский зоопарк показал двух новых жирафов</a>"
           "<p>Посетители смогут увидеть их уже с понедельника.</p></div></div>";
}

std::vector<std::string> related_urls(const Article& a) {
    std::vector<std::string> out;
    for (const auto& r : a.related)
        out.push_back(r.url.value_or(""));
    return out;
}

const std::string kEnglishParagraphs =
    "<p>The council opened the new bridge over the river on Tuesday, and traffic now runs in both "
    "directions again after two years of works.</p>"
    "<p>The works cost four million euros, half of which came from European funds, the city "
    "said in a statement, adding that the old bridge will be taken down.</p>"
    "<p>People who used to drive the long way round say the trip to the centre is now twenty "
    "minutes shorter, and buses run more often.</p>";

std::string english_page(const std::string& head, const std::string& body,
                         const char* lang = "en") {
    return std::string("<!DOCTYPE html><html lang=\"") + lang + "\"><head>" + head +
           "</head><body>" + body + "</body></html>";
}

}  // namespace

TEST(HtmlTeasers, HeadedRunUnderHashedClassNamesBecomesRelated) {
    const Article a = from_html(page("<title>Мост через Даугаву открыт после ремонта</title>",
                                     "<div class=\"css-1x2y3z\">" + kParagraphs + "</div>" +
                                         teaser_run("<h2 class=\"_a8f3k\">Другие новости</h2>")));
    EXPECT_EQ(related_urls(a), (std::vector<std::string>{"/1", "/2", "/3", "/4"}));
    ASSERT_EQ(a.related.size(), 4u);
    EXPECT_EQ(a.related[0].title, "В Резекне выбрали лучший двор города");
    EXPECT_EQ(a.related[0].lead, "Победителям вручат пять тысяч евро на новые скамейки.");
    const std::string text = all_body_text(a);
    for (const char* gone : {"Другие новости", "Резекне", "Огре", "маяк", "жирафов", "скамейки"})
        EXPECT_EQ(text.find(gone), std::string::npos) << gone << " in\n" << text;
    EXPECT_NE(text.find("автобусы теперь ходят чаще"), std::string::npos) << text;
}

TEST(HtmlTeasers, RunWithoutAHeadingIsFoundByItsStructure) {
    const Article a =
        from_html(page("<title>Мост через Даугаву открыт после ремонта</title>",
                       "<div class=\"css-1x2y3z\">" + kParagraphs + "</div>" + teaser_run("")));
    EXPECT_EQ(related_urls(a), (std::vector<std::string>{"/1", "/2", "/3", "/4"}));
    EXPECT_EQ(all_body_text(a).find("Резекне"), std::string::npos) << all_body_text(a);
}

TEST(HtmlTeasers, ReadAlsoBoxInsideTheTextGoesToRelated) {
    const Article a = from_html(
        page("<title>Мост через Даугаву открыт после ремонта</title>",
             "<article class=\"_x1\"><p>В Даугавпилсе открыли новый мост через реку, сообщили в "
             "самоуправлении города, и движение уже пустили по обеим полосам.</p>"
             "<p class=\"_q9\"><strong>Читайте также:</strong> <a href=\"/skate\">В Елгаве открыли "
             "новый каток для детей</a></p>"
             "<p>Строительство, которое началось два года назад, обошлось в четыре миллиона евро, "
             "из которых половину оплатили фонды Европейского союза.</p>"
             "<p>Жители, которые раньше ездили в объезд, говорят, что дорога до центра сократилась "
             "на двадцать минут, а автобусы теперь ходят чаще.</p></article>"));
    ASSERT_EQ(a.related.size(), 1u);
    EXPECT_EQ(a.related[0].title, "В Елгаве открыли новый каток для детей");
    EXPECT_EQ(a.related[0].url, "/skate");
    const std::string text = all_body_text(a);
    EXPECT_EQ(text.find("каток"), std::string::npos) << text;
    EXPECT_EQ(text.find("Читайте"), std::string::npos) << text;
    EXPECT_NE(text.find("движение уже пустили по обеим полосам."), std::string::npos) << text;
    EXPECT_NE(text.find("фонды Европейского союза."), std::string::npos) << text;
    EXPECT_NE(text.find("автобусы теперь ходят чаще."), std::string::npos) << text;
}

TEST(HtmlTeasers, BoxOpeningWithAQuestionOrAShortCallIsRecognised) {
    // "Schon gelesen?" ends with a question mark; "MIRA:" is one word before the link.
    const std::string de_text =
        "<p>Die neue Brücke über den Fluss wurde am Dienstag eröffnet, teilte die Stadt mit, und "
        "der Verkehr rollt bereits auf beiden Spuren.</p>"
        "<p><strong>Schon gelesen?</strong> <a href=\"/f\">Fähre über den Fluss fährt wieder "
        "jede Stunde</a></p><p>Der Bau, der vor zwei Jahren begann, kostete vier Millionen Euro, "
        "von denen die Hälfte die Europäische Union trug.</p>";
    const Article de = from_html(
        page("<title>Neue Brücke eröffnet</title>", "<div class=\"c-3fz\">" + de_text + "</div>"));
    EXPECT_EQ(related_urls(de), (std::vector<std::string>{"/f"}));
    EXPECT_EQ(all_body_text(de).find("Schon gelesen"), std::string::npos) << all_body_text(de);

    const std::string es_text =
        "<p>El nuevo puente sobre el río se abrió el martes, informó la ciudad, y el tráfico ya "
        "circula por los dos carriles.</p>"
        "<h3><strong>MIRA:</strong> <a href=\"/m\">El ferry vuelve a cruzar el río cada hora"
        "</a></h3><p>La obra, que empezó hace dos años, costó cuatro millones de euros, la mitad "
        "de los cuales pagó la Unión Europea.</p>";
    const Article es = from_html(
        page("<title>Nuevo puente</title>", "<div class=\"c-3fz\">" + es_text + "</div>"));
    EXPECT_EQ(all_body_text(es).find("MIRA"), std::string::npos) << all_body_text(es);
    EXPECT_NE(all_body_text(es).find("la mitad de los cuales"), std::string::npos)
        << all_body_text(es);
}

TEST(HtmlTeasers, HeadingsInGermanAndEnglishAreRecognised) {
    const std::string de_text =
        "<p>Die neue Brücke über den Fluss wurde am Dienstag eröffnet, teilte die Stadt mit, und "
        "der Verkehr rollt bereits auf beiden Spuren.</p><p>Der Bau, der vor zwei Jahren begann, "
        "kostete vier Millionen Euro, von denen die Hälfte die Europäische Union trug.</p><p>Wer "
        "früher den Umweg fuhr, ist nun zwanzig Minuten schneller im Zentrum, und die Busse "
        "fahren öfter.</p>";
    // Two teasers only: a run that short needs its heading.
    const Article de = from_html(
        page("<title>Neue Brücke eröffnet</title>",
             "<div class=\"c-3fz\">" + de_text +
                 "</div><p class=\"c-8kq\"><b>Lesen Sie auch:</b></p><ul class=\"c-1aa\">"
                 "<li><a href=\"/a\">Stadtrat beschließt neuen Haushalt für das Jahr</a></li>"
                 "<li><a href=\"/b\">Fähre über den Fluss fährt wieder jede Stunde</a></li></ul>"));
    EXPECT_EQ(related_urls(de), (std::vector<std::string>{"/a", "/b"}));
    EXPECT_EQ(all_body_text(de).find("Lesen Sie"), std::string::npos) << all_body_text(de);
    EXPECT_EQ(all_body_text(de).find("Haushalt"), std::string::npos) << all_body_text(de);

    const std::string en_text =
        "<p>The new bridge over the river opened on Tuesday, the city said, and traffic already "
        "runs in both lanes.</p><p>Building it, which began two years ago, cost four million "
        "euros, half of which the European Union paid.</p><p>People who used to drive the long way "
        "round now reach the centre twenty minutes sooner, and the buses run more often.</p>";
    const Article en = from_html(
        page("<title>New bridge opens</title>",
             "<div class=\"x7\">" + en_text +
                 "</div><section class=\"y2\"><h3>MORE ON THIS TOPIC</h3><div><a href=\"/c\">City "
                 "council passes the budget for next year</a></div><div><a href=\"/d\">The river "
                 "ferry runs every hour again</a></div></section>"));
    EXPECT_EQ(related_urls(en), (std::vector<std::string>{"/c", "/d"}));
    EXPECT_EQ(all_body_text(en).find("MORE ON"), std::string::npos) << all_body_text(en);
}

TEST(HtmlTeasers, ParagraphWithTwoInlineLinksStaysInTheBody) {
    const Article a = from_html(
        page("<title>Мост через Даугаву открыт после ремонта</title>",
             "<article>" + kParagraphs +
                 "<p>Читайте также отчёт <a href=\"/r\">городской думы о ремонте моста</a> и "
                 "<a href=\"/p\">план работ на следующий год</a>, которые опубликованы на сайте "
                 "самоуправления вместе со сметой и фотографиями старого настила.</p></article>"));
    EXPECT_TRUE(a.related.empty());
    EXPECT_NE(all_body_text(a).find("Читайте также отчёт городской думы о ремонте моста и план "
                                    "работ на следующий год, которые опубликованы"),
              std::string::npos)
        << all_body_text(a);
}

TEST(HtmlTeasers, JsonLdArticleBodyReplacesAStubBody) {
    const std::string ld =
        "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", "
        "\"headline\": \"Мост через Даугаву открыт\", \"articleBody\": \"" +
        std::string(
            "В Даугавпилсе открыли новый мост через реку, сообщили в "
            "самоуправлении города.\\n\\nСтроительство, которое "
            "началось два года назад, обошлось в четыре миллиона "
            "евро.\\nЖители говорят, что дорога до центра сократилась "
            "на двадцать минут, а автобусы теперь ходят чаще.") +
        "\"}</script>";
    const Article a = from_html(page("<title>Мост через Даугаву открыт</title>" + ld,
                                     "<div id=\"app\"><p>Загрузка статьи…</p></div>"));
    std::vector<std::string> texts;
    for (const auto& b : a.body)
        texts.push_back(b.text.value_or(""));
    EXPECT_EQ(texts, (std::vector<std::string>{
                         "В Даугавпилсе открыли новый мост через реку, сообщили в самоуправлении "
                         "города.",
                         "Строительство, которое началось два года назад, обошлось в четыре "
                         "миллиона евро.",
                         "Жители говорят, что дорога до центра сократилась на двадцать минут, а "
                         "автобусы теперь ходят чаще."}));

    // A full body in the markup is kept, whatever the JSON-LD says.
    const Article full = from_html(page("<title>Мост через Даугаву открыт</title>" + ld,
                                        "<article>" + kParagraphs + "</article>"));
    EXPECT_NE(all_body_text(full).find("обеим полосам"), std::string::npos);
}

// JSON-LD's date on the graph's WebPage when the article object has none.
TEST(HtmlDates, JsonLdGraphWebPageDate) {
    const Article a = from_html(english_page(
        R"(<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
           {"@type":"WebPage","datePublished":"2019-11-19T08:00:00+0500"},
           {"@type":"NewsArticle","headline":"Bridge opens"}]}</script>)",
        "<article><h1>Bridge opens</h1>" + kEnglishParagraphs + "</article>"));
    EXPECT_EQ(a.date, "2019-11-19T08:00:00+05:00");
    EXPECT_EQ(a.date_source, DateSource::JsonLd);
}

// <meta name="article:published_time"> and name="publication_date" are read as well.
TEST(HtmlDates, MetaNamesOfPublication) {
    const Article a = from_html(
        english_page(R"(<meta name="article:published_time" content="20200316T13:00:00Z">)",
                     "<article><h1>Bridge opens</h1>" + kEnglishParagraphs + "</article>"));
    EXPECT_EQ(a.date, "2020-03-16T13:00:00+00:00");
    EXPECT_EQ(a.date_source, DateSource::Meta);
    const Article b = from_html(
        english_page(R"(<meta name="publication_date" content="2020/10/04 15:05:21">)",
                     "<article><h1>Bridge opens</h1>" + kEnglishParagraphs + "</article>"));
    EXPECT_EQ(b.date, "2020-10-04");
}

// A <time> without datetime is read by its text; a date in a data-* attribute of a date element.
TEST(HtmlDates, TimeTextAndDataAttribute) {
    const Article a =
        from_html(english_page("", "<article><h1>Bridge opens</h1><time>March 7, 2021</time>" +
                                       kEnglishParagraphs + "</article>"));
    EXPECT_EQ(a.date, "2021-03-07");
    const Article b = from_html(english_page(
        "",
        "<article><h1>Bridge opens</h1><div class=\"post-date\" data-date=\"2021-03-08\">"
        "</div>" +
            kEnglishParagraphs + "</article>"));
    EXPECT_EQ(b.date, "2021-03-08");
}

// Dates printed only for people, in German, French and Spanish bylines.
TEST(HtmlDates, PrintedBylineInManyLanguages) {
    const Article de = from_html(english_page(
        "",
        "<article><h1>Brücke eröffnet</h1><div class=\"byline\">Von Anna Beispiel, 19. "
        "Oktober 2019</div>" +
            kEnglishParagraphs + "</article>",
        "de"));
    EXPECT_EQ(de.date, "2019-10-19");
    const Article fr = from_html(
        english_page("",
                     "<article><h1>Le pont ouvre</h1><p class=\"entry-meta\">Publié le 3 décembre "
                     "2021</p>" +
                         kEnglishParagraphs + "</article>",
                     "fr"));
    EXPECT_EQ(fr.date, "2021-12-03");
    const Article es = from_html(english_page(
        "",
        "<article><h1>Abre el puente</h1><span class=\"fecha\">7 de marzo de 2020</span>" +
            kEnglishParagraphs + "</article>",
        "es"));
    EXPECT_EQ(es.date, "2020-03-07");
}

// The page's address holds the date when nothing else does.
TEST(HtmlDates, DateInTheAddress) {
    const Article a = from_html(english_page(
        R"(<link rel="canonical" href="https://news.example/2019/11/19/bridge-opens/">)",
        "<article><h1>Bridge opens</h1>" + kEnglishParagraphs + "</article>"));
    EXPECT_EQ(a.date, "2019-11-19");
    EXPECT_EQ(a.date_source, DateSource::Url);
    EXPECT_EQ(html::date_in_url("https://news.example/2019-11-19-bridge"), "2019-11-19");
    EXPECT_FALSE(html::date_in_url("https://2019-11-19.example/bridge"));
    EXPECT_FALSE(html::date_in_url("https://news.example/2019/13/19/bridge"));
}

// A UTC stamp one day after the day the page prints: the printed day is the page's.
TEST(HtmlDates, PrintedDayWinsOverAUtcStampOneDayOff) {
    const Article a = from_html(english_page(
        R"(<meta property="article:published_time" content="2023-11-09T05:30:59Z">)",
        "<article><h1>Bridge opens</h1><div class=\"time\">Published: November 8, 2023 at 11:30 "
        "p.m.</div>" +
            kEnglishParagraphs + "</article>"));
    // The same instant, written at an offset that falls on the printed day.
    EXPECT_EQ(a.date, "2023-11-08T23:30:59-06:00");
    EXPECT_EQ(a.date_source, DateSource::Meta);
}

// A UTC stamp one day off the day the date line under (or just before) the headline prints: the
// instant is kept, written at the offset another stamp states, else at the smallest whole hour
// that reaches the printed day. A stamp with its own offset, a day two days off, or a page that
// prints no day keep the stamp as stated.
TEST(HtmlDates, AUtcStampIsWrittenOnTheDayThePagePrints) {
    auto utc_page = [](const std::string& stamps, const std::string& body) {
        return from_html(
            english_page(stamps, "<article>" + body + kEnglishParagraphs + "</article>"));
    };
    const std::string published =
        R"(<meta property="article:published_time" content="2018-06-12T23:00:00.000Z">)";
    // A list of facts under the headline, the day month first as the page's language writes it.
    const Article a =
        utc_page(published + R"(<meta property="article:modified_time" )"
                             R"(content="2018-06-12T23:00:00.000Z">)",
                 "<h1>Bridge opens</h1><ul class=\"facts\"><li><small>On 6/13/2018 by "
                 "@anna</small></li></ul>");
    EXPECT_EQ(a.date, "2018-06-13T00:00:00+01:00");
    EXPECT_EQ(a.date_text, "2018-06-12T23:00:00.000Z");
    // The offset the page's modification stamp states.
    const Article b = utc_page(
        R"(<meta property="article:published_time" content="2018-12-31T22:30:00Z">
           <meta property="article:modified_time" content="2019-01-02T10:00:00+02:00">)",
        "<h1>Bridge opens</h1><p>1 January 2019</p>");
    EXPECT_EQ(b.date, "2019-01-01T00:30:00+02:00");
    // The offset between the stamp and a time printed with the day.
    const Article t =
        utc_page(R"(<meta property="article:published_time" content="2018-06-12T23:30:00Z">)",
                 "<h1>Bridge opens</h1><p>June 13, 2018, 07:30</p>");
    EXPECT_EQ(t.date, "2018-06-13T07:30:00+08:00");
    // The day before, a date line just before the headline.
    const Article c =
        utc_page(R"(<meta property="article:published_time" content="2020-05-02T02:54:29Z">)",
                 "<p>May 1, 2020</p><h1>Bridge opens</h1>");
    EXPECT_EQ(c.date, "2020-05-01T23:54:29-03:00");
    // Kept: another offset, two days off, no printed day, an offset beyond -12 hours.
    const Article d =
        utc_page(R"(<meta property="article:published_time" content="2020-06-29T00:16:15+03:00">)",
                 "<h1>Bridge opens</h1><p>June 28, 2020</p>");
    EXPECT_EQ(d.date, "2020-06-29T00:16:15+03:00");
    const Article e =
        utc_page(R"(<meta property="article:published_time" content="2020-05-03T02:54:29Z">)",
                 "<h1>Bridge opens</h1><p>May 1, 2020</p>");
    EXPECT_EQ(e.date, "2020-05-03T02:54:29+00:00");
    const Article f = utc_page(published, "<h1>Bridge opens</h1>");
    EXPECT_EQ(f.date, "2018-06-12T23:00:00+00:00");
    const Article g =
        utc_page(R"(<meta property="article:published_time" content="2020-05-02T13:00:00Z">)",
                 "<h1>Bridge opens</h1><p>May 1, 2020</p>");
    EXPECT_EQ(g.date, "2020-05-02T13:00:00+00:00");
}

// A date element before the headline (a masthead's "today") gives way to the date line under
// the headline; alone, it is the page's day.
TEST(HtmlDates, AMastheadDayGivesWayToTheDateLineUnderTheHeadline) {
    const std::string masthead =
        "<div class=\"top\"><span class=\"date\">Tue, 14 Jan "
        "2020</span></div>";
    const Article a = from_html(english_page(
        "<title>Bridge opens</title>", masthead +
                                           "<div><h2>Bridge opens</h2><p>Wire<br>13 Jan 2020, "
                                           "22:11 GMT+10</p>" +
                                           kEnglishParagraphs + "</div>"));
    EXPECT_EQ(a.date, "2020-01-13");
    const Article b = from_html(
        english_page("<title>Bridge opens</title>",
                     masthead + "<div><h2>Bridge opens</h2>" + kEnglishParagraphs + "</div>"));
    EXPECT_EQ(b.date, "2020-01-14");
}

// An entry's own footer ("asset-footer", "entry-footer") holds the article's byline and day; the
// page's footer does not.
TEST(HtmlDates, AnEntrysFooterHoldsItsDay) {
    const Article a = from_html(
        english_page("",
                     "<div class=\"asset\"><h1>Bridge opens</h1><div class=\"asset-content\">" +
                         kEnglishParagraphs +
                         "</div><div class=\"asset-footer\"><div class=\"asset-meta\">Von Anna am "
                         "03.05.2013, 11:51 | 0 Meinungen</div></div></div>",
                     "de"));
    EXPECT_EQ(a.date, "2013-05-03");
    const Article b = from_html(english_page(
        "",
        "<div class=\"asset\"><h1>Bridge opens</h1>" + kEnglishParagraphs + kEnglishParagraphs +
            "</div><div class=\"site-footer\"><div class=\"footer-meta\">Von Anna am "
            "03.05.2013</div></div>",
        "de"));
    EXPECT_FALSE(b.date);
}

// The date line under the headline is the day the page prints for the article: a teaser's date
// element further down, one day off a UTC stamp, does not move the stamp.
TEST(HtmlDates, TheDateLineUnderTheHeadlineIsThePrintedDay) {
    const std::string teaser =
        "<div class=\"more\"><a href=\"/other\">Other story</a><span class=\"timestamp\">Dec "
        "22, 2020</span></div>";
    const Article a = from_html(
        english_page(R"(<meta property="article:published_time" content="2020-12-23T15:42:33Z">)",
                     "<article><h1>Bridge opens</h1><p>By Anna Example</p><p>Dec 23, 2020</p>" +
                         kEnglishParagraphs + teaser + "</article>"));
    EXPECT_EQ(a.date, "2020-12-23T15:42:33+00:00");
    // A sentence under the headline that names the day before is no date line.
    const Article c = from_html(english_page(
        R"(<meta property="article:published_time" content="2023-11-06T13:10:22Z">)",
        "<article><h1>Bridge opens</h1><p>On Sunday, 5 November 2023, shortly after nine, "
        "the police closed the road.</p>" +
            kEnglishParagraphs + "</article>"));
    EXPECT_EQ(c.date, "2023-11-06T13:10:22+00:00");
}

// Stamps that disagree: the one whose day the date line under the headline prints wins over a
// stale one stated first; with no date line, or when the line prints the modified day, the
// first stands.
TEST(HtmlDates, TheStampTheDateLinePrintsWins) {
    const std::string head =
        R"(<meta property="article:published_time" content="2021-12-14T15:41:07+01:00">
           <meta name="date" content="2022-02-04">)";
    const Article a = from_html(english_page(
        head,
        "<article><h1>Bridge opens</h1><div>04.02.2022</div>" + kEnglishParagraphs + "</article>",
        "de"));
    EXPECT_EQ(a.date, "2022-02-04");
    EXPECT_EQ(a.date_source, DateSource::Meta);
    const Article b = from_html(english_page(
        head, "<article><h1>Bridge opens</h1>" + kEnglishParagraphs + "</article>", "de"));
    EXPECT_EQ(b.date, "2021-12-14T15:41:07+01:00");
    const Article c = from_html(english_page(
        head + R"(<meta property="article:modified_time" content="2022-02-04T09:00:00+01:00">)",
        "<article><h1>Bridge opens</h1><div>04.02.2022</div>" + kEnglishParagraphs + "</article>",
        "de"));
    EXPECT_EQ(c.date, "2021-12-14T15:41:07+01:00");
}

// A date printed inside the headline's heading, after a line break or in a <small>, is the
// page's; a day the headline's own words name is not.
TEST(HtmlDates, DatePrintedInsideTheHeadline) {
    const Article a = from_html(english_page(
        "<title>Bridge opens</title>",
        "<article><h1>Bridge opens<br><small><span class=\"icon\"></span>&nbsp;02.02.2022 "
        "&bull; Town news</small></h1><p>The council said on 28.01.2022 that it was ready.</p>" +
            kEnglishParagraphs + "</article>",
        "de"));
    EXPECT_EQ(a.date, "2022-02-02");
    EXPECT_EQ(a.date_source, DateSource::Header);
    const Article b =
        from_html(english_page("<title>Town fair on 5 May 2022</title>",
                               "<article><h1><a href=\"/fair\">Town fair on 5 May 2022</a></h1>" +
                                   kEnglishParagraphs + "</article>"));
    EXPECT_FALSE(b.date);
}

// A date line just before the headline is the page's when nothing under it names a day; a
// sentence before it that names one is not.
TEST(HtmlDates, DateLineJustBeforeTheHeadline) {
    const Article a = from_html(
        english_page("<title>Bridge opens</title>",
                     "<article><p class=\"category\"> 24. April 2020 | <a href=\"/press\">Press "
                     "releases</a></p><h1>Bridge opens</h1>" +
                         kEnglishParagraphs + "</article>",
                     "de"));
    EXPECT_EQ(a.date, "2020-04-24");
    EXPECT_EQ(a.date_source, DateSource::Header);
    const Article b = from_html(english_page(
        "<title>Bridge opens</title>",
        "<p>The town council met on 24 April 2020 and decided to build a bridge over the river "
        "at last.</p><article><h1>Bridge opens</h1>" +
            kEnglishParagraphs + "</article>"));
    EXPECT_FALSE(b.date);
}

// A modification date never stands in for the publication date; it is date_modified.
TEST(HtmlDates, ModifiedNeverWins) {
    const Article a = from_html(english_page(
        R"(<meta property="article:modified_time" content="2024-02-01T10:00:00+01:00">
           <script type="application/ld+json">{"@type":"NewsArticle","headline":"Bridge opens",
             "dateModified":"2024-02-01T10:00:00+01:00"}</script>)",
        "<article><h1>Bridge opens</h1><div class=\"updated\">January 30, 2024</div>"
        "<span class=\"date\">Updated February 1, 2024</span><span class=\"date\">January 12, "
        "2024</span>" +
            kEnglishParagraphs + "</article>"));
    EXPECT_EQ(a.date, "2024-01-12");
    EXPECT_EQ(a.date_modified, "2024-02-01T10:00:00+01:00");
    const Article none = from_html(
        english_page("", "<article><h1>Bridge opens</h1>" + kEnglishParagraphs + "</article>"));
    EXPECT_FALSE(none.date_modified);
}

// A copyright line is no publication date.
TEST(HtmlDates, CopyrightLineIsNotADate) {
    const Article a = from_html(
        english_page("",
                     "<article><h1>Bridge opens</h1><div class=\"info\">© 1 January 2020 Example "
                     "News</div>" +
                         kEnglishParagraphs + "</article>"));
    EXPECT_FALSE(a.date);
}

// A state the whole page names ("no-sidebar", "comments-open") hides none of its dates.
TEST(HtmlDates, PageStateClassesHideNothing) {
    const Article a = from_html(
        "<!DOCTYPE html><html lang=\"de\"><head></head><body class=\"single no-sidebar\">"
        "<article class=\"post comments-open\"><div class=\"meta-date\">19.11.2021</div>"
        "<h1>Brücke eröffnet</h1>" +
        kEnglishParagraphs + "</article></body></html>");
    EXPECT_EQ(a.date, "2021-11-19");
}

// The article's headline is the heading that holds the headline the page states, not the
// site's logo in an earlier <h1> (followed by more text than is searched under a headline):
// the date printed under it is found.
const std::string kSiteIntro = [] {
    std::string s;
    for (int i = 0; i < 40; ++i)
        s += "News from the town. ";
    return s;
}();
TEST(HtmlDates, DateUnderTheStatedHeadlineNotTheFirstH1) {
    const Article a = from_html(english_page(
        "<title>Bridge opens over the river - Example News</title>",
        std::string("<h1 class=\"logo\">Example News</h1><p class=\"intro\">") + kSiteIntro +
            "</p><div><h1>Bridge opens over the river</h1><div class=\"doc\"><span>Date:</span> "
            "<span>18.10.2021"
            "</span></div>" +
            kEnglishParagraphs + "</div>",
        "de"));
    EXPECT_EQ(a.date, "2021-10-18");
    EXPECT_EQ(a.date_source, DateSource::Header);
    // The headline may be an <h2> when the page has no <h1> of its own.
    const Article b = from_html(
        english_page("<title>Bridge opens</title>",
                     "<h1 class=\"logo\">Example News</h1><p class=\"intro\">" + kSiteIntro +
                         "</p><article><h2>Bridge opens</h2><small>Created on: "
                         "30.01.2022 18:36</small>" +
                         kEnglishParagraphs + "</article>",
                     "de"));
    EXPECT_EQ(b.date, "2022-01-30");
}

// A region named like furniture ("wrapper sidebar", "teaser") is the page's layout when it
// holds the headline or most of the page's text: its dates are read. A real sidebar's are not.
TEST(HtmlDates, LayoutNamedLikeASidebarHidesNoDate) {
    const Article a = from_html(english_page(
        "<title>Bridge opens</title>",
        "<div class=\"mainwrap single sidebar\"><div class=\"post-meta\"><a "
        "class=\"post-meta-time\" href=\"/2017/08/08/\">08/08/2017</a></div><h4>Bridge opens"
        "</h4>" +
            kEnglishParagraphs +
            "</div><div class=\"sidebar\"><div class=\"date\">09/09/2017"
            "</div></div>",
        "de"));
    EXPECT_EQ(a.date, "2017-08-08");
    const Article b = from_html(english_page(
        "<title>Bridge opens</title>",
        "<figure class=\"teaser\"><div class=\"info\"><span class=\"date\">02.02.2022</span>"
        "</div><h1>Bridge opens</h1></figure>" +
            kEnglishParagraphs,
        "de"));
    EXPECT_EQ(b.date, "2022-02-02");
    const Article c = from_html(english_page(
        "<title>Bridge opens</title>",
        "<article><h1>Bridge opens</h1>" + kEnglishParagraphs + "<p>" + kSiteIntro +
            "</p></article><div class=\"sidebar\"><span class=\"date\">09.09.2017</span></div>",
        "de"));
    EXPECT_FALSE(c.date);
}

// Stamps from <time> elements alone (a masthead's "today") give way to the date line under the
// headline when it prints another day; a stated stamp does not.
TEST(HtmlDates, TheDateLineWinsOverALooseTimeElement) {
    const std::string masthead =
        "<div class=\"top\"><time datetime=\"2018-03-12T19:30:12+00:00\">"
        "Today</time></div>";
    const std::string article =
        "<article><h1>Bridge opens</h1><div>Tuesday, 29 January 2019</div>" + kEnglishParagraphs +
        "</article>";
    const Article a = from_html(english_page("<title>Bridge opens</title>", masthead + article));
    EXPECT_EQ(a.date, "2019-01-29");
    EXPECT_EQ(a.date_source, DateSource::Header);
    const Article b = from_html(english_page(
        R"(<meta property="article:published_time" content="2018-03-12T19:30:12+00:00">)",
        masthead + article));
    EXPECT_EQ(b.date, "2018-03-12T19:30:12+00:00");
}

// The stated headline with a dash where the page prints a hyphen is still the page's heading:
// a teaser further down that repeats part of it is not.
TEST(HtmlDates, AHeadlineReadAcrossDashes) {
    const Article a = from_html(english_page(
        "<title>Column: Queer Royal \u2013 On and off the stage</title>",
        "<div><h2>Column: Queer Royal - On and off the stage</h2><p><span class=\"date\">31 "
        "October 2023.</span> The column opens.</p>" +
            kEnglishParagraphs +
            "</div><div class=\"more\"><h3>Column: Queer Royal</h3><span class=\"date\">20 "
            "September 2023</span></div>"));
    EXPECT_EQ(a.date, "2023-10-31");
}

// A date element around the headline and its date line is read by its parts: the day the
// headline names is not the page's.
TEST(HtmlDates, ADateElementAroundTheHeadline) {
    const Article a = from_html(english_page(
        "<title>Results: county championship, 19.5.2007</title>",
        "<article><div class=\"post_meta_wrapper\"><h1>Results: county championship, "
        "19.5.2007</h1><p class=\"post-meta\">von Anna Example | <span class=\"published\">20. Mai "
        "2007</span> | <a href=\"/results\">Ergebnisse</a>, <a href=\"/results/2007\">Ergebnisse "
        "2007</a> | <a href=\"#respond\">0 Kommentare</a></p></div>" +
            kEnglishParagraphs + "</article>",
        "de"));
    EXPECT_EQ(a.date, "2007-05-20");
}

// A date element that prints only a day with a two-digit year ("10.12.19") is read as
// 2000-2099; the same group in a sentence is not.
TEST(HtmlDates, ADateElementWithATwoDigitYear) {
    const Article a = from_html(
        english_page("<title>Bridge opens</title>",
                     "<article><h1>Bridge opens</h1><a class=\"date\" href=\"/day\">10.12.19</a>" +
                         kEnglishParagraphs + "</article>",
                     "fr"));
    EXPECT_EQ(a.date, "2019-12-10");
    const Article b = from_html(english_page(
        "<title>Bridge opens</title>",
        "<article><h1>Bridge opens</h1><div class=\"date\">Version 10.12.19 of the plan</div>" +
            kEnglishParagraphs + "</article>",
        "fr"));
    EXPECT_FALSE(b.date);
}

// A date set in parts ("<span>Apr</span><span>04</span>…"), in any data-* attribute that names
// a date, on a "postmetadata" or "publication" line; a link's "Publication" class and a title
// that is a sentence are no dates.
TEST(HtmlDates, DateElementsOfMoreShapes) {
    const Article a = from_html(english_page(
        "<title>Bridge opens</title>",
        "<article><h1>Bridge opens</h1><div class=\"date\"><span>Apr</span><span>04</span>"
        "<span>2013</span></div>" +
            kEnglishParagraphs + "</article>"));
    EXPECT_EQ(a.date, "2013-04-04");
    const Article b = from_html(english_page(
        "<title>Bridge opens</title>",
        "<article><h1>Bridge opens</h1><div class=\"head\"><span class=\"article-date\" "
        "data-date-time=\"2023-11-02 20:06:13\">Thursday</span></div>" +
            kEnglishParagraphs + "</article>"));
    EXPECT_EQ(b.date, "2023-11-02");
    const Article c = from_html(english_page(
        "<title>Bridge opens</title>",
        "<article><h1>Bridge opens</h1><p class=\"postmetadata\">Posted on Saturday, 3 December "
        "2011</p>" +
            kEnglishParagraphs + "</article>"));
    EXPECT_EQ(c.date, "2011-12-03");
    const Article d = from_html(english_page(
        "<title>Le pont ouvre</title>",
        "<article><h1>Le pont ouvre</h1><div class=\"publication\">jeudi 13 juin 2019</div>" +
            kEnglishParagraphs + "</article>",
        "fr"));
    EXPECT_EQ(d.date, "2019-06-13");
    const Article e = from_html(english_page(
        "<title>Bridge opens</title>",
        "<article><h1>Bridge opens</h1>" + kEnglishParagraphs + "<p>" + kSiteIntro +
            "</p><p><a class=\"Publication\" href=\"/letter.pdf\" title=\"Opens a new window: the "
            "letter of 14 October 2021\">The letter of 14 October 2021</a></p></article>"));
    EXPECT_FALSE(e.date);
}

// A theme's boilerplate or teaser class on the post's own container ("entry share",
// "teaser--only-body") does not throw the article away: a container that holds the article's
// paragraphs and a good share of the page's text is read (a share-named box under 500
// characters still goes, as Readability's cleaning has it).
TEST(HtmlBoilerplate, ArticleContainerNamedLikeBoilerplateIsKept) {
    for (const std::string cls : {"entry themeform share", "node teaser--only-body"}) {
        const Article a = from_html(
            page("<title>Мост открыт</title>",
                 "<nav><a href=\"/\">Главная</a></nav><div class=\"share\"><a href=\"/fb\">"
                 "Поделиться</a></div><article><div class=\"" +
                     cls + "\">" + kParagraphs + kEnglishParagraphs + "</div></article>"));
        EXPECT_NE(all_body_text(a).find("обеим полосам"), std::string::npos) << cls;
        EXPECT_EQ(all_body_text(a).find("Поделиться"), std::string::npos) << cls;
    }
}

// A date alone on a line inside an HTML article is a dateline: the body goes on after it (in a
// text dump the same line opens the dated teaser list).
TEST(HtmlStructure, NumericDateLineDoesNotEndTheBody) {
    const Article a = from_html(page("<title>Мост открыт</title>",
                                     "<header><h1><a href=\"/t\">Тема</a> – Город</h1></header>"
                                     "<article><h2>Мост открыт</h2><ul><li>31.03.2020</li></ul>" +
                                         kParagraphs + "</article>"));
    EXPECT_NE(all_body_text(a).find("обеим полосам"), std::string::npos) << all_body_text(a);
    EXPECT_TRUE(a.related.empty());
}

// A page that states no publication date anywhere but its last update: that day is the page's
// date (and its modification), from the stated modification or a labelled update line, in the
// page's footer too. With any publication date, the update is never the date.
TEST(HtmlDates, OnlyAnUpdateDateStandsForThePublication) {
    const Article a =
        from_html(english_page("<title>Bridge opens</title>",
                               "<article><h1>Bridge opens</h1>" + kEnglishParagraphs +
                                   "<p class=\"info\">Aktualisiert: 30.12.2016</p></article>",
                               "de"));
    EXPECT_EQ(a.date, "2016-12-30");
    EXPECT_EQ(a.date_modified, "2016-12-30");
    const Article b = from_html(english_page(
        "<title>Bridge opens</title>",
        "<article><h1>Bridge opens</h1>" + kEnglishParagraphs +
            "</article><div class=\"footer\"><p>Updated:\n<!-- stamp -->\n$Date: 2016/11/18 "
            "06:31:41 $\n</p></div>"));
    EXPECT_EQ(b.date, "2016-11-18");
    const Article c = from_html(english_page(
        "<title>Bridge opens</title>",
        "<article><h1>Bridge opens</h1>" + kEnglishParagraphs +
            "</article><p class=\"print\">Source: the city of the river, start page<br>Your "
            "path: example.org<br>[Stand: 09.10.2017, 01:40 Uhr]</p>",
        "de"));
    EXPECT_EQ(c.date, "2017-10-09");
    const Article d = from_html(english_page(
        R"(<meta property="article:modified_time" content="2020-05-06T10:00:00+02:00">)"
        "<title>Bridge opens</title>",
        "<article><h1>Bridge opens</h1>" + kEnglishParagraphs + "</article>"));
    EXPECT_EQ(d.date, "2020-05-06");
    EXPECT_EQ(d.date_modified, "2020-05-06T10:00:00+02:00");
    // A publication date wins; a state ("Zustand") is no label; a sentence is none.
    const Article e =
        from_html(english_page(R"(<meta property="article:published_time" content="2020-05-01">)"
                               "<title>Bridge opens</title>",
                               "<article><h1>Bridge opens</h1>" + kEnglishParagraphs +
                                   "<p>Updated: 06.05.2020</p></article>",
                               "de"));
    EXPECT_EQ(e.date, "2020-05-01");
    const Article f = from_html(english_page(
        "<title>Bridge opens</title>",
        "<article><h1>Bridge opens</h1>" + kEnglishParagraphs + kSiteIntro +
            "<p>Zustand 06.05.2020</p><p>The plan was updated by the council and the city "
            "on 07.05.2020</p></article>",
        "de"));
    EXPECT_FALSE(f.date);
}

// A line that labels its date as the publication ("Veröffentlicht am 16.08.2019") anywhere in
// the article gives the date when nothing nearer the headline does; a <time> in a reader's
// comment is the comment's date, never the page's.
TEST(HtmlDates, ALabelledPublicationLineAndNoCommentTime) {
    const std::string comments =
        "<ol class=\"comment-list\"><li class=\"comment\"><footer class=\"comment-meta\">"
        "<time datetime=\"2019-08-24T03:36:11+02:00\">24. August 2019</time></footer>"
        "<p>Thanks!</p></li></ol>";
    const Article a = from_html(english_page(
        "<title>Bridge opens</title>",
        "<article><h1>Bridge opens</h1>" + kEnglishParagraphs + kSiteIntro +
            "<p>Veröffentlicht am 16.08.2019<br>Dauer: 1 Stunde</p></article>" + comments,
        "de"));
    EXPECT_EQ(a.date, "2019-08-16");
    // Without the line the comment's <time> is still no date of the page.
    const Article b = from_html(english_page(
        "<title>Bridge opens</title>",
        "<article><h1>Bridge opens</h1>" + kEnglishParagraphs + "</article>" + comments, "de"));
    EXPECT_FALSE(b.date);
    // A page wrapper named after its comments ("comments-open") holds the headline: its <time>
    // is the page's.
    const Article c = from_html(
        english_page("<title>Bridge opens</title>",
                     "<div class=\"single comments-open\"><article><h1>Bridge opens</h1><time "
                     "datetime=\"2019-08-20\">20.08.2019</time>" +
                         kEnglishParagraphs + "</article></div>",
                     "de"));
    EXPECT_EQ(c.date, "2019-08-20");
}

// A stamp named only "date" (<meta name="date">, "DC.date") says no more than that the page has
// a date: a stamp named for the publication (microdata's datePublished) outranks it, and a line
// that labels its date as the publication, or the date line under the headline, wins over it.
TEST(HtmlDates, AStampNamedOnlyDateIsWeak) {
    const Article a = from_html(english_page(
        R"(<meta name="date" content="2022-01-21T15:38:44+01:00"><title>Bridge opens</title>)",
        "<article><h1>Bridge opens</h1><p>" + kSiteIntro + "</p>" + kEnglishParagraphs +
            "<span>By Anna</span><time itemprop=\"datePublished\" "
            "datetime=\"2022-01-27\">27.01.2022</time></article>",
        "de"));
    EXPECT_EQ(a.date, "2022-01-27");
    const Article b = from_html(
        english_page(R"(<meta name="DC.date" content="2021-10-15"><title>Bridge opens</title>)",
                     "<article><h1>Bridge opens</h1><p>" + kSiteIntro +
                         "</p><div><span>Erschienen am:</span><h2>13.10.2021</h2></div>" +
                         kEnglishParagraphs + "</article>",
                     "de"));
    EXPECT_EQ(b.date, "2021-10-13");
    // A stamp named for the publication keeps its day against the labelled line.
    const Article c =
        from_html(english_page(R"(<meta property="article:published_time" content="2021-10-15">)"
                               "<title>Bridge opens</title>",
                               "<article><h1>Bridge opens</h1><p>" + kSiteIntro +
                                   "</p><div><span>Erschienen am:</span><h2>13.10.2021</h2></div>" +
                                   kEnglishParagraphs + "</article>",
                               "de"));
    EXPECT_EQ(c.date, "2021-10-15");
}

// A stamp named only "date" gives way to a <time> after the headline that prints its own day; a
// <time> before the headline (a masthead's) does not move it.
TEST(HtmlDates, ATimeThatPrintsItsDayBeatsAStampNamedOnlyDate) {
    const std::string head =
        R"(<meta name="Date" content="2022-1-26T14:32:06+02:00"><title>Bridge opens</title>)";
    const std::string time = "<time datetime=\"2022-01-21\">21.01.2022 - 13:30</time>";
    const Article a =
        from_html(english_page(head,
                               "<div><h1>Bridge opens</h1>" + kEnglishParagraphs +
                                   "<aside class=\"meta\"><p>" + time + "</p></aside></div>",
                               "de"));
    EXPECT_EQ(a.date, "2022-01-21");
    const Article b =
        from_html(english_page(head,
                               "<div class=\"top\">" + time + "</div><div><h1>Bridge opens</h1>" +
                                   kEnglishParagraphs + "</div>",
                               "de"));
    EXPECT_EQ(b.date, "2022-01-26T14:32:06+02:00");
}

// The layout's indentation between elements under the headline is no text: a date line after a
// breadcrumb indented with many tabs is still within reach, and its day picks the stamp.
TEST(HtmlDates, IndentationDoesNotHideTheDateLine) {
    std::string crumbs;
    for (int i = 0; i < 24; ++i)
        crumbs +=
            "\n\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t<span>Part</span>\n\t\t\t\t\t\t\t\t\t\t";
    const Article a = from_html(english_page(
        R"(<meta property="article:published_time" content="2022-01-15">)"
        "<title>Bridge opens</title>",
        "<h1>Bridge opens</h1><div>" + crumbs +
            "</div><div><span>Date</span>\n\t\t\t\t<time datetime=\"2022-01-25\">25.01.2022"
            "</time></div><article>" +
            kEnglishParagraphs + "</article>",
        "de"));
    EXPECT_EQ(a.date, "2022-01-25");
}

// A publication key in an inline JSON script (a page's data state) gives the date when nothing
// stated or printed does; keys of a creation or an update never.
TEST(HtmlDates, APublicationKeyInInlineJson) {
    const Article a = from_html(english_page(
        "<title>Bridge opens</title>",
        R"(<script type="application/json">{"flags":{"x":1}}</script>)"
        R"(<script type="application/json">{"createdDate":"2016-11-01T10:00:00Z",)"
        R"("publishedDate" : "2016-11-04T20:37:27Z","updatedDate":"2016-11-05T20:39:47Z"}</script>)"
        "<article><h1>Bridge opens</h1>" +
            kEnglishParagraphs + "</article>"));
    EXPECT_EQ(a.date, "2016-11-04");
    const Article b = from_html(english_page(
        "<title>Bridge opens</title>",
        R"(<script type="application/json">{"created":"2016-11-01","updated":"2016-11-05"})"
        "</script><article><h1>Bridge opens</h1>" +
            kEnglishParagraphs + "</article>"));
    EXPECT_FALSE(b.date);
    // A date the page prints wins over the script's.
    const Article c = from_html(english_page(
        "<title>Bridge opens</title>",
        R"(<script type="application/json">{"publishedDate":"2016-11-04T20:37:27Z"}</script>)"
        "<article><h1>Bridge opens</h1><p class=\"date\">12.10.2016</p>" +
            kEnglishParagraphs + "</article>",
        "de"));
    EXPECT_EQ(c.date, "2016-10-12");
}

// A date element that prints a short label before a day with a two-digit year ("Party,
// 30.10.23") gives that day; a longer text before it does not.
TEST(HtmlDates, ATwoDigitYearAfterALabel) {
    const Article a = from_html(
        english_page("<title>Bridge opens</title>",
                     "<div><div class=\"date\"> Party, 30.10.23 </div><h1>Bridge opens</h1>" +
                         kEnglishParagraphs + "</div>",
                     "de"));
    EXPECT_EQ(a.date, "2023-10-30");
    const Article b = from_html(english_page(
        "<title>Bridge opens</title>",
        "<div><div class=\"date\">Version of the plan, 30.10.23</div><h1>Bridge opens</h1>" +
            kEnglishParagraphs + "</div>",
        "de"));
    EXPECT_FALSE(b.date);
}
