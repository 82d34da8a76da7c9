// Finding the article in an HTML page: the state the stages share and the stages themselves.
//
// The approach is that of Mozilla's Readability, re-done over the flat DOM of html_dom.hpp. One
// file per stage, in the order they run (html_reader.cpp drives them):
//   html_hints        class/id tables, tag predicates, the text measure;
//   html_extraction   the page facts computed once (this state);
//   html_teasers      for pass 1, once per page: teaser runs and "read also" boxes found by
//                     structure and by their heading phrases (teaser_headings.txt), whatever
//                     their class names say;
//   html_comments     the reader comment thread, found once by its repeated items and taken
//                     aside (pass 1 marks its items dead, so no comment reaches the body);
//   html_boilerplate  pass 1: drop what is never content (scripts, hidden elements, navigation,
//                     ads, share bars, comment widgets, cookie banners, teaser lists by class or
//                     by structure — the latter kept aside as related links; the byline taken
//                     out) and, on the first attempt, "unlikely" containers by class/id;
//   html_scoring      aggregates, then pass 2: score paragraphs into their ancestors (commas,
//                     length; class/id weight; tag kind), damped by link density;
//   html_choose       pass 3: the best container and the siblings that belong with it;
//   html_cleaning     pass 4: clean inside it conditionally (lists and divs that are mostly links,
//                     images or forms); after the decision, the site's own lines inside the
//                     article (boilerplate_lines.txt);
//   html_paragraphs   a second opinion: the page's text blocks classed good or bad by length,
//                     link density and function words (jusText's classifier);
//   html_decide       the scorer's container against the classifier's good blocks: kept, widened
//                     to a lead paragraph before it, or replaced by the classifier's best run;
//   html_blocks_out   the article and the lines above it cut into blocks with hints;
//   html_reader       the attempts (under 500 characters: again with fewer rules, keeping the
//                     longest) and the page put together.
// Every pass is a loop over node ids (pre-order), never recursion. Aggregates (text length, link
// text, commas, element counts) are computed bottom-up once per attempt and kept current when
// conditional cleaning removes a subtree.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "html_dom.hpp"
#include "html_hints.hpp"
#include "html_metadata.hpp"
#include "pressparse/blocks.hpp"
#include "pressparse/html_reader.hpp"

namespace pressparse::html::extract {

// An attempt that finds fewer characters of article than this is tried again with fewer rules.
inline constexpr std::size_t kCharThreshold = 500;

// The rules an attempt applies; each retry turns one more off.
struct Flags {
    bool strip_unlikely = true;
    bool weight_classes = true;
    bool clean_conditionally = true;
};

// Per node, of its live subtree: what scoring and cleaning weigh.
struct Agg {
    float text = 0;  // characters of text (white space runs count one)
    float link = 0;  // characters inside links (fragment links weigh 0.3)
    std::uint32_t commas = 0;
    std::uint32_t p = 0, img = 0, li = 0, input = 0, embed = 0;
    float heading_text = 0;
    float li_text = 0;
    bool block_child = false;  // a descendant that stops a div from being a paragraph

    void add(const Agg& o) {
        text += o.text;
        link += o.link;
        commas += o.commas;
        p += o.p;
        img += o.img;
        li += o.li;
        input += o.input;
        embed += o.embed;
        heading_text += o.heading_text;
        li_text += o.li_text;
    }
    void subtract(const Agg& o) {
        text -= o.text;
        link -= o.link;
        commas -= std::min(commas, o.commas);
        p -= std::min(p, o.p);
        img -= std::min(img, o.img);
        li -= std::min(li, o.li);
        input -= std::min(input, o.input);
        embed -= std::min(embed, o.embed);
        heading_text -= o.heading_text;
        li_text -= o.li_text;
    }
};

// Per node, of its whole subtree (dead or not), computed once per page.
struct Subtree {
    std::size_t nodes = 0;
    std::size_t links = 0;        // <a> elements
    double text = 0;              // measure() length of all its text
    NodeId first_name = kNoNode;  // first element with itemprop=name, in document order
};

// The outcome of one attempt.
struct Extraction {
    std::vector<NodeId> roots;  // the article: these subtrees, in order
    std::vector<std::uint8_t> dead;
    float text_length = 0;
};

// What html_teasers found a node to be.
enum class TeaserKind : std::uint8_t {
    None,
    Run,      // a container of teaser items (titles, short leads)
    Heading,  // the heading just before a run
    Box,      // a short "read also" block inside the text
};

// What the stages of one page's extraction share. Vectors are indexed by NodeId.
struct ExtractionState {
    // Computes the page facts (html_extraction.cpp); `heading` is the heading that states the
    // page's title, as extract_metadata found it.
    ExtractionState(const Document& document, const Metadata& metadata, NodeId heading);

    // The page, and its facts: set once, read by every stage.
    const Document& doc;
    const Metadata& meta;
    std::size_t n;
    std::vector<std::string> match;  // lower-cased "class id", empty when neither
    std::vector<TextStats> text_stats;
    std::vector<Subtree> subtree;
    double readable_text = 0;  // the page's text outside scripts and styles
    // The heading that states the page's title (find_title_heading), found once per page, and
    // the <article> element nearest around it: where the page itself says its article is
    // (kNoNode when no heading states the title, or it sits in no <article>).
    NodeId title_heading = kNoNode;
    NodeId headline_article = kNoNode;

    // One attempt's work, rewritten by each attempt.
    std::vector<std::uint8_t> dead;  // pass 1 sets, pass 4 adds removed subtrees
    std::vector<Agg> agg;            // aggregates; pass 4 keeps them current
    std::vector<float> score;        // pass 2 (and pass 3, for the container it picks)
    std::vector<std::uint8_t> scored;
    std::vector<NodeId> candidates;                         // scored nodes, in scoring order
    std::vector<std::uint8_t> protected_nodes, data_table;  // pass 4

    // Found by pass 1 on the first attempt only, and kept.
    NodeId refused_name = kNoNode;  // a name element whose text is no byline
    std::optional<std::string> byline;
    std::vector<Related> related;
    std::unordered_set<std::string> related_titles;
    std::vector<NodeId> item_of;             // teaser lists: the teaser item holding a node
    std::vector<std::uint32_t> links_below;  // teaser lists: title links in a subtree
    std::vector<TeaserKind> teaser_kind;     // teasers by structure (html_teasers), once
    std::vector<std::uint8_t> comment_item;  // reader comments: the items of the thread
    std::vector<ReaderComment> comments;     // reader comments, in page order
    bool comments_cut = false;               // more than kMaxComments items
    bool attempted = false;
};

// Whether `id` is `root` or below it (node ids are in pre-order).
inline bool in_subtree(const ExtractionState& st, NodeId root, NodeId id) {
    return id >= root && id - root < st.subtree[root].nodes;
}

// ----- reader comments (html_comments.cpp) -----
// Most reader comments kept, and most bytes of one comment's text.
inline constexpr std::size_t kMaxComments = 10'000;
inline constexpr std::size_t kMaxCommentBytes = 32'768;
// Finds the page's comment thread: sets st.comment_item for its items and st.comments.
void take_comments(ExtractionState& st);

// ----- pass 1 (html_boilerplate.cpp) -----
// False for an element the page hides (hidden, aria-hidden, display:none, visibility:hidden,
// a modal dialog); content marked for print only is visible.
bool visible(const ExtractionState& st, NodeId id);
// Whether an inline style hides its element: display:none or visibility:hidden, in any case and
// with any spaces.
bool style_hides(std::string_view style);
// Marks in `dead` what is never content under `flags`. On the first attempt it also takes the
// byline and the teaser lists into the state. Only the nodes before `end` are read (a node's
// mark depends on itself and its ancestors alone); those from `end` on are left unmarked, for a
// reader that looks at no node past `end`.
void mark_dead(ExtractionState& st, const Flags& flags, std::vector<std::uint8_t>& dead,
               bool first_attempt, NodeId end = kNoNode);

// ----- teasers by structure (html_teasers.cpp) -----
// Whether `text` is a heading over other articles ("Читайте также", "More news", …) in one of
// the languages of teaser_headings.txt, after white space folding, NFC and case folding.
bool is_teaser_phrase(std::string_view text);
// st.teaser_kind: the teaser runs, their headings and the "read also" boxes of the page.
void find_teasers(ExtractionState& st);

// ----- aggregates and pass 2 (html_scoring.cpp) -----
// st.agg from the live nodes of st.dead.
void aggregate(ExtractionState& st);
// st.score, st.scored and st.candidates from the paragraphs of the live nodes.
void score_all(ExtractionState& st, const Flags& flags);
// Gives `id` its starting score (by tag and class/id), once.
void init_score(ExtractionState& st, NodeId id, const Flags& flags);
float link_density(const ExtractionState& st, NodeId id);
int class_weight(const ExtractionState& st, NodeId id, const Flags& flags);
// A <p>, or a <div> with nothing block-like inside: what Readability treats as a paragraph.
bool is_p_like(const ExtractionState& st, NodeId id);

// ----- pass 3 (html_choose.cpp) -----
// The article's roots: the best candidate (or the ancestor it stands for) and its siblings.
std::vector<NodeId> choose(ExtractionState& st, const Flags& flags);

// ----- pass 4 (html_cleaning.cpp) -----
// Removes from the article's subtrees what is not its text, keeping st.agg current.
void clean(ExtractionState& st, const std::vector<NodeId>& roots, const Flags& flags);

// After the decision (html_cleaning.cpp): the article's short blocks, as write_blocks cut them,
// that are the site speaking rather than the article (boilerplate_lines.txt: calls to subscribe,
// follow or click, copyright and "posted in" lines) are taken out of `body`, and so are short
// headings that end it; captions and credits are never touched. `linked[i]` says whether block
// i holds a link's text.
inline constexpr float kMaxSiteLine = 300;     // characters of such a block, at most
inline constexpr float kMaxSiteMention = 200;  // of one that holds a phrase (not opens with it)
// Headings of up to kMaxTrailingHeading characters (not ending a sentence) after the article's
// last other block head nothing of it, and are left out too.
inline constexpr float kMaxTrailingHeading = 80;
// A breadcrumb trail among the article's first kBreadcrumbReach blocks (a line with a link, of
// up to kMaxSiteMention characters, steps of up to kMaxBreadcrumbStep but the last) goes too.
inline constexpr int kBreadcrumbReach = 3;
inline constexpr int kMaxBreadcrumbStep = 40;
void drop_site_lines(Blocks& body, const std::vector<std::uint8_t>& linked);

// ----- the paragraph classifier (html_paragraphs.cpp) -----
enum class ParagraphClass : std::uint8_t { Bad, Short, NearGood, Good };

// One text block: the node ids it spans (a range in document order), its measures and class.
struct Paragraph {
    NodeId first = kNoNode, last = kNoNode;
    float chars = 0;       // measure() length of its text
    float link_chars = 0;  // of which inside links
    std::uint32_t words = 0, stopwords = 0;
    bool heading = false, title = false;  // in a heading; in an <h1>
    bool list_item = false, caption = false;
    ParagraphClass initial = ParagraphClass::Bad;  // by its own measures
    ParagraphClass cls = ParagraphClass::Bad;      // after its neighbours: Good or Bad
};

// The text blocks of the live nodes (not `dead`) below `scope`, classed.
std::vector<Paragraph> paragraphs(const ExtractionState& st, const std::vector<std::uint8_t>& dead,
                                  NodeId scope);
// Resolves short and near-good blocks from their neighbours (every block ends Good or Bad).
void classify_in_context(std::vector<Paragraph>& ps);

// ----- the decision (html_decide.cpp) -----
// Compares the extraction's container with the classifier's good blocks and rewrites `e` (its
// roots and dead nodes) when the classifier's reading is clearly the better one.
void decide(const ExtractionState& st, Extraction& e);

// ----- blocks out (html_blocks_out.cpp) -----
// The blocks of an extraction; when `linked` is given, linked[i] says whether block i holds a
// link's text.
Blocks write_blocks(const Document& doc, const Extraction& e,
                    std::vector<std::uint8_t>* linked = nullptr);
// The body cut from the JSON-LD articleBody, when the page states one of at least
// kMinJsonLdBody characters and the markup's `body` is a stub of it (under kStubBody
// characters, or under kStubShare of it); else nullopt.
inline constexpr double kMinJsonLdBody = 200;
inline constexpr double kStubBody = 200;
inline constexpr double kStubShare = 0.5;
std::optional<Blocks> json_ld_body(const Metadata& meta, const Blocks& body);
// The recipe the page states in JSON-LD, when the markup's `body` prints fewer than
// kMinPrintedRecipeShare of its ingredients (or of its steps): those it does not print are added
// at its end, the ingredients as list items, the steps as paragraphs, in the stated order. Scripts
// fill a recipe's lists in from what the page states; the markup then holds only their frame.
inline constexpr double kMinPrintedRecipeShare = 0.5;
void with_stated_recipe(const Metadata& meta, Blocks& body);
// The short lines between the page's <h1> and the article body, where sites print the byline,
// the date and the section: blocks marked Preamble, for the segmenter to recognise or drop.
Blocks preamble(ExtractionState& st, const Extraction& e);

}  // namespace pressparse::html::extract
