#include "pressparse/json_writer.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cassert>
#include <charconv>
#include <cstdint>
#include <cstring>
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
    // The output is written through a cursor into the thread's scratch string, which keeps its
    // size from page to page (grown by doubling when a write would pass its end, so it is filled
    // with zeros only as it grows): a write is a bounds test and a copy rather than a call to
    // std::string::append. take() copies what was written into a string of its own.
    explicit Writer(bool pretty) : pretty_(pretty), out_(scratch()) {
        if (out_.size() < kFirstSize) out_.resize(kFirstSize);
        p_ = out_.data();
        end_ = p_ + out_.size();
    }

    void begin(char bracket) {
        put(bracket);
        assert(depth_ + 1 < first_.size() && "the schema nests deeper than the writer holds");
        first_[++depth_] = true;
    }
    void end(char bracket) {
        const bool empty = first_[depth_--];
        if (pretty_ && !empty) newline();
        put(bracket);
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
        char* p = room(N + 3);  // ,"k": (N counts the terminating NUL: N - 1 + 4 bytes)
        if (!first_[depth_]) *p++ = ',';
        first_[depth_] = false;
        *p++ = '"';
        std::memcpy(p, k, N - 1);
        p += N - 1;
        *p++ = '"';
        *p++ = ':';
        p_ = p;
    }
    // A key of the schema: plain ASCII, written as it is (no escape is ever needed); in compact
    // output with the comma before it and the colon after it.
    void key(std::string_view k) {
        element();
        char* p = room(k.size() + 4);
        *p++ = '"';
        std::memcpy(p, k.data(), k.size());
        p += k.size();
        *p++ = '"';
        *p++ = ':';
        if (pretty_) *p++ = ' ';
        p_ = p;
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
        if (!scan.escapes) {
            char* p = room(s.size() + 2);
            *p++ = '"';
            std::memcpy(p, s.data(), s.size());
            p += s.size();
            *p++ = '"';
            p_ = p;
            return;
        }
        escaped_string(s);
    }
    // A string with bytes to escape (about one string in twenty), kept out of string() so that
    // the common case stays a short function.
    [[gnu::noinline]] void escaped_string(std::string_view s) {
        char* p = room(s.size() * 6 + 2);  // every byte escaped as \u00XX at most
        *p++ = '"';
        const auto* bytes = reinterpret_cast<const std::uint8_t*>(s.data());
        std::size_t run = 0;
        for (std::size_t i = next_escaped(bytes, 0, s.size()); i < s.size();
             i = next_escaped(bytes, i + 1, s.size())) {
            const auto c = static_cast<unsigned char>(s[i]);
            std::memcpy(p, s.data() + run, i - run);
            p += i - run;
            run = i + 1;
            *p++ = '\\';
            switch (c) {
                case '"':
                case '\\':
                    *p++ = static_cast<char>(c);
                    break;
                case '\b':
                    *p++ = 'b';
                    break;
                case '\f':
                    *p++ = 'f';
                    break;
                case '\n':
                    *p++ = 'n';
                    break;
                case '\r':
                    *p++ = 'r';
                    break;
                case '\t':
                    *p++ = 't';
                    break;
                default: {
                    static constexpr char kHex[] = "0123456789abcdef";
                    const char esc[5] = {'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
                    std::memcpy(p, esc, 5);
                    p += 5;
                }
            }
        }
        std::memcpy(p, s.data() + run, s.size() - run);
        p += s.size() - run;
        *p++ = '"';
        p_ = p;
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
            null();
        }
    }
    void number(long long n) {
        char* p = room(24);
        p_ = std::to_chars(p, p + 24, n).ptr;
    }
    void null() {
        std::memcpy(room(4), "null", 4);
        p_ += 4;
    }

    // What was written, with a closing newline when `newline`. A scratch string grown past
    // kKeptSize by a page far larger than most is given back.
    std::string take(bool newline) {
        if (newline) put('\n');
        assert(p_ <= end_ && "a write passed the room it asked for");
        std::string text(out_.data(), static_cast<std::size_t>(p_ - out_.data()));
        if (out_.size() > kKeptSize) std::string().swap(out_);
        return text;
    }
    // False when a string written was not valid UTF-8 (the text written is then not JSON).
    bool valid() const {
        return valid_;
    }

  private:
    // Where `n` more bytes may be written: the cursor, after growing the string if it must.
    char* room(std::size_t n) {
        // Every write asks for at least the bytes it then writes; one that wrote more would have
        // moved the cursor past the end, and the test below would wrap.
        assert(p_ <= end_ && "a write passed the room it asked for");
        if (static_cast<std::size_t>(end_ - p_) < n) grow(n);
        return p_;
    }
    void grow(std::size_t n) {
        const auto used = static_cast<std::size_t>(p_ - out_.data());
        out_.resize(std::max(out_.size() * 2, used + n));
        p_ = out_.data() + used;
        end_ = out_.data() + out_.size();
    }
    void put(char c) {
        *room(1) = c;
        ++p_;
    }
    void element() {
        if (!first_[depth_]) put(',');
        first_[depth_] = false;
        if (pretty_) newline();
    }
    void newline() {
        char* p = room(depth_ * 2 + 1);
        *p++ = '\n';
        std::memset(p, ' ', depth_ * 2);
        p_ = p + depth_ * 2;
    }

    static std::string& scratch() {
        thread_local std::string buffer;
        return buffer;
    }

    static constexpr std::size_t kLongestKey = 24;
    static constexpr std::size_t kFirstSize = std::size_t{16} << 10;
    static constexpr std::size_t kKeptSize = std::size_t{256} << 10;
    bool pretty_;
    bool valid_ = true;
    std::string& out_;
    char* p_ = nullptr;    // the next byte to write, in out_
    char* end_ = nullptr;  // out_'s end
    // Per open bracket (the schema nests four deep at most): nothing written in it yet.
    std::array<bool, 8> first_{};
    std::size_t depth_ = 0;
};

}  // namespace

namespace {

std::string write_json(const Article& a, bool pretty, bool newline) {
    Writer w(pretty);
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
    w.key("site");
    w.optional(a.site);
    w.key("url");
    w.optional(a.url);
    w.key("language");
    w.optional(a.language);
    w.key("headline");
    w.optional(a.headline);
    w.key("source");
    w.optional(a.source);
    w.key("date");
    w.optional(a.date);
    w.key("date_text");
    w.optional(a.date_text);
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
    if (!w.valid()) return dump_json(to_json(a), pretty) + (newline ? "\n" : "");
    return w.take(newline);
}

}  // namespace

std::string to_json_string(const Article& a, bool pretty) {
    return write_json(a, pretty, false);
}

std::string to_json_line(const Article& a) {
    return write_json(a, false, true);
}

}  // namespace pressparse
