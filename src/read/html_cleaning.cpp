// Pass 4 of the HTML extraction: cleaning inside the chosen article. Removes forms and fieldsets
// that are not content, every <footer> and <aside>, small share bars, <h1>/<h2> whose class/id
// weighs negative, and, when the attempt cleans conditionally, tables, lists and divs (other than
// the article's roots) that are mostly links, images, inputs or embeds, or too short for their
// kind; never what is inside <code> or a data table, never a plain list of images. After the
// decision, the article's short blocks, as html_blocks_out cut them, that are the site speaking
// (boilerplate_lines.txt: calls to subscribe or follow, "posted in", copyright lines) are taken
// out of the body (drop_site_lines).
//
// Reads: the document, the page facts, st.agg and the attempt's flags. Writes: st.dead (whole
// subtrees only), st.agg of the removed subtree's ancestors up to the article's root (so later
// decisions see the article as it now is), st.protected_nodes and st.data_table; drop_site_lines
// only removes blocks of the body it is given. Must never: add
// or change text (cleaning only removes), touch a node outside the article's subtrees, or
// recurse (subtrees are walked with Document::next, protection is one top-down pass).

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "html_extraction.hpp"
#include "pressparse/boilerplate_lines.hpp"
#include "pressparse/unicode.hpp"

namespace pressparse::html::extract {

namespace {

void remove_subtree(ExtractionState& st, NodeId id, const std::vector<NodeId>& roots) {
    if (st.dead[id]) return;
    const Agg removed = st.agg[id];
    for (NodeId at = id; at != kNoNode; at = st.doc.next(at, id))
        st.dead[at] = 1;
    for (NodeId up = st.doc.node(id).parent; up != kNoNode; up = st.doc.node(up).parent) {
        st.agg[up].subtract(removed);
        if (std::find(roots.begin(), roots.end(), up) != roots.end()) break;
    }
}

bool has_ancestor_tag(const ExtractionState& st, NodeId id, GumboTag tag, int max_depth = 3) {
    int depth = 0;
    for (NodeId at = st.doc.node(id).parent; at != kNoNode; at = st.doc.node(at).parent) {
        if (max_depth > 0 && depth++ >= max_depth) return false;
        if (st.doc.node(at).tag == tag) return true;
    }
    return false;
}

bool is_data_table(const ExtractionState& st, NodeId id) {
    if (st.doc.attr(id, "role") == "presentation" || st.doc.attr(id, "datatable") == "0")
        return false;
    if (!st.doc.attr(id, "summary").empty()) return true;
    int rows = 0, cols = 0;
    for (NodeId at = id; at != kNoNode; at = st.doc.next(at, id)) {
        const Node& n = st.doc.node(at);
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
                 cell = st.doc.node(cell).next_sibling) {
                if (st.doc.node(cell).tag == GUMBO_TAG_TD) ++c;
            }
            cols = std::max(cols, c);
        }
    }
    return rows >= 10 || cols > 4 || rows * cols > 10;
}

bool should_remove_conditionally(const ExtractionState& st, NodeId id, GumboTag tag,
                                 const Flags& flags) {
    const Agg& a = st.agg[id];
    bool is_list = tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL;
    if (!is_list && a.text > 0) is_list = a.li_text / a.text > 0.9f;
    if (tag == GUMBO_TAG_TABLE && is_data_table(st, id)) return false;
    if (st.protected_nodes[id]) return false;  // inside <code> or a data table
    const int weight = class_weight(st, id, flags);
    if (weight < 0) return true;
    if (a.commas >= 10) return false;
    const auto p = static_cast<float>(a.p);
    const auto img = static_cast<float>(a.img);
    const float li = static_cast<float>(a.li) - 100.0f;
    const auto input = static_cast<float>(a.input);
    const float heading_density = a.text > 0 ? a.heading_text / a.text : 0.0f;
    const float density = link_density(st, id);
    const float length = a.text;
    const bool in_figure = has_ancestor_tag(st, id, GUMBO_TAG_FIGURE);
    bool remove = (img > 1 && p / img < 0.5f && !in_figure) || (!is_list && li > p) ||
                  (input > std::floor(p / 3)) ||
                  (!is_list && heading_density < 0.9f && length < 25 && (img == 0 || img > 2) &&
                   !in_figure) ||
                  (!is_list && weight < 25 && density > 0.2f) || (weight >= 25 && density > 0.5f) ||
                  ((a.embed == 1 && length < 75) || a.embed > 1);
    if (is_list && remove) {
        // A plain list of images stays.
        bool simple = true;
        std::uint32_t items = 0;
        for (NodeId c = st.doc.node(id).first_child; c != kNoNode;
             c = st.doc.node(c).next_sibling) {
            if (st.dead[c] || st.doc.node(c).kind != Node::Kind::Element) continue;
            ++items;
            int grandchildren = 0;
            for (NodeId g = st.doc.node(c).first_child; g != kNoNode;
                 g = st.doc.node(g).next_sibling) {
                if (st.doc.node(g).kind == Node::Kind::Element) ++grandchildren;
            }
            if (grandchildren > 1) simple = false;
        }
        if (simple && a.img == items) return false;
    }
    return remove;
}

// Nodes inside <code> or inside a data table are never cleaned away: one top-down pass
// (asking each node about its ancestors would be quadratic on deep pages).
void mark_protected(ExtractionState& st, const std::vector<NodeId>& roots) {
    st.protected_nodes.assign(st.n, 0);
    for (NodeId r : roots) {
        bool above = false;
        for (NodeId a = st.doc.node(r).parent; a != kNoNode && !above; a = st.doc.node(a).parent) {
            above = st.doc.node(a).tag == GUMBO_TAG_CODE ||
                    (st.doc.node(a).tag == GUMBO_TAG_TABLE && is_data_table(st, a));
        }
        for (NodeId at = r; at != kNoNode; at = st.doc.next(at, r, st.dead[at] != 0)) {
            if (st.dead[at]) continue;
            const NodeId parent = st.doc.node(at).parent;
            const bool parent_protects =
                at == r
                    ? above
                    : (st.protected_nodes[parent] || st.doc.node(parent).tag == GUMBO_TAG_CODE ||
                       (st.doc.node(parent).tag == GUMBO_TAG_TABLE && st.data_table[parent]));
            if (st.doc.node(at).tag == GUMBO_TAG_TABLE) st.data_table[at] = is_data_table(st, at);
            st.protected_nodes[at] = parent_protects;
        }
    }
}

// boilerplate_lines.txt, folded: a phrase a block opens with, one it holds anywhere, or one it is.
struct SiteLinePhrase {
    enum class Kind : std::uint8_t { Opens, Holds, Is } kind = Kind::Opens;
    std::string folded;
    bool ends_in_word = false;  // its last character is a letter or a digit
};

const std::vector<SiteLinePhrase>& site_line_phrases() {
    static const std::vector<SiteLinePhrase> table = [] {
        std::vector<SiteLinePhrase> out;
        for (std::string_view line : kBoilerplateLines) {
            const std::size_t space = line.find(' ');
            const std::string_view kind = line.substr(0, space);
            SiteLinePhrase p{kind == "opens"   ? SiteLinePhrase::Kind::Opens
                             : kind == "holds" ? SiteLinePhrase::Kind::Holds
                                               : SiteLinePhrase::Kind::Is,
                             unicode::fold_case(unicode::fold_whitespace(line.substr(space + 1)))};
            for (std::size_t at = 0; at < p.folded.size();) {
                p.ends_in_word = alnum_at(p.folded, at);
                unicode::next_code_point(p.folded, at);
            }
            out.push_back(std::move(p));
        }
        return out;
    }();
    return table;
}

// The phrases by kind, as is_site_line asks for them: the "is" phrases sorted (a line is one
// of them or none), the "opens" phrases by their first byte (a line can open only with those
// that begin with its own first byte), the "holds" phrases as they come. Empty phrases match
// nothing and are left out.
struct SiteLineIndex {
    std::vector<std::string_view> is;
    std::array<std::vector<const SiteLinePhrase*>, 256> opens_by_first;
    std::vector<std::string_view> holds;
};

const SiteLineIndex& site_line_index() {
    static const SiteLineIndex index = [] {
        SiteLineIndex out;
        for (const SiteLinePhrase& p : site_line_phrases()) {
            if (p.folded.empty()) continue;
            switch (p.kind) {
                case SiteLinePhrase::Kind::Is:
                    out.is.push_back(p.folded);
                    break;
                case SiteLinePhrase::Kind::Opens:
                    out.opens_by_first[static_cast<unsigned char>(p.folded[0])].push_back(&p);
                    break;
                case SiteLinePhrase::Kind::Holds:
                    out.holds.push_back(p.folded);
                    break;
            }
        }
        std::sort(out.is.begin(), out.is.end());
        return out;
    }();
    return index;
}

// Whether a block's text, of `length` characters, is the site speaking: past the marks it may
// open with (an arrow, a bullet, an asterisk), it opens with an "opens" phrase followed by the
// end, a space or punctuation, or is an "is" phrase but for the punctuation it ends with (both
// within kMaxSiteLine characters), or holds a "holds" phrase (within kMaxSiteMention).
bool is_site_line(std::string_view text, float length) {
    if (length > kMaxSiteLine) return false;  // the one bound on a site line's length
    const std::string folded = unicode::fold_case(unicode::fold_whitespace(text));
    std::size_t start = 0;
    while (start < folded.size() && !alnum_at(folded, start))
        next_character(folded, start);
    const std::string_view f = std::string_view(folded).substr(start);
    // The end of its last letter or digit: what an "is" phrase is compared with.
    std::size_t end = 0;
    for (std::size_t at = 0; at < f.size();) {
        const bool word = alnum_at(f, at);
        next_character(f, at);
        if (word) end = at;
    }
    const std::string_view bare = f.substr(0, end);
    const SiteLineIndex& index = site_line_index();
    if (length <= kMaxSiteMention) {
        for (std::string_view p : index.holds) {
            if (f.find(p) != std::string_view::npos) return true;
        }
    }
    if (std::binary_search(index.is.begin(), index.is.end(), bare)) return true;
    if (f.empty()) return false;
    for (const SiteLinePhrase* p : index.opens_by_first[static_cast<unsigned char>(f[0])]) {
        // A phrase ending in a letter must end a word there ("abonnieren sie", not
        // "abonnieren siebzig").
        if (f.starts_with(p->folded) &&
            (f.size() == p->folded.size() || !p->ends_in_word || !alnum_at(f, p->folded.size())))
            return true;
    }
    return false;
}

// Whether a line is a breadcrumb trail: two separators or more (›, », >, →, standing alone)
// between short steps ("Home › News › Region › The headline"); the last step, the page's own
// title, may be long.
bool is_breadcrumb(std::string_view text) {
    static constexpr std::string_view kSeparators[] = {"›", "»", ">", "→"};
    const std::string folded = unicode::fold_whitespace(text);
    int separators = 0;
    int step = 0;  // characters of the step being read
    bool long_step = false;
    std::size_t at = 0;
    while (at <= folded.size()) {
        std::size_t end = folded.find(' ', at);
        if (end == std::string::npos) end = folded.size();
        const std::string_view token = std::string_view(folded).substr(at, end - at);
        if (std::find(std::begin(kSeparators), std::end(kSeparators), token) !=
            std::end(kSeparators)) {
            ++separators;
            long_step = long_step || step > kMaxBreadcrumbStep;
            step = 0;
        } else if (!token.empty()) {
            step += unicode::count_characters(token) + (step > 0 ? 1 : 0);
        }
        at = end + 1;
    }
    return separators >= 2 && !long_step;
}

}  // namespace

void clean(ExtractionState& st, const std::vector<NodeId>& roots, const Flags& flags) {
    st.data_table.assign(st.n, 0);
    // Lists of nodes by tag, in document order within the article.
    auto collect = [&](auto pred) {
        std::vector<NodeId> out;
        for (NodeId r : roots) {
            for (NodeId at = r; at != kNoNode; at = st.doc.next(at, r, st.dead[at] != 0)) {
                if (!st.dead[at] && st.doc.node(at).kind == Node::Kind::Element && pred(at))
                    out.push_back(at);
            }
        }
        return out;
    };
    auto by_tag = [&](GumboTag tag) {
        return collect([&](NodeId at) { return st.doc.node(at).tag == tag; });
    };

    if (flags.clean_conditionally) mark_protected(st, roots);
    for (GumboTag t : {GUMBO_TAG_FORM, GUMBO_TAG_FIELDSET}) {
        if (!flags.clean_conditionally) break;
        auto nodes = by_tag(t);
        for (auto it = nodes.rbegin(); it != nodes.rend(); ++it) {
            if (should_remove_conditionally(st, *it, t, flags)) remove_subtree(st, *it, roots);
        }
    }
    for (GumboTag t : {GUMBO_TAG_FOOTER, GUMBO_TAG_ASIDE}) {
        for (NodeId id : by_tag(t))
            remove_subtree(st, id, roots);
    }
    // Small share bars.
    for (NodeId id : collect([&](NodeId at) {
             const std::string& m = st.match[at];
             return !m.empty() &&
                    (m.find("share") != std::string::npos ||
                     m.find("sharedaddy") != std::string::npos) &&
                    std::find(roots.begin(), roots.end(), at) == roots.end();
         })) {
        if (!st.dead[id] && st.agg[id].text < kCharThreshold) remove_subtree(st, id, roots);
    }
    // Headings that say they are not content.
    for (NodeId id : collect([&](NodeId at) {
             return st.doc.node(at).tag == GUMBO_TAG_H1 || st.doc.node(at).tag == GUMBO_TAG_H2;
         })) {
        if (class_weight(st, id, flags) < 0) remove_subtree(st, id, roots);
    }
    if (flags.clean_conditionally) {
        mark_protected(st, roots);
        for (GumboTag t : {GUMBO_TAG_TABLE, GUMBO_TAG_UL, GUMBO_TAG_DIV}) {
            auto nodes = by_tag(t);
            for (auto it = nodes.rbegin(); it != nodes.rend(); ++it) {
                if (std::find(roots.begin(), roots.end(), *it) != roots.end()) continue;
                if (!st.dead[*it] && should_remove_conditionally(st, *it, t, flags))
                    remove_subtree(st, *it, roots);
            }
        }
    }
}

void drop_site_lines(Blocks& body, const std::vector<std::uint8_t>& linked) {
    // Headings after the article's last other block: they head nothing of it (a list of other
    // articles, comments or a gallery the passes took away), so they go too.
    std::vector<std::size_t> trailing;
    bool text_before = false;  // a block kept that is no such heading
    std::vector<std::uint8_t> drop(body.size(), 0);
    for (std::size_t i = 0; i < body.size(); ++i) {
        const Block& b = body[i];
        // Captions and credits are never the site speaking; a block of more bytes than four
        // times kMaxSiteLine holds more than kMaxSiteLine characters.
        const bool caption = b.hint == BlockHint::Caption || b.hint == BlockHint::Credit;
        const float length = b.text.size() > 4 * static_cast<std::size_t>(kMaxSiteLine)
                                 ? kMaxSiteLine + 1
                                 : measure(b.text).length;
        const bool site_line = !caption && is_site_line(b.text, length);
        const bool breadcrumb = i < static_cast<std::size_t>(kBreadcrumbReach) && linked[i] &&
                                length <= kMaxSiteMention && is_breadcrumb(b.text);
        if (site_line || breadcrumb) {
            drop[i] = 1;
        } else if (b.hint == BlockHint::Heading && length <= kMaxTrailingHeading &&
                   !b.text.ends_with('.')) {
            trailing.push_back(i);
        } else {
            trailing.clear();
            text_before = true;
        }
    }
    if (text_before) {
        for (std::size_t i : trailing)
            drop[i] = 1;
    }
    std::size_t i = 0;
    std::erase_if(body, [&](const Block&) { return drop[i++] != 0; });
}

}  // namespace pressparse::html::extract
