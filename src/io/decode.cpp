#include "pressparse/decode.hpp"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <cstring>
#include <memory>

#include "pressparse/errors.hpp"
#include "pressparse/unicode.hpp"

namespace pressparse {

namespace {

struct BomInfo {
    const char* charset;
    std::size_t length;
};

std::optional<BomInfo> sniff_bom(std::string_view b) {
    auto starts = [&](std::string_view prefix) { return b.substr(0, prefix.size()) == prefix; };
    if (starts("\xEF\xBB\xBF")) return BomInfo{"UTF-8", 3};
    if (starts(std::string_view("\xFF\xFE\x00\x00", 4))) return BomInfo{"UTF-32LE", 4};
    if (starts(std::string_view("\x00\x00\xFE\xFF", 4))) return BomInfo{"UTF-32BE", 4};
    if (starts("\xFF\xFE")) return BomInfo{"UTF-16LE", 2};
    if (starts("\xFE\xFF")) return BomInfo{"UTF-16BE", 2};
    return std::nullopt;
}

// UTF-16 without a BOM shows as NULs in every other byte of ASCII-range text.
std::optional<const char*> sniff_utf16(std::string_view b) {
    const std::size_t n = std::min<std::size_t>(b.size() & ~std::size_t{1}, 4096);
    if (n < 4) return std::nullopt;
    std::size_t even_nul = 0, odd_nul = 0;
    for (std::size_t i = 0; i < n; i += 2) {
        if (b[i] == 0) ++even_nul;
        if (b[i + 1] == 0) ++odd_nul;
    }
    // Text in UTF-16 has its zero bytes (high bytes of ASCII spaces and punctuation) on one side
    // only; even Cyrillic prose has enough of them. Binary data has them on both.
    const std::size_t pairs = n / 2;
    if (odd_nul * 50 >= pairs && even_nul * 50 <= odd_nul) return "UTF-16LE";
    if (even_nul * 50 >= pairs && odd_nul * 50 <= even_nul) return "UTF-16BE";
    return std::nullopt;
}

bool looks_binary(std::string_view b) {
    const std::size_t n = std::min<std::size_t>(b.size(), 8192);
    std::size_t controls = 0;
    for (std::size_t i = 0; i < n; ++i) {
        // Eight bytes at a time while none is below 0x20 (the test for a byte less than n from
        // "Bit Twiddling Hacks").
        if (i + 8 <= n) {
            std::uint64_t word;
            std::memcpy(&word, b.data() + i, 8);
            constexpr std::uint64_t kOnes = 0x0101010101010101ull;
            if (((word - kOnes * 0x20) & ~word & kOnes * 0x80) == 0) {
                i += 7;
                continue;
            }
        }
        const auto c = static_cast<unsigned char>(b[i]);
        if (c == 0) return true;
        // The ASCII white space of Unicode's White_Space (tab, line feed, vertical tab, form
        // feed, carriage return) and ESC (ISO-2022 shifts) are text; other C0 controls are not.
        if (c < 0x20 && (c < '\t' || c > '\r') && c != 0x1B) ++controls;
    }
    return n > 0 && controls * 10 > n;
}

std::string canonical_name(const char* icu_name) {
    UErrorCode status = U_ZERO_ERROR;
    const char* mime = ucnv_getStandardName(icu_name, "MIME", &status);
    if (U_SUCCESS(status) && mime) return mime;
    status = U_ZERO_ERROR;
    const char* iana = ucnv_getStandardName(icu_name, "IANA", &status);
    if (U_SUCCESS(status) && iana) return iana;
    const std::string_view label(icu_name);
    if (std::all_of(label.begin(), label.end(),
                    [](unsigned char c) { return c > 0x20 && c < 0x7F; })) {
        return icu_name;
    }
    // ICU skips what is not a letter or digit when it matches a label, so a page's
    // "win\xB7dows-0720" opens a converter; the label itself cannot name the charset in the output
    // (it is not even UTF-8), the converter's own name can.
    status = U_ZERO_ERROR;
    UConverter* converter = ucnv_open(icu_name, &status);
    const char* name = U_SUCCESS(status) ? ucnv_getName(converter, &status) : nullptr;
    std::string canonical = U_SUCCESS(status) && name ? name : "unknown";
    ucnv_close(converter);  // nothing to do when it did not open
    return canonical;
}

// Valid UTF-8 with anything invalid replaced by U+FFFD; counts the replacements.
std::string repair_utf8(std::string_view bytes, int& replaced) {
    std::string out;
    out.reserve(bytes.size());
    std::size_t i = 0;
    while (i < bytes.size()) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        if (c < 0x80) {
            out += static_cast<char>(c);
            ++i;
            continue;
        }
        const std::size_t start = i;
        const char32_t cp = unicode::next_code_point(bytes, i);
        if (cp == U'\uFFFD' && bytes.substr(start, 3) != "\xEF\xBF\xBD") {
            ++replaced;
            out += "\xEF\xBF\xBD";
        } else {
            out.append(bytes.substr(start, i - start));
        }
    }
    return out;
}

std::optional<std::string> detect_charset(std::string_view bytes) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> detector(ucsdet_open(&status),
                                                                        &ucsdet_close);
    if (U_FAILURE(status)) return std::nullopt;
    const auto sample = bytes.substr(0, std::size_t{64} * 1024);
    ucsdet_setText(detector.get(), sample.data(), static_cast<int32_t>(sample.size()), &status);
    const UCharsetMatch* match = ucsdet_detect(detector.get(), &status);
    if (U_FAILURE(status) || !match) return std::nullopt;
    const char* name = ucsdet_getName(match, &status);
    if (U_FAILURE(status) || !name) return std::nullopt;
    return std::string(name);
}

// The WHATWG Encoding Standard's label mapping, where it differs from ICU's reading of a label:
// browsers read "iso-8859-1" as windows-1252, "gb2312" as GBK, and so must we.
std::string whatwg_charset(std::string label) {
    for (auto& c : label) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    while (!label.empty() && (label.back() == ' ' || label.back() == '"' || label.back() == '\''))
        label.pop_back();
    while (!label.empty() &&
           (label.front() == ' ' || label.front() == '"' || label.front() == '\''))
        label.erase(0, 1);
    static const std::pair<const char*, const char*> kMap[] = {
        {"iso-8859-1", "windows-1252"},
        {"iso8859-1", "windows-1252"},
        {"iso_8859-1", "windows-1252"},
        {"latin1", "windows-1252"},
        {"l1", "windows-1252"},
        {"us-ascii", "windows-1252"},
        {"ascii", "windows-1252"},
        {"cp819", "windows-1252"},
        {"ibm819", "windows-1252"},
        {"x-cp1252", "windows-1252"},
        {"x-user-defined", "windows-1252"},
        {"gb2312", "GBK"},
        {"gbk", "GBK"},
        {"x-gbk", "GBK"},
        {"chinese", "GBK"},
        {"csgb2312", "GBK"},
        {"gb_2312-80", "GBK"},
        {"iso-8859-9", "windows-1254"},
        {"latin5", "windows-1254"},
        {"tis-620", "windows-874"},
        {"iso-8859-11", "windows-874"},
        {"euc-kr", "windows-949"},
        {"ks_c_5601-1987", "windows-949"},
        {"x-cp1251", "windows-1251"},
        {"unicode-1-1-utf-8", "UTF-8"},
        {"utf8", "UTF-8"},
        // A page that declares UTF-16 in its own ASCII-compatible bytes is not UTF-16.
        {"utf-16", "UTF-8"},
        {"utf-16le", "UTF-8"},
        {"utf-16be", "UTF-8"},
    };
    for (const auto& [from, to] : kMap) {
        if (label == from) return to;
    }
    return label;
}

}  // namespace

std::optional<std::string> convert_to_utf8(std::string_view bytes, const std::string& charset,
                                           int* replaced) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UConverter, decltype(&ucnv_close)> conv(ucnv_open(charset.c_str(), &status),
                                                            &ucnv_close);
    if (U_FAILURE(status) || !conv) return std::nullopt;
    // Substitute U+FFFD for invalid input (ICU's default for to-Unicode conversion).
    ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_SUBSTITUTE, nullptr, nullptr, nullptr,
                        &status);
    std::unique_ptr<UConverter, decltype(&ucnv_close)> utf8(ucnv_open("UTF-8", &status),
                                                            &ucnv_close);
    if (U_FAILURE(status)) return std::nullopt;

    std::string out;
    out.resize(bytes.size() * 3 + 16);
    char* target = out.data();
    const char* source = bytes.data();
    UChar pivot[1024];
    UChar* pivot_source = pivot;
    UChar* pivot_target = pivot;
    ucnv_convertEx(utf8.get(), conv.get(), &target, out.data() + out.size(), &source,
                   bytes.data() + bytes.size(), pivot, &pivot_source, &pivot_target, pivot + 1024,
                   true, true, &status);
    if (U_FAILURE(status)) return std::nullopt;
    out.resize(static_cast<std::size_t>(target - out.data()));
    if (replaced) {
        // Count substitutions: U+FFFD in the output that the input did not spell as such.
        int count = 0;
        for (std::size_t pos = out.find("\xEF\xBF\xBD"); pos != std::string::npos;
             pos = out.find("\xEF\xBF\xBD", pos + 3)) {
            ++count;
        }
        *replaced = count;
    }
    return out;
}

Decoded decode(std::string_view bytes, std::optional<std::string> declared_charset,
               bool normalize) {
    Decoded result;
    std::string utf8;
    int replaced = 0;
    bool in_nfc = false;  // known to be in NFC already

    if (auto bom = sniff_bom(bytes)) {
        const auto body = bytes.substr(bom->length);
        if (std::string_view(bom->charset) == "UTF-8") {
            utf8 = repair_utf8(body, replaced);
        } else {
            utf8 = convert_to_utf8(body, bom->charset, &replaced).value_or(std::string());
        }
        result.encoding = bom->charset;
    } else if (auto utf16 = sniff_utf16(bytes)) {
        utf8 = convert_to_utf8(bytes, *utf16, &replaced).value_or(std::string());
        result.encoding = *utf16;
    } else {
        if (looks_binary(bytes)) throw InputError(ErrorCode::Binary, "not text (binary data)");
        // Valid UTF-8 with non-ASCII text is UTF-8 whatever a page claims: no legacy text of any
        // length forms valid UTF-8 by accident, while pages re-saved as UTF-8 keep their old
        // <meta charset> all the time.
        std::optional<std::string> converted;
        const unicode::Utf8Check check = unicode::check_utf8(bytes);
        if (check.valid) {
            converted = std::string(bytes);
            result.encoding = "UTF-8";
            in_nfc = check.nfc;
        } else if (declared_charset) {
            const std::string charset = whatwg_charset(*declared_charset);
            if (charset == "UTF-8" || charset == "utf-8") {
                converted = repair_utf8(bytes, replaced);
                result.encoding = "UTF-8";
            } else {
                converted = convert_to_utf8(bytes, charset, &replaced);
                if (converted) result.encoding = canonical_name(charset.c_str());
            }
        }
        if (!converted) {
            if (auto detected = detect_charset(bytes); detected && *detected != "UTF-8") {
                converted = convert_to_utf8(bytes, *detected, &replaced);
                if (converted) result.encoding = canonical_name(detected->c_str());
            }
        }
        if (!converted) {
            converted = repair_utf8(bytes, replaced);
            result.encoding = "UTF-8";
        }
        utf8 = std::move(*converted);
    }
    if (replaced > 0) {
        result.warnings.push_back(std::to_string(replaced) + " invalid byte sequence" +
                                  (replaced == 1 ? "" : "s") + " replaced with U+FFFD");
    }
    result.text = normalize && !in_nfc ? unicode::to_nfc(utf8) : std::move(utf8);
    return result;
}

}  // namespace pressparse
