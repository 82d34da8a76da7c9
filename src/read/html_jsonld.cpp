// JSON-LD as the metadata reads it (see html_jsonld.hpp).
#include "html_jsonld.hpp"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>

#include "html_dom.hpp"
#include "pressparse/json_depth.hpp"
#include "pressparse/unicode.hpp"

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

}  // namespace

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

}  // namespace pressparse::html
