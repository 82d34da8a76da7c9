// to_iso_riga reads Riga's offset from the zone and the day by civil arithmetic; these tests hold
// it to the definition it replaced, a lenient ICU GregorianCalendar in Europe/Riga (repeated wall
// times read as the first, skipped ones with the offset before the switch) beside one in UTC, on
// every day of the years allowed and on every minute around each of the zone's transitions.
#include <gtest/gtest.h>
#include <unicode/basictz.h>
#include <unicode/gregocal.h>
#include <unicode/timezone.h>
#include <unicode/tztrans.h>
#include <unicode/unistr.h>

#include <cmath>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>

#include "pressparse/dates.hpp"

namespace d = pressparse::dates;

namespace {

struct Reading {
    std::optional<std::string> iso;
    std::string warning;
    bool operator==(const Reading&) const = default;
};

// The calendar reading, as to_iso_riga did it before.
class CalendarReading {
  public:
    CalendarReading() {
        UErrorCode status = U_ZERO_ERROR;
        riga_ = std::make_unique<icu::GregorianCalendar>(
            icu::TimeZone::createTimeZone(icu::UnicodeString(u"Europe/Riga")), status);
        utc_ = std::make_unique<icu::GregorianCalendar>(*icu::TimeZone::getGMT(), status);
        EXPECT_TRUE(U_SUCCESS(status));
        riga_->setRepeatedWallTimeOption(UCAL_WALLTIME_FIRST);
        riga_->setSkippedWallTimeOption(UCAL_WALLTIME_LAST);
    }

    Reading operator()(const d::LocalDateTime& v) {
        Reading out;
        if (v.year < 1900 || v.year > 2200 || v.month < 1 || v.month > 12 || v.day < 1 ||
            v.day > 31)
            return out;
        icu::Calendar& cal = *riga_;
        cal.clear();
        cal.set(v.year, v.month - 1, v.day, v.hour.value_or(12), v.minute.value_or(0), 0);
        UErrorCode status = U_ZERO_ERROR;
        const UDate instant = cal.getTime(status);
        if (U_FAILURE(status)) return out;
        if (cal.get(UCAL_YEAR, status) != v.year || cal.get(UCAL_MONTH, status) != v.month - 1 ||
            cal.get(UCAL_DATE, status) != v.day || U_FAILURE(status))
            return out;
        char buf[160];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", v.year, v.month, v.day);
        const std::string date(buf);
        if (!v.hour) {
            out.iso = date;
            return out;
        }
        const int hour = *v.hour;
        const int minute = v.minute.value_or(0);
        icu::Calendar& utc = *utc_;
        utc.clear();
        utc.set(v.year, v.month - 1, v.day, hour, minute, 0);
        const UDate wall = utc.getTime(status);
        const auto offset_ms = static_cast<long long>(wall - instant);
        const bool skipped =
            cal.get(UCAL_HOUR_OF_DAY, status) != hour || cal.get(UCAL_MINUTE, status) != minute;
        const char sign = offset_ms < 0 ? '-' : '+';
        const long long abs_s = (offset_ms < 0 ? -offset_ms : offset_ms) / 1000;
        if (abs_s % 60 != 0) {
            std::snprintf(
                buf, sizeof buf,
                "date before standard time: Riga's offset on %s was %c%02lld:%02lld:%02lld"
                ", not whole minutes; the time is left out",
                date.c_str(), sign, abs_s / 3600, abs_s / 60 % 60, abs_s % 60);
            out.warning = buf;
            out.iso = date;
            return out;
        }
        if (skipped) {
            std::snprintf(buf, sizeof buf,
                          "date in the daylight-saving gap: %02d:%02d does not exist in Riga on %s",
                          hour, minute, date.c_str());
            out.warning = buf;
        }
        std::snprintf(buf, sizeof buf, "%sT%02d:%02d:00%c%02lld:%02lld", date.c_str(), hour, minute,
                      sign, abs_s / 3600, abs_s / 60 % 60);
        out.iso = buf;
        return out;
    }

  private:
    std::unique_ptr<icu::Calendar> riga_;
    std::unique_ptr<icu::Calendar> utc_;
};

Reading zone_reading(const d::LocalDateTime& v) {
    Reading out;
    out.iso = d::to_iso_riga(v, &out.warning);
    return out;
}

std::string show(const d::LocalDateTime& v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%d-%d-%d %d:%d", v.year, v.month, v.day, v.hour.value_or(-1),
                  v.minute.value_or(-1));
    return buf;
}

}  // namespace

TEST(RigaTime, EveryDayOfTheYearsAllowedReadsAsTheCalendarReadsIt) {
    CalendarReading calendar;
    int differences = 0;
    for (int year = 1899; year <= 2201; ++year) {
        for (int month = 0; month <= 13; ++month) {
            for (int day = 0; day <= 32; ++day) {
                for (const std::optional<int> hour :
                     {std::optional<int>{}, std::optional<int>{12}}) {
                    const d::LocalDateTime v{year, month, day, hour, std::nullopt};
                    if (calendar(v) != zone_reading(v) && ++differences <= 10)
                        ADD_FAILURE() << show(v);
                }
            }
        }
    }
    EXPECT_EQ(differences, 0);
}

TEST(RigaTime, EveryMinuteAroundEachTransitionReadsAsTheCalendarReadsIt) {
    CalendarReading calendar;
    std::unique_ptr<icu::TimeZone> tz(
        icu::TimeZone::createTimeZone(icu::UnicodeString(u"Europe/Riga")));
    const auto* zone = dynamic_cast<const icu::BasicTimeZone*>(tz.get());
    ASSERT_NE(zone, nullptr);
    // 1899-12-31 to 2201-01-01, as milliseconds from the epoch.
    UDate at = -2'209'075'200'000.0;
    const UDate end = 7'289'654'400'000.0;
    icu::TimeZoneTransition transition;
    int transitions = 0;
    int differences = 0;
    while (zone->getNextTransition(at, false, transition) && transition.getTime() < end) {
        at = transition.getTime();
        ++transitions;
        // Wall times from three hours before the transition (in the offset before it) to three
        // hours after, every minute, and hours and minutes past their range on its day.
        const int before_ms =
            transition.getFrom()->getRawOffset() + transition.getFrom()->getDSTSavings();
        const auto wall_minute = static_cast<long long>(std::floor((at + before_ms) / 60'000.0));
        for (long long m = wall_minute - 180; m <= wall_minute + 180; ++m) {
            const long long days = (m >= 0 ? m : m - 1439) / 1440;
            const long long in_day = m - days * 1440;
            // Civil date of `days` (held to a day-stepped calendar by CivilDays below).
            const auto [year, month, day] = d::civil_from_days(days);
            const int hour = static_cast<int>(in_day / 60);
            const int minute = static_cast<int>(in_day % 60);
            std::vector<d::LocalDateTime> cases{{year, month, day, hour, minute},
                                                {year, month, day, hour, std::nullopt}};
            if (m == wall_minute) {
                for (const int h : {23, 24, 25, 48, 99})
                    cases.push_back({year, month, day, h, 0});
                for (const int mi : {59, 60, 75, 99})
                    cases.push_back({year, month, day, hour, mi});
            }
            for (const auto& v : cases) {
                if (calendar(v) != zone_reading(v) && ++differences <= 10)
                    ADD_FAILURE() << show(v) << ": calendar " << calendar(v).iso.value_or("-")
                                  << " zone " << zone_reading(v).iso.value_or("-");
            }
        }
    }
    EXPECT_GT(transitions, 400);
    EXPECT_EQ(differences, 0);
}

// civil_from_days and days_from_civil against a calendar stepped one day at a time by the
// Gregorian leap rule, over every day of 1600–2400 (1600-01-01 is 135,140 days before the epoch).
TEST(CivilDays, EveryDayOf1600To2400BothWays) {
    auto leap = [](int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; };
    int year = 1600, month = 1, day = 1, differences = 0;
    for (long long days = -135140; year <= 2400; ++days) {
        const d::CivilDay c = d::civil_from_days(days);
        if ((c.year != year || c.month != month || c.day != day ||
             d::days_from_civil(year, month, day) != days) &&
            ++differences <= 10)
            ADD_FAILURE() << year << "-" << month << "-" << day << " (day " << days << ")";
        const int length = month == 2 ? (leap(year) ? 29 : 28)
                           : (month == 4 || month == 6 || month == 9 || month == 11) ? 30
                                                                                     : 31;
        if (++day > length) {
            day = 1;
            if (++month > 12) {
                month = 1;
                ++year;
            }
        }
    }
    EXPECT_EQ(differences, 0);
}
