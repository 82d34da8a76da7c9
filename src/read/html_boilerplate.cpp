// Pass 1 of the HTML extraction: what is never content. Marks dead the elements that never hold
// article text: dropped tags (head, scripts, styles, embeds, form controls, navigation; a
// <noscript> only when it holds no paragraphs of an article's length), hidden elements (hidden,
// aria-hidden, display:none, visibility:hidden — not content marked for print only), boilerplate
// class tokens (ads, cookie and consent banners, newsletter and paywall boxes, share bars, comment
// widgets), the items of the reader comment thread (found by html_comments.cpp), teaser lists (by
// class, or as html_teasers found them), the first heading that repeats the page's title, and,
// when the attempt strips unlikely containers, those that class/id or role call unlikely (the
// unlikely-named header around that heading but for its standfirst paragraphs). On the
// first attempt it also takes the visible byline out (marked dead then only) and collects the
// teaser lists (titles, leads, links), which the page keeps apart from the body.
//
// Reads: the document and the page facts. Writes: the `dead` vector it is given; on the first
// attempt, the byline, the related links and the teaser bookkeeping of the state. Must never:
// score; mark anything but whole subtrees (a dead node's subtree is dead); build the text of a
// subtree too large to be a byline; recurse (one pre-order loop over node ids; a teaser
// container is a contiguous run of them).
#include <strings.h>

#include <algorithm>
#include <array>
#include <unordered_map>

#include "html_extraction.hpp"
#include "pressparse/unicode.hpp"
#include "text/byline.hpp"

namespace pressparse::html::extract {

namespace {

using namespace std::string_view_literals;

// Bounds of a byline element's subtree, far above any byline (under 100 characters): beyond them
// its text is not built at all.
constexpr double kMaxBylineText = 4000;
constexpr std::size_t kMaxBylineNodes = 50000;

// An inline element (a link, a span) inside a paragraph, with words of the paragraph's sentences
// around it: a phrase of the paragraph, whatever its class says, never a teaser of its own (a
// teaser's link stands alone in its item, or beside a heading, an image or a lead of its own
// block). At most kMaxInlineClimb inline ancestors are climbed to find the paragraph.
constexpr double kRunningTextAround = 20;
constexpr int kMaxInlineClimb = 8;

bool inside_running_text(const ExtractionState& st, NodeId id) {
    if (is_block_tag(st.doc.node(id).tag)) return false;
    NodeId at = st.doc.node(id).parent;
    for (int climbed = 0; at != kNoNode && climbed < kMaxInlineClimb; ++climbed) {
        const GumboTag tag = st.doc.node(at).tag;
        if (tag == GUMBO_TAG_P)
            return st.subtree[at].text - st.subtree[id].text >= kRunningTextAround;
        if (is_block_tag(tag)) return false;
        at = st.doc.node(at).parent;
    }
    return false;
}

// A <noscript> the page puts its article in (some blog platforms print the posts there for
// readers without scripts): gumbo parses its content as markup, as a browser without scripts
// does, so it is read when it holds paragraphs and a good part of the page's text, as an article
// printed there would — not a "please enable JavaScript" notice or a consent text next to an
// article of its own. Only its first kMaxNoscriptScan nodes are looked at.
constexpr double kMinNoscriptText = 200;
constexpr double kMinNoscriptShare = 0.25;  // of the page's text outside scripts and styles
constexpr int kMinNoscriptParagraphs = 2;
constexpr std::size_t kMaxNoscriptScan = 4096;

bool holds_article_markup(const ExtractionState& st, NodeId id) {
    const double text = st.subtree[id].text;
    if (text < kMinNoscriptText || text < kMinNoscriptShare * st.readable_text) return false;
    std::size_t seen = 0;
    int paragraphs = 0;
    for (NodeId at = st.doc.next(id, id); at != kNoNode && seen < kMaxNoscriptScan;
         at = st.doc.next(at, id), ++seen) {
        const Node& n = st.doc.node(at);
        if (n.kind == Node::Kind::Element && n.tag == GUMBO_TAG_P &&
            ++paragraphs >= kMinNoscriptParagraphs)
            return true;
    }
    return false;
}

// A form holding this share of the page's text or more wraps the page.
constexpr double kPageWrapperShare = 0.8;

// An <input type=email>, or a text field named for mail, in the form `id` (forms do not nest,
// so each form's subtree is walked once).
bool asks_for_email(const ExtractionState& st, NodeId id) {
    for (NodeId at = st.doc.next(id, id); at != kNoNode; at = st.doc.next(at, id)) {
        const Node& n = st.doc.node(at);
        if (n.kind != Node::Kind::Element || n.tag != GUMBO_TAG_INPUT) continue;
        const std::string type = lower_ascii(st.doc.attr(at, "type"));
        if (type == "email") return true;
        if (!type.empty() && type != "text") continue;
        const std::string name = lower_ascii(st.doc.attr(at, "name"));
        if (name.find("mail") != std::string::npos) return true;
    }
    return false;
}

// The standfirst in the article's own header (the <header> around the headline, which the
// unlikely rule drops for "header"): a paragraph of at least kMinStandfirstWords words without
// links, not in a list, a figure, a quote or a link (share buttons, tags, captions), in a header
// of at most kMaxHeaderText characters (more is a wrapper of the page, not a header). At most
// kMaxStandfirsts are kept.
constexpr int kMinStandfirstWords = 10;
constexpr double kMaxHeaderText = 2000;
constexpr int kMaxStandfirsts = 2;

// Marks the standfirsts of `header` in `kept` and their ancestors below it in `path` (sized on
// first use); false when it has none.
bool mark_standfirst(const ExtractionState& st, NodeId header, std::vector<std::uint8_t>& kept,
                     std::vector<std::uint8_t>& path) {
    if (st.subtree[header].text > kMaxHeaderText) return false;
    int found = 0;
    for (NodeId at = st.doc.next(header, header); at != kNoNode && found < kMaxStandfirsts;
         at = st.doc.next(at, header)) {
        const Node& n = st.doc.node(at);
        if (n.kind != Node::Kind::Element || n.tag != GUMBO_TAG_P || st.subtree[at].links > 0 ||
            st.doc.text_tokens(at, kMinStandfirstWords) < kMinStandfirstWords)
            continue;
        bool plain = true;
        for (NodeId a = n.parent; a != header && plain; a = st.doc.node(a).parent) {
            switch (st.doc.node(a).tag) {
                case GUMBO_TAG_UL:
                case GUMBO_TAG_OL:
                case GUMBO_TAG_LI:
                case GUMBO_TAG_DL:
                case GUMBO_TAG_NAV:
                case GUMBO_TAG_A:
                case GUMBO_TAG_FIGURE:
                case GUMBO_TAG_FIGCAPTION:
                case GUMBO_TAG_BLOCKQUOTE:
                case GUMBO_TAG_ADDRESS:
                case GUMBO_TAG_FORM:
                    plain = false;
                    break;
                default:
                    break;
            }
        }
        if (!plain) continue;
        if (kept.empty()) {
            kept.assign(st.n, 0);
            path.assign(st.n, 0);
        }
        kept[at] = 1;
        for (NodeId a = n.parent; a != header; a = st.doc.node(a).parent)
            path[a] = 1;
        ++found;
    }
    return found > 0;
}

bool check_byline(ExtractionState& st, NodeId id) {
    const std::string_view rel = st.doc.attr(id, "rel");
    const std::string_view itemprop = st.doc.attr(id, "itemprop");
    const std::string& match = st.match[id];
    const bool hinted = rel == "author" || itemprop.find("author") != std::string_view::npos ||
                        contains_any(match, std::array{"byline"sv, "author"sv, "dateline"sv,
                                                       "writtenby"sv, "p-author"sv});
    if (!hinted) return false;
    // The author's name inside an author card, when marked; else the whole text. Nested
    // author containers share their text, so what would be too long is never built: a
    // subtree with more than kMaxBylineText characters (a byline has under 100) or more than
    // kMaxBylineNodes nodes is no byline, and a name element already refused is not read again.
    std::string text;
    const Subtree& t = st.subtree[id];
    if (t.first_name != kNoNode) {
        if (t.first_name == st.refused_name) return false;
        if (st.subtree[t.first_name].text <= kMaxBylineText) text = st.doc.text(t.first_name);
        if (text.empty() || unicode::count_characters(text) >= 100) {
            st.refused_name = t.first_name;
            return false;
        }
    } else {
        if (t.text == 0 || t.text > kMaxBylineText || t.nodes > kMaxBylineNodes) return false;
        text = st.doc.text(id);
        if (text.empty() || unicode::count_characters(text) >= 100) return false;
        // An author element whose one link names the author: the link's text, without the
        // words around it ("By", a job title, the date).
        NodeId only_link = kNoNode;
        int links = 0;
        for (NodeId at = st.doc.next(id, id); at != kNoNode && links < 2;
             at = st.doc.next(at, id)) {
            const Node& n = st.doc.node(at);
            if (n.kind == Node::Kind::Element && n.tag == GUMBO_TAG_A &&
                !unicode::trim(st.doc.text(at)).empty()) {
                only_link = at;
                ++links;
            }
        }
        if (links == 1) {
            const auto name = byline::clean(st.doc.text(only_link));
            if (name && !byline::is_handle(*name)) text = st.doc.text(only_link);
        }
    }
    st.byline = text;
    return true;
}

// A link's address as the page writes it (resolved against the page's address later), or
// none for an empty or in-page one.
std::optional<std::string> link_target(const ExtractionState& st, NodeId link) {
    const std::string_view href = unicode::trim(st.doc.attr(link, "href"));
    if (href.empty() || href.front() == '#' || href.size() > 4096) return std::nullopt;
    return std::string(href);
}

// Teaser lists: each link with a title-sized text is a related article; the rest of its item
// (when long enough) is the lead. The item is the nearest li/article below the container, or
// else the link's parent. Only an item holding no other title link has a lead: the text of an
// item of many links is theirs, not a lead (and copying it per link would make the output
// quadratic). Items with one link each are disjoint, so each item's text is read once.
void collect_teasers(ExtractionState& st, NodeId container) {
    // The container's subtree is a contiguous run of ids (the nodes are in document order).
    const std::uint32_t depth = st.doc.node(container).depth;
    NodeId end = container + 1;
    while (end < st.n && st.doc.node(end).depth > depth)
        ++end;
    if (st.item_of.size() < st.n) {
        st.item_of.assign(st.n, kNoNode);
        st.links_below.assign(st.n, 0);
    }
    struct Link {
        NodeId item;
        std::string title;
        bool outside = false;  // the container is the link, its item is above it
        NodeId id = kNoNode;   // the link element
    };
    std::vector<Link> links;
    std::unordered_map<NodeId, std::size_t> last_link_of_item;
    st.item_of[container] = kNoNode;
    st.links_below[container] = 0;
    if (st.doc.node(container).tag == GUMBO_TAG_A) {
        std::string title = st.doc.text(container);
        if (unicode::count_tokens(title, 3) >= 3 && title.size() <= 400) {
            NodeId item = st.doc.node(container).parent;
            for (NodeId at = item; at != kNoNode; at = st.doc.node(at).parent) {
                if (st.doc.node(at).tag == GUMBO_TAG_LI ||
                    st.doc.node(at).tag == GUMBO_TAG_ARTICLE) {
                    item = at;
                    break;
                }
            }
            links.push_back(Link{item, std::move(title), true, container});
        }
    }
    for (NodeId id = container + 1; id < end; ++id) {
        const Node& node = st.doc.node(id);
        const bool is_item = node.kind == Node::Kind::Element &&
                             (node.tag == GUMBO_TAG_LI || node.tag == GUMBO_TAG_ARTICLE);
        st.item_of[id] = is_item ? id : st.item_of[node.parent];
        st.links_below[id] = 0;
        if (node.kind != Node::Kind::Element || node.tag != GUMBO_TAG_A) continue;
        std::string title = st.doc.text(id);
        if (unicode::count_tokens(title, 3) < 3 || title.size() > 400) continue;
        const NodeId item =
            st.item_of[node.parent] != kNoNode ? st.item_of[node.parent] : node.parent;
        // A title printed twice in one item (an image link and a heading link) is one title.
        auto [last, first_in_item] = last_link_of_item.try_emplace(item, links.size());
        if (first_in_item || links[last->second].title != title) st.links_below[id] = 1;
        last->second = links.size();
        links.push_back(Link{item, std::move(title), false, id});
    }
    for (NodeId id = end; id-- > container + 1;)
        st.links_below[st.doc.node(id).parent] += st.links_below[id];
    for (Link& link : links) {
        std::optional<std::string> lead;
        // An item above the container may hold any number of links: it has a lead only when
        // it holds no other link at all.
        const bool one_title = link.outside
                                   ? link.item != kNoNode && st.subtree[link.item].links == 1
                                   : link.item != container && st.links_below[link.item] == 1;
        if (one_title) {
            std::string item_text = st.doc.text(link.item);
            const auto pos = item_text.find(link.title);
            if (pos != std::string::npos) item_text.erase(pos, link.title.size());
            item_text = unicode::fold_whitespace(item_text);
            if (unicode::count_tokens(item_text, 6) >= 6) lead = std::move(item_text);
        }
        if (st.related_titles.insert(link.title).second) {
            st.related.push_back(
                Related{std::move(link.title), std::move(lead), link_target(st, link.id)});
        }
    }
}

}  // namespace

bool visible(const ExtractionState& st, NodeId id) {
    // The five attributes read in one pass over the element's (the first of each name, in any
    // case, as Document::attr finds it), not one pass each.
    const GumboElement* element = st.doc.node(id).element;
    if (element == nullptr) return true;
    const GumboAttribute *hidden = nullptr, *aria_hidden = nullptr, *style_attr = nullptr,
                         *aria_modal = nullptr, *role = nullptr;
    const GumboVector& attributes = element->attributes;
    for (unsigned i = 0; i < attributes.length; ++i) {
        const auto* a = static_cast<const GumboAttribute*>(attributes.data[i]);
        const GumboAttribute** slot = nullptr;
        switch (a->name[0] | 0x20) {
            case 'h':
                slot = strcasecmp(a->name, "hidden") == 0 ? &hidden : nullptr;
                break;
            case 's':
                slot = strcasecmp(a->name, "style") == 0 ? &style_attr : nullptr;
                break;
            case 'r':
                slot = strcasecmp(a->name, "role") == 0 ? &role : nullptr;
                break;
            case 'a':
                slot = strcasecmp(a->name, "aria-hidden") == 0  ? &aria_hidden
                       : strcasecmp(a->name, "aria-modal") == 0 ? &aria_modal
                                                                : nullptr;
                break;
            default:
                break;
        }
        if (slot != nullptr && *slot == nullptr) *slot = a;
    }
    auto value = [](const GumboAttribute* a) {
        return a ? std::string_view(a->value) : std::string_view{};
    };
    if (hidden) return false;
    if (value(aria_hidden) == "true" && st.match[id].find("fallback-image") == std::string::npos)
        return false;
    if (style_hides(value(style_attr))) return false;
    return value(aria_modal) != "true" || value(role) != "dialog";
}

bool style_hides(std::string_view style) {
    if (style.empty()) return false;
    std::string s = lower_ascii(style);
    s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
    return s.find("display:none") != std::string::npos ||
           s.find("visibility:hidden") != std::string::npos;
}

void mark_dead(ExtractionState& st, const Flags& flags, std::vector<std::uint8_t>& dead,
               bool first_attempt, NodeId end) {
    dead.assign(st.n, 0);
    if (first_attempt) take_comments(st);
    if (st.teaser_kind.size() != st.n) find_teasers(st);
    std::vector<std::uint8_t> in_table_or_code(st.n, 0);
    // An unlikely-named container around the heading that states the page's title (the
    // article's <header>) is dropped but for its standfirst (kept_in_header, and the path to it,
    // header_path); `pruned` marks the container and that path, whose other children are dropped.
    const NodeId title_heading = flags.strip_unlikely ? st.title_heading : kNoNode;
    std::vector<std::uint8_t> kept_in_header, header_path, pruned;
    bool header_pruned = false;
    const std::size_t stop = std::min<std::size_t>(st.n, end);
    for (NodeId id = 0; id < stop; ++id) {
        const Node& node = st.doc.node(id);
        const NodeId parent = node.parent;
        if (parent != kNoNode) {
            if (dead[parent]) {
                dead[id] = 1;
                continue;
            }
            in_table_or_code[id] = in_table_or_code[parent];
            if (!pruned.empty() && pruned[parent]) {
                if (header_path[id] && !kept_in_header[id] && visible(st, id)) {
                    pruned[id] = 1;
                    continue;
                }
                if (!kept_in_header[id]) {
                    dead[id] = 1;
                    continue;
                }
            }
        }
        if (node.kind != Node::Kind::Element) continue;
        // The reader comment thread is kept apart, never in the body, whatever the attempt.
        if (!st.comment_item.empty() && st.comment_item[id]) {
            dead[id] = 1;
            continue;
        }
        const GumboTag tag = node.tag;
        if (tag == GUMBO_TAG_TABLE || tag == GUMBO_TAG_CODE) in_table_or_code[id] = 1;
        if ((is_dropped_tag(tag) && !(tag == GUMBO_TAG_NOSCRIPT && holds_article_markup(st, id))) ||
            !visible(st, id)) {
            dead[id] = 1;
            continue;
        }
        // A form that asks for an e-mail address signs the reader up or sends a message: never
        // the article, unless it wraps the page (as some frameworks wrap every page in a form).
        if (tag == GUMBO_TAG_FORM && st.subtree[id].text < kPageWrapperShare * st.readable_text &&
            asks_for_email(st, id)) {
            dead[id] = 1;
            continue;
        }
        if (st.teaser_kind[id] != TeaserKind::None) {
            if (first_attempt && st.teaser_kind[id] != TeaserKind::Heading) collect_teasers(st, id);
            dead[id] = 1;
            continue;
        }
        const std::string& match = st.match[id];
        if (!match.empty() && tag != GUMBO_TAG_BODY && tag != GUMBO_TAG_HTML) {
            // A class token that names boilerplate, unless the element holds the article itself
            // (themes put "share" or "newsletter" on the post's own container); a comments
            // container never counts as the article.
            if ((has_class_token(match, kBoilerplateTokens) ||
                 has_class_part(match, kBoilerplateParts)) &&
                (has_class_token(match, kCommentTokens) || !holds_article_markup(st, id))) {
                dead[id] = 1;
                continue;
            }
            // Teaser-named, unless it holds the article itself (a theme's "teaser--only-body"
            // on the post, paragraphs and a quarter of the page's text) or links nowhere (a
            // teaser leads to another page; "teaser-text" without a link is the standfirst).
            if (contains_any_of<kTeaserHints>(match) && st.subtree[id].links > 0 &&
                tag != GUMBO_TAG_BODY && tag != GUMBO_TAG_HTML &&
                !contains_any(match, std::array{"article-body"sv, "post-content"sv}) &&
                !inside_running_text(st, id) && !holds_article_markup(st, id)) {
                if (first_attempt) collect_teasers(st, id);
                dead[id] = 1;
                continue;
            }
        }
        if (first_attempt && !st.byline && check_byline(st, id)) {
            dead[id] = 1;
            continue;
        }
        if (id == st.title_heading) {
            dead[id] = 1;
            continue;
        }
        if (flags.strip_unlikely) {
            if (!match.empty() && contains_any_of<kUnlikely>(match) &&
                !contains_any_of<kMaybeCandidate>(match) && !in_table_or_code[id] &&
                tag != GUMBO_TAG_BODY && tag != GUMBO_TAG_A && tag != GUMBO_TAG_HTML) {
                if (!header_pruned && title_heading != kNoNode &&
                    in_subtree(st, id, title_heading) &&
                    mark_standfirst(st, id, kept_in_header, header_path)) {
                    header_pruned = true;
                    pruned.assign(st.n, 0);
                    pruned[id] = 1;
                    continue;
                }
                dead[id] = 1;
                continue;
            }
            const std::string role = lower_ascii(st.doc.attr(id, "role"));
            if (!role.empty() && std::find(kUnlikelyRoles.begin(), kUnlikelyRoles.end(), role) !=
                                     kUnlikelyRoles.end()) {
                dead[id] = 1;
                continue;
            }
        }
    }
}

}  // namespace pressparse::html::extract
