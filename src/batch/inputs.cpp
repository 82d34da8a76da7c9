#include "inputs.hpp"

#include <fnmatch.h>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <system_error>

#include "pressparse/errors.hpp"
#include "pressparse/load.hpp"

namespace pressparse::batch {

namespace fs = std::filesystem;

namespace {

bool ends_with(const std::string& s, std::string_view suffix) {
    return s.size() >= suffix.size() &&
           s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// "dir/page.html.gz" → "dir/page"
fs::path without_extensions(fs::path p) {
    if (p.extension() == ".gz") p.replace_extension();
    p.replace_extension();
    return p;
}

Job error_job(const std::string& path, ErrorCode code, const std::string& message) {
    Job job;
    job.path = path;
    job.output_name = without_extensions(safe_relative(path));
    job.error_code = to_string(code);
    job.error_message = message;
    return job;
}

}  // namespace

bool is_warc_name(const std::string& path) {
    return ends_with(path, ".warc") || ends_with(path, ".warc.gz") || ends_with(path, ".WARC") ||
           ends_with(path, ".WARC.GZ");
}

fs::path safe_relative(const fs::path& p) {
    fs::path out;
    for (const auto& part : p.lexically_normal().relative_path()) {
        if (part == ".." || part == "." || part.empty()) continue;
        out /= part;
    }
    if (out.empty()) out = "input";
    return out;
}

InputStream::InputStream(InputSettings settings) : settings_(std::move(settings)) {}
InputStream::~InputStream() = default;

bool InputStream::open_list() {
    list_opened_ = true;
    if (!settings_.files_from) return false;
    if (*settings_.files_from == "-") {
        list_ = &std::cin;
        return true;
    }
    list_file_.open(*settings_.files_from, std::ios::binary);
    if (!list_file_) return false;
    list_ = &list_file_;
    return true;
}

std::optional<std::string> InputStream::next_list_entry() {
    const char separator = settings_.files_from_nul ? '\0' : '\n';
    std::string line;
    while (list_ && std::getline(*list_, line, separator)) {
        if (!settings_.files_from_nul && !line.empty() && line.back() == '\r') line.pop_back();
        if (!line.empty()) return line;
    }
    return std::nullopt;
}

std::optional<Job> InputStream::job_for_path(const std::string& path, const fs::path& output_name) {
    std::error_code ec;
    if (path == "-") {
        Job job;
        job.path.assign(1, '-');
        job.output_name = fs::path(std::string("stdin"));
        try {
            job.bytes = load_stream(std::cin, settings_.max_bytes);
        } catch (const InputError& e) {
            return error_job("-", e.code(), e.what());
        }
        return job;
    }
    if (fs::is_directory(path, ec)) {
        if (!settings_.recursive) {
            return error_job(path, ErrorCode::IsDirectory,
                             "is a directory (use -r to read the pages in it)");
        }
        Dir dir;
        dir.root = path;
        std::vector<fs::path> entries;
        for (auto it = fs::directory_iterator(path, ec); !ec && it != fs::directory_iterator();
             it.increment(ec)) {
            entries.push_back(it->path());
        }
        if (ec)
            return error_job(path, ErrorCode::Unreadable, "cannot list directory: " + ec.message());
        std::sort(entries.begin(), entries.end());
        dir.entries = std::move(entries);
        dirs_.push_back(std::move(dir));
        return std::nullopt;
    }
    if (is_warc_name(path)) {
        try {
            warc_ = std::make_unique<WarcReader>(path, settings_.max_bytes);
        } catch (const InputError& e) {
            return error_job(path, e.code(), e.what());
        }
        warc_path_ = path;
        warc_output_ = output_name.empty() ? safe_relative(path) : output_name;
        warc_ordinal_ = 0;
        return std::nullopt;
    }
    Job job;
    job.path = path;
    if (settings_.output_names) {
        job.output_name =
            without_extensions(output_name.empty() ? safe_relative(path) : output_name);
    }
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
        std::error_code ec;
        const auto link_status = fs::symlink_status(entry, ec);
        if (ec) continue;
        const bool is_link = fs::is_symlink(link_status);
        const auto target_status = fs::status(entry, ec);
        if (ec) continue;  // a dangling link
        if (fs::is_directory(target_status)) {
            // Directory links are not followed: a link back up the tree would never end.
            if (!settings_.recursive || is_link) continue;
            Dir sub;
            sub.root = dir.root;
            for (auto it = fs::directory_iterator(entry, ec); !ec && it != fs::directory_iterator();
                 it.increment(ec)) {
                sub.entries.push_back(it->path());
            }
            if (ec)
                return error_job(entry.string(), ErrorCode::Unreadable,
                                 "cannot list directory: " + ec.message());
            std::sort(sub.entries.begin(), sub.entries.end());
            dirs_.push_back(std::move(sub));
            continue;
        }
        if (!fs::is_regular_file(target_status)) continue;
        const std::string name = entry.filename().string();
        if (settings_.glob && fnmatch(settings_.glob->c_str(), name.c_str(), 0) != 0) continue;
        fs::path output;
        if (settings_.output_names) {
            const fs::path& root = dir.root;
            output = safe_relative(root.filename().empty() ? root.parent_path().filename()
                                                           : root.filename()) /
                     safe_relative(entry.lexically_relative(root));
        }
        if (auto job = job_for_path(entry.string(), output)) return job;
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
            return error_job(warc_path_, e.code(), e.what());
        }
        if (!record) {
            warc_.reset();
            return std::nullopt;
        }
        const std::string where = warc_path_ + "#" + std::to_string(record->offset);
        if (record->damaged || (record->type == "response" && record->error)) {
            ++warc_ordinal_;
            Job job = error_job(
                where, ErrorCode::Unreadable,
                (record->damaged ? "damaged archive record: " : "unusable archive record: ") +
                    record->error.value_or(""));
            char name[32];
            std::snprintf(name, sizeof name, "%06llu",
                          static_cast<unsigned long long>(warc_ordinal_));
            job.output_name = without_extensions(warc_output_) / name;
            // A damaged record's header is not to be trusted: its offset is all it has.
            if (!record->damaged)
                job.warc = WarcOrigin{record->target_uri, record->date, record->record_id};
            return job;
        }
        if (!is_page_record(*record)) {
            ++skipped_records_;
            continue;
        }
        ++warc_ordinal_;
        Job job;
        job.path = where;
        char name[32];
        std::snprintf(name, sizeof name, "%06llu", static_cast<unsigned long long>(warc_ordinal_));
        job.output_name = without_extensions(warc_output_) / name;
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
                Job job = error_job(*settings_.files_from, ErrorCode::Unreadable,
                                    "cannot read the file list");
                job.seq = seq_++;
                return job;
            }
            path = next_list_entry();
            if (!path) list_done_ = true;
        }
        if (!path) {
            exhausted_ = true;
            return std::nullopt;
        }
        if (auto job = job_for_path(*path, {})) {
            job->seq = seq_++;
            return job;
        }
    }
}

}  // namespace pressparse::batch
