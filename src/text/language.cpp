#include "pressparse/language.hpp"

#include <unicode/uchar.h>

#include <array>
#include <string_view>

#include "pressparse/unicode.hpp"

namespace pressparse {

namespace {

using namespace std::string_view_literals;

struct Profile {
    std::string_view tag;
    std::array<std::string_view, 12> words;  // frequent short words, lower case
};

// Cyrillic-script languages told apart by function words (Ukrainian has і/ї/є too).
constexpr std::array kCyrillic{
    Profile{"ru"sv,
            {"и"sv, "в"sv, "не"sv, "на"sv, "что"sv, "с"sv, "по"sv, "это"sv, "как"sv, "из"sv, "за"sv,
             "от"sv}},
    Profile{"uk"sv,
            {"і"sv, "та"sv, "не"sv, "на"sv, "що"sv, "з"sv, "до"sv, "це"sv, "як"sv, "від"sv, "для"sv,
             "у"sv}},
};

constexpr std::array kLatin{
    Profile{"lv"sv,
            {"un"sv, "ir"sv, "ar"sv, "par"sv, "uz"sv, "no"sv, "kas"sv, "ka"sv, "arī"sv, "tas"sv,
             "vai"sv, "bet"sv}},
    Profile{"en"sv,
            {"the"sv, "and"sv, "of"sv, "to"sv, "in"sv, "is"sv, "that"sv, "for"sv, "it"sv, "with"sv,
             "was"sv, "on"sv}},
    Profile{"de"sv,
            {"der"sv, "die"sv, "und"sv, "das"sv, "ist"sv, "nicht"sv, "mit"sv, "sich"sv, "auf"sv,
             "für"sv, "ein"sv, "den"sv}},
    Profile{"fr"sv,
            {"le"sv, "la"sv, "les"sv, "et"sv, "des"sv, "est"sv, "une"sv, "pour"sv, "dans"sv,
             "que"sv, "du"sv, "pas"sv}},
    Profile{"es"sv,
            {"el"sv, "los"sv, "las"sv, "y"sv, "que"sv, "del"sv, "por"sv, "una"sv, "con"sv, "para"sv,
             "es"sv, "se"sv}},
    Profile{"it"sv,
            {"il"sv, "di"sv, "che"sv, "è"sv, "per"sv, "non"sv, "una"sv, "gli"sv, "della"sv,
             "sono"sv, "con"sv, "del"sv}},
};

// Lower case by ICU's simple case mapping, code point by code point (no string conversions).
std::string fold_case(std::string_view word) {
    std::string out;
    out.reserve(word.size());
    for (std::size_t i = 0; i < word.size();) {
        const auto byte = static_cast<unsigned char>(word[i]);
        if (byte < 0x80) {
            out += static_cast<char>(byte >= 'A' && byte <= 'Z' ? byte - 'A' + 'a' : byte);
            ++i;
            continue;
        }
        unicode::append_utf8(out, static_cast<char32_t>(u_tolower(
                                      static_cast<UChar32>(unicode::next_code_point(word, i)))));
    }
    return out;
}

// What separates the tokens the profiles are matched against: ' ', ',', '.' and '"'. A table,
// so that the scan over the sample costs one lookup a byte.
constexpr std::array<bool, 256> kSeparators = [] {
    std::array<bool, 256> t{};
    for (const unsigned char c : {' ', ',', '.', '"'})
        t[c] = true;
    return t;
}();

bool separator(char c) {
    return kSeparators[static_cast<unsigned char>(c)];
}

template <std::size_t N>
std::string_view best_by_words(std::string_view text, const std::array<Profile, N>& profiles) {
    const std::string_view lower = text;
    std::array<int, N> hits{};
    std::size_t i = 0;
    int tokens = 0;
    while (i < lower.size() && tokens < 4000) {
        while (i < lower.size() && separator(lower[i]))
            ++i;
        const std::size_t start = i;
        while (i < lower.size() && !separator(lower[i]))
            ++i;
        if (i == start) continue;
        ++tokens;
        // Function words are short (at most five letters, six bytes): longer tokens need no case
        // folding or comparing.
        if (i - start > 6) continue;
        const std::string word = fold_case(lower.substr(start, i - start));
        for (std::size_t p = 0; p < N; ++p) {
            for (auto w : profiles[p].words) {
                // Length and last byte first: most pairs differ there, without a memcmp call.
                if (w.size() == word.size() && w.back() == word.back() && word == w) ++hits[p];
            }
        }
    }
    std::size_t best = 0;
    for (std::size_t p = 1; p < N; ++p) {
        if (hits[p] > hits[best]) best = p;
    }
    return hits[best] > 0 ? profiles[best].tag : std::string_view{};
}

}  // namespace

std::string_view language_sample(std::string_view utf8) {
    // A sample is enough to tell.
    std::string_view sample = utf8.substr(0, std::size_t{4} * 1024);
    while (!sample.empty() && (static_cast<unsigned char>(sample.back()) & 0xC0) == 0x80)
        sample.remove_suffix(1);
    if (!sample.empty() && static_cast<unsigned char>(sample.back()) >= 0xC0)
        sample.remove_suffix(1);
    return sample;
}

std::optional<std::string> guess_language(std::string_view utf8) {
    return guess_language(utf8, unicode::count_scripts(language_sample(utf8)));
}

std::optional<std::string> guess_language(std::string_view utf8,
                                          const unicode::ScriptCounts& sample_scripts) {
    const std::string_view sample = language_sample(utf8);
    const unicode::ScriptCounts& counts = sample_scripts;
    const int letters = counts.cyrillic + counts.latin + counts.other_letters;
    if (letters < 3) return std::nullopt;
    const std::string_view lower = sample;
    if (counts.cyrillic >= counts.latin && counts.cyrillic >= counts.other_letters) {
        const auto tag = best_by_words(lower, kCyrillic);
        return std::string(tag.empty() ? "ru"sv : tag);
    }
    if (counts.latin >= counts.other_letters) {
        const auto tag = best_by_words(lower, kLatin);
        if (!tag.empty()) return std::string(tag);
        if (counts.latvian_diacritics > 0) return std::string("lv");
        return std::nullopt;
    }
    return std::nullopt;
}

}  // namespace pressparse
