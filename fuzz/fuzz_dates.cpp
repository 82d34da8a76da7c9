// Fuzzes date finding and normalisation on the input as text: find_trailing_date, parse_date,
// normalize_timestamp (Riga-local and not) and month_from_name. Whatever they return must be a
// real calendar date in ISO 8601 shape, and valid UTF-8 for valid UTF-8 input.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_common.hpp"
#include "pressparse/dates.hpp"

namespace {

using pressparse::fuzz::fail;

bool digits(std::string_view s, std::size_t at, std::size_t n, int lo, int hi) {
    if (at + n > s.size()) return false;
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        v = v * 10 + (s[i] - '0');
    }
    return v >= lo && v <= hi;
}

// "YYYY-MM-DD", "YYYY-MM-DDTHH:MM:SS" or that with "+HH:MM"/"-HH:MM".
void check_iso(std::string_view s) {
    const bool date_ok = s.size() >= 10 && digits(s, 0, 4, 0, 9999) && s[4] == '-' &&
                         digits(s, 5, 2, 1, 12) && s[7] == '-' && digits(s, 8, 2, 1, 31);
    if (!date_ok) fail("ISO date shape", s);
    if (s.size() == 10) return;
    const bool time_ok = s.size() >= 19 && s[10] == 'T' && digits(s, 11, 2, 0, 23) &&
                         s[13] == ':' && digits(s, 14, 2, 0, 59) && s[16] == ':' &&
                         digits(s, 17, 2, 0, 59);
    if (!time_ok) fail("ISO time shape", s);
    if (s.size() == 19) return;
    const bool offset_ok = s.size() == 25 && (s[19] == '+' || s[19] == '-') &&
                           digits(s, 20, 2, 0, 18) && s[22] == ':' && digits(s, 23, 2, 0, 59);
    if (!offset_ok) fail("ISO offset shape", s);
}

void check_found(const std::optional<pressparse::dates::DateInLine>& d, bool utf8_in) {
    if (!d) return;
    if (d->date_text.empty()) fail("empty date_text");
    if (utf8_in) {
        pressparse::fuzz::check_utf8(d->prefix, "date prefix");
        pressparse::fuzz::check_utf8(d->date_text, "date_text");
    }
    if (!d->valid) return;
    const auto& v = d->value;
    if (v.month < 1 || v.month > 12 || v.day < 1 || v.day > 31) fail("valid date out of range");
    if (v.hour && (*v.hour < 0 || *v.hour > 23)) fail("hour out of range");
    if (v.minute && (*v.minute < 0 || *v.minute > 59)) fail("minute out of range");
    if (auto iso = pressparse::dates::to_iso_riga(v)) check_iso(*iso);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const bool utf8_in = pressparse::fuzz::valid_utf8(text);
    pressparse::fuzz::expect_only_input_error([&] {
        check_found(pressparse::dates::find_trailing_date(text), utf8_in);
        check_found(pressparse::dates::parse_date(text), utf8_in);
        for (const bool riga : {true, false}) {
            if (auto iso = pressparse::dates::normalize_timestamp(text, riga)) check_iso(*iso);
        }
        if (auto m = pressparse::dates::month_from_name(text); m && (*m < 1 || *m > 12))
            fail("month_from_name out of range");
    });
    return 0;
}
