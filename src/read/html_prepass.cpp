// Script and style bodies emptied before gumbo parses the page (see html_prepass.hpp). One pass
// from left to right over the tokenizer's states that matter; `memchr` finds the next '<'.
#include "html_prepass.hpp"

#include <cstring>
#include <initializer_list>

namespace pressparse::html {

using namespace std::string_view_literals;

namespace {

constexpr std::size_t npos = std::string_view::npos;

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

bool is_alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

char lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// s[at…] begins with `word` (given in lower case), in any case.
bool starts_with_ci(std::string_view s, std::size_t at, std::string_view word) {
    if (at + word.size() > s.size()) return false;
    for (std::size_t k = 0; k < word.size(); ++k) {
        if (lower(s[at + k]) != word[k]) return false;
    }
    return true;
}

// At s[at] == '<': "</name" followed by white space, '/' or '>' — the end tag that closes a raw
// text element called `name`. (At the end of the page, the tag is cut and ends nothing.)
bool end_tag_at(std::string_view s, std::size_t at, std::string_view name) {
    const std::size_t after = at + 2 + name.size();
    return after < s.size() && s[at + 1] == '/' && starts_with_ci(s, at + 2, name) &&
           (is_space(s[after]) || s[after] == '/' || s[after] == '>');
}

// The next '<' at or after `from`, or npos.
std::size_t next_lt(std::string_view s, std::size_t from) {
    if (from >= s.size()) return npos;
    const void* p = std::memchr(s.data() + from, '<', s.size() - from);
    return p ? static_cast<std::size_t>(static_cast<const char*>(p) - s.data()) : npos;
}

// RAWTEXT and RCDATA (style, title, textarea, xmp, iframe, noembed, noframes): the '<' of the
// end tag, or npos when the element runs to the end of the page.
std::size_t raw_text_end(std::string_view s, std::size_t from, std::string_view name) {
    for (std::size_t i = next_lt(s, from); i != npos; i = next_lt(s, i + 1)) {
        if (end_tag_at(s, i, name)) return i;
    }
    return npos;
}

// Script data, with its escaped and double-escaped states: the '<' of "</script" that ends the
// element, or npos.
std::size_t script_end(std::string_view s, std::size_t from) {
    enum class State { Data, Escaped, DoubleEscaped };
    State state = State::Data;
    int dashes = 0;  // '-' just read in an escaped state, up to 2
    std::size_t i = from;
    while (i < s.size()) {
        if (state == State::Data) {
            i = next_lt(s, i);
            if (i == npos) return npos;
            if (end_tag_at(s, i, "script")) return i;
            if (s.compare(i, 4, "<!--") == 0) {
                state = State::Escaped;
                dashes = 2;  // "<!--" leaves the tokenizer in the escaped dash-dash state
                i += 4;
            } else {
                ++i;
            }
            continue;
        }
        const char c = s[i];
        if (c == '-') {
            dashes = dashes < 2 ? dashes + 1 : 2;
            ++i;
            continue;
        }
        if (c == '>' && dashes == 2) {  // "-->" leaves both escaped states
            state = State::Data;
            dashes = 0;
            ++i;
            continue;
        }
        dashes = 0;
        if (c != '<') {
            ++i;
            continue;
        }
        if (state == State::Escaped) {
            if (end_tag_at(s, i, "script")) return i;
            const std::size_t after = i + 7;
            if (after < s.size() && starts_with_ci(s, i + 1, "script") &&
                (is_space(s[after]) || s[after] == '/' || s[after] == '>')) {
                state = State::DoubleEscaped;
                i = after + 1;  // the delimiter is read with the name
                continue;
            }
        } else if (end_tag_at(s, i, "script")) {  // back to escaped, not the end
            state = State::Escaped;
            i += 9;  // "</script" and its delimiter
            continue;
        }
        ++i;
    }
    return npos;
}

// A tag's name and attributes from s[at] == '<' (a start or end tag whose name begins with a
// letter at `name_at`), by the tokenizer's attribute states. `end` is set past its '>', or to
// npos when the page ends inside the tag.
// s contains `word` (given in lower case), in any case.
bool contains_ci(std::string_view s, std::string_view word) {
    for (std::size_t k = 0; k + word.size() <= s.size(); ++k) {
        if (starts_with_ci(s, k, word)) return true;
    }
    return false;
}

// The page as it is copied out: the parts emptied so far left behind. Cuts come in order, left to
// right; the copy is made (once, the page's size) at the first cut.
class Copy {
  public:
    explicit Copy(std::string_view s) : s_(s) {}
    // Leaves s[from, to) out.
    void cut(std::size_t from, std::size_t to) {
        if (to <= from) return;
        if (out_.empty()) out_.reserve(s_.size());
        out_.append(s_.substr(copied_, from - copied_));
        copied_ = to;
    }
    std::optional<std::string> finish() {
        if (copied_ == 0) return std::nullopt;
        out_.append(s_.substr(copied_));
        return std::move(out_);
    }

  private:
    std::string_view s_;
    std::string out_;
    std::size_t copied_ = 0;  // s[0, copied_) is in out_ already
};

bool name_is(std::string_view name, std::string_view lower_name) {
    return name.size() == lower_name.size() && starts_with_ci(name, 0, lower_name);
}

// `name` is one of `names` (given in lower case), in any case.
bool is_one_of(std::string_view name, std::initializer_list<std::string_view> names) {
    for (const std::string_view n : names) {
        if (name_is(name, n)) return true;
    }
    return false;
}

// The formatting elements besides <a>. The parser compares their attributes, values included,
// when it decides whether a fourth identical one pushes the first out of its list of active
// formatting elements (the "Noah's Ark" clause): two <b> differing only in an unread value must
// stay different. An <a> never meets another <a> in that list (a new one closes the old first),
// so its values can go.
bool compares_attribute_values(std::string_view tag) {
    switch (tag.size()) {
        case 1:
            return is_one_of(tag, {"b"sv, "i"sv, "s"sv, "u"sv});
        case 2:
            return is_one_of(tag, {"em"sv, "tt"sv});
        case 3:
            return name_is(tag, "big"sv);
        case 4:
            return is_one_of(tag, {"code"sv, "font"sv, "nobr"sv});
        case 5:
            return name_is(tag, "small"sv);
        case 6:
            return is_one_of(tag, {"strike"sv, "strong"sv});
        default:
            return false;
    }
}

struct Tag {
    std::string_view name;  // as written (compare case-insensitively)
    bool self_closing = false;
    bool json_type = false;  // a type attribute that may name JSON (kept whole when a script)
    std::size_t end = npos;
};

Tag read_tag(std::string_view s, std::size_t name_at, Copy& copy) {
    Tag t;
    std::size_t i = name_at;
    while (i < s.size() && !is_space(s[i]) && s[i] != '/' && s[i] != '>')
        ++i;
    t.name = s.substr(name_at, i - name_at);
    const bool keep_values = compares_attribute_values(t.name);
    while (i < s.size()) {
        const char c = s[i];
        if (is_space(c)) {
            ++i;
            continue;
        }
        if (c == '>') {
            t.end = i + 1;
            return t;
        }
        if (c == '/') {
            t.self_closing = i + 1 < s.size() && s[i + 1] == '>';
            ++i;
            continue;
        }
        // An attribute: its name (the first character may be '='), then perhaps a value.
        const std::size_t name_begin = i;
        ++i;
        while (i < s.size() && !is_space(s[i]) && s[i] != '/' && s[i] != '>' && s[i] != '=')
            ++i;
        const std::string_view attribute = s.substr(name_begin, i - name_begin);
        std::size_t j = i;
        while (j < s.size() && is_space(s[j]))
            ++j;
        if (j >= s.size() || s[j] != '=') continue;  // no value: the next attribute starts here
        ++j;
        while (j < s.size() && is_space(s[j]))
            ++j;
        if (j >= s.size()) return t;
        std::size_t value_begin = j, value_end = j;
        const bool quoted = s[j] == '"' || s[j] == '\'';
        if (quoted) {
            value_begin = j + 1;
            value_end = s.find(s[j], value_begin);
            if (value_end == npos) return t;
            i = value_end + 1;
        } else if (s[j] == '>') {
            i = j;  // "type=>": an empty value, and the tag ends
        } else {
            while (j < s.size() && !is_space(s[j]) && s[j] != '>')
                ++j;
            value_end = j;
            i = j;
        }
        // A quoted value no one reads is emptied (an unquoted one cannot be: the next
        // attribute's name would become its value).
        if (quoted && !keep_values && !attribute_value_read(attribute))
            copy.cut(value_begin, value_end);
        if (attribute.size() == 4 && starts_with_ci(attribute, 0, "type")) {
            const std::string_view value = s.substr(value_begin, value_end - value_begin);
            // "json" in any case, or a character reference that might spell it.
            for (std::size_t k = 0; k + 4 <= value.size() && !t.json_type; ++k)
                t.json_type = starts_with_ci(value, k, "json");
            if (value.find('&') != npos) t.json_type = true;
        }
    }
    return t;
}

// The elements besides script and style whose content the tokenizer reads as text to their end
// tag (RCDATA and RAWTEXT): the name in lower case, or empty.
std::string_view raw_text_name(std::string_view name) {
    for (const std::string_view raw :
         {"title"sv, "textarea"sv, "xmp"sv, "iframe"sv, "noembed"sv, "noframes"sv}) {
        if (name_is(name, raw)) return raw;
    }
    return {};
}

}  // namespace

bool attribute_value_read(std::string_view name) {
    // Every name the readers ask Document::attr for (which asserts it is here), and those the
    // parser itself reads: "type" (a hidden <input>), "encoding" (<annotation-xml>), "prompt"
    // and "action" (<isindex>), "xmlns". By length, since this is asked for every attribute.
    bool read = false;
    switch (name.size()) {
        case 2:
            read = name_is(name, "id"sv);
            break;
        case 3:
            read = is_one_of(name, {"alt"sv, "rel"sv, "src"sv});
            break;
        case 4:
            read = is_one_of(name, {"href"sv, "lang"sv, "name"sv, "role"sv, "type"sv});
            break;
        case 5:
            read = is_one_of(name, {"class"sv, "style"sv, "title"sv, "xmlns"sv});
            break;
        case 6:
            read = is_one_of(name, {"action"sv, "hidden"sv, "prompt"sv, "srcset"sv});
            break;
        case 7:
            read = is_one_of(name, {"content"sv, "summary"sv});
            break;
        case 8:
            read = is_one_of(name, {"data-src"sv, "datetime"sv, "encoding"sv, "itemprop"sv,
                                    "itemtype"sv, "property"sv});
            break;
        case 9:
            read = name_is(name, "datatable"sv);
            break;
        case 10:
            read = name_is(name, "aria-modal"sv);
            break;
        case 11:
            read = is_one_of(name, {"aria-hidden"sv, "data-srcset"sv, "xmlns:xlink"sv});
            break;
        case 13:
            read = is_one_of(name, {"data-lazy-src"sv, "data-original"sv});
            break;
        case 16:
            read = name_is(name, "data-lazy-srcset"sv);
            break;
        default:
            break;
    }
    if (read) return true;
    // The date reader reads any data-* attribute that names a date or a time (html_dates.cpp).
    return name.size() > 5 && starts_with_ci(name, 0, "data-"sv) &&
           (contains_ci(name, "date"sv) || contains_ci(name, "time"sv) ||
            contains_ci(name, "publish"sv));
}

std::optional<std::string> empty_script_bodies(std::string_view s) {
    Copy copy(s);
    auto cut = [&](std::size_t from, std::size_t to) { copy.cut(from, to); };
    int foreign = 0;  // <svg> and <math> open (where <script> and <style> are plain elements)
    std::size_t i = 0;
    while ((i = next_lt(s, i)) != npos) {
        if (i + 1 >= s.size()) break;
        const char next = s[i + 1];
        if (next == '!') {
            if (s.compare(i, 4, "<!--") == 0) {  // a comment: "-->" or "--!>" ends it
                const std::size_t body = i + 4;
                if (body < s.size() && s[body] == '>') {
                    i = body + 1;
                    continue;
                }
                if (s.compare(body, 2, "->") == 0) {
                    i = body + 2;
                    continue;
                }
                std::size_t k = s.find("--", body);
                while (k != npos &&
                       !(s.compare(k + 2, 1, ">") == 0 || s.compare(k + 2, 2, "!>") == 0))
                    k = s.find("--", k + 1);
                // Its text is nobody's reading (the DOM keeps no comment): "<!--" then the end,
                // "-->" or "--!>", is an empty comment (the tokenizer's comment start, start
                // dash and end states); a comment the page does not end runs to its end.
                cut(body, k == npos ? s.size() : k);
                if (k == npos) break;
                i = k + (s[k + 2] == '>' ? 3 : 4);
                continue;
            }
            if (foreign > 0 && s.compare(i, 9, "<![CDATA[") == 0) {
                const std::size_t k = s.find("]]>", i + 9);
                if (k == npos) break;
                i = k + 3;
                continue;
            }
            const std::size_t k = s.find('>', i + 2);  // a doctype or a bogus comment
            if (k == npos) break;
            i = k + 1;
            continue;
        }
        if (next == '?') {  // a bogus comment
            const std::size_t k = s.find('>', i + 2);
            if (k == npos) break;
            i = k + 1;
            continue;
        }
        if (next == '/') {
            if (i + 2 >= s.size()) break;
            if (!is_alpha(s[i + 2])) {  // "</>" is nothing, "</3 …>" a bogus comment
                const std::size_t k = s.find('>', i + 2);
                if (k == npos) break;
                i = k + 1;
                continue;
            }
            const Tag t = read_tag(s, i + 2, copy);
            if (t.end == npos) break;
            if ((name_is(t.name, "svg") || name_is(t.name, "math")) && foreign > 0) --foreign;
            i = t.end;
            continue;
        }
        if (!is_alpha(next)) {  // "<" and no name is text
            ++i;
            continue;
        }
        const Tag t = read_tag(s, i + 1, copy);
        if (t.end == npos) break;
        i = t.end;
        const std::string_view name = t.name;
        if (name_is(name, "script")) {
            const std::size_t end = script_end(s, i);
            if (foreign == 0 && !t.json_type) cut(i, end == npos ? s.size() : end);
            if (end == npos) break;
            i = end;
        } else if (name_is(name, "style")) {
            const std::size_t end = raw_text_end(s, i, "style");
            if (foreign == 0) cut(i, end == npos ? s.size() : end);
            if (end == npos) break;
            i = end;
        } else if (const std::string_view raw = raw_text_name(name); !raw.empty()) {
            const std::size_t end = raw_text_end(s, i, raw);
            if (end == npos) break;
            i = end;
        } else if (name_is(name, "svg") || name_is(name, "math")) {
            if (!t.self_closing) ++foreign;
        } else if (name_is(name, "plaintext")) {
            break;  // the rest of the page is text
        } else if (name_is(name, "frameset")) {
            return std::nullopt;
        }
    }
    return copy.finish();
}

}  // namespace pressparse::html
