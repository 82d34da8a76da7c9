#include "pressparse/dates.hpp"

#include <gtest/gtest.h>

namespace d = pressparse::dates;

TEST(Months, AllTwelveRussianGenitives) {
    const char* names[] = {"января", "февраля", "марта",    "апреля",  "мая",    "июня",
                           "июля",   "августа", "сентября", "октября", "ноября", "декабря"};
    for (int i = 0; i < 12; ++i)
        EXPECT_EQ(d::month_from_name(names[i]), i + 1) << names[i];
}

TEST(Months, NominativeAbbreviatedAndLatvian) {
    EXPECT_EQ(d::month_from_name("Февраль"), 2);
    EXPECT_EQ(d::month_from_name("февр."), 2);
    EXPECT_EQ(d::month_from_name("februāris"), 2);
    EXPECT_EQ(d::month_from_name("februārī"), 2);  // locative
    EXPECT_EQ(d::month_from_name("augustā"), 8);
    EXPECT_EQ(d::month_from_name("decembris"), 12);
    EXPECT_FALSE(d::month_from_name("Рига"));
}

TEST(TrailingDate, SplitsSourceAndDate) {
    auto found = d::find_trailing_date("Euronews 6 февраля, 2026 11:49");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->prefix, "Euronews");
    EXPECT_EQ(found->date_text, "6 февраля, 2026 11:49");
    EXPECT_TRUE(found->valid);
    EXPECT_EQ(d::to_iso_riga(found->value), "2026-02-06T11:49:00+02:00");
}

TEST(TrailingDate, MultiWordSourceAndDateOnly) {
    auto found = d::find_trailing_date("Редакция PRESS 2 сентября, 2025");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->prefix, "Редакция PRESS");
    EXPECT_FALSE(found->value.hour);
    EXPECT_EQ(d::to_iso_riga(found->value), "2025-09-02");
}

TEST(TrailingDate, NumericAndLatvianForms) {
    auto numeric = d::parse_date("28.09.2025");
    ASSERT_TRUE(numeric);
    EXPECT_EQ(d::to_iso_riga(numeric->value), "2025-09-28");
    auto lv = d::parse_date("2026. gada 6. februāris");
    ASSERT_TRUE(lv);
    EXPECT_EQ(d::to_iso_riga(lv->value), "2026-02-06");
    auto lv_short = d::parse_date("6. februārī 2026 11:49");
    ASSERT_TRUE(lv_short);
    EXPECT_EQ(d::to_iso_riga(lv_short->value), "2026-02-06T11:49:00+02:00");
}

TEST(TrailingDate, NotADate) {
    EXPECT_FALSE(d::find_trailing_date("Мир 0 комментариев"));
    EXPECT_FALSE(d::find_trailing_date("Рижская дума 2026"));
    EXPECT_FALSE(d::parse_date("Euronews 6 февраля, 2026"));  // has a prefix: not a bare date
}

TEST(TrailingDate, ImpossibleDateIsFoundButInvalid) {
    auto found = d::find_trailing_date("LETA 31 февраля, 2026 10:00");
    ASSERT_TRUE(found);
    EXPECT_FALSE(found->valid);
}

struct OffsetCase {
    d::LocalDateTime local;
    const char* iso;
};

class RigaOffsets : public ::testing::TestWithParam<OffsetCase> {};

TEST_P(RigaOffsets, RealOffsetForTheDay) {
    EXPECT_EQ(d::to_iso_riga(GetParam().local), GetParam().iso);
}

// EET (+02:00) in winter, EEST (+03:00) from the last Sunday of March 03:00 to the last Sunday
// of October 04:00 local time.
INSTANTIATE_TEST_SUITE_P(
    DstSwitches, RigaOffsets,
    ::testing::Values(OffsetCase{{2026, 3, 28, 12, 0}, "2026-03-28T12:00:00+02:00"},
                      OffsetCase{{2026, 3, 29, 2, 59}, "2026-03-29T02:59:00+02:00"},
                      OffsetCase{{2026, 3, 29, 4, 0}, "2026-03-29T04:00:00+03:00"},
                      OffsetCase{{2026, 3, 29, 12, 0}, "2026-03-29T12:00:00+03:00"},
                      OffsetCase{{2025, 10, 25, 23, 0}, "2025-10-25T23:00:00+03:00"},
                      OffsetCase{{2025, 10, 26, 5, 0}, "2025-10-26T05:00:00+02:00"},
                      OffsetCase{{2026, 10, 24, 12, 0}, "2026-10-24T12:00:00+03:00"},
                      OffsetCase{{2026, 10, 25, 12, 0}, "2026-10-25T12:00:00+02:00"},
                      // The repeated hour reads as summer time; the skipped hour moves forward.
                      OffsetCase{{2026, 10, 25, 3, 30}, "2026-10-25T03:30:00+03:00"},
                      OffsetCase{{2026, 3, 29, 3, 30}, "2026-03-29T04:30:00+03:00"},
                      OffsetCase{{2024, 2, 29, 9, 0}, "2024-02-29T09:00:00+02:00"}));

TEST(RigaOffsets, ImpossibleDates) {
    EXPECT_FALSE(d::to_iso_riga({2025, 2, 29, std::nullopt, std::nullopt}));
    EXPECT_FALSE(d::to_iso_riga({2025, 13, 1, std::nullopt, std::nullopt}));
}
