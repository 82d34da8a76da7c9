// Fuzzes the HTML reader on decoded input (blocks and metadata must be valid UTF-8, blocks never
// empty), then the whole pipeline with InputFormat::Html on the same bytes.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_common.hpp"
#include "pressparse/decode.hpp"
#include "pressparse/html_reader.hpp"
#include "pressparse/pipeline.hpp"

namespace {

void check_page(const pressparse::HtmlPage& page) {
    using pressparse::fuzz::check_utf8;
    using pressparse::fuzz::check_utf8_opt;
    pressparse::fuzz::check_blocks(page.blocks);
    const pressparse::Metadata& m = page.meta;
    check_utf8_opt(m.title, "meta title");
    check_utf8_opt(m.byline, "meta byline");
    check_utf8_opt(m.date_text, "meta date_text");
    check_utf8_opt(m.url, "meta url");
    check_utf8_opt(m.site_name, "meta site_name");
    check_utf8_opt(m.language, "meta language");
    check_utf8_opt(m.category, "meta category");
    check_utf8_opt(m.document_title, "meta document_title");
    for (const auto& w : page.warnings)
        check_utf8(w, "html warning");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    pressparse::fuzz::expect_only_input_error([&] {
        const pressparse::Decoded decoded =
            pressparse::decode(bytes, pressparse::prescan_charset(bytes));
        check_page(pressparse::read_html(decoded.text));
    });
    pressparse::fuzz::expect_only_input_error([&] {
        pressparse::ExtractOptions options;
        options.format = pressparse::InputFormat::Html;
        const pressparse::Article article = pressparse::extract(bytes, "fuzz.html", options);
        if (article.input.format != pressparse::InputFormat::Html) pressparse::fuzz::fail("format");
        pressparse::fuzz::check_article(article);
    });
    return 0;
}
