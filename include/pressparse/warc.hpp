// Reading web archives (WARC, ISO 28500): a streaming reader that yields the records of a .warc
// or .warc.gz file one at a time, and for HTTP responses the status, headers and body with the
// transfer and content encodings undone. Gzip is recognised by its magic bytes, not by the
// file's name; a .warc.gz is a series of gzip members (one per record, as archivers write it, or
// any other split). The reader holds one record in memory at a time, never the whole file. It
// only reads archives: it never writes them, never fetches anything, never decodes charsets
// (`charset` is what the server declared; `decode()` does the rest) and never decides what a page
// says.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pressparse {

inline constexpr std::uint64_t kDefaultWarcPayloadCap = 64ull * 1024 * 1024;

// Header fields in the order they appeared; names are looked up without regard to case.
class HeaderFields {
  public:
    void add(std::string name, std::string value);
    // The first field of that name, or nullopt.
    std::optional<std::string> get(std::string_view name) const;
    // Every field of that name, in order (a header may be repeated: Set-Cookie, Content-Encoding).
    std::vector<std::string> get_all(std::string_view name) const;
    bool contains(std::string_view name) const { return get(name).has_value(); }
    const std::vector<std::pair<std::string, std::string>>& fields() const { return fields_; }
    bool empty() const { return fields_.empty(); }

  private:
    std::vector<std::pair<std::string, std::string>> fields_;
};

struct WarcRecord {
    // Where the record starts in the file: its first byte in a plain .warc; in a .warc.gz, the
    // first byte of the gzip member its header starts in (the offset CDX indexes use).
    std::uint64_t offset = 0;

    std::string type;          // WARC-Type: "warcinfo", "request", "response", "resource", …
    std::string target_uri;    // WARC-Target-URI, without the angle brackets some writers add
    std::string date;          // WARC-Date, as written (ISO 8601, UTC)
    std::string record_id;     // WARC-Record-ID, as written ("<urn:uuid:…>")
    std::string content_type;  // the record's Content-Type ("application/http;msgtype=response")
    std::uint64_t content_length = 0;  // the record block's size in bytes
    HeaderFields warc_headers;         // every WARC header field

    // For a `response` record whose Content-Type is application/http (msgtype=response, or no
    // msgtype) and whose HTTP part could be read: has_http is true and the fields below are set.
    bool has_http = false;
    int status = 0;                 // HTTP status code (the final one after any 1xx interim)
    HeaderFields http_headers;      // the HTTP response's header fields
    std::string http_content_type;  // its Content-Type's media type, lower case, no parameters;
                                    // empty when the response has none
    std::optional<std::string> charset;  // its Content-Type's charset= parameter, as declared

    // For an HTTP response: the body, with Transfer-Encoding (chunked, gzip, deflate) and
    // Content-Encoding (gzip, deflate) undone. For any other record: the record block as stored.
    // Empty when `error` is set.
    std::string payload;

    // Set, instead of throwing, when the WARC framing is intact but the record cannot be used:
    // a block or decoded payload over the cap, a broken HTTP message (status line, headers,
    // chunked framing, compressed data), an unsupported encoding. The reader goes on after it.
    // Also set, with `damaged`, when the framing itself is broken.
    std::optional<std::string> error;

    // The record's framing is broken (see WarcReader::next): only `offset` and `error` are set.
    bool damaged = false;
};

class WarcReader {
  public:
    // Opens `path` (.warc or .warc.gz, told apart by the content). `payload_cap` bounds each
    // record's block and decoded payload; a record over it gets an `error` and is skipped over.
    // Throws InputError: NotFound, IsDirectory, Unreadable.
    explicit WarcReader(const std::string& path,
                        std::uint64_t payload_cap = kDefaultWarcPayloadCap);
    ~WarcReader();
    WarcReader(WarcReader&& other) noexcept;
    WarcReader& operator=(WarcReader&& other) noexcept;
    WarcReader(const WarcReader&) = delete;
    WarcReader& operator=(const WarcReader&) = delete;

    // The next record, or nullopt at the end of the file. Where the archive itself is malformed
    // (not a WARC record, a missing or bad Content-Length, a header or block cut short, a block
    // not followed by CRLF CRLF), the record is returned `damaged`, its `error` naming the
    // problem and the record's byte offset, and reading resumes at the next record found going
    // forward: in a .warc.gz, the next gzip member that starts with a version line (archivers
    // write one member per record; a member starting a new record inside a record also marks
    // that record as cut short); in a plain .warc, the next line "WARC/1.0" or "WARC/1.1". Bytes
    // are never read twice, so records that a too-large Content-Length swallowed are lost with
    // the damaged one. Corrupt or truncated gzip data and read errors give a damaged record that
    // ends the archive.
    std::optional<WarcRecord> next();

    // Whether the file is gzip-compressed (from its first two bytes).
    bool compressed() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// A response record with a usable HTTP message (no `error`), a 2xx status and an HTTP content
// type of text/html, application/xhtml+xml or text/plain, or none at all.
bool is_page_record(const WarcRecord& record);

}  // namespace pressparse
