// Fuzzes the pre-pass before gumbo (src/read/html_prepass.hpp): whatever the page, the Article
// must be the same, byte for byte, with the script and style bodies emptied and without — and
// the pre-pass alone must only ever shorten the page, leaving what it keeps in order.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_common.hpp"
#include "pressparse/json_writer.hpp"
#include "pressparse/pipeline.hpp"
#include "read/html_prepass.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    if (const auto emptied = pressparse::html::empty_script_bodies(bytes)) {
        if (emptied->size() >= bytes.size()) pressparse::fuzz::fail("pre-pass did not shorten");
        // What is kept is a subsequence of the page.
        std::size_t at = 0;
        for (const char c : *emptied) {
            at = bytes.find(c, at);
            if (at == std::string_view::npos) pressparse::fuzz::fail("pre-pass added bytes");
            ++at;
        }
    }
    std::string with, without;
    pressparse::fuzz::expect_only_input_error([&] {
        pressparse::ExtractOptions options;
        options.format = pressparse::InputFormat::Html;
        options.html.prepass = true;
        with = pressparse::to_json_string(pressparse::extract(bytes, "fuzz.html", options), false);
        options.html.prepass = false;
        without =
            pressparse::to_json_string(pressparse::extract(bytes, "fuzz.html", options), false);
    });
    if (with != without) pressparse::fuzz::fail("pre-pass changed the article", with);
    return 0;
}
