// Errors about one input. They carry a stable code (for JSON error records and exit status)
// and a one-line reason; the caller adds the input's name.
#pragma once

#include <stdexcept>
#include <string>

namespace pressparse {

enum class ErrorCode {
    NotFound,     // no such file
    IsDirectory,  // a directory where a page was expected
    Unreadable,   // permission denied or another read error
    Empty,        // zero bytes, or only white space
    TooLarge,     // over the size cap
    Binary,       // not text: NUL bytes or control characters throughout
    Internal      // a bug: reported, never a crash
};

const char* to_string(ErrorCode code);

// The InputError for a failed open/read: NotFound, IsDirectory, or Unreadable with the system's
// text.
[[noreturn]] void throw_errno(int err);

class InputError : public std::runtime_error {
  public:
    InputError(ErrorCode code, const std::string& reason)
        : std::runtime_error(reason), code_(code) {}
    ErrorCode code() const { return code_; }

  private:
    ErrorCode code_;
};

}  // namespace pressparse
