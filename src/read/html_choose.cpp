// Pass 3 of the HTML extraction: the decision between candidates. Takes the five best-scored
// candidates; when three or more near-best ones (within 75 % of the best) share an ancestor below
// <body>, that ancestor is the article; then climbs while a parent scores comparably, lets an only
// child stand for its parent, and adds the siblings that belong with the chosen container: a
// score (plus a bonus when it shares the container's class) of at least a fifth of the
// container's and at least 10, or paragraph-like text with few or no links. Falls back to <body>
// when nothing was scored or <body> scored best.
//
// Reads: the document, st.dead, st.agg, st.score, st.scored and st.candidates. Writes: only the
// starting score of the chosen container when it had none (init_score). Must never: remove or
// revive a node, change a score already given, or recurse (each climb is a loop up the parent
// chain, bounded by the depth; siblings are one loop).
#include <algorithm>
#include <unordered_map>

#include "html_extraction.hpp"

namespace pressparse::html::extract {

std::vector<NodeId> choose(ExtractionState& st, const Flags& flags) {
    const NodeId body = st.doc.body();
    std::vector<NodeId> top;  // best five, best first
    for (NodeId id : st.candidates) {
        auto it = std::find_if(top.begin(), top.end(),
                               [&](NodeId t) { return st.score[id] > st.score[t]; });
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
        if (st.score[top[i]] / st.score[best] >= 0.75f) alternatives.push_back(top[i]);
    }
    if (alternatives.size() >= 3) {
        // Count, for every ancestor, how many alternatives it contains: one walk up each.
        std::unordered_map<NodeId, int> containing;
        for (NodeId alt : alternatives) {
            for (NodeId a = st.doc.node(alt).parent; a != kNoNode; a = st.doc.node(a).parent)
                ++containing[a];
        }
        for (NodeId parent = st.doc.node(best).parent; parent != kNoNode && parent != body;
             parent = st.doc.node(parent).parent) {
            if (auto it = containing.find(parent); it != containing.end() && it->second >= 3) {
                best = parent;
                break;
            }
        }
    }
    init_score(st, best, flags);

    // Climb while the parent scores comparably.
    {
        float last = st.score[best];
        const float threshold = last / 3;
        for (NodeId parent = st.doc.node(best).parent; parent != kNoNode && parent != body;
             parent = st.doc.node(parent).parent) {
            if (!st.scored[parent]) continue;
            if (st.score[parent] < threshold) break;
            if (st.score[parent] > last) {
                best = parent;
                break;
            }
            last = st.score[parent];
        }
    }
    // An only child stands for its parent.
    for (NodeId parent = st.doc.node(best).parent; parent != kNoNode && parent != body;) {
        int element_children = 0;
        for (NodeId c = st.doc.node(parent).first_child; c != kNoNode;
             c = st.doc.node(c).next_sibling) {
            if (st.doc.node(c).kind == Node::Kind::Element && !st.dead[c]) ++element_children;
        }
        if (element_children != 1) break;
        best = parent;
        parent = st.doc.node(best).parent;
    }

    // Siblings that belong with the best container.
    std::vector<NodeId> roots;
    const NodeId parent = st.doc.node(best).parent;
    if (parent == kNoNode) return {best};
    const float threshold = std::max(10.0f, st.score[best] * 0.2f);
    const std::string_view best_class = st.doc.attr(best, "class");
    for (NodeId s = st.doc.node(parent).first_child; s != kNoNode;
         s = st.doc.node(s).next_sibling) {
        if (st.dead[s] || st.doc.node(s).kind != Node::Kind::Element) continue;
        bool append = s == best;
        if (!append) {
            float bonus = 0;
            if (!best_class.empty() && st.doc.attr(s, "class") == best_class)
                bonus = st.score[best] * 0.2f;
            if (st.scored[s] && st.score[s] + bonus >= threshold) {
                append = true;
            } else if (is_p_like(st, s)) {
                const float density = link_density(st, s);
                const float length = st.agg[s].text;
                if (length > 80 && density < 0.25f) {
                    append = true;
                } else if (length < 80 && length > 0 && density == 0) {
                    const std::string text = st.doc.text(s);
                    append = text.find(". ") != std::string::npos ||
                             (!text.empty() && text.back() == '.');
                }
            }
        }
        if (append) roots.push_back(s);
    }
    return roots;
}

}  // namespace pressparse::html::extract
