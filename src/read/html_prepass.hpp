// The pre-pass before gumbo: the bodies of inline scripts and style sheets emptied, so that the
// parser does not tokenise them character by character (on real news pages they are about half
// the bytes). Nothing they hold ever reaches an Article — except JSON-LD, which metadata reads,
// so a script whose type may be JSON is kept whole. The text of comments is emptied too
// (commented-out blocks, about 3 % of a news page's bytes after scripts): the DOM keeps no
// comment node (html_dom.cpp), so nothing reads it. So are the quoted values of attributes no
// one reads (attribute_value_read: event handlers, data-* that no reader names, svg path data;
// about a twentieth of a news page's bytes after scripts), except on the formatting elements
// whose attributes the parser compares (b, i, font, …; see compares_attribute_values).
//
// Where each body ends is found by the HTML tokenizer's own rules, not by a pattern: a script
// ends at "</script" (any case) followed by white space, "/" or ">", except inside its escaped
// "<!--" … "-->" sections where a "<script" opens a double-escaped run whose "</script" does not
// end it; a style sheet ends at "</style" likewise. Everything the tokenizer would read in
// another state is passed over the way it reads it — comments, bogus comments, the text of
// title/textarea/xmp/iframe/noembed/noframes, quoted attribute values — so a "<script" inside
// them is never taken for one. Inside <svg> or <math> (foreign content, where <script> and
// <style> are ordinary elements) nothing is emptied, and a page with a <frameset> or a
// <plaintext> is returned as it is.
//
// Must never: change a byte outside an emptied body or value, allocate per element, or look back.
// Proof that it changes nothing: tests/unit/html_prepass_test.cpp (every page on hand gives the
// same Article with and without it) and fuzz/fuzz_prepass.cpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pressparse::html {

// The page with script and style bodies, comments' text and unread attribute values emptied, or
// nullopt when there is nothing to empty.
std::optional<std::string> empty_script_bodies(std::string_view s);

// Whether anything reads the value of an attribute called `name` (in any case): a reader of the
// extraction or the parser itself. The pre-pass empties the quoted values of the others.
bool attribute_value_read(std::string_view name);

}  // namespace pressparse::html
