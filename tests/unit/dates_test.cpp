#include "pressparse/dates.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <utility>

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
                      // The repeated hour reads as its first occurrence, summer time; the
                      // hours around it are unambiguous.
                      OffsetCase{{2026, 10, 25, 2, 59}, "2026-10-25T02:59:00+03:00"},
                      OffsetCase{{2026, 10, 25, 3, 0}, "2026-10-25T03:00:00+03:00"},
                      OffsetCase{{2026, 10, 25, 3, 30}, "2026-10-25T03:30:00+03:00"},
                      OffsetCase{{2026, 10, 25, 3, 59}, "2026-10-25T03:59:00+03:00"},
                      OffsetCase{{2026, 10, 25, 4, 0}, "2026-10-25T04:00:00+02:00"},
                      // The skipped hour keeps its wall time, with the winter offset.
                      OffsetCase{{2026, 3, 29, 3, 30}, "2026-03-29T03:30:00+02:00"},
                      // Standard time since 1926 (EET), and the Soviet years (MSK, +03:00).
                      OffsetCase{{1927, 1, 10, 9, 0}, "1927-01-10T09:00:00+02:00"},
                      OffsetCase{{1975, 1, 10, 9, 0}, "1975-01-10T09:00:00+03:00"},
                      OffsetCase{{2024, 2, 29, 9, 0}, "2024-02-29T09:00:00+02:00"}));

TEST(RigaOffsets, ImpossibleDates) {
    EXPECT_FALSE(d::to_iso_riga({2025, 2, 29, std::nullopt, std::nullopt}));
    EXPECT_FALSE(d::to_iso_riga({2025, 13, 1, std::nullopt, std::nullopt}));
}

// Issue 10: 03:30 on the morning clocks go forward does not exist in Riga; it was silently
// printed as 04:30. The printed wall time is kept (with the offset before the switch, so the
// instant is the one a clock not yet put forward showed) and a warning says so.
TEST(RigaOffsets, SpringGapKeepsThePrintedTimeAndWarns) {
    for (const auto& [minute, iso] :
         {std::pair{0, "2026-03-29T03:00:00+02:00"}, std::pair{30, "2026-03-29T03:30:00+02:00"},
          std::pair{59, "2026-03-29T03:59:00+02:00"}}) {
        std::string warning;
        EXPECT_EQ(d::to_iso_riga({2026, 3, 29, 3, minute}, &warning), iso);
        char expected[96];
        std::snprintf(expected, sizeof expected,
                      "date in the daylight-saving gap: 03:%02d does not exist in Riga on "
                      "2026-03-29",
                      minute);
        EXPECT_EQ(warning, expected);
    }
    // 2025's switch was on 30 March.
    std::string warning;
    EXPECT_EQ(d::to_iso_riga({2025, 3, 30, 3, 15}, &warning), "2025-03-30T03:15:00+02:00");
    EXPECT_NE(warning.find("03:15 does not exist in Riga on 2025-03-30"), std::string::npos);
    // Either side of the gap, and the repeated autumn hour: no warning.
    for (const d::LocalDateTime& t :
         {d::LocalDateTime{2026, 3, 29, 2, 59}, d::LocalDateTime{2026, 3, 29, 4, 0},
          d::LocalDateTime{2026, 10, 25, 3, 30}}) {
        std::string none;
        EXPECT_TRUE(d::to_iso_riga(t, &none));
        EXPECT_EQ(none, "") << *t.hour << ":" << *t.minute;
    }
}

// Issue 10: a 1900 date got "+01:36", Riga's local mean time (+01:36:34) cut to the minute. An
// ISO 8601 offset cannot hold the seconds and a rounded one names another instant: the date
// alone, and a warning.
TEST(RigaOffsets, LocalMeanTimeGivesTheDateAloneAndWarns) {
    std::string warning;
    EXPECT_EQ(d::to_iso_riga({1900, 5, 1, 10, 0}, &warning), "1900-05-01");
    EXPECT_EQ(warning,
              "date before standard time: Riga's offset on 1900-05-01 was +01:36:34, not whole "
              "minutes; the time is left out");
    std::string no_time;
    EXPECT_EQ(d::to_iso_riga({1900, 5, 1, std::nullopt, std::nullopt}, &no_time), "1900-05-01");
    EXPECT_EQ(no_time, "");
    // Through a byline and through page metadata read as Riga time.
    auto found = d::find_trailing_date("LETA 1 мая, 1900 10:00");
    ASSERT_TRUE(found);
    EXPECT_TRUE(found->valid);
    std::string meta_warning;
    EXPECT_EQ(d::normalize_timestamp("1900-05-01 10:00:15", true, &meta_warning), "1900-05-01");
    EXPECT_NE(meta_warning.find("+01:36:34"), std::string::npos) << meta_warning;
    std::string gap_warning;
    EXPECT_EQ(d::normalize_timestamp("2026-03-29 03:30:15", true, &gap_warning),
              "2026-03-29T03:30:15+02:00");
    EXPECT_NE(gap_warning.find("daylight-saving gap"), std::string::npos);
}
