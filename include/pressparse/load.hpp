// Loading a page's bytes from a file or a stream, with a size cap. The only file I/O of the
// library; everything after it works on bytes in memory.
#pragma once

#include <cstdint>
#include <istream>
#include <string>

namespace pressparse {

inline constexpr std::uint64_t kDefaultMaxBytes = 64ull * 1024 * 1024;

// Reads the whole file. Throws InputError (NotFound, IsDirectory, Unreadable, TooLarge).
std::string load_file(const std::string& path, std::uint64_t max_bytes = kDefaultMaxBytes);

// Reads a stream to its end (stdin). Throws InputError (Unreadable, TooLarge).
std::string load_stream(std::istream& in, std::uint64_t max_bytes = kDefaultMaxBytes);

}  // namespace pressparse
