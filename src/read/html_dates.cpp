#include "html_dates.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "html_hints.hpp"
#include "pressparse/dates.hpp"
#include "pressparse/unicode.hpp"

namespace pressparse::html {

namespace {

using namespace std::string_view_literals;

// How many date elements are read at most, how long their text may be, how far up an element's
// ancestors are looked at, and how much text under the headline is searched.
constexpr std::size_t kMaxDateElements = 64;
constexpr std::size_t kMaxDateElementBytes = 300;
constexpr std::size_t kMaxAncestors = 24;
constexpr std::size_t kNearHeadlineBytes = 600;
// At most this many attributes of one element are looked at for a date.
constexpr unsigned kMaxAttributesRead = 32;
constexpr std::size_t kMaxTitleDateBytes = 40;
// How many lines of text just before a headline are read back for a date line.
constexpr std::size_t kLinesBeforeHeadline = 2;
// How many nodes inside a headline's heading are looked at for a date printed in it.
constexpr std::size_t kMaxHeadlineNodes = 256;
// A line under the headline is a date line when it holds at most this many words besides the
// date ("Posted on … by Anna Beispiel"); a sentence that names a day holds more.
constexpr std::size_t kDateLineMaxWords = 6;
// A label before a date ("Zuletzt aktualisiert am") is at most this long; how many short lines
// are read for a labelled date at most.
constexpr std::size_t kMaxLabelBytes = 40;
constexpr std::size_t kMaxLabelledLines = 4096;

using extract::lower_ascii;  // html_hints' one

bool contains_any(std::string_view s, std::initializer_list<std::string_view> parts) {
    return extract::contains_any(s, parts);  // html_hints' one pass
}

// class, id and itemprop of an element, lower-cased, space-separated.
std::string names_of(const Document& doc, NodeId id) {
    std::string out = lower_ascii(doc.attr(id, "class"));
    out += ' ';
    out += lower_ascii(doc.attr(id, "id"));
    out += ' ';
    out += lower_ascii(doc.attr(id, "itemprop"));
    return out;
}

// Names that mark an element as holding a date (or the byline that carries one).
constexpr std::array kDateNames{"date"sv,  "time"sv,  "publish"sv,  "posted"sv,  "byline"sv,
                                "datum"sv, "fecha"sv, "dateline"sv, "pubdate"sv, "submitted"sv};
constexpr std::array kElsewhereNames{"modif"sv,     "updat"sv,   "comment"sv,   "related"sv,
                                     "teaser"sv,    "sidebar"sv, "copyright"sv, "reply"sv,
                                     "recommend"sv, "popular"sv, "trending"sv};

bool names_a_date(std::string_view names) {
    if (extract::contains_any_of<kDateNames>(names)) return true;
    // Whole parts only: "post-meta", "article-info", but not "metaphor" or "database".
    std::size_t i = 0;
    while (i < names.size()) {
        while (i < names.size() && !(names[i] >= 'a' && names[i] <= 'z'))
            ++i;
        const std::size_t start = i;
        while (i < names.size() && names[i] >= 'a' && names[i] <= 'z')
            ++i;
        const std::string_view part = names.substr(start, i - start);
        if (part == "meta" || part == "info" || part == "data" || part == "author") return true;
        // "postmetadata", "article-metadata": a post's metadata line.
        if (part.ends_with("metadata")) return true;
    }
    return false;
}

// Names of what is no publication date: a modification, a comment, a teaser, site furniture.
// An entry's own footer ("entry-footer", "post-footer", "asset-footer": the line under an
// article with its author, day and category) is the article's, not the page's.
bool names_elsewhere(std::string_view names) {
    if (extract::contains_any_of<kElsewhereNames>(names)) return true;
    for (std::size_t at = names.find("footer"); at != std::string_view::npos;
         at = names.find("footer", at + 1)) {
        std::size_t start = at;
        while (start > 0 && names[start - 1] != ' ')
            --start;
        std::string_view owner = names.substr(start, at - start);
        while (!owner.empty() && (owner.back() == '-' || owner.back() == '_'))
            owner.remove_suffix(1);
        if (owner != "entry"sv && owner != "post"sv && owner != "article"sv && owner != "asset"sv &&
            owner != "story"sv)
            return true;
    }
    return false;
}

// The page's and the article's own containers name whole-page states ("no-sidebar",
// "comments-open"), not regions: their names are not read.
bool container(GumboTag tag) {
    return tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_MAIN ||
           tag == GUMBO_TAG_ARTICLE;
}

// What the date readers need to know of the page's layout, computed in one pass.
struct PageShape {
    // Bytes of text under each node (code and templates hold none), and the last node of each
    // node's subtree (children have larger ids than their parent).
    std::vector<std::size_t> bytes;
    std::vector<NodeId> last;
    NodeId body = kNoNode;
    NodeId headline = kNoNode;  // the element holding the article's headline, if found
    NodeId first_h1 = kNoNode;

    bool contains(NodeId outer, NodeId inner) const {
        return inner != kNoNode && inner >= outer && inner <= last[outer];
    }

    // An element's names_of, built on first use and kept: the readers walk the page more than
    // once (and climb the same ancestors again) and ask for the same elements' names.
    const std::string& names(const Document& doc, NodeId id) const {
        if (names_read.empty()) {
            names_read.assign(last.size(), 0);
            names_of_node.resize(last.size());
        }
        if (!names_read[id]) {
            names_of_node[id] = names_of(doc, id);
            names_read[id] = 1;
        }
        return names_of_node[id];
    }
    mutable std::vector<std::string> names_of_node;
    mutable std::vector<std::uint8_t> names_read;
    // region_elsewhere per element, on first use: 0 not asked yet, 1 no, 2 yes.
    mutable std::vector<std::uint8_t> elsewhere;
};

// A region whose name says it is elsewhere (a sidebar, a teaser, a footer) is the page's layout
// instead when it holds the headline or most of the page's text ("wrapper has-sidebar",
// "teaser-body" around the whole article).
bool region_elsewhere_read(const Document& doc, const PageShape& shape, NodeId id) {
    if (container(doc.node(id).tag) || !names_elsewhere(shape.names(doc, id))) return false;
    if (shape.contains(id, shape.headline)) return false;
    return shape.body == kNoNode || shape.bytes[id] * 2 <= shape.bytes[shape.body];
}

// The same, read once per element and page.
bool region_elsewhere(const Document& doc, const PageShape& shape, NodeId id) {
    if (shape.elsewhere.empty()) shape.elsewhere.assign(shape.last.size(), 0);
    if (shape.elsewhere[id] == 0)
        shape.elsewhere[id] = region_elsewhere_read(doc, shape, id) ? 2 : 1;
    return shape.elsewhere[id] == 2;
}

bool in_other_region(const Document& doc, const PageShape& shape, NodeId id) {
    std::size_t n = 0;
    for (NodeId p = doc.node(id).parent; p != kNoNode && n < kMaxAncestors;
         p = doc.node(p).parent, ++n) {
        const Node& node = doc.node(p);
        if (node.kind != Node::Kind::Element) continue;
        if (node.tag == GUMBO_TAG_FOOTER || node.tag == GUMBO_TAG_ASIDE ||
            node.tag == GUMBO_TAG_NAV)
            return true;
        if (region_elsewhere(doc, shape, p)) return true;
    }
    return false;
}

// The words before a printed date speak of an update or a copyright.
bool not_a_publication(std::string_view text) {
    const std::string lower = unicode::to_lower(text);
    return contains_any(lower, {"©"sv, "copyright"sv, "updat"sv, "aktualisiert"sv, "modifi"sv,
                                "actualiz"sv, "aggiorn"sv, "bijgewerkt"sv, "mis à jour"sv,
                                "geändert"sv, "zuletzt"sv, "обновлено"sv, "atjaunots"sv});
}

struct Day {
    int year = 0, month = 0, day = 0;
};

std::optional<Day> day_of_iso(std::string_view iso) {
    Day d;
    if (iso.size() < 10 || std::sscanf(std::string(iso.substr(0, 10)).c_str(), "%4d-%2d-%2d",
                                       &d.year, &d.month, &d.day) != 3)
        return std::nullopt;
    return d;
}

std::string iso_day(const dates::LocalDateTime& v) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", v.year, v.month, v.day);
    return buf;
}

// Publication dates before the web's news pages are misread numbers more often than dates.
bool plausible_year(int year) {
    return year >= 1995 && year <= 2100;
}

struct Printed {
    std::string text;  // as printed
    std::string day;   // YYYY-MM-DD
    // The date is most of its line ("Posted on 2019-01-01 by Anna"), not a day a sentence
    // names ("On Sunday, 5 November 2023, the police …").
    bool date_line = false;
    // A date element before the headline (the page's first lines: a masthead's "today" as often
    // as the article's day).
    bool before_headline = false;
    // A time printed right after the date ("13 Jan 2020, 22:11"), in minutes into the day.
    std::optional<int> minutes = std::nullopt;
};

// A time printed right after `date_text` in `text`: "14:30", ", 14:30", "- 13:30", "at 11:30
// p.m.", "um 14:30"; in minutes into the day.
std::optional<int> time_after(std::string_view text, std::string_view date_text) {
    const std::size_t at = text.find(date_text);
    if (at == std::string_view::npos) return std::nullopt;
    std::string_view rest = text.substr(at + date_text.size());
    auto skip = [&](std::string_view chars) {
        while (!rest.empty() && chars.find(rest.front()) != std::string_view::npos)
            rest.remove_prefix(1);
    };
    skip(" ,-|@");
    // One short word before the time ("at", "um", "à").
    if (const std::size_t end = rest.find(' ');
        end != std::string_view::npos && end > 0 && end <= 3 &&
        rest.substr(0, end).find_first_of("0123456789") == std::string_view::npos) {
        rest.remove_prefix(end);
        skip(" ");
    }
    auto digits = [&](int& out) {
        std::size_t n = 0;
        out = 0;
        while (n < rest.size() && n < 2 && rest[n] >= '0' && rest[n] <= '9')
            out = out * 10 + (rest[n++] - '0');
        rest.remove_prefix(n);
        return n > 0;
    };
    int hour = 0, minute = 0;
    if (!digits(hour) || rest.empty() || rest.front() != ':') return std::nullopt;
    rest.remove_prefix(1);
    if (rest.size() < 2 || !digits(minute) || hour > 23 || minute > 59) return std::nullopt;
    skip(" ");
    const std::string marker = lower_ascii(rest.substr(0, 4));
    if ((marker.starts_with("pm") || marker.starts_with("p.m")) && hour < 12) hour += 12;
    if ((marker.starts_with("am") || marker.starts_with("a.m")) && hour == 12) hour = 0;
    return hour * 60 + minute;
}

// The page's layout around `title_heading`, or around the page's first <h1> when no heading
// states the title (a site's logo or a hidden heading often comes first).
PageShape shape_of(const Document& doc, NodeId title_heading) {
    PageShape shape;
    const auto& nodes = doc.nodes();
    shape.bytes.assign(nodes.size(), 0);
    shape.last.resize(nodes.size());
    for (auto id = static_cast<NodeId>(nodes.size()); id-- > 0;) {
        if (shape.last[id] < id) shape.last[id] = id;
        if (nodes[id].kind == Node::Kind::Text &&
            !(nodes[id].parent != kNoNode && holds_no_text(nodes[nodes[id].parent].tag)))
            shape.bytes[id] += nodes[id].text.size();
        if (const NodeId p = nodes[id].parent; p != kNoNode) {
            shape.bytes[p] += shape.bytes[id];
            if (shape.last[p] < shape.last[id]) shape.last[p] = shape.last[id];
        }
    }
    shape.body = doc.body() != kNoNode ? doc.body() : doc.root();
    for (NodeId id = 0; id < nodes.size() && shape.first_h1 == kNoNode; ++id) {
        if (nodes[id].kind == Node::Kind::Element && nodes[id].tag == GUMBO_TAG_H1)
            shape.first_h1 = id;
    }
    shape.headline = title_heading != kNoNode ? title_heading : shape.first_h1;
    return shape;
}

// The text of an element with a space between its elements' texts: a date set in parts
// ("<span>Apr</span><span>04</span><span>2013</span>") reads as "Apr 04 2013".
std::string spaced_text(const Document& doc, NodeId id) {
    std::string raw;
    for (NodeId at = id; at != kNoNode && raw.size() <= kMaxDateElementBytes * 2;) {
        const Node& n = doc.node(at);
        if (n.kind == Node::Kind::Text) {
            raw.append(n.text);
        } else if (holds_no_text(n.tag)) {
            at = doc.next(at, id, true);
            continue;
        } else {
            raw += ' ';
        }
        at = doc.next(at, id);
    }
    return unicode::fold_whitespace(raw);
}

// Whether the text spaced_text reads below `id` holds an ASCII digit (0-9).
bool holds_ascii_digit(const Document& doc, NodeId id) {
    for (NodeId at = id; at != kNoNode;) {
        const Node& n = doc.node(at);
        if (n.kind == Node::Kind::Text) {
            if (std::any_of(n.text.begin(), n.text.end(),
                            [](char c) { return c >= '0' && c <= '9'; }))
                return true;
        } else if (holds_no_text(n.tag)) {
            at = doc.next(at, id, true);
            continue;
        }
        at = doc.next(at, id);
    }
    return false;
}

// A zone-less day in one of an element's attributes that hold dates: the usual ones, then any
// data-* attribute that names a date or time ("data-date-time", "data-published-at"). A stamp
// with an offset is an instant, not the day printed: it is passed over.
std::optional<Printed> printed_in_attributes(const Document& doc, NodeId id,
                                             std::string_view language) {
    // Whether the value is a stamp at all, and the day when it is a zone-less one.
    auto read = [&](std::string_view v, std::optional<Printed>& out, std::size_t max_bytes = 64) {
        if (v.empty() || v.size() > max_bytes) return false;
        const auto iso = dates::normalize_timestamp(v, false, nullptr, language);
        if (!iso) return false;
        if (auto d = day_of_iso(*iso); d && plausible_year(d->year) && iso->size() == 10)
            out = Printed{std::string(v), *iso};
        return true;
    };
    std::optional<Printed> found;
    for (const char* attr : {"datetime", "content", "title", "data-date", "data-time",
                             "data-published", "data-timestamp"}) {
        // A title is a date ("Freitag, 6. Oktober 2017 um 04:00"), not a sentence naming one.
        if (read(doc.attr(id, attr), found, attr == "title"sv ? kMaxTitleDateBytes : 64))
            return found;
    }
    const GumboElement* element = doc.node(id).element;
    if (element == nullptr) return std::nullopt;
    for (unsigned i = 0; i < element->attributes.length && i < kMaxAttributesRead; ++i) {
        const auto* a = static_cast<const GumboAttribute*>(element->attributes.data[i]);
        const std::string name = lower_ascii(a->name);
        if (!name.starts_with("data-") || names_elsewhere(name) ||
            !contains_any(name, {"date"sv, "time"sv, "publish"sv}))
            continue;
        if (read(a->value, found)) return found;
    }
    return std::nullopt;
}

// A date element whose whole text is a day with a two-digit year, "10.12.19" (day, month, year
// 2000-2099), a time after it at most. In running text such a group is too often something else.
std::optional<Printed> short_year_day(std::string_view text) {
    text = unicode::trim(text);
    std::size_t i = 0;
    auto number = [&](std::size_t min_digits, std::size_t max_digits, int& out) {
        const std::size_t start = i;
        out = 0;
        while (i < text.size() && i - start < max_digits && text[i] >= '0' && text[i] <= '9')
            out = out * 10 + (text[i++] - '0');
        return i - start >= min_digits;
    };
    int day = 0, month = 0, year = 0;
    if (!number(1, 2, day) || i >= text.size() || text[i++] != '.' || !number(1, 2, month) ||
        i >= text.size() || text[i++] != '.' || !number(2, 2, year))
        return std::nullopt;
    if (i < text.size() && text[i] != ' ') return std::nullopt;
    const std::string iso = iso_day(dates::LocalDateTime{2000 + year, month, day, {}, {}});
    if (!dates::normalize_timestamp(iso, false)) return std::nullopt;
    return Printed{std::string(text.substr(0, i)), iso};
}

// How many words (runs holding a letter) a text holds.
std::size_t words_in(std::string_view text) {
    std::size_t words = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && (text[i] == ' ' || text[i] == ','))
            ++i;
        bool letter = false;
        while (i < text.size() && text[i] != ' ' && text[i] != ',') {
            const auto c = static_cast<unsigned char>(text[i]);
            letter = letter || c >= 0x80 || std::isalpha(c);
            ++i;
        }
        if (letter) ++words;
    }
    return words;
}

// The date printed in a date element outside comments, teasers and furniture: the first after
// the article's headline, else the last before it (a site's "today" in its masthead comes
// earlier than the article's own line).
std::optional<Printed> printed_in_date_element(const Document& doc, const PageShape& shape,
                                               std::string_view language) {
    const NodeId h1 = shape.headline;
    std::optional<Printed> before;
    const NodeId body = shape.body;
    std::size_t read = 0;
    for (NodeId id = body; id != kNoNode && read < kMaxDateElements;) {
        const Node& n = doc.node(id);
        if (n.kind != Node::Kind::Element) {
            id = doc.next(id, body);
            continue;
        }
        if (n.tag == GUMBO_TAG_SCRIPT || n.tag == GUMBO_TAG_STYLE || n.tag == GUMBO_TAG_FOOTER ||
            n.tag == GUMBO_TAG_ASIDE || n.tag == GUMBO_TAG_NAV) {
            id = doc.next(id, body, true);
            continue;
        }
        if (region_elsewhere(doc, shape, id)) {
            id = doc.next(id, body, true);
            continue;
        }
        const std::string& names = shape.names(doc, id);
        // "publication" names a date line ("<div class=publication>"), but on a link the
        // publication it leads to.
        const bool date_element =
            n.tag == GUMBO_TAG_TIME || names_a_date(names) ||
            (n.tag != GUMBO_TAG_A && names.find("publication") != std::string::npos);
        // A date element around the headline ("post_meta_wrapper": the heading and the date
        // line) is read by its parts: the headline's own words may name a day.
        if (date_element && shape.bytes[id] <= kMaxDateElementBytes &&
            !(h1 != kNoNode && id != h1 && shape.contains(id, h1))) {
            ++read;
            std::optional<Printed> found;
            if (!in_other_region(doc, shape, id)) {
                // A stamp in an attribute first, then the text.
                found = printed_in_attributes(doc, id, language);
                if (!found) {
                    const std::string text = spaced_text(doc, id);
                    if (auto in_text = dates::find_date_in_text(text, language);
                        in_text && plausible_year(in_text->value.year) &&
                        !not_a_publication(in_text->prefix)) {
                        found = Printed{in_text->date_text, iso_day(in_text->value)};
                        found->minutes = time_after(text, in_text->date_text);
                    } else if (!in_text) {
                        found = short_year_day(text);
                        // After a short label and a comma or bar: "Party, 30.10.23".
                        if (const std::size_t cut = text.find_last_of(",|");
                            !found && cut != std::string::npos &&
                            words_in(std::string_view(text).substr(0, cut)) <= 2)
                            found = short_year_day(std::string_view(text).substr(cut + 1));
                    }
                }
                if (found) {
                    if (h1 == kNoNode || id > h1) return found;
                    before = found;
                    before->before_headline = true;
                    id = doc.next(id, body, true);
                    continue;
                }
            }
            // Nothing here: an element inside may still hold the date ("Published: <time>…").
            id = doc.next(id, body);
            continue;
        }
        id = doc.next(id, body);
    }
    return before;
}

// The words (runs holding a letter) of a line besides a date found in it.
std::size_t words_around(std::string_view line, const dates::FoundDate& found) {
    const std::string folded = unicode::fold_whitespace(line);
    std::string_view rest = folded;
    const std::size_t at = rest.find(found.date_text);
    std::size_t words = 0;
    auto count = [&](std::string_view part) {
        std::size_t i = 0;
        while (i < part.size()) {
            while (i < part.size() && part[i] == ' ')
                ++i;
            bool letter = false;
            while (i < part.size() && part[i] != ' ') {
                const auto c = static_cast<unsigned char>(part[i]);
                letter = letter || (c >= 0x80 || std::isalpha(c));
                ++i;
            }
            if (letter) ++words;
        }
    };
    if (at == std::string_view::npos) {
        count(rest);
    } else {
        count(rest.substr(0, at));
        count(rest.substr(at + found.date_text.size()));
    }
    return words;
}

// What a heading prints besides its headline: the text after a line break or in a <small>,
// <time> or <sub> inside it ("<h1>Title<br><small>02.02.2022</small></h1>"), one line each.
// The headline's own words (a link, a title that names a day) are not read.
std::string printed_in_headline(const Document& doc, NodeId h1) {
    std::string lines;
    bool after_break = false;
    std::size_t seen = 0;
    for (NodeId id = doc.next(h1, h1);
         id != kNoNode && lines.size() < kNearHeadlineBytes && ++seen <= kMaxHeadlineNodes;) {
        const Node& n = doc.node(id);
        if (n.kind == Node::Kind::Element) {
            if (n.tag == GUMBO_TAG_BR) after_break = true;
            if (n.tag == GUMBO_TAG_A || holds_no_text(n.tag)) {
                id = doc.next(id, h1, true);
                continue;
            }
        } else if (n.kind == Node::Kind::Text) {
            bool aside = after_break;
            std::size_t up = 0;
            for (NodeId p = n.parent; !aside && p != kNoNode && p != h1 && up < kMaxAncestors;
                 p = doc.node(p).parent, ++up) {
                const GumboTag tag = doc.node(p).tag;
                aside = tag == GUMBO_TAG_SMALL || tag == GUMBO_TAG_TIME || tag == GUMBO_TAG_SUB;
            }
            if (aside) {
                lines.append(n.text.substr(0, kNearHeadlineBytes));
                lines += '\n';
            }
        }
        id = doc.next(id, h1);
    }
    return lines;
}

// A date printed in the first lines after a headline, or under it inside its heading.
std::optional<Printed> printed_near(const Document& doc, NodeId h1, std::string_view language) {
    const NodeId root = doc.root();
    if (h1 == kNoNode) return std::nullopt;
    std::string text = printed_in_headline(doc, h1);
    for (NodeId id = doc.next(h1, root, true); id != kNoNode && text.size() < kNearHeadlineBytes;) {
        const Node& n = doc.node(id);
        if (n.kind == Node::Kind::Element &&
            (n.tag == GUMBO_TAG_SCRIPT || n.tag == GUMBO_TAG_STYLE || n.tag == GUMBO_TAG_NAV ||
             n.tag == GUMBO_TAG_ASIDE || n.tag == GUMBO_TAG_FOOTER)) {
            id = doc.next(id, root, true);
            continue;
        }
        // The layout's indentation between elements is no text: only what a reader sees
        // counts against the budget.
        if (const std::string_view t = unicode::trim(n.text);
            n.kind == Node::Kind::Text && !t.empty()) {
            text.append(t.substr(0, kNearHeadlineBytes));
            text += '\n';
        }
        id = doc.next(id, root);
    }
    // Line by line: a copyright or update line is passed over.
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        const std::string_view line = std::string_view(text).substr(start, end - start);
        if (auto found = dates::find_date_in_text(line, language);
            found && plausible_year(found->value.year) && !not_a_publication(found->prefix)) {
            const bool date_line = words_around(line, *found) <= kDateLineMaxWords;
            Printed printed{found->date_text, iso_day(found->value), date_line};
            printed.minutes = time_after(line, found->date_text);
            return printed;
        }
        start = end + 1;
    }
    return std::nullopt;
}

// After the article's headline, else after the page's first <h1> (a box that introduces the
// article may come before it).
std::optional<Printed> printed_near_headline(const Document& doc, const PageShape& shape,
                                             std::string_view language) {
    if (auto found = printed_near(doc, shape.headline, language)) return found;
    if (shape.first_h1 != shape.headline) return printed_near(doc, shape.first_h1, language);
    return std::nullopt;
}

// A date line just before the headline ("<p>24. April 2020 | Press releases</p><h1>…"): the
// last lines of text before it, read back from the heading, when one of them is mostly a date.
std::optional<Printed> printed_before(const Document& doc, const PageShape& shape,
                                      std::string_view language) {
    const NodeId h1 = shape.headline;
    if (h1 == kNoNode) return std::nullopt;
    std::size_t lines = 0;
    std::size_t bytes = 0;
    // Within the body: the page's <title> in its head is no line of the page.
    for (NodeId id = h1;
         id-- > shape.body + 1 && lines < kLinesBeforeHeadline && bytes < kNearHeadlineBytes;) {
        const Node& n = doc.node(id);
        if (n.kind != Node::Kind::Text) continue;
        if (n.parent != kNoNode && holds_no_text(doc.node(n.parent).tag)) continue;
        const std::string_view line = unicode::trim(n.text);
        if (line.empty()) continue;
        ++lines;
        bytes += line.size();
        if (auto found = dates::find_date_in_text(line.substr(0, kNearHeadlineBytes), language);
            found && plausible_year(found->value.year) && !not_a_publication(found->prefix) &&
            words_around(line, *found) <= kDateLineMaxWords) {
            Printed printed{found->date_text, iso_day(found->value), true};
            printed.minutes = time_after(line, found->date_text);
            return printed;
        }
    }
    return std::nullopt;
}

// What a date line's label says of its date: "Veröffentlicht am", "Published:" name the
// publication; "Aktualisiert:", "Last updated", "Letzte Änderung:", "[Stand: …" an update.
enum class Label { None, Published, Updated };

Label label_of(std::string_view prefix) {
    std::string lower = unicode::to_lower(unicode::trim(prefix));
    // The label ends the text before the date ("… | Updated: "); a longer text is a sentence.
    while (!lower.empty() && (lower.back() == ':' || lower.back() == '[' || lower.back() == '(' ||
                              lower.back() == ' ' || lower.back() == '-'))
        lower.pop_back();
    // The label is what follows the last separator: "Source: the city | Path: … [Stand".
    if (const std::size_t cut = lower.find_last_of("[|(\n"); cut != std::string::npos)
        lower.erase(0, cut + 1);
    if (lower.empty() || lower.size() > kMaxLabelBytes) return Label::None;
    if (contains_any(lower, {"©"sv, "copyright"sv})) return Label::None;
    auto ends_with_word = [&](std::string_view word) {
        if (!lower.ends_with(word)) return false;
        const std::size_t at = lower.size() - word.size();
        return at == 0 || !std::isalpha(static_cast<unsigned char>(lower[at - 1]));
    };
    // "Stand" (German "as of") only as the label's last word: "Zustand" is none.
    if (not_a_publication(lower) || contains_any(lower, {"änderung"sv, "last modified"sv}) ||
        ends_with_word("stand"sv))
        return Label::Updated;
    // The label's last words: "Veröffentlicht am", "Published on", "Publié le".
    for (const auto word :
         {"veröffentlicht"sv, "veröffentlicht am"sv, "erschienen"sv, "erschienen am"sv,
          "erscheinungsdatum"sv, "published"sv, "published on"sv, "publication date"sv,
          "publié le"sv, "publié"sv, "publicado"sv, "publicado el"sv, "pubblicato"sv,
          "pubblicato il"sv, "gepubliceerd"sv, "gepubliceerd op"sv, "opublikowano"sv,
          "опубликовано"sv, "publicēts"sv}) {
        if (ends_with_word(word)) return Label::Published;
    }
    return Label::None;
}

// The first short line of the page (outside scripts, comments and navigation) that labels its
// date as `wanted` ("Veröffentlicht am 16.08.2019", "Aktualisiert: 30.12.2016"). A line is the
// outermost element holding at most kMaxDateElementBytes of text. Footers count for an update
// label (a page's "Last updated" often sits there), not for a publication one.
std::optional<Printed> labelled_line(const Document& doc, const PageShape& shape, Label wanted,
                                     std::string_view language) {
    const NodeId body = shape.body;
    std::size_t read = 0;
    NodeId previous = kNoNode;  // the short line read last
    for (NodeId id = body; id != kNoNode && read < kMaxLabelledLines;) {
        const Node& n = doc.node(id);
        if (n.kind != Node::Kind::Element) {
            id = doc.next(id, body);
            continue;
        }
        if (holds_no_text(n.tag) || n.tag == GUMBO_TAG_NAV ||
            (wanted == Label::Published &&
             (n.tag == GUMBO_TAG_FOOTER || n.tag == GUMBO_TAG_ASIDE))) {
            id = doc.next(id, body, true);
            continue;
        }
        const std::string& names = shape.names(doc, id);
        if (!container(n.tag) && names.find("comment") != std::string::npos &&
            !shape.contains(id, shape.headline)) {
            id = doc.next(id, body, true);
            continue;
        }
        if (wanted == Label::Published && region_elsewhere(doc, shape, id)) {
            id = doc.next(id, body, true);
            continue;
        }
        if (shape.bytes[id] == 0 || shape.bytes[id] > kMaxDateElementBytes) {
            id = doc.next(id, body);
            continue;
        }
        ++read;
        // Every date find_date_in_text reads has an ASCII digit: a line without one is read
        // only as the line before the next (its text built then, when a date alone needs it).
        if (holds_ascii_digit(doc, id)) {
            const std::string text = spaced_text(doc, id);
            if (auto found = dates::find_date_in_text(text, language);
                found && plausible_year(found->value.year)) {
                // A date alone takes its label from the line before ("<span>Erschienen
                // am:</span> <h2>13.10.2021</h2>").
                std::string before;
                if (unicode::trim(found->prefix).empty() && previous != kNoNode)
                    before = spaced_text(doc, previous);
                const std::string_view prefix =
                    unicode::trim(found->prefix).empty() ? std::string_view(before) : found->prefix;
                if (label_of(prefix) == wanted)
                    return Printed{found->date_text, iso_day(found->value), true};
            }
        }
        previous = id;
        id = doc.next(id, body, true);
    }
    return std::nullopt;
}

// A stated instant, "YYYY-MM-DDTHH:MM:SS+HH:MM" as normalize_timestamp writes it: minutes since
// 1970-01-01 in UTC, its seconds and its offset in minutes.
struct Instant {
    long long utc_minutes = 0;
    int seconds = 0;
    int offset = 0;
};

std::optional<Instant> instant_of(std::string_view iso) {
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, oh = 0, om = 0;
    char sign = 0;
    if (iso.size() != 25 ||
        std::sscanf(std::string(iso).c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%c%2d:%2d", &y, &mo, &d, &h,
                    &mi, &s, &sign, &oh, &om) != 9 ||
        (sign != '+' && sign != '-'))
        return std::nullopt;
    const int offset = (sign == '-' ? -1 : 1) * (oh * 60 + om);
    return Instant{
        dates::days_from_civil(y, mo, d) * 1440 + static_cast<long long>(h) * 60 + mi - offset, s,
        offset};
}

// The instant written at `offset` minutes from UTC.
std::string written_at(const Instant& t, int offset) {
    const long long local = t.utc_minutes + offset;
    const long long days = local >= 0 ? local / 1440 : (local - 1439) / 1440;
    const long long minute_of_day = local - days * 1440;
    const dates::CivilDay d = dates::civil_from_days(days);
    const int a = offset < 0 ? -offset : offset;
    char buf[128];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02lld:%02lld:%02d%c%02d:%02d", d.year, d.month,
                  d.day, minute_of_day / 60, minute_of_day % 60, t.seconds, offset < 0 ? '-' : '+',
                  a / 60, a % 60);
    return buf;
}

// A stamp in UTC ("…T23:00:00Z") of a page that prints its local day one day after or before:
// the same instant, written at an offset that falls on the printed day. The offset is the one
// another stamp of the page states, else the one between the stamp and a time printed with the
// day (23:30Z printed 00:30 is +01:00, to the quarter hour), else the smallest whole hour (within
// -12..+14) that reaches the printed day. Nothing when the stamp has another offset or the day is
// further off.
std::optional<std::string> at_printed_day(std::string_view iso, std::string_view day,
                                          const std::vector<std::string_view>& others,
                                          std::optional<int> printed_minutes) {
    const auto t = instant_of(iso);
    if (!t || t->offset != 0) return std::nullopt;
    auto lands = [&](int offset) {
        return std::string_view(written_at(*t, offset)).substr(0, 10) == day;
    };
    for (const auto other : others) {
        if (const auto o = instant_of(other); o && o->offset != 0 && o->offset >= -12 * 60 &&
                                              o->offset <= 14 * 60 && lands(o->offset))
            return written_at(*t, o->offset);
    }
    if (printed_minutes) {
        const long long utc_day =
            t->utc_minutes >= 0 ? t->utc_minutes / 1440 : (t->utc_minutes - 1439) / 1440;
        const auto utc_minute = static_cast<int>(t->utc_minutes - utc_day * 1440);
        for (const int days : {1, -1}) {
            int offset = *printed_minutes + days * 1440 - utc_minute;
            offset = (offset >= 0 ? offset + 7 : offset - 7) / 15 * 15;
            if (offset >= -12 * 60 && offset <= 14 * 60 && lands(offset))
                return written_at(*t, offset);
        }
    }
    for (int hours = 1; hours <= 14; ++hours) {
        if (lands(hours * 60)) return written_at(*t, hours * 60);
        if (hours <= 12 && lands(-hours * 60)) return written_at(*t, -hours * 60);
    }
    return std::nullopt;
}

// Whether the first <time> stating `datetime` comes after the headline and prints the day
// `iso` names for readers ("<time datetime="2022-01-21">21.01.2022 - 13:30</time>").
bool time_prints_its_day(const Document& doc, const PageShape& shape, std::string_view datetime,
                         std::string_view iso, std::string_view language) {
    if (shape.headline == kNoNode) return false;
    const auto& nodes = doc.nodes();
    for (NodeId id = 0; id < nodes.size(); ++id) {
        if (nodes[id].kind != Node::Kind::Element || nodes[id].tag != GUMBO_TAG_TIME ||
            doc.attr(id, "datetime") != datetime)
            continue;
        if (id < shape.headline || shape.bytes[id] > kMaxDateElementBytes) return false;
        const auto found = dates::find_date_in_text(spaced_text(doc, id), language);
        return found && iso.substr(0, 10) == iso_day(found->value);
    }
    return false;
}

}  // namespace

std::optional<std::string> date_in_url(std::string_view url) {
    // Only the path: skip the scheme and host.
    if (const auto scheme = url.find("://"); scheme != std::string_view::npos)
        url.remove_prefix(scheme + 3);
    const auto slash = url.find('/');
    if (slash == std::string_view::npos) return std::nullopt;
    url.remove_prefix(slash);
    url = url.substr(0, url.find_first_of("?#"));
    auto num = [&](std::size_t at, std::size_t n, int& out) {
        if (at + n > url.size()) return false;
        out = 0;
        for (std::size_t i = at; i < at + n; ++i) {
            if (url[i] < '0' || url[i] > '9') return false;
            out = out * 10 + (url[i] - '0');
        }
        return true;
    };
    for (std::size_t i = 0; i + 11 <= url.size(); ++i) {
        if (url[i] != '/' && url[i] != '-' && url[i] != '_') continue;
        int y = 0, m = 0, d = 0;
        const std::size_t at = i + 1;
        if (!num(at, 4, y) || at + 4 >= url.size()) continue;
        const char sep = url[at + 4];
        if (sep != '/' && sep != '-' && sep != '_') continue;
        if (!num(at + 5, 2, m) || at + 7 >= url.size() || url[at + 7] != sep || !num(at + 8, 2, d))
            continue;
        const std::size_t end = at + 10;
        if (end < url.size() && url[end] >= '0' && url[end] <= '9') continue;
        char buf[16];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
        if (!plausible_year(y)) continue;
        if (dates::normalize_timestamp(buf, false)) return std::string(buf);
    }
    return std::nullopt;
}

ChosenDates choose_dates(const Document& doc, const StatedDates& stated,
                         const std::optional<std::string>& url, std::string_view language,
                         NodeId title_heading) {
    ChosenDates out;
    const PageShape shape = shape_of(doc, title_heading);
    for (const auto& m : stated.modified) {
        if (dates::normalize_timestamp(m, false, nullptr, language)) {
            out.modified_text = m;
            break;
        }
    }
    // Every stated timestamp that reads as a plausible day, best source first.
    struct Stamp {
        const std::string* text;
        DateSource source;
        std::string iso;
        bool generic = false;  // named only "date"
    };
    std::vector<Stamp> stamps;
    auto add_stamp = [&](const std::string& text, DateSource source, bool generic) {
        auto iso = dates::normalize_timestamp(text, false, nullptr, language);
        if (!iso) return;
        if (auto d = day_of_iso(*iso); !d || !plausible_year(d->year)) return;
        stamps.push_back(Stamp{&text, source, std::move(*iso), generic});
    };
    bool generic_added = false;
    for (const auto& [text, source] : stated.published) {
        if (source == DateSource::Time && !generic_added) {
            for (const auto& g : stated.generic)
                add_stamp(g, DateSource::Meta, true);
            generic_added = true;
        }
        add_stamp(text, source, false);
    }
    if (!generic_added) {
        for (const auto& g : stated.generic)
            add_stamp(g, DateSource::Meta, true);
    }
    const std::optional<Printed> printed = printed_in_date_element(doc, shape, language);
    if (!stamps.empty()) {
        auto same_day = [](const std::string& iso, const std::string& day) {
            return iso.compare(0, 10, day) == 0;
        };
        // The date line under the headline is what the page prints for the article itself.
        const std::optional<Printed> under_headline = printed_near_headline(doc, shape, language);
        std::optional<Printed> line = under_headline;
        if (line && !line->date_line) line.reset();
        // Stamps that disagree: the one whose day the date line prints is the page's (a
        // template's stale stamp comes first as often as not), unless that day is the one the
        // page states as modified ("Updated Jul 24"). A date element elsewhere is no such
        // evidence: it may be a teaser's, with its own <time>.
        const Stamp* chosen = &stamps.front();
        const std::optional<std::string> modified =
            out.modified_text
                ? dates::normalize_timestamp(*out.modified_text, false, nullptr, language)
                : std::nullopt;
        if (line && !same_day(chosen->iso, line->day) &&
            !(modified && same_day(*modified, line->day))) {
            for (const Stamp& s : stamps) {
                if (same_day(s.iso, line->day)) {
                    chosen = &s;
                    break;
                }
            }
        }
        // Stamps from <time> elements alone (the first one anywhere: a masthead's "today", a
        // teaser's) or named only "date" are weaker evidence than the date line under the
        // headline or a line that labels its date as the publication ("Erschienen am:
        // 13.10.2021"): when such a line prints another day, it is the page's.
        const bool only_weak_stamps = std::all_of(stamps.begin(), stamps.end(), [](const Stamp& s) {
            return s.source == DateSource::Time || s.generic;
        });
        // A stamp named only "date" (as often the page's generation as its publication) gives
        // way to a <time> after the headline that prints its own day for readers.
        if (only_weak_stamps && chosen->generic) {
            for (const Stamp& s : stamps) {
                if (s.source == DateSource::Time && !same_day(chosen->iso, s.iso) &&
                    time_prints_its_day(doc, shape, *s.text, s.iso, language)) {
                    chosen = &s;
                    break;
                }
            }
        }
        if (only_weak_stamps) {
            std::optional<Printed> labelled = line;
            if (!labelled) labelled = labelled_line(doc, shape, Label::Published, language);
            if (labelled && !same_day(chosen->iso, labelled->day)) {
                out.fallback_text = labelled->text;
                out.fallback_source = DateSource::Header;
                out.fallback_day = labelled->day;
                return out;
            }
        }
        out.published_text = *chosen->text;
        out.source = chosen->source;
        // A stamp with its instant (in UTC, or another zone) may fall on the day after or before
        // the one the page prints for readers: the printed day is the page's. A date element
        // prints it, unless the date line under the headline prints the stamp's own day (the
        // element is a teaser's); for a stamp in UTC, the date line under the headline or just
        // before it too, unless that day is the stated modification's.
        auto one_day_off = [&](const std::string& day) {
            const auto a = day_of_iso(chosen->iso);
            const auto b = day_of_iso(day);
            return a && b &&
                   std::llabs(dates::days_from_civil(a->year, a->month, a->day) -
                              dates::days_from_civil(b->year, b->month, b->day)) == 1;
        };
        const bool utc = chosen->iso.size() > 10 && chosen->iso.ends_with("+00:00");
        std::optional<std::string> shown;
        std::optional<int> shown_minutes;
        bool from_element = false;
        if (printed && chosen->iso.size() > 10 && !(line && same_day(chosen->iso, line->day)) &&
            one_day_off(printed->day)) {
            shown = printed->day;
            shown_minutes = printed->minutes;
            from_element = true;
        } else if (utc && !(printed && same_day(chosen->iso, printed->day))) {
            const std::optional<Printed> near =
                under_headline ? line : printed_before(doc, shape, language);
            // A modification stated at another instant may be the day the line prints.
            const bool modified_day = near && modified && modified->size() > 10 &&
                                      *modified != chosen->iso && same_day(*modified, near->day);
            if (near && one_day_off(near->day) && !modified_day) {
                shown = near->day;
                shown_minutes = near->minutes;
            }
        }
        if (shown) {
            // The offset another stamp of the page states, modified ones included.
            std::vector<std::string_view> others;
            others.reserve(stamps.size() + 1);
            for (const Stamp& s : stamps)
                others.push_back(s.iso);
            if (modified) others.push_back(*modified);
            if (utc) {
                out.printed_day = at_printed_day(chosen->iso, *shown, others, shown_minutes);
                if (!out.printed_day && from_element) out.printed_day = shown;
            } else {
                out.printed_day = shown;
            }
        }
        return out;
    }
    // A date element before the headline gives way to the date line under it.
    if (printed && printed->before_headline) {
        if (auto line = printed_near_headline(doc, shape, language);
            line && line->date_line && line->day != printed->day) {
            out.fallback_text = line->text;
            out.fallback_source = DateSource::Header;
            out.fallback_day = line->day;
            return out;
        }
    }
    if (printed) {
        out.fallback_text = printed->text;
        out.fallback_source = DateSource::Byline;
        out.fallback_day = printed->day;
        return out;
    }
    if (url) {
        if (auto day = date_in_url(*url)) {
            out.fallback_text = *day;
            out.fallback_source = DateSource::Url;
            out.fallback_day = *day;
            return out;
        }
    }
    std::optional<Printed> near = printed_near_headline(doc, shape, language);
    if (!near) near = printed_before(doc, shape, language);
    if (near) {
        out.fallback_text = near->text;
        out.fallback_source = DateSource::Header;
        out.fallback_day = near->day;
        return out;
    }
    if (auto line = labelled_line(doc, shape, Label::Published, language)) {
        out.fallback_text = line->text;
        out.fallback_source = DateSource::Header;
        out.fallback_day = line->day;
        return out;
    }
    // A publication key in the page's inline JSON data.
    if (stated.in_script) {
        if (auto iso = dates::normalize_timestamp(*stated.in_script, false, nullptr, language);
            iso && plausible_year(std::atoi(iso->substr(0, 4).c_str()))) {
            out.fallback_text = stated.in_script;
            out.fallback_source = DateSource::Meta;
            out.fallback_day = iso->substr(0, 10);
            return out;
        }
    }
    // No publication date anywhere: the page's last update is the best day it gives (htmldate
    // does the same), the stated modification, else a labelled update line.
    if (out.modified_text) {
        if (auto iso = dates::normalize_timestamp(*out.modified_text, false, nullptr, language)) {
            out.fallback_text = out.modified_text;
            out.fallback_source = DateSource::Meta;
            out.fallback_day = iso->substr(0, 10);
        }
        return out;
    }
    if (auto line = labelled_line(doc, shape, Label::Updated, language)) {
        out.fallback_text = line->text;
        out.fallback_source = DateSource::Header;
        out.fallback_day = line->day;
        out.modified_text = line->day;
    }
    return out;
}

}  // namespace pressparse::html
