// The decision between the two readings of a page: the scorer's container (passes 1–4) and the
// paragraph classifier's good blocks (html_paragraphs). The classifier's good blocks are grouped
// into runs (good blocks with little text of other blocks between them); then
//   - when the best run lies mostly outside the container and holds much more good text than the
//     container does (the scorer took an author box, a form or a widget over a short article),
//     the article is that run's good blocks;
//   - else the good blocks that lead into the container from before it (a lead paragraph in a
//     sibling of the chosen node) are added to it;
//   - else, when the two agree, the container stands as it is (it keeps the page's structure).
// The result is written as the smallest subtree holding everything kept, with the rest of that
// subtree marked dead, so html_blocks_out cuts it into blocks as it cuts any container. Last, the
// ingredients a recipe page states in its markup (itemprop) join it when they lie apart from it.
//
// Reads: the document, the page facts and the extraction. Writes: the extraction's roots and
// dead nodes, nothing else. Must never: revive a node an earlier pass removed, change a score, or
// recurse (loops over node ids and over the blocks; the common ancestor only climbs).
#include <algorithm>
#include <array>
#include <string_view>

#include "html_extraction.hpp"

namespace pressparse::html::extract {

namespace {

using PC = ParagraphClass;
using namespace std::string_view_literals;

// A run ends where more than this many characters of blocks that are not good separate two good
// ones (a caption or a line of links may sit between paragraphs; a widget may not).
constexpr float kRunGap = 200;
// The classifier's run replaces the container when its good text is at least this many
// characters, this many times all the container's text, and mostly outside it.
constexpr float kMinRunText = kCharThreshold;
constexpr float kRunOverContainer = 2.0f;
constexpr float kRunMostlyOutside = 0.5f;

// The lead walk passes over at most this many short blocks in a row, each at most this long,
// with at most this much link text.
constexpr std::size_t kMaxPassedBlocks = 3;
constexpr float kMaxPassedBlock = 80;
constexpr float kMaxPassedLink = 40;

// Good text that makes the <article> around the headline the article, however short.
constexpr float kMinArticleText = 80;

struct Run {
    std::size_t first = 0, last = 0;  // paragraph indices, both good
    float good = 0, good_inside = 0;
};

// Marks `id`'s ancestors up to `top` in `keep`, stopping at one already marked (whose ancestors
// are then marked too).
void keep_ancestors(const ExtractionState& st, NodeId id, NodeId top,
                    std::vector<std::uint8_t>& keep) {
    for (NodeId a = st.doc.node(id).parent; a != kNoNode && !keep[a]; a = st.doc.node(a).parent) {
        keep[a] = 1;
        if (a == top) break;
    }
}

// The extraction rewritten to keep `whole` subtrees and the node ranges of `blocks`, under their
// common ancestor.
void keep_only(const ExtractionState& st, Extraction& e, const std::vector<NodeId>& whole,
               const std::vector<const Paragraph*>& blocks) {
    NodeId top = kNoNode;
    auto include = [&](NodeId id) {
        if (top == kNoNode) {
            top = id;
            return;
        }
        while (!in_subtree(st, top, id) && st.doc.node(top).parent != kNoNode)
            top = st.doc.node(top).parent;
    };
    for (NodeId r : whole)
        include(r);
    for (const Paragraph* p : blocks) {
        include(p->first);
        include(p->last);
    }
    if (top == kNoNode) return;
    std::vector<std::uint8_t> keep(st.n, 0);
    for (NodeId r : whole) {
        for (NodeId id = r; id - r < st.subtree[r].nodes; ++id)
            keep[id] = 1;
        keep_ancestors(st, r, top, keep);
    }
    for (const Paragraph* p : blocks) {
        for (NodeId id = p->first; id <= p->last; ++id)
            keep[id] = 1;
        keep_ancestors(st, p->first, top, keep);
    }
    keep[top] = 1;
    for (NodeId id = top; id - top < st.subtree[top].nodes; ++id) {
        if (!keep[id]) e.dead[id] = 1;
    }
    e.roots = {top};
    e.text_length = 0;
    for (NodeId id = top; id - top < st.subtree[top].nodes; ++id) {
        if (!e.dead[id] && st.doc.node(id).kind == Node::Kind::Text)
            e.text_length += st.text_stats[id].length;
    }
}

// Class/id words of the box about the writer that themes print after an article: a hint (a page
// without it keeps the box), weighed only inside the container.
constexpr std::array kAuthorBoxHints{"author-bio"sv,   "author-box"sv,  "authorbox"sv,
                                     "about-author"sv, "author-info"sv, "author-description"sv,
                                     "author-card"sv,  "bio-box"sv};

constexpr float kMinGoodLeft = 150;
// A container whose first author box holds this share of its text is a wrapper of the box.
constexpr double kAuthorBoxShare = 0.8;

// Inside a container that stands: drops the subtrees the classifier shows are no article text —
// a form whose blocks are all bad, and a box about the writer when the container keeps good text
// of its own without it.
void trim_container(const ExtractionState& st, Extraction& e, const std::vector<Paragraph>& ps,
                    float good_inside) {
    // Per block index, the good characters and the blocks not bad before it, so that what a
    // subtree holds is two look-ups (nested boxes cost no more than one).
    std::vector<float> good_before(ps.size() + 1, 0);
    std::vector<std::uint32_t> not_bad_before(ps.size() + 1, 0);
    for (std::size_t i = 0; i < ps.size(); ++i) {
        good_before[i + 1] = good_before[i] + (ps[i].cls == PC::Good ? ps[i].chars : 0);
        not_bad_before[i + 1] = not_bad_before[i] + (ps[i].cls != PC::Bad ? 1 : 0);
    }
    auto first_block_from = [&](NodeId id) {
        return static_cast<std::size_t>(
            std::lower_bound(ps.begin(), ps.end(), id,
                             [](const Paragraph& p, NodeId v) { return p.first < v; }) -
            ps.begin());
    };
    for (NodeId r : e.roots) {
        for (NodeId id = r + 1; id - r < st.subtree[r].nodes;) {
            const Node& n = st.doc.node(id);
            const NodeId end = id + static_cast<NodeId>(st.subtree[id].nodes);
            if (e.dead[id] || n.kind != Node::Kind::Element) {
                ++id;
                continue;
            }
            bool drop = false;
            const bool form = n.tag == GUMBO_TAG_FORM;
            const bool author_box =
                !st.match[id].empty() && contains_any(st.match[id], kAuthorBoxHints);
            if (form || author_box) {
                const std::size_t from = first_block_from(id), to = first_block_from(end);
                if (form) drop = not_bad_before[to] == not_bad_before[from];
                if (!drop && author_box)
                    drop = good_inside - (good_before[to] - good_before[from]) >= kMinGoodLeft;
            }
            if (drop) {
                for (NodeId d = id; d < end; ++d)
                    e.dead[d] = 1;
                id = end;
            } else {
                ++id;
            }
        }
    }
    e.text_length = 0;
    for (NodeId r : e.roots) {
        for (NodeId id = r; id - r < st.subtree[r].nodes; ++id) {
            if (!e.dead[id] && st.doc.node(id).kind == Node::Kind::Text)
                e.text_length += st.text_stats[id].length;
        }
    }
}

}  // namespace

namespace {

// The ingredients a recipe page marks (schema.org microdata: itemprop "recipeIngredient", or the
// older "ingredients") that are outside the article: page builders put them in a column or a tab
// apart from the text and the steps, where scoring (which counts paragraphs) never looks. Their
// block joins the article, in page order, unless it holds a part of the article or lies in it:
// the smallest element holding the first items of the page, as many as leave it a list of them
// (at most kIngredientBlockShare times their text plus kIngredientBlockExtra characters of
// headings and notes). So a list printed a second time for small screens is not taken twice.
constexpr double kIngredientBlockShare = 1.5;
constexpr double kIngredientBlockExtra = 300;

void with_stated_ingredients(const ExtractionState& st, Extraction& e) {
    if (e.roots.empty()) return;
    NodeId block = kNoNode;  // the block of the most items found so far that is a list of them
    NodeId top = kNoNode;    // the smallest element holding every item so far
    double items_text = 0;
    for (NodeId id = 0; id < st.n; ++id) {
        const Node& node = st.doc.node(id);
        if (e.dead[id]) {
            id += static_cast<NodeId>(st.subtree[id].nodes) - 1;  // past the dead subtree
            continue;
        }
        if (node.kind != Node::Kind::Element || !is_ingredient_prop(st.doc.attr(id, "itemprop")))
            continue;
        if (top == kNoNode) top = id;
        while (!in_subtree(st, top, id) && st.doc.node(top).parent != kNoNode)
            top = st.doc.node(top).parent;
        items_text += st.subtree[id].text;
        if (st.subtree[top].text <= kIngredientBlockShare * items_text + kIngredientBlockExtra)
            block = top;
        id += static_cast<NodeId>(st.subtree[id].nodes) - 1;  // an item holds no other item
    }
    if (block == kNoNode) return;
    for (NodeId r : e.roots) {
        if (in_subtree(st, r, block) || in_subtree(st, block, r)) return;
    }
    e.roots.insert(std::upper_bound(e.roots.begin(), e.roots.end(), block), block);
}

// The article's opening paragraph printed apart from it: themes set it in the header or a hero
// beside the headline, or in a row of its own above the text, where scoring (which weighs the
// text's paragraphs) and the lead walk (which stops at a share bar or a picture) do not reach.
// The page says which block it is: its stated summary (the description) quotes the paragraph's
// opening, cut short. The innermost live element outside the article that prints at least
// kStandfirstCovered of the description's words, with at least kStandfirstCovering of its own
// words in the description, and is at least kLeadLonger times as long as the description (it
// goes on past the quoted opening), joins the article in page order. A block that prints the
// description and no more is the site's summary of the article, set apart from its text, and is
// left where it is. Descriptions under kMinStandfirst characters (a subtitle, a site's name)
// are not looked for; elements are compared only at kStandfirstShortest to kStandfirstLongest
// times the description's length, at most kMaxStandfirstTries of them, and one whose
// descendants cannot print enough of the description is passed over whole.
constexpr double kMinStandfirst = 80;
constexpr double kStandfirstCovered = 0.9;
constexpr double kStandfirstCovering = 0.6;
constexpr double kStandfirstShortest = 0.6;
constexpr double kStandfirstLongest = 2.0;
constexpr double kLeadLonger = 1.25;
constexpr int kMaxStandfirstTries = 32;
// Of the element's text, the share that must be live (not dropped by an earlier pass).
constexpr double kStandfirstLive = 0.9;

void with_stated_standfirst(const ExtractionState& st, Extraction& e) {
    if (e.roots.empty() || !st.meta.description) return;
    const double stated = measure(*st.meta.description).length;
    if (stated < kMinStandfirst) return;
    const SimilarityText description(*st.meta.description);
    auto holds_root = [&](NodeId id) {
        return std::any_of(e.roots.begin(), e.roots.end(),
                           [&](NodeId r) { return in_subtree(st, id, r); });
    };
    NodeId found = kNoNode, last = kNoNode;  // the innermost match; the last element compared
    double last_covered = 0, last_covering = 0;
    int tries = 0;
    for (NodeId id = 0; id < st.n; ++id) {
        if (found != kNoNode && !in_subtree(st, found, id)) break;
        const bool root = std::binary_search(e.roots.begin(), e.roots.end(), id);
        if (e.dead[id] || root) {
            id += static_cast<NodeId>(st.subtree[id].nodes) - 1;  // past the subtree
            continue;
        }
        if (st.doc.node(id).kind != Node::Kind::Element) continue;
        const double text = st.subtree[id].text;
        if (text < kStandfirstShortest * stated || text > kStandfirstLongest * stated ||
            holds_root(id))
            continue;
        // An element printing just what its wrapper prints is judged with it.
        const bool same =
            last != kNoNode && in_subtree(st, last, id) && st.subtree[last].text - text < 1;
        if (!same) {
            if (++tries > kMaxStandfirstTries) break;
            const std::string printed = st.doc.text(id);
            last_covered = description.covered_by(printed);
            last_covering = description.covering(printed);
        }
        last = id;
        if (last_covered < kStandfirstCovered) {
            // Its descendants print fewer of the description's words still.
            id += static_cast<NodeId>(st.subtree[id].nodes) - 1;
            continue;
        }
        if (last_covering >= kStandfirstCovering) found = id;  // then the innermost
    }
    if (found == kNoNode) return;
    double live = 0;
    for (NodeId id = found; id - found < st.subtree[found].nodes; ++id) {
        if (e.dead[id]) {
            id += static_cast<NodeId>(st.subtree[id].nodes) - 1;
        } else if (st.doc.node(id).kind == Node::Kind::Text) {
            live += st.text_stats[id].length;
        }
    }
    if (live < kStandfirstLive * st.subtree[found].text) return;
    if (st.subtree[found].text < kLeadLonger * stated) return;
    e.roots.insert(std::upper_bound(e.roots.begin(), e.roots.end(), found), found);
}

void decide_container(const ExtractionState& st, Extraction& e) {
    const NodeId body = st.doc.body();
    if (body == kNoNode || e.roots.empty()) return;
    const std::vector<Paragraph> ps = paragraphs(st, e.dead, body);
    if (ps.empty()) return;

    // Which blocks lie in the container (roots and blocks are both in document order).
    std::vector<std::uint8_t> inside(ps.size(), 0);
    float good_inside = 0;
    std::size_t first_inside = ps.size();
    {
        std::size_t r = 0;
        for (std::size_t i = 0; i < ps.size(); ++i) {
            while (r < e.roots.size() && ps[i].first >= e.roots[r] &&
                   !in_subtree(st, e.roots[r], ps[i].first))
                ++r;
            if (r == e.roots.size()) break;
            if (in_subtree(st, e.roots[r], ps[i].first)) {
                inside[i] = 1;
                if (ps[i].cls == PC::Good) good_inside += ps[i].chars;
                first_inside = std::min(first_inside, i);
            }
        }
    }

    // The page says where its article is: the <article> around its headline. A container
    // outside it (a newsletter form, an author box or a widget longer than a short article)
    // gives way to the blocks of that <article> that are good in context or by their own
    // measures (a short article's paragraphs have no good neighbours to lean on).
    if (const NodeId art = st.headline_article; art != kNoNode) {
        const bool related = std::any_of(e.roots.begin(), e.roots.end(), [&](NodeId r) {
            return in_subtree(st, art, r) || in_subtree(st, r, art);
        });
        if (!related) {
            std::vector<const Paragraph*> blocks;
            float good = 0;
            for (const Paragraph& p : ps) {
                const bool good_alone = p.initial == PC::Good || p.initial == PC::NearGood;
                if ((p.cls != PC::Good && !good_alone) || !in_subtree(st, art, p.first)) continue;
                blocks.push_back(&p);
                good += p.chars;
            }
            if (good >= kMinArticleText) {
                keep_only(st, e, {}, blocks);
                return;
            }
        }
    }

    // The runs of good blocks, and the best of them. What separates two blocks is every text
    // between them: blocks that are not good, and text earlier passes removed (a teaser list or
    // a form between two good regions still parts them).
    std::vector<float> text_before(st.n + 1, 0);  // text of the nodes with smaller ids
    for (NodeId id = 0; id < st.n; ++id)
        text_before[id + 1] = text_before[id] + st.text_stats[id].length;
    // A container that is a box about the writer, lies in one or is little else (a wrapper of
    // it) is no article: page builders set a short article in columns that score less than the
    // theme's author box after it. The box's blocks take no part in the runs, and the best run
    // outside it replaces the container when it holds an article's text (kMinRunText), however
    // long the box.
    NodeId author_box = kNoNode;
    auto names_author_box = [&](NodeId id) {
        return !st.match[id].empty() && contains_any(st.match[id], kAuthorBoxHints);
    };
    const NodeId container = e.roots.front();
    for (NodeId a = container; a != kNoNode && a != st.doc.body(); a = st.doc.node(a).parent) {
        if (names_author_box(a)) author_box = a;
    }
    if (author_box == kNoNode && e.roots.size() == 1) {
        for (NodeId id = container; id != kNoNode; id = st.doc.next(id, container)) {
            if (st.doc.node(id).kind != Node::Kind::Element || !names_author_box(id)) continue;
            if (st.subtree[id].text >= kAuthorBoxShare * st.subtree[container].text)
                author_box = id;
            break;
        }
    }
    auto in_author_box = [&](const Paragraph& p) {
        return author_box != kNoNode && in_subtree(st, author_box, p.first);
    };
    Run best;
    {
        Run cur;
        bool open = false;
        float gap = 0;
        for (std::size_t i = 0; i < ps.size(); ++i) {
            if (i > 0) {
                gap += text_before[ps[i].first] - text_before[ps[i - 1].last + 1];
                if (open && gap > kRunGap) {
                    if (cur.good > best.good) best = cur;
                    open = false;
                }
            }
            if (ps[i].cls != PC::Good || in_author_box(ps[i])) {
                gap += ps[i].chars;
                if (open && gap > kRunGap) {
                    if (cur.good > best.good) best = cur;
                    open = false;
                }
                continue;
            }
            if (!open) {
                cur = Run{i, i, 0, 0};
                open = true;
            }
            gap = 0;
            cur.last = i;
            cur.good += ps[i].chars;
            if (inside[i]) cur.good_inside += ps[i].chars;
        }
        if (open && cur.good > best.good) best = cur;
    }

    if (best.good >= kMinRunText &&
        (author_box != kNoNode || (best.good >= kRunOverContainer * e.text_length &&
                                   best.good_inside < kRunMostlyOutside * best.good))) {
        std::vector<const Paragraph*> blocks;
        for (std::size_t i = best.first; i <= best.last; ++i) {
            if (ps[i].cls == PC::Good && !in_author_box(ps[i])) blocks.push_back(&ps[i]);
        }
        keep_only(st, e, {}, blocks);
        return;
    }

    trim_container(st, e, ps, good_inside);

    // Blocks that lead into the container from just before it, near it in the page (under the
    // <article> around the headline when that holds the container, else under the container's
    // grandparent): good, prose by their own measures and without links (a standfirst may be a
    // heading, not the page's <h1>), no caption or list item. The walk passes over a few short
    // blocks between a standfirst and the text (a date line, a picture's caption and credit, a
    // byline's link) without taking them, and stops at anything else.
    if (first_inside == ps.size() || first_inside == 0) return;
    NodeId near = st.doc.node(e.roots.front()).parent;
    if (near == kNoNode) return;
    if (st.doc.node(near).parent != kNoNode) near = st.doc.node(near).parent;
    if (const NodeId art = st.headline_article;
        art != kNoNode && std::all_of(e.roots.begin(), e.roots.end(),
                                      [&](NodeId r) { return in_subtree(st, art, r); }))
        near = art;
    auto leads = [&](const Paragraph& p) {
        return p.cls == PC::Good && (p.initial == PC::Good || p.initial == PC::NearGood) &&
               p.link_chars == 0 && !p.title && !p.caption && !p.list_item &&
               in_subtree(st, near, p.first);
    };
    auto passable = [&](const Paragraph& p) {
        return !p.title && !p.list_item && p.chars <= kMaxPassedBlock &&
               (p.link_chars == 0 || p.link_chars <= kMaxPassedLink) &&
               (p.caption || p.initial == PC::Short || p.initial == PC::Bad) &&
               in_subtree(st, near, p.first);
    };
    std::vector<const Paragraph*> blocks;
    std::size_t passed = 0;
    for (std::size_t i = first_inside; i > 0 && !inside[i - 1]; --i) {
        const Paragraph& p = ps[i - 1];
        if (leads(p)) {
            blocks.push_back(&p);
            passed = 0;
        } else if (!passable(p) || ++passed > kMaxPassedBlocks) {
            break;
        }
    }
    if (blocks.empty()) return;
    std::reverse(blocks.begin(), blocks.end());
    keep_only(st, e, e.roots, blocks);
}

}  // namespace

void decide(const ExtractionState& st, Extraction& e) {
    decide_container(st, e);
    with_stated_standfirst(st, e);
    with_stated_ingredients(st, e);
}

}  // namespace pressparse::html::extract
