// Fuzzes pressparse::decode: bytes in any charset (or none) to valid NFC UTF-8. The first input
// byte picks a declared charset (or none); the rest is the page. Each input is decoded without a
// declaration and with the chosen one; both must give valid UTF-8 in NFC or refuse the input
// with InputError.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "fuzz_common.hpp"
#include "pressparse/decode.hpp"
#include "pressparse/html_reader.hpp"
#include "pressparse/unicode.hpp"

namespace {

// Labels as pages and servers write them: WHATWG aliases, odd spellings, unknown names.
constexpr std::array<const char*, 28> kLabels{
    "utf-8",       "UTF8",         "windows-1251",    "cp1251",
    "koi8-r",      "koi8-u",       "iso-8859-1",      "latin1",
    "iso-8859-5",  "windows-1257", "iso-8859-13",     "gb2312",
    "gbk",         "big5",         "shift_jis",       "euc-jp",
    "iso-2022-jp", "euc-kr",       "utf-16",          "utf-16le",
    "utf-16be",    "utf-32",       "utf-7",           "x-user-defined",
    "replacement", "ibm866",       "no-such-charset", ""};

void check_decoded(const pressparse::Decoded& d) {
    using pressparse::fuzz::check_utf8;
    using pressparse::fuzz::fail;
    check_utf8(d.text, "decoded text is not valid UTF-8");
    if (pressparse::unicode::to_nfc(d.text) != d.text) fail("decoded text is not NFC");
    if (d.encoding.empty()) fail("no encoding reported");
    check_utf8(d.encoding, "encoding name");
    for (const auto& w : d.warnings)
        check_utf8(w, "decode warning");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string_view all(reinterpret_cast<const char*>(data), size);
    const std::string_view bytes = all.substr(1);
    const std::size_t pick = static_cast<unsigned char>(all[0]);
    std::optional<std::string> declared;
    if (pick < kLabels.size()) declared = kLabels[pick];

    pressparse::fuzz::expect_only_input_error(
        [&] { check_decoded(pressparse::decode(bytes, std::nullopt)); });
    pressparse::fuzz::expect_only_input_error(
        [&] { check_decoded(pressparse::decode(bytes, declared)); });
    pressparse::fuzz::expect_only_input_error([&] {
        if (declared) {
            int replaced = 0;
            if (auto text = pressparse::convert_to_utf8(bytes, *declared, &replaced)) {
                pressparse::fuzz::check_utf8(*text, "convert_to_utf8 output");
                if (replaced < 0) pressparse::fuzz::fail("negative replacement count");
            }
        }
        // The <meta charset> prescan looks at the same bytes the HTML path would.
        if (auto label = pressparse::prescan_charset(bytes); label && label->empty())
            pressparse::fuzz::fail("prescan_charset returned an empty label");
    });
    return 0;
}
