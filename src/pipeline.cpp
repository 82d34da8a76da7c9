#include "pressparse/pipeline.hpp"

#include <iostream>

#include "pressparse/decode.hpp"
#include "pressparse/errors.hpp"
#include "pressparse/segment.hpp"
#include "pressparse/text_reader.hpp"
#include "pressparse/unicode.hpp"

namespace pressparse {

namespace {

bool iequals_prefix(std::string_view s, std::string_view lower_prefix) {
    if (s.size() < lower_prefix.size()) return false;
    for (std::size_t i = 0; i < lower_prefix.size(); ++i) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != lower_prefix[i]) return false;
    }
    return true;
}

}  // namespace

InputFormat detect_format(std::string_view bytes) {
    // Look at the first tags only; a text page never starts with markup.
    std::string_view head = bytes.substr(0, 4096);
    std::size_t i = 0;
    // Skip a UTF-8 BOM, white space and UTF-16 zero bytes.
    if (head.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
    std::string ascii;
    for (; i < head.size() && ascii.size() < 1024; ++i) {
        const char c = head[i];
        if (c == '\0' || c == '\xFF' || c == '\xFE') continue;
        ascii += c;
    }
    std::string_view s = ascii;
    while (!s.empty() &&
           (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n')) {
        s.remove_prefix(1);
    }
    for (std::string_view opener :
         {"<!doctype html", "<html", "<head", "<body", "<?xml", "<!--", "<meta", "<title"}) {
        if (iequals_prefix(s, opener)) return InputFormat::Html;
    }
    return InputFormat::Text;
}

Article extract(std::string_view bytes, const std::string& path, const ExtractOptions& options) {
    Article article;
    article.input.path = path;
    article.input.bytes = bytes.size();
    if (bytes.empty()) throw InputError(ErrorCode::Empty, "empty file");

    const InputFormat format = options.format.value_or(detect_format(bytes));
    article.input.format = format;
    if (format == InputFormat::Html) {
        throw InputError(ErrorCode::Internal, "HTML input is not supported by this build");
    }

    Decoded decoded = decode(bytes);
    article.input.encoding = decoded.encoding;
    if (unicode::trim(decoded.text).empty()) throw InputError(ErrorCode::Empty, "only white space");

    const Blocks blocks = read_text(decoded.text);
    segment(blocks, article);
    for (auto& w : decoded.warnings)
        article.warnings.push_back(std::move(w));
    finish_article(article);
    return article;
}

Article extract_file(const std::string& path, const ExtractOptions& options) {
    const std::string bytes =
        path == "-" ? load_stream(std::cin, options.max_bytes) : load_file(path, options.max_bytes);
    return extract(bytes, path, options);
}

}  // namespace pressparse
