#include "pressparse/pipeline.hpp"

#include <gumbo.h>

#include <algorithm>
#include <iostream>
#include <string>

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

// How much of a page's start the format is decided from, and how many tags of known HTML
// elements there must make it HTML when it does not open with one.
constexpr std::size_t kDetectWindow = 8192;
constexpr int kSeveralTags = 4;

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f';
}

bool is_ascii_alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool is_ascii_alnum(char c) {
    return is_ascii_alpha(c) || (c >= '0' && c <= '9');
}

// The page's first bytes as far as markup is concerned: a UTF-8 BOM dropped, and the zero bytes
// and FF/FE of UTF-16 left out, so that "<\0h\0t\0m\0l\0" reads "<html" in either byte order.
std::string markup_view(std::string_view bytes) {
    std::string_view head = bytes.substr(0, kDetectWindow);
    if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
    std::string out;
    out.reserve(head.size());
    for (const char c : head) {
        if (c != '\0' && c != '\xFF' && c != '\xFE') out.push_back(c);
    }
    return out;
}

// A well-formed start or end tag at s[at] of an element HTML knows ("<div ", "</P>", "<br/>"):
// gumbo's table of tag names decides, case-insensitively.
bool known_tag_at(std::string_view s, std::size_t at) {
    if (at >= s.size() || s[at] != '<') return false;
    std::size_t i = at + 1;
    if (i < s.size() && s[i] == '/') ++i;
    const std::size_t name = i;
    if (i >= s.size() || !is_ascii_alpha(s[i])) return false;
    while (i < s.size() && is_ascii_alnum(s[i]))
        ++i;
    if (i >= s.size() || !(is_space(s[i]) || s[i] == '>' || s[i] == '/')) return false;
    return gumbo_tagn_enum(s.data() + name, static_cast<unsigned>(i - name)) != GUMBO_TAG_UNKNOWN;
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

bool press_lv_host(const std::optional<std::string>& host) {
    return host && (*host == "press.lv" || host->ends_with(".press.lv"));
}

// Fields an HTML page states about itself; the segmenter fills in what they leave open.
void apply_metadata(const Metadata& meta, Article& article) {
    // The site: Press.lv only on evidence (its host, its name as the site name, its name in the
    // page's title); otherwise the name the page states, else the host of its address.
    const std::optional<std::string> address = article.url ? article.url : meta.url;
    const std::optional<std::string> host = address ? url::host(*address) : std::nullopt;
    const bool press_lv = press_lv_host(host) || mentions_press_lv(meta.site_name) ||
                          mentions_press_lv(meta.document_title);
    if (press_lv) {
        article.site = "Press.lv";
    } else if (meta.site_name) {
        article.site = meta.site_name;
    } else {
        article.site = host;
    }
    if (!article.url) article.url = meta.url;
    article.language = bcp47(meta.language);
    article.headline = meta.title;
    article.source = meta.byline;
    article.category = meta.category;
    article.description = meta.description;
    article.tags = meta.tags;
    if (meta.date_text) {
        article.date_text = meta.date_text;
        article.date_source = meta.date_source;
        std::string warning;
        const std::string language = meta.language.value_or("");
        article.date = dates::normalize_timestamp(*meta.date_text, press_lv, &warning, language);
        // A stamp one day off the day the page prints for its readers (an instant in UTC, the
        // page in its own zone): the printed day is the page's publication day, written as that
        // day or, for a UTC stamp, as the same instant at an offset that falls on it.
        if (meta.printed_day && (!article.date || article.date->substr(0, 10) != *meta.printed_day))
            article.date = meta.printed_day;
        if (!warning.empty()) article.warnings.push_back(std::move(warning));
    }
    if (meta.date_modified) {
        article.date_modified = dates::normalize_timestamp(*meta.date_modified, press_lv, nullptr,
                                                           meta.language.value_or(""));
    }
}

}  // namespace

InputFormat detect_format(std::string_view bytes) {
    // Most pages have no byte to leave out: then the markup view is the page's start itself.
    std::string_view s = bytes.substr(0, kDetectWindow);
    if (s.starts_with("\xEF\xBB\xBF")) s.remove_prefix(3);
    std::string head;
    if (s.find('\0') != std::string_view::npos || s.find('\xFF') != std::string_view::npos ||
        s.find('\xFE') != std::string_view::npos) {
        head = markup_view(bytes);
        s = head;
    }
    std::size_t i = 0;
    // The prolog: white space and comments are passed over (a comment running past the window
    // is markup enough); a doctype or an XML declaration is markup by itself.
    while (true) {
        while (i < s.size() && is_space(s[i]))
            ++i;
        const std::string_view rest = s.substr(i);
        if (iequals_prefix(rest, "<!doctype") || iequals_prefix(rest, "<?xml"))
            return InputFormat::Html;
        if (rest.starts_with("<!--")) {
            const std::size_t close = rest.find("-->", 4);
            if (close == std::string_view::npos) return InputFormat::Html;
            i += close + 3;
            continue;
        }
        break;
    }
    if (known_tag_at(s, i)) return InputFormat::Html;
    // Markup that does not open the page (a line of text, a stray character before it) must be
    // real markup throughout: several tags of HTML elements. Prose that mentions "<b>" once
    // stays text.
    int tags = 0;
    for (std::size_t at = s.find('<', i); at != std::string_view::npos; at = s.find('<', at + 1)) {
        if (known_tag_at(s, at) && ++tags == kSeveralTags) return InputFormat::Html;
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
    if (!declared && format == InputFormat::Html) declared = late_charset(bytes);
    Decoded decoded = decode(bytes, declared, format == InputFormat::Text);
    article.input.encoding = decoded.encoding;
    if (unicode::trim(decoded.text).empty()) throw InputError(ErrorCode::Empty, "only white space");

    if (format == InputFormat::Html) {
        HtmlPage page = read_html(decoded.text, options.html);
        apply_metadata(page.meta, article);
        segment(page.blocks, article);
        if (!article.source) article.source = page.meta.byline_handle;
        if (!article.date_text && page.meta.fallback_date_text) {
            article.date_text = page.meta.fallback_date_text;
            article.date_source = page.meta.fallback_date_source;
            article.date = page.meta.fallback_day;
        }
        // Teaser links as absolute addresses where the page's own address is known.
        if (article.url) {
            for (auto& r : article.related) {
                if (r.url) r.url = url::resolve(*article.url, *r.url);
            }
        }
        // Images as absolute addresses: against <base href> (itself against the page's address),
        // else the page's address; one that cannot be made absolute is left out. The lead image
        // is the stated one, else the first caption's.
        for (auto& b : article.body) {
            if (b.image) b.image = url::absolute(article.url, page.meta.base, *b.image);
        }
        if (page.meta.image)
            article.image = url::absolute(article.url, page.meta.base, *page.meta.image);
        for (std::size_t i = 0; !article.image && i < article.body.size(); ++i)
            article.image = article.body[i].image;
        // The comment thread stays apart from the body; a page that prints no comment count
        // has as many comments as its thread shows.
        article.reader_comments = std::move(page.comments);
        if (!article.comments && !article.reader_comments.empty())
            article.comments = static_cast<int>(article.reader_comments.size());
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
