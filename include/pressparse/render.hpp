// Human-readable renderings of an Article: Markdown and plain text. Like the JSON writer, these
// only format what the Article holds; they decide nothing. Both return UTF-8 text ending in
// exactly one newline.
#pragma once

#include <string>

#include "pressparse/article.hpp"

namespace pressparse {

// Markdown (CommonMark): `# headline`, an italic byline (source · date · category), the body in
// order (paragraphs, `## subheadings`, `- list items`, `> quotes`, italic captions with their
// credit after ` — `) and a `## Related` list of teasers. Article text is escaped so that it can
// never turn into markup.
std::string to_markdown(const Article& article);

// Plain text: headline, byline, then each body block as its own paragraph (captions as
// `[Photo: text — credit]`, list items prefixed `- `), separated by blank lines. No teasers.
std::string to_plain_text(const Article& article);

}  // namespace pressparse
