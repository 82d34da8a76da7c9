#include "inputs.hpp"

#include <fcntl.h>
#include <fnmatch.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <system_error>

#include "names.hpp"
#include "pressparse/errors.hpp"
#include "pressparse/load.hpp"

namespace pressparse::batch {

namespace fs = std::filesystem;

namespace {

bool ends_with(const std::string& s, std::string_view suffix) {
    return s.size() >= suffix.size() &&
           s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

constexpr const char* kDirectoryWithoutRecursion =
    "is a directory (use -r to read the pages in it)";

Job error_job(const std::string& path, const fs::path& name, std::string_view code,
              const std::string& message) {
    Job job;
    job.path = path;
    job.output_name = name.empty() ? output_name(path) : name;
    job.error_code = std::string(code);
    job.error_message = message;
    return job;
}

Job error_job(const std::string& path, const fs::path& name, ErrorCode code,
              const std::string& message) {
    return error_job(path, name, to_string(code), message);
}

// What a walk names its outputs after: the directory's own name ("pages" for "x/pages/"),
// nothing for "." or "..".
fs::path walk_prefix(const fs::path& root) {
    fs::path last;
    for (const auto& part : root.lexically_normal()) {
        if (!part.empty()) last = part;
    }
    if (last.empty() || last == "." || last == ".." || last.has_root_directory()) return {};
    return last;
}

}  // namespace

bool is_warc_name(const std::string& path) {
    return ends_with(path, ".warc") || ends_with(path, ".warc.gz") || ends_with(path, ".WARC") ||
           ends_with(path, ".WARC.GZ");
}

InputStream::InputStream(InputSettings settings) : settings_(std::move(settings)) {}

InputStream::~InputStream() {
    if (list_owned_) ::close(list_fd_);
}

// Opened without blocking (a FIFO with no writer yet), checked to be something a list can be
// read from.
bool InputStream::open_list() {
    list_opened_ = true;
    if (*settings_.files_from == "-") {
        list_fd_ = STDIN_FILENO;
    } else {
        list_fd_ = ::open(settings_.files_from->c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
        if (list_fd_ < 0) {
            list_error_ = std::strerror(errno);
            return false;
        }
        list_owned_ = true;
    }
    struct stat st {};
    if (::fstat(list_fd_, &st) != 0) {
        list_error_ = std::strerror(errno);
        return false;
    }
    if (S_ISDIR(st.st_mode)) {
        list_error_ = "is a directory";
        return false;
    }
    return true;
}

// Reads more of the list into the buffer: false at its end or on an error (list_error_ set).
// Waits in slices of 100 ms, so that a stopping run is never held up by a list that is silent.
bool InputStream::fill_list_buffer() {
    if (list_pos_ > 0) {
        list_buffer_.erase(0, list_pos_);
        list_pos_ = 0;
    }
    char chunk[64 * 1024];
    for (;;) {
        if (settings_.cancelled && settings_.cancelled()) return false;
        pollfd pfd{list_fd_, POLLIN, 0};
        const int ready = ::poll(&pfd, 1, 100);
        if (ready < 0 && errno != EINTR) {
            list_error_ = std::strerror(errno);
            return false;
        }
        if (ready <= 0) continue;
        const ssize_t n = ::read(list_fd_, chunk, sizeof chunk);
        if (n > 0) {
            list_buffer_.append(chunk, static_cast<std::size_t>(n));
            return true;
        }
        if (n == 0) return false;
        if (errno == EINTR || errno == EAGAIN) continue;
        list_error_ = std::strerror(errno);
        return false;
    }
}

// The next non-empty entry of the list. A line longer than kMaxListLine is passed over (never
// held in memory whole) and reported as TooLong.
InputStream::ListRead InputStream::next_list_entry(std::string& entry) {
    const char separator = settings_.files_from_nul ? '\0' : '\n';
    bool too_long = false;
    for (;;) {
        const std::size_t end = list_buffer_.find(separator, list_pos_);
        if (end == std::string::npos && !list_eof_ &&
            list_buffer_.size() - list_pos_ <= kMaxListLine) {
            if (!fill_list_buffer()) list_eof_ = true;
            continue;
        }
        if (end == std::string::npos && !list_eof_) {  // over the cap, the end not in sight
            too_long = true;
            list_buffer_.clear();
            list_pos_ = 0;
            if (!fill_list_buffer()) list_eof_ = true;
            continue;
        }
        if (end == std::string::npos && list_pos_ == list_buffer_.size()) {
            if (too_long) {
                ++list_line_;
                return ListRead::TooLong;
            }
            return ListRead::End;
        }
        const std::size_t stop = end == std::string::npos ? list_buffer_.size() : end;
        entry.assign(list_buffer_, list_pos_, stop - list_pos_);
        list_pos_ = end == std::string::npos ? stop : stop + 1;
        ++list_line_;
        if (too_long || entry.size() > kMaxListLine) {
            entry.clear();
            return ListRead::TooLong;
        }
        if (!settings_.files_from_nul && !entry.empty() && entry.back() == '\r') entry.pop_back();
        if (!entry.empty()) return ListRead::Entry;
    }
}

// A page on stdin, read in slices as the list is (a terminal or a silent pipe never holds up a
// run that is stopping): nullopt when cancelled. Throws InputError (Unreadable, TooLarge).
std::optional<std::string> InputStream::read_stdin() const {
    std::string bytes;
    char chunk[64 * 1024];
    for (;;) {
        if (settings_.cancelled && settings_.cancelled()) return std::nullopt;
        pollfd pfd{STDIN_FILENO, POLLIN, 0};
        const int ready = ::poll(&pfd, 1, 100);
        if (ready < 0 && errno != EINTR) throw_errno(errno);
        if (ready <= 0) continue;
        const ssize_t n = ::read(STDIN_FILENO, chunk, sizeof chunk);
        if (n == 0) break;
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN) continue;
            throw_errno(errno);
        }
        if (bytes.size() + static_cast<std::size_t>(n) > settings_.max_bytes) {
            throw InputError(
                ErrorCode::TooLarge,
                "larger than the size cap of " + std::to_string(settings_.max_bytes) + " bytes");
        }
        bytes.append(chunk, static_cast<std::size_t>(n));
    }
    decompress_if_gzip(bytes, settings_.max_bytes);
    return bytes;
}

bool InputStream::excluded(const fs::path& dir) const {
    if (!settings_.excluded_dir) return false;
    struct stat st {};
    return ::stat(dir.c_str(), &st) == 0 && st.st_dev == settings_.excluded_dir->first &&
           st.st_ino == settings_.excluded_dir->second;
}

void look_at_listed(Job& job) {
    if (!job.unlooked) return;
    job.unlooked = false;
    struct stat st {};
    const bool stat_ok = ::stat(job.path.c_str(), &st) == 0;
    if (stat_ok && S_ISDIR(st.st_mode)) {
        job.error_code = std::string(to_string(ErrorCode::IsDirectory));
        job.error_message = kDirectoryWithoutRecursion;
        return;
    }
    job.listed_regular = stat_ok && S_ISREG(st.st_mode);  // saves the reader a stat(2)
}

std::optional<Job> InputStream::job_for_path(std::string path, const fs::path& name) {
    fs::path out_name;
    if (settings_.output_names) out_name = name.empty() ? output_name(path) : name;
    if (path == "-") {
        Job job;
        job.path.assign(1, '-');
        job.output_name = fs::path(std::string("stdin"));
        try {
            job.bytes = read_stdin();
        } catch (const InputError& e) {
            return error_job("-", job.output_name, e.code(), e.what());
        }
        if (!job.bytes) return std::nullopt;  // the run was cancelled while waiting
        return job;
    }
    if (!settings_.recursive && !is_warc_name(path)) {
        // Nothing to walk into: what the path is, is for the worker to look at (a stat(2) under
        // the stream's lock would hold up every other worker).
        std::optional<Job> job(std::in_place);
        job->path = std::move(path);
        job->output_name = std::move(out_name);
        job->unlooked = true;
        return job;
    }
    std::error_code ec;
    // As fs::is_directory(path), without making an fs::path of every page's name.
    struct stat st {};
    const bool stat_ok = ::stat(path.c_str(), &st) == 0;
    if (stat_ok && S_ISDIR(st.st_mode)) {
        if (!settings_.recursive) {
            return error_job(path, out_name, ErrorCode::IsDirectory, kDirectoryWithoutRecursion);
        }
        if (excluded(path)) return std::nullopt;  // the output directory itself
        Dir dir;
        dir.root = path;
        dir.prefix = walk_prefix(path);
        for (auto it = fs::directory_iterator(path, ec); !ec && it != fs::directory_iterator();
             it.increment(ec)) {
            dir.entries.push_back(it->path());
        }
        if (ec) {
            return error_job(path, out_name, ErrorCode::Unreadable,
                             "cannot list directory: " + ec.message());
        }
        std::sort(dir.entries.begin(), dir.entries.end());
        dirs_.push_back(std::move(dir));
        return std::nullopt;
    }
    if (is_warc_name(path)) {
        try {
            warc_ = std::make_unique<WarcReader>(path, settings_.max_bytes);
        } catch (const InputError& e) {
            return error_job(path, out_name, e.code(), e.what());
        }
        warc_path_ = path;
        warc_output_ = out_name;
        return std::nullopt;
    }
    // Made in place and the path moved in: a page's job is built without a copy.
    std::optional<Job> job(std::in_place);
    job->path = std::move(path);
    job->output_name = std::move(out_name);
    job->listed_regular = stat_ok && S_ISREG(st.st_mode);  // saves the reader a stat(2)
    return job;
}

std::optional<Job> InputStream::next_from_dirs() {
    while (!dirs_.empty()) {
        Dir& dir = dirs_.back();
        if (dir.index >= dir.entries.size()) {
            dirs_.pop_back();
            continue;
        }
        const fs::path entry = dir.entries[dir.index++];
        struct stat link_st {};
        if (::lstat(entry.c_str(), &link_st) != 0) continue;
        struct stat st = link_st;
        if (S_ISLNK(link_st.st_mode) && ::stat(entry.c_str(), &st) != 0) continue;  // dangling
        const fs::path relative = entry.lexically_relative(dir.root);
        const fs::path name =
            settings_.output_names ? output_name(dir.prefix / relative) : fs::path();
        if (S_ISDIR(st.st_mode)) {
            // Directory links are not followed: a link back up the tree would never end. The
            // output directory is not read back as input.
            if (!settings_.recursive || S_ISLNK(link_st.st_mode)) continue;
            if (settings_.excluded_dir && st.st_dev == settings_.excluded_dir->first &&
                st.st_ino == settings_.excluded_dir->second)
                continue;
            Dir sub;
            sub.root = dir.root;
            sub.prefix = dir.prefix;
            std::error_code ec;
            for (auto it = fs::directory_iterator(entry, ec); !ec && it != fs::directory_iterator();
                 it.increment(ec)) {
                sub.entries.push_back(it->path());
            }
            if (ec) {
                return error_job(entry.string(), name, ErrorCode::Unreadable,
                                 "cannot list directory: " + ec.message());
            }
            std::sort(sub.entries.begin(), sub.entries.end());
            dirs_.push_back(std::move(sub));
            continue;
        }
        if (!S_ISREG(st.st_mode)) continue;  // FIFOs, sockets, devices
        const std::string file_name = entry.filename().string();
        if (settings_.glob && fnmatch(settings_.glob->c_str(), file_name.c_str(), 0) != 0) continue;
        if (auto job = job_for_path(entry.string(), name)) return job;
    }
    return std::nullopt;
}

std::optional<Job> InputStream::next_from_warc() {
    while (warc_) {
        std::optional<WarcRecord> record;
        try {
            record = warc_->next();
        } catch (const InputError& e) {
            warc_.reset();
            return error_job(warc_path_, warc_output_, e.code(), e.what());
        }
        if (!record) {
            warc_.reset();
            return std::nullopt;
        }
        // A record is named after the archive and its offset, as in input.path.
        std::string offset = std::to_string(record->offset);
        offset.insert(offset.begin(), '#');
        const std::string where = warc_path_ + offset;
        const fs::path name =
            settings_.output_names ? fs::path(warc_output_.string() + offset) : fs::path();
        if (record->damaged || (record->type == "response" && record->error)) {
            Job job = error_job(
                where, name, ErrorCode::Unreadable,
                (record->damaged ? "damaged archive record: " : "unusable archive record: ") +
                    record->error.value_or(""));
            // A damaged record's header is not to be trusted: its offset is all it has.
            if (!record->damaged)
                job.warc = WarcOrigin{record->target_uri, record->date, record->record_id};
            return job;
        }
        if (!is_page_record(*record)) {
            ++skipped_records_;
            continue;
        }
        Job job;
        job.path = where;
        job.output_name = name;
        job.bytes = std::move(record->payload);
        if (!record->target_uri.empty()) job.url = record->target_uri;
        job.charset = record->charset;
        job.warc = WarcOrigin{record->target_uri, record->date, record->record_id};
        return job;
    }
    return std::nullopt;
}

std::optional<Job> InputStream::next() {
    for (;;) {
        if (settings_.cancelled && settings_.cancelled()) return std::nullopt;
        if (warc_) {
            if (auto job = next_from_warc()) {
                job->seq = seq_++;
                return job;
            }
            continue;
        }
        if (!dirs_.empty()) {
            if (auto job = next_from_dirs()) {
                job->seq = seq_++;
                return job;
            }
            continue;
        }
        std::optional<std::string> path;
        if (next_input_ < settings_.inputs.size()) {
            path = settings_.inputs[next_input_++];
        } else if (settings_.files_from && !list_done_) {
            if (!list_opened_ && !open_list()) {
                list_done_ = true;
                continue;
            }
            std::string entry;
            switch (next_list_entry(entry)) {
                case ListRead::Entry:
                    path = std::move(entry);
                    break;
                case ListRead::TooLong: {
                    // Named after the list and the line, as the path itself is not kept.
                    const std::string where =
                        *settings_.files_from + ":" + std::to_string(list_line_);
                    Job job = error_job(where, output_name(where), ErrorCode::Unreadable,
                                        "a line of the file list longer than " +
                                            std::to_string(kMaxListLine) + " bytes");
                    job.seq = seq_++;
                    return job;
                }
                case ListRead::End:
                    list_done_ = true;
                    continue;
            }
        }
        if (!path) {
            exhausted_ = true;
            return std::nullopt;
        }
        if (auto job = job_for_path(std::move(*path), {})) {
            job->seq = seq_++;
            return job;
        }
    }
}

}  // namespace pressparse::batch
