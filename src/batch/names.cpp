#include "names.hpp"

#include <unicode/utf8.h>

#include <cstdint>

namespace pressparse::batch {

namespace {

void append_hex(std::string& out, unsigned char byte) {
    static constexpr char kDigits[] = "0123456789abcdef";
    out += "\\x";
    out += kDigits[byte >> 4];
    out += kDigits[byte & 0xF];
}

// One escaping pass: valid UTF-8 kept (control characters too, unless `controls`), every
// other byte as \xHH, a backslash doubled.
std::string escape(std::string_view s, bool controls) {
    std::string out;
    out.reserve(s.size());
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(s.data());
    const auto length = static_cast<std::int32_t>(s.size());
    // The ASCII bytes the loop below would copy as they are, copied at once (most paths are
    // nothing else).
    std::int32_t i = 0;
    while (i < length && bytes[i] < 0x80 && bytes[i] != '\\' &&
           (!controls || (bytes[i] >= 0x20 && bytes[i] != 0x7F)))
        ++i;
    out.append(s.data(), static_cast<std::size_t>(i));
    while (i < length) {
        const std::int32_t start = i;
        UChar32 c = 0;
        U8_NEXT(bytes, i, length, c);
        if (c < 0 || (controls && (c < 0x20 || (c >= 0x7F && c <= 0x9F)))) {
            if (c == '\n') {
                out += "\\n";
            } else if (c == '\r') {
                out += "\\r";
            } else if (c == '\t') {
                out += "\\t";
            } else {
                for (std::int32_t k = start; k < i; ++k)
                    append_hex(out, bytes[k]);
            }
        } else if (c == '\\') {
            out += "\\\\";
        } else {
            out.append(
                s.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
        }
    }
    return out;
}

}  // namespace

std::string lossless_path(std::string_view path) {
    return escape(path, false);
}

std::string printable_path(std::string_view path) {
    return escape(path, true);
}

std::filesystem::path output_name(const std::filesystem::path& path) {
    std::filesystem::path out;
    for (const auto& part : path.lexically_normal().relative_path()) {
        if (part.empty() || part == ".") continue;
        out /= part == ".." ? std::filesystem::path("%2E%2E") : part;
    }
    if (out.empty()) out = "input";
    return out;
}

}  // namespace pressparse::batch
