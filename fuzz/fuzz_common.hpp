// Shared checks for the libFuzzer targets: the invariants every stage promises, checked without
// trusting the library's own helpers where an independent check is cheap. A broken invariant
// prints what broke and aborts, which libFuzzer records as a crash with its input.
#pragma once

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "pressparse/article.hpp"
#include "pressparse/blocks.hpp"
#include "pressparse/errors.hpp"
#include "pressparse/json_writer.hpp"

namespace pressparse::fuzz {

[[noreturn]] inline void fail(const char* what, std::string_view detail = {}) {
    std::fprintf(stderr, "fuzz invariant broken: %s", what);
    if (!detail.empty()) {
        std::fprintf(stderr, ": %.*s", static_cast<int>(std::min<std::size_t>(detail.size(), 400)),
                     detail.data());
    }
    std::fprintf(stderr, "\n");
    std::abort();
}

// Well-formed UTF-8 (RFC 3629: no overlongs, no surrogates, nothing past U+10FFFF), written
// here independently of pressparse::unicode::is_valid_utf8.
inline bool valid_utf8(std::string_view s) {
    std::size_t i = 0;
    const std::size_t n = s.size();
    while (i < n) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
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
            return false;
        }
        if (i + len > n) return false;
        for (std::size_t k = 1; k < len; ++k) {
            const auto d = static_cast<unsigned char>(s[i + k]);
            if (k == 1 ? (d < lo || d > hi) : (d < 0x80 || d > 0xBF)) return false;
        }
        i += len;
    }
    return true;
}

inline void check_utf8(std::string_view s, const char* what) {
    if (!valid_utf8(s)) fail(what, s);
}

inline void check_utf8_opt(const std::optional<std::string>& s, const char* what) {
    if (s) check_utf8(*s, what);
}

// Blocks from either reader: never empty, valid UTF-8.
inline void check_blocks(const Blocks& blocks) {
    for (const Block& b : blocks) {
        if (b.text.empty()) fail("empty block text");
        check_utf8(b.text, "block text is not valid UTF-8");
        check_utf8(b.credit, "block credit is not valid UTF-8");
    }
}

// The JSON writer's output: one line, valid UTF-8, parses back as a schema-version-1 object.
inline nlohmann::ordered_json check_json_text(const std::string& text) {
    check_utf8(text, "JSON output is not valid UTF-8");
    if (text.find('\n') != std::string::npos) fail("compact JSON spans lines");
    nlohmann::ordered_json parsed;
    try {
        parsed = nlohmann::ordered_json::parse(text);
    } catch (const nlohmann::json::exception& e) {
        fail("JSON output does not parse", e.what());
    }
    if (!parsed.is_object() || parsed.value("schema_version", 0) != kSchemaVersion)
        fail("JSON output is not a schema-version-1 object", text);
    return parsed;
}

inline void check_article(const Article& a) {
    // Every string of the Article is valid UTF-8: the writer would replace bad bytes, but bad
    // bytes reaching it mean an earlier stage lost text.
    check_utf8(a.input.encoding, "input.encoding");
    check_utf8_opt(a.site, "site");
    check_utf8_opt(a.url, "url");
    check_utf8_opt(a.language, "language");
    check_utf8_opt(a.headline, "headline");
    check_utf8_opt(a.source, "source");
    check_utf8_opt(a.date, "date");
    check_utf8_opt(a.date_text, "date_text");
    check_utf8_opt(a.category, "category");
    for (const BodyBlock& b : a.body) {
        check_utf8_opt(b.text, "body text");
        check_utf8_opt(b.credit, "body credit");
        if (b.text && b.text->empty()) fail("empty body text");
    }
    for (const Related& r : a.related) {
        check_utf8(r.title, "related title");
        check_utf8_opt(r.lead, "related lead");
        check_utf8_opt(r.url, "related url");
    }
    for (const std::string& w : a.warnings)
        check_utf8(w, "warning");
    if (a.stats.paragraphs < 0 || a.stats.words < 0 || a.stats.characters < 0 ||
        a.stats.reading_minutes < 0)
        fail("negative stats");

    // What the schema (README, "Output") promises about the values.
    int paragraphs = 0;
    for (const BodyBlock& b : a.body) {
        if (b.type == BlockType::Paragraph) ++paragraphs;
        if (b.type == BlockType::Caption ? (!b.text && !b.credit) : !b.text)
            fail("body block without text");
        if (b.type != BlockType::Caption && b.credit) fail("credit outside a caption");
    }
    if (a.stats.paragraphs != paragraphs) fail("stats.paragraphs is not the paragraph count");
    if (a.stats.reading_minutes != (a.stats.words + 179) / 180)
        fail("reading_minutes is not ceil(words / 180)");
    if (a.comments && *a.comments < 0) fail("negative comment count");
    if (a.date_source.has_value() != a.date_text.has_value())
        fail("date_source without date_text or the other way round");
    if (a.date && !a.date_text) fail("date without date_text");
    for (std::size_t i = 0; i < a.related.size(); ++i) {
        if (a.related[i].title.empty()) fail("empty related title");
        for (std::size_t j = 0; j < i; ++j) {
            if (a.related[j].title == a.related[i].title) fail("related title twice");
        }
    }

    // Written once and parsed once (JSON work dominates an execution otherwise): the text must
    // parse back to exactly what the Article holds.
    if (check_json_text(to_json_string(a)) != to_json(a)) fail("JSON does not round-trip");
}

// Runs `f`; InputError is an expected outcome, any other exception is a bug.
template <typename F>
void expect_only_input_error(F&& f) {
    try {
        f();
    } catch (const InputError&) {
        // Refusing an input is fine.
    } catch (const std::exception& e) {
        fail("exception other than InputError escaped", e.what());
    } catch (...) {
        fail("non-standard exception escaped");
    }
}

}  // namespace pressparse::fuzz
