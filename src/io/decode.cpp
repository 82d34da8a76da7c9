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

// A label as the Encoding Standard reads it: without leading and trailing ASCII white space; and
// without quotes, which an unquoted <meta> attribute or a sloppy HTTP header can leave on.
std::string_view strip_label(std::string_view label) {
    const auto strip = [](char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == '"' ||
               c == '\'';
    };
    while (!label.empty() && strip(label.front()))
        label.remove_prefix(1);
    while (!label.empty() && strip(label.back()))
        label.remove_suffix(1);
    return label;
}

// A label as untrusted text for a warning: printable ASCII, other bytes as '?', at most 40.
std::string printable_label(std::string_view label) {
    constexpr std::size_t kMax = 40;
    std::string out;
    for (std::size_t i = 0; i < label.size() && i < kMax; ++i) {
        const auto c = static_cast<unsigned char>(label[i]);
        out += (c >= 0x20 && c < 0x7F && c != '"') ? static_cast<char>(c) : '?';
    }
    if (label.size() > kMax) out += "...";
    return out;
}

}  // namespace

// The labels of the WHATWG Encoding Standard (https://encoding.spec.whatwg.org/encodings.json),
// each with the ICU converter that decodes its encoding. Where ICU's converter of the same name
// differs from the standard's encoding, the one that matches the standard is named: browsers read
// "iso-8859-1" as windows-1252, "euc-kr" as windows-949, "shift_jis" as windows-31j. Labels not
// in this table are not honoured: ICU would open "ibm037" (EBCDIC), "utf-7", "scsu", …, and read
// a windows-1251 page into garbage.
CharsetLabel resolve_charset_label(std::string_view declared) {
    std::string label(strip_label(declared));  // compared ignoring ASCII case
    for (auto& c : label) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    using K = CharsetLabel::Kind;
    struct Entry {
        std::string_view label;
        const char* icu;
        K kind;
    };
    static constexpr Entry kTable[] = {
        // UTF-8
        {"unicode-1-1-utf-8", "UTF-8", K::Encoding},
        {"unicode11utf8", "UTF-8", K::Encoding},
        {"unicode20utf8", "UTF-8", K::Encoding},
        {"utf-8", "UTF-8", K::Encoding},
        {"utf8", "UTF-8", K::Encoding},
        {"x-unicode20utf8", "UTF-8", K::Encoding},
        // Legacy single-byte encodings
        {"866", "IBM866", K::Encoding},
        {"cp866", "IBM866", K::Encoding},
        {"csibm866", "IBM866", K::Encoding},
        {"ibm866", "IBM866", K::Encoding},
        {"csisolatin2", "ISO-8859-2", K::Encoding},
        {"iso-8859-2", "ISO-8859-2", K::Encoding},
        {"iso-ir-101", "ISO-8859-2", K::Encoding},
        {"iso8859-2", "ISO-8859-2", K::Encoding},
        {"iso88592", "ISO-8859-2", K::Encoding},
        {"iso_8859-2", "ISO-8859-2", K::Encoding},
        {"iso_8859-2:1987", "ISO-8859-2", K::Encoding},
        {"l2", "ISO-8859-2", K::Encoding},
        {"latin2", "ISO-8859-2", K::Encoding},
        {"csisolatin3", "ISO-8859-3", K::Encoding},
        {"iso-8859-3", "ISO-8859-3", K::Encoding},
        {"iso-ir-109", "ISO-8859-3", K::Encoding},
        {"iso8859-3", "ISO-8859-3", K::Encoding},
        {"iso88593", "ISO-8859-3", K::Encoding},
        {"iso_8859-3", "ISO-8859-3", K::Encoding},
        {"iso_8859-3:1988", "ISO-8859-3", K::Encoding},
        {"l3", "ISO-8859-3", K::Encoding},
        {"latin3", "ISO-8859-3", K::Encoding},
        {"csisolatin4", "ISO-8859-4", K::Encoding},
        {"iso-8859-4", "ISO-8859-4", K::Encoding},
        {"iso-ir-110", "ISO-8859-4", K::Encoding},
        {"iso8859-4", "ISO-8859-4", K::Encoding},
        {"iso88594", "ISO-8859-4", K::Encoding},
        {"iso_8859-4", "ISO-8859-4", K::Encoding},
        {"iso_8859-4:1988", "ISO-8859-4", K::Encoding},
        {"l4", "ISO-8859-4", K::Encoding},
        {"latin4", "ISO-8859-4", K::Encoding},
        {"csisolatincyrillic", "ISO-8859-5", K::Encoding},
        {"cyrillic", "ISO-8859-5", K::Encoding},
        {"iso-8859-5", "ISO-8859-5", K::Encoding},
        {"iso-ir-144", "ISO-8859-5", K::Encoding},
        {"iso8859-5", "ISO-8859-5", K::Encoding},
        {"iso88595", "ISO-8859-5", K::Encoding},
        {"iso_8859-5", "ISO-8859-5", K::Encoding},
        {"iso_8859-5:1988", "ISO-8859-5", K::Encoding},
        {"arabic", "ISO-8859-6", K::Encoding},
        {"asmo-708", "ISO-8859-6", K::Encoding},
        {"csiso88596e", "ISO-8859-6", K::Encoding},
        {"csiso88596i", "ISO-8859-6", K::Encoding},
        {"csisolatinarabic", "ISO-8859-6", K::Encoding},
        {"ecma-114", "ISO-8859-6", K::Encoding},
        {"iso-8859-6", "ISO-8859-6", K::Encoding},
        {"iso-8859-6-e", "ISO-8859-6", K::Encoding},
        {"iso-8859-6-i", "ISO-8859-6", K::Encoding},
        {"iso-ir-127", "ISO-8859-6", K::Encoding},
        {"iso8859-6", "ISO-8859-6", K::Encoding},
        {"iso88596", "ISO-8859-6", K::Encoding},
        {"iso_8859-6", "ISO-8859-6", K::Encoding},
        {"iso_8859-6:1987", "ISO-8859-6", K::Encoding},
        {"csisolatingreek", "ISO-8859-7", K::Encoding},
        {"ecma-118", "ISO-8859-7", K::Encoding},
        {"elot_928", "ISO-8859-7", K::Encoding},
        {"greek", "ISO-8859-7", K::Encoding},
        {"greek8", "ISO-8859-7", K::Encoding},
        {"iso-8859-7", "ISO-8859-7", K::Encoding},
        {"iso-ir-126", "ISO-8859-7", K::Encoding},
        {"iso8859-7", "ISO-8859-7", K::Encoding},
        {"iso88597", "ISO-8859-7", K::Encoding},
        {"iso_8859-7", "ISO-8859-7", K::Encoding},
        {"iso_8859-7:1987", "ISO-8859-7", K::Encoding},
        {"sun_eu_greek", "ISO-8859-7", K::Encoding},
        {"csiso88598e", "ISO-8859-8", K::Encoding},
        {"csisolatinhebrew", "ISO-8859-8", K::Encoding},
        {"hebrew", "ISO-8859-8", K::Encoding},
        {"iso-8859-8", "ISO-8859-8", K::Encoding},
        {"iso-8859-8-e", "ISO-8859-8", K::Encoding},
        {"iso-ir-138", "ISO-8859-8", K::Encoding},
        {"iso8859-8", "ISO-8859-8", K::Encoding},
        {"iso88598", "ISO-8859-8", K::Encoding},
        {"iso_8859-8", "ISO-8859-8", K::Encoding},
        {"iso_8859-8:1988", "ISO-8859-8", K::Encoding},
        {"visual", "ISO-8859-8", K::Encoding},
        // ISO-8859-8-I has the bytes of ISO-8859-8 (it differs only in text direction).
        {"csiso88598i", "ISO-8859-8", K::Encoding},
        {"iso-8859-8-i", "ISO-8859-8", K::Encoding},
        {"logical", "ISO-8859-8", K::Encoding},
        {"csisolatin6", "ISO-8859-10", K::Encoding},
        {"iso-8859-10", "ISO-8859-10", K::Encoding},
        {"iso-ir-157", "ISO-8859-10", K::Encoding},
        {"iso8859-10", "ISO-8859-10", K::Encoding},
        {"iso885910", "ISO-8859-10", K::Encoding},
        {"l6", "ISO-8859-10", K::Encoding},
        {"latin6", "ISO-8859-10", K::Encoding},
        {"iso-8859-13", "ISO-8859-13", K::Encoding},
        {"iso8859-13", "ISO-8859-13", K::Encoding},
        {"iso885913", "ISO-8859-13", K::Encoding},
        {"iso-8859-14", "ISO-8859-14", K::Encoding},
        {"iso8859-14", "ISO-8859-14", K::Encoding},
        {"iso885914", "ISO-8859-14", K::Encoding},
        {"csisolatin9", "ISO-8859-15", K::Encoding},
        {"iso-8859-15", "ISO-8859-15", K::Encoding},
        {"iso8859-15", "ISO-8859-15", K::Encoding},
        {"iso885915", "ISO-8859-15", K::Encoding},
        {"iso_8859-15", "ISO-8859-15", K::Encoding},
        {"l9", "ISO-8859-15", K::Encoding},
        {"iso-8859-16", "ISO-8859-16", K::Encoding},
        {"cskoi8r", "KOI8-R", K::Encoding},
        {"koi", "KOI8-R", K::Encoding},
        {"koi8", "KOI8-R", K::Encoding},
        {"koi8-r", "KOI8-R", K::Encoding},
        {"koi8_r", "KOI8-R", K::Encoding},
        {"koi8-ru", "KOI8-U", K::Encoding},
        {"koi8-u", "KOI8-U", K::Encoding},
        {"csmacintosh", "macintosh", K::Encoding},
        {"mac", "macintosh", K::Encoding},
        {"macintosh", "macintosh", K::Encoding},
        {"x-mac-roman", "macintosh", K::Encoding},
        {"dos-874", "windows-874", K::Encoding},
        {"iso-8859-11", "windows-874", K::Encoding},
        {"iso8859-11", "windows-874", K::Encoding},
        {"iso885911", "windows-874", K::Encoding},
        {"tis-620", "windows-874", K::Encoding},
        {"windows-874", "windows-874", K::Encoding},
        {"cp1250", "windows-1250", K::Encoding},
        {"windows-1250", "windows-1250", K::Encoding},
        {"x-cp1250", "windows-1250", K::Encoding},
        {"cp1251", "windows-1251", K::Encoding},
        {"windows-1251", "windows-1251", K::Encoding},
        {"x-cp1251", "windows-1251", K::Encoding},
        {"ansi_x3.4-1968", "windows-1252", K::Encoding},
        {"ascii", "windows-1252", K::Encoding},
        {"cp1252", "windows-1252", K::Encoding},
        {"cp819", "windows-1252", K::Encoding},
        {"csisolatin1", "windows-1252", K::Encoding},
        {"ibm819", "windows-1252", K::Encoding},
        {"iso-8859-1", "windows-1252", K::Encoding},
        {"iso-ir-100", "windows-1252", K::Encoding},
        {"iso8859-1", "windows-1252", K::Encoding},
        {"iso88591", "windows-1252", K::Encoding},
        {"iso_8859-1", "windows-1252", K::Encoding},
        {"iso_8859-1:1987", "windows-1252", K::Encoding},
        {"l1", "windows-1252", K::Encoding},
        {"latin1", "windows-1252", K::Encoding},
        {"us-ascii", "windows-1252", K::Encoding},
        {"windows-1252", "windows-1252", K::Encoding},
        {"x-cp1252", "windows-1252", K::Encoding},
        {"cp1253", "windows-1253", K::Encoding},
        {"windows-1253", "windows-1253", K::Encoding},
        {"x-cp1253", "windows-1253", K::Encoding},
        {"cp1254", "windows-1254", K::Encoding},
        {"csisolatin5", "windows-1254", K::Encoding},
        {"iso-8859-9", "windows-1254", K::Encoding},
        {"iso-ir-148", "windows-1254", K::Encoding},
        {"iso8859-9", "windows-1254", K::Encoding},
        {"iso88599", "windows-1254", K::Encoding},
        {"iso_8859-9", "windows-1254", K::Encoding},
        {"iso_8859-9:1989", "windows-1254", K::Encoding},
        {"l5", "windows-1254", K::Encoding},
        {"latin5", "windows-1254", K::Encoding},
        {"windows-1254", "windows-1254", K::Encoding},
        {"x-cp1254", "windows-1254", K::Encoding},
        {"cp1255", "windows-1255", K::Encoding},
        {"windows-1255", "windows-1255", K::Encoding},
        {"x-cp1255", "windows-1255", K::Encoding},
        {"cp1256", "windows-1256", K::Encoding},
        {"windows-1256", "windows-1256", K::Encoding},
        {"x-cp1256", "windows-1256", K::Encoding},
        {"cp1257", "windows-1257", K::Encoding},
        {"windows-1257", "windows-1257", K::Encoding},
        {"x-cp1257", "windows-1257", K::Encoding},
        {"cp1258", "windows-1258", K::Encoding},
        {"windows-1258", "windows-1258", K::Encoding},
        {"x-cp1258", "windows-1258", K::Encoding},
        {"x-mac-cyrillic", "x-mac-cyrillic", K::Encoding},
        {"x-mac-ukrainian", "x-mac-cyrillic", K::Encoding},
        // Legacy multi-byte encodings
        {"chinese", "GBK", K::Encoding},
        {"csgb2312", "GBK", K::Encoding},
        {"csiso58gb231280", "GBK", K::Encoding},
        {"gb2312", "GBK", K::Encoding},
        {"gb_2312", "GBK", K::Encoding},
        {"gb_2312-80", "GBK", K::Encoding},
        {"gbk", "GBK", K::Encoding},
        {"iso-ir-58", "GBK", K::Encoding},
        {"x-gbk", "GBK", K::Encoding},
        {"gb18030", "GB18030", K::Encoding},
        // The standard's Big5 is Big5 with the HKSCS extensions.
        {"big5", "Big5-HKSCS", K::Encoding},
        {"big5-hkscs", "Big5-HKSCS", K::Encoding},
        {"cn-big5", "Big5-HKSCS", K::Encoding},
        {"csbig5", "Big5-HKSCS", K::Encoding},
        {"x-x-big5", "Big5-HKSCS", K::Encoding},
        {"cseucpkdfmtjapanese", "EUC-JP", K::Encoding},
        {"euc-jp", "EUC-JP", K::Encoding},
        {"x-euc-jp", "EUC-JP", K::Encoding},
        {"csiso2022jp", "ISO-2022-JP", K::Encoding},
        {"iso-2022-jp", "ISO-2022-JP", K::Encoding},
        {"csshiftjis", "windows-31j", K::Encoding},
        {"ms932", "windows-31j", K::Encoding},
        {"ms_kanji", "windows-31j", K::Encoding},
        {"shift-jis", "windows-31j", K::Encoding},
        {"shift_jis", "windows-31j", K::Encoding},
        {"sjis", "windows-31j", K::Encoding},
        {"windows-31j", "windows-31j", K::Encoding},
        {"x-sjis", "windows-31j", K::Encoding},
        {"cseuckr", "windows-949", K::Encoding},
        {"csksc56011987", "windows-949", K::Encoding},
        {"euc-kr", "windows-949", K::Encoding},
        {"iso-ir-149", "windows-949", K::Encoding},
        {"korean", "windows-949", K::Encoding},
        {"ks_c_5601-1987", "windows-949", K::Encoding},
        {"ks_c_5601-1989", "windows-949", K::Encoding},
        {"ksc5601", "windows-949", K::Encoding},
        {"ksc_5601", "windows-949", K::Encoding},
        {"windows-949", "windows-949", K::Encoding},
        // The standard decodes these to a single U+FFFD, so that their escape sequences cannot
        // smuggle markup past a browser.
        {"csiso2022kr", nullptr, K::Replacement},
        {"hz-gb-2312", nullptr, K::Replacement},
        {"iso-2022-cn", nullptr, K::Replacement},
        {"iso-2022-cn-ext", nullptr, K::Replacement},
        {"iso-2022-kr", nullptr, K::Replacement},
        // A page that declares UTF-16 in its own ASCII-compatible bytes is not UTF-16 (the
        // standard's <meta> pre-scan reads UTF-16 as UTF-8; real UTF-16 is found by its BOM or
        // its zero bytes before any label is looked at).
        {"unicodefffe", "UTF-8", K::Encoding},
        {"utf-16be", "UTF-8", K::Encoding},
        {"csunicode", "UTF-8", K::Encoding},
        {"iso-10646-ucs-2", "UTF-8", K::Encoding},
        {"ucs-2", "UTF-8", K::Encoding},
        {"unicode", "UTF-8", K::Encoding},
        {"unicodefeff", "UTF-8", K::Encoding},
        {"utf-16", "UTF-8", K::Encoding},
        {"utf-16le", "UTF-8", K::Encoding},
        // Bytes 80-FF to private-use characters (U+F780-U+F7FF): ICU has no converter, and
        // private-use characters are no text to extract.
        {"x-user-defined", nullptr, K::UserDefined},
    };
    for (const Entry& e : kTable) {
        if (e.label == label) return CharsetLabel{e.kind, e.icu ? e.icu : ""};
    }
    return CharsetLabel{K::Unknown, ""};
}

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
            const CharsetLabel label = resolve_charset_label(*declared_charset);
            const std::string shown = printable_label(strip_label(*declared_charset));
            if (label.kind == CharsetLabel::Kind::Encoding && label.icu_name == "UTF-8") {
                converted = repair_utf8(bytes, replaced);
                result.encoding = "UTF-8";
            } else if (label.kind == CharsetLabel::Kind::Encoding) {
                converted = convert_to_utf8(bytes, label.icu_name, &replaced);
                if (converted) {
                    result.encoding = canonical_name(label.icu_name.c_str());
                } else {
                    // ISO-8859-16 is not in every build of ICU's data (Debian's lacks it).
                    result.warnings.push_back("charset label \"" + shown +
                                              "\" ignored (no converter for " + label.icu_name +
                                              ")");
                }
            } else if (label.kind == CharsetLabel::Kind::Unknown) {
                result.warnings.push_back("unsupported charset label \"" + shown + "\" ignored");
            } else if (label.kind == CharsetLabel::Kind::Replacement) {
                result.warnings.push_back("charset label \"" + shown +
                                          "\" ignored (the Encoding Standard does not decode it)");
            } else {
                result.warnings.push_back("charset label \"" + shown +
                                          "\" ignored (it maps bytes to private-use characters)");
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
