// How an input is named outside the program: in JSON (`input.path`), on the error stream, and
// under an output directory. Each form keeps inputs apart that are different files: nothing is
// replaced by U+FFFD, dropped, or shortened.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace pressparse::batch {

// The path as `input.path` shows it, lossless and valid UTF-8: valid UTF-8 as it is, each byte
// that is not part of valid UTF-8 as `\xHH` (two lower-case hex digits), and a backslash as
// `\\`. Reversed by reading `\\` as a backslash and `\xHH` as the byte.
std::string lossless_path(std::string_view path);

// The path as the error stream shows it: `lossless_path`, and besides control characters
// (C0, DEL, and the C1 range U+0080–U+009F) escaped as `\n`, `\r`, `\t` or `\xHH` per byte, so
// that a name is always on one line and never acts on a terminal.
std::string printable_path(std::string_view path);

// The name an input's output gets under an output directory, before its extension: the path
// as given, kept whole (`story.txt.gz` stays `story.txt.gz`), made relative and contained: a
// leading `/` and `.` components are dropped, each `..` component becomes `%2E%2E`. Empty
// becomes `input`.
std::filesystem::path output_name(const std::filesystem::path& path);

}  // namespace pressparse::batch
