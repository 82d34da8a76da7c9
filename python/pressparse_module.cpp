// The C++ side of the Python module `pressparse` (python/pressparse/__init__.py is the public
// face): one page from bytes, and a batch run on the library's own worker pool whose records the
// Python iterator takes in input order. The GIL is released whenever the library works. What
// reaches Python is exactly the JSON the command line prints, converted value by value (keys in
// the writer's order); this file decides nothing about pages.
#include <Python.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "batch/names.hpp"
#include "pressparse/batch.hpp"
#include "pressparse/errors.hpp"
#include "pressparse/json_writer.hpp"
#include "pressparse/load.hpp"
#include "pressparse/pipeline.hpp"
#include "pressparse/version.hpp"

namespace py = pybind11;
using Json = nlohmann::ordered_json;

namespace {

// A JSON string as Python text. The writer replaces invalid UTF-8 when it dumps; a string that
// is not valid UTF-8 is put through the same dump, so that Python sees what the CLI prints.
py::object to_python_string(const std::string& s) {
    PyObject* text = PyUnicode_DecodeUTF8(s.data(), static_cast<Py_ssize_t>(s.size()), nullptr);
    if (text != nullptr) return py::reinterpret_steal<py::object>(text);
    PyErr_Clear();
    const std::string clean = Json::parse(pressparse::dump_json(Json(s))).get<std::string>();
    return py::str(clean);
}

py::object to_python(const Json& value) {
    switch (value.type()) {
        case Json::value_t::null:
            return py::none();
        case Json::value_t::boolean:
            return py::bool_(value.get<bool>());
        case Json::value_t::number_integer:
            return py::int_(value.get<std::int64_t>());
        case Json::value_t::number_unsigned:
            return py::int_(value.get<std::uint64_t>());
        case Json::value_t::number_float:
            return py::float_(value.get<double>());
        case Json::value_t::string:
            return to_python_string(value.get_ref<const std::string&>());
        case Json::value_t::array: {
            py::list list(value.size());
            std::size_t i = 0;
            for (const auto& item : value)
                list[i++] = to_python(item);
            return list;
        }
        case Json::value_t::object: {
            py::dict dict;
            for (const auto& [key, item] : value.items())
                dict[to_python_string(key)] = to_python(item);
            return dict;
        }
        default:
            return py::none();
    }
}

std::optional<pressparse::InputFormat> parse_input_format(const std::string& name) {
    if (name == "auto") return std::nullopt;
    if (name == "text") return pressparse::InputFormat::Text;
    if (name == "html") return pressparse::InputFormat::Html;
    throw py::value_error(R"(input_format must be "auto", "text" or "html", not ")" + name + '"');
}

std::uint64_t checked_max_bytes(long long max_bytes) {
    if (max_bytes <= 0) throw py::value_error("max_bytes must be a positive number of bytes");
    return static_cast<std::uint64_t>(max_bytes);
}

[[noreturn]] void raise_input_error(const std::string& code, const std::string& message,
                                    const std::string& path) {
    const py::object error_type = py::module_::import("pressparse").attr("InputError");
    PyErr_SetObject(error_type.ptr(), py::make_tuple(code, message, path).ptr());
    throw py::error_already_set();
}

bool is_gzip(std::string_view bytes) {
    return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
           static_cast<unsigned char>(bytes[1]) == 0x8b;
}

// One page from bytes, as the CLI reads a page on standard input: the size cap, gzip undone,
// then the pipeline. `path` (bytes) names the input; "-" when none was given, as for stdin.
py::object extract_bytes(const py::object& data, const py::bytes& path,
                         const std::optional<std::string>& url, const std::string& input_format,
                         long long max_bytes) {
    pressparse::ExtractOptions options;
    options.format = parse_input_format(input_format);
    options.max_bytes = checked_max_bytes(max_bytes);
    options.url = url;
    const std::string name = pressparse::batch::lossless_path(std::string(path));

    // A view of the caller's buffer (bytes and str are immutable and are held by the caller
    // for the call); other buffers (bytearray, memoryview) are copied, as they may change.
    std::string_view view;
    std::string copy;
    if (PyBytes_Check(data.ptr())) {
        char* buffer = nullptr;
        Py_ssize_t size = 0;
        PyBytes_AsStringAndSize(data.ptr(), &buffer, &size);
        view = std::string_view(buffer, static_cast<std::size_t>(size));
    } else if (PyUnicode_Check(data.ptr())) {
        Py_ssize_t size = 0;
        const char* buffer = PyUnicode_AsUTF8AndSize(data.ptr(), &size);
        if (buffer == nullptr) throw py::error_already_set();
        view = std::string_view(buffer, static_cast<std::size_t>(size));
    } else if (PyObject_CheckBuffer(data.ptr())) {
        const py::buffer_info info = py::buffer(data).request();
        copy.assign(static_cast<const char*>(info.ptr),
                    static_cast<std::size_t>(info.size * info.itemsize));
        view = copy;
    } else {
        throw py::type_error("data must be bytes or str, not " +
                             std::string(Py_TYPE(data.ptr())->tp_name));
    }

    std::optional<pressparse::InputError> failure;
    std::optional<std::string> internal;
    Json json;
    {
        py::gil_scoped_release unlocked;
        try {
            if (view.size() > options.max_bytes) {
                throw pressparse::InputError(
                    pressparse::ErrorCode::TooLarge,
                    "larger than the size cap of " + std::to_string(options.max_bytes) + " bytes");
            }
            if (is_gzip(view)) {
                copy.assign(view);
                pressparse::decompress_if_gzip(copy, options.max_bytes);
                view = copy;
            }
            json = pressparse::to_json(pressparse::extract(view, name, options));
        } catch (const pressparse::InputError& e) {
            failure = e;
        } catch (const std::exception& e) {
            internal = std::string("internal error: ") + e.what();
        }
    }
    if (failure) raise_input_error(pressparse::to_string(failure->code()), failure->what(), name);
    if (internal) raise_input_error("internal", *internal, name);
    return to_python(json);
}

// A batch run in a thread of its own (the batch's writer), its records handed to Python in
// input order through a bounded queue. Closing it (or dropping it) stops the run: pages not yet
// started are left, and the thread is joined before the object goes.
class BatchRun {
  public:
    BatchRun(std::vector<std::string> paths, unsigned jobs, const std::string& input_format,
             long long max_bytes, bool recursive) {
        options_.inputs = std::move(paths);
        options_.format = pressparse::OutputFormat::JsonLines;
        options_.jobs = jobs;
        options_.recursive = recursive;
        options_.extract.format = parse_input_format(input_format);
        options_.extract.max_bytes = checked_max_bytes(max_bytes);
        if (options_.inputs.empty()) {
            done_ = true;
            return;
        }
        if (const std::string problem = pressparse::usage_problem(options_); !problem.empty())
            throw py::value_error(problem);
        thread_ = std::thread([this] { run(); });
    }

    BatchRun(const BatchRun&) = delete;
    BatchRun& operator=(const BatchRun&) = delete;

    ~BatchRun() {
        // Called with the GIL held: the run must not wait for it. Joining cannot fail here (the
        // thread is joinable and not this one); nothing may escape a destructor regardless.
        try {
            py::gil_scoped_release unlocked;
            stop_and_join();
        } catch (...) {
        }
    }

    // The next record, or StopIteration when the run is over.
    py::object next() {
        Json record;
        {
            py::gil_scoped_release unlocked;
            std::unique_lock lock(mutex_);
            taken_.wait(lock, [&] { return !queue_.empty() || done_; });
            if (queue_.empty()) {
                lock.unlock();
                stop_and_join();
            } else {
                record = std::move(queue_.front());
                queue_.pop_front();
                lock.unlock();
                space_.notify_one();
            }
        }
        if (record.is_null()) {
            if (!failure_.empty()) throw std::runtime_error(failure_);
            throw py::stop_iteration();
        }
        return to_python(record);
    }

    void close() {
        py::gil_scoped_release unlocked;
        stop_and_join();
    }

  private:
    static constexpr std::size_t kQueued = 64;  // records waiting for Python

    void run() {
        // The records come as values (the objects the CLI's lines print); nothing is parsed.
        options_.records = [this](Json&& record) { return deliver(std::move(record)); };
        const pressparse::WriteFn out = [](std::string_view) { return true; };
        const pressparse::WriteFn err = [](std::string_view) { return true; };
        pressparse::BatchSummary summary;
        std::string failure;
        try {
            summary = pressparse::run_batch(options_, out, err, &stop_);
        } catch (const std::exception& e) {
            failure = std::string("pressparse: batch failed: ") + e.what();
        }
        if (summary.input_failed) failure = "pressparse: the list of inputs could not be read";
        {
            std::lock_guard lock(mutex_);
            if (!closed_ && failure_.empty()) failure_ = failure;
            done_ = true;
        }
        taken_.notify_all();
    }

    // One record of the batch, in input order. A closed run answers as a closed pipe does,
    // which ends the batch quietly.
    bool deliver(Json&& record) {
        std::unique_lock lock(mutex_);
        space_.wait(lock, [&] { return closed_ || queue_.size() < kQueued; });
        if (closed_) {
            errno = EPIPE;
            return false;
        }
        queue_.push_back(std::move(record));
        lock.unlock();
        taken_.notify_one();
        return true;
    }

    void stop_and_join() {
        {
            std::lock_guard lock(mutex_);
            if (!done_) closed_ = true;
        }
        stop_ = true;
        space_.notify_all();
        if (thread_.joinable()) thread_.join();
        std::lock_guard lock(mutex_);
        if (closed_) queue_.clear();  // a closed run yields nothing more
    }

    pressparse::BatchOptions options_;
    std::thread thread_;
    std::atomic<bool> stop_{false};
    std::mutex mutex_;
    std::condition_variable taken_, space_;
    std::deque<Json> queue_;
    bool done_ = false;
    bool closed_ = false;
    std::string failure_;
};

// For bench/python_bench.py: the library alone on one page, `repetitions` times in C++ (extract
// and the ordered JSON, no Python objects), in seconds. What extract() adds to this is the
// module's own cost per page.
double time_library(const py::bytes& data, int repetitions) {
    const std::string bytes(data);
    py::gil_scoped_release unlocked;
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < repetitions; ++i) {
        const Json json = pressparse::to_json(pressparse::extract(bytes, "-"));
        if (json.empty()) return -1;
    }
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

PYBIND11_MODULE(_pressparse, m) {
    m.doc() = "The compiled half of the pressparse module; use `pressparse` instead.";
    m.attr("VERSION") = PRESSPARSE_VERSION;
    m.attr("DEFAULT_MAX_BYTES") = pressparse::kDefaultMaxBytes;
    m.attr("MAX_JOBS") = pressparse::kMaxJobs;
    m.def("extract_bytes", &extract_bytes, py::arg("data"), py::arg("path"), py::arg("url"),
          py::arg("input_format"), py::arg("max_bytes"));
    m.def("time_library", &time_library, py::arg("data"), py::arg("repetitions"));
    py::class_<BatchRun>(m, "BatchRun")
        .def(py::init<std::vector<std::string>, unsigned, const std::string&, long long, bool>(),
             py::arg("paths"), py::arg("jobs"), py::arg("input_format"), py::arg("max_bytes"),
             py::arg("recursive"))
        .def("__iter__", [](py::object self) { return self; })
        .def("__next__", &BatchRun::next)
        .def("close", &BatchRun::close);
}
