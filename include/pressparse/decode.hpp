// Bytes to valid NFC UTF-8. The charset is decided as browsers do, with one exception: a
// byte-order mark first; then bytes that are valid UTF-8 are UTF-8 (browsers would follow a stale
// <meta charset> of a page re-saved as UTF-8 and show mojibake); then a charset the caller found
// declared (HTML <meta>, HTTP header), if it is a label of the WHATWG Encoding Standard, read
// as the standard reads it (iso-8859-1 is windows-1252, gb2312 is GBK; a label outside the
// standard, or one it does not decode, is ignored with a warning); then ICU's charset detector.
// Conversion is ICU's; bytes that are invalid in the chosen charset become U+FFFD and a warning.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pressparse {

struct Decoded {
    std::string text;      // valid UTF-8, NFC
    std::string encoding;  // the charset used, by its canonical name ("UTF-8", "windows-1251", …)
    std::vector<std::string> warnings;
};

// Throws InputError(Binary) for data that is not text (NUL bytes outside UTF-16, or mostly
// control characters).
// `normalize` off leaves the text as converted (the HTML reader normalises only the text it
// keeps, not every byte of markup).
Decoded decode(std::string_view bytes, std::optional<std::string> declared_charset = std::nullopt,
               bool normalize = true);

// What a declared charset label names, by the WHATWG Encoding Standard's table of labels:
// an encoding (with the ICU converter that decodes it, "UTF-8" for the UTF-16 labels, which an
// ASCII-compatible page cannot truly mean), one of the labels the standard maps to its
// "replacement" encoding (ISO-2022-KR/CN, HZ), x-user-defined, or no label of the standard at
// all ("ibm037", "utf-7", "utf-32", "scsu", …). Leading and trailing white space and quotes are
// ignored, and case.
struct CharsetLabel {
    enum class Kind { Encoding, Replacement, UserDefined, Unknown };
    Kind kind = Kind::Unknown;
    std::string icu_name;  // set for Encoding
};
CharsetLabel resolve_charset_label(std::string_view declared);

// Converts bytes from a named charset to UTF-8 with ICU (invalid bytes → U+FFFD).
// Returns nullopt when ICU does not know the charset. `replaced` counts substitutions.
std::optional<std::string> convert_to_utf8(std::string_view bytes, const std::string& charset,
                                           int* replaced = nullptr);

}  // namespace pressparse
