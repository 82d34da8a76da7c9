#include "pressparse/json_writer.hpp"

namespace pressparse {

namespace {

template <typename T>
nlohmann::ordered_json optional_value(const std::optional<T>& value) {
    return value ? nlohmann::ordered_json(*value) : nlohmann::ordered_json(nullptr);
}

}  // namespace

nlohmann::ordered_json to_json(const Article& a) {
    using json = nlohmann::ordered_json;
    json out = json::object();
    out["schema_version"] = kSchemaVersion;
    out["input"] = json{{"path", a.input.path},
                        {"format", to_string(a.input.format)},
                        {"encoding", a.input.encoding},
                        {"bytes", a.input.bytes}};
    if (a.input.warc) {
        out["input"]["warc"] = json{{"target_uri", a.input.warc->target_uri},
                                    {"date", a.input.warc->date},
                                    {"record_id", a.input.warc->record_id}};
    }
    out["site"] = optional_value(a.site);
    out["url"] = optional_value(a.url);
    out["language"] = optional_value(a.language);
    out["headline"] = optional_value(a.headline);
    out["source"] = optional_value(a.source);
    out["date"] = optional_value(a.date);
    out["date_text"] = optional_value(a.date_text);
    out["date_source"] = a.date_source ? json(to_string(*a.date_source)) : json(nullptr);
    out["category"] = optional_value(a.category);
    out["comments"] = optional_value(a.comments);

    json body = json::array();
    for (const auto& block : a.body) {
        json item = json::object();
        item["type"] = to_string(block.type);
        item["text"] = optional_value(block.text);
        if (block.type == BlockType::Caption) item["credit"] = optional_value(block.credit);
        body.push_back(std::move(item));
    }
    out["body"] = std::move(body);

    json related = json::array();
    for (const auto& r : a.related)
        related.push_back(json{{"title", r.title}, {"lead", optional_value(r.lead)}});
    out["related"] = std::move(related);

    out["stats"] = json{{"paragraphs", a.stats.paragraphs},
                        {"words", a.stats.words},
                        {"characters", a.stats.characters},
                        {"reading_minutes", a.stats.reading_minutes}};
    out["warnings"] = a.warnings;
    return out;
}

std::string dump_json(const nlohmann::ordered_json& value, bool pretty) {
    return value.dump(pretty ? 2 : -1, ' ', false,
                      nlohmann::ordered_json::error_handler_t::replace);
}

std::string to_json_string(const Article& article, bool pretty) {
    return dump_json(to_json(article), pretty);
}

}  // namespace pressparse
