// The batch runner: N workers that each take the next page from the input stream and run the
// pipeline on it, and the calling thread as the writer, which writes results strictly in input
// order. A bounded window of pages in flight keeps memory flat; a failing page becomes an error
// record and the run goes on. With an output directory the writer also owns the names: each is
// claimed once per run (a second input landing on a taken name gets an error record instead of
// overwriting), files appear whole through a temporary name and a rename, and the leftovers of
// killed runs are removed.
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cassert>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "inputs.hpp"
#include "names.hpp"
#include "pressparse/batch.hpp"
#include "pressparse/errors.hpp"
#include "pressparse/fingerprint.hpp"
#include "pressparse/json_writer.hpp"
#include "pressparse/load.hpp"
#include "pressparse/render.hpp"

namespace pressparse {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

struct Result {
    std::uint64_t seq = 0;
    unsigned worker = 0;  // the thread that made it, which also frees it (its memory's arena)
    std::string path;     // as given (bytes, not for display)
    InputInfo input;      // as error records name it
    fs::path output_name;
    std::string text;                              // the formatted article, or the error record
    std::optional<nlohmann::ordered_json> record;  // the same as a value (BatchOptions::records)
    bool failed = false;
    bool skipped = false;  // --skip-existing: its output is there and complete
    std::string message;   // why it failed
    std::uint64_t warnings = 0;
    std::uint64_t bytes = 0;
    // --dedupe: what identifies the article (its fingerprint, its address without a fragment).
    std::optional<std::uint64_t> fingerprint;
    std::optional<std::string> address;
};

const char* extension(OutputFormat format) {
    switch (format) {
        case OutputFormat::Markdown:
            return ".md";
        case OutputFormat::Text:
            return ".txt";
        default:
            return ".json";
    }
}

// The file an input's result goes to under the output directory: its whole name and the
// format's extension, or `.error.json` for a failure.
fs::path output_file(const BatchOptions& options, const fs::path& name, bool failed) {
    return fs::path(*options.output_dir) /
           (name.string() + (failed ? ".error.json" : extension(options.format)));
}

// --skip-existing: an output counts as done only when it is complete. JSON must parse as one
// object (a file cut short, or empty, does not); Markdown and text must be non-empty and end
// with their closing newline.
bool output_complete(const fs::path& path, OutputFormat format) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    const std::string content((std::istreambuf_iterator<char>(in)),
                              std::istreambuf_iterator<char>());
    if (content.empty() || content.back() != '\n') return false;
    if (format == OutputFormat::Markdown || format == OutputFormat::Text) return true;
    return nlohmann::json::accept(content) &&
           content.find_first_not_of(" \t\r\n") != std::string::npos &&
           content[content.find_first_not_of(" \t\r\n")] == '{';
}

// Where a page's output goes, decided once per run by the caller: a file of its own or the whole
// stdout of a single-page run (JSON may be indented), or a stream shared with other pages (JSON
// Lines, one line each; Markdown and text documents each after a line naming the page).
enum class Sink { File, Alone, Shared };

nlohmann::ordered_json error_record_json(const InputInfo& input, std::string_view code,
                                         std::string_view message);
nlohmann::ordered_json duplicate_record_json(const InputInfo& input, std::string_view first);

// A record for the output stream: a line of text, or the value itself for a caller that wants
// values (BatchOptions::records).
void set_record(Result& r, const BatchOptions& options, nlohmann::ordered_json&& value) {
    if (options.records && !options.output_dir) {
        r.record = std::move(value);
        r.text.clear();
    } else {
        r.text = dump_json(value) + '\n';
    }
}

// Runs one page into `r` (a Result as made, so that the writer's own can be filled in place).
// `page` is the caller's buffer for a listed file's bytes, reused from page to page (one per
// thread); one grown past 256 KiB by a large page is given back once the page is read.
void process(batch::Job& job, const BatchOptions& options, Sink sink, std::string& page,
             Result& r) {
    batch::look_at_listed(job);
    r.seq = job.seq;
    r.path = std::move(job.path);
    r.output_name = std::move(job.output_name);
    InputInfo& input = r.input;
    input.path = batch::lossless_path(r.path);
    input.warc = job.warc;
    if (job.error_code) {
        r.failed = true;
        r.message = job.error_message;
        set_record(r, options, error_record_json(input, *job.error_code, job.error_message));
        return;
    }
    if (sink == Sink::File && options.skip_existing &&
        output_complete(output_file(options, r.output_name, false), options.format)) {
        r.skipped = true;
        return;
    }
    ExtractOptions extract = options.extract;
    if (job.url) extract.url = job.url;
    if (job.charset && !extract.declared_charset) extract.declared_charset = job.charset;
    try {
        // Named by its lossless path from the start (extract only copies the name it is given),
        // except by extract_file, which must be given the path to open.
        Article article = [&] {
            if (job.bytes) return pressparse::extract(*job.bytes, input.path, extract);
            if (!job.listed_regular) return extract_file(r.path, extract);
            load_listed_file(r.path, extract.max_bytes, page);
            Article read = pressparse::extract(page, input.path, extract);
            static constexpr std::size_t kKeptPageBuffer = std::size_t{256} << 10;
            if (page.capacity() > kKeptPageBuffer) std::string().swap(page);
            return read;
        }();
        if (!job.bytes && !job.listed_regular) article.input.path = input.path;
        article.input.warc = job.warc;
        r.warnings = article.warnings.size();
        r.bytes = article.input.bytes;
        if (options.dedupe) {
            if (article.fingerprint) r.fingerprint = std::stoull(*article.fingerprint, nullptr, 16);
            if (article.url) r.address = article.url->substr(0, article.url->find('#'));
        }
        if (options.records && sink == Sink::Shared) {
            r.record = to_json(article);  // the value the line would print, made in parallel
            return;
        }
        const bool json =
            options.format == OutputFormat::JsonLines || options.format == OutputFormat::Json;
        if (json && sink == Sink::Shared) {
            r.text = to_json_line(article);  // written with its newline: no copy to add one
            return;
        }
        const OutputFormat format = json ? OutputFormat::Json : options.format;
        r.text = format_article(article, format, sink != Sink::Shared && options.pretty);
    } catch (const InputError& e) {
        r.failed = true;
        r.message = e.what();
        if (options.records && sink == Sink::Shared) {
            r.record = error_record_json(input, to_string(e.code()), e.what());
            return;
        }
        r.text = error_record(input, to_string(e.code()), e.what());
    } catch (const std::exception& e) {
        r.failed = true;
        r.message = std::string("internal error: ") + e.what();
        if (options.records && sink == Sink::Shared) {
            r.record = error_record_json(input, to_string(ErrorCode::Internal), r.message);
            return;
        }
        r.text = error_record(input, to_string(ErrorCode::Internal), r.message);
    }
    // The bytes as written, made here in parallel rather than by the writer: a closing newline
    // (a page alone on stdout gets one only when it has none) and the line naming a page on a
    // shared stream.
    if (sink == Sink::Shared && !r.failed) {
        if (options.format == OutputFormat::Markdown) {
            r.text.insert(0, "<!-- " + batch::printable_path(r.path) + " -->\n");
        } else if (options.format == OutputFormat::Text) {
            r.text.insert(0, "==> " + batch::printable_path(r.path) + " <==\n");
        }
    }
    if (sink != Sink::Alone || r.text.empty() || r.text.back() != '\n') r.text += '\n';
}

Result process(batch::Job& job, const BatchOptions& options, Sink sink, std::string& page) {
    Result r;
    process(job, options, sink, page, r);
    return r;
}

// Temporary files are named `.pressparse-PID-N.tmp` in the directory of their final name: short
// (any output name fits), hidden, and recognisable by a later run, which removes those whose
// process is gone (a run killed with SIGKILL) from each directory it writes into.
bool is_stale_temporary(const std::string& name) {
    static constexpr std::string_view kPrefix = ".pressparse-";
    static constexpr std::string_view kSuffix = ".tmp";
    if (name.size() <= kPrefix.size() + kSuffix.size() || !name.starts_with(kPrefix) ||
        !name.ends_with(kSuffix))
        return false;
    const std::string_view middle(name.data() + kPrefix.size(),
                                  name.size() - kPrefix.size() - kSuffix.size());
    const std::size_t dash = middle.find('-');
    if (dash == 0 || dash == std::string_view::npos || dash > 9 ||
        middle.find_first_not_of("0123456789-") != std::string_view::npos)
        return false;
    const pid_t pid = static_cast<pid_t>(std::stol(std::string(middle.substr(0, dash))));
    // Our own pid is stale too: a run in a fresh container may get the pid its killed
    // predecessor had.
    return pid == ::getpid() || (::kill(pid, 0) != 0 && errno == ESRCH);
}

// In one directory (not below it): run once per directory a run writes into, which is where
// a killed run's temporaries are, as they sit beside the outputs they were to become.
void remove_stale_temporaries(const fs::path& dir) {
    std::error_code ec;
    for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator();
         it.increment(ec)) {
        std::error_code ignored;
        if (is_stale_temporary(it->path().filename().string()) && it->is_regular_file(ignored))
            fs::remove(it->path(), ignored);
    }
}

// Writes `content` to `path` through a temporary file and a rename: a reader (or a killed run)
// never sees half a file.
bool write_atomically(const fs::path& path, const std::string& content, std::string& why) {
    static std::atomic<std::uint64_t> counter{0};
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    if (ec) {
        why = ec.message();
        return false;
    }
    const fs::path tmp = path.parent_path() / (".pressparse-" + std::to_string(::getpid()) + "-" +
                                               std::to_string(counter++) + ".tmp");
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) {
            why = std::strerror(errno);
            return false;
        }
        out << content;
        out.flush();
        if (!out) {
            why = std::strerror(errno);
            out.close();
            fs::remove(tmp, ec);
            return false;
        }
    }
    fs::rename(tmp, path, ec);
    if (ec) {
        why = ec.message();
        fs::remove(tmp, ec);
        return false;
    }
    return true;
}

std::string format_duration(double seconds) {
    if (!std::isfinite(seconds) || seconds < 0) return "--";
    const long long s = std::llround(seconds);
    char buf[32];
    if (s >= 3600) {
        std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld", s / 3600, (s / 60) % 60, s % 60);
    } else {
        std::snprintf(buf, sizeof buf, "%lld:%02lld", s / 60, s % 60);
    }
    return buf;
}

nlohmann::ordered_json summary_json(const BatchSummary& s) {
    const double secs = s.seconds > 0 ? s.seconds : 1e-9;
    return nlohmann::ordered_json{
        {"pages", s.pages},
        {"errors", s.errors},
        {"warnings", s.warnings},
        {"duplicates", s.duplicates},
        {"seconds", std::round(s.seconds * 1000) / 1000},
        {"pages_per_second", std::round(static_cast<double>(s.pages) / secs * 10) / 10},
        {"mb_per_second", std::round(static_cast<double>(s.bytes) / 1e6 / secs * 100) / 100}};
}

// How many pages a run will have, when that is cheap to know before starting: plain files
// named on the command line, and the lines of a --files-from file (counted, not kept).
// Directories, archives and lists on stdin are only counted as they are read.
std::optional<std::uint64_t> count_inputs(const BatchOptions& o) {
    std::uint64_t total = 0;
    for (const auto& p : o.inputs) {
        std::error_code ec;
        if (batch::is_warc_name(p) || (p != "-" && fs::is_directory(p, ec))) return std::nullopt;
        ++total;
    }
    if (o.files_from) {
        // Only a list in a regular file: a FIFO read here would be read up, and no line is held
        // (a line may be of any length).
        std::error_code ec;
        if (*o.files_from == "-" || !fs::is_regular_file(*o.files_from, ec)) return std::nullopt;
        std::ifstream list(*o.files_from, std::ios::binary);
        if (!list) return std::nullopt;
        const char separator = o.files_from_nul ? '\0' : '\n';
        char chunk[64 * 1024];
        bool in_line = false;  // a line with something besides "\r" has begun
        while (list.read(chunk, sizeof chunk) || list.gcount() > 0) {
            for (std::streamsize i = 0; i < list.gcount(); ++i) {
                if (chunk[i] == separator) {
                    total += in_line ? 1 : 0;
                    in_line = false;
                } else if (chunk[i] != '\r' || o.files_from_nul) {
                    in_line = true;
                }
            }
        }
        total += in_line ? 1 : 0;
    }
    return total;
}

// Writes to the output; a failure marks the summary: a closed pipe quietly, anything else (a
// full disk) as fatal, said once on the error stream.
void write_failed(const WriteFn& err, BatchSummary& summary) {
    if (errno == EPIPE) {
        summary.output_closed = true;
    } else {
        summary.output_failed = true;
        err(std::string("pressparse: stdout: ") + std::strerror(errno) + "\n");
    }
}

bool write_stdout(const WriteFn& out, const WriteFn& err, std::string_view text,
                  BatchSummary& summary) {
    if (out(text)) return true;
    write_failed(err, summary);
    return false;
}

}  // namespace

std::string format_article(const Article& article, OutputFormat format, bool pretty) {
    switch (format) {
        case OutputFormat::Markdown:
            return to_markdown(article);
        case OutputFormat::Text:
            return to_plain_text(article);
        case OutputFormat::JsonLines:
            return to_json_string(article, false);
        case OutputFormat::Json:
            return to_json_string(article, pretty);
    }
    return to_json_string(article, pretty);
}

namespace {

// The "input" object of a record that stands in for an article: the path and the archive record.
nlohmann::ordered_json record_input(const InputInfo& input) {
    nlohmann::ordered_json in{{"path", input.path}};
    if (input.warc) {
        in["warc"] = nlohmann::ordered_json{{"target_uri", input.warc->target_uri},
                                            {"date", input.warc->date},
                                            {"record_id", input.warc->record_id}};
    }
    return in;
}

nlohmann::ordered_json error_record_json(const InputInfo& input, std::string_view code,
                                         std::string_view message) {
    return nlohmann::ordered_json{
        {"input", record_input(input)},
        {"error", nlohmann::ordered_json{{"code", code}, {"message", message}}}};
}

nlohmann::ordered_json duplicate_record_json(const InputInfo& input, std::string_view first) {
    return nlohmann::ordered_json{{"input", record_input(input)}, {"duplicate_of", first}};
}

}  // namespace

std::string error_record(const InputInfo& input, std::string_view code, std::string_view message) {
    return dump_json(error_record_json(input, code, message));
}

std::string duplicate_record(const InputInfo& input, std::string_view first) {
    return dump_json(duplicate_record_json(input, first));
}

namespace {

// Why a --glob pattern can never work as meant, or empty. fnmatch reports no errors: an
// unclosed '[' matches itself, an unknown class or a trailing backslash matches nothing, and a
// '/' cannot match a file name.
std::string glob_problem(std::string_view pattern) {
    static constexpr std::string_view kClasses[] = {"alnum", "alpha", "blank", "cntrl",
                                                    "digit", "graph", "lower", "print",
                                                    "punct", "space", "upper", "xdigit"};
    if (pattern.empty()) return "an empty pattern matches no name";
    if (pattern.find('/') != std::string_view::npos)
        return "it is matched against file names, which hold no '/'";
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '\\') {
            if (++i == pattern.size()) return "it ends with a lone backslash";
            continue;
        }
        if (pattern[i] != '[') continue;
        std::size_t j = i + 1;
        if (j < pattern.size() && (pattern[j] == '!' || pattern[j] == '^')) ++j;
        if (j < pattern.size() && pattern[j] == ']') ++j;  // a leading ']' is a member
        for (; j < pattern.size() && pattern[j] != ']'; ++j) {
            if (pattern[j] == '\\') {
                ++j;
            } else if (pattern[j] == '[' && j + 1 < pattern.size() &&
                       (pattern[j + 1] == ':' || pattern[j + 1] == '.' || pattern[j + 1] == '=')) {
                const char kind = pattern[j + 1];
                const std::size_t end = pattern.find(std::string{kind, ']'}, j + 2);
                if (end == std::string_view::npos) break;
                const std::string_view name = pattern.substr(j + 2, end - j - 2);
                if (kind == ':' &&
                    std::find(std::begin(kClasses), std::end(kClasses), name) == std::end(kClasses))
                    return "unknown character class [:" + std::string(name) + ":]";
                j = end + 1;
            }
        }
        if (j >= pattern.size()) return "a '[' is not closed (write \\[ for the character)";
        i = j;
    }
    return {};
}

}  // namespace

std::string usage_problem(const BatchOptions& o) {
    if (o.extract.max_bytes == 0) return "--max-bytes must be a positive number of bytes";
    if (o.skip_existing && !o.output_dir) return "--skip-existing needs --output-dir";
    if (o.dedupe && (o.format == OutputFormat::Markdown || o.format == OutputFormat::Text))
        return "--dedupe needs a JSON format (its duplicate records are JSON)";
    if (o.jobs > kMaxJobs) return "--jobs must be at most " + std::to_string(kMaxJobs);
    if (o.glob) {
        const std::string why = glob_problem(*o.glob);
        if (!why.empty()) return "--glob '" + batch::printable_path(*o.glob) + "': " + why;
    }
    return {};
}

bool is_single_page_run(const BatchOptions& o) {
    if (o.inputs.size() != 1 || o.files_from || o.output_dir || o.format == OutputFormat::JsonLines)
        return false;
    const std::string& p = o.inputs.front();
    if (p == "-") return true;
    std::error_code ec;
    return !(o.recursive && fs::is_directory(p, ec)) && !batch::is_warc_name(p);
}

int exit_status(const BatchSummary& s) {
    if (s.output_failed || s.input_failed) return 2;
    if (s.interrupted) return 130;
    return s.errors > 0 ? 1 : 0;
}

BatchSummary run_batch(const BatchOptions& options, const WriteFn& out, const WriteFn& err,
                       const std::atomic<bool>* stop) {
    BatchSummary summary;
    const auto started = Clock::now();
    auto elapsed = [&] { return std::chrono::duration<double>(Clock::now() - started).count(); };
    std::atomic<bool> halt{false};  // set under `mutex` below; read anywhere

    batch::InputSettings settings;
    settings.inputs = options.inputs;
    settings.recursive = options.recursive;
    settings.glob = options.glob;
    settings.files_from = options.files_from;
    settings.files_from_nul = options.files_from_nul;
    settings.max_bytes = options.extract.max_bytes;
    settings.output_names = options.output_dir.has_value();
    settings.cancelled = [&] { return halt.load() || (stop && stop->load()); };
    if (options.output_dir) {
        // Made before the walk starts, so that the walk can recognise it and pass it by (its
        // files are outputs, not inputs).
        std::error_code ec;
        fs::create_directories(*options.output_dir, ec);
        struct stat st {};
        if (ec || ::stat(options.output_dir->c_str(), &st) != 0) {
            summary.output_failed = true;
            err("pressparse: " + batch::printable_path(*options.output_dir) +
                ": cannot write: " + (ec ? ec.message() : std::strerror(errno)) + "\n");
            return summary;
        }
        settings.excluded_dir = std::pair{st.st_dev, st.st_ino};
    }
    batch::InputStream inputs(std::move(settings));
    auto list_failed = [&] {
        if (inputs.list_error().empty()) return false;
        summary.input_failed = true;
        err("pressparse: " + batch::printable_path(*options.files_from) +
            ": cannot read the file list: " + inputs.list_error() + "\n");
        return true;
    };

    // A single page: the bare object (or document), no threads.
    if (is_single_page_run(options)) {
        auto job = inputs.next();
        if (!job) {
            summary.interrupted = stop && stop->load();
            return summary;
        }
        std::string page;
        Result r = process(*job, options, Sink::Alone, page);
        summary.pages = 1;
        summary.bytes = r.bytes;
        summary.warnings = r.warnings;
        if (r.failed) {
            ++summary.errors;
            err("pressparse: " + batch::printable_path(r.path) + ": " + r.message + "\n");
        } else {
            write_stdout(out, err, r.text, summary);
        }
        summary.seconds = elapsed();
        return summary;
    }

    const Sink sink = options.output_dir ? Sink::File : Sink::Shared;
    const unsigned jobs =
        options.jobs > 0 ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
    // Workers pull their pages from the input stream themselves (one at a time, under a lock of
    // its own, so a list arriving slowly on stdin never holds up the writer) and publish results;
    // the calling thread writes them in input order. Thread wake-ups, not locks, are what the
    // hand-offs cost (on small pages one per page eats a sixth of the machine), so nobody is woken
    // without need: a worker wakes the writer at most every 4 ms, when the window is full, and
    // before it stops (the writer also looks every 100 ms); the writer writes every result that
    // is next in order at once; a worker that finds the window of pages in flight full sleeps
    // until half of it is written. With one job (or when no worker thread can be started at
    // all), no thread is started: the calling thread takes, runs and writes each page in turn.
    // Per page, a worker takes `mutex` twice: to number the page it takes, and to publish its
    // result and look at the window in one go. Results wait in a ring of slots, one per page in
    // flight, not in nodes allocated per page; and the writer gives each written result back to
    // the worker that made it, which frees it: memory freed by another thread than the one that
    // allocated it waits on that thread's malloc arena.
    std::uint64_t window = static_cast<std::uint64_t>(jobs) * 32 + 32;  // under `mutex`
    constexpr auto kWakeInterval = std::chrono::milliseconds(4);

    std::mutex input_mutex;  // the input stream; taken before `mutex`, never after
    std::mutex mutex;        // everything below
    std::condition_variable result_ready, space_ready;
    // Pages in flight are at most the window and one per worker that passed the check at once.
    std::vector<std::optional<Result>> finished(window + jobs + 1);
    auto slot = [&](std::uint64_t seq) -> std::optional<Result>& {
        return finished[seq % finished.size()];
    };
    std::vector<std::vector<Result>> spent(jobs);  // written results, per worker that made them
    std::uint64_t produced = 0;                    // pages taken from the input stream
    std::uint64_t produced_seen = 0;  // `produced` and `producing` as the writer last saw them,
    bool exhausted_seen = false;      // for the progress line
    std::uint64_t written = 0;        // results written (the next seq to write)
    std::uint64_t running = 0;        // pages taken, results not yet published
    unsigned waiting_for_space = 0;
    bool producing = true;  // the input stream has more
    const std::optional<std::uint64_t> known_total =
        options.progress ? count_inputs(options) : std::nullopt;

    // The next page, or nothing when the inputs are done or the run halts.
    auto take = [&]() -> std::optional<batch::Job> {
        std::lock_guard input_lock(input_mutex);
        if (!halt && !(stop && stop->load())) {
            std::optional<batch::Job> job = inputs.next();
            if (job) {
                std::lock_guard lock(mutex);
                if (!halt) {
                    job->seq = produced++;
                    ++running;
                    return job;
                }
            }
        }
        {
            std::lock_guard lock(mutex);
            producing = false;
        }
        result_ready.notify_all();
        return std::nullopt;
    };

    // Whether a worker may take another page: it waits while the window is full (under `lock`).
    auto may_go_on = [&](std::unique_lock<std::mutex>& lock) {
        if (produced - written >= window && !halt) {
            ++waiting_for_space;
            lock.unlock();
            result_ready.notify_one();  // only the writer frees space
            lock.lock();
            space_ready.wait(lock, [&] { return halt || produced - written <= window / 2; });
            --waiting_for_space;
        }
        return !halt && producing;
    };

    // A worker takes one page, runs it and publishes its result: false when there is nothing
    // more to do. `trash` takes the worker's results the writer has given back.
    auto work_one = [&](unsigned w, Clock::time_point& last_wake, std::string& page,
                        std::vector<Result>& trash) {
        std::optional<batch::Job> job = take();
        if (!job) return false;
        Result r = process(*job, options, sink, page);
        r.worker = w;
        const auto now = Clock::now();
        bool go_on = false;
        {
            std::unique_lock lock(mutex);
            --running;
            assert(!slot(r.seq).has_value());  // the ring holds every page in flight
            slot(r.seq).emplace(std::move(r));
            const bool wake = now - last_wake >= kWakeInterval || (halt && running == 0);
            trash.swap(spent[w]);
            if (wake) {
                result_ready.notify_one();
                last_wake = now;
            }
            go_on = may_go_on(lock);
        }
        trash.clear();  // freed by the thread that allocated it
        return go_on;
    };

    // Threads that cannot be started (a process limit below -j) are done without: the run goes
    // on with those that could, and with none, in the calling thread.
    std::vector<std::thread> workers;
    try {
        // One job: the calling thread runs every page itself, with no hand-over (below).
        for (unsigned w = 0; w < jobs && jobs > 1; ++w) {
            workers.emplace_back([&, w] {
                auto last_wake = Clock::now();
                std::string page;  // this worker's page buffer
                std::vector<Result> trash;
                bool go_on = false;
                {
                    std::unique_lock lock(mutex);
                    go_on = may_go_on(lock);
                }
                while (go_on && work_one(w, last_wake, page, trash)) {
                }
                result_ready.notify_one();
            });
        }
    } catch (const std::system_error& e) {
        err("pressparse: warning: started " + std::to_string(workers.size()) + " of " +
            std::to_string(jobs) + " worker threads (" + e.what() + "); going on with " +
            (workers.empty() ? std::string("none: the pages are run one by one")
                             : std::to_string(workers.size())) +
            "\n");
    }
    const bool work_alone = workers.empty();
    // Alone, results are passed on as each is written when the next input may keep the run
    // waiting (a list on a pipe or a terminal, a page on stdin); otherwise when stdout's buffer
    // fills and at the end, as from a worker pool that is never waited for.
    const bool inputs_may_wait = [&] {
        if (std::find(options.inputs.begin(), options.inputs.end(), "-") != options.inputs.end())
            return true;
        if (!options.files_from) return false;
        struct stat st {};
        return *options.files_from == "-" || ::stat(options.files_from->c_str(), &st) != 0 ||
               !S_ISREG(st.st_mode);
    }();
    if (workers.size() < jobs && jobs > 1) {  // the window sized for the threads there are
        std::lock_guard lock(mutex);
        window = static_cast<std::uint64_t>(workers.size()) * 32 + 32;
    }

    auto last_progress = Clock::now() - std::chrono::seconds(1);
    auto draw_progress = [&](bool final) {
        if (!options.progress) return;
        const auto now = Clock::now();
        if (!final && now - last_progress < std::chrono::milliseconds(100)) return;
        last_progress = now;
        const double secs = elapsed();
        const double rate = secs > 0 ? static_cast<double>(summary.pages) / secs : 0;
        std::string line = "\r\x1b[K";
        if (final) {
            err(line);
            return;
        }
        char buf[160];
        // A list naming archives holds more pages than lines: then the total is not known after
        // all.
        if (exhausted_seen || (known_total && summary.pages <= *known_total)) {
            const std::uint64_t total = exhausted_seen ? produced_seen : *known_total;
            const double eta =
                rate > 0 ? static_cast<double>(total - std::min(total, summary.pages)) / rate : NAN;
            std::snprintf(buf, sizeof buf, "%llu/%llu pages  %.1f pages/s  %llu errors  ETA %s",
                          static_cast<unsigned long long>(summary.pages),
                          static_cast<unsigned long long>(total), rate,
                          static_cast<unsigned long long>(summary.errors),
                          format_duration(eta).c_str());
        } else {
            std::snprintf(buf, sizeof buf, "%llu pages  %.1f pages/s  %llu errors",
                          static_cast<unsigned long long>(summary.pages), rate,
                          static_cast<unsigned long long>(summary.errors));
        }
        err(line + buf);
    };

    auto begin_halt = [&] {
        {
            std::lock_guard lock(mutex);
            halt = true;  // pages not taken yet are left alone
        }
        space_ready.notify_all();
    };

    auto count = [&](const Result& r) {
        ++summary.pages;
        summary.warnings += r.warnings;
        summary.bytes += r.bytes;
        if (r.failed) {
            ++summary.errors;
            draw_progress(true);
            err("pressparse: " + batch::printable_path(r.path) + ": " + r.message + "\n");
        }
    };

    // The output files claimed in this run, as hashes of their paths (8 bytes a name, whatever
    // its length; two names sharing a 64-bit hash are not to be expected before billions).
    std::unordered_set<std::size_t> claimed;
    auto is_claimed = [&](const fs::path& p) {
        return claimed.contains(std::hash<std::string>{}(p.native()));
    };
    auto claim = [&](const fs::path& p) { claimed.insert(std::hash<std::string>{}(p.native())); };
    std::uint64_t skipped = 0;
    std::unordered_set<std::string> cleaned_dirs;  // rid of stale temporaries in this run

    // A result to its file. A name another input of this run has written makes the result an
    // error record (`output_collision`), written as NAME.error.json unless that name is taken
    // too (then the error is only reported). Writing a result removes the other kind of output
    // a former run left for the same input (NAME.json for a failure, NAME.error.json for a
    // success), unless this run wrote it.
    auto to_file = [&](Result& r) {
        const fs::path good = output_file(options, r.output_name, false);
        const fs::path bad = output_file(options, r.output_name, true);
        fs::path target = r.failed ? bad : good;
        if (is_claimed(target)) {
            r.failed = true;
            r.skipped = false;
            r.warnings = 0;
            r.message = "output file " + batch::printable_path(target.string()) +
                        " is taken by an earlier input of this run";
            r.text = error_record(r.input, "output_collision", r.message) + '\n';  // files only
            target = is_claimed(bad) ? fs::path() : bad;
        }
        if (r.skipped) {
            claim(target);
            ++skipped;
            return;
        }
        count(r);
        if (target.empty()) return;
        claim(target);
        if (cleaned_dirs.insert(target.parent_path().native()).second)
            remove_stale_temporaries(target.parent_path());
        std::string why;
        if (!write_atomically(target, r.text, why)) {
            summary.output_failed = true;
            err("pressparse: " + batch::printable_path(target.string()) + ": cannot write: " + why +
                "\n");
            begin_halt();
            return;
        }
        const fs::path& other = target == good ? bad : good;
        std::error_code ec;
        if (!is_claimed(other)) fs::remove(other, ec);
    };

    // --dedupe, in input order (so the first of a set of copies wins at any -j): a page whose
    // address or fingerprint (within NearIndex::kMaxDistance bits) an earlier page of the run had
    // becomes a duplicate record naming that page. Kept per distinct page: its input path (in
    // one arena), an entry of the fingerprint index and one of the address table.
    fingerprint::NearIndex near_copies;
    std::unordered_map<std::size_t, std::uint32_t> by_address;  // hash of the address → page
    std::string first_paths;                                    // input.path of each page, …
    std::vector<std::size_t> first_path_ends;                   // … and where each ends
    auto dedupe = [&](Result& r) {
        if (!options.dedupe || r.failed || r.skipped) return;
        const std::size_t address_hash = r.address ? std::hash<std::string>{}(*r.address) : 0;
        std::optional<std::uint32_t> first;
        if (r.address) {
            if (const auto it = by_address.find(address_hash); it != by_address.end())
                first = it->second;
        }
        if (!first && r.fingerprint) first = near_copies.find(*r.fingerprint);
        if (first) {
            const std::size_t begin = *first == 0 ? 0 : first_path_ends[*first - 1];
            const std::string_view path =
                std::string_view(first_paths).substr(begin, first_path_ends[*first] - begin);
            set_record(r, options, duplicate_record_json(r.input, path));
            r.warnings = 0;
            ++summary.duplicates;
            return;
        }
        const auto id = static_cast<std::uint32_t>(first_path_ends.size());
        first_paths += r.input.path;
        first_path_ends.push_back(first_paths.size());
        if (r.address) by_address.emplace(address_hash, id);
        if (r.fingerprint) near_copies.add(*r.fingerprint, id);
    };

    // A result to stdout. Once the reader is gone, nothing more is counted or reported: the run
    // ends quietly, whatever the number of results that were ready at that moment.
    auto to_stdout = [&](Result& r) {
        const bool written = r.record ? options.records(std::move(*r.record))
                                      : write_stdout(out, err, r.text, summary);
        if (r.record && !written) write_failed(err, summary);
        if (!written) {
            begin_halt();
            return;
        }
        // A failure is said after its record has reached the reader (or found it gone).
        if (r.failed && !write_stdout(out, err, {}, summary)) {
            begin_halt();
            return;
        }
        count(r);
    };

    // The writer: results in input order, every one that is ready taken at once.
    std::vector<Result> ready;
    std::string page;  // the page buffer when this thread runs the pages itself
    bool stopped_at_failure = false;
    for (;;) {
        bool wake_workers = false;
        if (work_alone) {
            // The page taken, run and written in turn: no queue, no lock, no wake-up.
            ready.clear();
            if (stop && stop->load() && !halt) {
                summary.interrupted = true;
                begin_halt();
            }
            std::optional<batch::Job> job;
            if (!halt) job = inputs.next();
            if (!job) break;
            job->seq = produced++;
            process(*job, options, sink, page, ready.emplace_back());
            ++written;
            produced_seen = produced;
        } else {
            std::unique_lock lock(mutex);
            for (Result& r : ready)  // the last round's, back to the workers that made them
                spent[r.worker].push_back(std::move(r));
            ready.clear();
            result_ready.wait_for(lock, std::chrono::milliseconds(100), [&] {
                return slot(written).has_value() || (!producing && written == produced) ||
                       (halt && running == 0 && !slot(written).has_value());
            });
            for (; slot(written).has_value(); ++written) {
                ready.push_back(std::move(*slot(written)));
                slot(written).reset();
            }
            if (ready.empty() && ((!producing && written == produced) || (halt && running == 0)))
                break;
            wake_workers = waiting_for_space > 0 && produced - written <= window / 2;
            produced_seen = produced;
            exhausted_seen = !producing;
        }
        if (wake_workers) space_ready.notify_all();
        if (stop && stop->load() && !halt) {
            summary.interrupted = true;
            begin_halt();
        }
        if (ready.empty()) {
            draw_progress(false);
            continue;
        }
        for (Result& r : ready) {
            if (summary.output_failed || summary.output_closed) break;
            dedupe(r);
            if (options.output_dir) {
                to_file(r);
            } else {
                to_stdout(r);
            }
            draw_progress(false);
            if (r.failed && options.fail_fast && !summary.output_closed) {
                stopped_at_failure = true;
                break;
            }
        }
        // Pass on what stdout buffers when nothing more is ready: a reader of a slow stream of
        // inputs sees each result as it is made.
        if (!options.output_dir && !summary.output_failed && !summary.output_closed &&
            (!work_alone || inputs_may_wait)) {
            bool more = false;
            if (!work_alone) {
                std::lock_guard lock(mutex);
                more = slot(written).has_value();
            }
            if (!more && !write_stdout(out, err, {}, summary)) begin_halt();
        }
        if (stopped_at_failure) {  // the output ends with the first failure
            begin_halt();
            break;
        }
    }

    begin_halt();
    for (auto& w : workers)
        w.join();
    if (stop && stop->load()) summary.interrupted = true;
    if (!summary.interrupted && !summary.output_closed && !stopped_at_failure) list_failed();

    summary.skipped = skipped + inputs.skipped_records();
    summary.seconds = elapsed();
    draw_progress(true);
    if (options.summary_record && !options.output_dir && !summary.output_failed &&
        !summary.output_closed &&
        (options.format == OutputFormat::Json || options.format == OutputFormat::JsonLines)) {
        nlohmann::ordered_json record{{"summary", summary_json(summary)}};
        if (options.records) {
            options.records(std::move(record));
        } else {
            out(dump_json(record) + "\n");
        }
    }
    if (options.stats) {
        char buf[256];
        const double secs = summary.seconds > 0 ? summary.seconds : 1e-9;
        const std::string duplicates =
            options.dedupe ? ", " + std::to_string(summary.duplicates) + " duplicates" : "";
        std::snprintf(buf, sizeof buf,
                      "pressparse: %llu pages, %llu errors, %llu warnings, %llu skipped%s in "
                      "%.2f s (%.1f pages/s, %.2f MB/s)\n",
                      static_cast<unsigned long long>(summary.pages),
                      static_cast<unsigned long long>(summary.errors),
                      static_cast<unsigned long long>(summary.warnings),
                      static_cast<unsigned long long>(summary.skipped), duplicates.c_str(),
                      summary.seconds, static_cast<double>(summary.pages) / secs,
                      static_cast<double>(summary.bytes) / 1e6 / secs);
        err(buf);
    }
    return summary;
}

}  // namespace pressparse
