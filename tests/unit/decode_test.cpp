// Charset decoding, on bytes generated here with ICU from known text.
#include "pressparse/decode.hpp"

#include <gtest/gtest.h>
#include <unicode/ucnv.h>

#include <memory>
#include <sstream>

#include "charset_support.hpp"
#include "pressparse/errors.hpp"

using namespace pressparse;
using pressparse::test::encode;

namespace {

const std::string kText =
    "Рижская дума: «Мост откроют в пятницу», — сообщил Лукстиньш.\nВторая строка.";

}  // namespace

TEST(Decode, Utf8AsIs) {
    const auto d = decode(kText);
    EXPECT_EQ(d.text, kText);
    EXPECT_EQ(d.encoding, "UTF-8");
    EXPECT_TRUE(d.warnings.empty());
}

TEST(Decode, Utf8BomIsStripped) {
    const auto d = decode("\xEF\xBB\xBF" + kText);
    EXPECT_EQ(d.text, kText);
}

TEST(Decode, Utf16WithAndWithoutBom) {
    for (const char* cs : {"UTF-16LE", "UTF-16BE"}) {
        const std::string bytes = encode(kText, cs);
        const std::string bom = std::string(cs) == "UTF-16LE" ? "\xFF\xFE" : "\xFE\xFF";
        EXPECT_EQ(decode(bom + bytes).text, kText) << cs;
        const auto no_bom = decode(bytes);
        EXPECT_EQ(no_bom.text, kText) << cs;
        EXPECT_EQ(no_bom.encoding, cs);
    }
}

TEST(Decode, LegacyCyrillicCharsetsAreDetected) {
    // Longer text gives the detector enough to go on.
    std::string text;
    for (int i = 0; i < 20; ++i)
        text += "В Риге открыли новый пешеходный мост через реку, сообщает самоуправление.\n";
    for (const char* cs : {"windows-1251", "KOI8-R", "ISO-8859-5"}) {
        const auto d = decode(encode(text, cs));
        EXPECT_EQ(d.text, text) << cs << " decoded as " << d.encoding;
    }
}

TEST(Decode, DeclaredCharsetIsHonoured) {
    const std::string text = "Cēsu novadā atklāja jaunu tiltu pār Gauju.";
    const auto d = decode(encode(text, "windows-1257"), std::string("windows-1257"));
    EXPECT_EQ(d.text, text);
    EXPECT_EQ(d.encoding, "windows-1257");
}

TEST(Decode, InvalidUtf8InTheMiddleBecomesReplacementWithWarning) {
    std::string bytes = "Начало абзаца " + std::string("\xD0") + " и конец абзаца.";
    // Not enough bytes for the detector to prefer a legacy charset: repaired as UTF-8.
    const auto d = decode(bytes);
    EXPECT_NE(d.text.find("\xEF\xBF\xBD"), std::string::npos) << d.encoding;
    EXPECT_FALSE(d.warnings.empty());
}

TEST(Decode, BinaryIsRefused) {
    const std::string png("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16);
    try {
        decode(png);
        FAIL() << "expected InputError";
    } catch (const InputError& e) {
        EXPECT_EQ(e.code(), ErrorCode::Binary);
    }
}

TEST(Decode, OutputIsNfc) {
    EXPECT_EQ(decode("\xD0\xB8\xCC\x86").text, "й");
}

namespace {

// Windows-1251 bytes of Russian prose, long enough for the detector.
std::string cp1251_page(std::string& text) {
    text.clear();
    for (int i = 0; i < 20; ++i)
        text += "В Риге открыли новый пешеходный мост через реку, сообщает самоуправление.\n";
    return encode(text, "windows-1251");
}

bool has_warning(const Decoded& d, const std::string& w) {
    for (const auto& x : d.warnings) {
        if (x == w) return true;
    }
    return false;
}

}  // namespace

// Issue 10: ICU opens labels no browser knows ("ibm037" is EBCDIC), so a declared "ibm037" made
// a windows-1251 page EBCDIC garbage without a word. Only the Encoding Standard's labels are
// honoured; any other is ignored with a warning and the detector decides.
TEST(Decode, LabelsOutsideTheEncodingStandardAreIgnoredWithAWarning) {
    std::string text;
    const std::string bytes = cp1251_page(text);
    for (const char* label : {"ibm037", "IBM037", " ibm037 ", "utf-7", "UTF-7", "scsu", "bocu-1",
                              "utf-32", "UTF-32LE", "ucs-4", "cesu-8", "ebcdic-cp-us", "cp1047",
                              "imap-mailbox-name", "x11-compound-text", "windows-1251x"}) {
        const auto d = decode(bytes, std::string(label));
        EXPECT_EQ(d.text, text) << label << " read as " << d.encoding;
        EXPECT_EQ(d.encoding, "windows-1251") << label;
        std::string shown(label);
        shown.erase(0, shown.find_first_not_of(' '));
        shown.erase(shown.find_last_not_of(' ') + 1);
        EXPECT_TRUE(has_warning(d, "unsupported charset label \"" + shown + "\" ignored"))
            << label << ": " << testing::PrintToString(d.warnings);
    }
}

// x-user-defined is the standard's, but maps bytes 80-FF to private-use characters (ICU has no
// converter for it); the "replacement" labels decode to one U+FFFD. Neither gives text: ignored,
// said so, detected.
TEST(Decode, StandardLabelsWithoutTextAreIgnoredWithAWarning) {
    std::string text;
    const std::string bytes = cp1251_page(text);
    const auto user = decode(bytes, std::string("x-user-defined"));
    EXPECT_EQ(user.text, text);
    EXPECT_EQ(user.encoding, "windows-1251");
    EXPECT_TRUE(has_warning(
        user, "charset label \"x-user-defined\" ignored (it maps bytes to private-use characters)"))
        << testing::PrintToString(user.warnings);
    for (const char* label :
         {"iso-2022-kr", "csiso2022kr", "hz-gb-2312", "iso-2022-cn", "ISO-2022-CN-EXT"}) {
        const auto d = decode(bytes, std::string(label));
        EXPECT_EQ(d.text, text) << label;
        EXPECT_EQ(d.warnings.size(), 1u) << label;
    }
}

TEST(Decode, AWarningNeverCarriesTheLabelsRawBytes) {
    std::string text;
    const std::string bytes = cp1251_page(text);
    const auto d = decode(bytes, std::string("win\xB7\"dows-1251") + std::string(100, 'x'));
    ASSERT_FALSE(d.warnings.empty());
    EXPECT_EQ(d.warnings[0].find('\xB7'), std::string::npos);
    EXPECT_LT(d.warnings[0].size(), 100u) << d.warnings[0];
}

// Every label of the Encoding Standard (encodings.json) resolves, and every encoding it names is
// one ICU opens; labels the standard reads differently from ICU go where the standard says.
TEST(Decode, EveryEncodingStandardLabelIsKnownAndOpensInIcu) {
    const std::string labels =
        "unicode-1-1-utf-8 unicode11utf8 unicode20utf8 utf-8 utf8 x-unicode20utf8 866 cp866 "
        "csibm866 ibm866 csisolatin2 iso-8859-2 iso-ir-101 iso8859-2 iso88592 iso_8859-2 "
        "iso_8859-2:1987 l2 latin2 csisolatin3 iso-8859-3 iso-ir-109 iso8859-3 iso88593 "
        "iso_8859-3 iso_8859-3:1988 l3 latin3 csisolatin4 iso-8859-4 iso-ir-110 iso8859-4 "
        "iso88594 iso_8859-4 iso_8859-4:1988 l4 latin4 csisolatincyrillic cyrillic iso-8859-5 "
        "iso-ir-144 iso8859-5 iso88595 iso_8859-5 iso_8859-5:1988 arabic asmo-708 csiso88596e "
        "csiso88596i csisolatinarabic ecma-114 iso-8859-6 iso-8859-6-e iso-8859-6-i iso-ir-127 "
        "iso8859-6 iso88596 iso_8859-6 iso_8859-6:1987 csisolatingreek ecma-118 elot_928 greek "
        "greek8 iso-8859-7 iso-ir-126 iso8859-7 iso88597 iso_8859-7 iso_8859-7:1987 "
        "sun_eu_greek csiso88598e csisolatinhebrew hebrew iso-8859-8 iso-8859-8-e iso-ir-138 "
        "iso8859-8 iso88598 iso_8859-8 iso_8859-8:1988 visual csiso88598i iso-8859-8-i logical "
        "csisolatin6 iso-8859-10 iso-ir-157 iso8859-10 iso885910 l6 latin6 iso-8859-13 "
        "iso8859-13 iso885913 iso-8859-14 iso8859-14 iso885914 csisolatin9 iso-8859-15 "
        "iso8859-15 iso885915 iso_8859-15 l9 iso-8859-16 cskoi8r koi koi8 koi8-r koi8_r koi8-ru "
        "koi8-u csmacintosh mac macintosh x-mac-roman dos-874 iso-8859-11 iso8859-11 iso885911 "
        "tis-620 windows-874 cp1250 windows-1250 x-cp1250 cp1251 windows-1251 x-cp1251 "
        "ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 iso-8859-1 iso-ir-100 iso8859-1 "
        "iso88591 iso_8859-1 iso_8859-1:1987 l1 latin1 us-ascii windows-1252 x-cp1252 cp1253 "
        "windows-1253 x-cp1253 cp1254 csisolatin5 iso-8859-9 iso-ir-148 iso8859-9 iso88599 "
        "iso_8859-9 iso_8859-9:1989 l5 latin5 windows-1254 x-cp1254 cp1255 windows-1255 "
        "x-cp1255 cp1256 windows-1256 x-cp1256 cp1257 windows-1257 x-cp1257 cp1258 "
        "windows-1258 x-cp1258 x-mac-cyrillic x-mac-ukrainian chinese csgb2312 csiso58gb231280 "
        "gb2312 gb_2312 gb_2312-80 gbk iso-ir-58 x-gbk gb18030 big5 big5-hkscs cn-big5 csbig5 "
        "x-x-big5 cseucpkdfmtjapanese euc-jp x-euc-jp csiso2022jp iso-2022-jp csshiftjis ms932 "
        "ms_kanji shift-jis shift_jis sjis windows-31j x-sjis cseuckr csksc56011987 euc-kr "
        "iso-ir-149 korean ks_c_5601-1987 ks_c_5601-1989 ksc5601 ksc_5601 windows-949 "
        "unicodefffe utf-16be csunicode iso-10646-ucs-2 ucs-2 unicode unicodefeff utf-16 "
        "utf-16le";
    std::istringstream in(labels);
    int count = 0;
    for (std::string label; in >> label; ++count) {
        const CharsetLabel resolved = resolve_charset_label(label);
        ASSERT_EQ(resolved.kind, CharsetLabel::Kind::Encoding) << label;
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<UConverter, decltype(&ucnv_close)> conv(
            ucnv_open(resolved.icu_name.c_str(), &status), &ucnv_close);
        // ISO-8859-16 is missing from some builds of ICU's data (Debian 12's): such a label is
        // ignored with a warning, below.
        if (label != "iso-8859-16") {
            EXPECT_TRUE(U_SUCCESS(status))
                << label << " -> " << resolved.icu_name << ": " << u_errorName(status);
        }
    }
    EXPECT_EQ(count, 221);

    // A label whose converter ICU lacks falls through to the detector, with a warning.
    UErrorCode status = U_ZERO_ERROR;
    UConverter* latin10 = ucnv_open("ISO-8859-16", &status);
    ucnv_close(latin10);
    if (U_FAILURE(status)) {
        std::string text;
        const auto d = decode(cp1251_page(text), std::string("iso-8859-16"));
        EXPECT_EQ(d.text, text);
        EXPECT_TRUE(has_warning(d,
                                "charset label \"iso-8859-16\" ignored (no converter for "
                                "ISO-8859-16)"))
            << testing::PrintToString(d.warnings);
    }
    EXPECT_EQ(resolve_charset_label(" \"ISO-8859-1\" ").icu_name, "windows-1252");
    EXPECT_EQ(resolve_charset_label("EUC-KR").icu_name, "windows-949");
    EXPECT_EQ(resolve_charset_label("utf-16").icu_name, "UTF-8");
    EXPECT_EQ(resolve_charset_label("x-user-defined").kind, CharsetLabel::Kind::UserDefined);
    EXPECT_EQ(resolve_charset_label("iso-2022-kr").kind, CharsetLabel::Kind::Replacement);
    EXPECT_EQ(resolve_charset_label("ibm037").kind, CharsetLabel::Kind::Unknown);
    EXPECT_EQ(resolve_charset_label("utf-32").kind, CharsetLabel::Kind::Unknown);
}
