#include "pressparse/json_writer.hpp"

#include <array>
#include <bit>
#include <cassert>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "utf8_check.hpp"

namespace pressparse {

namespace {

template <typename T>
nlohmann::ordered_json optional_value(const std::optional<T>& value) {
    return value ? nlohmann::ordered_json(*value) : nlohmann::ordered_json(nullptr);
}

}  // namespace

nlohmann::ordered_json to_json(const Article& a) {
    using json = nlohmann::ordered_json;
    json out = json::object();
    out["schema_version"] = kSchemaVersion;
    out["input"] = json{{"path", a.input.path},
                        {"format", to_string(a.input.format)},
                        {"encoding", a.input.encoding},
                        {"bytes", a.input.bytes}};
    if (a.input.warc) {
        out["input"]["warc"] = json{{"target_uri", a.input.warc->target_uri},
                                    {"date", a.input.warc->date},
                                    {"record_id", a.input.warc->record_id}};
    }
    out["site"] = optional_value(a.site);
    out["url"] = optional_value(a.url);
    out["language"] = optional_value(a.language);
    out["headline"] = optional_value(a.headline);
    out["source"] = optional_value(a.source);
    out["date"] = optional_value(a.date);
    out["date_text"] = optional_value(a.date_text);
    out["date_source"] = a.date_source ? json(to_string(*a.date_source)) : json(nullptr);
    out["date_modified"] = optional_value(a.date_modified);
    out["category"] = optional_value(a.category);
    out["description"] = optional_value(a.description);
    out["image"] = optional_value(a.image);
    out["tags"] = a.tags;
    out["comments"] = optional_value(a.comments);

    json body = json::array();
    for (const auto& block : a.body) {
        json item = json::object();
        item["type"] = to_string(block.type);
        item["text"] = optional_value(block.text);
        if (block.type == BlockType::Caption) {
            item["credit"] = optional_value(block.credit);
            item["image"] = optional_value(block.image);
        }
        body.push_back(std::move(item));
    }
    out["body"] = std::move(body);

    json related = json::array();
    for (const auto& r : a.related)
        related.push_back(json{
            {"title", r.title}, {"lead", optional_value(r.lead)}, {"url", optional_value(r.url)}});
    out["related"] = std::move(related);

    json reader_comments = json::array();
    for (const auto& c : a.reader_comments)
        reader_comments.push_back(json{{"author", optional_value(c.author)},
                                       {"date", optional_value(c.date)},
                                       {"text", c.text}});
    out["reader_comments"] = std::move(reader_comments);

    out["stats"] = json{{"paragraphs", a.stats.paragraphs},
                        {"words", a.stats.words},
                        {"characters", a.stats.characters},
                        {"reading_minutes", a.stats.reading_minutes}};
    out["fingerprint"] = optional_value(a.fingerprint);
    out["warnings"] = a.warnings;
    return out;
}

std::string dump_json(const nlohmann::ordered_json& value, bool pretty) {
    return value.dump(pretty ? 2 : -1, ' ', false,
                      nlohmann::ordered_json::error_handler_t::replace);
}

namespace {

// Writes JSON text directly, byte for byte as nlohmann's dump() formats it (same separators,
// two-space indent, same escapes, UTF-8 kept), without building a DOM first: the writer was a
// fifth of the time of a text page. Strings are checked for valid UTF-8 as they are written.
class Writer {
  public:
    explicit Writer(bool pretty, std::size_t reserve) : pretty_(pretty) { out_.reserve(reserve); }

    void begin(char bracket) {
        out_ += bracket;
        assert(depth_ + 1 < first_.size() && "the schema nests deeper than the writer holds");
        first_[++depth_] = true;
    }
    void end(char bracket) {
        const bool empty = first_[depth_--];
        if (pretty_ && !empty) newline();
        out_ += bracket;
    }
    // A key of the schema written as a literal: its length known when compiled, so that the
    // comma, the quotes and the colon around it are put together without a loop or a call.
    template <std::size_t N>
    void key(const char (&k)[N]) {
        static_assert(N - 1 <= kLongestKey, "a key of the schema is short");
        if (pretty_) {
            key(std::string_view(k, N - 1));
            return;
        }
        std::array<char, N + 3> buffer;  // ,"k":
        buffer[0] = ',';
        buffer[1] = '"';
        std::memcpy(buffer.data() + 2, k, N - 1);
        buffer[N + 1] = '"';
        buffer[N + 2] = ':';
        const std::size_t first = first_[depth_] ? 1 : 0;
        first_[depth_] = false;
        out_.append(buffer.data() + first, N + 3 - first);
    }
    // A key of the schema: plain ASCII, written as it is (no escape is ever needed); in compact
    // output with the comma before it and the colon after it in one append.
    void key(std::string_view k) {
        if (pretty_ || k.size() > kLongestKey) {
            element();
            out_ += '"';
            out_ += k;
            out_ += pretty_ ? "\": " : "\":";
            return;
        }
        std::array<char, kLongestKey + 4> buffer;
        std::size_t n = 0;
        if (!first_[depth_]) buffer[n++] = ',';
        first_[depth_] = false;
        buffer[n++] = '"';
        std::memcpy(buffer.data() + n, k.data(), k.size());
        n += k.size();
        buffer[n++] = '"';
        buffer[n++] = ':';
        out_.append(buffer.data(), n);
    }
    // Before an array element.
    void item() { element(); }
    // An array of strings.
    void strings(const std::vector<std::string>& items) {
        begin('[');
        for (const auto& s : items) {
            item();
            string(s);
        }
        end(']');
    }

    // A string: read once as a whole (utf8::scan) for well-formed UTF-8 and for bytes that need
    // an escape ('"', '\\', control characters). Without such a byte (nearly every string) it
    // is copied whole; with one, in runs between them, found sixteen bytes at a time. An
    // escaped byte is never part of a longer sequence, so the runs need no care for character
    // boundaries.
    void string(std::string_view s) {
        const utf8::Scan scan = utf8::scan(s);
        if (!scan.well_formed) valid_ = false;
        out_ += '"';
        if (!scan.escapes) {
            out_ += s;
            out_ += '"';
            return;
        }
        const auto* p = reinterpret_cast<const std::uint8_t*>(s.data());
        std::size_t run = 0;
        for (std::size_t i = next_escaped(p, 0, s.size()); i < s.size();
             i = next_escaped(p, i + 1, s.size())) {
            const auto c = static_cast<unsigned char>(s[i]);
            out_.append(s.data() + run, i - run);
            run = i + 1;
            switch (c) {
                case '"':
                    out_ += "\\\"";
                    break;
                case '\\':
                    out_ += "\\\\";
                    break;
                case '\b':
                    out_ += "\\b";
                    break;
                case '\f':
                    out_ += "\\f";
                    break;
                case '\n':
                    out_ += "\\n";
                    break;
                case '\r':
                    out_ += "\\r";
                    break;
                case '\t':
                    out_ += "\\t";
                    break;
                default: {
                    static constexpr char kHex[] = "0123456789abcdef";
                    const char esc[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
                    out_.append(esc, 6);
                }
            }
        }
        out_.append(s.data() + run, s.size() - run);
        out_ += '"';
    }
    // The first byte from `i` on that JSON escapes (below 0x20, '"', '\\'), or `n`. Sixteen
    // bytes at a time; the last sixteen of a string are read again from its end, the bytes
    // before `i` left out.
    static std::size_t next_escaped(const std::uint8_t* p, std::size_t i, std::size_t n) {
#if defined(__SSE2__)
        if (n >= 16) {
            while (i < n) {
                const bool last = n - i < 16;
                const std::size_t from = last ? n - 16 : i;
                const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + from));
                const __m128i control =
                    _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1F)), v);  // v <= 0x1F
                const __m128i quote_or_backslash = _mm_or_si128(
                    _mm_cmpeq_epi8(v, _mm_set1_epi8('"')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\\')));
                const unsigned found = static_cast<unsigned>(_mm_movemask_epi8(
                                           _mm_or_si128(control, quote_or_backslash))) &
                                       (0xFFFFu << (i - from));
                if (found != 0) return from + static_cast<std::size_t>(std::countr_zero(found));
                if (last) return n;
                i += 16;
            }
            return n;
        }
#endif
        for (; i < n; ++i) {
            if (p[i] < 0x20 || p[i] == '"' || p[i] == '\\') return i;
        }
        return n;
    }

    void optional(const std::optional<std::string>& s) {
        if (s) {
            string(*s);
        } else {
            out_ += "null";
        }
    }
    void number(long long n) {
        std::array<char, 24> digits;
        auto* const end = std::to_chars(digits.data(), digits.data() + digits.size(), n).ptr;
        out_.append(digits.data(), static_cast<std::size_t>(end - digits.data()));
    }
    void null() {
        out_ += "null";
    }

    std::string take() {
        return std::move(out_);
    }
    // False when a string written was not valid UTF-8 (the text written is then not JSON).
    bool valid() const {
        return valid_;
    }

  private:
    void element() {
        if (!first_[depth_]) out_ += ',';
        first_[depth_] = false;
        if (pretty_) newline();
    }
    void newline() {
        out_ += '\n';
        out_.append(depth_ * 2, ' ');
    }

    static constexpr std::size_t kLongestKey = 24;
    bool pretty_;
    bool valid_ = true;
    std::string out_;
    // Per open bracket (the schema nests four deep at most): nothing written in it yet.
    std::array<bool, 8> first_{};
    std::size_t depth_ = 0;
};

}  // namespace

std::string to_json_string(const Article& a, bool pretty) {
    std::size_t size = 512;
    for (const auto& b : a.body)
        size += (b.text ? b.text->size() : 0) + 48;
    for (const auto& c : a.reader_comments)
        size += c.text.size() + 64;
    Writer w(pretty, size);
    w.begin('{');
    w.key("schema_version");
    w.number(kSchemaVersion);
    w.key("input");
    w.begin('{');
    w.key("path");
    w.string(a.input.path);
    w.key("format");
    w.string(to_string(a.input.format));
    w.key("encoding");
    w.string(a.input.encoding);
    w.key("bytes");
    w.number(static_cast<long long>(a.input.bytes));
    if (a.input.warc) {
        w.key("warc");
        w.begin('{');
        w.key("target_uri");
        w.string(a.input.warc->target_uri);
        w.key("date");
        w.string(a.input.warc->date);
        w.key("record_id");
        w.string(a.input.warc->record_id);
        w.end('}');
    }
    w.end('}');
    using Field = std::pair<std::string_view, const std::optional<std::string>*>;
    for (const auto& [key, field] :
         {Field{"site", &a.site}, Field{"url", &a.url}, Field{"language", &a.language},
          Field{"headline", &a.headline}, Field{"source", &a.source}, Field{"date", &a.date},
          Field{"date_text", &a.date_text}}) {
        w.key(key);
        w.optional(*field);
    }
    w.key("date_source");
    if (a.date_source) {
        w.string(to_string(*a.date_source));
    } else {
        w.null();
    }
    w.key("date_modified");
    w.optional(a.date_modified);
    w.key("category");
    w.optional(a.category);
    w.key("description");
    w.optional(a.description);
    w.key("image");
    w.optional(a.image);
    w.key("tags");
    w.strings(a.tags);
    w.key("comments");
    if (a.comments) {
        w.number(*a.comments);
    } else {
        w.null();
    }
    w.key("body");
    w.begin('[');
    for (const auto& b : a.body) {
        w.item();
        w.begin('{');
        w.key("type");
        w.string(to_string(b.type));
        w.key("text");
        w.optional(b.text);
        if (b.type == BlockType::Caption) {
            w.key("credit");
            w.optional(b.credit);
            w.key("image");
            w.optional(b.image);
        }
        w.end('}');
    }
    w.end(']');
    w.key("related");
    w.begin('[');
    for (const auto& r : a.related) {
        w.item();
        w.begin('{');
        w.key("title");
        w.string(r.title);
        w.key("lead");
        w.optional(r.lead);
        w.key("url");
        w.optional(r.url);
        w.end('}');
    }
    w.end(']');
    w.key("reader_comments");
    w.begin('[');
    for (const auto& c : a.reader_comments) {
        w.item();
        w.begin('{');
        w.key("author");
        w.optional(c.author);
        w.key("date");
        w.optional(c.date);
        w.key("text");
        w.string(c.text);
        w.end('}');
    }
    w.end(']');
    w.key("stats");
    w.begin('{');
    w.key("paragraphs");
    w.number(a.stats.paragraphs);
    w.key("words");
    w.number(a.stats.words);
    w.key("characters");
    w.number(a.stats.characters);
    w.key("reading_minutes");
    w.number(a.stats.reading_minutes);
    w.end('}');
    w.key("fingerprint");
    w.optional(a.fingerprint);
    w.key("warnings");
    w.strings(a.warnings);
    w.end('}');
    // Invalid UTF-8 cannot come out of the readers; should it ever, nlohmann replaces it.
    if (!w.valid()) return dump_json(to_json(a), pretty);
    return w.take();
}

}  // namespace pressparse
