// The Markdown writer: Article → CommonMark. It formats; it decides nothing. Every piece of
// article text is escaped so that no headline, paragraph, caption or teaser can turn into
// markup (emphasis, links, code, HTML, headings, lists, quotes, thematic breaks).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pressparse/render.hpp"

namespace pressparse {

namespace {

constexpr std::string_view kBylineSeparator = " · ";  // U+00B7
constexpr std::string_view kCreditSeparator = " — ";  // U+2014

bool is_ascii_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_ascii_alnum(char c) {
    return is_ascii_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// True when `text[at]` is the `&` of something a renderer would read as an entity reference:
// `&name;`, `&#123;` or `&#x1F;`.
bool starts_entity(std::string_view text, std::size_t at) {
    std::size_t i = at + 1;
    if (i < text.size() && text[i] == '#') {
        ++i;
        if (i < text.size() && (text[i] == 'x' || text[i] == 'X')) ++i;
    }
    const std::size_t first = i;
    while (i < text.size() && is_ascii_alnum(text[i]))
        ++i;
    return i > first && i < text.size() && text[i] == ';';
}

bool is_ascii_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Article text → Markdown that renders as exactly that text. `line_start`: the text begins a
// line (or a list item, quote or heading), where block markers are also significant. Every
// block is one line, so line breaks inside the text become spaces, and white space at the ends
// (which could make an indented code block or break the emphasis around a caption) is dropped;
// the pipeline's texts are trimmed and folded already, so neither changes them.
std::string escape(std::string_view text, bool line_start) {
    while (!text.empty() && is_ascii_space(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && is_ascii_space(text.back()))
        text.remove_suffix(1);
    std::string out;
    out.reserve(text.size() + 8);
    std::size_t i = 0;
    if (line_start && !text.empty()) {
        if (text[0] == '-' || text[0] == '+' || text[0] == '>') {
            out += '\\';
            out += text[0];
            i = 1;
        } else if (is_ascii_digit(text[0])) {
            // `1.` / `1)` would start an ordered list.
            std::size_t j = 0;
            while (j < text.size() && is_ascii_digit(text[j]))
                ++j;
            if (j < text.size() && (text[j] == '.' || text[j] == ')')) {
                out.append(text.substr(0, j));
                out += '\\';
                out += text[j];
                i = j + 1;
            }
        }
    }
    for (; i < text.size(); ++i) {
        const char c = text[i];
        switch (c) {
            case '\\':
            case '`':
            case '*':
            case '_':
            case '[':
            case ']':
            case '<':
            case '#':
            case '~':
                out += '\\';
                break;
            case '&':
                if (starts_entity(text, i)) out += '\\';
                break;
            case '\n':
            case '\r':
                out += ' ';
                continue;
            default:
                break;
        }
        out += c;
    }
    return out;
}

bool has_text(const std::optional<std::string>& value) {
    return value && !value->empty();
}

// "text — credit", "text" or "credit", escaped for use inside emphasis.
std::string caption_line(const BodyBlock& block) {
    std::string inner = block.text ? escape(*block.text, false) : std::string();
    if (const std::string credit = block.credit ? escape(*block.credit, false) : std::string();
        !credit.empty()) {
        if (!inner.empty()) inner += kCreditSeparator;
        inner += credit;
    }
    return inner.empty() ? inner : "*" + inner + "*";
}

std::string byline_line(const Article& a) {
    std::string inner;
    auto add = [&](const std::optional<std::string>& part) {
        const std::string text = part ? escape(*part, false) : std::string();
        if (text.empty()) return;
        if (!inner.empty()) inner += kBylineSeparator;
        inner += text;
    };
    add(a.source);
    add(has_text(a.date_text) ? a.date_text : a.date);
    add(a.category);
    return inner.empty() ? inner : "*" + inner + "*";
}

}  // namespace

std::string to_markdown(const Article& a) {
    // Each chunk is one Markdown block (a list is one chunk of several lines); chunks are
    // separated by one blank line.
    std::vector<std::string> chunks;
    if (const std::string headline = a.headline ? escape(*a.headline, true) : std::string();
        !headline.empty())
        chunks.push_back("# " + headline);
    if (std::string byline = byline_line(a); !byline.empty()) chunks.push_back(std::move(byline));

    bool in_list = false;
    for (const auto& block : a.body) {
        std::string chunk;
        if (block.type == BlockType::Caption) {
            chunk = caption_line(block);
        } else if (const std::string text = block.text ? escape(*block.text, true) : std::string();
                   !text.empty()) {
            switch (block.type) {
                case BlockType::Paragraph:
                    chunk = text;
                    break;
                case BlockType::Subheading:
                    chunk = "## " + text;
                    break;
                case BlockType::Quote:
                    chunk = "> " + text;
                    break;
                case BlockType::ListItem:
                    chunk = "- " + text;
                    break;
                case BlockType::Caption:
                    break;
            }
        }
        if (chunk.empty()) continue;
        const bool item = block.type == BlockType::ListItem;
        if (item && in_list) {
            chunks.back() += '\n';
            chunks.back() += chunk;
        } else {
            chunks.push_back(std::move(chunk));
        }
        in_list = item;
    }

    if (!a.related.empty()) {
        chunks.emplace_back("## Related");
        std::string list;
        for (const auto& r : a.related) {
            if (!list.empty()) list += '\n';
            if (r.url && !r.url->empty()) {
                // An autolink destination in angle brackets: only '<', '>' and line breaks
                // could end it, and an address never holds them unescaped.
                std::string dest;
                for (const char c : *r.url) {
                    if (c == '<')
                        dest += "%3C";
                    else if (c == '>')
                        dest += "%3E";
                    else if (c == '\n' || c == '\r')
                        dest += "%0A";
                    else
                        dest += c;
                }
                list += "- [" + escape(r.title, false) + "](<" + dest + ">)";
            } else {
                list += "- " + escape(r.title, true);
            }
            if (const std::string lead = r.lead ? escape(*r.lead, false) : std::string();
                !lead.empty()) {
                list += kCreditSeparator;
                list += lead;
            }
        }
        chunks.push_back(std::move(list));
    }

    std::string out;
    for (const auto& chunk : chunks) {
        if (!out.empty()) out += "\n\n";
        out += chunk;
    }
    out += '\n';
    return out;
}

}  // namespace pressparse
