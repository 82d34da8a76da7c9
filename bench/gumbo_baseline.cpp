// The reference line for the throughput targets, one thread, all in one process:
//
//   HTML  bare gumbo_parse + gumbo_destroy_output over the pages' bytes, and
//         pressparse::extract(..., InputFormat::Html) over the same bytes; their ratio
//         (target: extract >= 1.4 x bare gumbo).
//   text  pressparse::extract(..., InputFormat::Text) (target: >= 100 MB/s).
//
// The pages are read into memory first; nothing is written. Each repetition times whole passes
// over the set, as many as it takes to last --min-seconds; the figures are the medians over
// --reps repetitions, gumbo and extract measured alternately so that drift hits both alike.
//
//   pressparse_gumbo_baseline [--reps N] [--min-seconds S] [--csv] [--count]
//                             [--html LIST] [--text LIST]
//
// LIST is a file naming one page per line; a gzip-compressed page (the web sets' .html.gz) is
// inflated when it is read, as the CLI's loader does, so both sides see the page's HTML. --csv
// prints rows of bench/results/*.csv (benchmark,metric,value,unit,jobs,notes) instead of the
// human-readable report. --count times nothing: it runs one pass of bare gumbo and one of
// extract over each set, in the functions `gumbo_pass` and `extract_pass`, for an instruction
// counter (callgrind's inclusive totals of the two; noise-free where the timings are not).
//
// --interleaved pairs the two sides page by page instead of pass by pass, so that a host whose
// speed moves within seconds moves both sides of a ratio alike:
//
//   pressparse_gumbo_baseline --interleaved [--rounds N] [--round-seconds S] [--group K] [--csv]
//                             [--html LIST]... [--text LIST]...
//
//   each --html LIST  bare gumbo_parse + gumbo_destroy_output, and extract(..., Html), of the
//                     same page back to back;
//   each --text LIST  (a) extract(..., Text) of the page's bytes already in memory, and (b) the
//                     CLI's work for that page at -j 1 --format jsonl (see cli_page below).
//
// The order within a pair alternates page by page and round by round (A B, B A, ...), so a
// drift within a pair falls on each side alike; each side is summed over the set, and a round's
// ratio is the ratio of its sums. A round is one pass over the set (or as many whole passes as
// last --round-seconds). The figures are the median of the rounds' ratios and their spread
// (min..max and the interquartile range), by steady_clock and, beside it, by the thread's CPU
// time. Process start-up is in neither side. One warm-up pass of each side comes first.
// --group K pairs groups of K consecutive pages instead (A on K pages, B on the same K), to see
// what running the two sides' code alternately on every page costs each of them.
#include <gumbo.h>
#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <exception>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "batch/names.hpp"  // lossless_path: what the runner names a page's input by
#include "pressparse/batch.hpp"
#include "pressparse/errors.hpp"
#include "pressparse/json_writer.hpp"
#include "pressparse/load.hpp"
#include "pressparse/pipeline.hpp"
#include "read/html_dom.hpp"

namespace {

struct Pages {
    std::vector<std::string> paths;
    std::vector<std::string> bytes;
    std::size_t total = 0;
};

Pages load_list(const std::string& list) {
    Pages pages;
    std::ifstream in(list);
    if (!in) {
        std::fprintf(stderr, "gumbo_baseline: cannot read %s\n", list.c_str());
        std::exit(2);
    }
    std::string path;
    while (std::getline(in, path)) {
        if (path.empty()) continue;
        std::ifstream f(path, std::ios::binary);
        if (!f) {
            std::fprintf(stderr, "gumbo_baseline: cannot read %s\n", path.c_str());
            std::exit(2);
        }
        std::ostringstream s;
        s << f.rdbuf();
        std::string bytes = s.str();
        try {
            pressparse::decompress_if_gzip(bytes);
        } catch (const std::exception& e) {
            std::fprintf(stderr, "gumbo_baseline: %s: %s\n", path.c_str(), e.what());
            std::exit(2);
        }
        pages.total += bytes.size();
        pages.paths.push_back(path);
        pages.bytes.push_back(std::move(bytes));
    }
    return pages;
}

double now() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// CPU time of this thread: what the figures would be on an otherwise idle core.
double thread_cpu() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

struct Timing {
    double wall = 0;  // seconds per pass, wall clock
    double cpu = 0;   // seconds per pass, this thread's CPU time
};

// Time for one pass of `pass`, repeated until `min_seconds` of wall time have gone by.
Timing seconds_per_pass(const std::function<void()>& pass, double min_seconds) {
    int passes = 0;
    const double start = now();
    const double cpu_start = thread_cpu();
    double elapsed = 0;
    do {
        pass();
        ++passes;
        elapsed = now() - start;
    } while (elapsed < min_seconds);
    return {elapsed / passes, (thread_cpu() - cpu_start) / passes};
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

struct Figure {
    std::string name;
    std::vector<double> seconds;      // wall time per pass, one per repetition
    std::vector<double> cpu_seconds;  // CPU time per pass, one per repetition
    void add(const Timing& t) {
        seconds.push_back(t.wall);
        cpu_seconds.push_back(t.cpu);
    }
    double mbps(const Pages& p) const {
        return static_cast<double>(p.total) / 1e6 / median(seconds);
    }
    double cpu_mbps(const Pages& p) const {
        return static_cast<double>(p.total) / 1e6 / median(cpu_seconds);
    }
    double pps(const Pages& p) const {
        return static_cast<double>(p.paths.size()) / median(seconds);
    }
    double spread_mbps(const Pages& p, bool low) const {
        const double s = low ? *std::max_element(seconds.begin(), seconds.end())
                             : *std::min_element(seconds.begin(), seconds.end());
        return static_cast<double>(p.total) / 1e6 / s;
    }
};

// Not inlined, so that an instruction counter sees each pass as one function (--count).
[[gnu::noinline]] void gumbo_pass(const Pages& pages) {
    for (const auto& b : pages.bytes) {
        GumboOutput* out = gumbo_parse(b.c_str());
        gumbo_destroy_output(&kGumboDefaultOptions, out);
    }
}

void gumbo_quiet_pass(const Pages& pages) {
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0;
    for (const auto& b : pages.bytes) {
        GumboOutput* out = gumbo_parse_with_options(&options, b.data(), b.size());
        gumbo_destroy_output(&options, out);
    }
}

int g_errors = 0;
volatile std::size_t g_sink = 0;

[[gnu::noinline]] void extract_pass(const Pages& pages, pressparse::InputFormat format) {
    pressparse::ExtractOptions options;
    options.format = format;
    for (std::size_t i = 0; i < pages.bytes.size(); ++i) {
        try {
            pressparse::Article a = pressparse::extract(pages.bytes[i], pages.paths[i], options);
            g_sink = g_sink + a.body.size();
        } catch (const std::exception&) {
            ++g_errors;
        }
    }
}

std::string fmt(const char* f, double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, f, v);
    return buf;
}

void csv_row(const std::string& bench, const std::string& metric, const std::string& value,
             const std::string& unit, const std::string& notes) {
    std::printf("%s,%s,%s,%s,1,\"%s\"\n", bench.c_str(), metric.c_str(), value.c_str(),
                unit.c_str(), notes.c_str());
}

// ---------------------------------------------------------------------------------------------
// Interleaved mode.

struct Stamp {
    double wall;
    double cpu;
};

Stamp stamp() {
    return {now(), thread_cpu()};
}

// One round's sums, seconds: side A and side B, by the wall clock and by the thread's CPU time.
struct Round {
    double a_wall = 0, b_wall = 0, a_cpu = 0, b_cpu = 0;
    int passes = 0;
};

// Runs a and b back to back on every group of `group` consecutive pages (one page by default:
// a(i), b(i)), the order alternating group by group and starting with A on the first when
// `a_first` (the next pass starts the other way round), for as many whole passes as last
// `min_seconds` (at least one). The clocks are read once between the two sides of a pair, so a
// reading's own cost falls on both sides alike.
template <class A, class B>
Round interleaved_round(std::size_t pages, const A& a, const B& b, bool a_first, double min_seconds,
                        std::size_t group) {
    Round r;
    const double start = now();
    do {
        for (std::size_t g = 0, k = 0; g < pages; g += group, ++k) {
            const std::size_t end = std::min(pages, g + group);
            const bool a_now = ((k % 2) == 0) == a_first;
            const Stamp t0 = stamp();
            for (std::size_t i = g; i < end; ++i) {
                if (a_now) {
                    a(i);
                } else {
                    b(i);
                }
            }
            const Stamp t1 = stamp();
            for (std::size_t i = g; i < end; ++i) {
                if (a_now) {
                    b(i);
                } else {
                    a(i);
                }
            }
            const Stamp t2 = stamp();
            const double first_wall = t1.wall - t0.wall, second_wall = t2.wall - t1.wall;
            const double first_cpu = t1.cpu - t0.cpu, second_cpu = t2.cpu - t1.cpu;
            r.a_wall += a_now ? first_wall : second_wall;
            r.b_wall += a_now ? second_wall : first_wall;
            r.a_cpu += a_now ? first_cpu : second_cpu;
            r.b_cpu += a_now ? second_cpu : first_cpu;
        }
        ++r.passes;
        a_first = !a_first;
    } while (now() - start < min_seconds);
    return r;
}

// The q-quantile of v by linear interpolation between the order statistics.
double quantile(std::vector<double> v, double q) {
    std::sort(v.begin(), v.end());
    const double pos = q * static_cast<double>(v.size() - 1);
    const auto lo = static_cast<std::size_t>(pos);
    const std::size_t hi = std::min(lo + 1, v.size() - 1);
    return v[lo] + (v[hi] - v[lo]) * (pos - static_cast<double>(lo));
}

struct Spread {
    double median, min, max, q1, q3;
};

Spread spread(const std::vector<double>& v) {
    return {quantile(v, 0.5), *std::min_element(v.begin(), v.end()),
            *std::max_element(v.begin(), v.end()), quantile(v, 0.25), quantile(v, 0.75)};
}

// Bare gumbo on one page, its result consumed.
void gumbo_page(const std::string& bytes) {
    GumboOutput* out = gumbo_parse(bytes.c_str());
    g_sink = g_sink + out->document->v.document.children.length;
    gumbo_destroy_output(&kGumboDefaultOptions, out);
}

// One page read into the extraction's DOM, and nothing more (its bytes as they are: most pages
// are UTF-8, and the decoding extract does first is left to its side).
void document_page(const std::string& bytes) {
    const pressparse::html::Document doc(bytes);
    g_sink = g_sink + doc.nodes().size();
}

// extract on one page's bytes in memory, its result consumed and destroyed.
void extract_page(const std::string& bytes, const std::string& path,
                  const pressparse::ExtractOptions& options) {
    try {
        pressparse::Article a = pressparse::extract(bytes, path, options);
        g_sink = g_sink + a.body.size();
    } catch (const std::exception&) {
        ++g_errors;
    }
}

// What `pressparse -q -j 1 --format jsonl --files-from LIST` does for one listed page, by the
// same public functions in the same order as the batch runner's per-page step (`process` in
// src/batch/runner.cpp, which is not reachable from outside the library): the input stream's
// stat(2) of the listed path, load_listed_file into the thread's page buffer (`page`, reused
// from page to page and given back past 256 KiB, as the runner's), extract under the input's
// lossless name, to_json_line, and the line written through a stdio stream with a 64 KiB buffer
// as the CLI's stdout (here on /dev/null); then the Article and the line are destroyed. A page
// that fails gives its error record, as the runner does. Not in it: reading the list's line,
// and the run's start and end (process start-up has its own target).
void cli_page(const std::string& path, const pressparse::ExtractOptions& options, std::string& page,
              FILE* out) {
    std::string line;
    struct stat st {};
    const bool listed_regular = ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
    pressparse::InputInfo input;
    input.path = pressparse::batch::lossless_path(path);
    try {
        pressparse::Article article = [&] {
            if (!listed_regular) {
                pressparse::Article read = pressparse::extract_file(path, options);
                read.input.path = input.path;
                return read;
            }
            pressparse::load_listed_file(path, options.max_bytes, page);
            pressparse::Article read = pressparse::extract(page, input.path, options);
            static constexpr std::size_t kKeptPageBuffer = std::size_t{256} << 10;
            if (page.capacity() > kKeptPageBuffer) std::string().swap(page);
            return read;
        }();
        line = pressparse::to_json_line(article);
    } catch (const pressparse::InputError& e) {
        ++g_errors;
        line = pressparse::error_record(input, pressparse::to_string(e.code()), e.what()) + '\n';
    } catch (const std::exception& e) {
        ++g_errors;
        line =
            pressparse::error_record(input, pressparse::to_string(pressparse::ErrorCode::Internal),
                                     std::string("internal error: ") + e.what()) +
            '\n';
    }
    if (std::fwrite(line.data(), 1, line.size(), out) != line.size()) {
        std::fprintf(stderr, "gumbo_baseline: cannot write to /dev/null\n");
        std::exit(2);
    }
}

std::string list_label(const std::string& list) {
    const std::size_t slash = list.find_last_of('/');
    std::string name = slash == std::string::npos ? list : list.substr(slash + 1);
    const std::size_t dot = name.find('.');
    if (dot != std::string::npos && dot > 0) name.resize(dot);
    return name;
}

std::string join(const std::vector<double>& v, const char* f) {
    std::string s;
    for (double x : v) {
        if (!s.empty()) s += ' ';
        s += fmt(f, x);
    }
    return s;
}

struct Comparison {
    std::string kind;    // "html" or "text"
    std::string label;   // the list's name
    std::string ratio;   // what the ratio is, "extract / bare gumbo"
    std::string a_name;  // side A
    std::string b_name;  // side B
    double target;       // 0: an informative figure, with no target
};

struct Settings {
    int rounds = 9;
    double round_seconds = 0;  // a round: as many whole passes as last this (at least one)
    std::size_t group = 1;     // pages a side runs before the other side runs the same ones
    bool csv = false;
};

// Rounds of one set; prints the report or the CSV rows. The ratio is B's seconds ÷ A's (A's
// throughput ÷ B's): extract ÷ bare gumbo for HTML, CLI ÷ library for text.
template <class A, class B>
void run_interleaved(const Comparison& c, const Pages& pages, const A& a, const B& b,
                     const Settings& settings) {
    const int rounds = settings.rounds;
    const double round_seconds = settings.round_seconds;
    const bool csv = settings.csv;
    const std::size_t n = pages.bytes.size();
    g_errors = 0;
    interleaved_round(n, a, b, true, 0, settings.group);  // warm-up, one pass of each
    const int errors_per_pass = g_errors;
    std::vector<double> ratio, cpu_ratio, a_mbps, b_mbps, a_cpu_mbps, b_cpu_mbps;
    int passes = 0;
    for (int r = 0; r < rounds; ++r) {
        const Round x = interleaved_round(n, a, b, r % 2 == 0, round_seconds, settings.group);
        const double bytes = static_cast<double>(pages.total) * x.passes;
        passes += x.passes;
        ratio.push_back(x.b_wall / x.a_wall);
        cpu_ratio.push_back(x.b_cpu / x.a_cpu);
        a_mbps.push_back(bytes / 1e6 / x.a_wall);
        b_mbps.push_back(bytes / 1e6 / x.b_wall);
        a_cpu_mbps.push_back(bytes / 1e6 / x.a_cpu);
        b_cpu_mbps.push_back(bytes / 1e6 / x.b_cpu);
        if (!csv) {
            std::printf(
                "  round %2d: %-28s %6.3f (CPU times %6.3f); %s %.2f MB/s, %s %.2f MB/s%s\n", r + 1,
                c.ratio.c_str(), ratio.back(), cpu_ratio.back(), c.a_name.c_str(), a_mbps.back(),
                c.b_name.c_str(), b_mbps.back(),
                x.passes > 1 ? (" (" + std::to_string(x.passes) + " passes)").c_str() : "");
            std::fflush(stdout);
        }
    }
    const Spread s = spread(ratio), sc = spread(cpu_ratio), sa = spread(a_mbps),
                 sb = spread(b_mbps);
    const bool met = s.median >= c.target;
    const std::string verdict =
        c.target > 0 ? "target >= " + fmt("%.2f", c.target) + ": " + (met ? "met" : "NOT met")
                     : std::string("informative");
    const std::string set = std::to_string(n) + " pages, " +
                            fmt("%.3f", static_cast<double>(pages.total) / 1e6) + " MB";
    const std::string method =
        "interleaved " +
        (settings.group > 1 ? "by groups of " + std::to_string(settings.group) + " pages"
                            : std::string("page by page")) +
        " (ABBA), " + std::to_string(rounds) + " rounds of " +
        (passes > rounds ? "passes lasting >= " + fmt("%.1f", round_seconds) + " s"
                         : std::string("one pass")) +
        "; one thread; steady_clock; process start-up in neither side";
    const std::string bench = "interleaved " + c.kind + " " + c.label + ": ";
    const std::string failed =
        errors_per_pass ? "; " + std::to_string(errors_per_pass) + " pages failed" : "";
    if (csv) {
        csv_row(bench + c.ratio, "ratio", fmt("%.3f", s.median), "x",
                "median of rounds; " + method + "; " + set + "; range " + fmt("%.3f", s.min) +
                    ".." + fmt("%.3f", s.max) + "; IQR " + fmt("%.3f", s.q1) + ".." +
                    fmt("%.3f", s.q3) + "; rounds " + join(ratio, "%.3f") + "; " + verdict +
                    failed);
        csv_row(bench + c.ratio, "ratio of CPU times", fmt("%.3f", sc.median), "x",
                "median of rounds; thread CPU time, same pairs; range " + fmt("%.3f", sc.min) +
                    ".." + fmt("%.3f", sc.max) + "; IQR " + fmt("%.3f", sc.q1) + ".." +
                    fmt("%.3f", sc.q3));
        csv_row(bench + c.a_name, "throughput", fmt("%.2f", sa.median), "MB/s",
                "median of rounds; " + set + "; range " + fmt("%.2f", sa.min) + ".." +
                    fmt("%.2f", sa.max) + "; per CPU second " +
                    fmt("%.2f", spread(a_cpu_mbps).median) + " MB/s");
        csv_row(bench + c.b_name, "throughput", fmt("%.2f", sb.median), "MB/s",
                "median of rounds; " + set + "; range " + fmt("%.2f", sb.min) + ".." +
                    fmt("%.2f", sb.max) + "; per CPU second " +
                    fmt("%.2f", spread(b_cpu_mbps).median) + " MB/s");
    } else {
        std::printf(
            "  %-38s median %.3f  range %.3f..%.3f  IQR %.3f..%.3f  %s\n"
            "  %-38s median %.3f  range %.3f..%.3f  IQR %.3f..%.3f\n"
            "  %s %.2f MB/s (%.2f per CPU second), %s %.2f MB/s (%.2f per CPU second); "
            "medians%s\n",
            (c.ratio + " (" + std::to_string(rounds) + " rounds)").c_str(), s.median, s.min, s.max,
            s.q1, s.q3, verdict.c_str(), "the same by thread CPU time", sc.median, sc.min, sc.max,
            sc.q1, sc.q3, c.a_name.c_str(), sa.median, spread(a_cpu_mbps).median, c.b_name.c_str(),
            sb.median, spread(b_cpu_mbps).median, failed.c_str());
    }
}

int interleaved_main(const std::vector<std::string>& html_lists,
                     const std::vector<std::string>& text_lists, const Settings& settings) {
    const bool csv = settings.csv;
    if (!csv) {
        std::printf(
            "pressparse interleaved: %d rounds, groups of %zu page(s), ABBA; one thread; process "
            "start-up in neither side\n",
            settings.rounds, settings.group);
    }
    for (const std::string& list : html_lists) {
        const Pages pages = load_list(list);
        if (pages.paths.empty()) {
            std::fprintf(stderr, "gumbo_baseline: %s names no page\n", list.c_str());
            return 2;
        }
        pressparse::ExtractOptions options;
        options.format = pressparse::InputFormat::Html;
        const Comparison c{"html",    list_label(list), "extract / bare gumbo",
                           "extract", "bare gumbo",     1.4};
        if (!csv) {
            std::printf("html %s: %zu pages, %.2f MB\n", c.label.c_str(), pages.paths.size(),
                        static_cast<double>(pages.total) / 1e6);
        }
        run_interleaved(
            c, pages, [&](std::size_t i) { extract_page(pages.bytes[i], pages.paths[i], options); },
            [&](std::size_t i) { gumbo_page(pages.bytes[i]); }, settings);
        // The floor under extract: the page read into the DOM the extraction's stages walk (the
        // pre-pass, the markup limits, gumbo with the arena and no error list, the mirror)
        // against bare gumbo on the whole page. extract reaches this ratio only if its own
        // stages cost nothing.
        const Comparison floor{"html",     c.label,      "document / bare gumbo",
                               "document", "bare gumbo", 0};
        run_interleaved(
            floor, pages, [&](std::size_t i) { document_page(pages.bytes[i]); },
            [&](std::size_t i) { gumbo_page(pages.bytes[i]); }, settings);
    }
    for (const std::string& list : text_lists) {
        const Pages pages = load_list(list);
        if (pages.paths.empty()) {
            std::fprintf(stderr, "gumbo_baseline: %s names no page\n", list.c_str());
            return 2;
        }
        FILE* out = std::fopen("/dev/null", "wb");
        if (!out) {
            std::fprintf(stderr, "gumbo_baseline: cannot open /dev/null\n");
            return 2;
        }
        static char out_buffer[1 << 16];  // as the CLI's stdout
        std::string page;                 // the page buffer the runner keeps per thread
        std::setvbuf(out, out_buffer, _IOFBF, sizeof out_buffer);
        pressparse::ExtractOptions options;
        options.format = pressparse::InputFormat::Text;
        const Comparison c{"text",
                           list_label(list),
                           "cli -j 1 per-page work / library",
                           "cli per-page work",
                           "library extract",
                           0.90};
        if (!csv) {
            std::printf("text %s: %zu pages, %.3f MB\n", c.label.c_str(), pages.paths.size(),
                        static_cast<double>(pages.total) / 1e6);
        }
        run_interleaved(
            c, pages, [&](std::size_t i) { cli_page(pages.paths[i], options, page, out); },
            [&](std::size_t i) { extract_page(pages.bytes[i], pages.paths[i], options); },
            settings);
        std::fclose(out);
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    int reps = 5;
    double min_seconds = 1.0;
    bool csv = false;
    bool count = false;
    bool interleaved = false;
    Settings settings;
    std::vector<std::string> html_lists, text_lists;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "gumbo_baseline: %s needs a value\n", a.c_str());
                std::exit(2);
            }
            return argv[++i];
        };
        if (a == "--reps") {
            reps = std::max(1, std::atoi(value().c_str()));
        } else if (a == "--min-seconds") {
            min_seconds = std::atof(value().c_str());
        } else if (a == "--csv") {
            csv = true;
        } else if (a == "--count") {
            count = true;
        } else if (a == "--interleaved") {
            interleaved = true;
        } else if (a == "--rounds") {
            settings.rounds = std::max(1, std::atoi(value().c_str()));
        } else if (a == "--round-seconds") {
            settings.round_seconds = std::atof(value().c_str());
        } else if (a == "--group") {
            settings.group = static_cast<std::size_t>(std::max(1, std::atoi(value().c_str())));
        } else if (a == "--html") {
            html_lists.push_back(value());
        } else if (a == "--text") {
            text_lists.push_back(value());
        } else {
            std::fprintf(
                stderr,
                "usage: %s [--reps N] [--min-seconds S] [--csv] [--count] "
                "[--html LIST] [--text LIST]\n"
                "       %s --interleaved [--rounds N] [--round-seconds S] [--group K] [--csv] "
                "[--html LIST]... [--text LIST]...\n",
                argv[0], argv[0]);
            return a == "--help" || a == "-h" ? 0 : 2;
        }
    }
    if (html_lists.empty() && text_lists.empty()) {
        std::fprintf(stderr, "gumbo_baseline: give --html LIST and/or --text LIST\n");
        return 2;
    }
    settings.csv = csv;
    if (interleaved) return interleaved_main(html_lists, text_lists, settings);
    if (html_lists.size() > 1 || text_lists.size() > 1) {
        std::fprintf(stderr,
                     "gumbo_baseline: one --html and one --text list at most without "
                     "--interleaved\n");
        return 2;
    }
    const std::string html_list = html_lists.empty() ? std::string() : html_lists.front();
    const std::string text_list = text_lists.empty() ? std::string() : text_lists.front();
    if (count) {
        // One pass of each, nothing timed: the figures are the counter's.
        for (const auto& [list, format] : {std::pair{html_list, pressparse::InputFormat::Html},
                                           std::pair{text_list, pressparse::InputFormat::Text}}) {
            if (list.empty()) continue;
            const Pages pages = load_list(list);
            if (format == pressparse::InputFormat::Html) gumbo_pass(pages);
            g_errors = 0;
            extract_pass(pages, format);
            std::printf("%s: %zu pages, %zu bytes, %d failed to extract\n", list.c_str(),
                        pages.paths.size(), pages.total, g_errors);
        }
        return 0;
    }
    const std::string method = "median of " + std::to_string(reps) +
                               " reps of >= " + fmt("%.1f", min_seconds) +
                               " s; one thread; in memory";
    if (!csv) std::printf("pressparse gumbo baseline: %s\n", method.c_str());

    if (!html_list.empty()) {
        const Pages pages = load_list(html_list);
        if (pages.paths.empty()) {
            std::fprintf(stderr, "gumbo_baseline: %s names no page\n", html_list.c_str());
            return 2;
        }
        Figure gumbo{"gumbo_parse + gumbo_destroy_output", {}, {}};
        Figure quiet{"gumbo_parse_with_options max_errors=0 (informative)", {}, {}};
        Figure extract{"pressparse::extract (InputFormat::Html)", {}, {}};
        // Warm up caches and the library's lazily built tables.
        gumbo_pass(pages);
        extract_pass(pages, pressparse::InputFormat::Html);
        const int errors_per_pass = g_errors;
        for (int r = 0; r < reps; ++r) {
            gumbo.add(seconds_per_pass([&] { gumbo_pass(pages); }, min_seconds));
            extract.add(seconds_per_pass(
                [&] { extract_pass(pages, pressparse::InputFormat::Html); }, min_seconds));
            quiet.add(seconds_per_pass([&] { gumbo_quiet_pass(pages); }, min_seconds));
        }
        const double ratio = extract.mbps(pages) / gumbo.mbps(pages);
        const double cpu_ratio = extract.cpu_mbps(pages) / gumbo.cpu_mbps(pages);
        const bool met = ratio >= 1.4;
        const std::string set = std::to_string(pages.paths.size()) + " pages, " +
                                fmt("%.2f", static_cast<double>(pages.total) / 1e6) + " MB";
        if (csv) {
            for (const Figure* f : {&gumbo, &quiet, &extract}) {
                const std::string bench = "gumbo_baseline html: " + f->name;
                csv_row(bench, "throughput", fmt("%.2f", f->mbps(pages)), "MB/s",
                        method + "; " + set + "; range " +
                            fmt("%.2f", f->spread_mbps(pages, true)) + ".." +
                            fmt("%.2f", f->spread_mbps(pages, false)) + "; per CPU second " +
                            fmt("%.2f", f->cpu_mbps(pages)) + " MB/s");
                csv_row(bench, "pages", fmt("%.1f", f->pps(pages)), "pages/s", method);
            }
            csv_row("gumbo_baseline html: extract / bare gumbo", "ratio", fmt("%.3f", ratio), "x",
                    std::string("target >= 1.4: ") + (met ? "met" : "NOT met") +
                        "; ratio of CPU times " + fmt("%.3f", cpu_ratio) +
                        (errors_per_pass
                             ? "; " + std::to_string(errors_per_pass) + " pages failed to extract"
                             : ""));
        } else {
            std::printf("html: %s\n", set.c_str());
            for (const Figure* f : {&gumbo, &quiet, &extract}) {
                std::printf(
                    "  %-52s %8.2f MB/s %9.1f pages/s  (range %.2f..%.2f MB/s; %.2f MB/s per CPU "
                    "second)\n",
                    f->name.c_str(), f->mbps(pages), f->pps(pages), f->spread_mbps(pages, true),
                    f->spread_mbps(pages, false), f->cpu_mbps(pages));
            }
            std::printf("  %-52s %8.3f      target >= 1.4: %s (ratio of CPU times %.3f)\n",
                        "ratio extract / bare gumbo", ratio, met ? "met" : "NOT met", cpu_ratio);
            if (errors_per_pass) std::printf("  (%d pages failed to extract)\n", errors_per_pass);
        }
    }

    if (!text_list.empty()) {
        const Pages pages = load_list(text_list);
        if (pages.paths.empty()) {
            std::fprintf(stderr, "gumbo_baseline: %s names no page\n", text_list.c_str());
            return 2;
        }
        g_errors = 0;
        extract_pass(pages, pressparse::InputFormat::Text);
        const int errors_per_pass = g_errors;
        Figure extract{"pressparse::extract (InputFormat::Text)", {}, {}};
        for (int r = 0; r < reps; ++r) {
            extract.add(seconds_per_pass(
                [&] { extract_pass(pages, pressparse::InputFormat::Text); }, min_seconds));
        }
        const bool met = extract.mbps(pages) >= 100.0;
        const std::string set = std::to_string(pages.paths.size()) + " pages, " +
                                fmt("%.3f", static_cast<double>(pages.total) / 1e6) + " MB";
        if (csv) {
            const std::string bench = "gumbo_baseline text: " + extract.name;
            csv_row(bench, "throughput", fmt("%.2f", extract.mbps(pages)), "MB/s",
                    method + "; " + set + "; range " +
                        fmt("%.2f", extract.spread_mbps(pages, true)) + ".." +
                        fmt("%.2f", extract.spread_mbps(pages, false)) + "; per CPU second " +
                        fmt("%.2f", extract.cpu_mbps(pages)) +
                        " MB/s; target >= 100 MB/s: " + (met ? "met" : "NOT met") +
                        (errors_per_pass
                             ? "; " + std::to_string(errors_per_pass) + " pages failed to extract"
                             : ""));
            csv_row(bench, "pages", fmt("%.1f", extract.pps(pages)), "pages/s", method);
        } else {
            std::printf("text: %s\n", set.c_str());
            std::printf(
                "  %-52s %8.2f MB/s %9.1f pages/s  (range %.2f..%.2f MB/s; %.2f MB/s per CPU "
                "second)  target >= 100 MB/s: %s\n",
                extract.name.c_str(), extract.mbps(pages), extract.pps(pages),
                extract.spread_mbps(pages, true), extract.spread_mbps(pages, false),
                extract.cpu_mbps(pages), met ? "met" : "NOT met");
            if (errors_per_pass) std::printf("  (%d pages failed to extract)\n", errors_per_pass);
        }
    }
    return 0;
}
