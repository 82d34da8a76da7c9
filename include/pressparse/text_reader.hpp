// The text reader: a saved page in text form (UTF-8, NFC) to blocks: one per non-blank line, or
// one per paragraph where the page was saved hard-wrapped (see src/read/text_layout.hpp).
// It only records layout (which lines had a blank line before them, "* " list markers); what a
// line *is* is the segmenter's decision.
#pragma once

#include <cstddef>
#include <string_view>

#include "pressparse/blocks.hpp"

namespace pressparse {

// Most lines read from one text page: a block costs about a hundred bytes however short its
// line, so a page of millions of tiny lines would cost many times its size. Real pages have a
// few hundred lines.
inline constexpr std::size_t kMaxTextLines = 1'000'000;

// Reads at most kMaxTextLines non-blank lines; `truncated`, when given, tells whether the page had
// more (and was cut off after them).
Blocks read_text(std::string_view utf8, bool* truncated = nullptr);

}  // namespace pressparse
