#include "pressparse/dates.hpp"

#include <gtest/gtest.h>
#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

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

// Month names of any language, from ICU's locale data.
TEST(Months, EveryLanguageFromIcu) {
    EXPECT_EQ(d::month_from_name("Oktober"), 10);
    EXPECT_EQ(d::month_from_name("März"), 3);
    EXPECT_EQ(d::month_from_name("octubre"), 10);
    EXPECT_EQ(d::month_from_name("janv."), 1);
    EXPECT_EQ(d::month_from_name("décembre"), 12);
    EXPECT_EQ(d::month_from_name("maggio"), 5);
    EXPECT_EQ(d::month_from_name("października"), 10);
    EXPECT_EQ(d::month_from_name("OKTOBER"), 10);
    // A name two languages give two months is read in the page's language.
    EXPECT_EQ(d::month_from_name("listopad", "pl"), 11);
    EXPECT_EQ(d::month_from_name("listopad", "hr"), 10);
    EXPECT_FALSE(d::month_from_name("Montag"));
}

// Machine forms a page states that were not read before.
TEST(NormalizeTimestamp, CompactZoneNamesAndLooseForms) {
    EXPECT_EQ(d::normalize_timestamp("20231102", false), "2023-11-02");
    EXPECT_EQ(d::normalize_timestamp("20200316T13:00:00Z", false), "2020-03-16T13:00:00+00:00");
    EXPECT_EQ(d::normalize_timestamp("20200316T130000Z", false), "2020-03-16T13:00:00+00:00");
    // A zone name is no offset: the day alone.
    EXPECT_EQ(d::normalize_timestamp("2020-03-16T13:00:00PDT", false), "2020-03-16");
    EXPECT_EQ(d::normalize_timestamp("2020-03-16T13:00:00+02:00CET", false),
              "2020-03-16T13:00:00+02:00");
    EXPECT_EQ(d::normalize_timestamp("2020-03-16T13:00:5+01:00", false),
              "2020-03-16T13:00:05+01:00");
    EXPECT_EQ(d::normalize_timestamp("2020/10/04 15:05:21", false), "2020-10-04");
    EXPECT_EQ(d::normalize_timestamp("2022-1-26T8:05:00+01:00", false),
              "2022-01-26T08:05:00+01:00");
    EXPECT_EQ(d::normalize_timestamp("2020-03-16T13:00:00+0500", false),
              "2020-03-16T13:00:00+05:00");
    EXPECT_EQ(d::normalize_timestamp("04:25:06 PM IST Apr 08, 2020", false), "2020-04-08");
    EXPECT_EQ(d::normalize_timestamp("19. Oktober 2019", false), "2019-10-19");
    EXPECT_EQ(d::normalize_timestamp("19 de octubre de 2019", false), "2019-10-19");
    EXPECT_FALSE(d::normalize_timestamp("20231302", false));
    EXPECT_FALSE(d::normalize_timestamp("2023-02-30", false));
}

// A fraction of a second written after a colon ("08:684Z"), and the day's closing dot of
// "2023.11.02." (Korean, Hungarian).
TEST(NormalizeTimestamp, ColonFractionAndClosingDot) {
    EXPECT_EQ(d::normalize_timestamp("2022-01-10T22:06:08:684Z", false),
              "2022-01-10T22:06:08+00:00");
    EXPECT_EQ(d::normalize_timestamp("2023.11.02.", false), "2023-11-02");
    EXPECT_EQ(d::normalize_timestamp("2023.11.02. 20:06", false), "2023-11-02");
    EXPECT_FALSE(d::normalize_timestamp("2022-01-10T22:06:08:68Z", false));
    EXPECT_FALSE(d::normalize_timestamp("2023-11-02.", false));
}

// "11/01/2023": the month comes first where the language writes it first (ICU's pattern).
TEST(NormalizeTimestamp, SlashedDatesReadInThePagesLanguage) {
    EXPECT_EQ(d::normalize_timestamp("11/01/2023", false, nullptr, "en-US"), "2023-11-01");
    EXPECT_EQ(d::normalize_timestamp("11/01/2023", false, nullptr, "fr"), "2023-01-11");
    EXPECT_EQ(d::normalize_timestamp("11/01/2023", false), "2023-01-11");
    EXPECT_EQ(d::normalize_timestamp("12/31/2023", false, nullptr, "de"), "2023-12-31");
    EXPECT_EQ(d::normalize_timestamp("31.12.2023", false), "2023-12-31");
}

TEST(FindDateInText, BylinesOfManyLanguages) {
    auto de = d::find_date_in_text("Veröffentlicht am 19. Oktober 2019 von Anna Beispiel", "de");
    ASSERT_TRUE(de);
    EXPECT_EQ(de->prefix, "Veröffentlicht am");
    EXPECT_EQ(de->date_text, "19. Oktober 2019");
    EXPECT_EQ(de->value.month, 10);
    auto fr = d::find_date_in_text("Publié le 3 décembre 2021 à 14h05", "fr");
    ASSERT_TRUE(fr);
    EXPECT_EQ(fr->value.year, 2021);
    EXPECT_EQ(fr->value.month, 12);
    EXPECT_EQ(fr->value.day, 3);
    auto es = d::find_date_in_text("Madrid, 7 de marzo de 2020", "es");
    ASSERT_TRUE(es);
    EXPECT_EQ(es->date_text, "7 de marzo de 2020");
    auto en = d::find_date_in_text("Posted on Oct. 19th, 2019 by the editors");
    ASSERT_TRUE(en);
    EXPECT_EQ(en->value.day, 19);
    EXPECT_EQ(en->value.month, 10);
    auto numeric = d::find_date_in_text("Stand: 05.11.2021, 10:00 Uhr");
    ASSERT_TRUE(numeric);
    EXPECT_EQ(numeric->value.month, 11);
    auto cjk = d::find_date_in_text("2020年07月03日 | 10:00");
    ASSERT_TRUE(cjk);
    EXPECT_EQ(cjk->value.day, 3);
    EXPECT_EQ(cjk->value.month, 7);
    EXPECT_FALSE(d::find_date_in_text("Heute im Oktober: 12 Tipps für 2019"));
    EXPECT_FALSE(d::find_date_in_text("31. Februar 2020"));
}

// A numeric day spaced after its dots (DIN 5008), thin spaces too: "4. 2. 2022".
TEST(FindDateInText, ANumericDaySpacedAfterItsDots) {
    auto spaced = d::find_date_in_text("Berlin, 4. 2. 2022.");
    ASSERT_TRUE(spaced);
    EXPECT_EQ(spaced->date_text, "4. 2. 2022.");
    EXPECT_EQ(spaced->value.month, 2);
    EXPECT_EQ(spaced->value.day, 4);
    auto thin = d::find_date_in_text("4.\u2009 2.\u2009 2022");
    ASSERT_TRUE(thin);
    EXPECT_EQ(thin->value.year, 2022);
    EXPECT_FALSE(d::find_date_in_text("Steps 1. 2. 300."));
    EXPECT_FALSE(d::find_date_in_text("30. 2. 2022"));
}

// The month tables are read from ICU one language at a time, when a lookup first needs one;
// the answers must be those of the tables read all at once: every name of the 21 widely printed
// languages, asked without a language (the first language in the list to have it wins, then the
// Latvian locatives) and with each language (its own names first).
TEST(Months, ReadLanguageByLanguageAnswerAsReadAllAtOnce) {
    const std::vector<std::string> languages = {"ru", "lv", "en", "de", "fr", "es", "it",
                                                "pt", "nl", "pl", "cs", "sv", "da", "nb",
                                                "fi", "hu", "tr", "uk", "lt", "et", "ro"};
    auto fold = [](const icu::UnicodeString& name) {  // trailing dots dropped, case folded
        icu::UnicodeString u(name);
        while (u.endsWith(u"."))
            u.truncate(u.length() - 1);
        u.foldCase();
        std::string key;
        u.toUTF8String(key);
        return key;
    };
    auto kept = [](const std::string& key) {
        return key.size() >= 3 && key.find_first_of("0123456789 ") == std::string::npos;
    };
    std::map<std::string, int> all;
    std::map<std::string, std::map<std::string, int>> own;
    std::vector<std::pair<std::string, std::string>> names;  // language, name as ICU gives it
    std::vector<std::pair<icu::UnicodeString, int>> latvian;
    for (const auto& language : languages) {
        UErrorCode status = U_ZERO_ERROR;
        const icu::DateFormatSymbols symbols(icu::Locale(language.c_str()), status);
        ASSERT_TRUE(U_SUCCESS(status)) << language;
        using S = icu::DateFormatSymbols;
        for (auto context : {S::FORMAT, S::STANDALONE}) {
            for (auto width : {S::WIDE, S::ABBREVIATED}) {
                int32_t count = 0;
                const icu::UnicodeString* months = symbols.getMonths(count, context, width);
                for (int32_t i = 0; i < count && i < 12; ++i) {
                    std::string utf8;
                    months[i].toUTF8String(utf8);
                    names.emplace_back(language, utf8);
                    if (language == "lv" && width == S::WIDE)
                        latvian.emplace_back(months[i], i + 1);
                    const std::string key = fold(months[i]);
                    if (!kept(key)) continue;
                    all.emplace(key, i + 1);
                    own[language].emplace(key, i + 1);
                }
            }
        }
    }
    for (const auto& [name, month] : latvian) {
        icu::UnicodeString locative(name);
        if (locative.endsWith(u"is")) {
            locative.truncate(locative.length() - 2);
            locative.append(u"ī");
        } else if (locative.endsWith(u"s")) {
            locative.truncate(locative.length() - 1);
            locative.append(u"ā");
        } else {
            continue;
        }
        std::string utf8;
        locative.toUTF8String(utf8);
        names.emplace_back("lv", utf8);
        const std::string key = fold(locative);
        all.emplace(key, month);
        own["lv"].emplace(key, month);
    }
    ASSERT_GT(names.size(), 21u * 40);
    // Asked with a language first, in the list's reverse order, then without one.
    for (auto it = names.rbegin(); it != names.rend(); ++it) {
        for (const auto& language : {it->first, std::string("lv"), std::string("uk")}) {
            const std::string key = fold(icu::UnicodeString::fromUTF8(it->second));
            std::optional<int> expected;
            if (kept(key)) {
                if (auto o = own[language].find(key); o != own[language].end()) {
                    expected = o->second;
                } else if (auto a = all.find(key); a != all.end()) {
                    expected = a->second;
                }
            }
            EXPECT_EQ(d::month_from_name(it->second, language), expected)
                << it->second << " asked in " << language;
        }
    }
    for (const auto& [language, name] : names) {
        const std::string key = fold(icu::UnicodeString::fromUTF8(name));
        std::optional<int> expected;
        if (auto a = all.find(key); kept(key) && a != all.end()) expected = a->second;
        EXPECT_EQ(d::month_from_name(name), expected) << name << " of " << language;
    }
}

// The widely printed languages' month names are read from the calendar data alone, not through
// DateFormatSymbols (which reads every symbol of the locale): the same names in the same order.
TEST(Months, CalendarDataGivesDateFormatSymbolsNames) {
    for (const char* language : {"ru", "lv", "en", "de", "fr", "es", "it", "pt", "nl", "pl", "cs",
                                 "sv", "da", "nb", "fi", "hu", "tr", "uk", "lt", "et", "ro"}) {
        std::vector<std::pair<std::string, int>> expected;
        UErrorCode status = U_ZERO_ERROR;
        const icu::DateFormatSymbols symbols(icu::Locale(language), status);
        ASSERT_TRUE(U_SUCCESS(status)) << language;
        using S = icu::DateFormatSymbols;
        for (auto context : {S::FORMAT, S::STANDALONE}) {
            for (auto width : {S::WIDE, S::ABBREVIATED}) {
                int32_t count = 0;
                const icu::UnicodeString* months = symbols.getMonths(count, context, width);
                for (int32_t i = 0; i < count && i < 12; ++i) {
                    std::string utf8;
                    months[i].toUTF8String(utf8);
                    expected.emplace_back(utf8, i + 1);
                }
            }
        }
        ASSERT_EQ(expected.size(), 48u) << language;
        EXPECT_EQ(d::month_names_from_calendar_data(language), expected) << language;
    }
}
