// Batch runs through the library: order, determinism across worker counts, error records,
// fail-fast, output directories, file lists, web archives, stopping, output failures.
#include "pressparse/batch.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

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
    EXPECT_TRUE(fs::exists(dir_ / "out" / "pages" / "page1000.json"));
    EXPECT_TRUE(fs::exists(dir_ / "out" / "pages" / "sub" / "page1001.json"));
    EXPECT_TRUE(fs::exists(dir_ / "out" / "pages" / "sub" / "page1009.error.json"));
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
