// The Article: the output schema (version 1) as a plain C++ value type.
// Readers and the segmenter fill it; writers only format it. Nothing here decides anything.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pressparse {

inline constexpr int kSchemaVersion = 1;

// Bounds on the metadata a page states about itself, whatever it states: tags beyond the first
// kMaxTags are left out, a longer tag or description is cut at a character boundary.
inline constexpr std::size_t kMaxTags = 100;
inline constexpr std::size_t kMaxTagBytes = 200;
inline constexpr std::size_t kMaxDescriptionBytes = 2000;

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
    std::optional<std::string> image;   // captions only: the figure's image, an absolute URL
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
    // The page's own summary of itself (JSON-LD description, og:description, <meta
    // name=description>, …), white space folded; null when it states none (always for text pages).
    std::optional<std::string> description;
    // The lead image, an absolute URL (JSON-LD image, og:image, twitter:image, else the first
    // caption's image); null when there is none or it cannot be made absolute.
    std::optional<std::string> image;
    // article:tag, JSON-LD keywords and rel=tag links, trimmed and de-duplicated in page order,
    // at most kMaxTags of at most kMaxTagBytes each.
    std::vector<std::string> tags;
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
