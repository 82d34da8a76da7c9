// Teasers found by structure, for pass 1 of the HTML extraction: what class names cannot tell.
// A teaser run is a container whose content is a run of links with titles of several words, each
// perhaps with a short lead, and little else (no long text outside the items, links a good share
// of its text); with a heading over other articles ("Другие новости", "Lesen Sie auch", …) just
// before it or opening it, one such link is enough, else it takes three; and the page must have
// paragraphs of an article outside it, and more text outside it than in it. A "read also" box is a
// short block that opens with such a phrase and is mostly links. Neither holds a recipe's stated
// ingredient (itemprop), however many product links its lines carry. Both are marked once per page;
// pass 1 takes their links as related articles and leaves them out of the body, with the heading.
// The phrases are a data file (teaser_headings.txt), matched after white space folding, NFC and
// case folding.
//
// Reads: the document and the page facts. Writes: st.teaser_kind, nothing else. Must never:
// take a link inside running text for a title (a paragraph with inline links is the article's),
// name a site, build the text of a block longer than a box can be, or recurse (the sums run
// bottom-up over node ids, from last to first; the marks in one pre-order loop).
#include <algorithm>
#include <array>
#include <unordered_set>

#include "html_extraction.hpp"
#include "pressparse/teaser_headings.hpp"
#include "pressparse/unicode.hpp"

namespace pressparse::html::extract {

namespace {

// A title: at least this many words, at most this many bytes.
constexpr int kMinTitleWords = 3;
constexpr double kMaxTitleText = 400;
// Other text in a title link's block, beyond which the link is a phrase of running text.
constexpr double kRunningTextAround = 20;
constexpr int kMaxInlineClimb = 8;
// A run: each item's text besides its title (a lead, a date, a section) at most kMaxLead
// characters; text outside the items (a heading, a "more" link) at most kMaxLoose; title
// links at least kMinLinkShare of the text; titles kMinMeanTitle characters on average.
constexpr double kMaxLead = 350;
constexpr double kMaxLoose = 200;
constexpr double kMinLinkShare = 0.25;
constexpr double kMinMeanTitle = 20;
constexpr std::uint32_t kMinItems = 3;
// A run stands beside an article: the page has kMinArticleBeside characters of paragraphs (blocks
// with kMinParagraph characters of their own text) outside it. A page that is a list of
// teasers (a section's front) keeps them.
constexpr double kMinParagraph = 80;
constexpr double kMinArticleBeside = 250;
constexpr double kMaxPageShare = 0.5;  // of the page's text, at most, in one run
// A heading over a run, or a box's opening: at most this many characters.
constexpr double kMaxHeadingText = 80;
// A "read also" box: at most kMaxBoxText characters, links at least kMinBoxLinkShare of what
// follows its opening phrase.
constexpr double kMaxBoxText = 400;
constexpr double kMinBoxLinkShare = 0.5;

// Folded white space, NFC, case folded, without the punctuation a heading trails with.
std::string normalized_phrase(std::string_view text) {
    std::string s = unicode::fold_case(unicode::fold_whitespace(text));
    static constexpr std::string_view kTrail[] = {":", " ", "-", "–", "—", "…", ".", "!",
                                                  "?", "»", ">", "›", "→", "▶", "·"};
    for (bool cut = true; cut && !s.empty();) {
        cut = false;
        for (std::string_view t : kTrail) {
            if (s.size() >= t.size() && std::string_view(s).substr(s.size() - t.size()) == t) {
                s.resize(s.size() - t.size());
                cut = true;
            }
        }
    }
    return s;
}

const std::unordered_set<std::string>& phrases() {
    static const std::unordered_set<std::string> set = [] {
        std::unordered_set<std::string> out;
        for (std::string_view p : kTeaserPhrases)
            out.insert(normalized_phrase(p));
        return out;
    }();
    return set;
}

// The phrases by their first byte: a text can open only with those that begin with its own.
const std::array<std::vector<std::string_view>, 256>& phrases_by_first_byte() {
    static const auto table = [] {
        std::array<std::vector<std::string_view>, 256> out;
        for (const std::string& p : phrases()) {
            if (!p.empty()) out[static_cast<unsigned char>(p[0])].push_back(p);
        }
        return out;
    }();
    return table;
}

// The characters of the phrase `text` opens with, followed by the end or a separator; 0 when
// it opens with none.
std::size_t opening_phrase(std::string_view text) {
    const std::string folded = unicode::fold_case(unicode::fold_whitespace(text));
    if (folded.empty()) return 0;
    std::size_t best = 0;
    for (std::string_view p : phrases_by_first_byte()[static_cast<unsigned char>(folded[0])]) {
        if (p.size() <= best || !std::string_view(folded).starts_with(p)) continue;
        const std::string_view rest = std::string_view(folded).substr(p.size());
        const bool boundary = rest.empty() || rest[0] == ':' || rest[0] == ' ' ||
                              rest.starts_with("–") || rest.starts_with("—") ||
                              rest.starts_with("…") || rest[0] == '-' || rest[0] == '.' ||
                              rest[0] == '?' || rest[0] == '!';
        if (boundary) best = p.size();
    }
    return best == 0 ? 0
                     : static_cast<std::size_t>(unicode::count_characters(folded.substr(0, best)));
}

// Whether a link is a phrase of running text: the block it is in has words of its own around
// it (`line[id]`: an element's text outside the block elements inside it).
bool inside_running_text(const ExtractionState& st, const std::vector<double>& line, NodeId link,
                         double link_text) {
    NodeId at = st.doc.node(link).parent;
    for (int climbed = 0; at != kNoNode && climbed < kMaxInlineClimb; ++climbed) {
        const GumboTag tag = st.doc.node(at).tag;
        if (is_heading(tag)) return false;
        if (is_block_tag(tag) || tag == GUMBO_TAG_LI || tag == GUMBO_TAG_TD)
            return line[at] - link_text >= kRunningTextAround;
        at = st.doc.node(at).parent;
    }
    return false;
}

bool never_a_run(GumboTag tag) {
    return tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_HEAD ||
           tag == GUMBO_TAG_MAIN || tag == GUMBO_TAG_A || tag == GUMBO_TAG_P || is_heading(tag) ||
           tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_TEMPLATE;
}

// Per node, bottom up: what a run is judged by.
struct RunSums {
    double text = 0;           // readable text of the subtree
    double title_text = 0;     // text inside title links
    double link_text = 0;      // text inside any link
    std::uint32_t titles = 0;  // title links
    // Over the items below a node with two titles or more: how many, the most text one holds
    // besides its title, and the text outside them.
    std::uint32_t items = 0;
    double max_other = 0;
    double loose = 0;
    double paragraphs = 0;  // text of the blocks with kMinParagraph characters of their own
};

}  // namespace

bool is_teaser_phrase(std::string_view text) {
    if (text.size() > 4 * static_cast<std::size_t>(kMaxHeadingText)) return false;
    return phrases().contains(normalized_phrase(text));
}

void find_teasers(ExtractionState& st) {
    st.teaser_kind.assign(st.n, TeaserKind::None);
    std::vector<double> line(st.n, 0);
    for (auto id = static_cast<NodeId>(st.n); id-- > 0;) {
        const Node& node = st.doc.node(id);
        if (node.kind == Node::Kind::Text) line[id] = st.text_stats[id].length;
        const NodeId parent = node.parent;
        if (parent != kNoNode && (node.kind == Node::Kind::Text || !is_block_tag(node.tag)))
            line[parent] += line[id];
    }
    std::vector<RunSums> sums(st.n);
    // A list of a recipe's stated ingredients links to products as a teaser run links to
    // articles: what holds one is neither a run nor a box.
    std::vector<std::uint8_t> ingredients(st.n, 0);
    for (auto id = static_cast<NodeId>(st.n); id-- > 0;) {
        const Node& node = st.doc.node(id);
        RunSums& s = sums[id];
        if (node.kind == Node::Kind::Element && is_ingredient_prop(st.doc.attr(id, "itemprop")))
            ingredients[id] = 1;
        if (ingredients[id] && node.parent != kNoNode) ingredients[node.parent] = 1;
        if (node.kind == Node::Kind::Text) {
            const GumboTag holder =
                node.parent != kNoNode ? st.doc.node(node.parent).tag : GUMBO_TAG_UNKNOWN;
            if (holder != GUMBO_TAG_SCRIPT && holder != GUMBO_TAG_STYLE &&
                holder != GUMBO_TAG_TEMPLATE)
                s.text = st.text_stats[id].length;
        } else if (node.tag == GUMBO_TAG_A) {
            s.link_text = s.text;
            s.title_text = 0;
            s.titles = 0;
            if (s.text <= kMaxTitleText && s.text >= kMinMeanTitle / 2 &&
                !inside_running_text(st, line, id, s.text) &&
                st.doc.text_tokens(id, kMinTitleWords) >= kMinTitleWords) {
                s.titles = 1;
                s.title_text = s.text;
            }
        }
        if (node.kind == Node::Kind::Element && is_block_tag(node.tag) && line[id] >= kMinParagraph)
            s.paragraphs += line[id];
        if (s.titles == 1) {
            s.items = 1;
            s.max_other = s.text - s.title_text;
            s.loose = 0;
        } else if (s.titles == 0) {
            s.items = 0;
            s.max_other = 0;
            s.loose = s.text;
        }
        const NodeId parent = node.parent;
        if (parent == kNoNode) continue;
        RunSums& p = sums[parent];
        p.text += s.text;
        p.title_text += s.title_text;
        p.link_text += s.link_text;
        p.titles += s.titles;
        p.items += s.items;
        p.max_other = std::max(p.max_other, s.max_other);
        p.loose += s.loose;
        p.paragraphs += s.paragraphs;
    }

    // Per node, the element just before it among its siblings, with no text between them.
    std::vector<NodeId> previous(st.n, kNoNode);
    for (NodeId id = 0; id < st.n; ++id) {
        NodeId prev = kNoNode;
        for (NodeId c = st.doc.node(id).first_child; c != kNoNode;
             c = st.doc.node(c).next_sibling) {
            previous[c] = prev;
            if (st.doc.node(c).kind == Node::Kind::Element) {
                prev = c;
            } else if (st.text_stats[c].length > 0) {
                prev = kNoNode;
            }
        }
    }
    // A heading over other articles: h2–h4, or a short line (bold, a paragraph, a div) that
    // says so.
    auto heading_over = [&](NodeId id) {
        if (id == kNoNode || sums[id].text > kMaxHeadingText || sums[id].titles > 0) return false;
        const GumboTag tag = st.doc.node(id).tag;
        if (!(is_heading(tag) || tag == GUMBO_TAG_P || tag == GUMBO_TAG_DIV || tag == GUMBO_TAG_B ||
              tag == GUMBO_TAG_STRONG || tag == GUMBO_TAG_SPAN || tag == GUMBO_TAG_HEADER))
            return false;
        return is_teaser_phrase(st.doc.text(id));
    };

    const double page_paragraphs = st.doc.root() == kNoNode ? 0 : sums[st.doc.root()].paragraphs;
    const double page_text = st.doc.root() == kNoNode ? 0 : sums[st.doc.root()].text;
    for (NodeId id = st.doc.root(); id != kNoNode;) {
        const Node& node = st.doc.node(id);
        if (node.kind != Node::Kind::Element || is_dropped_tag(node.tag)) {
            id = st.doc.next(id, kNoNode, true);
            continue;
        }
        const RunSums& s = sums[id];
        if (ingredients[id]) {
            id = st.doc.next(id, kNoNode);
            continue;
        }
        // A run: items of a title and a short lead, little else.
        if (!never_a_run(node.tag) && s.titles >= 1 && s.max_other <= kMaxLead &&
            s.loose <= kMaxLoose && s.title_text >= kMinLinkShare * s.text &&
            s.title_text >= kMinMeanTitle * static_cast<double>(s.titles) &&
            page_paragraphs - s.paragraphs >= kMinArticleBeside &&
            s.text <= kMaxPageShare * page_text) {
            const NodeId before = previous[id];
            const bool headed_before = heading_over(before);
            NodeId first = node.first_child;
            while (first != kNoNode && st.doc.node(first).kind != Node::Kind::Element)
                first = st.doc.node(first).next_sibling;
            if (s.items >= kMinItems || headed_before || heading_over(first)) {
                st.teaser_kind[id] = TeaserKind::Run;
                // Its heading: one that says so, or a short h2–h6 over a run of three or more.
                if (headed_before ||
                    (before != kNoNode && is_heading(st.doc.node(before).tag) &&
                     sums[before].text <= kMaxHeadingText && sums[before].titles == 0))
                    st.teaser_kind[before] = TeaserKind::Heading;
                id = st.doc.next(id, kNoNode, true);
                continue;
            }
        }
        // A "read also" box: short, opening with the phrase (outside its links), mostly links.
        if (s.text <= kMaxBoxText && s.link_text > 0 && s.text - s.link_text >= 4 &&
            (node.tag == GUMBO_TAG_DIV || node.tag == GUMBO_TAG_ASIDE ||
             node.tag == GUMBO_TAG_SECTION || node.tag == GUMBO_TAG_BLOCKQUOTE ||
             node.tag == GUMBO_TAG_P || node.tag == GUMBO_TAG_LI || is_heading(node.tag))) {
            const std::size_t opening = opening_phrase(st.doc.text(id));
            if (opening > 0 &&
                s.link_text >= kMinBoxLinkShare * (s.text - static_cast<double>(opening))) {
                st.teaser_kind[id] = TeaserKind::Box;
                id = st.doc.next(id, kNoNode, true);
                continue;
            }
        }
        id = st.doc.next(id, kNoNode);
    }
}

}  // namespace pressparse::html::extract
