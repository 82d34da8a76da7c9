#include "html_metadata.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <nlohmann/json.hpp>
#include <unordered_set>

#include "html_dates.hpp"
#include "pressparse/json_depth.hpp"
#include "pressparse/unicode.hpp"
#include "text/byline.hpp"

namespace pressparse::html {

namespace {

using json = nlohmann::json;
using namespace std::string_view_literals;

// schema.org types that are articles (Readability's list).
constexpr std::array kArticleTypes{
    "Article"sv,
    "AdvertiserContentArticle"sv,
    "NewsArticle"sv,
    "AnalysisNewsArticle"sv,
    "AskPublicNewsArticle"sv,
    "BackgroundNewsArticle"sv,
    "OpinionNewsArticle"sv,
    "ReportageNewsArticle"sv,
    "ReviewNewsArticle"sv,
    "Report"sv,
    "SatiricalArticle"sv,
    "ScholarlyArticle"sv,
    "MedicalScholarlyArticle"sv,
    "SocialMediaPosting"sv,
    "BlogPosting"sv,
    "LiveBlogPosting"sv,
    "DiscussionForumPosting"sv,
    "TechArticle"sv,
    "APIReference"sv,
    "WebPage"sv,
};

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (auto& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

std::optional<std::string> non_empty(std::string s) {
    s = unicode::fold_whitespace(s);
    if (s.empty()) return std::nullopt;
    return s;
}

bool is_url(std::string_view s) {
    return s.rfind("http://", 0) == 0 || s.rfind("https://", 0) == 0 || s.rfind("//", 0) == 0;
}

bool type_matches(const json& type, bool allow_webpage) {
    auto one = [&](const json& t) {
        if (!t.is_string()) return false;
        const auto& s = t.get_ref<const std::string&>();
        for (auto a : kArticleTypes) {
            if (s == a && (allow_webpage || a != "WebPage")) return true;
        }
        return false;
    };
    if (type.is_array()) return std::any_of(type.begin(), type.end(), one);
    return one(type);
}

// A JSON-LD string as text: the parser never decoded its character references, and pages write
// them (`"headline": "It&#039;s"`).
std::optional<std::string> string_of(const json& v) {
    if (v.is_string()) return non_empty(decode_references(v.get_ref<const std::string&>()));
    return std::nullopt;
}

// author: "Name" | {"name": "Name"} | [{"name": …}, …]. Recursion is bounded twice over: the
// parsed JSON-LD is never deeper than kMaxJsonLdDepth (parse_json_ld cuts it), and so is this walk.
std::optional<std::string> author_of(const json& v, std::size_t depth = 0) {
    if (v.is_string()) return string_of(v);
    if (v.is_object() && v.contains("name")) return string_of(v["name"]);
    if (v.is_array() && depth < kMaxJsonLdDepth) {
        std::string names;
        for (const auto& item : v) {
            if (auto n = author_of(item, depth + 1)) {
                if (!names.empty()) names += ", ";
                names += *n;
            }
        }
        return non_empty(names);
    }
    return std::nullopt;
}

struct JsonLd {
    std::optional<std::string> name, headline, date, author, publisher, url, language, section;
    std::optional<std::string> body;  // articleBody, line breaks kept
    std::optional<std::string> modified;
    // datePublished of any other object of the graph (a WebPage holding the article's date).
    std::optional<std::string> graph_date;
    std::optional<std::string> description, image;
    std::vector<std::string> keywords;
    bool article = false;  // an article object was found (not only dates of the graph)
    bool webpage = false;  // …and it is a WebPage, which a later block's article outranks
};

// Longest address kept for an image or <base href>: a longer one is left out, never cut (a cut
// address is no address).
constexpr std::size_t kMaxUrlBytes = 8192;

// Most JSON-LD values one walk looks at, whatever the page states.
constexpr std::size_t kMaxJsonLdVisits = 10000;

enum class Follow {
    Everything,          // every array and object inside an object
    GraphAndMainEntity,  // only an object's @graph and mainEntity (where articles are stated)
};

// The one walk over JSON-LD: the objects of `root`, depth-first in document order, iteratively
// and at most kMaxJsonLdVisits values; `visit(object)` returns true to stop the walk.
template <typename Visit>
void walk_json_ld(const json& root, Follow follow, Visit&& visit) {
    std::vector<const json*> stack{&root};
    std::size_t visited = 0;
    while (!stack.empty() && visited++ < kMaxJsonLdVisits) {
        const json* v = stack.back();
        stack.pop_back();
        if (v->is_array()) {
            for (auto it = v->rbegin(); it != v->rend(); ++it)
                stack.push_back(&*it);
        } else if (v->is_object()) {
            if (visit(*v)) return;
            if (follow == Follow::Everything) {
                for (auto it = v->rbegin(); it != v->rend(); ++it) {
                    if (it->is_structured()) stack.push_back(&*it);
                }
            } else {
                if (v->contains("@graph")) stack.push_back(&(*v)["@graph"]);
                if (v->contains("mainEntity")) stack.push_back(&(*v)["mainEntity"]);
            }
        }
    }
}

// The first datePublished (or dateCreated) and dateModified of any object in a JSON-LD value.
void graph_dates(const json& root, JsonLd& out) {
    walk_json_ld(root, Follow::Everything, [&](const json& v) {
        if (!out.graph_date && v.contains("datePublished"))
            out.graph_date = string_of(v["datePublished"]);
        if (!out.graph_date && v.contains("dateCreated"))
            out.graph_date = string_of(v["dateCreated"]);
        if (!out.modified && v.contains("dateModified"))
            out.modified = string_of(v["dateModified"]);
        return out.graph_date && out.modified;
    });
}

// Finds the first article object (depth-first, iteratively) in a JSON-LD value.
const json* find_article(const json& root, bool allow_webpage) {
    const json* found = nullptr;
    walk_json_ld(root, Follow::GraphAndMainEntity, [&](const json& v) {
        if (v.contains("@type") && type_matches(v["@type"], allow_webpage)) found = &v;
        return found != nullptr;
    });
    return found;
}

// An image as JSON-LD states it: "URL" | {"url": …} | {"contentUrl": …} | [first of these].
std::optional<std::string> image_of(const json& root) {
    std::optional<std::string> found;
    std::vector<const json*> stack{&root};
    for (std::size_t visited = 0; !stack.empty() && !found && visited < 64; ++visited) {
        const json* v = stack.back();
        stack.pop_back();
        if (v->is_string()) {
            found = string_of(*v);
        } else if (v->is_array()) {
            for (auto it = v->rbegin(); it != v->rend(); ++it)
                stack.push_back(&*it);
        } else if (v->is_object()) {
            for (const char* key : {"contentUrl", "url", "@id"}) {
                if (v->contains(key)) stack.push_back(&(*v)[key]);
            }
        }
    }
    return found;
}

// keywords: ["a", "b"] | "a, b" (each string of an array may be a list too).
std::vector<std::string> keywords_of(const json& v) {
    std::vector<std::string> out;
    auto add = [&](const json& item) {
        if (!item.is_string()) return;
        std::string_view rest = item.get_ref<const std::string&>();
        while (!rest.empty() && out.size() < kMaxTags) {
            const std::size_t comma = rest.find(',');
            const std::string_view keyword = unicode::trim(rest.substr(0, comma));
            // "Tag:Nodejs", "Lite:true": a publishing system's facets, not words for people.
            const std::size_t colon = keyword.find(':');
            if (!keyword.empty() && (colon == std::string_view::npos ||
                                     colon + 1 >= keyword.size() || keyword[colon + 1] == ' '))
                out.emplace_back(keyword);
            rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
        }
    };
    if (v.is_array()) {
        for (const auto& item : v) {
            if (out.size() >= kMaxTags) break;
            add(item);
        }
    } else {
        add(v);
    }
    return out;
}

// Removes every occurrence of `marker`, including those that removing others brings together
// ("<!<!---->" loses both), as erasing the first occurrence until none is left would, in one
// pass: each byte is copied, and a copy that ends in the marker is cut back.
void erase_all(std::string& text, std::string_view marker) {
    if (text.find(marker) == std::string::npos) return;
    std::size_t out = 0;
    for (const char c : text) {
        text[out++] = c;
        if (c == marker.back() && out >= marker.size() &&
            std::string_view(text).substr(out - marker.size(), marker.size()) == marker)
            out -= marker.size();
    }
    text.resize(out);
}

// Most lines of a stated recipe kept, of each kind, and the longest line kept (a longer one is
// left out, never cut).
constexpr std::size_t kMaxRecipeLines = 200;
constexpr std::size_t kMaxRecipeLineBytes = 4096;

// The first JSON-LD object of `raw` stating recipeIngredient (at the top, in its @graph or as
// its mainEntity): its ingredients and its steps
// (recipeInstructions: "text" | ["text", …] | [{"@type": "HowToStep", "text": …}, …] |
// [{"@type": "HowToSection", "itemListElement": [steps]}, …]), in order. False when `raw`
// states no recipe.
bool read_recipe(std::string_view raw, Metadata& meta) {
    if (raw.find("recipeIngredient") == std::string_view::npos) return false;
    std::string text(raw);
    for (std::string_view marker :
         {"<!--"sv, "-->"sv, "//<![CDATA["sv, "//]]>"sv, "<![CDATA["sv, "]]>"sv})
        erase_all(text, marker);
    const auto parsed = parse_json_to_depth<json>(text, kMaxJsonLdDepth, JsonTrailing::Ignored);
    if (!parsed.error.empty()) return false;
    const json* recipe = nullptr;
    // Where a page states its own entity (not a list of other recipes, an ItemList's items).
    walk_json_ld(parsed.value, Follow::GraphAndMainEntity, [&](const json& v) {
        if (v.contains("recipeIngredient")) recipe = &v;
        return recipe != nullptr;
    });
    if (!recipe) return false;
    auto add = [](std::vector<std::string>& lines, const json& v) {
        if (!v.is_string() || lines.size() >= kMaxRecipeLines) return;
        const auto& line = v.get_ref<const std::string&>();
        if (line.size() > kMaxRecipeLineBytes) return;
        std::string folded = unicode::fold_whitespace(decode_references(line));
        if (!folded.empty()) lines.push_back(std::move(folded));
    };
    const json& ingredients = (*recipe)["recipeIngredient"];
    if (ingredients.is_array()) {
        for (const json& item : ingredients)
            add(meta.recipe_ingredients, item);
    }
    // The steps: iteratively, sections opened in place (the value is at most kMaxJsonLdDepth
    // deep, and no more than kMaxRecipeLines lines are kept).
    if (recipe->contains("recipeInstructions")) {
        std::vector<const json*> stack{&(*recipe)["recipeInstructions"]};
        for (std::size_t visited = 0; !stack.empty() && visited < 16 * kMaxRecipeLines; ++visited) {
            const json* v = stack.back();
            stack.pop_back();
            if (v->is_string()) {
                add(meta.recipe_steps, *v);
            } else if (v->is_array()) {
                for (auto it = v->rbegin(); it != v->rend(); ++it)
                    stack.push_back(&*it);
            } else if (v->is_object()) {
                if (v->contains("itemListElement")) {
                    stack.push_back(&(*v)["itemListElement"]);
                } else if (v->contains("text")) {
                    add(meta.recipe_steps, (*v)["text"]);
                }
            }
        }
    }
    return true;
}

std::optional<JsonLd> parse_json_ld(std::string_view raw, bool& cut) {
    std::string text(raw);
    // Some pages wrap the JSON in comments or CDATA markers.
    for (std::string_view marker :
         {"<!--"sv, "-->"sv, "//<![CDATA["sv, "//]]>"sv, "<![CDATA["sv, "]]>"sv})
        erase_all(text, marker);
    // Cut to kMaxJsonLdDepth, so that nothing later (walks, comparisons, copies) can recurse
    // without bound.
    auto parsed = parse_json_to_depth<json>(text, kMaxJsonLdDepth, JsonTrailing::Ignored);
    if (!parsed.error.empty()) return std::nullopt;
    cut = parsed.cut;
    const json root = std::move(parsed.value);
    const json* article = find_article(root, false);
    JsonLd out;
    if (!article) {
        article = find_article(root, true);
        out.webpage = article != nullptr;
    }
    graph_dates(root, out);
    if (!article) {
        if (!out.graph_date && !out.modified) return std::nullopt;
        return out;
    }
    const json& a = *article;
    out.article = true;
    if (a.contains("name")) out.name = string_of(a["name"]);
    if (a.contains("headline")) out.headline = string_of(a["headline"]);
    if (a.contains("datePublished")) out.date = string_of(a["datePublished"]);
    if (!out.date && a.contains("dateCreated")) out.date = string_of(a["dateCreated"]);
    if (a.contains("dateModified")) out.modified = string_of(a["dateModified"]);
    if (a.contains("author")) out.author = author_of(a["author"]);
    if (!out.author && a.contains("creator")) out.author = author_of(a["creator"]);
    if (a.contains("publisher")) out.publisher = author_of(a["publisher"]);
    if (a.contains("url")) out.url = string_of(a["url"]);
    if (!out.url && a.contains("mainEntityOfPage")) {
        const json& m = a["mainEntityOfPage"];
        out.url = m.is_object() && m.contains("@id") ? string_of(m["@id"]) : string_of(m);
    }
    if (a.contains("articleBody") && a["articleBody"].is_string()) {
        std::string body = a["articleBody"].get<std::string>();
        if (!unicode::trim(body).empty()) out.body = std::move(body);
    }
    if (a.contains("inLanguage")) out.language = string_of(a["inLanguage"]);
    if (a.contains("description")) out.description = string_of(a["description"]);
    if (a.contains("image")) out.image = image_of(a["image"]);
    if (!out.image && a.contains("thumbnailUrl")) out.image = image_of(a["thumbnailUrl"]);
    if (a.contains("keywords")) out.keywords = keywords_of(a["keywords"]);
    if (a.contains("articleSection")) {
        const json& s = a["articleSection"];
        out.section = s.is_array() && !s.empty() ? string_of(s[0]) : string_of(s);
    }
    return out;
}

// Lower-cased words made of letters and digits.
std::vector<std::string> words(std::string_view text) {
    std::vector<std::string> out;
    std::string lower = unicode::to_lower(text);
    std::string current;
    for (std::size_t i = 0; i < lower.size();) {
        const std::size_t start = i;
        const char32_t c = unicode::next_code_point(lower, i);
        const bool word_char = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
                               (c > 0x7F && c != 0xA0 && c != 0x2014 && c != 0x2013 && c != 0xAB &&
                                c != 0xBB && c != 0x201C && c != 0x201D && c != 0x2019);
        if (word_char) {
            current.append(lower, start, i - start);
        } else if (!current.empty()) {
            out.push_back(std::move(current));
            current.clear();
        }
    }
    if (!current.empty()) out.push_back(std::move(current));
    return out;
}

std::size_t joined_length(const std::vector<std::string>& ws) {
    std::size_t n = 0;
    for (const auto& w : ws)
        n += w.size() + 1;
    return n == 0 ? 0 : n - 1;
}

// `s` cut to at most `max` bytes, at a character boundary (valid UTF-8 in, valid UTF-8 out).
std::string cut_utf8(std::string s, std::size_t max) {
    if (s.size() <= max) return s;
    std::size_t end = max;
    while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80)
        --end;
    s.resize(end);
    return std::string(unicode::trim(s));
}

// A stated text as the Article gives it: references decoded, white space folded, bounded.
std::optional<std::string> clean_stated(const std::optional<std::string>& v, std::size_t max) {
    if (!v) return std::nullopt;
    // Folded first, so that a huge value is bounded before anything else copies it.
    std::string text = unicode::fold_whitespace(decode_references(cut_utf8(*v, 4 * max)));
    text = cut_utf8(std::move(text), max);
    if (text.empty()) return std::nullopt;
    return text;
}

// Tags from every source in page order: cleaned, de-duplicated (by case-folded text), bounded.
class TagList {
  public:
    void add(std::string_view raw) {
        if (tags_.size() >= kMaxTags) return;
        auto tag = clean_stated(std::string(raw.substr(0, 4 * kMaxTagBytes)), kMaxTagBytes);
        if (!tag) return;
        if (seen_.insert(unicode::fold_case(*tag)).second) tags_.push_back(std::move(*tag));
    }
    std::vector<std::string> take() { return std::move(tags_); }

  private:
    std::vector<std::string> tags_;
    std::unordered_set<std::string> seen_;
};

}  // namespace

double text_similarity(std::string_view a, std::string_view b) {
    const auto wa = words(a);
    const auto wb = words(b);
    if (wa.empty() || wb.empty()) return 0;
    const std::unordered_set<std::string> in_a(wa.begin(), wa.end());
    std::vector<std::string> unique_b;
    for (const auto& w : wb) {
        if (!in_a.contains(w)) unique_b.push_back(w);
    }
    return 1.0 -
           static_cast<double>(joined_length(unique_b)) / static_cast<double>(joined_length(wb));
}

SimilarityText::SimilarityText(std::string_view text) {
    for (auto& w : words(text)) {
        ++count_;
        joined_plus_ += w.size() + 1;
        const std::size_t bytes = w.size();
        Word& entry = words_[std::move(w)];
        ++entry.count;
        entry.bytes = bytes;
    }
}

double SimilarityText::covering(std::string_view b) const {
    const auto wb = words(b);
    if (count_ == 0 || wb.empty()) return 0;
    std::size_t unique_plus = 0, unique = 0;
    for (const auto& w : wb) {
        if (!words_.contains(w)) {
            unique_plus += w.size() + 1;
            ++unique;
        }
    }
    const std::size_t unique_len = unique == 0 ? 0 : unique_plus - 1;
    return 1.0 - static_cast<double>(unique_len) / static_cast<double>(joined_length(wb));
}

double SimilarityText::covered_by(std::string_view a) const {
    const auto wa = words(a);
    if (count_ == 0 || wa.empty()) return 0;
    const std::unordered_set<std::string> in_a(wa.begin(), wa.end());
    // This text's words that `a` lacks, counted from the ones it has: time in |a| only.
    std::size_t shared_plus = 0, shared = 0;
    for (const auto& w : in_a) {
        if (const auto it = words_.find(w); it != words_.end()) {
            shared_plus += it->second.count * (it->second.bytes + 1);
            shared += it->second.count;
        }
    }
    const std::size_t unique_len = shared == count_ ? 0 : joined_plus_ - shared_plus - 1;
    return 1.0 - static_cast<double>(unique_len) / static_cast<double>(joined_plus_ - 1);
}

// `heading` when `title` is `heading`, a separator (" - ", " | ", " – ", " — ", " · ", " :: ",
// " » ") and a shorter rest, or that rest, a separator and `heading`; else nothing.
std::optional<std::string> without_site_name(std::string_view title, std::string_view heading) {
    static constexpr std::string_view kSeparators[] = {
        " - ", " | ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " \xC2\xB7 ", " :: ", " \xC2\xBB "};
    if (heading.empty() || heading.size() >= title.size()) return std::nullopt;
    for (const std::string_view sep : kSeparators) {
        if (title.starts_with(heading) && title.substr(heading.size()).starts_with(sep) &&
            title.size() - heading.size() - sep.size() < heading.size())
            return std::string(heading);
        if (title.ends_with(heading) &&
            title.substr(0, title.size() - heading.size()).ends_with(sep) &&
            title.size() - heading.size() - sep.size() < heading.size())
            return std::string(heading);
    }
    return std::nullopt;
}

std::string article_title(std::string_view title_in,
                          const std::function<bool(std::string_view)>& printed_as_heading,
                          int h1_count, std::string_view only_h1) {
    // Readability's reading of <title>: drop a site name after the last separator (or before the
    // first, when that leaves too little), or what precedes a colon; fall back to the whole.
    const std::string orig = unicode::fold_whitespace(title_in);
    std::string cur = orig;
    auto wc = [](std::string_view s) {
        // JavaScript's str.split(/\s+/).length: empty edges count as words.
        if (s.empty()) return 1;
        int n = 1;
        bool in_space = false;
        for (char c : s) {
            const bool space = c == ' ';
            if (space && !in_space) ++n;
            in_space = space;
        }
        return n;
    };
    auto is_sep = [](std::string_view s, std::size_t i, std::size_t& len) {
        // " | ", " - ", " – ", " — ", " \\ ", " / ", " > ", " » "
        if (i + 2 >= s.size() || s[i] != ' ') return false;
        if (s.compare(i + 1, 2, "\xC2\xBB") == 0 && i + 3 < s.size() && s[i + 3] == ' ') {
            len = 4;
            return true;
        }
        if ((s.compare(i + 1, 3, "\xE2\x80\x93") == 0 ||
             s.compare(i + 1, 3, "\xE2\x80\x94") == 0) &&
            i + 4 < s.size() && s[i + 4] == ' ') {
            len = 5;
            return true;
        }
        const char c = s[i + 1];
        if ((c == '|' || c == '-' || c == '\\' || c == '/' || c == '>') && s[i + 2] == ' ') {
            len = 3;
            return true;
        }
        return false;
    };
    auto sep_char = [](std::string_view s, std::size_t i, std::size_t& len) {
        if (s.compare(i, 2, "\xC2\xBB") == 0) {
            len = 2;
            return true;
        }
        if (s.compare(i, 3, "\xE2\x80\x93") == 0 || s.compare(i, 3, "\xE2\x80\x94") == 0) {
            len = 3;
            return true;
        }
        const char c = s[i];
        len = 1;
        return c == '|' || c == '-' || c == '\\' || c == '/' || c == '>';
    };
    bool hierarchical = false;
    std::size_t last_sep = std::string::npos;
    for (std::size_t i = 0, len = 0; i < orig.size(); ++i) {
        if (is_sep(orig, i, len)) {
            last_sep = i;
            const char c = orig[i + 1];
            if (c != '|' && c != '-' && len != 5) hierarchical = true;  // dashes are not
        }
    }
    if (last_sep != std::string::npos) {
        cur = orig.substr(0, last_sep);
        if (wc(cur) < 3) {
            // Remove the first part instead: everything up to and including the first separator
            // char.
            std::size_t i = 0, len = 0;
            while (i < orig.size() && !sep_char(orig, i, len))
                ++i;
            cur = i < orig.size() ? orig.substr(i + len) : orig;
        }
    } else if (orig.find(": ") != std::string::npos) {
        const bool match = printed_as_heading(orig);
        if (!match) {
            cur = orig.substr(orig.rfind(':') + 1);
            if (wc(unicode::trim(cur)) < 3) {
                cur = orig.substr(orig.find(':') + 1);
            } else if (wc(orig.substr(0, orig.find(':'))) > 5) {
                cur = orig;
            }
        }
    } else if (unicode::count_characters(orig) > 150 || unicode::count_characters(orig) < 15) {
        if (h1_count == 1) cur = std::string(only_h1);
    }
    cur = unicode::fold_whitespace(cur);
    const int cur_words = wc(cur);
    if (cur_words <= 4) {
        std::string stripped;
        for (std::size_t i = 0, len = 0; i < orig.size();) {
            if (sep_char(orig, i, len)) {
                i += len;
                continue;
            }
            stripped += orig[i++];
        }
        // split(/\s+/) of the stripped title: runs of spaces are one separator.
        const std::string folded = unicode::fold_whitespace(stripped);
        int orig_words = wc(folded);
        if (!stripped.empty() && stripped.front() == ' ') ++orig_words;
        if (!stripped.empty() && stripped.back() == ' ') ++orig_words;
        if (!hierarchical || cur_words != orig_words - 1) cur = orig;
    }
    return cur;
}

namespace {

// Readability's <meta> keys: property="og:title twitter:title" (the first token that is one of
// these), or name="dc.title" / "parsely-pub-date" / "author".
constexpr std::array kPropertyPrefixes{"article"sv, "dc"sv, "dcterm"sv, "og"sv, "twitter"sv};
constexpr std::array kPropertyNames{"author"sv,         "creator"sv, "description"sv,
                                    "published_time"sv, "title"sv,   "site_name"sv};
constexpr std::array kNamePrefixes{"dc"sv,      "dcterm"sv,        "og"sv,           "twitter"sv,
                                   "parsely"sv, "weibo:article"sv, "weibo:webpage"sv};
constexpr std::array kNameNames{"author"sv,      "creator"sv, "pub-date"sv,
                                "description"sv, "title"sv,   "site_name"sv};

std::optional<std::string> property_key(std::string_view property) {
    const std::string lower = lower_ascii(property);
    std::size_t i = 0;
    while (i < lower.size()) {
        while (i < lower.size() && (lower[i] == ' ' || lower[i] == '\t' || lower[i] == '\n'))
            ++i;
        const std::size_t start = i;
        while (i < lower.size() && lower[i] != ' ' && lower[i] != '\t' && lower[i] != '\n')
            ++i;
        const std::string_view token = std::string_view(lower).substr(start, i - start);
        for (auto prefix : kPropertyPrefixes) {
            for (auto name : kPropertyNames) {
                std::string key = std::string(prefix) + ":" + std::string(name);
                if (token.size() >= key.size() && token.substr(token.size() - key.size()) == key)
                    return key;
            }
        }
    }
    return std::nullopt;
}

std::optional<std::string> name_key(std::string_view name) {
    std::string key = lower_ascii(name);
    key.erase(std::remove_if(key.begin(), key.end(), [](char c) { return c == ' ' || c == '\t'; }),
              key.end());
    for (auto n : kNameNames) {
        if (key == n) return key;
        for (auto prefix : kNamePrefixes) {
            for (char sep : {'-', '.', ':'}) {
                if (key == std::string(prefix) + sep + std::string(n)) {
                    std::replace(key.begin(), key.end(), '.', ':');
                    return key;
                }
            }
        }
    }
    return std::nullopt;
}

}  // namespace

namespace {

// Per node, a lower bound on the bytes of its folded text: the bytes of the characters white
// space folding never removes (printable ASCII, two-byte letters, CJK ideographs) in its
// subtree. Bottom up, in one pass: children have larger ids than their parent.
std::vector<std::size_t> kept_bytes_below(const Document& doc) {
    const auto& nodes = doc.nodes();
    std::vector<std::size_t> kept(nodes.size(), 0);
    for (auto id = static_cast<NodeId>(nodes.size()); id-- > 0;) {
        const Node& n = nodes[id];
        if (n.kind == Node::Kind::Text) {
            for (const char ch : n.text) {
                const auto c = static_cast<unsigned char>(ch);
                if (c >= 0x21 && c <= 0x7E) {
                    kept[id] += 1;
                } else if (c >= 0xC4 && c <= 0xDF) {  // U+0100–U+07FF
                    kept[id] += 2;
                } else if (c >= 0xE4 && c <= 0xE9) {  // U+4000–U+9FFF
                    kept[id] += 3;
                }
            }
        }
        if (n.parent != kNoNode) kept[n.parent] += kept[id];
    }
    return kept;
}

}  // namespace

NodeId find_title_heading(const Document& doc, std::string_view title) {
    if (title.empty()) return kNoNode;
    const SimilarityText words(title);
    for (NodeId id = 0; id < doc.nodes().size(); ++id) {
        const Node& node = doc.node(id);
        if (node.kind != Node::Kind::Element ||
            (node.tag != GUMBO_TAG_H1 && node.tag != GUMBO_TAG_H2))
            continue;
        const std::string heading = unicode::fold_whitespace(doc.text(id));
        if (heading.empty()) continue;
        if ((words.covering(heading) > 0.75 && words.covered_by(heading) > 0.75) ||
            without_site_name(title, heading))
            return id;
    }
    return kNoNode;
}

namespace {

// Whether an element sits in a reader's comment: an ancestor's class or id names a comment
// ("comment-list", "comment-meta"), and that ancestor does not hold the page's headline (a page
// wrapper named "comments-open" holds everything). A <time> there dates the comment.
bool in_comment(const Document& doc, NodeId id, NodeId headline) {
    constexpr std::size_t kMaxCommentAncestors = 24;
    std::vector<NodeId> around_headline;
    for (NodeId p = headline; p != kNoNode && around_headline.size() < 256; p = doc.node(p).parent)
        around_headline.push_back(p);
    std::size_t n = 0;
    for (NodeId p = doc.node(id).parent; p != kNoNode && n < kMaxCommentAncestors;
         p = doc.node(p).parent, ++n) {
        if (doc.node(p).kind != Node::Kind::Element) continue;
        const std::string names =
            lower_ascii(std::string(doc.attr(p, "class")) + " " + std::string(doc.attr(p, "id")));
        if (names.find("comment") != std::string::npos &&
            std::find(around_headline.begin(), around_headline.end(), p) == around_headline.end())
            return true;
    }
    return false;
}

// The value of the first publication key ("publishedDate": "2016-11-04T20:37:27Z") in an
// inline JSON script, found as text: a page's data state may be megabytes, and only one string
// is wanted. Keys named "created" or "updated" are never read.
std::optional<std::string> publication_key_in_json(const Document& doc, NodeId script) {
    constexpr std::size_t kMaxValueBytes = 64;
    std::string raw;
    for (NodeId c = doc.node(script).first_child; c != kNoNode; c = doc.node(c).next_sibling)
        raw.append(doc.node(c).text);
    std::size_t best = std::string::npos;
    std::optional<std::string> value;
    for (const auto key : {R"("datePublished")"sv, R"("publishedDate")"sv, R"("published_at")"sv,
                           R"("publishDate")"sv, R"("first_publish_date")"sv}) {
        const std::size_t at = raw.find(key);
        if (at == std::string::npos || at > best) continue;
        std::size_t i = at + key.size();
        while (i < raw.size() && (raw[i] == ' ' || raw[i] == '\n' || raw[i] == '\t'))
            ++i;
        if (i >= raw.size() || raw[i] != ':') continue;
        ++i;
        while (i < raw.size() && (raw[i] == ' ' || raw[i] == '\n' || raw[i] == '\t'))
            ++i;
        if (i >= raw.size() || raw[i] != '"') continue;
        const std::size_t end = raw.find('"', i + 1);
        if (end == std::string::npos || end - i - 1 > kMaxValueBytes) continue;
        best = at;
        value = non_empty(raw.substr(i + 1, end - i - 1));
    }
    return value;
}

}  // namespace

Metadata extract_metadata(const Document& doc, std::vector<std::string>& warnings,
                          NodeId& title_heading) {
    Metadata meta;
    std::map<std::string, std::string> values;  // Readability's keys: the last value wins
    std::map<std::string, std::string> other;   // every other meta key: the first value wins
    std::optional<JsonLd> ld;
    std::optional<std::string> microdata_headline, microdata_author, microdata_date,
        microdata_modified, time_date, canonical, title;
    std::optional<std::string> author_link;  // the text of the first <a rel=author>
    std::vector<NodeId> headings;  // the first 64 h1/h2, read only if the title needs them
    int h1_count = 0;
    std::string only_h1;
    NodeId first_h1 = kNoNode;
    // The first <time datetime> elements that name no update: the first outside a comment is
    // the page's.
    constexpr std::size_t kMaxTimeCandidates = 16;
    std::vector<NodeId> time_candidates;
    std::optional<std::string> script_date;  // from the first inline JSON that holds one
    bool json_ld_cut = false;
    bool recipe_read = false;  // a JSON-LD block stated a recipe (the first one is read)
    std::optional<std::string> base;
    // article:tag metas and rel=tag link texts, as many as could be kept.
    std::vector<std::string> meta_tags, link_tags;

    if (doc.html() != kNoNode) {
        if (auto lang = non_empty(std::string(doc.attr(doc.html(), "lang")))) meta.language = lang;
    }
    const NodeId root = doc.root();
    for (NodeId id = root; id != kNoNode; id = doc.next(id, root)) {
        const Node& n = doc.node(id);
        if (n.kind != Node::Kind::Element) continue;
        switch (n.tag) {
            case GUMBO_TAG_TITLE:
                if (!title) title = non_empty(doc.text(id));
                continue;
            case GUMBO_TAG_META: {
                const std::string_view content = doc.attr(id, "content");
                const auto value = non_empty(std::string(content));
                if (!value) continue;
                const std::string_view property = doc.attr(id, "property");
                const std::string_view name = doc.attr(id, "name");
                if (lower_ascii(property.empty() ? name : property) == "article:tag") {
                    if (meta_tags.size() < kMaxTags)
                        meta_tags.push_back(cut_utf8(*value, 4 * kMaxTagBytes));
                    continue;
                }
                std::optional<std::string> key;
                if (!property.empty()) key = property_key(property);
                if (!key && !name.empty()) key = name_key(name);
                if (key) {
                    values[*key] = *value;
                    continue;
                }
                std::string any(property.empty() ? name : property);
                if (any.empty()) any = std::string(doc.attr(id, "itemprop"));
                any = lower_ascii(any);
                std::replace(any.begin(), any.end(), '.', ':');
                if (!any.empty()) other.emplace(any, *value);
                continue;
            }
            case GUMBO_TAG_BASE:
                if (!base) base = non_empty(std::string(doc.attr(id, "href")));
                continue;
            case GUMBO_TAG_A:
                if (link_tags.size() < kMaxTags && doc.has_attr(id, "rel")) {
                    // rel="tag", not WordPress's rel="category tag" (that is the section).
                    bool tag = false, category = false;
                    const std::string rel = lower_ascii(doc.attr(id, "rel"));
                    for (std::size_t i = 0; i < rel.size();) {
                        const std::size_t end = std::min(rel.find(' ', i), rel.size());
                        const std::string_view token = std::string_view(rel).substr(i, end - i);
                        tag = tag || token == "tag";
                        category = category || token == "category";
                        i = end + 1;
                    }
                    if (tag && !category)
                        link_tags.push_back(cut_utf8(doc.text(id), 4 * kMaxTagBytes));
                }
                if (!author_link && lower_ascii(doc.attr(id, "rel")) == "author") {
                    std::string text = cut_utf8(doc.text(id), 1024);
                    if (!unicode::trim(text).empty()) author_link = std::move(text);
                }
                break;
            case GUMBO_TAG_LINK:
                if (!canonical && lower_ascii(doc.attr(id, "rel")) == "canonical") {
                    canonical = non_empty(std::string(doc.attr(id, "href")));
                }
                continue;
            case GUMBO_TAG_SCRIPT: {
                // Blocks are read until one states an article: a block before it that states
                // only dates (a Review, a WebPage) lends them, and does not stop the reading; a
                // WebPage standing for the article gives way to an article stated after it.
                // The first block stating a recipe is read for it, wherever it is.
                const std::string type = lower_ascii(doc.attr(id, "type"));
                if (type == "application/json") {
                    if (!script_date) script_date = publication_key_in_json(doc, id);
                    continue;
                }
                if (type != "application/ld+json") continue;
                const bool article_read = ld && ld->article && !ld->webpage;
                if (article_read && recipe_read) continue;
                std::string raw;
                for (NodeId c = n.first_child; c != kNoNode; c = doc.node(c).next_sibling)
                    raw.append(doc.node(c).text);
                if (!recipe_read) recipe_read = read_recipe(raw, meta);
                if (!article_read) {
                    bool cut = false;
                    auto parsed = parse_json_ld(raw, cut);
                    if (parsed && ld && ld->article && (!parsed->article || parsed->webpage))
                        parsed.reset();
                    if (parsed) {
                        if (ld) {
                            if (!parsed->graph_date) parsed->graph_date = ld->graph_date;
                            if (!parsed->modified) parsed->modified = ld->modified;
                            if (!parsed->date) parsed->date = ld->date;
                        }
                        ld = std::move(parsed);
                    }
                    if (cut && !json_ld_cut) {
                        json_ld_cut = true;
                        warnings.push_back("JSON-LD nested deeper than " +
                                           std::to_string(kMaxJsonLdDepth) + " levels was cut");
                    }
                }
                continue;
            }
            case GUMBO_TAG_TIME: {
                // A <time> that names an update is no publication date.
                const std::string names = lower_ascii(std::string(doc.attr(id, "class")) + " " +
                                                      std::string(doc.attr(id, "itemprop")));
                const bool modified = names.find("modif") != std::string::npos ||
                                      names.find("updat") != std::string::npos;
                if (!modified && time_candidates.size() < kMaxTimeCandidates &&
                    !doc.attr(id, "datetime").empty())
                    time_candidates.push_back(id);
                break;
            }
            case GUMBO_TAG_H1:
                if (++h1_count == 1) {
                    only_h1 = doc.text(id);
                    first_h1 = id;
                }
                [[fallthrough]];
            case GUMBO_TAG_H2:
                if (headings.size() < 64) headings.push_back(id);
                break;
            default:
                break;
        }
        const std::string_view itemprop = doc.attr(id, "itemprop");
        if (!itemprop.empty()) {
            if (itemprop == "headline" && !microdata_headline)
                microdata_headline = non_empty(doc.text(id));
            if (itemprop == "datePublished" && !microdata_date) {
                std::string v(doc.attr(id, "content"));
                if (v.empty()) v = std::string(doc.attr(id, "datetime"));
                if (v.empty()) v = doc.text(id);
                microdata_date = non_empty(v);
            }
            if (itemprop == "dateModified" && !microdata_modified) {
                std::string v(doc.attr(id, "content"));
                if (v.empty()) v = std::string(doc.attr(id, "datetime"));
                microdata_modified = non_empty(v);
            }
            if (itemprop.find("author") != std::string_view::npos && !microdata_author) {
                // The author's name, not the whole author card.
                std::optional<std::string> name;
                for (NodeId c = id; c != kNoNode; c = doc.next(c, id)) {
                    if (doc.node(c).kind == Node::Kind::Element &&
                        doc.attr(c, "itemprop") == "name") {
                        std::string v(doc.attr(c, "content"));
                        name = non_empty(v.empty() ? doc.text(c) : v);
                        break;
                    }
                }
                if (!name) {
                    std::string v(doc.attr(id, "content"));
                    name = non_empty(v.empty() ? doc.text(id) : v);
                }
                if (name && name->size() < 100) microdata_author = name;
            }
        }
    }

    for (const NodeId t : time_candidates) {
        if (in_comment(doc, t, first_h1)) continue;
        time_date = non_empty(std::string(doc.attr(t, "datetime")));
        break;
    }

    // A meta value as text: the parser decoded its references once, and some pages encode them
    // twice (content="It&amp;#039;s").
    auto value = [&](std::string_view key) -> std::optional<std::string> {
        if (auto it = values.find(std::string(key)); it != values.end())
            return decode_references(it->second);
        return std::nullopt;
    };
    auto first_of =
        [&](std::initializer_list<std::string_view> keys) -> std::optional<std::string> {
        for (auto k : keys) {
            if (auto v = value(k)) return v;
        }
        return std::nullopt;
    };
    auto other_of =
        [&](std::initializer_list<std::string_view> keys) -> std::optional<std::string> {
        for (auto k : keys) {
            if (auto it = other.find(std::string(k)); it != other.end())
                return decode_references(it->second);
        }
        return std::nullopt;
    };

    meta.document_title = title;
    meta.site_name = ld && ld->publisher ? ld->publisher : value("og:site_name");

    // Title: JSON-LD (name or headline, whichever is nearer the <title>) → dc → og → name="title"
    // → twitter → parsely → microdata → the headline read from <title>.
    // Whether a heading prints `text` whole. Headings nest, so their texts are read one at a
    // time, and only where the characters that white space folding always keeps are not already
    // more than `text` has: a page of huge nested headings is neither held nor copied 64 times.
    auto printed_as_heading = [&](std::string_view text) {
        const std::vector<std::size_t> kept = kept_bytes_below(doc);
        return std::any_of(headings.begin(), headings.end(),
                           [&](NodeId h) { return kept[h] <= text.size() && doc.text(h) == text; });
    };
    const std::string from_title =
        title ? article_title(*title, printed_as_heading, h1_count, only_h1) : std::string();
    if (ld && (ld->name || ld->headline)) {
        if (ld->name && ld->headline && *ld->name != *ld->headline) {
            const bool headline_matches = text_similarity(*ld->headline, from_title) > 0.75;
            const bool name_matches = text_similarity(*ld->name, from_title) > 0.75;
            meta.title = headline_matches && !name_matches ? ld->headline : ld->name;
        } else {
            meta.title = ld->name ? ld->name : ld->headline;
        }
    }
    if (!meta.title) {
        meta.title = first_of({"dc:title", "dcterm:title", "og:title", "weibo:article:title",
                               "weibo:webpage:title", "title", "twitter:title", "parsely-title"});
    }
    if (!meta.title) meta.title = microdata_headline;
    if (!meta.title && !from_title.empty()) meta.title = from_title;
    if (!meta.title && h1_count >= 1) meta.title = non_empty(only_h1);

    // Byline: the first source that names someone (text/byline.hpp cleans each); a user name
    // ("devindra", "CC7567") only when none names a person, and then after the visible byline.
    {
        std::vector<std::optional<std::string>> candidates{ld ? ld->author : std::nullopt};
        for (const auto key : {"dc:creator"sv, "dcterm:creator"sv, "author"sv, "parsely-author"sv})
            candidates.push_back(value(key));
        if (auto a = value("article:author"); a && !is_url(*a)) candidates.push_back(a);
        candidates.push_back(microdata_author);
        candidates.push_back(author_link);
        for (const auto& c : candidates) {
            if (!c) continue;
            auto name = byline::clean(*c);
            if (!name) continue;
            if (!byline::is_handle(*name)) {
                meta.byline = std::move(name);
                break;
            }
            if (!meta.byline_handle) meta.byline_handle = std::move(name);
        }
    }

    meta.url = canonical
                   ? canonical
                   : (other_of({"og:url"}) ? other_of({"og:url"}) : (ld ? ld->url : std::nullopt));
    if (!meta.language && ld && ld->language) meta.language = ld->language;
    if (!meta.language) {
        if (auto locale = other_of({"og:locale"})) meta.language = locale;
    }

    // Date: every stated timestamp, best source first; html_dates chooses, with the dates
    // printed for people and the one in the address.
    StatedDates stated;
    auto add = [&](std::optional<std::string> v, DateSource source) {
        if (v) stated.published.emplace_back(std::move(*v), source);
    };
    if (ld) {
        add(ld->date, DateSource::JsonLd);
        add(ld->graph_date, DateSource::JsonLd);
    }
    add(first_of({"article:published_time", "parsely-pub-date"}), DateSource::Meta);
    for (const auto key :
         {"article:published_time"sv, "og:published_time"sv,     "og:article:published_time"sv,
          "datepublished"sv,          "publication_date"sv,      "publish_date"sv,
          "publish-date"sv,           "publishdate"sv,           "pubdate"sv,
          "date_published"sv,         "dc:date:issued"sv,        "dc:date:created"sv,
          "dcterms:created"sv,        "dcterms:issued"sv,        "dc:created"sv,
          "sailthru:date"sv,          "article:published"sv,     "citation_publication_date"sv,
          "citation_date"sv,          "prism:publicationdate"sv, "originalpublicationdate"sv,
          "date_created"sv,           "creation_date"sv,         "displaydate"sv})
        add(other_of({key}), DateSource::Meta);
    add(microdata_date, DateSource::Meta);
    for (const auto key : {"date"sv, "dc:date"sv, "dcterms:date"sv}) {
        if (auto v = other_of({key})) stated.generic.push_back(std::move(*v));
    }
    add(time_date, DateSource::Time);
    if (ld && ld->modified) stated.modified.push_back(*ld->modified);
    for (const auto key : {"article:modified_time"sv, "og:updated_time"sv, "datemodified"sv,
                           "dcterms:modified"sv, "dc:date:modified"sv, "article:modified"sv,
                           "modified_time"sv, "last-modified"sv, "lastmod"sv})
        if (auto v = other_of({key})) stated.modified.push_back(*v);
    if (microdata_modified) stated.modified.push_back(*microdata_modified);
    stated.in_script = script_date;
    title_heading = meta.title ? find_title_heading(doc, *meta.title) : kNoNode;
    const ChosenDates chosen = choose_dates(
        doc, stated, meta.url, meta.language ? *meta.language : std::string(), title_heading);
    meta.date_text = chosen.published_text;
    meta.date_source = chosen.source;
    meta.printed_day = chosen.printed_day;
    meta.date_modified = chosen.modified_text;
    meta.fallback_date_text = chosen.fallback_text;
    meta.fallback_date_source = chosen.fallback_source;
    meta.fallback_day = chosen.fallback_day;

    meta.category = ld && ld->section ? ld->section : other_of({"article:section"});

    // Description: JSON-LD → Dublin Core → OpenGraph → <meta name=description> → Twitter
    // (Readability's order).
    meta.description = clean_stated(
        ld && ld->description ? ld->description
                              : first_of({"dc:description", "dcterm:description", "og:description",
                                          "weibo:article:description", "weibo:webpage:description",
                                          "description", "twitter:description"}),
        kMaxDescriptionBytes);
    // The lead image as written (made absolute against the page's address later).
    meta.image = ld && ld->image ? ld->image
                                 : other_of({"og:image", "og:image:url", "og:image:secure_url",
                                             "twitter:image", "twitter:image:src"});
    if (meta.image && meta.image->size() > kMaxUrlBytes) meta.image.reset();
    if (base && base->size() <= kMaxUrlBytes) meta.base = base;
    TagList tags;
    for (const auto& t : meta_tags)
        tags.add(t);
    if (ld) {
        for (const auto& t : ld->keywords)
            tags.add(t);
    }
    for (const auto& t : link_tags)
        tags.add(t);
    meta.tags = tags.take();
    if (ld && ld->body) meta.article_body = std::move(ld->body);
    return meta;
}

}  // namespace pressparse::html
