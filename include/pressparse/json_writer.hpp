// The JSON writer: Article → schema-version-1 JSON, keys in schema order. It formats; it
// decides nothing. Invalid UTF-8 cannot reach the output (replaced with U+FFFD).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "pressparse/article.hpp"

namespace pressparse {

nlohmann::ordered_json to_json(const Article& article);

// Compact (one line, no trailing newline) or indented by two spaces.
std::string to_json_string(const Article& article, bool pretty = false);

// Compact, with the closing newline of a line of JSON Lines.
std::string to_json_line(const Article& article);

// Any JSON value as text, with the same conventions (UTF-8 unescaped, invalid bytes replaced).
std::string dump_json(const nlohmann::ordered_json& value, bool pretty = false);

}  // namespace pressparse
