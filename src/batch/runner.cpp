// The batch runner: N workers that each take the next page from the input stream and run the
// pipeline on it, and the calling thread as the writer, which writes results strictly in input
// order. A bounded window of pages in flight keeps memory flat; a failing page becomes an error
// record and the run goes on.
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

#include "inputs.hpp"
#include "pressparse/batch.hpp"
#include "pressparse/errors.hpp"
#include "pressparse/json_writer.hpp"
#include "pressparse/render.hpp"

namespace pressparse {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

struct Result {
    std::uint64_t seq = 0;
    std::string path;
    fs::path output_name;
    std::string text;  // the formatted article, or the error record
    bool failed = false;
    std::string message;  // why it failed
    std::uint64_t warnings = 0;
    std::uint64_t bytes = 0;
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

// Where a page's output goes, decided once per run by the caller: a file of its own or the whole
// stdout of a single-page run (JSON may be indented), or a stream shared with other pages (JSON
// Lines, one line each; Markdown and text documents each after a line naming the page).
enum class Sink { File, Alone, Shared };

Result process(batch::Job job, const BatchOptions& options, Sink sink) {
    Result r;
    r.seq = job.seq;
    r.path = job.path;
    r.output_name = std::move(job.output_name);
    InputInfo input;
    input.path = job.path;
    input.warc = job.warc;
    if (job.error_code) {
        r.failed = true;
        r.message = job.error_message;
        r.text = error_record(input, *job.error_code, job.error_message) + '\n';
        return r;
    }
    ExtractOptions extract = options.extract;
    if (job.url) extract.url = job.url;
    if (job.charset && !extract.declared_charset) extract.declared_charset = job.charset;
    try {
        Article article = job.bytes ? pressparse::extract(*job.bytes, job.path, extract)
                                    : extract_file(job.path, extract);
        article.input.warc = job.warc;
        r.warnings = article.warnings.size();
        r.bytes = article.input.bytes;
        const OutputFormat format =
            options.format == OutputFormat::JsonLines ? OutputFormat::Json : options.format;
        r.text = format_article(article, format, sink != Sink::Shared && options.pretty);
    } catch (const InputError& e) {
        r.failed = true;
        r.message = e.what();
        r.text = error_record(input, to_string(e.code()), e.what());
    } catch (const std::exception& e) {
        r.failed = true;
        r.message = std::string("internal error: ") + e.what();
        r.text = error_record(input, to_string(ErrorCode::Internal), r.message);
    }
    // The bytes as written, made here in parallel rather than by the writer: a closing newline
    // (a page alone on stdout gets one only when it has none) and the line naming a page on a
    // shared stream.
    if (sink == Sink::Shared && !r.failed) {
        if (options.format == OutputFormat::Markdown) {
            r.text.insert(0, "<!-- " + r.path + " -->\n");
        } else if (options.format == OutputFormat::Text) {
            r.text.insert(0, "==> " + r.path + " <==\n");
        }
    }
    if (sink != Sink::Alone || r.text.empty() || r.text.back() != '\n') r.text += '\n';
    return r;
}

// Writes `content` to `path` through a temporary file and a rename: a reader (or a killed run)
// never sees half a file.
bool write_atomically(const fs::path& path, const std::string& content, std::string& why) {
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    if (ec) {
        why = ec.message();
        return false;
    }
    const fs::path tmp = path.string() + ".tmp" + std::to_string(::getpid());
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
        if (*o.files_from == "-") return std::nullopt;
        std::ifstream list(*o.files_from, std::ios::binary);
        if (!list) return std::nullopt;
        const char separator = o.files_from_nul ? '\0' : '\n';
        std::string line;
        while (std::getline(list, line, separator)) {
            if (!line.empty() && line != "\r") ++total;
        }
    }
    return total;
}

// Writes to the output; a failure marks the summary: a closed pipe quietly, anything else (a
// full disk) as fatal, said once on the error stream.
bool write_stdout(const WriteFn& out, const WriteFn& err, std::string_view text,
                  BatchSummary& summary) {
    if (out(text)) return true;
    if (errno == EPIPE) {
        summary.output_closed = true;
    } else {
        summary.output_failed = true;
        err(std::string("pressparse: stdout: ") + std::strerror(errno) + "\n");
    }
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

std::string error_record(const InputInfo& input, std::string_view code, std::string_view message) {
    nlohmann::ordered_json in{{"path", input.path}};
    if (input.warc) {
        in["warc"] = nlohmann::ordered_json{{"target_uri", input.warc->target_uri},
                                            {"date", input.warc->date},
                                            {"record_id", input.warc->record_id}};
    }
    nlohmann::ordered_json record{
        {"input", std::move(in)},
        {"error", nlohmann::ordered_json{{"code", code}, {"message", message}}}};
    return dump_json(record);
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
    if (s.output_failed) return 2;
    if (s.interrupted) return 130;
    return s.errors > 0 ? 1 : 0;
}

BatchSummary run_batch(const BatchOptions& options, const WriteFn& out, const WriteFn& err,
                       const std::atomic<bool>* stop) {
    BatchSummary summary;
    const auto started = Clock::now();
    auto elapsed = [&] { return std::chrono::duration<double>(Clock::now() - started).count(); };

    batch::InputSettings settings{options.inputs,
                                  options.recursive,
                                  options.glob,
                                  options.files_from,
                                  options.files_from_nul,
                                  options.extract.max_bytes,
                                  options.output_dir.has_value()};
    batch::InputStream inputs(std::move(settings));

    // A single page: the bare object (or document), no threads.
    if (is_single_page_run(options)) {
        auto job = inputs.next();
        if (!job) return summary;
        Result r = process(std::move(*job), options, Sink::Alone);
        summary.pages = 1;
        summary.bytes = r.bytes;
        summary.warnings = r.warnings;
        if (r.failed) {
            ++summary.errors;
            err("pressparse: " + r.path + ": " + r.message + "\n");
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
    // until half of it is written.
    const std::uint64_t window = static_cast<std::uint64_t>(jobs) * 32 + 32;
    constexpr auto kWakeInterval = std::chrono::milliseconds(4);

    std::mutex input_mutex;  // the input stream; taken before `mutex`, never after
    std::mutex mutex;        // everything below
    std::condition_variable result_ready, space_ready;
    std::map<std::uint64_t, Result> finished;
    std::uint64_t produced = 0;       // pages taken from the input stream
    std::uint64_t produced_seen = 0;  // `produced` and `producing` as the writer last saw them,
    bool exhausted_seen = false;      // for the progress line
    std::uint64_t written = 0;        // results written (the next seq to write)
    std::uint64_t running = 0;        // pages taken, results not yet published
    unsigned waiting_for_space = 0;
    bool producing = true;          // the input stream has more
    std::atomic<bool> halt{false};  // set under the lock; read anywhere
    std::atomic<std::uint64_t> skipped{0};
    const std::optional<std::uint64_t> known_total =
        options.progress ? count_inputs(options) : std::nullopt;

    auto output_path = [&](const fs::path& name, bool failed) {
        return fs::path(*options.output_dir) /
               (name.string() + (failed ? ".error.json" : extension(options.format)));
    };

    // The next page, or nothing when the inputs are done or the run halts.
    auto take = [&]() -> std::optional<batch::Job> {
        std::lock_guard input_lock(input_mutex);
        for (;;) {
            if (halt || (stop && stop->load())) break;
            std::optional<batch::Job> job = inputs.next();
            if (!job) break;
            if (options.output_dir && options.skip_existing && !job->error_code) {
                std::error_code ec;
                if (fs::exists(output_path(job->output_name, false), ec)) {
                    ++skipped;
                    continue;
                }
            }
            std::lock_guard lock(mutex);
            if (halt) break;
            job->seq = produced++;
            ++running;
            return job;
        }
        {
            std::lock_guard lock(mutex);
            producing = false;
        }
        result_ready.notify_all();
        return std::nullopt;
    };

    std::vector<std::thread> workers;
    for (unsigned w = 0; w < jobs; ++w) {
        workers.emplace_back([&] {
            auto last_wake = Clock::now();
            for (;;) {
                {
                    std::unique_lock lock(mutex);
                    if (produced - written >= window && !halt) {
                        ++waiting_for_space;
                        lock.unlock();
                        result_ready.notify_one();  // only the writer frees space
                        lock.lock();
                        space_ready.wait(lock,
                                         [&] { return halt || produced - written <= window / 2; });
                        --waiting_for_space;
                    }
                    if (halt || !producing) break;
                }
                std::optional<batch::Job> job = take();
                if (!job) break;
                Result r = process(std::move(*job), options, sink);
                const auto now = Clock::now();
                bool wake = false;
                {
                    std::lock_guard lock(mutex);
                    --running;
                    finished.emplace(r.seq, std::move(r));
                    wake = now - last_wake >= kWakeInterval || (halt && running == 0);
                }
                if (wake) {
                    result_ready.notify_one();
                    last_wake = now;
                }
            }
            result_ready.notify_one();
        });
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

    // The writer: results in input order, every one that is ready taken at once.
    std::vector<Result> ready;
    bool stopped_at_failure = false;
    for (;;) {
        ready.clear();
        bool wake_workers = false;
        {
            std::unique_lock lock(mutex);
            result_ready.wait_for(lock, std::chrono::milliseconds(100), [&] {
                return finished.contains(written) || (!producing && written == produced) ||
                       (halt && running == 0 && !finished.contains(written));
            });
            for (auto it = finished.begin(); it != finished.end() && it->first == written;
                 it = finished.erase(it)) {
                ready.push_back(std::move(it->second));
                ++written;
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
            ++summary.pages;
            summary.warnings += r.warnings;
            summary.bytes += r.bytes;
            if (r.failed) {
                ++summary.errors;
                draw_progress(true);
                err("pressparse: " + r.path + ": " + r.message + "\n");
            }
            if (!summary.output_failed && !summary.output_closed) {
                if (options.output_dir) {
                    std::string why;
                    const fs::path path = output_path(r.output_name, r.failed);
                    if (!write_atomically(path, r.text, why)) {
                        summary.output_failed = true;
                        err("pressparse: " + path.string() + ": cannot write: " + why + "\n");
                        begin_halt();
                    }
                } else if (!write_stdout(out, err, r.text, summary)) {
                    begin_halt();
                }
            }
            draw_progress(false);
            if (r.failed && options.fail_fast) {
                stopped_at_failure = true;
                break;
            }
        }
        // Pass on what stdout buffers when nothing more is ready: a reader of a slow stream of
        // inputs sees each result as it is made.
        if (!options.output_dir && !summary.output_failed && !summary.output_closed) {
            bool more = false;
            {
                std::lock_guard lock(mutex);
                more = finished.contains(written);
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

    summary.skipped = skipped + inputs.skipped_records();
    summary.seconds = elapsed();
    draw_progress(true);
    if (options.summary_record && !options.output_dir && !summary.output_failed &&
        !summary.output_closed &&
        (options.format == OutputFormat::Json || options.format == OutputFormat::JsonLines)) {
        out(dump_json(nlohmann::ordered_json{{"summary", summary_json(summary)}}) + "\n");
    }
    if (options.stats) {
        char buf[256];
        const double secs = summary.seconds > 0 ? summary.seconds : 1e-9;
        std::snprintf(buf, sizeof buf,
                      "pressparse: %llu pages, %llu errors, %llu warnings, %llu skipped in %.2f s "
                      "(%.1f pages/s, "
                      "%.2f MB/s)\n",
                      static_cast<unsigned long long>(summary.pages),
                      static_cast<unsigned long long>(summary.errors),
                      static_cast<unsigned long long>(summary.warnings),
                      static_cast<unsigned long long>(summary.skipped), summary.seconds,
                      static_cast<double>(summary.pages) / secs,
                      static_cast<double>(summary.bytes) / 1e6 / secs);
        err(buf);
    }
    return summary;
}

}  // namespace pressparse
