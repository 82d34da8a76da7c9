#include "segment/rules.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "pressparse/unicode.hpp"

namespace r = pressparse::rules;

TEST(HeaderLine, DateAndRest) {
    auto h = r::match_header_line("date 2026-02-06 Press.lv - Новости, которые касаются Вас!");
    ASSERT_TRUE(h);
    EXPECT_EQ(h->date, "2026-02-06");
    EXPECT_TRUE(r::is_site_title(h->rest));
    auto fragment = r::match_header_line("date 2025-09-26 В сетях появилось видео.");
    ASSERT_TRUE(fragment);
    EXPECT_FALSE(r::is_site_title(fragment->rest));
    EXPECT_FALSE(r::match_header_line("date 2026-2-6 x"));
    EXPECT_FALSE(r::match_header_line("dates 2026-02-06"));
}

TEST(Navigation, SiteFurniture) {
    EXPECT_TRUE(r::is_navigation_line("Суббота Вести еженедельник 7 Супер Секретов Mājas virtuve"));
    EXPECT_TRUE(r::is_navigation_line("Вести еженедельник 7 Супер Секретов Mājas virtuve"));
    EXPECT_TRUE(r::is_navigation_line("LAT Пн, 23. Февраля Завтра: Almants, Haralds"));
    EXPECT_TRUE(r::is_navigation_line("LAT Воскресенье, 28. Апреля Завтра: Gundega, Tereze"));
    EXPECT_TRUE(r::is_navigation_line("Доступность"));
    EXPECT_TRUE(r::is_navigation_line("Press.lv - Новости, которые касаются Вас! LAT"));
    EXPECT_FALSE(r::is_navigation_line("Латвия: вести из регионов"));
}

TEST(CommentWidget, RecognisedWithCount) {
    std::optional<int> count;
    EXPECT_TRUE(r::is_comment_widget("Комментарии (4) 40 реакций", &count));
    EXPECT_EQ(count, 4);
    EXPECT_TRUE(r::is_comment_widget("Загрузка"));
    EXPECT_FALSE(r::is_comment_widget("Комментарии экспертов разошлись"));
}

TEST(CategoryLine, WithAndWithoutCategory) {
    auto a = r::match_category_with_count("Мир 0 комментариев");
    ASSERT_TRUE(a);
    EXPECT_EQ(a->category, "Мир");
    EXPECT_EQ(a->comments, 0);
    auto b = r::match_category_with_count("1 комментариев");
    ASSERT_TRUE(b);
    EXPECT_EQ(b->category, "");
    EXPECT_EQ(b->comments, 1);
    auto c = r::match_category_with_count("Новости Латвии 12 комментариев");
    ASSERT_TRUE(c);
    EXPECT_EQ(c->category, "Новости Латвии");
    EXPECT_FALSE(r::match_category_with_count("Мир без комментариев"));
    EXPECT_TRUE(r::is_known_category("Новости Латвии"));
}

TEST(HeadlineCounter, OnlyDigitsInBrackets) {
    auto a = r::split_headline_counter("Почему квартиры стоят пустыми? (1)");
    EXPECT_EQ(a.text, "Почему квартиры стоят пустыми?");
    EXPECT_EQ(a.count, 1);
    auto b = r::split_headline_counter("Авария на трассе (ВИДЕО)");
    EXPECT_EQ(b.text, "Авария на трассе (ВИДЕО)");
    EXPECT_FALSE(b.count);
    auto c = r::split_headline_counter("Рост на 23(4)");
    EXPECT_FALSE(c.count);
}

TEST(Credits, StandaloneLines) {
    EXPECT_TRUE(r::is_credit_line("LETA"));
    EXPECT_TRUE(r::is_credit_line("Фото LETA"));
    EXPECT_TRUE(r::is_credit_line("Facebook/ Slimnīcu apvienība"));
    EXPECT_TRUE(r::is_credit_line("Scanpix (Credit Image: © Denis Viktorov/TASS via ZUMA Press)"));
    EXPECT_TRUE(r::is_credit_line("Sergei Grits/Copyright 2026 The AP. All rights reserved"));
    EXPECT_FALSE(r::is_credit_line("LETA сообщает, что заседание перенесли."));
    EXPECT_FALSE(r::is_credit_line("Выбор редакции"));
}

TEST(Credits, SplitFromDescription) {
    auto split = r::split_trailing_credit(
        "Солдат идёт перед толпой, четверг, 5 февраля 2026 года Sergei Grits/Copyright 2026 The "
        "AP. All rights reserved");
    ASSERT_TRUE(split);
    EXPECT_EQ(split->description, "Солдат идёт перед толпой, четверг, 5 февраля 2026 года");
    EXPECT_EQ(split->credit, "Sergei Grits/Copyright 2026 The AP. All rights reserved");

    auto photo = r::split_trailing_credit("Новый мост в день открытия Фото: Илзе Калниня");
    ASSERT_TRUE(photo);
    EXPECT_EQ(photo->description, "Новый мост в день открытия");
    EXPECT_EQ(photo->credit, "Фото: Илзе Калниня");

    EXPECT_FALSE(r::split_trailing_credit("Обычный абзац без подписи."));
}

TEST(Punctuation, SentenceEnds) {
    EXPECT_TRUE(r::ends_sentence("Он сказал: «Да.»"));
    EXPECT_TRUE(r::ends_sentence("Что дальше?"));
    EXPECT_FALSE(r::ends_sentence("Зеленский требует гарантий"));
    EXPECT_TRUE(r::ends_with_clause_punctuation("Итак:"));
    EXPECT_FALSE(r::ends_with_clause_punctuation("Что дальше?"));
}

TEST(Rules, PageFurnitureOfATextPage) {
    using r::Chrome;
    EXPECT_EQ(r::classify_chrome("Мы используем файлы cookie, чтобы сайт работал лучше. Согласен"),
              Chrome::Consent);
    EXPECT_EQ(r::classify_chrome("Поделиться: Facebook X Telegram"), Chrome::Share);
    EXPECT_EQ(r::classify_chrome("Поделиться Твитнуть"), Chrome::Share);
    EXPECT_EQ(r::classify_chrome("Реклама: лучшие окна в Латвии"), Chrome::Advert);
    EXPECT_EQ(r::classify_chrome("© Press.lv, 2026. Все права защищены. О нас Контакты"),
              Chrome::Footer);
    EXPECT_EQ(r::classify_chrome("[most-1]"), Chrome::Picture);
    // Article text that only mentions the same things.
    EXPECT_EQ(r::classify_chrome("Файлы cookie хранят данные о посещениях, объясняют специалисты."),
              Chrome::None);
    EXPECT_EQ(r::classify_chrome("Поделиться опытом пришли жители трёх волостей"), Chrome::None);
    EXPECT_EQ(r::classify_chrome("Рекламная кампания продлится месяц."), Chrome::None);
    EXPECT_EQ(r::classify_chrome("© LETA"), Chrome::None);
    EXPECT_EQ(r::classify_chrome("[1] Сноска к тексту"), Chrome::None);
    EXPECT_TRUE(r::is_button_label("Согласен"));
    EXPECT_FALSE(r::is_button_label("Согласен ли он?"));
    EXPECT_TRUE(r::is_teaser_heading("Читайте также:"));
    EXPECT_TRUE(r::is_teaser_heading("Популярное"));
    EXPECT_FALSE(r::is_teaser_heading("Читайте также наш репортаж"));
}

// The phrases of the cookie notice and the site's menu are found by a rare byte inside them:
// each phrase, put at every position of a line, and every prefix of it cut one byte short, are
// found or not found exactly as a plain substring search says.
TEST(Phrases, FoundByTheirAnchorWhereverTheyStand) {
    using r::Chrome;
    const std::string line = "Мы будем рады, если этот сайт вам понравится";
    for (const std::string phrase : {"cookie", "Cookie", "куки", "sīkdatn"}) {
        for (std::size_t cut = 0; cut <= phrase.size(); ++cut) {
            const std::string piece = phrase.substr(0, cut);
            for (std::size_t at = 0; at <= line.size(); ++at) {
                const std::string text = line.substr(0, at) + piece + line.substr(at);
                // The rule: a cookie word, and the site (or consent) named.
                auto has = [&](std::string_view part) {
                    return text.find(part) != std::string::npos;
                };
                const bool consent = has(phrase) && (has("сайт") || has("site") || has("vietn") ||
                                                     has("Согласен") || has("Принять"));
                ASSERT_EQ(r::classify_chrome(text) == Chrome::Consent, consent) << text;
            }
            ASSERT_EQ(r::classify_chrome(piece + " сайт") == Chrome::Consent, cut == phrase.size())
                << piece;
        }
    }
    for (const std::string phrase : {"Вести еженедельник", "Супер Секретов", "Mājas virtuve"}) {
        for (std::size_t cut = 0; cut <= phrase.size(); ++cut) {
            const std::string piece = phrase.substr(0, cut);
            for (std::size_t at = 0; at <= line.size(); ++at) {
                const std::string text = line.substr(0, at) + piece + line.substr(at);
                ASSERT_EQ(r::is_navigation_line(text), text.find(phrase) != std::string::npos)
                    << text;
            }
            ASSERT_EQ(r::is_navigation_line(piece), cut == phrase.size()) << piece;
        }
    }
}

// The inline credit markers, searched once per anchor byte: every marker, with a credit after
// it, at every position of a description, alone and after another marker, splits where the
// plain reading (each marker's last occurrence, in the markers' order, a credit of eight tokens
// at most) splits.
TEST(Phrases, InlineCreditMarkersSplitAsThePlainReading) {
    const std::vector<std::string> markers = {
        " Фото: ", " Фото ", " Foto: ", " Photo: ", " Фото - ", " Foto - ", " © "};
    auto plain = [&](const std::string& text) -> std::optional<r::CaptionSplit> {
        for (const auto& m : markers) {
            const std::size_t pos = text.rfind(m);
            if (pos == std::string::npos) continue;
            const std::string credit(pressparse::unicode::trim(text.substr(pos)));
            if (pressparse::unicode::count_tokens(credit, 8) > 8) continue;
            return r::CaptionSplit{std::string(pressparse::unicode::trim(text.substr(0, pos))),
                                   credit};
        }
        return std::nullopt;
    };
    const std::string line = "Новый мост через реку в день открытия";
    for (const auto& m : markers) {
        for (const auto& other : markers) {
            for (std::size_t at = 0; at <= line.size(); ++at) {
                for (const std::string& text :
                     {line.substr(0, at) + m + "Илзе Калниня",
                      line.substr(0, at) + other + "LETA" + line.substr(at) + m + "A B",
                      line.substr(0, at) + m + line.substr(at) + " один два три четыре пять"}) {
                    const auto fast = r::split_trailing_credit(text);
                    const auto slow = plain(text);
                    ASSERT_EQ(fast.has_value(), slow.has_value()) << text;
                    if (fast) {
                        ASSERT_EQ(fast->description, slow->description) << text;
                        ASSERT_EQ(fast->credit, slow->credit) << text;
                    }
                }
            }
        }
    }
}
