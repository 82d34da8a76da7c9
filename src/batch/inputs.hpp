// The inputs of a batch run, enumerated lazily: paths in the order given, directories walked
// in sorted order (directory symlinks are not followed, so a link loop cannot trap the walk; the
// output directory is never walked), file lists read line by line (a line is capped at
// kMaxListLine bytes), web archives record by record. Nothing is collected up front: a
// million-line list costs one line of memory at a time. Reading a list never blocks for longer
// than it takes to notice that the run was cancelled.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "pressparse/article.hpp"
#include "pressparse/warc.hpp"

namespace pressparse::batch {

// One unit of work.
struct Job {
    std::uint64_t seq = 0;
    std::string path;                   // how the input is named in results and messages
    std::filesystem::path output_name;  // under an output directory, without the extension
    std::optional<std::string> bytes;  // the page itself when already read (stdin, archive records)
    bool listed_regular = false;       // found a regular file by stat(2) when it was listed
    // Not looked at when listed (a run without -r needs no stat(2) to order its inputs): the
    // worker that runs it looks, outside the input stream's lock (see look_at_listed).
    bool unlooked = false;
    std::optional<std::string> url;      // from the archive record
    std::optional<std::string> charset;  // from the record's HTTP header
    std::optional<WarcOrigin> warc;
    std::optional<std::string> error_code;  // the input could not even be enumerated or read
    std::string error_message;
};

struct InputSettings {
    std::vector<std::string> inputs;
    bool recursive = false;
    std::optional<std::string> glob;
    std::optional<std::string> files_from;
    bool files_from_nul = false;
    std::uint64_t max_bytes = 0;
    bool output_names = true;  // fill Job::output_name (only an output directory needs it)
    // A directory the walk must not enter (the output directory), by device and inode.
    std::optional<std::pair<dev_t, ino_t>> excluded_dir;
    // Polled while waiting for the file list: true ends the wait (the run is stopping).
    std::function<bool()> cancelled;
};

// The longest line of a file list, in bytes (a path is at most PATH_MAX = 4096 on Linux).
inline constexpr std::size_t kMaxListLine = std::size_t{64} * 1024;

// What a job left unlooked becomes once its path's status is read: a regular file is read as
// listed; a directory (the run has no -r) is the error a listed one gives.
void look_at_listed(Job& job);

class InputStream {
  public:
    explicit InputStream(InputSettings settings);
    ~InputStream();

    // The next job, or nullopt when every input is done.
    std::optional<Job> next();

    // Archive records that were not pages (requests, metadata, images, errors).
    std::uint64_t skipped_records() const { return skipped_records_; }
    // True once all inputs are enumerated: the total is then known.
    bool exhausted() const { return exhausted_; }
    // Why the file list could not be read to its end (a directory, an I/O error), or empty.
    const std::string& list_error() const { return list_error_; }

  private:
    struct Dir {
        std::filesystem::path root;    // the directory the user named
        std::filesystem::path prefix;  // its outputs' names start with this
        std::vector<std::filesystem::path> entries;
        std::size_t index = 0;
    };

    std::optional<Job> next_from_dirs();
    std::optional<Job> next_from_warc();
    std::optional<Job> job_for_path(std::string path, const std::filesystem::path& output_name);
    enum class ListRead { Entry, TooLong, End };
    bool open_list();
    ListRead next_list_entry(std::string& entry);
    bool fill_list_buffer();
    bool excluded(const std::filesystem::path& dir) const;
    std::optional<std::string> read_stdin() const;

    InputSettings settings_;
    std::size_t next_input_ = 0;
    bool list_opened_ = false;
    bool list_done_ = false;
    int list_fd_ = -1;
    bool list_owned_ = false;  // opened here (not stdin): closed here
    bool list_eof_ = false;
    std::string list_buffer_;
    std::size_t list_pos_ = 0;
    std::uint64_t list_line_ = 0;
    std::string list_error_;
    std::vector<Dir> dirs_;
    std::unique_ptr<WarcReader> warc_;
    std::string warc_path_;
    std::filesystem::path warc_output_;
    std::uint64_t seq_ = 0;
    std::uint64_t skipped_records_ = 0;
    bool exhausted_ = false;
};

// True for names that end in .warc or .warc.gz.
bool is_warc_name(const std::string& path);

}  // namespace pressparse::batch
