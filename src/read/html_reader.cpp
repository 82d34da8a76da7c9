// Finding the article in an HTML page and turning it into blocks.
//
// The approach is that of Mozilla's Readability, re-done over the flat DOM of html_dom.hpp:
//   1. drop what is never content (scripts, hidden elements, navigation, ads, share bars,
//      comment widgets, cookie banners, teaser lists — the latter kept aside as related links),
//      and, on the first attempt, "unlikely" containers by class/id;
//   2. score paragraphs into their ancestors (commas, length; class/id weight; tag kind), damp
//      by link density, pick the best container and the siblings that belong with it;
//   3. clean it conditionally (lists and divs that are mostly links, images or forms);
//   4. if that leaves under 500 characters, try again with fewer rules and keep the longest.
// Every pass is a loop over node ids (pre-order), never recursion. Aggregates (text length,
// link text, commas, element counts) are computed bottom-up once per attempt and kept current
// when conditional cleaning removes a subtree.
#include "pressparse/html_reader.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "html_dom.hpp"
#include "html_metadata.hpp"
#include "pressparse/unicode.hpp"

namespace pressparse {

namespace {

using namespace html;
using namespace std::string_view_literals;

// Substrings of class/id that mark a container as unlikely to hold the article (Readability's).
constexpr std::array kUnlikely{
    "-ad-"sv,         "ai2html"sv,    "banner"sv,  "breadcrumbs"sv, "combx"sv,  "comment"sv,
    "community"sv,    "cover-wrap"sv, "disqus"sv,  "extra"sv,       "footer"sv, "gdpr"sv,
    "header"sv,       "legends"sv,    "menu"sv,    "related"sv,     "remark"sv, "replies"sv,
    "rss"sv,          "shoutbox"sv,   "sidebar"sv, "skyscraper"sv,  "social"sv, "sponsor"sv,
    "supplemental"sv, "ad-break"sv,   "agegate"sv, "pagination"sv,  "pager"sv,  "popup"sv,
    "yom-remote"sv,
};
// …unless they also say this.
constexpr std::array kMaybeCandidate{"and"sv,     "article"sv, "body"sv,    "column"sv,
                                     "content"sv, "main"sv,    "mathjax"sv, "shadow"sv};

constexpr std::array kNegative{
    "-ad-"sv,     "hidden"sv,     "banner"sv,  "combx"sv,    "comment"sv, "com-"sv,
    "contact"sv,  "footer"sv,     "gdpr"sv,    "masthead"sv, "media"sv,   "meta"sv,
    "outbrain"sv, "promo"sv,      "related"sv, "scroll"sv,   "share"sv,   "shoutbox"sv,
    "sidebar"sv,  "skyscraper"sv, "sponsor"sv, "shopping"sv, "tags"sv,    "widget"sv,
};
constexpr std::array kPositive{
    "article"sv, "body"sv,       "content"sv, "entry"sv, "hentry"sv, "h-entry"sv, "main"sv,
    "page"sv,    "pagination"sv, "post"sv,    "text"sv,  "blog"sv,   "story"sv,
};

// Whole class tokens that are never article text, whatever else the element says. Press.lv's
// own ad containers are among them (post-content-inner--ad-block, ads--banner).
constexpr std::array kBoilerplateTokens{
    "ad"sv,
    "ads"sv,
    "advert"sv,
    "advertisement"sv,
    "adsbygoogle"sv,
    "ad-block"sv,
    "ads--banner"sv,
    "post-content-inner--ad-block"sv,
    "banner"sv,
    "cookie"sv,
    "cookies"sv,
    "cookie-banner"sv,
    "cookie-notice"sv,
    "consent"sv,
    "newsletter"sv,
    "subscribe"sv,
    "subscription"sv,
    "paywall"sv,
    "share"sv,
    "shares"sv,
    "sharing"sv,
    "share-buttons"sv,
    "social-share"sv,
    "social-links"sv,
    "comments"sv,
    "comment-list"sv,
    "comments-area"sv,
    "print-only"sv,
    "visually-hidden"sv,
    "sr-only"sv,
    "screen-reader-text"sv,
};

// Class/id substrings of teaser lists ("read also", "related", "more news").
constexpr std::array kTeaserHints{
    "related"sv,  "teaser"sv,        "more-news"sv,   "more-stories"sv, "read-also"sv,
    "readalso"sv, "also-read"sv,     "recommend"sv,   "popular"sv,      "similar"sv,
    "see-also"sv, "more-articles"sv, "latest-news"sv,
};

constexpr std::array kUnlikelyRoles{"menu"sv,  "menubar"sv,     "complementary"sv, "navigation"sv,
                                    "alert"sv, "alertdialog"sv, "dialog"sv};

constexpr std::array kCreditHints{"credit"sv,       "copyright"sv,    "photographer"sv,
                                  "photo-source"sv, "image-source"sv, "author"sv,
                                  "source"sv};

constexpr std::size_t kCharThreshold = 500;

// Bounds of a byline element's subtree, far above any byline (under 100 characters): beyond them
// its text is not built at all.
constexpr double kMaxBylineText = 4000;
constexpr std::size_t kMaxBylineNodes = 50000;

bool contains_any(std::string_view s, auto const& table) {
    return std::any_of(table.begin(), table.end(),
                       [&](std::string_view t) { return s.find(t) != std::string_view::npos; });
}

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (auto& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

bool has_class_token(std::string_view cls_lower, auto const& table) {
    std::size_t i = 0;
    while (i < cls_lower.size()) {
        while (i < cls_lower.size() && cls_lower[i] == ' ')
            ++i;
        const std::size_t start = i;
        while (i < cls_lower.size() && cls_lower[i] != ' ')
            ++i;
        const std::string_view token = cls_lower.substr(start, i - start);
        if (!token.empty() && std::find(table.begin(), table.end(), token) != table.end())
            return true;
    }
    return false;
}

bool is_heading(GumboTag t) {
    return t >= GUMBO_TAG_H1 && t <= GUMBO_TAG_H6;
}

// Never content, whatever their attributes.
bool is_dropped_tag(GumboTag t) {
    switch (t) {
        case GUMBO_TAG_HEAD:
        case GUMBO_TAG_SCRIPT:
        case GUMBO_TAG_STYLE:
        case GUMBO_TAG_NOSCRIPT:
        case GUMBO_TAG_TEMPLATE:
        case GUMBO_TAG_IFRAME:
        case GUMBO_TAG_OBJECT:
        case GUMBO_TAG_EMBED:
        case GUMBO_TAG_CANVAS:
        case GUMBO_TAG_AUDIO:
        case GUMBO_TAG_VIDEO:
        case GUMBO_TAG_SELECT:
        case GUMBO_TAG_OPTION:
        case GUMBO_TAG_BUTTON:
        case GUMBO_TAG_INPUT:
        case GUMBO_TAG_TEXTAREA:
        case GUMBO_TAG_NAV:
        case GUMBO_TAG_LINK:
        case GUMBO_TAG_META:
        case GUMBO_TAG_MENU:
        case GUMBO_TAG_SVG:
            return true;
        default:
            return false;
    }
}

// Elements that make a <div> more than a paragraph.
bool is_div_to_p_blocker(GumboTag t) {
    if (is_heading(t)) return true;
    switch (t) {
        case GUMBO_TAG_BLOCKQUOTE:
        case GUMBO_TAG_DL:
        case GUMBO_TAG_DIV:
        case GUMBO_TAG_IMG:
        case GUMBO_TAG_OL:
        case GUMBO_TAG_P:
        case GUMBO_TAG_PRE:
        case GUMBO_TAG_TABLE:
        case GUMBO_TAG_UL:
        case GUMBO_TAG_SECTION:
        case GUMBO_TAG_ARTICLE:
        case GUMBO_TAG_FIGURE:
            return true;
        default:
            return false;
    }
}

bool is_comma(char32_t c) {
    return c == ',' || c == 0x060C || c == 0xFE50 || c == 0xFE10 || c == 0xFE11 || c == 0x2E41 ||
           c == 0x2E34 || c == 0x2E32 || c == 0xFF0C;
}

struct Agg {
    float text = 0;  // characters of text (white space runs count one)
    float link = 0;  // characters inside links (fragment links weigh 0.3)
    std::uint32_t commas = 0;
    std::uint32_t p = 0, img = 0, li = 0, input = 0, embed = 0;
    float heading_text = 0;
    float li_text = 0;
    bool block_child = false;  // a descendant that stops a div from being a paragraph

    void add(const Agg& o) {
        text += o.text;
        link += o.link;
        commas += o.commas;
        p += o.p;
        img += o.img;
        li += o.li;
        input += o.input;
        embed += o.embed;
        heading_text += o.heading_text;
        li_text += o.li_text;
    }
    void subtract(const Agg& o) {
        text -= o.text;
        link -= o.link;
        commas -= std::min(commas, o.commas);
        p -= std::min(p, o.p);
        img -= std::min(img, o.img);
        li -= std::min(li, o.li);
        input -= std::min(input, o.input);
        embed -= std::min(embed, o.embed);
        heading_text -= o.heading_text;
        li_text -= o.li_text;
    }
};

struct TextStats {
    float length = 0;
    std::uint32_t commas = 0;
};

TextStats measure(std::string_view text) {
    TextStats s;
    bool in_space = true;  // leading white space does not count
    for (std::size_t i = 0; i < text.size();) {
        const auto byte = static_cast<unsigned char>(text[i]);
        char32_t c;
        if (byte < 0x80) {
            c = byte;
            ++i;
        } else {
            c = unicode::next_code_point(text, i);
        }
        const bool space =
            c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == 0xA0 || c == '\f';
        if (space) {
            if (!in_space) s.length += 1;
            in_space = true;
            continue;
        }
        in_space = false;
        s.length += 1;
        if (is_comma(c)) ++s.commas;
    }
    return s;
}

struct Flags {
    bool strip_unlikely = true;
    bool weight_classes = true;
    bool clean_conditionally = true;
};

struct Extraction {
    std::vector<NodeId> roots;  // the article: these subtrees, in order
    std::vector<std::uint8_t> dead;
    float text_length = 0;
};

class Extractor {
  public:
    Extractor(const Document& doc, const Metadata& meta)
        : doc_(doc), meta_(meta), n_(doc.nodes().size()) {
        match_.resize(n_);
        for (NodeId id = 0; id < n_; ++id) {
            const Node& node = doc_.node(id);
            if (node.kind != Node::Kind::Element) continue;
            const std::string_view cls = doc_.attr(id, "class");
            const std::string_view eid = doc_.attr(id, "id");
            if (!cls.empty() || !eid.empty()) {
                std::string m = lower_ascii(cls);
                m += ' ';
                m += lower_ascii(eid);
                match_[id] = std::move(m);
            }
        }
        text_stats_.resize(n_);
        for (NodeId id = 0; id < n_; ++id) {
            const Node& node = doc_.node(id);
            if (node.kind == Node::Kind::Text) text_stats_[id] = measure(node.text);
        }
        // Per subtree, bottom up (children have larger ids than their parent): its size, its
        // text length and its first itemprop=name element, so that nested author containers
        // are each judged without walking their subtree again.
        subtree_.assign(n_, Subtree{});
        for (auto id = static_cast<NodeId>(n_); id-- > 0;) {
            Subtree& t = subtree_[id];
            t.nodes += 1;
            t.text += text_stats_[id].length;
            if (doc_.node(id).kind == Node::Kind::Element && doc_.node(id).tag == GUMBO_TAG_A)
                t.links += 1;
            if (doc_.node(id).kind == Node::Kind::Element && doc_.attr(id, "itemprop") == "name")
                t.first_name = id;
            const NodeId parent = doc_.node(id).parent;
            if (parent == kNoNode) continue;
            Subtree& p = subtree_[parent];
            p.nodes += t.nodes;
            p.links += t.links;
            p.text += t.text;
            // Visiting children last to first, the earliest one with a name wins.
            if (t.first_name != kNoNode) p.first_name = t.first_name;
        }
        if (meta_.title) title_words_.emplace(*meta_.title);
    }

    std::optional<std::string> byline() const { return byline_; }
    const std::vector<Related>& related() const { return related_; }

    Extraction run() {
        const std::array<Flags, 4> attempts{Flags{true, true, true}, Flags{false, true, true},
                                            Flags{false, false, true}, Flags{false, false, false}};
        Extraction best;
        for (const Flags& flags : attempts) {
            Extraction e = attempt(flags);
            if (e.text_length >= kCharThreshold) return e;
            if (best.roots.empty() || e.text_length > best.text_length) best = std::move(e);
        }
        return best;
    }

    // Emits the blocks of an extraction.
    Blocks blocks(const Extraction& e) const;

    // The short lines between the page's <h1> and the article body, where sites print the byline,
    // the date and the section: blocks marked Preamble, for the segmenter to recognise or drop.
    Blocks preamble(const Extraction& e);

  private:
    // ----- pass 1: what is never content -----
    void mark_dead(const Flags& flags, std::vector<std::uint8_t>& dead, bool first_attempt) {
        dead.assign(n_, 0);
        std::vector<std::uint8_t> in_table_or_code(n_, 0);
        bool title_header_removed = false;
        for (NodeId id = 0; id < n_; ++id) {
            const Node& node = doc_.node(id);
            const NodeId parent = node.parent;
            if (parent != kNoNode) {
                if (dead[parent]) {
                    dead[id] = 1;
                    continue;
                }
                in_table_or_code[id] = in_table_or_code[parent];
            }
            if (node.kind != Node::Kind::Element) continue;
            const GumboTag tag = node.tag;
            if (tag == GUMBO_TAG_TABLE || tag == GUMBO_TAG_CODE) in_table_or_code[id] = 1;
            if (is_dropped_tag(tag) || !visible(id)) {
                dead[id] = 1;
                continue;
            }
            const std::string& match = match_[id];
            if (!match.empty() && tag != GUMBO_TAG_BODY && tag != GUMBO_TAG_HTML) {
                if (has_class_token(match, kBoilerplateTokens)) {
                    dead[id] = 1;
                    continue;
                }
                if (contains_any(match, kTeaserHints) && tag != GUMBO_TAG_BODY &&
                    tag != GUMBO_TAG_HTML &&
                    !contains_any(match, std::array{"article-body"sv, "post-content"sv})) {
                    if (first_attempt) collect_teasers(id);
                    dead[id] = 1;
                    continue;
                }
            }
            if (first_attempt && !byline_ && check_byline(id)) {
                dead[id] = 1;
                continue;
            }
            if (!title_header_removed && (tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2) &&
                title_words_) {
                const std::string heading = doc_.text(id);
                if (title_words_->covering(heading) > 0.75 &&
                    title_words_->covered_by(heading) > 0.75) {
                    title_header_removed = true;
                    dead[id] = 1;
                    continue;
                }
            }
            if (flags.strip_unlikely) {
                if (!match.empty() && contains_any(match, kUnlikely) &&
                    !contains_any(match, kMaybeCandidate) && !in_table_or_code[id] &&
                    tag != GUMBO_TAG_BODY && tag != GUMBO_TAG_A && tag != GUMBO_TAG_HTML) {
                    dead[id] = 1;
                    continue;
                }
                const std::string role = lower_ascii(doc_.attr(id, "role"));
                if (!role.empty() && std::find(kUnlikelyRoles.begin(), kUnlikelyRoles.end(),
                                               role) != kUnlikelyRoles.end()) {
                    dead[id] = 1;
                    continue;
                }
            }
        }
    }

    bool visible(NodeId id) const {
        if (doc_.has_attr(id, "hidden")) return false;
        if (doc_.attr(id, "aria-hidden") == "true" &&
            match_[id].find("fallback-image") == std::string::npos)
            return false;
        const std::string_view style = doc_.attr(id, "style");
        if (!style.empty()) {
            std::string s = lower_ascii(style);
            s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
            if (s.find("display:none") != std::string::npos ||
                s.find("visibility:hidden") != std::string::npos)
                return false;
        }
        return doc_.attr(id, "aria-modal") != "true" || doc_.attr(id, "role") != "dialog";
    }

    bool check_byline(NodeId id) {
        const std::string_view rel = doc_.attr(id, "rel");
        const std::string_view itemprop = doc_.attr(id, "itemprop");
        const std::string& match = match_[id];
        const bool hinted = rel == "author" || itemprop.find("author") != std::string_view::npos ||
                            contains_any(match, std::array{"byline"sv, "author"sv, "dateline"sv,
                                                           "writtenby"sv, "p-author"sv});
        if (!hinted) return false;
        // The author's name inside an author card, when marked; else the whole text. Nested
        // author containers share their text, so what would be too long is never built: a
        // subtree with more than kMaxBylineText characters (a byline has under 100) or more than
        // kMaxBylineNodes nodes is no byline, and a name element already refused is not read again.
        std::string text;
        const Subtree& t = subtree_[id];
        if (t.first_name != kNoNode) {
            if (t.first_name == refused_name_) return false;
            if (subtree_[t.first_name].text <= kMaxBylineText) text = doc_.text(t.first_name);
            if (text.empty() || unicode::count_characters(text) >= 100) {
                refused_name_ = t.first_name;
                return false;
            }
        } else {
            if (t.text == 0 || t.text > kMaxBylineText || t.nodes > kMaxBylineNodes) return false;
            text = doc_.text(id);
            if (text.empty() || unicode::count_characters(text) >= 100) return false;
        }
        byline_ = text;
        return true;
    }

    // A link's address as the page writes it (resolved against the page's address later), or
    // none for an empty or in-page one.
    std::optional<std::string> link_target(NodeId link) const {
        const std::string_view href = unicode::trim(doc_.attr(link, "href"));
        if (href.empty() || href.front() == '#' || href.size() > 4096) return std::nullopt;
        return std::string(href);
    }

    // Teaser lists: each link with a title-sized text is a related article; the rest of its item
    // (when long enough) is the lead. The item is the nearest li/article below the container, or
    // else the link's parent. Only an item holding no other title link has a lead: the text of an
    // item of many links is theirs, not a lead (and copying it per link would make the output
    // quadratic). Items with one link each are disjoint, so each item's text is read once.
    void collect_teasers(NodeId container) {
        // The container's subtree is a contiguous run of ids (the nodes are in document order).
        const std::uint32_t depth = doc_.node(container).depth;
        NodeId end = container + 1;
        while (end < n_ && doc_.node(end).depth > depth)
            ++end;
        if (item_of_.size() < n_) {
            item_of_.assign(n_, kNoNode);
            links_below_.assign(n_, 0);
        }
        struct Link {
            NodeId item;
            std::string title;
            bool outside = false;  // the container is the link, its item is above it
            NodeId id = kNoNode;   // the link element
        };
        std::vector<Link> links;
        std::unordered_map<NodeId, std::size_t> last_link_of_item;
        item_of_[container] = kNoNode;
        links_below_[container] = 0;
        if (doc_.node(container).tag == GUMBO_TAG_A) {
            std::string title = doc_.text(container);
            if (unicode::count_tokens(title, 3) >= 3 && title.size() <= 400) {
                NodeId item = doc_.node(container).parent;
                for (NodeId at = item; at != kNoNode; at = doc_.node(at).parent) {
                    if (doc_.node(at).tag == GUMBO_TAG_LI ||
                        doc_.node(at).tag == GUMBO_TAG_ARTICLE) {
                        item = at;
                        break;
                    }
                }
                links.push_back(Link{item, std::move(title), true, container});
            }
        }
        for (NodeId id = container + 1; id < end; ++id) {
            const Node& node = doc_.node(id);
            const bool is_item = node.kind == Node::Kind::Element &&
                                 (node.tag == GUMBO_TAG_LI || node.tag == GUMBO_TAG_ARTICLE);
            item_of_[id] = is_item ? id : item_of_[node.parent];
            links_below_[id] = 0;
            if (node.kind != Node::Kind::Element || node.tag != GUMBO_TAG_A) continue;
            std::string title = doc_.text(id);
            if (unicode::count_tokens(title, 3) < 3 || title.size() > 400) continue;
            const NodeId item =
                item_of_[node.parent] != kNoNode ? item_of_[node.parent] : node.parent;
            // A title printed twice in one item (an image link and a heading link) is one title.
            auto [last, first_in_item] = last_link_of_item.try_emplace(item, links.size());
            if (first_in_item || links[last->second].title != title) links_below_[id] = 1;
            last->second = links.size();
            links.push_back(Link{item, std::move(title), false, id});
        }
        for (NodeId id = end; id-- > container + 1;)
            links_below_[doc_.node(id).parent] += links_below_[id];
        for (Link& link : links) {
            std::optional<std::string> lead;
            // An item above the container may hold any number of links: it has a lead only when
            // it holds no other link at all.
            const bool one_title = link.outside
                                       ? link.item != kNoNode && subtree_[link.item].links == 1
                                       : link.item != container && links_below_[link.item] == 1;
            if (one_title) {
                std::string item_text = doc_.text(link.item);
                const auto pos = item_text.find(link.title);
                if (pos != std::string::npos) item_text.erase(pos, link.title.size());
                item_text = unicode::fold_whitespace(item_text);
                if (unicode::count_tokens(item_text, 6) >= 6) lead = std::move(item_text);
            }
            if (related_titles_.insert(link.title).second) {
                related_.push_back(
                    Related{std::move(link.title), std::move(lead), link_target(link.id)});
            }
        }
    }

    // ----- aggregates -----
    void aggregate(const std::vector<std::uint8_t>& dead) {
        agg_.assign(n_, Agg{});
        for (auto id = static_cast<NodeId>(n_); id-- > 0;) {
            if (dead[id]) continue;
            const Node& node = doc_.node(id);
            Agg& a = agg_[id];
            if (node.kind == Node::Kind::Text) {
                a.text = text_stats_[id].length;
                a.commas = text_stats_[id].commas;
            } else {
                switch (node.tag) {
                    case GUMBO_TAG_A: {
                        const std::string_view href = doc_.attr(id, "href");
                        a.link = a.text * (href.size() > 1 && href[0] == '#' ? 0.3f : 1.0f);
                        break;
                    }
                    case GUMBO_TAG_P:
                        ++a.p;
                        break;
                    case GUMBO_TAG_IMG:
                        ++a.img;
                        break;
                    case GUMBO_TAG_LI:
                        ++a.li;
                        a.li_text = a.text;
                        break;
                    case GUMBO_TAG_INPUT:
                        ++a.input;
                        break;
                    case GUMBO_TAG_EMBED:
                    case GUMBO_TAG_OBJECT:
                    case GUMBO_TAG_IFRAME:
                        ++a.embed;
                        break;
                    default:
                        if (is_heading(node.tag)) a.heading_text = a.text;
                        break;
                }
            }
            if (node.parent != kNoNode) {
                Agg& up = agg_[node.parent];
                up.add(a);
                if (node.kind == Node::Kind::Element &&
                    (is_div_to_p_blocker(node.tag) || a.block_child))
                    up.block_child = true;
            }
        }
    }

    float link_density(NodeId id) const {
        return agg_[id].text > 0 ? agg_[id].link / agg_[id].text : 0.0f;
    }

    int class_weight(NodeId id, const Flags& flags) const {
        if (!flags.weight_classes) return 0;
        int w = 0;
        auto weigh = [&](std::string_view s) {
            if (s.empty()) return;
            const std::string l = lower_ascii(s);
            if (contains_any(l, kNegative)) w -= 25;
            if (contains_any(l, kPositive)) w += 25;
        };
        weigh(doc_.attr(id, "class"));
        weigh(doc_.attr(id, "id"));
        return w;
    }

    // A <p>, or a <div> with nothing block-like inside: what Readability treats as a paragraph.
    bool is_p_like(NodeId id) const {
        const Node& n = doc_.node(id);
        if (n.kind != Node::Kind::Element) return false;
        return n.tag == GUMBO_TAG_P || (n.tag == GUMBO_TAG_DIV && !agg_[id].block_child);
    }

    bool is_phrasing(NodeId id) const {
        const Node& n = doc_.node(id);
        if (n.kind == Node::Kind::Text) return true;
        return !is_block_tag(n.tag) && !is_div_to_p_blocker(n.tag) && !agg_[id].block_child;
    }

    // ----- pass 2: scoring -----
    void init_score(NodeId id, const Flags& flags) {
        if (scored_[id]) return;
        scored_[id] = 1;
        float s = 0;
        switch (doc_.node(id).tag) {
            case GUMBO_TAG_DIV:
                s = 5;
                break;
            case GUMBO_TAG_PRE:
            case GUMBO_TAG_TD:
            case GUMBO_TAG_BLOCKQUOTE:
                s = 3;
                break;
            case GUMBO_TAG_ADDRESS:
            case GUMBO_TAG_OL:
            case GUMBO_TAG_UL:
            case GUMBO_TAG_DL:
            case GUMBO_TAG_DD:
            case GUMBO_TAG_DT:
            case GUMBO_TAG_LI:
            case GUMBO_TAG_FORM:
                s = -3;
                break;
            case GUMBO_TAG_H1:
            case GUMBO_TAG_H2:
            case GUMBO_TAG_H3:
            case GUMBO_TAG_H4:
            case GUMBO_TAG_H5:
            case GUMBO_TAG_H6:
            case GUMBO_TAG_TH:
                s = -5;
                break;
            default:
                break;
        }
        score_[id] = s + static_cast<float>(class_weight(id, flags));
        candidates_.push_back(id);
    }

    void score_unit(NodeId first_ancestor, float length, std::uint32_t commas, const Flags& flags) {
        if (length < 25) return;
        const float content =
            1.0f + static_cast<float>(commas + 1) + std::min(std::floor(length / 100.0f), 3.0f);
        NodeId at = first_ancestor;
        for (int level = 0; level < 5 && at != kNoNode; ++level, at = doc_.node(at).parent) {
            const Node& a = doc_.node(at);
            if (a.kind != Node::Kind::Element || a.tag == GUMBO_TAG_HTML || a.parent == kNoNode)
                break;
            init_score(at, flags);
            const float divider =
                level == 0 ? 1.0f : (level == 1 ? 2.0f : static_cast<float>(level) * 3.0f);
            score_[at] += content / divider;
        }
    }

    void score_all(const Flags& flags, const std::vector<std::uint8_t>& dead) {
        score_.assign(n_, 0);
        scored_.assign(n_, 0);
        candidates_.clear();
        for (NodeId id = 0; id < n_; ++id) {
            if (dead[id]) continue;
            const Node& n = doc_.node(id);
            if (n.kind != Node::Kind::Element) continue;
            const GumboTag t = n.tag;
            if (t == GUMBO_TAG_P || t == GUMBO_TAG_TD || t == GUMBO_TAG_PRE ||
                t == GUMBO_TAG_SECTION || (is_heading(t) && t != GUMBO_TAG_H1) ||
                (t == GUMBO_TAG_DIV && !agg_[id].block_child)) {
                if (n.parent != kNoNode)
                    score_unit(n.parent, agg_[id].text, agg_[id].commas, flags);
                continue;
            }
            if (t == GUMBO_TAG_DIV) {
                // Runs of inline content directly in a div with blocks are paragraphs of the div.
                float length = 0;
                std::uint32_t commas = 0;
                for (NodeId c = n.first_child;; c = doc_.node(c).next_sibling) {
                    const bool end = c == kNoNode;
                    if (!end && !dead[c] && is_phrasing(c)) {
                        length += agg_[c].text;
                        commas += agg_[c].commas;
                        continue;
                    }
                    if (length > 0) score_unit(id, length, commas, flags);
                    length = 0;
                    commas = 0;
                    if (end) break;
                }
            }
        }
        for (NodeId id : candidates_)
            score_[id] *= 1.0f - link_density(id);
    }

    // ----- pass 3: the best container and its siblings -----
    std::vector<NodeId> choose(const Flags& flags) {
        const NodeId body = doc_.body();
        std::vector<NodeId> top;  // best five, best first
        for (NodeId id : candidates_) {
            auto it = std::find_if(top.begin(), top.end(),
                                   [&](NodeId t) { return score_[id] > score_[t]; });
            if (top.size() < 5 || it != top.end()) {
                top.insert(it, id);
                if (top.size() > 5) top.pop_back();
            }
        }
        if (top.empty() || top.front() == body || body == kNoNode) {
            return body == kNoNode ? std::vector<NodeId>{} : std::vector<NodeId>{body};
        }
        NodeId best = top.front();

        // Several near-best candidates under one ancestor: the ancestor is the article.
        std::vector<NodeId> alternatives;
        for (std::size_t i = 1; i < top.size(); ++i) {
            if (score_[top[i]] / score_[best] >= 0.75f) alternatives.push_back(top[i]);
        }
        if (alternatives.size() >= 3) {
            // Count, for every ancestor, how many alternatives it contains: one walk up each.
            std::unordered_map<NodeId, int> containing;
            for (NodeId alt : alternatives) {
                for (NodeId a = doc_.node(alt).parent; a != kNoNode; a = doc_.node(a).parent)
                    ++containing[a];
            }
            for (NodeId parent = doc_.node(best).parent; parent != kNoNode && parent != body;
                 parent = doc_.node(parent).parent) {
                if (auto it = containing.find(parent); it != containing.end() && it->second >= 3) {
                    best = parent;
                    break;
                }
            }
        }
        init_score(best, flags);

        // Climb while the parent scores comparably.
        {
            float last = score_[best];
            const float threshold = last / 3;
            for (NodeId parent = doc_.node(best).parent; parent != kNoNode && parent != body;
                 parent = doc_.node(parent).parent) {
                if (!scored_[parent]) continue;
                if (score_[parent] < threshold) break;
                if (score_[parent] > last) {
                    best = parent;
                    break;
                }
                last = score_[parent];
            }
        }
        // An only child stands for its parent.
        for (NodeId parent = doc_.node(best).parent; parent != kNoNode && parent != body;) {
            int element_children = 0;
            for (NodeId c = doc_.node(parent).first_child; c != kNoNode;
                 c = doc_.node(c).next_sibling) {
                if (doc_.node(c).kind == Node::Kind::Element && !dead_[c]) ++element_children;
            }
            if (element_children != 1) break;
            best = parent;
            parent = doc_.node(best).parent;
        }

        // Siblings that belong with the best container.
        std::vector<NodeId> roots;
        const NodeId parent = doc_.node(best).parent;
        if (parent == kNoNode) return {best};
        const float threshold = std::max(10.0f, score_[best] * 0.2f);
        const std::string_view best_class = doc_.attr(best, "class");
        for (NodeId s = doc_.node(parent).first_child; s != kNoNode;
             s = doc_.node(s).next_sibling) {
            if (dead_[s] || doc_.node(s).kind != Node::Kind::Element) continue;
            bool append = s == best;
            if (!append) {
                float bonus = 0;
                if (!best_class.empty() && doc_.attr(s, "class") == best_class)
                    bonus = score_[best] * 0.2f;
                if (scored_[s] && score_[s] + bonus >= threshold) {
                    append = true;
                } else if (is_p_like(s)) {
                    const float density = link_density(s);
                    const float length = agg_[s].text;
                    if (length > 80 && density < 0.25f) {
                        append = true;
                    } else if (length < 80 && length > 0 && density == 0) {
                        const std::string text = doc_.text(s);
                        append = text.find(". ") != std::string::npos ||
                                 (!text.empty() && text.back() == '.');
                    }
                }
            }
            if (append) roots.push_back(s);
        }
        return roots;
    }

    // ----- pass 4: cleaning inside the article -----
    void remove(NodeId id, const std::vector<NodeId>& roots) {
        if (dead_[id]) return;
        const Agg removed = agg_[id];
        for (NodeId at = id; at != kNoNode; at = doc_.next(at, id))
            dead_[at] = 1;
        for (NodeId up = doc_.node(id).parent; up != kNoNode; up = doc_.node(up).parent) {
            agg_[up].subtract(removed);
            if (std::find(roots.begin(), roots.end(), up) != roots.end()) break;
        }
    }

    bool has_ancestor_tag(NodeId id, GumboTag tag, int max_depth = 3) const {
        int depth = 0;
        for (NodeId at = doc_.node(id).parent; at != kNoNode; at = doc_.node(at).parent) {
            if (max_depth > 0 && depth++ >= max_depth) return false;
            if (doc_.node(at).tag == tag) return true;
        }
        return false;
    }

    bool is_data_table(NodeId id) const {
        if (doc_.attr(id, "role") == "presentation" || doc_.attr(id, "datatable") == "0")
            return false;
        if (!doc_.attr(id, "summary").empty()) return true;
        int rows = 0, cols = 0;
        for (NodeId at = id; at != kNoNode; at = doc_.next(at, id)) {
            const Node& n = doc_.node(at);
            if (n.kind != Node::Kind::Element) continue;
            if (at != id && n.tag == GUMBO_TAG_TABLE) return false;
            if (n.tag == GUMBO_TAG_CAPTION || n.tag == GUMBO_TAG_TH || n.tag == GUMBO_TAG_THEAD ||
                n.tag == GUMBO_TAG_TFOOT || n.tag == GUMBO_TAG_COLGROUP) {
                return true;
            }
            if (n.tag == GUMBO_TAG_TR) {
                ++rows;
                int c = 0;
                for (NodeId cell = n.first_child; cell != kNoNode;
                     cell = doc_.node(cell).next_sibling) {
                    if (doc_.node(cell).tag == GUMBO_TAG_TD) ++c;
                }
                cols = std::max(cols, c);
            }
        }
        return rows >= 10 || cols > 4 || rows * cols > 10;
    }

    bool should_remove_conditionally(NodeId id, GumboTag tag, const Flags& flags) const {
        const Agg& a = agg_[id];
        bool is_list = tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL;
        if (!is_list && a.text > 0) is_list = a.li_text / a.text > 0.9f;
        if (tag == GUMBO_TAG_TABLE && is_data_table(id)) return false;
        if (protected_[id]) return false;  // inside <code> or a data table
        const int weight = class_weight(id, flags);
        if (weight < 0) return true;
        if (a.commas >= 10) return false;
        const auto p = static_cast<float>(a.p);
        const auto img = static_cast<float>(a.img);
        const float li = static_cast<float>(a.li) - 100.0f;
        const auto input = static_cast<float>(a.input);
        const float heading_density = a.text > 0 ? a.heading_text / a.text : 0.0f;
        const float density = link_density(id);
        const float length = a.text;
        const bool in_figure = has_ancestor_tag(id, GUMBO_TAG_FIGURE);
        bool remove = (img > 1 && p / img < 0.5f && !in_figure) || (!is_list && li > p) ||
                      (input > std::floor(p / 3)) ||
                      (!is_list && heading_density < 0.9f && length < 25 && (img == 0 || img > 2) &&
                       !in_figure) ||
                      (!is_list && weight < 25 && density > 0.2f) ||
                      (weight >= 25 && density > 0.5f) ||
                      ((a.embed == 1 && length < 75) || a.embed > 1);
        if (is_list && remove) {
            // A plain list of images stays.
            bool simple = true;
            std::uint32_t items = 0;
            for (NodeId c = doc_.node(id).first_child; c != kNoNode;
                 c = doc_.node(c).next_sibling) {
                if (dead_[c] || doc_.node(c).kind != Node::Kind::Element) continue;
                ++items;
                int grandchildren = 0;
                for (NodeId g = doc_.node(c).first_child; g != kNoNode;
                     g = doc_.node(g).next_sibling) {
                    if (doc_.node(g).kind == Node::Kind::Element) ++grandchildren;
                }
                if (grandchildren > 1) simple = false;
            }
            if (simple && a.img == items) return false;
        }
        return remove;
    }

    // Nodes inside <code> or inside a data table are never cleaned away: one top-down pass
    // (asking each node about its ancestors would be quadratic on deep pages).
    void mark_protected(const std::vector<NodeId>& roots) {
        protected_.assign(n_, 0);
        for (NodeId r : roots) {
            bool above = false;
            for (NodeId a = doc_.node(r).parent; a != kNoNode && !above; a = doc_.node(a).parent) {
                above = doc_.node(a).tag == GUMBO_TAG_CODE ||
                        (doc_.node(a).tag == GUMBO_TAG_TABLE && is_data_table(a));
            }
            for (NodeId at = r; at != kNoNode; at = doc_.next(at, r, dead_[at] != 0)) {
                if (dead_[at]) continue;
                const NodeId parent = doc_.node(at).parent;
                const bool parent_protects =
                    at == r ? above
                            : (protected_[parent] || doc_.node(parent).tag == GUMBO_TAG_CODE ||
                               (doc_.node(parent).tag == GUMBO_TAG_TABLE && data_table_[parent]));
                if (doc_.node(at).tag == GUMBO_TAG_TABLE) data_table_[at] = is_data_table(at);
                protected_[at] = parent_protects;
            }
        }
    }

    void clean(const std::vector<NodeId>& roots, const Flags& flags) {
        data_table_.assign(n_, 0);
        // Lists of nodes by tag, in document order within the article.
        auto collect = [&](auto pred) {
            std::vector<NodeId> out;
            for (NodeId r : roots) {
                for (NodeId at = r; at != kNoNode; at = doc_.next(at, r, dead_[at] != 0)) {
                    if (!dead_[at] && doc_.node(at).kind == Node::Kind::Element && pred(at))
                        out.push_back(at);
                }
            }
            return out;
        };
        auto by_tag = [&](GumboTag tag) {
            return collect([&](NodeId at) { return doc_.node(at).tag == tag; });
        };

        if (flags.clean_conditionally) mark_protected(roots);
        for (GumboTag t : {GUMBO_TAG_FORM, GUMBO_TAG_FIELDSET}) {
            if (!flags.clean_conditionally) break;
            auto nodes = by_tag(t);
            for (auto it = nodes.rbegin(); it != nodes.rend(); ++it) {
                if (should_remove_conditionally(*it, t, flags)) remove(*it, roots);
            }
        }
        for (GumboTag t : {GUMBO_TAG_FOOTER, GUMBO_TAG_ASIDE}) {
            for (NodeId id : by_tag(t))
                remove(id, roots);
        }
        // Small share bars.
        for (NodeId id : collect([&](NodeId at) {
                 const std::string& m = match_[at];
                 return !m.empty() &&
                        (m.find("share") != std::string::npos ||
                         m.find("sharedaddy") != std::string::npos) &&
                        std::find(roots.begin(), roots.end(), at) == roots.end();
             })) {
            if (!dead_[id] && agg_[id].text < kCharThreshold) remove(id, roots);
        }
        // Headings that say they are not content.
        for (NodeId id : collect([&](NodeId at) {
                 return doc_.node(at).tag == GUMBO_TAG_H1 || doc_.node(at).tag == GUMBO_TAG_H2;
             })) {
            if (class_weight(id, flags) < 0) remove(id, roots);
        }
        if (flags.clean_conditionally) {
            mark_protected(roots);
            for (GumboTag t : {GUMBO_TAG_TABLE, GUMBO_TAG_UL, GUMBO_TAG_DIV}) {
                auto nodes = by_tag(t);
                for (auto it = nodes.rbegin(); it != nodes.rend(); ++it) {
                    if (std::find(roots.begin(), roots.end(), *it) != roots.end()) continue;
                    if (!dead_[*it] && should_remove_conditionally(*it, t, flags))
                        remove(*it, roots);
                }
            }
        }
    }

    Extraction attempt(const Flags& flags) {
        const bool first = !attempted_;
        attempted_ = true;
        mark_dead(flags, dead_, first);
        aggregate(dead_);
        score_all(flags, dead_);
        Extraction e;
        e.roots = choose(flags);
        clean(e.roots, flags);
        for (NodeId r : e.roots) {
            if (!dead_[r]) e.text_length += agg_[r].text;
        }
        e.dead = dead_;
        return e;
    }

    const Document& doc_;
    const Metadata& meta_;
    std::size_t n_;
    std::vector<std::string> match_;  // lower-cased "class id", empty when neither
    std::vector<TextStats> text_stats_;
    std::vector<std::uint8_t> dead_;
    std::vector<Agg> agg_;
    std::vector<float> score_;
    std::vector<std::uint8_t> scored_;
    std::vector<NodeId> candidates_;
    std::vector<std::uint8_t> protected_, data_table_;
    struct Subtree {
        std::size_t nodes = 0;
        std::size_t links = 0;        // <a> elements
        double text = 0;              // measure() length of all its text
        NodeId first_name = kNoNode;  // first element with itemprop=name, in document order
    };
    std::vector<Subtree> subtree_;
    NodeId refused_name_ = kNoNode;  // check_byline: a name element whose text is no byline
    std::optional<SimilarityText> title_words_;  // the page's title, tokenised once
    std::optional<std::string> byline_;
    std::vector<Related> related_;
    std::unordered_set<std::string> related_titles_;
    std::vector<NodeId> item_of_;             // collect_teasers: the teaser item holding a node
    std::vector<std::uint32_t> links_below_;  // collect_teasers: title links in a subtree
    bool attempted_ = false;
};

// Walks the article's subtrees and cuts them into blocks at block-level boundaries.
class BlockWriter {
  public:
    BlockWriter(const Document& doc, const std::vector<std::uint8_t>& dead)
        : doc_(doc), dead_(dead) {}

    void write(NodeId root, Blocks& out) {
        out_ = &out;
        std::vector<NodeId> open;  // elements entered and not yet left
        for (NodeId at = root; at != kNoNode;) {
            const Node& n = doc_.node(at);
            // Leave the elements that do not contain this node.
            while (!open.empty() && open.back() != n.parent) {
                leave(open.back());
                open.pop_back();
            }
            if (dead_[at]) {
                at = doc_.next(at, root, true);
                continue;
            }
            if (n.kind == Node::Kind::Text) {
                (credit_depth_ > 0 ? credit_ : text_).append(n.text);
                at = doc_.next(at, root);
                continue;
            }
            enter(at);
            open.push_back(at);
            at = doc_.next(at, root);
        }
        while (!open.empty()) {
            leave(open.back());
            open.pop_back();
        }
        flush();
    }

  private:
    void enter(NodeId id) {
        const Node& n = doc_.node(id);
        if (n.tag == GUMBO_TAG_BR) {
            if (last_was_br_) flush();
            text_ += ' ';
            last_was_br_ = true;
            return;
        }
        last_was_br_ = false;
        if (is_block_tag(n.tag) || n.tag == GUMBO_TAG_IMG) flush();
        switch (n.tag) {
            case GUMBO_TAG_BLOCKQUOTE:
                ++quote_;
                break;
            case GUMBO_TAG_LI:
                ++list_item_;
                break;
            case GUMBO_TAG_FIGCAPTION:
                ++caption_;
                break;
            case GUMBO_TAG_FIGURE:
                figures_.push_back({id, false});
                break;
            default:
                if (is_heading(n.tag)) heading_ = static_cast<int>(n.tag - GUMBO_TAG_H1) + 1;
                break;
        }
        if (caption_ > 0 && n.tag != GUMBO_TAG_FIGCAPTION) {
            const std::string cls = lower_ascii(doc_.attr(id, "class"));
            if (!cls.empty() && contains_any(cls, kCreditHints)) ++credit_depth_;
        }
        if (n.tag == GUMBO_TAG_FIGCAPTION && !figures_.empty()) figures_.back().has_caption = true;
    }

    void leave(NodeId id) {
        const Node& n = doc_.node(id);
        if (n.tag == GUMBO_TAG_BR) return;
        if (caption_ > 0 && n.tag != GUMBO_TAG_FIGCAPTION) {
            const std::string cls = lower_ascii(doc_.attr(id, "class"));
            if (!cls.empty() && contains_any(cls, kCreditHints) && credit_depth_ > 0)
                --credit_depth_;
        }
        if (is_block_tag(n.tag)) flush();
        switch (n.tag) {
            case GUMBO_TAG_BLOCKQUOTE:
                --quote_;
                break;
            case GUMBO_TAG_LI:
                --list_item_;
                break;
            case GUMBO_TAG_FIGCAPTION:
                --caption_;
                break;
            case GUMBO_TAG_FIGURE:
                // A figure without a caption is described by its image's alt text.
                if (!figures_.empty()) {
                    if (!figures_.back().has_caption) {
                        for (NodeId c = id; c != kNoNode; c = doc_.next(c, id)) {
                            if (doc_.node(c).tag == GUMBO_TAG_IMG && !dead_[c]) {
                                std::string alt = unicode::fold_whitespace(doc_.attr(c, "alt"));
                                if (!alt.empty()) push(std::move(alt), BlockHint::Caption, 0, {});
                                break;
                            }
                        }
                    }
                    figures_.pop_back();
                }
                break;
            default:
                if (is_heading(n.tag)) heading_ = 0;
                break;
        }
    }

    void flush() {
        std::string text = unicode::fold_whitespace(text_);
        std::string credit = unicode::fold_whitespace(credit_);
        text_.clear();
        credit_.clear();
        if (text.empty() && credit.empty()) return;
        BlockHint hint = BlockHint::None;
        int level = 0;
        if (caption_ > 0) {
            hint = BlockHint::Caption;
        } else if (heading_ > 0) {
            hint = BlockHint::Heading;
            level = heading_;
        } else if (list_item_ > 0) {
            hint = BlockHint::ListItem;
        } else if (quote_ > 0) {
            hint = BlockHint::Quote;
        }
        if (text.empty()) {
            push(std::move(credit), BlockHint::Credit, 0, {});
        } else {
            push(std::move(text), hint, level, std::move(credit));
        }
    }

    void push(std::string text, BlockHint hint, int level, std::string credit) {
        Block b;
        b.text = std::move(text);
        b.gap_before = true;
        b.hint = hint;
        b.level = level;
        b.credit = std::move(credit);
        out_->push_back(std::move(b));
    }

    struct Figure {
        NodeId id;
        bool has_caption;
    };
    const Document& doc_;
    const std::vector<std::uint8_t>& dead_;
    Blocks* out_ = nullptr;
    std::string text_, credit_;
    int quote_ = 0, list_item_ = 0, caption_ = 0, heading_ = 0, credit_depth_ = 0;
    bool last_was_br_ = false;
    std::vector<Figure> figures_;
};

Blocks Extractor::preamble(const Extraction& e) {
    Blocks out;
    const NodeId body = doc_.body();
    if (e.roots.empty() || body == kNoNode) return out;
    const NodeId stop = e.roots.front();
    NodeId h1 = kNoNode;
    for (NodeId id = body; id != kNoNode && id < stop; id = doc_.next(id, body)) {
        if (doc_.node(id).tag == GUMBO_TAG_H1) {
            h1 = id;
            break;
        }
    }
    if (h1 == kNoNode) return out;
    std::unordered_map<NodeId, bool> holds_stop;  // ancestors of the article's first root
    for (NodeId a = stop; a != kNoNode; a = doc_.node(a).parent)
        holds_stop[a] = true;
    if (holds_stop.contains(h1)) return out;

    // Page furniture only: nothing "unlikely" is dropped here, since bylines live in headers.
    std::vector<std::uint8_t> dead;
    mark_dead(Flags{false, false, false}, dead, false);
    BlockWriter writer(doc_, dead);
    constexpr std::size_t kMaxLines = 6;
    constexpr int kMaxTokens = 20;
    int visited = 0;
    for (NodeId at = doc_.next(h1, body, true); at != kNoNode && at != stop && visited < 4096;
         ++visited) {
        if (holds_stop.contains(at)) {
            at = doc_.next(at, body);  // go inside, towards the article
            continue;
        }
        if (!dead[at] && doc_.node(at).kind == Node::Kind::Element) {
            Blocks lines;
            writer.write(at, lines);
            for (auto& b : lines) {
                if (out.size() >= kMaxLines) return out;
                if (unicode::count_tokens(b.text, kMaxTokens) > kMaxTokens)
                    return out;  // that is body text, not a byline
                b.hint = BlockHint::Preamble;
                out.push_back(std::move(b));
            }
        }
        at = doc_.next(at, body, true);
    }
    return out;
}

Blocks Extractor::blocks(const Extraction& e) const {
    Blocks out;
    BlockWriter writer(doc_, e.dead);
    for (NodeId r : e.roots)
        writer.write(r, out);
    return out;
}

// NFC for everything the page gives, and nothing else (markup is never normalised).
void normalize(HtmlPage& page) {
    auto nfc = [](std::string& s) { s = unicode::to_nfc(s); };
    for (auto& b : page.blocks) {
        nfc(b.text);
        nfc(b.credit);
    }
    Metadata& m = page.meta;
    for (auto* field : {&m.title, &m.byline, &m.date_text, &m.url, &m.site_name, &m.language,
                        &m.category, &m.document_title}) {
        if (*field) nfc(**field);
    }
}

}  // namespace

HtmlPage read_html(std::string_view utf8) {
    HtmlPage page;
    const Document doc(utf8);
    if (doc.nodes().empty()) return page;
    std::vector<std::string> metadata_warnings;
    page.meta = html::extract_metadata(doc, metadata_warnings);
    if (doc.flattened()) {
        page.warnings.push_back("markup nested deeper than " + std::to_string(html::kMaxNesting) +
                                " levels was flattened");
    }
    if (doc.attributes_cut()) {
        page.warnings.push_back("attributes past the first " +
                                std::to_string(html::kMaxAttributes) +
                                " of an element were dropped");
    }
    if (doc.truncated()) {
        page.warnings.push_back("page cut off after its first " +
                                std::to_string(html::kMaxMarkupItems) + " tags and attributes");
    }
    for (auto& w : metadata_warnings)
        page.warnings.push_back(std::move(w));

    Extractor extractor(doc, page.meta);
    const Extraction extraction = extractor.run();
    Blocks body = extractor.blocks(extraction);

    // The visible byline goes first, where the segmenter looks for bylines.
    if (auto byline = extractor.byline()) {
        Block b;
        b.text = *byline;
        b.gap_before = true;
        b.hint = BlockHint::Meta;
        page.blocks.push_back(std::move(b));
    }
    for (auto& b : extractor.preamble(extraction))
        page.blocks.push_back(std::move(b));
    for (auto& b : body)
        page.blocks.push_back(std::move(b));
    for (const auto& r : extractor.related()) {
        Block title;
        title.text = r.title;
        title.gap_before = true;
        title.hint = BlockHint::Teaser;
        title.url = r.url.value_or(std::string());
        page.blocks.push_back(std::move(title));
        if (r.lead) {
            Block lead;
            lead.text = *r.lead;
            lead.gap_before = true;
            lead.hint = BlockHint::TeaserLead;
            page.blocks.push_back(std::move(lead));
        }
    }
    normalize(page);
    return page;
}

}  // namespace pressparse
