#include "html_dates.hpp"

#include <array>
#include <cstdio>
#include <cstdlib>

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

using extract::lower_ascii;  // html_hints' one

bool contains_any(std::string_view s, std::initializer_list<std::string_view> parts) {
    for (auto p : parts) {
        if (s.find(p) != std::string_view::npos) return true;
    }
    return false;
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
bool names_a_date(std::string_view names) {
    if (contains_any(names, {"date"sv, "time"sv, "publish"sv, "posted"sv, "byline"sv, "datum"sv,
                             "fecha"sv, "dateline"sv, "pubdate"sv}))
        return true;
    // Whole parts only: "post-meta", "article-info", but not "metadata-…".
    std::size_t i = 0;
    while (i < names.size()) {
        while (i < names.size() && !(names[i] >= 'a' && names[i] <= 'z'))
            ++i;
        const std::size_t start = i;
        while (i < names.size() && names[i] >= 'a' && names[i] <= 'z')
            ++i;
        const std::string_view part = names.substr(start, i - start);
        if (part == "meta" || part == "info" || part == "data" || part == "author") return true;
    }
    return false;
}

// Names of what is no publication date: a modification, a comment, a teaser, site furniture.
bool names_elsewhere(std::string_view names) {
    return contains_any(
        names, {"modif"sv, "updat"sv, "comment"sv, "related"sv, "teaser"sv, "sidebar"sv, "footer"sv,
                "copyright"sv, "reply"sv, "recommend"sv, "popular"sv, "trending"sv});
}

// The page's and the article's own containers name whole-page states ("no-sidebar",
// "comments-open"), not regions: their names are not read.
bool container(GumboTag tag) {
    return tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_MAIN ||
           tag == GUMBO_TAG_ARTICLE;
}

bool in_other_region(const Document& doc, NodeId id) {
    std::size_t n = 0;
    for (NodeId p = doc.node(id).parent; p != kNoNode && n < kMaxAncestors;
         p = doc.node(p).parent, ++n) {
        const Node& node = doc.node(p);
        if (node.kind != Node::Kind::Element) continue;
        if (node.tag == GUMBO_TAG_FOOTER || node.tag == GUMBO_TAG_ASIDE ||
            node.tag == GUMBO_TAG_NAV)
            return true;
        if (!container(node.tag) && names_elsewhere(names_of(doc, p))) return true;
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

long days_from_civil(const Day& d) {
    const int y = d.year - (d.month <= 2 ? 1 : 0);
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int mp = (d.month + 9) % 12;
    const int doy = (153 * mp + 2) / 5 + d.day - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return static_cast<long>(era) * 146097 + doe - 719468;
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
};

NodeId first_h1(const Document& doc) {
    const NodeId root = doc.root();
    for (NodeId id = root; id != kNoNode; id = doc.next(id, root)) {
        if (doc.node(id).kind == Node::Kind::Element && doc.node(id).tag == GUMBO_TAG_H1) return id;
    }
    return kNoNode;
}

// The date printed in a date element outside comments, teasers and furniture: the first after
// the page's first <h1>, else the last before it (a site's "today" in its masthead comes
// earlier than the article's own line).
std::optional<Printed> printed_in_date_element(const Document& doc, std::string_view language) {
    const NodeId h1 = first_h1(doc);
    std::optional<Printed> before;
    const auto& nodes = doc.nodes();
    // Bytes of text under each node, bottom up (children have larger ids than their parent);
    // code and templates hold none.
    std::vector<std::size_t> bytes(nodes.size(), 0);
    for (auto id = static_cast<NodeId>(nodes.size()); id-- > 0;) {
        if (nodes[id].kind == Node::Kind::Text &&
            !(nodes[id].parent != kNoNode && holds_no_text(nodes[nodes[id].parent].tag)))
            bytes[id] += nodes[id].text.size();
        if (nodes[id].parent != kNoNode) bytes[nodes[id].parent] += bytes[id];
    }
    const NodeId body = doc.body() != kNoNode ? doc.body() : doc.root();
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
        const std::string names = names_of(doc, id);
        if (!container(n.tag) && names_elsewhere(names)) {
            id = doc.next(id, body, true);
            continue;
        }
        const bool date_element = n.tag == GUMBO_TAG_TIME || names_a_date(names);
        if (date_element && bytes[id] <= kMaxDateElementBytes) {
            ++read;
            std::optional<Printed> found;
            if (!in_other_region(doc, id)) {
                // A zone-less stamp in an attribute first (one with an offset is an instant, not
                // the day printed), then the text.
                for (const char* attr : {"datetime", "content", "title", "data-date", "data-time",
                                         "data-published", "data-timestamp"}) {
                    const std::string_view v = doc.attr(id, attr);
                    if (v.empty() || v.size() > 64) continue;
                    if (auto iso = dates::normalize_timestamp(v, false, nullptr, language)) {
                        if (auto d = day_of_iso(*iso);
                            d && plausible_year(d->year) && iso->size() == 10)
                            found = Printed{std::string(v), *iso};
                        break;
                    }
                }
                if (!found) {
                    const std::string text = doc.text(id);
                    if (auto in_text = dates::find_date_in_text(text, language);
                        in_text && plausible_year(in_text->value.year) &&
                        !not_a_publication(in_text->prefix)) {
                        found = Printed{in_text->date_text, iso_day(in_text->value)};
                    }
                }
                if (found) {
                    if (h1 == kNoNode || id > h1) return found;
                    before = found;
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

// A date printed in the first lines after the page's first <h1>.
std::optional<Printed> printed_near_headline(const Document& doc, std::string_view language) {
    const NodeId root = doc.root();
    NodeId h1 = kNoNode;
    for (NodeId id = root; id != kNoNode; id = doc.next(id, root)) {
        if (doc.node(id).kind == Node::Kind::Element && doc.node(id).tag == GUMBO_TAG_H1) {
            h1 = id;
            break;
        }
    }
    if (h1 == kNoNode) return std::nullopt;
    std::string text;
    for (NodeId id = doc.next(h1, root, true); id != kNoNode && text.size() < kNearHeadlineBytes;) {
        const Node& n = doc.node(id);
        if (n.kind == Node::Kind::Element &&
            (n.tag == GUMBO_TAG_SCRIPT || n.tag == GUMBO_TAG_STYLE || n.tag == GUMBO_TAG_NAV ||
             n.tag == GUMBO_TAG_ASIDE || n.tag == GUMBO_TAG_FOOTER)) {
            id = doc.next(id, root, true);
            continue;
        }
        if (n.kind == Node::Kind::Text) {
            text.append(n.text.substr(0, kNearHeadlineBytes));
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
            return Printed{found->date_text, iso_day(found->value)};
        }
        start = end + 1;
    }
    return std::nullopt;
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
                         const std::optional<std::string>& url, std::string_view language) {
    ChosenDates out;
    for (const auto& m : stated.modified) {
        if (dates::normalize_timestamp(m, false, nullptr, language)) {
            out.modified_text = m;
            break;
        }
    }
    std::optional<std::string> machine_iso;
    for (const auto& [text, source] : stated.published) {
        const auto iso = dates::normalize_timestamp(text, false, nullptr, language);
        if (!iso) continue;
        if (auto d = day_of_iso(*iso); !d || !plausible_year(d->year)) continue;
        out.published_text = text;
        out.source = source;
        machine_iso = iso;
        break;
    }
    const std::optional<Printed> printed = printed_in_date_element(doc, language);
    if (machine_iso) {
        // A stamp with its instant (in UTC, or another zone) may fall on the day after or before
        // the one the page prints for its readers: the printed day is the page's.
        if (printed && machine_iso->size() > 10) {
            const auto a = day_of_iso(*machine_iso);
            const auto b = day_of_iso(printed->day);
            if (a && b && std::labs(days_from_civil(*a) - days_from_civil(*b)) == 1)
                out.printed_day = printed->day;
        }
        return out;
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
    if (auto near = printed_near_headline(doc, language)) {
        out.fallback_text = near->text;
        out.fallback_source = DateSource::Header;
        out.fallback_day = near->day;
    }
    return out;
}

}  // namespace pressparse::html
