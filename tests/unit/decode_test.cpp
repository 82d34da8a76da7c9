// Charset decoding, on bytes generated here with ICU from known text.
#include "pressparse/decode.hpp"

#include <gtest/gtest.h>

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
