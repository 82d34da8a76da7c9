// The whole pipeline as pure functions: bytes in, Article out. No globals, no I/O besides
// `extract_file`'s read, safe to run on many threads at once.
//
//   bytes ─decode─▶ UTF-8 ─read─▶ blocks ─segment─▶ Article
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "pressparse/article.hpp"
#include "pressparse/html_reader.hpp"
#include "pressparse/load.hpp"

namespace pressparse {

struct ExtractOptions {
    std::optional<InputFormat> format;  // nullopt: decided from the content
    std::uint64_t max_bytes = kDefaultMaxBytes;
    // What the transport said (an HTTP header, a web archive record): a charset to prefer over
    // the page's own declaration, and the page's address.
    std::optional<std::string> declared_charset;
    std::optional<std::string> url;
    HtmlOptions html;  // how HTML is read (the pre-pass before gumbo)
};

// Text or HTML, from the content: HTML when the page opens (after white space and comments) with
// a doctype, an XML declaration or a tag of an HTML element, or has several such tags in its
// first 8 KB; otherwise text.
InputFormat detect_format(std::string_view bytes);

// Extracts one article from a page's bytes. `path` only names the input in the result.
// Throws InputError for input that is not a page (empty, binary).
Article extract(std::string_view bytes, const std::string& path,
                const ExtractOptions& options = {});

// Loads `path` ("-" for standard input) and extracts it. Throws InputError.
Article extract_file(const std::string& path, const ExtractOptions& options = {});

}  // namespace pressparse
