// The segmenter on small invented pages, one behaviour per test.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "pressparse/language.hpp"
#include "pressparse/segment.hpp"
#include "pressparse/text_reader.hpp"
#include "segment/page_script.hpp"

using namespace pressparse;

namespace {

Article run(std::string_view page) {
    Article a;
    segment(read_text(page), a);
    finish_article(a);
    return a;
}

std::vector<BlockType> types(const Article& a) {
    std::vector<BlockType> out;
    for (const auto& b : a.body)
        out.push_back(b.type);
    return out;
}

constexpr BlockType P = BlockType::Paragraph;
constexpr BlockType S = BlockType::Subheading;
constexpr BlockType C = BlockType::Caption;
constexpr BlockType L = BlockType::ListItem;

}  // namespace

TEST(Segmenter, DateHeaderIsDroppedAndDated) {
    const auto a =
        run(" date 2026-01-15 Press.lv - Новости, которые касаются Вас!\nЗаголовок статьи\n\nТекст "
            "статьи.");
    EXPECT_EQ(a.headline, "Заголовок статьи");
    EXPECT_EQ(a.date, "2026-01-15");
    EXPECT_EQ(a.date_source, DateSource::Header);
    ASSERT_EQ(a.body.size(), 1u);
    EXPECT_EQ(a.body[0].text, "Текст статьи.");
}

TEST(Segmenter, NavigationLinesAreDropped) {
    const auto a =
        run("Суббота Вести еженедельник 7 Супер Секретов Mājas virtuve\nLAT Ср, 4. Марта Завтра: "
            "Austra, Aurora\n"
            "Доступность\n\nЗаголовок (5)\n\nТекст.");
    EXPECT_EQ(a.headline, "Заголовок");
    EXPECT_EQ(a.comments, 5);
    EXPECT_FALSE(a.date);  // the nav line's "today" is not the publication date
    EXPECT_EQ(a.warnings, std::vector<std::string>{"no publication date found"});
}

TEST(Segmenter, BylineAndCategory) {
    const auto a = run("Заголовок\n\n© LETA 24 ноября, 2025 18:25\n\nМир 2 комментариев\n\nТекст.");
    EXPECT_EQ(a.source, "LETA");
    EXPECT_EQ(a.date, "2025-11-24T18:25:00+02:00");
    EXPECT_EQ(a.date_text, "24 ноября, 2025 18:25");
    EXPECT_EQ(a.category, "Мир");
    EXPECT_EQ(a.comments, 2);
}

TEST(Segmenter, CategoryLineWinsOverHeadlineCounter) {
    const auto a = run("Заголовок (7)\n\n26 февраля, 2026 08:13\n\n3 комментариев\n\nТекст.");
    EXPECT_EQ(a.comments, 3);
    EXPECT_FALSE(a.category);
    EXPECT_FALSE(a.source);
}

TEST(Segmenter, CategoryWithoutCountAfterByline) {
    const auto a = run("Заголовок\n\n26 ноября, 2025\n\nВсюду жизнь\n\nТекст статьи.");
    EXPECT_EQ(a.category, "Всюду жизнь");
    EXPECT_FALSE(a.comments);
    EXPECT_EQ(a.date, "2025-11-26");
}

TEST(Segmenter, UnparseableDateKeepsTextAndWarns) {
    const auto a = run("Заголовок\n\nРедакция 31 февраля, 2026 10:00\n\nТекст.");
    EXPECT_EQ(a.date_text, "31 февраля, 2026 10:00");
    EXPECT_FALSE(a.date);
    EXPECT_EQ(a.warnings, std::vector<std::string>{"date unparseable: 31 февраля, 2026 10:00"});
}

// Issue 10: dates at the edges of Riga's calendar keep what the page printed and say why.
TEST(Segmenter, DateInTheSpringGapKeepsItsTimeAndWarns) {
    const auto a = run("Заголовок\n\nРедакция 29 марта, 2026 03:30\n\nТекст.");
    EXPECT_EQ(a.date, "2026-03-29T03:30:00+02:00");
    EXPECT_EQ(a.warnings, std::vector<std::string>{"date in the daylight-saving gap: 03:30 does "
                                                   "not exist in Riga on 2026-03-29"});
    const auto old = run("Заголовок\n\nРедакция 1 мая, 1900 10:00\n\nТекст.");
    EXPECT_EQ(old.date, "1900-05-01");
    ASSERT_EQ(old.warnings.size(), 1u);
    EXPECT_EQ(old.warnings[0].rfind("date before standard time: ", 0), 0u) << old.warnings[0];
}

TEST(Segmenter, LoneAgencyUnderHeadlineIsTopPhotoCredit) {
    const auto a = run("Заголовок\n\n19 февраля, 2026\n\nLETA\n\nТекст статьи.");
    EXPECT_FALSE(a.source);
    ASSERT_EQ(types(a), (std::vector<BlockType>{C, P}));
    EXPECT_FALSE(a.body[0].text);
    EXPECT_EQ(a.body[0].credit, "LETA");
}

TEST(Segmenter, CaptionWithCreditOnTheNextLineOfAParagraph) {
    const auto a =
        run("Заголовок\n\nПервый абзац.\n\nНовый мост в день открытия Фото: Илзе Калниня\nВторой "
            "абзац без пустой строки.");
    ASSERT_EQ(types(a), (std::vector<BlockType>{P, C, P}));
    EXPECT_EQ(a.body[1].text, "Новый мост в день открытия");
    EXPECT_EQ(a.body[1].credit, "Фото: Илзе Калниня");
}

TEST(Segmenter, LatvianDescriptionAndImageTitleAreCaptions) {
    const auto a =
        run("Заголовок\n\nSaeimas deputāti piedalās komisijas sēdē.\n\nПервый абзац "
            "текста.\n\nмост через даугаву\n\n"
            "Второй абзац текста.");
    ASSERT_EQ(types(a), (std::vector<BlockType>{C, P, C, P}));
    EXPECT_FALSE(a.body[0].credit);
}

TEST(Segmenter, SubheadingNeedsTextAfterIt) {
    const auto a =
        run("Заголовок\n\nАбзац один.\n\nЧто будет дальше\n\nАбзац два, длиннее "
            "подзаголовка.\n\nКонец строки");
    EXPECT_EQ(types(a), (std::vector<BlockType>{P, S, P, P}));
}

TEST(Segmenter, ShortSentencesAndQuotesAreNotSubheadings) {
    const auto a =
        run("Заголовок\n\nАбзац один.\n\nТак и вышло.\n\n«Мы готовы»\n\n— Да, готовы\n\nАбзац два, "
            "длинный.");
    EXPECT_EQ(types(a), (std::vector<BlockType>{P, P, P, P, P}));
}

TEST(Segmenter, ListItems) {
    const auto a = run("Заголовок\n\nСписок мер:\n* первая мера;\n* вторая мера.\nПосле списка.");
    EXPECT_EQ(types(a), (std::vector<BlockType>{P, L, L, P}));
    EXPECT_EQ(a.body[1].text, "первая мера;");
    EXPECT_EQ(a.stats.paragraphs, 2);
}

TEST(Segmenter, TeaserRegionStartsAtDoubledTitle) {
    const auto a =
        run("Заголовок\n\nТекст статьи.\n\nДругая новость\nДругая новость\n\nТретья новость\n\nЛид "
            "третьей новости.\n\n"
            "Другая новость\n\nЛид другой новости, который идёт позже.");
    EXPECT_EQ(types(a), (std::vector<BlockType>{P}));
    ASSERT_EQ(a.related.size(), 2u);
    EXPECT_EQ(a.related[0].title, "Другая новость");
    EXPECT_EQ(a.related[0].lead, "Лид другой новости, который идёт позже.");
    EXPECT_EQ(a.related[1].title, "Третья новость");
    EXPECT_EQ(a.related[1].lead, "Лид третьей новости.");
}

TEST(Segmenter, TeaserRegionStartsAtDateLineOrWidget) {
    const auto dated = run("Заголовок\n\nТекст статьи.\n\n28.09.2025\nТизер\n\nЛид тизера.");
    EXPECT_EQ(dated.body.size(), 1u);
    ASSERT_EQ(dated.related.size(), 1u);
    EXPECT_EQ(dated.related[0].lead, "Лид тизера.");

    const auto widget =
        run("Заголовок (4)\n\nТекст статьи.\n\nКомментарии (4) 40 "
            "реакций\nЗагрузка\nЗагрузка\n\nОпрос");
    EXPECT_EQ(widget.body.size(), 1u);
    ASSERT_EQ(widget.related.size(), 1u);
    EXPECT_EQ(widget.related[0].title, "Опрос");
    EXPECT_FALSE(widget.related[0].lead);
}

TEST(Segmenter, FragmentPageHasNoHeadline) {
    const auto a = run(" date 2025-12-01 Он добавил, что решение примут позже.\n\nЕщё один абзац.");
    EXPECT_FALSE(a.headline);
    EXPECT_EQ(a.date, "2025-12-01");
    EXPECT_EQ(types(a), (std::vector<BlockType>{P, P}));
    EXPECT_EQ(a.body[0].text, "Он добавил, что решение примут позже.");
    EXPECT_EQ(a.warnings, std::vector<std::string>{"no headline found"});
}

TEST(Segmenter, SentenceFirstLineIsNotAHeadline) {
    const auto a =
        run("Напомним, что заседание перенесли на четверг.\nОн подчеркнул, что это важно.");
    EXPECT_FALSE(a.headline);
    EXPECT_EQ(a.body.size(), 2u);
}

TEST(Segmenter, StatsAndLanguage) {
    const auto a = run("Заголовок\n\nРаз два три.\n\nLETA\n\nЧетыре пять.");
    EXPECT_EQ(a.stats.paragraphs, 2);
    EXPECT_EQ(a.stats.words, 5);  // captions do not count
    EXPECT_EQ(a.stats.characters, 12 + 12);
    EXPECT_EQ(a.stats.reading_minutes, 1);
    EXPECT_EQ(a.language, "ru");
}

TEST(Segmenter, EmptyBodyWarns) {
    const auto a = run("Заголовок");
    EXPECT_EQ(a.headline, "Заголовок");
    EXPECT_EQ(a.warnings,
              (std::vector<std::string>{"no publication date found", "no body text found"}));
}

// finish_article joins only as much of the body as the language guess's sample reads: its
// guess is the guess over the whole body joined, wherever the sample's end falls (inside a
// block, inside a two-byte letter, on a line break) and whatever the text after it says.
TEST(Segmenter, LanguageOfALongBodyIsTheGuessOverTheWholeBody) {
    const std::string russian = "и в не на что с по это как из за от ";
    const std::string english = "the and of to in is that for it with was on ";
    for (std::size_t pad = 0; pad < 48; ++pad) {
        for (const std::string* first : {&russian, &english}) {
            const std::string* second = first == &russian ? &english : &russian;
            Article a;
            std::string all_text;
            std::string block(pad, 'x');
            while (block.size() < 1500)
                block += *first;
            for (int b = 0; b < 3; ++b) {
                a.body.push_back({P, block, {}, {}});
                all_text += block + '\n';
            }
            std::string tail;
            for (int i = 0; i < 200; ++i)
                tail += *second;
            a.body.push_back({P, tail, {}, {}});
            all_text += tail + '\n';
            finish_article(a);
            EXPECT_EQ(a.language, guess_language(all_text)) << pad;
        }
    }
}

// The page's script decided early, held to the count of every block of the sample: pages of
// Cyrillic and Latin blocks in every proportion, blocks of letters of one script only (one or
// two bytes a letter, the bounds the early answer relies on), ties, and pages past 64 KB.
TEST(Segmenter, PageScriptDecidedEarlyAgreesWithTheWholeCount) {
    const std::vector<std::string> pieces = {"Мост через Даугаву закрыт. ",
                                             "Rīga, 2026. ",
                                             "abcdefghij",
                                             "жжжжж",
                                             "12345 — ",
                                             "ā",
                                             "ж",
                                             "z",
                                             "Ѣѣ ҂ ӕ "};
    std::mt19937 gen(14);
    for (int page = 0; page < 3000; ++page) {
        Blocks blocks;
        const int n = 1 + static_cast<int>(gen() % 12);
        const bool big = page % 50 == 0;
        for (int b = 0; b < n; ++b) {
            Block block;
            const int parts = 1 + static_cast<int>(gen() % (big ? 4000 : 8));
            for (int k = 0; k < parts; ++k)
                block.text += pieces[gen() % pieces.size()];
            blocks.push_back(block);
        }
        ASSERT_EQ(segment_rules::mostly_cyrillic(blocks),
                  segment_rules::mostly_cyrillic_reference(blocks))
            << page;
    }
    for (int cyr = 0; cyr < 6; ++cyr) {
        for (int lat = 0; lat < 6; ++lat) {
            Blocks blocks(2);
            blocks[0].text = std::string(static_cast<std::size_t>(lat), 'a');
            for (int k = 0; k < cyr; ++k)
                blocks[1].text += "ж";
            ASSERT_EQ(segment_rules::mostly_cyrillic(blocks),
                      segment_rules::mostly_cyrillic_reference(blocks))
                << cyr << " " << lat;
        }
    }
}
