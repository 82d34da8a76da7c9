// unicode::scan_text reads an article's text once for the statistics, the fingerprint and the
// language guess; each of its answers is held here to the function it stands for
// (count_characters, count_words with its words in order, count_scripts of the sample) on every
// code point, every byte at every position, texts of several pieces, and every page on hand.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "pressparse/errors.hpp"
#include "pressparse/fingerprint.hpp"
#include "pressparse/language.hpp"
#include "pressparse/load.hpp"
#include "pressparse/pipeline.hpp"
#include "pressparse/unicode.hpp"
#include "word_sinks.hpp"

namespace fs = std::filesystem;
namespace u = pressparse::unicode;

namespace {

using pressparse::testing::Hashes;
using pressparse::testing::plain_folded_fnv;
using pressparse::testing::Words;

bool same_scripts(const u::ScriptCounts& a, const u::ScriptCounts& b) {
    return a.cyrillic == b.cyrillic && a.latin == b.latin &&
           a.latvian_diacritics == b.latvian_diacritics && a.other_letters == b.other_letters;
}

// scan_text over `pieces` against each function it stands for; the sample is the language
// guess's (`sample_bytes` = npos) or the given number of bytes.
void expect_same_facts(const std::vector<std::string>& pieces, const std::string& what,
                       std::size_t sample_bytes = std::string::npos) {
    std::string joined;
    int characters = 0;
    for (const auto& p : pieces) {
        joined += p + '\n';
        characters += u::count_characters(p);
    }
    if (sample_bytes == std::string::npos)
        sample_bytes = pressparse::language_sample(joined).size();
    Words by_scan, by_icu;
    const std::vector<std::string_view> views(pieces.begin(), pieces.end());
    const u::TextFacts facts = u::scan_text(views, sample_bytes, &by_scan);
    const int words = u::count_words_icu(joined, &by_icu);
    const u::ScriptCounts scripts =
        u::count_scripts(std::string_view(joined).substr(0, sample_bytes));
    EXPECT_EQ(facts.characters, characters) << what;
    EXPECT_EQ(facts.words, words) << what;
    EXPECT_TRUE(by_scan.words == by_icu.words) << what << ": the words differ";
    // A sink that takes hashes gets each word's folded FNV, hashed while the word is found.
    Hashes hashed;
    u::scan_text(views, sample_bytes, &hashed);
    std::vector<std::uint64_t> plain;
    for (const auto& w : by_icu.words)
        plain.push_back(plain_folded_fnv(w));
    EXPECT_TRUE(hashed.hashes == plain) << what << ": the word hashes differ";
    pressparse::fingerprint::SimHash by_hash;
    pressparse::fingerprint::SimHash by_word;
    u::scan_text(views, sample_bytes, &by_hash);
    u::count_words_icu(joined, &by_word);
    EXPECT_EQ(by_hash.value(), by_word.value()) << what << ": the fingerprints differ";
    EXPECT_TRUE(same_scripts(facts.sample_scripts, scripts))
        << what << ": scripts " << facts.sample_scripts.cyrillic << "/"
        << facts.sample_scripts.latin << "/" << facts.sample_scripts.latvian_diacritics << "/"
        << facts.sample_scripts.other_letters << " vs " << scripts.cyrillic << "/" << scripts.latin
        << "/" << scripts.latvian_diacritics << "/" << scripts.other_letters;
}

std::string utf8_of(char32_t c) {
    std::string out;
    u::append_utf8(out, c);
    return out;
}

}  // namespace

// Each code point alone (every one of the Basic Multilingual Plane, every 97th beyond) and
// between letters, where it may join them into a word or a character.
TEST(TextFacts, EveryCodePoint) {
    for (char32_t c = 0; c < 0x110000; c += c < 0x10000 ? 1 : 97) {
        if (c >= 0xD800 && c < 0xE000) continue;
        const std::string s = utf8_of(c);
        expect_same_facts({s}, "U+" + std::to_string(c));
        expect_same_facts({"a" + s + "b", "\xD0\x96" + s + "1"}, "between, U+" + std::to_string(c));
    }
}

// Every byte value at each position of a short line: ill-formed sequences read as ICU reads them.
TEST(TextFacts, EveryByteAtEveryPosition) {
    for (int b = 0; b < 256; ++b) {
        for (std::size_t at = 0; at <= 8; ++at) {
            std::string line = "Ab \xD0\x96\xD0\xB8 \xC4\x81";
            line.insert(std::min(at, line.size()), 1, static_cast<char>(b));
            expect_same_facts({line, "x y"},
                              "byte " + std::to_string(b) + " at " + std::to_string(at));
        }
    }
    for (const std::string piece : {"\xE0\x80\x80", "\xED\xA0\x80", "\xE2\x80", "\xF0\x9F\x98",
                                    "\xF4\x90\x80\x80", "\xC1\xBF", "\xD0", "\x80\x80"}) {
        expect_same_facts({"a" + piece + "b", piece, piece + " word"}, "ill-formed piece");
    }
}

// Pieces holding line feeds, empty pieces, refused characters on some lines only, and the
// sample ending anywhere.
TEST(TextFacts, PiecesLinesAndSamples) {
    const std::vector<std::string> pieces = {
        "U.S. 3.5 it's a:b 1,5 a.5 co-op", "", "\xD0\x90\xD0\xB1\xD1\x83-\xD0\x94\xD0\xB0\n1,0274",
        "x a@b.c\ny a_b", "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD a\u200Db", "R\xC4\xABga \xC5\xA1odien",
        "e\xCC\x81t\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC",
        // Runs of the Russian alphabet and its kin (read four letters at a time), broken by a
        // letter past U+045F, a combining mark and a space.
        "Съешь же ещё этих мягких французских булок, да выпей чаю. ЀЁЂЃЄЅІЇЈЉЊЋЌЍЎЏ"
        "ѐёђѓєѕіїјљњћќѝўџѠѡабв\xCC\x81гдежзийклмнопрстуфхцчшщъыьэюя"};
    expect_same_facts(pieces, "pieces");
    std::string joined;
    for (const auto& p : pieces)
        joined += p + '\n';
    for (std::size_t cut = 0; cut <= joined.size() + 1; ++cut) {
        if (cut < joined.size() && (static_cast<unsigned char>(joined[cut]) & 0xC0) == 0x80)
            continue;  // samples end on a code point boundary
        expect_same_facts(pieces, "sample of " + std::to_string(cut) + " bytes", cut);
    }
    expect_same_facts({}, "no piece");
}

// The article bodies of every page on hand, as finish_article reads them.
TEST(TextFacts, EveryArticleBody) {
    std::vector<fs::path> pages;
    auto add_tree = [&](const fs::path& root) {
        if (!fs::is_directory(root)) return;
        for (const auto& e : fs::recursive_directory_iterator(root)) {
            const std::string name = e.path().filename().string();
            if (e.is_regular_file() && (name.ends_with(".txt") || name.ends_with(".html")))
                pages.push_back(e.path());
        }
    };
    add_tree(fs::path(PRESSPARSE_SOURCE_DIR) / "data");
    const fs::path shared = PRESSPARSE_SHARED_DATA;
    for (const char* set : {"presslv", "seed", "html"})
        add_tree(shared / set);
    std::sort(pages.begin(), pages.end());
    ASSERT_FALSE(pages.empty());
    for (const fs::path& page : pages) {
        pressparse::Article article;
        try {
            article = pressparse::extract(pressparse::load_file(page.string()), page.string(), {});
        } catch (const pressparse::InputError&) {
            continue;
        }
        std::vector<std::string> texts;
        for (const auto& block : article.body) {
            if (block.type != pressparse::BlockType::Caption && block.text)
                texts.push_back(*block.text);
        }
        expect_same_facts(texts, page.string());
        // The language guess's fast reading (tokens sixteen bytes at a time, shapes, the table
        // of Russian lower case) against its byte-by-byte definition.
        std::string all_text;
        for (const auto& t : texts)
            all_text += t + '\n';
        EXPECT_EQ(pressparse::guess_language(all_text),
                  pressparse::guess_language_reference(all_text))
            << page.string();
    }
}

// The language guess's fast reading against its definition: function words in every case and
// between every separator, every letter of U+0400–U+047F as a word, every byte value at every
// position of a short line of each language.
TEST(LanguageGuess, FastReadingAgreesWithTheDefinition) {
    const std::vector<std::string> lines = {
        "И в НЕ на Что с По это как из за от, і та не на що з до це як від для у.",
        "UN ir AR par uz No kas ka ARĪ tas vai bet \"the\" AND of To in IS that.",
        "der DIE und das ist nicht mit sich auf FÜR ein den le la les et des est une pour",
        "el los las y que del por una con para es se il di che È per non una gli della sono",
    };
    for (const auto& line : lines) {
        for (const std::string times : {"", " x", " x x x x x x x x x x x x x x x x x x x x"}) {
            const std::string text = line + times;
            ASSERT_EQ(pressparse::guess_language(text), pressparse::guess_language_reference(text))
                << text;
        }
        for (std::size_t at = 0; at < 40 && at < line.size(); ++at) {
            for (int b = 0; b < 256; ++b) {
                std::string text = line;
                text[at] = static_cast<char>(b);
                ASSERT_EQ(pressparse::guess_language(text),
                          pressparse::guess_language_reference(text))
                    << "byte " << b << " at " << at << " of " << line;
            }
        }
    }
    for (char32_t c = 0x400; c < 0x480; ++c) {
        const std::string letter = utf8_of(c);
        for (const std::string& text : {letter + " " + letter + " и в на", "на " + letter + letter,
                                        "Ж" + letter + ", " + letter + "е."}) {
            ASSERT_EQ(pressparse::guess_language(text), pressparse::guess_language_reference(text))
                << "U+" << std::hex << static_cast<unsigned>(c);
        }
    }
}

// Runs of the Russian alphabet read up to eight letters at a time: a piece that stops the run
// (a space, a letter past U+045F, a lead byte alone, a combining mark, a line feed, ASCII, a
// letter of D1 80–9F) put at every position of a long run, with the sample ending at every
// code point boundary near it.
TEST(TextFacts, RussianRunsStoppedAnywhere) {
    const std::string run =
        "\xD0\x90\xD0\xB1\xD1\x80\xD0\xB0\xD0\xBA\xD0\xB0\xD0\xB4\xD0\xB0\xD0\xB1\xD1\x80\xD0"
        "\xB0\xD0\xBF\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82\xD0\xBC\xD0\xB8\xD1\x80\xD1\x8F"
        "\xD1\x91\xD0\xB6\xD0\xB7";
    for (const std::string stop : {" ", "\xD1\xA3", "\xD0", "\xCC\x81", "\n", "a", "\xD1\x9F",
                                   "\xD0\x81", "\xE2\x80\x94", "\xD2\x91"}) {
        for (std::size_t at = 0; at <= run.size(); at += 2) {
            std::string text = run;
            text.insert(at, stop);
            const std::vector<std::string> pieces = {text + run, "x " + text};
            const std::string where = "stop " + stop + " at " + std::to_string(at);
            expect_same_facts(pieces, where);
            for (std::size_t cut = at > 6 ? at - 6 : 0; cut <= at + 6; ++cut) {
                const std::string& first = pieces[0];
                if (cut < first.size() && (static_cast<unsigned char>(first[cut]) & 0xC0) == 0x80)
                    continue;  // samples end on a code point boundary
                expect_same_facts(pieces, where + ", sample " + std::to_string(cut), cut);
            }
        }
    }
}
