// Fuzzes the JSON-LD reading of the HTML reader with structure-aware input
// (fuzz/json_structure.hpp): documents of up to 16 KiB (nested thousands deep, @graph of hundreds
// of nodes, the keys articles use; the cap keeps executions fast, the 100,000-deep pages are unit
// tests) embedded in a page, read by the HTML reader and by the whole pipeline. Besides the usual
// invariants (no crash, valid UTF-8, only InputError), the depth bound is checked exactly: the
// page warns that JSON-LD was cut if and only if the document nests deeper than the bound.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_common.hpp"
#include "json_structure.hpp"
#include "pressparse/html_reader.hpp"
#include "pressparse/pipeline.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    FuzzedDataProvider in(data, size);
    const int wrapping = in.ConsumeIntegralInRange<int>(0, 3);
    pressparse::fuzz::JsonStructure structure(in);
    const pressparse::fuzz::GeneratedJson ld = structure.document(1 << 14);

    std::string page =
        "<!DOCTYPE html><html lang=\"ru\"><head><title>Мост через Даугаву открыт "
        "после ремонта</title><script type=\"application/ld+json\">";
    // Pages wrap JSON-LD in comment or CDATA markers (removed before parsing).
    if (wrapping == 1) page += "<!--";
    if (wrapping == 2) page += "//<![CDATA[";
    page += ld.text;
    if (wrapping == 1) page += "-->";
    if (wrapping == 2) page += "//]]>";
    page +=
        "</script></head><body><article><p>В Даугавпилсе открыли новый мост через реку, сообщили "
        "в самоуправлении, и движение пустили по обеим полосам.</p></article></body></html>";

    const bool should_cut = ld.has_container && ld.max_depth >= pressparse::kMaxJsonLdDepth;
    const std::string warning = "JSON-LD nested deeper than " +
                                std::to_string(pressparse::kMaxJsonLdDepth) + " levels was cut";
    pressparse::fuzz::expect_only_input_error([&] {
        const pressparse::HtmlPage html = pressparse::read_html(page);
        pressparse::fuzz::check_blocks(html.blocks);
        const auto cut = std::count(html.warnings.begin(), html.warnings.end(), warning);
        if (cut != (should_cut ? 1 : 0)) {
            pressparse::fuzz::fail(should_cut ? "deep JSON-LD without the warning"
                                              : "JSON-LD within the bound reported as cut",
                                   std::to_string(ld.max_depth));
        }
        for (const auto* field : {&html.meta.title, &html.meta.byline, &html.meta.date_text,
                                  &html.meta.site_name, &html.meta.category, &html.meta.url}) {
            pressparse::fuzz::check_utf8_opt(*field, "JSON-LD metadata");
        }
    });
    pressparse::fuzz::expect_only_input_error([&] {
        pressparse::ExtractOptions options;
        options.format = pressparse::InputFormat::Html;
        pressparse::fuzz::check_article(pressparse::extract(page, "fuzz.html", options));
    });
    return 0;
}
