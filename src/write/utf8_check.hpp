// Is a string well-formed UTF-8? The writers' guarantee that no ill-formed byte reaches the
// output rests on this check, which every string written goes through, so it is made fast: ASCII
// sixteen or thirty-two bytes at a time, and other text by table lookups on each byte's nibbles
// (the Keiser–Lemire method: three lookups say which pairs of adjacent bytes are ill-formed, and
// the bytes two and three after a lead of a three- or four-byte sequence must be continuations).
// The vector forms are chosen once per process from what the CPU has (AVX2, then SSSE3); without
// them, plain ASCII runs are skipped sixteen bytes at a time (SSE2, the x86-64 baseline) and the
// rest is read byte by byte. Every form answers exactly as `scan_reference`, the
// definition (the Unicode Standard, table 3-7), which the unit tests hold them to.
#pragma once

#include <string_view>

namespace pressparse::utf8 {

// What a string holds, for the JSON writer: whether it is well-formed UTF-8, and whether any of
// its bytes is one JSON escapes (below 0x20, '"', '\\'), so that a string without one is copied
// whole.
struct Scan {
    bool well_formed = true;
    bool escapes = false;
    friend bool operator==(const Scan&, const Scan&) = default;
};

// The check for the writers: the fastest form this CPU runs.
Scan scan(std::string_view s);
bool is_well_formed(std::string_view s);

// The definition, byte by byte. Well-formed: each sequence is one of 00-7F; C2-DF 80-BF;
// E0 A0-BF 80-BF; E1-EC 80-BF 80-BF; ED 80-9F 80-BF; EE-EF 80-BF 80-BF; F0 90-BF 80-BF 80-BF;
// F1-F3 80-BF 80-BF 80-BF; F4 80-8F 80-BF 80-BF.
Scan scan_reference(std::string_view s);

// Each form, for the tests; a form the CPU lacks must not be called (see the predicates).
Scan scan_fallback(std::string_view s);  // ASCII runs sixteen bytes at a time where built for SSE2
Scan scan_ssse3(std::string_view s);
Scan scan_avx2(std::string_view s);
bool cpu_has_ssse3();
bool cpu_has_avx2();

}  // namespace pressparse::utf8
