// Loading a page's bytes from a file or a stream, with a size cap. The only file I/O of the
// library; everything after it works on bytes in memory.
#pragma once

#include <sys/stat.h>

#include <cstdint>
#include <istream>
#include <string>

namespace pressparse {

inline constexpr std::uint64_t kDefaultMaxBytes = 64ull * 1024 * 1024;

// Both readers undo gzip compression (a .gz page, detected from its bytes, not its name); the
// cap then applies to the decompressed size too.

// Opens a regular file for reading, never waiting: a FIFO, socket or device is refused
// (Unreadable, "not a regular file …") before it is opened. Throws InputError (NotFound,
// IsDirectory, Unreadable); the caller closes the descriptor. `opened`, when given, receives
// the file's status as read from the open descriptor (its size, for one).
int open_regular_file(const std::string& path, struct stat* opened = nullptr);

// Reads the whole file (a regular file: see open_regular_file). Throws InputError (NotFound,
// IsDirectory, Unreadable, TooLarge).
std::string load_file(const std::string& path, std::uint64_t max_bytes = kDefaultMaxBytes);

// As load_file, for a path its caller has just found to be a regular file by stat(2) (a batch
// that listed it): the file is opened without looking at it first. A FIFO, socket or device put
// in its place since is still refused, unopened waits never happen (O_NONBLOCK) and the file
// opened is checked to be a regular file, as load_file checks it.
std::string load_listed_file(const std::string& path, std::uint64_t max_bytes = kDefaultMaxBytes);

// The same into `into`, replacing what it held and reusing its storage: a batch reads page
// after page into one buffer instead of allocating one per page. On an error `into` holds
// nothing of use.
void load_listed_file(const std::string& path, std::uint64_t max_bytes, std::string& into);

// Reads a stream to its end (stdin). Throws InputError (Unreadable, TooLarge).
std::string load_stream(std::istream& in, std::uint64_t max_bytes = kDefaultMaxBytes);

// Inflates gzip data in place (all members); leaves anything else as it is. Throws InputError
// (Unreadable for corrupt or truncated data, TooLarge past the cap).
void decompress_if_gzip(std::string& bytes, std::uint64_t max_bytes = kDefaultMaxBytes);

}  // namespace pressparse
