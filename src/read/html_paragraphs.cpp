// The paragraph classifier of the HTML extraction, in the manner of jusText: the live text of a
// subtree cut into blocks (paragraphs, headings, list items, cells: one per block-level element,
// as html_blocks_out cuts them), each measured (characters, characters inside links, words, and
// the words that are function words of the page's language) and classed good, near-good, short or
// bad by those measures alone; then short and near-good blocks take a class from the good or bad
// blocks around them, so that a short line between paragraphs of an article stays with it and a
// sentence amid link lists goes with them.
//
// The function words are the project's lists (data/rules/stopwords/<lang>.txt, compiled in): the
// page's declared language when there is a list for it, else the language whose list the page's
// words hit most, else length and link density alone.
//
// Reads: the document, the page facts and the dead nodes it is given. Writes: only the blocks it
// returns. Must never: decide what the article is (html_decide compares this with the scorer's
// container), remove or revive a node, or recurse (one loop over node ids with a stack of open
// elements; the reclassification is two linear passes over the blocks).
#include <unicode/uchar.h>

#include <array>
#include <string>
#include <string_view>
#include <unordered_map>

#include "generated_stopwords.hpp"
#include "html_extraction.hpp"
#include "pressparse/unicode.hpp"

namespace pressparse::html::extract {

namespace {

// The lists as one table: a word → the languages whose list holds it (bit i: kStopwordLists[i]).
using LanguageMask = std::uint16_t;
static_assert(generated::kStopwordLists.size() <= 16);

const std::unordered_map<std::string_view, LanguageMask>& stopword_table() {
    static const auto table = [] {
        std::unordered_map<std::string_view, LanguageMask> t;
        for (std::size_t i = 0; i < generated::kStopwordLists.size(); ++i) {
            const std::string_view words = generated::kStopwordLists[i].words;
            std::size_t at = 0;
            while (at < words.size()) {
                std::size_t end = words.find('\n', at);
                if (end == std::string_view::npos) end = words.size();
                std::string_view w = words.substr(at, end - at);
                at = end + 1;
                while (!w.empty() && (w.back() == ' ' || w.back() == '\r'))
                    w.remove_suffix(1);
                if (w.empty() || w.front() == '#') continue;
                t[w] |= static_cast<LanguageMask>(1u << i);
            }
        }
        return t;
    }();
    return table;
}

// The index of the list for a BCP 47 tag ("en-GB" → en), or -1.
int list_for(std::string_view tag) {
    const std::size_t cut = tag.find_first_of("-_");
    const std::string primary = lower_ascii(tag.substr(0, cut));
    for (std::size_t i = 0; i < generated::kStopwordLists.size(); ++i) {
        if (generated::kStopwordLists[i].language == primary) return static_cast<int>(i);
    }
    return -1;
}

// Bytes that end a word: ASCII other than letters, digits and the apostrophe's neighbours, and
// the general punctuation and guillemets of other scripts (checked by the caller on lead bytes).
bool ascii_separator(unsigned char c) {
    return c < 0x80 &&
           !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'));
}

// Splits text into lower-cased words and hands each to `on_word`.
template <typename F>
void for_each_word(std::string_view text, std::string& word, F&& on_word) {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (ascii_separator(c)) {
            if (!word.empty()) on_word(word);
            word.clear();
            ++i;
            continue;
        }
        if (c < 0x80) {
            word += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
            ++i;
            continue;
        }
        const std::size_t start = i;
        const auto cp = static_cast<UChar32>(unicode::next_code_point(text, i));
        // Guillemets, no-break space, general punctuation (dashes, quotes, spaces).
        if (cp == 0xAB || cp == 0xBB || cp == 0xA0 || (cp >= 0x2000 && cp <= 0x206F) ||
            cp == 0x3000 || !u_isalnum(cp)) {
            if (!word.empty()) on_word(word);
            word.clear();
            continue;
        }
        const UChar32 lower = u_tolower(cp);
        if (lower == cp) {
            word.append(text.substr(start, i - start));
        } else {
            unicode::append_utf8(word, static_cast<char32_t>(lower));
        }
    }
    if (!word.empty()) on_word(word);
    word.clear();
}

// jusText's measures, with densities lowered to lists of a hundred or so words (they cover less
// running text than longer lists); inflected languages' function words cover less still.
constexpr float kMaxLinkDensity = 0.2f;
constexpr float kLengthLow = 70;
constexpr float kLengthHigh = 200;
constexpr float kNearGoodRun = 2 * kLengthHigh;

struct Densities {
    float low, high;
};

Densities densities_for(std::string_view language) {
    for (std::string_view inflected : {"ru", "uk", "pl", "lv"}) {
        if (language == inflected) return {0.15f, 0.2f};
    }
    return {0.25f, 0.3f};
}

using PC = ParagraphClass;

PC initial_class(const Paragraph& p, bool use_words, Densities d) {
    const float link = p.chars > 0 ? p.link_chars / p.chars : 0;
    if (link > kMaxLinkDensity) return PC::Bad;
    if (p.chars < kLengthLow) return p.link_chars > 0 ? PC::Bad : PC::Short;
    if (!use_words) return p.chars > kLengthHigh ? PC::Good : PC::NearGood;
    const float density =
        p.words > 0 ? static_cast<float>(p.stopwords) / static_cast<float>(p.words) : 0;
    if (density >= d.high) return p.chars > kLengthHigh ? PC::Good : PC::NearGood;
    if (density >= d.low) return PC::NearGood;
    return PC::Bad;
}

// For every block, the class of the nearest block before it (or after it) that is neither short
// nor, when `skip_near_good`, near-good; the page's edges count as bad. One sweep each way.
struct Neighbours {
    std::vector<PC> before, after;
};

Neighbours neighbours(const std::vector<Paragraph>& ps, bool skip_near_good) {
    Neighbours nb{std::vector<PC>(ps.size()), std::vector<PC>(ps.size())};
    auto counts = [&](PC c) { return c != PC::Short && !(skip_near_good && c == PC::NearGood); };
    PC last = PC::Bad;
    for (std::size_t i = 0; i < ps.size(); ++i) {
        nb.before[i] = last;
        if (counts(ps[i].cls)) last = ps[i].cls;
    }
    last = PC::Bad;
    for (std::size_t i = ps.size(); i-- > 0;) {
        nb.after[i] = last;
        if (counts(ps[i].cls)) last = ps[i].cls;
    }
    return nb;
}

}  // namespace

std::vector<Paragraph> paragraphs(const ExtractionState& st, const std::vector<std::uint8_t>& dead,
                                  NodeId scope) {
    std::vector<Paragraph> out;
    if (scope == kNoNode) return out;
    const auto& table = stopword_table();
    const std::size_t lists = generated::kStopwordLists.size();
    std::vector<std::array<std::uint32_t, 16>> hits;  // per block, per list
    std::array<std::uint32_t, 16> page_hits{};

    Paragraph cur;
    std::array<std::uint32_t, 16> cur_hits{};
    auto flush = [&] {
        if (cur.chars > 0) {
            out.push_back(cur);
            hits.push_back(cur_hits);
            for (std::size_t i = 0; i < lists; ++i)
                page_hits[i] += cur_hits[i];
        }
        cur = Paragraph{};
        cur_hits.fill(0);
    };
    auto visit = [&](NodeId id) {
        if (cur.first == kNoNode) cur.first = id;
        cur.last = id;
    };

    std::vector<NodeId> open;
    int links = 0, headings = 0, titles = 0, items = 0, captions = 0;
    bool last_was_br = false;
    std::string word;
    auto leave = [&](NodeId id) {
        const Node& n = st.doc.node(id);
        if (n.tag == GUMBO_TAG_A) --links;
        if (is_heading(n.tag)) --headings;
        if (n.tag == GUMBO_TAG_H1) --titles;
        if (n.tag == GUMBO_TAG_LI) --items;
        if (n.tag == GUMBO_TAG_FIGURE || n.tag == GUMBO_TAG_FIGCAPTION) --captions;
        if (n.tag != GUMBO_TAG_BR && is_block_tag(n.tag)) flush();
    };
    for (NodeId at = scope; at != kNoNode;) {
        const Node& n = st.doc.node(at);
        while (!open.empty() && open.back() != n.parent) {
            leave(open.back());
            open.pop_back();
        }
        if (dead[at]) {
            at = st.doc.next(at, scope, true);
            continue;
        }
        if (n.kind == Node::Kind::Text) {
            const float length = st.text_stats[at].length;
            if (length > 0) {
                visit(at);
                last_was_br = false;
                cur.chars += length;
                if (links > 0) cur.link_chars += length;
                cur.heading = cur.heading || headings > 0;
                cur.title = cur.title || titles > 0;
                cur.list_item = cur.list_item || items > 0;
                cur.caption = cur.caption || captions > 0;
                for_each_word(n.text, word, [&](const std::string& w) {
                    ++cur.words;
                    if (auto it = table.find(w); it != table.end()) {
                        for (std::size_t i = 0; i < lists; ++i)
                            cur_hits[i] += (it->second >> i) & 1u;
                    }
                });
            }
            at = st.doc.next(at, scope);
            continue;
        }
        if (n.tag == GUMBO_TAG_BR) {
            if (last_was_br) flush();
            last_was_br = true;
        } else if (is_block_tag(n.tag)) {
            flush();
        }
        if (n.tag != GUMBO_TAG_BR) last_was_br = false;
        visit(at);
        if (n.tag == GUMBO_TAG_A) ++links;
        if (is_heading(n.tag)) ++headings;
        if (n.tag == GUMBO_TAG_H1) ++titles;
        if (n.tag == GUMBO_TAG_LI) ++items;
        if (n.tag == GUMBO_TAG_FIGURE || n.tag == GUMBO_TAG_FIGCAPTION) ++captions;
        open.push_back(at);
        at = st.doc.next(at, scope);
    }
    while (!open.empty()) {
        leave(open.back());
        open.pop_back();
    }
    flush();

    // The list: the declared language's, else the one the page's words hit most (at least 20
    // hits, so that a page of another language is not measured by a list that barely applies).
    int list = st.meta.language ? list_for(*st.meta.language) : -1;
    if (list < 0) {
        std::uint32_t best = 19;
        for (std::size_t i = 0; i < lists; ++i) {
            if (page_hits[i] > best) {
                best = page_hits[i];
                list = static_cast<int>(i);
            }
        }
    }
    const bool use_words = list >= 0;
    const Densities d =
        densities_for(use_words ? generated::kStopwordLists[static_cast<std::size_t>(list)].language
                                : std::string_view());
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (use_words) out[i].stopwords = hits[i][static_cast<std::size_t>(list)];
        out[i].cls = initial_class(out[i], use_words, d);
        out[i].initial = out[i].cls;
    }
    classify_in_context(out);
    return out;
}

void classify_in_context(std::vector<Paragraph>& ps) {
    // Near-good blocks in a row (short ones may sit between them) that add up to what a good block
    // holds twice over are prose, however short each paragraph: an article of short paragraphs
    // between menus is not bad text. One sweep over the runs.
    for (std::size_t i = 0; i < ps.size();) {
        if (ps[i].cls != PC::NearGood) {
            ++i;
            continue;
        }
        std::size_t end = i;
        float chars = 0;
        int count = 0;
        while (end < ps.size() && (ps[end].cls == PC::NearGood || ps[end].cls == PC::Short)) {
            if (ps[end].cls == PC::NearGood) {
                chars += ps[end].chars;
                ++count;
            }
            ++end;
        }
        if (count >= 2 && chars >= kNearGoodRun) {
            for (std::size_t j = i; j < end; ++j) {
                if (ps[j].cls == PC::NearGood) ps[j].cls = PC::Good;
            }
        }
        i = end;
    }
    // Short blocks first, from the classes around them (near-good ones still unresolved)…
    {
        const Neighbours firm = neighbours(ps, true), any = neighbours(ps, false);
        for (std::size_t i = 0; i < ps.size(); ++i) {
            if (ps[i].cls != PC::Short) continue;
            const PC before = firm.before[i], after = firm.after[i];
            if (before == PC::Good && after == PC::Good) {
                ps[i].cls = PC::Good;
            } else if (before == PC::Bad && after == PC::Bad) {
                ps[i].cls = PC::Bad;
            } else {
                // Between good and bad: good when a near-good block is next to it on either side.
                const bool near = any.before[i] == PC::NearGood || any.after[i] == PC::NearGood;
                ps[i].cls = near ? PC::Good : PC::Bad;
            }
        }
    }
    // …then near-good blocks: bad only between bad ones (neighbours taken once, before any
    // near-good block is resolved, so the order of the loop does not matter).
    const Neighbours firm = neighbours(ps, true);
    for (std::size_t i = 0; i < ps.size(); ++i) {
        if (ps[i].cls != PC::NearGood) continue;
        ps[i].cls = firm.before[i] == PC::Bad && firm.after[i] == PC::Bad ? PC::Bad : PC::Good;
    }
}

}  // namespace pressparse::html::extract
