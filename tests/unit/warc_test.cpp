// The WARC reader: on records built here by hand (plain, gzipped per record, chunked and
// compressed HTTP bodies, broken ones, truncated files, records over the cap) and on archives
// written by a real archiver, Debian's wget, fetching invented pages from a local HTTP server on
// 127.0.0.1.
#include "pressparse/warc.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <random>
#include <sstream>
#include <thread>

#include "pressparse/errors.hpp"

extern char** environ;

using namespace pressparse;
namespace fs = std::filesystem;

namespace {

// ---- files -----------------------------------------------------------------------------------

class TempDir {
  public:
    TempDir() {
        std::string tmpl = (fs::temp_directory_path() / "pressparse_warc_XXXXXX").string();
        if (::mkdtemp(tmpl.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
        path_ = tmpl;
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const fs::path& path() const { return path_; }

  private:
    fs::path path_;
};

void write_file(const fs::path& p, std::string_view bytes) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    ASSERT_TRUE(out.good()) << p;
}

// ---- compression -----------------------------------------------------------------------------

// window_bits: 16 + 15 gzip, 15 zlib, -15 raw deflate.
std::string compress(std::string_view data, int window_bits) {
    z_stream zs{};
    EXPECT_EQ(deflateInit2(&zs, Z_BEST_COMPRESSION, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY),
              Z_OK);
    std::string out(deflateBound(&zs, static_cast<uLong>(data.size())) + 64, '\0');
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    zs.avail_in = static_cast<uInt>(data.size());
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = static_cast<uInt>(out.size());
    EXPECT_EQ(deflate(&zs, Z_FINISH), Z_STREAM_END);
    out.resize(zs.total_out);
    deflateEnd(&zs);
    return out;
}

std::string gzip(std::string_view data) {
    return compress(data, 16 + MAX_WBITS);
}

// ---- records ---------------------------------------------------------------------------------

std::string warc_record(std::string_view type, std::string_view headers, std::string_view block) {
    static int serial = 0;
    std::string r = "WARC/1.0\r\n";
    r += "WARC-Type: " + std::string(type) + "\r\n";
    r += "WARC-Date: 2026-03-01T10:00:00Z\r\n";
    const std::string n = std::to_string(++serial);
    r += "WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-" + std::string(12 - n.size(), '0') +
         n + ">\r\n";
    r += headers;
    r += "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n";
    r += block;
    r += "\r\n\r\n";
    return r;
}

std::string response(std::string_view uri, std::string_view http) {
    return warc_record("response",
                       "WARC-Target-URI: <" + std::string(uri) +
                           ">\r\nContent-Type: application/http; msgtype=response\r\n",
                       http);
}

std::string http(std::string_view status_line, std::string_view headers, std::string_view body) {
    return std::string(status_line) + "\r\n" + std::string(headers) + "\r\n" + std::string(body);
}

// The body in chunks of `size` bytes, with a chunk extension and a trailer field.
std::string chunked(std::string_view body, std::size_t size) {
    std::string out;
    bool first = true;
    for (std::size_t i = 0; i < body.size(); i += size) {
        const std::string_view piece = body.substr(i, size);
        std::ostringstream hex;
        hex << std::hex << std::uppercase << piece.size();
        out += hex.str() + (first ? ";name=value" : "") + "\r\n";
        out += piece;
        out += "\r\n";
        first = false;
    }
    return out + "0\r\nX-Trailer: done\r\n\r\n";
}

std::string concat(const std::vector<std::string>& parts,
                   const std::function<std::string(const std::string&)>& each = nullptr) {
    std::string out;
    for (const std::string& p : parts)
        out += each ? each(p) : p;
    return out;
}

std::vector<std::uint64_t> offsets_of(const std::vector<std::string>& parts) {
    std::vector<std::uint64_t> out;
    std::uint64_t at = 0;
    for (const std::string& p : parts) {
        out.push_back(at);
        at += p.size();
    }
    return out;
}

std::vector<WarcRecord> read_all(const fs::path& p, std::uint64_t cap = kDefaultWarcPayloadCap) {
    WarcReader reader(p.string(), cap);
    std::vector<WarcRecord> out;
    while (auto r = reader.next())
        out.push_back(std::move(*r));
    return out;
}

// Invented pages.
const std::string kPage1 =
    "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Новая библиотека</title></head>"
    "<body><h1>В Цесисе открыли новую библиотеку</h1><p>Читальный зал рассчитан на сорок "
    "мест.</p></body></html>\n";
const std::string kPage2 =
    "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>Осенняя ярмарка в Тукумсе продлится "
    "два дня.</p></body></html>";
const std::string kNotes = "Заметки редакции: проверить расписание паромов на выходные.\n";
const std::string kRaw = "<p>Raw deflate body, served without a content type.</p>";

// A warcinfo, a request, page responses in every encoding, a 404, an image and a metadata record.
std::vector<std::string> sample_records() {
    return {
        warc_record("warcinfo", "Content-Type: application/warc-fields\r\n",
                    "software: pressparse-test\r\nformat: WARC File Format 1.0\r\n"),
        warc_record("request",
                    "WARC-Target-URI: <http://example.test/news/1>\r\n"
                    "Content-Type: application/http;msgtype=request\r\n",
                    "GET /news/1 HTTP/1.1\r\nHost: example.test\r\n\r\n"),
        response("http://example.test/news/1",
                 http("HTTP/1.1 200 OK",
                      "Content-Type: text/html; charset=UTF-8\r\nTransfer-Encoding: chunked\r\n",
                      chunked(kPage1, 37))),
        response("http://example.test/news/2",
                 http("HTTP/1.1 200 OK",
                      "content-type: application/xhtml+xml; charset=\"windows-1251\"\r\n"
                      "Content-Encoding: gzip\r\n",
                      gzip(kPage2))),
        response("http://example.test/notes.txt",
                 http("HTTP/1.1 200 OK",
                      "Content-Type: text/plain\r\nContent-Encoding: gzip\r\n"
                      "Transfer-Encoding: chunked\r\n",
                      chunked(gzip(kNotes), 10))),
        response("http://example.test/raw",
                 http("HTTP/1.0 203 Non-Authoritative Information",
                      "Content-Encoding: deflate\r\nX-Folded: first\r\n  second\r\n",
                      compress(kRaw, -MAX_WBITS))),
        response("http://example.test/missing",
                 http("HTTP/1.1 404 Not Found", "Content-Type: text/html\r\n",
                      "<p>Нет такой страницы</p>")),
        response("http://example.test/logo.png",
                 http("HTTP/1.1 200 OK", "Content-Type: image/png\r\n", "\x89PNG\r\n\x1a\n")),
        warc_record("response",
                    "WARC-Target-URI: http://example.test/continue\r\n"
                    "Content-Type: application/http; msgtype=response\r\n",
                    "HTTP/1.1 100 Continue\r\n\r\n" + http("HTTP/1.1 200 OK",
                                                           "Content-Type: text/html\r\n"
                                                           "Content-Encoding: deflate\r\n",
                                                           compress("<p>zlib</p>", MAX_WBITS))),
        warc_record("metadata",
                    "WARC-Target-URI: <metadata://example.test/manifest>\r\n"
                    "Content-Type: text/plain\r\n",
                    "a manifest\n"),
    };
}

void expect_sample(const std::vector<WarcRecord>& r, const std::vector<std::uint64_t>& offsets) {
    ASSERT_EQ(r.size(), 10u);
    for (std::size_t i = 0; i < r.size(); ++i) {
        EXPECT_EQ(r[i].offset, offsets[i]) << "record " << i;
        EXPECT_EQ(r[i].date, "2026-03-01T10:00:00Z");
        EXPECT_EQ(r[i].record_id.substr(0, 10), "<urn:uuid:");
    }

    EXPECT_EQ(r[0].type, "warcinfo");
    EXPECT_EQ(r[0].content_type, "application/warc-fields");
    EXPECT_EQ(r[0].payload, "software: pressparse-test\r\nformat: WARC File Format 1.0\r\n");
    EXPECT_FALSE(r[0].has_http);
    EXPECT_FALSE(is_page_record(r[0]));

    EXPECT_EQ(r[1].type, "request");
    EXPECT_EQ(r[1].target_uri, "http://example.test/news/1");
    EXPECT_FALSE(r[1].has_http);
    EXPECT_FALSE(is_page_record(r[1]));

    EXPECT_EQ(r[2].type, "response");
    EXPECT_EQ(r[2].target_uri, "http://example.test/news/1");
    EXPECT_FALSE(r[2].error) << *r[2].error;
    EXPECT_TRUE(r[2].has_http);
    EXPECT_EQ(r[2].status, 200);
    EXPECT_EQ(r[2].http_content_type, "text/html");
    EXPECT_EQ(r[2].charset, "UTF-8");
    EXPECT_EQ(r[2].http_headers.get("content-TYPE"), "text/html; charset=UTF-8");
    EXPECT_EQ(r[2].payload, kPage1);
    EXPECT_TRUE(is_page_record(r[2]));

    EXPECT_FALSE(r[3].error) << *r[3].error;
    EXPECT_EQ(r[3].http_content_type, "application/xhtml+xml");
    EXPECT_EQ(r[3].charset, "windows-1251");
    EXPECT_EQ(r[3].payload, kPage2);
    EXPECT_TRUE(is_page_record(r[3]));

    EXPECT_FALSE(r[4].error) << *r[4].error;
    EXPECT_EQ(r[4].http_content_type, "text/plain");
    EXPECT_EQ(r[4].charset, std::nullopt);
    EXPECT_EQ(r[4].payload, kNotes);
    EXPECT_TRUE(is_page_record(r[4]));

    EXPECT_FALSE(r[5].error) << *r[5].error;
    EXPECT_EQ(r[5].status, 203);
    EXPECT_EQ(r[5].http_content_type, "");
    EXPECT_EQ(r[5].http_headers.get("x-folded"), "first second");
    EXPECT_EQ(r[5].payload, kRaw);
    EXPECT_TRUE(is_page_record(r[5]));

    EXPECT_FALSE(r[6].error) << *r[6].error;
    EXPECT_TRUE(r[6].has_http);
    EXPECT_EQ(r[6].status, 404);
    EXPECT_EQ(r[6].payload, "<p>Нет такой страницы</p>");
    EXPECT_FALSE(is_page_record(r[6]));

    EXPECT_EQ(r[7].status, 200);
    EXPECT_EQ(r[7].http_content_type, "image/png");
    EXPECT_FALSE(is_page_record(r[7]));

    EXPECT_EQ(r[8].target_uri, "http://example.test/continue");
    EXPECT_EQ(r[8].status, 200);
    EXPECT_EQ(r[8].payload, "<p>zlib</p>");
    EXPECT_TRUE(is_page_record(r[8]));

    EXPECT_EQ(r[9].type, "metadata");
    EXPECT_EQ(r[9].payload, "a manifest\n");
    EXPECT_FALSE(is_page_record(r[9]));
}

// The reason of the InputError that `f` throws ("" if none).
std::string input_error(const std::function<void()>& f,
                        ErrorCode expected = ErrorCode::Unreadable) {
    try {
        f();
    } catch (const InputError& e) {
        EXPECT_EQ(e.code(), expected) << e.what();
        return e.what();
    }
    return "";
}

// The error of the damaged record that `next` returns, which must start at `offset`.
std::string damage(const std::function<std::optional<WarcRecord>()>& next, std::uint64_t offset) {
    const auto r = next();
    if (!r) {
        ADD_FAILURE() << "no record";
        return "";
    }
    EXPECT_TRUE(r->damaged) << r->error.value_or("");
    EXPECT_EQ(r->offset, offset);
    return r->error.value_or("");
}

}  // namespace

// ---- hand-built archives ---------------------------------------------------------------------

TEST(WarcReader, PlainRecords) {
    TempDir dir;
    const auto parts = sample_records();
    write_file(dir.path() / "a.warc", concat(parts));
    WarcReader reader((dir.path() / "a.warc").string());
    EXPECT_FALSE(reader.compressed());
    expect_sample(read_all(dir.path() / "a.warc"), offsets_of(parts));
}

TEST(WarcReader, PerRecordGzipMembers) {
    TempDir dir;
    std::vector<std::string> members;
    for (const std::string& p : sample_records())
        members.push_back(gzip(p));
    write_file(dir.path() / "a.warc.gz", concat(members));
    WarcReader reader((dir.path() / "a.warc.gz").string());
    EXPECT_TRUE(reader.compressed());
    // Offsets are those of the gzip members, as CDX indexes have them.
    expect_sample(read_all(dir.path() / "a.warc.gz"), offsets_of(members));
}

TEST(WarcReader, GzipIsToldByTheBytesNotTheName) {
    TempDir dir;
    const auto parts = sample_records();
    write_file(dir.path() / "plain.warc.gz", concat(parts));
    write_file(dir.path() / "packed.warc", concat(parts, gzip));
    EXPECT_FALSE(WarcReader((dir.path() / "plain.warc.gz").string()).compressed());
    EXPECT_TRUE(WarcReader((dir.path() / "packed.warc").string()).compressed());
    expect_sample(read_all(dir.path() / "plain.warc.gz"), offsets_of(parts));
    std::vector<std::string> members;
    for (const std::string& p : parts)
        members.push_back(gzip(p));
    expect_sample(read_all(dir.path() / "packed.warc"), offsets_of(members));
}

TEST(WarcReader, WholeFileInOneGzipMember) {
    TempDir dir;
    write_file(dir.path() / "one.warc.gz", gzip(concat(sample_records())));
    const auto r = read_all(dir.path() / "one.warc.gz");
    // Every record starts in the one member at offset 0.
    expect_sample(r, std::vector<std::uint64_t>(10, 0));
}

TEST(WarcReader, LargeRecordsCrossBufferBoundaries) {
    TempDir dir;
    std::mt19937 rng(7);
    std::string noise(300 * 1024, '\0');
    for (char& c : noise)
        c = static_cast<char>(rng() & 0xFF);
    std::string text;
    while (text.size() < 1024 * 1024)
        text += "Строка повторяется, чтобы сжатие было сильным. ";
    const std::vector<std::string> parts = {
        response("http://example.test/noise",
                 http("HTTP/1.1 200 OK", "Content-Type: application/octet-stream\r\n", noise)),
        response("http://example.test/long",
                 http("HTTP/1.1 200 OK",
                      "Content-Type: text/plain; charset=utf-8\r\nContent-Encoding: gzip\r\n"
                      "Transfer-Encoding: chunked\r\n",
                      chunked(gzip(text), 4000))),
        response("http://example.test/long2",
                 http("HTTP/1.1 200 OK", "Content-Type: text/plain\r\n", text)),
    };
    write_file(dir.path() / "big.warc", concat(parts));
    write_file(dir.path() / "big.warc.gz", concat(parts, gzip));
    for (const char* name : {"big.warc", "big.warc.gz"}) {
        SCOPED_TRACE(name);
        const auto r = read_all(dir.path() / name);
        ASSERT_EQ(r.size(), 3u);
        EXPECT_EQ(r[0].payload, noise);
        EXPECT_EQ(r[1].payload, text);
        EXPECT_EQ(r[2].payload, text);
        EXPECT_FALSE(is_page_record(r[0]));
        EXPECT_TRUE(is_page_record(r[1]));
        EXPECT_TRUE(is_page_record(r[2]));
    }
}

TEST(WarcReader, BrokenHttpPartIsAnErrorOnThatRecordOnly) {
    TempDir dir;
    const std::string good = response(
        "http://example.test/good", http("HTTP/1.1 200 OK", "Content-Type: text/html\r\n", kPage2));
    const std::vector<std::string> parts = {
        response(
            "http://example.test/bad-chunk",
            http("HTTP/1.1 200 OK", "Transfer-Encoding: chunked\r\n", "zz\r\nabc\r\n0\r\n\r\n")),
        response("http://example.test/short-chunk",
                 http("HTTP/1.1 200 OK", "Transfer-Encoding: chunked\r\n", "100\r\nabc")),
        response("http://example.test/no-last-chunk",
                 http("HTTP/1.1 200 OK", "Transfer-Encoding: chunked\r\n", "3\r\nabc\r\n")),
        response("http://example.test/bad-gzip",
                 http("HTTP/1.1 200 OK", "Content-Encoding: gzip\r\n", "\x1f\x8bnot gzip at all")),
        response("http://example.test/cut-gzip",
                 http("HTTP/1.1 200 OK", "Content-Encoding: gzip\r\n", gzip(kPage1).substr(0, 30))),
        response("http://example.test/brotli",
                 http("HTTP/1.1 200 OK", "Content-Encoding: br\r\n", "\x0b\x02\x80")),
        response("http://example.test/status", "HTTP/1.1 OK\r\n\r\nbody"),
        response("http://example.test/not-http", "<html>\nno status line</html>"),
        response("http://example.test/unterminated",
                 "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"),
        good,
    };
    write_file(dir.path() / "broken.warc", concat(parts));
    const auto r = read_all(dir.path() / "broken.warc");
    ASSERT_EQ(r.size(), parts.size());
    const std::vector<std::string> expected_errors = {
        "bad chunk size line",
        "chunked body truncated",
        "without its last chunk",
        "Content-Encoding gzip data corrupt",
        "Content-Encoding gzip data truncated",
        "unsupported Content-Encoding 'br'",
        "bad HTTP status line",
        "bad HTTP status line",
        "HTTP header not ended",
    };
    for (std::size_t i = 0; i + 1 < r.size(); ++i) {
        SCOPED_TRACE(r[i].target_uri);
        ASSERT_TRUE(r[i].error);
        EXPECT_NE(r[i].error->find(expected_errors[i]), std::string::npos) << *r[i].error;
        EXPECT_FALSE(r[i].has_http);
        EXPECT_TRUE(r[i].payload.empty());
        EXPECT_FALSE(is_page_record(r[i]));
    }
    EXPECT_FALSE(r.back().error);
    EXPECT_EQ(r.back().payload, kPage2);
    EXPECT_TRUE(is_page_record(r.back()));
}

TEST(WarcReader, RecordOverTheCapIsSkipped) {
    TempDir dir;
    const std::string big(5000, 'x');
    const std::vector<std::string> parts = {
        response("http://example.test/big",
                 http("HTTP/1.1 200 OK", "Content-Type: text/html\r\n", big)),
        // Small on disk, too big once inflated.
        response("http://example.test/bomb",
                 http("HTTP/1.1 200 OK", "Content-Type: text/html\r\nContent-Encoding: gzip\r\n",
                      gzip(std::string(100000, 'a')))),
        response("http://example.test/chunks",
                 http("HTTP/1.1 200 OK", "Transfer-Encoding: chunked\r\n",
                      chunked(std::string(1500, 'c'), 100).substr(0, 900))),
        response("http://example.test/ok",
                 http("HTTP/1.1 200 OK", "Content-Type: text/html\r\n", kPage2)),
    };
    ASSERT_LT(parts[1].size(), 1000u);
    write_file(dir.path() / "cap.warc", concat(parts));
    write_file(dir.path() / "cap.warc.gz", concat(parts, gzip));
    for (const char* name : {"cap.warc", "cap.warc.gz"}) {
        SCOPED_TRACE(name);
        const auto r = read_all(dir.path() / name, 1000);
        ASSERT_EQ(r.size(), 4u);
        ASSERT_TRUE(r[0].error);
        EXPECT_NE(r[0].error->find("larger than the cap of 1000 bytes"), std::string::npos)
            << *r[0].error;
        EXPECT_EQ(r[0].content_length, parts[0].size() - (parts[0].find("\r\n\r\n") + 4) - 4);
        EXPECT_TRUE(r[0].payload.empty());
        EXPECT_FALSE(is_page_record(r[0]));
        ASSERT_TRUE(r[1].error);
        EXPECT_NE(r[1].error->find("cap"), std::string::npos) << *r[1].error;
        EXPECT_FALSE(is_page_record(r[1]));
        ASSERT_TRUE(r[2].error);  // within the cap, but its chunked body is cut short
        EXPECT_NE(r[2].error->find("chunked body truncated"), std::string::npos) << *r[2].error;
        EXPECT_FALSE(r[3].error);
        EXPECT_EQ(r[3].payload, kPage2);
        EXPECT_EQ(r[3].target_uri, "http://example.test/ok");
    }
}

TEST(WarcReader, TruncatedPlainFileGivesADamagedLastRecord) {
    TempDir dir;
    const auto parts = sample_records();
    const std::string whole = concat({parts[0], parts[1], parts[2]});
    const std::uint64_t third = parts[0].size() + parts[1].size();
    write_file(dir.path() / "cut.warc", whole.substr(0, whole.size() - 40));

    WarcReader reader((dir.path() / "cut.warc").string());
    ASSERT_TRUE(reader.next());
    ASSERT_TRUE(reader.next());
    const std::string why = damage([&] { return reader.next(); }, third);
    EXPECT_NE(why.find("byte offset " + std::to_string(third)), std::string::npos) << why;
    EXPECT_NE(why.find("truncated"), std::string::npos) << why;
    EXPECT_EQ(why.find('\n'), std::string::npos);
    EXPECT_FALSE(reader.next());  // nothing follows

    // Cut inside the CRLF CRLF after the last block.
    write_file(dir.path() / "cut2.warc", whole.substr(0, whole.size() - 2));
    WarcReader reader2((dir.path() / "cut2.warc").string());
    reader2.next();
    reader2.next();
    const std::string why2 = damage([&] { return reader2.next(); }, third);
    EXPECT_NE(why2.find("CRLF CRLF"), std::string::npos) << why2;
    EXPECT_FALSE(reader2.next());

    // Cut inside a header.
    write_file(dir.path() / "cut3.warc", parts[0] + parts[1].substr(0, 30));
    WarcReader reader3((dir.path() / "cut3.warc").string());
    reader3.next();
    const std::string why3 = damage([&] { return reader3.next(); }, parts[0].size());
    EXPECT_NE(why3.find("byte offset " + std::to_string(parts[0].size())), std::string::npos)
        << why3;
    EXPECT_FALSE(reader3.next());
}

TEST(WarcReader, TruncatedOrCorruptGzipEndsTheArchiveWithADamagedRecord) {
    TempDir dir;
    const auto parts = sample_records();
    const std::string a = gzip(parts[0]), b = gzip(parts[2]);
    write_file(dir.path() / "cut.warc.gz", a + b.substr(0, b.size() / 2));
    WarcReader reader((dir.path() / "cut.warc.gz").string());
    ASSERT_TRUE(reader.next());
    const std::string why = damage([&] { return reader.next(); }, a.size());
    EXPECT_NE(why.find("byte offset " + std::to_string(a.size())), std::string::npos) << why;
    EXPECT_NE(why.find("truncated"), std::string::npos) << why;
    EXPECT_FALSE(reader.next());

    // Corrupt data in the second member: nothing after it is trusted, even a good member.
    std::string corrupt = b;
    for (std::size_t i = 20; i < 60; ++i)
        corrupt[i] = static_cast<char>(corrupt[i] ^ 0x5A);
    write_file(dir.path() / "bad.warc.gz", a + corrupt + a);
    WarcReader reader2((dir.path() / "bad.warc.gz").string());
    ASSERT_TRUE(reader2.next());
    const std::string why2 = damage([&] { return reader2.next(); }, a.size());
    EXPECT_NE(why2.find("byte offset " + std::to_string(a.size())), std::string::npos) << why2;
    EXPECT_FALSE(reader2.next());
}

TEST(WarcReader, MalformedFramingGivesADamagedRecord) {
    TempDir dir;
    const std::string first = sample_records()[0];
    const auto reason_for = [&](const std::string& name, const std::string& second) {
        write_file(dir.path() / name, first + second);
        WarcReader reader((dir.path() / name).string());
        EXPECT_TRUE(reader.next());
        const std::string why = damage([&] { return reader.next(); }, first.size());
        EXPECT_NE(why.find("byte offset " + std::to_string(first.size())), std::string::npos)
            << why;
        EXPECT_FALSE(reader.next()) << name;
        return why;
    };
    EXPECT_NE(reason_for("html.warc", "<html><body>not an archive</body></html>\n")
                  .find("not a WARC record"),
              std::string::npos);
    EXPECT_NE(reason_for("nolen.warc", "WARC/1.0\r\nWARC-Type: resource\r\n\r\nabc\r\n\r\n")
                  .find("no Content-Length"),
              std::string::npos);
    EXPECT_NE(reason_for("badlen.warc",
                         "WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: 3x\r\n\r\nabc\r\n\r\n")
                  .find("bad Content-Length"),
              std::string::npos);
    EXPECT_NE(reason_for("shortlen.warc",
                         "WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: 2\r\n\r\nabc\r\n\r\n")
                  .find("not followed by CRLF CRLF"),
              std::string::npos);
    EXPECT_NE(reason_for("nocolon.warc",
                         "WARC/1.0\r\nWARC-Type resource\r\nContent-Length: 3\r\n\r\nabc\r\n\r\n")
                  .find("without a field name"),
              std::string::npos);

    // Not a WARC at all: the first record, at offset 0.
    write_file(dir.path() / "page.html", kPage1);
    WarcReader reader((dir.path() / "page.html").string());
    const std::string why = damage([&] { return reader.next(); }, 0);
    EXPECT_NE(why.find("WARC record at byte offset 0: not a WARC record"), std::string::npos)
        << why;
    EXPECT_FALSE(reader.next());
}

// Issue 10: a framing error ended the whole archive. The reader now reports the damaged record
// and goes on with the next one it finds: a good record, a damaged one and a good one give two
// records and one damaged record, for every kind of damage, in a .warc.gz (one gzip member per
// record) and in a plain .warc.
TEST(WarcReader, ResyncsAfterADamagedRecord) {
    TempDir dir;
    const std::string good1 =
        response("http://example.test/one",
                 http("HTTP/1.1 200 OK", "Content-Type: text/html; charset=utf-8\r\n", kPage1));
    const std::string good2 =
        response("http://example.test/two",
                 http("HTTP/1.1 200 OK", "Content-Type: text/html; charset=utf-8\r\n", kPage2));
    const std::string whole = warc_record("resource", "Content-Type: text/plain\r\n", kNotes);
    const std::size_t header_end = whole.find("\r\n\r\n") + 4;
    struct Damage {
        const char* name;
        std::string record;
        const char* reason;
        bool plain_too;  // the plain form finds the next record too
    };
    const std::vector<Damage> damages = {
        {"garbage", "<html><body>not a record</body></html>\r\n", "not a WARC record", true},
        {"no-colon", "WARC/1.0\r\nWARC-Type resource\r\nContent-Length: 3\r\n\r\nabc\r\n\r\n",
         "without a field name", true},
        {"bad-length", "WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: -3\r\n\r\nabc\r\n\r\n",
         "bad Content-Length", true},
        {"no-length", "WARC/1.0\r\nWARC-Type: resource\r\n\r\nabc\r\n\r\n", "no Content-Length",
         true},
        {"short-length", "WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: 2\r\n\r\nabc\r\n\r\n",
         "not followed by CRLF CRLF", true},
        // Cut inside the block: the block's Content-Length runs into the next record, which
        // only the gzip form can tell (its member ends; the next starts a record).
        {"cut-block", whole.substr(0, header_end + 10), "truncated", false},
        {"cut-header", whole.substr(0, 30), "truncated", false},
    };
    for (const Damage& d : damages) {
        for (const bool gz : {true, false}) {
            const std::vector<std::string> parts = {good1, d.record, good2};
            const fs::path path = dir.path() / (std::string(d.name) + (gz ? ".warc.gz" : ".warc"));
            write_file(path, concat(parts, [&](const std::string& p) { return gz ? gzip(p) : p; }));
            std::vector<std::uint64_t> offsets;
            std::uint64_t at = 0;
            for (const auto& p : parts) {
                offsets.push_back(at);
                at += gz ? gzip(p).size() : p.size();
            }
            const std::string what = path.filename().string();
            if (!gz && !d.plain_too) continue;
            const auto r = read_all(path);
            ASSERT_EQ(r.size(), 3u) << what;
            EXPECT_FALSE(r[0].damaged) << what;
            EXPECT_EQ(r[0].payload, kPage1) << what;
            EXPECT_TRUE(r[1].damaged) << what;
            EXPECT_EQ(r[1].offset, offsets[1]) << what;
            const std::string why = r[1].error.value_or("");
            EXPECT_NE(why.find(d.reason), std::string::npos) << what << ": " << why;
            EXPECT_NE(why.find("byte offset " + std::to_string(offsets[1])), std::string::npos)
                << what << ": " << why;
            EXPECT_NE(why.find("reading resumed at the record at byte offset " +
                               std::to_string(offsets[2])),
                      std::string::npos)
                << what << ": " << why;
            EXPECT_FALSE(r[2].damaged) << what << ": " << r[2].error.value_or("");
            EXPECT_EQ(r[2].offset, offsets[2]) << what;
            EXPECT_EQ(r[2].payload, kPage2) << what;
            EXPECT_EQ(r[2].target_uri, "http://example.test/two") << what;
        }
    }
}

// In a plain .warc, a resync needs a line that is a version line: "WARC/1.0" inside a line of
// the damaged record, or followed by more text, is passed over.
TEST(WarcReader, PlainResyncNeedsAVersionLine) {
    TempDir dir;
    const std::string good = response(
        "http://example.test/two", http("HTTP/1.1 200 OK", "Content-Type: text/html\r\n", kPage2));
    write_file(dir.path() / "a.warc",
               "garbage WARC/1.0\r\nWARC/1.0 and more\r\nWARC/1.2\r\nWARC/1.\r\n" + good);
    const auto r = read_all(dir.path() / "a.warc");
    ASSERT_EQ(r.size(), 2u);
    EXPECT_TRUE(r[0].damaged);
    EXPECT_EQ(r[0].offset, 0u);
    EXPECT_FALSE(r[1].damaged);
    EXPECT_EQ(r[1].payload, kPage2);
    // Many damaged stretches: each is one damaged record, and the good ones between them read.
    std::string many;
    for (int i = 0; i < 200; ++i)
        many += "WARC/1.0\r\nbroken header line\r\n\r\n" + good;
    write_file(dir.path() / "many.warc", many);
    const auto m = read_all(dir.path() / "many.warc");
    ASSERT_EQ(m.size(), 400u);
    for (std::size_t i = 0; i < m.size(); ++i)
        EXPECT_EQ(m[i].damaged, i % 2 == 0) << i;
}

TEST(WarcReader, EmptyAndMissingFiles) {
    TempDir dir;
    write_file(dir.path() / "empty.warc", "");
    EXPECT_TRUE(read_all(dir.path() / "empty.warc").empty());
    write_file(dir.path() / "empty.warc.gz", gzip(""));
    EXPECT_TRUE(read_all(dir.path() / "empty.warc.gz").empty());
    input_error([&] { WarcReader((dir.path() / "nope.warc").string()); }, ErrorCode::NotFound);
    input_error([&] { WarcReader(dir.path().string()); }, ErrorCode::IsDirectory);
}

TEST(WarcReader, HeaderFieldsIgnoreCase) {
    HeaderFields h;
    h.add("Content-Encoding", "gzip");
    h.add("Set-Cookie", "a=1");
    h.add("set-cookie", "b=2");
    EXPECT_EQ(h.get("CONTENT-encoding"), "gzip");
    EXPECT_EQ(h.get("content-length"), std::nullopt);
    EXPECT_TRUE(h.contains("SET-COOKIE"));
    EXPECT_EQ(h.get_all("Set-Cookie"), (std::vector<std::string>{"a=1", "b=2"}));
    EXPECT_EQ(h.fields().size(), 3u);
}

TEST(WarcReader, IsPageRecord) {
    WarcRecord r;
    r.type = "response";
    r.has_http = true;
    r.status = 200;
    for (const char* t : {"text/html", "application/xhtml+xml", "text/plain", ""}) {
        r.http_content_type = t;
        EXPECT_TRUE(is_page_record(r)) << t;
    }
    for (const char* t : {"image/png", "application/json", "text/css"}) {
        r.http_content_type = t;
        EXPECT_FALSE(is_page_record(r)) << t;
    }
    r.http_content_type = "text/html";
    for (const int status : {199, 301, 304, 404, 500}) {
        r.status = status;
        EXPECT_FALSE(is_page_record(r)) << status;
    }
    r.status = 299;
    EXPECT_TRUE(is_page_record(r));
    r.error = "broken";
    EXPECT_FALSE(is_page_record(r));
    r.error.reset();
    r.type = "revisit";
    EXPECT_FALSE(is_page_record(r));
}

// ---- archives written by wget ----------------------------------------------------------------

namespace {

using Clock = std::chrono::steady_clock;

// Waits for `pid` up to `timeout`; kills it when time is up. Returns its wait status, or -1.
int wait_bounded(pid_t pid, std::chrono::milliseconds timeout) {
    const auto deadline = Clock::now() + timeout;
    int status = 0;
    for (;;) {
        const pid_t r = ::waitpid(pid, &status, WNOHANG);
        if (r == pid) return status;
        if (r < 0) return -1;
        if (Clock::now() >= deadline) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, &status, 0);
            return -1;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

// Spawns argv with stdin and stderr on /dev/null and stdout on `stdout_fd` (or /dev/null).
pid_t spawn(const std::vector<std::string>& args, int stdout_fd = -1) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    if (stdout_fd >= 0) {
        posix_spawn_file_actions_adddup2(&actions, stdout_fd, 1);
    } else {
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    }
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    std::vector<char*> argv;
    for (const std::string& a : args)
        argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    pid_t pid = -1;
    const int rc = ::posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    return rc == 0 ? pid : -1;
}

// Python's http.server on 127.0.0.1, on a port the kernel picks, serving one directory. Always
// stopped: by the destructor, and by its own alarm after two minutes should this process die.
class LocalServer {
  public:
    explicit LocalServer(const fs::path& root) {
        static const char* const kScript =
            "import functools, http.server, signal, sys\n"
            "signal.alarm(120)\n"
            "class Handler(http.server.SimpleHTTPRequestHandler):\n"
            "    def log_message(self, *args):\n"
            "        pass\n"
            "server = http.server.ThreadingHTTPServer(('127.0.0.1', 0),\n"
            "    functools.partial(Handler, directory=sys.argv[1]))\n"
            "print(server.server_address[1], flush=True)\n"
            "server.serve_forever()\n";
        int fds[2];
        if (::pipe2(fds, O_CLOEXEC) != 0) return;
        pid_ = spawn({"/usr/bin/python3", "-I", "-c", kScript, root.string()}, fds[1]);
        ::close(fds[1]);
        if (pid_ > 0) port_ = read_port(fds[0]);
        ::close(fds[0]);
    }
    ~LocalServer() {
        if (pid_ > 0) {
            ::kill(pid_, SIGTERM);
            wait_bounded(pid_, std::chrono::seconds(5));
        }
    }
    LocalServer(const LocalServer&) = delete;
    LocalServer& operator=(const LocalServer&) = delete;

    int port() const { return port_; }  // 0 if it did not start

  private:
    static int read_port(int fd) {
        const auto deadline = Clock::now() + std::chrono::seconds(15);
        std::string line;
        while (Clock::now() < deadline && line.find('\n') == std::string::npos) {
            pollfd p{fd, POLLIN, 0};
            const auto left =
                std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
            if (::poll(&p, 1, static_cast<int>(std::max<long long>(left.count(), 1))) <= 0) break;
            char buf[64];
            const ssize_t n = ::read(fd, buf, sizeof buf);
            if (n <= 0) break;
            line.append(buf, static_cast<std::size_t>(n));
        }
        if (line.find('\n') == std::string::npos) return 0;
        return std::atoi(line.c_str());
    }

    pid_t pid_ = -1;
    int port_ = 0;
};

bool executable(const char* path) {
    return ::access(path, X_OK) == 0;
}

}  // namespace

TEST(WarcWget, ReadsArchivesWrittenByWget) {
    if (!executable("/usr/bin/wget")) {
        GTEST_SKIP() << "wget is not installed (scripts/setup-deps.sh installs it)";
    }
    if (!executable("/usr/bin/python3")) GTEST_SKIP() << "/usr/bin/python3 is not installed";

    TempDir dir;
    const fs::path site = dir.path() / "site";
    fs::create_directory(site);
    const std::map<std::string, std::string> files = {
        {"first.html", kPage1},
        {"second.html",
         "<!DOCTYPE html>\n<html lang=\"ru\"><head><meta charset=\"utf-8\"><title>Паром"
         "</title></head>\n<body><p>Паром между Ригой и Стокгольмом пойдёт по новому "
         "расписанию.</p>\n<p>Second paragraph, in English.</p></body></html>\n"},
        {"notes.txt", kNotes},
    };
    for (const auto& [name, content] : files)
        write_file(site / name, content);

    std::vector<std::string> urls;
    {
        LocalServer server(site);
        ASSERT_GT(server.port(), 0) << "the local HTTP server did not start";
        const std::string base = "http://127.0.0.1:" + std::to_string(server.port()) + "/";
        for (const auto& [name, content] : files)
            urls.push_back(base + name);

        for (const bool compressed : {false, true}) {
            std::vector<std::string> args = {
                "/usr/bin/wget", "-q", "--no-config", "--no-proxy", "--no-hsts",
                // A loopback connection can still be refused now and then on a busy machine.
                "--tries=3", "--retry-connrefused", "--waitretry=1", "--timeout=10", "-O",
                "/dev/null", "--warc-tempdir=" + dir.path().string(),
                "--warc-file=" + (dir.path() / (compressed ? "gz" : "plain")).string()};
            if (!compressed) args.push_back("--no-warc-compression");
            args.insert(args.end(), urls.begin(), urls.end());
            const pid_t pid = spawn(args);
            ASSERT_GT(pid, 0);
            const int status = wait_bounded(pid, std::chrono::seconds(60));
            ASSERT_TRUE(status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0)
                << "wget failed, wait status " << status;
        }
    }  // the server stops here

    for (const char* name : {"plain.warc", "gz.warc.gz"}) {
        SCOPED_TRACE(name);
        const fs::path warc = dir.path() / name;
        ASSERT_TRUE(fs::exists(warc));
        EXPECT_EQ(WarcReader(warc.string()).compressed(), std::string(name) == "gz.warc.gz");
        const auto records = read_all(warc);
        std::vector<const WarcRecord*> pages;
        bool saw_warcinfo = false, saw_request = false;
        for (const WarcRecord& r : records) {
            EXPECT_FALSE(r.error) << r.target_uri << ": " << *r.error;
            if (r.type == "warcinfo") saw_warcinfo = true;
            if (r.type == "request") saw_request = true;
            if (is_page_record(r)) pages.push_back(&r);
        }
        EXPECT_TRUE(saw_warcinfo);
        EXPECT_TRUE(saw_request);
        ASSERT_EQ(pages.size(), files.size());
        std::size_t i = 0;
        for (const auto& [file, content] : files) {
            EXPECT_EQ(pages[i]->target_uri, urls[i]);
            EXPECT_EQ(pages[i]->status, 200);
            EXPECT_EQ(pages[i]->http_content_type,
                      file.ends_with(".txt") ? "text/plain" : "text/html");
            EXPECT_EQ(pages[i]->payload, content) << file;
            ++i;
        }
    }
}
