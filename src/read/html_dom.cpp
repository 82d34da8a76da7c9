#include "html_dom.hpp"

#include <algorithm>
#include <cstddef>
#include <cstring>

#include "pressparse/unicode.hpp"

namespace pressparse::html {

void* Arena::allocate(std::size_t size) {
    constexpr std::size_t kAlign = alignof(std::max_align_t);
    size = (size + kAlign - 1) & ~(kAlign - 1);
    if (size > left_) {
        const std::size_t chunk =
            std::max<std::size_t>(size, std::max<std::size_t>(64 * 1024, reserved_ / 2));
        chunks_.push_back(std::make_unique<unsigned char[]>(chunk));
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
void arena_free(void*, void*) {}

}  // namespace

Document::Document(std::string_view utf8) : source_(utf8) {
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

std::string_view Document::attr(NodeId id, const char* name) const {
    const Node& n = nodes_[id];
    if (!n.element) return {};
    const GumboAttribute* a = gumbo_get_attribute(&n.element->attributes, name);
    return a ? std::string_view(a->value) : std::string_view{};
}

bool Document::has_attr(NodeId id, const char* name) const {
    const Node& n = nodes_[id];
    return n.element && gumbo_get_attribute(&n.element->attributes, name) != nullptr;
}

std::string_view Document::tag_name(NodeId id) const {
    const Node& n = nodes_[id];
    if (n.kind != Node::Kind::Element) return {};
    if (n.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(n.tag);
    GumboStringPiece piece = n.element->original_tag;
    gumbo_tag_from_original_text(&piece);
    return std::string_view(piece.data, piece.length);
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

std::string Document::text(NodeId id) const {
    std::string raw;
    for (NodeId at = id; at != kNoNode; at = next(at, id)) {
        const Node& n = nodes_[at];
        if (n.kind == Node::Kind::Text) {
            raw.append(n.text);
        } else if (at != id && is_block_tag(n.tag)) {
            raw += ' ';
        } else if (n.tag == GUMBO_TAG_BR) {
            raw += ' ';
        }
    }
    return unicode::fold_whitespace(raw);
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

}  // namespace pressparse::html
