// SimHash fingerprints of article text and the pigeonhole index over them (see fingerprint.hpp).
#include "pressparse/fingerprint.hpp"

#include <algorithm>
#include <array>
#include <bit>

namespace pressparse::fingerprint {

namespace {

// A 64-bit mix with full avalanche (the splitmix64 finaliser), so that shingle hashes vote on
// every bit evenly.
std::uint64_t mix(std::uint64_t z) {
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

}  // namespace

// The one bits per position, counted eight at a time: lane k of packed_[j] (one byte) counts
// bit 8k + j. A byte holds 255 votes, so the lanes are moved into ones_ every 255 shingles. A bit
// of the fingerprint is set when more than half the shingles voted for it.
void SimHash::vote(std::uint64_t hash) {
    constexpr std::uint64_t kLowBits = 0x0101010101010101ULL;
    for (std::size_t j = 0; j < 8; ++j)
        packed_[j] += (hash >> j) & kLowBits;
    ++shingles_;
    if (++pending_ == 255) {
        add_packed(ones_);
        packed_.fill(0);
        pending_ = 0;
    }
}

void SimHash::add_packed(std::array<std::uint32_t, 64>& ones) const {
    for (std::size_t j = 0; j < 8; ++j) {
        for (std::size_t k = 0; k < 8; ++k)
            ones[8 * k + j] += static_cast<std::uint32_t>((packed_[j] >> (8 * k)) & 0xFFU);
    }
}

void SimHash::word(std::u16string_view w) {
    word_hashed(unicode::folded_fnv(w));
}

// The word's hash: its folded FNV-1a, mixed.
void SimHash::word_hashed(std::uint64_t fnv) {
    const std::uint64_t h = mix(fnv);
    ++words_;
    if (words_ >= 3) vote(mix(previous_[0] * 31 + previous_[1] * 0x9E3779B97F4A7C15ULL + h));
    previous_[0] = previous_[1];
    previous_[1] = h;
}

std::optional<std::uint64_t> SimHash::value() const {
    if (words_ == 0) return std::nullopt;
    if (words_ < 3) {  // one shingle of the words there are
        SimHash short_text;
        short_text.vote(mix(previous_[0] * 31 + previous_[1] * 0x9E3779B97F4A7C15ULL));
        return short_text.value_of_votes();
    }
    return value_of_votes();
}

std::uint64_t SimHash::value_of_votes() const {
    std::array<std::uint32_t, 64> ones = ones_;
    add_packed(ones);
    std::uint64_t fp = 0;
    for (std::size_t bit = 0; bit < 64; ++bit) {
        if (2 * static_cast<std::uint64_t>(ones[bit]) > shingles_) fp |= std::uint64_t{1} << bit;
    }
    return fp;
}

std::optional<std::uint64_t> of_text(std::string_view utf8) {
    SimHash h;
    unicode::count_words(utf8, &h);
    return h.value();
}

std::string to_hex(std::uint64_t value) {
    // Sixteen lower-case digits, most significant first (printf's "%016llx").
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out(16, '0');
    for (std::size_t i = 16; i-- > 0; value >>= 4)
        out[i] = kDigits[value & 0xFU];
    return out;
}

int distance(std::uint64_t a, std::uint64_t b) {
    return std::popcount(a ^ b);
}

std::optional<std::uint32_t> NearIndex::find(std::uint64_t fp) const {
    std::optional<std::uint32_t> best;  // the earliest position found
    if (const auto same = exact_.find(fp); same != exact_.end()) best = same->second;
    for (int i = 0; i < kSlices; ++i) {
        const auto& table = slices_[static_cast<std::size_t>(i)];
        const auto it = table.find(slice(fp, i));
        if (it == table.end()) continue;
        const std::size_t n = std::min(it->second.size(), kMaxScan);
        for (std::size_t k = 0; k < n; ++k) {
            const std::uint32_t pos = it->second[k];
            if (best && pos >= *best) break;  // positions are in the order added
            if (distance(entries_[pos].fp, fp) <= kMaxDistance) best = pos;
        }
    }
    if (!best) return std::nullopt;
    return entries_[*best].id;
}

void NearIndex::add(std::uint64_t fp, std::uint32_t id) {
    const auto pos = static_cast<std::uint32_t>(entries_.size());
    entries_.push_back({fp, id});
    exact_.try_emplace(fp, pos);
    for (int i = 0; i < kSlices; ++i)
        slices_[static_cast<std::size_t>(i)][slice(fp, i)].push_back(pos);
}

}  // namespace pressparse::fingerprint
