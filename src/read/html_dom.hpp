// A compact, read-only DOM of one HTML page: gumbo parses into a per-page arena, and the tree is
// mirrored into a flat vector of nodes (parent, first child, next sibling), so every later pass
// walks it with loops instead of recursion — a page nested 100,000 deep cannot overflow the stack.
// The arena is freed at once when the document goes away (gumbo's own recursive destroy is
// never called).
#pragma once

#include <gumbo.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pressparse::html {

// Bump allocator handed to gumbo: frees nothing until it is destroyed.
class Arena {
  public:
    Arena() = default;
    Arena(const Arena&) = delete;
    Arena& operator=(const Arena&) = delete;
    void* allocate(std::size_t size);
    std::size_t bytes_reserved() const { return reserved_; }

  private:
    std::vector<std::unique_ptr<unsigned char[]>> chunks_;
    unsigned char* cursor_ = nullptr;
    std::size_t left_ = 0;
    std::size_t reserved_ = 0;
};

using NodeId = std::uint32_t;
inline constexpr NodeId kNoNode = 0xFFFFFFFFu;

struct Node {
    enum class Kind : std::uint8_t { Element, Text };
    Kind kind = Kind::Element;
    GumboTag tag = GUMBO_TAG_UNKNOWN;
    NodeId parent = kNoNode;
    NodeId first_child = kNoNode;
    NodeId next_sibling = kNoNode;
    std::uint32_t depth = 0;
    std::string_view text;                  // text nodes: the raw text
    const GumboElement* element = nullptr;  // elements: attributes (valid while the Document lives)
};

class Document {
  public:
    // Parses UTF-8 HTML. Never throws for bad markup: gumbo recovers as browsers do. The text
    // must outlive the document (nodes point into it).
    // Markup nested deeper than kMaxNesting is flattened first (see limit_nesting).
    // `prepass`: empty script and style bodies, comments' text and the attribute values no one
    // reads before parsing (html_prepass.hpp); off only to prove that it changes nothing.
    explicit Document(std::string_view utf8, bool prepass = true);
    ~Document();
    Document(const Document&) = delete;
    Document& operator=(const Document&) = delete;

    const std::vector<Node>& nodes() const { return nodes_; }
    const Node& node(NodeId id) const { return nodes_[id]; }
    NodeId root() const { return nodes_.empty() ? kNoNode : 0; }
    NodeId html() const { return html_; }
    NodeId head() const { return head_; }
    NodeId body() const { return body_; }

    // Attribute value, or empty when absent.
    std::string_view attr(NodeId id, const char* name) const;
    bool has_attr(NodeId id, const char* name) const;
    // Lower-case tag name of an element ("div"; the original name for unknown tags).
    std::string_view tag_name(NodeId id) const;

    // The next node in document order within the subtree of `scope`, or kNoNode.
    // `skip_children` continues after the current node's subtree.
    NodeId next(NodeId current, NodeId scope, bool skip_children = false) const;

    // All text below `id`, white space folded.
    std::string text(NodeId id) const;
    // unicode::count_tokens(text(id), limit), without building the text.
    int text_tokens(NodeId id, int limit) const;

    // True when the source was nested too deeply and had to be flattened.
    bool flattened() const { return flattened_; }
    // True when an element had more attributes than kMaxAttributes and the rest were dropped.
    bool attributes_cut() const { return attributes_cut_; }
    // True when the page had more than kMaxMarkupItems tags and attributes and was cut off.
    bool truncated() const { return truncated_; }

  private:
    // The text below `id` as text() joins it before folding: each text node's text, and a " "
    // for a <br> and before each block inside; `piece(view)` returns false to stop.
    template <class Piece>
    void text_pieces(NodeId id, Piece&& piece) const;

    Arena arena_;
    GumboOutput* output_ = nullptr;
    std::vector<Node> nodes_;
    NodeId html_ = kNoNode, head_ = kNoNode, body_ = kNoNode;
    std::string_view source_;  // gumbo keeps pointers into its input
    std::string flat_;         // the source emptied of scripts or flattened, when it had to be
    // Script bodies, comments' text and unread attribute values emptied (read by an assertion).
    [[maybe_unused]] bool prepass_ = false;
    bool flattened_ = false;
    bool attributes_cut_ = false;
    bool truncated_ = false;
};

// Deepest element nesting kept. Browsers' parsers stop nesting far earlier (Blink at 512), and
// gumbo's scope checks walk the open-element stack, so deeper markup costs time quadratic in
// its depth.
inline constexpr std::size_t kMaxNesting = 1024;

// Most attributes kept on one element. gumbo checks each new attribute against all the
// element's earlier ones, so a million attributes on one tag cost time quadratic in their number.
inline constexpr std::size_t kMaxAttributes = 1000;

// Most markup items (tags, start or end, comments, doctypes, and attributes kept) read from one
// page; the page is cut off before the item past it. An item costs up to about a kilobyte from
// parsing to output (gumbo's node, the mirrored node, the scorer's data, the block), an end tag
// with no start tag makes an element too, so this bounds a page's tree, and a worker's memory,
// whatever the page's size. The largest real page measured has 38,359 items (28,113 nodes).
inline constexpr std::size_t kMaxMarkupItems = 500'000;

struct MarkupLimits {
    bool flattened = false;       // elements deeper than the nesting limit were dropped
    bool attributes_cut = false;  // attributes past the limit were dropped
    bool truncated = false;       // the page was cut off at the markup item limit
};

// Keeps markup within what a parser handles in linear time and bounded memory: drops start tags
// (and their end tags) that would nest elements deeper than `max_depth`, and attributes past the
// first `max_attributes` of an element, keeping all text, and cuts the page off before the
// markup item past `max_items`. A tag-level scan, linear in the input; returns nullopt when
// nothing is over the limits (the common case: no copy is made).
std::optional<std::string> limit_markup(std::string_view html, std::size_t max_depth = kMaxNesting,
                                        std::size_t max_attributes = kMaxAttributes,
                                        MarkupLimits* hit = nullptr,
                                        std::size_t max_items = kMaxMarkupItems);

// Elements whose content is no one's reading: scripts, style sheets, templates. Their text is
// never part of a node's text.
bool holds_no_text(GumboTag tag);

// True for tags that start a new block of text (p, div, li, h1…, table cells, …).
bool is_block_tag(GumboTag tag);

// `text` with its character references decoded as the HTML parser decodes them in an element's
// text: every named reference of the HTML standard, numeric ones, the legacy names that need no
// ';'. For values the parser has not decoded (JSON-LD strings) or decoded once where the page
// encoded them twice (`content="&amp;#039;"`). Text without a '&' comes back as it is.
std::string decode_references(std::string_view text);

// A stated value as text: white space folded, nothing when that leaves nothing.
std::optional<std::string> non_empty(std::string s);

}  // namespace pressparse::html
