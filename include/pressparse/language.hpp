// Guesses the BCP 47 language of a text from its script and its commonest words.
// Deliberately small: it separates the languages a Latvian news archive holds (Russian,
// Latvian, English, and others by script), not the world's languages.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pressparse {

// "ru", "lv", "en", "de", "uk", … or nullopt when the text has too few letters to tell.
std::optional<std::string> guess_language(std::string_view utf8);

}  // namespace pressparse
