#include "pressparse/dates.hpp"

#include <unicode/calendar.h>
#include <unicode/dtfmtsym.h>
#include <unicode/gregocal.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <array>
#include <charconv>
#include <cstdio>
#include <memory>
#include <stdexcept>
#include <unordered_map>
#include <vector>

#include "pressparse/unicode.hpp"

namespace pressparse::dates {

namespace {

// Month names, lower-cased, mapped to 1..12. Built once from ICU's locale data.
class MonthTable {
  public:
    MonthTable() {
        for (const char* locale : {"ru", "lv", "en"})
            add_locale(icu::Locale(locale));
        add_latvian_locatives();
    }

    std::optional<int> find(std::string_view word) const {
        std::string key = unicode::to_lower(word);
        while (!key.empty() && key.back() == '.')
            key.pop_back();
        if (auto it = names_.find(key); it != names_.end()) return it->second;
        return std::nullopt;
    }

  private:
    void add(const icu::UnicodeString& name, int month) {
        icu::UnicodeString lower(name);
        lower.toLower(icu::Locale::getRoot());
        std::string key;
        lower.toUTF8String(key);
        while (!key.empty() && key.back() == '.')
            key.pop_back();
        if (key.size() >= 3) names_.emplace(key, month);
    }

    void add_locale(const icu::Locale& locale) {
        UErrorCode status = U_ZERO_ERROR;
        icu::DateFormatSymbols symbols(locale, status);
        if (U_FAILURE(status)) return;
        using S = icu::DateFormatSymbols;
        for (auto context : {S::FORMAT, S::STANDALONE}) {
            for (auto width : {S::WIDE, S::ABBREVIATED}) {
                int32_t count = 0;
                const icu::UnicodeString* months = symbols.getMonths(count, context, width);
                for (int32_t i = 0; i < count && i < 12; ++i) {
                    add(months[i], i + 1);
                    if (locale.getLanguage() == std::string_view("lv") && width == S::WIDE) {
                        latvian_nominatives_.emplace_back(months[i], i + 1);
                    }
                }
            }
        }
    }

    // Latvian prints dates in the locative too ("6. februārī", "martā"): -is → -ī, -s → -ā.
    void add_latvian_locatives() {
        for (const auto& [name, month] : latvian_nominatives_) {
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
            add(locative, month);
        }
    }

    std::unordered_map<std::string, int> names_;
    std::vector<std::pair<icu::UnicodeString, int>> latvian_nominatives_;
};

const MonthTable& months() {
    static const MonthTable table;
    return table;
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

bool parse_int(std::string_view s, int& out) {
    if (s.empty()) return false;
    for (char c : s) {
        if (!is_digit(c)) return false;
    }
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && ptr == s.data() + s.size();
}

// Splits on ASCII spaces (the caller folded white space already).
std::vector<std::string_view> tokens(std::string_view s) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && s[i] == ' ')
            ++i;
        const std::size_t start = i;
        while (i < s.size() && s[i] != ' ')
            ++i;
        if (i > start) out.push_back(s.substr(start, i - start));
    }
    return out;
}

std::string_view strip_suffix(std::string_view s, char c) {
    if (!s.empty() && s.back() == c) s.remove_suffix(1);
    return s;
}

bool parse_time(std::string_view token, int& hour, int& minute) {
    const auto colon = token.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 2 || token.size() - colon - 1 != 2)
        return false;
    return parse_int(token.substr(0, colon), hour) && parse_int(token.substr(colon + 1), minute) &&
           hour <= 23 && minute <= 59;
}

// "DD.MM.YYYY" (also with '/' or '-' between, and "YYYY-MM-DD").
bool parse_numeric_date(std::string_view token, LocalDateTime& out) {
    token = strip_suffix(token, ',');
    if (token.size() == 10 && token[4] == '-' && token[7] == '-') {
        return parse_int(token.substr(0, 4), out.year) &&
               parse_int(token.substr(5, 2), out.month) && parse_int(token.substr(8, 2), out.day);
    }
    const auto first = token.find_first_of("./");
    if (first == std::string_view::npos) return false;
    const auto second = token.find(token[first], first + 1);
    if (second == std::string_view::npos) return false;
    return parse_int(token.substr(0, first), out.day) && out.day >= 1 && first <= 2 &&
           parse_int(token.substr(first + 1, second - first - 1), out.month) &&
           second - first - 1 <= 2 && parse_int(token.substr(second + 1), out.year) &&
           token.size() - second - 1 == 4;
}

bool plausible(const LocalDateTime& v) {
    return v.year >= 1900 && v.year <= 2200 && v.month >= 1 && v.month <= 12 && v.day >= 1 &&
           v.day <= 31;
}

std::string join(const std::vector<std::string_view>& toks, std::size_t from, std::size_t to) {
    std::string out;
    for (std::size_t i = from; i < to; ++i) {
        if (!out.empty()) out += ' ';
        out.append(toks[i]);
    }
    return out;
}

// Tries to read a date from the tokens [.., end) that ends exactly at `end`.
// On success sets `begin` to the first token of the date.
bool date_ending_at(const std::vector<std::string_view>& toks, std::size_t end, std::size_t& begin,
                    LocalDateTime& out) {
    if (end == 0) return false;
    std::size_t i = end;
    int hour = 0, minute = 0;
    bool has_time = false;
    if (parse_time(toks[i - 1], hour, minute)) {
        has_time = true;
        --i;
        // "в 11:49", "plkst. 11:49" between date and time.
        if (i > 0 && (toks[i - 1] == "в" || toks[i - 1] == "plkst." || toks[i - 1] == "at")) --i;
        if (i > 0 && toks[i - 1] == "-") --i;
    }
    if (i == 0) return false;
    LocalDateTime v;
    // Numeric form.
    if (parse_numeric_date(toks[i - 1], v)) {
        begin = i - 1;
    } else {
        // "D month, YYYY" | "D. month YYYY" | "D month YYYY г." | "YYYY. gada D. month"
        std::size_t j = i;
        if (j > 0 && (toks[j - 1] == "г." || toks[j - 1] == "года" || toks[j - 1] == "г")) --j;
        if (j < 3) {
            // "YYYY. gada D. month" needs 4 tokens; nothing shorter matches.
            return false;
        }
        std::string_view year_tok = strip_suffix(strip_suffix(toks[j - 1], ','), '.');
        std::string_view month_tok = strip_suffix(toks[j - 2], ',');
        std::string_view day_tok = strip_suffix(toks[j - 3], '.');
        auto month = months().find(month_tok);
        if (year_tok.size() == 4 && parse_int(year_tok, v.year) && month &&
            parse_int(day_tok, v.day) && day_tok.size() <= 2) {
            v.month = *month;
            begin = j - 3;
        } else if (j >= 4) {
            // Latvian: "2026. gada 6. februāris"
            std::string_view lv_year = strip_suffix(toks[j - 4], '.');
            auto lv_month = months().find(strip_suffix(toks[j - 1], ','));
            std::string_view lv_day = strip_suffix(toks[j - 2], '.');
            if (toks[j - 3] == "gada" && lv_month && parse_int(lv_year, v.year) &&
                lv_year.size() == 4 && parse_int(lv_day, v.day) && lv_day.size() <= 2) {
                v.month = *lv_month;
                begin = j - 4;
            } else {
                return false;
            }
        } else {
            return false;
        }
    }
    if (has_time) {
        v.hour = hour;
        v.minute = minute;
    }
    out = v;
    return true;
}

}  // namespace

std::optional<int> month_from_name(std::string_view word) {
    return months().find(word);
}

std::optional<DateInLine> find_trailing_date(std::string_view line) {
    const auto toks = tokens(line);
    if (toks.empty()) return std::nullopt;
    std::size_t begin = 0;
    LocalDateTime value;
    if (!date_ending_at(toks, toks.size(), begin, value)) return std::nullopt;
    DateInLine found;
    found.prefix = join(toks, 0, begin);
    found.date_text = join(toks, begin, toks.size());
    found.value = value;
    found.valid = plausible(value) && to_iso_riga(value).has_value();
    return found;
}

std::optional<DateInLine> parse_date(std::string_view text) {
    auto found = find_trailing_date(text);
    if (!found || !found->prefix.empty()) return std::nullopt;
    return found;
}

namespace {

// A calendar in Europe/Riga and one in UTC, per thread (creating one costs far more than using
// it). The Riga calendar reads a wall time that occurs twice (the autumn hour) as the first of
// the two, summer time, and a wall time that does not exist (the spring hour) with the offset
// in force before the switch, so that the instant is the one the printed wall time names.
struct RigaCalendars {
    std::unique_ptr<icu::Calendar> riga;
    std::unique_ptr<icu::Calendar> utc;
};

RigaCalendars& riga_calendars() {
    thread_local RigaCalendars calendars;
    if (!calendars.riga) {
        UErrorCode status = U_ZERO_ERROR;
        auto riga = std::make_unique<icu::GregorianCalendar>(
            icu::TimeZone::createTimeZone(icu::UnicodeString(u"Europe/Riga")), status);
        auto utc = std::make_unique<icu::GregorianCalendar>(*icu::TimeZone::getGMT(), status);
        if (U_FAILURE(status)) throw std::runtime_error("ICU calendar for Europe/Riga unavailable");
        riga->setRepeatedWallTimeOption(UCAL_WALLTIME_FIRST);
        riga->setSkippedWallTimeOption(UCAL_WALLTIME_LAST);
        calendars.riga = std::move(riga);
        calendars.utc = std::move(utc);
    }
    return calendars;
}

}  // namespace

std::optional<std::string> to_iso_riga(const LocalDateTime& v, std::string* warning) {
    if (!plausible(v)) return std::nullopt;
    RigaCalendars& calendars = riga_calendars();
    icu::Calendar& cal = *calendars.riga;
    cal.clear();
    cal.set(v.year, v.month - 1, v.day, v.hour.value_or(12), v.minute.value_or(0), 0);
    UErrorCode status = U_ZERO_ERROR;
    const UDate instant = cal.getTime(status);
    if (U_FAILURE(status)) return std::nullopt;
    // Reject dates the lenient calendar rolled over (31 февраля).
    if (cal.get(UCAL_YEAR, status) != v.year || cal.get(UCAL_MONTH, status) != v.month - 1 ||
        cal.get(UCAL_DATE, status) != v.day || U_FAILURE(status)) {
        return std::nullopt;
    }
    char buf[160];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", v.year, v.month, v.day);
    const std::string date(buf);
    if (!v.hour) return date;
    const int hour = *v.hour;
    const int minute = v.minute.value_or(0);

    // The offset is whatever separates the wall time from the instant ICU chose for it.
    icu::Calendar& utc = *calendars.utc;
    utc.clear();
    utc.set(v.year, v.month - 1, v.day, hour, minute, 0);
    const UDate wall = utc.getTime(status);
    if (U_FAILURE(status)) return std::nullopt;
    const auto offset_ms = static_cast<long long>(wall - instant);
    const bool skipped =
        cal.get(UCAL_HOUR_OF_DAY, status) != hour || cal.get(UCAL_MINUTE, status) != minute;
    if (U_FAILURE(status)) return std::nullopt;
    const char sign = offset_ms < 0 ? '-' : '+';
    const long long abs_s = (offset_ms < 0 ? -offset_ms : offset_ms) / 1000;
    if (abs_s % 60 != 0) {
        // Before 1926 Riga kept its local mean time, +01:36:34 (and an hour more in the summers
        // of 1918 and 1919). ISO 8601 and RFC 3339 offsets have no seconds, and a rounded one
        // would name an instant the page never gave: the day alone is certain.
        if (warning) {
            std::snprintf(
                buf, sizeof buf,
                "date before standard time: Riga's offset on %s was %c%02lld:%02lld:%02lld"
                ", not whole minutes; the time is left out",
                date.c_str(), sign, abs_s / 3600, abs_s / 60 % 60, abs_s % 60);
            *warning = buf;
        }
        return date;
    }
    if (skipped && warning) {
        std::snprintf(buf, sizeof buf,
                      "date in the daylight-saving gap: %02d:%02d does not exist in Riga on %s",
                      hour, minute, date.c_str());
        *warning = buf;
    }
    // The wall time as printed, even in the spring gap (where the offset is the one before the
    // switch: 03:30+02:00 is the instant a clock not yet put forward showed as 03:30).
    std::snprintf(buf, sizeof buf, "%sT%02d:%02d:00%c%02lld:%02lld", date.c_str(), hour, minute,
                  sign, abs_s / 3600, abs_s / 60 % 60);
    return std::string(buf);
}

}  // namespace pressparse::dates

namespace pressparse::dates {

namespace {

struct Stamp {
    LocalDateTime local;
    int second = 0;
    std::optional<int> offset_minutes;  // stated offset
};

bool digits(std::string_view s, std::size_t pos, std::size_t n, int& out) {
    if (pos + n > s.size()) return false;
    out = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        out = out * 10 + (s[i] - '0');
    }
    return true;
}

// "Z", "+01:00", "+0100", "+01", "GMT", "UTC", "GMT+2".
bool parse_offset(std::string_view s, int& minutes) {
    if (s == "Z" || s == "GMT" || s == "UTC" || s == "UT") {
        minutes = 0;
        return true;
    }
    if (s.rfind("GMT", 0) == 0 || s.rfind("UTC", 0) == 0) s.remove_prefix(3);
    if (s.empty() || (s[0] != '+' && s[0] != '-')) return false;
    const int sign = s[0] == '-' ? -1 : 1;
    s.remove_prefix(1);
    int h = 0, m = 0;
    // "+HH:MM", "+HHMM" or "+H"/"+HH".
    const bool read = (s.size() == 5 && s[2] == ':' && digits(s, 0, 2, h) && digits(s, 3, 2, m)) ||
                      (s.size() == 4 && digits(s, 0, 2, h) && digits(s, 2, 2, m)) ||
                      (s.size() <= 2 && !s.empty() && digits(s, 0, s.size(), h));
    if (!read) return false;
    if (h > 14 || m > 59) return false;
    minutes = sign * (h * 60 + m);
    return true;
}

// ISO 8601 and its everyday variants.
std::optional<Stamp> parse_iso(std::string_view s) {
    Stamp st;
    if (!(digits(s, 0, 4, st.local.year) && s.size() >= 10 && s[4] == '-' &&
          digits(s, 5, 2, st.local.month) && s[7] == '-' && digits(s, 8, 2, st.local.day))) {
        return std::nullopt;
    }
    std::size_t i = 10;
    if (i == s.size()) return st;
    if (s[i] != 'T' && s[i] != ' ' && s[i] != 't') return std::nullopt;
    ++i;
    int h = 0, m = 0;
    if (!digits(s, i, 2, h) || i + 2 >= s.size() || s[i + 2] != ':' || !digits(s, i + 3, 2, m))
        return std::nullopt;
    i += 5;
    if (i < s.size() && s[i] == ':') {
        if (!digits(s, i + 1, 2, st.second)) return std::nullopt;
        i += 3;
        if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
            ++i;
            while (i < s.size() && s[i] >= '0' && s[i] <= '9')
                ++i;
        }
    }
    if (h > 23 || m > 59 || st.second > 60) return std::nullopt;
    st.local.hour = h;
    st.local.minute = m;
    std::string_view rest = s.substr(i);
    while (!rest.empty() && rest.front() == ' ')
        rest.remove_prefix(1);
    if (rest.empty()) return st;
    int offset = 0;
    if (!parse_offset(rest, offset)) return std::nullopt;
    st.offset_minutes = offset;
    return st;
}

// "Fri, 24 Jul 2015 05:36:09 GMT", "July 24, 2015 5:36 PM", "24 July 2015".
std::optional<Stamp> parse_words(std::string_view s) {
    const auto toks = tokens(s);
    Stamp st;
    bool have_day = false, have_month = false, have_year = false, pm = false, am = false;
    for (auto tok : toks) {
        std::string_view t = strip_suffix(strip_suffix(tok, ','), '.');
        int value = 0;
        int h = 0, m = 0;
        if (t.empty()) continue;
        if (auto month = months().find(t); month && !have_month) {
            st.local.month = *month;
            have_month = true;
        } else if (t.size() == 4 && parse_int(t, value)) {
            st.local.year = value;
            have_year = true;
        } else if (!have_day &&
                   ((t.size() <= 2 && parse_int(t, value)) ||  // "24", or "24th" below
                    (t.size() > 2 &&
                     (t.substr(t.size() - 2) == "st" || t.substr(t.size() - 2) == "nd" ||
                      t.substr(t.size() - 2) == "rd" || t.substr(t.size() - 2) == "th") &&
                     parse_int(t.substr(0, t.size() - 2), value)))) {
            st.local.day = value;
            have_day = true;
        } else if (t.find(':') != std::string_view::npos && !st.local.hour) {
            std::string_view hm = t;
            const auto second_colon = hm.find(':', hm.find(':') + 1);
            if (second_colon != std::string_view::npos) {
                parse_int(hm.substr(second_colon + 1, 2), st.second);
                hm = hm.substr(0, second_colon);
            }
            if (!parse_time(hm, h, m)) return std::nullopt;
            st.local.hour = h;
            st.local.minute = m;
        } else if (t == "PM" || t == "pm" || t == "p:m") {
            pm = true;
        } else if (t == "AM" || t == "am" || t == "a:m") {
            am = true;
        } else if (int offset = 0; parse_offset(t, offset)) {
            st.offset_minutes = offset;
        }
    }
    if (!(have_day && have_month && have_year)) return std::nullopt;
    if (st.local.hour) {
        if (pm && *st.local.hour < 12) *st.local.hour += 12;
        if (am && *st.local.hour == 12) *st.local.hour = 0;
    }
    return st;
}

std::string format_offset(int minutes) {
    char buf[16];
    const int a = minutes < 0 ? -minutes : minutes;
    std::snprintf(buf, sizeof buf, "%c%02d:%02d", minutes < 0 ? '-' : '+', a / 60, a % 60);
    return buf;
}

}  // namespace

std::optional<std::string> normalize_timestamp(std::string_view text_in, bool riga_local,
                                               std::string* warning) {
    const std::string folded = unicode::fold_whitespace(text_in);
    std::string_view text = folded;
    if (text.empty()) return std::nullopt;
    std::optional<Stamp> st = parse_iso(text);
    if (!st) {
        if (auto printed = parse_date(text); printed && printed->valid) {
            Stamp s;
            s.local = printed->value;
            st = s;
        }
    }
    if (!st) st = parse_words(text);
    if (!st || !plausible(st->local)) return std::nullopt;
    // Validate the calendar date (and get Riga's offset when wanted).
    const LocalDateTime& v = st->local;
    LocalDateTime date_only{v.year, v.month, v.day, std::nullopt, std::nullopt};
    if (!to_iso_riga(date_only)) return std::nullopt;
    // A wall time without an offset is not an instant: unless it is Riga's, the day alone is
    // stated (the printed time stays in date_text).
    if (!v.hour || (!st->offset_minutes && !riga_local)) return to_iso_riga(date_only);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", v.year, v.month, v.day, *v.hour,
                  v.minute.value_or(0), std::min(st->second, 59));
    if (st->offset_minutes) return std::string(buf) + format_offset(*st->offset_minutes);
    auto iso = to_iso_riga(v, warning);
    if (iso && iso->size() > 19 && st->second != 0) iso->replace(17, 2, std::string(buf + 17, 2));
    return iso;
}

}  // namespace pressparse::dates
