#include "pressparse/load.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <cerrno>
#include <cstring>

#include "pressparse/errors.hpp"

namespace pressparse {

namespace {

constexpr const char* kNotRegular = "not a regular file (a FIFO, socket or device)";

std::string too_large(std::uint64_t max_bytes) {
    return "larger than the size cap of " + std::to_string(max_bytes) + " bytes";
}

bool is_gzip(const char* data, std::size_t size) {
    return size >= 2 && std::memcmp(data, "\x1F\x8B", 2) == 0;
}

// Inflates gzip data (all members of a multi-member file), refusing output over the cap.
std::string gunzip(std::string_view in, std::uint64_t max_bytes) {
    z_stream zs{};
    if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK)
        throw InputError(ErrorCode::Unreadable, "zlib unavailable");
    struct Guard {
        z_stream* zs;
        ~Guard() { inflateEnd(zs); }
    } guard{&zs};
    std::string out;
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    zs.avail_in = static_cast<uInt>(in.size());
    char buffer[64 * 1024];
    for (;;) {
        zs.next_out = reinterpret_cast<Bytef*>(buffer);
        zs.avail_out = sizeof buffer;
        const int rc = inflate(&zs, Z_NO_FLUSH);
        const std::size_t produced = sizeof buffer - zs.avail_out;
        if (out.size() + produced > max_bytes)
            throw InputError(ErrorCode::TooLarge, too_large(max_bytes) + " once decompressed");
        out.append(buffer, produced);
        if (rc == Z_STREAM_END) {
            // Another gzip member may follow.
            if (is_gzip(reinterpret_cast<const char*>(zs.next_in), zs.avail_in)) {
                inflateReset(&zs);
                continue;
            }
            break;
        }
        if (rc == Z_BUF_ERROR && zs.avail_in == 0)
            throw InputError(ErrorCode::Unreadable, "truncated gzip data");
        if (rc != Z_OK && rc != Z_BUF_ERROR)
            throw InputError(ErrorCode::Unreadable, "corrupt gzip data");
    }
    return out;
}

}  // namespace

void throw_errno(int err) {
    switch (err) {
        case ENOENT:
        case ENOTDIR:
            throw InputError(ErrorCode::NotFound, "no such file");
        case EISDIR:
            throw InputError(ErrorCode::IsDirectory, "is a directory");
        default:
            throw InputError(ErrorCode::Unreadable, std::strerror(err));
    }
}

void decompress_if_gzip(std::string& bytes, std::uint64_t max_bytes) {
    if (is_gzip(bytes.data(), bytes.size())) bytes = gunzip(bytes, max_bytes);
}

namespace {

// Opens `path`, looked at first unless `looked_at` (its caller has just done so), and checks the
// descriptor is a regular file.
int open_file(const std::string& path, struct stat* opened, bool looked_at) {
    // Looked at before it is opened (opening a FIFO waits for a writer, opening a device may do
    // something), and again once open, in case it was replaced in between. O_NONBLOCK keeps the
    // open itself from waiting.
    struct stat st {};
    if (!looked_at) {
        if (::stat(path.c_str(), &st) != 0) throw_errno(errno);
        if (S_ISDIR(st.st_mode)) throw InputError(ErrorCode::IsDirectory, "is a directory");
        if (!S_ISREG(st.st_mode)) throw InputError(ErrorCode::Unreadable, kNotRegular);
    }
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) throw_errno(errno);
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        const int err = errno;
        ::close(fd);
        if (!S_ISREG(st.st_mode)) throw InputError(ErrorCode::Unreadable, kNotRegular);
        throw_errno(err);
    }
    if (opened) *opened = st;
    return fd;
}

// Reads the file at `path` into `bytes`, whose storage is reused: the read goes straight into
// it (no bounce buffer), sized from the file's status plus one byte, so that a file read whole
// is seen to end by the next read without growing it.
void load_opened(const std::string& path, std::uint64_t max_bytes, bool looked_at,
                 std::string& bytes) {
    struct stat st {};  // of the file opened (a regular file)
    const int fd = open_file(path, &st, looked_at);
    struct FdCloser {
        int fd;
        ~FdCloser() { ::close(fd); }
    } closer{fd};

    if (static_cast<std::uint64_t>(st.st_size) > max_bytes) {
        throw InputError(ErrorCode::TooLarge, too_large(max_bytes));
    }

    bytes.resize(static_cast<std::size_t>(st.st_size) + 1);
    std::size_t used = 0;
    for (;;) {
        if (used == bytes.size()) {  // the file grew since its status was read
            const std::uint64_t doubled = std::uint64_t{used} * 2;
            // One byte past the cap at most: enough to see that the file passes it.
            bytes.resize(static_cast<std::size_t>(max_bytes < doubled ? max_bytes + 1 : doubled));
        }
        const ssize_t n = ::read(fd, bytes.data() + used, bytes.size() - used);
        if (n == 0) break;
        if (n < 0) {
            if (errno == EINTR) continue;
            throw_errno(errno);
        }
        used += static_cast<std::size_t>(n);
        if (used > max_bytes) {
            throw InputError(ErrorCode::TooLarge, too_large(max_bytes));
        }
        // A read that came back short having brought the file to the size its status gave has
        // reached its end: a regular file's read is short only at the end, so the read that
        // would return nothing is not made (one system call of a page's five). A file whose
        // status gives another size (one that grew, or /proc's, which say 0) reads on to that
        // read as before.
        if (used == static_cast<std::size_t>(st.st_size) && used < bytes.size()) break;
    }
    bytes.resize(used);
    decompress_if_gzip(bytes, max_bytes);
}

}  // namespace

int open_regular_file(const std::string& path, struct stat* opened) {
    return open_file(path, opened, false);
}

std::string load_file(const std::string& path, std::uint64_t max_bytes) {
    std::string bytes;
    load_opened(path, max_bytes, false, bytes);
    return bytes;
}

std::string load_listed_file(const std::string& path, std::uint64_t max_bytes) {
    std::string bytes;
    load_opened(path, max_bytes, true, bytes);
    return bytes;
}

void load_listed_file(const std::string& path, std::uint64_t max_bytes, std::string& into) {
    load_opened(path, max_bytes, true, into);
}

std::string load_stream(std::istream& in, std::uint64_t max_bytes) {
    std::string bytes;
    char buffer[64 * 1024];
    while (in) {
        in.read(buffer, sizeof buffer);
        const auto n = static_cast<std::size_t>(in.gcount());
        if (bytes.size() + n > max_bytes)
            throw InputError(ErrorCode::TooLarge, too_large(max_bytes));
        bytes.append(buffer, n);
    }
    if (in.bad()) throw InputError(ErrorCode::Unreadable, "read error");
    decompress_if_gzip(bytes, max_bytes);
    return bytes;
}

}  // namespace pressparse
