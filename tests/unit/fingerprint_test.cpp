#include "pressparse/fingerprint.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

namespace fp = pressparse::fingerprint;

namespace {

// A text of `n` words drawn from a small invented vocabulary by a seeded generator: the same
// seed gives the same text.
std::string words(unsigned seed, int n) {
    static const std::vector<std::string> vocabulary = {
        "мост",   "город", "ремонт", "жители", "вечер",   "река",   "дорога", "новый",
        "старый", "весна", "школа",  "рынок",  "неделя",  "вокзал", "парк",   "улица",
        "bridge", "river", "tram",   "market", "morning", "rain",   "square", "council"};
    std::mt19937 gen(seed);
    std::uniform_int_distribution<std::size_t> pick(0, vocabulary.size() - 1);
    std::string out;
    for (int i = 0; i < n; ++i) {
        if (i) out += (i % 12 == 0) ? ".\n" : " ";
        out += vocabulary[pick(gen)];
    }
    return out;
}

}  // namespace

TEST(Fingerprint, SameWordsSameValueWhateverTheSpacingCaseOrPunctuation) {
    const auto a = fp::of_text("Мост открыли после ремонта. Жители довольны!");
    const auto b = fp::of_text("мост  ОТКРЫЛИ после\nремонта — жители, довольны");
    ASSERT_TRUE(a);
    EXPECT_EQ(a, b);
    EXPECT_EQ(fp::to_hex(*a).size(), 16u);
}

TEST(Fingerprint, NoWordsNoValue) {
    EXPECT_EQ(fp::of_text(""), std::nullopt);
    EXPECT_EQ(fp::of_text(" , — ! "), std::nullopt);
    EXPECT_TRUE(fp::of_text("мост"));
    EXPECT_NE(fp::of_text("мост"), fp::of_text("река"));
    EXPECT_NE(fp::of_text("мост река"), fp::of_text("река мост"));
}

TEST(Fingerprint, LightEditsStayCloseUnrelatedTextsDoNot) {
    const std::string base = words(1, 400);
    const auto original = fp::of_text(base);
    ASSERT_TRUE(original);
    // One word replaced in the middle, and a sentence added at the end.
    std::string edited = base;
    const auto at = edited.find(' ', edited.size() / 2);
    edited.insert(at, " обновлено");
    const auto near = fp::of_text(edited);
    const auto longer = fp::of_text(base + ". И ещё одна короткая фраза в конце");
    EXPECT_LE(fp::distance(*original, *near), fp::NearIndex::kMaxDistance);
    EXPECT_LE(fp::distance(*original, *longer), fp::NearIndex::kMaxDistance);
    // Unrelated texts of the same vocabulary: about half the bits differ.
    int far = 0;
    for (unsigned seed = 2; seed < 22; ++seed)
        far += fp::distance(*original, *fp::of_text(words(seed, 400)));
    EXPECT_GT(far / 20, 20);
}

TEST(Fingerprint, Hex) {
    EXPECT_EQ(fp::to_hex(0), "0000000000000000");
    EXPECT_EQ(fp::to_hex(0x00ab'cdef'0123'4567ULL), "00abcdef01234567");
    EXPECT_EQ(fp::distance(0, ~std::uint64_t{0}), 64);
}

// to_hex is printf's "%016llx", held to it on every digit value at every position and on
// values drawn at random.
TEST(Fingerprint, HexIsPrintfsSixteenDigits) {
    auto printf_hex = [](std::uint64_t v) {
        char buf[17];
        std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
        return std::string(buf);
    };
    for (unsigned shift = 0; shift < 64; shift += 4) {
        for (std::uint64_t digit = 0; digit < 16; ++digit)
            ASSERT_EQ(fp::to_hex(digit << shift), printf_hex(digit << shift));
    }
    std::mt19937_64 gen(14);
    for (int i = 0; i < 10000; ++i) {
        const std::uint64_t v = gen();
        ASSERT_EQ(fp::to_hex(v), printf_hex(v));
    }
}

TEST(NearIndex, FindsEqualAndNearFingerprintsTheFirstAddedWinning) {
    fp::NearIndex index;
    const std::uint64_t a = 0x0123'4567'89ab'cdefULL;
    EXPECT_EQ(index.find(a), std::nullopt);
    index.add(a, 7);
    EXPECT_EQ(index.find(a), 7u);
    // Three bits off, spread over three slices, or all in one: found.
    EXPECT_EQ(index.find(a ^ 0x0001'0001'0001'0000ULL), 7u);
    EXPECT_EQ(index.find(a ^ 0x0000'0000'0000'0007ULL), 7u);
    // Four bits off, one in each slice: not found.
    EXPECT_EQ(index.find(a ^ 0x0001'0001'0001'0001ULL), std::nullopt);
    // A later fingerprint near both: the first added is named.
    const std::uint64_t b = a ^ 0x3ULL;
    index.add(b, 9);
    EXPECT_EQ(index.find(b), 7u);
    EXPECT_EQ(index.find(a ^ 0x7ULL), 7u);                    // 3 bits from a, 1 from b
    EXPECT_EQ(index.find(b ^ 0x8000'0000'0000'0004ULL), 9u);  // 2 from b, 4 from a
}

// Many fingerprints sharing slices (as pages built for it would): lookups stay right for the
// fingerprints within reach, and the index holds them all.
TEST(NearIndex, ManyFingerprintsSharingASlice) {
    fp::NearIndex index;
    constexpr std::uint32_t kCount = 100'000;
    for (std::uint32_t i = 0; i < kCount; ++i) {
        // Slice 0 always 0; the other 48 bits spread i far apart (multiplied by an odd constant).
        const std::uint64_t v = (static_cast<std::uint64_t>(i) * 0x9E37'79B9'7F4AULL) << 16;
        index.add(v, i);
    }
    const std::uint64_t last = (static_cast<std::uint64_t>(kCount - 1) * 0x9E37'79B9'7F4AULL) << 16;
    EXPECT_EQ(index.find(last), kCount - 1);
    EXPECT_EQ(index.find(last ^ 0x1'0000'0000ULL), kCount - 1);
}
