#include "pressparse/pipeline.hpp"

#include <algorithm>
#include <iostream>

#include "pressparse/dates.hpp"
#include "pressparse/decode.hpp"
#include "pressparse/errors.hpp"
#include "pressparse/html_reader.hpp"
#include "pressparse/segment.hpp"
#include "pressparse/text_reader.hpp"
#include "pressparse/unicode.hpp"
#include "text/url.hpp"

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

// "en-us" → "en-US", "ru_RU" → "ru-RU": BCP 47 casing.
std::optional<std::string> bcp47(std::optional<std::string> tag) {
    if (!tag) return tag;
    std::string t = *tag;
    std::replace(t.begin(), t.end(), '_', '-');
    const std::size_t dash = t.find('-');
    for (std::size_t i = 0; i < t.size(); ++i) {
        char& c = t[i];
        const bool region = dash != std::string::npos && i > dash && t.size() - dash - 1 == 2;
        if (region && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        if (!region && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    if (t.empty() || t.size() > 35) return std::nullopt;
    return t;
}

bool mentions_press_lv(const std::optional<std::string>& s) {
    return s && unicode::to_lower(*s).find("press.lv") != std::string::npos;
}

// Fields an HTML page states about itself; the segmenter fills in what they leave open.
void apply_metadata(const Metadata& meta, Article& article) {
    // A page that names no site at all is taken for a saved Press.lv page.
    const bool press_lv = mentions_press_lv(meta.site_name) || mentions_press_lv(meta.url) ||
                          mentions_press_lv(article.url) ||
                          (!meta.site_name && !meta.url && !article.url);
    article.site = press_lv ? std::optional<std::string>("Press.lv") : meta.site_name;
    if (!article.url) article.url = meta.url;
    article.language = bcp47(meta.language);
    article.headline = meta.title;
    article.source = meta.byline;
    article.category = meta.category;
    if (meta.date_text) {
        article.date_text = meta.date_text;
        article.date_source = meta.date_source;
        std::string warning;
        article.date = dates::normalize_timestamp(*meta.date_text, press_lv, &warning);
        if (!warning.empty()) article.warnings.push_back(std::move(warning));
    }
}

}  // namespace

InputFormat detect_format(std::string_view bytes) {
    // The first characters only: a text page never starts with markup. A BOM, white space and
    // the zero bytes of UTF-16 are skipped; 64 characters are plenty to compare.
    std::string_view head = bytes.substr(0, 4096);
    if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
    char ascii[64];
    std::size_t n = 0;
    for (const char c : head) {
        if (c == '\0' || c == '\xFF' || c == '\xFE') continue;
        if (n == 0 && (c == ' ' || c == '\t' || c == '\r' || c == '\n')) continue;
        ascii[n++] = c;
        if (n == sizeof ascii) break;
    }
    const std::string_view s(ascii, n);
    for (std::string_view opener : {"<!doctype html", "<html", "<head", "<body", "<?xml", "<!--",
                                    "<meta", "<title", "<div", "<p>", "<article"}) {
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
    article.url = options.url;

    std::optional<std::string> declared = options.declared_charset;
    if (!declared && format == InputFormat::Html) declared = prescan_charset(bytes);
    Decoded decoded = decode(bytes, declared, format == InputFormat::Text);
    article.input.encoding = decoded.encoding;
    if (unicode::trim(decoded.text).empty()) throw InputError(ErrorCode::Empty, "only white space");

    if (format == InputFormat::Html) {
        HtmlPage page = read_html(decoded.text);
        apply_metadata(page.meta, article);
        segment(page.blocks, article);
        // Teaser links as absolute addresses where the page's own address is known.
        if (article.url) {
            for (auto& r : article.related) {
                if (r.url) r.url = url::resolve(*article.url, *r.url);
            }
        }
        for (auto& w : page.warnings)
            article.warnings.push_back(std::move(w));
    } else {
        bool truncated = false;
        segment(read_text(decoded.text, &truncated), article);
        if (truncated) {
            article.warnings.push_back("page cut off after its first " +
                                       std::to_string(kMaxTextLines) + " lines");
        }
    }
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
