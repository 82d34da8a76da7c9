// JSON from outside (a page's JSON-LD, an expected file of `pressparse check`) parsed with a
// bound on its nesting. nlohmann's parser keeps its own nesting on the heap, but much of what is
// done with the result afterwards recurses once per level (dump(), operator==, copies, any
// recursive walk), so a document of 100,000 nested arrays would overflow the stack later. This
// builds the document through the SAX interface and leaves out every array or object at depth
// `max_depth` or more (the outermost value is at depth 0), reporting that it did.
//
// Not nlohmann's parser callback: after each object it scans the enclosing container for a
// discarded value, which is quadratic in the number of objects in an array (an @graph of 20,000
// nodes took seconds).
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pressparse {

template <typename Json>
struct DepthLimitedJson {
    Json value;
    bool cut = false;   // something deeper than the bound was left out
    std::string error;  // why the text is not valid JSON; empty when it is
};

namespace detail {

// A SAX handler that builds the document like nlohmann's own DOM builder, skipping what nests
// too deep. Parse errors end the parse (no exceptions).
template <typename Json>
class DepthLimitedBuilder {
  public:
    using number_integer_t = typename Json::number_integer_t;
    using number_unsigned_t = typename Json::number_unsigned_t;
    using number_float_t = typename Json::number_float_t;
    using string_t = typename Json::string_t;
    using binary_t = typename Json::binary_t;

    explicit DepthLimitedBuilder(std::size_t max_depth) : max_depth_(max_depth) {}

    bool null() { return add(nullptr); }
    bool boolean(bool v) { return add(v); }
    bool number_integer(number_integer_t v) { return add(v); }
    bool number_unsigned(number_unsigned_t v) { return add(v); }
    bool number_float(number_float_t v, const string_t& /*text*/) { return add(v); }
    bool string(string_t& v) { return add(std::move(v)); }
    bool binary(binary_t& v) { return add(Json::binary(std::move(v))); }

    bool start_object(std::size_t /*size*/) { return open(Json::object()); }
    bool start_array(std::size_t /*size*/) { return open(Json::array()); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }
    bool key(string_t& k) {
        if (skipping_ == 0) key_ = std::move(k);
        return true;
    }

    template <typename Exception>
    bool parse_error(std::size_t /*position*/, const std::string& /*token*/,
                     const Exception& error) {
        error_ = error.what();
        return false;
    }

    DepthLimitedJson<Json> take() { return {std::move(root_), cut_, std::move(error_)}; }

  private:
    template <typename V>
    Json* place(V&& v) {
        if (open_.empty()) {
            root_ = Json(std::forward<V>(v));
            return &root_;
        }
        Json& parent = *open_.back();
        if (parent.is_array()) {
            parent.push_back(Json(std::forward<V>(v)));
            return &parent.back();
        }
        Json& slot = parent[key_];  // a repeated key replaces the earlier value, as in nlohmann
        slot = Json(std::forward<V>(v));
        return &slot;
    }
    template <typename V>
    bool add(V&& v) {
        if (skipping_ == 0) place(std::forward<V>(v));
        return true;
    }
    bool open(Json container) {
        if (skipping_ > 0 || open_.size() >= max_depth_) {
            cut_ = true;
            ++skipping_;
        } else {
            // Only the innermost open container ever grows, so the pointers to the outer ones
            // stay valid.
            open_.push_back(place(std::move(container)));
        }
        return true;
    }
    bool close() {
        if (skipping_ > 0) {
            --skipping_;
        } else {
            open_.pop_back();
        }
        return true;
    }

    std::size_t max_depth_;
    Json root_;
    std::vector<Json*> open_;
    std::size_t skipping_ = 0;  // open containers inside the one being left out
    string_t key_;
    bool cut_ = false;
    std::string error_;
};

}  // namespace detail

// What may follow the document.
enum class JsonTrailing {
    Refused,  // nothing but white space: the text is one JSON document (expected files)
    Ignored,  // the first complete value is the document (a page's JSON-LD block followed by a
              // stray brace or a second block, which browsers and search engines read)
};

// The document in `text` (a string, a stream, …), cut to `max_depth` levels; `error` says why
// when the text is not valid JSON (then `value` is partial and must not be used).
template <typename Json, typename Input>
DepthLimitedJson<Json> parse_json_to_depth(Input&& text, std::size_t max_depth,
                                           JsonTrailing trailing = JsonTrailing::Refused) {
    detail::DepthLimitedBuilder<Json> builder(max_depth);
    Json::sax_parse(std::forward<Input>(text), &builder, nlohmann::json::input_format_t::json,
                    /*strict=*/trailing == JsonTrailing::Refused);
    return builder.take();
}

}  // namespace pressparse
