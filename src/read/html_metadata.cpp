// Metadata from every standard source, gathered in one walk of the page (see html_metadata.hpp).
#include "html_metadata.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <unordered_set>

#include "html_dates.hpp"
#include "html_jsonld.hpp"
#include "pressparse/unicode.hpp"
#include "text/byline.hpp"

namespace pressparse::html {

namespace {

using namespace std::string_view_literals;

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (auto& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

bool is_url(std::string_view s) {
    return s.rfind("http://", 0) == 0 || s.rfind("https://", 0) == 0 || s.rfind("//", 0) == 0;
}

// Longest address kept for an image or <base href>: a longer one is left out, never cut (a cut
// address is no address).
constexpr std::size_t kMaxUrlBytes = 8192;

// `s` cut to at most `max` bytes, at a character boundary (valid UTF-8 in, valid UTF-8 out).
std::string cut_utf8(std::string s, std::size_t max) {
    if (s.size() <= max) return s;
    std::size_t end = max;
    while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80)
        --end;
    s.resize(end);
    return std::string(unicode::trim(s));
}

// A stated text as the Article gives it: references decoded, white space folded, bounded.
std::optional<std::string> clean_stated(const std::optional<std::string>& v, std::size_t max) {
    if (!v) return std::nullopt;
    // Folded first, so that a huge value is bounded before anything else copies it.
    std::string text = unicode::fold_whitespace(decode_references(cut_utf8(*v, 4 * max)));
    text = cut_utf8(std::move(text), max);
    if (text.empty()) return std::nullopt;
    return text;
}

// Tags from every source in page order: cleaned, de-duplicated (by case-folded text), bounded.
class TagList {
  public:
    void add(std::string_view raw) {
        if (tags_.size() >= kMaxTags) return;
        auto tag = clean_stated(std::string(raw.substr(0, 4 * kMaxTagBytes)), kMaxTagBytes);
        if (!tag) return;
        if (seen_.insert(unicode::fold_case(*tag)).second) tags_.push_back(std::move(*tag));
    }
    std::vector<std::string> take() { return std::move(tags_); }

  private:
    std::vector<std::string> tags_;
    std::unordered_set<std::string> seen_;
};

// Readability's <meta> keys: property="og:title twitter:title" (the first token that is one of
// these), or name="dc.title" / "parsely-pub-date" / "author".
constexpr std::array kPropertyPrefixes{"article"sv, "dc"sv, "dcterm"sv, "og"sv, "twitter"sv};
constexpr std::array kPropertyNames{"author"sv,         "creator"sv, "description"sv,
                                    "published_time"sv, "title"sv,   "site_name"sv};
constexpr std::array kNamePrefixes{"dc"sv,      "dcterm"sv,        "og"sv,           "twitter"sv,
                                   "parsely"sv, "weibo:article"sv, "weibo:webpage"sv};
constexpr std::array kNameNames{"author"sv,      "creator"sv, "pub-date"sv,
                                "description"sv, "title"sv,   "site_name"sv};

// The keys property_key and name_key accept, built once, in the order they are tried.
const std::vector<std::string>& property_keys() {
    static const std::vector<std::string> keys = [] {
        std::vector<std::string> out;
        for (auto prefix : kPropertyPrefixes) {
            for (auto name : kPropertyNames)
                out.push_back(std::string(prefix) + ":" + std::string(name));
        }
        return out;
    }();
    return keys;
}

const std::vector<std::string>& name_keys() {
    static const std::vector<std::string> keys = [] {
        std::vector<std::string> out;
        for (auto n : kNameNames) {
            out.emplace_back(n);
            for (auto prefix : kNamePrefixes) {
                for (char sep : {'-', '.', ':'})
                    out.push_back(std::string(prefix) + sep + std::string(n));
            }
        }
        return out;
    }();
    return keys;
}

std::optional<std::string> property_key(std::string_view property) {
    const std::string lower = lower_ascii(property);
    std::size_t i = 0;
    while (i < lower.size()) {
        while (i < lower.size() && (lower[i] == ' ' || lower[i] == '\t' || lower[i] == '\n'))
            ++i;
        const std::size_t start = i;
        while (i < lower.size() && lower[i] != ' ' && lower[i] != '\t' && lower[i] != '\n')
            ++i;
        const std::string_view token = std::string_view(lower).substr(start, i - start);
        for (const std::string& key : property_keys()) {
            if (token.ends_with(key)) return key;
        }
    }
    return std::nullopt;
}

std::optional<std::string> name_key(std::string_view name) {
    std::string key = lower_ascii(name);
    key.erase(std::remove_if(key.begin(), key.end(), [](char c) { return c == ' ' || c == '\t'; }),
              key.end());
    for (const std::string& k : name_keys()) {
        if (key != k) continue;
        std::replace(key.begin(), key.end(), '.', ':');
        return key;
    }
    return std::nullopt;
}

// Per node, a lower bound on the bytes of its folded text: the bytes of the characters white
// space folding never removes (printable ASCII, two-byte letters, CJK ideographs) in its
// subtree. Bottom up, in one pass: children have larger ids than their parent.
std::vector<std::size_t> kept_bytes_below(const Document& doc) {
    const auto& nodes = doc.nodes();
    std::vector<std::size_t> kept(nodes.size(), 0);
    for (auto id = static_cast<NodeId>(nodes.size()); id-- > 0;) {
        const Node& n = nodes[id];
        if (n.kind == Node::Kind::Text) {
            for (const char ch : n.text) {
                const auto c = static_cast<unsigned char>(ch);
                if (c >= 0x21 && c <= 0x7E) {
                    kept[id] += 1;
                } else if (c >= 0xC4 && c <= 0xDF) {  // U+0100–U+07FF
                    kept[id] += 2;
                } else if (c >= 0xE4 && c <= 0xE9) {  // U+4000–U+9FFF
                    kept[id] += 3;
                }
            }
        }
        if (n.parent != kNoNode) kept[n.parent] += kept[id];
    }
    return kept;
}

// Whether an element sits in a reader's comment: an ancestor's class or id names a comment
// ("comment-list", "comment-meta"), and that ancestor does not hold the page's headline (a page
// wrapper named "comments-open" holds everything). A <time> there dates the comment.
bool in_comment(const Document& doc, NodeId id, NodeId headline) {
    constexpr std::size_t kMaxCommentAncestors = 24;
    std::vector<NodeId> around_headline;
    for (NodeId p = headline; p != kNoNode && around_headline.size() < 256; p = doc.node(p).parent)
        around_headline.push_back(p);
    std::size_t n = 0;
    for (NodeId p = doc.node(id).parent; p != kNoNode && n < kMaxCommentAncestors;
         p = doc.node(p).parent, ++n) {
        if (doc.node(p).kind != Node::Kind::Element) continue;
        const std::string names =
            lower_ascii(std::string(doc.attr(p, "class")) + " " + std::string(doc.attr(p, "id")));
        if (names.find("comment") != std::string::npos &&
            std::find(around_headline.begin(), around_headline.end(), p) == around_headline.end())
            return true;
    }
    return false;
}

// The value of the first publication key ("publishedDate": "2016-11-04T20:37:27Z") in an
// inline JSON script, found as text: a page's data state may be megabytes, and only one string
// is wanted. Keys named "created" or "updated" are never read.
std::optional<std::string> publication_key_in_json(const Document& doc, NodeId script) {
    constexpr std::size_t kMaxValueBytes = 64;
    std::string raw;
    for (NodeId c = doc.node(script).first_child; c != kNoNode; c = doc.node(c).next_sibling)
        raw.append(doc.node(c).text);
    std::size_t best = std::string::npos;
    std::optional<std::string> value;
    for (const auto key : {R"("datePublished")"sv, R"("publishedDate")"sv, R"("published_at")"sv,
                           R"("publishDate")"sv, R"("first_publish_date")"sv}) {
        const std::size_t at = raw.find(key);
        if (at == std::string::npos || at > best) continue;
        std::size_t i = at + key.size();
        while (i < raw.size() && (raw[i] == ' ' || raw[i] == '\n' || raw[i] == '\t'))
            ++i;
        if (i >= raw.size() || raw[i] != ':') continue;
        ++i;
        while (i < raw.size() && (raw[i] == ' ' || raw[i] == '\n' || raw[i] == '\t'))
            ++i;
        if (i >= raw.size() || raw[i] != '"') continue;
        const std::size_t end = raw.find('"', i + 1);
        if (end == std::string::npos || end - i - 1 > kMaxValueBytes) continue;
        best = at;
        value = non_empty(raw.substr(i + 1, end - i - 1));
    }
    return value;
}

}  // namespace

Metadata extract_metadata(const Document& doc, std::vector<std::string>& warnings,
                          NodeId& title_heading) {
    Metadata meta;
    std::map<std::string, std::string> values;  // Readability's keys: the last value wins
    std::map<std::string, std::string> other;   // every other meta key: the first value wins
    std::optional<JsonLd> ld;
    std::optional<std::string> microdata_headline, microdata_author, microdata_date,
        microdata_modified, time_date, canonical, title;
    std::optional<std::string> author_link;  // the text of the first <a rel=author>
    std::vector<NodeId> headings;  // the first 64 h1/h2, read only if the title needs them
    int h1_count = 0;
    std::string only_h1;
    NodeId first_h1 = kNoNode;
    // The first <time datetime> elements that name no update: the first outside a comment is
    // the page's.
    constexpr std::size_t kMaxTimeCandidates = 16;
    std::vector<NodeId> time_candidates;
    std::optional<std::string> script_date;  // from the first inline JSON that holds one
    bool json_ld_cut = false;
    bool recipe_read = false;  // a JSON-LD block stated a recipe (the first one is read)
    std::optional<std::string> base;
    // article:tag metas and rel=tag link texts, as many as could be kept.
    std::vector<std::string> meta_tags, link_tags;

    if (doc.html() != kNoNode) {
        if (auto lang = non_empty(std::string(doc.attr(doc.html(), "lang")))) meta.language = lang;
    }
    const NodeId root = doc.root();
    for (NodeId id = root; id != kNoNode; id = doc.next(id, root)) {
        const Node& n = doc.node(id);
        if (n.kind != Node::Kind::Element) continue;
        switch (n.tag) {
            case GUMBO_TAG_TITLE:
                if (!title) title = non_empty(doc.text(id));
                continue;
            case GUMBO_TAG_META: {
                const std::string_view content = doc.attr(id, "content");
                const auto value = non_empty(std::string(content));
                if (!value) continue;
                const std::string_view property = doc.attr(id, "property");
                const std::string_view name = doc.attr(id, "name");
                if (lower_ascii(property.empty() ? name : property) == "article:tag") {
                    if (meta_tags.size() < kMaxTags)
                        meta_tags.push_back(cut_utf8(*value, 4 * kMaxTagBytes));
                    continue;
                }
                std::optional<std::string> key;
                if (!property.empty()) key = property_key(property);
                if (!key && !name.empty()) key = name_key(name);
                if (key) {
                    values[*key] = *value;
                    continue;
                }
                std::string any(property.empty() ? name : property);
                if (any.empty()) any = std::string(doc.attr(id, "itemprop"));
                any = lower_ascii(any);
                std::replace(any.begin(), any.end(), '.', ':');
                if (!any.empty()) other.emplace(any, *value);
                continue;
            }
            case GUMBO_TAG_BASE:
                if (!base) base = non_empty(std::string(doc.attr(id, "href")));
                continue;
            case GUMBO_TAG_A:
                if (link_tags.size() < kMaxTags && doc.has_attr(id, "rel")) {
                    // rel="tag", not WordPress's rel="category tag" (that is the section).
                    bool tag = false, category = false;
                    const std::string rel = lower_ascii(doc.attr(id, "rel"));
                    for (std::size_t i = 0; i < rel.size();) {
                        const std::size_t end = std::min(rel.find(' ', i), rel.size());
                        const std::string_view token = std::string_view(rel).substr(i, end - i);
                        tag = tag || token == "tag";
                        category = category || token == "category";
                        i = end + 1;
                    }
                    if (tag && !category)
                        link_tags.push_back(cut_utf8(doc.text(id), 4 * kMaxTagBytes));
                }
                if (!author_link && lower_ascii(doc.attr(id, "rel")) == "author") {
                    std::string text = cut_utf8(doc.text(id), 1024);
                    if (!unicode::trim(text).empty()) author_link = std::move(text);
                }
                break;
            case GUMBO_TAG_LINK:
                if (!canonical && lower_ascii(doc.attr(id, "rel")) == "canonical") {
                    canonical = non_empty(std::string(doc.attr(id, "href")));
                }
                continue;
            case GUMBO_TAG_SCRIPT: {
                // Blocks are read until one states an article: a block before it that states
                // only dates (a Review, a WebPage) lends them, and does not stop the reading; a
                // WebPage standing for the article gives way to an article stated after it.
                // The first block stating a recipe is read for it, wherever it is.
                const std::string type = lower_ascii(doc.attr(id, "type"));
                if (type == "application/json") {
                    if (!script_date) script_date = publication_key_in_json(doc, id);
                    continue;
                }
                if (type != "application/ld+json") continue;
                const bool article_read = ld && ld->article && !ld->webpage;
                if (article_read && recipe_read) continue;
                std::string raw;
                for (NodeId c = n.first_child; c != kNoNode; c = doc.node(c).next_sibling)
                    raw.append(doc.node(c).text);
                if (!recipe_read) recipe_read = read_recipe(raw, meta);
                if (!article_read) {
                    bool cut = false;
                    auto parsed = parse_json_ld(raw, cut);
                    if (parsed && ld && ld->article && (!parsed->article || parsed->webpage))
                        parsed.reset();
                    if (parsed) {
                        if (ld) {
                            if (!parsed->graph_date) parsed->graph_date = ld->graph_date;
                            if (!parsed->modified) parsed->modified = ld->modified;
                            if (!parsed->date) parsed->date = ld->date;
                        }
                        ld = std::move(parsed);
                    }
                    if (cut && !json_ld_cut) {
                        json_ld_cut = true;
                        warnings.push_back("JSON-LD nested deeper than " +
                                           std::to_string(kMaxJsonLdDepth) + " levels was cut");
                    }
                }
                continue;
            }
            case GUMBO_TAG_TIME: {
                // A <time> that names an update is no publication date.
                const std::string names = lower_ascii(std::string(doc.attr(id, "class")) + " " +
                                                      std::string(doc.attr(id, "itemprop")));
                const bool modified = names.find("modif") != std::string::npos ||
                                      names.find("updat") != std::string::npos;
                if (!modified && time_candidates.size() < kMaxTimeCandidates &&
                    !doc.attr(id, "datetime").empty())
                    time_candidates.push_back(id);
                break;
            }
            case GUMBO_TAG_H1:
                if (++h1_count == 1) {
                    only_h1 = doc.text(id);
                    first_h1 = id;
                }
                [[fallthrough]];
            case GUMBO_TAG_H2:
                if (headings.size() < 64) headings.push_back(id);
                break;
            default:
                break;
        }
        const std::string_view itemprop = doc.attr(id, "itemprop");
        if (!itemprop.empty()) {
            if (itemprop == "headline" && !microdata_headline)
                microdata_headline = non_empty(doc.text(id));
            if (itemprop == "datePublished" && !microdata_date) {
                std::string v(doc.attr(id, "content"));
                if (v.empty()) v = std::string(doc.attr(id, "datetime"));
                if (v.empty()) v = doc.text(id);
                microdata_date = non_empty(v);
            }
            if (itemprop == "dateModified" && !microdata_modified) {
                std::string v(doc.attr(id, "content"));
                if (v.empty()) v = std::string(doc.attr(id, "datetime"));
                microdata_modified = non_empty(v);
            }
            if (itemprop.find("author") != std::string_view::npos && !microdata_author) {
                // The author's name, not the whole author card.
                std::optional<std::string> name;
                for (NodeId c = id; c != kNoNode; c = doc.next(c, id)) {
                    if (doc.node(c).kind == Node::Kind::Element &&
                        doc.attr(c, "itemprop") == "name") {
                        std::string v(doc.attr(c, "content"));
                        name = non_empty(v.empty() ? doc.text(c) : v);
                        break;
                    }
                }
                if (!name) {
                    std::string v(doc.attr(id, "content"));
                    name = non_empty(v.empty() ? doc.text(id) : v);
                }
                if (name && name->size() < 100) microdata_author = name;
            }
        }
    }

    for (const NodeId t : time_candidates) {
        if (in_comment(doc, t, first_h1)) continue;
        time_date = non_empty(std::string(doc.attr(t, "datetime")));
        break;
    }

    // A meta value as text: the parser decoded its references once, and some pages encode them
    // twice (content="It&amp;#039;s").
    auto value = [&](std::string_view key) -> std::optional<std::string> {
        if (auto it = values.find(std::string(key)); it != values.end())
            return decode_references(it->second);
        return std::nullopt;
    };
    auto first_of =
        [&](std::initializer_list<std::string_view> keys) -> std::optional<std::string> {
        for (auto k : keys) {
            if (auto v = value(k)) return v;
        }
        return std::nullopt;
    };
    auto other_of =
        [&](std::initializer_list<std::string_view> keys) -> std::optional<std::string> {
        for (auto k : keys) {
            if (auto it = other.find(std::string(k)); it != other.end())
                return decode_references(it->second);
        }
        return std::nullopt;
    };

    meta.document_title = title;
    meta.site_name = ld && ld->publisher ? ld->publisher : value("og:site_name");

    // Title: JSON-LD (name or headline, whichever is nearer the <title>) → dc → og → name="title"
    // → twitter → parsely → microdata → the headline read from <title>.
    // Whether a heading prints `text` whole. Headings nest, so their texts are read one at a
    // time, and only where the characters that white space folding always keeps are not already
    // more than `text` has: a page of huge nested headings is neither held nor copied 64 times.
    auto printed_as_heading = [&](std::string_view text) {
        const std::vector<std::size_t> kept = kept_bytes_below(doc);
        return std::any_of(headings.begin(), headings.end(),
                           [&](NodeId h) { return kept[h] <= text.size() && doc.text(h) == text; });
    };
    const std::string from_title =
        title ? article_title(*title, printed_as_heading, h1_count, only_h1) : std::string();
    if (ld && (ld->name || ld->headline)) {
        if (ld->name && ld->headline && *ld->name != *ld->headline) {
            const bool headline_matches = text_similarity(*ld->headline, from_title) > 0.75;
            const bool name_matches = text_similarity(*ld->name, from_title) > 0.75;
            meta.title = headline_matches && !name_matches ? ld->headline : ld->name;
        } else {
            meta.title = ld->name ? ld->name : ld->headline;
        }
    }
    if (!meta.title) {
        meta.title = first_of({"dc:title", "dcterm:title", "og:title", "weibo:article:title",
                               "weibo:webpage:title", "title", "twitter:title", "parsely-title"});
    }
    if (!meta.title) meta.title = microdata_headline;
    if (!meta.title && !from_title.empty()) meta.title = from_title;
    if (!meta.title && h1_count >= 1) meta.title = non_empty(only_h1);

    // Byline: the first source that names someone (text/byline.hpp cleans each); a user name
    // ("devindra", "CC7567") only when none names a person, and then after the visible byline.
    {
        std::vector<std::optional<std::string>> candidates{ld ? ld->author : std::nullopt};
        for (const auto key : {"dc:creator"sv, "dcterm:creator"sv, "author"sv, "parsely-author"sv})
            candidates.push_back(value(key));
        if (auto a = value("article:author"); a && !is_url(*a)) candidates.push_back(a);
        candidates.push_back(microdata_author);
        candidates.push_back(author_link);
        for (const auto& c : candidates) {
            if (!c) continue;
            auto name = byline::clean(*c);
            if (!name) continue;
            if (!byline::is_handle(*name)) {
                meta.byline = std::move(name);
                break;
            }
            if (!meta.byline_handle) meta.byline_handle = std::move(name);
        }
    }

    meta.url = canonical
                   ? canonical
                   : (other_of({"og:url"}) ? other_of({"og:url"}) : (ld ? ld->url : std::nullopt));
    if (!meta.language && ld && ld->language) meta.language = ld->language;
    if (!meta.language) {
        if (auto locale = other_of({"og:locale"})) meta.language = locale;
    }

    // Date: every stated timestamp, best source first; html_dates chooses, with the dates
    // printed for people and the one in the address.
    StatedDates stated;
    auto add = [&](std::optional<std::string> v, DateSource source) {
        if (v) stated.published.emplace_back(std::move(*v), source);
    };
    if (ld) {
        add(ld->date, DateSource::JsonLd);
        add(ld->graph_date, DateSource::JsonLd);
    }
    add(first_of({"article:published_time", "parsely-pub-date"}), DateSource::Meta);
    for (const auto key :
         {"article:published_time"sv, "og:published_time"sv,     "og:article:published_time"sv,
          "datepublished"sv,          "publication_date"sv,      "publish_date"sv,
          "publish-date"sv,           "publishdate"sv,           "pubdate"sv,
          "date_published"sv,         "dc:date:issued"sv,        "dc:date:created"sv,
          "dcterms:created"sv,        "dcterms:issued"sv,        "dc:created"sv,
          "sailthru:date"sv,          "article:published"sv,     "citation_publication_date"sv,
          "citation_date"sv,          "prism:publicationdate"sv, "originalpublicationdate"sv,
          "date_created"sv,           "creation_date"sv,         "displaydate"sv})
        add(other_of({key}), DateSource::Meta);
    add(microdata_date, DateSource::Meta);
    for (const auto key : {"date"sv, "dc:date"sv, "dcterms:date"sv}) {
        if (auto v = other_of({key})) stated.generic.push_back(std::move(*v));
    }
    add(time_date, DateSource::Time);
    if (ld && ld->modified) stated.modified.push_back(*ld->modified);
    for (const auto key : {"article:modified_time"sv, "og:updated_time"sv, "datemodified"sv,
                           "dcterms:modified"sv, "dc:date:modified"sv, "article:modified"sv,
                           "modified_time"sv, "last-modified"sv, "lastmod"sv})
        if (auto v = other_of({key})) stated.modified.push_back(*v);
    if (microdata_modified) stated.modified.push_back(*microdata_modified);
    stated.in_script = script_date;
    title_heading = meta.title ? find_title_heading(doc, *meta.title) : kNoNode;
    const ChosenDates chosen = choose_dates(
        doc, stated, meta.url, meta.language ? *meta.language : std::string(), title_heading);
    meta.date_text = chosen.published_text;
    meta.date_source = chosen.source;
    meta.printed_day = chosen.printed_day;
    meta.date_modified = chosen.modified_text;
    meta.fallback_date_text = chosen.fallback_text;
    meta.fallback_date_source = chosen.fallback_source;
    meta.fallback_day = chosen.fallback_day;

    meta.category = ld && ld->section ? ld->section : other_of({"article:section"});

    // Description: JSON-LD → Dublin Core → OpenGraph → <meta name=description> → Twitter
    // (Readability's order).
    meta.description = clean_stated(
        ld && ld->description ? ld->description
                              : first_of({"dc:description", "dcterm:description", "og:description",
                                          "weibo:article:description", "weibo:webpage:description",
                                          "description", "twitter:description"}),
        kMaxDescriptionBytes);
    // The lead image as written (made absolute against the page's address later).
    meta.image = ld && ld->image ? ld->image
                                 : other_of({"og:image", "og:image:url", "og:image:secure_url",
                                             "twitter:image", "twitter:image:src"});
    if (meta.image && meta.image->size() > kMaxUrlBytes) meta.image.reset();
    if (base && base->size() <= kMaxUrlBytes) meta.base = base;
    TagList tags;
    for (const auto& t : meta_tags)
        tags.add(t);
    if (ld) {
        for (const auto& t : ld->keywords)
            tags.add(t);
    }
    for (const auto& t : link_tags)
        tags.add(t);
    meta.tags = tags.take();
    if (ld && ld->body) meta.article_body = std::move(ld->body);
    return meta;
}

}  // namespace pressparse::html
