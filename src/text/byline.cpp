#include "byline.hpp"

#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>

#include <algorithm>
#include <unordered_set>
#include <vector>

#include "byline_table.hpp"
#include "pressparse/dates.hpp"
#include "pressparse/unicode.hpp"

namespace pressparse::byline {

namespace {

// Most of a candidate looked at: bylines are under a hundred characters.
constexpr std::size_t kMaxInputBytes = 1024;

std::vector<std::string_view> split_words(std::string_view text) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    for (std::string_view w = next_word(text, i); !w.empty(); w = next_word(text, i))
        out.push_back(w);
    return out;
}

// The table as written (its words already case-folded, byline_words.txt), parsed and ordered at
// compile time (byline_table.hpp): a page's first byline builds nothing.
constexpr const auto& entries() {
    return kBylineTable;
}

// Day names, case-folded, wide and abbreviated, of the languages printed widely on the web (ICU's
// locale data): "Sunday, Feb 1, 2015" is a date from its first word.
bool is_weekday(std::string_view folded) {
    static const std::unordered_set<std::string> names = [] {
        std::unordered_set<std::string> out;
        for (const char* language :
             {"en", "de", "fr", "es", "it", "pt", "nl", "pl", "cs", "sv", "da",
              "nb", "fi", "hu", "tr", "ru", "uk", "lv", "lt", "et", "ro"}) {
            UErrorCode status = U_ZERO_ERROR;
            const icu::DateFormatSymbols symbols(icu::Locale(language), status);
            if (U_FAILURE(status)) continue;
            using S = icu::DateFormatSymbols;
            for (auto width : {S::WIDE, S::ABBREVIATED}) {
                int32_t count = 0;
                const icu::UnicodeString* days = symbols.getWeekdays(count, S::FORMAT, width);
                for (int32_t i = 1; i < count; ++i) {  // index 0 is empty
                    std::string utf8;
                    days[i].toUTF8String(utf8);
                    std::string key = unicode::fold_case(utf8);
                    while (!key.empty() && key.back() == '.')
                        key.pop_back();
                    if (key.size() >= 2) out.insert(std::move(key));
                }
            }
        }
        return out;
    }();
    while (!folded.empty() && (folded.back() == ',' || folded.back() == '.'))
        folded.remove_suffix(1);
    return names.contains(std::string(folded));
}

// A word as the table compares it: case-folded, a colon ending it aside.
struct Word {
    std::string text;    // as printed
    std::string folded;  // for comparison
    bool colon = false;  // ended in a colon
};

bool is_punctuation_only(std::string_view w) {
    static constexpr std::string_view kMarks[] = {"-",
                                                  ",",
                                                  ";",
                                                  ":",
                                                  "/",
                                                  "\xE2\x80\x93",
                                                  "\xE2\x80\x94",
                                                  "(",
                                                  ")",
                                                  ">",
                                                  "<",
                                                  "\xC2\xBB",
                                                  "\xC2\xAB",
                                                  "\xE2\x80\xBA",
                                                  "\xE2\x80\xB9",
                                                  "\xE2\x86\x92",
                                                  "\xE2\x86\x90",
                                                  "\xE2\x9F\xB6",
                                                  "\xC2\xA9",
                                                  "&"};
    while (!w.empty()) {
        bool matched = false;
        for (std::string_view m : kMarks) {
            if (w.starts_with(m)) {
                w.remove_prefix(m.size());
                matched = true;
                break;
            }
        }
        if (!matched) return false;
    }
    return true;
}

// Arrows and quotes that pages glue to a link's text ("Name →").
std::string_view strip_arrows(std::string_view w) {
    static constexpr std::string_view kArrows[] = {"\xE2\x86\x92", "\xE2\x86\x90", "\xE2\x9F\xB6",
                                                   "\xC2\xBB",     "\xC2\xAB",     "\xE2\x80\xBA",
                                                   "\xE2\x80\xB9"};
    bool again = true;
    while (again && !w.empty()) {
        again = false;
        for (std::string_view a : kArrows) {
            if (w.ends_with(a)) {
                w.remove_suffix(a.size());
                again = true;
            }
            if (w.starts_with(a)) {
                w.remove_prefix(a.size());
                again = true;
            }
        }
    }
    return w;
}

bool is_address(std::string_view w) {
    while (!w.empty() && (w.front() == '(' || w.front() == '[' || w.front() == '<'))
        w.remove_prefix(1);
    while (!w.empty() && (w.back() == ')' || w.back() == ']' || w.back() == '>' ||
                          w.back() == ',' || w.back() == ';'))
        w.remove_suffix(1);
    if (w.find("://") != std::string_view::npos) return true;
    std::string lower(w.substr(0, 4));
    for (char& c : lower)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (lower == "www.") return true;
    // "facebook.com/name": a host with a dot, then a path.
    const std::size_t slash = w.find('/');
    if (slash == std::string_view::npos || slash == 0) return false;
    const std::string_view host = w.substr(0, slash);
    const std::size_t dot = host.rfind('.');
    if (dot == std::string_view::npos || dot == 0 || host.size() - dot - 1 < 2) return false;
    return std::all_of(host.begin() + static_cast<std::ptrdiff_t>(dot) + 1, host.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
}

bool is_handle_word(std::string_view w) {
    return w.size() > 1 && w.front() == '@';
}

std::vector<Word> words_of(std::string_view text) {
    std::vector<Word> out;
    for (auto& raw : split_words(text)) {
        const std::string_view w = strip_arrows(raw);
        if (w.empty() || is_address(w) || is_handle_word(w)) continue;
        Word word;
        word.text = std::string(w);
        std::string_view bare = w;
        if (bare.size() > 1 && bare.back() == ':') {
            bare.remove_suffix(1);
            word.colon = true;
        } else if (bare.size() > 3 && bare.ends_with("\xEF\xBC\x9A")) {  // a full-width colon
            bare.remove_suffix(3);
            word.colon = true;
        }
        word.folded = unicode::fold_case(bare);
        out.push_back(std::move(word));
    }
    return out;
}

// Whether `words` at `at` begins with `e`'s words.
bool starts_with(const std::vector<Word>& words, std::size_t at, const Entry& e) {
    if (words.size() - at < e.count) return false;
    for (std::size_t k = 0; k < e.count; ++k) {
        if (words[at + k].folded != e.word[k]) return false;
    }
    return true;
}

// Labels and author-page link phrases before the name.
void drop_leading_labels(std::vector<Word>& words) {
    for (int round = 0; round < 4; ++round) {
        std::size_t from = 0;
        while (from < words.size() && is_punctuation_only(words[from].text))
            ++from;
        bool dropped = false;
        for (const Entry& e : entries()) {
            if (e.kind == Kind::DateWord || !starts_with(words, from, e)) continue;
            std::size_t end = from + e.count;
            const bool colon = words[end - 1].colon ||
                               (end < words.size() && is_punctuation_only(words[end].text));
            const std::size_t rest = words.size() - end;
            // "Von Trapp" stays; "von jdoe", "Par example.news" lose the label.
            if (e.kind == Kind::Label && e.count == 1 && !colon && rest < 2 &&
                !(rest == 1 &&
                  (is_handle(words[end].text) || words[end].text.find('.') != std::string::npos)))
                continue;
            if (e.kind == Kind::Noun && !colon) continue;
            if (rest == 0) continue;
            words.erase(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(end));
            dropped = true;
            break;
        }
        if (!dropped) return;
    }
}

// Words that lead to a date after the name ("Updated", "Published on") and punctuation, at the
// end.
void drop_trailing_date_words(std::vector<Word>& words) {
    bool again = true;
    while (again && !words.empty()) {
        again = false;
        if (is_punctuation_only(words.back().text) || is_weekday(words.back().folded)) {
            words.pop_back();
            again = true;
            continue;
        }
        for (const Entry& e : entries()) {
            if (e.kind != Kind::DateWord || words.size() < e.count) continue;
            if (starts_with(words, words.size() - e.count, e)) {
                words.resize(words.size() - e.count);
                again = true;
                break;
            }
        }
    }
}

std::string join(const std::vector<Word>& words) {
    std::string out;
    for (const auto& w : words) {
        if (!out.empty()) out += ' ';
        out += w.text;
    }
    return out;
}

bool has_letter(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char ch) {
        const auto c = static_cast<unsigned char>(ch);
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0xC3;
    });
}

// One part of a byline (between separators) cleaned to a name, or nullopt.
// Whether the words are one table entry and nothing else ("By", "Автор:").
bool only_an_entry(const std::vector<Word>& words) {
    return std::any_of(entries().begin(), entries().end(), [&](const Entry& e) {
        return e.count == words.size() && starts_with(words, 0, e);
    });
}

// A second role after the name ends it: "Rob Doe Edited by Ann Roe" is Rob Doe's. Only labels of
// two words or more ("edited by", "photos by") count: one word ("by", "von") may be part of a
// name.
void drop_second_role(std::vector<Word>& words) {
    for (std::size_t at = 1; at < words.size(); ++at) {
        for (const Entry& e : entries()) {
            if (e.kind == Kind::Label && e.count >= 2 && starts_with(words, at, e)) {
                words.resize(at);
                return;
            }
        }
    }
}

std::optional<std::string> clean_part(std::string_view part) {
    std::vector<Word> words = words_of(part);
    drop_leading_labels(words);
    drop_second_role(words);
    if (words.empty() || only_an_entry(words)) return std::nullopt;
    std::string text = join(words);
    if (auto found = dates::find_date_in_text(text)) {
        words = words_of(found->prefix);
        drop_trailing_date_words(words);
        drop_leading_labels(words);
    }
    while (!words.empty() && is_punctuation_only(words.front().text))
        words.erase(words.begin());
    while (!words.empty() && is_punctuation_only(words.back().text))
        words.pop_back();
    text = join(words);
    // Punctuation glued to the ends ("Name,", "(Name").
    while (!text.empty() && (text.back() == ',' || text.back() == ';' || text.back() == ':'))
        text.pop_back();
    // A name printed twice in one run ("Jane DoeJane Doe", "Jane Doe Jane Doe"): once.
    for (const std::size_t gap : {std::size_t{0}, std::size_t{1}}) {
        if (text.size() > gap && (text.size() - gap) % 2 == 0) {
            const std::size_t half = (text.size() - gap) / 2;
            if (half > 0 && (gap == 0 || text[half] == ' ') &&
                text.compare(0, half, text, half + gap, half) == 0)
                text.resize(half);
        }
    }
    if (text.empty() || !has_letter(text)) return std::nullopt;
    if (unicode::count_characters(text) > kMaxNameCharacters ||
        unicode::count_tokens(text, kMaxNameTokens) > kMaxNameTokens)
        return std::nullopt;
    return text;
}

}  // namespace

std::optional<std::string> clean(std::string_view text) {
    std::string s(text.substr(0, kMaxInputBytes));
    if (text.size() > kMaxInputBytes) {
        // A character cut at the bound goes whole.
        while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80)
            s.pop_back();
        if (!s.empty() && static_cast<unsigned char>(s.back()) >= 0xC0) s.pop_back();
    }
    // Separators become words of their own: "Name|Updated …", "Name • Staff".
    std::string spaced;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '|') {
            spaced += " | ";
        } else if (s.compare(i, 3, "\xE2\x80\xA2") == 0) {
            spaced += " | ";
            i += 2;
        } else if (s.compare(i, 2, "\xC2\xB7") == 0) {
            spaced += " | ";
            i += 1;
        } else {
            spaced += s[i];
        }
    }
    const std::string folded = unicode::fold_whitespace(spaced);
    // The first part that names someone.
    std::size_t start = 0;
    while (start <= folded.size()) {
        std::size_t bar = folded.find('|', start);
        if (bar == std::string::npos) bar = folded.size();
        if (auto name = clean_part(std::string_view(folded).substr(start, bar - start)))
            return name;
        start = bar + 1;
    }
    return std::nullopt;
}

bool is_handle(std::string_view name) {
    if (name.empty() || name.find(' ') != std::string_view::npos) return false;
    if (name.front() == '@') return true;
    bool digit = false, upper = false, other = false;
    for (const char ch : name) {
        const auto c = static_cast<unsigned char>(ch);
        if (c >= '0' && c <= '9') {
            digit = true;
        } else if (c >= 'A' && c <= 'Z') {
            upper = true;
        } else if (!((c >= 'a' && c <= 'z') || c == '_' || c == '-' || c == '.')) {
            other = true;
        }
    }
    if (other) return false;
    return digit || !upper;
}

}  // namespace pressparse::byline
