// pressparse: the command line. Maps options to library calls and outcomes to exit codes;
// decides nothing about pages.
//
// Exit status: 0 success; 1 an input could not be extracted (the others were), or `check` found
// differences; 2 usage error, or the output could not be written, or the --files-from list could
// not be read; 130 interrupted.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "pressparse/batch.hpp"
#include "pressparse/golden.hpp"
#include "pressparse/load.hpp"
#include "pressparse/version.hpp"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitInputFailed = 1;
constexpr int kExitUsage = 2;

std::atomic<bool> g_stop{false};

extern "C" void on_interrupt(int /*signal_number*/) {
    g_stop = true;
    // A second Ctrl-C ends the program at once.
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
}

bool write_to(FILE* f, std::string_view text) {
    if (text.empty()) return std::fflush(f) == 0;
    return std::fwrite(text.data(), 1, text.size(), f) == text.size();
}

}  // namespace

int run(int argc, char** argv);

int main(int argc, char** argv) {
    // Every error about an input is handled where it happens; this is the last line of defence
    // (out of memory, a bug), so that even then the message is one line and the status 2.
    try {
        return run(argc, argv);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "pressparse: fatal: %s\n", e.what());
    } catch (...) {
        std::fprintf(stderr, "pressparse: fatal error\n");
    }
    return kExitUsage;
}

int run(int argc, char** argv) {
    std::signal(SIGPIPE, SIG_IGN);
    std::signal(SIGINT, on_interrupt);
    std::signal(SIGTERM, on_interrupt);
    std::ios::sync_with_stdio(false);

    CLI::App app{
        "pressparse — turns saved Press.lv pages (text dumps or HTML) into structured JSON "
        "articles."};
    app.set_version_flag("--version", std::string("pressparse ") + PRESSPARSE_VERSION);
    app.failure_message([](const CLI::App*, const CLI::Error& e) {
        return std::string("pressparse: ") + e.what() + " (see --help)\n";
    });
    app.footer(R"(Examples:
  pressparse page.txt                      one article as compact JSON (--pretty to indent)
  cat page.html | pressparse -             a page on standard input
  pressparse -r archive/ --glob '*.html'   every page under a directory, as JSON Lines
  pressparse --files-from list.txt -j 8    pages named in a list (- reads the list from stdin)
  pressparse crawl.warc.gz                 every HTML or text response in a web archive
  pressparse -r pages/ --output-dir out/   out/pages/…/NAME.html.json per page; --skip-existing resumes
  pressparse --format markdown page.html   the article as Markdown (or: text, jsonl)
  pressparse check data/                   compare pages with their .expected.json files

Exit status: 0 success, 1 some inputs failed (the rest were written) or check found differences,
2 usage error, output not writable or file list unreadable, 130 interrupted.)");

    pressparse::BatchOptions batch;
    std::string input_format = "auto";
    std::string format = "json";
    bool quiet = false;

    app.add_option("INPUT", batch.inputs,
                   "Pages, directories or web archives (.warc, .warc.gz); - for a page on stdin");
    app.add_flag("-r,--recursive", batch.recursive, "Descend into subdirectories");
    app.add_option("--glob", batch.glob,
                   "While walking, only files whose name matches this pattern (e.g. '*.html'; "
                   "a pattern that cannot match, such as an unclosed '[', is an error)");
    app.add_option("--files-from", batch.files_from,
                   "Read input paths from FILE, one per line (- for stdin; a line is at most "
                   "64 KiB; a list that cannot be read ends the run with status 2)");
    app.add_flag("-0,--null", batch.files_from_nul, "The --files-from list is NUL-separated");
    app.add_option("--output-dir", batch.output_dir,
                   "Write one file per input under DIR, mirroring the input tree: the input's "
                   "whole name plus .json (.md, .txt), or .error.json for a failure");
    app.add_flag("--skip-existing", batch.skip_existing,
                 "With --output-dir: leave inputs whose output exists and is complete");
    app.add_option(
           "--format", format,
           "Output: json (one object; JSON Lines for several inputs), jsonl, markdown, text")
        ->check(CLI::IsMember({"json", "jsonl", "markdown", "text"}));
    app.add_flag("--pretty", batch.pretty, "Indent JSON (a single page, or files in --output-dir)");
    app.add_option("-j,--jobs", batch.jobs,
                   "Worker threads (default: all cores; at most " +
                       std::to_string(pressparse::kMaxJobs) + ")");
    app.add_flag("--fail-fast", batch.fail_fast, "Stop at the first input that fails");
    app.add_flag("-q,--quiet", quiet, "No progress line");
    app.add_flag("--stats", batch.stats,
                 "Print a summary (pages, errors, warnings, time, pages/s, MB/s) to stderr");
    app.add_flag("--summary-record", batch.summary_record,
                 "End the JSON Lines with a {\"summary\": …} record");
    app.add_flag("--dedupe", batch.dedupe,
                 "A page whose canonical URL or body fingerprint (within 3 bits) an earlier page "
                 "had gives {\"input\": …, \"duplicate_of\": PATH} instead of an article");
    app.add_option("--input-format", input_format,
                   "How to read pages: auto (from the content), text or html")
        ->check(CLI::IsMember({"auto", "text", "html"}));
    auto max_bytes = static_cast<std::int64_t>(pressparse::kDefaultMaxBytes);
    app.add_option("--max-bytes", max_bytes,
                   "Refuse pages larger than this many bytes (a positive number)")
        ->capture_default_str();

    auto* check = app.add_subcommand(
        "check", "Compare pages with their expected JSON (page.txt ↔ page.expected.json)");
    std::vector<std::string> check_paths;
    bool update = false;
    std::vector<std::string> ignore;
    check
        ->add_option("PATH", check_paths, "Pages, or directories holding pages with expected files")
        ->required();
    bool new_only = false;
    std::optional<std::string> junit;
    check->add_flag("--update", update,
                    "Write the expected files from the current output: create the missing ones, "
                    "rewrite the others");
    check
        ->add_flag("--new-only", new_only,
                   "Create the missing expected files; compare the others without rewriting them")
        ->excludes("--update");
    check->add_option("--junit", junit,
                      "Also write a JUnit XML report to FILE (a testcase per page; for CI test "
                      "reporters)");
    check->add_option("--ignore", ignore,
                      "A field to leave out of the comparison (e.g. stats, body[0].text)");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? kExitOk : kExitUsage;
    }

    // Zero, and a negative number read as a huge one, are refused rather than taken as "no cap".
    batch.extract.max_bytes = max_bytes > 0 ? static_cast<std::uint64_t>(max_bytes) : 0;
    if (input_format == "text") batch.extract.format = pressparse::InputFormat::Text;
    if (input_format == "html") batch.extract.format = pressparse::InputFormat::Html;

    if (*check) {
        pressparse::CheckOptions check_options;
        check_options.update = update;
        check_options.new_only = new_only;
        check_options.ignore = ignore;
        check_options.extract = batch.extract;
        const auto cases = pressparse::find_golden_cases(check_paths, update || new_only);
        if (cases.empty()) {
            std::fprintf(stderr, update || new_only
                                     ? "pressparse: check: no pages found\n"
                                     : "pressparse: check: no pages with expected files found "
                                       "(--new-only creates them)\n");
            return kExitInputFailed;
        }
        const auto summary = pressparse::run_golden_check(cases, check_options, std::cout);
        std::cout.flush();
        if (junit) {
            if (const std::string problem = pressparse::write_junit_report(summary, *junit);
                !problem.empty()) {
                std::fprintf(stderr, "pressparse: %s\n", problem.c_str());
                return kExitUsage;
            }
        }
        return summary.failed == 0 ? kExitOk : kExitInputFailed;
    }

    if (batch.inputs.empty() && !batch.files_from) {
        std::fprintf(stderr,
                     "pressparse: no input given (files, directories, --files-from, or - for "
                     "stdin); see --help\n");
        return kExitUsage;
    }
    const bool stdin_page =
        std::find(batch.inputs.begin(), batch.inputs.end(), "-") != batch.inputs.end();
    if (stdin_page && batch.files_from == std::optional<std::string>("-")) {
        std::fprintf(
            stderr, "pressparse: standard input cannot be both a page and the --files-from list\n");
        return kExitUsage;
    }
    if (format == "jsonl") batch.format = pressparse::OutputFormat::JsonLines;
    if (format == "markdown") batch.format = pressparse::OutputFormat::Markdown;
    if (format == "text") batch.format = pressparse::OutputFormat::Text;
    if (const std::string problem = pressparse::usage_problem(batch); !problem.empty()) {
        std::fprintf(stderr, "pressparse: %s (see --help)\n", problem.c_str());
        return kExitUsage;
    }
    batch.progress = !quiet && ::isatty(STDERR_FILENO) && !pressparse::is_single_page_run(batch);

    static char out_buffer[1 << 16];
    std::setvbuf(stdout, out_buffer, _IOFBF, sizeof out_buffer);
    const pressparse::WriteFn out = [](std::string_view text) { return write_to(stdout, text); };
    const pressparse::WriteFn err = [](std::string_view text) {
        const bool ok = write_to(stderr, text);
        std::fflush(stderr);
        return ok;
    };
    pressparse::BatchSummary summary = pressparse::run_batch(batch, out, err, &g_stop);
    if (std::fflush(stdout) != 0 && !summary.output_closed && !summary.output_failed) {
        if (errno == EPIPE) {
            summary.output_closed = true;
        } else {
            std::fprintf(stderr, "pressparse: stdout: %s\n", std::strerror(errno));
            summary.output_failed = true;
        }
    }
    if (summary.interrupted) std::fprintf(stderr, "pressparse: interrupted\n");
    return pressparse::exit_status(summary);
}
