// Batch runs through the library: order, determinism across worker counts, error records,
// fail-fast, output directories, file lists, web archives, stopping, output failures.
#include "pressparse/batch.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unicode/utf8.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "batch/inputs.hpp"
#include "batch/names.hpp"
#include "pressparse/errors.hpp"
#include "pressparse/load.hpp"

namespace fs = std::filesystem;
using namespace pressparse;

namespace {

const fs::path kData = fs::path(PRESSPARSE_SOURCE_DIR) / "data";

class BatchTest : public ::testing::Test {
  protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() /
               ("pressparse_batch_" +
                std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "_" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir_);
        fs::create_directories(dir_ / "pages" / "sub");
    }
    void TearDown() override { fs::remove_all(dir_); }

    // `n` invented pages, each a little different, with a bad page every `bad_every`.
    std::vector<std::string> make_pages(int n, int bad_every = 0) {
        std::ifstream in(kData / "sample.txt", std::ios::binary);
        const std::string sample((std::istreambuf_iterator<char>(in)),
                                 std::istreambuf_iterator<char>());
        std::vector<std::string> paths;
        for (int i = 0; i < n; ++i) {
            const fs::path p = dir_ / "pages" / (i % 2 ? "sub" : "") /
                               ("page" + std::to_string(1000 + i) + ".txt");
            std::ofstream out(p, std::ios::binary);
            if (bad_every > 0 && i % bad_every == bad_every - 1) {
                // empty file: a failing input
            } else {
                std::string page = sample;
                page.replace(page.find("Мадоне"), std::string("Мадоне").size(),
                             "Мадоне-" + std::to_string(i));
                out << page;
            }
            paths.push_back(p.string());
        }
        return paths;
    }

    // The text of page `i` of make_pages.
    std::string page_text(int i) {
        std::ifstream in(kData / "sample.txt", std::ios::binary);
        std::string page((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        page.replace(page.find("Мадоне"), std::string("Мадоне").size(),
                     "Мадоне-" + std::to_string(i));
        return page;
    }
    void write(const fs::path& p, const std::string& text) {
        fs::create_directories(p.parent_path());
        std::ofstream(p, std::ios::binary) << text;
    }
    static std::string read(const fs::path& p) {
        std::ifstream in(p, std::ios::binary);
        return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    }
    std::vector<std::string> files_under(const fs::path& root) {
        std::vector<std::string> v;
        for (const auto& e : fs::recursive_directory_iterator(root)) {
            if (e.is_regular_file()) v.push_back(e.path().lexically_relative(root).string());
        }
        std::sort(v.begin(), v.end());
        return v;
    }

    struct Run {
        std::string out, err;
        BatchSummary summary;
        std::vector<std::string> lines() const {
            std::vector<std::string> v;
            std::istringstream s(out);
            for (std::string l; std::getline(s, l);)
                v.push_back(l);
            return v;
        }
    };

    Run run(BatchOptions o, const std::atomic<bool>* stop = nullptr) {
        Run r;
        r.summary = run_batch(
            o,
            [&](std::string_view t) {
                r.out.append(t);
                return true;
            },
            [&](std::string_view t) {
                r.err.append(t);
                return true;
            },
            stop);
        return r;
    }

    fs::path dir_;
};

}  // namespace

TEST_F(BatchTest, OutputInInputOrderAndIdenticalForAnyWorkerCount) {
    BatchOptions o;
    o.inputs = make_pages(150, 25);
    o.jobs = 1;
    const Run one = run(o);
    o.jobs = 4;
    const Run four = run(o);
    EXPECT_EQ(one.out, four.out);  // byte for byte
    const auto lines = four.lines();
    ASSERT_EQ(lines.size(), 150u);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const auto j = nlohmann::json::parse(lines[i]);
        EXPECT_EQ(j["input"]["path"], o.inputs[i]);
        EXPECT_EQ(j.contains("error"), i % 25 == 24) << i;
    }
    EXPECT_EQ(four.summary.pages, 150u);
    EXPECT_EQ(four.summary.errors, 6u);
    EXPECT_EQ(exit_status(four.summary), 1);
    // One stderr line per failing input, naming it.
    EXPECT_EQ(std::count(four.err.begin(), four.err.end(), '\n'), 6);
    EXPECT_NE(four.err.find(o.inputs[24] + ": empty file"), std::string::npos);
}

TEST_F(BatchTest, FailFastStopsEarly) {
    BatchOptions o;
    o.inputs = make_pages(200, 10);
    o.jobs = 2;
    o.fail_fast = true;
    const Run r = run(o);
    EXPECT_EQ(exit_status(r.summary), 1);
    // Everything up to the first failure is written in order, and nothing after it (pages
    // already in flight are dropped).
    const auto lines = r.lines();
    ASSERT_EQ(lines.size(), 10u);
    EXPECT_TRUE(nlohmann::json::parse(lines[9]).contains("error"));
    EXPECT_EQ(r.summary.pages, 10u);
    EXPECT_EQ(r.summary.errors, 1u);
}

TEST_F(BatchTest, DirectoriesAreWalkedSortedWithGlobAndRecursion) {
    make_pages(6);
    std::ofstream(dir_ / "pages" / "notes.md") << "# not a page\n";
    BatchOptions o;
    o.inputs = {(dir_ / "pages").string()};
    o.recursive = true;
    o.glob = "*.txt";
    const Run r = run(o);
    const auto lines = r.lines();
    ASSERT_EQ(lines.size(), 6u);
    std::vector<std::string> paths;
    for (const auto& l : lines)
        paths.push_back(nlohmann::json::parse(l)["input"]["path"]);
    EXPECT_TRUE(std::is_sorted(paths.begin(), paths.end()));
    o.recursive = false;
    const Run flat = run(o);
    EXPECT_NE(flat.err.find("is a directory (use -r"), std::string::npos);
    // Among pages, by workers that look at each path themselves: the same error record, in
    // its place, and the pages around it read.
    o.inputs = {paths[0], (dir_ / "pages").string(), paths[1]};
    o.glob.reset();
    for (const unsigned jobs : {1u, 2u}) {
        o.jobs = jobs;
        const Run mixed = run(o);
        const auto got = mixed.lines();
        ASSERT_EQ(got.size(), 3u) << "-j " << jobs;
        EXPECT_EQ(nlohmann::json::parse(got[0])["input"]["path"], paths[0]);
        const auto error = nlohmann::json::parse(got[1]);
        EXPECT_EQ(error["input"]["path"], (dir_ / "pages").string());
        EXPECT_EQ(error["error"]["code"], "is_directory") << got[1];
        EXPECT_EQ(error["error"]["message"], "is a directory (use -r to read the pages in it)");
        EXPECT_EQ(nlohmann::json::parse(got[2])["input"]["path"], paths[1]);
        EXPECT_EQ(mixed.summary.errors, 1u);
        EXPECT_EQ(mixed.summary.pages, 3u);
    }
}

TEST_F(BatchTest, OutputDirectoryMirrorsTheTreeAndResumes) {
    make_pages(10, 5);
    BatchOptions o;
    o.inputs = {(dir_ / "pages").string()};
    o.recursive = true;
    o.output_dir = (dir_ / "out").string();
    o.jobs = 3;
    const Run first = run(o);
    EXPECT_EQ(first.out, "");
    EXPECT_TRUE(fs::exists(dir_ / "out" / "pages" / "page1000.txt.json"));
    EXPECT_TRUE(fs::exists(dir_ / "out" / "pages" / "sub" / "page1001.txt.json"));
    EXPECT_TRUE(fs::exists(dir_ / "out" / "pages" / "sub" / "page1009.txt.error.json"));
    int files = 0;
    for (const auto& e : fs::recursive_directory_iterator(dir_ / "out")) {
        if (!e.is_regular_file()) continue;
        ++files;
        EXPECT_EQ(e.path().string().find(".tmp"), std::string::npos) << e.path();
        std::ifstream in(e.path());
        EXPECT_TRUE(nlohmann::json::accept(in)) << e.path();
    }
    EXPECT_EQ(files, 10);

    o.skip_existing = true;
    const Run again = run(o);
    EXPECT_EQ(again.summary.skipped, 8u);  // the two failed pages are tried again
    EXPECT_EQ(again.summary.pages, 2u);
}

TEST_F(BatchTest, FileListsAreReadLineByLineOrNulSeparated) {
    const auto pages = make_pages(5);
    std::ofstream(dir_ / "list.txt") << pages[3] << "\n\n" << pages[1] << "\r\n";
    BatchOptions o;
    o.files_from = (dir_ / "list.txt").string();
    Run r = run(o);
    ASSERT_EQ(r.lines().size(), 2u);
    EXPECT_EQ(nlohmann::json::parse(r.lines()[0])["input"]["path"], pages[3]);
    EXPECT_EQ(nlohmann::json::parse(r.lines()[1])["input"]["path"], pages[1]);

    std::ofstream nul(dir_ / "list0", std::ios::binary);
    nul << pages[0] << '\0' << pages[4] << '\0';
    nul.close();
    o.files_from = (dir_ / "list0").string();
    o.files_from_nul = true;
    r = run(o);
    ASSERT_EQ(r.lines().size(), 2u);
    EXPECT_EQ(nlohmann::json::parse(r.lines()[1])["input"]["path"], pages[4]);
}

TEST_F(BatchTest, WebArchiveRecordsArePages) {
    auto record = [](const std::string& type, const std::string& uri, const std::string& block,
                     const std::string& content_type) {
        return "WARC/1.0\r\nWARC-Type: " + type + "\r\nWARC-Target-URI: " + uri +
               "\r\nWARC-Date: 2026-07-14T07:00:00Z\r\nWARC-Record-ID: <urn:uuid:" +
               uri.substr(uri.size() - 1) + ">\r\nContent-Type: " + content_type +
               "\r\nContent-Length: " + std::to_string(block.size()) + "\r\n\r\n" + block +
               "\r\n\r\n";
    };
    const std::string html =
        "<html><head><title>Мост через Даугаву открыт после "
        "ремонта</title></head><body><article><p>В Даугавпилсе "
        "открыли новый мост через реку, сообщили в самоуправлении, и движение пустили по обеим "
        "полосам.</p></article>"
        "</body></html>";
    const std::string http_ok =
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " +
        std::to_string(html.size()) + "\r\n\r\n" + html;
    const std::string http_img =
        "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: 3\r\n\r\nPNG";
    std::ofstream(dir_ / "crawl.warc", std::ios::binary)
        << record("warcinfo", "urn:x:0", "software: test\r\n", "application/warc-fields")
        << record("request", "http://example.test/a", "GET /a HTTP/1.1\r\n\r\n",
                  "application/http; msgtype=request")
        << record("response", "http://example.test/a", http_ok,
                  "application/http; msgtype=response")
        << record("response", "http://example.test/b", http_img,
                  "application/http; msgtype=response");
    BatchOptions o;
    o.inputs = {(dir_ / "crawl.warc").string()};
    const Run r = run(o);
    const auto lines = r.lines();
    ASSERT_EQ(lines.size(), 1u) << r.err;
    const auto j = nlohmann::json::parse(lines[0]);
    EXPECT_EQ(j["url"], "http://example.test/a");
    EXPECT_EQ(j["input"]["warc"]["target_uri"], "http://example.test/a");
    EXPECT_EQ(j["input"]["warc"]["date"], "2026-07-14T07:00:00Z");
    EXPECT_EQ(j["input"]["format"], "html");
    EXPECT_EQ(j["headline"], "Мост через Даугаву открыт после ремонта");
    EXPECT_EQ(r.summary.skipped, 3u);  // warcinfo, request, image

    // Under an output directory a record is named as in input.path: ARCHIVE#OFFSET.json.
    o.output_dir = (dir_ / "out").string();
    run(o);
    const std::string path = j["input"]["path"];
    EXPECT_TRUE(fs::exists(dir_ / "out" / (batch::output_name(path).string() + ".json"))) << path;
    EXPECT_EQ(files_under(dir_ / "out").size(), 1u);
}

// Issue 10: a damaged record ended the archive. Now it is an error record in its place, with
// the archive's path and the record's offset, and the records after it are read; in a plain
// .warc and in a .warc.gz of one gzip member per record.
TEST_F(BatchTest, DamagedArchiveRecordIsAnErrorRecordAndTheRestIsRead) {
    const auto response = [](const std::string& uri, const std::string& title) {
        const std::string html = "<html><head><title>" + title +
                                 "</title></head><body><article><p>В Даугавпилсе открыли новый "
                                 "мост через реку, сообщили в самоуправлении.</p></article>"
                                 "</body></html>";
        const std::string http =
            "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html;
        return "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: " + uri +
               "\r\nWARC-Date: 2026-07-14T07:00:00Z\r\nWARC-Record-ID: <urn:uuid:" + title +
               ">\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: " +
               std::to_string(http.size()) + "\r\n\r\n" + http + "\r\n\r\n";
    };
    const auto gzip = [](const std::string& data) {
        z_stream zs{};
        EXPECT_EQ(deflateInit2(&zs, 9, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
        std::string out(deflateBound(&zs, static_cast<uLong>(data.size())) + 64, '\0');
        zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
        zs.avail_in = static_cast<uInt>(data.size());
        zs.next_out = reinterpret_cast<Bytef*>(out.data());
        zs.avail_out = static_cast<uInt>(out.size());
        EXPECT_EQ(deflate(&zs, Z_FINISH), Z_STREAM_END);
        out.resize(zs.total_out);
        deflateEnd(&zs);
        return out;
    };
    const std::vector<std::string> records = {
        response("http://example.test/a", "Первый"),
        "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 12x\r\n\r\nabc\r\n\r\n",
        response("http://example.test/c", "Третий")};
    for (const bool gz : {false, true}) {
        const fs::path path = dir_ / (gz ? "crawl.warc.gz" : "crawl.warc");
        std::string bytes;
        std::uint64_t damaged_at = 0;
        for (std::size_t i = 0; i < records.size(); ++i) {
            if (i == 1) damaged_at = bytes.size();
            bytes += gz ? gzip(records[i]) : records[i];
        }
        std::ofstream(path, std::ios::binary) << bytes;
        BatchOptions o;
        o.inputs = {path.string()};
        const Run r = run(o);
        const auto lines = r.lines();
        ASSERT_EQ(lines.size(), 3u) << r.out << r.err;
        EXPECT_EQ(nlohmann::json::parse(lines[0])["headline"], "Первый");
        const auto error = nlohmann::json::parse(lines[1]);
        const std::string where = path.string() + "#" + std::to_string(damaged_at);
        EXPECT_EQ(error["input"]["path"], where);
        EXPECT_EQ(error["error"]["code"], "unreadable");
        const std::string message = error["error"]["message"];
        EXPECT_EQ(message.rfind("damaged archive record: WARC record at byte offset " +
                                    std::to_string(damaged_at) + ": bad Content-Length '12x'",
                                0),
                  0u)
            << message;
        EXPECT_EQ(nlohmann::json::parse(lines[2])["headline"], "Третий");
        EXPECT_EQ(r.summary.errors, 1u);
        EXPECT_NE(r.err.find("pressparse: " + where + ": damaged archive record: "),
                  std::string::npos)
            << r.err;
    }
}

// A page whose JSON-LD author was nested 40,000 deep once overflowed the stack and took the
// whole batch down (and an archive's other pages with it). Three pages, the hostile one in the
// middle, give three results, as files and as archive records.
TEST_F(BatchTest, DeepJsonLdPageInTheMiddleOfABatchIsOneResultOfThree) {
    const std::string paragraph =
        "<p>В Даугавпилсе открыли новый мост через реку, сообщили в самоуправлении, и движение "
        "пустили по обеим полосам.</p>";
    const std::string deep = std::string(40000, '[') + R"("Анна")" + std::string(40000, ']');
    const std::string hostile =
        R"(<html><head><title>Мост через Даугаву открыт после ремонта</title><script type="application/ld+json">{"@type":"NewsArticle","author":)" +
        deep + "}</script></head><body><article>" + paragraph + "</article></body></html>";
    const std::string plain =
        "<html><head><title>Мост через Даугаву открыт после ремонта</title></head><body><article>" +
        paragraph + "</article></body></html>";
    const fs::path pages = dir_ / "pages";
    std::ofstream(pages / "1.html", std::ios::binary) << plain;
    std::ofstream(pages / "2.html", std::ios::binary) << hostile;
    std::ofstream(pages / "3.html", std::ios::binary) << plain;

    auto record = [](const std::string& uri, const std::string& html) {
        const std::string block =
            "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " +
            std::to_string(html.size()) + "\r\n\r\n" + html;
        return "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: " + uri +
               "\r\nWARC-Date: 2026-07-14T07:00:00Z\r\nWARC-Record-ID: <urn:uuid:" +
               uri.substr(uri.size() - 1) +
               ">\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: " +
               std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
    };
    std::ofstream(dir_ / "crawl.warc", std::ios::binary)
        << record("http://example.test/1", plain) << record("http://example.test/2", hostile)
        << record("http://example.test/3", plain);

    for (const auto& inputs :
         {std::vector<std::string>{(pages / "1.html").string(), (pages / "2.html").string(),
                                   (pages / "3.html").string()},
          std::vector<std::string>{(dir_ / "crawl.warc").string()}}) {
        SCOPED_TRACE(inputs[0]);
        BatchOptions o;
        o.inputs = inputs;
        o.jobs = 2;
        const Run r = run(o);
        const auto lines = r.lines();
        ASSERT_EQ(lines.size(), 3u) << r.err;
        for (std::size_t i = 0; i < 3; ++i) {
            const auto j = nlohmann::json::parse(lines[i]);
            EXPECT_FALSE(j.contains("error")) << lines[i];
            EXPECT_EQ(j["headline"], "Мост через Даугаву открыт после ремонта");
            const auto& w = j["warnings"];
            const bool cut = std::find(w.begin(), w.end(),
                                       "JSON-LD nested deeper than 64 levels was cut") != w.end();
            EXPECT_EQ(cut, i == 1) << lines[i];
        }
        EXPECT_EQ(exit_status(r.summary), 0);
    }
}

TEST_F(BatchTest, StopFlagEndsTheRunWithoutHalfResults) {
    BatchOptions o;
    o.inputs = make_pages(50);
    o.output_dir = (dir_ / "out").string();
    std::atomic<bool> stop{true};
    const Run r = run(o, &stop);
    EXPECT_TRUE(r.summary.interrupted);
    EXPECT_EQ(exit_status(r.summary), 130);
    EXPECT_LT(r.summary.pages, 50u);
}

TEST_F(BatchTest, OutputFailuresAreFatalButBrokenPipesAreQuiet) {
    BatchOptions o;
    o.inputs = make_pages(30);
    o.jobs = 2;
    std::string err;
    auto summary = run_batch(
        o,
        [](std::string_view) {
            errno = ENOSPC;
            return false;
        },
        [&](std::string_view t) {
            err.append(t);
            return true;
        });
    EXPECT_TRUE(summary.output_failed);
    EXPECT_EQ(exit_status(summary), 2);
    EXPECT_NE(err.find("No space left on device"), std::string::npos);

    err.clear();
    summary = run_batch(
        o,
        [](std::string_view) {
            errno = EPIPE;
            return false;
        },
        [&](std::string_view t) {
            err.append(t);
            return true;
        });
    EXPECT_TRUE(summary.output_closed);
    EXPECT_EQ(exit_status(summary), 0);
    EXPECT_EQ(err, "");
}

TEST_F(BatchTest, SummaryRecordAndStats) {
    BatchOptions o;
    o.inputs = make_pages(4, 4);
    o.summary_record = true;
    o.stats = true;
    const Run r = run(o);
    const auto lines = r.lines();
    ASSERT_EQ(lines.size(), 5u);
    const auto s = nlohmann::json::parse(lines.back());
    EXPECT_EQ(s["summary"]["pages"], 4);
    EXPECT_EQ(s["summary"]["errors"], 1);
    EXPECT_NE(r.err.find("pressparse: 4 pages, 1 errors"), std::string::npos);
}

// The records as values (what the Python module builds its objects from): the very objects the
// JSON Lines print, in input order, errors, duplicates and the summary included, at any -j.
TEST_F(BatchTest, RecordsAsValuesAreTheLinesObjects) {
    BatchOptions o;
    o.inputs = make_pages(40, 7);
    o.inputs.push_back(o.inputs.front());  // a copy of the first: a duplicate record
    o.format = OutputFormat::JsonLines;
    o.dedupe = true;
    o.summary_record = true;
    o.jobs = 2;
    const Run text = run(o);
    const auto lines = text.lines();
    ASSERT_EQ(lines.size(), 42u);
    for (const unsigned jobs : {1u, 3u}) {
        std::vector<nlohmann::ordered_json> records;
        o.jobs = jobs;
        o.records = [&](nlohmann::ordered_json&& record) {
            records.push_back(std::move(record));
            return true;
        };
        const Run values = run(o);
        EXPECT_EQ(values.out, "");  // nothing as text
        EXPECT_EQ(values.err, text.err);
        EXPECT_EQ(exit_status(values.summary), 1);
        ASSERT_EQ(records.size(), lines.size());
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const std::string dumped = records[i].dump();
            // The summary's seconds differ from run to run.
            if (records[i].contains("summary")) continue;
            EXPECT_EQ(dumped, lines[i]) << i;
        }
        EXPECT_TRUE(records[40].contains("duplicate_of"));
        EXPECT_TRUE(records[6].contains("error"));
        EXPECT_EQ(records[41]["summary"]["pages"], 41);
    }
}

// A record sink that refuses ends the run as a refused write does.
TEST_F(BatchTest, ARefusedRecordEndsTheRunAsAClosedPipe) {
    BatchOptions o;
    o.inputs = make_pages(30);
    o.format = OutputFormat::JsonLines;
    o.jobs = 2;
    int taken = 0;
    o.records = [&](nlohmann::ordered_json&&) {
        if (++taken < 3) return true;
        errno = EPIPE;
        return false;
    };
    const Run r = run(o);
    EXPECT_TRUE(r.summary.output_closed);
    EXPECT_EQ(taken, 3);
    EXPECT_EQ(exit_status(r.summary), 0);
}

TEST(BatchSingle, OnePageIsTheBareObject) {
    BatchOptions o;
    o.inputs = {(kData / "sample.txt").string()};
    EXPECT_TRUE(is_single_page_run(o));
    o.pretty = true;
    std::string out;
    run_batch(
        o,
        [&](std::string_view t) {
            out.append(t);
            return true;
        },
        [](std::string_view) { return true; });
    EXPECT_EQ(out.rfind("{\n  \"schema_version\": 1,", 0), 0u);
    o.format = OutputFormat::JsonLines;
    EXPECT_FALSE(is_single_page_run(o));
}

// Issue 10: "story.txt", "story.html", "story" and "story.txt.gz" all became out/story.json, and
// a good page "b.error.txt" collided with b.txt's error record: 4 inputs, 1 file, exit 0.
TEST_F(BatchTest, OutputNamesKeepTheWholeInputName) {
    const fs::path in = dir_ / "in";
    for (const char* name : {"story.txt", "story.html", "story", "b.error.txt"})
        write(in / name, page_text(1));
    write(in / "b.txt", "");
    {
        std::ofstream gz(in / "story.txt.gz", std::ios::binary);
        gz << read(in / "story.txt");  // not compressed: the name is what matters here
    }
    BatchOptions o;
    o.inputs = {(in / "story.txt").string(), (in / "story.html").string(),
                (in / "story").string(),     (in / "story.txt.gz").string(),
                (in / "b.txt").string(),     (in / "b.error.txt").string()};
    o.output_dir = (dir_ / "out").string();
    const Run r = run(o);
    const fs::path out = dir_ / "out" / batch::output_name(in);
    EXPECT_EQ(files_under(out),
              (std::vector<std::string>{"b.error.txt.json", "b.txt.error.json", "story.html.json",
                                        "story.json", "story.txt.gz.json", "story.txt.json"}));
    EXPECT_EQ(r.summary.pages, 6u);
    EXPECT_EQ(r.summary.errors, 1u);
}

TEST(BatchNames, OutputNamesAreContained) {
    EXPECT_EQ(batch::output_name("../a.txt"), fs::path("%2E%2E/a.txt"));
    EXPECT_EQ(batch::output_name("a.txt"), fs::path("a.txt"));
    EXPECT_EQ(batch::output_name("./x/../../../a.txt"), fs::path("%2E%2E/%2E%2E/a.txt"));
    EXPECT_EQ(batch::output_name("/abs/a.txt"), fs::path("abs/a.txt"));
    EXPECT_EQ(batch::output_name("/"), fs::path("input"));
}

// Two inputs that still map to one name: the second is an error record, never an overwrite.
TEST_F(BatchTest, AnOutputNameTakenTwiceIsAnErrorRecord) {
    const auto pages = make_pages(2);
    BatchOptions o;
    const std::string again = (dir_ / "pages" / "." / fs::path(pages[0]).filename()).string();
    o.inputs = {pages[0], again};
    o.output_dir = (dir_ / "out").string();
    const Run r = run(o);
    const fs::path good = dir_ / "out" / (batch::output_name(pages[0]).string() + ".json");
    const fs::path bad = dir_ / "out" / (batch::output_name(pages[0]).string() + ".error.json");
    EXPECT_EQ(nlohmann::json::parse(read(good))["input"]["path"], pages[0]);
    const auto record = nlohmann::json::parse(read(bad));
    EXPECT_EQ(record["error"]["code"], "output_collision");
    EXPECT_EQ(record["input"]["path"], again);
    EXPECT_EQ(r.summary.errors, 1u);
    EXPECT_EQ(exit_status(r.summary), 1);
    EXPECT_NE(r.err.find(again + ": output file "), std::string::npos);

    // A good page named like another input's error record.
    write(dir_ / "c.txt", "");
    write(dir_ / "c.txt.error", page_text(3));
    o.inputs = {(dir_ / "c.txt.error").string(), (dir_ / "c.txt").string()};
    const Run second = run(o);
    const fs::path c = dir_ / "out" / batch::output_name(dir_ / "c.txt.error.json");
    EXPECT_FALSE(nlohmann::json::parse(read(c)).contains("error"));
    EXPECT_EQ(second.summary.errors, 1u);
    EXPECT_NE(second.err.find("is taken by an earlier input"), std::string::npos);
}

// An input that changes outcome between runs leaves one output, not a stale one beside it.
TEST_F(BatchTest, WritingAResultRemovesTheStaleOtherKind) {
    const fs::path page = dir_ / "p.txt";
    write(page, "");
    BatchOptions o;
    o.inputs = {page.string(), (dir_ / "missing.txt").string()};
    o.output_dir = (dir_ / "out").string();
    run(o);
    const fs::path base = dir_ / "out" / batch::output_name(page);
    EXPECT_TRUE(fs::exists(base.string() + ".error.json"));
    write(page, page_text(2));
    run(o);
    EXPECT_TRUE(fs::exists(base.string() + ".json"));
    EXPECT_FALSE(fs::exists(base.string() + ".error.json"));
    write(page, "");
    run(o);
    EXPECT_FALSE(fs::exists(base.string() + ".json"));
    EXPECT_TRUE(fs::exists(base.string() + ".error.json"));
}

// kill -9 left NAME.json.tmpPID that no later run removed.
TEST_F(BatchTest, TemporariesOfDeadRunsAreRemoved) {
    const auto pages = make_pages(1);
    const fs::path out = dir_ / "out";
    // Beside the output the run writes. 4194304 is above the largest pid Linux hands out: no
    // such process.
    const fs::path beside = (out / batch::output_name(pages[0])).parent_path();
    write(beside / ".pressparse-4194304-7.tmp", "{\"half");
    write(beside / ".pressparse-1-7.tmp", "{\"init is alive\"}");  // pid 1 lives: left alone
    write(beside / "keep.tmp", "not ours");
    BatchOptions o;
    o.inputs = pages;
    o.output_dir = out.string();
    run(o);
    EXPECT_FALSE(fs::exists(beside / ".pressparse-4194304-7.tmp"));
    EXPECT_TRUE(fs::exists(beside / ".pressparse-1-7.tmp"));
    EXPECT_TRUE(fs::exists(beside / "keep.tmp"));
}

// An output directory inside the walked tree was read back as input.
TEST_F(BatchTest, TheOutputDirectoryIsNotWalked) {
    make_pages(4);
    BatchOptions o;
    o.inputs = {(dir_ / "pages").string()};
    o.recursive = true;
    o.output_dir = (dir_ / "pages" / "out").string();
    const Run first = run(o);
    EXPECT_EQ(first.summary.pages, 4u);
    const Run second = run(o);
    EXPECT_EQ(second.summary.pages, 4u);  // not 8: the outputs are not inputs
    EXPECT_EQ(files_under(dir_ / "pages" / "out").size(), 4u);
    // Named itself as the input, it is passed by too.
    o.inputs = {(dir_ / "pages" / "out").string()};
    EXPECT_EQ(run(o).summary.pages, 0u);
}

// --skip-existing took an empty or truncated output as done.
TEST_F(BatchTest, SkipExistingNeedsACompleteOutput) {
    const auto pages = make_pages(3);
    BatchOptions o;
    o.inputs = pages;
    o.output_dir = (dir_ / "out").string();
    run(o);
    const auto output = [&](int i) {
        return dir_ / "out" / (batch::output_name(pages[i]).string() + ".json");
    };
    const std::string whole = read(output(1));
    write(output(1), whole.substr(0, whole.size() / 2));
    write(output(2), "");
    o.skip_existing = true;
    const Run r = run(o);
    EXPECT_EQ(r.summary.skipped, 1u);
    EXPECT_EQ(r.summary.pages, 2u);
    EXPECT_EQ(read(output(1)), whole);
}

// A --files-from that could not be read ended the list silently with exit 0.
TEST_F(BatchTest, AnUnreadableFileListIsFatal) {
    const auto pages = make_pages(1);
    BatchOptions o;
    o.inputs = pages;
    o.files_from = (dir_ / "pages").string();  // a directory
    Run r = run(o);
    EXPECT_TRUE(r.summary.input_failed);
    EXPECT_EQ(exit_status(r.summary), 2);
    EXPECT_NE(r.err.find(": cannot read the file list: is a directory\n"), std::string::npos);
    EXPECT_EQ(r.lines().size(), 1u);  // what came before is kept

    o.files_from = (dir_ / "no-such-list").string();
    r = run(o);
    EXPECT_EQ(exit_status(r.summary), 2);
}

// A line of the list longer than the cap is an error record; the lines around it are read.
TEST_F(BatchTest, AFileListLineIsCapped) {
    const auto pages = make_pages(2);
    const fs::path list = dir_ / "list.txt";
    write(list, pages[0] + "\n" + std::string(batch::kMaxListLine + 10, 'x') + "\n" + pages[1] +
                    "\n" + std::string(3 * batch::kMaxListLine, 'y'));
    BatchOptions o;
    o.files_from = list.string();
    const Run r = run(o);
    const auto lines = r.lines();
    ASSERT_EQ(lines.size(), 4u);
    EXPECT_EQ(nlohmann::json::parse(lines[0])["input"]["path"], pages[0]);
    const auto two = nlohmann::json::parse(lines[1]);
    EXPECT_EQ(two["input"]["path"], list.string() + ":2");
    EXPECT_EQ(two["error"]["code"], "unreadable");
    EXPECT_EQ(nlohmann::json::parse(lines[2])["input"]["path"], pages[1]);
    EXPECT_EQ(nlohmann::json::parse(lines[3])["input"]["path"], list.string() + ":4");
    EXPECT_EQ(exit_status(r.summary), 1);
}

// Names were printed raw on stderr (a newline forged a second line) and non-UTF-8 bytes became
// U+FFFD in input.path, so two files could share one.
TEST_F(BatchTest, NamesAreEscapedOnStderrAndLosslessInJson) {
    const std::string a = (dir_ / "pages" / "p\xff.txt").string();
    const std::string b = (dir_ / "pages" / "p\xfe.txt").string();
    write(a, page_text(1));
    write(b, page_text(2));
    const std::string forged = (dir_ / "x\npressparse: y\x1b[2J.txt").string();
    BatchOptions o;
    o.inputs = {a, b, forged};
    const Run r = run(o);
    const auto lines = r.lines();
    ASSERT_EQ(lines.size(), 3u);
    const std::string pa = nlohmann::json::parse(lines[0])["input"]["path"];
    const std::string pb = nlohmann::json::parse(lines[1])["input"]["path"];
    EXPECT_NE(pa, pb);
    EXPECT_EQ(pa, batch::lossless_path(a));
    EXPECT_NE(pa.find("p\\xff.txt"), std::string::npos);
    EXPECT_EQ(nlohmann::json::parse(lines[2])["input"]["path"], forged);  // JSON escapes itself
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1);
    EXPECT_NE(r.err.find("x\\npressparse: y\\x1b[2J.txt: no such file"), std::string::npos);
    EXPECT_EQ(r.err.find('\x1b'), std::string::npos);
}

TEST(BatchNames, EscapesAreReversibleAndPrintable) {
    EXPECT_EQ(batch::lossless_path("plain/путь.txt"), "plain/путь.txt");
    EXPECT_EQ(batch::lossless_path("a\\b"), "a\\\\b");
    EXPECT_EQ(batch::lossless_path("a\xff\xc3("), "a\\xff\\xc3(");
    EXPECT_EQ(batch::lossless_path("tab\there"), "tab\there");  // valid UTF-8: JSON escapes it
    EXPECT_EQ(batch::printable_path("tab\there\r\n\x7f\xc2\x9b"),
              "tab\\there\\r\\n\\x7f\\xc2\\x9b");
    EXPECT_NE(batch::lossless_path("a\\xff"), batch::lossless_path("a\xff"));
}

namespace {

// The escapes of a path by their definition, one code point at a time: valid UTF-8 kept (control
// characters escaped only when printable), every other byte as \xHH, a backslash doubled.
std::string escape_by_code_point(std::string_view s, bool printable) {
    std::string out;
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(s.data());
    const auto length = static_cast<std::int32_t>(s.size());
    for (std::int32_t i = 0; i < length;) {
        const std::int32_t start = i;
        UChar32 c = 0;
        U8_NEXT(bytes, i, length, c);
        if (c < 0 || (printable && (c < 0x20 || (c >= 0x7F && c <= 0x9F)))) {
            if (c == '\n' || c == '\r' || c == '\t') {
                out += c == '\n' ? "\\n" : c == '\r' ? "\\r" : "\\t";
            } else {
                for (std::int32_t k = start; k < i; ++k) {
                    char hex[5];
                    std::snprintf(hex, sizeof hex, "\\x%02x", bytes[k]);
                    out += hex;
                }
            }
        } else if (c == '\\') {
            out += "\\\\";
        } else {
            out.append(
                s.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
        }
    }
    return out;
}

}  // namespace

// The leading run of plain ASCII is copied at once: every byte value at every position of a
// path (ASCII, then after a non-ASCII character) escapes as the definition says.
TEST(BatchNames, PlainPrefixAgreesWithTheDefinitionOnEveryByte) {
    for (const std::string& base : {std::string("dir/page-01.txt"), std::string("dir/путь.txt")}) {
        for (std::size_t at = 0; at < base.size(); ++at) {
            for (int b = 0; b < 256; ++b) {
                std::string path = base;
                path[at] = static_cast<char>(b);
                ASSERT_EQ(batch::lossless_path(path), escape_by_code_point(path, false)) << path;
                ASSERT_EQ(batch::printable_path(path), escape_by_code_point(path, true)) << path;
            }
        }
    }
    EXPECT_EQ(batch::lossless_path(""), "");
    EXPECT_EQ(batch::printable_path("ascii only"), "ascii only");
}

// A FIFO named as input blocked forever.
TEST_F(BatchTest, AFifoIsNotReadAsAPage) {
    const fs::path fifo = dir_ / "fifo";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    BatchOptions o;
    o.inputs = {fifo.string(), make_pages(1)[0]};
    const Run r = run(o);  // returns: nothing waits for a writer
    const auto lines = r.lines();
    ASSERT_EQ(lines.size(), 2u);
    const auto j = nlohmann::json::parse(lines[0]);
    EXPECT_EQ(j["error"]["code"], "unreadable");
    EXPECT_EQ(j["error"]["message"], "not a regular file (a FIFO, socket or device)");
}

// A run waiting on a list that never comes ends when stopped.
TEST_F(BatchTest, AStopEndsAWaitForTheFileList) {
    const fs::path fifo = dir_ / "list.fifo";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    BatchOptions o;
    o.files_from = fifo.string();
    o.jobs = 2;
    std::atomic<bool> stop{false};
    std::thread stopper([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        stop = true;
    });
    const Run r = run(o, &stop);
    stopper.join();
    EXPECT_TRUE(r.summary.interrupted);
    EXPECT_EQ(exit_status(r.summary), 130);
}

// `| head -1` at -j 8 exited 1 with error lines: the results ready when the pipe closed were
// still reported.
TEST_F(BatchTest, NothingIsReportedAfterTheOutputCloses) {
    auto pages = make_pages(20);
    for (int i = 0; i < 300; ++i)
        pages.push_back((dir_ / ("missing" + std::to_string(i))).string());
    BatchOptions o;
    o.inputs = pages;
    o.jobs = 8;
    int writes = 0;
    std::string err;
    const auto summary = run_batch(
        o,
        [&](std::string_view t) {
            if (t.empty()) return true;
            if (++writes <= 3) return true;
            errno = EPIPE;
            return false;
        },
        [&](std::string_view t) {
            err.append(t);
            return true;
        });
    EXPECT_TRUE(summary.output_closed);
    EXPECT_EQ(err, "");
    EXPECT_EQ(summary.errors, 0u);
    EXPECT_EQ(exit_status(summary), 0);
}

TEST(BatchUsage, OptionsThatCannotWorkAreRefused) {
    BatchOptions o;
    o.inputs = {"x"};
    EXPECT_EQ(usage_problem(o), "");
    o.extract.max_bytes = 0;
    EXPECT_NE(usage_problem(o), "");
    o.extract.max_bytes = 10;
    o.skip_existing = true;
    EXPECT_EQ(usage_problem(o), "--skip-existing needs --output-dir");
    o.output_dir = "out";
    EXPECT_EQ(usage_problem(o), "");
    o.jobs = kMaxJobs + 1;
    EXPECT_NE(usage_problem(o), "");
    o.jobs = 0;
    for (const char* bad : {"[ab", "*.tx\\", "[[:foo:]]", "a/*", "", "[!]"}) {
        o.glob = bad;
        EXPECT_NE(usage_problem(o), "") << bad;
    }
    for (const char* good : {"*.html", "[]ab]*", "[!a-c]?.txt", "[[:digit:]]*", "\\[x", "[[]"}) {
        o.glob = good;
        EXPECT_EQ(usage_problem(o), "") << good;
    }
}

// A page found a regular file when it was listed is read without another stat(2) before it is
// opened; a FIFO put in its place since is still refused, and nothing waits for a writer.
TEST_F(BatchTest, AListedPageIsOpenedWithoutLookingAgainButStillChecked) {
    const std::string page = make_pages(1)[0];
    const fs::path fifo = dir_ / "fifo";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    batch::InputSettings settings;
    settings.inputs = {page, fifo.string(), (dir_ / "missing").string()};
    settings.max_bytes = kDefaultMaxBytes;
    batch::InputStream inputs(settings);
    // Without -r the stream leaves each path for the worker to look at, outside its lock.
    auto listed = inputs.next();
    ASSERT_TRUE(listed);
    EXPECT_TRUE(listed->unlooked);
    batch::look_at_listed(*listed);
    EXPECT_FALSE(listed->unlooked);
    EXPECT_TRUE(listed->listed_regular);
    auto named_fifo = inputs.next();
    ASSERT_TRUE(named_fifo);
    batch::look_at_listed(*named_fifo);
    EXPECT_FALSE(named_fifo->listed_regular);
    EXPECT_FALSE(named_fifo->error_code);
    auto missing = inputs.next();
    ASSERT_TRUE(missing);
    batch::look_at_listed(*missing);
    EXPECT_FALSE(missing->listed_regular);
    EXPECT_FALSE(missing->error_code);  // the reader says what is wrong with it

    EXPECT_EQ(load_listed_file(page), load_file(page));
    // Replaced by a FIFO after it was listed.
    fs::remove(page);
    ASSERT_EQ(::mkfifo(page.c_str(), 0600), 0);
    try {
        load_listed_file(page);
        ADD_FAILURE() << "a FIFO was read as a page";
    } catch (const InputError& e) {
        EXPECT_EQ(e.code(), ErrorCode::Unreadable);
        EXPECT_STREQ(e.what(), "not a regular file (a FIFO, socket or device)");
    }
}

// A batch reads page after page into one buffer per thread: a page read after a longer one
// (or after a page that failed, or after a compressed one) is exactly its own bytes, and the
// cap still holds for a file read into a buffer already larger than the cap.
TEST_F(BatchTest, APageBufferReusedHoldsOnlyThePageReadIntoIt) {
    const fs::path long_page = dir_ / "long.txt";
    const fs::path short_page = dir_ / "short.txt";
    const fs::path empty_page = dir_ / "empty.txt";
    const fs::path gz_page = dir_ / "page.txt.gz";
    write(long_page, std::string(200000, 'L') + "\n");
    write(short_page, "short\n");
    write(empty_page, "");
    {
        z_stream zs{};
        ASSERT_EQ(deflateInit2(&zs, 9, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
        std::string data(300000, 'G');
        std::string out(deflateBound(&zs, static_cast<uLong>(data.size())) + 64, '\0');
        zs.next_in = reinterpret_cast<Bytef*>(data.data());
        zs.avail_in = static_cast<uInt>(data.size());
        zs.next_out = reinterpret_cast<Bytef*>(out.data());
        zs.avail_out = static_cast<uInt>(out.size());
        ASSERT_EQ(deflate(&zs, Z_FINISH), Z_STREAM_END);
        out.resize(zs.total_out);
        deflateEnd(&zs);
        write(gz_page, out);
    }
    std::string buffer;
    load_listed_file(long_page.string(), kDefaultMaxBytes, buffer);
    EXPECT_EQ(buffer, read(long_page));
    load_listed_file(short_page.string(), kDefaultMaxBytes, buffer);
    EXPECT_EQ(buffer, "short\n");
    load_listed_file(gz_page.string(), kDefaultMaxBytes, buffer);
    EXPECT_EQ(buffer, std::string(300000, 'G'));
    load_listed_file(empty_page.string(), kDefaultMaxBytes, buffer);
    EXPECT_EQ(buffer, "");
    EXPECT_THROW(load_listed_file((dir_ / "missing").string(), kDefaultMaxBytes, buffer),
                 InputError);
    load_listed_file(short_page.string(), kDefaultMaxBytes, buffer);
    EXPECT_EQ(buffer, "short\n");
    load_listed_file(long_page.string(), kDefaultMaxBytes, buffer);
    try {
        load_listed_file(long_page.string(), 1000, buffer);
        ADD_FAILURE() << "a page over the cap was read";
    } catch (const InputError& e) {
        EXPECT_EQ(e.code(), ErrorCode::TooLarge);
    }

    // Through a run at -j 1: each page's line is the line it has alone.
    const std::vector<std::string> pages = make_pages(3);
    write(dir_ / "pages" / "big.txt",
          page_text(0) + std::string(4000, '\n') + page_text(1) + "\n" + page_text(2));
    const std::vector<std::string> order = {(dir_ / "pages" / "big.txt").string(),
                                            pages[0],
                                            (dir_ / "pages" / "big.txt").string(),
                                            pages[2],
                                            empty_page.string(),
                                            pages[1]};
    BatchOptions o;
    o.jobs = 1;
    o.format = OutputFormat::JsonLines;
    o.inputs = order;
    const std::vector<std::string> lines = run(o).lines();
    ASSERT_EQ(lines.size(), order.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        BatchOptions alone = o;
        alone.inputs = {order[i]};
        EXPECT_EQ(run(alone).lines(), std::vector<std::string>{lines[i]}) << order[i];
    }
}

// A file is read to its end whether or not its status gives its size: pages of every size
// around the reader's buffer (read whole by one read that comes back short, without the read
// that would return nothing), and a file whose status says 0 bytes while it holds more, as
// /proc's files do, which must be read on to the read that returns nothing.
TEST_F(BatchTest, AFileIsReadToItsEndWhateverItsStatusSays) {
    std::string buffer;
    for (const std::size_t size : {0, 1, 2, 15, 16, 17, 4095, 4096, 4097, 65535, 65536, 65537}) {
        const fs::path page = dir_ / ("page-" + std::to_string(size) + ".txt");
        std::string bytes(size, 'x');
        for (std::size_t i = 0; i < size; ++i)
            bytes[i] = static_cast<char>('a' + i % 26);
        write(page, bytes);
        EXPECT_EQ(load_file(page.string()), bytes) << size;
        load_listed_file(page.string(), kDefaultMaxBytes, buffer);
        EXPECT_EQ(buffer, bytes) << size;
    }
    const std::string proc = "/proc/self/cmdline";
    struct stat st {};
    if (::stat(proc.c_str(), &st) != 0 || !S_ISREG(st.st_mode) || st.st_size != 0) {
        GTEST_SKIP() << proc << " is not a regular file whose status says 0 bytes here";
    }
    std::ifstream in(proc, std::ios::binary);
    const std::string expected((std::istreambuf_iterator<char>(in)),
                               std::istreambuf_iterator<char>());
    ASSERT_FALSE(expected.empty());
    EXPECT_EQ(load_file(proc), expected);
    load_listed_file(proc, kDefaultMaxBytes, buffer);
    EXPECT_EQ(buffer, expected);
}
