// The HTML reader: the article of an HTML page found and turned into blocks. This file drives the
// stages (html_extraction.hpp lists them, one file each): the page facts once, then attempts of
// passes 1–4 with fewer rules each time until one finds enough text, the decision between that
// container and the paragraph classifier's reading, then the blocks — the visible byline first,
// the preamble, the body, the teasers — normalised to NFC, and the reader comments beside them.
//
// Reads: the page's UTF-8 text. Writes: the HtmlPage it returns. Must never: decide anything a
// stage decides (what is content, scores, the container, cleaning, block hints), or normalise
// markup (only the text the page gives is put in NFC).
#include "pressparse/html_reader.hpp"

#include <array>

#include "html_dom.hpp"
#include "html_extraction.hpp"
#include "html_metadata.hpp"
#include "pressparse/unicode.hpp"

namespace pressparse {

namespace {

using namespace html;
using namespace html::extract;

// One attempt: passes 1–4 under `flags`. The first attempt also takes the byline and the teaser
// lists into the state.
Extraction attempt(ExtractionState& st, const Flags& flags) {
    const bool first = !st.attempted;
    st.attempted = true;
    mark_dead(st, flags, st.dead, first);
    aggregate(st);
    score_all(st, flags);
    Extraction e;
    e.roots = choose(st, flags);
    clean(st, e.roots, flags);
    for (NodeId r : e.roots) {
        if (!st.dead[r]) e.text_length += st.agg[r].text;
    }
    e.dead = st.dead;
    return e;
}

// Attempts with fewer rules each time: the first that finds kCharThreshold characters of article
// wins, else the one that found the most.
Extraction run(ExtractionState& st) {
    const std::array<Flags, 4> attempts{Flags{true, true, true}, Flags{false, true, true},
                                        Flags{false, false, true}, Flags{false, false, false}};
    Extraction best;
    for (const Flags& flags : attempts) {
        Extraction e = attempt(st, flags);
        if (e.text_length >= kCharThreshold) return e;
        if (best.roots.empty() || e.text_length > best.text_length) best = std::move(e);
    }
    return best;
}

// NFC for everything the page gives, and nothing else (markup is never normalised).
void normalize(HtmlPage& page) {
    auto nfc = [](std::string& s) { s = unicode::to_nfc(s); };
    for (auto& b : page.blocks) {
        nfc(b.text);
        nfc(b.credit);
    }
    for (auto& c : page.comments) {
        nfc(c.text);
        if (c.author) nfc(*c.author);
        if (c.date) nfc(*c.date);
    }
    Metadata& m = page.meta;
    for (auto* field : {&m.title, &m.byline, &m.byline_handle, &m.date_text, &m.url, &m.site_name,
                        &m.language, &m.category, &m.document_title, &m.description}) {
        if (*field) nfc(**field);
    }
    for (auto& tag : m.tags)
        nfc(tag);
}

}  // namespace

HtmlPage read_html(std::string_view utf8, const HtmlOptions& options) {
    HtmlPage page;
    const Document doc(utf8, options.prepass);
    if (doc.nodes().empty()) return page;
    std::vector<std::string> metadata_warnings;
    NodeId title_heading = kNoNode;
    page.meta = html::extract_metadata(doc, metadata_warnings, title_heading);
    if (doc.flattened()) {
        page.warnings.push_back("markup nested deeper than " + std::to_string(html::kMaxNesting) +
                                " levels was flattened");
    }
    if (doc.attributes_cut()) {
        page.warnings.push_back("attributes past the first " +
                                std::to_string(html::kMaxAttributes) +
                                " of an element were dropped");
    }
    if (doc.truncated()) {
        page.warnings.push_back("page cut off after its first " +
                                std::to_string(html::kMaxMarkupItems) + " tags and attributes");
    }
    for (auto& w : metadata_warnings)
        page.warnings.push_back(std::move(w));

    ExtractionState state(doc, page.meta, title_heading);
    Extraction extraction = run(state);
    // The lines above the scorer's container, before the decision may widen or move it.
    Blocks lines_above = preamble(state, extraction);
    decide(state, extraction);
    std::vector<std::uint8_t> linked;
    Blocks body = write_blocks(doc, extraction, &linked);
    drop_site_lines(body, linked);
    if (auto stated = json_ld_body(page.meta, body)) body = std::move(*stated);
    with_stated_recipe(page.meta, body);

    // The visible byline goes first, where the segmenter looks for bylines.
    if (auto byline = state.byline) {
        Block b;
        b.text = *byline;
        b.gap_before = true;
        b.hint = BlockHint::Meta;
        page.blocks.push_back(std::move(b));
    }
    for (auto& b : lines_above)
        page.blocks.push_back(std::move(b));
    for (auto& b : body)
        page.blocks.push_back(std::move(b));
    for (const auto& r : state.related) {
        Block title;
        title.text = r.title;
        title.gap_before = true;
        title.hint = BlockHint::Teaser;
        title.url = r.url.value_or(std::string());
        page.blocks.push_back(std::move(title));
        if (r.lead) {
            Block lead;
            lead.text = *r.lead;
            lead.gap_before = true;
            lead.hint = BlockHint::TeaserLead;
            page.blocks.push_back(std::move(lead));
        }
    }
    page.comments = std::move(state.comments);
    if (state.comments_cut) {
        page.warnings.push_back("reader comments past the first " + std::to_string(kMaxComments) +
                                " were left out");
    }
    normalize(page);
    return page;
}

}  // namespace pressparse
