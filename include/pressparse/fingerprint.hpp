// Near-duplicate detection: a SimHash of an article's words, and an index that finds an earlier
// fingerprint within a few bits of a new one without scanning.
//
// The fingerprint is Charikar's SimHash over the body's word 3-shingles (each run of three
// consecutive words, by ICU's word breaks, case folded): every shingle's 64-bit hash votes on
// each bit, and the fingerprint keeps the bits with more votes for 1 than for 0. The same text
// gives the same fingerprint; a lightly edited text (a word changed, a sentence added) a
// fingerprint a few bits away; unrelated texts about 32 bits apart.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "pressparse/unicode.hpp"

namespace pressparse::fingerprint {

// Builds a fingerprint from words fed in order (a unicode::WordSink for count_words).
class SimHash final : public unicode::WordSink {
  public:
    void word(std::u16string_view w) override;
    [[nodiscard]] bool takes_hashes() const override { return true; }
    void word_hashed(std::uint64_t fnv) override;
    // The fingerprint, or nullopt when no word was fed. Texts of one or two words are hashed
    // as one shingle.
    [[nodiscard]] std::optional<std::uint64_t> value() const;

  private:
    void vote(std::uint64_t hash);
    void add_packed(std::array<std::uint32_t, 64>& ones) const;
    [[nodiscard]] std::uint64_t value_of_votes() const;
    std::array<std::uint32_t, 64> ones_{};   // per bit: shingles whose hash has it set, …
    std::array<std::uint64_t, 8> packed_{};  // … but for the last `pending_`, eight per word
    std::uint32_t pending_ = 0;
    std::uint64_t shingles_ = 0;
    std::array<std::uint64_t, 2> previous_{};  // the last two words' hashes
    std::size_t words_ = 0;
};

// The fingerprint of a text (its words by ICU's rules), or nullopt when it has none.
std::optional<std::uint64_t> of_text(std::string_view utf8);

// 16 lower-case hex digits.
std::string to_hex(std::uint64_t value);

// Number of differing bits.
int distance(std::uint64_t a, std::uint64_t b);

// Fingerprints seen so far, each with a number naming its page. Two fingerprints within
// kMaxDistance bits agree exactly on at least one of kMaxDistance + 1 16-bit slices of their
// bits (pigeonhole), so a lookup checks only the fingerprints that share a slice with the new
// one: about pages / 65,536 per slice. An equal fingerprint is found at once; a near one is
// looked for among the first kMaxScan fingerprints of each slice value, so that pages built to
// share slices cannot make lookups slow (past that, a near copy may go unnoticed).
// Memory: about 60 bytes per distinct page (the fingerprint and its number, four slice
// positions, an entry of the exact table).
class NearIndex {
  public:
    static constexpr int kMaxDistance = 3;
    static constexpr std::size_t kMaxScan = 65536;

    // The number of an earlier fingerprint within kMaxDistance bits of `fp` (the first added,
    // when several are), or nullopt.
    [[nodiscard]] std::optional<std::uint32_t> find(std::uint64_t fp) const;
    // Records `fp` under `id`.
    void add(std::uint64_t fp, std::uint32_t id);

  private:
    static constexpr int kSlices = kMaxDistance + 1;
    static std::uint16_t slice(std::uint64_t fp, int i) {
        return static_cast<std::uint16_t>(fp >> (16 * i));
    }
    struct Entry {
        std::uint64_t fp;
        std::uint32_t id;
    };
    std::vector<Entry> entries_;
    std::unordered_map<std::uint64_t, std::uint32_t> exact_;  // fingerprint → first position
    // Per slice, per slice value: positions in entries_, in the order added.
    std::array<std::unordered_map<std::uint16_t, std::vector<std::uint32_t>>, kSlices> slices_;
};

}  // namespace pressparse::fingerprint
