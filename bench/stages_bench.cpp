// Per-stage benchmarks of the pressparse pipeline (Google Benchmark).
//
//   decode → read_text / read_html (gumbo parse alone, and parse + cleaning + scoring)
//          → segment + finish_article → to_json_string;   dates; word statistics; whole extract
//
// Inputs, loaded into memory once, each case running over a whole set per iteration:
//   fixtures     the project's own pages in data/ (*.txt for text, *.html for HTML); always there
//   presslv      ../shared/data/presslv/*.txt and the seed page (real Press.lv text pages)
//   readability  ../shared/data/html/readability-test-pages/*/source.html (real HTML pages)
// A case whose data is missing is still listed, and reports the missing folder as its error.
//
// Bytes: for the pipeline stages (decode, readers, segmenter, JSON writer, extract) the bytes
// counted are the size of the input pages, so stage rates compare directly with extract's (a
// stage at 4x extract's bytes/s takes a quarter of its time). For dates and word statistics they
// are the bytes of the strings measured. Items are pages (or strings, for dates and words).
//
// The shared data folder is ${PROJECT_SOURCE_DIR}/../shared/data unless the environment variable
// PRESSPARSE_SHARED_DATA names another.
#include <benchmark/benchmark.h>
#include <gumbo.h>
#include <unicode/ucnv.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "pressparse/article.hpp"
#include "pressparse/blocks.hpp"
#include "pressparse/dates.hpp"
#include "pressparse/decode.hpp"
#include "pressparse/errors.hpp"
#include "pressparse/html_reader.hpp"
#include "pressparse/json_writer.hpp"
#include "pressparse/pipeline.hpp"
#include "pressparse/segment.hpp"
#include "pressparse/text_reader.hpp"
#include "pressparse/unicode.hpp"

namespace fs = std::filesystem;
using namespace pressparse;

namespace {

// ---------------------------------------------------------------------------------------------
// Data

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

fs::path shared_dir() {
    if (const char* env = std::getenv("PRESSPARSE_SHARED_DATA"); env && *env) return env;
    return PRESSPARSE_SHARED_DATA;
}

struct Page {
    std::string path;
    std::string bytes;
};

// A set of pages in one format, with what the stages need, computed on first use (outside the
// timed loops).
struct PageSet {
    std::string name;
    InputFormat format = InputFormat::Text;
    std::vector<Page> pages;
    std::string missing;  // why the set is empty

    std::size_t bytes() const {
        std::size_t n = 0;
        for (const auto& p : pages)
            n += p.bytes.size();
        return n;
    }

    // Decoded UTF-8 text of each page.
    const std::vector<std::string>& utf8() {
        std::call_once(utf8_once_, [&] {
            for (const auto& p : pages) {
                std::optional<std::string> declared;
                if (format == InputFormat::Html) declared = prescan_charset(p.bytes);
                utf8_.push_back(decode(p.bytes, declared).text);
            }
        });
        return utf8_;
    }

    // Blocks of each page, as its reader gives them.
    const std::vector<Blocks>& blocks() {
        std::call_once(blocks_once_, [&] {
            for (const auto& text : utf8()) {
                blocks_.push_back(format == InputFormat::Html ? read_html(text).blocks
                                                              : read_text(text));
            }
        });
        return blocks_;
    }

    // The extracted article of each page.
    const std::vector<Article>& articles() {
        std::call_once(articles_once_, [&] {
            ExtractOptions options;
            options.format = format;
            for (const auto& p : pages)
                articles_.push_back(extract(p.bytes, p.path, options));
        });
        return articles_;
    }

    // Body texts (paragraphs, subheadings, list items, quotes, caption texts) of the articles.
    const std::vector<std::string>& body_texts() {
        std::call_once(texts_once_, [&] {
            for (const auto& a : articles()) {
                for (const auto& b : a.body) {
                    if (b.text) texts_.push_back(*b.text);
                }
            }
        });
        return texts_;
    }

    // Pages converted from UTF-8 to a legacy charset with ICU (characters the charset lacks
    // become its substitution character, as a real legacy page would have lost them).
    const std::vector<std::string>& converted(const std::string& charset) {
        std::lock_guard<std::mutex> lock(converted_mutex_);
        auto it = converted_.find(charset);
        if (it != converted_.end()) return it->second;
        std::vector<std::string> out;
        for (const auto& text : utf8()) {
            UErrorCode err = U_ZERO_ERROR;
            const auto len = static_cast<int32_t>(text.size());
            const int32_t need =
                ucnv_convert(charset.c_str(), "UTF-8", nullptr, 0, text.data(), len, &err);
            if (err != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(err)) {
                throw std::runtime_error("ucnv_convert to " + charset + ": " + u_errorName(err));
            }
            std::string converted(static_cast<std::size_t>(need) + 1, '\0');
            err = U_ZERO_ERROR;
            ucnv_convert(charset.c_str(), "UTF-8", converted.data(), need + 1, text.data(), len,
                         &err);
            if (U_FAILURE(err)) {
                throw std::runtime_error("ucnv_convert to " + charset + ": " + u_errorName(err));
            }
            converted.resize(static_cast<std::size_t>(need));
            out.push_back(std::move(converted));
        }
        return converted_.emplace(charset, std::move(out)).first->second;
    }

  private:
    std::once_flag utf8_once_, blocks_once_, articles_once_, texts_once_;
    std::vector<std::string> utf8_;
    std::vector<Blocks> blocks_;
    std::vector<Article> articles_;
    std::vector<std::string> texts_;
    std::mutex converted_mutex_;
    std::map<std::string, std::vector<std::string>> converted_;
};

// Adds the pages, keeping only those the pipeline accepts (a page that is not a page at all
// would measure an error path).
void add_pages(PageSet& set, std::vector<fs::path> paths) {
    std::sort(paths.begin(), paths.end());
    ExtractOptions options;
    options.format = set.format;
    for (const auto& path : paths) {
        Page page{path.string(), read_file(path)};
        try {
            (void)extract(page.bytes, page.path, options);
        } catch (const std::exception& e) {
            std::fprintf(stderr, "stages_bench: %s left out: %s\n", page.path.c_str(), e.what());
            continue;
        }
        set.pages.push_back(std::move(page));
    }
}

std::vector<fs::path> files_with_extension(const fs::path& dir, std::string_view ext) {
    std::vector<fs::path> out;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return out;
    for (const auto& entry : fs::directory_iterator(dir)) {
        const auto name = entry.path().filename().string();
        if (entry.is_regular_file() && entry.path().extension() == ext &&
            name.find(".expected.") == std::string::npos) {
            out.push_back(entry.path());
        }
    }
    return out;
}

std::vector<std::unique_ptr<PageSet>> load_sets() {
    std::vector<std::unique_ptr<PageSet>> sets;
    const fs::path data = fs::path(PRESSPARSE_SOURCE_DIR) / "data";
    const fs::path shared = shared_dir();

    auto fixtures_text = std::make_unique<PageSet>();
    fixtures_text->name = "fixtures";
    fixtures_text->format = InputFormat::Text;
    add_pages(*fixtures_text, files_with_extension(data, ".txt"));
    if (fixtures_text->pages.empty()) fixtures_text->missing = "no *.txt in " + data.string();

    auto presslv = std::make_unique<PageSet>();
    presslv->name = "presslv";
    presslv->format = InputFormat::Text;
    {
        auto paths = files_with_extension(shared / "presslv", ".txt");
        const fs::path seed = shared / "seed" / "press-lv-2026-02-06.txt";
        if (fs::exists(seed)) paths.push_back(seed);
        add_pages(*presslv, paths);
        if (presslv->pages.empty()) {
            presslv->missing =
                (shared / "presslv").string() + " not found: real text pages skipped";
        }
    }

    auto fixtures_html = std::make_unique<PageSet>();
    fixtures_html->name = "fixtures";
    fixtures_html->format = InputFormat::Html;
    add_pages(*fixtures_html, files_with_extension(data, ".html"));
    if (fixtures_html->pages.empty()) fixtures_html->missing = "no *.html in " + data.string();

    auto readability = std::make_unique<PageSet>();
    readability->name = "readability";
    readability->format = InputFormat::Html;
    {
        const fs::path dir = shared / "html" / "readability-test-pages";
        std::vector<fs::path> paths;
        std::error_code ec;
        if (fs::is_directory(dir, ec)) {
            for (const auto& entry : fs::directory_iterator(dir)) {
                const fs::path source = entry.path() / "source.html";
                if (fs::is_regular_file(source, ec)) paths.push_back(source);
            }
        }
        add_pages(*readability, paths);
        if (readability->pages.empty()) {
            readability->missing = dir.string() + " not found: real HTML pages skipped";
        }
    }

    sets.push_back(std::move(fixtures_text));
    sets.push_back(std::move(presslv));
    sets.push_back(std::move(fixtures_html));
    sets.push_back(std::move(readability));
    return sets;
}

// ---------------------------------------------------------------------------------------------
// Dates: realistic strings as pages print them.

// Lines the segmenter looks at for a trailing date: bylines in every form, and the lines around
// them that do not end in a date (a headline, a category line, a body sentence, a header).
const std::vector<std::string> kDateLines{
    "Редакция PRESS 14 июля, 2026 09:42",
    "Euronews 6 февраля, 2026 11:49",
    "© LETA 23 февраля, 2026",
    "BNN 1 марта, 2026 03:30",
    "Rus.Delfi.lv 29 марта, 2026 02:15",
    "Sputnik 25 октября, 2026 03:59",
    "Редакция PRESS 12 сент., 2025 18:05",
    "Бизнес и финансы 31 декабря, 2025 23:59",
    "LSM 2026. gada 6. februāris",
    "Jauns.lv 6. februārī 2026 11:49",
    "TVNET 14. jūlijs 2026 09:42",
    "06.02.2026 11:49",
    "14.07.2026",
    "Редакция PRESS 31 февраля, 2026 10:00",
    "Полгода ремонта позади: в Мадоне открыли пешеходный мост через Аргале",
    "Новости Латвии 3 комментариев",
    "Мир 0 комментариев",
    "LAT Пн, 23. Февраля Завтра: Haralds, Almants",
    "Во вторник, 14 июля, в Мадоне после полугодового ремонта снова открыли пешеходный мост "
    "через реку Аргале, соединяющий центр города с микрорайоном Калнини.",
    "Работы обошлись самоуправлению в 412 тысяч евро, из которых около трети покрыто за счёт "
    "средств фонда регионального развития.",
    "Новый мост через Аргале в день открытия, 14 июля 2026 года Фото: Илзе Калниня",
    "Комментарии (4) 40 реакций",
};

// Timestamps pages state in their metadata (JSON-LD, <meta>, <time>), and printed dates.
const std::vector<std::string> kTimestamps{
    "2015-07-24T05:36:09+0100",
    "2015-07-24T05:36:09+01:00",
    "2026-02-06T11:49:00Z",
    "2026-02-06T11:49:00.000Z",
    "2015-07-24 05:36",
    "2015-07-24",
    "Fri, 24 Jul 2015 05:36:09 GMT",
    "Mon, 06 Feb 2026 09:49:00 +0000",
    "July 24, 2015",
    "24 July 2015",
    "6 февраля, 2026 11:49",
    "2026. gada 6. februāris",
    "06.02.2026 11:49",
    "not a date at all",
};

std::size_t total_size(const std::vector<std::string>& strings) {
    std::size_t n = 0;
    for (const auto& s : strings)
        n += s.size();
    return n;
}

// ---------------------------------------------------------------------------------------------
// Cases

using SetFn = std::function<void(benchmark::State&, PageSet&)>;

void finish(benchmark::State& state, std::size_t bytes, std::size_t items) {
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(bytes));
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(items));
}

void bm_decode_utf8(benchmark::State& state, PageSet& set) {
    for (auto _ : state) {
        for (const auto& p : set.pages) {
            std::optional<std::string> declared;
            if (set.format == InputFormat::Html) declared = prescan_charset(p.bytes);
            Decoded d = decode(p.bytes, declared);
            benchmark::DoNotOptimize(d.text.data());
        }
    }
    finish(state, set.bytes(), set.pages.size());
}

// The same pages in windows-1251; `declare` passes the charset as a page or server would
// declare it, otherwise ICU's detector has to find it (a text dump declares nothing).
void bm_decode_legacy(benchmark::State& state, PageSet& set, bool declare) {
    const std::string charset = "windows-1251";
    const auto& legacy = set.converted(charset);
    std::size_t bytes = 0;
    std::map<std::string, int> found;
    for (const auto& b : legacy) {
        bytes += b.size();
        ++found[decode(b, declare ? std::optional<std::string>(charset) : std::nullopt).encoding];
    }
    std::string label = "decoded as";
    for (const auto& [name, n] : found)
        label += " " + name + ":" + std::to_string(n);
    state.SetLabel(label);
    const std::optional<std::string> declared =
        declare ? std::optional<std::string>(charset) : std::nullopt;
    for (auto _ : state) {
        for (const auto& b : legacy) {
            Decoded d = decode(b, declared);
            benchmark::DoNotOptimize(d.text.data());
        }
    }
    finish(state, bytes, legacy.size());
}

void bm_read_text(benchmark::State& state, PageSet& set) {
    const auto& texts = set.utf8();
    for (auto _ : state) {
        for (const auto& t : texts) {
            Blocks blocks = read_text(t);
            benchmark::DoNotOptimize(blocks.data());
        }
    }
    finish(state, set.bytes(), texts.size());
}

void bm_gumbo_parse(benchmark::State& state, PageSet& set) {
    const auto& texts = set.utf8();
    for (auto _ : state) {
        for (const auto& t : texts) {
            GumboOutput* out = gumbo_parse(t.c_str());
            benchmark::DoNotOptimize(out);
            gumbo_destroy_output(&kGumboDefaultOptions, out);
        }
    }
    finish(state, set.bytes(), texts.size());
}

void bm_read_html(benchmark::State& state, PageSet& set) {
    const auto& texts = set.utf8();
    for (auto _ : state) {
        for (const auto& t : texts) {
            HtmlPage page = read_html(t);
            benchmark::DoNotOptimize(page.blocks.data());
        }
    }
    finish(state, set.bytes(), texts.size());
}

void bm_segment(benchmark::State& state, PageSet& set) {
    const auto& blocks = set.blocks();
    for (auto _ : state) {
        for (const auto& b : blocks) {
            Article article;
            article.input.format = set.format;
            segment(b, article);
            finish_article(article);
            benchmark::DoNotOptimize(article.body.data());
        }
    }
    finish(state, set.bytes(), blocks.size());
}

void bm_words(benchmark::State& state, PageSet& set) {
    const auto& texts = set.body_texts();
    for (auto _ : state) {
        int n = 0;
        for (const auto& t : texts)
            n += unicode::count_words(t);
        benchmark::DoNotOptimize(n);
    }
    finish(state, total_size(texts), texts.size());
}

void bm_characters(benchmark::State& state, PageSet& set) {
    const auto& texts = set.body_texts();
    for (auto _ : state) {
        int n = 0;
        for (const auto& t : texts)
            n += unicode::count_characters(t);
        benchmark::DoNotOptimize(n);
    }
    finish(state, total_size(texts), texts.size());
}

void bm_json(benchmark::State& state, PageSet& set) {
    const auto& articles = set.articles();
    std::size_t json_bytes = 0;
    for (const auto& a : articles)
        json_bytes += to_json_string(a).size();
    for (auto _ : state) {
        for (const auto& a : articles) {
            std::string json = to_json_string(a);
            benchmark::DoNotOptimize(json.data());
        }
    }
    finish(state, set.bytes(), articles.size());
    state.counters["json_bytes/s"] = benchmark::Counter(
        static_cast<double>(json_bytes) * static_cast<double>(state.iterations()),
        benchmark::Counter::kIsRate, benchmark::Counter::kIs1024);
}

void bm_extract(benchmark::State& state, PageSet& set) {
    ExtractOptions options;
    options.format = set.format;
    for (auto _ : state) {
        for (const auto& p : set.pages) {
            Article a = extract(p.bytes, p.path, options);
            benchmark::DoNotOptimize(a.body.data());
        }
    }
    finish(state, set.bytes(), set.pages.size());
}

void bm_find_trailing_date(benchmark::State& state) {
    int found = 0;
    for (const auto& line : kDateLines)
        found += dates::find_trailing_date(line).has_value();
    state.SetLabel(std::to_string(found) + " of " + std::to_string(kDateLines.size()) +
                   " lines end in a date");
    for (auto _ : state) {
        for (const auto& line : kDateLines) {
            auto d = dates::find_trailing_date(line);
            benchmark::DoNotOptimize(d);
        }
    }
    finish(state, total_size(kDateLines), kDateLines.size());
}

void bm_to_iso_riga(benchmark::State& state) {
    std::vector<dates::LocalDateTime> values;
    std::size_t bytes = 0;
    for (const auto& line : kDateLines) {
        if (auto d = dates::find_trailing_date(line); d && d->valid) {
            values.push_back(d->value);
            bytes += d->date_text.size();
        }
    }
    if (values.empty()) {
        state.SkipWithError("find_trailing_date found no date in the sample lines");
        return;
    }
    state.SetLabel(std::to_string(values.size()) + " dates (with and without a time, EET/EEST)");
    for (auto _ : state) {
        for (const auto& v : values) {
            auto iso = dates::to_iso_riga(v);
            benchmark::DoNotOptimize(iso);
        }
    }
    finish(state, bytes, values.size());
}

void bm_normalize_timestamp(benchmark::State& state) {
    for (auto _ : state) {
        for (const auto& t : kTimestamps) {
            auto iso = dates::normalize_timestamp(t, true);
            benchmark::DoNotOptimize(iso);
        }
    }
    finish(state, total_size(kTimestamps), kTimestamps.size());
}

// Registers `name/<set>`; a set without pages gives a case that reports why.
void register_set_case(const std::string& name, PageSet& set, SetFn fn, double min_time) {
    const std::string full = name + "/" + set.name;
    benchmark::internal::Benchmark* b;
    if (set.pages.empty()) {
        const std::string why = set.missing;
        b = benchmark::RegisterBenchmark(
            full.c_str(), [why](benchmark::State& state) { state.SkipWithError(why.c_str()); });
    } else {
        PageSet* s = &set;
        b = benchmark::RegisterBenchmark(full.c_str(),
                                         [s, fn](benchmark::State& state) { fn(state, *s); });
        if (min_time > 0) b->MinTime(min_time);
    }
    b->Unit(benchmark::kMicrosecond);
}

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;

    auto sets = load_sets();
    for (const auto& s : sets) {
        if (s->pages.empty()) {
            std::fprintf(stderr, "stages_bench: %s (%s): %s\n", s->name.c_str(),
                         to_string(s->format), s->missing.c_str());
        } else {
            std::fprintf(stderr, "stages_bench: %s (%s): %zu pages, %zu bytes\n", s->name.c_str(),
                         to_string(s->format), s->pages.size(), s->bytes());
        }
    }
    PageSet& fixtures_text = *sets[0];
    PageSet& presslv = *sets[1];
    PageSet& fixtures_html = *sets[2];
    PageSet& readability = *sets[3];
    const std::vector<PageSet*> text_sets{&fixtures_text, &presslv};
    const std::vector<PageSet*> html_sets{&fixtures_html, &readability};
    const std::vector<PageSet*> all_sets{&fixtures_text, &presslv, &fixtures_html, &readability};

    // A pass over the real HTML set takes about a second; give those cases time for a few
    // (0: the library's default, or --benchmark_min_time).
    auto min_time = [](const PageSet* s) { return s->bytes() > (4u << 20) ? 3.0 : 0.0; };

    for (PageSet* s : all_sets) {
        const std::string kind = s->format == InputFormat::Html ? "html" : "text";
        register_set_case("decode/utf8/" + kind, *s, bm_decode_utf8, min_time(s));
    }
    for (PageSet* s : text_sets) {
        register_set_case(
            "decode/windows-1251-detected/text", *s,
            [](benchmark::State& st, PageSet& p) { bm_decode_legacy(st, p, false); }, min_time(s));
        register_set_case(
            "decode/windows-1251-declared/text", *s,
            [](benchmark::State& st, PageSet& p) { bm_decode_legacy(st, p, true); }, min_time(s));
    }
    for (PageSet* s : text_sets)
        register_set_case("read_text", *s, bm_read_text, min_time(s));
    for (PageSet* s : html_sets) {
        register_set_case("html/gumbo_parse", *s, bm_gumbo_parse, min_time(s));
        register_set_case("html/read_html", *s, bm_read_html, min_time(s));
    }
    for (PageSet* s : all_sets) {
        const std::string kind = s->format == InputFormat::Html ? "html" : "text";
        register_set_case("segment/" + kind, *s, bm_segment, min_time(s));
    }
    benchmark::RegisterBenchmark("dates/find_trailing_date", bm_find_trailing_date)
        ->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark("dates/to_iso_riga", bm_to_iso_riga)
        ->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark("dates/normalize_timestamp", bm_normalize_timestamp)
        ->Unit(benchmark::kMicrosecond);
    for (PageSet* s : all_sets) {
        const std::string kind = s->format == InputFormat::Html ? "html" : "text";
        register_set_case("words/count_words/" + kind, *s, bm_words, 0.0);
        register_set_case("words/count_characters/" + kind, *s, bm_characters, 0.0);
    }
    for (PageSet* s : all_sets) {
        const std::string kind = s->format == InputFormat::Html ? "html" : "text";
        register_set_case("json_writer/" + kind, *s, bm_json, min_time(s));
    }
    for (PageSet* s : all_sets) {
        const std::string kind = s->format == InputFormat::Html ? "html" : "text";
        register_set_case("extract/" + kind, *s, bm_extract, min_time(s));
    }

    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
