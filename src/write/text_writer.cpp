// The plain-text writer: Article → readable text, one paragraph per block, separated by blank
// lines. It formats; it decides nothing. Teasers (related articles) are left out.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pressparse/render.hpp"

namespace pressparse {

namespace {

constexpr std::string_view kBylineSeparator = " · ";  // U+00B7
constexpr std::string_view kCreditSeparator = " — ";  // U+2014

bool has_text(const std::optional<std::string>& value) {
    return value && !value->empty();
}

std::string byline_line(const Article& a) {
    std::string line;
    auto add = [&](const std::optional<std::string>& part) {
        if (!has_text(part)) return;
        if (!line.empty()) line += kBylineSeparator;
        line += *part;
    };
    add(a.source);
    add(has_text(a.date_text) ? a.date_text : a.date);
    add(a.category);
    return line;
}

// "[Photo: text — credit]", "[Photo: text]" or "[Photo: credit]"; empty when it has neither.
std::string caption_paragraph(const BodyBlock& block) {
    std::string inner;
    if (has_text(block.text)) inner = *block.text;
    if (has_text(block.credit)) {
        if (!inner.empty()) inner += kCreditSeparator;
        inner += *block.credit;
    }
    return inner.empty() ? inner : "[Photo: " + inner + "]";
}

}  // namespace

std::string to_plain_text(const Article& a) {
    std::vector<std::string> paragraphs;
    if (has_text(a.headline)) paragraphs.push_back(*a.headline);
    if (std::string byline = byline_line(a); !byline.empty())
        paragraphs.push_back(std::move(byline));

    for (const auto& block : a.body) {
        std::string paragraph;
        if (block.type == BlockType::Caption)
            paragraph = caption_paragraph(block);
        else if (has_text(block.text))
            paragraph = block.type == BlockType::ListItem ? "- " + *block.text : *block.text;
        if (!paragraph.empty()) paragraphs.push_back(std::move(paragraph));
    }

    std::string out;
    for (const auto& paragraph : paragraphs) {
        if (!out.empty()) out += "\n\n";
        out += paragraph;
    }
    out += '\n';
    return out;
}

}  // namespace pressparse
