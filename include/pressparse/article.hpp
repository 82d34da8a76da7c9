// The Article: the output schema (version 1) as a plain C++ value type.
// Readers and the segmenter fill it; writers only format it. Nothing here decides anything.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pressparse {

inline constexpr int kSchemaVersion = 1;

enum class InputFormat { Text, Html };

// The web-archive record a page came from.
struct WarcOrigin {
    std::string target_uri;
    std::string date;
    std::string record_id;
};

// Where the article came from. `path` is the name the caller gave ("-" for stdin; for a page in
// a web archive, "archive.warc.gz#OFFSET"). `bytes` is the page's size (decompressed).
struct InputInfo {
    std::string path;
    InputFormat format = InputFormat::Text;
    std::string encoding = "UTF-8";
    std::uint64_t bytes = 0;
    std::optional<WarcOrigin> warc;
};

enum class BlockType { Paragraph, Subheading, Caption, Quote, ListItem };

// One piece of the article body, in reading order. Captions may carry a photo credit;
// a caption can be a credit alone (text absent).
struct BodyBlock {
    BlockType type = BlockType::Paragraph;
    std::optional<std::string> text;
    std::optional<std::string> credit;  // captions only
};

// A related-article teaser shown after the article.
struct Related {
    std::string title;
    std::optional<std::string> lead;
    std::optional<std::string> url;  // where the title links to, when the page says
};

// One reader comment of the page's comment thread, kept apart from the body. `date` is the date
// as the page prints it (never reformatted); `author` and `date` are absent when the comment
// shows none.
struct ReaderComment {
    std::optional<std::string> author;
    std::optional<std::string> date;
    std::string text;
};

struct Stats {
    int paragraphs = 0;
    int words = 0;
    int characters = 0;
    int reading_minutes = 0;
};

enum class DateSource { Byline, Header, JsonLd, Meta, Time, Url };

struct Article {
    InputInfo input;
    std::optional<std::string> site = std::string("Press.lv");
    std::optional<std::string> url;
    std::optional<std::string> language;
    std::optional<std::string> headline;
    std::optional<std::string> source;
    std::optional<std::string> date;       // ISO 8601
    std::optional<std::string> date_text;  // as printed on the page
    std::optional<DateSource> date_source;
    std::optional<std::string> date_modified;  // ISO 8601, when the page states a modification
    std::optional<std::string> category;
    std::optional<int> comments;
    std::vector<BodyBlock> body;
    std::vector<Related> related;
    std::vector<ReaderComment> reader_comments;  // the comment thread, in page order
    Stats stats;
    // SimHash of the body's words (pressparse/fingerprint.hpp), 16 hex digits; null without a body.
    std::optional<std::string> fingerprint;
    std::vector<std::string> warnings;
};

const char* to_string(BlockType type);
const char* to_string(InputFormat format);
const char* to_string(DateSource source);

}  // namespace pressparse
