// Bylines: the author's name out of the text a page prints or states around it. One rule for
// every source of a byline (JSON-LD, meta tags, microdata, author links, the visible byline
// line), so the HTML metadata reader and the segmenter agree on what a name is.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pressparse::byline {

// Longest name kept, in characters: a longer candidate is a sentence, not a byline.
inline constexpr int kMaxNameCharacters = 100;
inline constexpr int kMaxNameTokens = 12;

// The name(s) in a byline candidate, or nullopt when it names no one. In order: link phrases
// of author pages ("Show all articles of", "Zeige alle Beiträge von") and labels ("By", "Von",
// "Par", "Автор:", from src/text/byline_words.txt) before the name go; addresses and social
// handles ("facebook.com/x", "(http://…)", "@x") and arrows go; the text is cut at a
// separator ("|", "•", "·"), keeping the part that names someone; a date printed after the name
// goes with the words before it ("Updated", "Published on"). Refused: what is left empty, a
// date alone, an address, no letter, more than kMaxNameCharacters characters or
// kMaxNameTokens words.
std::optional<std::string> clean(std::string_view text);

// A user name rather than a person's name: one word that is all lower-case ASCII, or mixes
// letters and digits, or starts with "@" ("devindra", "CC7567", "@jdoe"). Taken only when
// nothing better names the author.
bool is_handle(std::string_view name);

}  // namespace pressparse::byline
