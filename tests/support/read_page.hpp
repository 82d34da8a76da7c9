// A page read as far as the extraction's stages start: its Document, its metadata and the state
// the stages share, built in that order as extract() builds them. Tests of a single stage hold
// one of these instead of writing the three steps again.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "read/html_dom.hpp"
#include "read/html_extraction.hpp"
#include "read/html_metadata.hpp"

namespace pressparse::html::test {

struct ReadPage {
    explicit ReadPage(std::string_view html, bool prepass = true)
        : doc(html, prepass),
          meta(extract_metadata(doc, warnings, title_heading)),
          st(doc, meta, title_heading) {}
    ReadPage(const ReadPage&) = delete;  // st refers to doc and meta
    ReadPage& operator=(const ReadPage&) = delete;

    Document doc;
    std::vector<std::string> warnings;
    NodeId title_heading = kNoNode;
    Metadata meta;
    extract::ExtractionState st;
};

}  // namespace pressparse::html::test
