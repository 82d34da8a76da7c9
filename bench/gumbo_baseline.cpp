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
#include <gumbo.h>

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

#include "pressparse/load.hpp"
#include "pressparse/pipeline.hpp"

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

}  // namespace

int main(int argc, char** argv) {
    int reps = 5;
    double min_seconds = 1.0;
    bool csv = false;
    bool count = false;
    std::string html_list, text_list;
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
        } else if (a == "--html") {
            html_list = value();
        } else if (a == "--text") {
            text_list = value();
        } else {
            std::fprintf(stderr,
                         "usage: %s [--reps N] [--min-seconds S] [--csv] [--count] "
                         "[--html LIST] [--text LIST]\n",
                         argv[0]);
            return a == "--help" || a == "-h" ? 0 : 2;
        }
    }
    if (html_list.empty() && text_list.empty()) {
        std::fprintf(stderr, "gumbo_baseline: give --html LIST and/or --text LIST\n");
        return 2;
    }
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
