// Fuzzes the text path without decode's refusals: valid NFC UTF-8 made from the input (by
// decode, or line by line with unicode::fold_whitespace) through read_text, segment,
// finish_article and the JSON writer.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_common.hpp"
#include "pressparse/decode.hpp"
#include "pressparse/segment.hpp"
#include "pressparse/text_reader.hpp"
#include "pressparse/unicode.hpp"

namespace {

// Keeps the line structure (blank lines included) and makes every line valid NFC UTF-8.
std::string lines_folded(std::string_view bytes) {
    std::string out;
    std::size_t pos = 0;
    while (pos <= bytes.size()) {
        std::size_t end = bytes.find('\n', pos);
        if (end == std::string_view::npos) end = bytes.size();
        if (!out.empty() || pos > 0) out += '\n';
        out += pressparse::unicode::fold_whitespace(bytes.substr(pos, end - pos));
        pos = end + 1;
    }
    return pressparse::unicode::to_nfc(out);
}

void run_text(const std::string& utf8) {
    pressparse::fuzz::check_utf8(utf8, "text path input");
    const pressparse::Blocks blocks = pressparse::read_text(utf8);
    pressparse::fuzz::check_blocks(blocks);
    pressparse::Article article;
    article.input.path = "fuzz.txt";
    article.input.bytes = utf8.size();
    pressparse::segment(blocks, article);
    pressparse::finish_article(article);
    pressparse::fuzz::check_article(article);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string_view all(reinterpret_cast<const char*>(data), size);
    const std::string_view bytes = all.substr(1);
    pressparse::fuzz::expect_only_input_error([&] {
        if (all[0] & 1) {
            run_text(lines_folded(bytes));
        } else {
            run_text(pressparse::decode(bytes).text);
        }
    });
    return 0;
}
