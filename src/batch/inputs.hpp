// The inputs of a batch run, enumerated lazily: paths in the order given, directories walked
// in sorted order (directory symlinks are not followed, so a link loop cannot trap the walk),
// file lists read line by line, web archives record by record. Nothing is collected up front:
// a million-line list costs one line of memory at a time.
#pragma once

#include <cstdint>
#include <filesystem>
#include <fstream>
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
    std::string path;  // how the input is named in results and messages
    std::filesystem::path
        output_name;                   // relative name under an output directory, without extension
    std::optional<std::string> bytes;  // the page itself when already read (stdin, archive records)
    std::optional<std::string> url;    // from the archive record
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
};

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

  private:
    struct Dir {
        std::filesystem::path root;  // the directory the user named
        std::vector<std::filesystem::path> entries;
        std::size_t index = 0;
    };

    std::optional<Job> next_from_dirs();
    std::optional<Job> next_from_warc();
    std::optional<Job> job_for_path(const std::string& path,
                                    const std::filesystem::path& output_name);
    bool open_list();
    std::optional<std::string> next_list_entry();

    InputSettings settings_;
    std::size_t next_input_ = 0;
    bool list_opened_ = false;
    bool list_done_ = false;
    std::ifstream list_file_;
    std::istream* list_ = nullptr;
    std::vector<Dir> dirs_;
    std::unique_ptr<WarcReader> warc_;
    std::string warc_path_;
    std::filesystem::path warc_output_;
    std::uint64_t warc_ordinal_ = 0;
    std::uint64_t seq_ = 0;
    std::uint64_t skipped_records_ = 0;
    bool exhausted_ = false;
};

// True for names that end in .warc or .warc.gz.
bool is_warc_name(const std::string& path);

// A relative path that stays inside an output directory: no root, no "..".
std::filesystem::path safe_relative(const std::filesystem::path& p);

}  // namespace pressparse::batch
