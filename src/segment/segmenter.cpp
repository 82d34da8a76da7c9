#include <algorithm>
#include <unordered_map>

#include "page_script.hpp"
#include "pressparse/dates.hpp"
#include "pressparse/fingerprint.hpp"
#include "pressparse/language.hpp"
#include "pressparse/segment.hpp"
#include "pressparse/unicode.hpp"
#include "rules.hpp"
#include "text/byline.hpp"

namespace pressparse {

namespace {

// Longest headline we believe; anything longer is a paragraph.
constexpr int kMaxHeadlineTokens = 40;
// A subheading is short.
constexpr int kMaxSubheadingTokens = 12;
// A caption that is only a short image title ("мост через даугаву").
constexpr int kMaxImageTitleTokens = 8;
// How many blocks after the headline may hold the byline, category and top-photo credit.
constexpr std::size_t kMetaZone = 4;
// Source names are short; a longer prefix means the date ends an ordinary sentence.
constexpr int kMaxSourceTokens = 6;

using Roles = std::vector<BlockRole>;

void mark(Roles* roles, std::size_t j, BlockRole role) {
    if (roles) (*roles)[j] = role;
}

struct Cursor {
    const Blocks& blocks;
    std::size_t i = 0;
    bool done() const { return i >= blocks.size(); }
    const Block& cur() const { return blocks[i]; }
};

bool is_byline(const Block& block, dates::DateInLine* out) {
    if (unicode::count_tokens(block.text, kMaxSourceTokens + 6) > kMaxSourceTokens + 6)
        return false;
    auto found = dates::find_trailing_date(block.text);
    if (!found) return false;
    if (unicode::count_tokens(found->prefix, kMaxSourceTokens) > kMaxSourceTokens) return false;
    if (rules::ends_sentence(found->prefix)) return false;
    if (out) *out = std::move(*found);
    return true;
}

// The name on a byline line or in an author element (text/byline.hpp), "© LETA" read as "LETA";
// empty when it names no one.
std::string clean_source(std::string_view prefix) {
    std::string_view s = unicode::trim(prefix);
    if (s.rfind("\xC2\xA9", 0) == 0) s = unicode::trim(s.substr(2));
    return byline::clean(s).value_or(std::string());
}

bool looks_like_category(const Block& block) {
    if (rules::is_known_category(block.text)) return true;
    return unicode::count_tokens(block.text, 3) <= 3 && !rules::ends_sentence(block.text) &&
           unicode::first_letter_case(block.text) == unicode::LetterCase::Upper &&
           !rules::is_credit_line(block.text);
}

// What the whole page is like, for rules that depend on it.
struct PageContext {
    bool cyrillic = false;  // most letters are Cyrillic
    bool markup = false;    // blocks come from HTML, whose markup states headings and captions
    // Text pages: what furniture each block is (rules::classify_chrome), looked at once.
    std::vector<rules::Chrome> chrome;
};

PageContext page_context(const Blocks& blocks, bool markup) {
    PageContext page{segment_rules::mostly_cyrillic(blocks), markup, {}};
    // Furniture of a page saved as text: consent notices, share and advertising lines, the
    // footer, a picture's placeholder. (In HTML the reader has left such elements out by their
    // markup.)
    if (!markup) {
        page.chrome.reserve(blocks.size());
        for (const auto& b : blocks)
            page.chrome.push_back(rules::classify_chrome(b.text));
    }
    return page;
}

// A block the body leaves out.
bool is_dropped(const Blocks& blocks, std::size_t j, const PageContext& page) {
    const Block& b = blocks[j];
    if (b.hint == BlockHint::Boilerplate || b.hint == BlockHint::Meta) return true;
    if (page.markup) return false;
    if (page.chrome[j] != rules::Chrome::None) return true;
    // A consent notice's button label, printed on its own line after it.
    return j > 0 && page.chrome[j - 1] == rules::Chrome::Consent && rules::is_button_label(b.text);
}

// A line written in Latin script inside a Cyrillic page: the site prints the Latvian photo
// descriptions of its agencies as they come.
bool is_foreign_description(std::string_view text, const PageContext& page) {
    if (!page.cyrillic) return false;
    // Latvian letters with diacritics (U+0100–U+017F) all begin with byte C4 or C5: most lines
    // need no counting.
    if (text.find('\xC4') == std::string_view::npos && text.find('\xC5') == std::string_view::npos)
        return false;
    const auto counts = unicode::count_scripts(text);
    return counts.latin >= 8 && counts.latin > 3 * counts.cyrillic && counts.latvian_diacritics > 0;
}

bool is_image_title(std::string_view text) {
    return unicode::first_letter_case(text) == unicode::LetterCase::Lower &&
           unicode::count_tokens(text, kMaxImageTitleTokens) <= kMaxImageTitleTokens &&
           !rules::ends_sentence(text);
}

bool is_dialogue(std::string_view text) {
    return text.rfind("\xE2\x80\x94", 0) == 0 || text.rfind("\xE2\x80\x93", 0) == 0 ||
           text.rfind("- ", 0) == 0;
}

bool could_be_subheading(const Block& block) {
    const std::string_view text = block.text;
    return unicode::count_tokens(text, kMaxSubheadingTokens) <= kMaxSubheadingTokens &&
           !rules::ends_with_clause_punctuation(text) &&
           unicode::first_letter_case(text) == unicode::LetterCase::Upper && !is_dialogue(text) &&
           text.front() != '"' && text.rfind("\xC2\xAB", 0) != 0;  // opening quotes: a quoted line
}

// A list item shaped like an article's title: capitalised, four words or more, no closing
// punctuation.
bool is_title_item(const Block& block) {
    return block.hint == BlockHint::ListItem &&
           unicode::first_letter_case(block.text) == unicode::LetterCase::Upper &&
           unicode::count_tokens(block.text, 4) >= 4 &&
           unicode::count_tokens(block.text, kMaxHeadlineTokens) <= kMaxHeadlineTokens &&
           !rules::ends_sentence(block.text);
}

// In a page saved as text, where a list of titles ends the page (nothing after it but
// furniture) with no heading over it: the first of those titles, or blocks.size().
std::size_t find_trailing_titles(const Blocks& blocks, std::size_t from, const PageContext& page) {
    std::size_t start = blocks.size();
    int titles = 0;
    for (std::size_t j = blocks.size(); j-- > from;) {
        if (is_dropped(blocks, j, page)) continue;
        if (!is_title_item(blocks[j])) break;
        start = j;
        ++titles;
    }
    return titles >= 2 ? start : blocks.size();
}

// The first block of the teaser region, or blocks.size().
std::size_t find_teaser_start(const Blocks& blocks, std::size_t from, const PageContext& page) {
    const std::size_t trailing_titles =
        page.markup ? blocks.size() : find_trailing_titles(blocks, from, page);
    for (std::size_t j = from; j < blocks.size(); ++j) {
        if (j == trailing_titles) return j;
        const Block& b = blocks[j];
        if (b.hint == BlockHint::Teaser || b.hint == BlockHint::TeaserLead) return j;
        // A text page's teaser headings and dated teaser lines; markup says where its teasers
        // are (a date alone on a line in an HTML article is a dateline, not a teaser).
        if (!page.markup &&
            (rules::is_teaser_heading(b.text) || rules::is_numeric_date_line(b.text)))
            return j;
        if (rules::is_comment_widget(b.text)) return j;
        if (j + 1 < blocks.size() && !blocks[j + 1].gap_before && blocks[j + 1].text == b.text)
            return j;
    }
    return blocks.size();
}

// A caption block; `from` is the block it was read from (its figure's image, if any).
BodyBlock caption(std::optional<std::string> text, std::optional<std::string> credit,
                  const Block& from) {
    BodyBlock block;
    block.type = BlockType::Caption;
    block.text = std::move(text);
    block.credit = std::move(credit);
    if (!from.image.empty()) block.image = from.image;
    return block;
}

BodyBlock plain(BlockType type, std::string text) {
    BodyBlock block;
    block.type = type;
    block.text = std::move(text);
    return block;
}

// Roles of body blocks, decided one by one with a look at the next block.
std::vector<BodyBlock> classify_body(const Blocks& blocks, std::size_t begin, std::size_t end,
                                     const PageContext& page, Roles* roles) {
    std::vector<BodyBlock> body;
    for (std::size_t j = begin; j < end; ++j) {
        const Block& b = blocks[j];
        if (is_dropped(blocks, j, page)) {
            mark(roles, j,
                 b.hint == BlockHint::Boilerplate ? BlockRole::Navigation
                 : b.hint == BlockHint::Meta      ? BlockRole::Author
                                                  : BlockRole::Furniture);
            continue;
        }
        mark(roles, j, BlockRole::Body);
        // A picture's description printed twice, the second time with its credit (a text
        // browser shows the image's alt text, then its caption): once, with the credit.
        if (!page.markup && j + 1 < end) {
            if (auto next = rules::split_trailing_credit(blocks[j + 1].text);
                next && next->description == b.text) {
                mark(roles, j, BlockRole::Duplicate);
                continue;
            }
        }
        if (b.hint == BlockHint::ListItem) {
            body.push_back(plain(BlockType::ListItem, b.text));
            continue;
        }
        if (b.hint == BlockHint::Quote) {
            body.push_back(plain(BlockType::Quote, b.text));
            continue;
        }
        if (b.hint == BlockHint::Caption && !b.credit.empty()) {
            body.push_back(caption(b.text, b.credit, b));
            continue;
        }
        if (b.hint == BlockHint::Credit || rules::is_credit_line(b.text)) {
            body.push_back(caption(std::nullopt, b.text, b));
            continue;
        }
        if (auto split = rules::split_trailing_credit(b.text);
            split &&
            (b.hint == BlockHint::Caption || unicode::count_tokens(split->description, 60) <= 60)) {
            if (!page.markup) {
                // A description printed twice in one run of text (an image's alt text, then its
                // caption, on one line): once.
                const std::size_t once = rules::printed_twice(split->description, false).size();
                if (once > 0) split->description.resize(once);
            }
            body.push_back(caption(split->description.empty()
                                       ? std::nullopt
                                       : std::optional<std::string>(split->description),
                                   split->credit, b));
            continue;
        }
        if (b.hint == BlockHint::Caption || is_foreign_description(b.text, page) ||
            (!page.markup && is_image_title(b.text))) {
            body.push_back(caption(b.text, std::nullopt, b));
            continue;
        }
        if (b.hint == BlockHint::Heading) {
            body.push_back(plain(BlockType::Subheading, b.text));
            continue;
        }
        // A subheading introduces text: it needs a longer block after it (furniture between
        // them aside).
        std::size_t next = j + 1;
        while (next < end && is_dropped(blocks, next, page))
            ++next;
        const bool next_is_text = next < end && blocks[next].text.size() > b.text.size();
        if (!page.markup && next_is_text && could_be_subheading(b)) {
            body.push_back(plain(BlockType::Subheading, b.text));
            continue;
        }
        body.push_back(plain(BlockType::Paragraph, b.text));
    }
    return body;
}

// Teasers alternate title, lead. A lead reads as a sentence or runs well past its title.
bool lead_like(const Block& block, std::string_view title) {
    return rules::ends_sentence(block.text) || block.text.size() > title.size() * 3 / 2;
}

// Teaser titles (each once, in page order) with their leads.
std::vector<Related> collect_related(const Blocks& blocks, std::size_t begin,
                                     const PageContext& page, Roles* roles) {
    for (std::size_t j = begin; j < blocks.size(); ++j)
        mark(roles, j, BlockRole::Related);
    std::vector<Related> related;
    std::unordered_map<std::string, std::size_t> index;
    constexpr auto kNone = static_cast<std::size_t>(-1);
    std::size_t awaiting_lead = kNone;  // the title whose lead may follow
    auto add_title = [&](const Block& block) {
        auto [it, inserted] = index.emplace(block.text, related.size());
        if (inserted) related.push_back(Related{block.text, std::nullopt, std::nullopt});
        auto& url = related[it->second].url;
        if (!url && !block.url.empty()) url = block.url;
        return it->second;
    };
    for (std::size_t j = begin; j < blocks.size(); ++j) {
        const Block& b = blocks[j];
        if (b.hint == BlockHint::Boilerplate || rules::is_comment_widget(b.text) ||
            rules::is_numeric_date_line(b.text) || rules::is_navigation_line(b.text) ||
            (!page.markup && (rules::is_teaser_heading(b.text) || is_dropped(blocks, j, page)))) {
            awaiting_lead = kNone;
            continue;
        }
        // A title printed twice in a row: a list of titles without leads.
        if (j + 1 < blocks.size() && !blocks[j + 1].gap_before && blocks[j + 1].text == b.text) {
            add_title(b);
            while (j + 1 < blocks.size() && blocks[j + 1].text == b.text)
                ++j;
            awaiting_lead = kNone;
            continue;
        }
        if (b.hint == BlockHint::TeaserLead) {
            if (awaiting_lead != kNone && !related[awaiting_lead].lead)
                related[awaiting_lead].lead = b.text;
            awaiting_lead = kNone;
            continue;
        }
        if (b.hint == BlockHint::Teaser) {
            awaiting_lead = add_title(b);
            continue;
        }
        if (awaiting_lead != kNone && lead_like(b, related[awaiting_lead].title)) {
            auto& lead = related[awaiting_lead].lead;
            if (!lead) lead = b.text;
            awaiting_lead = kNone;
            continue;
        }
        const std::size_t at = add_title(b);
        awaiting_lead = at;
    }
    return related;
}

}  // namespace

void segment(const Blocks& blocks_in, Article& article, std::vector<BlockRole>* roles) {
    if (roles) roles->assign(blocks_in.size(), BlockRole::Unassigned);
    // The header line of a fragment carries body text; work on a copy only in that case.
    const Blocks* blocks_ptr = &blocks_in;
    Blocks patched;
    std::size_t i = 0;
    bool fragment = false;
    std::optional<rules::HeaderLine> header;
    const bool markup = article.input.format == InputFormat::Html;
    PageContext page = page_context(blocks_in, markup);

    // 1. Header and navigation lines above the headline; in a page saved as text also the
    // furniture over it (a consent notice, the site menu as a list of short items).
    while (i < blocks_ptr->size()) {
        const Block& b = (*blocks_ptr)[i];
        if (!header) {
            if (auto h = rules::match_header_line(b.text)) {
                header = std::move(h);
                if (!header->rest.empty() && !rules::is_site_title(header->rest)) {
                    // A fragment saved from mid-article: the rest of the line is body text.
                    patched = blocks_in;
                    patched[i].text = header->rest;
                    if (!markup) page.chrome[i] = rules::classify_chrome(patched[i].text);
                    blocks_ptr = &patched;
                    fragment = true;
                    break;
                }
                mark(roles, i, BlockRole::Header);
                ++i;
                continue;
            }
        }
        if (b.hint == BlockHint::Boilerplate || rules::is_navigation_line(b.text) ||
            (!markup && is_dropped(*blocks_ptr, i, page)) ||
            (!markup && b.hint == BlockHint::ListItem && unicode::count_tokens(b.text, 4) <= 4)) {
            mark(roles, i,
                 is_dropped(*blocks_ptr, i, page) && b.hint != BlockHint::Boilerplate
                     ? BlockRole::Furniture
                     : BlockRole::Navigation);
            ++i;
            continue;
        }
        break;
    }
    const Blocks& blocks = *blocks_ptr;

    // 2. Headline. In markup the headline is stated (metadata, <h1>); a text page prints it first.
    std::optional<int> headline_count;
    if (markup) {
        if (i < blocks.size() && blocks[i].hint == BlockHint::Heading && blocks[i].level == 1) {
            auto split = rules::split_headline_counter(blocks[i].text);
            if (!article.headline) article.headline = split.text;
            headline_count = split.count;
            mark(roles, i, BlockRole::Headline);
            ++i;
        }
    } else if (!fragment && i < blocks.size()) {
        const Block& b = blocks[i];
        const bool next_is_meta =
            i + 1 < blocks.size() &&
            (is_byline(blocks[i + 1], nullptr) ||
             rules::match_category_with_count(blocks[i + 1].text).has_value());
        const bool shaped_like_headline =
            unicode::count_tokens(b.text, kMaxHeadlineTokens) <= kMaxHeadlineTokens &&
            (!rules::ends_with_clause_punctuation(b.text) || next_is_meta) &&
            b.hint != BlockHint::ListItem && !rules::is_credit_line(b.text);
        const bool marked = b.hint == BlockHint::Heading && b.level == 1;
        if (marked || (shaped_like_headline && !is_byline(b, nullptr))) {
            auto split = rules::split_headline_counter(b.text);
            if (!article.headline) article.headline = split.text;
            headline_count = split.count;
            mark(roles, i, BlockRole::Headline);
            ++i;
        }
    }

    // 3. Byline, category line, in any order, right under the headline.
    bool have_byline = false;
    std::optional<int> category_count;
    std::size_t zone = 0;  // blocks looked at, lines the markup put before the body aside
    while (i < blocks.size() && (zone < kMetaZone || blocks[i].hint == BlockHint::Preamble)) {
        const Block& b = blocks[i];
        if (!markup && is_dropped(blocks, i, page)) {
            mark(roles, i, BlockRole::Furniture);
            ++i;
            continue;
        }
        if (b.hint != BlockHint::Preamble) ++zone;
        dates::DateInLine found;
        if (!have_byline && is_byline(b, &found)) {
            have_byline = true;
            // Metadata the caller found (HTML) outranks the visible line.
            std::string source = clean_source(found.prefix);
            if (!source.empty() && !article.source) article.source = std::move(source);
            if (!article.date_text) {
                article.date_text = found.date_text;
                article.date_source = DateSource::Byline;
                std::string warning;
                if (found.valid) article.date = dates::to_iso_riga(found.value, &warning);
                if (!warning.empty()) article.warnings.push_back(std::move(warning));
            }
            mark(roles, i, BlockRole::Byline);
            ++i;
            continue;
        }
        if (!category_count) {
            if (auto cat = rules::match_category_with_count(b.text)) {
                if (!cat->category.empty()) article.category = cat->category;
                category_count = cat->comments;
                mark(roles, i, BlockRole::Category);
                ++i;
                continue;
            }
        }
        if (b.hint == BlockHint::Meta) {
            // An author element the reader found: a name, when it is not a source/date line.
            if (!article.source) {
                if (std::string name = clean_source(b.text); !name.empty())
                    article.source = std::move(name);
            }
            mark(roles, i, BlockRole::Author);
            ++i;
            continue;
        }
        if (!article.category && !category_count &&
            (have_byline || rules::is_known_category(b.text)) && looks_like_category(b) &&
            i + 1 < blocks.size()) {
            article.category = b.text;
            mark(roles, i, BlockRole::Category);
            ++i;
            continue;
        }
        if (b.hint == BlockHint::Preamble) {
            // A top-photo credit under the headline is still the photo's; other lines are
            // furniture.
            if (rules::is_credit_line(b.text)) break;
            mark(roles, i, BlockRole::Preamble);
            ++i;
            continue;
        }
        break;
    }

    // 4. Body up to the teaser region; 5. teasers.
    const std::size_t teaser_start = find_teaser_start(blocks, i, page);
    article.body = classify_body(blocks, i, teaser_start, page, roles);
    article.related = collect_related(blocks, teaser_start, page, roles);

    // Comment count: the category line's, else the headline counter, else the widget's.
    std::optional<int> widget_count;
    for (std::size_t j = teaser_start; j < blocks.size() && !widget_count; ++j) {
        rules::is_comment_widget(blocks[j].text, &widget_count);
    }
    if (category_count) {
        article.comments = category_count;
    } else if (headline_count) {
        article.comments = headline_count;
    } else if (widget_count && !article.comments) {
        article.comments = widget_count;
    }

    // Header date when the byline had none.
    if (!article.date_text && header) {
        article.date_text = header->date;
        article.date = header->date;
        article.date_source = DateSource::Header;
    }

    if (!article.headline) article.warnings.emplace_back("no headline found");
}

void finish_article(Article& article) {
    Stats stats;
    // The body's text is read once for the statistics, the fingerprint and the language guess
    // (unicode::scan_text): blocks joined by line breaks, which end words and are none.
    // The language guess reads only the text's sample (language_sample: its first 4 KB), so
    // only as much of the joined text is made as the sample can take.
    std::vector<std::string_view> texts;
    texts.reserve(article.body.size());
    std::string all_text;
    constexpr std::size_t kJoined = 4096;
    all_text.reserve(kJoined + 1);
    for (const auto& block : article.body) {
        if (block.type == BlockType::Caption || !block.text) continue;
        if (block.type == BlockType::Paragraph) ++stats.paragraphs;
        texts.emplace_back(*block.text);
        if (all_text.size() < kJoined) {
            all_text.append(*block.text, 0, kJoined - all_text.size());
            all_text += '\n';
        }
    }
    fingerprint::SimHash simhash;
    const unicode::TextFacts facts =
        unicode::scan_text(texts, language_sample(all_text).size(), &simhash);
    stats.characters = facts.characters;
    stats.words = facts.words;
    if (const auto fp = simhash.value()) article.fingerprint = fingerprint::to_hex(*fp);
    constexpr int kWordsPerMinute = 180;
    stats.reading_minutes = (stats.words + kWordsPerMinute - 1) / kWordsPerMinute;
    article.stats = stats;

    if (!article.language) {
        article.language = all_text.empty() && article.headline
                               ? guess_language(*article.headline)
                               : guess_language(all_text, facts.sample_scripts);
    }

    if (!article.date_text) {
        article.warnings.emplace_back("no publication date found");
    } else if (!article.date) {
        article.warnings.push_back("date unparseable: " + *article.date_text);
    }
    if (stats.words == 0) article.warnings.emplace_back("no body text found");
}

namespace segment_rules {

namespace {

// The blocks the count reads: up to the one that takes it past 64 KB.
constexpr std::size_t kScriptSample = std::size_t{64} * 1024;

}  // namespace

bool mostly_cyrillic_reference(const Blocks& blocks) {
    unicode::ScriptCounts total;
    std::size_t sampled = 0;
    for (const auto& b : blocks) {
        const auto c = unicode::count_scripts(b.text);
        total.cyrillic += c.cyrillic;
        total.latin += c.latin;
        sampled += b.text.size();
        if (sampled > kScriptSample) break;
    }
    return total.cyrillic > total.latin;
}

bool mostly_cyrillic(const Blocks& blocks) {
    std::size_t left = 0;  // bytes of the sample not yet counted
    std::size_t end = 0;
    while (end < blocks.size() && left <= kScriptSample)
        left += blocks[end++].text.size();
    // Cyrillic letters less Latin ones so far; the rest of the sample can add at most `left`
    // Latin letters (a byte each) and `left / 2` Cyrillic ones (two bytes or more each).
    long long lead = 0;
    for (std::size_t j = 0; j < end; ++j) {
        const auto c = unicode::count_scripts(blocks[j].text);
        lead += c.cyrillic - c.latin;
        left -= blocks[j].text.size();
        const auto rest = static_cast<long long>(left);
        if (lead > rest) return true;
        if (lead + rest / 2 <= 0) return false;
    }
    return lead > 0;
}

}  // namespace segment_rules

}  // namespace pressparse
