#include "html_metadata.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <nlohmann/json.hpp>
#include <unordered_set>

#include "pressparse/unicode.hpp"

namespace pressparse::html {

namespace {

using json = nlohmann::json;
using namespace std::string_view_literals;

// schema.org types that are articles (Readability's list).
constexpr std::array kArticleTypes{
    "Article"sv,
    "AdvertiserContentArticle"sv,
    "NewsArticle"sv,
    "AnalysisNewsArticle"sv,
    "AskPublicNewsArticle"sv,
    "BackgroundNewsArticle"sv,
    "OpinionNewsArticle"sv,
    "ReportageNewsArticle"sv,
    "ReviewNewsArticle"sv,
    "Report"sv,
    "SatiricalArticle"sv,
    "ScholarlyArticle"sv,
    "MedicalScholarlyArticle"sv,
    "SocialMediaPosting"sv,
    "BlogPosting"sv,
    "LiveBlogPosting"sv,
    "DiscussionForumPosting"sv,
    "TechArticle"sv,
    "APIReference"sv,
    "WebPage"sv,
};

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (auto& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

std::optional<std::string> non_empty(std::string s) {
    s = unicode::fold_whitespace(s);
    if (s.empty()) return std::nullopt;
    return s;
}

bool is_url(std::string_view s) {
    return s.rfind("http://", 0) == 0 || s.rfind("https://", 0) == 0 || s.rfind("//", 0) == 0;
}

bool type_matches(const json& type, bool allow_webpage) {
    auto one = [&](const json& t) {
        if (!t.is_string()) return false;
        const std::string& s = t.get_ref<const std::string&>();
        for (auto a : kArticleTypes) {
            if (s == a && (allow_webpage || a != "WebPage")) return true;
        }
        return false;
    };
    if (type.is_array()) return std::any_of(type.begin(), type.end(), one);
    return one(type);
}

std::optional<std::string> string_of(const json& v) {
    if (v.is_string()) return non_empty(v.get<std::string>());
    return std::nullopt;
}

// author: "Name" | {"name": "Name"} | [{"name": …}, …]
std::optional<std::string> author_of(const json& v) {
    if (v.is_string()) return non_empty(v.get<std::string>());
    if (v.is_object() && v.contains("name")) return string_of(v["name"]);
    if (v.is_array()) {
        std::string names;
        for (const auto& item : v) {
            if (auto n = author_of(item)) {
                if (!names.empty()) names += ", ";
                names += *n;
            }
        }
        return non_empty(names);
    }
    return std::nullopt;
}

struct JsonLd {
    std::optional<std::string> name, headline, date, author, publisher, url, language, section;
};

// Finds the first article object (depth-first, iteratively) in a JSON-LD value.
const json* find_article(const json& root, bool allow_webpage) {
    std::vector<const json*> stack{&root};
    std::size_t visited = 0;
    while (!stack.empty() && visited++ < 10000) {
        const json* v = stack.back();
        stack.pop_back();
        if (v->is_array()) {
            for (auto it = v->rbegin(); it != v->rend(); ++it)
                stack.push_back(&*it);
        } else if (v->is_object()) {
            if (v->contains("@type") && type_matches((*v)["@type"], allow_webpage)) return v;
            if (v->contains("@graph")) stack.push_back(&(*v)["@graph"]);
            if (v->contains("mainEntity")) stack.push_back(&(*v)["mainEntity"]);
        }
    }
    return nullptr;
}

std::optional<JsonLd> parse_json_ld(std::string_view raw) {
    std::string text(raw);
    // Some pages wrap the JSON in comments or CDATA markers.
    for (std::string_view marker :
         {"<!--"sv, "-->"sv, "//<![CDATA["sv, "//]]>"sv, "<![CDATA["sv, "]]>"sv}) {
        for (auto pos = text.find(marker); pos != std::string::npos; pos = text.find(marker))
            text.erase(pos, marker.size());
    }
    json root = json::parse(text, nullptr, false);
    if (root.is_discarded()) return std::nullopt;
    const json* article = find_article(root, false);
    if (!article) article = find_article(root, true);
    if (!article) return std::nullopt;
    const json& a = *article;
    JsonLd out;
    if (a.contains("name")) out.name = string_of(a["name"]);
    if (a.contains("headline")) out.headline = string_of(a["headline"]);
    if (a.contains("datePublished")) out.date = string_of(a["datePublished"]);
    if (!out.date && a.contains("dateCreated")) out.date = string_of(a["dateCreated"]);
    if (a.contains("author")) out.author = author_of(a["author"]);
    if (!out.author && a.contains("creator")) out.author = author_of(a["creator"]);
    if (a.contains("publisher")) out.publisher = author_of(a["publisher"]);
    if (a.contains("url")) out.url = string_of(a["url"]);
    if (!out.url && a.contains("mainEntityOfPage")) {
        const json& m = a["mainEntityOfPage"];
        out.url = m.is_object() && m.contains("@id") ? string_of(m["@id"]) : string_of(m);
    }
    if (a.contains("inLanguage")) out.language = string_of(a["inLanguage"]);
    if (a.contains("articleSection")) {
        const json& s = a["articleSection"];
        out.section = s.is_array() && !s.empty() ? string_of(s[0]) : string_of(s);
    }
    return out;
}

// Lower-cased words made of letters and digits.
std::vector<std::string> words(std::string_view text) {
    std::vector<std::string> out;
    std::string lower = unicode::to_lower(text);
    std::string current;
    for (std::size_t i = 0; i < lower.size();) {
        const std::size_t start = i;
        const char32_t c = unicode::next_code_point(lower, i);
        const bool word_char = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
                               (c > 0x7F && c != 0xA0 && c != 0x2014 && c != 0x2013 && c != 0xAB &&
                                c != 0xBB && c != 0x201C && c != 0x201D && c != 0x2019);
        if (word_char) {
            current.append(lower, start, i - start);
        } else if (!current.empty()) {
            out.push_back(std::move(current));
            current.clear();
        }
    }
    if (!current.empty()) out.push_back(std::move(current));
    return out;
}

std::size_t joined_length(const std::vector<std::string>& ws) {
    std::size_t n = 0;
    for (const auto& w : ws)
        n += w.size() + 1;
    return n == 0 ? 0 : n - 1;
}

int word_count(std::string_view s) {
    return unicode::count_tokens(s);
}

}  // namespace

double text_similarity(std::string_view a, std::string_view b) {
    const auto wa = words(a);
    const auto wb = words(b);
    if (wa.empty() || wb.empty()) return 0;
    const std::unordered_set<std::string> in_a(wa.begin(), wa.end());
    std::vector<std::string> unique_b;
    for (const auto& w : wb) {
        if (!in_a.count(w)) unique_b.push_back(w);
    }
    return 1.0 -
           static_cast<double>(joined_length(unique_b)) / static_cast<double>(joined_length(wb));
}

std::string clean_document_title(std::string_view title_in, std::string_view site_name,
                                 const std::vector<std::string>& headings) {
    const std::string title = unicode::fold_whitespace(title_in);
    if (title.empty()) return title;
    // A heading that is the title exactly, or that the title starts/ends with, is the headline.
    for (const auto& h : headings) {
        if (h == title) return title;
    }
    static constexpr std::array kSeparators{" | "sv, " - "sv, " – "sv, " — "sv, " \\ "sv,
                                            " / "sv, " > "sv, " » "sv, " :: "sv};
    // Split on the separators.
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i < title.size();) {
        bool matched = false;
        for (auto sep : kSeparators) {
            if (title.compare(i, sep.size(), sep) == 0) {
                parts.push_back(title.substr(start, i - start));
                i += sep.size();
                start = i;
                matched = true;
                break;
            }
        }
        if (!matched) ++i;
    }
    parts.push_back(title.substr(start));
    if (parts.size() == 1) {
        // "Site: Headline" when no heading confirms the whole.
        const auto colon = title.find(": ");
        if (colon != std::string::npos) {
            const std::string after = title.substr(colon + 2);
            for (const auto& h : headings) {
                if (h == after) return after;
            }
        }
        return title;
    }
    // Drop parts that are the site's name; prefer a part that matches a heading.
    const std::string site = unicode::to_lower(site_name);
    std::vector<std::string> kept;
    for (auto& p : parts) {
        const std::string lp = unicode::to_lower(p);
        if (!site.empty() && (lp == site || text_similarity(site, lp) > 0.99)) continue;
        kept.push_back(p);
    }
    for (const auto& p : kept) {
        for (const auto& h : headings) {
            if (h == p) return p;
        }
    }
    if (kept.empty()) return title;
    if (kept.size() == 1) return kept.front();
    // Readability's rule: drop what follows the last separator, unless that leaves too little.
    const std::size_t last_sep_end = title.size() - parts.back().size();
    std::size_t cut = last_sep_end;
    for (auto sep : kSeparators) {
        if (cut >= sep.size() && title.compare(cut - sep.size(), sep.size(), sep) == 0) {
            cut -= sep.size();
            break;
        }
    }
    std::string head = title.substr(0, cut);
    if (word_count(head) >= 3) return head;
    // Too short: remove the first part instead.
    std::string tail = title.substr(parts.front().size());
    for (auto sep : kSeparators) {
        if (tail.compare(0, sep.size(), sep) == 0) {
            tail.erase(0, sep.size());
            break;
        }
    }
    return word_count(tail) >= 3 ? tail : title;
}

Metadata extract_metadata(const Document& doc) {
    Metadata meta;
    std::map<std::string, std::string> values;  // first value of each meta key
    std::optional<JsonLd> ld;
    std::optional<std::string> microdata_headline, microdata_author, microdata_date, time_date,
        canonical, title;
    std::vector<std::string> headings;

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
                std::string key(doc.attr(id, "property"));
                if (key.empty()) key = std::string(doc.attr(id, "name"));
                if (key.empty()) key = std::string(doc.attr(id, "itemprop"));
                const std::string_view content = doc.attr(id, "content");
                if (key.empty() || content.empty()) continue;
                key = lower_ascii(key);
                // "dc.creator" and "dc:creator" are one key; so are "og:title" and "og-title".
                std::replace(key.begin(), key.end(), '.', ':');
                key.erase(std::remove(key.begin(), key.end(), ' '), key.end());
                if (auto v = non_empty(std::string(content))) values.emplace(key, *v);
                continue;
            }
            case GUMBO_TAG_LINK:
                if (!canonical && lower_ascii(doc.attr(id, "rel")) == "canonical") {
                    canonical = non_empty(std::string(doc.attr(id, "href")));
                }
                continue;
            case GUMBO_TAG_SCRIPT:
                if (!ld && lower_ascii(doc.attr(id, "type")) == "application/ld+json") {
                    std::string raw;
                    for (NodeId c = n.first_child; c != kNoNode; c = doc.node(c).next_sibling)
                        raw.append(doc.node(c).text);
                    ld = parse_json_ld(raw);
                }
                continue;
            case GUMBO_TAG_TIME:
                if (!time_date) time_date = non_empty(std::string(doc.attr(id, "datetime")));
                break;
            case GUMBO_TAG_H1:
            case GUMBO_TAG_H2:
                if (headings.size() < 16) headings.push_back(doc.text(id));
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

    auto value = [&](std::string_view key) -> std::optional<std::string> {
        auto it = values.find(std::string(key));
        return it == values.end() ? std::nullopt : std::optional<std::string>(it->second);
    };
    auto first_of =
        [&](std::initializer_list<std::string_view> keys) -> std::optional<std::string> {
        for (auto k : keys) {
            if (auto v = value(k)) return v;
        }
        return std::nullopt;
    };

    meta.document_title = title;
    meta.site_name = ld && ld->publisher ? ld->publisher : value("og:site_name");

    // Title: JSON-LD (name or headline, whichever is nearer the document title) → og → twitter →
    // dc → microdata → <title> without the site name.
    const std::string cleaned_title =
        title ? clean_document_title(*title, meta.site_name.value_or(""), headings) : std::string();
    if (ld && (ld->name || ld->headline)) {
        if (ld->name && ld->headline && *ld->name != *ld->headline) {
            const bool headline_matches = text_similarity(*ld->headline, cleaned_title) > 0.75;
            const bool name_matches = text_similarity(*ld->name, cleaned_title) > 0.75;
            meta.title = headline_matches && !name_matches ? ld->headline : ld->name;
        } else {
            meta.title = ld->name ? ld->name : ld->headline;
        }
    }
    if (!meta.title)
        meta.title =
            first_of({"dc:title", "dcterm:title", "og:title", "twitter:title", "parsely-title"});
    if (!meta.title) meta.title = microdata_headline;
    if (!meta.title && !cleaned_title.empty()) meta.title = cleaned_title;

    // Byline.
    if (ld && ld->author) meta.byline = ld->author;
    if (!meta.byline)
        meta.byline = first_of({"dc:creator", "dcterm:creator", "author", "parsely-author"});
    if (!meta.byline) {
        if (auto a = value("article:author"); a && !is_url(*a)) meta.byline = a;
    }
    if (!meta.byline) meta.byline = microdata_author;

    // Date.
    if (ld && ld->date) {
        meta.date_text = ld->date;
        meta.date_source = DateSource::JsonLd;
    } else if (auto d = first_of({"article:published_time", "parsely-pub-date", "og:published_time",
                                  "datepublished", "date", "pubdate", "publishdate", "publish-date",
                                  "publish_date", "dc:date", "dc:date:issued", "dcterms:created",
                                  "sailthru:date", "article:published"})) {
        meta.date_text = d;
        meta.date_source = DateSource::Meta;
    } else if (microdata_date) {
        meta.date_text = microdata_date;
        meta.date_source = DateSource::Meta;
    } else if (time_date) {
        meta.date_text = time_date;
        meta.date_source = DateSource::Time;
    }

    meta.url =
        canonical ? canonical : (value("og:url") ? value("og:url") : (ld ? ld->url : std::nullopt));
    if (!meta.language && ld && ld->language) meta.language = ld->language;
    if (!meta.language) {
        if (auto locale = value("og:locale")) {
            std::string tag = *locale;
            std::replace(tag.begin(), tag.end(), '_', '-');
            meta.language = tag;
        }
    }
    meta.category = ld && ld->section ? ld->section : value("article:section");
    return meta;
}

}  // namespace pressparse::html
