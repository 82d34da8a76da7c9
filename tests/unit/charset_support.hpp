// Test support: text in a legacy charset, made by ICU from UTF-8, so charset tests hold bytes
// no one typed by hand.
#pragma once

#include <gtest/gtest.h>
#include <unicode/ucnv.h>

#include <string>

namespace pressparse::test {

inline std::string encode(const std::string& utf8, const char* charset) {
    UErrorCode status = U_ZERO_ERROR;
    std::string out(utf8.size() * 4 + 8, '\0');
    const int32_t n = ucnv_convert(charset, "UTF-8", out.data(), static_cast<int32_t>(out.size()),
                                   utf8.data(), static_cast<int32_t>(utf8.size()), &status);
    EXPECT_TRUE(U_SUCCESS(status)) << u_errorName(status);
    out.resize(static_cast<std::size_t>(n));
    return out;
}

}  // namespace pressparse::test
