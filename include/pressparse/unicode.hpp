// Unicode helpers on UTF-8 strings, built on ICU: normalisation, whitespace folding,
// letter case and script of code points, word and character counts.
// All functions are pure and thread-safe (ICU break iterators are kept per thread).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace pressparse::unicode {

// NFC form of valid UTF-8. Returns the input unchanged (no copy of the work) when already NFC.
std::string to_nfc(std::string_view utf8);

// Every run of white space (Unicode White_Space, plus control characters) becomes one ASCII
// space; leading and trailing white space is removed. Invalid UTF-8 sequences become U+FFFD.
std::string fold_whitespace(std::string_view utf8);

// True when the text is valid UTF-8 (no overlongs, surrogates or values past U+10FFFF).
bool is_valid_utf8(std::string_view bytes);
// What one pass over the bytes tells: whether they are valid UTF-8 and, if so, whether they are
// certainly in NFC already (every code point is NFC_Quick_Check=Yes with combining class 0, by
// ICU's data; `nfc` false means only "ask the normaliser").
struct Utf8Check {
    bool valid = false;
    bool nfc = false;
};
Utf8Check check_utf8(std::string_view bytes);

// Decodes the code point at `pos` and advances `pos`; invalid sequences yield U+FFFD.
char32_t next_code_point(std::string_view s, std::size_t& pos);

// Appends the UTF-8 encoding of `c` to `out`.
void append_utf8(std::string& out, char32_t c);

// The first letter of the text (skipping quotes, dashes, digits, punctuation) and its case.
enum class LetterCase { None, Upper, Lower };
LetterCase first_letter_case(std::string_view utf8);

// Counts of letters by script, for language guessing.
struct ScriptCounts {
    int cyrillic = 0;
    int latin = 0;
    int latvian_diacritics = 0;  // ā č ē ģ ī ķ ļ ņ š ū ž (either case)
    int other_letters = 0;
};
ScriptCounts count_scripts(std::string_view utf8);

// Receives each word that count_words finds, in order, as UTF-16.
class WordSink {
  public:
    virtual void word(std::u16string_view w) = 0;
    // A sink that reads each word only through folded_fnv (below) says so here; the fast path
    // then hashes a word while it finds it and hands over the hash instead of the word.
    // word(w) and word_hashed(folded_fnv(w)) must do the same.
    [[nodiscard]] virtual bool takes_hashes() const { return false; }
    virtual void word_hashed(std::uint64_t /*fnv*/) {}

  protected:
    ~WordSink() = default;
};

// FNV-1a (64 bits) over the word's UTF-16 code units, each simply case folded (ICU's
// u_foldCase, one code unit to one).
std::uint64_t folded_fnv(std::u16string_view word);

// Number of words by ICU's word break rules (segments with letters, numbers, kana or ideographs).
// Each word is also passed to `sink` when one is given. Lines made only of Latin, Greek and
// Cyrillic letters, digits, white space and punctuation that neither joins nor extends words
// beyond ICU's basic rules are segmented by a fast path that finds the same words; every other
// line is handed to ICU's break iterator (count_words_icu).
int count_words(std::string_view utf8, WordSink* sink = nullptr);

// The same by ICU's break iterator alone over the whole text: the reference the fast path is
// held to (tests, fuzzing).
int count_words_icu(std::string_view utf8, WordSink* sink = nullptr);

// Number of user-perceived characters (extended grapheme clusters).
int count_characters(std::string_view utf8);

// What an article's statistics, fingerprint and language guess need from its text, read in one
// pass over it instead of one pass each. The text is the pieces, each followed by a line feed.
struct TextFacts {
    int characters = 0;           // count_characters summed over the pieces
    int words = 0;                // count_words over the text (each word also given to the sink)
    ScriptCounts sample_scripts;  // count_scripts over the text's first `sample_bytes` bytes
};
// `sample_bytes` must end on a code point boundary of the text (or be past its end). Every field
// equals its own function's answer (tests/unit/text_facts_test.cpp holds it to them).
TextFacts scan_text(std::span<const std::string_view> pieces, std::size_t sample_bytes,
                    WordSink* sink = nullptr);

// Lower-cases with ICU's root locale rules.
std::string to_lower(std::string_view utf8);

// NFC, then ICU's default case folding, then NFC again: two texts that differ only in case or
// composition fold to the same string (for matching phrases, not for output).
std::string fold_case(std::string_view utf8);

// Number of whitespace-separated tokens (cheap; for heuristics, not for statistics). Stops
// counting past `limit`: the result is then limit + 1, enough to compare with the limit.
int count_tokens(std::string_view text, int limit = 1 << 30);

// count_tokens(fold_whitespace(text), limit) for a text given in pieces, without joining or
// folding it: a token is a run of characters that are not white space as fold_whitespace reads
// it (an invalid sequence is one character, its U+FFFD). Feed the pieces in order, each made of
// whole characters; count() is then that figure.
class FoldedTokens {
  public:
    explicit FoldedTokens(int limit = 1 << 30) : limit_(limit) {}
    // False once the count has passed the limit: the rest need not be fed.
    bool feed(std::string_view piece);
    int count() const { return count_; }

  private:
    int limit_;
    int count_ = 0;  // stops at the first token past the limit
    bool in_token_ = false;
};

// Trailing/leading ASCII-and-Unicode white space trimmed (no inner folding).
std::string_view trim(std::string_view text);

}  // namespace pressparse::unicode
