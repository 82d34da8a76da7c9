// The page facts of the HTML extraction, computed once per page before any attempt: each
// element's lower-cased class and id, each text node's measure, each subtree's size, text length
// and first itemprop=name element, the text of the page outside scripts and styles, and the
// <article> around the heading that states the page's title (which extract_metadata found).
//
// Reads: the document and its metadata. Writes: the page facts of ExtractionState, nothing
// else. Must never: depend on what a pass decides (these facts hold for every attempt), or
// recurse (the subtree sums run over node ids from last to first).
#include "html_extraction.hpp"

#include <algorithm>

namespace pressparse::html::extract {

ExtractionState::ExtractionState(const Document& document, const Metadata& metadata, NodeId heading)
    : doc(document), meta(metadata), n(document.nodes().size()), title_heading(heading) {
    match.resize(n);
    for (NodeId id = 0; id < n; ++id) {
        const Node& node = doc.node(id);
        if (node.kind != Node::Kind::Element) continue;
        const std::string_view cls = doc.attr(id, "class");
        const std::string_view eid = doc.attr(id, "id");
        if (!cls.empty() || !eid.empty()) {
            // lower_ascii(cls) + ' ' + lower_ascii(eid), in one allocation.
            std::string& m = match[id];
            m.resize(cls.size() + 1 + eid.size());
            auto lower = [](char c) {
                return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
            };
            std::transform(cls.begin(), cls.end(), m.begin(), lower);
            m[cls.size()] = ' ';
            std::transform(eid.begin(), eid.end(), m.data() + cls.size() + 1, lower);
        }
    }
    text_stats.resize(n);
    for (NodeId id = 0; id < n; ++id) {
        const Node& node = doc.node(id);
        if (node.kind != Node::Kind::Text) continue;
        // The text of code and templates weighs nothing anywhere (html_dom's holds_no_text).
        const GumboTag holder =
            node.parent != kNoNode ? doc.node(node.parent).tag : GUMBO_TAG_UNKNOWN;
        if (holds_no_text(holder)) continue;
        text_stats[id] = measure(node.text);
        readable_text += text_stats[id].length;
    }
    // Per subtree, bottom up (children have larger ids than their parent): its size, its
    // text length and its first itemprop=name element, so that nested author containers
    // are each judged without walking their subtree again.
    subtree.assign(n, Subtree{});
    for (auto id = static_cast<NodeId>(n); id-- > 0;) {
        Subtree& t = subtree[id];
        t.nodes += 1;
        t.text += text_stats[id].length;
        if (doc.node(id).kind == Node::Kind::Element && doc.node(id).tag == GUMBO_TAG_A)
            t.links += 1;
        if (doc.node(id).kind == Node::Kind::Element && doc.attr(id, "itemprop") == "name")
            t.first_name = id;
        const NodeId parent = doc.node(id).parent;
        if (parent == kNoNode) continue;
        Subtree& p = subtree[parent];
        p.nodes += t.nodes;
        p.links += t.links;
        p.text += t.text;
        // Visiting children last to first, the earliest one with a name wins.
        if (t.first_name != kNoNode) p.first_name = t.first_name;
    }
    for (NodeId a = title_heading; a != kNoNode && headline_article == kNoNode;
         a = doc.node(a).parent) {
        if (doc.node(a).tag == GUMBO_TAG_ARTICLE) headline_article = a;
    }
}

}  // namespace pressparse::html::extract
