#include "pressparse/article.hpp"

#include "pressparse/errors.hpp"

namespace pressparse {

const char* to_string(BlockType type) {
    switch (type) {
        case BlockType::Paragraph:
            return "paragraph";
        case BlockType::Subheading:
            return "subheading";
        case BlockType::Caption:
            return "caption";
        case BlockType::Quote:
            return "quote";
        case BlockType::ListItem:
            return "list_item";
    }
    return "paragraph";
}

const char* to_string(InputFormat format) {
    return format == InputFormat::Html ? "html" : "text";
}

const char* to_string(DateSource source) {
    switch (source) {
        case DateSource::Byline:
            return "byline";
        case DateSource::Header:
            return "header";
        case DateSource::JsonLd:
            return "json-ld";
        case DateSource::Meta:
            return "meta";
        case DateSource::Time:
            return "time";
        case DateSource::Url:
            return "url";
    }
    return "byline";
}

const char* to_string(ErrorCode code) {
    switch (code) {
        case ErrorCode::NotFound:
            return "not_found";
        case ErrorCode::IsDirectory:
            return "is_directory";
        case ErrorCode::Unreadable:
            return "unreadable";
        case ErrorCode::Empty:
            return "empty";
        case ErrorCode::TooLarge:
            return "too_large";
        case ErrorCode::Binary:
            return "binary";
        case ErrorCode::Internal:
            return "internal";
    }
    return "internal";
}

}  // namespace pressparse
