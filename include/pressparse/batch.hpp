// Batch runs over many pages: inputs streamed from paths, directories, file lists and web
// archives; a fixed pool of worker threads running the pure pipeline; results written in input
// order (byte-identical whatever the number of workers) as JSON Lines, or one file per input.
// Memory stays flat: inputs are enumerated lazily and at most a bounded number of pages are in
// flight (read, being extracted, or waiting for their turn to be written).
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pressparse/pipeline.hpp"

namespace pressparse {

enum class OutputFormat {
    Json,       // one input: the JSON object; several: JSON Lines
    JsonLines,  // always one compact JSON object per line
    Markdown,
    Text
};

// A record as a value (the JSON object its line would print), for a caller that builds its own
// objects from it (the Python module) rather than parse text back. False: stop the run (errno
// tells why, as for a write).
using RecordFn = std::function<bool(nlohmann::ordered_json&&)>;

struct BatchOptions {
    std::vector<std::string> inputs;  // files, directories, web archives, "-" (a page on stdin)
    bool recursive = false;           // descend into subdirectories
    std::optional<std::string> glob;  // keep only files whose name matches (fnmatch)
    std::optional<std::string> files_from;  // a list of paths, one per line ("-": stdin)
    bool files_from_nul = false;            // the list is NUL-separated
    std::optional<std::string>
        output_dir;              // one NAME.json (or .md/.txt) per input, mirroring the input tree
    bool skip_existing = false;  // with output_dir: leave inputs whose output exists
    OutputFormat format = OutputFormat::Json;
    bool pretty = false;          // indent JSON written to files (JSON Lines stay compact)
    unsigned jobs = 0;            // worker threads; 0: all cores; at most kMaxJobs
    bool fail_fast = false;       // stop at the first input that fails
    bool progress = false;        // a progress line on the error stream
    bool stats = false;           // a closing summary on the error stream
    bool summary_record = false;  // a closing {"summary": …} record in the JSON Lines
    bool dedupe = false;  // a page whose URL or fingerprint an earlier page had: duplicate record
    ExtractOptions extract;
    // With JSON Lines on the output stream: every record (article, error, duplicate, summary)
    // goes here as a value instead of as a line of text; `out` then only hears flushes.
    RecordFn records;
};

// The most worker threads a run may ask for.
inline constexpr unsigned kMaxJobs = 1024;

struct BatchSummary {
    std::uint64_t pages = 0;       // inputs extracted or failed
    std::uint64_t errors = 0;      // inputs that failed
    std::uint64_t warnings = 0;    // warnings over all articles
    std::uint64_t skipped = 0;     // --skip-existing, and archive records that are not pages
    std::uint64_t duplicates = 0;  // --dedupe: pages given as duplicate records
    std::uint64_t bytes = 0;       // page bytes read
    double seconds = 0;
    bool interrupted = false;    // stopped by a signal (stop flag)
    bool output_failed = false;  // the output could not be written (a fatal error)
    bool output_closed = false;  // the reader of the output went away (broken pipe)
    bool input_failed = false;   // the --files-from list could not be read (a fatal error)
};

// Where results go: returns false when a write fails (errno tells why). An empty text asks
// for what is buffered to be passed on: the writer sends one whenever it has written what was
// ready and must wait for more, so a reader of a slow stream sees each result without delay.
using WriteFn = std::function<bool(std::string_view)>;

// Runs the batch. Results go to `out`, one-line error messages and progress to `err`.
// `stop` (may be null), when set from elsewhere (a signal handler), ends the run early: pages
// not yet started are left, pages in flight are finished and written, no file is left half
// written. Never throws for a bad input.
BatchSummary run_batch(const BatchOptions& options, const WriteFn& out, const WriteFn& err,
                       const std::atomic<bool>* stop = nullptr);

// Why the options cannot make a run (a one-line reason, for a usage error), or empty: a zero
// --max-bytes, --skip-existing without an output directory, --dedupe with Markdown or text, --jobs
// over kMaxJobs, a --glob pattern that cannot match as meant (an unclosed '[', an unknown
// [:class:], a trailing backslash, a '/').
std::string usage_problem(const BatchOptions& options);

// The exit status for a summary: 0 all good, 1 some inputs failed, 2 a fatal error
// (output unwritable, file list unreadable), 130 interrupted.
int exit_status(const BatchSummary& summary);

// True when the options make a single-page run: one input that is a file or "-", no list, no
// output directory, a JSON format. Such a run prints the bare object (see `format_article`).
bool is_single_page_run(const BatchOptions& options);

// An article in an output format. JSON: pretty or compact, without a trailing newline.
std::string format_article(const Article& article, OutputFormat format, bool pretty);

// "{"input": {...}, "error": {"code": …, "message": …}}", one line.
std::string error_record(const InputInfo& input, std::string_view code, std::string_view message);

// "{"input": {...}, "duplicate_of": "<input.path of the first>"}", one line.
std::string duplicate_record(const InputInfo& input, std::string_view first);

}  // namespace pressparse
