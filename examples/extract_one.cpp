// The smallest program built on libpressparse: extracts one page and prints its article as
// schema-version-1 JSON, as `pressparse --pretty PAGE` would. Built against an installed
// pressparse (examples/CMakeLists.txt, or pkg-config; see docs/install.md).
#include <cstdio>
#include <exception>
#include <iostream>

#include "pressparse/errors.hpp"
#include "pressparse/json_writer.hpp"
#include "pressparse/pipeline.hpp"
#include "pressparse/version.hpp"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: extract_one PAGE   (libpressparse %s)\n", PRESSPARSE_VERSION);
        return 2;
    }
    try {
        const pressparse::Article article = pressparse::extract_file(argv[1]);
        std::cout << pressparse::to_json_string(article, /*pretty=*/true) << '\n';
        return 0;
    } catch (const pressparse::InputError& e) {
        std::fprintf(stderr, "extract_one: %s: %s\n", argv[1], e.what());
        return 1;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "extract_one: %s: internal error: %s\n", argv[1], e.what());
        return 1;
    }
}
