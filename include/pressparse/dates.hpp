// Publication dates as Press.lv prints them, normalised to ISO 8601.
// Month names come from ICU's locale data (Russian and Latvian, format and stand-alone forms,
// wide and abbreviated); offsets come from ICU's Europe/Riga time zone, so EET/EEST switches
// are those of the real calendar for that day.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pressparse::dates {

// A calendar date and optional wall-clock time as printed (no zone).
struct LocalDateTime {
    int year = 0;
    int month = 0;  // 1..12
    int day = 0;
    std::optional<int> hour;
    std::optional<int> minute;
};

// Where a date was found inside a line: `prefix` is the text before it (the source on a
// byline), `date_text` the date as printed.
struct DateInLine {
    std::string prefix;
    std::string date_text;
    LocalDateTime value;
    bool valid = false;  // false: looks like a date but is not a real one (e.g. 31 февраля)
};

// Month number (1..12) for a month name of any language ICU has locale data for, wide or
// abbreviated, format or stand-alone form, any letter case ("февраля", "janv.", "Oktober",
// "octubre"), Latvian locatives too; nullopt when not a month. A name two languages give two
// months is read in `language` (a BCP 47 tag, "de-CH") when that language has it.
std::optional<int> month_from_name(std::string_view word, std::string_view language = {});

// The month names `month_from_name` reads for a widely printed language ("ru", "lv", "en", …)
// straight from ICU's Gregorian calendar data, in the order it reads them (format wide, format
// abbreviated, stand-alone wide, stand-alone abbreviated; January first), as UTF-8 with their
// month; empty when the data cannot be read so (the table then asks DateFormatSymbols). For
// tests: they must be exactly DateFormatSymbols' names.
std::vector<std::pair<std::string, int>> month_names_from_calendar_data(std::string_view language);

// Finds a date that ends the line: "D month, YYYY[ HH:MM]", "D. month YYYY[ HH:MM]",
// "DD.MM.YYYY[ HH:MM]". Returns nullopt when the line does not end in a date.
std::optional<DateInLine> find_trailing_date(std::string_view line);

// The whole text is a date (same forms as above, or ISO "YYYY-MM-DD").
std::optional<DateInLine> parse_date(std::string_view text);

// ISO 8601: "YYYY-MM-DD" without a time; with one, Riga local time with its real UTC offset
// ("2026-02-06T11:49:00+02:00"), from ICU's Europe/Riga. Nullopt for impossible dates. The
// printed wall time is always kept. In the autumn hour that occurs twice, the first reading,
// summer time (+03:00), is used. A time in the spring hour that does not exist keeps its wall
// time with the offset before the switch (03:30 is 03:30+02:00) and sets `warning`. Before
// 1926 Riga's offset had seconds (local mean time, +01:36:34), which ISO 8601 offsets cannot
// hold: the date alone is returned, and `warning` says why.
std::optional<std::string> to_iso_riga(const LocalDateTime& value, std::string* warning = nullptr);

// A date printed for people somewhere in a short text ("Veröffentlicht am 19. Oktober 2019",
// "Posted on Oct 19, 2019 by …", "19 de octubre de 2019", "19.10.2019"): the first real
// calendar day with its year, month and day; `prefix` is the text before it. No time is read.
struct FoundDate {
    std::string prefix;
    std::string date_text;
    LocalDateTime value;
};
std::optional<FoundDate> find_date_in_text(std::string_view text, std::string_view language = {});

// Normalises a timestamp a page states in its metadata ("2015-07-24T05:36:09+0100",
// "2015-07-24 05:36", "2015-07-24", "Fri, 24 Jul 2015 05:36:09 GMT", "July 24, 2015",
// "6 февраля, 2026 11:49", "20200316T130000Z", "2020/10/04 15:05:21", "2022-1-26T8:05:3Z",
// "11/01/2023", "19. Oktober 2019") to ISO 8601, keeping the stated offset ("Z" becomes
// "+00:00"; a zone name such as "PDT" is no offset). "11/01/2023" is read month first when
// ICU's short date pattern of `language` puts the month first, else day first. A time
// without an offset is read as Riga time when `riga_local` is set; otherwise it names no instant,
// and only its date is returned ("2015-07-24 05:36" is "2015-07-24").
// `warning` as for to_iso_riga, when a time is read as Riga time.
std::optional<std::string> normalize_timestamp(std::string_view text, bool riga_local,
                                               std::string* warning = nullptr,
                                               std::string_view language = {});

// Days from 1970-01-01 to the given day of the proleptic Gregorian calendar; a day past the
// month's end runs on into the next month, as a lenient calendar reads it.
long long days_from_civil(int year, int month, int day);

// The day of the proleptic Gregorian calendar `days` days after 1970-01-01 (the inverse of
// days_from_civil).
struct CivilDay {
    int year = 0, month = 0, day = 0;
};
CivilDay civil_from_days(long long days);

}  // namespace pressparse::dates
