// A structure-aware generator for the JSON targets: the fuzzer's bytes are read as a program
// that writes a JSON document — open an array or object, a key, a string, a number, a run of
// thousands of nested arrays, an @graph of many nodes, close — so that mutations of the bytes
// explore nesting and size instead of JSON syntax. Keys and strings come mostly from what
// JSON-LD and the golden files use. The text is built directly (never a nlohmann value: copying
// a deep value recurses) and is always valid JSON, valid UTF-8, with `<` and `/` escaped so it
// can sit inside a <script> element.
#pragma once

#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace pressparse::fuzz {

struct GeneratedJson {
    std::string text;
    std::size_t max_depth = 0;  // deepest array or object, the outermost at 0
    bool has_container = false;
};

class JsonStructure {
  public:
    explicit JsonStructure(FuzzedDataProvider& in) : in_(in) {}

    // One document of at most `max_bytes` of text (a bound on work, not an exact size).
    GeneratedJson document(std::size_t max_bytes) {
        out_ = {};
        frames_.clear();
        max_bytes_ = max_bytes;
        while (in_.remaining_bytes() > 0 && out_.text.size() < max_bytes_) {
            step();
            if (frames_.empty() && !out_.text.empty()) break;  // one top-level value
        }
        if (out_.text.empty()) open('{');
        while (!frames_.empty())
            close();
        return std::move(out_);
    }

  private:
    struct Frame {
        char kind;  // '[' or '{'
        bool first = true;
        std::set<std::string> keys;  // objects: the keys written, as JSON text
    };

    static constexpr std::array<std::string_view, 18> kKeys{
        "@type",       "@graph",     "author",           "creator",
        "publisher",   "name",       "headline",         "datePublished",
        "dateCreated", "mainEntity", "mainEntityOfPage", "@id",
        "url",         "inLanguage", "articleSection",   "body",
        "text",        "input"};
    static constexpr std::array<std::string_view, 16> kStrings{"NewsArticle",
                                                               "Article",
                                                               "WebPage",
                                                               "BlogPosting",
                                                               "Person",
                                                               "Organization",
                                                               "Анна Берзиня",
                                                               "2026-03-29T12:00:00+03:00",
                                                               "2015-07-24",
                                                               "https://example.test/a",
                                                               "ru",
                                                               "Регионы",
                                                               "",
                                                               " ",
                                                               "paragraph",
                                                               "\xE2\x80\x94"};

    void step() {
        switch (in_.ConsumeIntegralInRange<int>(0, 9)) {
            case 0:
                open('[');
                break;
            case 1:
            case 2:
                open('{');
                break;
            case 3:
                if (!frames_.empty()) close();
                break;
            case 4:
                value_prefix();
                number();
                break;
            case 5: {  // a run of nested arrays, up to 100,000 deep
                const auto n = in_.ConsumeIntegralInRange<std::size_t>(1, 100000);
                for (std::size_t i = 0; i < n && out_.text.size() < max_bytes_; ++i)
                    open('[');
                break;
            }
            case 6: {  // an @graph of many article nodes
                value_prefix();
                const auto n = in_.ConsumeIntegralInRange<std::size_t>(0, 20000);
                // The wrapper object, @graph, its nodes and their authors nest three deeper.
                out_.text += "{\"@graph\":[";
                note_depth(frames_.size() + 1);
                for (std::size_t i = 0; i < n && out_.text.size() < max_bytes_; ++i) {
                    if (i > 0) out_.text += ',';
                    if (i == 0) note_depth(frames_.size() + 3);
                    out_.text += R"({"@type":"NewsArticle","headline":"h)" + std::to_string(i) +
                                 R"(","author":{"name":"a"}})";
                }
                out_.text += "]}";
                break;
            }
            default:
                value_prefix();
                string(in_.ConsumeBool() ? std::string(pick(kStrings))
                                         : in_.ConsumeRandomLengthString(64));
                break;
        }
    }

    // Before a value: a comma, and in an object a key.
    void value_prefix() {
        if (frames_.empty()) return;
        Frame& f = frames_.back();
        if (!f.first) out_.text += ',';
        f.first = false;
        if (f.kind == '{') {
            // Keys are unique within an object (a repeated key would replace the earlier value
            // when parsed, and the depth noted for it would be wrong): a repeat gets a number.
            // The escaping writes each character one way only, so equal text is an equal key.
            const std::size_t start = out_.text.size();
            string(in_.ConsumeIntegralInRange<int>(0, 7) > 0 ? std::string(pick(kKeys))
                                                             : in_.ConsumeRandomLengthString(16));
            std::string key = out_.text.substr(start);
            for (int n = 2; f.keys.count(key) > 0; ++n) {
                out_.text.resize(start);
                string(std::string(key.substr(1, key.size() - 2)) + "#" + std::to_string(n));
                key = out_.text.substr(start);
            }
            f.keys.insert(std::move(key));
            out_.text += ':';
        }
    }

    void open(char kind) {
        if (!frames_.empty() || out_.text.empty()) {
            value_prefix();
        } else {
            return;  // the top-level value is complete
        }
        note_depth(frames_.size());
        out_.text += kind;
        frames_.push_back(Frame{kind, true, {}});
    }

    void close() {
        out_.text += frames_.back().kind == '[' ? ']' : '}';
        frames_.pop_back();
    }

    void note_depth(std::size_t depth) {
        out_.has_container = true;
        out_.max_depth = std::max(out_.max_depth, depth);
    }

    void number() {
        switch (in_.ConsumeIntegralInRange<int>(0, 3)) {
            case 0:
                out_.text += std::to_string(in_.ConsumeIntegral<std::int64_t>());
                break;
            case 1:
                out_.text += in_.ConsumeBool() ? "true" : "null";
                break;
            case 2:
                out_.text += "1.5e300";
                break;
            default:
                out_.text += std::to_string(in_.ConsumeIntegral<std::uint8_t>());
        }
    }

    // A JSON string of `raw`: ASCII kept (but `"`, `\`, `<`, `/` and controls escaped), valid
    // UTF-8 sequences kept, every other byte written as the \u escape of its Latin-1 reading.
    void string(const std::string& raw) {
        std::string& o = out_.text;
        o += '"';
        for (std::size_t i = 0; i < raw.size(); ++i) {
            const auto c = static_cast<unsigned char>(raw[i]);
            const std::size_t len = utf8_length(raw, i);
            if (len == 2 && c <= 0xC3) {
                // U+0080..U+00FF: escaped like a lone byte of that value, so that each
                // character has one written form.
                escape(static_cast<unsigned char>(((c & 0x1F) << 6) | (raw[i + 1] & 0x3F)));
                ++i;
            } else if (len > 1) {
                o.append(raw, i, len);
                i += len - 1;
            } else if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '<' && c != '/') {
                o += static_cast<char>(c);
            } else {
                escape(c);
            }
        }
        o += '"';
    }

    void escape(unsigned char c) {
        static constexpr char kHex[] = "0123456789abcdef";
        out_.text += "\\u00";
        out_.text += kHex[c >> 4];
        out_.text += kHex[c & 0xF];
    }

    // Length of a valid multi-byte UTF-8 sequence at `i`, or 1.
    static std::size_t utf8_length(const std::string& s, std::size_t i) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t len = 0;
        unsigned char lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            if (c == 0xE0) lo = 0xA0;
            if (c == 0xED) hi = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            if (c == 0xF0) lo = 0x90;
            if (c == 0xF4) hi = 0x8F;
        } else {
            return 1;
        }
        if (i + len > s.size()) return 1;
        for (std::size_t k = 1; k < len; ++k) {
            const auto d = static_cast<unsigned char>(s[i + k]);
            if (k == 1 ? (d < lo || d > hi) : (d < 0x80 || d > 0xBF)) return 1;
        }
        return len;
    }

    template <std::size_t N>
    std::string_view pick(const std::array<std::string_view, N>& pool) {
        return pool[in_.ConsumeIntegralInRange<std::size_t>(0, N - 1)];
    }

    FuzzedDataProvider& in_;
    GeneratedJson out_;
    std::vector<Frame> frames_;
    std::size_t max_bytes_ = 0;
};

}  // namespace pressparse::fuzz
