#include "pressparse/dates.hpp"

#include <unicode/basictz.h>
#include <unicode/datefmt.h>
#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>
#include <unicode/resbund.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <unordered_map>
#include <vector>

#include "pressparse/unicode.hpp"

namespace pressparse::dates {

namespace {

// A locale's month names as DateFormatSymbols gives them, in the order the tables read them:
// format wide, format abbreviated, stand-alone wide, stand-alone abbreviated, January first.
// Empty for a language ICU does not know (it falls back to the root locale: no names then).
struct MonthName {
    icu::UnicodeString name;
    int month = 0;
    bool wide = false;
};
using MonthNames = std::vector<MonthName>;

MonthNames month_names_from_symbols(const icu::Locale& locale) {
    MonthNames out;
    UErrorCode status = U_ZERO_ERROR;
    icu::DateFormatSymbols symbols(locale, status);
    if (U_FAILURE(status) || status == U_USING_DEFAULT_WARNING) return out;
    using S = icu::DateFormatSymbols;
    for (auto context : {S::FORMAT, S::STANDALONE}) {
        for (auto width : {S::WIDE, S::ABBREVIATED}) {
            int32_t count = 0;
            const icu::UnicodeString* months = symbols.getMonths(count, context, width);
            for (int32_t i = 0; i < count && i < 12; ++i)
                out.push_back({months[i], i + 1, width == S::WIDE});
        }
    }
    return out;
}

// The same names read straight from the locale's Gregorian calendar data: DateFormatSymbols
// reads every symbol of the locale's calendar (eras, day names, quarters, patterns, ...), seven
// times the work when only the months are wanted. Only for the widely printed languages, whose
// calendar is the Gregorian one (a test holds these names to DateFormatSymbols' for each);
// anything unexpected in the data falls back to DateFormatSymbols.
MonthNames month_names_from_resources(std::string_view language) {
    const std::string id(language);
    UErrorCode status = U_ZERO_ERROR;
    icu::ResourceBundle bundle(nullptr, icu::Locale(id.c_str()), status);
    MonthNames out;
    if (U_FAILURE(status) || status == U_USING_DEFAULT_WARNING) return out;
    // getWithFallback: each key looked up through the locale's parents (and root's aliases),
    // as DateFormatSymbols looks them up.
    icu::ResourceBundle month_names = bundle.getWithFallback("calendar", status)
                                          .getWithFallback("gregorian", status)
                                          .getWithFallback("monthNames", status);
    for (const char* context : {"format", "stand-alone"}) {
        for (const char* width : {"wide", "abbreviated"}) {
            if (U_FAILURE(status)) return {};
            icu::ResourceBundle names =
                month_names.getWithFallback(context, status).getWithFallback(width, status);
            if (U_FAILURE(status) || names.getSize() != 12) return {};
            for (int32_t i = 0; i < 12; ++i)
                out.push_back(
                    {names.getStringEx(i, status), i + 1, std::string_view(width) == "wide"});
        }
    }
    if (U_FAILURE(status)) return {};
    return out;
}

MonthNames month_names_of_widely_printed(std::string_view language) {
    MonthNames out = month_names_from_resources(language);
    if (out.empty()) out = month_names_from_symbols(icu::Locale(std::string(language).c_str()));
    return out;
}

// Month names of every language ICU has locale data for, case-folded, mapped to 1..12: the
// wide and abbreviated names, format and stand-alone forms. Asked with the page's language,
// that language's own names are read first; then those of the widely printed languages in
// their order, where a name two of them give two months keeps the first's, then the Latvian
// locatives. Each language's names are read from ICU when a lookup first needs them (a page of
// Russian dates never builds the other twenty tables): the answers are those of tables read
// all at once.
class MonthTable {
  public:
    std::optional<int> find(std::string_view word, std::string_view language) const {
        const std::string key = fold(word);
        // No name is kept shorter than three bytes or with a digit or a space in it (`add`):
        // such a key is in no table, and no table need be read to say so.
        if (!could_be_name(key)) return std::nullopt;
        if (!language.empty()) {
            const std::string lang =
                unicode::to_lower(language.substr(0, language.find_first_of("-_")));
            if (auto month = find_in_language(key, lang)) return month;
        }
        for (std::size_t i = 0; i < kWidelyPrinted.size(); ++i) {
            if (auto month = lookup(widely_printed(i).own, key)) return month;
        }
        return lookup(widely_printed(kLatvian).locatives, key);
    }

  private:
    static std::string fold(std::string_view word) {
        while (!word.empty() && word.back() == '.')
            word.remove_suffix(1);
        icu::UnicodeString u = icu::UnicodeString::fromUTF8(
            icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
        u.foldCase();
        std::string key;
        u.toUTF8String(key);
        return key;
    }

    // Three bytes at least, and letters only: "1月" or "M01" are no names to look for.
    static bool could_be_name(const std::string& key) {
        if (key.size() < 3) return false;
        for (const char c : key) {
            if ((c >= '0' && c <= '9') || c == ' ') return false;
        }
        return true;
    }

    // A language's names, flat: their folded bytes one after another in `bytes`, and an array
    // of keys into it sorted by those bytes (a hash map of strings cost a page's first table an
    // allocation per name, and sorting strings moves them). Added in reading order, then
    // `sorted`, where a name given twice keeps the month it was first given.
    struct Key {
        std::uint32_t offset = 0;
        std::uint32_t size = 0;
        int month = 0;
    };
    struct Names {
        std::string bytes;
        std::vector<Key> keys;
        std::string_view view(const Key& k) const { return {bytes.data() + k.offset, k.size}; }
        void add(std::string_view key, int month) {
            keys.push_back({static_cast<std::uint32_t>(bytes.size()),
                            static_cast<std::uint32_t>(key.size()), month});
            bytes.append(key);
        }
    };

    static std::optional<int> lookup(const Names& names, const std::string_view key) {
        const auto it = std::lower_bound(
            names.keys.begin(), names.keys.end(), key,
            [&](const Key& k, const std::string_view want) { return names.view(k) < want; });
        if (it != names.keys.end() && names.view(*it) == key) return it->month;
        return std::nullopt;
    }

    // Sorts names added in reading order; of one key, the first added is kept.
    static void sorted(Names& names) {
        auto& keys = names.keys;
        // Keys of equal bytes stay in the order added: the earlier one has the lower offset.
        std::sort(keys.begin(), keys.end(), [&](const Key& x, const Key& y) {
            const int order = names.view(x).compare(names.view(y));
            return order != 0 ? order < 0 : x.offset < y.offset;
        });
        keys.erase(
            std::unique(keys.begin(), keys.end(),
                        [&](const Key& x, const Key& y) { return names.view(x) == names.view(y); }),
            keys.end());
    }

    // A language's names: its own, and for Latvian the locatives made from them, which a name
    // of its own keeps out.
    struct Language {
        Names own;
        Names locatives;
    };

    const Language& widely_printed(std::size_t i) const {
        std::call_once(built_[i], [&] {
            Language& l = languages_[i];
            std::vector<std::pair<icu::UnicodeString, int>> nominatives;
            add_names(month_names_of_widely_printed(kWidelyPrinted[i]), l.own, &nominatives);
            sorted(l.own);
            if (i == kLatvian) add_latvian_locatives(nominatives, l);
            sorted(l.locatives);
        });
        return languages_[i];
    }

    // The names of the page's language: a widely printed one's table, or one read from ICU on
    // first use.
    std::optional<int> find_in_language(const std::string& key, const std::string& lang) const {
        for (std::size_t i = 0; i < kWidelyPrinted.size(); ++i) {
            if (lang != kWidelyPrinted[i]) continue;
            const Language& l = widely_printed(i);
            if (auto month = lookup(l.own, key)) return month;
            return lookup(l.locatives, key);
        }
        const Names* names = nullptr;
        {
            const std::lock_guard lock(mutex_);
            auto found = other_languages_.find(lang);
            if (found == other_languages_.end()) {
                // A language tag is 2–3 letters; anything else names no ICU locale.
                if (lang.size() < 2 || lang.size() > 3 || other_languages_.size() > 512)
                    return std::nullopt;
                // Names kept under the language ICU reads the tag as, which must be the tag.
                Names built;
                const icu::Locale locale(lang.c_str());
                if (lang == locale.getLanguage())
                    add_names(month_names_from_symbols(locale), built, nullptr);
                sorted(built);
                found = other_languages_.emplace(lang, std::move(built)).first;
            }
            // Entries are never erased or changed, so the reference outlives the lock.
            names = &found->second;
        }
        return lookup(*names, key);
    }

    // `fold` of the name's UTF-8, read without going through UTF-8 twice: case folding neither
    // makes nor takes a full stop, so the trailing ones may go after folding. The same full
    // folding as UnicodeString::foldCase (u_strFoldCase) and the same conversion as
    // toUTF8String (lone surrogates as U+FFFD), in buffers on the stack; a name too long for
    // them goes through UnicodeString.
    static std::string fold(const icu::UnicodeString& name) {
        std::string key;
        std::array<UChar, 64> folded;
        std::array<char, 256> utf8;
        UErrorCode status = U_ZERO_ERROR;
        const int32_t units = u_strFoldCase(folded.data(), folded.size(), name.getBuffer(),
                                            name.length(), U_FOLD_CASE_DEFAULT, &status);
        int32_t bytes = 0;
        if (U_SUCCESS(status) && units < static_cast<int32_t>(folded.size()))
            u_strToUTF8WithSub(utf8.data(), utf8.size(), &bytes, folded.data(), units, 0xFFFD,
                               nullptr, &status);
        if (U_SUCCESS(status) && status != U_STRING_NOT_TERMINATED_WARNING &&
            units < static_cast<int32_t>(folded.size())) {
            key.assign(utf8.data(), static_cast<std::size_t>(bytes));
        } else {
            icu::UnicodeString u(name);
            u.foldCase();
            u.toUTF8String(key);
        }
        while (!key.empty() && key.back() == '.')
            key.pop_back();
        return key;
    }

    static void add(const icu::UnicodeString& name, int month, Names& names) {
        const std::string key = fold(name);
        if (!could_be_name(key)) return;
        names.add(key, month);
    }

    // Adds the month names read, and collects the wide ones in `nominatives` when given.
    static void add_names(const MonthNames& read, Names& names,
                          std::vector<std::pair<icu::UnicodeString, int>>* nominatives) {
        for (const auto& [name, month, wide] : read) {
            add(name, month, names);
            if (nominatives && wide) nominatives->emplace_back(name, month);
        }
    }

    // Latvian prints dates in the locative too ("6. februārī", "martā"): -is → -ī, -s → -ā.
    static void add_latvian_locatives(
        const std::vector<std::pair<icu::UnicodeString, int>>& nominatives, Language& lv) {
        for (const auto& [name, month] : nominatives) {
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
            const std::string key = fold(locative);
            if (could_be_name(key) && !lookup(lv.own, key)) lv.locatives.add(key, month);
        }
    }

    // Names read without the page's language: those of languages printed widely on the web.
    // The others ("sun", "ags", "mar" of smaller languages) are common words elsewhere, and are
    // read only on a page in their language.
    static constexpr std::array<std::string_view, 21> kWidelyPrinted{
        "ru", "lv", "en", "de", "fr", "es", "it", "pt", "nl", "pl", "cs",
        "sv", "da", "nb", "fi", "hu", "tr", "uk", "lt", "et", "ro"};
    static constexpr std::size_t kLatvian = 1;
    mutable std::array<std::once_flag, kWidelyPrinted.size()> built_;
    mutable std::array<Language, kWidelyPrinted.size()> languages_;
    mutable std::mutex mutex_;
    mutable std::unordered_map<std::string, Names> other_languages_;
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
        // The month name is looked up last: only between a day and a year.
        std::optional<int> month;
        if (year_tok.size() == 4 && parse_int(year_tok, v.year) && parse_int(day_tok, v.day) &&
            day_tok.size() <= 2 && (month = months().find(month_tok, {}))) {
            v.month = *month;
            begin = j - 3;
        } else if (j >= 4) {
            // Latvian: "2026. gada 6. februāris"
            std::string_view lv_year = strip_suffix(toks[j - 4], '.');
            std::string_view lv_day = strip_suffix(toks[j - 2], '.');
            std::optional<int> lv_month;
            if (toks[j - 3] == "gada" && parse_int(lv_year, v.year) && lv_year.size() == 4 &&
                parse_int(lv_day, v.day) && lv_day.size() <= 2 &&
                (lv_month = months().find(strip_suffix(toks[j - 1], ','), {}))) {
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

std::optional<int> month_from_name(std::string_view word, std::string_view language) {
    return months().find(word, language);
}

std::vector<std::pair<std::string, int>> month_names_from_calendar_data(std::string_view language) {
    std::vector<std::pair<std::string, int>> out;
    for (const auto& [name, month, wide] : month_names_from_resources(language)) {
        std::string utf8;
        name.toUTF8String(utf8);
        out.emplace_back(std::move(utf8), month);
    }
    return out;
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

// Europe/Riga's rules, read once per process (a zone's const methods may be called from many
// threads). No Calendar is built: a wall time is days and milliseconds from the epoch by civil
// arithmetic (the years allowed, 1900–2200, are all Gregorian), and the zone gives its offset.
const icu::BasicTimeZone& riga_zone() {
    static const std::unique_ptr<const icu::BasicTimeZone> zone = [] {
        std::unique_ptr<icu::TimeZone> tz(
            icu::TimeZone::createTimeZone(icu::UnicodeString(u"Europe/Riga")));
        if (dynamic_cast<icu::BasicTimeZone*>(tz.get()) == nullptr)
            throw std::runtime_error("ICU time zone Europe/Riga unavailable");
        return std::unique_ptr<const icu::BasicTimeZone>(
            static_cast<icu::BasicTimeZone*>(tz.release()));
    }();
    return *zone;
}

constexpr long long kMsPerDay = 86'400'000;

struct CivilTime {
    int year = 0, month = 0, day = 0, hour = 0, minute = 0;
};

CivilTime civil_from_ms(long long ms) {
    long long days = ms / kMsPerDay;
    long long in_day = ms % kMsPerDay;
    if (in_day < 0) {
        in_day += kMsPerDay;
        --days;
    }
    const CivilDay d = civil_from_days(days);
    CivilTime t;
    t.year = d.year;
    t.month = d.month;
    t.day = d.day;
    t.hour = static_cast<int>(in_day / 3'600'000);
    t.minute = static_cast<int>(in_day / 60'000 % 60);
    return t;
}

}  // namespace

long long days_from_civil(int year, int month, int day) {
    const int y = year - (month <= 2 ? 1 : 0);
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int mp = (month + 9) % 12;
    const int doy = (153 * mp + 2) / 5;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return static_cast<long long>(era) * 146097 + doe - 719468 + (day - 1);
}

CivilDay civil_from_days(long long days) {
    const long long z = days + 719468;
    const long long era = (z >= 0 ? z : z - 146096) / 146097;
    const long long doe = z - era * 146097;
    const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long long mp = (5 * doy + 2) / 153;
    CivilDay d;
    d.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    d.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    d.year = static_cast<int>(yoe + era * 400 + (d.month <= 2 ? 1 : 0));
    return d;
}

// A wall time that occurs twice (the autumn hour) is read as the first of the two, summer time,
// and a wall time that does not exist (the spring hour) with the offset in force before the
// switch, so that the instant is the one the printed wall time names (what a lenient ICU
// Calendar does with UCAL_WALLTIME_FIRST for repeated and UCAL_WALLTIME_LAST for skipped times).
std::optional<std::string> to_iso_riga(const LocalDateTime& v, std::string* warning) {
    if (!plausible(v)) return std::nullopt;
    const int hour_set = v.hour.value_or(12);
    const int minute_set = v.minute.value_or(0);
    // The wall time read as if it were UTC; hours and minutes past their range run on.
    const long long wall = days_from_civil(v.year, v.month, v.day) * kMsPerDay +
                           static_cast<long long>(hour_set) * 3'600'000 +
                           static_cast<long long>(minute_set) * 60'000;
    const icu::BasicTimeZone& zone = riga_zone();
    UErrorCode status = U_ZERO_ERROR;
    int32_t raw = 0;
    int32_t dst = 0;
    zone.getOffsetFromLocal(static_cast<UDate>(wall), UCAL_TZ_LOCAL_FORMER, UCAL_TZ_LOCAL_FORMER,
                            raw, dst, status);
    if (U_FAILURE(status)) return std::nullopt;
    const long long offset_ms = static_cast<long long>(raw) + dst;
    const long long instant = wall - offset_ms;
    // The wall time the instant shows in Riga: it differs from the one printed when the date
    // rolled over (31 февраля) or the time falls in a gap.
    zone.getOffset(static_cast<UDate>(instant), false, raw, dst, status);
    if (U_FAILURE(status)) return std::nullopt;
    const CivilTime shown = civil_from_ms(instant + raw + dst);
    // Reject dates the lenient reading rolled over (31 февраля).
    if (shown.year != v.year || shown.month != v.month || shown.day != v.day) return std::nullopt;
    char buf[160];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", v.year, v.month, v.day);
    const std::string date(buf);
    if (!v.hour) return date;
    const int hour = *v.hour;
    const int minute = v.minute.value_or(0);

    // The offset is whatever separates the wall time from the instant chosen for it.
    const bool skipped = shown.hour != hour || shown.minute != minute;
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

// One or two digits at s[i], advancing i.
bool one_or_two(std::string_view s, std::size_t& i, int& out) {
    if (digits(s, i, 2, out)) {
        i += 2;
        return true;
    }
    if (digits(s, i, 1, out)) {
        i += 1;
        return true;
    }
    return false;
}

bool is_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
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

// What may follow a time: an offset, a zone name after it or alone ("+02:00CET", "PDT"). A
// zone name other than UTC's is not read as an offset (the same letters name different zones):
// the time is then zone-less.
bool parse_zone(std::string_view rest, Stamp& st) {
    while (!rest.empty() && rest.front() == ' ')
        rest.remove_prefix(1);
    if (rest.empty()) return true;
    std::size_t letters = rest.size();
    while (letters > 0 && is_letter(rest[letters - 1]))
        --letters;
    std::string_view offset = rest.substr(0, letters);
    const std::string_view name = rest.substr(letters);
    while (!offset.empty() && offset.back() == ' ')
        offset.remove_suffix(1);
    if (name.size() > 5) return false;
    int minutes = 0;
    if (!offset.empty()) {
        if (!parse_offset(offset, minutes)) return false;
        st.offset_minutes = minutes;
        return true;
    }
    if (parse_offset(name, minutes)) st.offset_minutes = minutes;
    return true;
}

// ISO 8601 and its everyday variants: "2020-03-16T13:00:00Z", "2022-1-26T8:05:3+0100",
// "2020/10/04 15:05:21", "2020.10.04", the basic form "20200316T130000Z" and "20231102".
std::optional<Stamp> parse_iso(std::string_view s) {
    Stamp st;
    std::size_t i = 0;
    if (!digits(s, 0, 4, st.local.year)) return std::nullopt;
    bool basic = false;
    if (s.size() >= 8 && digits(s, 4, 2, st.local.month) && digits(s, 6, 2, st.local.day) &&
        (s.size() == 8 || s[8] == 'T' || s[8] == ' ')) {
        basic = true;
        i = 8;
    } else {
        if (s.size() < 8) return std::nullopt;
        const char sep = s[4];
        if (sep != '-' && sep != '/' && sep != '.') return std::nullopt;
        i = 5;
        if (!one_or_two(s, i, st.local.month) || i >= s.size() || s[i] != sep) return std::nullopt;
        ++i;
        if (!one_or_two(s, i, st.local.day)) return std::nullopt;
        // "2023.11.02." (Korean, Hungarian): the day's closing dot.
        if (sep == '.' && i < s.size() && s[i] == '.' && (i + 1 == s.size() || s[i + 1] == ' '))
            ++i;
    }
    if (i == s.size()) return st;
    if (s[i] != 'T' && s[i] != ' ' && s[i] != 't') return std::nullopt;
    ++i;
    int h = 0, m = 0;
    if (basic && digits(s, i, 2, h) && digits(s, i + 2, 2, m) &&
        (i + 4 == s.size() || s[i + 4] != ':')) {
        i += 4;
        if (digits(s, i, 2, st.second)) i += 2;
    } else {
        if (!one_or_two(s, i, h) || i >= s.size() || s[i] != ':' || !digits(s, i + 1, 2, m))
            return std::nullopt;
        i += 3;
        if (i < s.size() && s[i] == ':') {
            ++i;
            if (!one_or_two(s, i, st.second)) return std::nullopt;
        }
    }
    // A fraction of a second: ".684", ",684", and ":684" as some pages write it.
    int millis = 0;
    if (i < s.size() && (s[i] == '.' || s[i] == ',' ||
                         (s[i] == ':' && digits(s, i + 1, 3, millis) &&
                          (i + 4 == s.size() || !is_digit(s[i + 4]))))) {
        ++i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9')
            ++i;
    }
    if (h > 23 || m > 59 || st.second > 60) return std::nullopt;
    st.local.hour = h;
    st.local.minute = m;
    if (!parse_zone(s.substr(i), st)) return std::nullopt;
    return st;
}

// Whether the language writes the month before the day in its short numeric dates ("M/d/yy"),
// from ICU's short date pattern for it.
bool month_first(std::string_view language) {
    if (language.empty()) return false;
    static std::mutex mutex;
    static std::unordered_map<std::string, bool> cache;
    const std::string key(language);
    const std::lock_guard lock(mutex);
    if (auto it = cache.find(key); it != cache.end()) return it->second;
    bool first = false;
    std::unique_ptr<icu::DateFormat> format(
        icu::DateFormat::createDateInstance(icu::DateFormat::kShort, icu::Locale(key.c_str())));
    if (auto* simple = dynamic_cast<icu::SimpleDateFormat*>(format.get())) {
        icu::UnicodeString pattern;
        simple->toPattern(pattern);
        const int32_t m = pattern.indexOf(u'M');
        const int32_t d = pattern.indexOf(u'd');
        first = m >= 0 && d >= 0 && m < d;
    }
    if (cache.size() < 256) cache.emplace(key, first);
    return first;
}

// "DD.MM.YYYY", "DD/MM/YYYY", "MM/DD/YYYY" (when the day cannot be the first, or the language
// writes the month first), "DD-MM-YYYY", with an optional time after.
std::optional<Stamp> parse_day_month_year(std::string_view s, std::string_view language) {
    Stamp st;
    std::size_t i = 0;
    int a = 0, b = 0;
    if (!one_or_two(s, i, a) || i >= s.size()) return std::nullopt;
    const char sep = s[i];
    if (sep != '.' && sep != '/' && sep != '-') return std::nullopt;
    ++i;
    if (!one_or_two(s, i, b) || i >= s.size() || s[i] != sep) return std::nullopt;
    ++i;
    if (!digits(s, i, 4, st.local.year)) return std::nullopt;
    i += 4;
    if (i < s.size() && s[i] >= '0' && s[i] <= '9') return std::nullopt;
    const bool us = b > 12 || (a <= 12 && sep == '/' && month_first(language));
    st.local.day = us ? b : a;
    st.local.month = us ? a : b;
    std::string_view rest = s.substr(i);
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == ',' || rest.front() == 'T'))
        rest.remove_prefix(1);
    if (rest.empty()) return st;
    std::size_t j = 0;
    int h = 0, m = 0;
    if (!one_or_two(rest, j, h) || j >= rest.size() || rest[j] != ':' || !digits(rest, j + 1, 2, m))
        return st;  // a date with something after it: the date alone
    j += 3;
    if (j < rest.size() && rest[j] == ':') {
        ++j;
        one_or_two(rest, j, st.second);
    }
    if (h > 23 || m > 59) return st;
    st.local.hour = h;
    st.local.minute = m;
    if (!parse_zone(rest.substr(j), st)) st.offset_minutes.reset();
    return st;
}

// "Fri, 24 Jul 2015 05:36:09 GMT", "July 24, 2015 5:36 PM", "24 July 2015",
// "04:25:06 PM IST Apr 08, 2020", "19. Oktober 2019", "19 de octubre de 2019".
std::optional<Stamp> parse_words(std::string_view s, std::string_view language) {
    const auto toks = tokens(s);
    Stamp st;
    bool have_day = false, have_month = false, have_year = false, pm = false, am = false;
    for (auto tok : toks) {
        std::string_view t = strip_suffix(strip_suffix(tok, ','), '.');
        int value = 0;
        int h = 0, m = 0;
        if (t.empty()) continue;
        if (auto month = months().find(t, language); month && !have_month) {
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

bool real_day(const LocalDateTime& v) {
    if (!plausible(v)) return false;
    static constexpr std::array<int, 12> kDays{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (v.day > kDays[static_cast<std::size_t>(v.month - 1)]) return false;
    const bool leap = (v.year % 4 == 0 && v.year % 100 != 0) || v.year % 400 == 0;
    return v.month != 2 || v.day <= 28 || leap;
}

// "2020年07月03日" (Chinese, Japanese): the year, month and day each followed by its mark.
std::optional<LocalDateTime> parse_year_month_day_marks(std::string_view t) {
    LocalDateTime v;
    std::size_t i = 0;
    if (!digits(t, 0, 4, v.year) || t.substr(4, 3) != "\u5e74") return std::nullopt;
    i = 7;
    if (!one_or_two(t, i, v.month) || t.substr(i, 3) != "\u6708") return std::nullopt;
    i += 3;
    if (!one_or_two(t, i, v.day) || t.substr(i, 3) != "\u65e5") return std::nullopt;
    return v;
}

}  // namespace

std::optional<std::string> normalize_timestamp(std::string_view text_in, bool riga_local,
                                               std::string* warning, std::string_view language) {
    const std::string folded = unicode::fold_whitespace(text_in);
    std::string_view text = folded;
    if (text.empty() || text.size() > 200) return std::nullopt;
    std::optional<Stamp> st = parse_iso(text);
    if (!st) st = parse_day_month_year(text, language);
    if (!st) {
        if (auto printed = parse_date(text); printed && printed->valid) {
            Stamp s;
            s.local = printed->value;
            st = s;
        }
    }
    if (!st) st = parse_words(text, language);
    if (!st || !real_day(st->local)) return std::nullopt;
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

std::optional<FoundDate> find_date_in_text(std::string_view text_in, std::string_view language) {
    const std::string folded = unicode::fold_whitespace(text_in);
    const auto toks = tokens(folded);
    auto clean = [](std::string_view t) {
        while (!t.empty() &&
               std::string_view(",;|()[]\u00b7").find(t.back()) != std::string_view::npos)
            t.remove_suffix(1);
        while (!t.empty() && std::string_view(",;|()[]").find(t.front()) != std::string_view::npos)
            t.remove_prefix(1);
        return t;
    };
    auto day_of = [](std::string_view t, int& day) {
        t = strip_suffix(t, '.');
        for (std::string_view suffix : {"st", "nd", "rd", "th", "er", "º"}) {
            if (t.size() > suffix.size() && t.ends_with(suffix)) {
                t.remove_suffix(suffix.size());
                break;
            }
        }
        return !t.empty() && t.size() <= 2 && parse_int(t, day) && day >= 1 && day <= 31;
    };
    auto year_of = [](std::string_view t, int& year) {
        t = strip_suffix(strip_suffix(t, ','), '.');
        return t.size() == 4 && parse_int(t, year) && year >= 1900;
    };
    auto found = [&](std::size_t begin, std::size_t end, int y, int m, int d) {
        FoundDate f;
        f.value = LocalDateTime{y, m, d, std::nullopt, std::nullopt};
        f.prefix = join(toks, 0, begin);
        f.date_text = join(toks, begin, end);
        return f;
    };
    const std::size_t n = std::min<std::size_t>(toks.size(), 400);
    for (std::size_t k = 0; k < n; ++k) {
        const std::string_view t = clean(toks[k]);
        if (t.empty()) continue;
        // Numbers alone: "19.10.2019", "2019-10-19", "10/19/2019", "2020年07月03日".
        if (t[0] >= '0' && t[0] <= '9') {
            if (auto cjk = parse_year_month_day_marks(t); cjk && real_day(*cjk))
                return found(k, k + 1, cjk->year, cjk->month, cjk->day);
            std::optional<Stamp> st = parse_iso(t);
            if (!st) st = parse_day_month_year(t, language);
            if (st && real_day(st->local)) {
                return found(k, k + 1, st->local.year, st->local.month, st->local.day);
            }
            // Spaced after its dots (DIN 5008 allows it): "4. 2. 2022".
            int day = 0, month = 0, year = 0;
            if (k + 2 < n && t.ends_with('.') && day_of(t, day) &&
                clean(toks[k + 1]).ends_with('.') &&
                parse_int(strip_suffix(clean(toks[k + 1]), '.'), month) && month >= 1 &&
                month <= 12 && clean(toks[k + 1]).size() <= 3 &&
                year_of(clean(toks[k + 2]), year)) {
                const LocalDateTime value{year, month, day, std::nullopt, std::nullopt};
                if (real_day(value)) return found(k, k + 3, year, month, day);
            }
            continue;
        }
        // Every reading below has a day or a year, digits first, within two tokens of the month:
        // a word without one is not looked up (a lookup folds case through ICU, and one that
        // finds nothing reads the month names of every widely printed language).
        bool digits_near = false;
        for (std::size_t j = k >= 2 ? k - 2 : 0; j < n && j <= k + 2 && !digits_near; ++j) {
            const std::string_view near = j == k ? std::string_view() : clean(toks[j]);
            digits_near = !near.empty() && near[0] >= '0' && near[0] <= '9';
        }
        if (!digits_near) continue;
        const auto month = months().find(strip_suffix(t, ','), language);
        if (!month) continue;
        int day = 0, year = 0;
        // "19. Oktober 2019", "19 October, 2019", "19 de octubre de 2019".
        std::size_t after = k + 1;
        if (after + 1 < n && (clean(toks[after]) == "de" || clean(toks[after]) == "del")) ++after;
        if (k >= 1 && after < n && day_of(clean(toks[k - 1]), day) &&
            year_of(clean(toks[after]), year)) {
            std::size_t begin = k - 1;
            if (k >= 2 && clean(toks[k - 1]) == "de" && day_of(clean(toks[k - 2]), day)) --begin;
            if (real_day({year, *month, day, {}, {}}))
                return found(begin, after + 1, year, *month, day);
        }
        if (k >= 2 && (clean(toks[k - 1]) == "de") && day_of(clean(toks[k - 2]), day) &&
            after < n && year_of(clean(toks[after]), year) &&
            real_day({year, *month, day, {}, {}})) {
            return found(k - 2, after + 1, year, *month, day);
        }
        // "October 19, 2019", "Oct. 19th 2019".
        if (k + 2 < n && day_of(strip_suffix(clean(toks[k + 1]), ','), day) &&
            year_of(clean(toks[k + 2]), year) && real_day({year, *month, day, {}, {}})) {
            return found(k, k + 3, year, *month, day);
        }
        // "2019. október 19.", "2019 Oct 19".
        if (k >= 1 && k + 1 < n && year_of(clean(toks[k - 1]), year) &&
            day_of(clean(toks[k + 1]), day) && real_day({year, *month, day, {}, {}})) {
            return found(k - 1, k + 2, year, *month, day);
        }
    }
    return std::nullopt;
}

}  // namespace pressparse::dates
