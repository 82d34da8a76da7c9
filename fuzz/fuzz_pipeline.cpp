// Fuzzes pressparse::extract end to end with the format decided from the content, as the CLI
// runs it: InputError is an expected refusal; anything else escaping is a bug. The Article must
// write as valid JSON that parses back, and the Markdown and plain-text renderings must be valid
// UTF-8 ending in exactly one newline.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_common.hpp"
#include "pressparse/pipeline.hpp"
#include "pressparse/render.hpp"

namespace {

void check_rendering(const std::string& s, const char* what) {
    pressparse::fuzz::check_utf8(s, what);
    if (s.empty() || s.back() != '\n' || (s.size() >= 2 && s[s.size() - 2] == '\n'))
        pressparse::fuzz::fail(what, "does not end in exactly one newline");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    pressparse::fuzz::expect_only_input_error([&] {
        const pressparse::Article article = pressparse::extract(bytes, "fuzz");
        if (article.input.format != pressparse::detect_format(bytes))
            pressparse::fuzz::fail("format differs from detect_format");
        pressparse::fuzz::check_article(article);
        check_rendering(pressparse::to_markdown(article), "markdown");
        check_rendering(pressparse::to_plain_text(article), "plain text");
    });
    return 0;
}
