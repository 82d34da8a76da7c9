// The WARC reader: a byte stream over the file (zlib's inflate, reset at each gzip member's end,
// for a .warc.gz), the record framing on top of it (version line, header fields, a block of
// Content-Length bytes, CRLF CRLF), and the HTTP response inside a response record (status line,
// header fields, chunked transfer coding, gzip and deflate). It keeps one record in memory and
// never reads ahead more than a buffer's worth; it never interprets the payload.
#include "pressparse/warc.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <deque>
#include <new>
#include <stdexcept>

#include "pressparse/errors.hpp"
#include "pressparse/load.hpp"

namespace pressparse {

namespace {

constexpr std::size_t kChunk = std::size_t{64} * 1024;
constexpr std::size_t kMaxHeaderLine = std::size_t{64} * 1024;  // one WARC header line
constexpr std::size_t kMaxHeaderBytes =
    std::size_t{1024} * 1024;  // all of one record's WARC header

char to_lower_ascii(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string to_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        c = to_lower_ascii(c);
    return out;
}

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (to_lower_ascii(a[i]) != to_lower_ascii(b[i])) return false;
    }
    return true;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

// A short, printable excerpt of untrusted bytes for an error message.
std::string excerpt(std::string_view s) {
    constexpr std::size_t kMax = 40;
    std::string out;
    for (std::size_t i = 0; i < s.size() && i < kMax; ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        out += (c >= 0x20 && c < 0x7F) ? static_cast<char>(c) : '?';
    }
    if (s.size() > kMax) out += "...";
    return "'" + out + "'";
}

// A problem with the file's bytes (read error, gzip data); the reader adds the record's offset.
class StreamError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// A record whose framing is broken (version line, header, Content-Length, the CRLF CRLF after
// the block): the reader reports it as a damaged record and looks for the next one.
class FramingError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// A problem inside a record's HTTP message; it becomes the record's `error`.
class HttpError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// ---------------------------------------------------------------------------------------------
// Media types: "type/subtype; name=value; name="quoted value"".

struct MediaType {
    std::string type;                                         // lower case, no parameters
    std::vector<std::pair<std::string, std::string>> params;  // names lower case

    std::optional<std::string> param(std::string_view name) const {
        for (const auto& [n, v] : params) {
            if (n == name) return v;
        }
        return std::nullopt;
    }
};

MediaType parse_media_type(std::string_view s) {
    MediaType mt;
    const std::size_t semi = s.find(';');
    mt.type = to_lower(trim(s.substr(0, semi)));
    if (semi == std::string_view::npos) return mt;
    std::size_t i = semi + 1;
    while (i < s.size()) {
        // name
        std::size_t eq = i;
        while (eq < s.size() && s[eq] != '=' && s[eq] != ';')
            ++eq;
        const std::string name = to_lower(trim(s.substr(i, eq - i)));
        if (eq >= s.size() || s[eq] == ';') {  // a parameter without a value
            i = eq + 1;
            continue;
        }
        // value: a token or a quoted string
        std::size_t j = eq + 1;
        while (j < s.size() && (s[j] == ' ' || s[j] == '\t'))
            ++j;
        std::string value;
        if (j < s.size() && s[j] == '"') {
            ++j;
            while (j < s.size() && s[j] != '"') {
                if (s[j] == '\\' && j + 1 < s.size()) ++j;
                value += s[j++];
            }
            while (j < s.size() && s[j] != ';')
                ++j;
        } else {
            const std::size_t end = std::min(s.find(';', j), s.size());
            value = std::string(trim(s.substr(j, end - j)));
            j = end;
        }
        if (!name.empty()) mt.params.emplace_back(name, std::move(value));
        i = j + 1;
    }
    return mt;
}

// ---------------------------------------------------------------------------------------------
// Decompression of HTTP bodies (whole, in memory, capped).

class Inflater {
  public:
    explicit Inflater(int window_bits) {
        const int rc = inflateInit2(&zs_, window_bits);
        if (rc == Z_MEM_ERROR) throw std::bad_alloc();
        if (rc != Z_OK) throw std::runtime_error("zlib inflateInit2 failed");
    }
    ~Inflater() { inflateEnd(&zs_); }
    Inflater(const Inflater&) = delete;
    Inflater& operator=(const Inflater&) = delete;
    z_stream& stream() { return zs_; }

  private:
    z_stream zs_{};
};

enum class InflateResult { Done, Truncated, DataError };

// Inflates one zlib, gzip or raw deflate stream from the start of `in` into `out`. `consumed`
// is how much of `in` the stream took. Throws HttpError over the cap.
InflateResult inflate_stream(std::string_view in, int window_bits, std::uint64_t cap,
                             const char* what, std::string& out, std::size_t& consumed) {
    Inflater inflater(window_bits);
    z_stream& zs = inflater.stream();
    std::size_t fed = 0;
    for (;;) {
        if (zs.avail_in == 0 && fed < in.size()) {
            const std::size_t piece = std::min<std::size_t>(in.size() - fed, 1u << 30);
            zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data() + fed));
            zs.avail_in = static_cast<uInt>(piece);
            fed += piece;
        }
        const std::size_t old = out.size();
        out.resize(old + kChunk);
        zs.next_out = reinterpret_cast<Bytef*>(out.data() + old);
        zs.avail_out = static_cast<uInt>(kChunk);
        const int rc = inflate(&zs, Z_NO_FLUSH);
        out.resize(old + (kChunk - zs.avail_out));
        if (out.size() > cap) {
            throw HttpError(std::string(what) + " payload larger than the cap of " +
                            std::to_string(cap) + " bytes");
        }
        if (rc == Z_STREAM_END) {
            consumed = fed - zs.avail_in;
            return InflateResult::Done;
        }
        if (rc == Z_MEM_ERROR) throw std::bad_alloc();
        if (rc == Z_DATA_ERROR || rc == Z_NEED_DICT || rc == Z_STREAM_ERROR) {
            return InflateResult::DataError;
        }
        // Z_OK or Z_BUF_ERROR: more input is needed, unless there is none left.
        if (zs.avail_in == 0 && fed == in.size() && zs.avail_out != 0) {
            return InflateResult::Truncated;
        }
    }
}

std::string gunzip(std::string_view in, std::uint64_t cap, const char* what) {
    std::string out;
    while (!in.empty()) {
        std::size_t consumed = 0;
        switch (inflate_stream(in, 16 + MAX_WBITS, cap, what, out, consumed)) {
            case InflateResult::Done:
                break;
            case InflateResult::Truncated:
                throw HttpError(std::string(what) + " gzip data truncated");
            case InflateResult::DataError:
                throw HttpError(std::string(what) + " gzip data corrupt");
        }
        in.remove_prefix(consumed);
        // Another member may follow; anything else after the data is ignored, as browsers do.
        if (in.size() < 2 || static_cast<unsigned char>(in[0]) != 0x1F ||
            static_cast<unsigned char>(in[1]) != 0x8B) {
            break;
        }
    }
    return out;
}

// HTTP "deflate" is meant to be zlib-wrapped, but servers also send raw deflate data.
std::string inflate_deflate(std::string_view in, std::uint64_t cap, const char* what) {
    for (const int bits : {MAX_WBITS, -MAX_WBITS}) {
        std::string out;
        std::size_t consumed = 0;
        switch (inflate_stream(in, bits, cap, what, out, consumed)) {
            case InflateResult::Done:
                return out;
            case InflateResult::Truncated:
                throw HttpError(std::string(what) + " deflate data truncated");
            case InflateResult::DataError:
                break;
        }
    }
    throw HttpError(std::string(what) + " deflate data corrupt");
}

// ---------------------------------------------------------------------------------------------
// HTTP messages inside a block.

// The next line of `rest` without its CRLF or LF; nullopt when no line end is left.
std::optional<std::string_view> take_line(std::string_view& rest) {
    const std::size_t nl = rest.find('\n');
    if (nl == std::string_view::npos) return std::nullopt;
    std::string_view line = rest.substr(0, nl);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    rest.remove_prefix(nl + 1);
    return line;
}

std::string dechunk(std::string_view in, std::uint64_t cap) {
    std::string out;
    for (;;) {
        const auto line = take_line(in);
        if (!line) throw HttpError("chunked body ends without its last chunk");
        std::string_view size_text = trim(line->substr(0, line->find(';')));
        if (size_text.empty() || size_text.size() > 15) {
            throw HttpError("bad chunk size line " + excerpt(*line));
        }
        std::uint64_t size = 0;
        for (const char c : size_text) {
            int digit;
            if (c >= '0' && c <= '9') {
                digit = c - '0';
            } else if (c >= 'a' && c <= 'f') {
                digit = c - 'a' + 10;
            } else if (c >= 'A' && c <= 'F') {
                digit = c - 'A' + 10;
            } else {
                throw HttpError("bad chunk size line " + excerpt(*line));
            }
            size = size * 16 + static_cast<std::uint64_t>(digit);
        }
        if (size == 0) {
            // Trailer fields up to an empty line; a missing final line end is tolerated.
            while (const auto trailer = take_line(in)) {
                if (trailer->empty()) break;
            }
            return out;
        }
        if (size > in.size()) {
            throw HttpError("chunked body truncated: a chunk of " + std::to_string(size) +
                            " bytes with " + std::to_string(in.size()) + " left");
        }
        if (out.size() + size > cap) {
            throw HttpError("chunked payload larger than the cap of " + std::to_string(cap) +
                            " bytes");
        }
        out.append(in.substr(0, static_cast<std::size_t>(size)));
        in.remove_prefix(static_cast<std::size_t>(size));
        if (in.substr(0, 2) == "\r\n") {
            in.remove_prefix(2);
        } else if (in.substr(0, 1) == "\n") {
            in.remove_prefix(1);
        } else {
            throw HttpError("chunk not followed by a line end");
        }
    }
}

// "gzip, chunked" → {"gzip", "chunked"}, lower case, in the order applied.
std::vector<std::string> codings(const std::vector<std::string>& values) {
    std::vector<std::string> out;
    for (const std::string& v : values) {
        std::string_view rest = v;
        while (!rest.empty()) {
            const std::size_t comma = rest.find(',');
            const std::string_view item = trim(rest.substr(0, comma));
            if (!item.empty()) out.push_back(to_lower(item.substr(0, item.find(';'))));
            if (comma == std::string_view::npos) break;
            rest.remove_prefix(comma + 1);
        }
    }
    return out;
}

std::string undo_codings(std::string body, const std::vector<std::string>& applied,
                         const char* header, std::uint64_t cap) {
    for (auto it = applied.rbegin(); it != applied.rend(); ++it) {
        if (body.empty()) break;  // nothing to decode (HEAD, 304, an empty body)
        if (*it == "chunked" && std::string_view(header) == "Transfer-Encoding") {
            body = dechunk(body, cap);
        } else if (*it == "gzip" || *it == "x-gzip") {
            body = gunzip(body, cap, header);
        } else if (*it == "deflate") {
            body = inflate_deflate(body, cap, header);
        } else if (*it != "identity") {
            throw HttpError("unsupported " + std::string(header) + " " + excerpt(*it));
        }
    }
    return body;
}

// "HTTP/1.1 200 OK" → 200.
int parse_status_line(std::string_view line) {
    if (line.substr(0, 5) != "HTTP/") throw HttpError("bad HTTP status line " + excerpt(line));
    const std::size_t sp = line.find(' ');
    if (sp == std::string_view::npos) throw HttpError("bad HTTP status line " + excerpt(line));
    std::string_view rest = line.substr(sp + 1);
    while (!rest.empty() && rest.front() == ' ')
        rest.remove_prefix(1);
    if (rest.size() < 3 || (rest.size() > 3 && rest[3] != ' ') ||
        !std::all_of(rest.begin(), rest.begin() + 3, [](char c) { return c >= '0' && c <= '9'; })) {
        throw HttpError("bad HTTP status line " + excerpt(line));
    }
    const int status = (rest[0] - '0') * 100 + (rest[1] - '0') * 10 + (rest[2] - '0');
    if (status < 100 || status > 599) throw HttpError("bad HTTP status code " + excerpt(line));
    return status;
}

HeaderFields parse_http_headers(std::string_view& rest) {
    std::vector<std::pair<std::string, std::string>> fields;
    for (;;) {
        const auto line = take_line(rest);
        if (!line) throw HttpError("HTTP header not ended by an empty line");
        if (line->empty()) break;
        if ((line->front() == ' ' || line->front() == '\t') && !fields.empty()) {
            fields.back().second += ' ';
            fields.back().second += trim(*line);
            continue;
        }
        const std::size_t colon = line->find(':');
        if (colon == std::string_view::npos || colon == 0) continue;  // ignored, as browsers do
        fields.emplace_back(std::string(trim(line->substr(0, colon))),
                            std::string(trim(line->substr(colon + 1))));
    }
    HeaderFields headers;
    for (auto& [name, value] : fields)
        headers.add(std::move(name), std::move(value));
    return headers;
}

// Fills the record's HTTP fields from its block. Throws HttpError.
void read_http_response(std::string_view block, WarcRecord& rec, std::uint64_t cap) {
    std::string_view rest = block;
    int status = 0;
    HeaderFields headers;
    for (;;) {
        const auto line = take_line(rest);
        if (!line) throw HttpError("no HTTP status line");
        status = parse_status_line(*line);
        headers = parse_http_headers(rest);
        // Interim responses (100 Continue, 103 Early Hints) precede the final one.
        if (status >= 100 && status < 200 && status != 101 && rest.substr(0, 5) == "HTTP/") {
            continue;
        }
        break;
    }

    std::string body(rest);
    body = undo_codings(std::move(body), codings(headers.get_all("Transfer-Encoding")),
                        "Transfer-Encoding", cap);
    body = undo_codings(std::move(body), codings(headers.get_all("Content-Encoding")),
                        "Content-Encoding", cap);

    rec.has_http = true;
    rec.status = status;
    if (const auto ct = headers.get("Content-Type")) {
        const MediaType mt = parse_media_type(*ct);
        rec.http_content_type = mt.type;
        if (auto cs = mt.param("charset"); cs && !trim(*cs).empty()) {
            rec.charset = std::string(trim(*cs));
        }
    }
    rec.http_headers = std::move(headers);
    rec.payload = std::move(body);
}

bool is_http_response_record(const WarcRecord& rec) {
    if (rec.type != "response") return false;
    const MediaType mt = parse_media_type(rec.content_type);
    if (mt.type != "application/http") return false;
    const auto msgtype = mt.param("msgtype");
    return !msgtype || iequals(*msgtype, "response");
}

// ---------------------------------------------------------------------------------------------
// The file's bytes, inflated when it is gzip.

class ByteStream {
  public:
    explicit ByteStream(const std::string& path) {
        fd_ = open_regular_file(path);
        try {
            in_.resize(kChunk);
            const std::size_t n = read_raw(in_.data(), in_.size());
            const auto* b = in_.data();
            if (n >= 4 && b[0] == 0x28 && b[1] == 0xB5 && b[2] == 0x2F && b[3] == 0xFD) {
                throw InputError(ErrorCode::Unreadable,
                                 "zstd-compressed WARC files are not supported");
            }
            gzip_ = n >= 2 && b[0] == 0x1F && b[1] == 0x8B;
            if (gzip_) {
                const int rc = inflateInit2(&zs_, 16 + MAX_WBITS);
                if (rc == Z_MEM_ERROR) throw std::bad_alloc();
                if (rc != Z_OK) throw InputError(ErrorCode::Internal, "zlib inflateInit2 failed");
                zs_ready_ = true;
                zs_.next_in = in_.data();
                zs_.avail_in = static_cast<uInt>(n);
            } else {
                buf_.assign(reinterpret_cast<const char*>(b), n);
                produced_ = n;
            }
        } catch (const StreamError& e) {
            ::close(fd_);
            throw InputError(ErrorCode::Unreadable, e.what());
        } catch (...) {
            ::close(fd_);
            throw;
        }
    }

    ~ByteStream() {
        if (zs_ready_) inflateEnd(&zs_);
        ::close(fd_);
    }
    ByteStream(const ByteStream&) = delete;
    ByteStream& operator=(const ByteStream&) = delete;

    bool gzip() const { return gzip_; }

    // Makes at least `want` bytes available unless the data ends first; returns how many are.
    std::size_t fill(std::size_t want) {
        while (buf_.size() - pos_ < want) {
            if (pos_ > 0 && pos_ >= buf_.size() / 2) {
                buf_.erase(0, pos_);
                pos_ = 0;
            }
            if (!produce()) break;
        }
        return buf_.size() - pos_;
    }

    std::string_view view() const { return std::string_view(buf_).substr(pos_); }

    void consume(std::size_t n) {
        if (n > 0) after_line_end_ = buf_[pos_ + n - 1] == '\n';
        pos_ += n;
        position_ += n;
    }

    // Whether the byte before view().front() is a line feed (true at the start of the data).
    bool after_line_end() const { return after_line_end_; }

    // In a gzip file, the stream position of the first gzip member that starts in [from, to),
    // among the members begun so far (every member whose data is in view() has been begun).
    std::optional<std::uint64_t> member_start_in(std::uint64_t from, std::uint64_t to) const {
        if (!gzip_) return std::nullopt;
        const auto it =
            std::lower_bound(members_.begin(), members_.end(), from,
                             [](const Member& m, std::uint64_t p) { return m.stream_start < p; });
        if (it == members_.end() || it->stream_start >= to) return std::nullopt;
        return it->stream_start;
    }

    // Position of view().front() in the (uncompressed) stream.
    std::uint64_t position() const { return position_; }

    // File offset of the byte at stream position `p`, or in a gzip file of the start of the
    // member holding it. Forgets members before it: call with non-decreasing positions.
    std::uint64_t file_offset_of(std::uint64_t p) {
        if (!gzip_) return p;
        while (members_.size() > 1 && members_[1].stream_start <= p)
            members_.pop_front();
        return members_.empty() ? file_offset() : members_.front().file_offset;
    }

    // Offset of `p` from the start of its gzip member's uncompressed data.
    std::uint64_t offset_in_member(std::uint64_t p) {
        if (!gzip_ || members_.empty()) return 0;
        file_offset_of(p);
        return p - members_.front().stream_start;
    }

  private:
    struct Member {
        std::uint64_t stream_start;
        std::uint64_t file_offset;
    };

    // File offset of the next byte zlib will take.
    std::uint64_t file_offset() const { return file_read_ - zs_.avail_in; }

    std::size_t read_raw(unsigned char* dst, std::size_t n) {
        for (;;) {
            const ssize_t got = ::read(fd_, dst, n);
            if (got >= 0) {
                file_read_ += static_cast<std::uint64_t>(got);
                return static_cast<std::size_t>(got);
            }
            if (errno != EINTR)
                throw StreamError(std::string("read error: ") + std::strerror(errno));
        }
    }

    bool refill_input() {
        const std::size_t n = read_raw(in_.data(), in_.size());
        zs_.next_in = in_.data();
        zs_.avail_in = static_cast<uInt>(n);
        return n > 0;
    }

    // Appends the next bytes to buf_; false at the end of the data.
    bool produce() {
        if (!gzip_) {
            const std::size_t old = buf_.size();
            buf_.resize(old + kChunk);
            const std::size_t n =
                read_raw(reinterpret_cast<unsigned char*>(buf_.data() + old), kChunk);
            buf_.resize(old + n);
            produced_ += n;
            return n > 0;
        }
        for (;;) {
            if (!in_member_) {
                if (zs_.avail_in == 0 && !refill_input()) return false;  // ends between members
                members_.push_back({produced_, file_offset()});
                if (inflateReset(&zs_) != Z_OK) throw StreamError("zlib inflateReset failed");
                in_member_ = true;
            }
            // Input is needed unless the last call stopped on a full output buffer.
            if (zs_.avail_in == 0 && !output_pending_ && !refill_input()) {
                throw StreamError(
                    "truncated: the file ends inside the gzip member at byte offset " +
                    std::to_string(members_.back().file_offset));
            }
            const std::size_t old = buf_.size();
            buf_.resize(old + kChunk);
            zs_.next_out = reinterpret_cast<Bytef*>(buf_.data() + old);
            zs_.avail_out = static_cast<uInt>(kChunk);
            const int rc = inflate(&zs_, Z_NO_FLUSH);
            const std::size_t got = kChunk - zs_.avail_out;
            buf_.resize(old + got);
            produced_ += got;
            output_pending_ = zs_.avail_out == 0;
            if (rc == Z_STREAM_END) {
                in_member_ = false;
                output_pending_ = false;
            } else if (rc == Z_MEM_ERROR) {
                throw std::bad_alloc();
            } else if (rc == Z_BUF_ERROR && zs_.avail_in == 0) {
                output_pending_ = false;  // no progress without more input
            } else if (rc != Z_OK) {
                throw StreamError("corrupt gzip data in the member at byte offset " +
                                  std::to_string(members_.back().file_offset) + ": " +
                                  (zs_.msg ? zs_.msg : "inflate error " + std::to_string(rc)));
            }
            if (got > 0) return true;
        }
    }

    int fd_ = -1;
    bool gzip_ = false;
    z_stream zs_{};
    bool zs_ready_ = false;
    bool in_member_ = false;
    bool output_pending_ = false;
    std::vector<unsigned char> in_;
    std::uint64_t file_read_ = 0;  // bytes read from the file
    std::string buf_;              // uncompressed bytes; buf_[pos_] is at stream position_
    std::size_t pos_ = 0;
    std::uint64_t position_ = 0;
    bool after_line_end_ = true;
    std::uint64_t produced_ = 0;  // stream position of buf_'s end
    std::deque<Member> members_;
};

}  // namespace

// ---------------------------------------------------------------------------------------------

void HeaderFields::add(std::string name, std::string value) {
    fields_.emplace_back(std::move(name), std::move(value));
}

std::optional<std::string> HeaderFields::get(std::string_view name) const {
    for (const auto& [n, v] : fields_) {
        if (iequals(n, name)) return v;
    }
    return std::nullopt;
}

std::vector<std::string> HeaderFields::get_all(std::string_view name) const {
    std::vector<std::string> out;
    for (const auto& [n, v] : fields_) {
        if (iequals(n, name)) out.push_back(v);
    }
    return out;
}

struct WarcReader::Impl {
    ByteStream stream;
    std::uint64_t cap;
    bool done = false;
    std::uint64_t record_start = 0;  // stream position of the current record

    Impl(const std::string& path, std::uint64_t payload_cap) : stream(path), cap(payload_cap) {}

    // Where the current record starts, for messages.
    std::string where() {
        std::string at =
            "WARC record at byte offset " + std::to_string(stream.file_offset_of(record_start));
        if (const std::uint64_t inside = stream.offset_in_member(record_start); inside > 0) {
            at += " (+" + std::to_string(inside) + " in its gzip member)";
        }
        return at;
    }

    [[noreturn]] void fail(const std::string& reason) {
        throw FramingError(where() + ": " + reason);
    }

    // Whether a record's version line ("WARC/1.0" or "WARC/1.1", CRLF or LF) starts at stream
    // position p (at or after the current position).
    bool version_line_at(std::uint64_t p) {
        const auto off = static_cast<std::size_t>(p - stream.position());
        stream.fill(off + 10);
        const std::string_view v = stream.view().substr(std::min(off, stream.view().size()));
        return v.size() >= 9 && v.substr(0, 7) == "WARC/1." && (v[7] == '0' || v[7] == '1') &&
               (v[8] == '\n' || v.substr(8, 2) == "\r\n");
    }

    // In a gzip file, the first gzip member starting in [from, to) whose data begins with a
    // record's version line. Archivers write one member per record, so such a member inside a
    // record means the record was cut short there.
    std::optional<std::uint64_t> record_member_in(std::uint64_t from, std::uint64_t to) {
        while (auto s = stream.member_start_in(from, to)) {
            if (version_line_at(*s)) return s;
            from = *s + 1;
        }
        return std::nullopt;
    }

    // Fails when a record's version line starts a gzip member within the next `span` bytes of
    // the current record (the record was cut short there); the stream is left at that member.
    void check_not_cut(std::uint64_t span, const char* where_in_record) {
        if (!stream.gzip()) return;
        const std::uint64_t p = stream.position();
        const auto s = record_member_in(p == record_start ? p + 1 : p, p + span);
        if (!s) return;
        stream.consume(static_cast<std::size_t>(*s - p));
        fail(std::string("truncated: the record's gzip member ends inside its ") + where_in_record +
             " and the next member starts a new record");
    }

    // A line without its CRLF or LF; nullopt at the end of the data. `ended` tells whether a
    // line end was found before the end of the data. `in_header`: a header line, which a gzip
    // member starting a new record must not cut.
    std::optional<std::string> read_line(bool& ended, bool in_header) {
        std::size_t searched = 0;
        for (;;) {
            const std::string_view v = stream.view();
            std::size_t length = v.find('\n', searched);
            ended = length != std::string_view::npos;
            if (!ended) {
                if (v.size() > kMaxHeaderLine) {
                    fail("a header line longer than " + std::to_string(kMaxHeaderLine) +
                         " bytes: " + excerpt(v));
                }
                searched = v.size();
                if (stream.fill(v.size() + 1) > searched) continue;
                if (searched == 0) return std::nullopt;
                length = searched;  // the data ends inside this line
            }
            if (in_header) check_not_cut(length + (ended ? 1 : 0), "header");
            std::string line(stream.view().substr(0, length));
            stream.consume(length + (ended ? 1 : 0));
            if (ended && !line.empty() && line.back() == '\r') line.pop_back();
            return line;
        }
    }

    // Copies (or with `out` null, skips) up to n bytes; returns how many there were. In a gzip
    // file it stops early at a member that starts a new record (`cut` is then set).
    std::uint64_t take(std::uint64_t n, std::string* out, bool& cut) {
        std::uint64_t done_bytes = 0;
        cut = false;
        while (done_bytes < n) {
            if (stream.view().empty() && stream.fill(1) == 0) break;
            auto k = static_cast<std::size_t>(
                std::min<std::uint64_t>(stream.view().size(), n - done_bytes));
            if (stream.gzip()) {
                const std::uint64_t p = stream.position();
                if (const auto s = record_member_in(p, p + k)) {
                    k = static_cast<std::size_t>(*s - p);
                    cut = true;
                }
            }
            if (out) out->append(stream.view().substr(0, k));
            stream.consume(k);
            done_bytes += k;
            if (cut) break;
        }
        return done_bytes;
    }

    // After a damaged record: moves to where the next record starts, as far as can be told
    // without going back. In a gzip file, the next gzip member whose data begins with a version
    // line; in a plain file, the next line that is a version line, "WARC/1.0" or "WARC/1.1".
    // False when the data ends first. Linear: the bytes passed over are looked at once.
    bool resync() {
        constexpr std::string_view kMark = "WARC/1.";
        for (;;) {
            if (stream.view().size() < 16 && stream.fill(16) == 0) return false;
            const std::uint64_t p = stream.position();
            const std::size_t size = stream.view().size();
            if (stream.gzip()) {
                if (const auto s = record_member_in(p, p + size)) {
                    stream.consume(static_cast<std::size_t>(*s - p));
                    return true;
                }
                stream.consume(size);
                stream.file_offset_of(stream.position());  // forget the members passed
                continue;
            }
            // A candidate may straddle the end of the view: keep its first bytes for the next
            // round unless the data ends here.
            const std::size_t i = stream.view().find(kMark);
            if (i == std::string_view::npos) {
                const std::size_t keep = std::min(size, kMark.size() - 1);
                if (stream.fill(size + 1) == size) {
                    stream.consume(size);
                    return false;
                }
                stream.consume(size - keep);
                continue;
            }
            stream.consume(i);
            if (stream.after_line_end() && version_line_at(stream.position())) return true;
            stream.consume(1);
        }
    }

    // The damaged record that `reason` describes, with the reader moved to the next record.
    WarcRecord damaged(std::string reason, bool can_resync) {
        WarcRecord rec;
        rec.offset = stream.file_offset_of(record_start);
        rec.damaged = true;
        bool found = false;
        if (can_resync) {
            try {
                found = resync();
            } catch (const StreamError& e) {
                reason += std::string("; after it, ") + e.what();
            }
        }
        if (found) {
            reason += "; reading resumed at the record at byte offset " +
                      std::to_string(stream.file_offset_of(stream.position()));
        } else {
            done = true;
        }
        rec.error = std::move(reason);
        return rec;
    }

    std::optional<WarcRecord> next() {
        // The version line, after any stray blank lines between records.
        std::optional<std::string> version;
        bool ended = false;
        for (;;) {
            record_start = stream.position();
            version = read_line(ended, false);
            if (!version) {
                done = true;
                return std::nullopt;
            }
            if (!version->empty()) break;
        }
        if (version->compare(0, 5, "WARC/") != 0 || version->size() == 5 ||
            version->find_first_not_of("0123456789.", 5) != std::string::npos) {
            fail("not a WARC record: expected a WARC/1.x version line, found " + excerpt(*version));
        }
        if (!ended) fail("truncated: the file ends inside the record's header");

        WarcRecord rec;
        rec.offset = stream.file_offset_of(record_start);

        // Header fields up to an empty line; continuation lines join the field above.
        std::vector<std::pair<std::string, std::string>> fields;
        std::size_t header_bytes = 0;
        for (;;) {
            auto line = read_line(ended, true);
            if (!line || !ended) fail("truncated: the file ends inside the record's header");
            if (line->empty()) break;
            header_bytes += line->size();
            if (header_bytes > kMaxHeaderBytes) {
                fail("a header larger than " + std::to_string(kMaxHeaderBytes) + " bytes");
            }
            if (line->front() == ' ' || line->front() == '\t') {
                if (fields.empty()) fail("a continuation line before any header field");
                fields.back().second += ' ';
                fields.back().second += trim(*line);
                continue;
            }
            const std::size_t colon = line->find(':');
            if (colon == std::string::npos || colon == 0) {
                fail("a header line without a field name and colon: " + excerpt(*line));
            }
            fields.emplace_back(std::string(trim(std::string_view(*line).substr(0, colon))),
                                std::string(trim(std::string_view(*line).substr(colon + 1))));
        }
        for (auto& [name, value] : fields)
            rec.warc_headers.add(std::move(name), std::move(value));

        const auto length = rec.warc_headers.get("Content-Length");
        if (!length) fail("no Content-Length");
        if (length->empty() || length->size() > 18 ||
            length->find_first_not_of("0123456789") != std::string::npos) {
            fail("bad Content-Length " + excerpt(*length));
        }
        rec.content_length = std::stoull(*length);
        rec.type = rec.warc_headers.get("WARC-Type").value_or("");
        rec.target_uri = rec.warc_headers.get("WARC-Target-URI").value_or("");
        if (rec.target_uri.size() >= 2 && rec.target_uri.front() == '<' &&
            rec.target_uri.back() == '>') {
            rec.target_uri = rec.target_uri.substr(1, rec.target_uri.size() - 2);
        }
        rec.date = rec.warc_headers.get("WARC-Date").value_or("");
        rec.record_id = rec.warc_headers.get("WARC-Record-ID").value_or("");
        rec.content_type = rec.warc_headers.get("Content-Type").value_or("");

        // The block: kept when within the cap, skipped over otherwise.
        std::string block;
        const bool over_cap = rec.content_length > cap;
        if (!over_cap) block.reserve(static_cast<std::size_t>(rec.content_length));
        bool cut = false;
        const std::uint64_t got = take(rec.content_length, over_cap ? nullptr : &block, cut);
        if (cut) {
            fail("truncated: Content-Length is " + std::to_string(rec.content_length) +
                 " but the record's gzip member ends after " + std::to_string(got) +
                 " bytes of the block and the next member starts a new record");
        }
        if (got < rec.content_length) {
            fail("truncated: Content-Length is " + std::to_string(rec.content_length) +
                 " but the file ends after " + std::to_string(got) + " bytes of the block");
        }
        stream.fill(4);
        const std::string_view trailer = stream.view().substr(0, 4);
        if (trailer != "\r\n\r\n") {
            if (trailer.size() < 4 &&
                std::string_view("\r\n\r\n").substr(0, trailer.size()) == trailer) {
                fail("truncated: the file ends before the CRLF CRLF after the block");
            }
            fail("the block is not followed by CRLF CRLF (wrong Content-Length?)");
        }
        stream.consume(4);

        if (over_cap) {
            rec.error = "record block of " + std::to_string(rec.content_length) +
                        " bytes is larger than the cap of " + std::to_string(cap) + " bytes";
        } else if (is_http_response_record(rec)) {
            try {
                read_http_response(block, rec, cap);
            } catch (const HttpError& e) {
                rec.has_http = false;
                rec.status = 0;
                rec.http_headers = HeaderFields();
                rec.http_content_type.clear();
                rec.charset.reset();
                rec.payload.clear();
                rec.error = e.what();
            }
        } else {
            rec.payload = std::move(block);
        }
        return rec;
    }
};

WarcReader::WarcReader(const std::string& path, std::uint64_t payload_cap)
    : impl_(std::make_unique<Impl>(path, payload_cap)) {}

WarcReader::~WarcReader() = default;
WarcReader::WarcReader(WarcReader&&) noexcept = default;
WarcReader& WarcReader::operator=(WarcReader&&) noexcept = default;

bool WarcReader::compressed() const {
    return impl_ && impl_->stream.gzip();
}

std::optional<WarcRecord> WarcReader::next() {
    if (!impl_ || impl_->done) return std::nullopt;
    try {
        return impl_->next();
    } catch (const FramingError& e) {
        return impl_->damaged(e.what(), true);
    } catch (const StreamError& e) {
        // Corrupt or truncated gzip data, a read error: nothing after it can be trusted.
        return impl_->damaged(impl_->where() + ": " + e.what(), false);
    } catch (...) {
        impl_->done = true;
        throw;
    }
}

bool is_page_record(const WarcRecord& record) {
    if (record.type != "response" || !record.has_http || record.error) return false;
    if (record.status < 200 || record.status > 299) return false;
    const std::string& t = record.http_content_type;
    return t.empty() || t == "text/html" || t == "application/xhtml+xml" || t == "text/plain";
}

}  // namespace pressparse
