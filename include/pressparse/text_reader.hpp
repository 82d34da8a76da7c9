// The text reader: a saved page in text form (UTF-8, NFC) to blocks: one per non-blank line, or
// one per paragraph where the page was saved hard-wrapped (see src/read/text_layout.hpp).
// It only records layout (which lines had a blank line before them, "* " list markers); what a
// line *is* is the segmenter's decision.
#pragma once

#include <string_view>

#include "pressparse/blocks.hpp"

namespace pressparse {

Blocks read_text(std::string_view utf8);

}  // namespace pressparse
