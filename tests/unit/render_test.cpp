// Tests of the Markdown and plain-text writers on small invented articles.
#include "pressparse/render.hpp"

#include <gtest/gtest.h>

#include <string>

using namespace pressparse;

namespace {

BodyBlock block(BlockType type, std::optional<std::string> text,
                std::optional<std::string> credit = std::nullopt) {
    return BodyBlock{type, std::move(text), std::move(credit), std::nullopt};
}

// An invented article touching every kind of block.
Article sample() {
    Article a;
    a.input.path = "p.txt";
    a.headline.emplace("В Тукумсе открыли новую библиотеку");
    a.source.emplace("Редакция");
    a.date.emplace("2026-03-02T10:15:00+02:00");
    a.date_text.emplace("2 марта, 2026 10:15");
    a.category.emplace("Новости Латвии");
    a.body = {
        block(BlockType::Caption, std::nullopt, "LETA"),
        block(BlockType::Paragraph, "Библиотека заняла бывшее здание почты."),
        block(BlockType::Subheading, "Что внутри"),
        block(BlockType::ListItem, "читальный зал"),
        block(BlockType::ListItem, "детская комната"),
        block(BlockType::Quote, "Мы ждали этого десять лет."),
        block(BlockType::Caption, "Здание библиотеки", "Фото: Анна Берзиня"),
        block(BlockType::Caption, "Читальный зал"),
        block(BlockType::Paragraph, "Вход свободный."),
    };
    a.related = {
        {"В Кулдиге отремонтируют мост", std::nullopt, std::nullopt},
        {"Огре готовится к празднику", std::string("Программа займёт два дня."), std::nullopt}};
    return a;
}

}  // namespace

TEST(RenderMarkdown, WholeArticle) {
    EXPECT_EQ(to_markdown(sample()),
              "# В Тукумсе открыли новую библиотеку\n"
              "\n"
              "*Редакция · 2 марта, 2026 10:15 · Новости Латвии*\n"
              "\n"
              "*LETA*\n"
              "\n"
              "Библиотека заняла бывшее здание почты.\n"
              "\n"
              "## Что внутри\n"
              "\n"
              "- читальный зал\n"
              "- детская комната\n"
              "\n"
              "> Мы ждали этого десять лет.\n"
              "\n"
              "*Здание библиотеки — Фото: Анна Берзиня*\n"
              "\n"
              "*Читальный зал*\n"
              "\n"
              "Вход свободный.\n"
              "\n"
              "## Related\n"
              "\n"
              "- В Кулдиге отремонтируют мост\n"
              "- Огре готовится к празднику — Программа займёт два дня.\n");
}

TEST(RenderMarkdown, MissingPartsAreLeftOut) {
    Article a;
    a.body = {block(BlockType::Paragraph, "Только текст.")};
    EXPECT_EQ(to_markdown(a), "Только текст.\n");

    a.date.emplace("2026-01-15");
    EXPECT_EQ(to_markdown(a), "*2026-01-15*\n\nТолько текст.\n");

    a.category.emplace("Мир");
    a.date_text.emplace("15 января, 2026");
    EXPECT_EQ(to_markdown(a), "*15 января, 2026 · Мир*\n\nТолько текст.\n");
}

TEST(RenderMarkdown, EmptyArticleIsOneNewline) {
    EXPECT_EQ(to_markdown(Article{}), "\n");
}

TEST(RenderMarkdown, ListsAreSplitByOtherBlocks) {
    Article a;
    a.body = {block(BlockType::ListItem, "один"), block(BlockType::ListItem, "два"),
              block(BlockType::Paragraph, "Между."), block(BlockType::ListItem, "три")};
    EXPECT_EQ(to_markdown(a), "- один\n- два\n\nМежду.\n\n- три\n");
}

TEST(RenderMarkdown, InlineMarkupIsEscaped) {
    Article a;
    a.body = {
        block(BlockType::Paragraph, "a *b* _c_ `d` [e](f) <g> \\h ~~i~~ #j &amp; &#169; AT&T"),
        block(BlockType::Caption, "*звезда*", "_Фото_")};
    EXPECT_EQ(to_markdown(a),
              "a \\*b\\* \\_c\\_ \\`d\\` \\[e\\](f) \\<g> \\\\h \\~\\~i\\~\\~ \\#j \\&amp; "
              "\\&\\#169; AT&T\n"
              "\n"
              "*\\*звезда\\* — \\_Фото\\_*\n");
}

TEST(RenderMarkdown, BlockMarkersAtLineStartAreEscaped) {
    Article a;
    a.headline.emplace("# Не заголовок #");
    a.body = {
        block(BlockType::Paragraph, "- не пункт"),
        block(BlockType::Paragraph, "+ и не этот"),
        block(BlockType::Paragraph, "> не цитата"),
        block(BlockType::Paragraph, "1. не нумерация"),
        block(BlockType::Paragraph, "2026) тоже нет"),
        block(BlockType::Paragraph, "---"),
        block(BlockType::Paragraph, "* * *"),
        block(BlockType::ListItem, "- вложенный"),
        block(BlockType::Quote, "> вложенная"),
        block(BlockType::Subheading, "3. раздел"),
        block(BlockType::Paragraph, "Число 1. в середине и знак > не трогаем."),
    };
    EXPECT_EQ(to_markdown(a),
              "# \\# Не заголовок \\#\n"
              "\n"
              "\\- не пункт\n"
              "\n"
              "\\+ и не этот\n"
              "\n"
              "\\> не цитата\n"
              "\n"
              "1\\. не нумерация\n"
              "\n"
              "2026\\) тоже нет\n"
              "\n"
              "\\---\n"
              "\n"
              "\\* \\* \\*\n"
              "\n"
              "- \\- вложенный\n"
              "\n"
              "> \\> вложенная\n"
              "\n"
              "## 3\\. раздел\n"
              "\n"
              "Число 1. в середине и знак > не трогаем.\n");
}

TEST(RenderMarkdown, RelatedTitlesAndLeadsAreEscaped) {
    Article a;
    a.related = {{"1. Первый *важный*", std::string("- подробности"), std::nullopt}};
    EXPECT_EQ(to_markdown(a), "## Related\n\n- 1\\. Первый \\*важный\\* — - подробности\n");
}

TEST(RenderMarkdown, RelatedTitlesLinkToTheirAddress) {
    Article a;
    a.related = {{"Мост [через] реку", std::nullopt, std::string("https://example.lv/a?x=<1>")}};
    EXPECT_EQ(to_markdown(a),
              "## Related\n\n- [Мост \\[через\\] реку](<https://example.lv/a?x=%3C1%3E>)\n");
}

TEST(RenderMarkdown, EndsWithExactlyOneNewline) {
    const std::string md = to_markdown(sample());
    ASSERT_GE(md.size(), 2u);
    EXPECT_EQ(md.back(), '\n');
    EXPECT_NE(md[md.size() - 2], '\n');
}

TEST(RenderText, WholeArticle) {
    EXPECT_EQ(to_plain_text(sample()),
              "В Тукумсе открыли новую библиотеку\n"
              "\n"
              "Редакция · 2 марта, 2026 10:15 · Новости Латвии\n"
              "\n"
              "[Photo: LETA]\n"
              "\n"
              "Библиотека заняла бывшее здание почты.\n"
              "\n"
              "Что внутри\n"
              "\n"
              "- читальный зал\n"
              "\n"
              "- детская комната\n"
              "\n"
              "Мы ждали этого десять лет.\n"
              "\n"
              "[Photo: Здание библиотеки — Фото: Анна Берзиня]\n"
              "\n"
              "[Photo: Читальный зал]\n"
              "\n"
              "Вход свободный.\n");
}

TEST(RenderText, TextIsNotEscapedAndMissingPartsAreLeftOut) {
    Article a;
    a.date.emplace("2026-01-15");
    a.body = {block(BlockType::Paragraph, "*Как есть* — # [без] _изменений_"),
              block(BlockType::Caption, std::nullopt, std::nullopt),
              block(BlockType::Paragraph, std::nullopt)};
    EXPECT_EQ(to_plain_text(a), "2026-01-15\n\n*Как есть* — # [без] _изменений_\n");
    EXPECT_EQ(to_plain_text(Article{}), "\n");
}

TEST(RenderMarkdown, LineBreaksAndEdgeWhiteSpaceCannotMakeMarkup) {
    Article a;
    a.body = {block(BlockType::Paragraph, "    не код"),
              block(BlockType::Paragraph, "строка\n# не заголовок\r\n- не пункт"),
              block(BlockType::Caption, " подпись ", "  "), block(BlockType::Paragraph, " \n ")};
    EXPECT_EQ(to_markdown(a),
              "не код\n"
              "\n"
              "строка \\# не заголовок  - не пункт\n"
              "\n"
              "*подпись*\n");
}
