#include "html_dom.hpp"

#include <strings.h>

#include <algorithm>
#include <cassert>
#include <cstddef>
#include <cstring>

#include "html_prepass.hpp"
#include "pressparse/unicode.hpp"

namespace pressparse::html {

void* Arena::allocate(std::size_t size) {
    constexpr std::size_t kAlign = alignof(std::max_align_t);
    size = (size + kAlign - 1) & ~(kAlign - 1);
    if (size > left_) {
        const std::size_t chunk = std::max<std::size_t>(
            size, std::max<std::size_t>(std::size_t{64} * 1024, reserved_ / 2));
        chunks_.push_back(std::make_unique_for_overwrite<unsigned char[]>(chunk));
        cursor_ = chunks_.back().get();
        left_ = chunk;
        reserved_ += chunk;
    }
    void* p = cursor_;
    cursor_ += size;
    left_ -= size;
    return p;
}

namespace {

void* arena_allocate(void* userdata, size_t size) {
    return static_cast<Arena*>(userdata)->allocate(size);
}
void arena_free(void* /*userdata*/, void* /*ptr*/) {}  // freed with the arena

}  // namespace

namespace {

char lower_char(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool is_void_element(std::string_view name) {
    static constexpr std::string_view kVoid[] = {
        "area", "base",  "br",     "col",   "embed", "hr",       "img",     "input", "link",
        "meta", "param", "source", "track", "wbr",   "basefont", "bgsound", "frame", "keygen"};
    for (auto v : kVoid) {
        if (name == v) return true;
    }
    return false;
}

// Elements whose end tag the parser implies: they close their predecessor instead of nesting.
bool closes_itself(std::string_view name) {
    static constexpr std::string_view kAuto[] = {
        "p",  "li", "dt", "dd", "option", "optgroup", "tr",    "td",
        "th", "rb", "rt", "rp", "tbody",  "thead",    "tfoot", "colgroup"};
    for (auto v : kAuto) {
        if (name == v) return true;
    }
    return false;
}

bool is_raw_text(std::string_view name) {
    return name == "script" || name == "style" || name == "textarea" || name == "title" ||
           name == "xmp" || name == "iframe" || name == "noembed" || name == "noframes" ||
           name == "noscript" || name == "plaintext";
}

bool is_alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

}  // namespace

std::optional<std::string> limit_markup(std::string_view html, std::size_t max_depth,
                                        std::size_t max_attributes, MarkupLimits* hit,
                                        std::size_t max_items) {
    struct Open {
        std::string name;
        bool dropped;
    };
    std::vector<Open> stack;
    std::string out;
    bool changed = false;
    std::size_t copied = 0;  // html[0, copied) is already in `out` (only once something changed)
    auto drop = [&](std::size_t from, std::size_t to) {
        if (!changed) {
            changed = true;
            out.reserve(html.size());
        }
        if (from > copied) out.append(html.substr(copied, from - copied));
        copied = std::max(copied, to);
    };
    // Drops a whole tag, including any part of it already copied by an attribute cut.
    std::size_t tag_out_start = 0;  // out.size() when the current tag began
    auto drop_tag = [&](std::size_t from, std::size_t to) {
        if (changed && copied > from) {
            out.resize(tag_out_start);
            copied = from;
        }
        drop(from, to);
    };
    std::size_t depth_counted = 0;  // entries of `stack` not dropped
    std::size_t items = 0;          // markup items so far
    // Cuts the page off before the item starting at `at`.
    auto truncate = [&](std::size_t at) {
        if (hit) hit->truncated = true;
        if (!changed) {
            changed = true;
            out.reserve(at);
        }
        if (at > copied) out.append(html.substr(copied, at - copied));
        copied = html.size();
    };
    std::size_t i = 0;
    while (true) {
        const std::size_t lt = html.find('<', i);
        if (lt == std::string_view::npos || lt + 1 >= html.size()) break;
        const char next = html[lt + 1];
        if (next == '!' || next == '?') {
            if (++items > max_items) {
                truncate(lt);
                break;
            }
            const std::size_t end = html.compare(lt, 4, "<!--") == 0 ? html.find("-->", lt + 4)
                                                                     : html.find('>', lt + 2);
            if (end == std::string_view::npos) break;
            i = end + 1;
            continue;
        }
        const bool closing = next == '/';
        tag_out_start = out.size() + (lt >= copied ? lt - copied : 0);
        const std::size_t name_start = lt + (closing ? 2 : 1);
        if (name_start >= html.size() || !is_alpha(html[name_start])) {
            // "</" and no name is a bogus comment, a node of its own; "<" and no name is text.
            if (closing && ++items > max_items) {
                truncate(lt);
                break;
            }
            i = lt + 1;
            continue;
        }
        std::size_t j = name_start;
        std::string name;
        while (j < html.size() && html[j] != ' ' && html[j] != '>' && html[j] != '/' &&
               html[j] != '\t' && html[j] != '\n' && html[j] != '\r' && html[j] != '\f' &&
               name.size() < 32) {
            name += lower_char(html[j++]);
        }
        // The end of the tag, skipping quoted attribute values, counting attributes.
        bool after_equals = false;
        bool in_space = true;
        std::size_t attributes = 0;
        std::size_t cut = std::string_view::npos;  // where the attributes past the limit start
        while (j < html.size() && html[j] != '>') {
            const char c = html[j];
            if ((c == '"' || c == '\'') && after_equals) {
                // A quoted value, to its closing quote at once (about half a page's bytes are
                // attribute values). The tag runs on to the end of the page when it has none.
                const void* q = std::memchr(html.data() + j + 1, c, html.size() - j - 1);
                j = q ? static_cast<std::size_t>(static_cast<const char*>(q) - html.data()) + 1
                      : html.size();
                after_equals = false;
                in_space = false;
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                in_space = true;
                ++j;
                continue;
            }
            if (c != '=' && c != '/' && in_space && !after_equals) {
                if (++attributes == max_attributes + 1) cut = j;
            }
            after_equals = c == '=';
            in_space = false;
            ++j;
        }
        if (j >= html.size()) break;
        items += 1 + (closing ? 0 : std::min(attributes, max_attributes));
        if (items > max_items) {
            truncate(lt);
            break;
        }
        const std::size_t tag_end = j + 1;
        const bool self_closing = html[j - 1] == '/';
        i = tag_end;
        if (cut != std::string_view::npos && !closing) {
            if (hit) hit->attributes_cut = true;
            // Keep the tag, its first attributes and its end ("/>" or ">").
            drop(cut, self_closing ? j - 1 : j);
        }
        if (closing) {
            // Close up to the matching open element, as the parser would.
            // A stray end tag deep below the top is ignored; looking further would make a page of
            // stray end tags quadratic.
            std::size_t k = stack.size();
            const std::size_t floor = stack.size() > 256 ? stack.size() - 256 : 0;
            while (k > floor && stack[k - 1].name != name)
                --k;
            if (k == floor) continue;
            const bool was_dropped = stack[k - 1].dropped;
            for (std::size_t m = k - 1; m < stack.size(); ++m) {
                if (!stack[m].dropped) --depth_counted;
            }
            stack.resize(k - 1);
            if (was_dropped) drop_tag(lt, tag_end);
            continue;
        }
        if (is_raw_text(name)) {
            // Skip the element's raw content to its end tag.
            const std::string end_tag = "</" + name;
            std::size_t k = tag_end;
            while (true) {
                k = html.find("</", k);
                if (k == std::string_view::npos) break;
                std::string candidate;
                for (std::size_t m = k; m < html.size() && candidate.size() < end_tag.size(); ++m) {
                    candidate += lower_char(html[m]);
                }
                if (candidate == end_tag) break;
                k += 2;
            }
            if (k == std::string_view::npos) break;
            i = k;
            continue;
        }
        if (self_closing || is_void_element(name) || closes_itself(name)) continue;
        const bool too_deep = depth_counted >= max_depth;
        stack.push_back(Open{std::move(name), too_deep});
        if (too_deep) {
            if (hit) hit->flattened = true;
            drop_tag(lt, tag_end);
        } else {
            ++depth_counted;
        }
    }
    if (!changed) return std::nullopt;
    out.append(html.substr(copied));
    return out;
}

Document::Document(std::string_view utf8, bool prepass) : prepass_(prepass) {
    if (prepass) {
        if (auto emptied = empty_script_bodies(utf8)) {
            flat_ = std::move(*emptied);
            utf8 = flat_;
        }
    }
    MarkupLimits hit;
    if (auto flat = limit_markup(utf8, kMaxNesting, kMaxAttributes, &hit, kMaxMarkupItems)) {
        flat_ = std::move(*flat);
        source_ = flat_;
        flattened_ = hit.flattened;
        attributes_cut_ = hit.attributes_cut;
        truncated_ = hit.truncated;
    } else {
        source_ = utf8;  // flat_, or the caller's text, kept alive as long as the document
    }
    GumboOptions options = kGumboDefaultOptions;
    options.allocator = arena_allocate;
    options.deallocator = arena_free;
    options.userdata = &arena_;
    options.max_errors = 0;  // parse errors are not wanted; recording them costs time and memory
    output_ = gumbo_parse_with_options(&options, source_.data(), source_.size());
    if (!output_ || !output_->document) return;

    // Mirror gumbo's tree, iteratively. Work items: (gumbo node, parent id).
    nodes_.reserve(source_.size() / 24 + 16);
    struct Item {
        const GumboNode* node;
        NodeId parent;
    };
    std::vector<Item> stack;
    stack.push_back({output_->document, kNoNode});
    std::vector<NodeId> last_child;  // per node id: its last child so far
    last_child.reserve(nodes_.capacity());
    while (!stack.empty()) {
        const Item item = stack.back();
        stack.pop_back();
        const GumboNode* g = item.node;
        Node n;
        n.parent = item.parent;
        n.depth = item.parent == kNoNode ? 0 : nodes_[item.parent].depth + 1;
        const GumboVector* children = nullptr;
        switch (g->type) {
            case GUMBO_NODE_DOCUMENT:
                n.tag = GUMBO_TAG_UNKNOWN;
                children = &g->v.document.children;
                break;
            case GUMBO_NODE_ELEMENT:
            case GUMBO_NODE_TEMPLATE:
                // Ruby annotations (the reading printed above a word, and the parentheses shown
                // where ruby is not supported) are not the text: the words read without them.
                if (g->v.element.tag == GUMBO_TAG_RT || g->v.element.tag == GUMBO_TAG_RP ||
                    g->v.element.tag == GUMBO_TAG_RTC)
                    continue;
                n.tag = g->v.element.tag;
                n.element = &g->v.element;
                children = &g->v.element.children;
                break;
            case GUMBO_NODE_TEXT:
            case GUMBO_NODE_WHITESPACE:
            case GUMBO_NODE_CDATA:
                n.kind = Node::Kind::Text;
                n.text = std::string_view(g->v.text.text);
                break;
            case GUMBO_NODE_COMMENT:
                continue;
        }
        const auto id = static_cast<NodeId>(nodes_.size());
        nodes_.push_back(n);
        last_child.push_back(kNoNode);
        if (item.parent != kNoNode) {
            NodeId& last = last_child[item.parent];
            if (last == kNoNode) {
                nodes_[item.parent].first_child = id;
            } else {
                nodes_[last].next_sibling = id;
            }
            last = id;
        }
        if (n.kind == Node::Kind::Element) {
            if (n.tag == GUMBO_TAG_HTML && html_ == kNoNode) html_ = id;
            if (n.tag == GUMBO_TAG_HEAD && head_ == kNoNode) head_ = id;
            if (n.tag == GUMBO_TAG_BODY && body_ == kNoNode) body_ = id;
        }
        if (children) {
            // Push in reverse so children come out in document order.
            for (unsigned int i = children->length; i-- > 0;) {
                stack.push_back({static_cast<const GumboNode*>(children->data[i]), id});
            }
        }
    }
}

Document::~Document() = default;  // the arena holds gumbo's whole output

namespace {

// gumbo_get_attribute, the first attribute whose name equals `name` in any case, with the
// first letters compared before the whole names: most attributes an element has differ from
// the one asked for in their first letter, and strcasecmp per attribute was 1.5 % of a page's
// extraction. (`c | 0x20` is the lower case of an ASCII letter and leaves equal bytes equal, so
// it only passes over names strcasecmp would refuse.)
const GumboAttribute* find_attribute(const GumboVector& attributes, const char* name) {
    const unsigned first = static_cast<unsigned char>(name[0]) | 0x20u;
    for (unsigned int i = 0; i < attributes.length; ++i) {
        const auto* a = static_cast<const GumboAttribute*>(attributes.data[i]);
        if ((static_cast<unsigned char>(a->name[0]) | 0x20u) != first) continue;
        if (strcasecmp(a->name, name) == 0) return a;
    }
    return nullptr;
}

}  // namespace

std::string_view Document::attr(NodeId id, const char* name) const {
    // A value the pre-pass may have emptied is no one's reading: a reader asking for a new name
    // adds it to attribute_value_read first.
    assert(!prepass_ || attribute_value_read(name));
    const Node& n = nodes_[id];
    if (!n.element) return {};
    const GumboAttribute* a = find_attribute(n.element->attributes, name);
    return a ? std::string_view(a->value) : std::string_view{};
}

bool Document::has_attr(NodeId id, const char* name) const {
    const Node& n = nodes_[id];
    return n.element && find_attribute(n.element->attributes, name) != nullptr;
}

std::string_view Document::tag_name(NodeId id) const {
    const Node& n = nodes_[id];
    if (n.kind != Node::Kind::Element) return {};
    if (n.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(n.tag);
    GumboStringPiece piece = n.element->original_tag;
    gumbo_tag_from_original_text(&piece);
    return {piece.data, piece.length};
}

NodeId Document::next(NodeId current, NodeId scope, bool skip_children) const {
    const Node& n = nodes_[current];
    if (!skip_children && n.first_child != kNoNode) return n.first_child;
    NodeId at = current;
    while (at != kNoNode && at != scope) {
        if (nodes_[at].next_sibling != kNoNode) return nodes_[at].next_sibling;
        at = nodes_[at].parent;
    }
    return kNoNode;
}

template <class Piece>
void Document::text_pieces(NodeId id, Piece&& piece) const {
    for (NodeId at = id; at != kNoNode;) {
        const Node& n = nodes_[at];
        if (n.kind == Node::Kind::Text) {
            if (!piece(n.text)) return;
        } else if (holds_no_text(n.tag)) {  // code and templates are nobody's reading
            at = next(at, id, true);
            continue;
        } else if ((at != id && is_block_tag(n.tag)) || n.tag == GUMBO_TAG_BR) {
            if (!piece(std::string_view(" "))) return;
        }
        at = next(at, id);
    }
}

std::string Document::text(NodeId id) const {
    std::string raw;
    text_pieces(id, [&](std::string_view piece) {
        raw.append(piece);
        return true;
    });
    return unicode::fold_whitespace(raw);
}

int Document::text_tokens(NodeId id, int limit) const {
    // gumbo's text is valid UTF-8, so no character is split between two pieces.
    unicode::FoldedTokens tokens(limit);
    text_pieces(id, [&](std::string_view piece) { return tokens.feed(piece); });
    return tokens.count();
}

bool holds_no_text(GumboTag tag) {
    return tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_TEMPLATE;
}

bool is_block_tag(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_ADDRESS:
        case GUMBO_TAG_ARTICLE:
        case GUMBO_TAG_ASIDE:
        case GUMBO_TAG_BLOCKQUOTE:
        case GUMBO_TAG_BODY:
        case GUMBO_TAG_CAPTION:
        case GUMBO_TAG_CENTER:
        case GUMBO_TAG_DD:
        case GUMBO_TAG_DETAILS:
        case GUMBO_TAG_DIV:
        case GUMBO_TAG_DL:
        case GUMBO_TAG_DT:
        case GUMBO_TAG_FIELDSET:
        case GUMBO_TAG_FIGCAPTION:
        case GUMBO_TAG_FIGURE:
        case GUMBO_TAG_FOOTER:
        case GUMBO_TAG_FORM:
        case GUMBO_TAG_H1:
        case GUMBO_TAG_H2:
        case GUMBO_TAG_H3:
        case GUMBO_TAG_H4:
        case GUMBO_TAG_H5:
        case GUMBO_TAG_H6:
        case GUMBO_TAG_HEADER:
        case GUMBO_TAG_HGROUP:
        case GUMBO_TAG_HR:
        case GUMBO_TAG_LI:
        case GUMBO_TAG_MAIN:
        case GUMBO_TAG_MENU:
        case GUMBO_TAG_NAV:
        case GUMBO_TAG_OL:
        case GUMBO_TAG_P:
        case GUMBO_TAG_PRE:
        case GUMBO_TAG_SECTION:
        case GUMBO_TAG_SUMMARY:
        case GUMBO_TAG_TABLE:
        case GUMBO_TAG_TBODY:
        case GUMBO_TAG_TD:
        case GUMBO_TAG_TFOOT:
        case GUMBO_TAG_TH:
        case GUMBO_TAG_THEAD:
        case GUMBO_TAG_TR:
        case GUMBO_TAG_UL:
        case GUMBO_TAG_HTML:
        case GUMBO_TAG_HEAD:
        case GUMBO_TAG_TITLE:
        case GUMBO_TAG_OPTION:
        case GUMBO_TAG_SELECT:
            return true;
        default:
            return false;
    }
}

namespace {

// The first child element of a document or element node that is a `tag`, or nullptr.
const GumboNode* first_child(const GumboNode& node, GumboTag tag) {
    const GumboVector& children =
        node.type == GUMBO_NODE_DOCUMENT ? node.v.document.children : node.v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
        const auto* child = static_cast<const GumboNode*>(children.data[i]);
        if (child->type == GUMBO_NODE_ELEMENT && child->v.element.tag == tag) return child;
    }
    return nullptr;
}

}  // namespace

std::string decode_references(std::string_view text) {
    if (text.find('&') == std::string_view::npos) return std::string(text);
    // Each run between two '<' is parsed as the text of a <title> (RCDATA: references decoded,
    // no markup read), so that no "</title" in the text can end it early; a reference never
    // holds a '<'. gumbo's own tables do the decoding.
    std::string out;
    out.reserve(text.size());
    std::string wrapped;
    while (!text.empty()) {
        if (text.front() == '<') {
            out += '<';
            text.remove_prefix(1);
            continue;
        }
        const std::string_view run = text.substr(0, text.find('<'));
        text.remove_prefix(run.size());
        if (run.find('&') == std::string_view::npos) {
            out += run;
            continue;
        }
        wrapped.assign("<title>");
        wrapped += run;
        GumboOutput* parsed =
            gumbo_parse_with_options(&kGumboDefaultOptions, wrapped.data(), wrapped.size());
        // document → <html> → <head> → <title> → its text
        const GumboNode* title = parsed ? parsed->document : nullptr;
        for (const GumboTag tag : {GUMBO_TAG_HTML, GUMBO_TAG_HEAD, GUMBO_TAG_TITLE})
            title = title ? first_child(*title, tag) : nullptr;
        if (title) {
            const GumboVector& texts = title->v.element.children;
            for (unsigned t = 0; t < texts.length; ++t) {
                const auto* node = static_cast<const GumboNode*>(texts.data[t]);
                if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE)
                    out += node->v.text.text;
            }
        } else {
            out += run;
        }
        if (parsed) gumbo_destroy_output(&kGumboDefaultOptions, parsed);
    }
    return out;
}

std::optional<std::string> non_empty(std::string s) {
    s = unicode::fold_whitespace(s);
    if (s.empty()) return std::nullopt;
    return s;
}

}  // namespace pressparse::html
