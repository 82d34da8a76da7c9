// Whether a page is written mostly in Cyrillic: more Cyrillic than Latin letters
// (unicode::count_scripts) in its blocks' texts, read block by block until the block that takes
// the count past 64 KB. Rules about captions in a foreign script depend on it.
#pragma once

#include "pressparse/blocks.hpp"

namespace pressparse::segment_rules {

// The count stops as soon as the blocks left cannot change the answer: they hold at most one
// Latin letter a byte and one Cyrillic letter every two bytes.
bool mostly_cyrillic(const Blocks& blocks);

// The definition: every block of the sample counted.
bool mostly_cyrillic_reference(const Blocks& blocks);

}  // namespace pressparse::segment_rules
