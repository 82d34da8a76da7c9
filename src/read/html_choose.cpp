// Pass 3 of the HTML extraction: the decision between candidates. Takes the five best-scored
// candidates; when three or more near-best ones (within 75 % of the best) share an ancestor below
// <body>, that ancestor is the article; then climbs while a parent scores comparably, lets an only
// child stand for its parent, and adds the siblings that belong with the chosen container: a
// score (plus a bonus when it shares the container's class) of at least a fifth of the
// container's and at least 10, or paragraph-like text with few or no links, and the lists and
// tables (with their headings) that follow a sibling taken and are not link lists. Falls back to
// <body> when nothing was scored or <body> scored best.
//
// Reads: the document, st.dead, st.agg, st.score, st.scored and st.candidates. Writes: only the
// starting score of the chosen container when it had none (init_score). Must never: remove or
// revive a node, change a score already given, or recurse (each climb is a loop up the parent
// chain, bounded by the depth; siblings are one loop, and a list or table is looked into once).
#include <algorithm>
#include <unordered_map>

#include "html_extraction.hpp"

namespace pressparse::html::extract {

namespace {

// Lists, definition lists and tables of the article that sit beside its scored containers:
// ingredients, specifications, numbered steps. Scoring counts paragraphs only, so they never
// score as siblings do; they belong with the article when they follow a sibling taken (through
// other such blocks and headings), say nothing negative in class/id, and are not link
// lists (a menu, tags, teasers).
constexpr float kMaxListLinkDensity = 0.25f;

bool is_list_or_table(GumboTag t) {
    return t == GUMBO_TAG_UL || t == GUMBO_TAG_OL || t == GUMBO_TAG_DL || t == GUMBO_TAG_TABLE;
}

// A table of rows and columns: two rows or more of two cells or more, no table inside (a table
// that lays out a page, or a single cell of text, is no specification).
bool is_grid(const ExtractionState& st, NodeId table) {
    int rows = 0;
    for (NodeId at = st.doc.next(table, table); at != kNoNode; at = st.doc.next(at, table)) {
        const Node& n = st.doc.node(at);
        if (n.kind != Node::Kind::Element) continue;
        if (n.tag == GUMBO_TAG_TABLE) return false;
        if (n.tag != GUMBO_TAG_TR) continue;
        int cells = 0;
        for (NodeId c = n.first_child; c != kNoNode; c = st.doc.node(c).next_sibling) {
            const GumboTag t = st.doc.node(c).tag;
            if (t == GUMBO_TAG_TD || t == GUMBO_TAG_TH) ++cells;
        }
        if (cells >= 2) ++rows;
    }
    return rows >= 2;
}

// A list or table, or a wrapper of them and their headings (one level down).
bool holds_list_or_table(const ExtractionState& st, NodeId id) {
    const Node& n = st.doc.node(id);
    if (n.tag == GUMBO_TAG_TABLE) return is_grid(st, id);
    if (is_list_or_table(n.tag)) return true;
    if (n.tag != GUMBO_TAG_DIV && n.tag != GUMBO_TAG_SECTION) return false;
    bool any = false;
    for (NodeId c = n.first_child; c != kNoNode; c = st.doc.node(c).next_sibling) {
        const Node& child = st.doc.node(c);
        if (st.dead[c]) continue;
        if (child.kind == Node::Kind::Text) {
            if (st.text_stats[c].length > 0) return false;
            continue;
        }
        if (is_list_or_table(child.tag) && (child.tag != GUMBO_TAG_TABLE || is_grid(st, c))) {
            any = true;
        } else if (!is_heading(child.tag)) {
            return false;
        }
    }
    return any;
}

std::vector<NodeId> with_lists_and_tables(const ExtractionState& st, const Flags& flags,
                                          NodeId parent, const std::vector<NodeId>& roots) {
    enum class Kind : std::uint8_t { Taken, Other, Joins };
    std::vector<std::pair<NodeId, Kind>> siblings;
    std::size_t next_root = 0;
    for (NodeId s = st.doc.node(parent).first_child; s != kNoNode;
         s = st.doc.node(s).next_sibling) {
        if (st.dead[s] || st.doc.node(s).kind != Node::Kind::Element) continue;
        if (next_root < roots.size() && roots[next_root] == s) {
            siblings.emplace_back(s, Kind::Taken);
            ++next_root;
            continue;
        }
        const bool heading = is_heading(st.doc.node(s).tag) && st.doc.node(s).tag != GUMBO_TAG_H1;
        const bool joins = (heading || holds_list_or_table(st, s)) && st.agg[s].text > 0 &&
                           link_density(st, s) < kMaxListLinkDensity &&
                           class_weight(st, s, flags) >= 0;
        siblings.emplace_back(s, joins ? Kind::Joins : Kind::Other);
    }
    // A run of joining blocks is taken when it follows a taken sibling (a list between the
    // headline and the text is the page's date and section line); a heading only when a list or
    // table of the run follows it.
    std::vector<NodeId> out;
    bool taken_before = false;
    for (std::size_t i = 0; i < siblings.size();) {
        if (siblings[i].second != Kind::Joins) {
            if (siblings[i].second == Kind::Taken) out.push_back(siblings[i].first);
            taken_before = siblings[i].second == Kind::Taken;
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < siblings.size() && siblings[end].second == Kind::Joins)
            ++end;
        const bool bounded = taken_before;
        if (bounded) {
            // Back to front, so that whether a list or table follows is known in one pass.
            bool list_follows = false;
            const std::size_t first = out.size();
            for (std::size_t j = end; j-- > i;) {
                const NodeId s = siblings[j].first;
                const bool heading = is_heading(st.doc.node(s).tag);
                if (!heading || list_follows) out.push_back(s);
                list_follows = list_follows || !heading;
            }
            std::reverse(out.begin() + static_cast<std::ptrdiff_t>(first), out.end());
        }
        i = end;
    }
    return out;
}

}  // namespace

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
    return with_lists_and_tables(st, flags, parent, roots);
}

}  // namespace pressparse::html::extract
