// Guesses the BCP 47 language of a text from its script and its commonest words.
// Deliberately small: it separates the languages a Latvian news archive holds (Russian,
// Latvian, English, and others by script), not the world's languages.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "pressparse/unicode.hpp"

namespace pressparse {

// "ru", "lv", "en", "de", "uk", … or nullopt when the text has too few letters to tell.
std::optional<std::string> guess_language(std::string_view utf8);

// The part of a text the guess reads: its first 4 KiB, cut back to a code point boundary.
std::string_view language_sample(std::string_view utf8);
// The same guess, given the script counts of the text's sample (count_scripts of
// language_sample(utf8)) made by a pass that read the text already (unicode::scan_text).
std::optional<std::string> guess_language(std::string_view utf8,
                                          const unicode::ScriptCounts& sample_scripts);

// The same guess with its tokens read byte by byte and every short one folded and compared with
// the profiles' words: the definition the fast reading is held to (tests).
std::optional<std::string> guess_language_reference(std::string_view utf8);

}  // namespace pressparse
