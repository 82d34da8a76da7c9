// What the word counter's tests and fuzz targets hold its fast path to: sinks that keep every
// word (or its hash) in order, the plain definition of a word's folded hash, and the text a
// fuzz input stands for. Shared by tests/unit and fuzz/, so that each definition is written once.
#pragma once

#include <unicode/uchar.h>

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "pressparse/unicode.hpp"

namespace pressparse::testing {

// Every word, in order.
class Words final : public unicode::WordSink {
  public:
    void word(std::u16string_view w) override { words.emplace_back(w); }
    std::vector<std::u16string> words;
};

// A sink that takes hashes (as the fingerprint does): each word's hash, in order.
class Hashes final : public unicode::WordSink {
  public:
    void word(std::u16string_view w) override { hashes.push_back(unicode::folded_fnv(w)); }
    [[nodiscard]] bool takes_hashes() const override { return true; }
    void word_hashed(std::uint64_t fnv) override { hashes.push_back(fnv); }
    std::vector<std::uint64_t> hashes;
};

// FNV-1a over the word's code units, each folded by ICU: folded_fnv's definition.
inline std::uint64_t plain_folded_fnv(std::u16string_view w) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (const char16_t c : w)
        h = (h ^ (u_foldCase(c, U_FOLD_CASE_DEFAULT) & 0xFFFFU)) * 0x100000001b3ULL;
    return h;
}

// The text a fuzz input stands for. The first byte chooses how the rest is read: odd, as the
// bytes of the text themselves; even, each byte as one character of `alphabet`.
inline std::string fuzz_text(std::string_view input, std::span<const char* const> alphabet) {
    std::string text;
    if (input.empty()) return text;
    const std::string_view rest = input.substr(1);
    if (static_cast<unsigned char>(input[0]) & 1U) return std::string(rest);
    for (const char c : rest)
        text += alphabet[static_cast<unsigned char>(c) % alphabet.size()];
    return text;
}

}  // namespace pressparse::testing
