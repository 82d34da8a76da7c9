// Pass 4 of the HTML extraction: cleaning inside the chosen article. Removes forms and fieldsets
// that are not content, every <footer> and <aside>, small share bars, <h1>/<h2> whose class/id
// weighs negative, and, when the attempt cleans conditionally, tables, lists and divs (other than
// the article's roots) that are mostly links, images, inputs or embeds, or too short for their
// kind; never what is inside <code> or a data table, never a plain list of images.
//
// Reads: the document, the page facts, st.agg and the attempt's flags. Writes: st.dead (whole
// subtrees only), st.agg of the removed subtree's ancestors up to the article's root (so later
// decisions see the article as it now is), st.protected_nodes and st.data_table. Must never: add
// or change text (cleaning only removes), touch a node outside the article's subtrees, or
// recurse (subtrees are walked with Document::next, protection is one top-down pass).
#include <algorithm>
#include <cmath>

#include "html_extraction.hpp"

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

}  // namespace pressparse::html::extract
