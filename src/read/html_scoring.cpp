// Aggregates and pass 2 of the HTML extraction: candidates and their scores. Aggregates sum, bottom
// up over the live nodes, each subtree's text, link text, commas and element counts. Scoring then
// finds the paragraphs (<p>, <td>, <pre>, <section>, headings below <h1>, divs with nothing
// block-like inside, and runs of inline content directly in a div) and gives each one's score
// (commas, length) to up to five ancestors, less at each level; an ancestor enters with a score
// by its tag and class/id. Every candidate's score is damped by its link density.
//
// Reads: the document, the page facts and st.dead. Writes: st.agg, st.score, st.scored and
// st.candidates, nothing else. Must never: remove or revive a node (that is passes 1 and 4), or
// recurse (aggregates run over node ids from last to first, scoring over them in order, each unit
// climbing at most five ancestors).
#include <algorithm>
#include <cmath>

#include "html_extraction.hpp"

namespace pressparse::html::extract {

namespace {

bool is_phrasing(const ExtractionState& st, NodeId id) {
    const Node& n = st.doc.node(id);
    if (n.kind == Node::Kind::Text) return true;
    return !is_block_tag(n.tag) && !is_div_to_p_blocker(n.tag) && !st.agg[id].block_child;
}

void score_unit(ExtractionState& st, NodeId first_ancestor, float length, std::uint32_t commas,
                const Flags& flags) {
    if (length < 25) return;
    const float content =
        1.0f + static_cast<float>(commas + 1) + std::min(std::floor(length / 100.0f), 3.0f);
    NodeId at = first_ancestor;
    for (int level = 0; level < 5 && at != kNoNode; ++level, at = st.doc.node(at).parent) {
        const Node& a = st.doc.node(at);
        if (a.kind != Node::Kind::Element || a.tag == GUMBO_TAG_HTML || a.parent == kNoNode) break;
        init_score(st, at, flags);
        const float divider =
            level == 0 ? 1.0f : (level == 1 ? 2.0f : static_cast<float>(level) * 3.0f);
        st.score[at] += content / divider;
    }
}

}  // namespace

void aggregate(ExtractionState& st) {
    st.agg.assign(st.n, Agg{});
    for (auto id = static_cast<NodeId>(st.n); id-- > 0;) {
        if (st.dead[id]) continue;
        const Node& node = st.doc.node(id);
        Agg& a = st.agg[id];
        if (node.kind == Node::Kind::Text) {
            a.text = st.text_stats[id].length;
            a.commas = st.text_stats[id].commas;
        } else {
            switch (node.tag) {
                case GUMBO_TAG_A: {
                    const std::string_view href = st.doc.attr(id, "href");
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
            Agg& up = st.agg[node.parent];
            up.add(a);
            if (node.kind == Node::Kind::Element &&
                (is_div_to_p_blocker(node.tag) || a.block_child))
                up.block_child = true;
        }
    }
}

float link_density(const ExtractionState& st, NodeId id) {
    return st.agg[id].text > 0 ? st.agg[id].link / st.agg[id].text : 0.0f;
}

int class_weight(const ExtractionState& st, NodeId id, const Flags& flags) {
    if (!flags.weight_classes) return 0;
    int w = 0;
    auto weigh = [&](std::string_view s) {
        if (s.empty()) return;
        const std::string l = lower_ascii(s);
        if (contains_any_of<kNegative>(l)) w -= 25;
        if (contains_any_of<kPositive>(l)) w += 25;
    };
    weigh(st.doc.attr(id, "class"));
    weigh(st.doc.attr(id, "id"));
    return w;
}

// A <p>, or a <div> with nothing block-like inside: what Readability treats as a paragraph.
bool is_p_like(const ExtractionState& st, NodeId id) {
    const Node& n = st.doc.node(id);
    if (n.kind != Node::Kind::Element) return false;
    return n.tag == GUMBO_TAG_P || (n.tag == GUMBO_TAG_DIV && !st.agg[id].block_child);
}

void init_score(ExtractionState& st, NodeId id, const Flags& flags) {
    if (st.scored[id]) return;
    st.scored[id] = 1;
    float s = 0;
    switch (st.doc.node(id).tag) {
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
    st.score[id] = s + static_cast<float>(class_weight(st, id, flags));
    st.candidates.push_back(id);
}

void score_all(ExtractionState& st, const Flags& flags) {
    st.score.assign(st.n, 0);
    st.scored.assign(st.n, 0);
    st.candidates.clear();
    for (NodeId id = 0; id < st.n; ++id) {
        if (st.dead[id]) continue;
        const Node& n = st.doc.node(id);
        if (n.kind != Node::Kind::Element) continue;
        const GumboTag t = n.tag;
        if (t == GUMBO_TAG_P || t == GUMBO_TAG_TD || t == GUMBO_TAG_PRE || t == GUMBO_TAG_SECTION ||
            (is_heading(t) && t != GUMBO_TAG_H1) ||
            (t == GUMBO_TAG_DIV && !st.agg[id].block_child)) {
            if (n.parent != kNoNode)
                score_unit(st, n.parent, st.agg[id].text, st.agg[id].commas, flags);
            continue;
        }
        if (t == GUMBO_TAG_DIV) {
            // Runs of inline content directly in a div with blocks are paragraphs of the div.
            float length = 0;
            std::uint32_t commas = 0;
            for (NodeId c = n.first_child;; c = st.doc.node(c).next_sibling) {
                const bool end = c == kNoNode;
                if (!end && !st.dead[c] && is_phrasing(st, c)) {
                    length += st.agg[c].text;
                    commas += st.agg[c].commas;
                    continue;
                }
                if (length > 0) score_unit(st, id, length, commas, flags);
                length = 0;
                commas = 0;
                if (end) break;
            }
        }
    }
    for (NodeId id : st.candidates)
        st.score[id] *= 1.0f - link_density(st, id);
}

}  // namespace pressparse::html::extract
