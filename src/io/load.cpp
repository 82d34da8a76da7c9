#include "pressparse/load.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "pressparse/errors.hpp"

namespace pressparse {

namespace {

[[noreturn]] void throw_errno(int err) {
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

std::string too_large(std::uint64_t max_bytes) {
    return "larger than the size cap of " + std::to_string(max_bytes) + " bytes";
}

}  // namespace

std::string load_file(const std::string& path, std::uint64_t max_bytes) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw_errno(errno);
    struct FdCloser {
        int fd;
        ~FdCloser() { ::close(fd); }
    } closer{fd};

    struct stat st {};
    if (::fstat(fd, &st) != 0) throw_errno(errno);
    if (S_ISDIR(st.st_mode)) throw InputError(ErrorCode::IsDirectory, "is a directory");
    if (S_ISREG(st.st_mode) && static_cast<std::uint64_t>(st.st_size) > max_bytes) {
        throw InputError(ErrorCode::TooLarge, too_large(max_bytes));
    }

    std::string bytes;
    if (S_ISREG(st.st_mode)) bytes.reserve(static_cast<std::size_t>(st.st_size));
    char buffer[64 * 1024];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n == 0) break;
        if (n < 0) {
            if (errno == EINTR) continue;
            throw_errno(errno);
        }
        if (bytes.size() + static_cast<std::size_t>(n) > max_bytes) {
            throw InputError(ErrorCode::TooLarge, too_large(max_bytes));
        }
        bytes.append(buffer, static_cast<std::size_t>(n));
    }
    return bytes;
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
    return bytes;
}

}  // namespace pressparse
