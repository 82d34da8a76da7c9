// The reader comment thread of an HTML page, taken aside before pass 1 (as the teaser lists are
// taken aside as related links): its items become the page's reader comments — author, date as
// printed, text — in page order, replies flattened where they stand, and pass 1 marks every item
// dead so that no comment text reaches the body.
//
// An item is an element that says it is one comment: itemtype schema.org Comment, a class or id
// token "comment" (or "comment-item", "comment-123", "li-comment-123"), or an <li> of a list
// the page calls a comment list (or a list of replies inside a comment) — never inside a sidebar
// or a "recent comments" or "most commented" list. An item inside another item is a reply when
// it is the same kind of element (an <li> in an <li>, a Comment in a Comment); otherwise it is a
// part of the comment (a body <article> inside a comment's <li>). Inside an item the author is
// the best-marked element (itemprop=author, a vcard "fn", a class naming the author, <cite>, a
// user name) and the date a <time> or an element whose class names a date or time, each read
// without the reply links inside it; the text is the rest, its forms, hidden parts, reply
// links, share and vote bars left out. An item with no text but an author or date gives them to
// the next comment, and a <dt> gives its <dd> its author, date and other text (a number, an
// unmarked name and date); an item with neither and only a few words (a tab, a heading) is left
// out. The thread must be a thread: at least half its comments show an author or a date (or are
// <dt>/<dd> pairs), or they hold 12 words each on average, so a lone box called "comments"
// holding a form or a placeholder, or a list of topics, yields nothing.
//
// Reads: the document and the page facts. Writes: st.comment_item, st.comments and
// st.comments_cut, once per page. Must never: touch the body's blocks or scores; recurse (two
// pre-order loops over node ids, parents before children); keep more than kMaxComments comments
// or kMaxCommentBytes of one comment's text.
#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "html_extraction.hpp"
#include "pressparse/unicode.hpp"

namespace pressparse::html::extract {

namespace {

using namespace std::string_view_literals;

// Author and date elements longer than this are no author or date.
constexpr double kMaxMetaText = 120;

enum class ItemKind : std::uint8_t { None, Schema, Token, ListItem };

bool is_item_tag(GumboTag t) {
    switch (t) {
        case GUMBO_TAG_LI:
        case GUMBO_TAG_ARTICLE:
        case GUMBO_TAG_DIV:
        case GUMBO_TAG_SECTION:
        case GUMBO_TAG_ASIDE:
        case GUMBO_TAG_DL:
        case GUMBO_TAG_DT:
        case GUMBO_TAG_DD:
        case GUMBO_TAG_TABLE:
        case GUMBO_TAG_TR:
            return true;
        default:
            return false;
    }
}

bool all_digits(std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "comment", "comment-item", "comment-123", "comment_123", "li-comment-123".
bool is_comment_token(std::string_view token) {
    if (token == "comment" || token == "comment-item" || token == "comment_item" ||
        token == "commentitem")
        return true;
    const std::size_t at = token.find("comment");
    if (at == std::string_view::npos) return false;
    if (at > 0 && token[at - 1] != '-' && token[at - 1] != '_') return false;
    std::string_view rest = token.substr(at + 7);
    if (!rest.empty() && (rest.front() == '-' || rest.front() == '_')) rest.remove_prefix(1);
    return all_digits(rest);
}

bool has_comment_token(std::string_view match) {
    std::size_t i = 0;
    while (i < match.size()) {
        while (i < match.size() && match[i] == ' ')
            ++i;
        const std::size_t start = i;
        while (i < match.size() && match[i] != ' ')
            ++i;
        if (i > start && is_comment_token(match.substr(start, i - start))) return true;
    }
    return false;
}

bool is_schema_comment(const ExtractionState& st, NodeId id) {
    const std::string_view itemtype = st.doc.attr(id, "itemtype");
    if (itemtype.empty()) return false;
    const std::string type = lower_ascii(itemtype);
    for (const std::string_view name : {"schema.org/comment"sv, "schema.org/usercomments"sv}) {
        const std::size_t at = type.find(name);
        if (at == std::string::npos) continue;
        const std::size_t end = at + name.size();
        if (end == type.size() || type[end] == ' ' || type[end] == '/') return true;
    }
    return false;
}

// Parts of a comment that are not its text: reply and share links, votes, avatars, edit links.
// (The header line holding the author and the date is not text either: its parts are marked as
// the author's and the date's and read on their own.)
constexpr auto kNotText = std::to_array<std::string_view>(
    {"reply", "respond", "share", "vote", "rating", "report", "permalink", "avatar",
     "comment-actions", "edit-link", "button", "login"});

// Containers of comments that are not the page's thread: a sidebar's "recent comments" or "most
// commented" lists, widgets.
constexpr auto kOtherLists = std::to_array<std::string_view>(
    {"recentcomments", "recent-comments", "recent_comments", "latest-comments", "latest_comments",
     "lastcomments", "last-comments", "mostcommented", "most-commented", "most_commented"});
constexpr auto kSidebarTokens = std::to_array<std::string_view>({"sidebar", "widget-area"});

// How well an element marks the author of a comment (lower is better); kNone when it does not.
constexpr int kNone = 100;

int author_rank(const ExtractionState& st, NodeId id) {
    const std::string_view itemprop = st.doc.attr(id, "itemprop");
    if (itemprop.find("author") != std::string_view::npos ||
        itemprop.find("creator") != std::string_view::npos)
        return 0;
    const std::string& match = st.match[id];
    if (has_class_token(match, std::array{"fn"sv, "p-name"sv})) return 1;
    if (match.find("author") != std::string::npos && match.find("avatar") == std::string::npos)
        return 2;
    if (st.doc.node(id).tag == GUMBO_TAG_CITE) return 3;
    if (contains_any(match, std::array{"username"sv, "user-name"sv, "user_name"sv, "nickname"sv,
                                       "commenter"sv}) ||
        has_class_token(match, std::array{"by"sv, "user"sv, "name"sv}))
        return 4;
    return kNone;
}

int date_rank(const ExtractionState& st, NodeId id) {
    if (st.doc.node(id).tag == GUMBO_TAG_TIME) return 0;
    const std::string_view itemprop = st.doc.attr(id, "itemprop");
    if (itemprop.find("date") != std::string_view::npos) return 0;
    const std::string& match = st.match[id];
    if (match.find("date") != std::string::npos || match.find("time") != std::string::npos)
        return 1;
    return kNone;
}

// What one item gathers while the page is walked.
struct Slot {
    NodeId item = kNoNode;
    NodeId author = kNoNode, date = kNoNode;
    int author_rank = kNone, date_rank = kNone;
    std::string text;  // raw text, '\n' between blocks
    std::string author_text, date_text;
    bool full = false;
};

std::optional<std::string> folded(std::string_view raw) {
    std::string text = unicode::fold_whitespace(raw);
    if (text.empty()) return std::nullopt;
    return text;
}

// Fewer words than this, and neither author nor date: a tab or a heading of the thread.
constexpr int kMinBareWords = 4;
// Words per comment, on average, of a thread that shows few authors and dates.
constexpr std::size_t kMinMeanWords = 12;

void append_bounded(Slot& slot, std::string_view text) {
    if (slot.full) return;
    if (slot.text.size() + text.size() <= kMaxCommentBytes) {
        slot.text += text;
        return;
    }
    std::size_t keep = kMaxCommentBytes - slot.text.size();
    while (keep > 0 && (static_cast<unsigned char>(text[keep]) & 0xC0) == 0x80)
        --keep;
    slot.text.append(text.substr(0, keep));
    slot.full = true;
}

// The raw text's lines, each with its white space folded, empty ones dropped.
std::string finish_text(std::string_view raw) {
    std::string out;
    std::size_t start = 0;
    while (start <= raw.size()) {
        std::size_t end = raw.find('\n', start);
        if (end == std::string_view::npos) end = raw.size();
        const std::string line = unicode::fold_whitespace(raw.substr(start, end - start));
        if (!line.empty()) {
            if (!out.empty()) out += '\n';
            out += line;
        }
        start = end + 1;
    }
    return out;
}

}  // namespace

void take_comments(ExtractionState& st) {
    const Document& doc = st.doc;
    std::vector<NodeId> item_of(st.n, kNoNode);      // the item a node is part of (itself included)
    std::vector<std::uint8_t> schema_item(st.n, 0);  // items marked schema.org Comment
    std::vector<std::uint32_t> slot_of(st.n, 0);     // items: 1 + their slot, 0 past the bound
    std::vector<std::uint8_t> not_text(st.n, 0);     // inside furniture: forms, reply links, votes
    std::vector<std::uint8_t> meta(st.n, 0);         // inside an element marking an author or date
    std::vector<std::uint8_t> elsewhere(st.n, 0);    // inside a widget, no thread there
    std::vector<Slot> slots;
    st.comment_item.assign(st.n, 0);

    // Pass 1: the items, what inside them is not text, and their author and date elements.
    for (NodeId id = 0; id < st.n; ++id) {
        const Node& node = doc.node(id);
        const NodeId parent = node.parent;
        if (parent != kNoNode) {
            item_of[id] = item_of[parent];
            not_text[id] = not_text[parent];
            meta[id] = meta[parent];
            elsewhere[id] = elsewhere[parent];
        }
        if (node.kind != Node::Kind::Element) continue;
        const GumboTag tag = node.tag;
        if (is_dropped_tag(tag) && tag != GUMBO_TAG_NOSCRIPT) {
            not_text[id] = 1;
            // Nothing in a script, a template or a form control is a comment.
            if (item_of[id] == kNoNode) continue;
        }
        const std::string& match = st.match[id];
        if (item_of[id] == kNoNode && !match.empty() && tag != GUMBO_TAG_BODY &&
            tag != GUMBO_TAG_HTML &&
            (contains_any(match, kOtherLists) || has_class_token(match, kSidebarTokens)))
            elsewhere[id] = 1;
        ItemKind k = ItemKind::None;
        if (is_item_tag(tag) && !not_text[id] && !elsewhere[id]) {
            if (is_schema_comment(st, id)) {
                k = ItemKind::Schema;
            } else if (!match.empty() && has_comment_token(match)) {
                k = ItemKind::Token;
            } else if (tag == GUMBO_TAG_LI && parent != kNoNode &&
                       (doc.node(parent).tag == GUMBO_TAG_OL ||
                        doc.node(parent).tag == GUMBO_TAG_UL)) {
                const std::string& list = st.match[parent];
                const bool comment_list = list.find("comment") != std::string::npos;
                const bool reply_list =
                    item_of[parent] != kNoNode &&
                    contains_any(list, std::array{"children"sv, "repl"sv, "thread"sv});
                if (comment_list || reply_list) k = ItemKind::ListItem;
            }
        }
        if (k != ItemKind::None) {
            const NodeId outer = item_of[id];
            // Inside another item: a reply when it is the same kind of element, else a part.
            const bool reply = outer == kNoNode || doc.node(outer).tag == tag ||
                               (k == ItemKind::Schema && schema_item[outer]) ||
                               k == ItemKind::ListItem;
            if (reply) {
                item_of[id] = id;
                schema_item[id] = k == ItemKind::Schema ? 1 : 0;
                not_text[id] = 0;
                meta[id] = 0;
                st.comment_item[id] = 1;
                if (slots.size() < kMaxComments) {
                    slots.emplace_back().item = id;
                    slot_of[id] = static_cast<std::uint32_t>(slots.size());
                } else {
                    st.comments_cut = true;
                }
                continue;
            }
        }
        const NodeId item = item_of[id];
        if (item == kNoNode) continue;
        if (tag == GUMBO_TAG_FORM || !visible(st, id) ||
            (!match.empty() && contains_any(match, kNotText)))
            not_text[id] = 1;
        const int a = author_rank(st, id);
        const int d = date_rank(st, id);
        const bool small = st.subtree[id].text <= kMaxMetaText;
        // The author's and the date's elements are read on their own, never as text.
        if (small && (a <= 2 || d <= 1)) meta[id] = 1;
        if (slot_of[item] == 0) continue;
        Slot& slot = slots[slot_of[item] - 1];
        if (a < slot.author_rank && st.subtree[id].text > 0 &&
            st.subtree[id].text <= kMaxMetaText) {
            slot.author_rank = a;
            slot.author = id;
        }
        if (d < slot.date_rank && st.subtree[id].text <= kMaxMetaText &&
            (st.subtree[id].text > 0 || doc.has_attr(id, "datetime"))) {
            slot.date_rank = d;
            slot.date = id;
        }
    }
    if (slots.empty()) {
        st.comment_item.clear();
        return;
    }

    // Pass 2: each item's text, author and date; furniture and other author or date marks left
    // out of all three.
    std::vector<std::uint8_t> in_author(st.n, 0), in_date(st.n, 0);
    for (NodeId id = 0; id < st.n; ++id) {
        const Node& node = doc.node(id);
        const NodeId item = item_of[id];
        if (item == kNoNode || slot_of[item] == 0 || not_text[id]) continue;
        Slot& slot = slots[slot_of[item] - 1];
        const bool same_item = id != item && node.parent != kNoNode;
        in_author[id] = id == slot.author || (same_item && in_author[node.parent]);
        in_date[id] = id == slot.date || (same_item && in_date[node.parent]);
        if (node.kind == Node::Kind::Text) {
            if (in_date[id]) {
                slot.date_text += node.text;
            } else if (in_author[id]) {
                slot.author_text += node.text;
            } else if (!meta[id]) {
                append_bounded(slot, node.text);
            }
        } else if ((is_block_tag(node.tag) || node.tag == GUMBO_TAG_BR) && !meta[id]) {
            append_bounded(slot, "\n");
        } else if (in_author[id] || in_date[id]) {
            (in_date[id] ? slot.date_text : slot.author_text) += ' ';
        }
    }

    // The comments, in page order. A header item (a <dt>, or an item with an author or a date
    // and no text) gives what it holds to the next item: its author and date, and a <dt>'s other
    // text (a number, an unmarked name and date) as the comment's first line, the pair being a
    // comment by its structure.
    std::vector<ReaderComment> comments;
    const Slot* header = nullptr;
    std::size_t with_meta = 0, total_words = 0;
    auto author_of = [](const Slot& slot) { return folded(slot.author_text); };
    auto date_of = [&](const Slot& slot) {
        std::optional<std::string> date = folded(slot.date_text);
        if (!date && slot.date != kNoNode && doc.node(slot.date).tag == GUMBO_TAG_TIME)
            date = folded(doc.attr(slot.date, "datetime"));
        return date;
    };
    for (const Slot& slot : slots) {
        std::string text = finish_text(slot.text);
        std::optional<std::string> author = author_of(slot);
        std::optional<std::string> date = date_of(slot);
        const GumboTag tag = doc.node(slot.item).tag;
        if (tag == GUMBO_TAG_DT || (text.empty() && (author || date))) {
            header = &slot;
            continue;
        }
        if (text.empty()) continue;
        bool paired = false;
        if (header) {
            if (!author) author = author_of(*header);
            if (!date) date = date_of(*header);
            if (doc.node(header->item).tag == GUMBO_TAG_DT && tag == GUMBO_TAG_DD) {
                paired = true;
                std::string first = finish_text(header->text);
                if (!first.empty()) {
                    first += '\n';
                    first += text;
                    text = std::move(first);
                }
            }
        }
        header = nullptr;
        const auto words = static_cast<std::size_t>(unicode::count_tokens(text));
        if (author || date || paired) {
            ++with_meta;
        } else if (words < static_cast<std::size_t>(kMinBareWords)) {
            continue;
        }
        total_words += words;
        comments.push_back(ReaderComment{std::move(author), std::move(date), std::move(text)});
    }
    // A thread shows who wrote (or when) for at least half its comments, or its comments are
    // sentences (kMinMeanWords words each on average): a list of forum topics or of links
    // called "comments" is neither.
    if (!comments.empty() &&
        (2 * with_meta >= comments.size() || total_words >= kMinMeanWords * comments.size())) {
        st.comments = std::move(comments);
    } else {
        st.comment_item.clear();
        st.comments_cut = false;
    }
}

}  // namespace pressparse::html::extract
