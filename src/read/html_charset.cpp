// The charset pre-scan browsers do before parsing: <meta charset=…> or <meta http-equiv=
// "Content-Type" content="…; charset=…"> within the first 1024 bytes; and the late declaration
// their parser acts on when the pre-scan found none (a <meta> further on in the head). Byte-level
// and tolerant: it looks at ASCII only, so it works before the encoding is known.
#include <algorithm>

#include "pressparse/decode.hpp"
#include "pressparse/html_reader.hpp"

namespace pressparse {

namespace {

char lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string lowered(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), lower);
    return out;
}

// The pre-scan's window (the HTML standard's), and the most looked at for a late declaration.
constexpr std::size_t kPrescanBytes = 1024;
constexpr std::size_t kLateCharsetBytes = std::size_t{64} * 1024;

// "text/html; charset=windows-1251" → "windows-1251".
std::optional<std::string> charset_from_content(std::string_view content) {
    const std::string l = lowered(content);
    const auto pos = l.find("charset");
    if (pos == std::string::npos) return std::nullopt;
    std::size_t i = pos + 7;
    while (i < l.size() && (l[i] == ' ' || l[i] == '='))
        ++i;
    if (i < l.size() && (l[i] == '"' || l[i] == '\'')) ++i;
    const std::size_t start = i;
    while (i < l.size() && l[i] != '"' && l[i] != '\'' && l[i] != ';' && l[i] != ' ')
        ++i;
    if (i == start) return std::nullopt;
    return std::string(content.substr(start, i - start));
}

// The first <meta> declaring a known charset in bytes[0, limit), as the pre-scan reads it.
std::optional<std::string> scan_metas(std::string_view bytes, std::size_t limit) {
    const std::string head = lowered(bytes.substr(0, limit));
    // As the HTML standard's pre-scan does, a label that names no encoding is passed over for a
    // later <meta>; it is returned only when no other comes (decode() warns about it). And in a
    // <meta>, x-user-defined means windows-1252.
    std::optional<std::string> unknown;
    const auto found = [&](std::string label) -> std::optional<std::string> {
        switch (resolve_charset_label(label).kind) {
            case CharsetLabel::Kind::Unknown:
                if (!unknown) unknown = std::move(label);
                return std::nullopt;
            case CharsetLabel::Kind::UserDefined:
                return "windows-1252";
            default:
                return label;
        }
    };
    std::size_t pos = 0;
    while ((pos = head.find("<meta", pos)) != std::string::npos) {
        const std::size_t end = head.find('>', pos);
        const std::string_view tag = std::string_view(head).substr(
            pos, end == std::string::npos ? std::string::npos : end - pos);
        const std::string_view original = bytes.substr(pos, tag.size());
        pos += 5;
        // Attributes: name=value pairs, values quoted or not.
        std::optional<std::string> charset, content;
        bool http_equiv_content_type = false;
        std::size_t i = 5;
        while (i < tag.size()) {
            while (i < tag.size() && (tag[i] == ' ' || tag[i] == '\t' || tag[i] == '\n' ||
                                      tag[i] == '\r' || tag[i] == '/'))
                ++i;
            const std::size_t name_start = i;
            while (i < tag.size() && tag[i] != '=' && tag[i] != ' ' && tag[i] != '>')
                ++i;
            const std::string_view name = tag.substr(name_start, i - name_start);
            if (name.empty()) break;
            std::string_view value, original_value;
            if (i < tag.size() && tag[i] == '=') {
                ++i;
                char quote = 0;
                if (i < tag.size() && (tag[i] == '"' || tag[i] == '\'')) quote = tag[i++];
                const std::size_t value_start = i;
                while (i < tag.size() &&
                       (quote ? tag[i] != quote : (tag[i] != ' ' && tag[i] != '>')))
                    ++i;
                value = tag.substr(value_start, i - value_start);
                original_value = original.substr(value_start, i - value_start);
                if (quote && i < tag.size()) ++i;
            }
            if (name == "charset") charset = std::string(original_value);
            if (name == "content") content = std::string(original_value);
            if (name == "http-equiv" && value == "content-type") http_equiv_content_type = true;
        }
        if (charset && !charset->empty()) {
            if (auto label = found(std::move(*charset))) return label;
        } else if (http_equiv_content_type && content) {
            if (auto cs = charset_from_content(*content)) {
                if (auto label = found(std::move(*cs))) return label;
            }
        }
    }
    return unknown;
}

}  // namespace

std::optional<std::string> prescan_charset(std::string_view bytes) {
    return scan_metas(bytes, kPrescanBytes);
}

std::optional<std::string> late_charset(std::string_view bytes) {
    if (bytes.size() <= kPrescanBytes) return std::nullopt;
    std::size_t limit = std::min(bytes.size(), kLateCharsetBytes);
    // Only the head: a <meta> inside the body is not a declaration of the page's charset.
    const std::string window = lowered(bytes.substr(0, limit));
    if (const std::size_t body = window.find("<body"); body != std::string::npos) limit = body;
    return scan_metas(bytes, limit);
}

}  // namespace pressparse
