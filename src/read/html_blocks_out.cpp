// Blocks out of the HTML extraction: the chosen article's subtrees cut into blocks at block-level
// boundaries (a table's row is one block, its cells a line), each with its hint (heading and
// level, list item, quote, figure caption and photo credit; a figure without a caption is described
// by its image's alt text), and the preamble: up to six short lines between the page's <h1> and the
// article, where sites print the byline, the date and the section.
//
// When the article found in the markup is a stub of the JSON-LD articleBody the page states,
// that text is the body instead, a paragraph a line (or its blocks, when it holds markup).
//
// Reads: the document and the dead nodes of an extraction (the preamble runs pass 1 again with
// no rule that drops "unlikely" containers, since bylines live in headers, and looks at no more
// than 4,096 nodes). Writes: only the blocks it returns. Must never: decide what belongs to the
// article (the passes did; it writes every live node of the subtrees it is given), give a block
// its role (that is the segmenter's), or recurse (one loop with a stack of open elements).
#include <cstdlib>
#include <unordered_map>

#include "html_extraction.hpp"
#include "pressparse/unicode.hpp"

namespace pressparse::html::extract {

namespace {

// How far into a figure its image is looked for, the most srcset candidates read, and the
// longest address taken (a longer one is left out, as the lead image's is).
constexpr int kFigureImageReach = 256;
constexpr int kMaxSrcsetCandidates = 64;
constexpr std::size_t kMaxImageAddress = 8192;

bool is_data_uri(std::string_view s) {
    s = unicode::trim(s);
    return s.size() >= 5 && lower_ascii(s.substr(0, 5)) == "data:";
}

// The largest candidate of a srcset ("a.jpg 480w, b.jpg 1024w" → "b.jpg"): by width descriptor,
// else by density ("2x"; none is 1x); data: URIs skipped. Empty when it names none.
std::string largest_candidate(std::string_view srcset) {
    auto space = [](char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    };
    std::string_view best;
    double best_w = -1, best_x = -1;
    std::size_t i = 0;
    for (int n = 0; n < kMaxSrcsetCandidates && i < srcset.size(); ++n) {
        while (i < srcset.size() && (space(srcset[i]) || srcset[i] == ','))
            ++i;
        const std::size_t start = i;
        while (i < srcset.size() && !space(srcset[i]))
            ++i;
        std::string_view url = srcset.substr(start, i - start);
        std::string_view descriptor;
        if (!url.empty() && url.back() == ',') {
            while (!url.empty() && url.back() == ',')
                url.remove_suffix(1);
        } else {
            const std::size_t comma = std::min(srcset.find(',', i), srcset.size());
            descriptor = unicode::trim(srcset.substr(i, comma - i));
            i = comma;
        }
        if (url.empty() || url.size() > kMaxImageAddress || is_data_uri(url)) continue;
        double w = -1, x = 1;
        if (!descriptor.empty()) {
            const char unit = descriptor.back();
            const std::string number(descriptor.substr(0, descriptor.size() - 1));
            char* end = nullptr;
            const double v = std::strtod(number.c_str(), &end);
            if (end != number.c_str() && *end == '\0' && v > 0) {
                if (unit == 'w') w = v;
                if (unit == 'x') x = v;
            }
        }
        if (w > best_w || (w < 0 && best_w < 0 && x > best_x)) {
            best = url;
            best_w = w;
            best_x = x;
        }
    }
    return std::string(best);
}

// The address an <img> shows, as the page writes it: the largest srcset candidate, else what
// a lazy loader will put in (data-srcset, data-src, data-lazy-src, data-original: the src of a
// lazily loaded image is a placeholder), else src; never a data: URI. Empty when none.
std::string image_address(const Document& doc, NodeId img) {
    for (const char* set : {"srcset", "data-srcset", "data-lazy-srcset"}) {
        if (std::string best = largest_candidate(doc.attr(img, set)); !best.empty()) return best;
    }
    for (const char* name : {"data-src", "data-lazy-src", "data-original", "src"}) {
        const std::string_view v = unicode::trim(doc.attr(img, name));
        if (!v.empty() && v.size() <= kMaxImageAddress && !is_data_uri(v)) return std::string(v);
    }
    return {};
}

// A figure's image: the first <img> among its first kFigureImageReach nodes that names one;
// one in a <noscript> wins, since that is where a page that loads images by script keeps the
// real address (the script-side <img> holds a blurred placeholder).
std::string figure_image(const Document& doc, NodeId figure) {
    std::string first;
    int seen = 0;
    for (NodeId c = figure; c != kNoNode && seen < kFigureImageReach;
         c = doc.next(c, figure), ++seen) {
        if (doc.node(c).tag != GUMBO_TAG_IMG) continue;
        std::string address = image_address(doc, c);
        if (address.empty()) continue;
        bool in_noscript = false;
        for (NodeId a = doc.node(c).parent; a != kNoNode && a != figure && !in_noscript;
             a = doc.node(a).parent)
            in_noscript = doc.node(a).tag == GUMBO_TAG_NOSCRIPT;
        if (in_noscript) return address;
        if (first.empty()) first = std::move(address);
    }
    return first;
}

// Table cells are no boundaries of their own: a row's cells make one block, its rows (and the
// blocks inside a cell) cut it.
bool is_cell(GumboTag t) {
    return t == GUMBO_TAG_TD || t == GUMBO_TAG_TH;
}

// Walks the article's subtrees and cuts them into blocks at block-level boundaries.
class BlockWriter {
  public:
    // `linked`, when given, gets one entry a block written: whether it holds a link's text.
    BlockWriter(const Document& doc, const std::vector<std::uint8_t>& dead,
                std::vector<std::uint8_t>* linked = nullptr)
        : doc_(doc), dead_(dead), linked_(linked) {}

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
                text_linked_ = text_linked_ || links_ > 0;
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
    // A caption marked by its class rather than by <figcaption> (WordPress's "wp-caption" and
    // "wp-caption-text", "image-caption", "figure__caption"), on a block that is no figcaption
    // (a class that only says an element has one, "has-caption", is not one).
    bool names_caption(NodeId id) const {
        const Node& n = doc_.node(id);
        if (n.tag == GUMBO_TAG_FIGCAPTION || !is_block_tag(n.tag)) return false;
        const std::string cls = lower_ascii(doc_.attr(id, "class"));
        for (std::size_t at = cls.find("caption"); at != std::string::npos;
             at = cls.find("caption", at + 1)) {
            const std::size_t start =
                cls.rfind(' ', at) == std::string::npos ? 0 : cls.rfind(' ', at) + 1;
            const std::string_view token = std::string_view(cls).substr(start, at - start);
            if (!token.starts_with("has-") && !token.starts_with("no-") &&
                !token.starts_with("with-") && !token.starts_with("without-"))
                return true;
        }
        return false;
    }

    void enter(NodeId id) {
        const Node& n = doc_.node(id);
        if (n.tag == GUMBO_TAG_BR) {
            if (last_was_br_) flush();
            text_ += ' ';
            last_was_br_ = true;
            return;
        }
        last_was_br_ = false;
        if (is_cell(n.tag)) {
            text_ += ' ';  // a row's cells are one line: "Length 300 m"
        } else if (is_block_tag(n.tag) || n.tag == GUMBO_TAG_IMG) {
            flush();
        }
        switch (n.tag) {
            case GUMBO_TAG_A:
                ++links_;
                break;
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
                figures_.push_back({id, false, figure_image(doc_, id)});
                break;
            default:
                if (is_heading(n.tag)) heading_ = static_cast<int>(n.tag - GUMBO_TAG_H1) + 1;
                break;
        }
        if (names_caption(id)) ++caption_;
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
        if (is_block_tag(n.tag) && !is_cell(n.tag)) flush();
        if (names_caption(id)) --caption_;
        switch (n.tag) {
            case GUMBO_TAG_A:
                --links_;
                break;
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
                                if (!alt.empty()) {
                                    push(std::move(alt), BlockHint::Caption, 0, {});
                                    out_->back().image = figures_.back().image;
                                }
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
        const bool linked = text_linked_;
        text_.clear();
        credit_.clear();
        text_linked_ = false;
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
            push(std::move(credit), BlockHint::Credit, 0, {}, linked);
        } else {
            push(std::move(text), hint, level, std::move(credit), linked);
        }
        // A caption carries its figure's image.
        if (caption_ > 0 && !figures_.empty()) out_->back().image = figures_.back().image;
    }

    void push(std::string text, BlockHint hint, int level, std::string credit,
              bool linked = false) {
        if (linked_ != nullptr) linked_->push_back(linked ? 1 : 0);
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
        std::string image;  // as the page writes it; empty when the figure shows none
    };
    const Document& doc_;
    const std::vector<std::uint8_t>& dead_;
    std::vector<std::uint8_t>* linked_;
    Blocks* out_ = nullptr;
    std::string text_, credit_;
    int quote_ = 0, list_item_ = 0, caption_ = 0, heading_ = 0, credit_depth_ = 0, links_ = 0;
    bool last_was_br_ = false, text_linked_ = false;
    std::vector<Figure> figures_;
};

}  // namespace

Blocks write_blocks(const Document& doc, const Extraction& e, std::vector<std::uint8_t>* linked) {
    Blocks out;
    if (linked != nullptr) linked->clear();
    BlockWriter writer(doc, e.dead, linked);
    for (NodeId r : e.roots)
        writer.write(r, out);
    return out;
}

std::optional<Blocks> json_ld_body(const Metadata& meta, const Blocks& body) {
    if (!meta.article_body) return std::nullopt;
    const std::string& stated = *meta.article_body;
    const double stated_length = measure(stated).length;
    if (stated_length < kMinJsonLdBody) return std::nullopt;
    double found = 0;
    for (const Block& b : body) {
        if (b.hint != BlockHint::Caption && b.hint != BlockHint::Credit)
            found += measure(b.text).length;
    }
    if (found >= kStubBody && found >= kStubShare * stated_length) return std::nullopt;
    Blocks out;
    if (stated.find("</") != std::string::npos || stated.find("<br") != std::string::npos) {
        // Markup in the statement: its blocks, as the article's would be.
        const Document fragment(stated);
        if (fragment.body() == kNoNode) return std::nullopt;
        Extraction e;
        e.roots = {fragment.body()};
        e.dead.assign(fragment.nodes().size(), 0);
        for (NodeId id = 0; id < fragment.nodes().size(); ++id) {
            const Node& n = fragment.node(id);
            if (n.parent != kNoNode && e.dead[n.parent]) e.dead[id] = 1;
            if (n.kind == Node::Kind::Element && is_dropped_tag(n.tag)) e.dead[id] = 1;
        }
        out = write_blocks(fragment, e);
    } else {
        // Plain text: a paragraph a line, its character references decoded (a JSON-LD string
        // is not HTML, but pages write them there).
        std::size_t start = 0;
        while (start <= stated.size()) {
            std::size_t end = stated.find('\n', start);
            if (end == std::string::npos) end = stated.size();
            std::string text = unicode::fold_whitespace(
                decode_references(std::string_view(stated).substr(start, end - start)));
            if (!text.empty()) {
                Block b;
                b.text = std::move(text);
                b.gap_before = true;
                out.push_back(std::move(b));
            }
            start = end + 1;
        }
    }
    if (out.empty()) return std::nullopt;
    return out;
}

Blocks preamble(ExtractionState& st, const Extraction& e) {
    Blocks out;
    const NodeId body = st.doc.body();
    if (e.roots.empty() || body == kNoNode) return out;
    const NodeId stop = e.roots.front();
    NodeId h1 = kNoNode;
    for (NodeId id = body; id != kNoNode && id < stop; id = st.doc.next(id, body)) {
        if (st.doc.node(id).tag == GUMBO_TAG_H1) {
            h1 = id;
            break;
        }
    }
    if (h1 == kNoNode) return out;
    std::unordered_map<NodeId, bool> holds_stop;  // ancestors of the article's first root
    for (NodeId a = stop; a != kNoNode; a = st.doc.node(a).parent)
        holds_stop[a] = true;
    if (holds_stop.contains(h1)) return out;

    // Page furniture only: nothing "unlikely" is dropped here, since bylines live in headers.
    // Only the nodes before the article are written (an element before it that does not hold it
    // has its whole subtree before it), so only they are marked.
    std::vector<std::uint8_t> dead;
    mark_dead(st, Flags{false, false, false}, dead, false, stop);
    BlockWriter writer(st.doc, dead);
    constexpr std::size_t kMaxLines = 6;
    constexpr int kMaxTokens = 20;
    int visited = 0;
    for (NodeId at = st.doc.next(h1, body, true); at != kNoNode && at != stop && visited < 4096;
         ++visited) {
        if (holds_stop.contains(at)) {
            at = st.doc.next(at, body);  // go inside, towards the article
            continue;
        }
        if (!dead[at] && st.doc.node(at).kind == Node::Kind::Element) {
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
        at = st.doc.next(at, body, true);
    }
    return out;
}

namespace {
constexpr std::size_t kMaxRecipeSearch = std::size_t{1} << 20;  // bytes of the body searched
}  // namespace

void with_stated_recipe(const Metadata& meta, Blocks& body) {
    if (meta.recipe_ingredients.empty() && meta.recipe_steps.empty()) return;
    // The body's first kMaxRecipeSearch bytes are searched: a recipe's lists sit in its first
    // pages, and each stated line costs one search, whatever the page's size.
    std::string printed;
    for (const Block& b : body) {
        if (printed.size() >= kMaxRecipeSearch) break;
        printed += unicode::fold_case(b.text);
        printed += '\n';
    }
    auto add_unprinted = [&](const std::vector<std::string>& lines, BlockHint hint) {
        std::vector<std::uint8_t> shown(lines.size(), 0);
        std::size_t count = 0;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            shown[i] = printed.find(unicode::fold_case(lines[i])) != std::string::npos;
            count += shown[i];
        }
        if (static_cast<double>(count) >=
            kMinPrintedRecipeShare * static_cast<double>(lines.size()))
            return;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            if (shown[i]) continue;
            Block b;
            b.text = lines[i];
            b.gap_before = true;
            b.hint = hint;
            body.push_back(std::move(b));
        }
    };
    add_unprinted(meta.recipe_ingredients, BlockHint::ListItem);
    add_unprinted(meta.recipe_steps, BlockHint::None);
}

}  // namespace pressparse::html::extract
