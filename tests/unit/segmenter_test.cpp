// The segmenter on small invented pages, one behaviour per test.
#include <gtest/gtest.h>

#include "pressparse/segment.hpp"
#include "pressparse/text_reader.hpp"

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
